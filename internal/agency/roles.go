package agency

import "strings"

// Roles reads a whole agency cell of a column with the given role (RoleLead,
// RoleCoordinating or RoleMixed; any other value reads as RoleMixed) and
// returns the agencies that lead and those that coordinate, in order,
// without duplicates; an agency that leads is never also coordinating. The
// slices are never nil.
//
// The column's role applies unless the cell says otherwise:
//   - labels: "a) Cơ quan chủ trì: X. b) Cơ quan thực hiện: Y." (X leads, Y
//     coordinates), "Chủ trì: X; phối hợp: Y", "Đơn vị chủ trì/phối
//     hợp/thực hiện:" ("thực hiện" keeps the column's rule when no lead is
//     named);
//   - inline: "X chủ trì, phối hợp với Y", "X (chủ trì), Y", "X chủ trì; Y
//     phối hợp", "X chịu trách nhiệm chủ trì".
//
// When the cell names a lead, every agency it does not mark coordinates.
// Otherwise RoleLead makes every agency lead, RoleCoordinating every agency
// coordinate, and RoleMixed makes the first agency lead and the rest
// coordinate; when the first is a group, the groups right after it lead
// too ("Các Sở, ban, ngành; UBND cấp huyện, cấp xã": each group leads its
// own share, DOMAIN §3).
func Roles(text string, role string) (lead, coordinating []Agency) {
	lead, coordinating = []Agency{}, []Agency{}
	var unmarked []Agency
	explicitLead := false
	for _, g := range readCell(cleanCell(text)) {
		switch g.role {
		case RoleLead:
			lead = append(lead, g.agencies...)
			explicitLead = explicitLead || len(g.agencies) > 0
		case RoleCoordinating:
			coordinating = append(coordinating, g.agencies...)
		default:
			unmarked = append(unmarked, g.agencies...)
		}
	}
	switch {
	case explicitLead || role == RoleCoordinating:
		coordinating = append(coordinating, unmarked...)
	case role == RoleLead:
		lead = append(lead, unmarked...)
	default:
		n := min(1, len(unmarked))
		if n == 1 && unmarked[0].Group != "" {
			for n < len(unmarked) && unmarked[n].Group != "" {
				n++
			}
		}
		lead = append(lead, unmarked[:n]...)
		coordinating = append(coordinating, unmarked[n:]...)
	}
	lead = dedupe(lead, nil)
	return lead, dedupe(coordinating, lead)
}

// roleGroup is agencies a cell gives one role: RoleLead, RoleCoordinating,
// or "" when the cell does not say.
type roleGroup struct {
	role     string
	agencies []Agency
}

// readCell reads the agencies of a cleaned cell, section by section, with
// the roles its labels and inline words give them.
func readCell(s string) []roleGroup {
	var out []roleGroup
	for _, sec := range sections(s) {
		def := ""
		switch sec.role {
		case RoleLead, RoleCoordinating:
			def = sec.role
		}
		out = append(out, inlineRoles(s, sec.start, sec.end, def)...)
	}
	return out
}

// section is a part of a cell after a label ("Cơ quan chủ trì:"): role is
// RoleLead, RoleCoordinating, roleExecuting ("thực hiện") or "" (no label).
type section struct {
	start, end int
	role       string
}

const roleExecuting = "executing"

// sections cuts a cell at its labels.
func sections(s string) []section {
	ws := scanWords(s)
	var out []section
	cur := section{start: 0}
	for i := 0; i < len(ws); i++ {
		end, role, next, ok := labelAt(s, ws, i)
		if !ok {
			continue
		}
		cur.end = max(cur.start, markerStart(s, ws[i].start))
		out = append(out, cur)
		cur = section{start: end, role: role}
		i = next - 1
	}
	cur.end = len(s)
	return append(out, cur)
}

// labelAt reads a label at ws[i]: ["Cơ quan" | "Đơn vị" | "Cơ quan, đơn
// vị"] ("chủ trì" | "phối hợp" | "thực hiện") ["thực hiện" | "chính"] ":".
// It returns the position after the colon, the role, and the index of the
// word after the label.
func labelAt(s string, ws []word, i int) (end int, role string, next int, ok bool) {
	j := i
	if folds(ws, j, "co", "quan") {
		j += 2
		if folds(ws, j, "don", "vi") {
			j += 2
		}
	} else if folds(ws, j, "don", "vi") {
		j += 2
	}
	switch {
	case folds(ws, j, "chu", "tri"):
		role = RoleLead
	case folds(ws, j, "phoi", "hop"):
		role = RoleCoordinating
	case folds(ws, j, "thuc", "hien"):
		role = roleExecuting
	default:
		return 0, "", 0, false
	}
	j += 2
	if role != roleExecuting && folds(ws, j, "thuc", "hien") {
		j += 2
	} else if folds(ws, j, "chinh") {
		j++
	}
	k := ws[j-1].end
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k >= len(s) || s[k] != ':' {
		return 0, "", 0, false
	}
	return k + 1, role, j, true
}

// folds reports whether the words from ws[i] fold to want.
func folds(ws []word, i int, want ...string) bool {
	if i+len(want) > len(ws) {
		return false
	}
	for k, w := range want {
		if ws[i+k].fold != w {
			return false
		}
	}
	return true
}

// markerStart returns where a label at pos starts, including a list marker
// ("b)", "-", "+") written just before it on its line.
func markerStart(s string, pos int) int {
	i := strings.TrimRight(s[:pos], " ")
	switch {
	case strings.HasSuffix(i, ")") || strings.HasSuffix(i, "."):
		j := strings.LastIndexAny(i, " \n;")
		if isMarkerWord(strings.Trim(i[j+1:len(i)-1], "(")) {
			return j + 1
		}
	case strings.HasSuffix(i, "-") || strings.HasSuffix(i, "+"):
		return len(i) - 1
	}
	return pos
}
