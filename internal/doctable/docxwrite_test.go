package doctable

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
)

// sampleBlocks is a plan appendix with every shape WriteDOCX knows.
func sampleBlocks() []Block {
	const head = "Phụ lục số I. CẢI CÁCH THỂ CHẾ: Sở Tư pháp chịu trách nhiệm chủ trì."
	return []Block{
		{Text: "KẾ HOẠCH"},
		{Text: "Cải cách hành chính giai đoạn 2011 - 2015\n(Ban hành kèm theo Quyết định số 1525/QĐ-UBND)"},
		{Table: &Table{Rows: []Row{
			{Cells: []Cell{c(head), m(head), m(head), m(head)}},
			{Cells: []Cell{c("STT"), c("NHIỆM VỤ"), c("CƠ QUAN THỰC HIỆN"), c("THỜI HẠN, KẾT QUẢ")}},
			{Cells: []Cell{c("1"), c("a) Quy định cụ thể chế độ trách nhiệm & <khuyến khích>"), c("Sở Tư pháp."), c("a) Thời hạn hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: Quyết định ban hành của cấp có thẩm quyền.")}},
			{Cells: []Cell{m("1"), c("b) Duy trì\n\nthu thập thông tin"), c("Các Sở, ban, ngành"), c("")}},
			{Cells: []Cell{c("2"), c("Gộp"), m("Gộp"), c("")}},
			{Cells: []Cell{c("3"), m("Gộp"), m("Gộp"), c("Năm 2014")}},
			{Cells: []Cell{c("Tổng kinh phí")}},
		}}},
		{Table: &Table{Rows: []Row{{Cells: []Cell{c("Bảng liền sau"), c("")}}}}},
		{Text: "Nơi nhận:"},
		{Table: &Table{Rows: []Row{{Cells: []Cell{c("Cuối")}}}}},
	}
}

// withoutSources returns blocks with every Source cleared.
func withoutSources(blocks []Block) []Block {
	out := make([]Block, len(blocks))
	for i, b := range blocks {
		out[i] = Block{Text: b.Text}
		if b.Table != nil {
			t := &Table{Name: b.Table.Name}
			for _, r := range b.Table.Rows {
				t.Rows = append(t.Rows, Row{Cells: r.Cells})
			}
			out[i].Table = t
		}
	}
	return out
}

func TestWriteDOCXRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		blocks []Block
	}{
		{"plan appendix", sampleBlocks()},
		{"paragraphs only", []Block{{Text: "Một"}, {Text: "Hai\nba"}}},
		{"merged block two by two", []Block{{Table: &Table{Rows: []Row{
			{Cells: []Cell{c("A"), m("A"), c("B")}},
			{Cells: []Cell{m("A"), m("A"), c("C")}},
			{Cells: []Cell{c("D"), c("E"), m("C")}},
		}}}}},
		{"rows of different lengths", []Block{{Table: &Table{Rows: []Row{
			{Cells: []Cell{c("1"), c("2"), c("3")}},
			{Cells: []Cell{c("4")}},
		}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := WriteDOCX(&buf, tt.blocks); err != nil {
				t.Fatalf("WriteDOCX: %v", err)
			}
			doc, err := Read("mau.docx", buf.Bytes())
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got := withoutSources(doc.Blocks); !reflect.DeepEqual(got, tt.blocks) {
				t.Errorf("round trip:\n got %s\nwant %s", dump(got), dump(tt.blocks))
			}
		})
	}
}

func TestLayoutRow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		above []span
		cells []Cell
		want  []span
	}{
		{
			name:  "plain cells",
			cells: []Cell{c("a"), c("a")},
			want:  []span{{0, 1, "a", false}, {1, 1, "a", false}},
		},
		{
			name:  "a merged copy widens the cell on its left",
			cells: []Cell{c("a"), m("a"), m("a"), c("b")},
			want:  []span{{0, 3, "a", false}, {3, 1, "b", false}},
		},
		{
			name:  "a merged copy under a cell continues it",
			above: []span{{0, 1, "x", false}, {1, 2, "y", false}},
			cells: []Cell{m("x"), m("y"), m("y")},
			want:  []span{{0, 1, "x", true}, {1, 2, "y", true}},
		},
		{
			name:  "a continuation stays as narrow as the cell above",
			above: []span{{0, 1, "x", false}, {1, 1, "z", false}},
			cells: []Cell{m("x"), m("x")},
			want:  []span{{0, 1, "x", true}, {1, 1, "x", false}},
		},
		{
			name:  "a merged copy fitting nothing is a plain cell",
			cells: []Cell{m("lạc")},
			want:  []span{{0, 1, "lạc", false}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := layoutRow(tt.cells, tt.above); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("layoutRow = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestWriteDOCXOpensInLibreOffice converts a written document to PDF with
// LibreOffice, when it is installed.
func TestWriteDOCXOpensInLibreOffice(t *testing.T) {
	office, err := exec.LookPath("libreoffice")
	if err != nil {
		if office, err = exec.LookPath("soffice"); err != nil {
			t.Skip("LibreOffice is not installed")
		}
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, sampleBlocks()); err != nil {
		t.Fatalf("WriteDOCX: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mau.docx"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(office, "--headless", "-env:UserInstallation=file://"+dir+"/profile", "--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, "mau.docx"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	if info, err := os.Stat(filepath.Join(dir, "mau.pdf")); err != nil || info.Size() == 0 {
		t.Fatalf("no PDF written: %v", err)
	}
}

// benchmarkTable is a 300-row, 8-column plan table.
func benchmarkTable() []Block {
	rows := make([]Row, 300)
	for i := range rows {
		n := strconv.Itoa(i + 1)
		rows[i].Cells = []Cell{
			c(n),
			c("Rà soát, hệ thống hóa văn bản quy phạm pháp luật số " + n),
			c("Báo cáo kết quả rà soát\nQuyết định công bố"),
			c("Sở Tư pháp"),
			c("Các Sở, ban, ngành cấp tỉnh; UBND cấp huyện"),
			c(fmt.Sprintf("Từ tháng %d/2013 tới tháng %d/2013", i%12+1, (i+3)%12+1)),
			c(strconv.Itoa(1500000 * (i + 1))),
			c(""),
		}
	}
	return []Block{{Text: "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2013"}, {Table: &Table{Rows: rows}}}
}

func BenchmarkReadDOCX(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, benchmarkTable()); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Read("kehoach.docx", data)
		if err != nil || len(doc.Blocks[1].Table.Rows) != 300 {
			b.Fatalf("Read: %v", err)
		}
	}
}
