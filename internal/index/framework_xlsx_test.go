package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

func TestFrameworkXLSXRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		f := newTestFramework(t, s, 2025, true)
		bands := []Band{{9000, "Xuất sắc"}, {7250, "Khá"}, {0, "Trung bình"}}
		if err := s.SetBands(ctx, f.ID, bands, 0); err != nil {
			t.Fatal(err)
		}
		items, err := s.Items(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		data, err := FrameworkXLSX(f, items, bands)
		if err != nil {
			t.Fatal(err)
		}

		gotItems, gotBands, err := ReadFrameworkXLSX(data)
		if err != nil {
			t.Fatal(err)
		}
		if want := inputsOf(items); !reflect.DeepEqual(gotItems, want) {
			for i := range want {
				if i < len(gotItems) && !reflect.DeepEqual(gotItems[i], want[i]) {
					t.Errorf("item %d read back as %+v; want %+v", i, gotItems[i], want[i])
				}
			}
			t.Fatalf("%d items read back; want %d", len(gotItems), len(want))
		}
		if !reflect.DeepEqual(gotBands, bands) {
			t.Errorf("bands read back as %+v; want %+v", gotBands, bands)
		}

		// Saving what was read into a new framework gives the same items.
		other := newTestFramework(t, s, 2026, false)
		if err := s.SaveItems(ctx, other.ID, gotItems, 0); err != nil {
			t.Fatal(err)
		}
		saved, _ := s.Items(ctx, other.ID)
		if want, got := inputsOf(items), inputsOf(saved); !reflect.DeepEqual(got, want) {
			t.Error("items saved from the workbook differ from the source")
		}

		// The layout: title on row 1, bold header on row 3, fields bold,
		// points as numbers.
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		cells := []struct {
			cell, value string
			bold        bool
			numFmt      string
		}{
			{"A1", "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 — SỞ, BAN, NGÀNH", true, ""},
			{"A3", "STT", true, ""},
			{"B3", "Lĩnh vực, tiêu chí, tiêu chí thành phần", true, ""},
			{"I3", "Hướng dẫn chấm", true, ""},
			{"A4", "1", true, ""},
			{"C4", "4", true, "0"},
			{"A5", "1.1", false, ""},
			{"D7", rule.Spec{Type: rule.TypeTiers, Tiers: newTestFrameworkItems()[3].Rule.Tiers}.Describe(), false, ""},
			{"F7", "Bắt buộc", false, ""},
			{"E14", "Điều tra xã hội học", false, ""},
			{"H11", "Khó đạt", false, ""},
			{"E17", "Điểm trừ", false, ""},
		}
		for _, c := range cells {
			v, err := x.GetCellValue(sheetItems, c.cell)
			if err != nil || v != c.value {
				t.Errorf("%s = %q (%v); want %q", c.cell, v, err, c.value)
			}
			id, err := x.GetCellStyle(sheetItems, c.cell)
			if err != nil {
				t.Fatal(err)
			}
			st, err := x.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if bold := st.Font != nil && st.Font.Bold; bold != c.bold {
				t.Errorf("%s bold = %v; want %v", c.cell, bold, c.bold)
			}
			if c.numFmt != "" && (st.CustomNumFmt == nil || *st.CustomNumFmt != c.numFmt) && !(c.numFmt == "0" && st.NumFmt == 1) {
				t.Errorf("%s number format = %v/%d; want %q", c.cell, st.CustomNumFmt, st.NumFmt, c.numFmt)
			}
		}
		if v, _ := x.GetCellValue(sheetItems, "C11"); v != "1.5" {
			t.Errorf("C11 (max of 2.2) = %q; want 1.5", v)
		}
		id, _ := x.GetCellStyle(sheetItems, "C11")
		if st, _ := x.GetStyle(id); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.##" {
			t.Errorf("C11 number format = %+v; want 0.##", st)
		}
	})
}

// frameworkXLSXTestFile builds a hand-written framework workbook: items on
// a sheet named "Tiêu chí" with the header on row 4, rows as given from
// row 5; bands on "Xếp loại".
func frameworkXLSXTestFile(t *testing.T, rows [][]any, bands [][]any) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	sheet := "Tiêu chí"
	if err := x.SetSheetName(x.GetSheetName(0), sheet); err != nil {
		t.Fatal(err)
	}
	header := []any{"STT", "Lĩnh vực/tiêu chí/tiêu chí thành phần", "Điểm tối đa", "Cách chấm điểm", "Loại điểm",
		"Tài liệu kiểm chứng", "Có thể không áp dụng", "Nhóm tiêu chí", "Hướng dẫn chấm", "Ghi chú"}
	all := append([][]any{{"BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"}, {"(Kèm theo Quyết định số 15/QĐ-UBND)"}, {}, header}, rows...)
	for i, r := range all {
		if err := x.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if bands != nil {
		if _, err := x.NewSheet("Xếp loại"); err != nil {
			t.Fatal(err)
		}
		for i, r := range append([][]any{{"Từ (%)", "Xếp loại"}}, bands...) {
			if err := x.SetSheetRow("Xếp loại", fmt.Sprintf("A%d", i+1), &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadFrameworkXLSXHandWritten(t *testing.T) {
	data := frameworkXLSXTestFile(t, [][]any{
		{"I.", "Công tác chỉ đạo, điều hành"},
		{"I.1", "Kế hoạch cải cách hành chính", "1,5", "Chấm từ 0 đến điểm tối đa (bước 0,5)", "", "bắt buộc", "", "thường xuyên"},
		{"I.2", "Báo cáo định kỳ", 1.5, "Có/không", "Tự chấm và thẩm định", "", "Có", "", "Gửi đúng hạn"},
		{},
		{"II", "Điểm thưởng, điểm trừ"},
		{"II.1", "Sáng kiến", 0.5, "", "Điểm thưởng"},
		{"", "Tổng cộng", 3.5},
	}, [][]any{{90, "Tốt"}, {"50%", "Đạt"}, {0, "Chưa đạt"}})
	items, bands, err := ReadFrameworkXLSX(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []ItemInput{
		{Number: "I", Title: "Công tác chỉ đạo, điều hành", Kind: KindScore, MaxPoints: 300},
		{Number: "I.1", Title: "Kế hoạch cải cách hành chính", Kind: KindScore, MaxPoints: 150,
			Rule: rule.Spec{Type: rule.TypeManual, Step: 50}, EvidenceRequired: true, GroupTag: GroupRoutine},
		{Number: "I.2", Title: "Báo cáo định kỳ", Kind: KindScore, MaxPoints: 150, Rule: rule.Spec{Type: rule.TypeYesNo},
			Optional: true, Guidance: "Gửi đúng hạn"},
		{Number: "II", Title: "Điểm thưởng, điểm trừ", Kind: KindScore},
		{Number: "II.1", Title: "Sáng kiến", Kind: KindBonus, MaxPoints: 50, Rule: rule.Spec{Type: rule.TypeManual}},
	}
	if !reflect.DeepEqual(items, want) {
		t.Errorf("items = %+v\nwant %+v", items, want)
	}
	if wantBands := []Band{{9000, "Tốt"}, {5000, "Đạt"}, {0, "Chưa đạt"}}; !reflect.DeepEqual(bands, wantBands) {
		t.Errorf("bands = %+v; want %+v", bands, wantBands)
	}
}

func TestReadFrameworkXLSXBadCells(t *testing.T) {
	data := frameworkXLSXTestFile(t, [][]any{
		{"I", "Công tác chỉ đạo, điều hành"},              // row 5
		{"I.1", "Kế hoạch", "1,5"},                        // row 6
		{"I.2", "Điểm sai", "abc"},                        // row 7: C
		{"I.3", "Cách chấm sai", 1, "chấm theo cảm tính"}, // row 8: D
		{"I.4", "Loại sai", 1, "", "Điểm cộng thêm"},      // row 9: E
		{"I.5", "Kiểm chứng sai", 1, "", "", "Có lẽ"},     // row 10: F
		{"I.5", "Trùng số", 1},                            // row 11: A
		{"II.1", "Không có lĩnh vực", 1},                  // row 12: A
		{"I.6", "", 1, "", "", "", "", "Rất khó"},         // row 13: B, H
		{"I.7", "Điểm lẻ", "0,125"},                       // row 14: C
	}, [][]any{{90, "Tốt"}, {"chín mươi", "Khá"}, {0, ""}})
	_, _, err := ReadFrameworkXLSX(data)
	var bad FrameworkImportErrors
	if !errors.As(err, &bad) {
		t.Fatalf("err = %v; want FrameworkImportErrors", err)
	}
	var got []string
	for _, e := range bad {
		got = append(got, fmt.Sprintf("%s!%s%d", e.Sheet, e.Column, e.Row))
	}
	want := []string{"Tiêu chí!C7", "Tiêu chí!D8", "Tiêu chí!E9", "Tiêu chí!F10", "Tiêu chí!A11", "Tiêu chí!A12",
		"Tiêu chí!B13", "Tiêu chí!H13", "Tiêu chí!C14", "Xếp loại!A3", "Xếp loại!B4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bad cells = %q\nwant %q\n%v", got, want, err)
	}
	for _, part := range []string{
		"Trang “Tiêu chí”, dòng 7, cột C (Điểm tối đa): “abc” không phải số điểm",
		"Trang “Tiêu chí”, dòng 11, cột A (STT): số thứ tự “I.5” trùng với dòng 10",
		"Trang “Tiêu chí”, dòng 12, cột A (STT): chưa có lĩnh vực “II”",
		"Trang “Tiêu chí”, dòng 13, cột B (Lĩnh vực, tiêu chí, tiêu chí thành phần): chưa nhập tên",
		"Trang “Xếp loại”, dòng 4, cột B (Xếp loại): chưa nhập tên xếp loại",
		"Không đọc được cách chấm điểm “chấm theo cảm tính”",
	} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("errors lack %q:\n%v", part, err)
		}
	}

	// Not a workbook, and a workbook without the header: one problem each.
	if _, _, err := ReadFrameworkXLSX([]byte("STT;Tên")); valid.Message(err) == "" {
		t.Errorf("not a workbook: err = %v; want a problem", err)
	}
	x := excelize.NewFile()
	_ = x.SetCellStr("Sheet1", "A1", "Danh sách")
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	x.Close()
	if _, _, err := ReadFrameworkXLSX(buf.Bytes()); !strings.Contains(valid.Message(err), "dòng tiêu đề") {
		t.Errorf("no header: err = %v; want a problem about the header", err)
	}
}
