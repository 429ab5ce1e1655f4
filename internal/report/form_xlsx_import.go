package report

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/valid"
	"cchc/internal/vn"
)

// FormImportError is one problem of an imported form workbook: the sheet,
// the row number Excel shows (0 when the problem is the sheet's as a
// whole) and the column header (empty when the problem is the row's).
type FormImportError struct {
	Sheet   string
	Row     int
	Column  string
	Message string
}

// String returns e as a Vietnamese sentence naming sheet, row and column.
func (e FormImportError) String() string {
	s := fmt.Sprintf("Trang “%s”", e.Sheet)
	if e.Row > 0 {
		s += fmt.Sprintf(", dòng %d", e.Row)
	}
	if e.Column != "" {
		s += fmt.Sprintf(", cột “%s”", e.Column)
	}
	return s + ": " + e.Message
}

// FormImportErrors is every problem of a refused form workbook, by sheet,
// row and column.
type FormImportErrors []FormImportError

func (e FormImportErrors) Error() string {
	lines := make([]string, len(e))
	for i, fe := range e {
		lines[i] = fe.String()
	}
	return strings.Join(lines, "\n")
}

// ImportFormXLSX reads a form workbook as written by ExportFormXLSX (or
// filled in by hand in the same layout) into a FormInput, cleaned and
// checked as SaveForm checks it, except that unit kinds are not looked up.
// A file that is not a readable workbook, or lacks the "Biểu mẫu" or "Chỉ
// tiêu" sheet or their columns, returns a valid.Problem; a workbook with
// bad rows returns FormImportErrors naming every one by row and column.
// Whether the unit kinds exist is left to SaveForm.
func ImportFormXLSX(r io.Reader) (FormInput, error) {
	x, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: 64 << 20})
	if err != nil {
		return FormInput{}, valid.Problemf("Không đọc được tệp: hãy chọn một tệp Excel (.xlsx) theo mẫu xuất từ biểu mẫu báo cáo.")
	}
	defer x.Close()
	imp := &formImport{x: x, at: map[string]FormImportError{}}
	in, err := imp.read()
	if err != nil {
		return FormInput{}, err
	}
	in = in.clean()
	errs := in.check(nil, nil)
	for _, key := range slices.Sorted(maps.Keys(errs)) {
		at, ok := imp.at[key]
		if !ok {
			at = FormImportError{Sheet: sheetFields}
		}
		at.Message = errs[key]
		imp.errs = append(imp.errs, at)
	}
	if bad := imp.sorted(); len(bad) > 0 {
		return FormInput{}, bad
	}
	return in, nil
}

// formImport reads one workbook, remembering where each value came from so
// validation errors can name their cell.
type formImport struct {
	x    *excelize.File
	at   map[string]FormImportError // valid.Errors key → its cell
	errs FormImportErrors
}

func (imp *formImport) fail(sheet string, row int, column, msg string) {
	imp.errs = append(imp.errs, FormImportError{Sheet: sheet, Row: row, Column: column, Message: msg})
}

func (imp *formImport) read() (FormInput, error) {
	var in FormInput
	if err := imp.readForm(&in); err != nil {
		return in, err
	}
	if err := imp.readFields(&in.Definition); err != nil {
		return in, err
	}
	if err := imp.readRules(&in.Definition); err != nil {
		return in, err
	}
	return in, nil
}

// sheet returns the rows of the sheet named name (matched without accents
// or case), or nil, false when there is none.
func (imp *formImport) sheet(name string) ([][]string, bool) {
	for _, s := range imp.x.GetSheetList() {
		if vn.Fold(s) == vn.Fold(name) {
			rows, err := imp.x.GetRows(s)
			return rows, err == nil
		}
	}
	return nil, false
}

func (imp *formImport) readForm(in *FormInput) error {
	rows, ok := imp.sheet(sheetForm)
	if !ok {
		return valid.Problemf(fmt.Sprintf("Tệp thiếu trang “%s” (mã, tên và loại đơn vị báo cáo của biểu mẫu).", sheetForm))
	}
	imp.at["code"] = FormImportError{Sheet: sheetForm}
	imp.at["title"] = FormImportError{Sheet: sheetForm}
	for i, row := range rows {
		ref := FormImportError{Sheet: sheetForm, Row: i + 1, Column: colFormValue}
		switch vn.Fold(cell(row, 0)) {
		case vn.Fold(labelFormCode):
			in.Code, imp.at["code"] = cell(row, 1), ref
		case vn.Fold(labelFormTitle):
			in.Title, imp.at["title"] = cell(row, 1), ref
		case vn.Fold(labelFormKinds):
			in.UnitKinds, imp.at["unit_kinds"] = splitList(cell(row, 1)), ref
		case vn.Fold(labelFormTypes):
			in.ReportTypes, imp.at["report_types"] = splitList(cell(row, 1)), ref
		}
	}
	return nil
}

// header finds the header row among the first rows: the first naming all
// of required. It returns the row's index and each known column's index
// by header.
func header(rows [][]string, columns []string, required ...string) (int, map[string]int, bool) {
	for i := 0; i < len(rows) && i < 10; i++ {
		idx := map[string]int{}
		for j, c := range rows[i] {
			for _, h := range columns {
				if vn.Fold(c) == vn.Fold(h) {
					idx[h] = j
				}
			}
		}
		ok := true
		for _, h := range required {
			if _, found := idx[h]; !found {
				ok = false
			}
		}
		if ok {
			return i, idx, true
		}
	}
	return 0, nil, false
}

// rowKinds maps the folded "Loại" of a row to a section, a narrative or an
// indicator kind.
var rowKinds = map[string]string{
	vn.Fold(rowSection): rowSection, "section": rowSection,
	vn.Fold(rowNarrative): rowNarrative, "narrative": rowNarrative, "text": rowNarrative,
	vn.Fold(rowCount): KindCount, KindCount: KindCount,
	vn.Fold(rowMoney): KindMoney, KindMoney: KindMoney,
	vn.Fold(rowRate): KindRate, KindRate: KindRate,
}

func (imp *formImport) readFields(d *Definition) error {
	rows, ok := imp.sheet(sheetFields)
	if !ok {
		return valid.Problemf(fmt.Sprintf("Tệp thiếu trang “%s” (các mục và chỉ tiêu của biểu mẫu).", sheetFields))
	}
	top, col, ok := header(rows, fieldColumns, colCode, colLabel, colKind)
	if !ok {
		return valid.Problemf(fmt.Sprintf("Trang “%s” thiếu dòng tiêu đề với các cột “%s”, “%s” và “%s”.", sheetFields, colCode, colLabel, colKind))
	}
	get := func(row []string, h string) string {
		if j, ok := col[h]; ok {
			return cell(row, j)
		}
		return ""
	}
	current := -1 // index of the section rows belong to
	for i := top + 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		if strings.Join(row, "") == "" {
			continue
		}
		kind, known := rowKinds[vn.Fold(get(row, colKind))]
		if !known {
			// Kept as an indicator of no kind, so its other cells are
			// still checked and other rows may name it.
			imp.fail(sheetFields, n, colKind, "Loại phải là một trong: mục, văn bản, số lượng, tiền, tỷ lệ.")
		}
		if kind == rowSection {
			code := get(row, colSection)
			if code == "" {
				code = get(row, colCode)
			}
			current = len(d.Sections)
			key := fmt.Sprintf("sections[%d]", current)
			imp.at[key+".code"] = FormImportError{Sheet: sheetFields, Row: n, Column: colSection}
			imp.at[key+".title"] = FormImportError{Sheet: sheetFields, Row: n, Column: colLabel}
			d.Sections = append(d.Sections, Section{Code: code, Title: get(row, colLabel), Area: get(row, colArea)})
			continue
		}
		si := current
		if name := get(row, colSection); name != "" {
			si = slices.IndexFunc(d.Sections, func(s Section) bool { return s.Code == name })
			if si < 0 {
				imp.fail(sheetFields, n, colSection, fmt.Sprintf("Mục “%s” chưa được khai báo ở một dòng có loại “mục” phía trên.", name))
				continue
			}
		}
		if si < 0 {
			imp.fail(sheetFields, n, colSection, "Chỉ tiêu phải nằm dưới một dòng có loại “mục”.")
			continue
		}
		s := &d.Sections[si]
		ref := func(column string) FormImportError {
			return FormImportError{Sheet: sheetFields, Row: n, Column: column}
		}
		if kind == rowNarrative {
			if get(row, colFormula) != "" {
				imp.fail(sheetFields, n, colFormula, "Nội dung văn bản không có công thức.")
			}
			if get(row, colKinds) != "" {
				imp.fail(sheetFields, n, colKinds, "Nội dung văn bản áp dụng cho mọi loại đơn vị; hãy để trống cột này.")
			}
			key := fmt.Sprintf("sections[%d].narratives[%d]", si, len(s.Narratives))
			imp.at[key+".code"], imp.at[key+".label"] = ref(colCode), ref(colLabel)
			s.Narratives = append(s.Narratives, Narrative{Code: get(row, colCode), Label: get(row, colLabel), Prefill: get(row, colPrefill)})
			continue
		}
		key := fmt.Sprintf("sections[%d].indicators[%d]", si, len(s.Indicators))
		imp.at[key+".code"], imp.at[key+".label"], imp.at[key+".kind"] = ref(colCode), ref(colLabel), ref(colKind)
		imp.at[key+".formula"], imp.at[key+".prefill"] = ref(colFormula), ref(colPrefill)
		imp.at[key+".unit_kinds"] = ref(colKinds)
		s.Indicators = append(s.Indicators, Indicator{Code: get(row, colCode), Label: get(row, colLabel), Kind: kind,
			Formula: get(row, colFormula), UnitKinds: splitList(get(row, colKinds)), Prefill: get(row, colPrefill)})
	}
	return nil
}

// readRules reads the "Quy tắc" sheet; a workbook without it has no rules.
func (imp *formImport) readRules(d *Definition) error {
	rows, ok := imp.sheet(sheetRules)
	if !ok {
		return nil
	}
	top, col, ok := header(rows, ruleColumns, colExpr)
	if !ok {
		return valid.Problemf(fmt.Sprintf("Trang “%s” thiếu dòng tiêu đề với cột “%s”.", sheetRules, colExpr))
	}
	for i := top + 1; i < len(rows); i++ {
		row := rows[i]
		expr := cell(row, col[colExpr])
		msg := ""
		if j, ok := col[colMessage]; ok {
			msg = cell(row, j)
		}
		if expr == "" && msg == "" {
			continue
		}
		imp.at[fmt.Sprintf("rules[%d].expr", len(d.Rules))] = FormImportError{Sheet: sheetRules, Row: i + 1, Column: colExpr}
		d.Rules = append(d.Rules, Rule{Expr: expr, Message: msg})
	}
	return nil
}

// sorted returns the errors by sheet, row and column, one per cell.
func (imp *formImport) sorted() FormImportErrors {
	sheetOrder := []string{sheetForm, sheetFields, sheetRules}
	columnOrder := append(append([]string{colFormValue}, fieldColumns...), ruleColumns...)
	errs := slices.Clone(imp.errs)
	slices.SortStableFunc(errs, func(a, b FormImportError) int {
		return cmp.Or(
			cmp.Compare(slices.Index(sheetOrder, a.Sheet), slices.Index(sheetOrder, b.Sheet)),
			cmp.Compare(a.Row, b.Row),
			cmp.Compare(slices.Index(columnOrder, a.Column), slices.Index(columnOrder, b.Column)))
	})
	return slices.CompactFunc(errs, func(a, b FormImportError) bool {
		return a.Sheet == b.Sheet && a.Row == b.Row && a.Column == b.Column && a.Row > 0
	})
}

// cell returns row[j] trimmed, or "" beyond the row's end.
func cell(row []string, j int) string {
	if j < 0 || j >= len(row) {
		return ""
	}
	return vn.NFC(strings.TrimSpace(row[j]))
}

// splitList splits a cell listing codes by commas, semicolons or lines.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
