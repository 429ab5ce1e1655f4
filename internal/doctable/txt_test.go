package doctable

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestReadTXT(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []Block
	}{
		{
			name: "tab layout: cells, continuation lines, rows ended by a blank line",
			text: "Phụ lục số I.\n\tSTT\n\tNHIỆM VỤ\n\n\t1\n\ta) Rà soát\n\tSở Tư pháp.\n\ta) Thời hạn: Năm 2013.\nb) Kết quả: Báo cáo.\n\n\n\u00a0\nCuối\n",
			want: []Block{
				textBlock("Phụ lục số I.", "line 1"),
				tableBlock("line 2",
					row("line 2", c("STT"), c("NHIỆM VỤ")),
					row("line 5", c("1"), c("a) Rà soát"), c("Sở Tư pháp."), c("a) Thời hạn: Năm 2013.\nb) Kết quả: Báo cáo."))),
				textBlock("", "line 12"),
				textBlock("Cuối", "line 13"),
			},
		},
		{
			name: "one blank line then untabbed text: an empty paragraph of the cell",
			text: "\tA\n\t1....\n\n2....\n\tB\n\n\tC\n",
			want: []Block{tableBlock("line 1",
				row("line 1", c("A"), c("1....\n\n2...."), c("B")),
				row("line 7", c("C")))},
		},
		{
			name: "blank lines inside a row narrower than the first row: the row goes on",
			text: "\tA\n\tB\n\tC\n\n\t\n\tx\n\n\n\t\n\n\t1\n\t2\n\t3\n",
			want: []Block{tableBlock("line 1",
				row("line 1", c("A"), c("B"), c("C")),
				row("line 5", c(""), c("x"), c("")),
				row("line 11", c("1"), c("2"), c("3")))},
		},
		{
			name: "an empty cell is a line with only a tab; a paragraph ends the table",
			text: "\t\n\tX\n\n\nGiữa hai bảng\n\tY\n",
			want: []Block{
				tableBlock("line 1", row("line 1", c(""), c("X"))),
				textBlock("Giữa hai bảng", "line 5"),
				tableBlock("line 6", row("line 6", c("Y"))),
			},
		},
		{
			name: "paragraph layout: every non-blank line, spaces collapsed",
			text: "STT\r\n\r\nNỘI  DUNG CÔNG VIỆC\r\n\r\n \u00a0 \r\n\r\n  1  \r",
			want: []Block{
				textBlock("STT", "line 1"),
				textBlock("NỘI DUNG CÔNG VIỆC", "line 3"),
				textBlock("", "line 5"),
				textBlock("1", "line 7"),
			},
		},
		{
			name: "byte order mark and old Mac line ends",
			text: "\ufeffMột\rHai",
			want: []Block{textBlock("Một", "line 1"), textBlock("Hai", "line 2")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := Read("kehoach.txt", []byte(tt.text))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Format != TXT {
				t.Errorf("Format = %q, want %q", doc.Format, TXT)
			}
			if !reflect.DeepEqual(doc.Blocks, tt.want) {
				t.Errorf("Blocks:\n got %s\nwant %s", dump(doc.Blocks), dump(tt.want))
			}
		})
	}
}

func TestReadTXTUTF16(t *testing.T) {
	t.Parallel()
	const text = "Kế hoạch\r\n\tSở Nội vụ\r\n\t𝐀 ngoài BMP\r\n"
	units := utf16.Encode([]rune(text))
	le, be := []byte{0xFF, 0xFE}, []byte{0xFE, 0xFF}
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
	}
	want := []Block{
		textBlock("Kế hoạch", "line 1"),
		tableBlock("line 2", row("line 2", c("Sở Nội vụ"), c("𝐀 ngoài BMP"))),
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"little endian", le},
		{"big endian", be},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("kehoach.txt", tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if !reflect.DeepEqual(doc.Blocks, want) {
				t.Errorf("Blocks:\n got %s\nwant %s", dump(doc.Blocks), dump(want))
			}
		})
	}
}

// readSeed reads one of the shared sample documents.
func readSeed(t *testing.T, name string) Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", name))
	if err != nil {
		data, err = os.ReadFile(filepath.Join("/work/shared/seeds", name))
	}
	if err != nil {
		t.Fatalf("seed %s: %v", name, err)
	}
	doc, err := Read(name, data)
	if err != nil {
		t.Fatalf("Read %s: %v", name, err)
	}
	return doc
}

// tables returns the document's tables in order.
func tables(doc Document) []*Table {
	var out []*Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

// blockAt returns the block whose Source is source.
func blockAt(t *testing.T, doc Document, source string) Block {
	t.Helper()
	for _, b := range doc.Blocks {
		if b.Source == source {
			return b
		}
	}
	t.Fatalf("no block at %q", source)
	return Block{}
}

// rowAt returns the row whose Source is source.
func rowAt(t *testing.T, doc Document, source string) Row {
	t.Helper()
	for _, tb := range tables(doc) {
		for _, r := range tb.Rows {
			if r.Source == source {
				return r
			}
		}
	}
	t.Fatalf("no row at %q", source)
	return Row{}
}

func TestReadSeedThanhHoa(t *testing.T) {
	t.Parallel()
	doc := readSeed(t, "thanhhoa-2012-par-plan-2011-2015.txt")
	ts := tables(doc)
	wantRows := []int{10, 9, 13, 12, 7, 6} // Phụ lục số I to VI, header rows included
	if len(ts) != len(wantRows) {
		t.Fatalf("%d tables, want %d", len(ts), len(wantRows))
	}
	for i, tb := range ts {
		if len(tb.Rows) != wantRows[i] {
			t.Errorf("table %d: %d rows, want %d", i+1, len(tb.Rows), wantRows[i])
		}
		for _, r := range tb.Rows {
			if len(r.Cells) != 4 {
				t.Errorf("table %d, %s: %d cells %q, want 4", i+1, r.Source, len(r.Cells), texts(r))
			}
		}
	}
	if got := blockAt(t, doc, "line 83").Text; got != "Phụ lục số I. CẢI CÁCH THỂ CHẾ: Sở Tư pháp chịu trách nhiệm chủ trì." {
		t.Errorf("line 83 = %q", got)
	}
	tests := []struct {
		source string
		want   []string
	}{
		{"line 84", []string{"STT", "NHIỆM VỤ CỤ THỂ TRỌNG TÂM", "CƠ QUAN THỰC HIỆN", "THỜI HẠN, KẾT QUẢ THỰC HIỆN"}},
		{"line 112", []string{
			"2",
			"a) Rà soát, hệ thống hóa văn bản quy phạm pháp luật; văn bản hành chính khác có chứa đựng quy phạm pháp luật do các cơ quan từ tỉnh đến cơ sở ban hành. Đến năm 2015, trên 70% văn bản thuộc loại này được rà soát, hệ thống hóa.",
			"Các Sở, ban, ngành cấp tỉnh; UBND cấp huyện; UBND cấp xã.",
			"a) Thời gian hoàn thành: Trước tháng 9 năm 2015.\nb) Kết quả: Kế hoạch thực hiện trong từng thời gian; Báo cáo kết quả rà soát, hệ thống hóa và sửa đổi, bổ sung hoặc kiến nghị sửa đổi, bổ sung bản 6 tháng 01 lần.",
		}},
		{"line 118", []string{"", "b) Sửa đổi, bổ sung theo thẩm quyền, hoặc kiến nghị cấp có thẩm quyền sửa đổi, bổ sung những quy định không phù hợp với thực tế; không đồng bộ, thống nhất giữa các văn bản; không hợp pháp; trái với các điều ước quốc tế mà Việt Nam đã ký kết hoặc gia nhập; không khả thi.", "", ""}},
	}
	for _, tt := range tests {
		if got := texts(rowAt(t, doc, tt.source)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("row at %s:\n got %q\nwant %q", tt.source, got, tt.want)
		}
	}
	want := "a) Thời hạn hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: Quyết định ban hành của cấp có thẩm quyền."
	if got := rowAt(t, doc, "line 94").Cells[3].Text; got != want {
		t.Errorf("line 94, cell 4 = %q, want %q", got, want)
	}
	first := rowAt(t, doc, "line 89")
	if first.Cells[1].Text != first.Cells[2].Text || !strings.HasPrefix(first.Cells[1].Text, "Đổi mới và nâng cao chất lượng") {
		t.Errorf("line 89: a merged cell's repeated text expected, got %q", texts(first))
	}
}

func TestReadSeedGuidance(t *testing.T) {
	t.Parallel()
	doc := readSeed(t, "guidance-2012-annual-par-plan-template.txt")
	ts := tables(doc)
	if len(ts) != 1 {
		t.Fatalf("%d tables, want 1", len(ts))
	}
	if len(ts[0].Rows) != 16 {
		t.Errorf("%d rows, want 16", len(ts[0].Rows))
	}
	for _, r := range ts[0].Rows {
		if len(r.Cells) != 8 {
			t.Errorf("%s: %d cells %q, want 8", r.Source, len(r.Cells), texts(r))
		}
	}
	tests := []struct {
		source string
		want   []string
	}{
		{"line 114", []string{"Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Kinh phí dự kiến (VNĐ)", "Ghi chú"}},
		{"line 123", []string{"I. Cải cách thể chế", "1……...", "1...........\n\n2……...", "", "", "Từ tháng/năm tới tháng/năm", "", ""}},
		{"line 134", []string{"", "2...........", "1……\n\n2……", "", "", "", "", ""}},
		{"line 256", []string{"", "2...........", "", "", "", "", "", ""}},
		{"line 267", []string{"Tổng kinh phí", "", "", "", "", "", "", ""}},
	}
	for _, tt := range tests {
		if got := texts(rowAt(t, doc, tt.source)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("row at %s:\n got %q\nwant %q", tt.source, got, tt.want)
		}
	}
	if got := blockAt(t, doc, "line 277").Text; got != "IV. TỔ CHỨC THỰC HIỆN" {
		t.Errorf("line 277 = %q: the paragraph after the table", got)
	}
}

func TestReadSeedSocTrang(t *testing.T) {
	t.Parallel()
	doc := readSeed(t, "soctrang-2012-par-plan-2011-2015.txt")
	if n := len(tables(doc)); n != 0 {
		t.Errorf("%d tables, want 0: the file has no tabs", n)
	}
	tests := []struct {
		source, want string
	}{
		{"line 207", "STT"},
		{"line 209", "NỘI DUNG CÔNG VIỆC"},
		{"line 217", "I"},
		{"line 219", "CẢI CÁCH THỂ CHẾ"},
		{"line 221", ""}, // a no-break space: an empty cell of the flattened table
		{"line 231", "Sở Tư pháp"},
		{"line 285", "Quý I, II năm 2012"},
	}
	for _, tt := range tests {
		if got := blockAt(t, doc, tt.source).Text; got != tt.want {
			t.Errorf("%s = %q, want %q", tt.source, got, tt.want)
		}
	}
	for _, b := range doc.Blocks {
		if b.Source == "line 208" || b.Source == "line 220" {
			t.Errorf("blank %s kept as a block", b.Source)
		}
	}
}
