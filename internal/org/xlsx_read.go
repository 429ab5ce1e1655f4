package org

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// workbook is the unit sheet of an uploaded file, as text.
type workbook struct {
	has      [numColumns]bool // the header row names this column
	rows     []sheetRow
	date1904 bool
}

type sheetRow struct {
	row   int                // row number in the sheet
	cells [numColumns]string // raw text of each known column
}

var zipMagic = []byte("PK\x03\x04")

// readWorkbook opens an .xlsx file and reads the unit sheet: the sheet named
// "Đơn vị" when there is one, else the first sheet with a header row.
func readWorkbook(r io.Reader) (*workbook, error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(len(zipMagic)); !LooksLikeXLSX(magic) {
		return nil, ErrNotXLSX
	}
	f, err := excelize.OpenReader(br, excelize.Options{RawCellValue: true, UnzipSizeLimit: 1 << 30})
	if err != nil {
		return nil, ErrNotXLSX
	}
	defer f.Close()
	wb := &workbook{}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	sheets := f.GetSheetList()
	slices.SortStableFunc(sheets, func(a, b string) int {
		return boolRank(vn.Fold(a) == vn.Fold(SheetUnits)) - boolRank(vn.Fold(b) == vn.Fold(SheetUnits))
	})
	for _, sheet := range sheets {
		found, err := wb.readSheet(f, sheet)
		if err != nil {
			return nil, err
		}
		if found {
			if len(wb.rows) == 0 {
				return nil, valid.Problemf(msgNoRows)
			}
			return wb, nil
		}
	}
	return nil, valid.Problemf(msgNoHeader)
}

func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// readSheet looks for the header row among the first rows of sheet and, if
// it is there, reads the non-empty rows below it. found is false when the
// sheet has no header row.
func (wb *workbook) readSheet(f *excelize.File, sheet string) (found bool, err error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false, nil // a chart sheet or similar: not the unit sheet
	}
	defer rows.Close()
	var index map[int]int // sheet column → known column
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns()
		if err != nil {
			return false, ErrNotXLSX
		}
		if index == nil {
			if n > headerSearch {
				return false, nil
			}
			index = headerIndex(cells)
			for _, c := range index {
				wb.has[c] = true
			}
			continue
		}
		sr := sheetRow{row: n}
		empty := true
		for i, v := range cells {
			if c, ok := index[i]; ok && strings.TrimSpace(v) != "" {
				sr.cells[c] = v
				empty = false
			}
		}
		if empty {
			continue
		}
		if len(wb.rows) == MaxImportRows {
			return true, valid.Problemf(msgTooMany)
		}
		wb.rows = append(wb.rows, sr)
	}
	if err := rows.Error(); err != nil {
		return false, ErrNotXLSX
	}
	return index != nil, nil
}

// headerIndex maps the cells of a header row to known columns, matching
// folded text so "Ma don vi" names "Mã đơn vị". It returns nil unless both
// the code and the name columns are there. The first of repeated headers wins.
func headerIndex(cells []string) map[int]int {
	known := map[string]int{}
	for c := range numColumns {
		for _, h := range append([]string{xlsxColumns[c].Header}, xlsxColumns[c].Alt...) {
			known[vn.Fold(h)] = c
		}
	}
	index := map[int]int{}
	taken := map[int]bool{}
	for i, v := range cells {
		if c, ok := known[vn.Fold(v)]; ok && !taken[c] {
			index[i] = c
			taken[c] = true
		}
	}
	if !taken[colCode] || !taken[colName] {
		return nil
	}
	return index
}

// date reads a date cell: an Excel date (a serial number, raw) or text
// dd/mm/yyyy (also yyyy-mm-dd).
func (wb *workbook) date(v string) (civil.Date, bool) {
	v = strings.TrimSpace(v)
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		// A number below 10000 (18/05/1927) is a year or a typo, not a date.
		if serial < 10000 || serial > 2958465 { // 31/12/9999
			return civil.Date{}, false
		}
		t, err := excelize.ExcelDateToTime(serial, wb.date1904)
		if err != nil {
			return civil.Date{}, false
		}
		return civil.Of(t), true
	}
	d, err := civil.ParseVN(v)
	if err != nil || d.Year < 1000 {
		return civil.Date{}, false
	}
	return d, true
}
