package demo

import (
	"time"

	"cchc/internal/civil"
)

// ProvinceName is the demo province's place name. It is fictional: no
// Vietnamese province, before or after the 2025 mergers, bears it.
const ProvinceName = "Phú Sơn"

// Codes of the units the demo accounts and tests refer to.
const (
	ProvinceCode = "UBND-TINH"
	HomeAffairs  = "SNV" // Sở Nội vụ, the standing agency for CCHC
	Justice      = "STP" // Sở Tư pháp
)

// Key days of the demo's history.
var (
	founded = civil.New(2010, time.January, 1)
	// AgencyReform is the day the provincial departments were merged
	// (Nghị định 45/2025/NĐ-CP reorganised them from 01/03/2025).
	AgencyReform = civil.New(2025, time.March, 1)
	// TwoTierReform is the day the districts ended and the communes were
	// merged (Luật Tổ chức chính quyền địa phương 2025).
	TwoTierReform = civil.New(2025, time.July, 1)
)

// unitSpec describes one unit to create. Parent is the code of its parent
// unit; empty means the province.
type unitSpec struct {
	Code, Name, Short string
	Kind              string
	Parent            string
	From              civil.Date
	Aliases           []string
	Address, Phone    string
	Email             string
}

// street builds an address in the province's capital ward.
func street(number, road, ward string) string {
	return "Số " + number + " đường " + road + ", phường " + ward + ", tỉnh " + ProvinceName
}

// province is the Provincial People's Committee, root of the tree.
var province = unitSpec{
	Code: ProvinceCode, Name: "Ủy ban nhân dân tỉnh " + ProvinceName, Short: "UBND tỉnh", Kind: "province",
	From:    founded,
	Aliases: []string{"UBND tỉnh " + ProvinceName, "Ủy ban nhân dân tỉnh", "UBND tỉnh"},
	Address: street("1", "Trần Hưng Đạo", "Phú Sơn"), Phone: "0298 3822 001", Email: "ubnd@phuson.gov.vn",
}

// agencies are the provincial departments and agencies (sở, ban, ngành),
// including those that ceased in the 2025 reorganisation (see agencyMerges).
var agencies = []unitSpec{
	{Code: "VPUBND", Name: "Văn phòng Ủy ban nhân dân tỉnh", Short: "VP UBND tỉnh",
		Aliases: []string{"Văn phòng UBND tỉnh", "VP UBND tỉnh", "VPUBND", "Văn phòng UBND"},
		Address: street("1", "Trần Hưng Đạo", "Phú Sơn"), Phone: "0298 3822 002", Email: "vpubnd@phuson.gov.vn"},
	{Code: HomeAffairs, Name: "Sở Nội vụ", Short: "SNV",
		Aliases: []string{"Sở Nội vụ tỉnh", "SNV", "Sở Nội vụ tỉnh " + ProvinceName},
		Address: street("5", "Trần Hưng Đạo", "Phú Sơn"), Phone: "0298 3822 110", Email: "snv@phuson.gov.vn"},
	{Code: Justice, Name: "Sở Tư pháp", Short: "STP",
		Aliases: []string{"Sở Tư pháp tỉnh", "STP"},
		Address: street("12", "Lê Lợi", "Phú Sơn"), Phone: "0298 3822 120", Email: "stp@phuson.gov.vn"},
	{Code: "STC", Name: "Sở Tài chính", Short: "STC",
		Aliases: []string{"Sở Tài chính tỉnh", "STC"},
		Address: street("20", "Lê Lợi", "Phú Sơn"), Phone: "0298 3822 130", Email: "stc@phuson.gov.vn"},
	{Code: "SKHDT", Name: "Sở Kế hoạch và Đầu tư", Short: "Sở KH&ĐT",
		Aliases: []string{"Sở Kế hoạch và ĐT", "Sở KHĐT", "Sở KH và ĐT", "Sở Kế hoạch - Đầu tư"},
		Address: street("22", "Lê Lợi", "Phú Sơn"), Phone: "0298 3822 140", Email: "skhdt@phuson.gov.vn"},
	{Code: "SKHCN", Name: "Sở Khoa học và Công nghệ", Short: "Sở KH&CN",
		Aliases: []string{"Sở Khoa học và CN", "Sở KHCN", "Sở KH và CN", "Sở Khoa học - Công nghệ"},
		Address: street("8", "Nguyễn Huệ", "An Phú"), Phone: "0298 3822 150", Email: "skhcn@phuson.gov.vn"},
	{Code: "STTTT", Name: "Sở Thông tin và Truyền thông", Short: "Sở TT&TT",
		Aliases: []string{"Sở Thông tin và TT", "Sở TTTT", "Sở TT và TT", "Sở Thông tin - Truyền thông"},
		Address: street("10", "Nguyễn Huệ", "An Phú"), Phone: "0298 3822 160", Email: "stttt@phuson.gov.vn"},
	{Code: "SYT", Name: "Sở Y tế", Short: "SYT",
		Aliases: []string{"Sở Y tế tỉnh", "SYT"},
		Address: street("35", "Hùng Vương", "Phú Sơn"), Phone: "0298 3822 170", Email: "syt@phuson.gov.vn"},
	{Code: "SGDDT", Name: "Sở Giáo dục và Đào tạo", Short: "Sở GD&ĐT",
		Aliases: []string{"Sở Giáo dục và ĐT", "Sở GDĐT", "Sở GD và ĐT", "Sở Giáo dục - Đào tạo"},
		Address: street("40", "Hùng Vương", "Phú Sơn"), Phone: "0298 3822 180", Email: "sgddt@phuson.gov.vn"},
	{Code: "SVHTTDL", Name: "Sở Văn hóa, Thể thao và Du lịch", Short: "Sở VHTTDL",
		Aliases: []string{"Sở Văn hóa, TT và DL", "Sở VH,TT&DL", "Sở VHTT&DL", "Sở Văn hóa - Thể thao và Du lịch"},
		Address: street("15", "Quang Trung", "An Phú"), Phone: "0298 3822 190", Email: "svhttdl@phuson.gov.vn"},
	{Code: "SCT", Name: "Sở Công Thương", Short: "SCT",
		Aliases: []string{"Sở Công thương tỉnh", "SCT"},
		Address: street("18", "Quang Trung", "An Phú"), Phone: "0298 3822 200", Email: "sct@phuson.gov.vn"},
	{Code: "SNNPTNT", Name: "Sở Nông nghiệp và Phát triển nông thôn", Short: "Sở NN&PTNT",
		Aliases: []string{"Sở Nông nghiệp và PTNT", "Sở NNPTNT", "Sở NN và PTNT"},
		Address: street("50", "Nguyễn Trãi", "Phú Sơn"), Phone: "0298 3822 210", Email: "snnptnt@phuson.gov.vn"},
	{Code: "STNMT", Name: "Sở Tài nguyên và Môi trường", Short: "Sở TN&MT",
		Aliases: []string{"Sở Tài nguyên và MT", "Sở TNMT", "Sở TN và MT"},
		Address: street("52", "Nguyễn Trãi", "Phú Sơn"), Phone: "0298 3822 220", Email: "stnmt@phuson.gov.vn"},
	{Code: "SXD", Name: "Sở Xây dựng", Short: "SXD",
		Aliases: []string{"Sở Xây dựng tỉnh", "SXD"},
		Address: street("60", "Nguyễn Trãi", "Phú Sơn"), Phone: "0298 3822 230", Email: "sxd@phuson.gov.vn"},
	{Code: "SGTVT", Name: "Sở Giao thông vận tải", Short: "Sở GTVT",
		Aliases: []string{"Sở Giao thông - Vận tải", "Sở GTVT", "Sở Giao thông"},
		Address: street("62", "Nguyễn Trãi", "Phú Sơn"), Phone: "0298 3822 240", Email: "sgtvt@phuson.gov.vn"},
	{Code: "SLDTBXH", Name: "Sở Lao động - Thương binh và Xã hội", Short: "Sở LĐ-TB&XH",
		Aliases: []string{"Sở Lao động, Thương binh và Xã hội", "Sở LĐTBXH", "Sở LĐ-TBXH", "Sở Lao động - TB và XH"},
		Address: street("7", "Lý Thường Kiệt", "An Phú"), Phone: "0298 3822 250", Email: "sldtbxh@phuson.gov.vn"},
	{Code: "BDT", Name: "Ban Dân tộc", Short: "Ban Dân tộc",
		Aliases: []string{"Ban Dân tộc tỉnh", "BDT"},
		Address: street("9", "Lý Thường Kiệt", "An Phú"), Phone: "0298 3822 260", Email: "bdt@phuson.gov.vn"},
	{Code: "SNGV", Name: "Sở Ngoại vụ", Short: "SNgV",
		Aliases: []string{"Sở Ngoại vụ tỉnh", "SNgV"},
		Address: street("11", "Lý Thường Kiệt", "An Phú"), Phone: "0298 3822 270", Email: "sngv@phuson.gov.vn"},
	{Code: "TTT", Name: "Thanh tra tỉnh", Short: "Thanh tra tỉnh",
		Aliases: []string{"TTT", "Thanh tra tỉnh " + ProvinceName},
		Address: street("3", "Trần Phú", "Phú Sơn"), Phone: "0298 3822 280", Email: "thanhtra@phuson.gov.vn"},
	{Code: "BQLKCN", Name: "Ban Quản lý các khu công nghiệp", Short: "BQL các KCN",
		Aliases: []string{"Ban Quản lý các KCN", "BQL KCN", "Ban Quản lý khu công nghiệp"},
		Address: street("88", "Võ Văn Kiệt", "An Hưng"), Phone: "0298 3822 290", Email: "bqlkcn@phuson.gov.vn"},
	{Code: "VPDDBQH", Name: "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", Short: "VP Đoàn ĐBQH và HĐND tỉnh",
		Aliases: []string{"Văn phòng Đoàn ĐBQH và HĐND tỉnh", "VP Đoàn ĐBQH và HĐND", "Văn phòng HĐND tỉnh"},
		Address: street("2", "Trần Hưng Đạo", "Phú Sơn"), Phone: "0298 3822 300", Email: "vpdbqh@phuson.gov.vn"},
	{Code: "CAT", Name: "Công an tỉnh", Short: "Công an tỉnh",
		Aliases: []string{"CA tỉnh", "Công an tỉnh " + ProvinceName},
		Address: street("100", "Hùng Vương", "Phú Sơn"), Phone: "0298 3822 310", Email: "congan@phuson.gov.vn"},
	{Code: "BCHQS", Name: "Bộ Chỉ huy Quân sự tỉnh", Short: "BCH Quân sự tỉnh",
		Aliases: []string{"Bộ CHQS tỉnh", "BCHQS tỉnh", "Bộ Chỉ huy quân sự tỉnh"},
		Address: street("120", "Hùng Vương", "Phú Sơn"), Phone: "0298 3822 320", Email: "bchqs@phuson.gov.vn"},
	{Code: "BHXH", Name: "Bảo hiểm xã hội tỉnh", Short: "BHXH tỉnh",
		Aliases: []string{"BHXH tỉnh", "Bảo hiểm xã hội tỉnh " + ProvinceName},
		Address: street("25", "Trần Phú", "Phú Sơn"), Phone: "0298 3822 330", Email: "bhxh@phuson.gov.vn"},
	{Code: "THUE", Name: "Cục Thuế tỉnh", Short: "Cục Thuế",
		Aliases: []string{"Cục Thuế tỉnh " + ProvinceName, "Cục Thuế"},
		Address: street("27", "Trần Phú", "Phú Sơn"), Phone: "0298 3822 340", Email: "thue@phuson.gov.vn"},
	{Code: "TCT", Name: "Trường Chính trị tỉnh", Short: "Trường Chính trị",
		Aliases: []string{"Trường Chính trị tỉnh " + ProvinceName},
		Address: street("5", "Phạm Văn Đồng", "An Phú"), Phone: "0298 3822 350", Email: "truongchinhtri@phuson.gov.vn"},
	{Code: "LMHTX", Name: "Liên minh Hợp tác xã tỉnh", Short: "LMHTX tỉnh",
		Aliases: []string{"Liên minh HTX tỉnh", "LMHTX"},
		Address: street("14", "Phạm Văn Đồng", "An Phú"), Phone: "0298 3822 360", Email: "lmhtx@phuson.gov.vn"},
}

// services are public service units (đơn vị sự nghiệp công lập) under
// their departments, and the provincial media (kind other).
var services = []unitSpec{
	{Code: "TTPVHCC", Name: "Trung tâm Phục vụ hành chính công tỉnh", Short: "Trung tâm PVHCC tỉnh", Kind: "public_service",
		Parent: "VPUBND", From: civil.New(2020, time.July, 1),
		Aliases: []string{"Trung tâm Phục vụ HCC tỉnh", "TTPVHCC", "Trung tâm hành chính công tỉnh", "Bộ phận một cửa tỉnh"},
		Address: street("6", "Trần Hưng Đạo", "Phú Sơn"), Phone: "0298 3822 400", Email: "hcc@phuson.gov.vn"},
	{Code: "TTCBTH", Name: "Trung tâm Công báo - Tin học", Short: "Trung tâm Công báo - Tin học", Kind: "public_service",
		Parent:  "VPUBND",
		Aliases: []string{"Trung tâm Công báo và Tin học", "TT Công báo - Tin học"},
		Address: street("1", "Trần Hưng Đạo", "Phú Sơn"), Phone: "0298 3822 410"},
	{Code: "TTCNTT", Name: "Trung tâm Công nghệ thông tin và Truyền thông", Short: "Trung tâm CNTT&TT", Kind: "public_service",
		Parent:  "STTTT",
		Aliases: []string{"Trung tâm CNTT và TT", "Trung tâm CNTT-TT"},
		Address: street("10", "Nguyễn Huệ", "An Phú"), Phone: "0298 3822 420"},
	{Code: "TTTGPL", Name: "Trung tâm Trợ giúp pháp lý nhà nước", Short: "Trung tâm TGPL", Kind: "public_service",
		Parent:  Justice,
		Aliases: []string{"Trung tâm Trợ giúp pháp lý", "TT TGPL"},
		Address: street("12", "Lê Lợi", "Phú Sơn"), Phone: "0298 3822 430"},
	{Code: "CDC", Name: "Trung tâm Kiểm soát bệnh tật tỉnh", Short: "CDC tỉnh", Kind: "public_service",
		Parent:  "SYT",
		Aliases: []string{"Trung tâm KSBT tỉnh", "CDC " + ProvinceName},
		Address: street("37", "Hùng Vương", "Phú Sơn"), Phone: "0298 3822 440"},
	{Code: "BVDK", Name: "Bệnh viện Đa khoa tỉnh", Short: "BVĐK tỉnh", Kind: "public_service",
		Parent:  "SYT",
		Aliases: []string{"Bệnh viện đa khoa tỉnh " + ProvinceName, "BVĐK tỉnh"},
		Address: street("200", "Hùng Vương", "Phú Sơn"), Phone: "0298 3822 450"},
	{Code: "TTDVVL", Name: "Trung tâm Dịch vụ việc làm", Short: "Trung tâm DVVL", Kind: "public_service",
		Parent:  "SLDTBXH",
		Aliases: []string{"Trung tâm DVVL tỉnh", "TT Dịch vụ việc làm"},
		Address: street("7", "Lý Thường Kiệt", "An Phú"), Phone: "0298 3822 460"},
	{Code: "DPTTH", Name: "Đài Phát thanh và Truyền hình " + ProvinceName, Short: "Đài PT-TH tỉnh", Kind: "other",
		Aliases: []string{"Đài PT-TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh", "Đài PTTH", "Đài Phát thanh và Truyền hình tỉnh"},
		Address: street("30", "Hai Bà Trưng", "An Phú"), Phone: "0298 3822 500", Email: "ptth@phuson.gov.vn"},
	{Code: "BAO", Name: "Báo " + ProvinceName, Short: "Báo " + ProvinceName, Kind: "other",
		Aliases: []string{"Báo tỉnh", "Báo " + ProvinceName + " điện tử"},
		Address: street("32", "Hai Bà Trưng", "An Phú"), Phone: "0298 3822 510", Email: "baophuson@phuson.gov.vn"},
}

// merge is a dated merge: Sources end the day before Effective and continue
// as Target (an existing unit) or as the new unit New.
type merge struct {
	Sources   []string
	Target    string
	New       *unitSpec
	Effective civil.Date
	Decision  string
}

const agencyDecision = "Nghị quyết số 05/NQ-HĐND ngày 21/02/2025 của HĐND tỉnh " + ProvinceName +
	" về việc thành lập, tổ chức lại các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh"

// agencyMerges is the 2025 reorganisation of the provincial departments.
var agencyMerges = []merge{
	{Sources: []string{"SKHDT"}, Target: "STC", Effective: AgencyReform, Decision: agencyDecision},
	{Sources: []string{"STTTT"}, Target: "SKHCN", Effective: AgencyReform, Decision: agencyDecision},
	{Sources: []string{"SGTVT"}, Target: "SXD", Effective: AgencyReform, Decision: agencyDecision},
	{Sources: []string{"SLDTBXH"}, Target: HomeAffairs, Effective: AgencyReform, Decision: agencyDecision},
	{Sources: []string{"SNNPTNT", "STNMT"}, Effective: AgencyReform, Decision: agencyDecision,
		New: &unitSpec{Code: "SNNMT", Name: "Sở Nông nghiệp và Môi trường", Short: "Sở NN&MT", Kind: "agency",
			Aliases: []string{"Sở Nông nghiệp và MT", "Sở NNMT", "Sở NN và MT", "Sở Nông nghiệp - Môi trường"},
			Address: street("50", "Nguyễn Trãi", "Phú Sơn"), Phone: "0298 3822 210", Email: "snnmt@phuson.gov.vn"}},
	{Sources: []string{"DPTTH", "BAO"}, Effective: TwoTierReform,
		Decision: "Quyết định số 1520/QĐ-UBND ngày 27/6/2025 của UBND tỉnh " + ProvinceName,
		New: &unitSpec{Code: "BPTTH", Name: "Báo và Phát thanh, Truyền hình " + ProvinceName, Short: "Báo và PT-TH " + ProvinceName,
			Kind:    "other",
			Aliases: []string{"Báo và Phát thanh, Truyền hình tỉnh", "Báo và PTTH tỉnh", "Báo và Đài tỉnh"},
			Address: street("30", "Hai Bà Trưng", "An Phú"), Phone: "0298 3822 500", Email: "baoptth@phuson.gov.vn"}},
}

// rename is a dated change of name.
type rename struct {
	Code, Name, Short string
	Aliases           []string // ways documents write the new name
	Effective         civil.Date
	Decision          string
}

var agencyRenames = []rename{
	{Code: "BDT", Name: "Sở Dân tộc và Tôn giáo", Short: "Sở DT&TG",
		Aliases: []string{"Sở Dân tộc và TG", "Sở DTTG", "Sở DT và TG"}, Effective: AgencyReform, Decision: agencyDecision},
	{Code: "THUE", Name: "Thuế tỉnh " + ProvinceName, Short: "Thuế tỉnh", Effective: TwoTierReform,
		Decision: "Quyết định số 1378/QĐ-BTC ngày 23/6/2025 của Bộ Tài chính"},
}
