package agency

import (
	"slices"
	"testing"
)

// want is an expected agency: Text, Name, Group, Unspecified.
type want struct {
	text, name, group string
	unspecified       bool
}

// one is a single agency, grp a group (its name follows from the code),
// vague an unspecified name.
func one(text, name string) want   { return want{text: text, name: name} }
func grp(text, code string) want   { return want{text: text, name: groupNames[code], group: code} }
func vague(text, name string) want { return want{text: text, name: name, unspecified: true} }

var groupNames = map[string]string{
	ProvincialAgencies: ProvincialAgenciesName,
	Districts:          DistrictsName,
	Communes:           CommunesName,
	PublicServiceUnits: PublicServiceUnitsName,
}

const (
	P  = ProvincialAgencies
	D  = Districts
	C  = Communes
	PS = PublicServiceUnits
)

// socTrangCells are the distinct cells of the "Cơ quan chủ trì" and "Cơ
// quan phối hợp" columns of seeds/soctrang-2012-par-plan-2011-2015.txt.
var socTrangCells = []struct {
	cell string
	want []want
}{
	{"Sở Tư pháp", []want{one("Sở Tư pháp", "Sở Tư pháp")}},
	{"Sở Nội vụ", []want{one("Sở Nội vụ", "Sở Nội vụ")}},
	{"Sở Y tế", []want{one("Sở Y tế", "Sở Y tế")}},
	{"Sở Tài chính", []want{one("Sở Tài chính", "Sở Tài chính")}},
	{"Sở Giáo dục và Đào tạo", []want{one("Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo")}},
	{"Sở Thông tin và Truyền thông", []want{one("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông")}},
	{"UBND cấp huyện", []want{grp("UBND cấp huyện", D)}},
	{"Sở, ban ngành tỉnh", []want{grp("Sở, ban ngành tỉnh", P)}},
	{"Sở, ban ngành tỉnh, UBND cấp huyện", []want{grp("Sở, ban ngành tỉnh", P), grp("UBND cấp huyện", D)}},
	{"Sở, ban ngành tỉnh, UBND cấp huyện, xã", []want{grp("Sở, ban ngành tỉnh", P),
		grp("UBND cấp huyện, xã", D), grp("UBND cấp huyện, xã", C)}},
	{"Sở, ban ngành tỉnh, UBND cấp huyện (theo phê duyệt của Chủ tịch UBND tỉnh)", []want{
		grp("Sở, ban ngành tỉnh", P), grp("UBND cấp huyện (theo phê duyệt của Chủ tịch UBND tỉnh)", D)}},
	{"Sở, ban ngành tỉnh, Văn phòng UBND các cấp", []want{grp("Sở, ban ngành tỉnh", P),
		one("Văn phòng UBND các cấp", "Văn phòng UBND tỉnh"), grp("Văn phòng UBND các cấp", D),
		grp("Văn phòng UBND các cấp", C)}},
	{"Sở Nội vụ, Văn phòng, UBND tỉnh", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		one("Văn phòng, UBND tỉnh", "Văn phòng UBND tỉnh")}},
	{"Sở Nội vụ, Văn phòng UBND tỉnh", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh")}},
	{"Văn phòng UBND tỉnh, Sở Tư pháp", []want{one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
		one("Sở Tư pháp", "Sở Tư pháp")}},
	{"Sở Khoa học và Công nghệ (Thường trực Ban Chỉ đạo 144)", []want{
		one("Sở Khoa học và Công nghệ (Thường trực Ban Chỉ đạo 144)", "Sở Khoa học và Công nghệ")}},
	{"Sở Giáo dục và Đào tạo; Sở Y tế; Sở Văn hóa, Thể thao và Du lịch; Sở Khoa học và Công nghệ; " +
		"Sở Lao động - Thương binh và Xã hội; UBND cấp huyện", []want{
		one("Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"), one("Sở Y tế", "Sở Y tế"),
		one("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
		one("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
		one("Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
		grp("UBND cấp huyện", D)}},
	{"Sở Nội vụ, Đài Phát thanh Truyền hình, Báo Sóc Trăng", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		one("Đài Phát thanh Truyền hình", "Đài Phát thanh và Truyền hình"), one("Báo Sóc Trăng", "Báo Sóc Trăng")}},
	{"Đài Phát thanh Truyền hình; Báo Sóc Trăng", []want{
		one("Đài Phát thanh Truyền hình", "Đài Phát thanh và Truyền hình"), one("Báo Sóc Trăng", "Báo Sóc Trăng")}},
}

// thanhHoaCells are the distinct cells of the "Cơ quan thực hiện" column of
// seeds/thanhhoa-2012-par-plan-2011-2015.txt.
var thanhHoaCells = []struct {
	cell string
	want []want
}{
	{"Sở Tư pháp.", []want{one("Sở Tư pháp", "Sở Tư pháp")}},
	{"Sở Nội vụ.", []want{one("Sở Nội vụ", "Sở Nội vụ")}},
	{"Sở Nội vu.", []want{one("Sở Nội vu", "Sở Nội vụ")}},
	{"Sở Tài chính", []want{one("Sở Tài chính", "Sở Tài chính")}},
	{"Sở Khoa học và Công nghệ.", []want{one("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ")}},
	{"Các Sở, ban, ngành; UBND cấp huyện, cấp xã.", []want{grp("Các Sở, ban, ngành", P),
		grp("UBND cấp huyện, cấp xã", D), grp("UBND cấp huyện, cấp xã", C)}},
	{"Các Sở, ban, ngành cấp tỉnh; UBND cấp huyện; UBND cấp xã.", []want{grp("Các Sở, ban, ngành cấp tỉnh", P),
		grp("UBND cấp huyện", D), grp("UBND cấp xã", C)}},
	{"Các Sở, ban, ngành quản lý ngành, lĩnh vực và UBND cấp huyện liên quan.", []want{
		grp("Các Sở, ban, ngành quản lý ngành, lĩnh vực", P), grp("UBND cấp huyện liên quan", D)}},
	{"Cơ quan thực hiện: Sở Nội vụ; Văn phòng UBND tỉnh; UBND cấp huyện, cấp xã.", []want{
		one("Sở Nội vụ", "Sở Nội vụ"), one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
		grp("UBND cấp huyện, cấp xã", D), grp("UBND cấp huyện, cấp xã", C)}},
	{"Văn phòng UBND tỉnh; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện; UBND cấp xã.", []want{
		one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"), grp("các Sở, ban, ngành cấp tỉnh", P),
		grp("UBND cấp huyện", D), grp("UBND cấp xã", C)}},
	{"Văn phòng UBND tỉnh; các cơ quan được giao chủ trì soạn thảo.", []want{
		one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
		vague("các cơ quan được giao chủ trì soạn thảo", "Các cơ quan được giao chủ trì soạn thảo")}},
	{"Văn phòng UBND tỉnh; các Sở, ban, ngành cấp tỉnh.", []want{
		one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"), grp("các Sở, ban, ngành cấp tỉnh", P)}},
	{"Văn phòng UBND tỉnh; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, xã.", []want{
		one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"), grp("các Sở, ban, ngành cấp tỉnh", P),
		grp("UBND cấp huyện, xã", D), grp("UBND cấp huyện, xã", C)}},
	{"Văn phòng UBND tỉnh; các cơ quan bị phản ánh, kiến nghị.", []want{
		one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
		vague("các cơ quan bị phản ánh, kiến nghị", "Các cơ quan bị phản ánh, kiến nghị")}},
	{"Văn phòng UBND tỉnh; các cơ quan liên quan.", []want{
		one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"), vague("các cơ quan liên quan", "Các cơ quan liên quan")}},
	{"Văn phòng UBND tỉnh; Sở Nội vụ; sở Tài chính.", []want{one("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
		one("Sở Nội vụ", "Sở Nội vụ"), one("sở Tài chính", "Sở Tài chính")}},
	{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện.", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		grp("các Sở, ban, ngành cấp tỉnh", P), grp("UBND cấp huyện", D)}},
	{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh.", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		grp("các Sở, ban, ngành cấp tỉnh", P)}},
	{"Sở Nội vụ; các sở, ban, ngành cấp tỉnh; UBND cấp huyện.", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		grp("các sở, ban, ngành cấp tỉnh", P), grp("UBND cấp huyện", D)}},
	{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh có đơn vị sự nghiệp công lập.", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		grp("các Sở, ban, ngành cấp tỉnh có đơn vị sự nghiệp công lập", P)}},
	{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh và UBND cấp huyện, cấp xã có liên quan.", []want{
		one("Sở Nội vụ", "Sở Nội vụ"), grp("các Sở, ban, ngành cấp tỉnh", P),
		grp("UBND cấp huyện, cấp xã có liên quan", D), grp("UBND cấp huyện, cấp xã có liên quan", C)}},
	{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã.", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		grp("các Sở, ban, ngành cấp tỉnh", P), grp("UBND cấp huyện, cấp xã", D), grp("UBND cấp huyện, cấp xã", C)}},
	{"Sở Nội vụ; UBND cấp huyện.", []want{one("Sở Nội vụ", "Sở Nội vụ"), grp("UBND cấp huyện", D)}},
	{"Sở Nội vụ; sở Tài chính.", []want{one("Sở Nội vụ", "Sở Nội vụ"), one("sở Tài chính", "Sở Tài chính")}},
	{"Sở Nội vụ; Sở Tài chính và các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã.", []want{
		one("Sở Nội vụ", "Sở Nội vụ"), one("Sở Tài chính", "Sở Tài chính"), grp("các Sở, ban, ngành cấp tỉnh", P),
		grp("UBND cấp huyện, cấp xã", D), grp("UBND cấp huyện, cấp xã", C)}},
	{"Sở Nội vụ và các Sở: Giáo dục và Đào tao; Y tế; Văn hóa, Thể thao và Du lịch; Khoa học và Công nghệ.", []want{
		one("Sở Nội vụ", "Sở Nội vụ"), one("Giáo dục và Đào tao", "Sở Giáo dục và Đào tạo"), one("Y tế", "Sở Y tế"),
		one("Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
		one("Khoa học và Công nghệ", "Sở Khoa học và Công nghệ")}},
	{"Sở Nội vụ; các cơ quan liên quan.", []want{one("Sở Nội vụ", "Sở Nội vụ"),
		vague("các cơ quan liên quan", "Các cơ quan liên quan")}},
	{"Sở Tài chính; Sở Kế hoạch và Đầu tư; các Sở, ban, ngành liên quan.", []want{
		one("Sở Tài chính", "Sở Tài chính"), one("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
		grp("các Sở, ban, ngành liên quan", P)}},
	{"Sở Tài chính; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã.", []want{one("Sở Tài chính", "Sở Tài chính"),
		grp("các Sở, ban, ngành cấp tỉnh", P), grp("UBND cấp huyện, cấp xã", D), grp("UBND cấp huyện, cấp xã", C)}},
	{"Sở Tài chính; Sở Khoa học và Công nghệ.", []want{one("Sở Tài chính", "Sở Tài chính"),
		one("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ")}},
	{"Sở Tài chính; các Sở: Giáo dục và Đào tạo; Y tế; Văn hóa, Thể thao và Du lịch.", []want{
		one("Sở Tài chính", "Sở Tài chính"), one("Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
		one("Y tế", "Sở Y tế"), one("Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")}},
	{"Sở Tài chính; các Sở: Giáo dục và ĐT; Y tế; Văn hóa, TT và DL và các cơ quan liên quan.", []want{
		one("Sở Tài chính", "Sở Tài chính"), one("Giáo dục và ĐT", "Sở Giáo dục và Đào tạo"), one("Y tế", "Sở Y tế"),
		one("Văn hóa, TT và DL", "Sở Văn hóa, Thể thao và Du lịch"),
		vague("các cơ quan liên quan", "Các cơ quan liên quan")}},
	{"a) Cơ quan chủ trì: Sở Thông tin và Truyền thông.\nb) Cơ quan thực hiện: Sở Thông tin và Truyền thông; " +
		"các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã.", []want{
		one("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"), grp("các Sở, ban, ngành cấp tỉnh", P),
		grp("UBND cấp huyện, cấp xã", D), grp("UBND cấp huyện, cấp xã", C)}},
	{"a) Cơ quan chủ trì: Sở Khoa học và Công nghệ.\nb) Cơ quan thực hiện: Sở Khoa học và Công nghệ và các cơ quan liên quan.",
		[]want{one("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
			vague("các cơ quan liên quan", "Các cơ quan liên quan")}},
	{"a) Cơ quan chủ trì: Sở Kế hoạch và Đầu tư.\nb) Cơ quan thực hiện: Sở Kế hoạch và Đầu tư; các cơ quan liên quan.",
		[]want{one("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
			vague("các cơ quan liên quan", "Các cơ quan liên quan")}},
}

// seedCells returns every seed cell, for the fuzzer and the benchmark.
func seedCells() []string {
	var out []string
	for _, c := range socTrangCells {
		out = append(out, c.cell)
	}
	for _, c := range thanhHoaCells {
		out = append(out, c.cell)
	}
	return out
}

func TestParseSeeds(t *testing.T) {
	t.Parallel()
	for _, tc := range slices.Concat(socTrangCells, thanhHoaCells) {
		t.Run(tc.cell, func(t *testing.T) {
			t.Parallel()
			checkParse(t, tc.cell, tc.want)
		})
	}
}

// checkParse compares Parse(cell) with want.
func checkParse(t *testing.T, cell string, expected []want) {
	t.Helper()
	got := Parse(cell)
	var gotW []want
	for _, a := range got {
		gotW = append(gotW, want{text: a.Text, name: a.Name, group: a.Group, unspecified: a.Unspecified})
	}
	if !slices.Equal(gotW, expected) {
		t.Errorf("Parse(%q)\n got  %+v\n want %+v", cell, gotW, expected)
	}
}

func BenchmarkParse(b *testing.B) {
	cells := seedCells()
	for b.Loop() {
		for _, c := range cells {
			Parse(c)
		}
	}
}
