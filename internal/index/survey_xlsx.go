package index

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/xuri/excelize/v2"

	"cchc/internal/audit"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// The survey workbook has one sheet, "Điểm điều tra": a header row
// "Mã đơn vị" | "Tên đơn vị" | one column per survey item headed by its
// number and title ("8.1 Mức độ hài lòng ... (tối đa 2 điểm)"), then a row
// per unit. An import matches columns by the item number that starts the
// header and units by code (or exact name); an empty cell leaves the
// unit's points on that item unchanged.

// Sheets and columns of the survey workbook.
const (
	SurveySheet     = "Điểm điều tra"
	surveyHelpSheet = "Hướng dẫn"
	surveyColCode   = "Mã đơn vị"
	surveyColName   = "Tên đơn vị"
)

// MaxSurveyRows is the most units one survey workbook may carry.
const MaxSurveyRows = 10000

// SurveyTemplateXLSX writes the survey workbook of framework frameworkID:
// a row per active unit of the framework's kind, in the units' order, with
// the survey points already entered.
func (s *Store) SurveyTemplateXLSX(ctx context.Context, frameworkID int64) ([]byte, error) {
	f, err := FrameworkWith(ctx, s.db, frameworkID)
	if err != nil {
		return nil, err
	}
	tree, err := assessTree(ctx, s.db, frameworkID)
	if err != nil {
		return nil, err
	}
	leaves := surveyLeaves(tree)
	if len(leaves) == 0 {
		return nil, valid.Problemf("Bộ chỉ số không có tiêu chí điều tra xã hội học.")
	}
	units, err := assessActiveUnits(ctx, s.db, f.UnitKind, s.Today())
	if err != nil {
		return nil, err
	}
	var entered []struct {
		UnitID int64       `db:"unit_id"`
		ItemID int64       `db:"item_id"`
		Points rule.Points `db:"survey_points"`
	}
	if err := s.db.SelectContext(ctx, &entered, s.db.Rebind(`SELECT a.unit_id, sc.item_id, sc.survey_points
		FROM index_scores sc JOIN index_assessments a ON a.id = sc.assessment_id
		WHERE a.framework_id = ? AND sc.survey_points IS NOT NULL`), frameworkID); err != nil {
		return nil, fmt.Errorf("index: survey points of framework %d: %w", frameworkID, err)
	}
	type key struct{ unit, item int64 }
	points := make(map[key]rule.Points, len(entered))
	for _, e := range entered {
		points[key{e.UnitID, e.ItemID}] = e.Points
	}

	header := []any{surveyColCode, surveyColName}
	for _, it := range leaves {
		header = append(header, surveyHeader(it))
	}
	rows := [][]any{header}
	for _, u := range units {
		row := []any{u.Code, u.Name}
		for _, it := range leaves {
			if p, ok := points[key{u.ID, it.ID}]; ok {
				row = append(row, p.Float())
			} else {
				row = append(row, nil)
			}
		}
		rows = append(rows, row)
	}
	help := [][]any{
		{"Cột", "Tiêu chí điều tra xã hội học", "Điểm tối đa"},
	}
	for i, it := range leaves {
		col, _ := excelize.ColumnNumberToName(i + 3)
		help = append(help, []any{col, it.Number + " " + it.Title, it.MaxPoints.Float()})
	}
	help = append(help, []any{}, []any{"Ghi chú",
		"Nhập điểm của từng đơn vị vào cột của tiêu chí, từ 0 đến điểm tối đa, tối đa hai chữ số thập phân (ví dụ: 1,5). " +
			"Ô để trống giữ nguyên điểm đã nhập. Giữ nguyên dòng tiêu đề và cột “Mã đơn vị”."})

	x := excelize.NewFile()
	defer x.Close()
	fail := func(err error) ([]byte, error) {
		return nil, fmt.Errorf("index: survey workbook of framework %d: %w", frameworkID, err)
	}
	if err := x.SetSheetName(x.GetSheetName(0), SurveySheet); err != nil {
		return fail(err)
	}
	if _, err := x.NewSheet(surveyHelpSheet); err != nil {
		return fail(err)
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return fail(err)
	}
	for _, sh := range []struct {
		name   string
		rows   [][]any
		widths []float64
	}{
		{SurveySheet, rows, []float64{14, 40}},
		{surveyHelpSheet, help, []float64{10, 60, 14}},
	} {
		for i, vals := range sh.rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := x.SetSheetRow(sh.name, cell, &vals); err != nil {
				return fail(err)
			}
		}
		last, _ := excelize.ColumnNumberToName(len(sh.rows[0]))
		if err := x.SetCellStyle(sh.name, "A1", last+"1", bold); err != nil {
			return fail(err)
		}
		for i := range len(sh.rows[0]) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			w := 22.0
			if i < len(sh.widths) {
				w = sh.widths[i]
			}
			if err := x.SetColWidth(sh.name, col, col, w); err != nil {
				return fail(err)
			}
		}
	}
	if err := x.SetPanes(SurveySheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2",
		ActivePane: "bottomRight"}); err != nil {
		return fail(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return fail(err)
	}
	return buf.Bytes(), nil
}

// surveyHeader is the header of item it's column.
func surveyHeader(it Item) string {
	return fmt.Sprintf("%s %s (tối đa %s điểm)", it.Number, it.Title, it.MaxPoints)
}

// surveyHeaderNumber returns the item number a column header starts with.
func surveyHeaderNumber(h string) string {
	fields := strings.Fields(h)
	if len(fields) == 0 {
		return ""
	}
	return strings.TrimRight(fields[0], ".:")
}

// surveyCell is one value of an imported workbook with where it was.
type surveyCell struct {
	row, col int // 1-based, as Excel shows them
	item     Item
	points   rule.Points
}

// ImportSurveyXLSX reads survey points from a workbook in the layout of
// SurveyTemplateXLSX and stores them in one transaction, creating draft
// assessments for units that have none. Every bad cell (an unknown unit,
// a value that is not a number of points or is out of range) is reported
// by row and column letter in a valid.Errors, and then nothing is written.
// It returns the number of units whose points were set.
func (s *Store) ImportSurveyXLSX(ctx context.Context, frameworkID int64, data []byte, userID int64) (int, error) {
	header, headerRow, rows, err := surveyReadWorkbook(data)
	if err != nil {
		return 0, err
	}
	written := 0
	err = s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		f, err := surveyFramework(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		tree, err := assessTree(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		imp := &surveyImport{errs: valid.Errors{}, headerRow: headerRow}
		cols, err := imp.columns(header, surveyLeaves(tree))
		if err != nil {
			return err
		}
		var units []assessUnitRow
		if err := tx.SelectContext(ctx, &units, tx.Rebind(`SELECT id, code, name, kind FROM units WHERE kind = ?
			ORDER BY sort_key, id`), f.UnitKind); err != nil {
			return fmt.Errorf("index: units of kind %s: %w", f.UnitKind, err)
		}
		imp.index(units)
		type unitValues struct {
			unit  assessUnitRow
			cells []surveyCell
		}
		var todo []unitValues
		seen := map[int64]int{} // unit id → row
		for i, row := range rows {
			n := i + 1
			var cells []surveyCell
			for c, it := range cols.items {
				if p, ok := imp.points(n, c, it, surveyAt(row, c)); ok {
					cells = append(cells, surveyCell{row: n, col: c + 1, item: it, points: p})
				}
			}
			code, name := strings.TrimSpace(surveyAt(row, cols.code)), vn.CleanText(surveyAt(row, cols.name))
			if code == "" && name == "" && !imp.hasValue(row, cols) {
				continue
			}
			u, ok := imp.unit(ctx, tx, n, cols, code, name, f)
			if !ok {
				continue
			}
			if first, dup := seen[u.ID]; dup {
				imp.fail(n, 0, fmt.Sprintf("đơn vị “%s” đã có ở dòng %d.", u.Name, first))
				continue
			}
			seen[u.ID] = n
			if len(cells) > 0 {
				todo = append(todo, unitValues{u, cells})
			}
		}
		if err := imp.errs.Err(); err != nil {
			return err
		}
		for _, uv := range todo {
			a, err := s.surveyAssessment(ctx, tx, f, tree, uv.unit)
			if err != nil {
				return err
			}
			after := map[string]string{}
			for _, c := range uv.cells {
				sc, err := assessScore(ctx, tx, a.ID, c.item.ID)
				if err != nil {
					return err
				}
				p := c.points
				sc.SurveyPoints = &p
				if err := assessWriteScore(ctx, tx, &sc); err != nil {
					return err
				}
				after[c.item.Number] = p.String()
			}
			if err := assessTouch(ctx, tx, a.ID); err != nil {
				return err
			}
			if err := audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: a.ID,
				Summary: fmt.Sprintf("Nhập điểm điều tra xã hội học của %s từ tệp Excel (%d tiêu chí)", uv.unit.Name, len(uv.cells)),
				After:   after}); err != nil {
				return err
			}
			written++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return written, nil
}

// surveyReadWorkbook returns the header row of the survey sheet, its row
// number, and the sheet's rows where rows[i] is Excel's row i+1 (the rows
// down to the header are nil). The survey sheet is the one named "Điểm
// điều tra", or else the first with a "Mã đơn vị" column among its first
// rows.
func surveyReadWorkbook(data []byte) (header []string, headerRow int, rows [][]string, err error) {
	notXLSX := valid.Problemf("Tệp không phải là tệp Excel (.xlsx) hợp lệ.")
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, 0, nil, notXLSX
	}
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: 64 << 20})
	if err != nil {
		return nil, 0, nil, notXLSX
	}
	defer x.Close()
	sheets := x.GetSheetList()
	for i, name := range sheets {
		if vn.Fold(name) == vn.Fold(SurveySheet) {
			sheets[0], sheets[i] = sheets[i], sheets[0]
			break
		}
	}
	for _, name := range sheets {
		all, err := x.GetRows(name)
		if err != nil {
			continue
		}
		for i := 0; i < len(all) && i < 10; i++ {
			for _, h := range all[i] {
				if vn.Fold(h) == vn.Fold(surveyColCode) {
					if len(all)-i-1 > MaxSurveyRows {
						return nil, 0, nil, valid.Problemf("Tệp có quá nhiều dòng: mỗi lần nhập tối đa 10.000 đơn vị.")
					}
					rows = make([][]string, len(all))
					copy(rows[i+1:], all[i+1:])
					return all[i], i + 1, rows, nil
				}
			}
		}
	}
	return nil, 0, nil, valid.Problemf("Không tìm thấy dòng tiêu đề có cột “Mã đơn vị”. Vui lòng dùng tệp mẫu và giữ nguyên dòng tiêu đề.")
}

func surveyAt(row []string, c int) string {
	if c < 0 || c >= len(row) {
		return ""
	}
	return row[c]
}

// surveyImport collects the problems of an imported workbook.
type surveyImport struct {
	errs      valid.Errors
	headerRow int
	byCode    map[string]assessUnitRow
	byName    map[string][]assessUnitRow
}

// fail records msg for row and column col (1-based; 0: the whole row).
// Keys sort in the workbook's order.
func (imp *surveyImport) fail(row, col int, msg string) {
	at := fmt.Sprintf("Dòng %d", row)
	if col > 0 {
		letter, _ := excelize.ColumnNumberToName(col)
		at += ", cột " + letter
	}
	imp.errs.Add(fmt.Sprintf("cell.%06d.%03d", row, col), at+": "+msg)
}

// surveyColumns says which sheet column holds what (0-based; -1: none).
type surveyColumns struct {
	code, name int
	items      map[int]Item
}

// columns maps the header to the code and name columns and the survey
// leaves. A header naming no survey item of the framework is an error.
func (imp *surveyImport) columns(header []string, leaves []Item) (surveyColumns, error) {
	cols := surveyColumns{code: -1, name: -1, items: map[int]Item{}}
	byNumber := map[string]Item{}
	for _, it := range leaves {
		byNumber[strings.ToUpper(it.Number)] = it
	}
	used := map[int64]int{}
	for c, h := range header {
		switch vn.Fold(h) {
		case "":
			continue
		case vn.Fold(surveyColCode):
			cols.code = c
			continue
		case vn.Fold(surveyColName):
			cols.name = c
			continue
		}
		num := surveyHeaderNumber(h)
		it, ok := byNumber[strings.ToUpper(num)]
		if !ok {
			imp.fail(imp.headerRow, c+1, fmt.Sprintf("“%s” không phải tiêu chí điều tra xã hội học của bộ chỉ số (cột phải bắt đầu bằng số thứ tự của tiêu chí).", h))
			continue
		}
		if prev, dup := used[it.ID]; dup {
			letter, _ := excelize.ColumnNumberToName(prev + 1)
			imp.fail(imp.headerRow, c+1, fmt.Sprintf("tiêu chí %s đã có ở cột %s.", it.Number, letter))
			continue
		}
		used[it.ID] = c
		cols.items[c] = it
	}
	if err := imp.errs.Err(); err != nil {
		return cols, err
	}
	if len(cols.items) == 0 {
		return cols, valid.Problemf("Tệp không có cột điểm của tiêu chí điều tra xã hội học nào: hãy dùng tệp mẫu.")
	}
	return cols, nil
}

func (imp *surveyImport) index(units []assessUnitRow) {
	imp.byCode = make(map[string]assessUnitRow, len(units))
	imp.byName = make(map[string][]assessUnitRow, len(units))
	for _, u := range units {
		imp.byCode[strings.ToUpper(u.Code)] = u
		name := vn.CleanText(u.Name)
		imp.byName[name] = append(imp.byName[name], u)
	}
}

func (imp *surveyImport) hasValue(row []string, cols surveyColumns) bool {
	for c := range cols.items {
		if strings.TrimSpace(surveyAt(row, c)) != "" {
			return true
		}
	}
	return false
}

// unit finds row n's unit by code, else by exact name, among the units of
// f's kind, recording the problem when there is none.
func (imp *surveyImport) unit(ctx context.Context, tx *sqlx.Tx, n int, cols surveyColumns, code, name string, f Framework) (assessUnitRow, bool) {
	if u, ok := imp.byCode[strings.ToUpper(code)]; ok && code != "" {
		return u, true
	}
	if us := imp.byName[name]; name != "" && len(us) == 1 {
		return us[0], true
	} else if len(us) > 1 {
		imp.fail(n, cols.name+1, fmt.Sprintf("có nhiều đơn vị tên “%s”: hãy ghi mã đơn vị.", name))
		return assessUnitRow{}, false
	}
	if code == "" && name == "" {
		imp.fail(n, cols.code+1, "thiếu mã đơn vị.")
		return assessUnitRow{}, false
	}
	if code != "" {
		var other string
		err := tx.GetContext(ctx, &other, tx.Rebind(`SELECT name FROM units WHERE UPPER(code) = ?`), strings.ToUpper(code))
		if err == nil {
			imp.fail(n, cols.code+1, fmt.Sprintf("đơn vị “%s” (mã %s) không thuộc loại đơn vị được đánh giá theo bộ chỉ số này.", other, code))
		} else {
			imp.fail(n, cols.code+1, fmt.Sprintf("không tìm thấy đơn vị mã “%s”.", code))
		}
		return assessUnitRow{}, false
	}
	imp.fail(n, cols.name+1, fmt.Sprintf("không tìm thấy đơn vị “%s”.", name))
	return assessUnitRow{}, false
}

// points reads row n's cell in column c (0-based) for item it. ok is false
// for an empty or bad cell (the problem recorded).
func (imp *surveyImport) points(n, c int, it Item, text string) (rule.Points, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, false
	}
	p, ok := surveyParsePoints(text)
	switch {
	case !ok:
		imp.fail(n, c+1, fmt.Sprintf("“%s” không phải là số điểm (ví dụ: 1,5).", text))
	case p < 0:
		imp.fail(n, c+1, "điểm không được âm.")
	case p > it.MaxPoints:
		imp.fail(n, c+1, fmt.Sprintf("điểm %s vượt quá điểm tối đa %s của tiêu chí %s.", p, it.MaxPoints, it.Number))
	default:
		return p, true
	}
	return 0, false
}

// surveyParsePoints reads "1,5", "1.5" or a number as Excel stores it
// ("1.4999999999999998"), to the hundredth.
func surveyParsePoints(s string) (rule.Points, bool) {
	if p, err := rule.ParsePoints(s); err == nil {
		return p, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e12 {
		return 0, false
	}
	r := math.Round(f * 100)
	if math.Abs(f*100-r) > 1e-6 {
		return 0, false // more than two decimals
	}
	return rule.Points(r), true
}
