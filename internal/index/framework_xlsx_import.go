package index

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/index/rule"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// FrameworkImportError is one problem of a framework workbook: the sheet,
// the row number Excel shows (0 for a problem of the sheet as a whole),
// the column's letter and header (empty for a problem of the whole row)
// and a Vietnamese message.
type FrameworkImportError struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Header  string `json:"header"`
	Message string `json:"message"`
}

// String returns e as a Vietnamese sentence naming sheet, row and column:
// "Trang “Bộ chỉ số”, dòng 5, cột C (Điểm tối đa): ...".
func (e FrameworkImportError) String() string {
	s := fmt.Sprintf("Trang “%s”", e.Sheet)
	if e.Row > 0 {
		s += fmt.Sprintf(", dòng %d", e.Row)
	}
	if e.Column != "" {
		s += ", cột " + e.Column
		if e.Header != "" {
			s += " (" + e.Header + ")"
		}
	}
	return s + ": " + e.Message
}

// FrameworkImportErrors is every problem of a refused framework workbook,
// by sheet, row and column, one per cell.
type FrameworkImportErrors []FrameworkImportError

func (e FrameworkImportErrors) Error() string {
	lines := make([]string, len(e))
	for i, fe := range e {
		lines[i] = fe.String()
	}
	return strings.Join(lines, "\n")
}

// headerAliases are the headers a column is recognised by (compared
// folded: without accents, case or punctuation), the workbook's own first.
var headerAliases = map[string][]string{
	colItemNumber:   {colItemNumber, "Số TT", "Số thứ tự", "TT"},
	colItemTitle:    {colItemTitle, "Lĩnh vực, tiêu chí", "Tên tiêu chí", "Nội dung", "Tiêu chí"},
	colItemMax:      {colItemMax, "Điểm chuẩn", "Thang điểm", "Điểm tối đa (điểm)"},
	colItemRule:     {colItemRule, "Cách tính điểm", "Phương pháp chấm điểm", "Quy tắc chấm điểm"},
	colItemKind:     {colItemKind},
	colItemEvidence: {colItemEvidence, "Yêu cầu tài liệu kiểm chứng"},
	colItemOptional: {colItemOptional, "Không áp dụng"},
	colItemGroup:    {colItemGroup, "Nhóm"},
	colItemGuidance: {colItemGuidance, "Hướng dẫn chấm điểm", "Hướng dẫn"},
	colBandFrom:     {colBandFrom, "Từ", "Mức tối thiểu (%)", "Từ (%) trở lên"},
	colBandLabel:    {colBandLabel, "Mức xếp loại"},
}

// kindsByText maps a folded "Loại điểm" to a kind of item.
var kindsByText = map[string]string{
	vn.Fold(ItemKindLabel(KindScore)): KindScore, "tu cham": KindScore, "tu danh gia": KindScore, KindScore: KindScore,
	vn.Fold(ItemKindLabel(KindSurvey)): KindSurvey, "dieu tra xhh": KindSurvey, "khao sat": KindSurvey, KindSurvey: KindSurvey,
	vn.Fold(ItemKindLabel(KindBonus)): KindBonus, "thuong": KindBonus, "diem cong": KindBonus, KindBonus: KindBonus,
	vn.Fold(ItemKindLabel(KindPenalty)): KindPenalty, "tru": KindPenalty, KindPenalty: KindPenalty,
}

// groupsByText maps a folded "Nhóm tiêu chí" to a criteria group.
var groupsByText = map[string]string{
	vn.Fold(GroupLabel(GroupRoutine)): GroupRoutine, GroupRoutine: GroupRoutine, "thuc hien thuong xuyen": GroupRoutine,
	vn.Fold(GroupLabel(GroupInvestment)): GroupInvestment, GroupInvestment: GroupInvestment, "can dau tu thuc hien": GroupInvestment,
	vn.Fold(GroupLabel(GroupHard)): GroupHard, GroupHard: GroupHard, "kho dat duoc": GroupHard,
}

// yesText and noText are the folded answers of the yes/no columns.
var (
	yesText = map[string]bool{vn.Fold(evidenceRequiredText): true, "co": true, "x": true, "yes": true, "1": true, "true": true}
	noText  = map[string]bool{"khong": true, "khong bat buoc": true, "no": true, "0": true, "false": true}
)

// ReadFrameworkXLSX reads a framework workbook as FrameworkXLSX writes it
// (or as filled in by hand in the same layout): the items of its "Bộ chỉ
// số" sheet (or the first sheet with the items' header row, which may be
// on any of the first rows) and the bands of its "Xếp loại" sheet (nil
// when the workbook has none). Points may be numbers or text such as
// "1,5"; a rule is read by rule.Parse; blank cells mean the defaults. The
// items come back cleaned and checked as SaveItems checks them (parents'
// maximum filled in), the bands as SetBands checks them. A file that is
// not a workbook, or has no items' header row, returns a valid.Problem; a
// workbook with bad cells returns FrameworkImportErrors naming every one.
func ReadFrameworkXLSX(data []byte) ([]ItemInput, []Band, error) {
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: 64 << 20})
	if err != nil {
		return nil, nil, valid.Problemf("Không đọc được tệp: hãy chọn một tệp Excel (.xlsx) theo mẫu xuất từ bộ chỉ số.")
	}
	defer x.Close()
	r := &frameworkReader{x: x}
	items, err := r.items()
	if err != nil {
		return nil, nil, err
	}
	bands := r.bands()
	if bad := r.sorted(); len(bad) > 0 {
		return nil, nil, bad
	}
	return items, bands, nil
}

// frameworkReader reads one workbook, collecting every problem.
type frameworkReader struct {
	x      *excelize.File
	sheets []string // sheets read, in order, for sorting problems
	errs   FrameworkImportErrors
}

// table is a sheet's rows below its header row and where each known
// column is.
type table struct {
	sheet string
	rows  [][]string
	top   int            // index in rows of the header row
	col   map[string]int // column header (canonical) → index
}

// get returns row's cell under header h, trimmed, or "" when the sheet has
// no such column.
func (t table) get(row []string, h string) string {
	j, ok := t.col[h]
	if !ok || j >= len(row) {
		return ""
	}
	return vn.NFC(strings.TrimSpace(row[j]))
}

// at returns the problem location of row index i, column h ("" or an
// unknown column: the whole row).
func (t table) at(i int, h string) FrameworkImportError {
	e := FrameworkImportError{Sheet: t.sheet, Row: i + 1}
	if j, ok := t.col[h]; ok {
		e.Column, _ = excelize.ColumnNumberToName(j + 1)
		e.Header = h
	}
	return e
}

func (r *frameworkReader) fail(at FrameworkImportError, msg string) {
	at.Message = msg
	r.errs = append(r.errs, at)
}

// find returns the table of sheet name (matched folded), or of the first
// sheet whose header row has the columns required when name is not found
// and anySheet is set. Headers are looked for in the first 20 rows.
func (r *frameworkReader) find(name string, anySheet bool, columns []string, required ...string) (table, bool) {
	list := r.x.GetSheetList()
	slices.SortStableFunc(list, func(a, b string) int {
		return cmp.Compare(boolRank(vn.Fold(a) != vn.Fold(name)), boolRank(vn.Fold(b) != vn.Fold(name)))
	})
	for _, s := range list {
		if vn.Fold(s) != vn.Fold(name) && !anySheet {
			continue
		}
		rows, err := r.x.GetRows(s)
		if err != nil {
			continue
		}
		for i := 0; i < len(rows) && i < 20; i++ {
			col := map[string]int{}
			for j, c := range rows[i] {
				for _, h := range columns {
					if _, seen := col[h]; seen {
						continue
					}
					for _, alias := range headerAliases[h] {
						if vn.Fold(c) == vn.Fold(alias) {
							col[h] = j
							break
						}
					}
				}
			}
			complete := true
			for _, h := range required {
				if _, ok := col[h]; !ok {
					complete = false
				}
			}
			if complete {
				r.sheets = append(r.sheets, s)
				return table{sheet: s, rows: rows, top: i, col: col}, true
			}
		}
	}
	return table{}, false
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// items reads the items' sheet. It returns a valid.Problem when there is
// none; problems of cells are collected in r.errs.
func (r *frameworkReader) items() ([]ItemInput, error) {
	t, ok := r.find(sheetItems, true, itemColumns, colItemNumber, colItemTitle, colItemMax)
	if !ok {
		return nil, valid.Problemf(fmt.Sprintf("Tệp không có trang “%s” với dòng tiêu đề gồm các cột “%s”, “%s” và “%s”.",
			sheetItems, colItemNumber, colItemTitle, colItemMax))
	}
	var rows []int // indexes in t.rows of the items' rows
	parents := map[string]bool{}
	for i := t.top + 1; i < len(t.rows); i++ {
		row := t.rows[i]
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		number := cleanNumber(t.get(row, colItemNumber))
		if number == "" && isTotalRow(t.get(row, colItemTitle)) {
			continue
		}
		rows = append(rows, i)
		if k := strings.LastIndex(number, "."); k > 0 {
			parents[number[:k]] = true
		}
	}
	items := make([]ItemInput, len(rows))
	for k, i := range rows {
		row := t.rows[i]
		in := ItemInput{Number: t.get(row, colItemNumber), Title: t.get(row, colItemTitle), Guidance: t.get(row, colItemGuidance)}
		if s := t.get(row, colItemMax); s != "" {
			p, ok := parsePointsCell(s)
			if !ok {
				r.fail(t.at(i, colItemMax), fmt.Sprintf("“%s” không phải số điểm (ví dụ 2 hoặc 1,5; tối đa hai chữ số thập phân).", s))
			}
			in.MaxPoints = p
		}
		if !parents[cleanNumber(in.Number)] {
			spec, err := rule.Parse(t.get(row, colItemRule))
			if err != nil {
				r.fail(t.at(i, colItemRule), err.Error())
			}
			in.Rule = spec
		}
		if s := t.get(row, colItemKind); s != "" {
			kind, ok := kindsByText[vn.Fold(s)]
			if !ok {
				r.fail(t.at(i, colItemKind), fmt.Sprintf("loại điểm “%s” không hợp lệ; hãy chọn: %s, %s, %s hoặc %s.", s,
					ItemKindLabel(KindScore), ItemKindLabel(KindSurvey), ItemKindLabel(KindBonus), ItemKindLabel(KindPenalty)))
				kind = KindScore
			}
			in.Kind = kind
		}
		in.EvidenceRequired = r.yesNo(t, i, row, colItemEvidence, evidenceRequiredText)
		in.Optional = r.yesNo(t, i, row, colItemOptional, optionalText)
		if s := t.get(row, colItemGroup); s != "" {
			group, ok := groupsByText[vn.Fold(s)]
			if !ok {
				r.fail(t.at(i, colItemGroup), fmt.Sprintf("nhóm tiêu chí “%s” không hợp lệ; hãy chọn: %s, %s hoặc %s (hoặc để trống).", s,
					GroupLabel(GroupRoutine), GroupLabel(GroupInvestment), GroupLabel(GroupHard)))
			}
			in.GroupTag = group
		}
		items[k] = in
	}
	rowNumbers := make([]int, len(rows))
	for k, i := range rows {
		rowNumbers[k] = i + 1
	}
	plan, problems := planItems(items, rowNumbers)
	for _, p := range problems {
		h := map[string]string{"number": colItemNumber, "title": colItemTitle, "max_points": colItemMax, "rule": colItemRule,
			"kind": colItemKind, "group_tag": colItemGroup}[p.Field]
		r.fail(t.at(rows[p.Index], h), p.Message)
	}
	out := make([]ItemInput, len(plan))
	for i, p := range plan {
		out[i] = p.ItemInput
	}
	return out, nil
}

// yesNo reads a yes/no cell: blank or a "no" is false, yes is the column's
// own word ("Bắt buộc", "Có") or a usual variant.
func (r *frameworkReader) yesNo(t table, i int, row []string, h, word string) bool {
	s := vn.Fold(t.get(row, h))
	switch {
	case s == "" || noText[s]:
		return false
	case yesText[s] || s == vn.Fold(word):
		return true
	}
	r.fail(t.at(i, h), fmt.Sprintf("hãy ghi “%s” hoặc để trống.", word))
	return false
}

// isTotalRow reports whether a row's title is a total line ("Tổng cộng",
// "Tổng điểm") rather than an item.
func isTotalRow(title string) bool {
	f := vn.Fold(title)
	return strings.HasPrefix(f, "tong cong") || strings.HasPrefix(f, "tong diem") || strings.HasPrefix(f, "tong so diem")
}

// parsePointsCell reads a number of points as text ("1,5") or as the raw
// value of a number cell ("1.5", "1.4999999999999998").
func parsePointsCell(s string) (rule.Points, bool) {
	if p, err := rule.ParsePoints(s); err == nil {
		return p, true
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e12 {
		return 0, false
	}
	p := rule.FromFloat(f)
	if math.Abs(f*100-float64(p)) > 1e-6 {
		return 0, false
	}
	return p, true
}

// bands reads the "Xếp loại" sheet: nil when the workbook has none.
func (r *frameworkReader) bands() []Band {
	t, ok := r.find(sheetBands, false, bandColumns, colBandFrom, colBandLabel)
	if !ok {
		if r.hasSheet(sheetBands) {
			r.fail(FrameworkImportError{Sheet: sheetBands}, fmt.Sprintf("thiếu dòng tiêu đề với các cột “%s” và “%s”.", colBandFrom, colBandLabel))
		}
		return nil
	}
	var bands []Band
	var rows []int
	for i := t.top + 1; i < len(t.rows); i++ {
		row := t.rows[i]
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		b := Band{Label: t.get(row, colBandLabel)}
		s := t.get(row, colBandFrom)
		p, ok := parsePointsCell(strings.TrimSpace(strings.TrimSuffix(s, "%")))
		if !ok {
			r.fail(t.at(i, colBandFrom), fmt.Sprintf("“%s” không phải tỷ lệ phần trăm (ví dụ 90 hoặc 92,5).", s))
			p = -1 // out of range: checkBands reports the same cell, not a duplicate
		}
		b.MinPercent = int(p)
		bands = append(bands, b)
		rows = append(rows, i)
	}
	checked, errs := checkBands(bands)
	for key, msg := range errs {
		at := FrameworkImportError{Sheet: t.sheet}
		var i int
		var field string
		if n, _ := fmt.Sscanf(key, "bands.%d.%s", &i, &field); n == 2 && i < len(rows) {
			at = t.at(rows[i], map[string]string{"label": colBandLabel, "min_percent": colBandFrom}[field])
			// The message names the row by its place in the list; the
			// location names it already.
			if _, rest, ok := strings.Cut(msg, ": "); ok {
				msg = rest
			}
		}
		r.fail(at, msg)
	}
	return checked
}

func (r *frameworkReader) hasSheet(name string) bool {
	return slices.ContainsFunc(r.x.GetSheetList(), func(s string) bool { return vn.Fold(s) == vn.Fold(name) })
}

// sorted returns the problems by sheet, row and column, keeping the first
// found for each cell (a cell that cannot be read is not reported again
// by the checks that follow).
func (r *frameworkReader) sorted() FrameworkImportErrors {
	order := func(sheet string) int {
		if i := slices.Index(r.sheets, sheet); i >= 0 {
			return i
		}
		return len(r.sheets)
	}
	errs := slices.Clone(r.errs)
	slices.SortStableFunc(errs, func(a, b FrameworkImportError) int {
		return cmp.Or(cmp.Compare(order(a.Sheet), order(b.Sheet)), cmp.Compare(a.Row, b.Row),
			cmp.Compare(len(a.Column), len(b.Column)), cmp.Compare(a.Column, b.Column))
	})
	return slices.CompactFunc(errs, func(a, b FrameworkImportError) bool {
		return a.Sheet == b.Sheet && a.Row == b.Row && a.Column == b.Column && a.Row > 0
	})
}
