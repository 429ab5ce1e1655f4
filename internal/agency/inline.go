package agency

import (
	"slices"
	"strings"
)

// Kinds of inline role words.
const (
	markPostLead   = iota + 1 // "X chủ trì", "X chịu trách nhiệm chủ trì"
	markLeadWords             // "chủ trì" before more words: "Chủ trì Sở X" when nothing precedes it
	markPostCoord             // "Y phối hợp"
	markPreCoord              // "phối hợp với Y", "phối hợp Y"
	markParenLead             // "X (chủ trì)"
	markParenCoord            // "Y (phối hợp)"
)

// marker is role words inside a section: their span and kind.
type marker struct{ start, end, kind int }

// inlineRoles reads the agencies of the section s[a:b] in groups, by the
// role the words around them give; def is the role of agencies no word
// marks.
func inlineRoles(s string, a, b int, def string) []roleGroup {
	parens := parenSpans(s, a, b)
	ws := wordsOutside(s, a, b, parens)
	var out []roleGroup
	cur, pending := a, def
	add := func(x, y int, role string) {
		if as := slices.Concat(parsePhrases(s, x, y)...); len(as) > 0 {
			out = append(out, roleGroup{role: role, agencies: as})
		}
	}
	for _, m := range findMarkers(s, ws, parens, b) {
		if m.start < cur {
			continue
		}
		switch m.kind {
		case markPostLead, markPostCoord:
			c := clauseStart(s, cur, m.start, parens)
			if m.kind == markPostLead && !namesLead(s[lastComma(s, c, m.start, parens):m.start]) {
				continue // "các cơ quan chủ trì": a name, not a role
			}
			add(cur, c, pending)
			add(c, m.start, markRole(m.kind))
		case markLeadWords:
			if i, _ := slices.BinarySearchFunc(ws, cur, func(w word, pos int) int { return w.start - pos }); i < len(ws) && ws[i].start < m.start {
				continue // "... chủ trì soạn thảo": part of a name
			}
			pending = RoleLead
		case markPreCoord:
			add(cur, m.start, pending)
			pending = RoleCoordinating
		case markParenLead, markParenCoord:
			ps := parsePhrases(s, cur, m.start)
			cur = m.end
			if len(ps) == 0 {
				continue
			}
			if rest := slices.Concat(ps[:len(ps)-1]...); len(rest) > 0 {
				out = append(out, roleGroup{role: pending, agencies: rest})
			}
			out = append(out, roleGroup{role: markRole(m.kind), agencies: ps[len(ps)-1]})
		}
		cur = m.end
	}
	add(cur, b, pending)
	return out
}

// markRole returns the role a marker gives.
func markRole(kind int) string {
	switch kind {
	case markPostLead, markParenLead, markLeadWords:
		return RoleLead
	}
	return RoleCoordinating
}

// namesLead reports whether the words before "chủ trì" name an agency
// rather than being a generic name that ends in those words ("các cơ quan
// chủ trì", "cơ quan được giao chủ trì").
func namesLead(clause string) bool {
	toks, _ := trimLead(keyTokens(clause))
	if len(toks) == 0 {
		return true
	}
	return !onlyGeneric(toks) && !containsWords(toks, "duoc", "giao")
}

// clauseStart returns where the clause ending at end starts: after the
// last ";" or line break since from, outside parentheses.
func clauseStart(s string, from, end int, parens []span) int {
	for i := end - 1; i >= from; i-- {
		if (s[i] == ';' || s[i] == '\n') && !inSpans(parens, i) {
			return i + 1
		}
	}
	return from
}

// lastComma returns where the last comma-separated part of s[from:end]
// starts (outside parentheses).
func lastComma(s string, from, end int, parens []span) int {
	for i := end - 1; i >= from; i-- {
		if s[i] == ',' && !inSpans(parens, i) {
			return i + 1
		}
	}
	return from
}

// findMarkers returns the role words of a section in order: "chủ trì",
// "phối hợp (với)" outside parentheses, and remarks that are only role
// words, "(chủ trì)", "(phối hợp)". b is the section's end.
func findMarkers(s string, ws []word, parens []span, b int) []marker {
	var out []marker
	for i := 0; i < len(ws); i++ {
		switch {
		case folds(ws, i, "chu", "tri"):
			ms, me, j := ws[i].start, ws[i+1].end, i+2
			for _, back := range [][]string{{"la", "co", "quan"}, {"la", "don", "vi"}, {"chiu", "trach", "nhiem"}, {"la"}} {
				if i >= len(back) && folds(ws, i-len(back), back...) {
					ms = ws[i-len(back)].start
					break
				}
			}
			if folds(ws, j, "thuc", "hien") {
				me, j = ws[j+1].end, j+2
			}
			switch c := nextChar(s, me, b); {
			case c == ':':
			case c == 0 || strings.IndexByte(",;.\n)(", c) >= 0 || folds(ws, j, "phoi", "hop") || folds(ws, j, "va", "phoi", "hop"):
				out = append(out, marker{ms, me, markPostLead})
			default:
				out = append(out, marker{ms, me, markLeadWords})
			}
			i = j - 1
		case folds(ws, i, "phoi", "hop"):
			ms, me, j := ws[i].start, ws[i+1].end, i+2
			if folds(ws, j, "voi") || folds(ws, j, "cung") {
				out = append(out, marker{ms, ws[j].end, markPreCoord})
				i = j
				continue
			}
			switch c := nextChar(s, me, b); {
			case c == ':':
			case c == 0 || strings.IndexByte(",;.\n)(", c) >= 0:
				out = append(out, marker{ms, me, markPostCoord})
			default:
				out = append(out, marker{ms, me, markPreCoord})
			}
			i = j - 1
		}
	}
	for _, p := range parens {
		var fs []string
		for _, w := range scanWords(s[p.start+1 : p.end-1]) {
			fs = append(fs, w.fold)
		}
		switch strings.Join(fs, " ") {
		case "chu tri", "chu tri thuc hien", "co quan chu tri", "don vi chu tri", "la co quan chu tri", "chinh":
			out = append(out, marker{p.start, p.end, markParenLead})
		case "phoi hop", "co quan phoi hop", "don vi phoi hop", "phoi hop thuc hien":
			out = append(out, marker{p.start, p.end, markParenCoord})
		}
	}
	slices.SortFunc(out, func(x, y marker) int { return x.start - y.start })
	return out
}

// nextChar returns the first byte after pos (up to end) that is not a
// space, or 0 when there is none.
func nextChar(s string, pos, end int) byte {
	for ; pos < end; pos++ {
		if s[pos] != ' ' {
			return s[pos]
		}
	}
	return 0
}
