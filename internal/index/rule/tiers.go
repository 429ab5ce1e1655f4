package rule

import (
	"strings"
)

// tiers: the first tier a ratio falls in gives its points. Tiers may leave
// gaps (a ratio in none scores 0) but may not overlap.
type tiers struct{}

func (tiers) label() string { return "Theo tỷ lệ (bậc)" }
func (tiers) needs() string { return NeedRatio }

// interval is a tier within the ratios 0..1: [lo, hi] with each end in or
// out.
type interval struct {
	lo, hi     float64
	loIn, hiIn bool
}

func (t Tier) interval() interval {
	iv := interval{lo: 0, hi: 1, loIn: true, hiIn: true}
	if t.From != nil && *t.From >= 0 {
		iv.lo, iv.loIn = *t.From, t.FromIncl
	}
	if t.To != nil && *t.To <= 1 {
		iv.hi, iv.hiIn = *t.To, t.ToIncl
	}
	return iv
}

func (iv interval) empty() bool {
	return iv.lo > iv.hi || iv.lo == iv.hi && !(iv.loIn && iv.hiIn)
}

func (iv interval) contains(r float64) bool {
	return (r > iv.lo || iv.loIn && r == iv.lo) && (r < iv.hi || iv.hiIn && r == iv.hi)
}

func intersect(a, b interval) interval {
	lo, hi := max(a.lo, b.lo), min(a.hi, b.hi)
	return interval{
		lo: lo, hi: hi,
		loIn: (a.lo < lo || a.loIn) && (b.lo < lo || b.loIn),
		hiIn: (a.hi > hi || a.hiIn) && (b.hi > hi || b.hiIn),
	}
}

// witness returns a ratio in a non-empty interval.
func (iv interval) witness() float64 {
	switch {
	case iv.loIn:
		return iv.lo
	case iv.hiIn:
		return iv.hi
	default:
		return (iv.lo + iv.hi) / 2
	}
}

// Contains reports whether ratio r falls in the tier.
func (t Tier) Contains(r float64) bool { return t.interval().contains(r) }

// Text writes the tier's range in Vietnamese, lower case: "trên 90%", "từ
// 70% đến 90%", "từ 70% đến dưới 90%", "dưới 70%", "đạt 100%". An
// inclusive bound is written "từ"/"đến", an exclusive one "trên"/"dưới".
func (t Tier) Text() string {
	switch {
	case t.From == nil && t.To == nil:
		return "mọi tỷ lệ"
	case t.From != nil && t.To != nil && *t.From == *t.To && t.FromIncl && t.ToIncl:
		return "đạt " + boundText(*t.From)
	case t.To == nil:
		if t.FromIncl {
			return "từ " + boundText(*t.From) + " trở lên"
		}
		return "trên " + boundText(*t.From)
	case t.From == nil:
		if t.ToIncl {
			return "từ " + boundText(*t.To) + " trở xuống"
		}
		return "dưới " + boundText(*t.To)
	}
	s := "trên "
	if t.FromIncl {
		s = "từ "
	}
	s += boundText(*t.From) + " đến "
	if !t.ToIncl {
		s += "dưới "
	}
	return s + boundText(*t.To)
}

func (tiers) validate(s Spec, max Points) error {
	if len(s.Tiers) == 0 {
		return problem("Cần ít nhất một bậc điểm.")
	}
	for i, t := range s.Tiers {
		for _, b := range []*float64{t.From, t.To} {
			if b == nil {
				continue
			}
			if !(*b >= 0 && *b <= 1) {
				return problem("Bậc %d: ngưỡng phải từ 0%% đến 100%%.", i+1)
			}
			if !exactBound(*b) {
				return problem("Bậc %d: ngưỡng %s chỉ được có tối đa hai chữ số thập phân.", i+1, decimalText(*b*100, 8)+"%")
			}
		}
		if t.interval().empty() {
			return problem("Bậc %d (%s) không chứa tỷ lệ nào.", i+1, t.Text())
		}
		if t.Points < 0 {
			return problem("Bậc %d: điểm không được âm.", i+1)
		}
		if max != anyMax && t.Points > max {
			return problem("Bậc %d: điểm phải từ 0 đến %s.", i+1, max)
		}
	}
	for i, a := range s.Tiers {
		for j := i + 1; j < len(s.Tiers); j++ {
			b := s.Tiers[j]
			if iv := intersect(a.interval(), b.interval()); !iv.empty() {
				return problem("Bậc %d (%s) và bậc %d (%s) chồng nhau: tỷ lệ %s thuộc cả hai.",
					i+1, a.Text(), j+1, b.Text(), ratioText(iv.witness(), nil))
			}
		}
	}
	return nil
}

// inputRatio returns in.Ratio, checked to lie in 0..1.
func inputRatio(in Input) (float64, error) {
	if in.Ratio == nil {
		return 0, problem("Chưa có tỷ lệ.")
	}
	if r := *in.Ratio; r >= 0 && r <= 1 {
		return r, nil
	}
	return 0, problem("Tỷ lệ phải từ 0%% đến 100%%.")
}

func (tiers) score(s Spec, max Points, in Input) (Result, error) {
	r, err := inputRatio(in)
	if err != nil {
		return Result{}, err
	}
	var bounds []float64
	for _, t := range s.Tiers {
		for _, b := range []*float64{t.From, t.To} {
			if b != nil {
				bounds = append(bounds, *b)
			}
		}
	}
	for _, t := range s.Tiers {
		if t.Contains(r) {
			return Result{Points: t.Points,
				Explain: "Tỷ lệ " + ratioText(r, bounds) + " (" + t.Text() + "): " + pointsText(t.Points)}, nil
		}
	}
	return Result{Points: 0, Explain: "Tỷ lệ " + ratioText(r, bounds) + " không thuộc bậc nào: " + pointsText(0)}, nil
}

func (tiers) describe(s Spec, max Points) string {
	parts := make([]string, len(s.Tiers))
	for i, t := range s.Tiers {
		parts[i] = t.Text() + ": " + pointsText(t.Points)
	}
	return upperFirst(strings.Join(parts, "; "))
}

func (tiers) parse(text string) (Spec, error) {
	cs := clauses(text)
	s := Spec{Type: TypeTiers, Tiers: make([]Tier, 0, len(cs))}
	for i, c := range cs {
		label, value, ok := labelValue(c)
		var t Tier
		if ok {
			t, ok = readRange(label)
		}
		if !ok {
			if i == 0 {
				return Spec{}, errNotMine
			}
			return Spec{}, problem("Không hiểu bậc “%s”.", c)
		}
		a, err := readAmount(value)
		if err != nil {
			return Spec{}, err
		}
		if a.isMax || a.isPct && !a.allZero {
			return Spec{}, problem("Bậc “%s”: cần ghi số điểm cụ thể.", c)
		}
		t.Points = a.points
		s.Tiers = append(s.Tiers, t)
	}
	if len(s.Tiers) == 0 {
		return Spec{}, errNotMine
	}
	return s, nil
}

// rangeSymbols turns the symbols people type for ranges into the ones
// readRange reads.
var rangeSymbols = strings.NewReplacer("≥", ">=", "⩾", ">=", "=>", ">=", "≤", "<=", "⩽", "<=", "=<", "<=",
	"–", "-", "—", "-", "−", "-", "％", "%", "tỉ lệ", "tỷ lệ")

// readRange reads the range of a tier: "trên 90%", "> 90%", "≥ 90%", "từ
// 90% trở lên", "70-90%" (both ends in), "từ 70% đến dưới 90%", "dưới
// 70%", "đạt 100%", "= 100%", "100%", "mọi tỷ lệ".
func readRange(label string) (Tier, bool) {
	c := &cursor{s: rangeSymbols.Replace(strings.ToLower(label))}
	for c.eat("tỷ lệ", "nếu", "đạt", "hoàn thành", "kết quả") {
	}
	var t Tier
	from := func(incl bool) bool {
		p, ok := c.percent()
		t.From, t.FromIncl = &p, incl
		return ok
	}
	to := func(incl bool) bool {
		p, ok := c.percent()
		t.To, t.ToIncl = &p, incl
		return ok
	}
	// upper reads the end of "từ 70% đến [dưới] 90%", if there is one.
	upper := func() bool {
		if !c.eat("-", "đến", "tới") {
			return true
		}
		if c.eat("<", "dưới") {
			return to(false)
		}
		c.eat("<=")
		return to(true)
	}
	// above reads what follows "từ 90%" or "90%": "trở lên", "trở
	// xuống", an upper end, or nothing.
	above := func(incl bool) bool {
		p, ok := c.percent()
		if !ok {
			return false
		}
		switch {
		case c.eat("trở lên"):
			t.From, t.FromIncl = &p, incl
		case c.eat("trở xuống"):
			if !incl {
				return false
			}
			t.To, t.ToIncl = &p, true
		default:
			t.From, t.FromIncl = &p, incl
			return upper()
		}
		return true
	}
	var ok bool
	switch {
	case c.eat(">=", "từ", "ít nhất", "không dưới", "không thấp hơn", "lớn hơn hoặc bằng", "cao hơn hoặc bằng"):
		ok = above(true)
	case c.eat(">", "trên", "lớn hơn", "cao hơn", "hơn", "vượt"):
		ok = above(false)
	case c.eat("<=", "đến", "tới", "tối đa", "không quá", "không vượt quá", "nhỏ hơn hoặc bằng", "thấp hơn hoặc bằng"):
		ok = to(true)
	case c.eat("<", "dưới", "nhỏ hơn", "thấp hơn", "chưa đến", "chưa đạt", "không đạt"):
		ok = to(false)
	case c.eat("=", "bằng", "đúng"):
		ok = from(true) && c.done()
		if ok {
			end := *t.From
			t.To, t.ToIncl = &end, true
		}
	case c.eat("mọi tỷ lệ", "mọi trường hợp"):
		ok = true
	default:
		p, isNumber := c.percent()
		switch {
		case !isNumber:
			ok = false
		case c.eat("trở lên"):
			t.From, t.FromIncl, ok = &p, true, true
		case c.eat("trở xuống"):
			t.To, t.ToIncl, ok = &p, true, true
		case c.done():
			q := p
			t.From, t.FromIncl, t.To, t.ToIncl, ok = &p, true, &q, true, true
		default:
			t.From, t.FromIncl = &p, true
			ok = upper()
		}
	}
	return t, ok && c.done()
}

// cursor reads a range phrase from left to right.
type cursor struct{ s string }

// eat consumes the first of phrases that starts the rest (a word phrase
// only as whole words) and reports whether there was one.
func (c *cursor) eat(phrases ...string) bool {
	c.s = strings.TrimSpace(c.s)
	for _, p := range phrases {
		rest, ok := strings.CutPrefix(c.s, p)
		if !ok || endsWithLetter(p) && startsWithLetter(rest) {
			continue
		}
		c.s = rest
		return true
	}
	return false
}

// percent consumes a percentage ("90%", "12,5 %", "90") and returns it as
// a ratio (0.9).
func (c *cursor) percent() (float64, bool) {
	u, rest, ok := readPercent(strings.TrimSpace(c.s))
	if !ok {
		return 0, false
	}
	c.s = strings.TrimPrefix(rest, "%")
	return float64(u) / 10000, true
}

func (c *cursor) done() bool { return strings.TrimSpace(c.s) == "" }
