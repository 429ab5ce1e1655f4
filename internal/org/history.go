package org

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Events in a unit's history.
const (
	EventCreated    = "created"
	EventRenamed    = "renamed"
	EventMoved      = "moved"
	EventMergedInto = "merged_into" // this unit ceased and continues as the related unit
	EventAbsorbed   = "absorbed"    // the related unit was merged into this one
	EventDissolved  = "dissolved"
)

// EventNames gives the Vietnamese label of each event.
var EventNames = map[string]string{
	EventCreated:    "Thành lập",
	EventRenamed:    "Đổi tên",
	EventMoved:      "Chuyển đơn vị cấp trên",
	EventMergedInto: "Sáp nhập vào đơn vị khác",
	EventAbsorbed:   "Tiếp nhận đơn vị sáp nhập",
	EventDissolved:  "Giải thể / kết thúc hoạt động",
}

// Event is one dated change in a unit's life.
type Event struct {
	ID            int64      `db:"id" json:"id"`
	UnitID        int64      `db:"unit_id" json:"unit_id"`
	Event         string     `db:"event" json:"event"`
	Effective     civil.Date `db:"effective" json:"effective"`
	RelatedUnitID *int64     `db:"related_unit_id" json:"related_unit_id"`
	Detail        string     `db:"detail" json:"detail"`
	Decision      string     `db:"decision" json:"decision"`
	CreatedAt     time.Time  `db:"created_at" json:"created_at"`
}

// Label returns the Vietnamese name of the event.
func (e Event) Label() string { return EventNames[e.Event] }

// Version is a unit's name and parent over a span of days (ValidTo zero
// while current). Old records show the name a unit had on their date.
type Version struct {
	ID        int64      `db:"id" json:"id"`
	UnitID    int64      `db:"unit_id" json:"unit_id"`
	ValidFrom civil.Date `db:"valid_from" json:"valid_from"`
	ValidTo   civil.Date `db:"valid_to" json:"valid_to"`
	Name      string     `db:"name" json:"name"`
	ShortName string     `db:"short_name" json:"short_name"`
	ParentID  *int64     `db:"parent_id" json:"parent_id"`
}

// Change is the common part of every dated operation: the day it takes
// effect and the legal basis (e.g. "Nghị quyết số 1656/NQ-UBTVQH15").
type Change struct {
	Effective civil.Date `json:"effective"`
	Decision  string     `json:"decision"`
}

func (c *Change) check(errs valid.Errors) {
	c.Decision = vn.CleanText(c.Decision)
	if c.Effective.IsZero() {
		errs.Add("effective", "Vui lòng nhập ngày có hiệu lực (dd/mm/yyyy).")
	}
	if utf8.RuneCountInString(c.Decision) > MaxNameLen {
		errs.Add("decision", "Căn cứ (quyết định, nghị quyết) dài tối đa 255 ký tự.")
	}
}

func addEvent(ctx context.Context, tx *sqlx.Tx, unitID int64, event string, effective civil.Date, related *int64, detail, decision string) error {
	actor := audit.ActorFrom(ctx)
	var by any
	if actor.UserID != 0 {
		by = actor.UserID
	}
	_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO unit_events (unit_id, event, effective, related_unit_id, detail, decision, created_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`), unitID, event, effective, related, detail, decision, db.Now(), by)
	if err != nil {
		return fmt.Errorf("org: event %s of unit %d: %w", event, unitID, err)
	}
	return nil
}

// newVersion closes the unit's current version the day before effective and
// opens one from effective with the given name and parent. A change on the
// day the current version starts amends that version instead: several
// changes can take effect on one day (on 01/07/2025 a commune created by a
// merge moved to the province the same day its district was dissolved).
func newVersion(ctx context.Context, tx *sqlx.Tx, u Unit, effective civil.Date, name, short string, parent *int64) error {
	var cur Version
	err := tx.GetContext(ctx, &cur, tx.Rebind(`SELECT id, unit_id, valid_from, valid_to, name, short_name, parent_id
		FROM unit_versions WHERE unit_id = ? AND valid_to IS NULL`), u.ID)
	if err != nil {
		return fmt.Errorf("org: current version of unit %d: %w", u.ID, err)
	}
	if effective.Before(cur.ValidFrom) {
		return valid.Errors{"effective": fmt.Sprintf("Ngày có hiệu lực không được trước %s (ngày bắt đầu của thông tin hiện tại của %s).", cur.ValidFrom.VN(), u.Name)}
	}
	if effective == cur.ValidFrom {
		_, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE unit_versions SET name = ?, short_name = ?, parent_id = ? WHERE id = ?`),
			name, short, parent, cur.ID)
		return err
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE unit_versions SET valid_to = ? WHERE id = ?`), effective.AddDays(-1), cur.ID); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(`INSERT INTO unit_versions (unit_id, valid_from, name, short_name, parent_id) VALUES (?, ?, ?, ?, ?)`),
		u.ID, effective, name, short, parent)
	return err
}

// closeVersion ends the unit's current version on last.
func closeVersion(ctx context.Context, tx *sqlx.Tx, id int64, last civil.Date) error {
	_, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE unit_versions SET valid_to = ? WHERE unit_id = ? AND valid_to IS NULL`), last, id)
	return err
}

func requireActive(u Unit, on civil.Date, field string) error {
	if !u.ActiveOn(on) {
		return valid.Errors{field: fmt.Sprintf("%s không hoạt động vào ngày %s.", u.Name, on.VN())}
	}
	return nil
}

// unitTx runs fn, one of the Tx operations below, in its own transaction.
func (s *Store) unitTx(ctx context.Context, fn func(tx *sqlx.Tx) (Unit, error)) (Unit, error) {
	var u Unit
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		u, err = fn(tx)
		return err
	})
	return u, err
}

// changeTx applies fn to unit id inside tx and audits the change as summary,
// with the unit as it was before and after.
func changeTx(ctx context.Context, tx *sqlx.Tx, id int64, summary string, fn func(tx *sqlx.Tx, u Unit) error) (Unit, error) {
	before, err := getUnit(ctx, tx, id)
	if err != nil {
		return Unit{}, err
	}
	if err := fn(tx, before); err != nil {
		return Unit{}, err
	}
	after, err := getUnit(ctx, tx, id)
	if err != nil {
		return Unit{}, err
	}
	return after, audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "unit", EntityID: id,
		Summary: summary + ": " + before.Name, Before: before, After: after})
}

// RenameInput renames a unit from a day on.
type RenameInput struct {
	Change
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
}

// Rename gives the unit a new name from in.Effective. The old name is kept in
// the unit's versions and as an alias, so documents written before the
// change still match it.
func (s *Store) Rename(ctx context.Context, id int64, in RenameInput) (Unit, error) {
	return s.unitTx(ctx, func(tx *sqlx.Tx) (Unit, error) { return RenameTx(ctx, tx, id, in) })
}

// RenameTx is Rename inside the caller's transaction (the demo).
func RenameTx(ctx context.Context, tx *sqlx.Tx, id int64, in RenameInput) (Unit, error) {
	return changeTx(ctx, tx, id, "Đổi tên đơn vị", func(tx *sqlx.Tx, u Unit) error {
		errs := valid.Errors{}
		in.check(errs)
		in.Name, in.ShortName = vn.CleanText(in.Name), vn.CleanText(in.ShortName)
		switch {
		case in.Name == "":
			errs.Add("name", "Vui lòng nhập tên mới.")
		case utf8.RuneCountInString(in.Name) > MaxNameLen:
			errs.Add("name", "Tên đơn vị dài tối đa 255 ký tự.")
		case in.Name == u.Name && in.ShortName == u.ShortName:
			errs.Add("name", "Tên mới trùng với tên hiện tại.")
		}
		if err := errs.Err(); err != nil {
			return err
		}
		if err := requireActive(u, in.Effective, "effective"); err != nil {
			return err
		}
		if err := newVersion(ctx, tx, u, in.Effective, in.Name, in.ShortName, u.ParentID); err != nil {
			return err
		}
		input := InputOf(u)
		input.Name, input.ShortName = in.Name, in.ShortName
		input.Aliases = append(input.Aliases, u.Name)
		input.Normalize()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE units SET name = ?, short_name = ?, search_text = ?, sort_key = ?, updated_at = ? WHERE id = ?`),
			in.Name, in.ShortName, searchText(input), vn.SortKey(in.Name), db.Now(), id); err != nil {
			return err
		}
		if err := replaceAliases(ctx, tx, id, input.Aliases); err != nil {
			return err
		}
		return addEvent(ctx, tx, id, EventRenamed, in.Effective, nil, fmt.Sprintf("Đổi tên từ “%s” thành “%s”", u.Name, in.Name), in.Decision)
	})
}

// MoveInput places a unit under another parent from a day on.
type MoveInput struct {
	Change
	ParentID int64 `json:"parent_id"`
}

// Move places the unit under a new parent from in.Effective; its earlier
// parent stays in its versions, so old reports still count it where it
// belonged at the time.
func (s *Store) Move(ctx context.Context, id int64, in MoveInput) (Unit, error) {
	return s.unitTx(ctx, func(tx *sqlx.Tx) (Unit, error) { return MoveTx(ctx, tx, id, in) })
}

// MoveTx is Move inside the caller's transaction.
func MoveTx(ctx context.Context, tx *sqlx.Tx, id int64, in MoveInput) (Unit, error) {
	return changeTx(ctx, tx, id, "Chuyển đơn vị cấp trên", func(tx *sqlx.Tx, u Unit) error {
		errs := valid.Errors{}
		in.check(errs)
		if in.ParentID == 0 {
			errs.Add("parent_id", "Vui lòng chọn đơn vị cấp trên mới.")
		}
		if err := errs.Err(); err != nil {
			return err
		}
		return moveTx(ctx, tx, u, in.ParentID, in.Change)
	})
}

func moveTx(ctx context.Context, tx *sqlx.Tx, u Unit, parentID int64, c Change) error {
	if u.ParentID != nil && *u.ParentID == parentID {
		return valid.Errors{"parent_id": "Đơn vị đã trực thuộc đơn vị này."}
	}
	parent, err := getUnit(ctx, tx, parentID)
	if err != nil {
		return valid.Errors{"parent_id": "Đơn vị cấp trên không tồn tại."}
	}
	cycle, err := isWithin(ctx, tx, u.ID, parentID)
	if err != nil {
		return err
	}
	if cycle {
		return valid.Errors{"parent_id": "Không thể chuyển " + u.Name + " vào đơn vị cấp dưới của chính nó (tạo vòng lặp)."}
	}
	if err := requireActive(u, c.Effective, "effective"); err != nil {
		return err
	}
	if err := requireActive(parent, c.Effective, "parent_id"); err != nil {
		return err
	}
	if err := newVersion(ctx, tx, u, c.Effective, u.Name, u.ShortName, &parentID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE units SET parent_id = ?, updated_at = ? WHERE id = ?`), parentID, db.Now(), u.ID); err != nil {
		return err
	}
	return addEvent(ctx, tx, u.ID, EventMoved, c.Effective, &parentID, "Chuyển về trực thuộc "+parent.Name, c.Decision)
}

// DissolveInput ends a unit on the day before Effective. Its active sub-units
// move to ChildrenTo, or to its own parent when ChildrenTo is zero.
type DissolveInput struct {
	Change
	ChildrenTo int64 `json:"children_to"`
}

// Dissolve ends the unit: it stays in the database with its history (old
// records still point at it) but is no longer active from in.Effective.
// This is how the 2025 reform dissolved the districts: Dissolve each with
// Effective 01/07/2025 and their communes move up to the province.
func (s *Store) Dissolve(ctx context.Context, id int64, in DissolveInput) (Unit, error) {
	return s.unitTx(ctx, func(tx *sqlx.Tx) (Unit, error) { return DissolveTx(ctx, tx, id, in) })
}

// DissolveTx is Dissolve inside the caller's transaction (the demo).
func DissolveTx(ctx context.Context, tx *sqlx.Tx, id int64, in DissolveInput) (Unit, error) {
	return changeTx(ctx, tx, id, "Giải thể đơn vị", func(tx *sqlx.Tx, u Unit) error {
		errs := valid.Errors{}
		in.check(errs)
		if err := errs.Err(); err != nil {
			return err
		}
		if err := requireActive(u, in.Effective, "effective"); err != nil {
			return err
		}
		if !in.Effective.After(u.ActiveFrom) {
			return valid.Errors{"effective": "Ngày giải thể phải sau ngày bắt đầu hoạt động " + u.ActiveFrom.VN() + "."}
		}
		target := in.ChildrenTo
		if target == 0 && u.ParentID != nil {
			target = *u.ParentID
		}
		if err := moveActiveChildren(ctx, tx, u, target, in.Change, "children_to"); err != nil {
			return err
		}
		if err := endUnit(ctx, tx, u.ID, in.Effective, nil); err != nil {
			return err
		}
		return addEvent(ctx, tx, id, EventDissolved, in.Effective, nil, "Kết thúc hoạt động từ ngày "+in.Effective.VN(), in.Decision)
	})
}

func moveActiveChildren(ctx context.Context, tx *sqlx.Tx, u Unit, target int64, c Change, field string) error {
	var children []int64
	if err := tx.SelectContext(ctx, &children, tx.Rebind(`SELECT id FROM units WHERE parent_id = ? AND (active_to IS NULL OR active_to >= ?)`),
		u.ID, c.Effective); err != nil {
		return err
	}
	if len(children) == 0 {
		return nil
	}
	if target == 0 || target == u.ID {
		return valid.Errors{field: fmt.Sprintf("%s còn %d đơn vị trực thuộc đang hoạt động: chọn đơn vị tiếp nhận.", u.Name, len(children))}
	}
	for _, cid := range children {
		child, err := getUnit(ctx, tx, cid)
		if err != nil {
			return err
		}
		if err := moveTx(ctx, tx, child, target, c); err != nil {
			if e, ok := valid.As(err); ok {
				return valid.Errors{field: child.Name + ": " + valid.Message(e)}
			}
			return err
		}
	}
	return nil
}

func endUnit(ctx context.Context, tx *sqlx.Tx, id int64, effective civil.Date, successor *int64) error {
	last := effective.AddDays(-1)
	if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE units SET active_to = ?, successor_id = ?, updated_at = ? WHERE id = ?`),
		last, successor, db.Now(), id); err != nil {
		return fmt.Errorf("org: end unit %d: %w", id, err)
	}
	return closeVersion(ctx, tx, id, last)
}

// MergeInput merges Sources into Target (an existing unit) or, when Target is
// zero, into a new unit described by New, from Effective.
type MergeInput struct {
	Change
	Sources []int64 `json:"sources"`
	Target  int64   `json:"target"`
	New     *Input  `json:"new"`
}

// Merge ends every source unit the day before in.Effective and records the
// target as its successor; active sub-units of the sources move to the
// target. Records made for a source keep pointing at it, and Resolve leads
// from it to the unit that carries on its work. It returns the target.
func (s *Store) Merge(ctx context.Context, in MergeInput) (Unit, error) {
	return s.unitTx(ctx, func(tx *sqlx.Tx) (Unit, error) { return MergeTx(ctx, tx, in) })
}

// MergeTx is Merge inside the caller's transaction.
func MergeTx(ctx context.Context, tx *sqlx.Tx, in MergeInput) (Unit, error) {
	errs := valid.Errors{}
	in.check(errs)
	if len(in.Sources) == 0 || (in.Target == 0 && in.New == nil) || (in.Target != 0 && len(in.Sources) < 1) {
		errs.Add("sources", "Chọn các đơn vị được sáp nhập và đơn vị tiếp nhận.")
	}
	if in.Target == 0 && in.New != nil && len(in.Sources) < 2 {
		errs.Add("sources", "Sáp nhập thành đơn vị mới cần ít nhất hai đơn vị.")
	}
	seen := map[int64]bool{}
	for _, id := range in.Sources {
		if id == in.Target {
			errs.Add("sources", "Đơn vị tiếp nhận không thể đồng thời là đơn vị được sáp nhập.")
		}
		if seen[id] {
			errs.Add("sources", "Một đơn vị được chọn hai lần.")
		}
		seen[id] = true
	}
	if err := errs.Err(); err != nil {
		return Unit{}, err
	}
	var sources []Unit
	for _, id := range in.Sources {
		u, err := getUnit(ctx, tx, id)
		if err != nil {
			return Unit{}, valid.Errors{"sources": fmt.Sprintf("Đơn vị số %d không tồn tại.", id)}
		}
		if err := requireActive(u, in.Effective, "sources"); err != nil {
			return Unit{}, err
		}
		sources = append(sources, u)
	}
	var target Unit
	if in.Target != 0 {
		t, err := getUnit(ctx, tx, in.Target)
		if err != nil {
			return Unit{}, valid.Errors{"target": "Đơn vị tiếp nhận không tồn tại."}
		}
		if err := requireActive(t, in.Effective, "target"); err != nil {
			return Unit{}, err
		}
		target = t
	} else {
		nu := *in.New
		nu.ActiveFrom = in.Effective
		if nu.ParentID == nil {
			nu.ParentID = sources[0].ParentID
		}
		t, err := CreateTx(ctx, tx, nu)
		if err != nil {
			return Unit{}, err
		}
		target = t
	}
	for _, src := range sources {
		if within, err := isWithin(ctx, tx, src.ID, target.ID); err != nil {
			return Unit{}, err
		} else if within {
			return Unit{}, valid.Errors{"target": "Đơn vị tiếp nhận không thể là đơn vị cấp dưới của " + src.Name + "."}
		}
		if err := moveActiveChildren(ctx, tx, src, target.ID, in.Change, "sources"); err != nil {
			return Unit{}, err
		}
		if err := endUnit(ctx, tx, src.ID, in.Effective, &target.ID); err != nil {
			return Unit{}, err
		}
		if err := addEvent(ctx, tx, src.ID, EventMergedInto, in.Effective, &target.ID, "Sáp nhập vào "+target.Name, in.Decision); err != nil {
			return Unit{}, err
		}
		if err := addEvent(ctx, tx, target.ID, EventAbsorbed, in.Effective, &src.ID, "Tiếp nhận "+src.Name, in.Decision); err != nil {
			return Unit{}, err
		}
		after, err := getUnit(ctx, tx, src.ID)
		if err != nil {
			return Unit{}, err
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "unit", EntityID: src.ID,
			Summary: "Sáp nhập " + src.Name + " vào " + target.Name, Before: src, After: after}); err != nil {
			return Unit{}, err
		}
	}
	return getUnit(ctx, tx, target.ID)
}

// Resolve returns the unit that carries on id's work on day on: id itself
// while it is active, else its successor (following merges), else id
// itself (a dissolved unit with no successor).
func (s *Store) Resolve(ctx context.Context, id int64, on civil.Date) (Unit, error) {
	u, err := s.Get(ctx, id)
	for step := 0; err == nil && !u.ActiveOn(on) && u.SuccessorID != nil && step < 50; step++ {
		u, err = s.Get(ctx, *u.SuccessorID)
	}
	return u, err
}

// History returns the unit's events (oldest first) and versions.
func (s *Store) History(ctx context.Context, id int64) ([]Event, []Version, error) {
	var events []Event
	if err := s.db.SelectContext(ctx, &events, s.db.Rebind(`SELECT id, unit_id, event, effective, related_unit_id, detail, decision, created_at
		FROM unit_events WHERE unit_id = ? ORDER BY effective, id`), id); err != nil {
		return nil, nil, fmt.Errorf("org: events of unit %d: %w", id, err)
	}
	var versions []Version
	if err := s.db.SelectContext(ctx, &versions, s.db.Rebind(`SELECT id, unit_id, valid_from, valid_to, name, short_name, parent_id
		FROM unit_versions WHERE unit_id = ? ORDER BY valid_from, id`), id); err != nil {
		return nil, nil, fmt.Errorf("org: versions of unit %d: %w", id, err)
	}
	return events, versions, nil
}

// VersionOn returns the unit's name and parent as they were on day on, or
// db.ErrNotFound when the unit did not exist then.
func (s *Store) VersionOn(ctx context.Context, id int64, on civil.Date) (Version, error) {
	var v Version
	err := s.db.GetContext(ctx, &v, s.db.Rebind(`SELECT id, unit_id, valid_from, valid_to, name, short_name, parent_id
		FROM unit_versions WHERE unit_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)`), id, on, on)
	if err != nil {
		return Version{}, fmt.Errorf("org: unit %d on %s: %w", id, on, db.NotFound(err))
	}
	return v, nil
}

// ChildrenOn returns the ids of units whose parent was id on day on.
func (s *Store) ChildrenOn(ctx context.Context, id int64, on civil.Date) ([]int64, error) {
	var ids []int64
	err := s.db.SelectContext(ctx, &ids, s.db.Rebind(`SELECT unit_id FROM unit_versions
		WHERE parent_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY unit_id`), id, on, on)
	return ids, err
}
