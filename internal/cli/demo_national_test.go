package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoNational(t *testing.T) {
	t.Setenv("CCHC_DB", "")
	dir := t.TempDir()
	dbFile := filepath.Join(dir, "national.db")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{"no subcommand", []string{"demo"}, 2, []string{"Usage: cchc demo national"}, ""},
		{"unknown subcommand", []string{"demo", "province"}, 2, nil, "Usage: cchc demo national"},
		{"help", []string{"demo", "national", "--help"}, 0, []string{"--units", "--indicators", "--year"}, ""},
		{"too small", []string{"demo", "national", "--db", dbFile, "--units", "3"}, 1, nil, "between 10 and 200000"},
		{"build", []string{"demo", "national", "--db", dbFile, "--units", "300", "--indicators", "10", "--year", "2023"}, 0,
			[]string{"units: 301 (1 provinces, 28 agencies, 16 districts, 255 communes)", "2023-Q1: 299 reports, 2990 values",
				"2023-Q4: ", "done: 301 units, 1196 reports, 11960 values", "form QG, periods [2023-Q1 2023-Q2 2023-Q3 2023-Q4]"}, ""},
		{"not empty", []string{"demo", "national", "--db", dbFile, "--units", "300"}, 1, nil, "needs an empty database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
		})
	}
}
