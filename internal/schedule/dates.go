package schedule

// This file reads periods written with numbers and days: "30/4/2020",
// "06/2013", "2020-04-30", "ngày 30 tháng 4 năm 2020", "31 tháng 12 hằng
// năm", "ngày 05 tháng cuối cùng của quý", "6 tháng đầu năm".

// numberChain reads numbers joined by one separator ("/", "-" or ".") with
// no space: "30/4/2020", "06/2013", "2020-04-30". It returns at most three
// numbers and the tokens they take.
func (p *parser) numberChain(k int) ([]token, string, int) {
	t := p.tok(k)
	if t.kind != tokNum {
		return nil, "", 0
	}
	nums, sep, n := []token{t}, "", 1
	for len(nums) < 3 {
		s, next := p.tok(k+n), p.tok(k+n+1)
		if s.kind != tokPunct || s.space || next.kind != tokNum || next.space ||
			(s.text != "/" && s.text != "-" && s.text != ".") || (sep != "" && s.text != sep) {
			break
		}
		sep = s.text
		nums = append(nums, next)
		n += 2
	}
	return nums, sep, n
}

// dateChain turns a number chain into a period: d/m/yyyy, yyyy-mm-dd,
// m/yyyy, or d/m (year from the context). strict demands a day ("ngày ...").
// It returns n == 0 for chains that are no date ("1/2", "63/2010").
func (p *parser) dateChain(k int, strict bool) (span, int, bool) {
	nums, sep, n := p.numberChain(k)
	if n == 0 {
		return span{}, 0, false
	}
	v := func(i int) int { return nums[i].value() }
	w := func(i int) int { return len(nums[i].text) }
	switch len(nums) {
	case 3:
		d, m, y := v(0), v(1), v(2)
		switch {
		case w(0) == 4:
			y, d = v(0), v(2)
		case w(2) == 2: // "30/6/21": plans are all from this century
			y += 2000
		case w(2) != 4:
			return span{}, n, true
		}
		if y < minYear || y > maxYear || !validDay(d, m, y) {
			return span{}, n, true
		}
		return daySpan(d, m, yearRef{kind: yearExplicit, year: y}), n, false
	case 2:
		if w(1) == 4 && !strict {
			m, y := v(0), v(1)
			if w(0) > 2 || m < 1 || m > 12 {
				return span{}, 0, false
			}
			if y < minYear || y > maxYear {
				return span{}, n, true
			}
			return monthSpan(m, yearRef{kind: yearExplicit, year: y}), n, false
		}
		if w(0) > 2 || w(1) > 2 || (sep != "/" && !strict) {
			return span{}, 0, false
		}
		d, m := v(0), v(1)
		if d < 1 || d > 31 || m < 1 || m > 12 {
			if strict {
				return span{}, n, true
			}
			return span{}, 0, false
		}
		if !validDay(d, m, 2000) { // 2000 is a leap year: 29/02 may exist
			return span{}, n, true
		}
		y, yn, ybad := p.yearSpec(k + n)
		return daySpan(d, m, y), n + yn, ybad
	}
	return span{}, 0, false
}

func validDay(d, m, y int) bool {
	_, ok := date(y, m, d)
	return ok
}

// dayOfMonth reads the rest of "D tháng M [năm Y]" or "D tháng cuối cùng
// của quý" from k, the token after the day d.
func (p *parser) dayOfMonth(d, k int) (span, int, bool) {
	if p.word(k) != "thang" {
		return span{}, 0, false
	}
	m, each, n, bad := p.monthRef(k + 1)
	if n == 0 {
		return span{}, 0, false
	}
	n++
	if bad || d < 1 || d > 31 || (!each && !validDay(d, m, 2000)) {
		return span{}, n, true
	}
	y, yn, ybad := p.yearSpec(k + n)
	s := daySpan(d, m, y)
	if each {
		s.each, s.unit = eachQuarter, unitOther
	}
	return s, n + yn, ybad
}

// daySpanAt reads "ngày 30/4/2020", "ngày 30 tháng 4 năm 2020", "ngày mùng 5
// tháng 6", "ngày 05 tháng cuối cùng của quý", "ngày 10 hằng tháng".
func (p *parser) daySpanAt(k int) (span, int, bool) {
	j := k
	switch p.word(k) {
	case "ngay":
		j++
		j += p.anyseq(j, "mung", "mong")
	case "mung", "mong":
		j++
	default:
		return span{}, 0, false
	}
	var d, dn int
	if t := p.tok(j); t.kind == tokNum {
		if nums, _, _ := p.numberChain(j); len(nums) > 1 {
			s, n, bad := p.dateChain(j, true)
			if n == 0 {
				return span{}, 0, false
			}
			return s, j - k + n, bad
		}
		if len(t.text) > 2 {
			return span{}, 0, false
		}
		d, dn = t.value(), 1
	} else if d, dn = p.numberWord(j); dn == 0 {
		return span{}, 0, false
	}
	j += dn
	// "ngày 10 tháng 6", "ngày 10 của tháng cuối quý"
	if s, n, bad := p.dayOfMonth(d, j+p.seq(j, "cua")); n > 0 {
		return s, j + p.seq(j, "cua") - k + n, bad
	}
	// "ngày 10 hằng tháng", "ngày 10 của mỗi tháng"
	if n := p.anyseq(j, "hang thang", "moi thang", "tung thang", "cua thang", "cua moi thang", "cua hang thang", "trong thang"); n > 0 {
		if d < 1 || d > 31 {
			return span{}, j - k + n, true
		}
		return span{d1: d, d2: d, each: eachMonth, day: true}, j - k + n, false
	}
	if d >= 1 && d <= 31 && !p.isPunct(j, "/") { // "Hằng tháng, trước ngày 25"
		return span{d1: d, d2: d, each: eachMonth, day: true, bare: true}, j - k, false
	}
	return span{}, 0, false
}

// numberSpan reads periods that start with a number: dates written with
// digits, a bare year "2013", "31 tháng 12 hằng năm", "6 tháng đầu năm",
// "chín tháng đầu năm 2020".
func (p *parser) numberSpan(k int) (span, int, bool) {
	t := p.tok(k)
	var v, n int
	switch t.kind {
	case tokNum:
		if nums, _, _ := p.numberChain(k); len(nums) > 1 {
			if s, n, bad := p.dateChain(k, false); n > 0 {
				return s, n, bad
			}
			// no date: "2012-2015" is a range of years; read the first alone
		}
		if len(t.text) == 4 {
			if y := t.value(); y >= minYear && y <= maxYear {
				return yearSpan(yearRef{kind: yearExplicit, year: y}), 1, false
			}
			return span{}, 0, false
		}
		if len(t.text) > 2 {
			return span{}, 0, false
		}
		v, n = t.value(), 1
	case tokWord:
		if v, n = p.numberWord(k); n == 0 {
			return span{}, 0, false
		}
	default:
		return span{}, 0, false
	}
	// "6 tháng đầu năm", "3 tháng cuối năm 2013"
	if p.word(k+n) == "thang" && (p.word(k+n+1) == "dau" || p.word(k+n+1) == "cuoi") && p.word(k+n+2) == "nam" {
		j := k + n + 3
		y, yn, ybad := p.yearTail(j)
		j += yn
		if ybad || v < 1 || v > 12 {
			return span{}, j - k, true
		}
		s := yearSpan(y)
		s.unit = unitOther
		if p.word(k+n+1) == "dau" {
			s.m2 = v
		} else {
			s.m1 = 13 - v
		}
		return s, j - k, false
	}
	if t.kind == tokNum {
		if s, m, bad := p.dayOfMonth(v, k+1); m > 0 {
			return s, 1 + m, bad
		}
	}
	return span{}, 0, false
}
