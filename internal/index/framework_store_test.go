package index

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/valid"
)

func TestCreateFramework(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		deadline := civil.New(2026, 3, 31)
		f, err := s.CreateFramework(ctx, FrameworkInput{Year: 2025, UnitKind: " agency ",
			Title: "  Bộ chỉ số   CCHC năm 2025 ", SelfDeadline: &deadline}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if f.ID == 0 || f.Year != 2025 || f.UnitKind != "agency" || f.Title != "Bộ chỉ số CCHC năm 2025" ||
			f.Stage != StageDraft || f.Published || f.CopiedFrom != nil || f.SelfDeadline == nil || *f.SelfDeadline != deadline {
			t.Fatalf("created %+v", f)
		}
		if f.Deadline() != deadline {
			t.Errorf("deadline %s; want %s", f.Deadline(), deadline)
		}
		bands, err := s.Bands(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(bands, DefaultBands()) {
			t.Errorf("bands of a new framework = %+v; want the defaults", bands)
		}

		// A second framework for the same year and kind is refused on "year".
		_, err = s.CreateFramework(ctx, FrameworkInput{Year: 2025, UnitKind: "agency", Title: "Bản khác"}, 0)
		if errs, ok := valid.As(err); !ok || !strings.Contains(errs["year"], "Năm 2025 đã có bộ chỉ số") {
			t.Errorf("duplicate: err = %v; want a message on year", err)
		}

		tests := []struct {
			name  string
			in    FrameworkInput
			field string
		}{
			{"year too early", FrameworkInput{Year: 1999, UnitKind: "agency", Title: "X"}, "year"},
			{"no kind", FrameworkInput{Year: 2025, Title: "X"}, "unit_kind"},
			{"unknown kind", FrameworkInput{Year: 2025, UnitKind: "planet", Title: "X"}, "unit_kind"},
			{"no title", FrameworkInput{Year: 2025, UnitKind: "commune", Title: "  "}, "title"},
			{"deadline in another year", FrameworkInput{Year: 2025, UnitKind: "commune", Title: "X",
				SelfDeadline: &civil.Date{Year: 2030, Month: 1, Day: 1}}, "self_deadline"},
		}
		for _, tt := range tests {
			_, err := s.CreateFramework(ctx, tt.in, 0)
			if errs, ok := valid.As(err); !ok || errs[tt.field] == "" {
				t.Errorf("%s: err = %v; want a message on %s", tt.name, err, tt.field)
			}
		}

		// Listing: newest year first, then the kinds' order (agency before commune).
		for _, in := range []FrameworkInput{
			{Year: 2025, UnitKind: "commune", Title: "Xã 2025"},
			{Year: 2024, UnitKind: "agency", Title: "Sở 2024"},
		} {
			if _, err := s.CreateFramework(ctx, in, 0); err != nil {
				t.Fatal(err)
			}
		}
		all, err := s.Frameworks(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, f := range all {
			titles = append(titles, f.Title)
		}
		if want := []string{"Bộ chỉ số CCHC năm 2025", "Xã 2025", "Sở 2024"}; !reflect.DeepEqual(titles, want) {
			t.Errorf("frameworks = %q; want %q", titles, want)
		}
		if of2024, err := s.Frameworks(ctx, 2024); err != nil || len(of2024) != 1 || of2024[0].Title != "Sở 2024" {
			t.Errorf("frameworks of 2024 = %+v, %v", of2024, err)
		}
		got, err := s.FrameworkFor(ctx, 2025, "commune")
		if err != nil || got.Title != "Xã 2025" || got.Deadline() != civil.New(2026, 4, 15) {
			t.Errorf("framework for 2025 commune = %+v, %v", got, err)
		}
		if _, err := s.FrameworkFor(ctx, 2023, "agency"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("missing framework: err = %v; want db.ErrNotFound", err)
		}
		if _, err := s.Framework(ctx, 9999); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("framework 9999: err = %v; want db.ErrNotFound", err)
		}
		rows, n, err := audit.List(ctx, d, audit.Filter{Entity: auditFramework, Action: audit.Create})
		if err != nil || n != 3 || !strings.Contains(rows[n-1].Summary, "Bộ chỉ số CCHC năm 2025") {
			t.Errorf("audit: %d create rows (%v); want 3", n, err)
		}
	})
}

func TestUpdateAndDeleteFramework(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		f := newTestFramework(t, s, 2025, true)
		other := newTestFramework(t, s, 2024, false)

		in := FrameworkInput{Year: 2025, UnitKind: "agency", Title: "Bộ chỉ số đã sửa"}
		got, err := s.UpdateFramework(ctx, f.ID, in, 0)
		if err != nil || got.Title != "Bộ chỉ số đã sửa" || got.SelfDeadline != nil {
			t.Fatalf("update = %+v, %v", got, err)
		}
		// Moving onto another framework's year and kind is refused.
		_, err = s.UpdateFramework(ctx, other.ID, FrameworkInput{Year: 2025, UnitKind: "agency", Title: "X"}, 0)
		if errs, ok := valid.As(err); !ok || errs["year"] == "" {
			t.Errorf("update onto 2025: err = %v; want a message on year", err)
		}
		// Once open for self-assessment, the year and kind are fixed; the title is not.
		if err := s.SetStage(ctx, f.ID, StageSelf, 0); err != nil {
			t.Fatal(err)
		}
		_, err = s.UpdateFramework(ctx, f.ID, FrameworkInput{Year: 2026, UnitKind: "commune", Title: "X"}, 0)
		if errs, ok := valid.As(err); !ok || errs["year"] == "" || errs["unit_kind"] == "" {
			t.Errorf("update year of an open framework: err = %v; want messages on year and unit_kind", err)
		}
		deadline := civil.New(2026, 2, 28)
		in.Title, in.SelfDeadline = "Tên mới", &deadline
		if got, err := s.UpdateFramework(ctx, f.ID, in, 0); err != nil || got.Title != "Tên mới" || got.Deadline() != deadline {
			t.Errorf("update title of an open framework = %+v, %v", got, err)
		}

		// Only drafts are deleted; a draft with an assessment is kept too.
		if err := s.DeleteFramework(ctx, f.ID, 0); err == nil || valid.Message(err) == "" {
			t.Errorf("delete open framework: err = %v; want a problem", err)
		}
		unit := newTestFrameworkUnit(t, d, "SNV", "agency")
		addTestFrameworkAssessment(t, d, other.ID, unit)
		if err := s.DeleteFramework(ctx, other.ID, 0); err == nil || valid.Message(err) == "" {
			t.Errorf("delete draft with an assessment: err = %v; want a problem", err)
		}
		third := newTestFramework(t, s, 2023, true)
		if err := s.DeleteFramework(ctx, third.ID, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Framework(ctx, third.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deleted framework still there: %v", err)
		}
		if items, err := s.Items(ctx, third.ID); err != nil || len(items) != 0 {
			t.Errorf("items of a deleted framework: %d, %v", len(items), err)
		}
		if _, n, _ := audit.List(ctx, d, audit.Filter{Entity: auditFramework, Action: audit.Delete}); n != 1 {
			t.Errorf("%d delete rows in the audit trail; want 1", n)
		}
	})
}

func TestSetStage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		f := newTestFramework(t, s, 2025, false)
		stage := func() string {
			t.Helper()
			got, err := s.Framework(ctx, f.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got.Stage
		}

		// An empty framework, or one with only bonus points, cannot open.
		if err := s.SetStage(ctx, f.ID, StageSelf, 0); valid.Message(err) == "" {
			t.Errorf("open an empty framework: err = %v; want a problem", err)
		}
		bonusOnly := []ItemInput{{Number: "1", Title: "Điểm thưởng", Kind: KindBonus, MaxPoints: 100}}
		if err := s.SaveItems(ctx, f.ID, bonusOnly, 0); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStage(ctx, f.ID, StageSelf, 0); valid.Message(err) == "" {
			t.Errorf("open a framework of bonus points only: err = %v; want a problem", err)
		}
		if err := s.SaveItems(ctx, f.ID, newTestFrameworkItems(), 0); err != nil {
			t.Fatal(err)
		}

		steps := []struct {
			to      string
			refused bool
			want    string // stage after
		}{
			{StageAppraisal, true, StageDraft},
			{StageFinal, true, StageDraft},
			{"archived", true, StageDraft},
			{StageSelf, false, StageSelf},
			{StageSelf, false, StageSelf}, // no change, no error
			{StageDraft, false, StageDraft},
			{StageSelf, false, StageSelf},
			{StageAppraisal, false, StageAppraisal},
			{StageDraft, true, StageAppraisal},
			{StageFinal, true, StageAppraisal},
			{StageSelf, false, StageSelf},
			{StageAppraisal, false, StageAppraisal},
		}
		for i, st := range steps {
			err := s.SetStage(ctx, f.ID, st.to, 0)
			if st.refused && valid.Message(err) == "" {
				t.Errorf("step %d to %s: err = %v; want a problem", i, st.to, err)
			}
			if !st.refused && err != nil {
				t.Errorf("step %d to %s: %v", i, st.to, err)
			}
			if got := stage(); got != st.want {
				t.Errorf("step %d to %s: stage %s; want %s", i, st.to, got, st.want)
			}
		}

		// Back to draft is refused once a unit has an assessment.
		if err := s.SetStage(ctx, f.ID, StageSelf, 0); err != nil {
			t.Fatal(err)
		}
		addTestFrameworkAssessment(t, d, f.ID, newTestFrameworkUnit(t, d, "STP", "agency"))
		if err := s.SetStage(ctx, f.ID, StageDraft, 0); valid.Message(err) == "" || stage() != StageSelf {
			t.Errorf("back to draft with an assessment: err = %v, stage %s", err, stage())
		}

		// Publishing needs the final stage (set here directly: Finalise does it).
		if err := s.SetPublished(ctx, f.ID, true, 0); valid.Message(err) == "" {
			t.Errorf("publish before final: err = %v; want a problem", err)
		}
		setTestFrameworkStage(t, d, f.ID, StageFinal)
		if err := s.SetStage(ctx, f.ID, StageSelf, 0); valid.Message(err) == "" {
			t.Errorf("reopen a final framework: err = %v; want a problem", err)
		}
		if err := s.SetPublished(ctx, f.ID, true, 0); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Framework(ctx, f.ID); !got.Published {
			t.Error("not published")
		}
		if err := s.SetPublished(ctx, f.ID, false, 0); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Framework(ctx, f.ID); got.Published {
			t.Error("still published")
		}
		rows, _, err := audit.List(ctx, d, audit.Filter{Entity: auditFramework, Action: audit.Update, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var summaries []string
		for _, r := range rows {
			summaries = append(summaries, r.Summary)
		}
		joined := strings.Join(summaries, "\n")
		for _, want := range []string{"sang giai đoạn “Đang thẩm định”", "Công bố kết quả", "Thôi công bố kết quả"} {
			if !strings.Contains(joined, want) {
				t.Errorf("audit trail lacks %q:\n%s", want, joined)
			}
		}
	})
}
