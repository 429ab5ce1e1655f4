package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"cchc/internal/doctable"
)

// row builds a table row from texts; "=" copies the cell to its left and
// "^" the cell above, both marked Merged, as doctable reads merged cells.
func tableRows(rows ...[]string) []doctable.Row {
	out := make([]doctable.Row, len(rows))
	for i, r := range rows {
		for j, text := range r {
			c := doctable.Cell{Text: text}
			switch text {
			case "=":
				c = doctable.Cell{Text: out[i].Cells[j-1].Text, Merged: true}
			case "^":
				c = doctable.Cell{Text: out[i-1].Cells[j].Text, Merged: true}
			}
			out[i].Cells = append(out[i].Cells, c)
		}
	}
	return out
}

// docxRoundTrip writes blocks as a .docx and reads it back, so fixtures go
// through the real Word reader.
func docxRoundTrip(t *testing.T, blocks []doctable.Block) doctable.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := doctable.WriteDOCX(&buf, blocks); err != nil {
		t.Fatal(err)
	}
	doc, err := doctable.Read("ke-hoach.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func titleBlocks(texts ...string) []doctable.Block {
	var out []doctable.Block
	for _, s := range texts {
		out = append(out, doctable.Block{Text: s})
	}
	return out
}

// TestDOCXMergedCellsGroupsBudget: a Word plan with a header, letter
// groups above roman sections (rows merged across the table), a lead cell
// merged down over two tasks, a bullet sub-row, amounts and a total row.
func TestDOCXMergedCellsGroupsBudget(t *testing.T) {
	rows := tableRows(
		[]string{"TT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Kinh phí (đồng)", "Ghi chú"},
		[]string{"A", "NHÓM NHIỆM VỤ THƯỜNG XUYÊN", "=", "=", "=", "=", "=", "="},
		[]string{"I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "=", "=", "=", "=", "=", "="},
		[]string{"1", "Ban hành kế hoạch CCHC năm 2028", "Kế hoạch", "Sở Nội vụ", "Các sở, ban, ngành", "Quý IV năm 2027", "50.000.000", ""},
		[]string{"2", "Kiểm tra công tác CCHC", "Báo cáo kết quả kiểm tra", "Sở Nội vụ", "VP UBND tỉnh", "Hàng quý", "120.000.000", "Ít nhất 30% cơ quan"},
		[]string{"", "- Kiểm tra các sở, ngành", "", "", "", "", "", ""},
		[]string{"II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "=", "=", "=", "=", "=", "="},
		[]string{"1", "Rà soát, đơn giản hóa thủ tục hành chính", "Quyết định phê duyệt", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Trước 30/6/2027", "", ""},
		[]string{"2", "Công bố thủ tục hành chính", "Quyết định công bố", "^", "Sở TT&TT", "Thường xuyên", "", ""},
		[]string{"B", "NHÓM NHIỆM VỤ CẦN ĐẦU TƯ", "=", "=", "=", "=", "=", "="},
		[]string{"III", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ", "=", "=", "=", "=", "=", "="},
		[]string{"1", "Nâng cấp Cổng dịch vụ công của tỉnh", "Cổng dịch vụ công", "Sở Thông tin và Truyền thông", "UBND cấp huyện, xã", "Năm 2027", "1.250.000.000", ""},
		[]string{"", "Tổng cộng", "=", "=", "=", "=", "1.420.000.000", ""},
	)
	doc := docxRoundTrip(t, append(titleBlocks("ỦY BAN NHÂN DÂN TỈNH PHÚ SƠN", "KẾ HOẠCH", "Cải cách hành chính năm 2027"),
		doctable.Block{Table: &doctable.Table{Rows: rows}}))
	res := Read(doc, Options{Areas: refAreas(t, 2027)})
	if res.Year != 2027 {
		t.Errorf("year = %d, want 2027 from the title", res.Year)
	}
	want := []seedTask{
		{"1", "", "Công tác chỉ đạo, điều hành CCHC", "Sở Nội vụ", "@provincial_agencies", "Quý IV năm 2027", "2027-12-31", "", "Ban hành kế hoạch", "Kế hoạch"},
		{"2", "", "Công tác chỉ đạo, điều hành CCHC", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Hàng quý", "2027-12-31", "quarterly", "Kiểm tra công tác", "Báo cáo kết quả"},
		{"-", "2", "Công tác chỉ đạo, điều hành CCHC", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Hàng quý", "2027-12-31", "quarterly", "Kiểm tra các sở", "Báo cáo kết quả"},
		{"1", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Trước 30/6/2027", "2027-06-30", "", "Rà soát", "Quyết định phê duyệt"},
		{"2", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông", "Thường xuyên", "", "continuous", "Công bố", "Quyết định công bố"},
		{"1", "", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "Sở Thông tin và Truyền thông", "@districts; @communes", "Năm 2027", "2027-12-31", "", "Nâng cấp Cổng", "Cổng dịch vụ công"},
	}
	checkSeed(t, res, want)
	if len(res.Tasks) == len(want) {
		groups := []string{"NHÓM NHIỆM VỤ THƯỜNG XUYÊN", "NHÓM NHIỆM VỤ THƯỜNG XUYÊN", "NHÓM NHIỆM VỤ THƯỜNG XUYÊN",
			"NHÓM NHIỆM VỤ THƯỜNG XUYÊN", "NHÓM NHIỆM VỤ THƯỜNG XUYÊN", "NHÓM NHIỆM VỤ CẦN ĐẦU TƯ"}
		budgets := []int64{50_000_000, 120_000_000, 0, 0, 0, 1_250_000_000}
		for i, task := range res.Tasks {
			if task.Group != groups[i] {
				t.Errorf("task %d group = %q, want %q", i, task.Group, groups[i])
			}
			var b int64
			if task.BudgetVND != nil {
				b = *task.BudgetVND
			}
			if b != budgets[i] {
				t.Errorf("task %d budget = %d, want %d", i, b, budgets[i])
			}
		}
		if res.Tasks[1].Notes != "Ít nhất 30% cơ quan" || res.Tasks[1].Key != "A/I/2" || res.Tasks[2].Key != "A/I/2/#1" {
			t.Errorf("task 2: notes %q, key %q; sub-task key %q", res.Tasks[1].Notes, res.Tasks[1].Key, res.Tasks[2].Key)
		}
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

// TestDOCXNoHeader: a table with no header row; its columns are inferred
// from their content (numbers, long texts, agency names, deadlines).
func TestDOCXNoHeader(t *testing.T) {
	rows := tableRows(
		[]string{"1", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do tỉnh ban hành", "Sở Tư pháp", "Sở, ban, ngành tỉnh", "Quý II năm 2027"},
		[]string{"2", "Kiểm soát việc ban hành mới các thủ tục hành chính thuộc thẩm quyền", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Thường xuyên"},
		[]string{"", "a) Đánh giá tác động thủ tục hành chính trong dự thảo văn bản", "Văn phòng UBND tỉnh", "", "Hàng năm"},
		[]string{"3", "Đào tạo, bồi dưỡng cán bộ, công chức cấp xã về cải cách hành chính", "Sở Nội vụ", "UBND cấp huyện", "Năm 2027"},
	)
	doc := docxRoundTrip(t, []doctable.Block{{Table: &doctable.Table{Rows: rows}}})
	res := Read(doc, Options{Year: 2027, Areas: refAreas(t, 2027)})
	if len(res.Tables) != 1 || !res.Tables[0].Guessed {
		t.Fatalf("tables = %+v, want one with guessed columns", res.Tables)
	}
	checkSeed(t, res, []seedTask{
		{"1", "", "", "Sở Tư pháp", "@provincial_agencies", "Quý II năm 2027", "2027-06-30", "", "Rà soát, hệ thống hóa", ""},
		{"2", "", "", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Thường xuyên", "", "continuous", "Kiểm soát việc ban hành", ""},
		{"a", "2", "", "Văn phòng UBND tỉnh", "", "Hàng năm", "2027-12-31", "yearly", "Đánh giá tác động", ""},
		{"3", "", "", "Sở Nội vụ", "@districts", "Năm 2027", "2027-12-31", "", "Đào tạo, bồi dưỡng", ""},
	})
}

// TestXLSXSheetAndTwoRowHeader: a workbook whose first sheet is notes and
// whose plan sheet has a two-row header (Thời gian: Bắt đầu, Hoàn thành), a
// section row merged across, a budget in millions and a sub-row with its
// own agencies.
func TestXLSXSheetAndTwoRowHeader(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Hướng dẫn")
	f.SetCellValue("Hướng dẫn", "A1", "Điền kế hoạch vào trang Kế hoạch.")
	sh := "Kế hoạch"
	f.NewSheet(sh)
	data := [][]any{
		{"STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", nil, "Kinh phí (triệu đồng)"},
		{nil, nil, nil, nil, "Bắt đầu", "Hoàn thành", nil},
		{"I", "CẢI CÁCH TÀI CHÍNH CÔNG"},
		{1, "Giao quyền tự chủ cho đơn vị sự nghiệp công lập", "Sở Tài chính", "Sở Nội vụ", "01/2027", "tháng 6/2027", "1,5"},
		{nil, "Hướng dẫn lập phương án tự chủ", "Sở Tài chính", "Các đơn vị sự nghiệp công lập", "", "", ""},
		{2, "Công khai tài chính ngân sách", "Sở Tài chính", "", "", "Quý IV năm 2027", 200},
	}
	for i, r := range data {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"E1", "F1"}, {"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"G1", "G2"}, {"B3", "G3"}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := doctable.Read("ke-hoach.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	res := Read(doc, Options{Year: 2027, Areas: refAreas(t, 2027)})
	checkSeed(t, res, []seedTask{
		{"1", "", "Cải cách tài chính công", "Sở Tài chính", "Sở Nội vụ", "Từ 01/2027 đến tháng 6/2027", "2027-06-30", "", "Giao quyền tự chủ", ""},
		{"", "1", "Cải cách tài chính công", "Sở Tài chính", "@public_service_units", "Từ 01/2027 đến tháng 6/2027", "2027-06-30", "", "Hướng dẫn lập phương án", ""},
		{"2", "", "Cải cách tài chính công", "Sở Tài chính", "", "Quý IV năm 2027", "2027-12-31", "", "Công khai tài chính", ""},
	})
	if len(res.Tasks) == 3 {
		if b := res.Tasks[0].BudgetVND; b == nil || *b != 1_500_000 {
			t.Errorf("task 1 budget = %v, want 1.500.000", b)
		}
		if b := res.Tasks[2].BudgetVND; b == nil || *b != 200_000_000 {
			t.Errorf("task 2 budget = %v, want 200.000.000", b)
		}
		if res.Tasks[0].Source != "sheet Kế hoạch, row 4" {
			t.Errorf("source = %q", res.Tasks[0].Source)
		}
	}
	// Choosing the notes sheet finds nothing.
	if got := Read(doc, Options{Year: 2027, Sheet: "Hướng dẫn"}); len(got.Tasks) != 0 {
		t.Errorf("sheet Hướng dẫn gave %d tasks", len(got.Tasks))
	}
}

// tabText writes rows in the tab layout of text extractions.
func tabText(title string, rows ...[]string) []byte {
	var b bytes.Buffer
	b.WriteString(title + "\n")
	for _, r := range rows {
		for _, c := range r {
			b.WriteString("\t" + c + "\n")
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// TestTXTOtherLayouts: a header in two rows ("Cơ quan thực hiện" over
// "Chủ trì" and "Phối hợp"), sections numbered 1, 2 with tasks 1.1, 1.2,
// a section heading in ordinary case with no number, and two budget
// columns that add up.
func TestTXTOtherLayouts(t *testing.T) {
	data := tabText("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2028",
		[]string{"TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian hoàn thành", "Kinh phí", ""},
		[]string{"", "", "Chủ trì", "Phối hợp", "", "Ngân sách tỉnh", "Nguồn khác"},
		[]string{"1", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""},
		[]string{"1.1", "Xây dựng kế hoạch kiểm tra văn bản quy phạm pháp luật", "Sở Tư pháp", "Sở Nội vụ", "Quý I năm 2028", "100.000.000", "20.000.000"},
		[]string{"1.2", "Tự kiểm tra văn bản do tỉnh ban hành", "Sở Tư pháp", "", "Hằng năm", "", ""},
		[]string{"", "Cải cách tài chính công", "", "", "", "", ""},
		[]string{"2.1", "Thực hiện cơ chế tự chủ tài chính", "Sở Tài chính", "Các đơn vị sự nghiệp công lập", "Năm 2028", "", ""},
	)
	doc, err := doctable.Read("ke-hoach.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	res := Read(doc, Options{Areas: refAreas(t, 2028)})
	if res.Year != 2028 {
		t.Errorf("year = %d", res.Year)
	}
	checkSeed(t, res, []seedTask{
		{"1.1", "", "Cải cách thể chế", "Sở Tư pháp", "Sở Nội vụ", "Quý I năm 2028", "2028-03-31", "", "Xây dựng kế hoạch kiểm tra", ""},
		{"1.2", "", "Cải cách thể chế", "Sở Tư pháp", "", "Hằng năm", "2028-12-31", "yearly", "Tự kiểm tra", ""},
		{"2.1", "", "Cải cách tài chính công", "Sở Tài chính", "@public_service_units", "Năm 2028", "2028-12-31", "", "Thực hiện cơ chế tự chủ", ""},
	})
	if len(res.Tasks) == 3 {
		if b := res.Tasks[0].BudgetVND; b == nil || *b != 120_000_000 {
			t.Errorf("budget = %v, want 120.000.000 from two columns", b)
		}
		if res.Tasks[0].Key != "1/1.1" || res.Tasks[2].Key != "cai cach tai chinh cong/2.1" {
			t.Errorf("keys %q, %q", res.Tasks[0].Key, res.Tasks[2].Key)
		}
	}
}

// TestSampleDOCX: the sample offered on the import page reads completely.
func TestSampleDOCX(t *testing.T) {
	data, err := SampleDOCX("Phú Sơn", 2027)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := doctable.Read("mau.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	res := Read(doc, Options{Areas: refAreas(t, 2027)})
	checkSeed(t, res, []seedTask{
		{"1", "", "Công tác chỉ đạo, điều hành CCHC", "Sở Nội vụ", "@provincial_agencies; @communes", "Trước ngày 15/12/2027", "2027-12-15", "", "Ban hành Kế hoạch", "Kế hoạch của UBND tỉnh"},
		{"2", "", "Công tác chỉ đạo, điều hành CCHC", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Quý III năm 2027", "2027-09-30", "", "Kiểm tra công tác", "Báo cáo kết quả kiểm tra"},
		{"a", "2", "Công tác chỉ đạo, điều hành CCHC", "Sở Nội vụ", "", "Quý III năm 2027", "2027-09-30", "", "Kiểm tra ít nhất 30%", "Báo cáo kết quả kiểm tra"},
		{"b", "2", "Công tác chỉ đạo, điều hành CCHC", "Sở Nội vụ", "", "Quý III năm 2027", "2027-09-30", "", "Kiểm tra ít nhất 20%", "Báo cáo kết quả kiểm tra"},
		{"1", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "@provincial_agencies", "Trước tháng 10 năm 2027", "2027-09-30", "", "Rà soát, đơn giản hóa", "Quyết định phê duyệt"},
		{"2", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "Các cơ quan liên quan", "Thường xuyên", "", "continuous", "Tiếp nhận, xử lý", "Báo cáo hằng quý"},
		{"1", "", "Cải cách chế độ công vụ", "Sở Nội vụ", "@communes", "Quý II, III năm 2027", "2027-09-30", "", "Đào tạo, bồi dưỡng", "Lớp bồi dưỡng"},
		{"2", "", "Cải cách chế độ công vụ", "Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Trước tháng 11 năm 2027", "2027-10-31", "", "Đánh giá mức độ hài lòng", "Báo cáo kết quả khảo sát\nBáo cáo gửi UBND tỉnh."},
		{"1", "", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "Sở Khoa học và Công nghệ", "@provincial_agencies; @communes", "Hằng quý", "2027-12-31", "quarterly", "Nâng tỷ lệ hồ sơ", "Báo cáo 6 tháng, năm"},
	})
}

// TestDecomposedText: text typed with decomposed accents reads like the
// same text composed.
func TestDecomposedText(t *testing.T) {
	composed := tabText("KẾ HOẠCH NĂM 2027",
		[]string{"STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"},
		[]string{"1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Trước tháng 6 năm 2027"})
	decomposed := []byte(norm.NFD.String(string(composed)))
	var got []Result
	for _, data := range [][]byte{composed, decomposed} {
		doc, err := doctable.Read("kh.txt", data)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, Read(doc, Options{}))
	}
	if len(got[1].Tasks) != 1 || got[1].Tasks[0].Title != got[0].Tasks[0].Title || got[1].Tasks[0].Lead[0].Name != "Sở Nội vụ" ||
		got[1].Tasks[0].Schedule.Due != got[0].Tasks[0].Schedule.Due {
		t.Errorf("decomposed: %+v", got[1].Tasks)
	}
}

// TestTXTParagraphCellsInSeveralParagraphs: one cell per paragraph, where
// some cells run over several paragraphs and body text follows the table.
func TestTXTParagraphCellsInSeveralParagraphs(t *testing.T) {
	paras := []string{
		"KẾ HOẠCH", "CẢI CÁCH HÀNH CHÍNH NĂM 2027", "PHỤ LỤC",
		"TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
		"I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", " ", " ", " ",
		"1", "Rà soát thủ tục hành chính:", "- lĩnh vực đất đai;", "- lĩnh vực xây dựng.", "Văn phòng UBND tỉnh", "Sở, ban, ngành tỉnh", "Quý II năm 2027",
		" ", "a) Công bố kết quả rà soát", "Văn phòng UBND tỉnh", " ", "Quý III năm 2027",
		"2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "UBND cấp xã", "Sở Khoa học và Công nghệ", "Thường xuyên",
		"II", "CẢI CÁCH TÀI CHÍNH CÔNG", " ", " ", " ",
		"1", "Giao quyền tự chủ tài chính cho đơn vị sự nghiệp công lập", "Sở Tài chính", "Sở Nội vụ", "Năm 2027",
		"Nơi nhận:", "- Như trên;", "- Lưu: VT.",
	}
	var b bytes.Buffer
	for _, p := range paras {
		b.WriteString(p + "\n\n")
	}
	doc, err := doctable.Read("kh.txt", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	res := Read(doc, Options{Areas: refAreas(t, 2027)})
	checkSeed(t, res, []seedTask{
		{"1", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "@provincial_agencies", "Quý II năm 2027", "2027-06-30", "", "Rà soát thủ tục hành chính:\n- lĩnh vực đất đai;\n- lĩnh vực xây dựng.", ""},
		{"a", "1", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "", "Quý III năm 2027", "2027-09-30", "", "Công bố kết quả rà soát", ""},
		{"2", "", "Cải cách thủ tục hành chính", "@communes", "Sở Khoa học và Công nghệ", "Thường xuyên", "", "continuous", "Số hóa hồ sơ", ""},
		{"1", "", "Cải cách tài chính công", "Sở Tài chính", "Sở Nội vụ", "Năm 2027", "2027-12-31", "", "Giao quyền tự chủ", ""},
	})
}

// TestLetteredTasks: sections numbered 1, 2 whose tasks are lettered a, b
// (with bullets under them) read as tasks, not sub-tasks of the first.
func TestLetteredTasks(t *testing.T) {
	data := tabText("KẾ HOẠCH NĂM 2027",
		[]string{"STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"},
		[]string{"1", "CẢI CÁCH THỂ CHẾ", "", ""},
		[]string{"a", "Rà soát văn bản", "Sở Tư pháp", "Quý I năm 2027"},
		[]string{"-", "Văn bản của HĐND tỉnh", "Sở Tư pháp", "Quý I năm 2027"},
		[]string{"b", "Kiểm tra văn bản", "Sở Tư pháp", "Quý II năm 2027"},
		[]string{"2", "Cải cách tài chính công", "", ""},
		[]string{"a", "Công khai ngân sách", "Sở Tài chính", "Năm 2027"},
	)
	doc, err := doctable.Read("kh.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	res := Read(doc, Options{Areas: refAreas(t, 2027)})
	checkSeed(t, res, []seedTask{
		{"a", "", "Cải cách thể chế", "Sở Tư pháp", "", "Quý I năm 2027", "2027-03-31", "", "Rà soát văn bản", ""},
		{"-", "a", "Cải cách thể chế", "Sở Tư pháp", "", "Quý I năm 2027", "2027-03-31", "", "Văn bản của HĐND", ""},
		{"b", "", "Cải cách thể chế", "Sở Tư pháp", "", "Quý II năm 2027", "2027-06-30", "", "Kiểm tra văn bản", ""},
		{"a", "", "Cải cách tài chính công", "Sở Tài chính", "", "Năm 2027", "2027-12-31", "", "Công khai ngân sách", ""},
	})
}

// TestUnrecognisedTableCanBeGivenRoles: a table whose columns cannot be
// recognised is still described, and roles given by the user read it; a
// header in unusual words above numbered rows is not a task.
func TestUnrecognisedTableCanBeGivenRoles(t *testing.T) {
	table := func(rows ...[]string) doctable.Document {
		return doctable.Document{Format: doctable.DOCX, Blocks: []doctable.Block{{Table: &doctable.Table{Rows: tableRows(rows...)}}}}
	}
	doc := table([]string{"Mục", "Việc", "Ai làm"}, []string{"1", "Rà soát thủ tục hành chính của tỉnh", "Anh Nam"})
	res := Read(doc, Options{Year: 2027})
	if len(res.Tasks) != 0 || len(res.Tables) != 1 || len(res.Tables[0].Roles) != 3 || res.Tables[0].Headers[2] != "Ai làm" {
		t.Fatalf("tasks %d, tables %+v", len(res.Tasks), res.Tables)
	}
	res = Read(doc, Options{Year: 2027, Columns: map[int][]string{0: {RoleSeq, RoleTitle, RoleLead}}})
	if len(res.Tasks) != 1 || res.Tasks[0].Lead[0].Name != "Anh Nam" {
		t.Errorf("with roles: %+v", res.Tasks)
	}

	doc = table([]string{"Mục", "Việc", "Ai làm", "Bao giờ"},
		[]string{"1", "Rà soát thủ tục hành chính của tỉnh", "Văn phòng UBND tỉnh", "Quý II năm 2027"},
		[]string{"2", "Báo cáo kết quả rà soát thủ tục", "Văn phòng UBND tỉnh", "Quý III năm 2027"})
	res = Read(doc, Options{Year: 2027})
	if len(res.Tasks) != 2 || res.Tasks[0].Seq != "1" || res.Tasks[1].Schedule.Due.String() != "2027-09-30" ||
		strings.Join(res.Tables[0].Roles, ",") != "seq,title,agencies,time" {
		t.Errorf("guessed under a header in other words: %+v %+v", res.Tasks, res.Tables)
	}
}

// TestXLSXTitleRows: a sheet with the province and the plan's title in
// merged rows above the header; the year comes from the title row.
func TestXLSXTitleRows(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	rows := [][]any{
		{"ỦY BAN NHÂN DÂN TỈNH PHÚ SƠN"},
		{"KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2028"},
		{"(Kèm theo Quyết định số 12/QĐ-UBND ngày 20/12/2027)"},
		{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"},
		{"I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"},
		{1, "Rà soát, đơn giản hóa thủ tục hành chính", "Văn phòng UBND tỉnh", "Sở, ban, ngành tỉnh", "Quý III", "Quyết định phê duyệt"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A1", "C1"}, {"A2", "F2"}, {"A3", "F3"}, {"B5", "F5"}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := doctable.Read("kh.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	res := Read(doc, Options{Areas: refAreas(t, 2028)})
	if res.Year != 2028 {
		t.Errorf("year = %d, want 2028 from the title row", res.Year)
	}
	checkSeed(t, res, []seedTask{
		{"1", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "@provincial_agencies", "Quý III", "2028-09-30", "", "Rà soát, đơn giản hóa", "Quyết định phê duyệt"},
	})
}
