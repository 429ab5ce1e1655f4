package org

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// ImportXLSX creates and corrects units from a unit workbook, all or
// nothing, in one transaction. A row whose code exists corrects that unit
// (the same correction as Update; columns missing from the file keep their
// values); any other row creates a unit. Parent codes may name units
// anywhere in the file or in the database. Every row is checked before
// anything is written: a file with problems returns ImportErrors listing
// them all, and a file that cannot be read returns a valid.Problem; in both
// cases the database is unchanged. Each change is audited.
func (s *Store) ImportXLSX(ctx context.Context, r io.Reader, opt ImportOptions) (ImportResult, error) {
	wb, err := readWorkbook(r)
	if err != nil {
		return ImportResult{}, err
	}
	if opt.Today.IsZero() {
		opt.Today = civil.Today(vn.Location())
	}
	kinds, err := s.Kinds(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		existing, err := loadUnits(ctx, tx)
		if err != nil {
			return err
		}
		p := newImportPlan(wb, kinds, existing, opt.Today)
		if errs := p.check(); len(errs) > 0 {
			return errs
		}
		if res, err = p.apply(ctx, tx); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return res, err
}

var errDryRun = errors.New("org: dry run")

// loadUnits returns every unit with its aliases, read in tx.
func loadUnits(ctx context.Context, tx *sqlx.Tx) ([]Unit, error) {
	var units []Unit
	if err := tx.SelectContext(ctx, &units, `SELECT `+unitColumns+` FROM units ORDER BY id`); err != nil {
		return nil, fmt.Errorf("org: import: read units: %w", err)
	}
	var aliases []struct {
		UnitID int64  `db:"unit_id"`
		Alias  string `db:"alias"`
	}
	if err := tx.SelectContext(ctx, &aliases, `SELECT unit_id, alias FROM unit_aliases`); err != nil {
		return nil, fmt.Errorf("org: import: read aliases: %w", err)
	}
	idx := make(map[int64]int, len(units))
	for i, u := range units {
		idx[u.ID] = i
	}
	for _, a := range aliases {
		if i, ok := idx[a.UnitID]; ok {
			units[i].Aliases = append(units[i].Aliases, a.Alias)
		}
	}
	return units, nil
}

// importPlan turns rows into units to create or correct.
type importPlan struct {
	wb       *workbook
	today    civil.Date
	kinds    map[string]string // folded code or name → code
	kindList string            // for messages
	byCode   map[string]*Unit  // existing units
	byID     map[int64]*Unit
	rows     []*importRow
	inFile   map[string]*importRow // first row of each code
	errs     ImportErrors
}

type importRow struct {
	row      int
	in       Input
	parent   string // parent code, "" for none
	existing *Unit  // nil for a new unit
	dup      bool   // the code repeats an earlier row
}

func newImportPlan(wb *workbook, kinds []Kind, existing []Unit, today civil.Date) *importPlan {
	p := &importPlan{wb: wb, today: today, kinds: map[string]string{}, byCode: map[string]*Unit{},
		byID: map[int64]*Unit{}, inFile: map[string]*importRow{}}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		p.kinds[vn.Fold(k.Code)] = k.Code
		p.kinds[vn.Fold(k.Name)] = k.Code
		names[i] = "“" + k.Name + "”"
	}
	p.kindList = strings.Join(names, ", ")
	for i := range existing {
		u := &existing[i]
		p.byCode[u.Code] = u
		p.byID[u.ID] = u
	}
	return p
}

// fail records a problem of row in field (a valid.Errors key, "" for the
// row as a whole).
func (p *importPlan) fail(row int, field, msg string) {
	column := ""
	for c := range numColumns {
		if xlsxColumns[c].Field == field {
			column = xlsxColumns[c].Header
		}
	}
	p.errs = append(p.errs, RowError{Row: row, Column: column, Message: msg})
}

// check reads every row, then checks parents and cycles across the file,
// and returns all problems in row order (column order within a row).
func (p *importPlan) check() ImportErrors {
	for _, sr := range p.wb.rows {
		p.readRow(sr)
	}
	for _, ir := range p.rows {
		switch {
		case ir.dup || ir.parent == "":
		case ir.parent == ir.in.Code:
			p.fail(ir.row, "parent", "Đơn vị không thể trực thuộc chính nó.")
		case p.inFile[ir.parent] == nil && p.byCode[ir.parent] == nil:
			p.fail(ir.row, "parent", fmt.Sprintf("Không tìm thấy đơn vị cấp trên có mã “%s” trong hệ thống hoặc trong tệp.", ir.parent))
		}
	}
	p.checkCycles()
	return p.sorted()
}

// sorted returns the recorded problems in row order, column order within a row.
func (p *importPlan) sorted() ImportErrors {
	order := map[string]int{}
	for c := range numColumns {
		order[xlsxColumns[c].Header] = int(c) + 1
	}
	slices.SortStableFunc(p.errs, func(a, b RowError) int {
		return cmp.Or(a.Row-b.Row, order[a.Column]-order[b.Column], strings.Compare(a.Message, b.Message))
	})
	return p.errs
}

// readRow turns one sheet row into an Input and records its problems.
func (p *importPlan) readRow(sr sheetRow) {
	cells, has := sr.cells, p.wb.has
	ir := &importRow{row: sr.row}
	errs := valid.Errors{}
	code := strings.ToUpper(strings.TrimSpace(cells[colCode]))
	if first := p.inFile[code]; code != "" && first != nil {
		ir.dup = true
		errs.Add("code", fmt.Sprintf("Mã đơn vị “%s” bị trùng với dòng %d của tệp.", code, first.row))
	} else if code != "" {
		p.inFile[code] = ir
	}
	if u := p.byCode[code]; u != nil && code != "" {
		ir.existing = u
		ir.in = InputOf(*u)
	}
	in := &ir.in
	in.Code, in.Name = code, cells[colName]
	if has[colShort] {
		in.ShortName = cells[colShort]
	}
	if has[colAddress] {
		in.Address = cells[colAddress]
	}
	if has[colPhone] {
		in.Phone = cells[colPhone]
	}
	if has[colEmail] {
		in.Email = cells[colEmail]
	}
	if has[colAliases] {
		in.Aliases = strings.FieldsFunc(cells[colAliases], func(r rune) bool { return r == ';' || r == '\n' })
	}
	if has[colParent] {
		ir.parent = strings.ToUpper(strings.TrimSpace(cells[colParent]))
	} else if u := ir.existing; u != nil && u.ParentID != nil {
		ir.parent = p.byID[*u.ParentID].Code
	}

	switch kind := strings.TrimSpace(cells[colKind]); {
	case kind != "":
		if code, ok := p.kinds[vn.Fold(kind)]; ok {
			in.Kind = code
		} else {
			errs.Add("kind", fmt.Sprintf("Loại đơn vị “%s” không có trong danh mục. Các loại hợp lệ: %s.", vn.CleanText(kind), p.kindList))
		}
	case ir.existing == nil:
		errs.Add("kind", "Vui lòng nhập loại đơn vị.")
	}

	if v := cells[colFrom]; strings.TrimSpace(v) != "" {
		if d, ok := p.wb.date(v); ok {
			in.ActiveFrom = d
		} else {
			errs.Add("active_from", fmt.Sprintf("Ngày “%s” không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ %s.", strings.TrimSpace(v), dateExample))
		}
	} else if ir.existing == nil {
		in.ActiveFrom = p.today
	}
	if v := cells[colTo]; strings.TrimSpace(v) != "" {
		d, ok := p.wb.date(v)
		switch {
		case !ok:
			errs.Add("active_to", fmt.Sprintf("Ngày “%s” không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ %s.", strings.TrimSpace(v), dateExample))
		case ir.existing == nil:
			errs.Add("active_to", "Đơn vị mới không thể có ngày kết thúc hoạt động. Hãy để trống; sau khi nhập, dùng chức năng Giải thể hoặc Sáp nhập.")
		case d != ir.existing.ActiveTo:
			errs.Add("active_to", "Không thể thay đổi ngày kết thúc hoạt động bằng tệp nhập. Hãy dùng chức năng Giải thể hoặc Sáp nhập.")
		}
	}

	in.Normalize()
	for field, msg := range in.Validate() {
		errs.Add(field, msg)
	}
	for field, msg := range errs {
		p.fail(ir.row, field, msg)
	}
	p.rows = append(p.rows, ir)
}

// parentCode is the code of the parent code will have after the import.
func (p *importPlan) parentCode(code string) string {
	if ir := p.inFile[code]; ir != nil {
		return ir.parent
	}
	if u := p.byCode[code]; u != nil && u.ParentID != nil {
		if parent := p.byID[*u.ParentID]; parent != nil {
			return parent.Code
		}
	}
	return ""
}

// checkCycles follows every row's chain of parents as it will be after the
// import and reports each row on a cycle, naming the cycle.
func (p *importPlan) checkCycles() {
	done := map[string]bool{}
	for _, ir := range p.rows {
		if ir.dup || done[ir.in.Code] {
			continue
		}
		var path []string
		at := map[string]int{}
		for code := ir.in.Code; code != "" && !done[code]; {
			if i, ok := at[code]; ok {
				cycle := append(slices.Clone(path[i:]), code)
				msg := "Mã đơn vị cấp trên tạo thành vòng lặp: " + strings.Join(cycle, " → ") + "."
				for _, c := range path[i:] {
					if r := p.inFile[c]; r != nil {
						p.fail(r.row, "parent", msg)
					}
				}
				break
			}
			at[code] = len(path)
			path = append(path, code)
			next := p.parentCode(code)
			if next == code {
				break // reported as "its own parent"
			}
			code = next
		}
		for _, c := range path {
			done[c] = true
		}
	}
}

// apply writes the checked rows in tx, parents before children, so every
// parent code resolves to an id when its children are written.
func (p *importPlan) apply(ctx context.Context, tx *sqlx.Tx) (ImportResult, error) {
	var res ImportResult
	ids := make(map[string]int64, len(p.byCode)+len(p.rows))
	for code, u := range p.byCode {
		ids[code] = u.ID
	}
	written := map[string]bool{}
	var write func(ir *importRow, depth int) error
	write = func(ir *importRow, depth int) error {
		if written[ir.in.Code] || depth > len(p.rows) {
			return nil
		}
		written[ir.in.Code] = true
		if parent := p.inFile[ir.parent]; parent != nil {
			if err := write(parent, depth+1); err != nil {
				return err
			}
		}
		in := ir.in
		in.ParentID = nil
		if ir.parent != "" {
			id := ids[ir.parent]
			in.ParentID = &id
		}
		var err error
		switch {
		case ir.existing == nil:
			var u Unit
			u, err = CreateTx(ctx, tx, in)
			ids[u.Code] = u.ID
			res.Created++
		case sameInput(in, InputOf(*ir.existing)):
			res.Unchanged++
		default:
			_, err = UpdateTx(ctx, tx, ir.existing.ID, in)
			res.Updated++
		}
		if errs, ok := valid.As(err); ok {
			p.errs = nil
			for field, msg := range errs {
				p.fail(ir.row, field, msg)
			}
			return p.sorted()
		}
		if err != nil {
			return fmt.Errorf("org: import row %d, unit %q: %w", ir.row, ir.in.Code, err)
		}
		return nil
	}
	for _, ir := range p.rows {
		if err := write(ir, 0); err != nil {
			return ImportResult{}, err
		}
	}
	return res, nil
}

// sameInput reports whether a and b describe the same unit, aliases
// compared as sets.
func sameInput(a, b Input) bool {
	pa, pb := int64(0), int64(0)
	if a.ParentID != nil {
		pa = *a.ParentID
	}
	if b.ParentID != nil {
		pb = *b.ParentID
	}
	aa, ba := slices.Sorted(slices.Values(a.Aliases)), slices.Sorted(slices.Values(b.Aliases))
	return a.Code == b.Code && a.Name == b.Name && a.ShortName == b.ShortName && a.Kind == b.Kind && pa == pb &&
		a.ActiveFrom == b.ActiveFrom && a.Address == b.Address && a.Phone == b.Phone && a.Email == b.Email &&
		slices.Equal(aa, ba)
}
