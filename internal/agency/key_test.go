package agency

import (
	"strings"
	"testing"

	"cchc/internal/vn"
)

func TestKey(t *testing.T) {
	t.Parallel()
	tests := []struct{ a, b, key string }{
		{"Sở GD&ĐT", "Sở Giáo dục và Đào tạo", "so giao duc dao tao"},
		{"Sở Giáo dục và ĐT", "sở giáo dục, đào tạo", "so giao duc dao tao"},
		{"VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "van phong uy ban nhan dan tinh"},
		{"Uỷ ban nhân dân tỉnh", "UBND tỉnh", "uy ban nhan dan tinh"},
		{"HĐND tỉnh", "Hội đồng nhân dân tỉnh", "hoi dong nhan dan tinh"},
		{"Văn hóa, TT và DL", "Văn hóa, Thể thao và Du lịch", "van hoa the thao du lich"},
		{"Sở VHTTDL", "Sở Văn hoá - Thể thao và Du lịch", "so van hoa the thao du lich"},
		{"Sở LĐ-TB&XH", "Sở Lao động, Thương binh và Xã hội", "so lao dong thuong binh xa hoi"},
		{"Sở KH&CN", "Sở Khoa học và Công nghệ", "so khoa hoc cong nghe"},
		{"Sở KHĐT", "Sở Kế hoạch và Đầu tư", "so ke hoach dau tu"},
		{"Sở TT&TT", "Sở Thông tin và Truyền thông", "so thong tin truyen thong"},
		{"Sở TN&MT", "Sở Tài nguyên và Môi trường", "so tai nguyen moi truong"},
		{"Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn", "so nong nghiep phat trien nong thon"},
		{"Đài PT-TH", "Đài Phát thanh Truyền hình", "dai phat thanh truyen hinh"},
		{"SNV", "  Sở   Nội vụ. ", "so noi vu"},
		{"STP", "Sở Tư pháp", "so tu phap"},
		{"VP Chính phủ", "Văn phòng Chính phủ", "van phong chinh phu"},
		{"Cơ quan TW", "cơ quan Trung ương", "co quan trung uong"},
		{"UBND TP. Sóc Trăng", "Ủy ban nhân dân thành phố Sóc Trăng", "uy ban nhan dan thanh pho soc trang"},
		// Decomposed (NFD) input keys as composed.
		{"So\u031b\u0309 No\u0323\u0302i vu\u0323", "Sở Nội vụ", "so noi vu"},
		{"", " .,; ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.a, func(t *testing.T) {
			t.Parallel()
			if got := Key(tc.a); got != tc.key {
				t.Errorf("Key(%q) = %q, want %q", tc.a, got, tc.key)
			}
			if got := Key(tc.b); got != tc.key {
				t.Errorf("Key(%q) = %q, want %q", tc.b, got, tc.key)
			}
		})
	}
}

func TestKeyTellsApart(t *testing.T) {
	t.Parallel()
	tests := []struct{ a, b string }{
		{"Sở Nội vụ", "Bộ Nội vụ"},
		{"Sở Tư pháp", "Sở Tài chính"},
		{"UBND cấp huyện", "UBND các huyện"},
		{"Sở Văn hóa và Thể thao", "Sở Văn hóa, Thể thao và Du lịch"},
		{"Văn phòng UBND tỉnh", "Văn phòng HĐND tỉnh"},
	}
	for _, tc := range tests {
		if Key(tc.a) == Key(tc.b) {
			t.Errorf("Key(%q) == Key(%q) == %q", tc.a, tc.b, Key(tc.a))
		}
	}
}

func TestLexiconKeysAreCanonical(t *testing.T) {
	t.Parallel()
	// Every lexicon name parses to itself, so Parse's names are stable.
	for _, name := range lexiconNames {
		got := Parse(name)
		if len(got) != 1 || got[0].Name != name || got[0].Group != "" {
			t.Errorf("Parse(%q) = %+v, want the name itself", name, got)
		}
	}
}

func TestFoldWordAgreesWithVnFold(t *testing.T) {
	t.Parallel()
	words := []string{"Sở", "NỘI", "vụ", "Đào", "tạo", "Uỷ", "Ủy", "Hoá", "Hóa", "ĐBQH", "Straße", "Ǆemal", "So\u031b\u0309"}
	for r := rune(0x00C0); r <= 0x1EFF; r++ {
		words = append(words, "a"+string(r)+"b")
	}
	for _, w := range words {
		if got, want := foldWord(w), strings.ReplaceAll(vn.Fold(w), " ", ""); got != want {
			t.Errorf("foldWord(%q) = %q, vn.Fold gives %q", w, got, want)
		}
	}
}
