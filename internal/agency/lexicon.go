package agency

import "strings"

// lexiconNames are the usual names of provincial agencies (and the central
// bodies plans mention), written the canonical way: official spelling,
// "UBND"/"HĐND" short, nothing else abbreviated. It is language, not a
// province's data: a name is matched on its Key, so "Sở Nội vu", "sở GD&ĐT"
// or "Đài Phát thanh Truyền hình" find their entry; a name may be followed
// by the place it serves ("Công an tỉnh Sóc Trăng").
var lexiconNames = []string{
	// Departments (sở), before and after the 2025 mergers.
	"Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương",
	"Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường",
	"Sở Giao thông vận tải", "Sở Xây dựng", "Sở Tài nguyên và Môi trường",
	"Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội",
	"Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao", "Sở Du lịch",
	"Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Ngoại vụ",
	"Sở Dân tộc và Tôn giáo", "Sở Quy hoạch - Kiến trúc", "Sở An toàn thực phẩm",
	// The committee, the council and their offices.
	"UBND tỉnh", "HĐND tỉnh", "Văn phòng UBND tỉnh", "Văn phòng HĐND tỉnh",
	"Văn phòng HĐND và UBND tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh",
	"Văn phòng Đoàn đại biểu Quốc hội, HĐND và UBND tỉnh",
	// Other provincial agencies.
	"Thanh tra tỉnh", "Ban Dân tộc", "Ban Tôn giáo", "Ban Thi đua - Khen thưởng",
	"Ban Quản lý Khu kinh tế", "Ban Quản lý các khu công nghiệp",
	"Chi cục Văn thư - Lưu trữ", "Trung tâm Phục vụ hành chính công", "Trung tâm Hành chính công",
	"Đài Phát thanh và Truyền hình", "Cổng Thông tin điện tử tỉnh", "Cổng Thông tin điện tử",
	"Trường Chính trị tỉnh", "Ban Chỉ đạo cải cách hành chính",
	// Central bodies' local branches, the forces, courts and mass organisations.
	"Kho bạc Nhà nước", "Cục Thuế", "Cục Thống kê", "Cục Hải quan", "Bảo hiểm xã hội",
	"Ngân hàng Nhà nước", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
	"Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam",
	"Liên đoàn Lao động tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh",
	"Hội Cựu chiến binh tỉnh", "Liên minh Hợp tác xã tỉnh",
	// Party bodies.
	"Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy",
	"Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
	// Central government.
	"Chính phủ", "Thủ tướng Chính phủ", "Văn phòng Chính phủ",
	"Bộ Nội vụ", "Bộ Tư pháp", "Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Bộ Công Thương",
	"Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường", "Bộ Giao thông vận tải",
	"Bộ Xây dựng", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
	"Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch",
	"Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Công an",
	"Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Dân tộc và Tôn giáo",
}

// lexiconTable is lexiconNames indexed for matching. It is built once and
// never changed.
type lexiconTable struct {
	byKey   map[string]string // Key of a name → the name
	compact map[string]string // Key of a name without spaces → the name ("" when two names share it)
	keys    []string          // keys in table order, for typo repair
	fields  map[string]string // Key of a department's field ("noi vu") → the field ("Nội vụ")
	vaJoins map[string]bool   // "dan uy": the key words either side of a "và" inside a name
	// maxWords is the most words a name has as written.
	maxWords int
}

var lexicon = buildLexicon()

func buildLexicon() *lexiconTable {
	t := &lexiconTable{byKey: map[string]string{}, compact: map[string]string{}, fields: map[string]string{},
		vaJoins: map[string]bool{}}
	for _, name := range lexiconNames {
		k := Key(name)
		if _, dup := t.byKey[k]; dup {
			panic("agency: duplicate lexicon name " + name)
		}
		t.byKey[k] = name
		c := strings.ReplaceAll(k, " ", "")
		if _, dup := t.compact[c]; dup {
			t.compact[c] = ""
		} else {
			t.compact[c] = name
		}
		t.maxWords = max(t.maxWords, len(scanWords(name)))
		t.keys = append(t.keys, k)
		if field, ok := strings.CutPrefix(name, "Sở "); ok {
			t.fields[Key(field)] = field
		}
		for left, right, ok := strings.Cut(name, " và "); ok; left, right, ok = strings.Cut(right, " và ") {
			l, r := keyTokens(left), keyTokens(right)
			if len(l) > 0 && len(r) > 0 {
				t.vaJoins[l[len(l)-1].s+" "+r[0].s] = true
			}
			left = right
		}
	}
	return t
}

// field returns the department field a key names ("tai chinh" → "Tài
// chính"), if it is one.
func (t *lexiconTable) field(key string) (string, bool) {
	f, ok := t.fields[key]
	return f, ok
}

// exact returns the lexicon name whose key is key.
func (t *lexiconTable) exact(key string) (string, bool) {
	n, ok := t.byKey[key]
	return n, ok
}

// respaced returns the lexicon name whose key equals key but for spaces:
// "Sở Nộivụ", "Sở Tài  chính" and "SởTư pháp" find their names.
func (t *lexiconTable) respaced(key string) (string, bool) {
	n := t.compact[strings.ReplaceAll(key, " ", "")]
	return n, n != ""
}

// repair returns the lexicon name whose key is within a small edit distance
// of key: 1 for keys of 12 to 15 characters, 2 for longer ones; shorter keys
// are never repaired. The name must start with the same word (the head:
// "Sở", "Ban", "Bộ") and be the only one that near.
func (t *lexiconTable) repair(key string) (string, bool) {
	limit := 0
	switch n := len(key); {
	case n >= 16:
		limit = 2
	case n >= 12:
		limit = 1
	default:
		return "", false
	}
	head, _, _ := strings.Cut(key, " ")
	best, bestDist, ties := "", limit+1, 0
	for _, k := range t.keys {
		if abs(len(k)-len(key)) > limit || !strings.HasPrefix(k, head+" ") {
			continue // a typo is repaired within its kind: a "Ban" stays a "Ban"
		}
		d := levenshtein(key, k, limit)
		switch {
		case d < bestDist:
			best, bestDist, ties = k, d, 1
		case d == bestDist:
			ties++
		}
	}
	if bestDist > limit || ties != 1 {
		return "", false
	}
	return t.byKey[best], true
}

// joinedByVa reports whether the "và" between two texts sits inside a known
// name ("Văn phòng HĐND và UBND tỉnh") rather than between two agencies.
func (t *lexiconTable) joinedByVa(leftLast, rightFirst string) bool {
	return t.vaJoins[leftLast+" "+rightFirst]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// levenshtein returns the edit distance between a and b (bytes), or limit+1
// when it is larger than limit.
func levenshtein(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > limit {
		return limit + 1
	}
	return prev[len(b)]
}
