package agency

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Entry is a unit the Directory can match: its id, names (the current name,
// short name, aliases and earlier names) and kind code.
type Entry struct {
	UnitID int64
	Kind   string
	Names  []string
}

// GroupEntry is a unit group the Directory can match: its id, code (e.g.
// "districts") and names (name and aliases).
type GroupEntry struct {
	GroupID int64
	Code    string
	Names   []string
}

// Candidate is a unit or group a name might mean, with its score (0..1).
type Candidate struct {
	UnitID  int64   `json:"unit_id,omitempty"`
	GroupID int64   `json:"group_id,omitempty"`
	Name    string  `json:"name"`
	Score   float64 `json:"score"`
}

// Scores and thresholds of matching.
const (
	// ScoreExact is the score of a name whose Key equals a unit's name's.
	ScoreExact = 1.0
	// ScorePlace is the score of a name equal to a unit's name but for the
	// province it names ("UBND tỉnh" for "Ủy ban nhân dân tỉnh Phú Sơn",
	// "Đài Phát thanh và Truyền hình" for "... Sóc Trăng").
	ScorePlace = 0.97
	// ScoreSure is the least score Resolve accepts for a match that is not
	// exact; the best candidate must also lead the next by ScoreMargin.
	ScoreSure   = 0.85
	ScoreMargin = 0.05
	// MaxCandidates is how many candidates Resolve returns at most.
	MaxCandidates = 5
)

// Directory matches agency names to units and groups. It is built once by
// NewDirectory and only read afterwards, so it is safe for concurrent use.
type Directory struct {
	units     []Entry
	groups    []GroupEntry
	names     []dirName
	exact     map[string][]int32 // Key of a name → names
	short     map[string][]int32 // a name's key without its place → names
	postings  map[string][]int32 // key word → names holding it
	vocab     []string           // key words, sorted, for prefix search
	groupCode map[string]int
	provinces []string // keys of the province names the units carry ("phu son")
}

// dirName is one indexed name of a unit (unit >= 0) or a group (group >= 0).
type dirName struct {
	key   string
	words []string
	unit  int32
	group int32
}

// NewDirectory indexes units and groups for Resolve and Search. Names whose
// Key is empty are ignored.
func NewDirectory(units []Entry, groups []GroupEntry) *Directory {
	d := &Directory{units: units, groups: groups, exact: map[string][]int32{}, short: map[string][]int32{},
		postings: map[string][]int32{}, groupCode: map[string]int{}}
	add := func(name string, unit, group int32) {
		key := Key(name)
		if key == "" {
			return
		}
		id := int32(len(d.names))
		words := strings.Fields(key)
		d.names = append(d.names, dirName{key: key, words: words, unit: unit, group: group})
		d.exact[key] = append(d.exact[key], id)
		for i, w := range words {
			if !slices.Contains(words[:i], w) {
				d.postings[w] = append(d.postings[w], id)
			}
		}
	}
	for i, u := range units {
		for _, n := range u.Names {
			add(n, int32(i), -1)
		}
	}
	for i, g := range groups {
		if _, dup := d.groupCode[g.Code]; g.Code != "" && !dup {
			d.groupCode[g.Code] = i
		}
		for _, n := range g.Names {
			add(n, -1, int32(i))
		}
	}
	d.provinces = learnProvinces(d.names)
	for id, n := range d.names {
		for _, v := range placeless(n.key, d.provinces) {
			d.short[v] = append(d.short[v], int32(id))
		}
	}
	for w := range d.postings {
		d.vocab = append(d.vocab, w)
	}
	slices.Sort(d.vocab)
	return d
}

// learnProvinces returns the province names units carry: the words after
// "tỉnh" in the committee's name ("Ủy ban nhân dân tỉnh Phú Sơn"), and those
// after "tỉnh" at the end of two names or more.
func learnProvinces(names []dirName) []string {
	count := map[string]int{}
	for _, n := range names {
		if n.unit < 0 {
			continue
		}
		i := slices.Index(n.words, "tinh")
		if i < 0 || i == len(n.words)-1 || len(n.words)-i-1 > 4 {
			continue
		}
		tail := strings.Join(n.words[i+1:], " ")
		if strings.HasPrefix(n.key, "uy ban nhan dan tinh ") {
			count[tail] += 2
		} else {
			count[tail]++
		}
	}
	var out []string
	for tail, c := range count {
		if c >= 2 {
			out = append(out, tail)
		}
	}
	slices.Sort(out)
	return out
}

// placeless returns the shorter keys a name is also known by when the place
// is left out: cut after "tỉnh" ("uy ban nhan dan tinh phu son" → "uy ban
// nhan dan tinh"), without "tỉnh ..." ("so noi vu tinh phu son" → "so noi
// vu"), without a trailing province name or a trailing "tỉnh". A variant
// keeps two words at least.
func placeless(key string, provinces []string) []string {
	var out []string
	add := func(v string) {
		if v != key && strings.Count(v, " ") >= 1 && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if i := placeCut(key); i >= 0 {
		add(key[:i+len(" tinh")])
		add(key[:i])
	}
	for _, p := range provinces {
		if v, ok := strings.CutSuffix(key, " "+p); ok {
			add(strings.TrimSuffix(v, " tinh"))
			add(v)
		}
	}
	if v, ok := strings.CutSuffix(key, " tinh"); ok {
		add(v)
	}
	return out
}

// placeCut returns where " tinh" starts in key when place words follow it
// ("... tinh phu son"), or -1. "Tỉnh ủy" and "Tỉnh đoàn" are names, not
// places.
func placeCut(key string) int {
	for off := 0; ; {
		i := strings.Index(key[off:]+" ", " tinh ")
		if i < 0 {
			return -1
		}
		i += off
		rest := strings.Fields(key[i+len(" tinh"):])
		if len(rest) == 0 || (rest[0] != "uy" && rest[0] != "doan") {
			return i
		}
		off = i + len(" tinh")
	}
}

// Resolve finds the units (for a single agency) or groups (for a group) a
// has named and returns up to MaxCandidates of them, best first, whatever
// their score. When the best is sure enough it fills a.UnitID or a.GroupID
// and a.Score: a group whose Code is a.Group; else an exact match (Key of
// the name equals a unit's name's, and no other unit has that name); else a
// match scoring at least ScoreSure and ScoreMargin ahead of the next unit.
// Scores below 1 come from the name without the province (ScorePlace) or
// from the words both names share, weighted by how rare they are among all
// names and forgiving one-letter typos in words of 4 letters or more.
// When no candidate is sure enough, a is left as it was. Unspecified
// agencies are never resolved (no candidates). An exact match costs a few
// map look-ups; other names are scored against at most a few dozen names
// found through a word index, so Resolve stays fast on a directory of a
// whole country's communes.
func (d *Directory) Resolve(a *Agency) []Candidate {
	if a == nil || a.Unspecified {
		return []Candidate{}
	}
	if a.Group != "" {
		return d.resolveGroup(a)
	}
	cands := d.rank(a.Name, wantUnits, false, MaxCandidates)
	if sure(cands) {
		id := cands[0].UnitID
		a.UnitID, a.Score = &id, cands[0].Score
	}
	return cands
}

// resolveGroup resolves a group by its code, else by its name.
func (d *Directory) resolveGroup(a *Agency) []Candidate {
	cands := d.rank(a.Name, wantGroups, false, MaxCandidates)
	if i, ok := d.groupCode[a.Group]; ok {
		g := d.groups[i]
		best := Candidate{GroupID: g.GroupID, Name: entryName(g.Names, g.Code), Score: ScoreExact}
		cands = slices.DeleteFunc(cands, func(c Candidate) bool { return c.GroupID == g.GroupID })
		cands = append([]Candidate{best}, cands...)
		cands = cands[:min(len(cands), MaxCandidates)]
		id := g.GroupID
		a.GroupID, a.Score = &id, ScoreExact
		return cands
	}
	if sure(cands) {
		id := cands[0].GroupID
		a.GroupID, a.Score = &id, cands[0].Score
	}
	return cands
}

// Search returns up to limit units and groups (10 when limit <= 0) that
// free text may mean, best first: a user typing "so noi" is offered "Sở Nội
// vụ". It never returns nil.
func (d *Directory) Search(text string, limit int) []Candidate {
	if limit <= 0 {
		limit = 10
	}
	return d.rank(text, wantUnits|wantGroups, true, limit)
}

// sure reports whether the best of cands is sure enough to resolve.
func sure(cands []Candidate) bool {
	if len(cands) == 0 {
		return false
	}
	best := cands[0].Score
	next := 0.0
	if len(cands) > 1 {
		next = cands[1].Score
	}
	if best >= ScoreExact {
		return next < ScoreExact
	}
	return best >= ScoreSure && best-next >= ScoreMargin
}

// entryName returns an entry's display name: its first name, else fallback.
func entryName(names []string, fallback string) string {
	for _, n := range names {
		if strings.TrimSpace(n) != "" {
			return n
		}
	}
	return fallback
}

// round3 rounds a score to three decimals, so equal matches compare equal.
func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// compareCandidates orders candidates best first, then by name and id.
func compareCandidates(x, y Candidate) int {
	if c := cmp.Compare(y.Score, x.Score); c != 0 {
		return c
	}
	if c := strings.Compare(x.Name, y.Name); c != 0 {
		return c
	}
	if c := cmp.Compare(x.UnitID, y.UnitID); c != 0 {
		return c
	}
	return cmp.Compare(x.GroupID, y.GroupID)
}
