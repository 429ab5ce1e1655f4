package agency

// The word lists below are key words (see Key): folded, abbreviations
// written out, "và" dropped.

// heads are the words an agency's name starts with.
var heads = [][]string{
	{"so"}, {"bo"}, {"ban"}, {"van", "phong"}, {"uy", "ban"}, {"hoi", "dong"}, {"thanh", "tra"},
	{"cong", "an"}, {"dai"}, {"bao"}, {"cong", "thong", "tin"}, {"kho", "bac"}, {"cuc"}, {"chi", "cuc"},
	{"bao", "hiem"}, {"trung", "tam"}, {"hoi"}, {"lien", "doan"}, {"lien", "minh"}, {"doan"},
	{"mat", "tran"}, {"tinh", "doan"}, {"tinh", "uy"}, {"huyen", "uy"}, {"thanh", "uy"}, {"thi", "uy"},
	{"dang", "uy"}, {"truong"}, {"vien"}, {"benh", "vien"}, {"toa", "an"}, {"ngan", "hang"},
	{"cong", "ty"}, {"tong", "cong", "ty"}, {"phong"}, {"co", "quan"}, {"don", "vi"}, {"to", "chuc"},
	{"chu", "tich"}, {"giam", "doc"}, {"thu", "truong"}, {"lanh", "dao"}, {"tap", "chi"},
	{"nha", "xuat", "ban"}, {"hoc", "vien"}, {"tong", "cuc"}, {"chinh", "phu"}, {"thu", "tuong"},
	{"quoc", "hoi"}, {"dia", "phuong"}, {"doanh", "nghiep"}, {"hop", "tac", "xa"}, {"dai", "hoc"},
}

// completedHeads are heads that name nothing alone: "Văn phòng" written
// before a comma ("Văn phòng, UBND tỉnh") belongs to the next words.
var completedHeads = [][]string{
	{"van", "phong"}, {"uy", "ban"}, {"hoi", "dong"}, {"trung", "tam"}, {"chi", "cuc"}, {"cuc"}, {"phong"},
}

// listHeads are the heads a list of names may share: "các Sở: Tư pháp; Tài
// chính" names "Sở Tư pháp" and "Sở Tài chính".
var listHeads = [][]string{
	{"so"}, {"bo"}, {"ban"}, {"phong"}, {"cuc"}, {"chi", "cuc"}, {"trung", "tam"}, {"truong"}, {"hoi"},
	{"uy", "ban", "nhan", "dan", "huyen"}, {"uy", "ban", "nhan", "dan", "xa"},
	{"uy", "ban", "nhan", "dan", "thi", "xa"}, {"uy", "ban", "nhan", "dan", "thanh", "pho"},
	{"uy", "ban", "nhan", "dan", "phuong"}, {"huyen"}, {"xa"}, {"phuong"},
}

// genericNouns start the names of no particular agency ("các cơ quan liên
// quan", "cơ quan, đơn vị có liên quan").
var genericNouns = [][]string{
	{"co", "quan"}, {"don", "vi"}, {"to", "chuc"}, {"dia", "phuong"}, {"ca", "nhan"}, {"doanh", "nghiep"},
	{"bo", "phan"}, {"phong", "ban"}, {"phong"}, {"ban"}, {"nganh"}, {"cap"}, {"doan", "the"}, {"co", "so"},
	{"bo", "nganh"}, {"bo"}, {"so"}, {"truong"}, {"thanh", "vien"}, {"chu", "the"}, {"cong", "dong"},
	{"nguoi", "dan"}, {"hoi"}, {"trung", "tam"}, {"cong", "chuc"}, {"can", "bo"},
}

// vagueQualifiers follow generic nouns in names of no particular agency:
// "cơ quan có liên quan", "đơn vị được giao", "cơ quan khác".
var vagueQualifiers = [][]string{
	{"lien", "quan"}, {"co", "lien", "quan"}, {"duoc"}, {"bi"}, {"khac"}, {"tham", "gia"}, {"chu", "tri"},
	{"phoi", "hop"}, {"thuc", "hien"}, {"co"}, {"chuyen", "mon"}, {"tren", "dia", "ban"}, {"trong", "tinh"},
}

// personTitles are the heads of units: "Chủ tịch UBND cấp xã".
var personTitles = [][]string{
	{"chu", "tich"}, {"lanh", "dao"}, {"thu", "truong"}, {"giam", "doc"}, {"nguoi", "dung", "dau"},
}

// quantifiers mark a plural: "các", "những", "mọi", "tất cả", "toàn bộ".
var quantifiers = [][]string{{"cac"}, {"nhung"}, {"moi"}, {"tat", "ca"}, {"toan", "bo"}, {"toan", "the"}}

// fillers introduce a list without naming anything ("Gồm: ...").
var fillers = [][]string{{"gom"}, {"bao", "gom"}, {"gom", "co"}, {"cu", "the"}, {"trong", "do"}}

// sectorQualifiers may follow "Sở" in a name of all departments: "các Sở
// liên quan", "Sở chuyên ngành", "sở quản lý ngành".
var sectorQualifiers = [][]string{
	{"lien", "quan"}, {"co", "lien", "quan"}, {"cap", "tinh"}, {"tinh"}, {"chuyen", "nganh"}, {"chu", "quan"},
	{"quan", "ly"}, {"thuoc"}, {"trong"}, {"tren"}, {"duoc"}, {"co"}, {"doan", "the"}, {"nganh"}, {"ban"},
}

// level is a tier of local government; levels is a set of them.
type level uint8

const (
	levelProvince level = 1 << iota
	levelDistrict
	levelCommune
)

// levelWords name the tiers: "huyện, thị xã, thành phố" are districts,
// "xã, phường, thị trấn" (and since 2025 "đặc khu") communes.
var levelWords = []struct {
	words []string
	lv    level
}{
	{[]string{"thanh", "pho", "thuoc", "tinh"}, levelDistrict},
	{[]string{"thanh", "pho"}, levelDistrict},
	{[]string{"thi", "xa"}, levelDistrict},
	{[]string{"huyen"}, levelDistrict},
	{[]string{"quan"}, levelDistrict},
	{[]string{"thi", "tran"}, levelCommune},
	{[]string{"xa"}, levelCommune},
	{[]string{"phuong"}, levelCommune},
	{[]string{"dac", "khu"}, levelCommune},
	{[]string{"tinh"}, levelProvince},
}

// prefixLen returns the length of the longest entry of list that toks start
// with, or 0.
func prefixLen(toks []tok, list [][]string) int {
	best := 0
	for _, words := range list {
		if len(words) > best && hasWords(toks, words) {
			best = len(words)
		}
	}
	return best
}

// hasWords reports whether toks start with words.
func hasWords(toks []tok, words []string) bool {
	if len(toks) < len(words) {
		return false
	}
	for i, w := range words {
		if toks[i].s != w {
			return false
		}
	}
	return true
}

// isExactly reports whether toks are exactly one entry of list.
func isExactly(toks []tok, list [][]string) bool {
	for _, words := range list {
		if len(words) == len(toks) && hasWords(toks, words) {
			return true
		}
	}
	return false
}

// trimLead drops a leading "và" or "cùng" and quantifiers ("các",
// "những"), reporting whether there was a quantifier.
func trimLead(toks []tok) ([]tok, bool) {
	plural := false
	for len(toks) > 0 {
		if toks[0].s == "va" || toks[0].s == "cung" {
			toks = toks[1:]
			continue
		}
		if n := prefixLen(toks, quantifiers); n > 0 && n < len(toks) {
			toks, plural = toks[n:], true
			continue
		}
		break
	}
	return toks, plural
}

// levelAt returns the length and tier of the level word at toks[i], or 0.
func levelAt(toks []tok, i int) (int, level) {
	for _, lw := range levelWords {
		if hasWords(toks[i:], lw.words) {
			return len(lw.words), lw.lv
		}
	}
	return 0, 0
}

// parseLevels reads a list of tiers at the start of toks ("cấp huyện, cấp
// xã", "các huyện, thị xã, thành phố", "các cấp"). It returns the tiers, the
// number of words read, whether the tiers were plural ("các", "cấp") and how
// many level words there were.
func parseLevels(toks []tok) (lv level, n int, plural bool, count int) {
	for i := 0; i < len(toks); {
		switch toks[i].s {
		case "cac", "cap":
			if toks[i].s == "cac" && i+1 < len(toks) && toks[i+1].s == "cap" {
				if m, _ := levelAt(toks, min(i+2, len(toks)-1)); i+2 == len(toks) || m == 0 {
					lv |= levelDistrict | levelCommune
					plural, count, i, n = true, count+1, i+2, i+2
					continue
				}
			}
			plural = true
			i++
			continue
		}
		m, l := levelAt(toks, i)
		if m == 0 {
			break
		}
		lv |= l
		count++
		i += m
		n = i
	}
	return lv, n, plural, count
}
