package docgen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/doctable"
)

func TestPlaceDate(t *testing.T) {
	tests := []struct {
		place string
		date  civil.Date
		want  string
	}{
		{"Phú Sơn", civil.New(2026, time.March, 5), "Phú Sơn, ngày 05 tháng 3 năm 2026"},
		{"Sóc Trăng", civil.New(2012, time.February, 20), "Sóc Trăng, ngày 20 tháng 02 năm 2012"},
		{"Sóc Trăng", civil.New(2012, time.January, 9), "Sóc Trăng, ngày 09 tháng 01 năm 2012"},
		{"Hà Nội", civil.New(2025, time.December, 31), "Hà Nội, ngày 31 tháng 12 năm 2025"},
		{"", civil.New(2025, time.October, 10), "Ngày 10 tháng 10 năm 2025"},
		{" Phú Sơn ", civil.Date{}, "Phú Sơn, ngày      tháng      năm"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := PlaceDate(tt.place, tt.date); got != tt.want {
				t.Errorf("PlaceDate(%q, %v) = %q, want %q", tt.place, tt.date, got, tt.want)
			}
		})
	}
}

func TestRoman(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{1, "I"}, {2, "II"}, {4, "IV"}, {9, "IX"}, {14, "XIV"}, {40, "XL"}, {1990, "MCMXC"}, {0, "0"}, {4000, "4000"}}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Roman(tt.n); got != tt.want {
				t.Errorf("Roman(%d) = %q, want %q", tt.n, got, tt.want)
			}
		})
	}
}

func TestColumnWidths(t *testing.T) {
	tests := []struct {
		name    string
		weights []int
		cols    int
		want    []int
	}{
		{"weighted", []int{1, 3}, 2, []int{textWidth / 4, textWidth * 3 / 4}},
		{"no weights", nil, 3, []int{textWidth / 3, textWidth / 3, textWidth / 3}},
		{"wrong length", []int{1}, 2, []int{textWidth / 2, textWidth / 2}},
		{"zero weight", []int{0, 1}, 2, []int{textWidth / 2, textWidth / 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := columnWidths(tt.weights, tt.cols)
			if len(got) != len(tt.want) {
				t.Fatalf("columnWidths = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("columnWidths = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func sample() Document {
	return Document{
		Parent:  "Ủy ban nhân dân tỉnh Phú Sơn",
		Issuer:  "Sở Nội vụ",
		Number:  "Số: 09/BC-SNV",
		Place:   "Phú Sơn",
		Date:    civil.New(2026, time.March, 5),
		Kind:    "Báo cáo",
		Summary: "Kết quả công tác cải cách hành chính quý I năm 2026",
		Bases:   []string{"Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước;"},
		Body: []Block{
			Heading(1, "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
			Paragraph("Đã công khai 100% thủ tục hành chính <đúng hạn> & đầy đủ.\nTiếp nhận 1.250 hồ sơ."),
			TableBlock(Table{Header: [][]string{{"STT", "Chỉ tiêu", "Số liệu"}},
				Rows:   []Row{{Cells: []string{"I", "Thủ tục hành chính", ""}, Bold: true}, {Cells: []string{"1", "Hồ sơ đã giải quyết", "1.200"}}},
				Widths: []int{1, 6, 2}, Align: []Align{Center, Left, Right}}),
		},
		Appendices: []Appendix{{Title: "BIỂU SỐ LIỆU", Summary: "(Kèm theo Báo cáo số 09/BC-SNV)",
			Table: Table{Header: [][]string{{"STT", "Chỉ tiêu"}}, Rows: []Row{{Cells: []string{"1", "Văn bản điện tử"}}}}}},
		SignAuthority: "KT. Giám đốc",
		SignTitle:     "Phó Giám đốc",
		Signer:        "Nguyễn Văn An",
		Recipients:    []string{"UBND tỉnh;", "Bộ Nội vụ;", "- Lưu: VT, SNV."},
	}
}

// allText returns every paragraph and cell text of a document read back
// by doctable, one per line.
func allText(t *testing.T, data []byte) string {
	t.Helper()
	doc, err := doctable.Read("bao-cao.docx", data)
	if err != nil {
		t.Fatalf("doctable.Read: %v", err)
	}
	var b strings.Builder
	for _, bl := range doc.Blocks {
		b.WriteString(bl.Text + "\n")
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r.Cells {
					b.WriteString(c.Text + "\n")
				}
			}
		}
	}
	return b.String()
}

func TestWriteDOCX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]bool{}
	for _, f := range zr.File {
		parts[f.Name] = true
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		rc.Close()
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/header1.xml"} {
		if !parts[p] {
			t.Errorf("part %s missing", p)
		}
	}
	text := allText(t, buf.Bytes())
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN TỈNH PHÚ SƠN", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Số: 09/BC-SNV", "Phú Sơn, ngày 05 tháng 3 năm 2026", "BÁO CÁO", "Kết quả công tác cải cách hành chính quý I năm 2026",
		"Căn cứ Nghị định số 09/2019/NĐ-CP", "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Đã công khai 100% thủ tục hành chính <đúng hạn> & đầy đủ.",
		"Tiếp nhận 1.250 hồ sơ.", "Hồ sơ đã giải quyết", "1.200", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, SNV.",
		"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An", "Phụ lục I", "BIỂU SỐ LIỆU", "Văn bản điện tử",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("document text lacks %q:\n%s", want, text)
		}
	}
	doc := part(t, zr, "word/document.xml")
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`, `w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`, `<w:tblHeader/>`, `<w:jc w:val="both"/>`,
		`<w:headerReference w:type="default" r:id="rId3"/>`, `<w:titlePg/></w:sectPr>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	// Page numbers: centred in the top margin, from the second page.
	for name, want := range map[string]string{
		"word/header1.xml":             `<w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE ">`,
		"word/_rels/document.xml.rels": `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`,
		"[Content_Types].xml":          `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`,
	} {
		if !strings.Contains(part(t, zr, name), want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	if !strings.Contains(part(t, zr, "word/styles.xml"), `w:ascii="Times New Roman"`) {
		t.Error("styles do not set Times New Roman")
	}

	// Equal documents give equal bytes.
	var again bytes.Buffer
	if err := WriteDOCX(&again, sample()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two writes of the same document differ")
	}
	checkWithLibreOffice(t, buf.Bytes())
}

func part(t *testing.T, zr *zip.Reader, name string) string {
	t.Helper()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkWithLibreOffice converts the document to text with LibreOffice
// when it is installed, as a second opinion that the file opens.
func checkWithLibreOffice(t *testing.T, data []byte) {
	path, err := exec.LookPath("libreoffice")
	if err != nil {
		t.Log("libreoffice not installed: the file is checked by doctable only")
		return
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "bao-cao.docx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(path, "--headless", "--convert-to", "txt:Text", "--outdir", dir, in).CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	txt, err := os.ReadFile(filepath.Join(dir, "bao-cao.txt"))
	if err != nil {
		t.Fatalf("libreoffice wrote no text: %v\n%s", err, out)
	}
	if !strings.Contains(string(txt), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
		t.Errorf("LibreOffice's text lacks the national name:\n%s", txt)
	}
}

func TestWriteDOCXEmpty(t *testing.T) {
	// A document with nothing but the mandatory header still opens.
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, Document{Issuer: "Sở Nội vụ", Kind: "Báo cáo"}); err != nil {
		t.Fatal(err)
	}
	text := allText(t, buf.Bytes())
	for _, want := range []string{"SỞ NỘI VỤ", "BÁO CÁO", "Ngày tháng năm", "Nơi nhận:"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}
