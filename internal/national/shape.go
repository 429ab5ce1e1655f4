// Package national generates a national-size dataset for load tests and
// benchmarks of periodic reports: the country in its pre-2025 three-tier
// shape (63 provinces, about 700 districts, 10,600 communes and 1,200
// provincial agencies), a report form of many counts with a few rates, and
// the four quarterly reports of one year of every unit, all submitted with
// their values. It writes in large batches inside transactions (COPY on
// PostgreSQL), not through the report store, so a dataset of five million
// values loads in a minute or so.
package national

import (
	"fmt"
)

// The pre-2025 country: the real totals the shape is scaled from.
const (
	realProvinces = 63
	realAgencies  = 1200
	realDistricts = 700
	realCommunes  = 10600
	// unitsPerProvince is the average size of a province's tree (itself,
	// 19 agencies, 11 districts, 168 communes).
	unitsPerProvince = (realProvinces + realAgencies + realDistricts + realCommunes) / realProvinces
)

// Limits of Config.
const (
	MinUnits      = 10
	MaxUnits      = 200_000
	MinIndicators = 2
	MaxIndicators = 1000
)

// Shape is how many units of each kind a dataset has. The root of the
// country ("Cả nước") comes on top of them.
type Shape struct {
	Provinces, Agencies, Districts, Communes int
}

// ShapeOf returns the shape of a country of units units (provinces,
// agencies, districts and communes, the root not counted) in the
// proportions of the pre-2025 country: one province per 199 units (at
// least one, at most 63), then agencies, districts and communes as 1,200,
// 700 and 10,600 of 12,500, with at least one district per province and
// one commune per district. ShapeOf(12600) is 63 provinces, 1,203
// agencies, 702 districts and 10,632 communes. units must be at least
// MinUnits.
func ShapeOf(units int) Shape {
	s := Shape{Provinces: min(max(units/unitsPerProvince, 1), realProvinces)}
	rest := units - s.Provinces
	below := realAgencies + realDistricts + realCommunes
	s.Agencies = rest * realAgencies / below
	s.Districts = max(rest*realDistricts/below, s.Provinces)
	s.Communes = rest - s.Agencies - s.Districts
	return s
}

// Units returns the number of units of s, the root not counted.
func (s Shape) Units() int { return s.Provinces + s.Agencies + s.Districts + s.Communes }

// Reporting returns the number of units that send the form: agencies,
// districts and communes.
func (s Shape) Reporting() int { return s.Agencies + s.Districts + s.Communes }

// String describes s for progress lines.
func (s Shape) String() string {
	return fmt.Sprintf("%d provinces, %d agencies, %d districts, %d communes", s.Provinces, s.Agencies, s.Districts, s.Communes)
}

// share returns how many of total items the i-th of n holders gets when
// they are spread evenly, the first ones taking the remainder.
func share(total, n, i int) int {
	q, r := total/n, total%n
	if i < r {
		return q + 1
	}
	return q
}
