package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"cchc/internal/agency"
	"cchc/internal/doctable"
)

// plan300 returns a Word plan of 300 task rows (seven sections, numbered
// tasks, sub-rows, cells that hold a deadline and a product, agency lists
// and amounts) and a directory of 150 units to match its agencies against.
func plan300(tb testing.TB) ([]byte, *agency.Directory) {
	tb.Helper()
	sections := []string{"CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
		"CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH TÀI CHÍNH CÔNG",
		"XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ"}
	leads := []string{"Sở Nội vụ", "Sở Tư pháp; Văn phòng UBND tỉnh", "Sở Tài chính", "Sở Thông tin và Truyền thông",
		"Sở, ban, ngành tỉnh; UBND cấp huyện, xã", "Sở GD&ĐT", "Sở Kế hoạch và Đầu tư"}
	times := []string{"Trước tháng 6 năm 2027", "Quý III năm 2027", "Thường xuyên", "Hàng quý", "Từ tháng 3/2027 tới tháng 9/2027", "Trước ngày 30/11/2027"}
	rows := [][]string{{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn, kết quả thực hiện", "Kinh phí (đồng)"}}
	roman := []string{"I", "II", "III", "IV", "V", "VI", "VII"}
	n := 0
	for s := 0; n < 300; s++ {
		rows = append(rows, []string{roman[s%7], sections[s%7], "=", "=", "=", "="})
		for k := 1; k <= 43 && n < 300; k++ {
			seq := fmt.Sprint(k)
			title := fmt.Sprintf("Triển khai nhiệm vụ số %d về cải cách hành chính: rà soát, đánh giá, hoàn thiện quy định và tổ chức thực hiện tại các cơ quan, đơn vị", n)
			if k%5 == 0 {
				seq, title = "", "a) Tổ chức kiểm tra, đôn đốc việc thực hiện và báo cáo kết quả định kỳ"
			}
			rows = append(rows, []string{seq, title, leads[n%len(leads)], "Các sở: Tư pháp; Tài chính; Khoa học và Công nghệ",
				"a) Thời hạn hoàn thành: " + times[n%len(times)] + ".\nb) Kết quả: Báo cáo kết quả thực hiện; Quyết định ban hành của cấp có thẩm quyền.",
				fmt.Sprintf("%d.000.000", 10+n)})
			n++
		}
	}
	var buf bytes.Buffer
	blocks := append(titleBlocks("KẾ HOẠCH", "Cải cách hành chính năm 2027"), doctable.Block{Table: &doctable.Table{Rows: tableRows(rows...)}})
	if err := doctable.WriteDOCX(&buf, blocks); err != nil {
		tb.Fatal(err)
	}
	var units []agency.Entry
	for i := 0; i < 150; i++ {
		units = append(units, agency.Entry{UnitID: int64(i + 1), Kind: "commune", Names: []string{fmt.Sprintf("Xã Số %d", i)}})
	}
	for i, name := range []string{"Sở Nội vụ", "Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Tài chính", "Sở Thông tin và Truyền thông",
		"Sở Giáo dục và Đào tạo", "Sở Kế hoạch và Đầu tư", "Sở Khoa học và Công nghệ"} {
		units = append(units, agency.Entry{UnitID: int64(1000 + i), Kind: "agency", Names: []string{name}})
	}
	groups := []agency.GroupEntry{{GroupID: 1, Code: agency.ProvincialAgencies, Names: []string{"Sở, ban, ngành tỉnh"}},
		{GroupID: 2, Code: agency.Districts, Names: []string{"UBND cấp huyện"}}, {GroupID: 3, Code: agency.Communes, Names: []string{"UBND cấp xã"}}}
	return buf.Bytes(), agency.NewDirectory(units, groups)
}

func TestPlan300(t *testing.T) {
	data, dir := plan300(t)
	doc, err := doctable.Read("ke-hoach.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	res := Read(doc, Options{Areas: refAreas(t, 2027), Directory: dir})
	subs := 0
	for _, task := range res.Tasks {
		if task.Parent != nil {
			subs++
		}
		if task.Area == "" || len(task.Lead) == 0 || !task.Schedule.Understood || task.Product == "" {
			t.Fatalf("task %s (%s) incomplete: %+v", task.Seq, task.Source, task)
		}
	}
	if len(res.Tasks) != 300 || subs != 56 || len(res.Warnings) != 0 {
		t.Errorf("%d tasks (%d sub-tasks), warnings %q; want 300 (56) and none", len(res.Tasks), subs, res.Warnings)
	}
}

// BenchmarkReadDOCXPlan300 measures reading a 300-row Word plan to the
// JSON contract: doctable.Read, Read with areas and a unit directory, and
// encoding.
func BenchmarkReadDOCXPlan300(b *testing.B) {
	data, dir := plan300(b)
	areas := refAreas(b, 2027)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		doc, err := doctable.Read("ke-hoach.docx", data)
		if err != nil {
			b.Fatal(err)
		}
		res := Read(doc, Options{Areas: areas, Directory: dir})
		if _, err := json.Marshal(res); err != nil {
			b.Fatal(err)
		}
	}
}
