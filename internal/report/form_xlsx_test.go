package report

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/valid"
)

func TestFormXLSXRoundTrip(t *testing.T) {
	withKinds := formTestDefinition()
	withKinds.Sections[1].Indicators[0].UnitKinds = []string{"agency", "district"}
	withKinds.Sections[0].Indicators[0].Prefill = "tasks_due"
	tests := []struct {
		name string
		form Form
	}{
		{"default form", Form{Code: DefaultFormCode, Title: DefaultForm().Title, UnitKinds: "agency,district,commune",
			Version: 3, Definition: DefaultForm().Definition}},
		{"small form", Form{Code: "ks-hs_1", Title: "Biểu thống kê “hồ sơ”", Definition: withKinds}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExportFormXLSX(&buf, tt.form); err != nil {
				t.Fatal(err)
			}
			got, err := ImportFormXLSX(&buf)
			if err != nil {
				t.Fatalf("import of an export: %v", err)
			}
			want := tt.form.Input().clean()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip changed the form:\ngot  %+v\nwant %+v", got, want)
			}
		})
	}
}

// workbook builds an .xlsx file with the given sheets (name → rows).
func workbook(t *testing.T, sheets map[string][][]string) *bytes.Buffer {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	first := x.GetSheetName(0)
	for name, rows := range sheets {
		if _, err := x.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				c, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if err := x.SetCellStr(name, c, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if _, ok := sheets[first]; !ok {
		if err := x.DeleteSheet(first); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return &buf
}

var goodFormSheet = [][]string{{"", "Nội dung"}, {"Mã biểu mẫu", "KS"}, {"Tên biểu mẫu", "Biểu khảo sát"}, {"Loại đơn vị báo cáo", "commune; district"}}

func TestImportFormXLSXByHand(t *testing.T) {
	// Columns in another order, accents dropped from headers, a blank row,
	// a field row without its section code, English kinds.
	buf := workbook(t, map[string][][]string{
		"bieu mau": goodFormSheet,
		"Chỉ tiêu": {
			{"Hướng dẫn: mỗi dòng một chỉ tiêu"},
			{"Loai", "Ma", "Ten chi tieu", "Muc", "Cong thuc"},
			{"Mục", "", "Thủ tục hành chính", "tthc"},
			{"count", "received", "Tiếp nhận", ""},
			{},
			{"Số lượng", "handled", "Đã xử lý", "tthc"},
			{"Tỷ lệ", "handled_rate", "Tỷ lệ xử lý", "tthc", "handled / received"},
			{"Văn bản", "tthc_results", "Kết quả", "tthc"},
		},
		"Quy tắc": {{"Điều kiện"}, {"handled <= received"}},
	})
	got, err := ImportFormXLSX(buf)
	if err != nil {
		t.Fatal(err)
	}
	want := FormInput{Code: "KS", Title: "Biểu khảo sát", UnitKinds: []string{"commune", "district"}, Definition: Definition{
		Sections: []Section{{Code: "tthc", Title: "Thủ tục hành chính",
			Narratives: []Narrative{{Code: "tthc_results", Label: "Kết quả"}},
			Indicators: []Indicator{
				{Code: "received", Label: "Tiếp nhận", Kind: KindCount, UnitKinds: []string{}},
				{Code: "handled", Label: "Đã xử lý", Kind: KindCount, UnitKinds: []string{}},
				{Code: "handled_rate", Label: "Tỷ lệ xử lý", Kind: KindRate, Formula: "handled / received", UnitKinds: []string{}},
			}}},
		Rules: []Rule{{Expr: "handled <= received"}},
	}}.clean()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("import =\n%+v\nwant\n%+v", got, want)
	}
}

func TestImportFormXLSXErrors(t *testing.T) {
	header := []string{"Mục", "Mã", "Tên chỉ tiêu", "Loại", "Công thức", "Áp dụng cho loại đơn vị", "Tự điền", "Lĩnh vực"}
	buf := workbook(t, map[string][][]string{
		"Biểu mẫu": {{"Mã biểu mẫu", "mã sai"}, {"Tên biểu mẫu", ""}},
		"Chỉ tiêu": {
			header,
			{"", "orphan", "Không thuộc mục nào", "số lượng"},                              // row 2: no section above
			{"tthc", "", "Thủ tục hành chính", "mục"},                                      // row 3: fine
			{"tthc", "received", "Tiếp nhận", "số lượng"},                                  // row 4: fine
			{"tthc", "Handled", "Đã xử lý", "số lượng"},                                    // row 5: bad code
			{"tthc", "received", "Tiếp nhận lần hai", "số lượng"},                          // row 6: repeated code
			{"tthc", "pct", "Phần trăm", "phần trăm"},                                      // row 7: unknown kind
			{"tthc", "rate1", "Tỷ lệ", "tỷ lệ", "received /"},                              // row 8: broken formula
			{"tthc", "rate2", "", "tỷ lệ", ""},                                             // row 9: no label, no formula
			{"xyz", "lost", "Mục chưa khai báo", "tiền"},                                   // row 10: unknown section
			{"tthc", "note", "Ghi chú", "văn bản", "received"},                             // row 11: narrative with formula
			{"tthc", "spent", "Kinh phí", "tiền", "received * 2"},                          // row 12: money with formula
			{"tthc", "rate3", "Tỷ lệ khác", "tỷ lệ", "note / received"},                    // row 13: rate over a narrative
			{"tthc", "rate4", "Tỷ lệ ba", "tỷ lệ", "received / received", "", "tasks_due"}, // row 14: prefilled rate
		},
		"Quy tắc": {
			{"STT", "Điều kiện", "Thông báo khi sai"},
			{"1", "received >= 0", "Không âm."}, // row 2: fine
			{"2", "received + nothing = 1", ""}, // row 3: unknown code
			{"3", "", "Thiếu điều kiện"},        // row 4: empty condition
			{"4", "received", ""},               // row 5: not a comparison
		},
	})
	_, err := ImportFormXLSX(buf)
	var errs FormImportErrors
	if !errors.As(err, &errs) {
		t.Fatalf("ImportFormXLSX = %v; want FormImportErrors", err)
	}
	var got []string
	for _, e := range errs {
		if e.Message == "" {
			t.Errorf("%s: empty message", e.String())
		}
		got = append(got, e.Sheet+"|"+strconv.Itoa(e.Row)+"|"+e.Column)
	}
	want := []string{
		"Biểu mẫu|1|Nội dung", "Biểu mẫu|2|Nội dung",
		"Chỉ tiêu|2|Mục", "Chỉ tiêu|5|Mã", "Chỉ tiêu|6|Mã", "Chỉ tiêu|7|Loại", "Chỉ tiêu|8|Công thức",
		"Chỉ tiêu|9|Tên chỉ tiêu", "Chỉ tiêu|9|Công thức", "Chỉ tiêu|10|Mục", "Chỉ tiêu|11|Công thức",
		"Chỉ tiêu|12|Công thức", "Chỉ tiêu|13|Công thức", "Chỉ tiêu|14|Tự điền",
		"Quy tắc|3|Điều kiện", "Quy tắc|4|Điều kiện", "Quy tắc|5|Điều kiện",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors at\n%s\nwant\n%s\nmessages:\n%v", strings.Join(got, "\n"), strings.Join(want, "\n"), err)
	}
	if !strings.Contains(err.Error(), "Trang “Chỉ tiêu”, dòng 7, cột “Loại”: Loại phải là một trong") {
		t.Errorf("message does not name sheet, row and column:\n%v", err)
	}
}

func TestImportFormXLSXUnreadable(t *testing.T) {
	tests := []struct {
		name string
		file func(t *testing.T) *bytes.Buffer
		want string
	}{
		{"not xlsx", func(*testing.T) *bytes.Buffer { return bytes.NewBufferString("Mã,Tên\n") }, "Không đọc được tệp"},
		{"no form sheet", func(t *testing.T) *bytes.Buffer {
			return workbook(t, map[string][][]string{"Chỉ tiêu": {{"Mã", "Tên chỉ tiêu", "Loại"}}})
		}, "thiếu trang “Biểu mẫu”"},
		{"no field sheet", func(t *testing.T) *bytes.Buffer {
			return workbook(t, map[string][][]string{"Biểu mẫu": goodFormSheet})
		}, "thiếu trang “Chỉ tiêu”"},
		{"no header", func(t *testing.T) *bytes.Buffer {
			return workbook(t, map[string][][]string{"Biểu mẫu": goodFormSheet, "Chỉ tiêu": {{"Mã", "Tên"}}})
		}, "thiếu dòng tiêu đề"},
		{"empty form", func(t *testing.T) *bytes.Buffer {
			return workbook(t, map[string][][]string{"Biểu mẫu": goodFormSheet, "Chỉ tiêu": {{"Mã", "Tên chỉ tiêu", "Loại"}}})
		}, "Biểu mẫu phải có ít nhất một mục"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ImportFormXLSX(tt.file(t))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ImportFormXLSX = %v; want an error containing %q", err, tt.want)
			}
			var p valid.Problem
			var fe FormImportErrors
			if !errors.As(err, &p) && !errors.As(err, &fe) {
				t.Errorf("error %T is neither a valid.Problem nor FormImportErrors", err)
			}
		})
	}
}
