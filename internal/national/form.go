package national

import (
	"fmt"

	"cchc/internal/report"
)

// FormCode is the code of the generated form.
const FormCode = "QG"

// formTitle is the generated form's title.
const formTitle = "Báo cáo số liệu cải cách hành chính (bộ dữ liệu quy mô cả nước)"

// formKinds are the unit kinds that send the generated form, as the
// default PAR form.
var formKinds = []string{"agency", "district", "commune"}

// CountCode returns the code of count i (0-based) of the generated form:
// "c001", "c002", ...
func CountCode(i int) string { return fmt.Sprintf("c%03d", i+1) }

// rates returns how many rates a form of n counts has: one per ten counts,
// each over a pair of counts, so never more than n/2.
func rates(n int) int { return min(max(n/10, 1), n/2) }

// Definition returns the generated form of n counts (c001 ...): one
// section with the counts, then one rate per ten counts, rate k being
// count 2k over count 2k-1 ("c002 / c001"), and a rule per rate that its
// numerator does not exceed its denominator, so submissions run the same
// checks as the real form's.
func Definition(n int) report.Definition {
	sec := report.Section{Code: "so_lieu", Title: "Số liệu tổng hợp"}
	for i := range n {
		sec.Indicators = append(sec.Indicators, report.Indicator{Code: CountCode(i),
			Label: fmt.Sprintf("Chỉ tiêu số lượng %d", i+1), Kind: report.KindCount})
	}
	var rules []report.Rule
	for k := range rates(n) {
		num, den := CountCode(2*k+1), CountCode(2*k)
		sec.Indicators = append(sec.Indicators, report.Indicator{Code: fmt.Sprintf("r%02d", k+1),
			Label: fmt.Sprintf("Tỷ lệ %d (chỉ tiêu %d trên chỉ tiêu %d)", k+1, 2*k+2, 2*k+1),
			Kind:  report.KindRate, Formula: num + " / " + den})
		rules = append(rules, report.Rule{Expr: num + " <= " + den,
			Message: fmt.Sprintf("Chỉ tiêu %d không được lớn hơn chỉ tiêu %d.", 2*k+2, 2*k+1)})
	}
	return report.Definition{Sections: []report.Section{sec}, Rules: rules}
}

// magnitude is the typical size of a count of a unit of kind.
func magnitude(kind string) uint64 {
	switch kind {
	case "agency":
		return 300
	case "district":
		return 600
	}
	return 60
}

// mix is splitmix64's finalizer: a cheap, well-spread hash.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// Figures fills out (of length n, the form's counts) with the figures unit
// unitID reports for quarter q, deterministically: counts around the
// magnitude of the unit's kind, each pair behind a rate with its numerator
// 55-100% of its denominator, so Definition(n).Check passes.
func Figures(out []int64, unitID int64, q int, kind string) {
	size := magnitude(kind)
	seed := mix(uint64(unitID)<<8 | uint64(q))
	for i := range out {
		h := mix(seed + uint64(i))
		out[i] = int64(1 + h%(2*size))
	}
	for k := range rates(len(out)) {
		den := out[2*k]
		out[2*k+1] = den * int64(55+mix(seed^uint64(k))%46) / 100
	}
}

// Values returns Figures as a map by code, as the report store and the
// API take them.
func Values(n int, unitID int64, q int, kind string) map[string]int64 {
	figs := make([]int64, n)
	Figures(figs, unitID, q, kind)
	out := make(map[string]int64, n)
	for i, v := range figs {
		out[CountCode(i)] = v
	}
	return out
}
