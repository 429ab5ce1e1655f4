package index

import (
	"context"
	"reflect"
	"testing"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/valid"
)

func TestCopiedTitle(t *testing.T) {
	tests := []struct {
		title, want string
	}{
		{"Bộ chỉ số CCHC năm 2025 — Sở, ban, ngành", "Bộ chỉ số CCHC năm 2026 — Sở, ban, ngành"},
		{"Bộ chỉ số CCHC của các sở", "Bộ chỉ số CCHC của các sở"},
		{"Bộ chỉ số 2025 (sửa đổi 2025)", "Bộ chỉ số 2026 (sửa đổi 2026)"},
	}
	for _, tt := range tests {
		if got := copiedTitle(tt.title, 2025, 2026); got != tt.want {
			t.Errorf("copiedTitle(%q) = %q; want %q", tt.title, got, tt.want)
		}
	}
}

func TestCopyFramework(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		from := newTestFramework(t, s, 2025, true)
		deadline := civil.New(2026, 3, 31)
		if _, err := s.UpdateFramework(ctx, from.ID, FrameworkInput{Year: 2025, UnitKind: "agency", Title: from.Title,
			SelfDeadline: &deadline}, 0); err != nil {
			t.Fatal(err)
		}
		bands := []Band{{MinPercent: 8500, Label: "Tốt"}, {MinPercent: 0, Label: "Chưa tốt"}}
		if err := s.SetBands(ctx, from.ID, bands, 0); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStage(ctx, from.ID, StageSelf, 0); err != nil {
			t.Fatal(err)
		}

		c, err := s.CopyFramework(ctx, from.ID, 2026, 0)
		if err != nil {
			t.Fatal(err)
		}
		if c.Year != 2026 || c.UnitKind != "agency" || c.Stage != StageDraft || c.CopiedFrom == nil || *c.CopiedFrom != from.ID ||
			c.Title != "Bộ chỉ số cải cách hành chính năm 2026 — Sở, ban, ngành" || c.Deadline() != civil.New(2027, 3, 31) {
			t.Errorf("copy = %+v", c)
		}
		old, err := s.Items(ctx, from.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Items(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(old) {
			t.Fatalf("%d items copied; want %d", len(got), len(old))
		}
		oldByID, newByID := map[int64]Item{}, map[int64]Item{}
		for i := range old {
			oldByID[old[i].ID], newByID[got[i].ID] = old[i], got[i]
		}
		for i := range old {
			o, n := old[i], got[i]
			if n.ID == o.ID || n.FrameworkID != c.ID {
				t.Errorf("item %s: id %d framework %d", n.Number, n.ID, n.FrameworkID)
			}
			if (o.ParentID == nil) != (n.ParentID == nil) ||
				o.ParentID != nil && oldByID[*o.ParentID].Number != newByID[*n.ParentID].Number {
				t.Errorf("item %s: parent not mapped", n.Number)
			}
			o.ID, o.FrameworkID, o.ParentID = 0, 0, nil
			n.ID, n.FrameworkID, n.ParentID = 0, 0, nil
			if !reflect.DeepEqual(o, n) {
				t.Errorf("item copied as %+v; want %+v", n, o)
			}
		}
		if got, err := s.Bands(ctx, c.ID); err != nil || !reflect.DeepEqual(got, bands) {
			t.Errorf("bands of the copy = %+v, %v; want %+v", got, err, bands)
		}

		// The copy is a draft of its own: its items change, the source's do not.
		if err := s.SaveItems(ctx, c.ID, newTestFrameworkItems()[:5], 0); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.Items(ctx, from.ID); !reflect.DeepEqual(again, old) {
			t.Error("saving the copy's items changed the source")
		}
		_, err = s.CopyFramework(ctx, from.ID, 2026, 0)
		if errs, ok := valid.As(err); !ok || errs["year"] == "" {
			t.Errorf("second copy into 2026: err = %v; want a message on year", err)
		}
	})
}
