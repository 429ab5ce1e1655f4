package org

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
)

// ExportXLSX writes the units matching f (Limit and Offset are ignored:
// every match is written) as a unit workbook, parents before their
// children, siblings by kind then Vietnamese name. The file can be edited
// and imported back.
func (s *Store) ExportXLSX(ctx context.Context, w io.Writer, f Filter) error {
	var units []Unit
	f.Limit, f.Offset = 1000, 0
	for {
		page, total, err := s.List(ctx, f)
		if err != nil {
			return err
		}
		units = append(units, page...)
		if len(page) < f.Limit || len(units) >= total {
			break
		}
		f.Offset += f.Limit
	}
	kinds, err := s.Kinds(ctx)
	if err != nil {
		return err
	}
	var codes []struct {
		ID   int64  `db:"id"`
		Code string `db:"code"`
	}
	if err := s.db.SelectContext(ctx, &codes, `SELECT id, code FROM units`); err != nil {
		return fmt.Errorf("org: unit codes: %w", err)
	}
	codeOf := make(map[int64]string, len(codes))
	for _, c := range codes {
		codeOf[c.ID] = c.Code
	}
	kindName := map[string]string{}
	for _, k := range kinds {
		kindName[k.Code] = k.Name
	}

	x := excelize.NewFile()
	defer x.Close()
	cols := make([]int, numColumns)
	for c := range cols {
		cols[c] = c
	}
	if err := writeUnitSheet(x, cols); err != nil {
		return err
	}
	ordered := treeOrder(units, kinds)
	for i, u := range ordered {
		v := [numColumns]any{
			colCode: u.Code, colName: u.Name, colShort: u.ShortName, colKind: cmp.Or(kindName[u.Kind], u.Kind),
			colFrom: excelDate(u.ActiveFrom), colTo: excelDate(u.ActiveTo),
			colAddress: u.Address, colPhone: u.Phone, colEmail: u.Email, colAliases: strings.Join(u.Aliases, "; "),
		}
		if u.ParentID != nil {
			v[colParent] = codeOf[*u.ParentID]
		}
		if u.SuccessorID != nil {
			v[colSuccessor] = codeOf[*u.SuccessorID]
		}
		row := v[:]
		if err := x.SetSheetRow(SheetUnits, cell(1, i+2), &row); err != nil {
			return err
		}
	}
	if len(ordered) > 0 {
		dateFmt := "dd/mm/yyyy"
		style, err := x.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
		if err != nil {
			return err
		}
		if err := x.SetCellStyle(SheetUnits, cell(colFrom+1, 2), cell(colTo+1, len(ordered)+1), style); err != nil {
			return err
		}
	}
	return x.Write(w)
}

// excelDate returns d as a time for a date cell, or nil (an empty cell).
func excelDate(d civil.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}

// treeOrder returns units depth-first: each unit before its children, roots
// (units whose parent is not among units) and siblings ordered by kind, then
// in the order given (Vietnamese name order from List).
func treeOrder(units []Unit, kinds []Kind) []Unit {
	rank := map[string]int{}
	for i, k := range kinds {
		rank[k.Code] = i + 1
	}
	byKind := func(a, b Unit) int {
		ra, rb := rank[a.Kind], rank[b.Kind]
		if ra == 0 {
			ra = len(kinds) + 1
		}
		if rb == 0 {
			rb = len(kinds) + 1
		}
		return ra - rb
	}
	in := make(map[int64]bool, len(units))
	for _, u := range units {
		in[u.ID] = true
	}
	children := map[int64][]Unit{}
	var roots []Unit
	for _, u := range units {
		if u.ParentID != nil && in[*u.ParentID] && *u.ParentID != u.ID {
			children[*u.ParentID] = append(children[*u.ParentID], u)
		} else {
			roots = append(roots, u)
		}
	}
	out := make([]Unit, 0, len(units))
	seen := make(map[int64]bool, len(units))
	var walk func(us []Unit)
	walk = func(us []Unit) {
		slices.SortStableFunc(us, byKind)
		for _, u := range us {
			if seen[u.ID] {
				continue
			}
			seen[u.ID] = true
			out = append(out, u)
			walk(children[u.ID])
		}
	}
	walk(roots)
	return out
}
