package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/agency"
	"cchc/internal/db"
	"cchc/internal/doctable"
)

// seedTask is what a seed document's task must read as: its number, its
// parent's number, area, lead and coordinating agencies ("@code" for a
// group, names otherwise, joined by "; "), the deadline as written and
// understood, and the beginnings of its title and product.
type seedTask struct {
	seq, parent, area, lead, coordinating, schedule, due, recurrence, title, product string
}

// refAreas returns the seeded areas of the programme covering year, read
// from a fresh database as the CLI would.
func refAreas(t testing.TB, year int) []Area {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	areas, _, err := Setup(ctx, d, 0, year)
	if err != nil {
		t.Fatal(err)
	}
	return areas
}

func readSeed(t *testing.T, name string, year int) Result {
	t.Helper()
	// Copies of ../shared/seeds: real provincial plans, the ground truth.
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := doctable.Read(name, data)
	if err != nil {
		t.Fatalf("doctable.Read(%s): %v", name, err)
	}
	return Read(doc, Options{Year: year, Areas: refAreas(t, year)})
}

func agencyList(as []agency.Agency) string {
	parts := make([]string, len(as))
	for i, a := range as {
		if a.Group != "" {
			parts[i] = "@" + a.Group
		} else {
			parts[i] = a.Name
		}
	}
	return strings.Join(parts, "; ")
}

func checkSeed(t *testing.T, res Result, want []seedTask) {
	t.Helper()
	if len(res.Tasks) != len(want) {
		t.Errorf("read %d tasks, want %d", len(res.Tasks), len(want))
	}
	for i := 0; i < len(res.Tasks) && i < len(want); i++ {
		got, w := res.Tasks[i], want[i]
		parent := ""
		if got.Parent != nil {
			parent = res.Tasks[*got.Parent].Seq
		}
		due := ""
		if !got.Schedule.Due.IsZero() {
			due = got.Schedule.Due.String()
		}
		fields := []struct{ name, got, want string }{
			{"seq", got.Seq, w.seq}, {"parent", parent, w.parent}, {"area", got.Area, w.area},
			{"lead", agencyList(got.Lead), w.lead}, {"coordinating", agencyList(got.Coordinating), w.coordinating},
			{"schedule", got.ScheduleText, w.schedule}, {"due", due, w.due}, {"recurrence", got.Schedule.Recurrence, w.recurrence},
		}
		for _, f := range fields {
			if f.got != f.want {
				t.Errorf("task %d (%s, %s): %s = %q, want %q", i, got.Seq, got.Source, f.name, f.got, f.want)
			}
		}
		if !strings.HasPrefix(got.Title, w.title) {
			t.Errorf("task %d (%s, %s): title = %q, want it to start %q", i, got.Seq, got.Source, got.Title, w.title)
		}
		if !strings.HasPrefix(got.Product, w.product) || (w.product == "" && got.Product != "") {
			t.Errorf("task %d (%s, %s): product = %q, want it to start %q", i, got.Seq, got.Source, got.Product, w.product)
		}
	}
}

// TestSeedSocTrang reads the Sóc Trăng appendix: one cell per paragraph,
// five columns, six roman sections.
func TestSeedSocTrang(t *testing.T) {
	res := readSeed(t, "soctrang-2012-par-plan-2011-2015.txt", 2011)
	checkSeed(t, res, []seedTask{
		{"1", "", "Cải cách thể chế", "Sở Tư pháp", "@provincial_agencies; @districts; @communes", "Thường xuyên", "", "continuous", "Tuân thủ chặt chẽ quy trình xây ", ""},
		{"2", "", "Cải cách thể chế", "Sở Nội vụ; Văn phòng UBND tỉnh", "@provincial_agencies; @districts; @communes", "Hàng năm", "2011-12-31", "yearly", "Kiểm tra, đánh giá việc thực hiệ", ""},
		{"3", "", "Cải cách thể chế", "Văn phòng UBND tỉnh; Sở Tư pháp", "@provincial_agencies", "Thường xuyên", "", "continuous", "Kiểm soát chặt chẽ việc ban hành", ""},
		{"4", "", "Cải cách thể chế", "@provincial_agencies; @districts; @communes", "Sở Nội vụ", "Năm 2013", "2013-12-31", "", "Hoàn chỉnh cải cách hành chính t", ""},
		{"5", "", "Cải cách thể chế", "@provincial_agencies; @districts; @communes", "Văn phòng UBND tỉnh; Sở Tư pháp", "Thường xuyên", "", "continuous", "Tổ chức thống kê, cập nhật bổ su", ""},
		{"6", "", "Cải cách thể chế", "@provincial_agencies; @districts", "Văn phòng UBND tỉnh; Sở Tư pháp", "Quý I, II năm 2012", "2012-06-30", "", "Xây dựng và triển khai kế hoạch ", ""},
		{"7", "", "Cải cách thể chế", "Văn phòng UBND tỉnh; Sở Tư pháp", "@provincial_agencies; @districts; @communes", "Thường xuyên", "", "continuous", "Xây dựng và triển khai kế hoạch ", ""},
		{"8", "", "Cải cách thể chế", "@provincial_agencies; @districts; @communes", "Sở Nội vụ; Văn phòng UBND tỉnh", "Thường xuyên", "", "continuous", "Công khai, minh bạch các thủ tục", ""},
		{"9", "", "Cải cách thể chế", "Sở Nội vụ", "@provincial_agencies; @districts", "Quý I năm 2012", "2012-03-31", "", "Đề xuất sửa đổi Quyết định số 12", ""},
		{"10", "", "Cải cách thể chế", "Sở Khoa học và Công nghệ", "@provincial_agencies; @districts", "Năm 2013", "2013-12-31", "", "Hoàn chỉnh thực hiện áp dụng hệ ", ""},
		{"11", "", "Cải cách thể chế", "Sở Thông tin và Truyền thông", "@provincial_agencies; Văn phòng UBND tỉnh; @districts; @communes", "Thường xuyên", "", "continuous", "Đăng tải công khai trên cổng thô", ""},
		{"1", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts", "Quý II năm 2012", "2012-06-30", "", "Đề xuất sửa đổi Quyết định số 06", ""},
		{"2", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts", "Quý II năm 2012", "2012-06-30", "", "Triển khai, tập huấn Luật Viên c", ""},
		{"3", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "@provincial_agencies; @districts", "Sở Nội vụ", "Thường xuyên", "", "continuous", "Rà soát, điều chỉnh, bổ sung quy", ""},
		{"4", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "@provincial_agencies; @districts", "Sở Nội vụ", "Thường xuyên", "", "continuous", "Rà soát lại những nội dung đã ph", ""},
		{"5", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts", "Hàng năm", "2011-12-31", "yearly", "Tổ chức điều tra đánh giá mức độ", ""},
		{"6", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Y tế", "@provincial_agencies; @districts", "Năm 2013", "2013-12-31", "", "Nghiên cứu, tổ chức điều tra đán", ""},
		{"7", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Giáo dục và Đào tạo", "@provincial_agencies; @districts", "Năm 2013", "2013-12-31", "", "Nghiên cứu, tổ chức điều tra đán", ""},
		{"1", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "@provincial_agencies; @districts", "Sở Nội vụ", "Năm 2012", "2012-12-31", "", "Đánh giá chất lượng đội ngũ cán ", ""},
		{"2", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "@provincial_agencies; @districts", "Năm 2012", "2012-12-31", "", "Xây dựng Kế hoạch thi nâng ngạch", ""},
		{"3", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "@provincial_agencies; @districts", "Năm 2012", "2012-12-31", "", "Chủ trì xây dựng, tổ chức thực h", ""},
		{"4", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "@provincial_agencies; @districts", "2012, 2015", "2015-12-31", "", "Hoàn thiện và tổ chức triển khai", ""},
		{"5", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "@provincial_agencies; @districts", "Sở Nội vụ", "Thường xuyên", "", "continuous", "Nâng cao trách nhiệm, kỷ luật, k", ""},
		{"6", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "@provincial_agencies; @districts", "Sở Nội vụ", "Hàng năm", "2011-12-31", "yearly", "Tổ chức chế độ đánh giá cán bộ, ", ""},
		{"1", "", "Cải cách tài chính công", "@provincial_agencies; @districts", "Sở Tài chính", "Hàng năm", "2011-12-31", "yearly", "Đánh giá kết quả thực hiện cơ ch", ""},
		{"2", "", "Cải cách tài chính công", "Sở Tài chính", "@provincial_agencies; @districts", "Thường xuyên", "", "continuous", "Hoàn thiện cơ chế và nâng cao ch", ""},
		{"3", "", "Cải cách tài chính công", "Sở Tài chính", "@districts", "2013", "2013-12-31", "", "Xây dựng Đề án khoán kinh phí hà", ""},
		{"4", "", "Cải cách tài chính công", "Sở Giáo dục và Đào tạo; Sở Y tế; Sở Văn hóa, Thể thao và Du lịch; Sở Khoa học và Công nghệ; Sở Lao động - Thương binh và Xã hội; @districts", "Sở Nội vụ", "Thường xuyên", "", "continuous", "Đẩy mạnh việc thực hiện toàn diệ", ""},
		{"1", "", "Hiện đại hóa hành chính", "Sở Thông tin và Truyền thông", "@districts", "Hàng năm", "2011-12-31", "yearly", "Xây dựng kế hoạch đầu tư, nâng c", ""},
		{"2", "", "Hiện đại hóa hành chính", "Sở Thông tin và Truyền thông", "@provincial_agencies; @districts", "Hàng năm", "2011-12-31", "yearly", "Tăng cường ứng dụng công nghệ th", ""},
		{"3", "", "Hiện đại hóa hành chính", "Sở Thông tin và Truyền thông", "@provincial_agencies; Văn phòng UBND tỉnh; @districts; @communes", "Năm 2012 - 2015", "2015-12-31", "", "Triển khai ứng dụng các chương t", ""},
		{"1", "", "Công tác chỉ đạo, điều hành CCHC", "Sở Nội vụ; Đài Phát thanh và Truyền hình; Báo Sóc Trăng", "@provincial_agencies; Văn phòng UBND tỉnh; @districts; @communes", "Thường xuyên", "", "continuous", "Tổ chức các cuộc thi tuyên truyề", ""},
		{"2", "", "Công tác chỉ đạo, điều hành CCHC", "Đài Phát thanh và Truyền hình; Báo Sóc Trăng", "@provincial_agencies; Văn phòng UBND tỉnh; @districts; @communes", "Thường xuyên", "", "continuous", "Tăng cường công tác tuyên truyền", ""},
		{"3", "", "Công tác chỉ đạo, điều hành CCHC", "Đài Phát thanh và Truyền hình; Báo Sóc Trăng", "@provincial_agencies; Văn phòng UBND tỉnh; @districts; @communes", "Thường xuyên", "", "continuous", "Định kỳ đưa tin, bài, phóng sự v", ""},
	})
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

// TestSeedThanhHoa reads the Thanh Hóa appendices: tab-separated cells,
// six tables each after a "Phụ lục số …" heading that names the area and,
// for five of them, the default lead; a mixed "Cơ quan thực hiện" column;
// deadlines and products sharing a cell; sub-rows a), b) ...
func TestSeedThanhHoa(t *testing.T) {
	res := readSeed(t, "thanhhoa-2012-par-plan-2011-2015.txt", 2011)
	checkSeed(t, res, []seedTask{
		{"1", "", "Cải cách thể chế", "Sở Tư pháp", "", "", "", "", "Đổi mới và nâng cao chất lượng c", ""},
		{"a", "1", "Cải cách thể chế", "Sở Tư pháp", "", "Trước tháng 6 năm 2013", "2013-05-31", "", "Quy định cụ thể chế độ trách nhi", "Quyết định ban hành của cấp có t"},
		{"b", "1", "Cải cách thể chế", "@provincial_agencies; @districts; @communes", "", "Thường xuyên", "", "continuous", "Duy trì, đẩy mạnh việc tiếp nhận", "Báo cáo kết quả thực hiện hàng n"},
		{"c", "1", "Cải cách thể chế", "Sở Tư pháp", "", "Thường xuyên", "", "continuous", "Kiểm tra việc lấy, nghiên cứu ti", "Kế hoạch, Báo cáo thực hiện hằng"},
		{"2", "", "Cải cách thể chế", "@provincial_agencies; @districts; @communes", "", "Trước tháng 9 năm 2015", "2015-08-31", "", "a) Rà soát, hệ thống hóa văn bản", "Kế hoạch thực hiện trong từng th"},
		{"b", "2", "Cải cách thể chế", "@provincial_agencies; @districts; @communes", "", "Trước tháng 9 năm 2015", "2015-08-31", "", "Sửa đổi, bổ sung theo thẩm quyền", "Kế hoạch thực hiện trong từng th"},
		{"3", "", "Cải cách thể chế", "Sở Tư pháp", "", "", "", "", "Tập trung hoàn thiện đồng bộ, mi", ""},
		{"a", "3", "Cải cách thể chế", "@provincial_agencies; @districts", "", "Trước tháng 9 năm 2015", "2015-08-31", "", "Quản lý đất đai, đầu tư, xây dựn", "Kế hoạch đến năm 2015 và hàng nă"},
		{"b", "3", "Cải cách thể chế", "Sở Nội vụ", "Văn phòng UBND tỉnh; @districts; @communes", "", "", "", "Bảo đảm, phát huy quyền làm chủ ", ""},
		{"1", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "@provincial_agencies; @districts; @communes", "Thường xuyên", "", "continuous", "Kiểm soát công khai thủ tục hành", "Kế hoạch kiểm soát hàng năm; Báo"},
		{"2", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "Các cơ quan được giao chủ trì soạn thảo", "Thường xuyên", "", "continuous", "Đánh giá tác động 100% quy định ", "Hồ sơ đánh giá tác động."},
		{"3", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "@provincial_agencies", "Thường xuyên", "", "continuous", "Công bố cập nhật tất cả thủ tục ", "Quyết định công bố; số lượng thủ"},
		{"4", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "@provincial_agencies", "07 tháng kể từ ngày VP Chính phủ hướng dẫn phiên bản mới", "", "", "Đối chiếu, nâng cấp thủ tục hành", "Báo cáo kết quả đối chiếu, nâng "},
		{"5", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "@provincial_agencies; @districts; @communes", "Trước tháng 6 năm 2015", "2015-05-31", "", "Xây dựng sơ đồ hóa theo nhóm thủ", "Kế hoạch thực hiện; Sơ đồ nhóm t"},
		{"6", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "Các cơ quan bị phản ánh, kiến nghị", "Thường xuyên", "", "continuous", "Tiếp nhận, xử lý phản ánh, kiến ", "Báo cáo tiếp nhận; Báo cáo kết q"},
		{"7", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "Các cơ quan liên quan", "Trước tháng 12 năm 2013", "2013-11-30", "", "Xây dựng, triển khai thực hiện Đ", "Quyết định của UBND tỉnh về phê "},
		{"8", "", "Cải cách thủ tục hành chính", "Văn phòng UBND tỉnh", "Sở Nội vụ; Sở Tài chính", "Trước tháng 12 năm 2013", "2013-11-30", "", "Nghiên cứu, xây dựng, ban hành p", "Quyết định ban hành của cấp có t"},
		{"1", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts", "Từ năm 2012", "", "continuous", "a) Tổng rà soát vị trí, chức năn", "- Kế hoạch triển khai thực hiện;"},
		{"b", "1", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts", "Từ năm 2012", "", "continuous", "Điều chỉnh những chức năng, nhiệ", "- Kế hoạch triển khai thực hiện;"},
		{"c", "1", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts", "Từ năm 2012", "", "continuous", "Tổ chức, sắp xếp lại các cơ quan", "- Kế hoạch triển khai thực hiện;"},
		{"2", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies", "Từ năm 2012", "", "continuous", "Xác định số lượng, tiêu chuẩn và", "Quyết định phê duyệt Kế hoạch tr"},
		{"3", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts", "Từ năm 2014", "", "continuous", "Đổi mới phương thức làm việc the", "Kế hoạch triển khai thực hiện; T"},
		{"4", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies", "Từ năm 2012", "", "continuous", "Kiểm tra, đánh giá việc thực hiệ", "Kế hoạch thực hiện trong từng th"},
		{"5", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts; @communes", "Trước tháng 6 năm 2014", "2014-05-31", "", "Rà soát, đánh giá, hoàn thiện ph", "Kế hoạch triển khai; Báo cáo kết"},
		{"6", "", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "", "", "", "", "Duy trì, nâng cao chất lượng thự", ""},
		{"a", "6", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@provincial_agencies; @districts; @communes", "Trước tháng 6 năm 2013", "2013-05-31", "", "Rà soát phân loại, lập danh mục ", "Văn bản chỉ đạo, hướng dẫn thực "},
		{"b", "6", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "@districts", "Trước tháng 9 năm 2013", "2013-08-31", "", "Thống nhất thực hiện cơ chế một ", "Báo cáo kết quả thực hiện."},
		{"c", "6", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "Sở Tài chính", "Trước tháng 3 năm 2014", "2014-02-28", "", "Nghiên cứu, xây dựng, ban hành:\n", "Kế hoạch triển khai thực hiện; Q"},
		{"d", "6", "Cải cách tổ chức bộ máy hành chính nhà nước", "Sở Nội vụ", "Sở Tài chính; @provincial_agencies; @districts; @communes", "Từ năm 2012", "", "continuous", "Ưu tiên đầu tư các điều kiện đảm", "Văn bản chỉ đạo, hướng dẫn thực "},
		{"1", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "Sở Giáo dục và Đào tạo; Sở Y tế; Sở Văn hóa, Thể thao và Du lịch; Sở Khoa học và Công nghệ", "Trước tháng 12 năm 2013", "2013-11-30", "", "Rà soát văn bản có quy định về q", "- Kế hoạch triển khai; Báo cáo t"},
		{"2", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "@provincial_agencies; @districts", "Trước tháng 12 năm 2014", "2014-11-30", "", "Tổng rà soát tiêu chí, quy chuẩn", "- Kế hoạch triển khai; Báo cáo k"},
		{"3", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "", "Trước tháng 6 năm 2013", "2013-05-31", "", "Đổi mới việc bố trí, đánh giá cá", "Phương án đổi mới được cấp có th"},
		{"4", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "Các cơ quan liên quan", "Trước tháng 3 năm 2014", "2014-02-28", "", "Đổi mới nâng cao tính cạnh tranh", "Phương án đổi mới, Quyết định củ"},
		{"5", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "Các cơ quan liên quan", "Trước tháng 10 năm 2013", "2013-09-30", "", "Đổi mới, hoàn thiện nội dung và ", "Kế hoạch triển khai; Quyết định "},
		{"6", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "", "Trước tháng 3 năm 2013", "2013-02-28", "", "Xây dựng, ban hành Quy định bổ n", "Quyết định ban hành của cấp có t"},
		{"7", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Khoa học và Công nghệ", "", "Trong năm 2013", "2013-12-31", "", "Xây dựng đồng bộ chính sách đào ", "Kế hoạch triển khai; Quyết định "},
		{"8", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "", "Trước tháng 6 năm 2014", "2014-05-31", "", "Xây dựng chế độ đãi ngộ, động vi", "Quyết định ban hành của cấp có t"},
		{"9", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "", "Trước tháng 6 năm 2014", "2014-05-31", "", "Quy định cụ thể nhiệm vụ, trách ", "Quyết định ban hành của cấp có t"},
		{"10", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "@provincial_agencies; @districts", "Thường xuyên, từ năm 2012", "", "continuous", "Tập trung đẩy mạnh các hoạt động", "Kế hoạch, Báo cáo kết quả thực h"},
		{"11", "", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Sở Nội vụ", "@provincial_agencies; @districts", "Từ năm 2012", "", "continuous", "Đẩy mạnh các hoạt động:\na) Giám ", "Kế hoạch, Báo cáo kết quả thực h"},
		{"1", "", "Cải cách tài chính công", "Sở Tài chính", "Sở Kế hoạch và Đầu tư; @provincial_agencies", "Trước tháng 3 năm 2014", "2014-02-28", "", "Hoàn thiện hệ thống cơ chế, chín", "Kế hoạch triển khai; các Quyết đ"},
		{"2", "", "Cải cách tài chính công", "Sở Tài chính", "@provincial_agencies; @districts; @communes", "Từ năm 2012", "", "continuous", "Thực hiện cân đối ngân sách tích", "Văn bản chỉ đạo, hướng dẫn thực "},
		{"3", "", "Cải cách tài chính công", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Từ năm 2012", "", "continuous", "Đổi mới căn bản cơ chế tài chính", "Kế hoạch triển khai; Phương án đ"},
		{"4", "", "Cải cách tài chính công", "Sở Tài chính", "", "Từ năm 2012", "", "continuous", "Đổi mới cơ chế kiểm soát chi ngâ", "- Kế hoạch triển khai; Phương án"},
		{"5", "", "Cải cách tài chính công", "Sở Tài chính", "Sở Giáo dục và Đào tạo; Sở Y tế; Sở Văn hóa, Thể thao và Du lịch", "Từ năm 2012", "", "continuous", "Đổi mới cơ chế tài chính; điều c", "Kế hoạch triển khai; Phương án đ"},
		{"6", "", "Cải cách tài chính công", "Sở Tài chính", "Sở Giáo dục và Đào tạo; Sở Y tế; Sở Văn hóa, Thể thao và Du lịch; Các cơ quan liên quan", "Trong năm 2013", "2013-12-31", "", "Xây dựng cơ chế, chính sách huy ", "Kế hoạch triển khai thực hiện; Q"},
		{"1", "", "Hiện đại hóa hành chính", "Sở Thông tin và Truyền thông", "@provincial_agencies; @districts; @communes", "Từ năm 2012", "", "continuous", "Tiếp tục đẩy mạnh ứng dụng công ", "- Kế hoạch triển khai, các Đề án"},
		{"a", "1", "Hiện đại hóa hành chính", "Sở Thông tin và Truyền thông", "@provincial_agencies; @districts; @communes", "Từ năm 2012", "", "continuous", "Duy trì, nâng cấp, cải tiến cơ s", "- Kế hoạch triển khai, các Đề án"},
		{"b", "1", "Hiện đại hóa hành chính", "Sở Thông tin và Truyền thông", "@provincial_agencies; @districts; @communes", "Từ năm 2012", "", "continuous", "Xây dựng, sử dụng thống nhất biể", "Kế hoạch triển khai; các biểu mẫ"},
		{"2", "", "Hiện đại hóa hành chính", "Sở Khoa học và Công nghệ", "Các cơ quan liên quan", "Trước tháng 9 năm 2013", "2013-08-31", "", "Đánh giá kết quả, hiệu quả tổ ch", "Kế hoạch triển khai thực hiện; B"},
		{"3", "", "Hiện đại hóa hành chính", "Sở Kế hoạch và Đầu tư", "Các cơ quan liên quan", "Từ năm 2012", "", "continuous", "Tiếp tục đầu tư xây dựng mới, nâ", "Kế hoạch; Báo cáo thực hiện."},
	})
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

// TestSeedGuidance reads the guidance's blank template: eight columns with
// "Nhiệm vụ chung" holding the areas, two placeholder tasks per area, a
// total row.
func TestSeedGuidance(t *testing.T) {
	res := readSeed(t, "guidance-2012-annual-par-plan-template.txt", 2012)
	areas := []string{"Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy hành chính nhà nước",
		"Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Cải cách tài chính công",
		"Hiện đại hóa hành chính", "Công tác chỉ đạo, điều hành CCHC"}
	if len(res.Tasks) != 2*len(areas) {
		t.Fatalf("read %d tasks, want %d", len(res.Tasks), 2*len(areas))
	}
	for i, task := range res.Tasks {
		if want := areas[i/2]; task.Area != want || task.Seq != []string{"1", "2"}[i%2] || task.Title != "" || task.Product != "" {
			t.Errorf("task %d = %q %q area %q product %q; want seq %d, no title, area %q", i, task.Seq, task.Title, task.Area, task.Product, i%2+1, want)
		}
	}
	if len(res.Tables) != 1 || strings.Join(res.Tables[0].Roles, ",") != "group,title,product,lead,coordinating,time,budget,notes" {
		t.Errorf("tables = %+v", res.Tables)
	}
}
