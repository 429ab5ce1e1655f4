package importer

import (
	"bytes"
	"fmt"
	"strings"

	"cchc/internal/doctable"
)

// SampleDOCX returns a small annual plan of province (e.g. "Phú Sơn") for
// year as a Word file, for users to try the import with: an appendix table
// with numbered areas, tasks and sub-rows, a lead cell merged over two
// rows, cells that hold a deadline and a product, a typo ("Sở Nội vu"), an
// abbreviation ("Sở GD&ĐT"), groups and a budget column.
func SampleDOCX(province string, year int) ([]byte, error) {
	y := func(s string) string { return strings.ReplaceAll(s, "{Y}", fmt.Sprint(year)) }
	rows := [][]string{
		{"STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"},
		{"I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "=", "=", "=", "=", "="},
		{"1", "Ban hành Kế hoạch cải cách hành chính năm {Y1}", "Kế hoạch của UBND tỉnh", "Sở Nội vu", "Các sở, ban, ngành; UBND cấp xã", "Trước ngày 15/12/{Y}", "20"},
		{"2", "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị", "Báo cáo kết quả kiểm tra", "Sở Nội vụ", "VP UBND tỉnh", "Quý III năm {Y}", "50"},
		{"", "a) Kiểm tra ít nhất 30% sở, ban, ngành", "", "^", "", "", ""},
		{"", "b) Kiểm tra ít nhất 20% UBND cấp xã", "", "^", "", "", ""},
		{"II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "=", "=", "=", "=", "="},
		{"1", "Rà soát, đơn giản hóa thủ tục hành chính trong các lĩnh vực đất đai, xây dựng, đầu tư", "Quyết định phê duyệt phương án đơn giản hóa", "Văn phòng UBND tỉnh", "Sở, ban, ngành tỉnh", "Trước tháng 10 năm {Y}", ""},
		{"2", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính", "Báo cáo hằng quý", "Văn phòng UBND tỉnh", "Các cơ quan liên quan", "Thường xuyên", ""},
		{"III", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "=", "=", "=", "=", "="},
		{"1", "Đào tạo, bồi dưỡng kiến thức, kỹ năng cho cán bộ, công chức cấp xã", "Lớp bồi dưỡng; báo cáo kết quả", "Sở Nội vụ", "UBND cấp xã", "Quý II, III năm {Y}", "300"},
		{"2", "Đánh giá mức độ hài lòng của người dân đối với dịch vụ giáo dục công", "Báo cáo kết quả khảo sát", "Sở GD&ĐT", "Sở Nội vụ", "a) Thời hạn hoàn thành: Trước tháng 11 năm {Y}.\nb) Kết quả: Báo cáo gửi UBND tỉnh.", "80"},
		{"IV", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ", "=", "=", "=", "=", "="},
		{"1", "Nâng tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "Báo cáo 6 tháng, năm", "Sở Khoa học và Công nghệ", "Sở, ban, ngành tỉnh; UBND cấp xã", "Hằng quý", ""},
		{"", "Tổng cộng", "=", "=", "=", "=", "450"},
	}
	for i, r := range rows {
		for j, c := range r {
			rows[i][j] = strings.ReplaceAll(y(c), "{Y1}", fmt.Sprint(year+1))
		}
	}
	var table doctable.Table
	for i, r := range rows {
		var row doctable.Row
		for j, text := range r {
			c := doctable.Cell{Text: text}
			switch text {
			case "=":
				c = doctable.Cell{Text: row.Cells[j-1].Text, Merged: true}
			case "^":
				c = doctable.Cell{Text: table.Rows[i-1].Cells[j].Text, Merged: true}
			}
			row.Cells = append(row.Cells, c)
		}
		table.Rows = append(table.Rows, row)
	}
	blocks := []doctable.Block{
		{Text: "ỦY BAN NHÂN DÂN TỈNH " + strings.ToUpper(province)},
		{Text: "KẾ HOẠCH"},
		{Text: y("Cải cách hành chính năm {Y}")},
		{Text: "Phụ lục: CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"},
		{Table: &table},
	}
	var buf bytes.Buffer
	if err := doctable.WriteDOCX(&buf, blocks); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
