package schedule

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"cchc/internal/civil"
)

// FuzzParse checks the guarantees of Parse on any text and plan year: it
// never panics, every date exists, Start is not after Due, milestones are
// sorted and end with Due, the enums hold known values, and the JSON form
// reads back to the same Schedule.
func FuzzParse(f *testing.F) {
	for _, tc := range parseTests {
		f.Add(tc.text, tc.year)
	}
	f.Add("ngày 29/02 hằng năm", 2013)
	f.Add("từ 31/12 đến 1/1", 2020)
	f.Add("9999 ngày kể từ ngày 1/1/2199", 0)
	f.Fuzz(func(t *testing.T, text string, year int) {
		s := Parse(text, year)
		checkInvariants(t, s)
		if s.Text != text {
			t.Fatalf("Text = %q, want the input %q", s.Text, text)
		}
		if again := Parse(text, year); !reflect.DeepEqual(s, again) {
			t.Fatalf("Parse is not deterministic: %+v then %+v", s, again)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !strings.HasPrefix(string(b), `{"text":`) || !strings.Contains(string(b), `"milestones":[`) {
			t.Fatalf("JSON shape: %s", b)
		}
		var back Schedule
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("unmarshal %s: %v", b, err)
		}
		if !utf8.ValidString(text) { // JSON carries U+FFFD for invalid bytes
			back.Text = s.Text
		}
		if !reflect.DeepEqual(s, back) {
			t.Fatalf("JSON round trip:\n got %+v\nwant %+v", back, s)
		}
	})
}

// checkInvariants fails t when s breaks a guarantee of Parse.
func checkInvariants(t *testing.T, s Schedule) {
	t.Helper()
	for _, d := range append([]civil.Date{s.Start, s.Due}, s.Milestones...) {
		if d.IsZero() {
			continue
		}
		if p, err := civil.Parse(d.String()); err != nil || p != d || d.Year < minYear-1 || d.Year > maxYear+1 {
			t.Fatalf("%q: impossible date %+v", s.Text, d)
		}
	}
	if !s.Start.IsZero() && !s.Due.IsZero() && s.Start.After(s.Due) {
		t.Fatalf("%q: start %s after due %s", s.Text, s.Start, s.Due)
	}
	if len(s.Milestones) == 1 {
		t.Fatalf("%q: a single milestone %v", s.Text, s.Milestones)
	}
	if n := len(s.Milestones); n > 0 {
		if s.Milestones[n-1] != s.Due {
			t.Fatalf("%q: due %s is not the last milestone %v", s.Text, s.Due, s.Milestones)
		}
		for i := 1; i < n; i++ {
			if !s.Milestones[i-1].Before(s.Milestones[i]) {
				t.Fatalf("%q: milestones not sorted or repeated: %v", s.Text, s.Milestones)
			}
		}
	}
	if !slices.Contains([]string{OneOff, Continuous, Yearly, HalfYearly, Quarterly, Monthly}, s.Recurrence) {
		t.Fatalf("%q: recurrence %q", s.Text, s.Recurrence)
	}
	if !slices.Contains([]string{Absolute, RelativePlanYear, RelativeEvent}, s.Relative) {
		t.Fatalf("%q: relative %q", s.Text, s.Relative)
	}
	if !s.Understood && (!s.Start.IsZero() || !s.Due.IsZero() || len(s.Milestones) > 0) {
		t.Fatalf("%q: not understood but dated: %+v", s.Text, s)
	}
	if s.Summary() == "" {
		t.Fatalf("%q: empty summary", s.Text)
	}
}

// TestLongInput feeds long, repetitive texts that once made parts of the
// parser quadratic; each must still parse quickly and keep the guarantees.
func TestLongInput(t *testing.T) {
	t.Parallel()
	for _, unit := range []string{
		"1/", "12.", "quý I, ", "Thời hạn: ", "tháng 6 năm 2013 ", "từ ngày ", "a) Kết quả: ",
		"mười ", "ngày 10 hằng tháng; ", "2012, ", "năm trước ", "63/2010/NĐ-CP",
	} {
		text := strings.Repeat(unit, 5000)
		start := time.Now()
		s := Parse(text, 2018)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Parse(%q × 5000) took %v", unit, d)
		}
		checkInvariants(t, s)
	}
}
