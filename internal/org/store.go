package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Store reads and changes units. It is safe for concurrent use.
type Store struct{ db *db.DB }

// NewStore returns a Store over d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

// DB returns the database the store uses.
func (s *Store) DB() *db.DB { return s.db }

const unitColumns = `id, code, name, short_name, kind, parent_id, active_from, active_to, successor_id,
	address, phone, email, created_at, updated_at`

// Kinds returns every unit kind in display order.
func (s *Store) Kinds(ctx context.Context) ([]Kind, error) {
	var ks []Kind
	err := s.db.SelectContext(ctx, &ks, `SELECT code, name, tier, sort_order FROM unit_kinds ORDER BY sort_order, code`)
	if err != nil {
		return nil, fmt.Errorf("org: list kinds: %w", err)
	}
	return ks, nil
}

// Get returns the unit with id, with its aliases, or db.ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (Unit, error) {
	return getUnit(ctx, s.db, id)
}

// GetRow returns the unit with id without its aliases (Aliases is nil),
// for requests that need only the unit's own row; db.ErrNotFound when
// there is none.
func (s *Store) GetRow(ctx context.Context, id int64) (Unit, error) {
	var u Unit
	if err := s.db.GetContext(ctx, &u, s.db.Rebind(`SELECT `+unitColumns+` FROM units WHERE id = ?`), id); err != nil {
		return Unit{}, fmt.Errorf("org: get unit %d: %w", id, db.NotFound(err))
	}
	return u, nil
}

func getUnit(ctx context.Context, q db.Querier, id int64) (Unit, error) {
	var u Unit
	if err := q.GetContext(ctx, &u, q.Rebind(`SELECT `+unitColumns+` FROM units WHERE id = ?`), id); err != nil {
		return Unit{}, fmt.Errorf("org: get unit %d: %w", id, db.NotFound(err))
	}
	if err := q.SelectContext(ctx, &u.Aliases, q.Rebind(`SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY alias`), id); err != nil {
		return Unit{}, fmt.Errorf("org: aliases of unit %d: %w", id, err)
	}
	return u, nil
}

// GetByCode returns the unit with code (case-insensitive), or db.ErrNotFound.
func (s *Store) GetByCode(ctx context.Context, code string) (Unit, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, s.db.Rebind(`SELECT id FROM units WHERE code = ?`), strings.ToUpper(strings.TrimSpace(code)))
	if err != nil {
		return Unit{}, fmt.Errorf("org: unit code %q: %w", code, db.NotFound(err))
	}
	return s.Get(ctx, id)
}

// Filter narrows List. Zero fields do not filter.
type Filter struct {
	Q        string     // accent-insensitive words matched against name, short name, code, aliases
	ParentID int64      // direct children of this unit
	Kind     string     // kind code
	ActiveOn civil.Date // units that existed on this day
	Within   int64      // the subtree of this unit (itself included)
	Limit    int        // default 50, at most 1000
	Offset   int
}

// List returns units matching f in Vietnamese name order, and their total.
func (s *Store) List(ctx context.Context, f Filter) ([]Unit, int, error) {
	with, where, args := "", []string{"1 = 1"}, []any{}
	if f.Within != 0 {
		with = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `
		args = append(args, f.Within)
		where = append(where, "id IN (SELECT id FROM sub)")
	}
	for _, w := range strings.Fields(vn.Fold(f.Q)) {
		// Each word typed must start a word of the name, short name, code
		// or an alias: "noi vu" finds "Sở Nội vụ", "uy" does not find "quyền".
		where = append(where, "(' ' || search_text) LIKE ?")
		args = append(args, "% "+w+"%")
	}
	if f.ParentID != 0 {
		where = append(where, "parent_id = ?")
		args = append(args, f.ParentID)
	}
	if f.Kind != "" {
		where = append(where, "kind = ?")
		args = append(args, f.Kind)
	}
	if !f.ActiveOn.IsZero() {
		where = append(where, "active_from <= ? AND (active_to IS NULL OR active_to >= ?)")
		args = append(args, f.ActiveOn, f.ActiveOn)
	}
	cond := " WHERE " + strings.Join(where, " AND ")
	var total int
	if err := s.db.GetContext(ctx, &total, s.db.Rebind(with+`SELECT COUNT(*) FROM units`+cond), args...); err != nil {
		return nil, 0, fmt.Errorf("org: count units: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 1000)
	// With a search, the best matches come first: names that start with the
	// words as typed, then units where the words appear together, then the
	// rest; each tier in Vietnamese order.
	order, orderArgs := " ORDER BY sort_key, id", []any{}
	if q := vn.Fold(f.Q); q != "" {
		order = " ORDER BY CASE WHEN search_text LIKE ? THEN 0 WHEN (' ' || search_text) LIKE ? THEN 1 ELSE 2 END, sort_key, id"
		orderArgs = []any{q + "%", "% " + q + "%"}
	}
	var units []Unit
	err := s.db.SelectContext(ctx, &units, s.db.Rebind(with+`SELECT `+unitColumns+` FROM units`+cond+order+` LIMIT ? OFFSET ?`),
		append(append(args, orderArgs...), f.Limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("org: list units: %w", err)
	}
	if err := s.loadAliases(ctx, units); err != nil {
		return nil, 0, err
	}
	return units, total, nil
}

func (s *Store) loadAliases(ctx context.Context, units []Unit) error {
	if len(units) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(units))
	ids := make([]int64, len(units))
	for i, u := range units {
		idx[u.ID] = i
		ids[i] = u.ID
		units[i].Aliases = []string{}
	}
	query, args, err := sqlx.In(`SELECT unit_id, alias FROM unit_aliases WHERE unit_id IN (?) ORDER BY alias`, ids)
	if err != nil {
		return err
	}
	var rows []struct {
		UnitID int64  `db:"unit_id"`
		Alias  string `db:"alias"`
	}
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return fmt.Errorf("org: load aliases: %w", err)
	}
	for _, r := range rows {
		units[idx[r.UnitID]].Aliases = append(units[idx[r.UnitID]].Aliases, r.Alias)
	}
	return nil
}

// Top returns the first unit with no parent (the province, in a
// province's installation), or db.ErrNotFound when there is none.
func (s *Store) Top(ctx context.Context) (Unit, error) {
	var u Unit
	err := s.db.GetContext(ctx, &u, `SELECT `+unitColumns+` FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`)
	if err != nil {
		return Unit{}, fmt.Errorf("org: top unit: %w", db.NotFound(err))
	}
	return u, nil
}

// All returns every unit, active or not, with aliases. A whole country has
// about 14,000 units, which fits comfortably in memory for tree building.
func (s *Store) All(ctx context.Context) ([]Unit, error) {
	var units []Unit
	if err := s.db.SelectContext(ctx, &units, `SELECT `+unitColumns+` FROM units ORDER BY sort_key, id`); err != nil {
		return nil, fmt.Errorf("org: all units: %w", err)
	}
	var rows []struct {
		UnitID int64  `db:"unit_id"`
		Alias  string `db:"alias"`
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT unit_id, alias FROM unit_aliases ORDER BY alias`); err != nil {
		return nil, fmt.Errorf("org: all aliases: %w", err)
	}
	idx := make(map[int64]int, len(units))
	for i, u := range units {
		idx[u.ID] = i
	}
	for _, r := range rows {
		if i, ok := idx[r.UnitID]; ok {
			units[i].Aliases = append(units[i].Aliases, r.Alias)
		}
	}
	return units, nil
}

// IsWithin reports whether unit id is root or one of its descendants.
func (s *Store) IsWithin(ctx context.Context, root, id int64) (bool, error) {
	return isWithin(ctx, s.db, root, id)
}

func isWithin(ctx context.Context, q db.Querier, root, id int64) (bool, error) {
	if root == id {
		return true, nil
	}
	var n int
	err := q.GetContext(ctx, &n, q.Rebind(`WITH RECURSIVE anc(id, parent_id, depth) AS (
		SELECT id, parent_id, 0 FROM units WHERE id = ?
		UNION ALL SELECT u.id, u.parent_id, anc.depth + 1 FROM units u JOIN anc ON u.id = anc.parent_id WHERE anc.depth < 100)
		SELECT COUNT(*) FROM anc WHERE id = ?`), id, root)
	if err != nil {
		return false, fmt.Errorf("org: is %d within %d: %w", id, root, err)
	}
	return n > 0, nil
}

// Ancestors returns the chain from the root down to id's parent.
func (s *Store) Ancestors(ctx context.Context, id int64) ([]Unit, error) {
	var chain []Unit
	u, err := s.Get(ctx, id)
	for err == nil && u.ParentID != nil && len(chain) < 100 {
		u, err = s.Get(ctx, *u.ParentID)
		if err == nil {
			chain = append([]Unit{u}, chain...)
		}
	}
	if err != nil {
		return nil, err
	}
	return chain, nil
}

// Create adds a unit, with its first version and a "created" event.
func (s *Store) Create(ctx context.Context, in Input) (Unit, error) {
	var u Unit
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		u, err = CreateTx(ctx, tx, in)
		return err
	})
	return u, err
}

// CreateTx is Create inside the caller's transaction (imports, the demo).
func CreateTx(ctx context.Context, tx *sqlx.Tx, in Input) (Unit, error) {
	in.Normalize()
	if err := validateWithDB(ctx, tx, 0, &in); err != nil {
		return Unit{}, err
	}
	now := db.Now()
	var id int64
	err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO units (code, name, short_name, kind, parent_id, active_from,
		address, phone, email, search_text, sort_key, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		in.Code, in.Name, in.ShortName, in.Kind, in.ParentID, in.ActiveFrom, in.Address, in.Phone, in.Email,
		searchText(in), vn.SortKey(in.Name), now, now)
	if err != nil {
		if db.IsUniqueViolation(err) {
			return Unit{}, valid.Errors{"code": fmt.Sprintf("Mã đơn vị %q đã được dùng cho đơn vị khác.", in.Code)}
		}
		return Unit{}, fmt.Errorf("org: insert unit %q: %w", in.Code, err)
	}
	if err := replaceAliases(ctx, tx, id, in.Aliases); err != nil {
		return Unit{}, err
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO unit_versions (unit_id, valid_from, name, short_name, parent_id)
		VALUES (?, ?, ?, ?, ?)`), id, in.ActiveFrom, in.Name, in.ShortName, in.ParentID); err != nil {
		return Unit{}, fmt.Errorf("org: first version of unit %d: %w", id, err)
	}
	if err := addEvent(ctx, tx, id, EventCreated, in.ActiveFrom, nil, "Thành lập / đưa vào hệ thống", ""); err != nil {
		return Unit{}, err
	}
	u, err := getUnit(ctx, tx, id)
	if err != nil {
		return Unit{}, err
	}
	return u, audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "unit", EntityID: id,
		Summary: "Tạo đơn vị " + u.Name, After: u})
}

// Update corrects a unit's fields in place (a correction, not a historical
// change: use Rename and Move to record a change that took effect on a day).
// The current version row is corrected along with the unit.
func (s *Store) Update(ctx context.Context, id int64, in Input) (Unit, error) {
	var u Unit
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		u, err = UpdateTx(ctx, tx, id, in)
		return err
	})
	return u, err
}

// UpdateTx is Update inside the caller's transaction (imports).
func UpdateTx(ctx context.Context, tx *sqlx.Tx, id int64, in Input) (Unit, error) {
	before, err := getUnit(ctx, tx, id)
	if err != nil {
		return Unit{}, err
	}
	in.Normalize()
	if err := validateWithDB(ctx, tx, id, &in); err != nil {
		return Unit{}, err
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE units SET code = ?, name = ?, short_name = ?, kind = ?, parent_id = ?,
		active_from = ?, address = ?, phone = ?, email = ?, search_text = ?, sort_key = ?, updated_at = ? WHERE id = ?`),
		in.Code, in.Name, in.ShortName, in.Kind, in.ParentID, in.ActiveFrom, in.Address, in.Phone, in.Email,
		searchText(in), vn.SortKey(in.Name), db.Now(), id)
	if err != nil {
		if db.IsUniqueViolation(err) {
			return Unit{}, valid.Errors{"code": fmt.Sprintf("Mã đơn vị %q đã được dùng cho đơn vị khác.", in.Code)}
		}
		return Unit{}, fmt.Errorf("org: update unit %d: %w", id, err)
	}
	if err := replaceAliases(ctx, tx, id, in.Aliases); err != nil {
		return Unit{}, err
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE unit_versions SET name = ?, short_name = ?, parent_id = ?
		WHERE unit_id = ? AND valid_to IS NULL`), in.Name, in.ShortName, in.ParentID, id); err != nil {
		return Unit{}, fmt.Errorf("org: correct current version of unit %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE unit_versions SET valid_from = ?
		WHERE unit_id = ? AND id = (SELECT MIN(id) FROM unit_versions WHERE unit_id = ?)`), in.ActiveFrom, id, id); err != nil {
		return Unit{}, fmt.Errorf("org: correct first version of unit %d: %w", id, err)
	}
	u, err := getUnit(ctx, tx, id)
	if err != nil {
		return Unit{}, err
	}
	return u, audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "unit", EntityID: id,
		Summary: "Sửa thông tin đơn vị " + u.Name, Before: before, After: u})
}

// Delete removes a unit entered by mistake. A unit with sub-units, users or
// history beyond its creation cannot be deleted: dissolve it instead.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		before, err := getUnit(ctx, tx, id)
		if err != nil {
			return err
		}
		var children, users, events int
		if err := tx.GetContext(ctx, &children, tx.Rebind(`SELECT COUNT(*) FROM units WHERE parent_id = ? OR successor_id = ?`), id, id); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &users, tx.Rebind(`SELECT COUNT(*) FROM users WHERE unit_id = ?`), id); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &events, tx.Rebind(`SELECT COUNT(*) FROM unit_events WHERE unit_id = ? AND event <> ?`), id, EventCreated); err != nil {
			return err
		}
		switch {
		case children > 0:
			return valid.Problemf("Không thể xóa: đơn vị còn đơn vị trực thuộc hoặc đơn vị đã sáp nhập vào. Hãy dùng chức năng giải thể.")
		case users > 0:
			return valid.Problemf("Không thể xóa: đơn vị còn tài khoản người dùng.")
		case events > 0:
			return valid.Problemf("Không thể xóa: đơn vị đã có lịch sử thay đổi. Hãy dùng chức năng giải thể.")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM unit_group_members WHERE unit_id = ?`), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM units WHERE id = ?`), id); err != nil {
			if db.IsForeignKeyViolation(err) {
				return valid.Problemf("Không thể xóa: đơn vị đang được dữ liệu khác sử dụng. Hãy dùng chức năng giải thể.")
			}
			return fmt.Errorf("org: delete unit %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Delete, Entity: "unit", EntityID: id,
			Summary: "Xóa đơn vị " + before.Name, Before: before})
	})
}

// validateWithDB checks in and the rules that need the database: the kind
// exists, the parent exists and is no descendant of the unit (no cycles).
func validateWithDB(ctx context.Context, q db.Querier, id int64, in *Input) error {
	errs := in.Validate()
	if in.Kind != "" {
		var n int
		if err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM unit_kinds WHERE code = ?`), in.Kind); err != nil {
			return err
		}
		if n == 0 {
			errs.Add("kind", fmt.Sprintf("Loại đơn vị %q không có trong danh mục.", in.Kind))
		}
	}
	if in.ParentID != nil {
		if *in.ParentID == id {
			errs.Add("parent_id", "Đơn vị không thể trực thuộc chính nó.")
		} else if _, err := getUnit(ctx, q, *in.ParentID); errors.Is(err, db.ErrNotFound) {
			errs.Add("parent_id", "Đơn vị cấp trên không tồn tại.")
		} else if err != nil {
			return err
		} else if id != 0 {
			cycle, err := isWithin(ctx, q, id, *in.ParentID)
			if err != nil {
				return err
			}
			if cycle {
				errs.Add("parent_id", "Không thể chọn đơn vị cấp dưới của chính đơn vị này làm đơn vị cấp trên (tạo vòng lặp).")
			}
		}
	}
	if id != 0 && !in.ActiveFrom.IsZero() {
		// Update moves the first version's start to ActiveFrom; it must not
		// pass that version's end (a later rename or move, or the unit's end).
		var firstEnd civil.Date
		if err := q.GetContext(ctx, &firstEnd, q.Rebind(`SELECT valid_to FROM unit_versions
			WHERE id = (SELECT MIN(id) FROM unit_versions WHERE unit_id = ?)`), id); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("org: first version of unit %d: %w", id, err)
		}
		if !firstEnd.IsZero() && in.ActiveFrom.After(firstEnd) {
			errs.Add("active_from", fmt.Sprintf("Ngày bắt đầu hoạt động không được sau %s (ngày kết thúc tên gọi hoặc đơn vị cấp trên đầu tiên của đơn vị).", firstEnd.VN()))
		}
	}
	return errs.Err()
}

func replaceAliases(ctx context.Context, tx *sqlx.Tx, id int64, aliases []string) error {
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM unit_aliases WHERE unit_id = ?`), id); err != nil {
		return fmt.Errorf("org: clear aliases of unit %d: %w", id, err)
	}
	for _, a := range aliases {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO unit_aliases (unit_id, alias, alias_folded) VALUES (?, ?, ?)`),
			id, a, vn.Fold(a)); err != nil {
			return fmt.Errorf("org: alias %q of unit %d: %w", a, id, err)
		}
	}
	return nil
}
