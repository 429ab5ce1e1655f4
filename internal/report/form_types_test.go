package report_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
	"cchc/internal/valid"
)

// TestFormReportTypes: a form sent only for ad hoc reports cannot be
// opened for a quarter and expects nobody there, while its ad hoc period
// expects every commune; unknown types are refused; the types survive the
// Excel round trip.
func TestFormReportTypes(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		e := newWorkflowEnv(t, d)
		uid := e.officer.ID

		_, err := e.s.SaveForm(ctx, report.FormInput{Code: "CD", Title: "Báo cáo chuyên đề", UnitKinds: []string{"commune"},
			ReportTypes: []string{"adhoc", "nope"}, Definition: workflowDefinition}, 0)
		if errs := wantFields(t, "SaveForm with an unknown type", err, "report_types"); !strings.Contains(errs["report_types"], "nope") {
			t.Errorf("message %q does not name the unknown type", errs["report_types"])
		}
		f, err := e.s.SaveForm(ctx, report.FormInput{Code: "CD", Title: "Báo cáo chuyên đề", UnitKinds: []string{"commune"},
			ReportTypes: []string{"adhoc"}, Definition: workflowDefinition}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(f.Types(), []string{"adhoc"}) || f.UsedFor("quarterly") || !f.UsedFor("adhoc") {
			t.Fatalf("stored types %q", f.ReportTypes)
		}
		if bc, _ := e.s.FormByCode(ctx, "BC"); !bc.UsedFor("quarterly") || !bc.UsedFor("adhoc") {
			t.Errorf("a form naming no type is not used for every type")
		}

		_, err = e.s.Open(ctx, "CD", "2026-Q1", e.XA.ID, uid)
		if msg := valid.Message(err); !strings.Contains(msg, "không dùng cho kỳ báo cáo") {
			t.Errorf("Open of a thematic form for a quarter = %v, want a refusal", err)
		}
		adhoc, err := e.s.AddAdhocPeriod(ctx, report.AdhocInput{Code: "2026-CD-ISO", Title: "Chuyên đề ISO 9001",
			StartsOn: date(2026, 1, 1), EndsOn: date(2026, 2, 28), UnitDeadline: date(2026, 3, 10)})
		if err != nil {
			t.Fatal(err)
		}
		if adhoc.TypeCode != "adhoc" {
			t.Errorf("ad hoc period of type %q", adhoc.TypeCode)
		}
		if _, err := e.s.Open(ctx, "CD", "2026-CD-ISO", e.XA.ID, uid); err != nil {
			t.Fatalf("Open of a thematic form for its period: %v", err)
		}

		for _, tc := range []struct {
			period   string
			expected int
		}{{"2026-Q1", 0}, {"2026-CD-ISO", 3}} {
			c, err := e.s.Consolidate(ctx, e.P.ID, tc.period, "CD")
			if err != nil {
				t.Fatal(err)
			}
			if c.Expected != tc.expected {
				t.Errorf("form CD expects %d units in %s, want %d", c.Expected, tc.period, tc.expected)
			}
			tl, err := e.s.Timeliness(ctx, e.P.ID, tc.period, "CD")
			if err != nil {
				t.Fatal(err)
			}
			if tl.Expected != tc.expected {
				t.Errorf("timeliness of form CD expects %d units in %s, want %d", tl.Expected, tc.period, tc.expected)
			}
		}

		var buf bytes.Buffer
		if err := report.ExportFormXLSX(&buf, f); err != nil {
			t.Fatal(err)
		}
		in, err := report.ImportFormXLSX(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(in.ReportTypes, []string{"adhoc"}) {
			t.Errorf("report types after the Excel round trip: %q", in.ReportTypes)
		}
	})
}
