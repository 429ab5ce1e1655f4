package index

import (
	"cmp"
	"math/big"
	"slices"

	"cchc/internal/index/rule"
	"cchc/internal/vn"
)

// resultCompareFractions compares a/b with c/d for positive denominators b and d,
// exactly, by cross-multiplying: a×d against c×b. Points are hundredths and
// a framework's maximum stays far below 100 000 hundredths (1 000 points),
// so the products stay below 10^10 and int64 (about 9,2×10^18) holds them;
// operands of 2^31 or more, which no framework has, fall back to math/big
// so the comparison is exact whatever is stored.
func resultCompareFractions(a, b, c, d rule.Points) int {
	const limit = 1 << 31
	small := func(p rule.Points) bool { return p > -limit && p < limit }
	if small(a) && small(b) && small(c) && small(d) {
		return cmp.Compare(int64(a)*int64(d), int64(c)*int64(b))
	}
	l := new(big.Int).Mul(big.NewInt(int64(a)), big.NewInt(int64(d)))
	r := new(big.Int).Mul(big.NewInt(int64(c)), big.NewInt(int64(b)))
	return l.Cmp(r)
}

// resultCompareIndex orders two units by index, the higher first: it returns a
// negative number when u comes before v. The comparison is exact on the
// fractions Points/Max; a unit with Max 0 has no index and comes after
// every unit that has one.
func resultCompareIndex(u, v UnitResult) int {
	switch {
	case u.Max <= 0 && v.Max <= 0:
		return 0
	case u.Max <= 0:
		return 1
	case v.Max <= 0:
		return -1
	}
	return resultCompareFractions(v.Points, v.Max, u.Points, u.Max)
}

// resultRank sorts units for a results table and gives ranks. Ranked units
// (Ranked true, which Compute sets only for units with a maximum above 0)
// come first, by index descending; units with equal indices share a rank
// and the next rank skips as many places (1, 1, 3) — standard competition
// ranking, as ministry tables print it. Unranked units follow with Rank
// nil, in the same index order. Equal indices are listed in Vietnamese
// order of the unit's name, then by unit id, so the order never depends on
// the input's.
func resultRank(units []UnitResult) {
	c := vn.NewCollator()
	slices.SortFunc(units, func(u, v UnitResult) int {
		if u.Ranked != v.Ranked {
			if u.Ranked {
				return -1
			}
			return 1
		}
		if n := resultCompareIndex(u, v); n != 0 {
			return n
		}
		if n := c.Compare(u.UnitName, v.UnitName); n != 0 {
			return n
		}
		return cmp.Compare(u.UnitID, v.UnitID)
	})
	for i := range units {
		units[i].Rank = nil
		if !units[i].Ranked {
			continue
		}
		r := i + 1
		if i > 0 && units[i-1].Ranked && resultCompareIndex(units[i-1], units[i]) == 0 {
			r = *units[i-1].Rank
		}
		units[i].Rank = &r
	}
}
