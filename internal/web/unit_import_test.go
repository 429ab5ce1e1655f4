package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/testkit"
)

// unitBook builds an .xlsx unit workbook with the given rows under a header.
func unitBook(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	all := append([][]any{{"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"}}, rows...)
	for i, r := range all {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// upload posts content as the "file" field of a multipart form.
func upload(t *testing.T, c *testkit.Client, name string, content []byte, fields map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	if content != nil {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(content)
	}
	_ = mw.Close()
	return c.Do(http.MethodPost, "/units/import", &body, mw.FormDataContentType())
}

func countUnits(t *testing.T, d *db.DB) int {
	t.Helper()
	var n int
	if err := d.Get(&n, "SELECT COUNT(*) FROM units"); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestUnitImportUpload(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		scenarios := []struct {
			name     string
			file     []byte
			fields   map[string]string
			status   int
			contains []string
			created  int // units added to the database
		}{
			{
				name: "valid file, children before parents",
				file: unitBook(t,
					[]any{"XC-01", "Thôn Cát", "other", "XC"},
					[]any{"XC", "Xã Cát Tiên", "Xã, phường, thị trấn, đặc khu", "H1"},
					[]any{"XA", "Xã An Phú", "commune", "H1"}),
				status:   http.StatusOK,
				contains: []string{"Đã nhập xong", "đơn vị tạo mới", "Xem cây đơn vị", `<span class="stat-value">2</span>`},
				created:  2,
			},
			{
				name:     "dry run writes nothing",
				file:     unitBook(t, []any{"XD", "Xã Đông", "commune", "H1"}),
				fields:   map[string]string{"dry_run": "1"},
				status:   http.StatusOK,
				contains: []string{"chưa ghi vào hệ thống", "tạo mới <strong>1</strong>"},
			},
			{
				name: "bad rows are all listed",
				file: unitBook(t,
					[]any{"XE", strings.Repeat("a", 256), "commune", "H1"},
					[]any{"XF", "Xã F", "thôn", "H1"},
					[]any{"XG", "Xã G", "commune", "KHONGCO"}),
				status: http.StatusUnprocessableEntity,
				contains: []string{"Tệp có 3 lỗi", "chưa có dữ liệu nào được ghi", "<th class=\"num\">Dòng</th>",
					"Tên đơn vị dài tối đa 255 ký tự.", "Loại đơn vị “thôn” không có trong danh mục", "KHONGCO"},
			},
			{
				name:     "not an xlsx file",
				file:     []byte("Mã đơn vị,Tên đơn vị\nXA,Xã An Phú\n"),
				status:   http.StatusUnprocessableEntity,
				contains: []string{"Tệp không phải là tệp Excel (.xlsx) hợp lệ."},
			},
			{
				name:     "no file chosen",
				status:   http.StatusUnprocessableEntity,
				contains: []string{"Vui lòng chọn tệp Excel (.xlsx) để nhập."},
			},
			{
				name:     "too large",
				file:     append([]byte("PK\x03\x04"), make([]byte, 11<<20)...),
				status:   http.StatusRequestEntityTooLarge,
				contains: []string{"Tệp quá lớn: tối đa 10 MB."},
			},
		}
		for _, sc := range scenarios {
			t.Run(sc.name, func(t *testing.T) {
				before := countUnits(t, d)
				res := upload(t, coord, "don-vi.xlsx", sc.file, sc.fields)
				if res.Code != sc.status {
					t.Fatalf("status %d, want %d: %s", res.Code, sc.status, res.Body.String())
				}
				body := res.Body.String()
				for _, want := range sc.contains {
					if !strings.Contains(body, want) {
						t.Errorf("page lacks %q", want)
					}
				}
				if got := countUnits(t, d) - before; got != sc.created {
					t.Errorf("units added = %d, want %d", got, sc.created)
				}
			})
		}
		xc, err := env.App.Units.GetByCode(context.Background(), "XC-01")
		if err != nil || xc.Kind != "other" {
			t.Errorf("XC-01 = %+v, %v", xc, err)
		}
	})
}

func TestUnitImportPermissions(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	tests := []struct {
		user, method, path string
		status             int
	}{
		{"coord", http.MethodGet, "/units/import", http.StatusOK},
		{"admin", http.MethodGet, "/units/import", http.StatusOK},
		{"officer_a", http.MethodGet, "/units/import", http.StatusForbidden},
		{"leader_d", http.MethodGet, "/units/import", http.StatusForbidden},
		{"appraiser", http.MethodGet, "/units/import", http.StatusForbidden},
		{"officer_a", http.MethodPost, "/units/import", http.StatusForbidden},
		{"officer_a", http.MethodGet, "/units/import/template.xlsx", http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.user+" "+tt.method+" "+tt.path, func(t *testing.T) {
			c := env.Login(t, tt.user)
			var res *httptest.ResponseRecorder
			if tt.method == http.MethodPost {
				res = upload(t, c, "x.xlsx", unitBook(t, []any{"XZ", "Xã Z", "commune", "H1"}), nil)
			} else {
				res = c.Get(tt.path)
			}
			if res.Code != tt.status {
				t.Fatalf("status %d, want %d", res.Code, tt.status)
			}
		})
	}
	if _, err := env.App.Units.GetByCode(context.Background(), "XZ"); err == nil {
		t.Error("a refused upload created a unit")
	}
	res := env.Login(t, "coord").Get("/units/import")
	if !strings.Contains(res.Body.String(), `href="/units/import/template.xlsx"`) || !strings.Contains(res.Body.String(), `accept=".xlsx`) {
		t.Error("import form lacks the template link or the file input")
	}
}

func TestUnitImportTemplateDownload(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	res := env.Login(t, "coord").Get("/units/import/template.xlsx")
	if res.Code != http.StatusOK || res.Header().Get("Content-Type") != org.XLSXContentType {
		t.Fatalf("status %d, type %q", res.Code, res.Header().Get("Content-Type"))
	}
	if cd := res.Header().Get("Content-Disposition"); cd != `attachment; filename="mau-nhap-don-vi.xlsx"` {
		t.Errorf("Content-Disposition = %q", cd)
	}
	f, err := excelize.OpenReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != org.SheetUnits || got[1] != org.SheetHelp {
		t.Errorf("sheets = %q", got)
	}
}
