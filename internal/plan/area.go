package plan

import (
	"context"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// AreaSet is a programme's list of reform areas, such as the 2021-2030
// programme's seven.
type AreaSet struct {
	ID        int64     `db:"id" json:"id"`
	Code      string    `db:"code" json:"code"`
	Name      string    `db:"name" json:"name"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
}

// Area is a reform area (lĩnh vực) that groups tasks. It belongs to a set,
// or (a custom area) to one plan.
type Area struct {
	ID        int64  `db:"id" json:"id"`
	SetID     *int64 `db:"set_id" json:"set_id"`
	PlanID    *int64 `db:"plan_id" json:"plan_id"`
	Code      string `db:"code" json:"code"`
	Name      string `db:"name" json:"name"`
	SortOrder int    `db:"sort_order" json:"sort_order"`
	// Keywords are other phrases (one per line) that name the area in
	// section headings of imported documents ("TTHC" for procedure reform).
	Keywords string `db:"keywords" json:"keywords"`
}

// customAreaOrder places a plan's own areas after its set's.
const customAreaOrder = 1000

const areaColumns = `id, set_id, plan_id, code, name, sort_order, keywords`

// AreaSets returns every area set, the newest programme first.
func (s *Store) AreaSets(ctx context.Context) ([]AreaSet, error) {
	var sets []AreaSet
	if err := s.db.SelectContext(ctx, &sets, `SELECT id, code, name, created_at FROM area_sets ORDER BY code DESC, id`); err != nil {
		return nil, fmt.Errorf("plan: area sets: %w", err)
	}
	return sets, nil
}

// AreaSetByCode returns the set with code (e.g. "par-2021-2030"), or
// db.ErrNotFound.
func (s *Store) AreaSetByCode(ctx context.Context, code string) (AreaSet, error) {
	var set AreaSet
	err := s.db.GetContext(ctx, &set, s.db.Rebind(`SELECT id, code, name, created_at FROM area_sets WHERE code = ?`), code)
	if err != nil {
		return AreaSet{}, fmt.Errorf("plan: area set %q: %w", code, db.NotFound(err))
	}
	return set, nil
}

// Areas returns the areas of set setID followed by plan planID's custom
// areas, each in sort order. Either id may be zero.
func (s *Store) Areas(ctx context.Context, setID, planID int64) ([]Area, error) {
	return areas(ctx, s.db, setID, planID)
}

// PlanAreas returns the areas a task of the plan may use: its set's and its own.
func (s *Store) PlanAreas(ctx context.Context, planID int64) ([]Area, error) {
	p, err := s.Get(ctx, planID)
	if err != nil {
		return nil, err
	}
	return areas(ctx, s.db, deref(p.AreaSetID), planID)
}

func areas(ctx context.Context, q db.Querier, setID, planID int64) ([]Area, error) {
	var as []Area
	err := q.SelectContext(ctx, &as, q.Rebind(`SELECT `+areaColumns+` FROM areas
		WHERE set_id = ? OR plan_id = ? ORDER BY sort_order, id`), setID, planID)
	if err != nil {
		return nil, fmt.Errorf("plan: areas of set %d, plan %d: %w", setID, planID, err)
	}
	return as, nil
}

// AddCustomArea adds an area of the plan's own, after the others. The name
// must differ (ignoring accents and case) from the plan's other areas.
func (s *Store) AddCustomArea(ctx context.Context, planID int64, name string) (Area, error) {
	var a Area
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		a, err = AddCustomAreaTx(ctx, tx, planID, name)
		return err
	})
	return a, err
}

// AddCustomAreaTx is AddCustomArea inside the caller's transaction (imports).
func AddCustomAreaTx(ctx context.Context, tx *sqlx.Tx, planID int64, name string) (Area, error) {
	name = vn.CleanText(name)
	switch {
	case name == "":
		return Area{}, valid.Errors{"name": "Vui lòng nhập tên lĩnh vực."}
	case utf8.RuneCountInString(name) > 255:
		return Area{}, valid.Errors{"name": "Tên lĩnh vực dài tối đa 255 ký tự."}
	}
	p, err := getPlan(ctx, tx, planID)
	if err != nil {
		return Area{}, err
	}
	if p.Closed() {
		return Area{}, errClosed
	}
	existing, err := areas(ctx, tx, deref(p.AreaSetID), planID)
	if err != nil {
		return Area{}, err
	}
	order := customAreaOrder
	for _, e := range existing {
		if vn.Fold(e.Name) == vn.Fold(name) {
			return Area{}, valid.Errors{"name": fmt.Sprintf("Lĩnh vực “%s” đã có trong kế hoạch.", e.Name)}
		}
		order = max(order, e.SortOrder+1)
	}
	a := Area{PlanID: &planID, Name: name, SortOrder: order, Code: "rieng-" + strconv.Itoa(order-customAreaOrder+1)}
	if err := tx.GetContext(ctx, &a.ID, tx.Rebind(`INSERT INTO areas (plan_id, code, name, sort_order) VALUES (?, ?, ?, ?) RETURNING id`),
		planID, a.Code, a.Name, a.SortOrder); err != nil {
		return Area{}, fmt.Errorf("plan: add area %q to plan %d: %w", name, planID, err)
	}
	return a, audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "area", EntityID: a.ID,
		Summary: fmt.Sprintf("Thêm lĩnh vực “%s” vào kế hoạch “%s”", a.Name, p.Title), After: a})
}

// areaAllowed reports whether area id may be used by a task of plan p.
func areaAllowed(ctx context.Context, q db.Querier, p Plan, id int64) (bool, error) {
	var n int
	err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM areas WHERE id = ? AND (set_id = ? OR plan_id = ?)`),
		id, deref(p.AreaSetID), p.ID)
	return n > 0, err
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func ptr(v int64) *int64 {
	if v == 0 {
		return nil
	}
	return &v
}

// PlanAreasWith returns the areas tasks of p may use (its set's and its
// own), with q, the caller's transaction or database, in display order.
func PlanAreasWith(ctx context.Context, q db.Querier, p Plan) ([]Area, error) {
	return areas(ctx, q, deref(p.AreaSetID), p.ID)
}
