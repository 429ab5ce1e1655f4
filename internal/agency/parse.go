package agency

import (
	"slices"
	"strings"
)

// Parse splits an agency cell (or part of one) into the agencies it names,
// in order, each once (by Name and Group). It never returns nil; an empty
// cell gives an empty slice. Every returned Agency has a non-empty Text
// (the words of the cell naming it, trimmed) and Name.
//
// Parse reads lists on ";", ",", line breaks and "và" (only where the words
// after "và" start another agency: "Sở Nội vụ và các Sở: ...", never "Sở Kế
// hoạch và Đầu tư" or "Văn phòng HĐND và UBND tỉnh"); keeps commas inside
// names ("Sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố", "Sở Văn
// hóa, Thể thao và Du lịch"); joins a lone fragment to its neighbour ("Sở
// Nội vụ, Văn phòng, UBND tỉnh" names "Sở Nội vụ" and "Văn phòng UBND
// tỉnh"); gives each item of "Các sở: Tư pháp; Tài chính" its head;
// recognises the groups (see the group codes) and unspecified names ("các
// cơ quan liên quan"); and normalises single names (see Agency). Remarks in
// parentheses stay in Text and name nothing. Role words and labels ("Cơ
// quan chủ trì:", "(chủ trì)", "phối hợp với") are skipped: Roles reads
// them.
func Parse(text string) []Agency {
	out := []Agency{}
	for _, g := range readCell(cleanCell(text)) {
		out = append(out, g.agencies...)
	}
	return dedupe(out, nil)
}

// parsePhrases returns the agencies of s[from:to], one slice per phrase.
func parsePhrases(s string, from, to int) [][]Agency {
	from, to = trimPunct(s, from, to)
	if from >= to {
		return nil
	}
	parens := parenSpans(s, from, to)
	var out [][]Agency
	for _, p := range phrases(s, splitFragments(s, from, to, parens), parens) {
		a, b := trimPunct(s, p.start, p.end)
		text := strings.ReplaceAll(s[a:b], "\n", " ")
		for _, w := range []string{"và ", "Và "} {
			text = strings.TrimPrefix(text, w)
		}
		if strings.TrimSpace(text) == "" {
			text = p.fullName()
		}
		if as := classify(p, text); len(as) > 0 {
			out = append(out, as)
		}
	}
	return out
}

// dedupe returns list without repeated agencies (same Key of Name, same
// Group) and without those in other, keeping the first of each.
func dedupe(list, other []Agency) []Agency {
	out := make([]Agency, 0, len(list))
	seen := map[string]bool{}
	id := func(a Agency) string { return a.Group + "|" + Key(a.Name) }
	for _, a := range other {
		seen[id(a)] = true
	}
	for _, a := range list {
		if k := id(a); !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return slices.Clip(out)
}
