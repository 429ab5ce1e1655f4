package agency

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// testDirectory is a small province, Phú Sơn, whose unit names carry the
// province's name now and then, as real directories do.
func testDirectory() *Directory {
	units := []Entry{
		{UnitID: 1, Kind: "province", Names: []string{"Ủy ban nhân dân tỉnh Phú Sơn"}},
		{UnitID: 2, Kind: "agency", Names: []string{"Văn phòng Ủy ban nhân dân tỉnh"}},
		{UnitID: 3, Kind: "department", Names: []string{"Sở Nội vụ", "SNV"}},
		{UnitID: 4, Kind: "department", Names: []string{"Sở Tư pháp tỉnh Phú Sơn"}},
		{UnitID: 5, Kind: "department", Names: []string{"Sở Tài chính"}},
		{UnitID: 6, Kind: "department", Names: []string{"Sở Giáo dục và Đào tạo"}},
		{UnitID: 7, Kind: "agency", Names: []string{"Báo Phú Sơn"}},
		{UnitID: 8, Kind: "agency", Names: []string{"Đài Phát thanh và Truyền hình Phú Sơn"}},
		{UnitID: 9, Kind: "office", Names: []string{"Phòng Nội vụ"}},
		{UnitID: 10, Kind: "office", Names: []string{"Phòng Nội vụ"}},
		{UnitID: 11, Kind: "district", Names: []string{"UBND huyện Kế Sách"}},
		{UnitID: 12, Kind: "district", Names: []string{"UBND huyện Mỹ Tú"}},
		{UnitID: 13, Kind: "service", Names: []string{"Trung tâm Y tế huyện Kế Sách"}},
		{UnitID: 14, Kind: "service", Names: []string{"Trung tâm Y tế huyện Mỹ Tú"}},
		{UnitID: 15, Kind: "agency", Names: []string{"Công an tỉnh Phú Sơn"}},
		{UnitID: 16, Kind: "department", Names: []string{"Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông"}},
		{UnitID: 17, Kind: "department", Names: []string{"Sở Văn hóa, Thể thao và Du lịch"}},
		{UnitID: 18, Kind: "department", Names: []string{"Sở Văn hóa và Thể thao"}},
		{UnitID: 19, Kind: "party", Names: []string{"Văn phòng Tỉnh ủy"}},
	}
	groups := []GroupEntry{
		{GroupID: 101, Code: ProvincialAgencies, Names: []string{"Sở, ban, ngành tỉnh"}},
		{GroupID: 102, Code: Districts, Names: []string{"UBND cấp huyện"}},
		{GroupID: 103, Code: Communes, Names: []string{"UBND cấp xã"}},
		{GroupID: 104, Code: PublicServiceUnits, Names: []string{"Đơn vị sự nghiệp công lập"}},
		{GroupID: 105, Code: "schools", Names: []string{"Các trường học", "Trường học"}},
	}
	return NewDirectory(units, groups)
}

func TestResolve(t *testing.T) {
	t.Parallel()
	d := testDirectory()
	tests := []struct {
		name   string
		agency Agency
		unit   int64 // 0: no unit
		group  int64 // 0: no group
		score  float64
		first  int64 // the first candidate's unit or group id, 0 for none, -1 for any
	}{
		{"exact", Agency{Name: "Sở Nội vụ"}, 3, 0, 1, 3},
		{"alias", Agency{Name: "SNV"}, 3, 0, 1, 3},
		{"UBND written out", Agency{Name: "Văn phòng UBND tỉnh"}, 2, 0, 1, 2},
		{"abbreviated department", Agency{Name: "Sở GD&ĐT"}, 6, 0, 1, 6},
		{"earlier name", Agency{Name: "Sở Thông tin và Truyền thông"}, 16, 0, 1, 16},
		{"newspaper", Agency{Name: "Báo Phú Sơn"}, 7, 0, 1, 7},
		{"province left out", Agency{Name: "UBND tỉnh"}, 1, 0, ScorePlace, 1},
		{"province left out after tỉnh", Agency{Name: "Sở Tư pháp"}, 4, 0, ScorePlace, 4},
		{"province name left out", Agency{Name: "Đài Phát thanh và Truyền hình"}, 8, 0, ScorePlace, 8},
		{"province named in the document", Agency{Name: "Công an tỉnh"}, 15, 0, ScorePlace, 15},
		{"tỉnh instead of the province", Agency{Name: "Đài Phát thanh và Truyền hình tỉnh"}, 8, 0, ScorePlace - 0.02, 8},
		{"typo", Agency{Name: "Sở Tai chnh"}, 5, 0, 0.913, 5},
		{"two units, one name", Agency{Name: "Phòng Nội vụ"}, 0, 0, 0, 9},
		{"unknown unit", Agency{Name: "Trung tâm Y tế huyện Long Phú"}, 0, 0, 0, -1},
		{"close names stay apart", Agency{Name: "Sở Văn hóa, Thể thao"}, 18, 0, 1, 18},
		{"party office", Agency{Name: "Văn phòng Tỉnh ủy"}, 19, 0, 1, 19},
		{"a head alone names nothing", Agency{Name: "Văn phòng"}, 0, 0, 0, -1},
		{"nothing alike", Agency{Name: "Liên đoàn Lao động"}, 0, 0, 0, 0},
		{"unspecified", Agency{Name: "Các cơ quan liên quan", Unspecified: true}, 0, 0, 0, 0},
		{"group by code", Agency{Name: "UBND cấp huyện", Group: Districts}, 0, 102, 1, 102},
		{"group by name", Agency{Name: "Trường học", Group: "schools_unknown"}, 0, 105, 1, 105},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := tc.agency
			cands := d.Resolve(&a)
			if cands == nil || len(cands) > MaxCandidates {
				t.Fatalf("Resolve(%q) returned %d candidates (nil: %v)", a.Name, len(cands), cands == nil)
			}
			var unit, group int64
			if a.UnitID != nil {
				unit = *a.UnitID
			}
			if a.GroupID != nil {
				group = *a.GroupID
			}
			if unit != tc.unit || group != tc.group || round3(a.Score) != tc.score {
				t.Errorf("Resolve(%q): unit %d group %d score %v, want %d %d %v; candidates %+v",
					a.Name, unit, group, a.Score, tc.unit, tc.group, tc.score, cands)
			}
			first := int64(0)
			if len(cands) > 0 {
				first = cands[0].UnitID + cands[0].GroupID
			}
			if tc.first >= 0 && first != tc.first {
				t.Errorf("Resolve(%q): first candidate %+v, want id %d", a.Name, cands, tc.first)
			}
			for i := 1; i < len(cands); i++ {
				if cands[i].Score > cands[i-1].Score {
					t.Errorf("Resolve(%q): candidates out of order: %+v", a.Name, cands)
				}
			}
		})
	}
}

func TestPlaceless(t *testing.T) {
	t.Parallel()
	provinces := []string{"phu son"}
	tests := []struct {
		key  string
		want []string
	}{
		{"uy ban nhan dan tinh phu son", []string{"uy ban nhan dan tinh", "uy ban nhan dan"}},
		{"so tu phap tinh phu son", []string{"so tu phap tinh", "so tu phap"}},
		{"dai phat thanh truyen hinh phu son", []string{"dai phat thanh truyen hinh"}},
		{"dai phat thanh truyen hinh tinh", []string{"dai phat thanh truyen hinh"}},
		{"van phong tinh uy", nil},
		{"bao phu son", nil},
		{"so noi vu", nil},
	}
	for _, tc := range tests {
		if got := placeless(tc.key, provinces); !slices.Equal(got, tc.want) {
			t.Errorf("placeless(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestResolveParsed(t *testing.T) {
	t.Parallel()
	// The seed's names, parsed, resolve against the province's own names.
	d := testDirectory()
	want := map[string]int64{"Sở Nội vụ": 3, "Văn phòng UBND tỉnh": 2, "Sở Giáo dục và Đào tạo": 6,
		"Đài Phát thanh và Truyền hình": 8, "Báo Phú Sơn": 7, "Sở Khoa học và Công nghệ": 16}
	for _, a := range Parse("Sở Nội vụ, Văn phòng, UBND tỉnh; Sở GD&ĐT; Đài Phát thanh Truyền hình; Báo Phú Sơn; " +
		"Sở KH&CN (Thường trực Ban Chỉ đạo)") {
		d.Resolve(&a)
		if a.UnitID == nil || *a.UnitID != want[a.Name] {
			t.Errorf("Resolve(%q) = %v, want %d", a.Name, a.UnitID, want[a.Name])
		}
	}
}

func TestSearch(t *testing.T) {
	t.Parallel()
	d := testDirectory()
	tests := []struct {
		text  string
		limit int
		first int64 // unit or group id of the first result
		n     int   // results
	}{
		{"so noi vu", 3, 3, 3},
		{"so noi", 1, 3, 1},
		{"Sở Nội v", 0, 3, 10},
		{"ubnd cap huyen", 5, 102, 5},
		{"truong hoc", 5, 105, 5},
		{"ke sach", 5, 11, 2},
		{"", 5, 0, 0},
		{"xyz", 5, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			t.Parallel()
			got := d.Search(tc.text, tc.limit)
			if got == nil {
				t.Fatalf("Search(%q) = nil", tc.text)
			}
			if len(got) > tc.n || (tc.n > 0 && len(got) == 0) {
				t.Fatalf("Search(%q, %d) = %d results %+v, want at most %d", tc.text, tc.limit, len(got), got, tc.n)
			}
			if tc.n > 0 && got[0].UnitID+got[0].GroupID != tc.first {
				t.Errorf("Search(%q) first = %+v, want id %d", tc.text, got[0], tc.first)
			}
		})
	}
}

// bigDirectory is a directory of about 12,000 units: 20 departments, 25
// districts with their offices, and communes whose names repeat across
// districts.
func bigDirectory() *Directory {
	var units []Entry
	id := int64(0)
	add := func(name string) {
		id++
		units = append(units, Entry{UnitID: id, Names: []string{name}})
	}
	add("Ủy ban nhân dân tỉnh Phú Sơn")
	for _, n := range lexiconNames[:20] {
		add(n)
	}
	syll := []string{"An", "Bình", "Cát", "Đông", "Gia", "Hòa", "Hưng", "Khánh", "Lạc", "Long", "Mỹ", "Nam",
		"Ninh", "Phú", "Phước", "Quang", "Sơn", "Tân", "Thạnh", "Thuận", "Trung", "Vĩnh", "Xuân", "Yên"}
	for i := 0; i < 25; i++ {
		district := syll[i%len(syll)] + " " + syll[(i*7+3)%len(syll)]
		add("UBND huyện " + district)
		for _, office := range []string{"Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND"} {
			add(office + " huyện " + district)
		}
	}
	for len(units) < 12000 {
		n := len(units)
		add(fmt.Sprintf("UBND xã %s %s", syll[n%len(syll)], syll[(n/len(syll))%len(syll)]))
	}
	return NewDirectory(units, []GroupEntry{{GroupID: 1, Code: Districts, Names: []string{"UBND cấp huyện"}}})
}

func TestResolveBigDirectory(t *testing.T) {
	t.Parallel()
	d := bigDirectory()
	a := Agency{Name: "Sở Tư pháp"}
	d.Resolve(&a)
	if a.UnitID == nil || a.Score != 1 {
		t.Fatalf("Resolve(Sở Tư pháp) in a big directory: %v %v", a.UnitID, a.Score)
	}
	// Generous bounds, to catch a search that grows with the directory
	// rather than to measure (see BenchmarkResolve).
	for _, tc := range []struct {
		name  string
		limit time.Duration
	}{{"Sở Tư pháp", 5 * time.Millisecond}, {"Phòng Nội vu huyện Gia Sơn", 20 * time.Millisecond},
		{"UBND xã Tân Hòa", 20 * time.Millisecond}, {"Trung tâm không có", 20 * time.Millisecond}} {
		start := time.Now()
		const n = 50
		for range n {
			a := Agency{Name: tc.name}
			d.Resolve(&a)
		}
		if per := time.Since(start) / n; per > tc.limit {
			t.Errorf("Resolve(%q) took %v per call, want under %v", tc.name, per, tc.limit)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	d := bigDirectory()
	for _, name := range []string{"Sở Tư pháp", "UBND tỉnh", "Phòng Nội vu huyện Gia Sơn", "Trung tâm không có"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				a := Agency{Name: name}
				d.Resolve(&a)
			}
		})
	}
}
