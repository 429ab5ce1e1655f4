package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"cchc/internal/agency"
	"cchc/internal/doctable"
	"cchc/internal/schedule"
	"cchc/internal/vn"
)

// Read interprets the document's tables as plan tasks. It never fails: a
// document with no task table gives no tasks and a warning saying so.
func Read(doc doctable.Document, opts Options) Result {
	r := &reader{opts: opts, areas: newAreaMatcher(opts.Areas), keys: map[string]int{},
		roles: map[string]roleCells{}, resolved: map[string]agency.Agency{},
		res: Result{Tasks: []Task{}, Warnings: []string{}, Year: opts.Year}}
	blocks := paragraphTables(nfc(doc.Blocks))
	r.res.FromYear, r.res.ToYear = inferYears(blocks)
	if r.res.FromYear == 0 {
		r.res.FromYear, r.res.ToYear = inferYears(titleRows(blocks))
	}
	if r.res.Year == 0 {
		r.res.Year = r.res.FromYear
	}
	r.lettersGroup = lettersGroup(blocks)
	var prev *columns
	var headings []doctable.Block // paragraphs since the last table
	tableIndex := -1
	for _, b := range blocks {
		if b.Table == nil {
			if strings.TrimSpace(b.Text) != "" {
				headings = append(headings, b)
			}
			continue
		}
		tableIndex++
		cols, ok := r.columnsOf(tableIndex, b.Table, prev)
		if !ok {
			cols = unknownColumns(b.Table)
		}
		info := TableInfo{Index: tableIndex, Name: b.Table.Name, Source: b.Source, Headers: cols.headers,
			Roles: cols.roles, Guessed: cols.guessed, Rows: len(b.Table.Rows)}
		if ok && opts.Sheet != "" && b.Table.Name != "" && !strings.EqualFold(b.Table.Name, opts.Sheet) {
			ok = false
		}
		if ok && cols.holdsTasks() {
			info.Used = true
			r.headingBefore(headings)
			before := len(r.res.Tasks)
			r.table(b.Table, cols)
			if len(r.res.Tasks) == before {
				info.Used = false
			}
			c := cols
			prev = &c
		} else if len(b.Table.Rows) > 0 {
			prev = nil
		}
		headings = headings[:0]
		r.res.Tables = append(r.res.Tables, info)
	}
	if len(r.res.Tasks) == 0 {
		r.res.Warnings = append(r.res.Warnings, "Không tìm thấy bảng nhiệm vụ: cần một bảng có cột nhiệm vụ (nội dung công việc) và cột cơ quan chủ trì hoặc thời hạn.")
	}
	return r.res
}

// nfc returns the blocks with every text in Unicode form C: documents typed
// with some Vietnamese keyboards hold decomposed accents.
func nfc(blocks []doctable.Block) []doctable.Block {
	out := make([]doctable.Block, len(blocks))
	for i, b := range blocks {
		out[i] = doctable.Block{Text: vn.NFC(b.Text), Source: b.Source}
		if b.Table == nil {
			continue
		}
		t := &doctable.Table{Name: b.Table.Name, Rows: make([]doctable.Row, len(b.Table.Rows))}
		for j, row := range b.Table.Rows {
			cells := make([]doctable.Cell, len(row.Cells))
			for k, c := range row.Cells {
				cells[k] = doctable.Cell{Text: vn.NFC(c.Text), Merged: c.Merged}
			}
			t.Rows[j] = doctable.Row{Cells: cells, Source: row.Source}
		}
		out[i].Table = t
	}
	return out
}

// reader holds the state of Read while it walks the rows.
type reader struct {
	opts  Options
	areas areaMatcher
	res   Result
	keys  map[string]int // task keys given so far, for uniqueness

	group      string // group label as written
	groupKey   string
	section    heading
	sectionKey string
	area       Area
	hasArea    bool
	defLead    []agency.Agency
	groupCell  string // last text of a group column

	numbered bool           // the current table numbers its tasks
	lastTask int            // index of the last numbered (or top-level) task, -1 none
	lastSub  int            // index of the last lettered sub-task under it, -1 none
	bySeq    map[string]int // numbered tasks of the section by number
	lastAny  int            // index of the last task of any level, -1 none
	topKind  string         // numbering of the section's first task (markNumber, markSub ...)

	// Cells and names repeat down a plan ("Sở, ban, ngành tỉnh; UBND cấp
	// huyện"): each is read and matched once.
	roles    map[string]roleCells     // agency.Roles by role and cell text
	resolved map[string]agency.Agency // Directory.Resolve by group and name

	lettersGroup bool  // letter headings group roman ones
	scale        int64 // the current table's budget unit in đồng
}

// unknownColumns describes a table whose columns were not recognised: as
// many columns as its widest row, no roles, the first row's texts as
// headers, so the user can give the roles.
func unknownColumns(t *doctable.Table) columns {
	width := 0
	for _, row := range t.Rows {
		width = max(width, len(row.Cells))
	}
	c := columns{roles: make([]string, width), headers: make([]string, width), scale: 1, guessed: true}
	if len(t.Rows) > 0 {
		for i, cell := range t.Rows[0].Cells {
			c.headers[i] = cell.Text
		}
	}
	return c
}

// roleCells is what agency.Roles read in a cell.
type roleCells struct{ lead, coordinating []agency.Agency }

// columnsOf decides the roles of a table's columns: the user's override,
// the header row, the previous table's columns for a header-less table of
// the same width (a table continued after a page break), or a guess from
// the content.
func (r *reader) columnsOf(index int, t *doctable.Table, prev *columns) (columns, bool) {
	if roles, ok := r.opts.Columns[index]; ok {
		c, found := findHeader(t)
		if !found {
			c = unknownColumns(t)
			if len(t.Rows) < 2 || !headerLike(t.Rows[0], t.Rows[1:]) {
				c.headers = make([]string, len(c.headers)) // the first row is data
			} else {
				c.body = 1
			}
		}
		c.roles = append([]string(nil), roles...)
		c.guessed = false
		for j, role := range c.roles {
			if role == RoleBudget && j < len(c.headers) {
				c.scale = budgetScale(c.headers[j])
			}
		}
		return c, true
	}
	if c, ok := findHeader(t); ok {
		return c, true
	}
	if prev != nil && len(t.Rows) > 0 && len(t.Rows[0].Cells) == len(prev.roles) {
		c := *prev
		c.body = 0
		return c, true
	}
	return guessColumns(t)
}

// headingBefore takes the section of the next table from the paragraph
// right before it ("Phụ lục số II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH: Văn phòng
// UBND tỉnh chịu trách nhiệm chủ trì."), when one of the last paragraphs
// is such a heading.
func (r *reader) headingBefore(paras []doctable.Block) {
	for i := len(paras) - 1; i >= 0 && i >= len(paras)-3; i-- {
		text := strings.TrimSpace(paras[i].Text)
		if text == "" || len(text) > 300 || strings.HasPrefix(text, "(") {
			continue
		}
		h := parseHeading(text)
		_, mapsToArea := r.areas.match(h.title)
		appendix := appendixPrefix.MatchString(text)
		if (appendix && h.title != "") || (mapsToArea && (h.mark != markNone || upperText(h.title))) {
			r.setHeading(h, paras[i].Source)
			return
		}
	}
}

// setHeading starts a section (or a group of sections).
func (r *reader) setHeading(h heading, source string) {
	if h.group {
		r.group = h.title
		r.groupKey = keyPart(h.seq, h.title)
		r.section, r.sectionKey, r.hasArea, r.defLead = heading{}, "", false, nil
		r.area = Area{}
	} else {
		r.section = h
		r.sectionKey = keyPart(h.seq, h.title)
		r.area, r.hasArea = r.areas.match(h.title)
		if !r.hasArea && h.title != "" {
			r.warn(source, fmt.Sprintf("mục “%s” không khớp lĩnh vực nào: sẽ tạo lĩnh vực riêng của kế hoạch.", h.title))
		}
		r.defLead = nil
		if h.lead != "" {
			r.defLead = agency.Parse(h.lead)
		}
	}
	r.lastTask, r.lastSub, r.lastAny, r.topKind = -1, -1, -1, markNone
	r.bySeq = map[string]int{}
}

// keyPart is a heading's part of a task key: its number, or its folded
// title when it has none.
func keyPart(seq, title string) string {
	if seq != "" {
		return seq
	}
	f := vn.Fold(title)
	if len(f) > 40 {
		f = f[:40]
	}
	return f
}

// warn adds a warning about the row or paragraph at source.
func (r *reader) warn(source, msg string) {
	r.res.Warnings = append(r.res.Warnings, SourceLabel(source)+": "+msg)
}

// taskWarn adds a warning to task i and to the result.
func (r *reader) taskWarn(i int, msg string) {
	t := &r.res.Tasks[i]
	t.Warnings = append(t.Warnings, msg)
	r.warn(t.Source, msg)
}

var (
	sourceLine  = regexp.MustCompile(`^line (\d+)$`)
	sourceTable = regexp.MustCompile(`^table (\d+), row (\d+)$`)
	sourceSheet = regexp.MustCompile(`^sheet (.*), row (\d+)$`)
	sourcePara  = regexp.MustCompile(`^paragraph (\d+)$`)
)

// SourceLabel says where a row is, in Vietnamese: "line 12" is "Dòng 12",
// "table 2, row 5" is "Bảng 2, hàng 5", "sheet KH, row 7" is "Trang KH,
// dòng 7".
func SourceLabel(source string) string {
	if m := sourceLine.FindStringSubmatch(source); m != nil {
		return "Dòng " + m[1]
	}
	if m := sourceTable.FindStringSubmatch(source); m != nil {
		return "Bảng " + m[1] + ", hàng " + m[2]
	}
	if m := sourceSheet.FindStringSubmatch(source); m != nil {
		return "Trang “" + m[1] + "”, dòng " + m[2]
	}
	if m := sourcePara.FindStringSubmatch(source); m != nil {
		return "Đoạn " + m[1]
	}
	if source == "" {
		return "Tệp"
	}
	return source
}

// Years returns the years the document's title names ("Kế hoạch cải cách
// hành chính năm 2013": 2013, 2013; "... giai đoạn 2011 - 2015": 2011,
// 2015), or zeros.
func Years(doc doctable.Document) (from, to int) { return inferYears(doc.Blocks) }

// titleRows returns, as paragraphs, the texts of the first rows of the
// document's first table: a spreadsheet keeps its title there.
func titleRows(blocks []doctable.Block) []doctable.Block {
	var out []doctable.Block
	for _, b := range blocks {
		if b.Table == nil {
			continue
		}
		for i, row := range b.Table.Rows {
			if i >= maxHeaderRow {
				break
			}
			for _, c := range row.Cells {
				if c.Text != "" && !c.Merged {
					out = append(out, doctable.Block{Text: c.Text})
				}
			}
		}
		break
	}
	return out
}

var yearIn = regexp.MustCompile(`\b(?:nam|giai doan|giai doan tu nam)\s+((?:19|20|21)\d\d)(?:\s+(?:den\s+(?:nam\s+)?)?((?:19|20|21)\d\d))?\b`)

// inferYears finds the plan's years in the document's title: the first
// "năm 2013" or "giai đoạn 2011 - 2015" in a paragraph that starts with
// "Kế hoạch" or "Chương trình" or in the two paragraphs after it, before
// the first table. to is from for a single year; both are 0 when none.
func inferYears(blocks []doctable.Block) (from, to int) {
	for i, b := range blocks {
		if b.Table != nil || i > 80 {
			break
		}
		f := vn.Fold(b.Text)
		if !strings.HasPrefix(f, "ke hoach") && !strings.HasPrefix(f, "chuong trinh") {
			continue
		}
		for j := i; j < len(blocks) && j <= i+2 && blocks[j].Table == nil; j++ {
			if m := yearIn.FindStringSubmatch(vn.Fold(blocks[j].Text)); m != nil {
				from, _ = strconv.Atoi(m[1])
				to = from
				if m[2] != "" {
					if y, _ := strconv.Atoi(m[2]); y >= from {
						to = y
					}
				}
				return from, to
			}
		}
	}
	return 0, 0
}

// scheduleOf parses a deadline text with the plan year.
func (r *reader) scheduleOf(text string) schedule.Schedule {
	return schedule.Parse(text, r.res.Year)
}
