package importer_test

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"testing"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/files"
	"cchc/internal/importer"
	"cchc/internal/org"
	"cchc/internal/plan"
)

// draftFixture is what a draft import refers to: a user, an uploaded file
// and a plan.
type draftFixture struct {
	user auth.User
	file files.File
	plan plan.Plan
}

func newDraftFixture(t *testing.T, d *db.DB) draftFixture {
	t.Helper()
	ctx := context.Background()
	u, err := org.NewStore(d).Create(ctx, org.Input{Code: "SNV", Name: "Sở Nội vụ", Kind: "agency",
		ActiveFrom: civil.New(2020, time.January, 1)})
	if err != nil {
		t.Fatal(err)
	}
	usr, err := auth.NewStore(d).CreateUser(ctx, auth.UserInput{Username: "coord", FullName: "Điều phối",
		UnitID: u.ID, Roles: []auth.Role{auth.RoleCoordinator}, Active: true, Password: "MatKhau@2026"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := files.Insert(ctx, d, files.SourceUpload("ke-hoach.txt", "text/plain; charset=utf-8", []byte("KẾ HOẠCH")), usr.ID)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.NewStore(d).Create(ctx, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch CCHC năm 2026",
		IssuingUnitID: u.ID, PeriodStart: civil.New(2026, time.January, 1), PeriodEnd: civil.New(2026, time.December, 31)})
	if err != nil {
		t.Fatal(err)
	}
	return draftFixture{user: usr, file: f, plan: p}
}

func TestDraftLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		fx := newDraftFixture(t, d)
		tests := []struct {
			name     string
			planID   *int64
			settings importer.DraftSettings
			changed  importer.DraftSettings
		}{
			{
				name:   "into an existing plan",
				planID: &fx.plan.ID,
				settings: importer.DraftSettings{Year: 2026,
					Columns: map[int][]string{1: {importer.RoleSeq, importer.RoleTitle, importer.RoleIgnore}}},
				changed: importer.DraftSettings{Year: 2027, Sheet: "Kế hoạch",
					Columns: map[int][]string{0: {importer.RoleTitle}, 3: {importer.RoleSeq, importer.RoleTitle}},
					Choices: map[string]importer.Choice{"dai phat thanh": {UnitID: fx.user.UnitID}, "ubnd cap xa": {GroupID: 3}}},
			},
			{
				name: "into a new plan",
				settings: importer.DraftSettings{NewPlan: &importer.NewPlan{Title: "Kế hoạch CCHC giai đoạn 2026 - 2030",
					Kind: plan.KindFiveYear, IssuingUnitID: fx.user.UnitID, FromYear: 2026, ToYear: 2030}},
				changed: importer.DraftSettings{NewPlan: &importer.NewPlan{Title: "Kế hoạch CCHC giai đoạn 2026 - 2030",
					Kind: plan.KindFiveYear, IssuingUnitID: fx.user.UnitID, FromYear: 2026, ToYear: 2030},
					Choices: map[string]importer.Choice{"so noi vu": {UnitID: fx.user.UnitID}}},
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				created, err := importer.CreateDraft(ctx, d, importer.Draft{UserID: fx.user.ID, FileID: fx.file.ID,
					PlanID: tt.planID, Settings: tt.settings})
				if err != nil {
					t.Fatal(err)
				}
				if created.ID == 0 || created.Status != importer.DraftOpen || created.CreatedAt.IsZero() || created.DoneAt != nil {
					t.Fatalf("created draft = %+v", created)
				}
				got, err := importer.GetDraft(ctx, d, created.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !sameDraft(got, created) {
					t.Fatalf("read back\n %+v\nwant\n %+v", got, created)
				}

				if err := importer.SaveDraftSettings(ctx, d, created.ID, tt.changed); err != nil {
					t.Fatal(err)
				}
				got, err = importer.GetDraft(ctx, d, created.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Settings, tt.changed) {
					t.Errorf("settings after save = %+v, want %+v", got.Settings, tt.changed)
				}
				if got.UpdatedAt.Before(created.UpdatedAt) {
					t.Errorf("updated_at went back: %v < %v", got.UpdatedAt, created.UpdatedAt)
				}

				if err := importer.MarkDraftDone(ctx, d, created.ID, fx.plan.ID); err != nil {
					t.Fatal(err)
				}
				got, err = importer.GetDraft(ctx, d, created.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !got.Done() || got.PlanID == nil || *got.PlanID != fx.plan.ID || got.DoneAt == nil {
					t.Errorf("done draft = %+v", got)
				}
				if err := importer.MarkDraftDone(ctx, d, created.ID, fx.plan.ID); !errors.Is(err, importer.ErrDraftDone) {
					t.Errorf("second confirmation: err = %v, want ErrDraftDone", err)
				}
				if err := importer.SaveDraftSettings(ctx, d, created.ID, tt.settings); !errors.Is(err, importer.ErrDraftDone) {
					t.Errorf("settings of a done draft: err = %v, want ErrDraftDone", err)
				}
				var audited int
				if err := d.GetContext(ctx, &audited, d.Rebind(`SELECT COUNT(*) FROM audit_log WHERE entity = 'plan_import' AND entity_id = ?`),
					strconv.FormatInt(created.ID, 10)); err != nil {
					t.Fatal(err)
				}
				if audited != 3 { // created, settings saved, confirmed
					t.Errorf("audit entries = %d, want 3", audited)
				}
			})
		}
	})
}

// sameDraft reports whether two drafts are equal, times compared as
// instants (PostgreSQL reads them back in the local zone).
func sameDraft(a, b importer.Draft) bool {
	sameTime := func(x, y *time.Time) bool { return x == nil && y == nil || x != nil && y != nil && x.Equal(*y) }
	return a.ID == b.ID && a.UserID == b.UserID && a.FileID == b.FileID && reflect.DeepEqual(a.PlanID, b.PlanID) &&
		reflect.DeepEqual(a.Settings, b.Settings) && a.Status == b.Status && a.CreatedAt.Equal(b.CreatedAt) &&
		a.UpdatedAt.Equal(b.UpdatedAt) && sameTime(a.DoneAt, b.DoneAt)
}

func TestDraftNotFound(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		fx := newDraftFixture(t, d)
		tests := []struct {
			name string
			run  func() error
		}{
			{"get", func() error { _, err := importer.GetDraft(ctx, d, 404); return err }},
			{"save settings", func() error { return importer.SaveDraftSettings(ctx, d, 404, importer.DraftSettings{Year: 2026}) }},
			{"mark done", func() error { return importer.MarkDraftDone(ctx, d, 404, fx.plan.ID) }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if err := tt.run(); !errors.Is(err, db.ErrNotFound) {
					t.Errorf("err = %v, want db.ErrNotFound", err)
				}
			})
		}
	})
}
