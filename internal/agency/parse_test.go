package agency

import "testing"

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, cell string
		want       []want
	}{
		// Separators, markers, line breaks.
		{"empty", "", nil},
		{"punctuation only", " ;  . , ", nil},
		{"remark only", "(theo phê duyệt)", nil},
		{"list marker", "a) Sở Nội vụ.", []want{one("Sở Nội vụ", "Sở Nội vụ")}},
		{"dash lines", "- Sở Nội vụ;\n- Sở Tài chính.", []want{one("Sở Nội vụ", "Sở Nội vụ"),
			one("Sở Tài chính", "Sở Tài chính")}},
		{"one per line", "Sở Nội vụ\nSở Tư pháp\n+ UBND cấp huyện", []want{one("Sở Nội vụ", "Sở Nội vụ"),
			one("Sở Tư pháp", "Sở Tư pháp"), grp("UBND cấp huyện", D)}},
		{"numbered sentences", "1. Sở Nội vụ. 2. UBND TP. Sóc Trăng", []want{one("Sở Nội vụ", "Sở Nội vụ"),
			one("UBND TP. Sóc Trăng", "UBND thành phố Sóc Trăng")}},
		{"name cut by a line break", "UBND cấp huyện\nSở Văn hóa, Thể thao\nvà Du lịch", []want{grp("UBND cấp huyện", D),
			one("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")}},
		{"spaces collapsed", "  Sở   Nội   vụ  ", []want{one("Sở Nội vụ", "Sở Nội vụ")}},

		// Commas and "và" inside names.
		{"commas inside department names", "Sở Văn hóa, Thể thao và Du lịch; Sở Lao động, Thương binh và Xã hội",
			[]want{one("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
				one("Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội")}},
		{"và inside names", "Sở Kế hoạch và Đầu tư, Sở Giáo dục và Đào tạo, Văn phòng HĐND và UBND tỉnh", []want{
			one("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"), one("Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
			one("Văn phòng HĐND và UBND tỉnh", "Văn phòng HĐND và UBND tỉnh")}},
		{"và between agencies", "Sở Nội vụ và Sở Tư pháp", []want{one("Sở Nội vụ", "Sở Nội vụ"),
			one("Sở Tư pháp", "Sở Tư pháp")}},
		{"và before a group", "Sở Tài chính và các Sở, ban, ngành cấp tỉnh", []want{one("Sở Tài chính", "Sở Tài chính"),
			grp("các Sở, ban, ngành cấp tỉnh", P)}},
		{"và between tiers", "UBND cấp huyện và cấp xã", []want{grp("UBND cấp huyện và cấp xã", D),
			grp("UBND cấp huyện và cấp xã", C)}},
		{"office of the delegation", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", []want{one("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
			"Văn phòng Đoàn đại biểu Quốc hội, HĐND và UBND tỉnh")}},

		// Lists sharing a head.
		{"list with a colon", "Các sở: Tư pháp; Tài chính; Khoa học và Công nghệ", []want{one("Tư pháp", "Sở Tư pháp"),
			one("Tài chính", "Sở Tài chính"), one("Khoa học và Công nghệ", "Sở Khoa học và Công nghệ")}},
		{"list items joined by và", "các Sở: Tư pháp, Tài chính và Nội vụ", []want{one("Tư pháp", "Sở Tư pháp"),
			one("Tài chính", "Sở Tài chính"), one("Nội vụ", "Sở Nội vụ")}},
		{"list without a colon", "Sở Nội vụ, Tài chính, Tư pháp", []want{one("Sở Nội vụ", "Sở Nội vụ"),
			one("Tài chính", "Sở Tài chính"), one("Tư pháp", "Sở Tư pháp")}},
		{"plural list without a colon", "Các Sở Tư pháp, Tài chính", []want{one("Các Sở Tư pháp", "Sở Tư pháp"),
			one("Tài chính", "Sở Tài chính")}},
		{"list of districts", "UBND các huyện: Kế Sách, Mỹ Tú", []want{one("Kế Sách", "UBND huyện Kế Sách"),
			one("Mỹ Tú", "UBND huyện Mỹ Tú")}},
		{"filler before a list", "Gồm: Sở Nội vụ, Sở Y tế", []want{one("Sở Nội vụ", "Sở Nội vụ"), one("Sở Y tế", "Sở Y tế")}},

		// Groups.
		{"departments, short", "các sở, ngành", []want{grp("các sở, ngành", P)}},
		{"departments, in full", "Sở, ban, ngành tỉnh", []want{grp("Sở, ban, ngành tỉnh", P)}},
		{"specialised agencies", "cơ quan chuyên môn thuộc UBND tỉnh", []want{grp("cơ quan chuyên môn thuộc UBND tỉnh", P)}},
		{"departments concerned", "các Sở liên quan", []want{grp("các Sở liên quan", P)}},
		{"districts, listed", "UBND các huyện, thị xã, thành phố", []want{grp("UBND các huyện, thị xã, thành phố", D)}},
		{"districts, in full", "Ủy ban nhân dân cấp huyện", []want{grp("Ủy ban nhân dân cấp huyện", D)}},
		{"districts and city", "UBND huyện, thành phố", []want{grp("UBND huyện, thành phố", D)}},
		{"communes, listed", "UBND các xã, phường, thị trấn", []want{grp("UBND các xã, phường, thị trấn", C)}},
		{"communes since 2025", "UBND các xã, phường, đặc khu", []want{grp("UBND các xã, phường, đặc khu", C)}},
		{"both tiers", "UBND cấp huyện, cấp xã", []want{grp("UBND cấp huyện, cấp xã", D), grp("UBND cấp huyện, cấp xã", C)}},
		{"every tier", "UBND các cấp", []want{grp("UBND các cấp", D), grp("UBND các cấp", C)}},
		{"province and tiers", "UBND tỉnh, huyện, xã", []want{one("UBND tỉnh, huyện, xã", "UBND tỉnh"),
			grp("UBND tỉnh, huyện, xã", D), grp("UBND tỉnh, huyện, xã", C)}},
		{"chairmen of communes", "Chủ tịch UBND cấp xã", []want{grp("Chủ tịch UBND cấp xã", C)}},
		{"tiers alone", "các huyện, thị xã, thành phố", []want{grp("các huyện, thị xã, thành phố", D)}},
		{"district offices", "Phòng Nội vụ cấp huyện; các cơ quan chuyên môn thuộc UBND cấp huyện", []want{
			grp("Phòng Nội vụ cấp huyện", D)}},
		{"public service units", "Đơn vị sự nghiệp công lập; các đơn vị sự nghiệp công lập thuộc tỉnh", []want{
			grp("Đơn vị sự nghiệp công lập", PS)}},

		// Single agencies.
		{"the committee", "Ủy ban nhân dân tỉnh; UBND cấp tỉnh", []want{one("Ủy ban nhân dân tỉnh", "UBND tỉnh")}},
		{"the chairman", "Chủ tịch UBND tỉnh", []want{one("Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh")}},
		{"heads of departments", "Thủ trưởng các Sở, ban, ngành", []want{grp("Thủ trưởng các Sở, ban, ngành", P)}},
		{"a district", "UBND huyện Kế Sách", []want{one("UBND huyện Kế Sách", "UBND huyện Kế Sách")}},
		{"the city", "UBND thành phố Sóc Trăng; UBND thành phố", []want{
			one("UBND thành phố Sóc Trăng", "UBND thành phố Sóc Trăng"), one("UBND thành phố", "UBND thành phố")}},
		{"names with their place", "Công an tỉnh Sóc Trăng; Đài Phát thanh và Truyền hình Thanh Hóa; Báo Thanh Hóa", []want{
			one("Công an tỉnh Sóc Trăng", "Công an tỉnh Sóc Trăng"),
			one("Đài Phát thanh và Truyền hình Thanh Hóa", "Đài Phát thanh và Truyền hình Thanh Hóa"),
			one("Báo Thanh Hóa", "Báo Thanh Hóa")}},
		{"provincial agencies", "Sở Nông nghiệp và Môi trường, Ban Quản lý Khu kinh tế tỉnh, Thanh tra tỉnh, Ban Dân tộc", []want{
			one("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường"),
			one("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế tỉnh"),
			one("Thanh tra tỉnh", "Thanh tra tỉnh"), one("Ban Dân tộc", "Ban Dân tộc")}},
		{"unknown name kept", "hội Luật gia  tỉnh", []want{one("hội Luật gia tỉnh", "Hội Luật gia tỉnh")}},
		{"unknown lower-case name kept", "ban quản lý dự án đầu tư xây dựng", []want{
			one("ban quản lý dự án đầu tư xây dựng", "Ban quản lý dự án đầu tư xây dựng")}},
		{"remark kept in text", "Sở Nội vụ (Ban Thi đua - Khen thưởng)", []want{
			one("Sở Nội vụ (Ban Thi đua - Khen thưởng)", "Sở Nội vụ")}},
		{"dash between agencies", "UBND tỉnh - Sở Nội vụ; Sở Tư pháp/Sở Tài chính", []want{one("UBND tỉnh", "UBND tỉnh"),
			one("Sở Nội vụ", "Sở Nội vụ"), one("Sở Tư pháp", "Sở Tư pháp"), one("Sở Tài chính", "Sở Tài chính")}},
		{"dash inside names", "Ban Thi đua - Khen thưởng, Chi cục Văn thư - Lưu trữ", []want{
			one("Ban Thi đua - Khen thưởng", "Ban Thi đua - Khen thưởng"),
			one("Chi cục Văn thư - Lưu trữ", "Chi cục Văn thư - Lưu trữ")}},
		{"typo repaired within its kind", "Ban Dân tộc và Tôn giáo", []want{
			one("Ban Dân tộc và Tôn giáo", "Ban Dân tộc và Tôn giáo")}},
		{"role words skipped", "Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp", []want{one("Sở Nội vụ", "Sở Nội vụ"),
			one("Sở Tư pháp", "Sở Tư pháp")}},

		// Unspecified.
		{"agencies concerned", "các cơ quan liên quan", []want{vague("các cơ quan liên quan", "Các cơ quan liên quan")}},
		{"agencies and units concerned", "cơ quan, đơn vị có liên quan", []want{
			vague("cơ quan, đơn vị có liên quan", "Cơ quan, đơn vị có liên quan")}},
		{"many generic nouns", "Sở Y tế; các cơ quan, đơn vị, địa phương liên quan", []want{one("Sở Y tế", "Sở Y tế"),
			vague("các cơ quan, đơn vị, địa phương liên quan", "Các cơ quan, đơn vị, địa phương liên quan")}},
		{"ministries", "Các Bộ, ngành Trung ương", []want{vague("Các Bộ, ngành Trung ương", "Các Bộ, ngành Trung ương")}},
		{"plural unknown", "và các trường học", []want{vague("các trường học", "Các trường học")}},

		// Abbreviations.
		{"offices", "VP UBND tỉnh, VP Chính phủ, Bộ Nội vụ", []want{one("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
			one("VP Chính phủ", "Văn phòng Chính phủ"), one("Bộ Nội vụ", "Bộ Nội vụ")}},
		{"department abbreviations", "Sở GD&ĐT; Sở GDĐT; Sở KH&CN; Sở KHĐT; Sở TT&TT; Sở VH,TT&DL; Sở LĐ-TB&XH; Sở TNMT; Sở NN&PTNT; Sở GTVT",
			[]want{one("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"), one("Sở KH&CN", "Sở Khoa học và Công nghệ"),
				one("Sở KHĐT", "Sở Kế hoạch và Đầu tư"), one("Sở TT&TT", "Sở Thông tin và Truyền thông"),
				one("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
				one("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"), one("Sở TNMT", "Sở Tài nguyên và Môi trường"),
				one("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"), one("Sở GTVT", "Sở Giao thông vận tải")}},
		{"short department names", "SNV, STP, STC", []want{one("SNV", "Sở Nội vụ"), one("STP", "Sở Tư pháp"),
			one("STC", "Sở Tài chính")}},
		{"media and branches", "Đài PT-TH tỉnh; BHXH tỉnh; Cổng TTĐT tỉnh; Liên minh HTX tỉnh", []want{
			one("Đài PT-TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"), one("BHXH tỉnh", "Bảo hiểm xã hội tỉnh"),
			one("Cổng TTĐT tỉnh", "Cổng Thông tin điện tử tỉnh"), one("Liên minh HTX tỉnh", "Liên minh Hợp tác xã tỉnh")}},
		{"central", "Cơ quan TW", []want{one("Cơ quan TW", "Cơ quan Trung ương")}},

		// Typos.
		{"case", "SỞ TƯ PHÁP; sở tài chính", []want{one("SỞ TƯ PHÁP", "Sở Tư pháp"), one("sở tài chính", "Sở Tài chính")}},
		{"accents", "Sở Giáo dục và Đào tao; So Noi vu", []want{one("Sở Giáo dục và Đào tao", "Sở Giáo dục và Đào tạo"),
			one("So Noi vu", "Sở Nội vụ")}},
		{"letters", "Sở Tài chíng, Sở Khoa hoc và Cong ngh, Sở Giáo dụcvà Đào tạo", []want{
			one("Sở Tài chíng", "Sở Tài chính"), one("Sở Khoa hoc và Cong ngh", "Sở Khoa học và Công nghệ"),
			one("Sở Giáo dụcvà Đào tạo", "Sở Giáo dục và Đào tạo")}},
		{"spacing", "Sở Nộivụ; SởTư pháp", []want{one("Sở Nộivụ", "Sở Nội vụ"), one("SởTư pháp", "Sở Tư pháp")}},
		{"short names are not repaired", "Sở Tư phá", []want{one("Sở Tư phá", "Sở Tư phá")}},

		// Duplicates.
		{"one agency, three spellings", "Sở Nội vụ; SNV; Sở Nội vu", []want{one("Sở Nội vụ", "Sở Nội vụ")}},
		{"one group, two spellings", "UBND cấp huyện; UBND các huyện, thị xã, thành phố", []want{grp("UBND cấp huyện", D)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkParse(t, tc.cell, tc.want)
		})
	}
}

func TestParseNeverNil(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"", " ", "(ghi chú)", "."} {
		if got := Parse(text); got == nil || len(got) != 0 {
			t.Errorf("Parse(%q) = %#v, want an empty slice", text, got)
		}
	}
}
