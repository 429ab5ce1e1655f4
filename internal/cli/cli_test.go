package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/org"
)

// run executes the command line with stdin and returns exit code and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestHelpOnEveryCommand(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		code, out, _ := run(t, "", c.name, "--help")
		if code != 0 || !strings.Contains(out, "Usage: cchc "+c.name) {
			t.Errorf("%s --help: code %d, output %q", c.name, code, out)
		}
	}
	if code, out, _ := run(t, "", "--help"); code != 0 || !strings.Contains(out, "Commands:") {
		t.Errorf("--help: code %d, output %q", code, out)
	}
	if code, _, errOut := run(t, "", "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: code %d, stderr %q", code, errOut)
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "cchc ") {
		t.Errorf("version: code %d, output %q", code, out)
	}
}

func TestMigrateUserAndToken(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	code, out, errOut := run(t, "", "migrate", "--data", dir)
	known, err := db.Migrations(db.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || !strings.Contains(out, fmt.Sprintf("schema version %d", len(known))) {
		t.Fatalf("migrate: code %d, out %q, err %q", code, out, errOut)
	}
	// A unit for the accounts, made through the store on the same file.
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(dir, "cchc.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := org.NewStore(d).Create(ctx, org.Input{Code: "SNV", Name: "Sở Nội vụ", Kind: "agency", ActiveFrom: civil.New(2020, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	d.Close()

	code, out, errOut = run(t, "MatKhau@2026\n", "user", "add", "--data", dir, "--username", "nguyenvana",
		"--name", "Nguyễn Văn A", "--unit", "snv", "--role", "coordinator,appraiser")
	if code != 0 || !strings.Contains(out, "created user nguyenvana") {
		t.Fatalf("user add: code %d, out %q, err %q", code, out, errOut)
	}
	// Bad input: unknown unit, weak password, unknown role — clear messages, exit 1.
	tests := []struct {
		name, stdin string
		args        []string
		wantErr     string
	}{
		{"unknown unit", "MatKhau@2026\n", []string{"--username", "b", "--name", "B", "--unit", "NOPE"}, `unit "NOPE" not found`},
		{"weak password", "ngan\n", []string{"--username", "bb", "--name", "B", "--unit", "SNV"}, "ít nhất 8 ký tự"},
		{"unknown role", "MatKhau@2026\n", []string{"--username", "bb", "--name", "B", "--unit", "SNV", "--role", "king"}, "không hợp lệ"},
		{"duplicate", "MatKhau@2026\n", []string{"--username", "nguyenvana", "--name", "B", "--unit", "SNV"}, "đã có người dùng"},
		{"no password", "", []string{"--username", "cc", "--name", "C", "--unit", "SNV"}, "no password"},
	}
	for _, tc := range tests {
		args := append([]string{"user", "add", "--data", dir}, tc.args...)
		code, _, errOut := run(t, tc.stdin, args...)
		if code != 1 || !strings.Contains(errOut, tc.wantErr) {
			t.Errorf("%s: code %d, stderr %q, want %q", tc.name, code, errOut, tc.wantErr)
		}
	}

	code, out, _ = run(t, "", "user", "list", "--data", dir, "--q", "nguyen van")
	if code != 0 || !strings.Contains(out, "nguyenvana") || !strings.Contains(out, "coordinator,appraiser") || !strings.Contains(out, "1 users") {
		t.Fatalf("user list: code %d, out %q", code, out)
	}

	code, out, errOut = run(t, "MatKhauMoi@2026\n", "user", "passwd", "--data", dir, "nguyenvana")
	if code != 0 || !strings.Contains(out, "password of nguyenvana changed") {
		t.Fatalf("user passwd: code %d, err %q", code, errOut)
	}
	code, secret, errOut := run(t, "", "token", "create", "--data", dir, "--name", "Đồng bộ", "nguyenvana")
	if code != 0 || !strings.HasPrefix(secret, auth.TokenPrefix) {
		t.Fatalf("token create: code %d, out %q, err %q", code, secret, errOut)
	}

	d, err = db.Open(ctx, filepath.Join(dir, "cchc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	users := auth.NewStore(d)
	if _, err := users.Authenticate(ctx, "nguyenvana", "MatKhauMoi@2026"); err != nil {
		t.Errorf("new password does not work: %v", err)
	}
	u, err := users.TokenUser(ctx, strings.TrimSpace(secret))
	if err != nil || u.Username != "nguyenvana" {
		t.Errorf("token does not authenticate: %v %v", u.Username, err)
	}
}
