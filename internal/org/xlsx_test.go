package org_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/valid"
)

var (
	xlsxStart = civil.New(2020, time.January, 1)
	xlsxToday = civil.New(2026, time.March, 15)
	// xlsxHeader is the template's header row.
	xlsxHeader = []any{"Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Loại đơn vị", "Mã đơn vị cấp trên",
		"Hoạt động từ ngày", "Địa chỉ", "Điện thoại", "Email", "Tên gọi khác"}
)

// xlsxBook builds an .xlsx file in memory with rows on a sheet named sheet.
func xlsxBook(t *testing.T, sheet string, rows ...[]any) *bytes.Buffer {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return &buf
}

// xlsxSeed creates the province T with Sở Nội vụ (SNV) and district H1.
func xlsxSeed(t *testing.T, s *org.Store) (province, snv, district org.Unit) {
	t.Helper()
	ctx := context.Background()
	mk := func(code, name, kind string, parent *org.Unit) org.Unit {
		in := org.Input{Code: code, Name: name, Kind: kind, ActiveFrom: xlsxStart}
		if parent != nil {
			in.ParentID = &parent.ID
		}
		u, err := s.Create(ctx, in)
		if err != nil {
			t.Fatalf("create %s: %v", code, err)
		}
		return u
	}
	province = mk("T", "Tỉnh Thử Nghiệm", "province", nil)
	snv = mk("SNV", "Sở Nội vụ", "agency", &province)
	district = mk("H1", "Huyện Đông Sơn", "district", &province)
	return province, snv, district
}

func xlsxCount(t *testing.T, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.Get(&n, "SELECT COUNT(*) FROM "+table); err != nil {
		t.Fatal(err)
	}
	return n
}

func xlsxUnit(t *testing.T, s *org.Store, code string) org.Unit {
	t.Helper()
	u, err := s.GetByCode(context.Background(), code)
	if err != nil {
		t.Fatalf("unit %s: %v", code, err)
	}
	return u
}

func TestImportXLSXCreatesUnitsAndResolvesParentsAcrossTheFile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := org.NewStore(d)
		xlsxSeed(t, s)
		auditBefore := xlsxCount(t, d, "audit_log")

		// Children come before their parents; kinds by code and by name,
		// with and without accents; a real Excel date and a text date.
		file := xlsxBook(t, org.SheetUnits, xlsxHeader,
			[]any{"xa-02", "Xã Bình Minh", "", "commune", "PHONG", "01/07/2025", "", "", "", ""},
			[]any{"PHONG", "Phòng Nội vụ", "PNV", "Don vi su nghiep cong lap", "h1", time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC), "", "0236 111", "", ""},
			[]any{"XA-01", "Xã An Phú", "", "Xã, phường, thị trấn, đặc khu", "H1", "", "Thôn 1", "", "xaanphu@example.vn", "UBND xã An Phú; Xa An Phu ; UBND xã An Phú"},
			[]any{"STP", "Sở Tư pháp", "STP", "Sở, ban, ngành cấp tỉnh", "T", "2024-02-29", "", "", "", ""},
		)
		res, err := s.ImportXLSX(ctx, file, org.ImportOptions{Today: xlsxToday})
		if err != nil {
			t.Fatalf("import: %v", err)
		}
		if res != (org.ImportResult{Created: 4}) {
			t.Fatalf("result = %+v, want 4 created", res)
		}
		tests := []struct {
			code, parent, kind string
			from               civil.Date
		}{
			{"XA-02", "PHONG", "commune", civil.New(2025, time.July, 1)},
			{"PHONG", "H1", "public_service", civil.New(2021, time.March, 5)},
			{"XA-01", "H1", "commune", xlsxToday},
			{"STP", "T", "agency", civil.New(2024, time.February, 29)},
		}
		for _, tt := range tests {
			t.Run(tt.code, func(t *testing.T) {
				u := xlsxUnit(t, s, tt.code)
				parent := xlsxUnit(t, s, tt.parent)
				if u.ParentID == nil || *u.ParentID != parent.ID {
					t.Errorf("parent = %v, want %s (%d)", u.ParentID, tt.parent, parent.ID)
				}
				if u.Kind != tt.kind || u.ActiveFrom != tt.from {
					t.Errorf("kind %s from %s, want %s from %s", u.Kind, u.ActiveFrom, tt.kind, tt.from)
				}
			})
		}
		xa := xlsxUnit(t, s, "XA-01")
		if len(xa.Aliases) != 2 || xa.Address != "Thôn 1" || xa.Email != "xaanphu@example.vn" {
			t.Errorf("XA-01 = %+v, want 2 aliases, address and email", xa)
		}
		if p := xlsxUnit(t, s, "PHONG"); p.Phone != "0236 111" || p.ShortName != "PNV" {
			t.Errorf("PHONG phone %q short %q", p.Phone, p.ShortName)
		}
		if got := xlsxCount(t, d, "audit_log") - auditBefore; got != 4 {
			t.Errorf("audit entries = %d, want 4", got)
		}
	})
}

func TestImportXLSXRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := org.NewStore(d)
		province, snv, district := xlsxSeed(t, s)
		if _, err := s.Update(ctx, snv.ID, org.Input{Code: "SNV", Name: "Sở Nội vụ", ShortName: "SNV", Kind: "agency",
			ParentID: &province.ID, ActiveFrom: xlsxStart, Phone: "0236 3822 123", Email: "snv@example.vn",
			Aliases: []string{"Sở NV", "Sở Nội vu"}, Address: "Số 1 Trần Phú"}); err != nil {
			t.Fatal(err)
		}
		xa, err := s.Create(ctx, org.Input{Code: "XA", Name: "Xã An Phú", Kind: "commune", ParentID: &district.ID, ActiveFrom: xlsxStart})
		if err != nil {
			t.Fatal(err)
		}
		// The district ends on 30/06/2025: its commune moves to the province.
		if _, err := s.Dissolve(ctx, district.ID, org.DissolveInput{Change: org.Change{Effective: civil.New(2025, time.July, 1)}}); err != nil {
			t.Fatal(err)
		}

		var exported bytes.Buffer
		if err := s.ExportXLSX(ctx, &exported, org.Filter{}); err != nil {
			t.Fatalf("export: %v", err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(exported.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(org.SheetUnits)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 5 || rows[0][0] != "Mã đơn vị" || rows[1][0] != "T" {
			t.Fatalf("exported rows = %q, want header then T first (tree order)", rows)
		}
		for _, r := range rows[1:] {
			if r[0] == "H1" && (len(r) < 7 || r[6] != "30/06/2025") {
				t.Errorf("H1 row = %q, want end date 30/06/2025 in column 7", r)
			}
		}

		unitsBefore, auditBefore := xlsxCount(t, d, "units"), xlsxCount(t, d, "audit_log")
		res, err := s.ImportXLSX(ctx, bytes.NewReader(exported.Bytes()), org.ImportOptions{})
		if err != nil {
			t.Fatalf("re-import: %v", err)
		}
		if res != (org.ImportResult{Unchanged: 4}) {
			t.Fatalf("round trip = %+v, want 4 unchanged", res)
		}
		if xlsxCount(t, d, "units") != unitsBefore || xlsxCount(t, d, "audit_log") != auditBefore {
			t.Error("an unchanged import wrote something")
		}

		// Edit the exported file: rename XA (now under T since H1 ended).
		f, err = excelize.OpenReader(bytes.NewReader(exported.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ = f.GetRows(org.SheetUnits)
		for i, r := range rows {
			if r[0] == "XA" {
				ref, _ := excelize.CoordinatesToCellName(2, i+1)
				_ = f.SetCellValue(org.SheetUnits, ref, "Xã An Phú Mới")
			}
		}
		var edited bytes.Buffer
		_ = f.Write(&edited)
		f.Close()
		res, err = s.ImportXLSX(ctx, &edited, org.ImportOptions{})
		if err != nil {
			t.Fatalf("import edited: %v", err)
		}
		if res != (org.ImportResult{Updated: 1, Unchanged: 3}) {
			t.Fatalf("edited = %+v, want 1 updated", res)
		}
		if got, _ := s.Get(ctx, xa.ID); got.Name != "Xã An Phú Mới" || got.ParentID == nil || *got.ParentID != province.ID {
			t.Errorf("XA after import = %+v", got)
		}
	})
}

func TestImportXLSXRefusesBadRowsAndWritesNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := org.NewStore(d)
		xlsxSeed(t, s)
		long := strings.Repeat("Â", 256)
		file := xlsxBook(t, "Danh sách", xlsxHeader,
			[]any{"XA", "Xã An Phú", "", "commune", "H1", "01/01/2021"},              // fine
			[]any{"XB", long, "", "commune", "H1", ""},                               // 3: name too long
			[]any{"XA", "Xã An Phú (trùng)", "", "commune", "H1", ""},                // 4: duplicate code
			[]any{"XC", "Xã Cát", "", "commune", "KHONGCO", ""},                      // 5: unknown parent
			[]any{"XD", "Xã Đông", "", "commune", "H1", "31/02/2021"},                // 6: impossible date
			[]any{"XE", "Xã Đá", "", "thôn", "H1", ""},                               // 7: unknown kind
			[]any{"XF", "Xã Phong", "", "commune", "XF", ""},                         // 8: its own parent
			[]any{"X G", "", "", "", "", ""},                                         // 9: bad code, no name, no kind
			[]any{"SNV", "Sở Nội vụ", "", "", "T", "", "", "", "không-phải-thư", ""}, // 10: bad e-mail (update)
			[]any{"XH", "Xã Hòa", "", "commune", "H1", "2020"},                       // 11: a year is not a date
		)
		unitsBefore, auditBefore := xlsxCount(t, d, "units"), xlsxCount(t, d, "audit_log")
		_, err := s.ImportXLSX(ctx, file, org.ImportOptions{Today: xlsxToday})
		var errs org.ImportErrors
		if !errors.As(err, &errs) {
			t.Fatalf("err = %v, want ImportErrors", err)
		}
		want := []struct {
			row            int
			column, phrase string
		}{
			{3, "Tên đơn vị", "Tên đơn vị dài tối đa 255 ký tự."},
			{4, "Mã đơn vị", "bị trùng với dòng 2"},
			{5, "Mã đơn vị cấp trên", "Không tìm thấy đơn vị cấp trên có mã “KHONGCO”"},
			{6, "Hoạt động từ ngày", "Ngày “31/02/2021” không hợp lệ"},
			{7, "Loại đơn vị", "Loại đơn vị “thôn” không có trong danh mục"},
			{8, "Mã đơn vị cấp trên", "không thể trực thuộc chính nó"},
			{9, "Mã đơn vị", "Mã đơn vị chỉ gồm"},
			{9, "Tên đơn vị", "Vui lòng nhập tên đơn vị."},
			{9, "Loại đơn vị", "Vui lòng nhập loại đơn vị."},
			{10, "Email", "thư điện tử không hợp lệ"},
			{11, "Hoạt động từ ngày", "Ngày “2020” không hợp lệ"},
		}
		if len(errs) != len(want) {
			t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(want), errs)
		}
		for i, w := range want {
			e := errs[i]
			if e.Row != w.row || e.Column != w.column || !strings.Contains(e.Message, w.phrase) {
				t.Errorf("error %d = %s; want row %d, column %q, containing %q", i, e, w.row, w.column, w.phrase)
			}
		}
		if got := errs[0].String(); got != "Dòng 3, cột “Tên đơn vị”: Tên đơn vị dài tối đa 255 ký tự." {
			t.Errorf("message = %q", got)
		}
		if xlsxCount(t, d, "units") != unitsBefore || xlsxCount(t, d, "audit_log") != auditBefore {
			t.Error("a refused import changed the database")
		}
	})
}

func TestImportXLSXRefusesCycles(t *testing.T) {
	tests := []struct {
		name     string
		rows     [][]any
		wantRows []int
		phrase   string
	}{
		{"within the file", [][]any{
			{"A", "Đơn vị A", "", "agency", "C"},
			{"B", "Đơn vị B", "", "agency", "A"},
			{"C", "Đơn vị C", "", "agency", "B"},
			{"D", "Đơn vị D", "", "agency", "C"}, // hangs below the cycle: not on it
		}, []int{2, 3, 4}, "vòng lặp"},
		{"through the database", [][]any{
			{"T", "Tỉnh Thử Nghiệm", "", "province", "H1"}, // H1 is under T in the database
		}, []int{2}, "T → H1 → T"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				s := org.NewStore(d)
				xlsxSeed(t, s)
				before := xlsxCount(t, d, "units")
				_, err := s.ImportXLSX(context.Background(), xlsxBook(t, org.SheetUnits, append([][]any{xlsxHeader}, tt.rows...)...), org.ImportOptions{})
				var errs org.ImportErrors
				if !errors.As(err, &errs) {
					t.Fatalf("err = %v, want ImportErrors", err)
				}
				if len(errs) != len(tt.wantRows) {
					t.Fatalf("errors = %v, want rows %v", errs, tt.wantRows)
				}
				for i, e := range errs {
					if e.Row != tt.wantRows[i] || e.Column != "Mã đơn vị cấp trên" || !strings.Contains(e.Message, tt.phrase) {
						t.Errorf("error %d = %s", i, e)
					}
				}
				if xlsxCount(t, d, "units") != before {
					t.Error("units written despite the cycle")
				}
			})
		})
	}
}

func TestImportXLSXFileProblems(t *testing.T) {
	random := make([]byte, 4096)
	_, _ = rand.Read(random)
	tests := []struct {
		name string
		file func(t *testing.T) []byte
		want string
	}{
		{"plain text", func(*testing.T) []byte { return []byte("Mã đơn vị;Tên đơn vị\nXA;Xã An Phú\n") }, "Tệp không phải là tệp Excel (.xlsx) hợp lệ."},
		{"random bytes", func(*testing.T) []byte { return random }, "Tệp không phải là tệp Excel (.xlsx) hợp lệ."},
		{"zip header, garbage after", func(*testing.T) []byte { return append([]byte("PK\x03\x04"), random...) }, "Tệp không phải là tệp Excel (.xlsx) hợp lệ."},
		{"empty input", func(*testing.T) []byte { return nil }, "Tệp không phải là tệp Excel (.xlsx) hợp lệ."},
		{"empty workbook", func(t *testing.T) []byte { return xlsxBook(t, org.SheetUnits).Bytes() }, "Không tìm thấy dòng tiêu đề"},
		{"no header", func(t *testing.T) []byte {
			return xlsxBook(t, org.SheetUnits, []any{"XA", "Xã An Phú"}).Bytes()
		}, "Không tìm thấy dòng tiêu đề"},
		{"header only", func(t *testing.T) []byte { return xlsxBook(t, org.SheetUnits, xlsxHeader, []any{}, []any{" "}).Bytes() }, "Tệp không có dòng dữ liệu nào"},
		{"too many rows", func(t *testing.T) []byte {
			rows := [][]any{{"Mã đơn vị", "Tên đơn vị"}}
			for range org.MaxImportRows + 1 {
				rows = append(rows, []any{"X", "Y"})
			}
			return xlsxBook(t, org.SheetUnits, rows...).Bytes()
		}, "tối đa 20.000 đơn vị"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := org.NewStore(dbtest.SQLite(t))
			_, err := s.ImportXLSX(context.Background(), bytes.NewReader(tt.file(t)), org.ImportOptions{})
			if msg := valid.Message(err); !strings.Contains(msg, tt.want) {
				t.Errorf("message = %q (err %v), want %q", msg, err, tt.want)
			}
		})
	}
}

func TestImportXLSXFindsHeadersWithoutAccents(t *testing.T) {
	s := org.NewStore(dbtest.SQLite(t))
	xlsxSeed(t, s)
	file := xlsxBook(t, "Sheet 2",
		[]any{"DANH SÁCH ĐƠN VỊ CẤP XÃ"}, // a title above the header
		[]any{},
		[]any{"STT", "TEN DON VI", "ma don vi", "Ma don vi cap tren", "LOAI DON VI", "Ghi chú"},
		[]any{1, "Xã An Phú", "XA", "H1", "xa, phuong, thi tran, dac khu", "bỏ qua"},
		[]any{2, "Xã Bình Minh", "XB", "H1", "commune"},
	)
	res, err := s.ImportXLSX(context.Background(), file, org.ImportOptions{Today: xlsxToday})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if res.Created != 2 {
		t.Fatalf("result = %+v, want 2 created", res)
	}
	h1, xb := xlsxUnit(t, s, "H1"), xlsxUnit(t, s, "XB")
	if xb.Name != "Xã Bình Minh" || xb.ParentID == nil || *xb.ParentID != h1.ID {
		t.Errorf("XB = %+v", xb)
	}
}

func TestImportXLSXKeepsColumnsMissingFromTheFile(t *testing.T) {
	s := org.NewStore(dbtest.SQLite(t))
	_, snv, _ := xlsxSeed(t, s)
	in := org.InputOf(snv)
	in.Phone, in.Aliases = "0236 999", []string{"Sở NV"}
	if _, err := s.Update(context.Background(), snv.ID, in); err != nil {
		t.Fatal(err)
	}
	file := xlsxBook(t, org.SheetUnits, []any{"Mã đơn vị", "Tên đơn vị"}, []any{"SNV", "Sở Nội Vụ tỉnh"})
	res, err := s.ImportXLSX(context.Background(), file, org.ImportOptions{})
	if err != nil || res != (org.ImportResult{Updated: 1}) {
		t.Fatalf("import = %+v, %v", res, err)
	}
	got := xlsxUnit(t, s, "SNV")
	if got.Name != "Sở Nội Vụ tỉnh" || got.Phone != "0236 999" || len(got.Aliases) != 1 || got.ParentID == nil || got.Kind != "agency" {
		t.Errorf("SNV = %+v, want new name and everything else kept", got)
	}
}

func TestImportXLSXEndDate(t *testing.T) {
	tests := []struct {
		name, code, to, phrase string
	}{
		{"new unit with an end date", "XN", "30/06/2025", "Đơn vị mới không thể có ngày kết thúc"},
		{"ending an existing unit", "SNV", "30/06/2025", "dùng chức năng Giải thể"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := org.NewStore(dbtest.SQLite(t))
			xlsxSeed(t, s)
			file := xlsxBook(t, org.SheetUnits, []any{"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Hoạt động đến ngày"},
				[]any{tt.code, "Đơn vị", "agency", tt.to})
			_, err := s.ImportXLSX(context.Background(), file, org.ImportOptions{})
			var errs org.ImportErrors
			if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Column != "Hoạt động đến ngày" || !strings.Contains(errs[0].Message, tt.phrase) {
				t.Fatalf("err = %v, want one end-date error containing %q", err, tt.phrase)
			}
		})
	}
}

func TestImportXLSXDryRun(t *testing.T) {
	d := dbtest.SQLite(t)
	s := org.NewStore(d)
	xlsxSeed(t, s)
	before := xlsxCount(t, d, "units")
	file := xlsxBook(t, org.SheetUnits, xlsxHeader, []any{"XA", "Xã An Phú", "", "commune", "H1"}, []any{"SNV", "Sở Nội vụ mới", "", "agency", "T"})
	res, err := s.ImportXLSX(context.Background(), file, org.ImportOptions{DryRun: true})
	if err != nil || res != (org.ImportResult{Created: 1, Updated: 1}) {
		t.Fatalf("dry run = %+v, %v", res, err)
	}
	if xlsxCount(t, d, "units") != before || xlsxUnit(t, s, "SNV").Name != "Sở Nội vụ" {
		t.Error("a dry run changed the database")
	}
}

func TestImportTemplate(t *testing.T) {
	s := org.NewStore(dbtest.SQLite(t))
	xlsxSeed(t, s)
	kinds, err := s.Kinds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := org.ImportTemplate(&buf, kinds); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != org.SheetUnits || got[1] != org.SheetHelp {
		t.Fatalf("sheets = %q", got)
	}
	rows, _ := f.GetRows(org.SheetUnits)
	if len(rows) != 3 || rows[0][0] != "Mã đơn vị" || rows[0][3] != "Loại đơn vị" {
		t.Fatalf("template rows = %q", rows)
	}
	dvs, err := f.GetDataValidations(org.SheetUnits)
	if err != nil || len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, org.SheetHelp) {
		t.Errorf("data validations = %+v, %v", dvs, err)
	}
	help, _ := f.GetRows(org.SheetHelp)
	text := ""
	for _, r := range help {
		text += strings.Join(r, " ") + "\n"
	}
	for _, want := range []string{"dd/mm/yyyy", "Xã, phường, thị trấn, đặc khu", "Hoạt động từ ngày", "Giải thể"} {
		if !strings.Contains(text, want) {
			t.Errorf("instructions lack %q", want)
		}
	}
	// The examples import once their parent exists: SNV is corrected, SNV-LT created.
	if _, err := s.Create(context.Background(), org.Input{Code: "TINH", Name: "Tỉnh", Kind: "province", ActiveFrom: xlsxStart}); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportXLSX(context.Background(), bytes.NewReader(buf.Bytes()), org.ImportOptions{})
	if err != nil || res != (org.ImportResult{Created: 1, Updated: 1}) {
		t.Errorf("importing the template's examples = %+v, %v", res, err)
	}
}

func TestExportXLSXWithin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := org.NewStore(d)
		_, _, district := xlsxSeed(t, s)
		for _, c := range []string{"XA", "XB"} {
			if _, err := s.Create(ctx, org.Input{Code: c, Name: "Xã " + c, Kind: "commune", ParentID: &district.ID, ActiveFrom: xlsxStart}); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := s.ExportXLSX(ctx, &buf, org.Filter{Within: district.ID}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows(org.SheetUnits)
		var codes []string
		for _, r := range rows[1:] {
			codes = append(codes, r[0]+"<"+r[4])
		}
		if got := strings.Join(codes, " "); got != "H1<T XA<H1 XB<H1" {
			t.Errorf("exported = %s, want the district then its communes, with parent codes", got)
		}
	})
}
