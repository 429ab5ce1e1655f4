package index

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/valid"
)

func TestCheckBands(t *testing.T) {
	tests := []struct {
		name  string
		bands []Band
		key   string
		want  string
	}{
		{"none", nil, "bands", "ít nhất một"},
		{"no label", []Band{{MinPercent: 9000, Label: " "}, {Label: "Yếu"}}, "bands.0.label", "Dòng 1: chưa nhập tên"},
		{"above 100%", []Band{{MinPercent: 10001, Label: "A"}, {Label: "B"}}, "bands.0.min_percent", "từ 0% đến 100%"},
		{"duplicate", []Band{{MinPercent: 9050, Label: "A"}, {MinPercent: 9050, Label: "B"}, {Label: "C"}},
			"bands.1.min_percent", "Dòng 2: mức 90,5% trùng với dòng 1"},
		{"no lowest", []Band{{MinPercent: 5000, Label: "Đạt"}}, "bands", "thấp nhất phải từ 0%"},
	}
	for _, tt := range tests {
		_, errs := checkBands(tt.bands)
		if !strings.Contains(errs[tt.key], tt.want) {
			t.Errorf("%s: errors = %v; want %q on %s", tt.name, errs, tt.want, tt.key)
		}
	}
	got, errs := checkBands([]Band{{MinPercent: 0, Label: "Yếu"}, {MinPercent: 9000, Label: " Xuất  sắc "}})
	if len(errs) > 0 || !reflect.DeepEqual(got, []Band{{9000, "Xuất sắc"}, {0, "Yếu"}}) {
		t.Errorf("checkBands = %+v, %v", got, errs)
	}
}

func TestSetBands(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		f := newTestFramework(t, s, 2025, true)
		in := []Band{{MinPercent: 0, Label: "Không đạt"}, {MinPercent: 7000, Label: "Đạt"}, {MinPercent: 9000, Label: "Tốt"}}
		if err := s.SetBands(ctx, f.ID, in, 0); err != nil {
			t.Fatal(err)
		}
		want := []Band{{9000, "Tốt"}, {7000, "Đạt"}, {0, "Không đạt"}}
		if got, err := s.Bands(ctx, f.ID); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("bands = %+v, %v; want %+v", got, err, want)
		}
		err := s.SetBands(ctx, f.ID, []Band{{MinPercent: 9000, Label: "Tốt"}}, 0)
		if errs, ok := valid.As(err); !ok || errs["bands"] == "" {
			t.Errorf("bands without 0%%: err = %v", err)
		}
		setTestFrameworkStage(t, d, f.ID, StageFinal)
		if err := s.SetBands(ctx, f.ID, DefaultBands(), 0); valid.Message(err) == "" {
			t.Errorf("set bands of a final framework: err = %v; want a problem", err)
		}
		if got, _ := s.Bands(ctx, f.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("bands after a refusal = %+v", got)
		}
	})
}
