package schedule

import (
	"slices"

	"cchc/internal/civil"
)

// fact is what one period of a text says about the work.
type fact struct {
	start, due civil.Date
	open       bool // starts and goes on with no end: "từ năm 2012"
}

// resolver places the periods a parser found in the calendar.
type resolver struct {
	plan      int
	ctx       yearRef // the last year written in the text, for later periods without one
	facts     []fact
	recurs    []string
	usedPlan  bool // some date was (or would be) counted from the plan year
	needYear  bool // some date needs the plan year, which is unknown
	needMonth bool // a day is named without its month and the text does not recur monthly
	bad       bool // an impossible date or a period that ends before it starts
}

// year returns the calendar year of y, or false when it needs the unknown plan year.
func (r *resolver) year(y yearRef) (int, bool) {
	switch y.kind {
	case yearExplicit:
		return y.year, true
	case yearEvery:
		r.recurs = append(r.recurs, Yearly)
	}
	r.usedPlan = true
	if r.plan == 0 {
		r.needYear = true
		return 0, false
	}
	return r.plan + y.year, true
}

// place returns the intervals of s; nil when its year is unknown or a day
// does not exist (then r.bad is set).
func (r *resolver) place(s span) []interval {
	switch s.each {
	case eachQuarter:
		r.recurs = append(r.recurs, Quarterly)
	case eachMonth:
		r.recurs = append(r.recurs, Monthly)
	}
	y, ok := r.year(s.year)
	if !ok {
		return nil
	}
	ivs, ok := s.intervals(y)
	if !ok {
		r.bad = true
		return nil
	}
	return ivs
}

// shifted returns s with its year moved by d, for a range whose start took
// the year of its end ("từ tháng 10 đến tháng 3/2014": October 2013).
func shifted(s span, d int) span {
	switch s.year.kind {
	case yearExplicit, yearPlan:
		s.year.year += d
	case yearEvery: // "từ tháng 10 đến tháng 3 hằng năm": the yearly recurrence is already noted
		s.year = yearRef{kind: yearPlan, year: d}
	}
	return s
}

// group turns a group of periods into facts.
func (r *resolver) group(g group) {
	spans := slices.Clone(g.spans)
	written := make([]bool, len(spans))
	for i, s := range spans {
		written[i] = s.year.kind != yearNone
	}
	type item struct{ a, b int } // spans a..b: one period, or a range
	var items []item
	a := 0
	for i, c := range g.conns {
		if c == connList {
			items = append(items, item{a, i})
			a = i + 1
		}
	}
	items = append(items, item{a, len(spans) - 1})

	// Inside a range a missing year comes from the other end; in a list from
	// the nearest item that has one (the next first: "quý I, II năm 2012");
	// then from the last year written earlier in the text; then the plan year.
	shift := make([]int, len(spans))
	for _, it := range items {
		if it.a == it.b {
			continue
		}
		near := nearestWritten(written[it.a : it.b+1])
		for i := it.a; i <= it.b; i++ {
			if written[i] {
				continue
			}
			j := near[i-it.a]
			switch {
			case j < 0 && i == it.b: // no year in the range: "từ 31/12 đến 1/1" ends the next year
				shift[i] = 1
			case j < 0:
			case it.a+j > i:
				spans[i].year, shift[i] = spans[it.a+j].year, -1
			default:
				spans[i].year, shift[i] = spans[it.a+j].year, 1
			}
		}
	}
	near := nearestWritten(written)
	for i := range spans {
		if spans[i].year.kind != yearNone {
			continue
		}
		switch j := near[i]; {
		case j >= 0:
			spans[i].year = spans[j].year
		case r.ctx.kind != yearNone:
			spans[i].year = r.ctx
		default:
			spans[i].year = yearRef{kind: yearPlan}
		}
	}
	for i, s := range g.spans {
		if written[i] {
			r.ctx = s.year
		}
	}

	var facts []fact
	for _, it := range items {
		from := r.place(spans[it.a])
		if it.a == it.b {
			for _, iv := range from {
				facts = append(facts, apply(g.prefix, iv))
			}
			continue
		}
		to := r.place(spans[it.b])
		if len(from) == 0 || len(to) == 0 {
			continue
		}
		if shift[it.a] < 0 && from[0].first.After(to[len(to)-1].last) {
			from = r.place(shifted(spans[it.a], -1))
		}
		if shift[it.b] > 0 && to[len(to)-1].last.Before(from[0].first) {
			to = r.place(shifted(spans[it.b], 1))
		}
		if len(from) == 0 || len(to) == 0 {
			continue
		}
		if len(from) != len(to) {
			from, to = from[:1], to[len(to)-1:]
		}
		for i := range from {
			f := fact{start: from[i].first, due: to[i].last}
			if f.due.Before(f.start) {
				r.bad = true
			}
			facts = append(facts, f)
		}
	}
	r.facts = append(r.facts, mergeAdjacent(facts)...)
}

// nearestWritten returns for each index i the index of the nearest span
// after i with a written year, else the nearest before i, else -1.
func nearestWritten(written []bool) []int {
	near := make([]int, len(written))
	last := -1
	for i := range written { // the nearest before
		near[i] = last
		if written[i] {
			last = i
		}
	}
	next := -1
	for i := len(written) - 1; i >= 0; i-- { // the nearest after wins
		if next >= 0 {
			near[i] = next
		}
		if written[i] {
			next = i
		}
	}
	return near
}

// apply reads one interval under its preposition.
func apply(pr prefix, iv interval) fact {
	switch pr {
	case prefixBefore:
		if iv.day || iv.end { // "trước ngày 30/4/2020", "trước cuối năm": that day
			return fact{due: iv.last}
		}
		return fact{due: iv.first.AddDays(-1)} // "trước tháng 6": before June starts
	case prefixBy:
		return fact{due: iv.last}
	case prefixFrom:
		return fact{start: iv.first, open: true}
	case prefixAfter:
		return fact{start: iv.last.AddDays(1), open: true}
	}
	if iv.end || iv.day { // "cuối năm 2020": by its last day; "ngày 30/4/2020": by that day
		return fact{due: iv.last}
	}
	return fact{start: iv.first, due: iv.last}
}

// mergeAdjacent joins periods of a list that follow each other without a
// gap ("quý I, II" is January to June); periods with a gap stay apart and
// become milestones ("2012, 2015").
func mergeAdjacent(facts []fact) []fact {
	var out []fact
	for _, f := range facts {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if !last.due.IsZero() && !f.start.IsZero() && !f.due.IsZero() && !last.start.IsZero() &&
				f.start == last.due.AddDays(1) {
				last.due = f.due
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// anchor turns "N tháng kể từ ngày D" into a fact from D to D plus N.
func (r *resolver) anchor(a anchored) {
	s := a.from
	if s.year.kind == yearNone {
		s.year = r.ctx
		if s.year.kind == yearNone {
			s.year = yearRef{kind: yearPlan}
		}
	}
	ivs := r.place(s)
	if len(ivs) == 0 {
		return
	}
	start := ivs[0].first
	var due civil.Date
	switch a.unit {
	case "ngay":
		due = start.AddDays(a.count)
	case "tuan":
		due = start.AddDays(7 * a.count)
	case "thang":
		due = civil.Of(start.Time().AddDate(0, a.count, 0))
	case "quy":
		due = civil.Of(start.Time().AddDate(0, 3*a.count, 0))
	default:
		due = civil.Of(start.Time().AddDate(a.count, 0, 0))
	}
	if due.Year > maxYear+1 {
		r.bad = true
		return
	}
	r.facts = append(r.facts, fact{start: start, due: due})
}

// expand gives a recurrence with no dated period the periods of the plan
// year: its whole year (yearly), or the end of each half, quarter or month
// as milestones.
func (r *resolver) expand(recurrence string) {
	months := map[string]int{HalfYearly: 6, Quarterly: 3, Monthly: 1}[recurrence]
	if recurrence != Yearly && months == 0 {
		return
	}
	r.usedPlan = true
	if r.plan == 0 {
		return
	}
	first, _ := date(r.plan, 1, 1)
	last, _ := date(r.plan, 12, 31)
	if months == 0 {
		r.facts = append(r.facts, fact{start: first, due: last})
		return
	}
	r.facts = append(r.facts, fact{start: first})
	for m := months; m <= 12; m += months {
		end, _ := date(r.plan, m, daysIn(r.plan, m))
		r.facts = append(r.facts, fact{due: end})
	}
}

// recurrenceRank orders recurrences: the most frequent wins, and any
// periodic one wins over "continuous" ("thường xuyên hằng năm" is yearly).
var recurrenceRank = map[string]int{Continuous: 1, Yearly: 2, HalfYearly: 3, Quarterly: 4, Monthly: 5}

func pickRecurrence(rs []string) string {
	best := ""
	for _, r := range rs {
		if recurrenceRank[r] > recurrenceRank[best] {
			best = r
		}
	}
	return best
}

// schedule builds the result of parsing text.
func (p *parser) schedule(text string, plan int) Schedule {
	r := &resolver{plan: plan}
	monthly := slices.Contains(p.recurs, Monthly)
	for _, g := range p.groups {
		if !monthly && slices.ContainsFunc(g.spans, func(s span) bool { return s.bare }) {
			r.needMonth = true // "trước ngày 25": of which month?
			continue
		}
		r.group(g)
	}
	for _, a := range p.anchored {
		r.anchor(a)
	}
	if p.bad {
		r.bad = true
	}
	recurrence := pickRecurrence(append(p.recurs, r.recurs...))
	if len(p.groups) == 0 && len(p.anchored) == 0 {
		r.expand(recurrence)
	}

	s := Schedule{Text: text}
	var dues []civil.Date
	seen := map[civil.Date]bool{}
	open := false
	for _, f := range r.facts {
		if !f.start.IsZero() && (s.Start.IsZero() || f.start.Before(s.Start)) {
			s.Start = f.start
		}
		if !f.due.IsZero() && !seen[f.due] {
			seen[f.due] = true
			dues = append(dues, f.due)
		}
		open = open || f.open
	}
	slices.SortFunc(dues, func(a, b civil.Date) int { return a.Time().Compare(b.Time()) })
	if len(dues) > 0 {
		s.Due = dues[len(dues)-1]
		if !s.Start.IsZero() && s.Start.After(s.Due) {
			r.bad = true // "từ năm 2015; trước năm 2014": the work would end before it starts
		}
	}
	if len(dues) > 1 {
		s.Milestones = dues
	}
	if open && len(dues) == 0 && recurrence == "" {
		recurrence = Continuous
	}
	s.Recurrence = recurrence
	dated := !s.Start.IsZero() || !s.Due.IsZero()
	switch {
	case r.usedPlan:
		s.Relative = RelativePlanYear
	case p.event && !dated:
		s.Relative = RelativeEvent
	}
	switch {
	case r.bad:
		s.Start, s.Due, s.Milestones = civil.Date{}, civil.Date{}, nil
	case dated:
		s.Understood = true
	case r.needYear || r.needMonth:
		s.Understood = recurrence != ""
	default:
		s.Understood = recurrence != "" || p.event || p.noDate
	}
	return s
}
