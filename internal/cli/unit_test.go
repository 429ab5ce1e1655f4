package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/cli"
)

// run executes the command line and returns its exit code and output.
func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = cli.Run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeBook writes rows (the first is the header) to an .xlsx file in dir.
func writeBook(t *testing.T, dir, name string, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUnitCommands(t *testing.T) {
	t.Setenv("CCHC_DB", "")
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	header := []any{"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Hoạt động từ ngày"}
	good := writeBook(t, dir, "good.xlsx", header,
		[]any{"XA", "Xã An Phú", "commune", "T", "01/07/2025"},
		[]any{"T", "Tỉnh Thử Nghiệm", "province", "", "01/01/2020"})
	bad := writeBook(t, dir, "bad.xlsx", header,
		[]any{"XB", "Xã Bình Minh", "commune", "T"},
		[]any{"XC", strings.Repeat("x", 256), "commune", "T"},
		[]any{"XD", "Xã Đông", "làng", "KHONGCO"})
	text := filepath.Join(dir, "notes.xlsx")
	if err := os.WriteFile(text, []byte("không phải Excel"), 0o644); err != nil {
		t.Fatal(err)
	}
	exported := filepath.Join(dir, "export.xlsx")
	template := filepath.Join(dir, "template.xlsx")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr []string
	}{
		{"help", []string{"unit", "--help"}, 0, "cchc unit import", nil},
		{"no subcommand", []string{"unit"}, 2, "Usage: cchc unit", nil},
		{"unknown subcommand", []string{"unit", "delete"}, 2, "", []string{"unknown unit command"}},
		{"import without file", []string{"unit", "import", "--data", data}, 2, "", nil},
		{"import", []string{"unit", "import", "--data", data, good}, 0, "created 2, updated 0, unchanged 0", nil},
		{"import again", []string{"unit", "import", "--data", data, good}, 0, "created 0, updated 0, unchanged 2", nil},
		{"import bad rows", []string{"unit", "import", "--data", data, bad}, 1, "", []string{
			"Dòng 3, cột “Tên đơn vị”: Tên đơn vị dài tối đa 255 ký tự.",
			"Dòng 4, cột “Loại đơn vị”: Loại đơn vị “làng” không có trong danh mục",
			"Dòng 4, cột “Mã đơn vị cấp trên”: Không tìm thấy đơn vị cấp trên có mã “KHONGCO”",
			"3 errors; nothing was changed"}},
		{"import not excel", []string{"unit", "import", "--data", data, text}, 1, "", []string{"Tệp không phải là tệp Excel (.xlsx) hợp lệ."}},
		{"dry run", []string{"unit", "import", "--data", data, "--dry-run", good}, 0, "dry run, nothing written", nil},
		{"export", []string{"unit", "export", "--data", data, exported}, 0, "wrote " + exported, nil},
		{"export imported back", []string{"unit", "import", "--data", data, exported}, 0, "created 0, updated 0, unchanged 2", nil},
		{"template", []string{"unit", "template", "--data", data, template}, 0, "wrote " + template, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout = %q, want %q", stdout, tt.stdout)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr = %q, want %q", stderr, want)
				}
			}
		})
	}

	// The export holds both units, the province first; XB was never written.
	f, err := excelize.OpenFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Đơn vị")
	if err != nil || len(rows) != 3 || rows[1][0] != "T" || rows[2][0] != "XA" {
		t.Errorf("exported rows = %q, %v", rows, err)
	}
	tf, err := excelize.OpenFile(template)
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	if got := tf.GetSheetList(); len(got) != 2 || got[1] != "Hướng dẫn" {
		t.Errorf("template sheets = %q", got)
	}
}
