package schedule

// This file reads recurrences: "thường xuyên", "hằng năm", "định kỳ hằng
// quý", "6 tháng một lần", "1 lần/quý", "theo quý", bare lists of report
// periods ("quý, 6 tháng, năm"), and "... và các năm tiếp theo".

// onward reads "và các năm tiếp theo", "trở đi": the period before goes on
// with no end ("Năm 2021 và các năm tiếp theo" starts 01/01/2021).
func (p *parser) onward(k int) int {
	j := k + p.seq(k, "va")
	n := p.anyseq(j, "cac nam tiep theo", "nhung nam tiep theo", "cac nam sau", "nhung nam sau", "cac nam toi",
		"nhung nam toi", "tro di", "tro ve sau", "ve sau")
	if n == 0 {
		return 0
	}
	if g := len(p.groups) - 1; g >= 0 && (p.groups[g].prefix == prefixNone || p.groups[g].prefix == prefixIn) {
		p.groups[g].prefix = prefixFrom
	} else if g < 0 {
		p.recurs = append(p.recurs, Continuous)
	}
	return j + n - k
}

// recurrence reads "thường xuyên", "hằng năm", "định kỳ hằng quý", "mỗi
// tháng", "6 tháng một lần", "theo quý", "thường niên".
func (p *parser) recurrence(k int) (string, int) {
	if n := p.anyseq(k, "thuong xuyen", "lien tuc", "thuong truc"); n > 0 {
		return Continuous, n
	}
	if n := p.seq(k, "thuong nien"); n > 0 {
		return Yearly, n
	}
	j := k
	j += p.seq(j, "theo")
	j += p.seq(j, "dinh ky")
	j += p.anyseq(j, "hang", "moi", "tung")
	marked := j > k
	if p.word(k) == "theo" && j == k+1 && (p.anyseq(j, "quy dinh", "thang nam") > 0 || p.isYearlessUnitFollowed(j)) {
		return "", 0 // "theo quy định"; "theo quý I" is a period
	}
	r, n := p.periodUnit(j)
	if n > 0 {
		// "6 tháng một lần", "quý 1 lần", "tháng/lần"
		m := p.oncePer(j + n)
		if marked || m > 0 {
			return r, j + n + m - k
		}
	}
	// the periods of reports, listed bare: "quý, 6 tháng, năm"
	if rs, n := p.unitList(k); len(rs) > 1 {
		return pickRecurrence(rs), n
	}
	// "một lần/quý", "1 lần mỗi năm"
	if once := p.anyOnce(k); once > 0 {
		j := k + once
		if p.isPunct(j, "/") {
			j++
		}
		j += p.anyseq(j, "moi", "hang", "trong", "tren")
		if r, n := p.periodUnit(j); n > 0 {
			return r, j + n - k
		}
	}
	return "", 0
}

// unitList reads bare report periods joined by "," or "và": "quý, 6 tháng,
// năm", "6 tháng và năm". It returns each period's recurrence ("9 tháng"
// has none) and the tokens used.
func (p *parser) unitList(k int) ([]string, int) {
	var rs []string
	j := k
	for {
		r, n := p.periodUnit(j)
		if n == 0 {
			// "9 tháng": a report period with no recurrence of its own
			if t := p.tok(j); t.kind == tokNum && len(t.text) <= 2 && p.word(j+1) == "thang" && !p.glued(j+2) {
				r, n = "", 2
			}
		}
		if n == 0 || (n == 1 && p.tok(j+1).kind == tokNum) {
			break
		}
		rs = append(rs, r)
		j += n
		c := p.tok(j)
		if (c.kind == tokPunct && (c.text == "," || c.text == "&")) || p.word(j) == "va" {
			if len(rs) > 0 {
				if _, m := p.periodUnit(j + 1); m > 0 || (p.tok(j+1).kind == tokNum && p.word(j+2) == "thang") {
					j++
					continue
				}
			}
		}
		break
	}
	if len(rs) < 2 {
		return nil, 0
	}
	return rs, j - k
}

// isYearlessUnitFollowed reports whether a quarter or month number follows
// the unit word at k ("quý I", "tháng 6"), which makes it a period.
func (p *parser) isYearlessUnitFollowed(k int) bool {
	switch p.word(k) {
	case "quy", "qui":
		_, n, _ := p.quarterNumber(k + 1)
		return n > 0
	case "thang":
		_, _, n, _ := p.monthRef(k + 1)
		return n > 0
	case "nam":
		_, n, _ := p.yearTail(k + 1)
		return n > 0
	}
	return false
}

// periodUnit reads the period of a recurrence: "năm", "quý", "tháng",
// "tuần", "ngày", "6 tháng", "3 tháng", "nửa năm".
func (p *parser) periodUnit(k int) (string, int) {
	switch p.word(k) {
	case "nam":
		if t := p.tok(k + 1); t.kind == tokNum && len(t.text) == 4 {
			return "", 0 // "các năm 2012..." is a period, not "every year"
		}
		return Yearly, 1
	case "quy", "qui":
		if _, n, _ := p.quarterNumber(k + 1); n > 0 {
			return "", 0
		}
		return Quarterly, 1
	case "thang":
		if _, _, n, _ := p.monthRef(k + 1); n > 0 {
			return "", 0
		}
		return Monthly, 1
	case "tuan", "ngay":
		return Continuous, 1
	}
	if p.seq(k, "nua nam") > 0 {
		return HalfYearly, 2
	}
	v, n := 0, 0
	if t := p.tok(k); t.kind == tokNum && len(t.text) <= 2 {
		v, n = t.value(), 1
	} else {
		v, n = p.numberWord(k)
	}
	if n == 0 || p.word(k+n) != "thang" {
		return "", 0
	}
	switch v {
	case 1:
		return Monthly, n + 1
	case 3:
		return Quarterly, n + 1
	case 6:
		return HalfYearly, n + 1
	case 12:
		return Yearly, n + 1
	}
	return "", 0
}

// anyOnce reads "một lần", "1 lần", "01 lần".
func (p *parser) anyOnce(k int) int {
	t := p.tok(k)
	if (t.kind == tokNum && t.value() == 1 && len(t.text) <= 2) || p.is(k, "mot", "một") {
		if p.word(k+1) == "lan" {
			return 2
		}
	}
	return 0
}

// oncePer reads the "một lần" or "/lần" after the period of a recurrence.
func (p *parser) oncePer(k int) int {
	if n := p.anyOnce(k); n > 0 {
		return n
	}
	if p.isPunct(k, "/") && p.word(k+1) == "lan" {
		return 2
	}
	return 0
}
