package demo

import (
	"fmt"
	"strings"
)

// Types of local unit, as they begin a unit's name.
const (
	typeCity  = "Thành phố"
	typeTown  = "Thị xã"
	typeRural = "Huyện"
	typeWard  = "Phường"
	typeXa    = "Xã"
	typeTT    = "Thị trấn" // district seat; the category ended on 01/07/2025
)

// districtSpec is a former district (huyện, thị xã, thành phố thuộc tỉnh)
// and the size of its communes before 2025. A rural district has a thị
// trấn (its seat) named after it.
type districtSpec struct {
	Code      string
	Type      string
	Base      string // place name: "Đông Hòa"
	Wards, Xa int
	Named     []place // names of its first merged units in 2025, in order
}

func (d districtSpec) Name() string { return d.Type + " " + d.Base }

// place is a local unit's type and place name.
type place struct{ Type, Base string }

func (p place) Name() string { return p.Type + " " + p.Base }

// Aliases are the ways documents write a local unit: "UBND xã Tân Hòa",
// "Ủy ban nhân dân xã Tân Hòa".
func (p place) Aliases() []string {
	t := strings.ToLower(p.Type)
	return []string{"UBND " + t + " " + p.Base, "Ủy ban nhân dân " + t + " " + p.Base}
}

// districts are the province's former districts. Named units are the ones
// the demo accounts and the agencies' addresses refer to.
var districts = []districtSpec{
	{Code: "H01", Type: typeCity, Base: ProvinceName, Wards: 18, Xa: 5,
		Named: []place{{typeWard, ProvinceName}, {typeWard, "An Phú"}}},
	{Code: "H02", Type: typeTown, Base: "An Hưng", Wards: 10, Xa: 10,
		Named: []place{{typeWard, "An Hưng"}}},
	{Code: "H03", Type: typeRural, Base: "Đông Hòa", Xa: 22,
		Named: []place{{typeXa, "Tân Hòa"}}},
	{Code: "H04", Type: typeRural, Base: "Tây Thạnh", Xa: 24},
	{Code: "H05", Type: typeRural, Base: "Hòa Mỹ", Xa: 19},
	{Code: "H06", Type: typeRural, Base: "Long Phước", Xa: 25},
	{Code: "H07", Type: typeRural, Base: "Thuận Bình", Xa: 20},
	{Code: "H08", Type: typeRural, Base: "Hưng Tân", Xa: 22},
	{Code: "H09", Type: typeRural, Base: "Ngọc Lâm", Xa: 17},
}

// mergePattern is how many old communes form each 2025 unit, repeated
// along a district's list (1 = the commune stays as it is). Real provinces
// merged more; the demo keeps over a hundred communes to page through.
var mergePattern = []int{2, 1, 1, 3, 1, 2, 1, 1, 2, 1}

// oldCommune is a commune, ward or thị trấn that existed from 2010.
type oldCommune struct {
	Code string
	place
}

// communeMerge is one unit of the 2025 arrangement: the old communes
// Sources (indices into districtPlan.Old) became New.
type communeMerge struct {
	Sources []int
	Code    string
	New     place
}

// districtPlan is a former district's communes and their 2025 fate. Old
// communes that are in no merge carried on unchanged.
type districtPlan struct {
	Spec   districtSpec
	Old    []oldCommune
	Merges []communeMerge
}

// planLocal lays out every district's communes and merges. It is pure and
// deterministic: the same plan on every run.
func planLocal() []districtPlan {
	var reserved []string
	for _, d := range districts {
		reserved = append(reserved, d.Base)
		for _, n := range d.Named {
			reserved = append(reserved, n.Base)
		}
	}
	pool := newNamePool(reserved...)
	plans := make([]districtPlan, len(districts))
	for i, d := range districts {
		p := districtPlan{Spec: d}
		if d.Type == typeRural {
			p.Old = append(p.Old, oldCommune{d.Code + "-TT", place{typeTT, d.Base}})
		}
		for j := range d.Wards {
			p.Old = append(p.Old, oldCommune{fmt.Sprintf("%s-P%02d", d.Code, j+1), place{typeWard, pool.take()}})
		}
		for j := range d.Xa {
			p.Old = append(p.Old, oldCommune{fmt.Sprintf("%s-X%02d", d.Code, j+1), place{typeXa, pool.take()}})
		}
		plans[i] = p
	}
	seq := 0
	for i := range plans {
		p := &plans[i]
		d := p.Spec
		var wards, rest []int // indices into p.Old
		for j, c := range p.Old {
			if c.Type == typeWard {
				wards = append(wards, j)
			} else {
				rest = append(rest, j)
			}
		}
		named := map[string][]place{}
		for _, n := range d.Named {
			named[n.Type] = append(named[n.Type], n)
		}
		if d.Type == typeRural {
			// The thị trấn and its neighbours become a xã named after the
			// former district, as most district seats did in 2025.
			named[typeXa] = append([]place{{typeXa, d.Base}}, named[typeXa]...)
		}
		for _, list := range []struct {
			members []int
			newType string
		}{{wards, typeWard}, {rest, typeXa}} {
			first := make([]int, len(named[list.newType]))
			for k := range first {
				first[k] = 3 - k%2 // named units: 3, 2, 3 ... communes
			}
			for _, group := range chunk(list.members, first, mergePattern, i) {
				if len(group) < 2 {
					continue
				}
				seq++
				m := communeMerge{Sources: group, Code: fmt.Sprintf("X%03d", seq)}
				if q := named[list.newType]; len(q) > 0 {
					m.New, named[list.newType] = q[0], q[1:]
				} else {
					m.New = place{list.newType, pool.take()}
				}
				p.Merges = append(p.Merges, m)
			}
		}
	}
	return plans
}

// chunk splits members into consecutive groups: first the sizes in first,
// then sizes from pattern, cycling from offset. The last group takes what
// is left.
func chunk(members, first, pattern []int, offset int) [][]int {
	var groups [][]int
	for k := 0; len(members) > 0; k++ {
		var size int
		if k < len(first) {
			size = first[k]
		} else {
			size = pattern[(offset+k-len(first))%len(pattern)]
		}
		size = min(size, len(members))
		groups = append(groups, members[:size])
		members = members[size:]
	}
	return groups
}
