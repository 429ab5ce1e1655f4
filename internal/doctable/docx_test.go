package doctable

import (
	"reflect"
	"testing"
)

func TestReadDOCX(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		want []Block
	}{
		{
			name: "paragraphs in order, empty ones skipped but counted",
			body: para("KẾ HOẠCH") + `<w:p/>` + para("   ") + para("Cải cách hành chính"),
			want: []Block{textBlock("KẾ HOẠCH", "paragraph 1"), textBlock("Cải cách hành chính", "paragraph 4")},
		},
		{
			name: "runs, tabs, breaks, symbols and spaces",
			body: `<w:p><w:r><w:t>Sở</w:t></w:r><w:r><w:t xml:space="preserve">  Nội` + "\u00a0" + `vụ </w:t><w:tab/><w:t>tỉnh</w:t><w:br/><w:t>dòng hai</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>`,
			want: []Block{textBlock("Sở Nội vụ tỉnh\ndòng hai", "paragraph 1")},
		},
		{
			name: "tracked changes: deleted text dropped, inserted text kept",
			body: `<w:p>` + run("Giữ ") + `<w:del w:id="1" w:author="A"><w:r><w:delText>bỏ đi </w:delText></w:r></w:del><w:ins w:id="2" w:author="A">` + run("thêm vào") + `</w:ins><w:moveFrom>` + run(" chuyển") + `</w:moveFrom></w:p>`,
			want: []Block{textBlock("Giữ thêm vào", "paragraph 1")},
		},
		{
			name: "fields show their result, not their instruction",
			body: `<w:p>` + run("Trang ") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run("3") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + `<w:fldSimple w:instr="NUMPAGES">` + run("/9") + `</w:fldSimple></w:p>`,
			want: []Block{textBlock("Trang 3/9", "paragraph 1")},
		},
		{
			name: "hyperlinks, smart tags and content controls keep their text",
			body: `<w:p><w:hyperlink w:anchor="x">` + run("Cổng ") + `</w:hyperlink><w:smartTag w:element="place">` + run("Sóc Trăng") + `</w:smartTag><w:sdt><w:sdtPr><w:alias w:val="ẩn"/></w:sdtPr><w:sdtContent>` + run(" 2012") + `</w:sdtContent></w:sdt></w:p>` +
				`<w:sdt><w:sdtPr/><w:sdtContent>` + para("Trong khối") + `</w:sdtContent></w:sdt>`,
			want: []Block{textBlock("Cổng Sóc Trăng 2012", "paragraph 1"), textBlock("Trong khối", "paragraph 2")},
		},
		{
			name: "drawings and text boxes are skipped",
			body: `<w:p>` + run("Trước") + `<w:r><w:drawing><w:txbxContent>` + para("hộp") + `</w:txbxContent></w:drawing></w:r>` + run(" sau") + `</w:p>`,
			want: []Block{textBlock("Trước sau", "paragraph 1")},
		},
		{
			name: "multi-paragraph cells, tables counted in order",
			body: para("Mở đầu") + tbl(
				tr(cell("STT"), cell("Nhiệm vụ")),
				tr(cell("1"), cell("a) Thời hạn hoàn thành: Trước tháng 6 năm 2013.", "b) Kết quả: Quyết định ban hành của cấp có thẩm quyền.")),
			) + para("Giữa") + tbl(tr(cell("", "Ô", "", "có dòng trống", ""))),
			want: []Block{
				textBlock("Mở đầu", "paragraph 1"),
				tableBlock("table 1",
					row("table 1, row 1", c("STT"), c("Nhiệm vụ")),
					row("table 1, row 2", c("1"), c("a) Thời hạn hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: Quyết định ban hành của cấp có thẩm quyền."))),
				textBlock("Giữa", "paragraph 2"),
				tableBlock("table 2", row("table 2, row 1", c("Ô\n\ncó dòng trống"))),
			},
		},
		{
			name: "horizontal merge: gridSpan gives copies",
			body: tbl(
				tr(tc(`<w:gridSpan w:val="3"/>`, para("Phụ lục số I. CẢI CÁCH THỂ CHẾ"))),
				tr(cell("1"), tc(`<w:gridSpan w:val="2"/>`, para("Rà soát")), cell("Sở Tư pháp")),
			),
			want: []Block{tableBlock("table 1",
				row("table 1, row 1", c("Phụ lục số I. CẢI CÁCH THỂ CHẾ"), m("Phụ lục số I. CẢI CÁCH THỂ CHẾ"), m("Phụ lục số I. CẢI CÁCH THỂ CHẾ")),
				row("table 1, row 2", c("1"), c("Rà soát"), m("Rà soát"), c("Sở Tư pháp")),
			)},
		},
		{
			name: "vertical merge: continuations copy the cell above, spans included",
			body: tbl(
				tr(cell("1"), tc(`<w:vMerge w:val="restart"/>`, para("Sở Nội vụ")), tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, para("Thường xuyên"))),
				tr(cell("2"), tc(`<w:vMerge/>`), tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>`)),
				tr(cell("3"), tc(`<w:vMerge/>`), cell("Quý I"), cell("2012")),
			),
			want: []Block{tableBlock("table 1",
				row("table 1, row 1", c("1"), c("Sở Nội vụ"), c("Thường xuyên"), m("Thường xuyên")),
				row("table 1, row 2", c("2"), m("Sở Nội vụ"), m("Thường xuyên"), m("Thường xuyên")),
				row("table 1, row 3", c("3"), m("Sở Nội vụ"), c("Quý I"), c("2012")),
			)},
		},
		{
			name: "gridBefore leaves empty cells, deleted rows are left out",
			body: tbl(
				tr(cell("A"), cell("B")),
				`<w:tr><w:trPr><w:del w:id="3" w:author="A"/></w:trPr>`+cell("xóa")+cell("xóa")+`</w:tr>`,
				`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+cell("B2")+`</w:tr>`,
			),
			want: []Block{tableBlock("table 1",
				row("table 1, row 1", c("A"), c("B")),
				row("table 1, row 2", c(""), c("B2")),
			)},
		},
		{
			name: "nested table: its rows appended to the cell text",
			body: tbl(tr(cell("1"), tc("", para("Cơ quan phối hợp:"), tbl(
				tr(cell("Sở Tư pháp"), cell("chủ trì")),
				tr(tc(`<w:gridSpan w:val="2"/>`, para("UBND cấp huyện"))),
			)), cell("2013"))),
			want: []Block{tableBlock("table 1",
				row("table 1, row 1", c("1"), c("Cơ quan phối hợp:\nSở Tư pháp | chủ trì\nUBND cấp huyện"), c("2013")),
			)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := Read("kehoach.docx", buildDOCX(t, docxParts{body: tt.body}))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Format != DOCX {
				t.Errorf("Format = %q, want %q", doc.Format, DOCX)
			}
			if !reflect.DeepEqual(doc.Blocks, tt.want) {
				t.Errorf("Blocks:\n got %s\nwant %s", dump(doc.Blocks), dump(tt.want))
			}
		})
	}
}

// testNumbering defines the lists of the numbering tests:
//
//	1: "1." then "a)" then "i."     2: "I."        3: bullets
//	4: "1." then "1.1."             5: "A." bound to style Muc, "(a)" to MucCon
//	6: list 1 starting at 5         7: list 1 again, a separate counter
const testNumbering = `
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="30">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="40">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="50">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/><w:pStyle w:val="Muc"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:pStyle w:val="MucCon"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="40"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="50"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="10"/></w:num>
`

const testStyles = `
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="Mục con"/><w:basedOn w:val="Muc"/></w:style>
<w:style w:type="paragraph" w:styleId="Gach"><w:name w:val="Gạch"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
`

func TestReadDOCXNumbering(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		paras []string
		want  []string
	}{
		{
			name:  "decimal and lowerLetter with a parenthesis, deeper levels restart",
			paras: []string{numPara(1, 0, "Một"), numPara(1, 1, "con"), numPara(1, 1, "con"), numPara(1, 2, "cháu"), numPara(1, 0, "Hai"), numPara(1, 1, "con")},
			want:  []string{"1. Một", "a) con", "b) con", "i. cháu", "2. Hai", "a) con"},
		},
		{
			name:  "upperRoman",
			paras: []string{numPara(2, 0, "Cải cách thể chế"), numPara(2, 0, "Cải cách TTHC"), numPara(2, 0, "Tổ chức bộ máy"), numPara(2, 0, "CBCCVC")},
			want:  []string{"I. Cải cách thể chế", "II. Cải cách TTHC", "III. Tổ chức bộ máy", "IV. CBCCVC"},
		},
		{
			name:  "bullets are dashes",
			paras: []string{numPara(3, 0, "Sở Tư pháp;"), numPara(3, 0, "Lưu: VT.")},
			want:  []string{"- Sở Tư pháp;", "- Lưu: VT."},
		},
		{
			name:  "multi-level",
			paras: []string{numPara(4, 0, "Mục tiêu"), numPara(4, 1, "chung"), numPara(4, 1, "cụ thể"), numPara(4, 0, "Nhiệm vụ"), numPara(4, 1, "thể chế")},
			want:  []string{"1. Mục tiêu", "1.1. chung", "1.2. cụ thể", "2. Nhiệm vụ", "2.1. thể chế"},
		},
		{
			name:  "numbering from the style, its level from the list, numId 0 removes it",
			paras: []string{styledPara("Muc", "Thể chế"), styledPara("MucCon", "văn bản"), styledPara("MucCon", "rà soát"), styledPara("Muc", "TTHC"), styledPara("Gach", "gạch"), `<w:p><w:pPr><w:pStyle w:val="Muc"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>` + run("không số") + `</w:p>`},
			want:  []string{"A. Thể chế", "(a) văn bản", "(b) rà soát", "B. TTHC", "- gạch", "không số"},
		},
		{
			name:  "startOverride, and counters per numId",
			paras: []string{numPara(6, 0, "năm"), numPara(6, 0, "sáu"), numPara(7, 0, "một"), numPara(1, 0, "một nữa")},
			want:  []string{"5. năm", "6. sáu", "1. một", "1. một nữa"},
		},
		{
			name:  "unknown list or level: no number",
			paras: []string{numPara(99, 0, "không có danh sách"), numPara(1, 7, "không có mức")},
			want:  []string{"không có danh sách", "không có mức"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var body string
			for _, p := range tt.paras {
				body += p
			}
			doc, err := Read("", buildDOCX(t, docxParts{body: body, numbering: testNumbering, styles: testStyles}))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var got []string
			for _, b := range doc.Blocks {
				got = append(got, b.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestReadDOCXNumberingAcrossTables checks that a list counts on through
// the cells of a table, as Word shows it.
func TestReadDOCXNumberingAcrossTables(t *testing.T) {
	t.Parallel()
	body := numPara(1, 0, "Trước bảng") + tbl(
		tr(tc("", numPara(1, 1, "trong ô"), numPara(1, 1, "trong ô")), cell("x")),
		tr(tc("", numPara(1, 0, "hàng hai")), cell("y")),
	) + numPara(1, 0, "Sau bảng")
	doc, err := Read("", buildDOCX(t, docxParts{body: body, numbering: testNumbering}))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	want := []Block{
		textBlock("1. Trước bảng", "paragraph 1"),
		tableBlock("table 1",
			row("table 1, row 1", c("a) trong ô\nb) trong ô"), c("x")),
			row("table 1, row 2", c("2. hàng hai"), c("y"))),
		textBlock("3. Sau bảng", "paragraph 2"),
	}
	if !reflect.DeepEqual(doc.Blocks, want) {
		t.Errorf("Blocks:\n got %s\nwant %s", dump(doc.Blocks), dump(want))
	}
}

func TestFormatNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "decimal", "1"},
		{7, "decimalZero", "07"},
		{1, "lowerLetter", "a"},
		{26, "lowerLetter", "z"},
		{27, "lowerLetter", "aa"},
		{28, "upperLetter", "BB"},
		{4, "lowerRoman", "iv"},
		{1999, "upperRoman", "MCMXCIX"},
		{0, "upperRoman", "0"},
		{5000, "lowerRoman", "5000"},
		{100000, "lowerLetter", "100000"},
		{3, "ordinal", "3"},
		{3, "none", ""},
	}
	for _, tt := range tests {
		t.Run(tt.format+"/"+tt.want, func(t *testing.T) {
			if got := formatNumber(tt.n, tt.format); got != tt.want {
				t.Errorf("formatNumber(%d, %q) = %q, want %q", tt.n, tt.format, got, tt.want)
			}
		})
	}
}
