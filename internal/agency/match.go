package agency

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
)

// What rank looks for.
const (
	wantUnits = 1 << iota
	wantGroups
)

// Limits of the fuzzy search: how many postings it reads (fewer when an
// exact match is already found) and how many names it scores in full.
const (
	fuzzyBudget      = 30000
	fuzzyBudgetExact = 3000
	fuzzyScored      = 64
	fuzzyMax         = 0.99 // a fuzzy match never ties an exact one
)

// rank returns up to limit units and/or groups text may mean, best first.
// prefix lets the last word of text be the start of a word ("so noi v").
func (d *Directory) rank(text string, want int, prefix bool, limit int) []Candidate {
	key := Key(text)
	if key == "" || limit <= 0 {
		return []Candidate{}
	}
	score := map[int32]float64{}
	put := func(ids []int32, sc float64) {
		for _, id := range ids {
			if d.wanted(id, want) && sc > score[id] {
				score[id] = sc
			}
		}
	}
	put(d.exact[key], ScoreExact)
	put(d.short[key], ScorePlace)
	for _, v := range placeless(key, d.provinces) {
		put(d.exact[v], ScorePlace)
		put(d.short[v], ScorePlace-0.02)
	}
	budget := fuzzyBudget
	if len(score) > 0 {
		budget = fuzzyBudgetExact
	}
	q := strings.Fields(key)
	for _, id := range d.fuzzyCandidates(q, want, prefix, budget) {
		if sc := min(fuzzyMax, d.similarity(q, d.names[id].words, prefix)); sc > score[id] {
			score[id] = sc
		}
	}
	type entry struct{ unit, group int32 }
	best := map[entry]float64{}
	for id, sc := range score {
		n := d.names[id]
		if k := (entry{n.unit, n.group}); sc > best[k] {
			best[k] = sc
		}
	}
	out := make([]Candidate, 0, len(best))
	for e, sc := range best {
		c := Candidate{Score: round3(sc)}
		if e.unit >= 0 {
			u := d.units[e.unit]
			c.UnitID, c.Name = u.UnitID, entryName(u.Names, "")
		} else {
			g := d.groups[e.group]
			c.GroupID, c.Name = g.GroupID, entryName(g.Names, g.Code)
		}
		out = append(out, c)
	}
	slices.SortFunc(out, compareCandidates)
	return slices.Clip(out[:min(limit, len(out))])
}

// wanted reports whether name id is a unit's or a group's as want asks.
func (d *Directory) wanted(id int32, want int) bool {
	n := d.names[id]
	return (n.unit >= 0 && want&wantUnits != 0) || (n.group >= 0 && want&wantGroups != 0)
}

// fuzzyCandidates returns the names sharing the most (rarest) words with
// q, reading the postings of the rarest words first and at most budget of
// them.
func (d *Directory) fuzzyCandidates(q []string, want int, prefix bool, budget int) []int32 {
	type term struct {
		w   string
		ids []int32
	}
	var terms []term
	seen := map[string]bool{}
	for i, w := range q {
		words := []string{w}
		if prefix && i == len(q)-1 {
			words = append(words, d.withPrefix(w, 20)...)
		}
		for _, v := range words {
			if ids := d.postings[v]; !seen[v] && len(ids) > 0 {
				terms = append(terms, term{v, ids})
			}
			seen[v] = true
		}
	}
	slices.SortStableFunc(terms, func(x, y term) int { return cmp.Compare(len(x.ids), len(y.ids)) })
	acc := make([]float32, len(d.names))
	var touched []int32
	for _, t := range terms {
		if budget <= 0 {
			break
		}
		ids := t.ids[:min(len(t.ids), budget)]
		budget -= len(ids)
		w := float32(d.weight(t.w))
		for _, id := range ids {
			if d.wanted(id, want) {
				if acc[id] == 0 {
					touched = append(touched, id)
				}
				acc[id] += w
			}
		}
	}
	type hit struct {
		id  int32
		acc float32
	}
	hits := make([]hit, len(touched))
	for i, id := range touched {
		hits[i] = hit{id, acc[id]}
	}
	slices.SortFunc(hits, func(x, y hit) int {
		if c := cmp.Compare(y.acc, x.acc); c != 0 {
			return c
		}
		return cmp.Compare(x.id, y.id)
	})
	out := make([]int32, 0, min(len(hits), fuzzyScored))
	for _, h := range hits[:min(len(hits), fuzzyScored)] {
		out = append(out, h.id)
	}
	return out
}

// withPrefix returns up to limit indexed words that start with p (p
// excluded).
func (d *Directory) withPrefix(p string, limit int) []string {
	var out []string
	for i := sort.SearchStrings(d.vocab, p); i < len(d.vocab) && len(out) < limit; i++ {
		if !strings.HasPrefix(d.vocab[i], p) {
			break
		}
		if d.vocab[i] != p {
			out = append(out, d.vocab[i])
		}
	}
	return out
}

// weight is how much a word tells names apart: rare words weigh more.
func (d *Directory) weight(w string) float64 {
	return math.Log(1 + float64(len(d.names))/float64(1+len(d.postings[w])))
}

// similarity returns how alike key words q and u are, 0..1: the weighted
// share of the words of each found in the other (a one-letter typo in a
// word of 4 letters or more counts 0.8; in prefix mode, the last word of q
// may be the start of a word of u, counting 0.9).
func (d *Directory) similarity(q, u []string, prefix bool) float64 {
	var num, den float64
	last := ""
	if prefix && len(q) > 0 {
		last = q[len(q)-1]
	}
	for i, a := range q {
		w := d.weight(a)
		den += w
		best := 0.0
		for _, b := range u {
			m := wordMatch(a, b)
			if i == len(q)-1 && last != "" && m < 0.9 && strings.HasPrefix(b, a) {
				m = 0.9
			}
			best = max(best, m)
		}
		num += w * best
	}
	for _, b := range u {
		w := d.weight(b)
		den += w
		best := 0.0
		for _, a := range q {
			m := wordMatch(a, b)
			if a == last && m < 0.9 && strings.HasPrefix(b, a) {
				m = 0.9
			}
			best = max(best, m)
		}
		num += w * best
	}
	if den == 0 {
		return 0
	}
	return num / den
}

// wordMatch is 1 for equal words, 0.8 for words of 4 letters or more one
// edit apart, else 0.
func wordMatch(a, b string) float64 {
	switch {
	case a == b:
		return 1
	case len(a) >= 4 && len(b) >= 4 && oneEdit(a, b):
		return 0.8
	}
	return 0
}

// oneEdit reports whether a and b differ by one inserted, deleted or
// replaced byte at most.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i == len(a) || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}
