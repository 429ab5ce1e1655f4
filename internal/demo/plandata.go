package demo

import (
	"fmt"
	"strings"
	"time"

	"cchc/internal/civil"
)

// demoPlan is one plan of the demo province, written as a provincial
// document would have it.
type demoPlan struct {
	Key          string // "p2021", "p2026", "annual", "snv-annual"...
	Kind         string // "five_year" | "annual" | "thematic" | "programme"
	Title        string
	NumberSymbol string                    // e.g. "125/KH-UBND"
	IssuerCode   string                    // unit code of the issuing unit
	Issued       func(year int) civil.Date // issue date given the current year
	Start, End   func(year int) civil.Date
	ParentKey    string
	AreaSet      string // "par-2011-2020" | "par-2021-2030"
	Status       string // "draft" | "issued" | "closed"
	Tasks        []demoTask
}

// demoTask is one row of a plan: a specific task with its product, lead,
// coordinating agencies, time and budget, as the 2012 guidance lays them out.
type demoTask struct {
	Seq       string // as written: "1", "2", "a", "-"
	Area      string // area code: "chi-dao", "the-che", "tthc", "bo-may", "cong-vu", "tai-chinh", "cpdt" (2021-2030 set); for par-2011-2020 also "cbccvc", "hien-dai-hoa", "mot-cua"
	Content   string
	Product   string
	Lead      string   // a unit code, or "group:communes" / "group:provincial_agencies" / "group:districts"...
	LeadText  string   // as a document would write it: "Sở Nội vụ", "UBND cấp xã", "Các sở, ban, ngành tỉnh"
	Coord     []string // unit codes or "group:..."
	CoordText string
	Schedule  func(year int) string // the deadline in words, e.g. func(y int) string { return fmt.Sprintf("Trước tháng 6 năm %d", y) }
	BudgetVND int64                 // 0 = none
	Funding   string                // "Ngân sách tỉnh", "Ngân sách địa phương", "Nguồn kinh phí thường xuyên của đơn vị"...
	Notes     string
	Sub       []demoTask // sub-tasks a), b), -
	// Progress is the demo's story for this task as of today: one of
	// "done_on_time", "done_late", "in_progress", "overdue", "not_due", "paused"; "" lets the
	// builder choose from the dates. For group-led tasks the builder spreads
	// outcomes across member units deterministically.
	Progress string
	// Source is the Seq of the parent plan's task this copies ("" for the
	// unit's own tasks). A copy has the same Content as its source.
	Source string
}

// Task leads and coordinators that are groups of units (see the groups the
// first migration seeds, and the demo's own "press").
const (
	groupAgencies     = "group:provincial_agencies"
	groupDistricts    = "group:districts"
	groupCommunes     = "group:communes"
	groupServiceUnits = "group:public_service_units"
	groupPress        = "group:press"
)

// The demo's 2025 communes that plans name on their own: the wards and
// communes where the demo accounts work (see accounts.go).
const (
	codeWardAnPhu = "X002" // Phường An Phú
	codeXaTanHoa  = "X012" // Xã Tân Hòa
)

// Task progress stories, told as of a late day of the current year (the
// demo was written for late November). A build run earlier in the year
// should hold back a story its dates do not yet allow.
const (
	doneOnTime = "done_on_time"
	doneLate   = "done_late"
	inProgress = "in_progress"
	overdue    = "overdue"
	notDue     = "not_due"
	paused     = "paused"
)

// fixedDay is a date that does not move with the current year.
func fixedDay(y int, m time.Month, d int) func(int) civil.Date {
	return func(int) civil.Date { return civil.New(y, m, d) }
}

// dayOfYear is day d of month m in the current year plus offset.
func dayOfYear(offset int, m time.Month, d int) func(int) civil.Date {
	return func(y int) civil.Date { return civil.New(y+offset, m, d) }
}

// words is a deadline that does not move with the current year.
func words(s string) func(int) string { return func(int) string { return s } }

// yearly is a deadline in the current year: format takes the year once,
// or several times as %[1]d.
func yearly(format string) func(int) string {
	return func(y int) string { return fmt.Sprintf(format, y) }
}

// nextYearly is a deadline early in the year after the current one.
func nextYearly(format string) func(int) string {
	return func(y int) string { return fmt.Sprintf(format, y+1) }
}

// demoPlans returns the demo province's plans for the current year: the
// closed 2021-2025 plan, the 2026-2030 plan, the annual plan of year (child
// of the 2026-2030 plan, so year should lie in 2026-2030), Sở Nội vụ's own
// annual plan and the year's communication plan. Parents come before their
// children. Titles carry year; pass the same year to Issued, Start, End and
// Schedule.
func demoPlans(year int) []demoPlan {
	return []demoPlan{
		plan2021(),
		plan2026(),
		annualPlan(year),
		homeAffairsPlan(year),
		communicationPlan(year),
	}
}

// plan2021 is the five-year plan 2021-2025, issued after the national
// programme of Nghị quyết 76/NQ-CP and closed with most of it done.
func plan2021() demoPlan {
	return demoPlan{
		Key: "p2021", Kind: "five_year",
		Title:        "Kế hoạch cải cách hành chính tỉnh " + ProvinceName + " giai đoạn 2021-2025",
		NumberSymbol: "186/KH-UBND", IssuerCode: ProvinceCode,
		Issued: fixedDay(2021, time.September, 28),
		Start:  fixedDay(2021, time.January, 1), End: fixedDay(2025, time.December, 31),
		AreaSet: "par-2021-2030", Status: "closed",
		Tasks: []demoTask{
			{Seq: "1", Area: "chi-dao",
				Content: "Ban hành và tổ chức thực hiện kế hoạch cải cách hành chính hằng năm của tỉnh; gắn kết quả thực hiện nhiệm vụ cải cách hành chính với đánh giá, xếp loại và thi đua, khen thưởng người đứng đầu cơ quan, đơn vị.",
				Product: "Kế hoạch cải cách hành chính hằng năm của UBND tỉnh; báo cáo kết quả thực hiện hằng năm.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupAgencies, groupDistricts}, CoordText: "Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố",
				Schedule: words("Hằng năm, giai đoạn 2021-2025"), Progress: doneOnTime},
			{Seq: "2", Area: "chi-dao",
				Content: "Kiểm tra công tác cải cách hành chính hằng năm tối thiểu 30% số sở, ban, ngành tỉnh và UBND cấp huyện; theo dõi việc khắc phục tồn tại sau kiểm tra.",
				Product: "Kế hoạch kiểm tra; thông báo kết luận kiểm tra; báo cáo kết quả khắc phục.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{"VPUBND", Justice}, CoordText: "Văn phòng UBND tỉnh, Sở Tư pháp",
				Schedule: words("Hằng năm"), BudgetVND: 500_000_000, Funding: "Ngân sách tỉnh", Progress: doneOnTime},
			{Seq: "3", Area: "chi-dao",
				Content: "Xác định Chỉ số cải cách hành chính của các sở, ban, ngành tỉnh và UBND cấp huyện; đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước.",
				Product: "Quyết định công bố Chỉ số cải cách hành chính hằng năm; báo cáo kết quả khảo sát sự hài lòng.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupAgencies, groupDistricts}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp huyện",
				Schedule: words("Hằng năm"), BudgetVND: 1_200_000_000, Funding: "Ngân sách tỉnh", Progress: doneOnTime},
			{Seq: "4", Area: "chi-dao",
				Content: "Tuyên truyền Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 và Kế hoạch này trên báo, đài của tỉnh; duy trì chuyên mục cải cách hành chính.",
				Product: "Chuyên mục, tin, bài, phóng sự về cải cách hành chính.",
				Lead:    groupPress, LeadText: "Báo " + ProvinceName + "; Đài Phát thanh và Truyền hình " + ProvinceName,
				Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
				Schedule: words("Thường xuyên"), Progress: doneOnTime},
			{Seq: "5", Area: "the-che",
				Content: "Nâng cao chất lượng xây dựng, ban hành văn bản quy phạm pháp luật của tỉnh; 100% dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh được thẩm định trước khi ban hành.",
				Product: "Báo cáo thẩm định; báo cáo kết quả công tác xây dựng, ban hành văn bản hằng năm.",
				Lead:    Justice, LeadText: "Sở Tư pháp",
				Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
				Schedule: words("Thường xuyên, giai đoạn 2021-2025"), Progress: doneOnTime},
			{Seq: "6", Area: "the-che",
				Content: "Hệ thống hóa văn bản quy phạm pháp luật của HĐND, UBND tỉnh kỳ 2019-2023; công bố danh mục văn bản hết hiệu lực.",
				Product: "Quyết định của Chủ tịch UBND tỉnh công bố kết quả hệ thống hóa văn bản kỳ 2019-2023.",
				Lead:    Justice, LeadText: "Sở Tư pháp",
				Coord: []string{groupAgencies, groupDistricts}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp huyện",
				Schedule: words("Năm 2024"), BudgetVND: 80_000_000, Funding: "Ngân sách tỉnh", Progress: doneLate},
			{Seq: "7", Area: "tthc",
				Content: "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh; cắt giảm tối thiểu 20% thời gian giải quyết và chi phí tuân thủ thủ tục hành chính.",
				Product: "Quyết định phê duyệt phương án đơn giản hóa thủ tục hành chính hằng năm.",
				Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
				Coord: []string{groupAgencies, groupDistricts}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp huyện",
				Schedule: words("Giai đoạn 2021-2025"), Progress: doneOnTime},
			{Seq: "8", Area: "tthc",
				Content: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo Đề án 06; kết nối Hệ thống thông tin giải quyết thủ tục hành chính tỉnh với Cơ sở dữ liệu quốc gia về dân cư.",
				Product: "Báo cáo kết quả số hóa; hệ thống được kết nối, chia sẻ dữ liệu.",
				Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
				Coord: []string{"CAT", "STTTT", "TTPVHCC"}, CoordText: "Công an tỉnh, Sở Thông tin và Truyền thông, Trung tâm Phục vụ hành chính công tỉnh",
				Schedule: words("Năm 2022 - 2025"), BudgetVND: 1_500_000_000, Funding: "Ngân sách tỉnh", Progress: doneLate},
			{Seq: "9", Area: "bo-may",
				Content: "Sắp xếp, kiện toàn tổ chức bộ máy các cơ quan chuyên môn thuộc UBND tỉnh theo Nghị định số 107/2020/NĐ-CP; giảm tối thiểu 10% đơn vị sự nghiệp công lập so với năm 2021.",
				Product: "Quyết định của UBND tỉnh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của từng cơ quan.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
				Schedule: words("Năm 2021 - 2022"), Progress: doneOnTime},
			{Seq: "10", Area: "bo-may",
				Content: "Sắp xếp đơn vị hành chính cấp xã giai đoạn 2023-2025 theo nghị quyết của Ủy ban Thường vụ Quốc hội.",
				Product: "Đề án sắp xếp được cấp có thẩm quyền phê duyệt; báo cáo kết quả thực hiện.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupDistricts}, CoordText: "UBND các huyện, thị xã, thành phố",
				Schedule: words("Năm 2023 - 2025"), Progress: doneOnTime},
			{Seq: "11", Area: "cong-vu",
				Content: "Xây dựng, phê duyệt vị trí việc làm trong cơ quan hành chính và đơn vị sự nghiệp công lập theo Nghị định số 62/2020/NĐ-CP và Nghị định số 106/2020/NĐ-CP.",
				Product: "Quyết định phê duyệt danh mục vị trí việc làm của từng cơ quan, đơn vị.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupAgencies, groupDistricts}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp huyện",
				Schedule: words("Năm 2023"), Progress: doneLate},
			{Seq: "12", Area: "cong-vu",
				Content: "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức giai đoạn 2021-2025; bảo đảm 100% công chức cấp xã đạt chuẩn theo quy định.",
				Product: "Kế hoạch đào tạo, bồi dưỡng giai đoạn và hằng năm; báo cáo kết quả thực hiện.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{"TCT", groupDistricts}, CoordText: "Trường Chính trị tỉnh; UBND cấp huyện",
				Schedule: words("Giai đoạn 2021-2025"), BudgetVND: 6_000_000_000, Funding: "Ngân sách tỉnh", Progress: doneOnTime},
			{Seq: "13", Area: "tai-chinh",
				Content: "Giao quyền tự chủ tài chính cho đơn vị sự nghiệp công lập theo Nghị định số 60/2021/NĐ-CP; tăng số đơn vị tự bảo đảm chi thường xuyên.",
				Product: "Quyết định giao quyền tự chủ cho từng đơn vị; báo cáo đánh giá hằng năm.",
				Lead:    "STC", LeadText: "Sở Tài chính",
				Coord: []string{groupAgencies, groupDistricts}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp huyện",
				Schedule: words("Năm 2022 - 2025"), Progress: doneOnTime},
			{Seq: "14", Area: "tai-chinh",
				Content: "Đẩy nhanh tiến độ giải ngân vốn đầu tư công; công khai kế hoạch vốn và kết quả giải ngân của từng chủ đầu tư.",
				Product: "Báo cáo tình hình giải ngân hằng quý.",
				Lead:    "SKHDT", LeadText: "Sở Kế hoạch và Đầu tư",
				Coord: []string{"STC"}, CoordText: "Sở Tài chính",
				Schedule: words("Hằng năm"), Progress: doneOnTime},
			{Seq: "15", Area: "cpdt",
				Content: "Xây dựng Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, kết nối với Cổng Dịch vụ công quốc gia; cung cấp dịch vụ công trực tuyến mức độ 3, 4.",
				Product: "Hệ thống được đưa vào vận hành; danh mục dịch vụ công trực tuyến được công bố.",
				Lead:    "STTTT", LeadText: "Sở Thông tin và Truyền thông",
				Coord: []string{"VPUBND", "TTCNTT"}, CoordText: "Văn phòng UBND tỉnh, Trung tâm Công nghệ thông tin và Truyền thông",
				Schedule: words("Năm 2021 - 2022"), BudgetVND: 4_500_000_000, Funding: "Ngân sách tỉnh", Progress: doneOnTime},
			{Seq: "16", Area: "cpdt",
				Content: "Nâng tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt ít nhất 50% tổng số hồ sơ vào năm 2025.",
				Product: "Báo cáo kết quả cung cấp, sử dụng dịch vụ công trực tuyến.",
				Lead:    "STTTT", LeadText: "Sở Thông tin và Truyền thông",
				Coord: []string{"VPUBND", groupAgencies, groupDistricts}, CoordText: "Văn phòng UBND tỉnh; các sở, ban, ngành tỉnh; UBND cấp huyện",
				Schedule: words("Năm 2025"), Progress: overdue,
				Notes: "Đến hết năm 2025 mới đạt 41%; chuyển tiếp sang kế hoạch giai đoạn 2026-2030."},
			{Seq: "17", Area: "cpdt",
				Content: "Duy trì, cải tiến hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 tại các cơ quan hành chính nhà nước.",
				Product: "Thông báo công bố hệ thống; báo cáo kiểm tra hằng năm.",
				Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
				Coord: []string{groupAgencies, groupDistricts}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp huyện",
				Schedule: words("Hằng năm"), Progress: doneOnTime},
		},
	}
}

// plan2026 is the five-year plan 2026-2030: measurable targets for the
// two-tier province.
func plan2026() demoPlan {
	return demoPlan{
		Key: "p2026", Kind: "five_year",
		Title:        "Kế hoạch cải cách hành chính tỉnh " + ProvinceName + " giai đoạn 2026-2030",
		NumberSymbol: "268/KH-UBND", IssuerCode: ProvinceCode,
		Issued: fixedDay(2025, time.December, 8),
		Start:  fixedDay(2026, time.January, 1), End: fixedDay(2030, time.December, 31),
		AreaSet: "par-2021-2030", Status: "issued",
		Tasks: []demoTask{
			{Seq: "1", Area: "chi-dao",
				Content: "Ban hành kế hoạch cải cách hành chính hằng năm trong quý IV của năm trước liền kề; 100% nhiệm vụ trong kế hoạch được hoàn thành đúng thời hạn.",
				Product: "Kế hoạch cải cách hành chính hằng năm; báo cáo kết quả thực hiện.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Hằng năm"), Progress: inProgress},
			{Seq: "2", Area: "chi-dao",
				Content: "Kiểm tra cải cách hành chính hằng năm tối thiểu 30% số sở, ban, ngành tỉnh và UBND cấp xã; 100% tồn tại, hạn chế phát hiện qua kiểm tra được xử lý hoặc kiến nghị xử lý.",
				Product: "Kế hoạch kiểm tra; thông báo kết luận; báo cáo kết quả khắc phục.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{"VPUBND", Justice, "SKHCN"}, CoordText: "Văn phòng UBND tỉnh, Sở Tư pháp, Sở Khoa học và Công nghệ",
				Schedule: words("Hằng năm"), BudgetVND: 600_000_000, Funding: "Ngân sách tỉnh"},
			{Seq: "3", Area: "chi-dao",
				Content: "Chỉ số cải cách hành chính (PAR Index) và Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của tỉnh thuộc nhóm 20 địa phương dẫn đầu cả nước; mức độ hài lòng của người dân, doanh nghiệp đạt trên 90%.",
				Product: "Báo cáo phân tích kết quả Chỉ số hằng năm; kế hoạch cải thiện Chỉ số.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Giai đoạn 2026-2030")},
			{Seq: "4", Area: "the-che",
				Content: "100% dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh được lấy ý kiến đối tượng chịu tác động và thẩm định; 100% văn bản được kiểm tra sau khi ban hành.",
				Product: "Báo cáo thẩm định, báo cáo kiểm tra văn bản hằng năm.",
				Lead:    Justice, LeadText: "Sở Tư pháp",
				Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
				Schedule: words("Thường xuyên"), Progress: inProgress},
			{Seq: "5", Area: "the-che",
				Content: "Hoàn thành rà soát, sửa đổi, bổ sung hoặc thay thế các văn bản quy phạm pháp luật của tỉnh để phù hợp với mô hình chính quyền địa phương hai cấp.",
				Product: "Quyết định công bố kết quả rà soát; các văn bản được sửa đổi, thay thế.",
				Lead:    Justice, LeadText: "Sở Tư pháp",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Trước năm 2028")},
			{Seq: "6", Area: "tthc",
				Content: "100% thủ tục hành chính được công khai đầy đủ, kịp thời trên Cổng Dịch vụ công quốc gia và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh; 100% phản ánh, kiến nghị được xử lý đúng hạn.",
				Product: "Quyết định công bố danh mục thủ tục hành chính; báo cáo kết quả xử lý phản ánh, kiến nghị.",
				Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Hằng năm"), Progress: inProgress},
			{Seq: "7", Area: "tthc",
				Content: "Cắt giảm tối thiểu 30% thời gian giải quyết và 30% chi phí tuân thủ thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh so với năm 2025.",
				Product: "Phương án đơn giản hóa được phê duyệt; báo cáo đánh giá kết quả cắt giảm.",
				Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
				Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
				Schedule: words("Giai đoạn 2026-2030")},
			{Seq: "8", Area: "tthc",
				Content: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước và đúng hạn đạt trên 98%; 100% thủ tục hành chính đủ điều kiện được tiếp nhận không phụ thuộc địa giới hành chính trong phạm vi tỉnh.",
				Product: "Danh mục thủ tục hành chính tiếp nhận không phụ thuộc địa giới hành chính; báo cáo thống kê hồ sơ.",
				Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
				Coord: []string{"TTPVHCC", groupCommunes}, CoordText: "Trung tâm Phục vụ hành chính công tỉnh; UBND cấp xã",
				Schedule: words("Trước năm 2028")},
			{Seq: "9", Area: "tthc",
				Content: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 100%; tỷ lệ khai thác, sử dụng lại dữ liệu đã số hóa đạt ít nhất 80%.",
				Product: "Báo cáo kết quả số hóa hằng năm.",
				Lead:    "TTPVHCC", LeadText: "Trung tâm Phục vụ hành chính công tỉnh",
				Coord: []string{"CAT", groupCommunes}, CoordText: "Công an tỉnh; UBND cấp xã",
				Schedule: words("Năm 2030")},
			{Seq: "10", Area: "bo-may",
				Content: "Hoàn thiện chức năng, nhiệm vụ, cơ cấu tổ chức của các cơ quan chuyên môn thuộc UBND tỉnh và UBND cấp xã sau sắp xếp; giảm tối thiểu 10% đơn vị sự nghiệp công lập so với năm 2025.",
				Product: "Quyết định quy định chức năng, nhiệm vụ; đề án sắp xếp đơn vị sự nghiệp công lập.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Giai đoạn 2026-2030")},
			{Seq: "11", Area: "cong-vu",
				Content: "100% cơ quan, đơn vị có danh mục vị trí việc làm được phê duyệt; tuyển dụng, bố trí, đánh giá công chức theo vị trí việc làm và kết quả, sản phẩm cụ thể.",
				Product: "Quyết định phê duyệt vị trí việc làm; báo cáo kết quả tuyển dụng, đánh giá.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Trước năm 2028")},
			{Seq: "12", Area: "cong-vu",
				Content: "100% cán bộ, công chức cấp xã đạt chuẩn theo quy định; hằng năm ít nhất 70% cán bộ, công chức, viên chức được bồi dưỡng kiến thức, kỹ năng theo vị trí việc làm.",
				Product: "Kế hoạch đào tạo, bồi dưỡng hằng năm; báo cáo kết quả.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{"TCT", groupCommunes}, CoordText: "Trường Chính trị tỉnh; UBND cấp xã",
				Schedule: words("Hằng năm"), BudgetVND: 7_500_000_000, Funding: "Ngân sách tỉnh", Progress: inProgress},
			{Seq: "13", Area: "tai-chinh",
				Content: "100% đơn vị sự nghiệp công lập thực hiện cơ chế tự chủ tài chính; số đơn vị tự bảo đảm chi thường xuyên tăng ít nhất 20% so với năm 2025.",
				Product: "Quyết định giao quyền tự chủ; báo cáo đánh giá hằng năm.",
				Lead:    "STC", LeadText: "Sở Tài chính",
				Coord: []string{groupAgencies, groupServiceUnits}, CoordText: "Các sở, ban, ngành tỉnh; các đơn vị sự nghiệp công lập",
				Schedule: words("Năm 2030")},
			{Seq: "14", Area: "tai-chinh",
				Content: "Sắp xếp, xử lý trụ sở, tài sản công dôi dư sau sắp xếp tổ chức bộ máy và đơn vị hành chính; 100% tài sản công được cập nhật vào Cơ sở dữ liệu quốc gia về tài sản công.",
				Product: "Phương án sắp xếp, xử lý tài sản được phê duyệt; báo cáo kết quả.",
				Lead:    "STC", LeadText: "Sở Tài chính",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Trước năm 2028"), Progress: inProgress},
			{Seq: "15", Area: "cpdt",
				Content: "Tỷ lệ hồ sơ trực tuyến toàn trình đạt ít nhất 80% tổng số hồ sơ thủ tục hành chính; 100% dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình.",
				Product: "Danh mục dịch vụ công trực tuyến toàn trình; báo cáo thống kê hồ sơ trực tuyến.",
				Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
				Coord: []string{"VPUBND", groupAgencies, groupCommunes}, CoordText: "Văn phòng UBND tỉnh; các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Năm 2030")},
			{Seq: "16", Area: "cpdt",
				Content: "100% văn bản trao đổi giữa các cơ quan nhà nước (trừ văn bản mật) dưới dạng điện tử, có chữ ký số; 100% hồ sơ công việc cấp tỉnh và 90% hồ sơ công việc cấp xã được xử lý trên môi trường mạng.",
				Product: "Báo cáo kết quả ứng dụng hệ thống quản lý văn bản và điều hành.",
				Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Giai đoạn 2026-2030"), BudgetVND: 12_000_000_000, Funding: "Ngân sách tỉnh"},
			{Seq: "17", Area: "cpdt",
				Content: "Duy trì, cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại 100% cơ quan hành chính nhà nước các cấp; áp dụng hệ thống quản lý chất lượng trên môi trường điện tử.",
				Product: "Thông báo công bố hệ thống; báo cáo kiểm tra hằng năm.",
				Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
				Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
				Schedule: words("Hằng năm")},
		},
	}
}

// annualPlan is the province's plan for year, in the layout of the 2012
// guidance: the area, the specific task, its product, lead, coordinating
// agencies, time, budget and notes. Tasks are numbered through the whole
// plan so that a unit's plan can cite them by number.
func annualPlan(year int) demoPlan {
	y := fmt.Sprint(year)
	return demoPlan{
		Key: "annual", Kind: "annual",
		Title:        "Kế hoạch cải cách hành chính năm " + y + " của tỉnh " + ProvinceName,
		NumberSymbol: "295/KH-UBND", IssuerCode: ProvinceCode,
		Issued: dayOfYear(-1, time.December, 20),
		Start:  dayOfYear(0, time.January, 1), End: dayOfYear(0, time.December, 31),
		ParentKey: "p2026", AreaSet: "par-2021-2030", Status: "issued",
		Tasks: concat(
			annualDirection(year), annualInstitutions(year), annualProcedures(year),
			annualApparatus(year), annualCivilService(year), annualFinance(year), annualDigital(year)),
	}
}

func concat(lists ...[]demoTask) []demoTask {
	var all []demoTask
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

// annualDirection is section I: Công tác chỉ đạo, điều hành cải cách hành chính.
func annualDirection(year int) []demoTask {
	return []demoTask{
		{Seq: "1", Area: "chi-dao",
			Content: fmt.Sprintf("Ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm %d; kiểm tra tối thiểu 30%% số sở, ban, ngành tỉnh và UBND cấp xã, theo dõi việc khắc phục tồn tại sau kiểm tra.", year),
			Product: "Kế hoạch kiểm tra; thông báo kết luận kiểm tra đối với từng cơ quan, đơn vị.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{"VPUBND", Justice, "SKHCN"}, CoordText: "Văn phòng UBND tỉnh, Sở Tư pháp, Sở Khoa học và Công nghệ",
			Schedule: yearly("Từ tháng 3/%[1]d đến tháng 10/%[1]d"), BudgetVND: 150_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "2", Area: "chi-dao",
			Content: "Tổng hợp, xây dựng báo cáo cải cách hành chính quý, 6 tháng, năm của tỉnh trình UBND tỉnh và gửi Bộ Nội vụ.",
			Product: "Báo cáo của UBND tỉnh về công tác cải cách hành chính.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: words("Hằng quý")},
		{Seq: "3", Area: "chi-dao",
			Content: "Xây dựng báo cáo cải cách hành chính định kỳ quý, 6 tháng, năm và đột xuất của cơ quan, gửi Sở Nội vụ đúng thời hạn, số liệu chính xác.",
			Product: "Báo cáo cải cách hành chính của cơ quan.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: words("Trước ngày 05 tháng cuối quý")},
		{Seq: "4", Area: "chi-dao",
			Content: "Xây dựng báo cáo cải cách hành chính định kỳ quý, 6 tháng, năm của UBND cấp xã, gửi Sở Nội vụ đúng thời hạn.",
			Product: "Báo cáo cải cách hành chính của UBND cấp xã.",
			Lead:    groupCommunes, LeadText: "UBND cấp xã",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: words("Trước ngày 05 tháng cuối quý")},
		{Seq: "5", Area: "chi-dao",
			Content: "Tham mưu UBND tỉnh ban hành Bộ Chỉ số cải cách hành chính áp dụng đối với các sở, ban, ngành tỉnh và UBND cấp xã phù hợp với mô hình chính quyền địa phương hai cấp.",
			Product: "Quyết định của UBND tỉnh ban hành Bộ Chỉ số.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
			Schedule: yearly("Trước tháng 6 năm %d"), BudgetVND: 30_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneLate},
		{Seq: "6", Area: "chi-dao",
			Content: fmt.Sprintf("Thẩm định kết quả tự đánh giá, chấm điểm và công bố Chỉ số cải cách hành chính năm %d của các sở, ban, ngành tỉnh và UBND cấp xã.", year-1),
			Product: "Quyết định công bố Chỉ số cải cách hành chính; báo cáo phân tích kết quả.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{"VPUBND", Justice, "STC", "SKHCN"}, CoordText: "Thành viên Hội đồng thẩm định",
			Schedule: yearly("Quý II năm %d"), BudgetVND: 90_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "7", Area: "chi-dao",
			Content: fmt.Sprintf("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm %d kèm tài liệu kiểm chứng, gửi Sở Nội vụ qua phần mềm.", year),
			Product: "Bảng tự chấm điểm và tài liệu kiểm chứng.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: nextYearly("Trước ngày 15/01/%d")},
		{Seq: "8", Area: "chi-dao",
			Content: fmt.Sprintf("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm %d của UBND cấp xã kèm tài liệu kiểm chứng.", year),
			Product: "Bảng tự chấm điểm và tài liệu kiểm chứng.",
			Lead:    groupCommunes, LeadText: "UBND cấp xã",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: nextYearly("Trước ngày 15/01/%d")},
		{Seq: "9", Area: "chi-dao",
			Content: "Khảo sát, đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh (SIPAS).",
			Product: "Báo cáo kết quả khảo sát, đo lường sự hài lòng.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{groupCommunes, "TTPVHCC"}, CoordText: "UBND cấp xã; Trung tâm Phục vụ hành chính công tỉnh",
			Schedule: yearly("Quý III năm %d"), BudgetVND: 350_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneLate},
		{Seq: "10", Area: "chi-dao",
			Content: "Đo lường sự hài lòng của người dân đối với dịch vụ y tế công; công khai kết quả và có giải pháp khắc phục ở các cơ sở có tỷ lệ hài lòng thấp.",
			Product: "Báo cáo kết quả đo lường sự hài lòng về dịch vụ y tế công.",
			Lead:    "SYT", LeadText: "Sở Y tế",
			Coord: []string{"BVDK", "CDC"}, CoordText: "Bệnh viện Đa khoa tỉnh, Trung tâm Kiểm soát bệnh tật tỉnh",
			Schedule: yearly("Quý III năm %d"), BudgetVND: 120_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "11", Area: "chi-dao",
			Content: "Đo lường sự hài lòng của người dân đối với dịch vụ giáo dục công.",
			Product: "Báo cáo kết quả đo lường sự hài lòng về dịch vụ giáo dục công.",
			Lead:    "SGDDT", LeadText: "Sở Giáo dục và Đào tạo",
			Coord: []string{groupCommunes}, CoordText: "UBND cấp xã",
			Schedule: yearly("Trước ngày 30/9/%d"), BudgetVND: 100_000_000, Funding: "Ngân sách tỉnh",
			Progress: overdue, Notes: "Chưa hoàn thành khảo sát ở các trường trung học phổ thông."},
		{Seq: "12", Area: "chi-dao",
			Content: "Duy trì chuyên mục \"Cải cách hành chính\" trên sóng phát thanh, truyền hình và báo điện tử của tỉnh; phản ánh kết quả, gương điển hình và những hạn chế cần khắc phục.",
			Product: "Chuyên mục định kỳ 02 kỳ/tháng; tin, bài, phóng sự.",
			Lead:    "BPTTH", LeadText: "Báo và Phát thanh, Truyền hình " + ProvinceName,
			Coord: []string{HomeAffairs, "SVHTTDL"}, CoordText: "Sở Nội vụ, Sở Văn hóa, Thể thao và Du lịch",
			Schedule: words("Thường xuyên"), BudgetVND: 180_000_000, Funding: "Ngân sách tỉnh (kinh phí tuyên truyền cải cách hành chính)",
			Progress: inProgress},
		{Seq: "13", Area: "chi-dao",
			Content: "Phát hiện, đánh giá, công nhận sáng kiến, mô hình mới trong cải cách hành chính; nhân rộng ít nhất 05 mô hình hiệu quả trong toàn tỉnh.",
			Product: "Quyết định công nhận sáng kiến; danh mục mô hình được nhân rộng.",
			Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
			Coord: []string{HomeAffairs, groupAgencies, groupCommunes}, CoordText: "Sở Nội vụ; các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: yearly("Tháng 12/%d"), BudgetVND: 60_000_000, Funding: "Ngân sách tỉnh"},
		{Seq: "14", Area: "chi-dao",
			Content: "Gắn kết quả thực hiện nhiệm vụ cải cách hành chính với đánh giá, xếp loại người đứng đầu và bình xét thi đua, khen thưởng của cơ quan.",
			Product: "Kết quả đánh giá, xếp loại; quyết định khen thưởng.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: yearly("Trong năm %d")},
	}
}

// annualInstitutions is section II: Cải cách thể chế.
func annualInstitutions(year int) []demoTask {
	return []demoTask{
		{Seq: "15", Area: "the-che",
			Content: "Thẩm định 100% dự thảo văn bản quy phạm pháp luật do UBND tỉnh ban hành hoặc trình HĐND tỉnh ban hành, bảo đảm đúng thời hạn theo Luật Ban hành văn bản quy phạm pháp luật năm 2025.",
			Product: "Báo cáo thẩm định dự thảo văn bản.",
			Lead:    Justice, LeadText: "Sở Tư pháp",
			Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
			Schedule: words("Thường xuyên"), Progress: inProgress},
		{Seq: "16", Area: "the-che",
			Content: "Rà soát, sửa đổi, bổ sung, thay thế các văn bản quy phạm pháp luật của tỉnh còn quy định nhiệm vụ của cấp huyện, không còn phù hợp với mô hình chính quyền địa phương hai cấp:",
			Product: "Danh mục văn bản cần xử lý; Quyết định của Chủ tịch UBND tỉnh công bố kết quả rà soát.",
			Lead:    Justice, LeadText: "Sở Tư pháp",
			Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
			Schedule: yearly("6 tháng đầu năm %d"), BudgetVND: 50_000_000, Funding: "Ngân sách tỉnh",
			Sub: []demoTask{
				{Seq: "a", Area: "the-che",
					Content: "Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý, đề xuất hình thức xử lý, gửi kết quả về Sở Tư pháp.",
					Product: "Báo cáo kết quả rà soát kèm danh mục văn bản.",
					Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
					Coord: []string{Justice}, CoordText: "Sở Tư pháp",
					Schedule: yearly("Trước ngày 31/3/%d")},
				{Seq: "b", Area: "the-che",
					Content: "Tổng hợp kết quả rà soát, trình Chủ tịch UBND tỉnh công bố danh mục văn bản hết hiệu lực toàn bộ hoặc một phần.",
					Product: "Quyết định công bố của Chủ tịch UBND tỉnh.",
					Lead:    Justice, LeadText: "Sở Tư pháp",
					Coord: []string{"VPUBND"}, CoordText: "Văn phòng UBND tỉnh",
					Schedule: yearly("Trước ngày 30/6/%d"), Progress: doneLate},
			}},
		{Seq: "17", Area: "the-che",
			Content: "Kiểm tra văn bản quy phạm pháp luật sau khi ban hành; kịp thời kiến nghị xử lý văn bản có nội dung trái pháp luật hoặc không còn phù hợp.",
			Product: "Thông báo kết quả kiểm tra; báo cáo công tác kiểm tra văn bản.",
			Lead:    Justice, LeadText: "Sở Tư pháp",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: words("Thường xuyên")},
		{Seq: "18", Area: "the-che",
			Content: fmt.Sprintf("Theo dõi tình hình thi hành pháp luật năm %d; lĩnh vực trọng tâm: đất đai và xử lý vi phạm hành chính.", year),
			Product: "Kế hoạch theo dõi; báo cáo tình hình thi hành pháp luật.",
			Lead:    Justice, LeadText: "Sở Tư pháp",
			Coord: []string{"SNNMT", "CAT"}, CoordText: "Sở Nông nghiệp và Môi trường, Công an tỉnh",
			Schedule: yearly("Từ tháng 4/%[1]d đến tháng 11/%[1]d"), BudgetVND: 60_000_000, Funding: "Ngân sách tỉnh"},
		{Seq: "19", Area: "the-che",
			Content: "Tập huấn kỹ năng soạn thảo, kiểm tra, rà soát văn bản quy phạm pháp luật cho công chức Tư pháp - Hộ tịch và công chức Văn phòng HĐND và UBND cấp xã.",
			Product: "Tài liệu tập huấn; 02 lớp tập huấn.",
			Lead:    Justice, LeadText: "Sở Tư pháp",
			Coord: []string{groupCommunes}, CoordText: "UBND cấp xã",
			Schedule: yearly("Quý II năm %d"), BudgetVND: 80_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "20", Area: "the-che",
			Content: "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND cấp xã ban hành; bãi bỏ văn bản không còn phù hợp sau sắp xếp đơn vị hành chính.",
			Product: "Báo cáo kết quả rà soát, hệ thống hóa.",
			Lead:    groupCommunes, LeadText: "UBND cấp xã",
			Coord: []string{Justice}, CoordText: "Sở Tư pháp",
			Schedule: yearly("Trước ngày 30/9/%d")},
	}
}

// annualProcedures is section III: Cải cách thủ tục hành chính.
func annualProcedures(year int) []demoTask {
	return []demoTask{
		{Seq: "21", Area: "tthc",
			Content: "Công bố, công khai kịp thời, đầy đủ danh mục thủ tục hành chính; 100% thủ tục hành chính được công khai trên Cổng Dịch vụ công quốc gia, tại Trung tâm Phục vụ hành chính công tỉnh và Bộ phận một cửa cấp xã.",
			Product: "Quyết định công bố danh mục thủ tục hành chính của Chủ tịch UBND tỉnh.",
			Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: words("Thường xuyên"), BudgetVND: 30_000_000, Funding: "Ngân sách tỉnh"},
		{Seq: "22", Area: "tthc",
			Content: fmt.Sprintf("Rà soát, đánh giá, đơn giản hóa thủ tục hành chính năm %d, ưu tiên các thủ tục liên quan đến đất đai, đầu tư, xây dựng:", year),
			Product: "Quyết định phê duyệt phương án đơn giản hóa thủ tục hành chính.",
			Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
			Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
			Schedule: yearly("Trong năm %d"), BudgetVND: 70_000_000, Funding: "Ngân sách tỉnh",
			Sub: []demoTask{
				{Seq: "a", Area: "tthc",
					Content: "Ban hành Kế hoạch rà soát, đánh giá thủ tục hành chính.",
					Product: "Kế hoạch của UBND tỉnh.",
					Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
					Schedule: yearly("Quý I năm %d"), Progress: doneOnTime},
				{Seq: "b", Area: "tthc",
					Content: "Rà soát thủ tục hành chính thuộc phạm vi quản lý, đề xuất phương án cắt giảm thời gian, chi phí tuân thủ.",
					Product: "Báo cáo rà soát kèm phương án đơn giản hóa.",
					Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
					Coord: []string{"VPUBND"}, CoordText: "Văn phòng UBND tỉnh",
					Schedule: yearly("Trước ngày 31/7/%d")},
				{Seq: "c", Area: "tthc",
					Content: "Tổng hợp, trình Chủ tịch UBND tỉnh phê duyệt phương án đơn giản hóa thủ tục hành chính.",
					Product: "Quyết định phê duyệt phương án.",
					Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
					Schedule: yearly("Trước ngày 30/9/%d"), Progress: doneLate},
			}},
		{Seq: "23", Area: "tthc",
			Content: "Xây dựng quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính; cấu hình trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
			Product: "Quyết định phê duyệt quy trình nội bộ; quy trình điện tử được cấu hình.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{"VPUBND", "SKHCN"}, CoordText: "Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ",
			Schedule: words("Trong thời hạn 05 ngày làm việc kể từ ngày quyết định công bố thủ tục hành chính có hiệu lực")},
		{Seq: "24", Area: "tthc",
			Content: "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính; 100% phản ánh, kiến nghị được xử lý và công khai kết quả đúng hạn.",
			Product: "Báo cáo kết quả tiếp nhận, xử lý phản ánh, kiến nghị.",
			Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: words("Thường xuyên")},
		{Seq: "25", Area: "tthc",
			Content: "Kiểm tra công tác kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông tại các sở, ban, ngành và UBND cấp xã.",
			Product: "Kế hoạch kiểm tra; thông báo kết luận kiểm tra.",
			Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: yearly("Quý III năm %d"), BudgetVND: 50_000_000, Funding: "Ngân sách tỉnh",
			Progress: overdue, Notes: "Đã kiểm tra 6/10 đơn vị theo kế hoạch."},
		{Seq: "26", Area: "tthc",
			Content: "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông cho công chức cấp xã sau sắp xếp.",
			Product: "03 lớp tập huấn; tài liệu hướng dẫn nghiệp vụ.",
			Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
			Coord: []string{HomeAffairs, groupCommunes}, CoordText: "Sở Nội vụ; UBND cấp xã",
			Schedule: yearly("6 tháng đầu năm %d"), BudgetVND: 150_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "27", Area: "tthc",
			Content: "Theo dõi, đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo Quyết định số 766/QĐ-TTg; công khai kết quả trên Cổng thông tin điện tử tỉnh.",
			Product: "Kết quả đánh giá được công khai hằng tháng.",
			Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: words("Hằng tháng")},
		{Seq: "28", Area: "tthc",
			Content: "Tiếp nhận, giải quyết, trả kết quả thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh; tiếp nhận hồ sơ không phụ thuộc địa giới hành chính đối với 100% thủ tục đủ điều kiện.",
			Product: "Báo cáo thống kê hồ sơ hằng tháng.",
			Lead:    "TTPVHCC", LeadText: "Trung tâm Phục vụ hành chính công tỉnh",
			Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
			Schedule: words("Thường xuyên"), BudgetVND: 450_000_000, Funding: "Nguồn kinh phí thường xuyên của đơn vị"},
		{Seq: "29", Area: "tthc",
			Content: "Kiện toàn Bộ phận một cửa cấp xã sau sắp xếp; bố trí công chức, trang thiết bị bảo đảm tiếp nhận hồ sơ trực tuyến và trả kết quả điện tử.",
			Product: "Quyết định kiện toàn Bộ phận một cửa; báo cáo điều kiện bảo đảm.",
			Lead:    groupCommunes, LeadText: "UBND cấp xã",
			Coord: []string{"VPUBND", HomeAffairs}, CoordText: "Văn phòng UBND tỉnh, Sở Nội vụ",
			Schedule: yearly("Trước tháng 6 năm %d")},
		{Seq: "30", Area: "tthc",
			Content: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính khi tiếp nhận; tỷ lệ số hóa đạt 100%, khai thác lại dữ liệu đã số hóa.",
			Product: "Báo cáo kết quả số hóa.",
			Lead:    groupCommunes, LeadText: "UBND cấp xã",
			Coord: []string{"VPUBND", "CAT"}, CoordText: "Văn phòng UBND tỉnh, Công an tỉnh",
			Schedule: yearly("Trong năm %d")},
		{Seq: "31", Area: "tthc",
			Content: "Gửi phiếu xin lỗi và hẹn lại ngày trả kết quả đối với 100% hồ sơ giải quyết quá hạn; công khai số hồ sơ quá hạn trên trang thông tin điện tử của cơ quan.",
			Product: "Phiếu xin lỗi; danh sách hồ sơ quá hạn được công khai.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{"VPUBND"}, CoordText: "Văn phòng UBND tỉnh",
			Schedule: words("Thường xuyên")},
		{Seq: "32", Area: "tthc",
			Content: "Thí điểm tiếp nhận hồ sơ và trả kết quả thủ tục hành chính tại nhà cho người cao tuổi, người khuyết tật trên địa bàn phường.",
			Product: "Báo cáo sơ kết mô hình thí điểm.",
			Lead:    codeWardAnPhu, LeadText: "UBND phường An Phú",
			Coord: []string{"TTPVHCC"}, CoordText: "Trung tâm Phục vụ hành chính công tỉnh",
			Schedule: yearly("Từ tháng 3/%[1]d đến tháng 9/%[1]d"), BudgetVND: 30_000_000, Funding: "Ngân sách cấp xã",
			Progress: doneOnTime},
		{Seq: "33", Area: "tthc",
			Content: "Xây dựng mô hình \"Bộ phận một cửa thân thiện\": bố trí khu vực chờ, ki-ốt tra cứu, hỗ trợ người dân nộp hồ sơ trực tuyến.",
			Product: "Mô hình được đưa vào hoạt động; báo cáo kết quả.",
			Lead:    codeXaTanHoa, LeadText: "UBND xã Tân Hòa",
			Coord: []string{"VPUBND"}, CoordText: "Văn phòng UBND tỉnh",
			Schedule: yearly("Trước ngày 30/9/%d"), BudgetVND: 40_000_000, Funding: "Ngân sách cấp xã",
			Progress: overdue, Notes: "Chưa bố trí được ki-ốt tra cứu."},
	}
}

// annualApparatus is section IV: Cải cách tổ chức bộ máy.
func annualApparatus(year int) []demoTask {
	return []demoTask{
		{Seq: "34", Area: "bo-may",
			Content: "Tham mưu UBND tỉnh hoàn thiện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các cơ quan chuyên môn thuộc UBND tỉnh sau sắp xếp.",
			Product: "Quyết định của UBND tỉnh đối với từng cơ quan.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
			Schedule: yearly("Quý I năm %d"), Progress: doneLate},
		{Seq: "35", Area: "bo-may",
			Content: "Ban hành quy định chức năng, nhiệm vụ của các phòng chuyên môn, đơn vị trực thuộc; sửa đổi quy chế làm việc của cơ quan.",
			Product: "Quyết định của người đứng đầu cơ quan.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: yearly("Trước tháng 6 năm %d")},
		{Seq: "36", Area: "bo-may",
			Content: "Rà soát, sắp xếp lại các đơn vị sự nghiệp công lập; giảm đầu mối, giảm số người làm việc hưởng lương từ ngân sách nhà nước.",
			Product: "Đề án sắp xếp đơn vị sự nghiệp công lập được phê duyệt.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{"STC", groupAgencies}, CoordText: "Sở Tài chính; các sở, ban, ngành tỉnh",
			Schedule: yearly("Trong năm %d"), Progress: inProgress},
		{Seq: "37", Area: "bo-may",
			Content: fmt.Sprintf("Quản lý biên chế công chức, số lượng người làm việc năm %d theo đúng số được giao; thực hiện chính sách đối với người nghỉ việc theo Nghị định số 178/2024/NĐ-CP.", year),
			Product: "Quyết định giao biên chế; báo cáo kết quả thực hiện chính sách.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{"STC", groupAgencies, groupCommunes}, CoordText: "Sở Tài chính; các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: yearly("Trong năm %d")},
		{Seq: "38", Area: "bo-may",
			Content: "Kiện toàn tổ chức bộ máy chính quyền cấp xã sau sắp xếp:",
			Product: "Quyết định kiện toàn; quy chế làm việc của UBND cấp xã.",
			Lead:    groupCommunes, LeadText: "UBND cấp xã",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: yearly("6 tháng đầu năm %d"),
			Sub: []demoTask{
				{Seq: "a", Area: "bo-may",
					Content: "Bố trí cán bộ, công chức vào các phòng chuyên môn theo vị trí việc làm; điều động công chức dôi dư theo phương án đã duyệt.",
					Product: "Quyết định phân công, bố trí công chức.",
					Lead:    groupCommunes, LeadText: "UBND cấp xã",
					Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
					Schedule: yearly("6 tháng đầu năm %d")},
				{Seq: "b", Area: "bo-may",
					Content: "Ban hành quy chế làm việc của UBND cấp xã theo mẫu do UBND tỉnh hướng dẫn.",
					Product: "Quyết định ban hành quy chế làm việc.",
					Lead:    groupCommunes, LeadText: "UBND cấp xã",
					Schedule: yearly("Quý II năm %d")},
			}},
		{Seq: "39", Area: "bo-may",
			Content: "Rà soát, đề xuất phân cấp, ủy quyền giải quyết thủ tục hành chính cho UBND cấp xã theo Luật Tổ chức chính quyền địa phương năm 2025.",
			Product: "Quyết định phân cấp, ủy quyền của UBND tỉnh.",
			Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
			Coord: []string{HomeAffairs, Justice, groupAgencies}, CoordText: "Sở Nội vụ, Sở Tư pháp; các sở, ban, ngành tỉnh",
			Schedule: yearly("Trước ngày 31/10/%d")},
	}
}

// annualCivilService is section V: Cải cách chế độ công vụ.
func annualCivilService(year int) []demoTask {
	return []demoTask{
		{Seq: "40", Area: "cong-vu",
			Content: "Hoàn thiện, trình phê duyệt danh mục vị trí việc làm, bản mô tả công việc và khung năng lực của các cơ quan hành chính và UBND cấp xã sau sắp xếp.",
			Product: "Quyết định phê duyệt vị trí việc làm.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: yearly("Trước ngày 30/9/%d"), Progress: paused,
			Notes: "Tạm dừng chờ hướng dẫn của Bộ Nội vụ về vị trí việc làm cấp xã."},
		{Seq: "41", Area: "cong-vu",
			Content: fmt.Sprintf("Tổ chức tuyển dụng công chức năm %d bằng hình thức thi tuyển trên máy vi tính; công khai kết quả trên Cổng thông tin điện tử tỉnh.", year),
			Product: "Thông báo tuyển dụng; quyết định công nhận kết quả.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{"TCT"}, CoordText: "Trường Chính trị tỉnh",
			Schedule: yearly("Quý III năm %d"), BudgetVND: 400_000_000, Funding: "Phí dự tuyển và ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "42", Area: "cong-vu",
			Content: fmt.Sprintf("Xây dựng, triển khai Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm %d; ít nhất 70%% công chức cấp xã được bồi dưỡng kiến thức, kỹ năng.", year),
			Product: "Kế hoạch đào tạo, bồi dưỡng; báo cáo kết quả.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{"TCT", groupCommunes}, CoordText: "Trường Chính trị tỉnh; UBND cấp xã",
			Schedule: yearly("Từ tháng 3/%[1]d đến tháng 11/%[1]d"), BudgetVND: 1_200_000_000, Funding: "Ngân sách tỉnh"},
		{Seq: "43", Area: "cong-vu",
			Content: "Mở lớp bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên và chuyên viên chính.",
			Product: "04 lớp bồi dưỡng; chứng chỉ cho học viên.",
			Lead:    "TCT", LeadText: "Trường Chính trị tỉnh",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: yearly("Quý II, III năm %d"), BudgetVND: 650_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "44", Area: "cong-vu",
			Content: fmt.Sprintf("Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm %d theo kết quả, sản phẩm cụ thể, gắn với vị trí việc làm.", year),
			Product: "Kết quả đánh giá, xếp loại.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: yearly("Tháng 12/%d")},
		{Seq: "45", Area: "cong-vu",
			Content: "Kiểm tra công vụ, kỷ luật, kỷ cương hành chính; kiểm tra đột xuất việc chấp hành thời giờ làm việc và thái độ phục vụ tại Bộ phận một cửa các cấp.",
			Product: "Thông báo kết quả kiểm tra công vụ.",
			Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
			Coord: []string{"TTT", "VPUBND"}, CoordText: "Thanh tra tỉnh, Văn phòng UBND tỉnh",
			Schedule: words("Thường xuyên"), BudgetVND: 40_000_000, Funding: "Ngân sách tỉnh"},
		{Seq: "46", Area: "cong-vu",
			Content: "Thực hiện quy tắc ứng xử, văn hóa công vụ; niêm yết số điện thoại đường dây nóng và hòm thư góp ý tại nơi tiếp nhận hồ sơ.",
			Product: "Báo cáo kết quả thực hiện.",
			Lead:    groupCommunes, LeadText: "UBND cấp xã",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: words("Thường xuyên")},
		{Seq: "47", Area: "cong-vu",
			Content: "Tổ chức xét thăng hạng chức danh nghề nghiệp viên chức ngành giáo dục.",
			Product: "Quyết định công nhận kết quả xét thăng hạng.",
			Lead:    "SGDDT", LeadText: "Sở Giáo dục và Đào tạo",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: yearly("Quý IV năm %d"), BudgetVND: 300_000_000, Funding: "Ngân sách tỉnh"},
	}
}

// annualFinance is section VI: Cải cách tài chính công.
func annualFinance(year int) []demoTask {
	return []demoTask{
		{Seq: "48", Area: "tai-chinh",
			Content: fmt.Sprintf("Hướng dẫn lập dự toán kinh phí thực hiện nhiệm vụ cải cách hành chính năm %d của các cơ quan, đơn vị.", year+1),
			Product: "Văn bản hướng dẫn của Sở Tài chính.",
			Lead:    "STC", LeadText: "Sở Tài chính",
			Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
			Schedule: yearly("Quý IV năm %d")},
		{Seq: "49", Area: "tai-chinh",
			Content: "Giao quyền tự chủ tài chính cho đơn vị sự nghiệp công lập giai đoạn 2026-2030 theo Nghị định số 60/2021/NĐ-CP:",
			Product: "Quyết định giao quyền tự chủ cho từng đơn vị.",
			Lead:    "STC", LeadText: "Sở Tài chính",
			Coord: []string{groupAgencies}, CoordText: "Các sở, ban, ngành tỉnh",
			Schedule: yearly("6 tháng đầu năm %d"),
			Sub: []demoTask{
				{Seq: "a", Area: "tai-chinh",
					Content: "Xây dựng phương án tự chủ tài chính, gửi cơ quan quản lý cấp trên thẩm định.",
					Product: "Phương án tự chủ tài chính của đơn vị.",
					Lead:    groupServiceUnits, LeadText: "Các đơn vị sự nghiệp công lập",
					Coord: []string{"STC"}, CoordText: "Sở Tài chính",
					Schedule: yearly("Trước ngày 31/3/%d")},
				{Seq: "b", Area: "tai-chinh",
					Content: "Thẩm định, trình UBND tỉnh phê duyệt phương án tự chủ tài chính của các đơn vị.",
					Product: "Quyết định của UBND tỉnh.",
					Lead:    "STC", LeadText: "Sở Tài chính",
					Schedule: yearly("Quý II năm %d"), Progress: doneLate},
			}},
		{Seq: "50", Area: "tai-chinh",
			Content: "Thực hiện cơ chế tự chủ về sử dụng biên chế và kinh phí quản lý hành chính; sửa đổi, công khai Quy chế chi tiêu nội bộ và Quy chế quản lý, sử dụng tài sản công.",
			Product: "Quy chế chi tiêu nội bộ được ban hành, công khai.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{"STC"}, CoordText: "Sở Tài chính",
			Schedule: yearly("Quý I năm %d")},
		{Seq: "51", Area: "tai-chinh",
			Content: "Công khai dự toán, quyết toán ngân sách địa phương và tình hình thực hiện dự toán.",
			Product: "Quyết định công bố công khai; báo cáo công khai trên Cổng thông tin điện tử.",
			Lead:    "STC", LeadText: "Sở Tài chính",
			Schedule: words("Theo quy định")},
		{Seq: "52", Area: "tai-chinh",
			Content: "Sắp xếp, xử lý trụ sở làm việc, tài sản công dôi dư sau sắp xếp đơn vị hành chính; cập nhật đầy đủ vào Cơ sở dữ liệu quốc gia về tài sản công.",
			Product: "Phương án xử lý tài sản được phê duyệt; báo cáo kết quả.",
			Lead:    "STC", LeadText: "Sở Tài chính",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: yearly("Trước ngày 30/9/%d"), Progress: overdue,
			Notes: "Còn 14 trụ sở chưa có phương án xử lý."},
		{Seq: "53", Area: "tai-chinh",
			Content: fmt.Sprintf("Đẩy nhanh giải ngân kế hoạch vốn đầu tư công năm %d; tỷ lệ giải ngân đạt trên 95%% kế hoạch vốn được giao.", year),
			Product: "Báo cáo tình hình giải ngân hằng tháng.",
			Lead:    "STC", LeadText: "Sở Tài chính",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các chủ đầu tư; UBND cấp xã",
			Schedule: nextYearly("Trước ngày 31/01/%d")},
	}
}

// annualDigital is section VII: Xây dựng và phát triển Chính phủ điện tử,
// Chính phủ số.
func annualDigital(year int) []demoTask {
	return []demoTask{
		{Seq: "54", Area: "cpdt",
			Content: "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh; kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư và các cơ sở dữ liệu chuyên ngành.",
			Product: "Hệ thống được nâng cấp, nghiệm thu.",
			Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
			Coord: []string{"VPUBND", "CAT", "TTCNTT"}, CoordText: "Văn phòng UBND tỉnh, Công an tỉnh, Trung tâm Công nghệ thông tin và Truyền thông",
			Schedule: yearly("Trước ngày 30/6/%d"), BudgetVND: 2_500_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneLate},
		{Seq: "55", Area: "cpdt",
			Content: "Tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ trực tuyến toàn trình đạt ít nhất 60% tổng số hồ sơ:",
			Product: "Danh mục dịch vụ công trực tuyến toàn trình; báo cáo thống kê hồ sơ trực tuyến.",
			Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
			Coord: []string{"VPUBND"}, CoordText: "Văn phòng UBND tỉnh",
			Schedule: yearly("Trong năm %d"), BudgetVND: 150_000_000, Funding: "Ngân sách tỉnh",
			Sub: []demoTask{
				{Seq: "a", Area: "cpdt",
					Content: "Rà soát, đề xuất danh mục thủ tục hành chính đủ điều kiện cung cấp trực tuyến toàn trình.",
					Product: "Văn bản đề xuất danh mục.",
					Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
					Coord: []string{"SKHCN"}, CoordText: "Sở Khoa học và Công nghệ",
					Schedule: yearly("Quý I năm %d")},
				{Seq: "b", Area: "cpdt",
					Content: "Trình Chủ tịch UBND tỉnh phê duyệt danh mục dịch vụ công trực tuyến toàn trình.",
					Product: "Quyết định phê duyệt danh mục.",
					Lead:    "VPUBND", LeadText: "Văn phòng UBND tỉnh",
					Schedule: yearly("Trước tháng 5 năm %d"), Progress: doneOnTime},
				{Seq: "c", Area: "cpdt",
					Content: "Hướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến; tỷ lệ hồ sơ trực tuyến toàn trình cấp xã đạt ít nhất 50%.",
					Product: "Báo cáo kết quả hằng quý.",
					Lead:    groupCommunes, LeadText: "UBND cấp xã",
					Schedule: yearly("Trong năm %d")},
			}},
		{Seq: "56", Area: "cpdt",
			Content: "Xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 sau sắp xếp tổ chức bộ máy:",
			Product: "Thông báo công bố hệ thống quản lý chất lượng.",
			Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
			Coord: []string{groupAgencies, groupCommunes}, CoordText: "Các sở, ban, ngành tỉnh; UBND cấp xã",
			Schedule: yearly("Trong năm %d"), BudgetVND: 300_000_000, Funding: "Ngân sách tỉnh",
			Sub: []demoTask{
				{Seq: "a", Area: "cpdt",
					Content: "Xây dựng, áp dụng và công bố hệ thống quản lý chất lượng tại UBND cấp xã mới thành lập.",
					Product: "Quyết định công bố hệ thống quản lý chất lượng.",
					Lead:    groupCommunes, LeadText: "UBND cấp xã",
					Coord: []string{"SKHCN"}, CoordText: "Sở Khoa học và Công nghệ",
					Schedule: yearly("Trước ngày 30/9/%d")},
				{Seq: "b", Area: "cpdt",
					Content: "Kiểm tra việc áp dụng, duy trì hệ thống quản lý chất lượng tại các cơ quan hành chính.",
					Product: "Thông báo kết quả kiểm tra.",
					Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
					Schedule: yearly("Quý IV năm %d")},
			}},
		{Seq: "57", Area: "cpdt",
			Content: "Gửi, nhận văn bản điện tử có ký số qua hệ thống quản lý văn bản và điều hành; 100% văn bản đi (trừ văn bản mật) được ký số.",
			Product: "Số liệu thống kê văn bản điện tử hằng quý.",
			Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
			Coord: []string{"SKHCN"}, CoordText: "Sở Khoa học và Công nghệ",
			Schedule: words("Thường xuyên")},
		{Seq: "58", Area: "cpdt",
			Content: "Bảo đảm an toàn thông tin mạng cho các hệ thống thông tin dùng chung; tổ chức diễn tập ứng cứu sự cố an toàn thông tin.",
			Product: "Kịch bản và báo cáo kết quả diễn tập.",
			Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
			Coord: []string{"CAT", "TTCNTT"}, CoordText: "Công an tỉnh, Trung tâm Công nghệ thông tin và Truyền thông",
			Schedule: yearly("Quý III năm %d"), BudgetVND: 250_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "59", Area: "cpdt",
			Content: "Vận hành Hệ thống thông tin báo cáo của tỉnh, kết nối với Hệ thống thông tin báo cáo Chính phủ; tích hợp các chỉ tiêu báo cáo cải cách hành chính.",
			Product: "Hệ thống vận hành ổn định; chỉ tiêu được tích hợp.",
			Lead:    "TTCBTH", LeadText: "Trung tâm Công báo - Tin học",
			Coord: []string{"VPUBND", HomeAffairs}, CoordText: "Văn phòng UBND tỉnh, Sở Nội vụ",
			Schedule: yearly("Trong năm %d"), BudgetVND: 200_000_000, Funding: "Ngân sách tỉnh"},
		{Seq: "60", Area: "cpdt",
			Content: "Cấp chứng thư chữ ký số cho cán bộ, công chức và UBND cấp xã mới thành lập.",
			Product: "Chứng thư số được cấp, đưa vào sử dụng.",
			Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
			Coord: []string{groupCommunes}, CoordText: "UBND cấp xã",
			Schedule: yearly("Trước tháng 4 năm %d"), BudgetVND: 100_000_000, Funding: "Ngân sách tỉnh",
			Progress: doneOnTime},
		{Seq: "61", Area: "cpdt",
			Content: "Thí điểm trợ lý ảo ứng dụng trí tuệ nhân tạo hướng dẫn thủ tục hành chính trên Cổng Dịch vụ công của tỉnh.",
			Product: "Trợ lý ảo được đưa vào vận hành thử.",
			Lead:    "SKHCN", LeadText: "Sở Khoa học và Công nghệ",
			Coord: []string{"VPUBND", "TTPVHCC"}, CoordText: "Văn phòng UBND tỉnh, Trung tâm Phục vụ hành chính công tỉnh",
			Schedule: yearly("Trước tháng 12/%d"), BudgetVND: 500_000_000, Funding: "Ngân sách tỉnh"},
	}
}

// homeAffairsOmitted is the Seq of the one task the province gave Sở Nội vụ
// that Sở Nội vụ's own plan leaves out (it took the reorganisation of
// public service units for Sở Tài chính's work), so the coverage check has
// a gap to show.
const homeAffairsOmitted = "36"

// homeAffairsDivisions says which division of Sở Nội vụ carries each
// province task; a unit plan names its divisions in the notes.
var homeAffairsDivisions = map[string]string{
	"1": "Phòng Cải cách hành chính", "2": "Phòng Cải cách hành chính", "5": "Phòng Cải cách hành chính",
	"6": "Phòng Cải cách hành chính", "9": "Phòng Cải cách hành chính",
	"34": "Phòng Tổ chức, biên chế", "37": "Phòng Tổ chức, biên chế", "40": "Phòng Tổ chức, biên chế",
	"41": "Phòng Công chức, viên chức", "42": "Phòng Công chức, viên chức", "45": "Thanh tra Sở",
}

// homeAffairsPlan is Sở Nội vụ's own plan for year: every task the
// province's annual plan gives it by name, in the same words, except
// homeAffairsOmitted, then three tasks of its own. Tasks led by a group
// that includes Sở Nội vụ (all provincial agencies) are not copied.
func homeAffairsPlan(year int) demoPlan {
	var tasks []demoTask
	for _, t := range annualPlan(year).Tasks {
		if t.Lead != HomeAffairs || t.Seq == homeAffairsOmitted {
			continue
		}
		c := t
		c.Seq, c.Source = fmt.Sprint(len(tasks)+1), t.Seq
		division, ok := homeAffairsDivisions[t.Seq]
		if !ok {
			division = "Phòng Cải cách hành chính"
		}
		c.Notes = strings.TrimSpace(division + " chủ trì tham mưu. " + t.Notes)
		tasks = append(tasks, c)
	}
	own := []demoTask{
		{Area: "chi-dao",
			Content:  "Phân công công chức theo dõi từng lĩnh vực cải cách hành chính; cập nhật tiến độ nhiệm vụ của Sở trên phần mềm theo dõi.",
			Product:  "Quyết định phân công của Giám đốc Sở.",
			Schedule: yearly("Quý I năm %d"), Progress: doneOnTime,
			Notes: "Văn phòng Sở chủ trì tham mưu."},
		{Area: "tthc",
			Content: "Chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính của Sở, gồm các lĩnh vực lao động, người có công, bảo trợ xã hội tiếp nhận từ Sở Lao động - Thương binh và Xã hội.",
			Product: "Quyết định phê duyệt quy trình nội bộ.",
			Coord:   []string{"VPUBND"}, CoordText: "Văn phòng UBND tỉnh",
			Schedule: yearly("Trước tháng 6 năm %d"), Progress: doneLate,
			Notes: "Văn phòng Sở chủ trì tham mưu."},
		{Area: "cpdt",
			Content: "Duy trì, cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại Sở; cập nhật hệ thống sau khi tiếp nhận chức năng, nhiệm vụ mới.",
			Product: "Thông báo công bố lại hệ thống quản lý chất lượng.",
			Coord:   []string{"SKHCN"}, CoordText: "Sở Khoa học và Công nghệ",
			Schedule: yearly("Trước ngày 30/9/%d"), BudgetVND: 20_000_000, Funding: "Nguồn kinh phí thường xuyên của đơn vị",
			Notes: "Văn phòng Sở chủ trì tham mưu."},
	}
	for _, t := range own {
		t.Seq, t.Lead, t.LeadText = fmt.Sprint(len(tasks)+1), HomeAffairs, "Sở Nội vụ"
		tasks = append(tasks, t)
	}
	return demoPlan{
		Key: "snv-annual", Kind: "annual",
		Title:        fmt.Sprintf("Kế hoạch cải cách hành chính năm %d của Sở Nội vụ", year),
		NumberSymbol: "12/KH-SNV", IssuerCode: HomeAffairs,
		Issued: dayOfYear(0, time.January, 8),
		Start:  dayOfYear(0, time.January, 1), End: dayOfYear(0, time.December, 31),
		ParentKey: "annual", AreaSet: "par-2021-2030", Status: "issued",
		Tasks: tasks,
	}
}

// communicationPlan is the year's communication plan for CCHC (kế hoạch
// tuyên truyền), led mostly by the press and Sở Văn hóa, Thể thao và Du
// lịch, which has managed the press since 01/03/2025.
func communicationPlan(year int) demoPlan {
	return demoPlan{
		Key: "tuyen-truyen", Kind: "thematic",
		Title:        fmt.Sprintf("Kế hoạch tuyên truyền cải cách hành chính năm %d", year),
		NumberSymbol: "18/KH-UBND", IssuerCode: ProvinceCode,
		Issued: dayOfYear(0, time.January, 15),
		Start:  dayOfYear(0, time.January, 1), End: dayOfYear(0, time.December, 31),
		ParentKey: "annual", AreaSet: "par-2021-2030", Status: "issued",
		Tasks: []demoTask{
			{Seq: "1", Area: "chi-dao",
				Content: "Hướng dẫn các cơ quan báo chí, hệ thống thông tin cơ sở nội dung tuyên truyền cải cách hành chính, chuyển đổi số trong năm.",
				Product: "Văn bản hướng dẫn tuyên truyền.",
				Lead:    "SVHTTDL", LeadText: "Sở Văn hóa, Thể thao và Du lịch",
				Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
				Schedule: yearly("Quý I năm %d"), Progress: doneOnTime},
			{Seq: "2", Area: "chi-dao",
				Content: "Phát sóng chuyên mục \"Cải cách hành chính - Vì nhân dân phục vụ\" trên kênh truyền hình và phát thanh của tỉnh.",
				Product: "24 chuyên mục phát thanh, 24 chuyên mục truyền hình.",
				Lead:    "BPTTH", LeadText: "Báo và Phát thanh, Truyền hình " + ProvinceName,
				Coord: []string{HomeAffairs}, CoordText: "Sở Nội vụ",
				Schedule: words("Hằng tháng"), BudgetVND: 240_000_000, Funding: "Ngân sách tỉnh"},
			{Seq: "3", Area: "chi-dao",
				Content: "Đăng tin, bài, phóng sự về kết quả cải cách hành chính, gương cán bộ, công chức tận tụy phục vụ người dân trên báo in và báo điện tử.",
				Product: "Tối thiểu 60 tin, bài trong năm.",
				Lead:    groupPress, LeadText: "Các cơ quan báo chí tỉnh",
				Coord: []string{HomeAffairs, groupAgencies}, CoordText: "Sở Nội vụ; các sở, ban, ngành tỉnh",
				Schedule: words("Thường xuyên"), BudgetVND: 120_000_000, Funding: "Ngân sách tỉnh"},
			{Seq: "4", Area: "chi-dao",
				Content: fmt.Sprintf("Tổ chức Cuộc thi trực tuyến \"Tìm hiểu cải cách hành chính tỉnh %s năm %d\".", ProvinceName, year),
				Product: "Thể lệ, bộ câu hỏi; quyết định khen thưởng.",
				Lead:    HomeAffairs, LeadText: "Sở Nội vụ",
				Coord: []string{"SVHTTDL", "BPTTH", "SKHCN"}, CoordText: "Sở Văn hóa, Thể thao và Du lịch, Báo và Phát thanh, Truyền hình " + ProvinceName + ", Sở Khoa học và Công nghệ",
				Schedule: yearly("Quý III năm %d"), BudgetVND: 200_000_000, Funding: "Ngân sách tỉnh",
				Progress: doneLate},
			{Seq: "5", Area: "chi-dao",
				Content: "Tuyên truyền trên hệ thống loa truyền thanh cơ sở và niêm yết tại Bộ phận một cửa về dịch vụ công trực tuyến, thanh toán trực tuyến phí, lệ phí.",
				Product: "Lịch phát thanh; tài liệu niêm yết.",
				Lead:    groupCommunes, LeadText: "UBND cấp xã",
				Coord: []string{"SVHTTDL"}, CoordText: "Sở Văn hóa, Thể thao và Du lịch",
				Schedule: words("Thường xuyên")},
			{Seq: "6", Area: "chi-dao",
				Content: "Cập nhật tin, bài về cải cách hành chính trên Cổng thông tin điện tử tỉnh và trang thông tin điện tử của các cơ quan.",
				Product: "Tin, bài được đăng tải.",
				Lead:    groupAgencies, LeadText: "Các sở, ban, ngành tỉnh",
				Coord: []string{"TTCBTH"}, CoordText: "Trung tâm Công báo - Tin học",
				Schedule: words("Hằng quý")},
			{Seq: "7", Area: "chi-dao",
				Content: "Tổ chức tọa đàm \"Người dân, doanh nghiệp với cải cách hành chính\" phát sóng trực tiếp.",
				Product: "01 chương trình tọa đàm.",
				Lead:    "BPTTH", LeadText: "Báo và Phát thanh, Truyền hình " + ProvinceName,
				Coord: []string{HomeAffairs, "VPUBND"}, CoordText: "Sở Nội vụ, Văn phòng UBND tỉnh",
				Schedule: yearly("Tháng 10/%d"), BudgetVND: 60_000_000, Funding: "Ngân sách tỉnh",
				Progress: overdue},
		},
	}
}

// demoUnit is a unit of the demo province as plan data sees it: the names
// documents may give it and the days it exists.
type demoUnit struct {
	Names       []string   // name, short name and aliases, including later names
	From, Until civil.Date // Until zero: still active
}

// activeOn reports whether u exists on day d.
func (u demoUnit) activeOn(d civil.Date) bool {
	return !d.Before(u.From) && (u.Until.IsZero() || !d.After(u.Until))
}

// demoUnits lists every unit Build creates, by code, from the same tables
// Build reads (no database): merged and dissolved units end the day before
// the change takes effect, as org records them.
func demoUnits() map[string]demoUnit {
	units := map[string]demoUnit{}
	add := func(s unitSpec) {
		from := s.From
		if from.IsZero() {
			from = founded
		}
		units[s.Code] = demoUnit{Names: append([]string{s.Name, s.Short}, s.Aliases...), From: from}
	}
	end := func(code string, effective civil.Date) {
		u := units[code]
		u.Until = effective.AddDays(-1)
		units[code] = u
	}
	add(province)
	for _, s := range append(append([]unitSpec(nil), agencies...), services...) {
		add(s)
	}
	for _, m := range agencyMerges {
		for _, code := range m.Sources {
			end(code, m.Effective)
		}
		if m.New != nil {
			s := *m.New
			s.From = m.Effective
			add(s)
		}
	}
	for _, r := range agencyRenames {
		u := units[r.Code]
		u.Names = append(append(u.Names, r.Name, r.Short), r.Aliases...)
		units[r.Code] = u
	}
	for _, p := range planLocal() {
		d := place{p.Spec.Type, p.Spec.Base}
		add(unitSpec{Code: p.Spec.Code, Name: d.Name(), Aliases: d.Aliases()})
		end(p.Spec.Code, TwoTierReform)
		for _, c := range p.Old {
			add(unitSpec{Code: c.Code, Name: c.Name(), Aliases: c.Aliases()})
		}
		for _, m := range p.Merges {
			for _, i := range m.Sources {
				end(p.Old[i].Code, TwoTierReform)
			}
			add(unitSpec{Code: m.Code, Name: m.New.Name(), Aliases: m.New.Aliases(), From: TwoTierReform})
		}
	}
	return units
}

// demoGroups lists the unit groups plan tasks may name, with the last day
// each can have members (zero: no end). The districts ended on 30/06/2025,
// and with them the group "UBND cấp huyện".
func demoGroups() map[string]civil.Date {
	return map[string]civil.Date{
		groupAgencies:     {},
		groupDistricts:    TwoTierReform.AddDays(-1),
		groupCommunes:     {},
		groupServiceUnits: {},
		groupPress:        {},
	}
}
