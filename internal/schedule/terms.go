package schedule

// This file walks a text and collects what it says about time: groups of
// periods with the preposition before them ("trước", "từ", "trong", ...),
// recurrences ("hằng quý"), outside events ("sau khi ..."), durations
// counted from a date, and "no date on purpose" ("Theo quy định"). Words it
// does not know are skipped, so a deadline inside a longer sentence is found.

// prefix is the preposition that says how a period bounds the work.
type prefix uint8

const (
	prefixNone   prefix = iota
	prefixIn            // "trong", "vào", "giai đoạn": from the first to the last day
	prefixBefore        // "trước": due the day before the period starts (a named day: that day)
	prefixBy            // "chậm nhất", "đến", "hết", "hạn": due the last day
	prefixFrom          // "từ", "kể từ", "bắt đầu": starts the first day, open-ended
	prefixAfter         // "sau": starts the day after the period
)

// conn joins two periods of a group.
type conn uint8

const (
	connList  conn = iota + 1 // ",", "và", "hoặc"
	connRange                 // "-", "đến", "tới"
)

// group is a run of periods joined by connectors, with their preposition:
// "từ tháng 3/2013 tới tháng 9/2013", "quý I, II năm 2012", "2012, 2015".
type group struct {
	prefix prefix
	spans  []span
	conns  []conn // conns[i] joins spans[i] and spans[i+1]
}

// anchored is a duration counted from a dated period: "30 ngày kể từ ngày 01/7/2020".
type anchored struct {
	count int
	unit  string // "ngay", "tuan", "thang", "quy", "nam"
	from  span
}

// run reads the whole text.
func (p *parser) run() {
	for p.pos < len(p.toks) {
		if !p.step() {
			p.skip(1)
		}
	}
}

// skip passes over n tokens that mean nothing here. A preposition waits for
// its period across at most three such words ("hoàn thành trước ngày ...").
func (p *parser) skip(n int) {
	p.pos += n
	if p.pending != prefixNone {
		p.idle += n
		if p.idle > 3 {
			p.pending = prefixNone
		}
	}
}

func (p *parser) setPending(pr prefix, n int) {
	p.pending, p.idle = pr, 0
	p.pos += n
}

// step reads one construction at p.pos and reports whether it found one.
func (p *parser) step() bool {
	k := p.pos
	t := p.tok(k)
	if t.kind == tokPunct {
		if t.text != "/" {
			p.pending = prefixNone // a separator ends the reach of a preposition
		}
		p.pos++
		return true
	}
	if n := p.placeholder(k); n > 0 {
		p.skip(n)
		return true
	}
	if n := p.reference(k); n > 0 {
		p.skip(n)
		return true
	}
	if n := p.onward(k); n > 0 {
		p.pos += n
		return true
	}
	if r, n := p.recurrence(k); n > 0 {
		p.recurs = append(p.recurs, r)
		p.pos += n
		return true
	}
	if n := p.eventAt(k); n > 0 {
		p.event = true
		p.pos += n
		return true
	}
	if n := p.noDateAt(k); n > 0 {
		p.noDate = true
		p.pos += n
		return true
	}
	if n := p.durationAt(k); n > 0 {
		p.pos += n
		return true
	}
	if p.groupAt(k) {
		return true
	}
	if pr, n := p.prefixAt(k); n > 0 {
		p.setPending(pr, n)
		return true
	}
	return false
}

// placeholder reads the empty column headings of a template: "tháng/năm",
// "ngày/tháng/năm".
func (p *parser) placeholder(k int) int {
	unit := func(k int) bool {
		w := p.word(k)
		return w == "ngay" || w == "thang" || w == "nam" || w == "quy"
	}
	if !unit(k) {
		return 0
	}
	n := 1
	for p.isPunct(k+n, "/") && p.glued(k+n) && unit(k+n+1) && p.glued(k+n+1) {
		n += 2
	}
	if n == 1 {
		return 0
	}
	return n
}

// reference reads the number of a legal document, which is no date:
// "09/KH-UBND", "63/2010/NĐ-CP", "Nghị định số 63/2010", "ISO 9001:2008",
// "1.800 thủ tục".
func (p *parser) reference(k int) int {
	j := k
	if n := p.anyseq(k, "nghi dinh", "thong tu", "quyet dinh", "nghi quyet", "chi thi", "cong van",
		"ke hoach", "thong bao", "luat", "tieu chuan", "iso", "tcvn"); n > 0 {
		j += n
		j += p.seq(j, "so")
		if p.tok(j).kind != tokNum {
			return 0
		}
	} else if p.word(k) == "so" && p.tok(k+1).kind == tokNum {
		j++
	} else if p.tok(k).kind != tokNum {
		return 0
	}
	// the glued run of tokens from j: "63/2010/nd-cp" (a document number is short)
	end := j + 1
	for p.glued(end) && p.tok(end).text != "\n" && end-j < 16 {
		end++
	}
	if j > k { // after "Nghị định", "số": the whole run is the number
		return end - k
	}
	for i := j; i < end; i++ {
		t, next := p.tok(i), p.tok(i+1)
		if t.kind == tokPunct && next.kind == tokWord && i+1 < end && (t.text == "/" || t.text == "-") && i > j {
			return end - k // "09/KH-UBND"
		}
		if t.kind == tokPunct && (t.text == ":" || t.text == ".") && next.kind == tokNum && i+1 < end &&
			i > j && p.tok(i-1).kind == tokNum && (len(next.text) == 3 || t.text == ":") {
			return end - k // "9001:2008", "1.800"
		}
	}
	return 0
}

// eventAt reads words that hang the deadline on an event with no date yet:
// "sau khi", "khi có", "kể từ ngày <not a date>", "theo yêu cầu", "đột xuất".
func (p *parser) eventAt(k int) int {
	if n := p.anyseq(k, "ngay sau khi", "sau khi", "truoc khi", "ngay khi", "ke tu khi", "tu khi", "khi",
		"theo yeu cau", "dot xuat", "tuy tinh hinh"); n > 0 {
		return n
	}
	n := p.anyseq(k, "ke tu", "tinh tu")
	if n == 0 && p.is(k, "tu", "từ") {
		n = 1
	}
	if n > 0 {
		if m := p.anyseq(k+n, "ngay", "thoi diem", "luc"); m > 0 {
			if _, sn, _ := p.span(k + n); sn == 0 {
				return n + m
			}
		}
	}
	return 0
}

// noDateAt reads words that set no date on purpose: "theo quy định", "theo
// hướng dẫn", "chưa xác định", "không thời hạn".
func (p *parser) noDateAt(k int) int {
	if n := p.anyseq(k, "chua xac dinh", "khong xac dinh", "khong thoi han", "khong co thoi han", "vo thoi han",
		"khong ky han"); n > 0 {
		return n
	}
	if p.word(k) == "theo" && p.tok(k+1).kind == tokWord {
		return 1
	}
	return 0
}

// durationAt reads a duration and what it counts from: "07 tháng kể từ ngày
// VP Chính phủ hướng dẫn" (an event), "30 ngày kể từ ngày 01/7/2020" (a
// date), "trong vòng 15 ngày", "sau 3 tháng".
func (p *parser) durationAt(k int) int {
	lead := p.anyseq(k, "trong vong", "trong thoi han", "trong thoi gian", "trong", "sau", "khong qua", "cham nhat")
	count, n := p.count(k + lead)
	if n == 0 && lead > 0 { // "sáu tháng ..." typed without diacritics: "sau" is the number
		lead = 0
		count, n = p.count(k)
	}
	if n == 0 {
		return 0
	}
	j := k + lead + n
	unit := p.word(j)
	switch unit {
	case "ngay", "tuan", "thang", "quy", "nam":
	default:
		return 0
	}
	j++
	j += p.seq(j, "lam viec")
	// "6 tháng đầu năm", "31 tháng 12", "5 năm 2013" are periods, not durations.
	if w := p.word(j); w == "dau" || w == "cuoi" || p.tok(j).kind == tokNum {
		return 0
	}
	if unit == "thang" {
		if _, _, mn, _ := p.monthRef(j); mn > 0 {
			return 0
		}
	}
	anchor := p.anyseq(j, "ke tu khi", "ke tu ngay", "ke tu", "tinh tu ngay", "tinh tu", "sau khi", "sau ngay", "sau",
		"tu ngay", "tu khi", "tu")
	if anchor == 0 {
		if lead == 0 {
			return 0 // "báo cáo 6 tháng": a name, not a deadline
		}
		p.event = true
		return j - k
	}
	// the anchor's last word may be the "ngày" of the date: step back onto it
	at := j + anchor
	if p.word(at-1) == "ngay" {
		at--
	}
	if s, sn, bad := p.span(at); sn > 0 && count <= 3650 {
		if bad {
			p.bad = true
		} else {
			p.anchored = append(p.anchored, anchored{count: count, unit: unit, from: s})
		}
		return at + sn - k
	}
	p.event = true
	return j + anchor - k
}

// count reads the number of a duration, in digits or words.
func (p *parser) count(k int) (int, int) {
	if t := p.tok(k); t.kind == tokNum {
		if len(t.text) > 4 || p.isPunct(k+1, "/") || p.isPunct(k+1, "-") {
			return 0, 0
		}
		return t.value(), 1
	}
	return p.numberWord(k)
}

// prefixAt reads a preposition.
func (p *parser) prefixAt(k int) (prefix, int) {
	switch {
	case p.anyseq(k, "truoc het", "truoc tien", "truoc mat", "truoc day", "truoc do") > 0:
		return prefixNone, 0
	case p.anyseq(k, "den truoc", "toi truoc") > 0:
		return prefixBefore, 2
	case p.word(k) == "truoc":
		return prefixBefore, 1
	}
	if p.word(k) == "han" && p.word(k-1) == "thoi" {
		return prefixNone, 0 // "thời hạn" names the column, like "Thời hạn:"
	}
	if n := p.anyseq(k, "cham nhat la", "cham nhat vao", "cham nhat", "muon nhat la", "muon nhat", "tre nhat",
		"han chot", "han cuoi", "khong qua", "khong muon hon", "khong cham hon", "den het", "toi het",
		"cho den het", "cho den", "cho toi", "ket thuc vao", "ket thuc", "den", "toi", "het", "han"); n > 0 {
		return prefixBy, n
	}
	if n := p.anyseq(k, "trong giai doan", "trong thoi gian", "trong thoi ky", "trong", "vao", "giai doan",
		"thoi ky", "trong suot", "suot"); n > 0 {
		return prefixIn, n
	}
	if n := p.anyseq(k, "ke tu sau", "tu sau"); n > 0 {
		return prefixAfter, n
	}
	if n := p.anyseq(k, "bat dau tu", "bat dau", "ke tu", "tinh tu"); n > 0 {
		return prefixFrom, n
	}
	if p.is(k, "tu", "từ") {
		return prefixFrom, 1
	}
	if p.is(k, "sau", "sau") {
		return prefixAfter, 1
	}
	return prefixNone, 0
}

// connector reads what joins two periods of a group; a line break may come
// before "đến"/"tới" when a cell wraps.
func (p *parser) connector(k int) (conn, int) {
	j := k
	if p.isPunct(j, "\n") && p.anyseq(j+1, "den", "toi") > 0 {
		j++
	}
	t := p.tok(j)
	switch {
	case t.kind == tokPunct && (t.text == "," || t.text == "&"):
		return connList, j + 1 - k
	case t.kind == tokPunct && t.text == "-":
		return connRange, j + 1 - k
	case p.anyseq(j, "va", "hoac") > 0:
		return connList, j + 1 - k
	}
	if n := p.anyseq(j, "den het", "toi het", "cho den", "cho toi", "den", "toi"); n > 0 {
		return connRange, j + n - k
	}
	return 0, 0
}

// groupAt reads a group of periods at k, with the pending preposition.
func (p *parser) groupAt(k int) bool {
	s, n, bad := p.span(k)
	if n == 0 {
		return false
	}
	p.pos = k + n
	if bad {
		p.bad = true
		return true
	}
	g := group{prefix: p.pending, spans: []span{s}}
	p.pending = prefixNone
	for {
		c, cn := p.connector(p.pos)
		if cn == 0 {
			break
		}
		// after a quarter a bare number is a quarter ("Q1,2/2013"), not a month
		prev := g.spans[len(g.spans)-1].unit
		s2, n2, bad2 := p.continuation(prev, p.pos+cn)
		if n2 == 0 || prev != unitQuarter {
			s2, n2, bad2 = p.span(p.pos + cn)
			if n2 == 0 {
				s2, n2, bad2 = p.continuation(prev, p.pos+cn)
			}
		}
		if n2 == 0 {
			break
		}
		p.pos += cn + n2
		if bad2 {
			p.bad = true
			break
		}
		g.spans = append(g.spans, s2)
		g.conns = append(g.conns, c)
	}
	p.groups = append(p.groups, g)
	return true
}
