package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"cchc/internal/agency"
)

// numberedTask adds a task numbered seq: under the task whose number is
// its prefix ("2.3" under "2") when there is one in the section, else at
// the top.
func (r *reader) numberedTask(seq, title string, v rowView, source string) {
	parent := -1
	if i := strings.LastIndex(seq, "."); i > 0 {
		if p, ok := r.bySeq[seq[:i]]; ok {
			parent = p
		}
	}
	i := r.addTask(seq, title, v, parent, source)
	if seq != "" {
		r.bySeq[seq] = i
	}
	if parent < 0 || r.lastTask < 0 {
		r.lastTask = i
	} else {
		r.lastTask = i // a "2.3" row is the task its sub-rows belong to
	}
	r.lastSub = -1
}

// addTask reads a task row into a Task under parent (-1: top level) and
// returns its index.
func (r *reader) addTask(seq, title string, v rowView, parent int, source string) int {
	t := Task{Seq: seq, Group: r.group, Section: r.section.title, Title: title, Source: source,
		Lead: []agency.Agency{}, Coordinating: []agency.Agency{}}
	if r.hasArea {
		t.Area, t.AreaID = r.area.Name, r.area.ID
	}
	if parent >= 0 {
		p := parent
		t.Parent = &p
	}
	sched, product, notes := r.cellsOf(v)
	t.Product = product
	t.Notes = notes
	t.ScheduleText = sched
	t.Lead, t.Coordinating = r.agenciesOf(v)
	var budgetNote string
	t.BudgetVND, budgetNote = r.budgetOf(v, source)
	t.Notes = join(t.Notes, budgetNote)
	if parent >= 0 {
		pt := r.res.Tasks[parent]
		if len(t.Lead) == 0 && len(t.Coordinating) == 0 && !v.hasAgencies() {
			t.Lead = append(t.Lead, pt.Lead...)
			t.Coordinating = append(t.Coordinating, pt.Coordinating...)
			t.DefaultLead = pt.DefaultLead
			t.Inherited = true
		}
		if t.ScheduleText == "" && !v.hasTime() {
			t.ScheduleText = pt.ScheduleText
			t.Inherited = true
			if t.Product == "" && v.product == "" {
				t.Product = pt.Product
			}
		}
	}
	if len(t.Lead) == 0 && len(r.defLead) > 0 {
		t.Lead = append(t.Lead, r.defLead...)
		t.DefaultLead = true
	}
	t.Schedule = r.scheduleOf(t.ScheduleText)
	t.Key = r.key(seq, parent)
	i := len(r.res.Tasks)
	r.res.Tasks = append(r.res.Tasks, t)
	r.lastAny = i
	r.check(i)
	return i
}

// check resolves the task's agencies and warns about what is missing or
// not understood.
func (r *reader) check(i int) {
	t := &r.res.Tasks[i]
	if t.Title == "" {
		r.taskWarn(i, fmt.Sprintf("nhiệm vụ “%s” chưa có nội dung (dòng mẫu chưa điền?): sẽ bỏ qua khi nhập.", t.Seq))
	}
	for j := range t.Lead {
		r.resolve(i, &t.Lead[j])
	}
	for j := range t.Coordinating {
		r.resolve(i, &t.Coordinating[j])
	}
	if len(t.Lead) == 0 && t.Title != "" {
		r.taskWarn(i, "chưa xác định được cơ quan chủ trì.")
	}
	if t.ScheduleText != "" && !t.Schedule.Understood {
		r.taskWarn(i, fmt.Sprintf("chưa hiểu thời hạn “%s”: hãy sửa sau khi nhập.", t.ScheduleText))
	}
}

// resolve fills the agency's unit or group from the user's choice or the
// directory, and warns when a named agency matches nothing.
func (r *reader) resolve(i int, a *agency.Agency) {
	if a.Unspecified {
		return
	}
	for _, k := range []string{agency.Key(a.Text), agency.Key(a.Name)} {
		if c, ok := r.opts.Choices[k]; ok {
			switch {
			case c.UnitID != 0:
				id := c.UnitID
				a.UnitID, a.GroupID, a.Score = &id, nil, 1
			case c.GroupID != 0:
				id := c.GroupID
				a.GroupID, a.UnitID, a.Score = &id, nil, 1
			}
			return
		}
	}
	if r.opts.Directory == nil {
		return
	}
	k := a.Group + "\x00" + a.Name
	if done, ok := r.resolved[k]; ok {
		a.UnitID, a.GroupID, a.Score = done.UnitID, done.GroupID, done.Score
	} else {
		r.opts.Directory.Resolve(a)
		r.resolved[k] = *a
	}
	if a.UnitID == nil && a.GroupID == nil {
		r.taskWarn(i, fmt.Sprintf("không tìm thấy đơn vị “%s” trong danh sách đơn vị.", a.Name))
	}
}

// cellsOf reads the row's deadline, product and notes, splitting cells
// that hold several ("a) Thời hạn hoàn thành: ... b) Kết quả: ...").
func (r *reader) cellsOf(v rowView) (sched, product, notes string) {
	var times []string
	addTime := func(s string) {
		if s = trimDeadline(s); s != "" {
			times = append(times, s)
		}
	}
	for _, cell := range []struct {
		text string
		def  string
	}{{v.product, segProduct}, {v.time, segTime}, {v.timeProduct, segTime}, {v.notes, segNotes}} {
		if cell.text == "" {
			continue
		}
		for _, s := range splitLabels(cell.text) {
			kind := s.kind
			if kind == segLeadIn {
				kind = cell.def
			}
			switch kind {
			case segTime:
				addTime(s.text)
			case segProduct:
				product = join(product, s.text)
			case segNotes:
				notes = join(notes, s.text)
			}
		}
	}
	switch {
	case v.start != "" && v.end != "":
		addTime("Từ " + trimDeadline(v.start) + " đến " + trimDeadline(v.end))
	case v.start != "":
		addTime("Từ " + trimDeadline(v.start))
	case v.end != "":
		addTime(v.end)
	}
	if v.funding != "" {
		notes = join(notes, "Nguồn kinh phí: "+v.funding)
	}
	return strings.Join(times, "; "), product, notes
}

// agenciesOf reads the row's agency cells.
func (r *reader) agenciesOf(v rowView) (lead, coordinating []agency.Agency) {
	lead, coordinating = []agency.Agency{}, []agency.Agency{}
	add := func(texts []string, role string) {
		for _, text := range texts {
			k := role + "\x00" + text
			rc, ok := r.roles[k]
			if !ok {
				rc.lead, rc.coordinating = agency.Roles(text, role)
				r.roles[k] = rc
			}
			lead = append(lead, rc.lead...)
			coordinating = append(coordinating, rc.coordinating...)
		}
	}
	add(v.lead, agency.RoleLead)
	add(v.agencies, agency.RoleMixed)
	add(v.coordinating, agency.RoleCoordinating)
	return dedupe(lead, nil), dedupe(coordinating, lead)
}

// dedupe drops repeated agencies and those already in other.
func dedupe(list, other []agency.Agency) []agency.Agency {
	out := []agency.Agency{}
	seen := map[string]bool{}
	for _, a := range other {
		seen[a.Group+"|"+agency.Key(a.Name)] = true
	}
	for _, a := range list {
		k := a.Group + "|" + agency.Key(a.Name)
		if !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}

var amountPattern = regexp.MustCompile(`^\s*([0-9][0-9., ]*)\s*(?:đ|đồng|vnđ|vnd|triệu|tr\.?đ|trđ|tỷ|nghìn|ngàn)?\.?\s*$`)

// budgetOf reads the row's budget, counted in the column's unit ("triệu
// đồng"); a text that is no amount ("Ngân sách tỉnh") is kept in the notes
// and warned about.
func (r *reader) budgetOf(v rowView, source string) (*int64, string) {
	if v.budget == "" {
		return nil, ""
	}
	// Several budget columns (by source of funds) add up.
	var amount int64
	ok := true
	for _, part := range strings.Split(v.budget, "\n") {
		if part = strings.TrimSpace(part); part == "" || part == "-" {
			continue
		}
		a, good := parseAmount(part, r.scale)
		amount += a
		ok = ok && good
	}
	if !ok {
		if placeholder(v.budget) || v.budget == "-" {
			return nil, ""
		}
		r.warn(source, fmt.Sprintf("kinh phí “%s” không phải số tiền: ghi vào phần ghi chú.", v.budget))
		return nil, "Kinh phí: " + v.budget
	}
	return &amount, ""
}

// parseAmount reads "1.250.000", "1,250,000", "1250000 đ" or, in a column
// counted in millions, "1,5" (1.500.000 đồng).
func parseAmount(s string, scale int64) (int64, bool) {
	m := amountPattern.FindStringSubmatch(strings.ToLower(s))
	if m == nil {
		return 0, false
	}
	digits := strings.ReplaceAll(m[1], " ", "")
	if scale > 1 {
		// In thousands, millions or billions a single separator followed
		// by one or two digits is a decimal mark: "1,5" or "2.25".
		if k := strings.LastIndexAny(digits, ".,"); k > 0 && len(digits)-k-1 <= 2 && strings.Count(digits, ".")+strings.Count(digits, ",") == 1 {
			f, err := strconv.ParseFloat(strings.Replace(digits, ",", ".", 1), 64)
			if err != nil {
				return 0, false
			}
			return int64(f*float64(scale) + 0.5), true
		}
	}
	digits = strings.NewReplacer(".", "", ",", "").Replace(digits)
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > 1<<53/scale {
		return 0, false
	}
	return n * scale, true
}

// continuation adds a row with no number, marker or agencies to the task
// above: more text of its title, or the deadline or product it lacked.
func (r *reader) continuation(title string, v rowView, source string) {
	if r.lastAny < 0 {
		if title != "" {
			r.numberedTask("", title, v, source)
		}
		return
	}
	t := &r.res.Tasks[r.lastAny]
	t.Title = join(t.Title, title)
	sched, product, notes := r.cellsOf(v)
	if t.ScheduleText == "" && sched != "" {
		t.ScheduleText = sched
		t.Schedule = r.scheduleOf(sched)
	}
	t.Product = join(t.Product, product)
	t.Notes = join(t.Notes, notes)
}

// key returns a unique number path for a task numbered seq under parent.
func (r *reader) key(seq string, parent int) string {
	var prefix string
	if parent >= 0 {
		prefix = r.res.Tasks[parent].Key
	} else {
		prefix = strings.Trim(r.groupKey+"/"+r.sectionKey, "/")
	}
	part := seq
	if part == "" || part == "-" {
		part = "#"
	}
	base := strings.TrimPrefix(prefix+"/"+part, "/")
	r.keys[base]++
	switch n := r.keys[base]; {
	case part == "#":
		return base + strconv.Itoa(n)
	case n > 1:
		return base + "#" + strconv.Itoa(n)
	}
	return base
}
