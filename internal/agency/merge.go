package agency

import "strings"

// phrase is the text naming one agency or group (or a few, as "UBND cấp
// huyện, xã"): fragments joined back where a separator sat inside a name.
type phrase struct {
	start, end int    // span in the cell text: the agency's Text
	name       string // the words that name it, remarks left out
	head       string // the head of the list it is an item of ("Sở"), or ""
	toks       []tok  // keyTokens(name)
}

// fullName returns the name with its list head.
func (p *phrase) fullName() string {
	if p.head == "" {
		return p.name
	}
	return p.head + " " + p.name
}

// join appends fragment f's words to p, with glue between them.
func (p *phrase) join(s string, f fragment, parens []span, glue string) {
	p.end = f.end
	more := withoutSpans(s, f.start, f.end, parens)
	p.name += glue + more
	if len(p.name) <= maxNameLen {
		p.toks = keyTokens(p.name)
	} else {
		p.toks = append(p.toks, keyTokens(more)...)
	}
}

// maxNameLen is the longest name whose key words are read again whole
// when a fragment joins it (an abbreviation may span the join); longer
// runs of text only append the new words, keeping Parse linear.
const maxNameLen = 200

// newPhrase returns the phrase of fragment f alone.
func newPhrase(s string, f fragment, parens []span, head string) phrase {
	name := withoutSpans(s, f.start, f.end, parens)
	return phrase{start: f.start, end: f.end, name: name, head: head, toks: keyTokens(name)}
}

// glueFor returns the text that joins two fragments of one name.
func glueFor(sep byte) string {
	switch sep {
	case sepLine:
		return " "
	case sepAnd:
		return " và "
	case sepColon:
		return ": "
	case sepDash:
		return " - "
	}
	return ", "
}

// phrases joins fragments into phrases: a comma inside a group's name
// ("Sở, ban, ngành tỉnh", "UBND cấp huyện, xã") or a department's ("Sở Văn
// hóa, Thể thao và Du lịch") does not separate agencies; a fragment that is
// no agency joins the one before ("..., lĩnh vực") or, for a head that needs
// its complement ("Văn phòng, UBND tỉnh"), the one after; the items of a
// list ("các Sở: Tư pháp; Tài chính", "Sở Nội vụ, Tài chính") take its head.
func phrases(s string, frags []fragment, parens []span) []phrase {
	var out []phrase
	listHead := ""
	for _, f := range frags {
		ft := keyTokens(withoutSpans(s, f.start, f.end, parens))
		if len(ft) == 0 {
			continue
		}
		if len(out) == 0 {
			out = append(out, newPhrase(s, f, parens, ""))
			continue
		}
		prev := &out[len(out)-1]
		switch {
		case f.sep == sepColon && prev.head == "" && isListHeader(prev.toks):
			listHead = listHeadName(prev.name)
			out[len(out)-1] = newPhrase(s, f, parens, listHead)
		case f.sep == sepColon && prev.head == "" && isExactly(prev.toks, fillers):
			out[len(out)-1] = newPhrase(s, f, parens, "")
		case (f.sep == sepComma || f.sep == sepLine) && joinsName(prev.toks, ft):
			prev.join(s, f, parens, ", ")
		case (f.sep == sepComma || f.sep == sepLine) && prev.head == "" && isExactly(prev.toks, completedHeads):
			prev.join(s, f, parens, " ")
		case isStart(ft):
			listHead = ""
			out = append(out, newPhrase(s, f, parens, ""))
		case isLevelContinuation(ft):
			prev.join(s, f, parens, ", ")
		case listHead != "":
			out = append(out, listItems(s, f, parens, listHead)...)
		case f.words[0].fold == "va":
			prev.join(s, f, parens, " ") // a name cut by a line break: "... Thể thao\nvà Du lịch"
		case impliedHead(prev) != "" && isField(ft):
			out = append(out, newPhrase(s, f, parens, impliedHead(prev)))
		case !startsUpper(s[f.start:f.end]):
			prev.join(s, f, parens, glueFor(f.sep))
		default:
			out = append(out, newPhrase(s, f, parens, ""))
		}
	}
	return out
}

// isListHeader reports whether key words head a list: "các Sở", "Sở",
// "UBND các huyện".
func isListHeader(toks []tok) bool {
	toks, _ = trimLead(toks)
	var rest []tok
	for _, t := range toks {
		if t.s != "cac" && t.s != "nhung" {
			rest = append(rest, t)
		}
	}
	return isExactly(rest, listHeads)
}

// listHeadName returns a list header's name as its items take it: "các
// Sở" → "Sở", "UBND các huyện" → "UBND huyện".
func listHeadName(name string) string {
	var kept []string
	for _, w := range strings.Fields(name) {
		switch foldWord(strings.Trim(w, ",;")) {
		case "cac", "nhung", "va":
			continue
		}
		kept = append(kept, w)
	}
	return capitalize(strings.Join(kept, " "))
}

// listItems returns the list items of fragment f, cutting "Tài chính và
// Nội vụ" in two when both sides are departments' fields.
func listItems(s string, f fragment, parens []span, head string) []phrase {
	ws := f.words
	for k := 1; k < len(ws)-1; k++ {
		if ws[k].fold != "va" {
			continue
		}
		left := keyTokens(s[f.start:ws[k].start])
		right := keyTokens(s[ws[k+1].start:f.end])
		if isField(left) && isField(right) {
			a, b := trimPunct(s, f.start, ws[k].start)
			first := fragment{start: a, end: b, words: wordsIn(ws, a, b)}
			second := fragment{start: ws[k+1].start, end: f.end, words: wordsIn(ws, ws[k+1].start, f.end)}
			return append([]phrase{newPhrase(s, first, parens, head)}, listItems(s, second, parens, head)...)
		}
	}
	return []phrase{newPhrase(s, f, parens, head)}
}

// isField reports whether key words are a department's field ("Tài chính").
func isField(toks []tok) bool {
	_, ok := lexicon.field(joinToks(toks))
	return ok
}

// impliedHead returns the head a bare field after p takes: "Sở Nội vụ, Tài
// chính" names "Sở Tài chính". It is "" unless p names a department or a
// ministry (or is an item of such a list).
func impliedHead(p *phrase) string {
	if p.head != "" {
		return p.head
	}
	toks, _ := trimLead(p.toks)
	if len(toks) < 2 || (toks[0].s != "so" && toks[0].s != "bo") || toks[1].s == "ban" || toks[1].s == "nganh" {
		return ""
	}
	if !isField(toks[1:]) {
		return ""
	}
	if toks[0].s == "so" {
		return "Sở"
	}
	return "Bộ"
}

// joinsName reports whether the comma between key words prev and next sits
// inside one name: "Sở, ban, ngành", "Văn hóa, Thể thao và Du lịch", "Lao
// động, Thương binh và Xã hội", "cơ quan, đơn vị", "Đoàn đại biểu Quốc
// hội, HĐND".
func joinsName(prev, next []tok) bool {
	p, _ := trimLead(prev)
	if n := prefixLen(p, personTitles); n > 0 && n < len(p) {
		p, _ = trimLead(p[n:]) // "Thủ trưởng các Sở, ban, ngành"
	}
	if len(p) > 0 && len(next) > 0 && allIn(p, "so", "ban", "nganh") {
		switch next[0].s {
		case "nganh":
			return true
		case "doan":
			return len(next) > 1 && next[1].s == "the" // "Sở, ban, ngành, đoàn thể"

		case "ban":
			return len(next) == 1 || !next[0].upper || next[1].s == "nganh"
		}
	}
	last := func(words ...string) bool {
		if len(prev) < len(words) {
			return false
		}
		return hasWords(prev[len(prev)-len(words):], words)
	}
	switch {
	case (last("van", "hoa") || last("vh")) && (hasWords(next, []string{"the", "thao"}) ||
		hasWords(next, []string{"tt"}) || hasWords(next, []string{"thong", "tin"})):
		return true
	case (last("lao", "dong") || last("ld")) && (hasWords(next, []string{"thuong", "binh"}) ||
		hasWords(next, []string{"tb"})):
		return true
	case last("dai", "bieu", "quoc", "hoi") && hasWords(next, []string{"hoi", "dong", "nhan", "dan"}):
		return true
	}
	// "cơ quan, đơn vị (có liên quan)": generic nouns only, then another.
	if len(p) > 0 && onlyGeneric(p) && !allIn(p, "so", "ban", "nganh", "bo") && len(next) > 0 && next[0].s != "cac" && prefixLen(next, genericNouns) > 0 {
		return true
	}
	return false
}

// allIn reports whether every word of toks is one of words.
func allIn(toks []tok, words ...string) bool {
	for _, t := range toks {
		found := false
		for _, w := range words {
			if t.s == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// onlyGeneric reports whether toks are generic nouns and nothing else.
func onlyGeneric(toks []tok) bool {
	for len(toks) > 0 {
		n := prefixLen(toks, genericNouns)
		if n == 0 {
			return false
		}
		toks = toks[n:]
	}
	return true
}

// isLevelContinuation reports whether key words only add tiers to the
// words before them: "xã" after "UBND cấp huyện", "cấp xã có liên quan".
func isLevelContinuation(toks []tok) bool {
	for len(toks) > 0 && toks[0].s == "va" {
		toks = toks[1:]
	}
	_, n, _, count := parseLevels(toks)
	if count == 0 {
		return false
	}
	return n == len(toks) || !toks[n].upper
}
