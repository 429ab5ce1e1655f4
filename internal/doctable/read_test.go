package doctable

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rawZip zips one part whose header declares size bytes uncompressed,
// whatever content really inflates to.
func rawZip(t *testing.T, name string, content []byte, size uint64) []byte {
	t.Helper()
	var packed bytes.Buffer
	fw, err := flate.NewWriter(&packed, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               name,
		Method:             zip.Deflate,
		CRC32:              crc32.ChecksumIEEE(content),
		CompressedSize64:   uint64(packed.Len()),
		UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(packed.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadRefuses(t *testing.T) {
	t.Parallel()
	docx := buildDOCX(t, docxParts{body: para("Kế hoạch")})
	spaces := strings.Repeat(" ", 4<<20)
	small := func(change func(*limits)) limits {
		l := defaultLimits()
		change(&l)
		return l
	}
	tests := []struct {
		name string
		file string
		data []byte
		lim  limits // zero: the default limits
		want string // the message, or a part of it when partial
		part bool
	}{
		{
			name: "empty file", file: "kehoach.docx", data: nil,
			want: "Tệp “kehoach.docx” rỗng (0 byte): hãy chọn lại đúng tệp.",
		},
		{
			name: "too big", file: "kehoach.txt", data: bytes.Repeat([]byte("a"), MaxSize+1),
			want: "Tệp “kehoach.txt” quá lớn (hơn 20 MB): chỉ nhận tệp đến 20 MB. Hãy bỏ bớt hình ảnh hoặc tách tài liệu.",
		},
		{
			name: "Word 97-2003", file: "kehoach.doc", data: append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...),
			want: "Tệp Word 97-2003 (.doc) chưa đọc được: hãy mở bằng Word và lưu lại thành .docx.",
		},
		{
			name: "Excel 97-2003", file: "kehoach.XLS", data: []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
			want: "Tệp Excel 97-2003 (.xls) chưa đọc được: hãy mở bằng Excel và lưu lại thành .xlsx.",
		},
		{
			name: "old Office file under another name", file: "tai-lieu", data: []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
			want: "Tệp Word/Excel 97-2003 (.doc/.xls) chưa đọc được: hãy mở bằng Word/Excel và lưu lại thành .docx/.xlsx.",
		},
		{
			name: "PDF", file: "kehoach.pdf", data: []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"),
			want: "Tệp PDF không đọc được bảng: hãy dùng tệp Word (.docx) hoặc Excel (.xlsx) gốc của văn bản, hoặc chép nội dung sang tệp văn bản .txt.",
		},
		{
			name: "corrupt zip", file: "kehoach.docx", data: append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0x5A}, 100)...),
			want: "Tệp “kehoach.docx” bị hỏng, không đọc được như tài liệu Word: hãy mở bằng Word, lưu lại rồi gửi lại.",
		},
		{
			name: "truncated docx", file: "kehoach.docx", data: docx[:len(docx)/2],
			want: "bị hỏng, không đọc được như tài liệu Word", part: true,
		},
		{
			name: "corrupt XML", file: "kehoach.docx",
			data: zipParts(t, map[string]string{partDocument: `<w:document ` + testNS + `><w:body><w:p><w:r><w:t>Kế</w:r></w:p>`}),
			want: "bị hỏng, không đọc được như tài liệu Word", part: true,
		},
		{
			name: "corrupt numbering", file: "kehoach.docx",
			data: buildDOCX(t, docxParts{body: para("x"), numbering: `<w:num w:numId="1">`}),
			want: "bị hỏng", part: true,
		},
		{
			name: "zip of something else", file: "hoso.zip",
			data: zipParts(t, map[string]string{"hoso/kehoach.txt": "Kế hoạch"}),
			want: "Tệp “hoso.zip” là tệp nén nhưng không phải tài liệu Word (.docx) hay Excel (.xlsx): hãy chọn đúng tệp kế hoạch.",
		},
		{
			name: "OpenDocument", file: "kehoach.odt",
			data: zipParts(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}),
			want: "Tệp OpenDocument (.odt/.ods) chưa đọc được: hãy mở bằng LibreOffice hoặc Word/Excel và lưu lại thành .docx/.xlsx.",
		},
		{
			name: "zip bomb: a huge part packed tight", file: "kehoach.docx",
			data: zipParts(t, map[string]string{partDocument: `<w:document ` + testNS + `><w:body>` + spaces + `</w:body></w:document>`}),
			want: "Tệp “kehoach.docx” có phần nén bất thường (giải nén ra quá lớn so với kích thước tệp): hệ thống không đọc để tránh quá tải. Nếu đây là tài liệu thật, hãy mở bằng Word, lưu lại rồi gửi lại.",
		},
		{
			name: "zip bomb in a workbook", file: "kehoach.xlsx",
			data: zipParts(t, map[string]string{partWorkbook: `<workbook/>`, "xl/worksheets/sheet1.xml": `<worksheet>` + spaces + `</worksheet>`}),
			want: "có phần nén bất thường", part: true,
		},
		{
			name: "absurd declared size", file: "kehoach.docx",
			data: rawZip(t, partDocument, []byte(`<w:document/>`), 1<<40),
			want: "có phần nén bất thường", part: true,
		},
		{
			name: "part larger than declared", file: "kehoach.docx",
			data: rawZip(t, partDocument, []byte(`<w:document `+testNS+`><w:body>`+strings.Repeat(`<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>`, 50)+`</w:body></w:document>`), 100),
			want: "bị hỏng", part: true,
		},
		{
			name: "parts together beyond the budget", file: "kehoach.docx",
			data: buildDOCX(t, docxParts{body: strings.Repeat(para("Kế hoạch cải cách hành chính"), 12), styles: strings.Repeat(`<w:style w:styleId="x"/>`, 40)}),
			lim:  small(func(l *limits) { l.expanded = 1500 }),
			want: "Tệp “kehoach.docx” giải nén ra quá lớn (hơn 0 MB): hãy bỏ bớt hình ảnh hoặc tách tài liệu.",
		},
		{
			name: "one part beyond the budget", file: "kehoach.docx",
			data: buildDOCX(t, docxParts{body: strings.Repeat(para("Kế hoạch cải cách hành chính"), 30)}),
			lim:  small(func(l *limits) { l.expanded = 1500 }),
			want: "Tệp “kehoach.docx” giải nén ra quá lớn (hơn 0 MB): hãy bỏ bớt hình ảnh hoặc tách tài liệu.",
		},
		{
			name: "styles part too large", file: "kehoach.docx",
			data: buildDOCX(t, docxParts{body: para("x"), styles: strings.Repeat(`<w:style w:styleId="x"/>`, 100)}),
			lim:  small(func(l *limits) { l.settings = 1000 }),
			want: "Tệp “kehoach.docx” có phần định dạng (kiểu chữ, đánh số) lớn bất thường: hãy mở bằng Word, lưu lại rồi gửi lại.",
		},
		{
			name: "nesting too deep", file: "kehoach.docx",
			data: buildDOCX(t, docxParts{body: strings.Repeat(`<w:sdt><w:sdtContent>`, 200) + para("x") + strings.Repeat(`</w:sdtContent></w:sdt>`, 200)}),
			want: "có cấu trúc lồng nhau quá sâu", part: true,
		},
		{
			name: "text in an old Vietnamese encoding", file: "kehoach.txt", data: []byte("K\xd5 ho\xb9ch c\xb6i c\xb8ch h\xb5nh ch\xddnh"),
			want: "Tệp “kehoach.txt” không ở bảng mã Unicode UTF-8 (có thể là mã TCVN3 hay VNI cũ): hãy mở bằng Word và lưu lại thành .docx, hoặc lưu văn bản với bảng mã UTF-8.",
		},
		{
			name: "binary", file: "anh.png", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
			want: "Tệp “anh.png” không phải văn bản, tài liệu Word (.docx) hay Excel (.xlsx): không đọc được.",
		},
		{
			name: "binary named .docx", file: "C:\\Users\\sonv\\kehoach.docx", data: []byte("\x00\x01\x02garbage"),
			want: "Tệp “kehoach.docx” có đuôi .docx nhưng không phải tài liệu Word: có thể tệp bị hỏng hoặc bị đổi tên. Hãy mở bằng Word, lưu lại rồi gửi lại.",
		},
		{
			name: "web page saved as .xls", file: "baocao.xls", data: []byte("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><table><tr><td>1</td></tr></table>"),
			want: "Tệp “baocao.xls” là trang web (HTML), không phải tài liệu Word/Excel: hãy mở bằng Word/Excel và lưu lại thành .docx/.xlsx.",
		},
		{
			name: "RTF", file: "kehoach.rtf", data: []byte(`{\rtf1\ansi\deff0 {\fonttbl}}`),
			want: "Tệp RTF chưa đọc được: hãy mở bằng Word và lưu lại thành .docx.",
		},
		{
			name: "text without content", file: "", data: []byte("\r\n\n\n"),
			want: "Tệp không có bảng hay đoạn chữ nào để đọc.",
		},
		{
			name: "document without content", file: "kehoach.docx", data: buildDOCX(t, docxParts{body: `<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>`}),
			want: "Tệp “kehoach.docx” không có bảng hay đoạn chữ nào để đọc.",
		},
		{
			name: "too many rows (txt)", file: "kehoach.txt", data: []byte("\t1\n\n\t2\n\n\t3\n"),
			lim:  small(func(l *limits) { l.rows = 2 }),
			want: "Tệp “kehoach.txt” có quá nhiều dòng trong bảng (hơn 2 dòng): hãy tách thành nhiều tệp nhỏ hơn.",
		},
		{
			name: "too many rows (docx)", file: "kehoach.docx", data: buildDOCX(t, docxParts{body: tbl(tr(cell("1")), tr(cell("2")), tr(cell("3")))}),
			lim:  small(func(l *limits) { l.rows = 2 }),
			want: "có quá nhiều dòng trong bảng (hơn 2 dòng)", part: true,
		},
		{
			name: "too many rows (xlsx)", file: "kehoach.xlsx",
			data: buildXLSX(t, func(f *excelize.File) error { return setRows(f, "Kế hoạch", 1, []any{1}, []any{2}, []any{3}) }),
			lim:  small(func(l *limits) { l.rows = 2 }),
			want: "có quá nhiều dòng trong bảng (hơn 2 dòng)", part: true,
		},
		{
			name: "too many cells", file: "kehoach.docx", data: buildDOCX(t, docxParts{body: tbl(tr(tc(`<w:gridSpan w:val="999"/>`, para("x"))))}),
			lim:  small(func(l *limits) { l.cells = 100 }),
			want: "Tệp “kehoach.docx” có quá nhiều ô trong bảng (hơn 100 ô): hãy tách thành nhiều tệp nhỏ hơn.",
		},
		{
			name: "cell too long (txt)", file: "kehoach.txt", data: []byte("\tSTT\n\n\t1\n\t" + strings.Repeat("Rà soát văn bản. ", 6000) + "\n"),
			want: "Nội dung ô ở hàng bắt đầu tại dòng 3 của tệp “kehoach.txt” quá dài (hơn 100.000 byte): có thể tệp bị lỗi, hãy kiểm tra lại.",
		},
		{
			name: "cell too long (docx)", file: "kehoach.docx", data: buildDOCX(t, docxParts{body: tbl(tr(cell("STT")), tr(cell("1", "Rà soát văn bản quy phạm pháp luật")))}),
			lim:  small(func(l *limits) { l.cellBytes = 20 }),
			want: "Nội dung ô ở bảng 1, dòng 2 của tệp “kehoach.docx” quá dài (hơn 20 byte): có thể tệp bị lỗi, hãy kiểm tra lại.",
		},
		{
			name: "cell too long (xlsx)", file: "kehoach.xlsx",
			data: buildXLSX(t, func(f *excelize.File) error {
				return setRows(f, "Kế hoạch", 4, []any{"STT"}, []any{"Rà soát văn bản quy phạm pháp luật"})
			}),
			lim:  small(func(l *limits) { l.cellBytes = 20 }),
			want: "Nội dung ô ở trang tính “Kế hoạch”, dòng 5 của tệp “kehoach.xlsx” quá dài (hơn 20 byte): có thể tệp bị lỗi, hãy kiểm tra lại.",
		},
		{
			name: "paragraph too long (docx)", file: "kehoach.docx", data: buildDOCX(t, docxParts{body: para("Mở đầu") + para("Rà soát văn bản quy phạm pháp luật")}),
			lim:  small(func(l *limits) { l.cellBytes = 20 }),
			want: "Nội dung đoạn văn thứ 2 của tệp “kehoach.docx” quá dài (hơn 20 byte): có thể tệp bị lỗi, hãy kiểm tra lại.",
		},
		{
			name: "too many paragraphs", file: "kehoach.txt", data: []byte("một\nhai\nba\n"),
			lim:  small(func(l *limits) { l.blocks = 2 }),
			want: "Tệp “kehoach.txt” có quá nhiều đoạn văn (hơn 2 đoạn): hãy tách thành nhiều tệp nhỏ hơn.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			lim := tt.lim
			if lim == (limits{}) {
				lim = defaultLimits()
			}
			doc, err := read(tt.file, tt.data, lim)
			if err == nil {
				t.Fatalf("read accepted the file: %s", dump(doc.Blocks))
			}
			msg := refusal(t, err)
			if tt.part && !strings.Contains(msg, tt.want) || !tt.part && msg != tt.want {
				t.Errorf("message:\n got %q\nwant %q", msg, tt.want)
			}
		})
	}
}

// TestReadAcceptsNamesAsHints checks that the content decides the format:
// a text file named .doc is still read as text.
func TestReadAcceptsNamesAsHints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file string
		data       []byte
		format     string
	}{
		{"docx named .txt", "kehoach.txt", buildDOCX(t, docxParts{body: para("Kế hoạch")}), DOCX},
		{"text named .doc", "kehoach.doc", []byte("Kế hoạch"), TXT},
		{"text named .docx", "kehoach.docx", []byte("Kế hoạch"), TXT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.file, tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Format != tt.format || len(doc.Blocks) != 1 || doc.Blocks[0].Text != "Kế hoạch" {
				t.Errorf("got %s %s, want %s with one paragraph", doc.Format, dump(doc.Blocks), tt.format)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Sở Nội vụ", "Sở Nội vụ"},
		{"  Sở  Nội\u00a0\u00a0vụ ", "Sở Nội vụ"},
		{"Sở\tNội\u2003vụ", "Sở Nội vụ"},
		{" ", ""},
		{"\u00a0", ""},
		{"\n\na)  một\r\n\r\nb) hai \n \n", "a) một\n\nb) hai"},
		{"x\ry", "x\ny"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := cleanText(tt.in); got != tt.want {
				t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
