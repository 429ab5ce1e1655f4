package doctable

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// buildXLSX makes a workbook with excelize; fill sets its content. The
// first sheet is named "Kế hoạch".
func buildXLSX(t testing.TB, fill func(f *excelize.File) error) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Kế hoạch"); err != nil {
		t.Fatalf("rename sheet: %v", err)
	}
	if err := fill(f); err != nil {
		t.Fatalf("fill workbook: %v", err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatalf("write workbook: %v", err)
	}
	return buf.Bytes()
}

// setRows sets rows of values from cell A<first>.
func setRows(f *excelize.File, sheet string, first int, rows ...[]any) error {
	for i, r := range rows {
		ref, err := excelize.CoordinatesToCellName(1, first+i)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, ref, &r); err != nil {
			return err
		}
	}
	return nil
}

func TestReadXLSX(t *testing.T) {
	t.Parallel()
	const sheet = "Kế hoạch"
	tests := []struct {
		name string
		fill func(f *excelize.File) error
		want []Block
	}{
		{
			name: "formatted values, multi-line text, trailing and empty rows skipped",
			fill: func(f *excelize.File) error {
				if err := setRows(f, sheet, 2,
					[]any{"STT", "Nhiệm vụ", "Kinh phí"},
					[]any{1, "a) Thời hạn: Trước tháng 6 năm 2013.\nb) Kết quả: Quyết định.", 1500000, nil, ""},
				); err != nil {
					return err
				}
				if err := setRows(f, sheet, 7, []any{2, "  Sở  Nội vụ ", 2.5}); err != nil {
					return err
				}
				if err := f.SetCellValue(sheet, "D7", time.Date(2013, 5, 31, 0, 0, 0, 0, time.UTC)); err != nil {
					return err
				}
				style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
				if err != nil {
					return err
				}
				return f.SetCellStyle(sheet, "D7", "D7", style)
			},
			want: []Block{{Source: "sheet Kế hoạch", Table: &Table{Name: sheet, Rows: []Row{
				row("sheet Kế hoạch, row 2", c("STT"), c("Nhiệm vụ"), c("Kinh phí")),
				row("sheet Kế hoạch, row 3", c("1"), c("a) Thời hạn: Trước tháng 6 năm 2013.\nb) Kết quả: Quyết định."), c("1500000")),
				row("sheet Kế hoạch, row 7", c("2"), c("Sở Nội vụ"), c("2.5"), c("05-31-13")),
			}}}},
		},
		{
			name: "merged ranges: copies across and down",
			fill: func(f *excelize.File) error {
				if err := setRows(f, sheet, 1,
					[]any{"Phụ lục số I. CẢI CÁCH THỂ CHẾ"},
					[]any{"1", "Rà soát", "Sở Tư pháp", "Năm 2013"},
					[]any{"2", "Kiểm tra"},
				); err != nil {
					return err
				}
				if err := f.MergeCell(sheet, "A1", "D1"); err != nil {
					return err
				}
				return f.MergeCell(sheet, "C2", "D3")
			},
			want: []Block{{Source: "sheet Kế hoạch", Table: &Table{Name: sheet, Rows: []Row{
				row("sheet Kế hoạch, row 1", c("Phụ lục số I. CẢI CÁCH THỂ CHẾ"), m("Phụ lục số I. CẢI CÁCH THỂ CHẾ"), m("Phụ lục số I. CẢI CÁCH THỂ CHẾ"), m("Phụ lục số I. CẢI CÁCH THỂ CHẾ")),
				row("sheet Kế hoạch, row 2", c("1"), c("Rà soát"), c("Sở Tư pháp"), m("Sở Tư pháp")),
				row("sheet Kế hoạch, row 3", c("2"), c("Kiểm tra"), m("Sở Tư pháp"), m("Sở Tư pháp")),
			}}}},
		},
		{
			name: "a whole-row merge is cut to the table's width",
			fill: func(f *excelize.File) error {
				if err := setRows(f, sheet, 1, []any{"KẾ HOẠCH"}, []any{"STT", "Nhiệm vụ"}); err != nil {
					return err
				}
				return f.MergeCell(sheet, "A1", "XFD1")
			},
			want: []Block{{Source: "sheet Kế hoạch", Table: &Table{Name: sheet, Rows: []Row{
				row("sheet Kế hoạch, row 1", c("KẾ HOẠCH"), m("KẾ HOẠCH")),
				row("sheet Kế hoạch, row 2", c("STT"), c("Nhiệm vụ")),
			}}}},
		},
		{
			name: "sheets in workbook order, hidden and empty ones skipped",
			fill: func(f *excelize.File) error {
				for _, name := range []string{"Ẩn", "Trống", "Phụ lục II"} {
					if _, err := f.NewSheet(name); err != nil {
						return err
					}
				}
				if err := setRows(f, sheet, 1, []any{"một"}); err != nil {
					return err
				}
				if err := setRows(f, "Ẩn", 1, []any{"bí mật"}); err != nil {
					return err
				}
				if err := f.SetCellValue("Trống", "B2", "   "); err != nil {
					return err
				}
				if err := setRows(f, "Phụ lục II", 3, []any{nil, "hai"}); err != nil {
					return err
				}
				return f.SetSheetVisible("Ẩn", false)
			},
			want: []Block{
				{Source: "sheet Kế hoạch", Table: &Table{Name: sheet, Rows: []Row{row("sheet Kế hoạch, row 1", c("một"))}}},
				{Source: "sheet Phụ lục II", Table: &Table{Name: "Phụ lục II", Rows: []Row{row("sheet Phụ lục II, row 3", c(""), c("hai"))}}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := Read("kehoach.xlsx", buildXLSX(t, tt.fill))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Format != XLSX {
				t.Errorf("Format = %q, want %q", doc.Format, XLSX)
			}
			if !reflect.DeepEqual(doc.Blocks, tt.want) {
				t.Errorf("Blocks:\n got %s\nwant %s", dump(doc.Blocks), dump(tt.want))
			}
		})
	}
}
