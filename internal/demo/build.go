package demo

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"cchc/internal/app"
	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/vn"
)

// Decisions cited by the 2025 local-government reform.
const (
	communeDecision = "Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội" +
		" về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh " + ProvinceName + " năm 2025"
	districtDecision = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025" +
		" (kết thúc hoạt động của đơn vị hành chính cấp huyện từ ngày 01/7/2025)"
)

// Build fills an empty database with the demo province and returns its
// accounts. It refuses a database that already has units.
//
// Everything (units, merges, renames, dissolutions, groups, accounts, plans,
// tasks and their progress as of today) is one transaction: a failure
// part-way leaves the database as it was.
func Build(ctx context.Context, a *app.App) ([]Account, error) {
	return build(ctx, a, buildOptions{})
}

// buildOptions lets tests change how build runs.
type buildOptions struct {
	// beforeCommit, when set, runs inside the transaction after the last
	// step; an error from it aborts the build.
	beforeCommit func(ctx context.Context, tx *sqlx.Tx) error
	// today is the day the plans' progress is told as of; zero means
	// today in Vietnam.
	today civil.Date
}

func build(ctx context.Context, a *app.App, opts buildOptions) ([]Account, error) {
	ctx = audit.WithActor(ctx, audit.Actor{Username: "demo"})
	b := &builder{ids: map[string]int64{}, byName: map[string]int64{}}
	plans := planLocal()
	today := opts.today
	if today.IsZero() {
		today = civil.Today(vn.Location())
	}
	err := a.DB.InTx(ctx, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM units`); err != nil {
			return fmt.Errorf("demo: count units: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("demo: the database already has %d units; the demo needs an empty database", n)
		}
		if err := b.createAll(ctx, tx, plans); err != nil {
			return err
		}
		for _, m := range agencyMerges {
			if err := b.merge(ctx, tx, m); err != nil {
				return err
			}
		}
		if err := b.mergeCommunes(ctx, tx, plans); err != nil {
			return err
		}
		if err := b.renameAgencies(ctx, tx); err != nil {
			return err
		}
		if err := b.dissolveDistricts(ctx, tx, plans); err != nil {
			return err
		}
		if err := b.pressGroup(ctx, tx); err != nil {
			return err
		}
		if err := createAccounts(ctx, tx, b.byName); err != nil {
			return err
		}
		if err := buildPlans(ctx, tx, today); err != nil {
			return err
		}
		if err := buildReports(ctx, tx, today); err != nil {
			return err
		}
		if err := buildIndex(ctx, tx, today); err != nil {
			return err
		}
		if opts.beforeCommit != nil {
			return opts.beforeCommit(ctx, tx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Accounts(), nil
}

// builder remembers the ids of the units it created, by code and by name.
type builder struct {
	ids    map[string]int64 // by code
	byName map[string]int64 // by name, the latest unit of that name
}

func (b *builder) input(s unitSpec) org.Input {
	kind, from := s.Kind, s.From
	if kind == "" {
		kind = "agency"
	}
	if from.IsZero() {
		from = founded
	}
	in := org.Input{Code: s.Code, Name: s.Name, ShortName: s.Short, Kind: kind, ActiveFrom: from,
		Address: s.Address, Phone: s.Phone, Email: s.Email, Aliases: s.Aliases}
	if s.Kind != "province" {
		parent := b.ids[ProvinceCode]
		if s.Parent != "" {
			parent = b.ids[s.Parent]
		}
		in.ParentID = &parent
	}
	return in
}

func (b *builder) create(ctx context.Context, tx *sqlx.Tx, s unitSpec) error {
	u, err := org.CreateTx(ctx, tx, b.input(s))
	if err != nil {
		return fmt.Errorf("demo: create %s %q: %w", s.Code, s.Name, err)
	}
	b.ids[u.Code], b.byName[u.Name] = u.ID, u.ID
	return nil
}

// createAll creates every unit as it was in 2010-2024: the province, its
// agencies and service units, the districts and their communes.
func (b *builder) createAll(ctx context.Context, tx *sqlx.Tx, plans []districtPlan) error {
	if err := b.create(ctx, tx, province); err != nil {
		return err
	}
	for _, list := range [][]unitSpec{agencies, services} {
		for _, s := range list {
			if err := b.create(ctx, tx, s); err != nil {
				return err
			}
		}
	}
	for _, p := range plans {
		d := place{p.Spec.Type, p.Spec.Base}
		if err := b.create(ctx, tx, unitSpec{Code: p.Spec.Code, Name: d.Name(), Kind: "district", Aliases: d.Aliases()}); err != nil {
			return err
		}
		for _, c := range p.Old {
			s := unitSpec{Code: c.Code, Name: c.Name(), Kind: "commune", Parent: p.Spec.Code, Aliases: c.Aliases()}
			if err := b.create(ctx, tx, s); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *builder) merge(ctx context.Context, tx *sqlx.Tx, m merge) error {
	in := org.MergeInput{Change: org.Change{Effective: m.Effective, Decision: m.Decision}, Target: b.ids[m.Target]}
	for _, code := range m.Sources {
		in.Sources = append(in.Sources, b.ids[code])
	}
	if m.New != nil {
		nu := b.input(*m.New)
		in.New = &nu
	}
	u, err := org.MergeTx(ctx, tx, in)
	if err != nil {
		into := m.Target
		if m.New != nil {
			into = m.New.Code
		}
		return fmt.Errorf("demo: merge %v into %s: %w", m.Sources, into, err)
	}
	b.ids[u.Code], b.byName[u.Name] = u.ID, u.ID
	return nil
}

// mergeCommunes applies the 2025 commune arrangement. The new communes sit
// directly under the province from their first day (the districts end that
// same day), so their history has a single version.
func (b *builder) mergeCommunes(ctx context.Context, tx *sqlx.Tx, plans []districtPlan) error {
	for _, p := range plans {
		for _, cm := range p.Merges {
			m := merge{Effective: TwoTierReform, Decision: communeDecision,
				New: &unitSpec{Code: cm.Code, Name: cm.New.Name(), Kind: "commune", Aliases: cm.New.Aliases()}}
			for _, i := range cm.Sources {
				m.Sources = append(m.Sources, p.Old[i].Code)
			}
			if err := b.merge(ctx, tx, m); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *builder) renameAgencies(ctx context.Context, tx *sqlx.Tx) error {
	for _, r := range agencyRenames {
		id := b.ids[r.Code]
		u, err := org.RenameTx(ctx, tx, id, org.RenameInput{Change: org.Change{Effective: r.Effective, Decision: r.Decision},
			Name: r.Name, ShortName: r.Short})
		if err != nil {
			return fmt.Errorf("demo: rename %s: %w", r.Code, err)
		}
		b.byName[u.Name] = id
		if len(r.Aliases) == 0 {
			continue
		}
		in := org.InputOf(u)
		in.Aliases = append(in.Aliases, r.Aliases...)
		if _, err := org.UpdateTx(ctx, tx, id, in); err != nil {
			return fmt.Errorf("demo: aliases of %s: %w", r.Code, err)
		}
	}
	return nil
}

// dissolveDistricts ends every district on 01/07/2025; the communes that
// were not merged move up to the province.
func (b *builder) dissolveDistricts(ctx context.Context, tx *sqlx.Tx, plans []districtPlan) error {
	for _, p := range plans {
		_, err := org.DissolveTx(ctx, tx, b.ids[p.Spec.Code], org.DissolveInput{
			Change:     org.Change{Effective: TwoTierReform, Decision: districtDecision},
			ChildrenTo: b.ids[ProvinceCode]})
		if err != nil {
			return fmt.Errorf("demo: dissolve %s: %w", p.Spec.Code, err)
		}
	}
	return nil
}

// pressGroup adds "Cơ quan báo chí tỉnh": the newspaper and the radio-TV
// station until they merged, then the merged unit.
func (b *builder) pressGroup(ctx context.Context, tx *sqlx.Tx) error {
	until := TwoTierReform.AddDays(-1)
	_, err := org.SaveGroupTx(ctx, tx, 0, org.GroupInput{
		Code: "press", Name: "Cơ quan báo chí tỉnh",
		Aliases: []string{"các cơ quan báo chí", "cơ quan báo chí", "Báo, Đài tỉnh", "Báo và Đài tỉnh"},
		Members: []org.GroupMember{
			{UnitID: b.ids["BAO"], ToDate: until},
			{UnitID: b.ids["DPTTH"], ToDate: until},
			{UnitID: b.ids["BPTTH"], FromDate: TwoTierReform},
		},
	})
	if err != nil {
		return fmt.Errorf("demo: press group: %w", err)
	}
	return nil
}
