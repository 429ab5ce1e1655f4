package report

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/jmoiron/sqlx"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/valid"
)

func TestEnsureDefaults(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := EnsureDefaults(ctx, d); err != nil {
			t.Fatal(err)
		}
		// Again, inside a transaction: nothing changes.
		if err := d.InTx(ctx, func(tx *sqlx.Tx) error { return EnsureDefaults(ctx, tx) }); err != nil {
			t.Fatal(err)
		}
		var types []ReportType
		if err := d.SelectContext(ctx, &types, `SELECT id, code, name, period_kind, cutoff_from_day, cutoff_to_day,
			unit_deadline_day, unit_deadline_offset, snv_deadline_day, snv_deadline_offset, grace_days, position
			FROM report_types ORDER BY position`); err != nil {
			t.Fatal(err)
		}
		want := DefaultTypes()
		if len(types) != len(want) {
			t.Fatalf("%d report types; want %d", len(types), len(want))
		}
		for i := range want {
			want[i].ID = types[i].ID
			if types[i] != want[i] {
				t.Errorf("type %d = %+v; want %+v", i, types[i], want[i])
			}
		}
		s := NewStore(d)
		forms, err := s.Forms(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(forms) != 1 || forms[0].Code != DefaultFormCode || forms[0].Version != 1 {
			t.Fatalf("forms = %+v; want the default form at version 1", forms)
		}
		f := forms[0]
		if !reflect.DeepEqual(f.Definition, DefaultForm().Definition.clean()) {
			t.Error("stored default definition differs from DefaultForm")
		}
		if got := f.Kinds(); !reflect.DeepEqual(got, []string{"agency", "district", "commune"}) {
			t.Errorf("unit kinds = %q", got)
		}
		if err := f.Definition.Validate(); err != nil {
			t.Errorf("default form does not validate: %v", err)
		}
		// The annual deadline for units is 25/11 (day 25, one month before
		// December).
		p, _ := ParsePeriod("2026")
		if row := types[3].Dates(p); row.UnitDeadline.String() != "2026-11-25" || row.SNVDeadline.String() != "2026-12-02" {
			t.Errorf("annual deadlines = %s, %s", row.UnitDeadline, row.SNVDeadline)
		}
	})
}

func TestSaveFormVersions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		in := FormInput{Code: "KSHS", Title: "  Biểu thống kê hồ sơ ", UnitKinds: []string{"commune", "commune"},
			Definition: formTestDefinition()}
		f1, err := s.SaveForm(ctx, in, 0)
		if err != nil {
			t.Fatal(err)
		}
		if f1.Version != 1 || f1.Title != "Biểu thống kê hồ sơ" || f1.UnitKinds != "commune" || f1.ID == 0 {
			t.Fatalf("created %+v", f1)
		}

		// A changed definition adds version 2; version 1 stays as it was.
		in.Definition.Sections[1].Indicators = append(in.Definition.Sections[1].Indicators,
			Indicator{Code: "staff", Label: "Cán bộ", Kind: KindCount})
		f2, err := s.SaveForm(ctx, in, 0)
		if err != nil {
			t.Fatal(err)
		}
		if f2.ID != f1.ID || f2.Version != 2 || f2.VersionID == f1.VersionID {
			t.Fatalf("second save = %+v; want version 2 of form %d", f2, f1.ID)
		}
		old, err := DefinitionOf(ctx, d, f1.VersionID)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := old.Indicator("staff"); ok {
			t.Error("version 1 changed when version 2 was saved")
		}
		if _, ok := f2.Definition.Indicator("staff"); !ok {
			t.Error("version 2 lacks the new indicator")
		}

		// Only the title changes: no new version.
		in.Title = "Biểu thống kê hồ sơ một cửa"
		in.UnitKinds = nil
		f3, err := s.SaveForm(ctx, in, 0)
		if err != nil {
			t.Fatal(err)
		}
		if f3.Version != 2 || f3.Title != in.Title || f3.UnitKinds != "" {
			t.Errorf("title-only save = version %d, %q, kinds %q", f3.Version, f3.Title, f3.UnitKinds)
		}

		got, err := s.FormByCode(ctx, "KSHS")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, f3) {
			t.Errorf("FormByCode = %+v; want %+v", got, f3)
		}
		byID, err := s.Form(ctx, f1.ID)
		if err != nil || byID.Code != "KSHS" {
			t.Errorf("Form(%d) = %+v, %v", f1.ID, byID, err)
		}
		if _, err := s.FormByCode(ctx, "NONE"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("FormByCode(NONE) = %v; want ErrNotFound", err)
		}
		if _, err := DefinitionOf(ctx, d, 99999); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("DefinitionOf(99999) = %v; want ErrNotFound", err)
		}

		var audited int
		if err := d.GetContext(ctx, &audited, `SELECT COUNT(*) FROM audit_log WHERE entity = 'report_form'`); err != nil {
			t.Fatal(err)
		}
		if audited != 3 {
			t.Errorf("%d audit entries; want 3", audited)
		}

		// Forms are listed by Vietnamese title: "Báo cáo ..." before "Biểu ...".
		if err := EnsureDefaults(ctx, d); err != nil {
			t.Fatal(err)
		}
		forms, err := s.Forms(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(forms) != 2 || forms[0].Code != DefaultFormCode || forms[1].Code != "KSHS" {
			t.Fatalf("Forms = %+v; want CCHC then KSHS", forms)
		}

		// The default form exported, imported and saved again is unchanged:
		// no new version.
		var buf bytes.Buffer
		if err := ExportFormXLSX(&buf, forms[0]); err != nil {
			t.Fatal(err)
		}
		back, err := ImportFormXLSX(&buf)
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.SaveForm(ctx, back, 0)
		if err != nil {
			t.Fatal(err)
		}
		if again.Version != 1 || again.VersionID != forms[0].VersionID {
			t.Errorf("re-imported default form saved as version %d; want 1", again.Version)
		}
	})
}

func TestSaveFormInvalid(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		tests := []struct {
			name string
			in   FormInput
			keys []string
		}{
			{"empty", FormInput{Definition: formTestDefinition()}, []string{"code", "title"}},
			{"bad code", FormInput{Code: "Biểu 1", Title: "X", Definition: formTestDefinition()}, []string{"code"}},
			{"unknown unit kind", FormInput{Code: "X", Title: "X", UnitKinds: []string{"planet"}, Definition: formTestDefinition()}, []string{"unit_kinds"}},
			{"indicator unit kind", FormInput{Code: "X", Title: "X", Definition: func() Definition {
				def := formTestDefinition()
				def.Sections[0].Indicators[0].UnitKinds = []string{"moon"}
				return def
			}()}, []string{"sections[0].indicators[0].unit_kinds"}},
			{"bad definition", FormInput{Code: "X", Title: "X"}, []string{"sections"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := s.SaveForm(ctx, tt.in, 0)
				errs, ok := valid.As(err)
				if !ok {
					t.Fatalf("SaveForm = %v; want valid.Errors", err)
				}
				for _, k := range tt.keys {
					if errs[k] == "" {
						t.Errorf("no message for %s in %v", k, errs)
					}
				}
				if len(errs) != len(tt.keys) {
					t.Errorf("errors %v; want only %v", errs, tt.keys)
				}
			})
		}
		var n int
		if err := d.GetContext(ctx, &n, `SELECT COUNT(*) FROM report_forms`); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%d forms written by refused saves", n)
		}
	})
}
