package civil

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseAndFormat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2025-07-01", "2025-07-01", false},
		{"01/07/2025", "2025-07-01", false},
		{"1/7/2025", "2025-07-01", false},
		{"30/02/2025", "", true},
		{"2025-13-01", "", true},
		{"hôm qua", "", true},
	}
	for _, tc := range tests {
		d, err := ParseVN(tc.in)
		if (err != nil) != tc.wantErr {
			t.Errorf("ParseVN(%q) err = %v", tc.in, err)
			continue
		}
		if d.String() != tc.want {
			t.Errorf("ParseVN(%q) = %q, want %q", tc.in, d, tc.want)
		}
	}
	if got := New(2025, time.July, 1).VN(); got != "01/07/2025" {
		t.Errorf("VN = %q", got)
	}
	if got := New(2025, time.July, 1).AddDays(-1).String(); got != "2025-06-30" {
		t.Errorf("AddDays = %q", got)
	}
}

func TestScanAndJSON(t *testing.T) {
	t.Parallel()
	var d Date
	for _, src := range []any{"2025-07-01", []byte("2025-07-01"), time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), "2025-07-01T00:00:00Z"} {
		if err := d.Scan(src); err != nil || d.String() != "2025-07-01" {
			t.Errorf("Scan(%v) = %v, %v", src, d, err)
		}
	}
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("Scan(nil) = %v, %v", d, err)
	}
	b, _ := json.Marshal(struct {
		A Date `json:"a"`
		B Date `json:"b"`
	}{A: New(2025, 7, 1)})
	if string(b) != `{"a":"2025-07-01","b":null}` {
		t.Errorf("json = %s", b)
	}
	var back struct{ A Date }
	if err := json.Unmarshal([]byte(`{"A":"2024-02-29"}`), &back); err != nil || back.A.String() != "2024-02-29" {
		t.Errorf("unmarshal = %v %v", back, err)
	}
}
