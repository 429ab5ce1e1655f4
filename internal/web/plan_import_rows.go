package web

import (
	"slices"
	"strings"

	"cchc/internal/agency"
	"cchc/internal/doctable"
	"cchc/internal/importer"
	"cchc/internal/plan"
	"cchc/internal/schedule"
	"cchc/internal/vn"
)

// importTables lists the document's tables with their columns' roles, and
// the sheet names of a workbook that has several.
func importTables(doc doctable.Document, res importer.Result, s importer.DraftSettings) ([]importTable, []string) {
	var tables []importTable
	for _, t := range res.Tables {
		it := importTable{Index: t.Index, Name: t.Name, Source: importer.SourceLabel(t.Source), Used: t.Used,
			Guessed: t.Guessed, Rows: t.Rows}
		_, it.Overridden = s.Columns[t.Index]
		for j, role := range t.Roles {
			c := importColumn{Index: j, Role: role, Label: importer.RoleLabel(role)}
			if j < len(t.Headers) {
				c.Header = t.Headers[j]
			}
			it.Columns = append(it.Columns, c)
		}
		tables = append(tables, it)
	}
	var sheets []string
	if doc.Format == doctable.XLSX {
		for _, b := range doc.Blocks {
			if b.Table != nil && b.Table.Name != "" && !slices.Contains(sheets, b.Table.Name) {
				sheets = append(sheets, b.Table.Name)
			}
		}
		if len(sheets) < 2 {
			sheets = nil
		}
	}
	return tables, sheets
}

// importRows turns the read tasks into preview rows and counts the tasks,
// sub-tasks and sections.
func importRows(res importer.Result, names map[string]string) (rows []importRow, tasks, subTasks, sections int) {
	seen := map[string]bool{}
	prev := ""
	rows = make([]importRow, 0, len(res.Tasks))
	for _, t := range res.Tasks {
		row := importRow{Seq: t.Seq, Title: t.Title, Product: t.Product, DefaultLead: t.DefaultLead,
			Inherited: t.Inherited, ScheduleText: t.ScheduleText, Understood: t.Schedule.Understood,
			Warnings: t.Warnings, Source: importer.SourceLabel(t.Source), Area: t.Area}
		for p := t.Parent; p != nil; p = res.Tasks[*p].Parent {
			row.Depth++
		}
		if t.AreaID == 0 && t.Section != "" {
			row.Area, row.NewArea = t.Section, true
		}
		if row.Understood {
			row.When = scheduleDates(t.Schedule)
			row.Recurrence = plan.RecurrenceLabels[t.Schedule.Recurrence]
			if t.Schedule.Recurrence == schedule.OneOff {
				row.Recurrence = ""
			}
		}
		row.Lead = importAgencies(t.Lead, names)
		row.Coordinating = importAgencies(t.Coordinating, names)
		if t.Parent == nil {
			tasks++
		} else {
			subTasks++
		}
		k := t.Group + "|" + t.Section
		if t.Section != "" && !seen[k] {
			seen[k] = true
			sections++
		}
		if k != prev && (t.Group != "" || t.Section != "") {
			row.Section = strings.TrimPrefix(t.Group+" — "+t.Section, " — ")
			row.Section = strings.TrimSuffix(row.Section, " — ")
		}
		prev = k
		rows = append(rows, row)
	}
	return rows, tasks, subTasks, sections
}

// scheduleDates says which days a schedule understood, dd/mm/yyyy: "hạn
// 31/05/2026", "01/01/2026 – 31/12/2026", "các mốc 30/06/2026, 31/12/2026",
// "từ 01/01/2026"; for a schedule with no day, what it waits for.
func scheduleDates(s schedule.Schedule) string {
	switch {
	case len(s.Milestones) > 0:
		ms := make([]string, len(s.Milestones))
		for i, m := range s.Milestones {
			ms[i] = m.VN()
		}
		return "các mốc " + strings.Join(ms, ", ")
	case !s.Start.IsZero() && !s.Due.IsZero():
		return s.Start.VN() + " – " + s.Due.VN()
	case !s.Due.IsZero():
		return "hạn " + s.Due.VN()
	case !s.Start.IsZero():
		return "từ " + s.Start.VN()
	case s.Relative == schedule.RelativeEvent:
		return "chờ sự kiện, chưa có ngày"
	case s.Relative == schedule.RelativePlanYear:
		return "theo năm kế hoạch"
	case s.Recurrence != schedule.OneOff:
		return ""
	}
	return "không có thời hạn cố định"
}

// importAgencies turns a row's agencies into what the preview shows.
func importAgencies(as []agency.Agency, names map[string]string) []importAgency {
	out := make([]importAgency, 0, len(as))
	for _, a := range as {
		ia := importAgency{Text: a.Text, Unspecified: a.Unspecified}
		if ia.Text == "" {
			ia.Text = a.Name
		}
		switch {
		case a.UnitID != nil:
			ia.Matched = names[choiceValue(importer.Choice{UnitID: *a.UnitID})]
		case a.GroupID != nil:
			ia.Matched = names[choiceValue(importer.Choice{GroupID: *a.GroupID})]
		case !a.Unspecified:
			ia.Unmatched = true
		}
		out = append(out, ia)
	}
	return out
}

// The preview suggests at most maxCandidates units and groups for a name,
// those scoring at least minCandidateScore: below it, the names share only
// a common word such as "tỉnh".
const (
	maxCandidates     = 8
	minCandidateScore = 0.45
)

// unmatchedNames lists, in document order, each agency name (by
// agency.Key of the text as written) that matched no unit or group, with
// the number of tasks naming it and the units and groups it might mean.
func unmatchedNames(res importer.Result, dir *agency.Directory) []importName {
	var out []importName
	index := map[string]int{}
	counted := map[string]int{} // name key -> last task counted
	for i, t := range res.Tasks {
		for _, a := range slices.Concat(t.Lead, t.Coordinating) {
			if a.Unspecified || a.UnitID != nil || a.GroupID != nil {
				continue
			}
			text := a.Text
			if text == "" {
				text = a.Name
			}
			key := agency.Key(text)
			if key == "" {
				continue
			}
			j, ok := index[key]
			if !ok {
				j = len(out)
				index[key] = j
				out = append(out, importName{Key: key, Text: text, Candidates: candidates(a, dir)})
				counted[key] = -1
			}
			if counted[key] != i {
				counted[key] = i
				out[j].Tasks++
			}
		}
	}
	return out
}

// candidates returns the units and groups a name might mean, best first:
// the directory's near matches for the name as written and as normalised,
// with a score of at least minCandidateScore.
func candidates(a agency.Agency, dir *agency.Directory) []importOption {
	if dir == nil {
		return nil
	}
	cp := a
	found := dir.Resolve(&cp)
	found = append(found, dir.Search(a.Text, maxCandidates)...)
	if a.Name != a.Text {
		found = append(found, dir.Search(a.Name, maxCandidates)...)
	}
	slices.SortStableFunc(found, func(x, y agency.Candidate) int {
		switch {
		case x.Score > y.Score:
			return -1
		case x.Score < y.Score:
			return 1
		}
		return 0
	})
	var out []importOption
	seen := map[string]bool{}
	for _, c := range found {
		v := choiceValue(importer.Choice{UnitID: c.UnitID, GroupID: c.GroupID})
		if seen[v] || c.UnitID == 0 && c.GroupID == 0 || c.Score < minCandidateScore {
			continue
		}
		seen[v] = true
		out = append(out, importOption{Value: v, Label: c.Name})
		if len(out) == maxCandidates {
			break
		}
	}
	return out
}

// chosenNames lists the user's choices with the names as the document
// writes them and what they were matched to, in Vietnamese order.
func chosenNames(res importer.Result, choices map[string]importer.Choice, names map[string]string) []importChosen {
	if len(choices) == 0 {
		return nil
	}
	texts := map[string]string{}
	for _, t := range res.Tasks {
		for _, a := range slices.Concat(t.Lead, t.Coordinating) {
			if k := agency.Key(a.Text); a.Text != "" && texts[k] == "" {
				texts[k] = a.Text
			}
		}
	}
	out := make([]importChosen, 0, len(choices))
	for k, c := range choices {
		text := texts[k]
		if text == "" {
			text = k
		}
		target := names[choiceValue(c)]
		if target == "" {
			target = "(đơn vị không còn trong hệ thống)"
		}
		out = append(out, importChosen{Key: k, Text: text, Target: target})
	}
	coll := vn.NewCollator()
	slices.SortFunc(out, func(a, b importChosen) int { return coll.Compare(a.Text, b.Text) })
	return out
}
