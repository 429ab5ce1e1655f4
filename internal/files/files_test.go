package files_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/files"
	"cchc/internal/valid"
)

// zipWith returns a zip holding the named (empty) parts.
func zipWith(t testing.TB, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Samples of each kind of content.
func samples(t testing.TB) map[string][]byte {
	return map[string][]byte{
		"pdf":  []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
		"png":  append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 32)...),
		"jpeg": append([]byte("\xff\xd8\xff\xe0"), make([]byte, 32)...),
		"gif":  []byte("GIF89a\x01\x00\x01\x00"),
		"webp": []byte("RIFF\x10\x00\x00\x00WEBPVP8 "),
		"docx": zipWith(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml"),
		"xlsx": zipWith(t, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
		"docm": zipWith(t, "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
		"zip":  zipWith(t, "readme.txt"),
		"exe":  append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 64)...),
		"html": []byte("<!DOCTYPE html><html><script>alert(1)</script></html>"),
		"ole":  append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 64)...),
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	s := samples(t)
	refused := "không được chấp nhận: chỉ nhận PDF, Word (.docx), Excel (.xlsx) hoặc ảnh (PNG, JPEG)."
	tests := []struct {
		name     string
		file     string
		content  []byte
		wantType string
		wantName string
		wantErr  string
	}{
		{name: "pdf", file: "Quyết định 1525.pdf", content: s["pdf"], wantType: "application/pdf", wantName: "Quyết định 1525.pdf"},
		{name: "upper-case extension", file: "KH.PDF", content: s["pdf"], wantType: "application/pdf", wantName: "KH.PDF"},
		{name: "png", file: "anh.png", content: s["png"], wantType: "image/png", wantName: "anh.png"},
		{name: "jpeg as .jpeg", file: "a.jpeg", content: s["jpeg"], wantType: "image/jpeg", wantName: "a.jpeg"},
		{name: "gif", file: "a.gif", content: s["gif"], wantType: "image/gif", wantName: "a.gif"},
		{name: "webp", file: "a.webp", content: s["webp"], wantType: "image/webp", wantName: "a.webp"},
		{name: "docx", file: "Kế hoạch.docx", content: s["docx"], wantType: files.DOCX.ContentType, wantName: "Kế hoạch.docx"},
		{name: "xlsx", file: "Phụ lục.xlsx", content: s["xlsx"], wantType: files.XLSX.ContentType, wantName: "Phụ lục.xlsx"},
		{name: "no extension gets one", file: "Báo cáo quý 6.2024", content: s["pdf"], wantType: "application/pdf", wantName: "Báo cáo quý 6.2024.pdf"},
		{name: "path stripped", file: `C:\Users\a\..\evil/../bc.pdf`, content: s["pdf"], wantType: "application/pdf", wantName: "bc.pdf"},
		{name: "decomposed name stored NFC", file: "Ke\u0302\u0301 hoa\u0323ch.pdf", content: s["pdf"], wantType: "application/pdf", wantName: "Kế hoạch.pdf"},
		{name: "exe", file: "x.exe", content: s["exe"], wantErr: "Tệp “x.exe” " + refused},
		{name: "exe renamed pdf", file: "x.pdf", content: s["exe"], wantErr: "Tệp “x.pdf” " + refused},
		{name: "zip renamed docx", file: "x.docx", content: s["zip"], wantErr: "Tệp “x.docx” " + refused},
		{name: "docx with macros", file: "x.docx", content: s["docm"], wantErr: "Tệp “x.docx” " + refused},
		{name: "html", file: "x.html", content: s["html"], wantErr: "Tệp “x.html” " + refused},
		{name: "old Word .doc", file: "x.doc", content: s["ole"], wantErr: "Tệp “x.doc” " + refused},
		{name: "png named pdf", file: "scan.pdf", content: s["png"], wantErr: "Tệp “scan.pdf” có phần mở rộng không khớp với nội dung (ảnh PNG)."},
		{name: "xlsx named docx", file: "a.docx", content: s["xlsx"], wantErr: "Tệp “a.docx” có phần mở rộng không khớp với nội dung (Excel)."},
		{name: "empty", file: "a.pdf", content: nil, wantErr: "Tệp “a.pdf” rỗng."},
		{name: "21 MB", file: "big.pdf", content: append([]byte("%PDF-1.7\n"), make([]byte, 21<<20)...), wantErr: "Tệp quá lớn: tối đa 20 MB."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			up, err := files.Check(tt.file, bytes.NewReader(tt.content))
			if tt.wantErr != "" {
				e, ok := valid.As(err)
				if !ok || e["file"] != tt.wantErr || !files.IsRefused(err) {
					t.Fatalf("Check(%q) err = %v, want file: %s", tt.file, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Check(%q): %v", tt.file, err)
			}
			if up.ContentType != tt.wantType || up.Name != tt.wantName || len(up.SHA256) != 64 || !bytes.Equal(up.Data, tt.content) {
				t.Errorf("Check(%q) = %q %q sha %q, want %q %q", tt.file, up.Name, up.ContentType, up.SHA256, tt.wantName, tt.wantType)
			}
		})
	}
}

func TestMaxSizeExactlyAccepted(t *testing.T) {
	t.Parallel()
	data := append([]byte("%PDF-1.7\n"), make([]byte, files.MaxSize-9)...)
	if _, err := files.Check("a.pdf", bytes.NewReader(data)); err != nil {
		t.Fatalf("a file of exactly MaxSize: %v", err)
	}
}

func TestCleanName(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Kế hoạch ", 40) + ".docx"
	tests := []struct{ in, want string }{
		{"a/b/c.pdf", "c.pdf"},
		{`..\..\x.pdf`, "x.pdf"},
		{"  bad<>:\"|?*name.pdf  ", "badname.pdf"},
		{"tab\tand\nnewline.pdf", "tab and newline.pdf"},
		{"...", ""},
		{"a.pdf.", "a.pdf"},
	}
	for _, tt := range tests {
		if got := files.CleanName(tt.in); got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	got := files.CleanName(long)
	if utf8.RuneCountInString(got) != files.MaxNameLen || !strings.HasSuffix(got, ".docx") {
		t.Errorf("CleanName(long) = %d runes %q", utf8.RuneCountInString(got), got)
	}
}

func TestSaveOpenDeduplicates(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := files.NewStore(d)
		pdf := samples(t)["pdf"]
		a, err := s.Save(ctx, nil, "a.pdf", bytes.NewReader(pdf), 0)
		if err != nil {
			t.Fatal(err)
		}
		var b files.File
		err = d.InTx(ctx, func(tx *sqlx.Tx) error {
			var err error
			b, err = s.Save(ctx, tx, "b.pdf", bytes.NewReader(pdf), 0)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if a.ID == b.ID || a.SHA256 != b.SHA256 || a.Size != int64(len(pdf)) || a.UploadedBy != nil {
			t.Fatalf("saved %+v and %+v", a, b)
		}
		var blobs int
		if err := d.GetContext(ctx, &blobs, `SELECT COUNT(*) FROM file_blobs`); err != nil || blobs != 1 {
			t.Fatalf("blobs = %d, %v; want the content stored once", blobs, err)
		}
		got, data, err := s.Open(ctx, b.ID)
		if err != nil || got.Name != "b.pdf" || got.ContentType != "application/pdf" || !bytes.Equal(data, pdf) {
			t.Fatalf("Open = %+v, %d bytes, %v", got, len(data), err)
		}
		if _, _, err := s.Open(ctx, 999999); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Open(999999) err = %v, want ErrNotFound", err)
		}
		// A refused file stores nothing.
		if _, err := s.Save(ctx, nil, "x.pdf", bytes.NewReader(samples(t)["exe"]), 0); !files.IsRefused(err) {
			t.Fatalf("Save(exe) err = %v", err)
		}
		var n int
		if err := d.GetContext(ctx, &n, `SELECT COUNT(*) FROM files`); err != nil || n != 2 {
			t.Errorf("files = %d, %v; want 2", n, err)
		}
		rows, total, err := audit.List(ctx, d, audit.Filter{Entity: "file"})
		if err != nil || total != 2 || rows[0].Summary != "Tải lên tệp b.pdf" {
			t.Errorf("audit = %d rows (%v), first %+v", total, err, rows)
		}
	})
}
