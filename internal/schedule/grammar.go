package schedule

// This file reads periods: "năm 2013", "quý I, II năm 2012", "tháng 12/2013",
// "ngày 30 tháng 4 năm 2020", "30/4", "6 tháng đầu năm", "cuối năm 2020",
// "ngày 05 tháng cuối cùng của quý". Each reader takes the index of the token
// where the period may start and returns the span, the number of tokens it
// took (0: no period there) and whether the period is impossible
// ("tháng 13", "30/02/2020"), which makes the whole text not understood.

// span reads any period at k.
func (p *parser) span(k int) (span, int, bool) {
	switch t := p.tok(k); {
	case t.kind == tokNum:
		return p.numberSpan(k)
	case t.kind != tokWord:
		return span{}, 0, false
	}
	if s, n, bad := p.partSpan(k); n > 0 {
		return s, n, bad
	}
	if s, n, bad := p.halfSpan(k); n > 0 {
		return s, n, bad
	}
	if s, n, bad := p.daySpanAt(k); n > 0 {
		return s, n, bad
	}
	if s, n, bad := p.numberSpan(k); n > 0 {
		return s, n, bad
	}
	if s, n, bad := p.monthSpanAt(k); n > 0 {
		return s, n, bad
	}
	if s, n, bad := p.quarterSpanAt(k); n > 0 {
		return s, n, bad
	}
	return p.yearSpanAt(k)
}

// continuation reads a list item that leaves out the noun of the item before
// it: the "II" of "quý I, II năm 2012", the "9" of "tháng 6, 9 năm 2013".
func (p *parser) continuation(prev unit, k int) (span, int, bool) {
	switch prev {
	case unitQuarter:
		q, n, bad := p.quarterNumber(k)
		if n == 0 || bad {
			return span{}, n, bad
		}
		y, yn, ybad := p.yearSpec(k + n)
		return quarterSpan(q, y), n + yn, ybad
	case unitMonth:
		t := p.tok(k)
		if v := t.value(); t.kind == tokNum && len(t.text) <= 2 && v >= 1 && v <= 12 && !p.isPunct(k+1, "/") {
			y, yn, ybad := p.yearSpec(k + 1)
			return monthSpan(v, y), 1 + yn, ybad
		}
	}
	return span{}, 0, false
}

// yearTail reads what follows the word "năm": a year number, or words that
// place the year against the plan year ("nay", "sau", "tới", "trước",
// "trước liền kề năm thực hiện kế hoạch").
func (p *parser) yearTail(k int) (yearRef, int, bool) {
	if t := p.tok(k); t.kind == tokNum {
		if len(t.text) < 4 {
			return yearRef{}, 0, false // "5 năm 1 lần": not a year
		}
		v := t.value()
		if v < minYear || v > maxYear {
			return yearRef{}, 1, true
		}
		return yearRef{kind: yearExplicit, year: v}, 1, false
	}
	off, n := 0, 0
	if n = p.anyseq(k, "thuc hien ke hoach", "ke hoach", "thuc hien", "nay", "hien tai", "hien hanh", "bao cao"); n > 0 {
		off = 0
	} else if n = p.anyseq(k, "lien truoc", "truoc lien ke", "truoc"); n > 0 {
		off = -1
	} else if n = p.anyseq(k, "lien sau", "sau lien ke", "tiep theo", "ke tiep", "ke sau", "sau", "toi", "tiep"); n > 0 {
		off = 1
	} else {
		return yearRef{}, 0, false
	}
	if p.word(k+n) == "khi" {
		return yearRef{}, 0, false // "năm sau khi ...": an event, not a year
	}
	if off != 0 && n == 1 { // "báo cáo năm trước ngày 15/12": "trước" is a preposition
		switch w := p.word(k + 1); {
		case w == "ngay" || w == "thang" || w == "quy" || w == "qui" || w == "mung" || p.tok(k+1).kind == tokNum:
			return yearRef{}, 0, false
		}
	}
	// "... liền kề năm thực hiện kế hoạch", "... của năm kế hoạch"
	n += p.seq(k+n, "lien ke")
	j := k + n
	j += p.anyseq(j, "voi", "cua", "so voi")
	if m := p.anyseq(j, "nam thuc hien ke hoach", "nam ke hoach", "nam thuc hien", "thuc hien ke hoach", "ke hoach"); m > 0 {
		n = j + m - k
	}
	return yearRef{kind: yearPlan, year: off}, n, false
}

// yearSpec reads the year written after a quarter, month or day: "/2013",
// "-2013", "năm 2013", "của năm trước", "hằng năm", or a bare "2013".
func (p *parser) yearSpec(k int) (yearRef, int, bool) {
	if t := p.tok(k); t.kind == tokPunct && (t.text == "/" || t.text == "-" || t.text == ".") && !t.space {
		if y := p.tok(k + 1); y.kind == tokNum && !y.space && len(y.text) == 4 {
			v := y.value()
			if v < minYear || v > maxYear {
				return yearRef{}, 2, true
			}
			return yearRef{kind: yearExplicit, year: v}, 2, false
		}
	}
	j := k
	if w := p.word(j); w == "cua" || w == "trong" || (p.isPunct(j, ",") && p.word(j+1) == "nam") {
		j++ // "quý IV của năm trước", "tháng 6, năm 2013"
	} else if p.isPunct(j, ",") && p.tok(j+1).kind == tokNum && len(p.tok(j+1).text) == 4 && !p.isPunct(j+2, "/") {
		if v := p.tok(j + 1).value(); v >= minYear && v <= maxYear { // "Quý I, 2013"
			return yearRef{kind: yearExplicit, year: v}, 2, false
		}
	}
	if p.word(j) == "nam" {
		if y, n, bad := p.yearTail(j + 1); n > 0 {
			return y, j + 1 + n - k, bad
		}
	}
	if n := p.anyseq(j, "hang nam", "moi nam", "tung nam"); n > 0 {
		return yearRef{kind: yearEvery}, j + n - k, false
	}
	if t := p.tok(k); t.kind == tokNum && t.space && len(t.text) == 4 && !p.isPunct(k+1, "/") {
		if v := t.value(); v >= minYear && v <= maxYear {
			return yearRef{kind: yearExplicit, year: v}, 1, false
		}
	}
	return yearRef{}, 0, false
}

// yearSpanAt reads "năm 2013", "năm sau", "năm trước liền kề ...".
func (p *parser) yearSpanAt(k int) (span, int, bool) {
	if p.word(k) != "nam" {
		return span{}, 0, false
	}
	y, n, bad := p.yearTail(k + 1)
	if n == 0 {
		// "trong năm", "cả năm" at the end of a phrase: the year of the context
		if w := p.word(k - 1); (w == "trong" || w == "ca") && p.tok(k+1).kind != tokWord && p.tok(k+1).kind != tokNum {
			return yearSpan(yearRef{}), 1, false
		}
		return span{}, 0, false
	}
	return yearSpan(y), 1 + n, bad
}

// quarterNumber reads the number of a quarter: I-IV, 1-4, "một".."tư",
// "đầu" (the first), "cuối" (the last).
func (p *parser) quarterNumber(k int) (int, int, bool) {
	t := p.tok(k)
	switch t.kind {
	case tokNum:
		if len(t.text) > 2 {
			return 0, 0, false
		}
		v := t.value()
		return v, 1, v < 1 || v > 4
	case tokWord:
		if v := romanValue(t.text); v > 0 {
			return v, 1, v > 4
		}
		if d := p.digitAt(k, digitWords); d >= 1 && d <= 4 {
			return d, 1, false
		}
		switch t.text {
		case "nhat":
			return 1, 1, false
		case "dau":
			return 1, 1 + p.seq(k+1, "tien"), false
		case "cuoi":
			return 4, 1 + p.seq(k+1, "cung"), false
		}
	}
	return 0, 0, false
}

// quarterSpanAt reads "quý I", "quí 4/2013", "Q1/2020", "QIV", "quý III năm 2020".
func (p *parser) quarterSpanAt(k int) (span, int, bool) {
	var q, n int
	var bad bool
	switch w := p.word(k); {
	case w == "quy" || w == "qui":
		q, n, bad = p.quarterNumber(k + 1)
		if n == 0 {
			return span{}, 0, false
		}
		n++
	case w == "q" && p.glued(k+1) && p.tok(k+1).kind == tokNum:
		q, n, bad = p.quarterNumber(k + 1)
		if n == 0 {
			return span{}, 0, false
		}
		n++
	case len(w) >= 2 && w[0] == 'q' && romanValue(w[1:]) > 0:
		q, n, bad = romanValue(w[1:]), 1, romanValue(w[1:]) > 4
	default:
		return span{}, 0, false
	}
	if bad {
		return span{}, n, true
	}
	y, yn, ybad := p.yearSpec(k + n)
	return quarterSpan(q, y), n + yn, ybad
}

// monthRef reads what follows "tháng": a number 1-12 (digits or words,
// "giêng" for January), or a place in the quarter or year: "cuối cùng của
// quý" (every quarter's last month), "đầu quý II" (April), "cuối năm".
// each is true for a place in every quarter.
func (p *parser) monthRef(k int) (m int, each bool, n int, bad bool) {
	t := p.tok(k)
	if t.kind == tokNum {
		if len(t.text) > 2 {
			return 0, false, 1, len(t.text) < 4 // "tháng 2013" is a slip, not a month
		}
		v := t.value()
		return v, false, 1, v < 1 || v > 12
	}
	switch t.text {
	case "gieng":
		return 1, false, 1, false
	case "chap":
		return 12, false, 1, false
	}
	if v, n := p.numberWord(k); n > 0 {
		return v, false, n, v < 1 || v > 12
	}
	pos, n := 0, 0
	switch {
	case p.anyseq(k, "dau tien", "thu nhat") > 0:
		pos, n = 1, 2
	case p.word(k) == "dau":
		pos, n = 1, 1
	case p.seq(k, "thu hai") > 0:
		pos, n = 2, 2
	case p.word(k) == "giua":
		pos, n = 2, 1
	case p.anyseq(k, "cuoi cung", "thu ba") > 0:
		pos, n = 3, 2
	case p.word(k) == "cuoi":
		pos, n = 3, 1
	default:
		return 0, false, 0, false
	}
	j := k + n
	for p.anyseq(j, "cua", "moi", "hang", "trong", "tung") > 0 {
		j++
	}
	switch p.word(j) {
	case "quy", "qui":
		if q, qn, qbad := p.quarterNumber(j + 1); qn > 0 && p.word(j+1) != "dau" && p.word(j+1) != "cuoi" {
			return 3*(q-1) + pos, false, j + 1 + qn - k, qbad
		}
		return pos, true, j + 1 - k, false
	case "nam": // "tháng cuối năm": leave "năm ..." to the year reader
		return []int{0, 1, 6, 12}[pos], false, j - k, false
	}
	return 0, false, 0, false
}

// monthSpanAt reads "tháng 6 năm 2013", "tháng 12/2013", "tháng mười hai",
// "T6/2013", "tháng cuối cùng của quý".
func (p *parser) monthSpanAt(k int) (span, int, bool) {
	switch w := p.word(k); {
	case w == "thang":
	case w == "t" && p.glued(k+1) && p.tok(k+1).kind == tokNum:
	default:
		return span{}, 0, false
	}
	m, each, n, bad := p.monthRef(k + 1)
	if n == 0 {
		return span{}, 0, false
	}
	n++
	if bad {
		return span{}, n, true
	}
	y, yn, ybad := p.yearSpec(k + n)
	s := monthSpan(m, y)
	if each {
		s.each, s.unit = eachQuarter, unitOther
	}
	return s, n + yn, ybad
}

// partSpan reads "đầu năm 2021", "cuối năm", "giữa năm", "cuối quý I",
// "cuối quý" (every quarter), "đầu tháng 6", "cuối tháng" (every month).
func (p *parser) partSpan(k int) (span, int, bool) {
	which := p.word(k)
	if which != "dau" && which != "giua" && which != "cuoi" {
		return span{}, 0, false
	}
	j := k + 1 + p.anyseq(k+1, "cung", "tien")
	j += p.anyseq(j, "cua", "moi", "hang", "tung")
	var s span
	switch p.word(j) {
	case "nam":
		y, n, bad := p.yearTail(j + 1)
		if bad {
			return span{}, j + 1 + n - k, true
		}
		s, j = yearSpan(y), j+1+n
	case "quy", "qui":
		q, n, bad := p.quarterNumber(j + 1)
		if bad {
			return span{}, j + 1 + n - k, true
		}
		j += 1 + n
		y, yn, ybad := p.yearSpec(j)
		if ybad {
			return span{}, j + yn - k, true
		}
		j += yn
		if n > 0 {
			s = quarterSpan(q, y)
		} else {
			s = span{year: y, m1: 1, d1: 1, m2: 3, each: eachQuarter}
		}
	case "thang":
		m, each, n, bad := p.monthRef(j + 1)
		if bad {
			return span{}, j + 1 + n - k, true
		}
		j += 1 + n
		y, yn, ybad := p.yearSpec(j)
		if ybad {
			return span{}, j + yn - k, true
		}
		j += yn
		switch {
		case n == 0:
			s = span{year: y, d1: 1, each: eachMonth}
		case each:
			s = span{year: y, m1: m, d1: 1, m2: m, each: eachQuarter}
		default:
			s = monthSpan(m, y)
		}
	default:
		return span{}, 0, false
	}
	return s.part(which), j - k, false
}

// halfSpan reads "nửa đầu năm 2013", "nửa cuối năm", "nửa sau năm".
func (p *parser) halfSpan(k int) (span, int, bool) {
	if p.word(k) != "nua" {
		return span{}, 0, false
	}
	first := true
	switch p.word(k + 1) {
	case "dau", "truoc":
	case "cuoi", "sau":
		first = false
	default:
		return span{}, 0, false
	}
	j := k + 2 + p.seq(k+2, "cua")
	if p.word(j) != "nam" {
		return span{}, 0, false
	}
	y, n, bad := p.yearTail(j + 1)
	s := yearSpan(y)
	s.unit = unitOther
	if first {
		s.m2 = 6
	} else {
		s.m1 = 7
	}
	return s, j + 1 + n - k, bad
}
