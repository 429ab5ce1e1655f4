package vn

import (
	"slices"
	"testing"
	"time"
)

func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Sở Nội vụ", "so noi vu"},
		{"so noi vu", "so noi vu"},
		{"SỞ NỘI VỤ", "so noi vu"},
		{"Sở Giáo dục và Đào tạo", "so giao duc va dao tao"},
		{"Sở GD&ĐT", "so gd dt"},
		{"  Phường   Đông-Hải ", "phuong dong hai"},
		{"Xã Ea H'leo", "xa ea h leo"},
		{"Sở Nội vu", "so noi vu"},
		{"", ""},
		// decomposed input (NFD) folds the same as composed
		{"So\u031b\u0309 No\u0323\u0302i vu\u0323", "so noi vu"},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCollationOrder(t *testing.T) {
	t.Parallel()
	names := []string{"Xã Đông", "Xã Dương", "Xã Ân", "Xã An", "Xã Ăn", "Xã Bình", "Xã 10", "Xã 2"}
	c := NewCollator()
	slices.SortFunc(names, c.Compare)
	want := []string{"Xã 2", "Xã 10", "Xã An", "Xã Ăn", "Xã Ân", "Xã Bình", "Xã Dương", "Xã Đông"}
	if !slices.Equal(names, want) {
		t.Fatalf("sorted = %q, want %q", names, want)
	}
	// Keys must order the same way as Compare, byte-wise.
	for i := 1; i < len(want); i++ {
		if string(c.Key(want[i-1])) >= string(c.Key(want[i])) {
			t.Errorf("key(%q) >= key(%q)", want[i-1], want[i])
		}
	}
}

func TestFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n    int64
		want string
	}{{0, "0 đ"}, {999, "999 đ"}, {1000, "1.000 đ"}, {1250000, "1.250.000 đ"}, {-1250000000, "-1.250.000.000 đ"}}
	for _, tc := range tests {
		if got := FormatVND(tc.n); got != tc.want {
			t.Errorf("FormatVND(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	d := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	if got := FormatDate(d); got != "01/07/2025" {
		t.Errorf("FormatDate = %q", got)
	}
	for v, want := range map[float64]string{46.666: "46,7%", 50: "50%", 0: "0%", 100: "100%", 9.54: "9,5%"} {
		if got := FormatPercent(v); got != want {
			t.Errorf("FormatPercent(%v) = %q, want %q", v, got, want)
		}
	}
	if FormatDate(time.Time{}) != "" {
		t.Error("zero date should format empty")
	}
}

func TestCleanText(t *testing.T) {
	t.Parallel()
	if got := CleanText("  Sở   Tư\tpháp \n"); got != "Sở Tư pháp" {
		t.Errorf("CleanText = %q", got)
	}
}
