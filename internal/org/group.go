package org

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Group is a named set of units that plans assign work to, such as
// "Sở, ban, ngành tỉnh" or "UBND cấp xã". Membership is the units of the
// listed kinds (optionally only under RootUnitID) plus the explicit members,
// each counted only while active; see Members.
type Group struct {
	ID         int64     `db:"id" json:"id"`
	Code       string    `db:"code" json:"code"`
	Name       string    `db:"name" json:"name"`
	KindsText  string    `db:"kinds" json:"-"`
	RootUnitID *int64    `db:"root_unit_id" json:"root_unit_id"`
	AliasText  string    `db:"aliases" json:"-"`
	CreatedAt  time.Time `db:"created_at" json:"created_at"`
	UpdatedAt  time.Time `db:"updated_at" json:"updated_at"`
}

// Kinds returns the kind codes whose units belong to the group.
func (g Group) Kinds() []string { return splitList(g.KindsText, ",") }

// Aliases returns the other ways documents write the group's name.
func (g Group) Aliases() []string { return splitList(g.AliasText, "\n") }

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// GroupMember is an explicitly listed member, optionally for a span of days.
type GroupMember struct {
	UnitID   int64      `db:"unit_id" json:"unit_id"`
	FromDate civil.Date `db:"from_date" json:"from_date"`
	ToDate   civil.Date `db:"to_date" json:"to_date"`
}

// GroupInput is what a user supplies to create or change a group.
type GroupInput struct {
	Code       string        `json:"code"`
	Name       string        `json:"name"`
	Kinds      []string      `json:"kinds"`
	RootUnitID *int64        `json:"root_unit_id"`
	Aliases    []string      `json:"aliases"`
	Members    []GroupMember `json:"members"`
}

const groupColumns = `id, code, name, kinds, root_unit_id, aliases, created_at, updated_at`

// Groups returns every group in Vietnamese name order.
func (s *Store) Groups(ctx context.Context) ([]Group, error) {
	var gs []Group
	if err := s.db.SelectContext(ctx, &gs, `SELECT `+groupColumns+` FROM unit_groups`); err != nil {
		return nil, fmt.Errorf("org: list groups: %w", err)
	}
	c := vn.NewCollator()
	slices.SortFunc(gs, func(a, b Group) int { return c.Compare(a.Name, b.Name) })
	return gs, nil
}

// Group returns the group with id, or db.ErrNotFound.
func (s *Store) Group(ctx context.Context, id int64) (Group, error) {
	var g Group
	err := s.db.GetContext(ctx, &g, s.db.Rebind(`SELECT `+groupColumns+` FROM unit_groups WHERE id = ?`), id)
	if err != nil {
		return Group{}, fmt.Errorf("org: group %d: %w", id, db.NotFound(err))
	}
	return g, nil
}

// GroupByCode returns the group with code, or db.ErrNotFound.
func (s *Store) GroupByCode(ctx context.Context, code string) (Group, error) {
	var g Group
	err := s.db.GetContext(ctx, &g, s.db.Rebind(`SELECT `+groupColumns+` FROM unit_groups WHERE code = ?`), code)
	if err != nil {
		return Group{}, fmt.Errorf("org: group %q: %w", code, db.NotFound(err))
	}
	return g, nil
}

// ExplicitMembers returns the group's listed members.
func (s *Store) ExplicitMembers(ctx context.Context, groupID int64) ([]GroupMember, error) {
	var ms []GroupMember
	err := s.db.SelectContext(ctx, &ms, s.db.Rebind(`SELECT unit_id, from_date, to_date FROM unit_group_members WHERE group_id = ? ORDER BY unit_id`), groupID)
	return ms, err
}

// Members returns the units in the group on day on, in Vietnamese name order:
// active units of the group's kinds (under its root unit as the hierarchy
// stood that day, if it has one) and the explicit members listed for that day.
func (s *Store) Members(ctx context.Context, groupID int64, on civil.Date) ([]Unit, error) {
	g, err := s.Group(ctx, groupID)
	if err != nil {
		return nil, err
	}
	active := "u.active_from <= ? AND (u.active_to IS NULL OR u.active_to >= ?)"
	query := `SELECT ` + prefixed("u.", unitColumns) + ` FROM units u WHERE ` + active + ` AND (u.id IN (
		SELECT m.unit_id FROM unit_group_members m WHERE m.group_id = ?
		AND (m.from_date IS NULL OR m.from_date <= ?) AND (m.to_date IS NULL OR m.to_date >= ?))`
	args := []any{on, on, g.ID, on, on}
	if kinds := g.Kinds(); len(kinds) > 0 {
		kindCond := "u.kind IN (?" + strings.Repeat(", ?", len(kinds)-1) + ")"
		for _, k := range kinds {
			args = append(args, k)
		}
		if g.RootUnitID != nil {
			// The subtree as it stood on day on: a district's communes stay
			// members for days before they moved to the province. UNION (not
			// UNION ALL) stops at a unit already seen.
			kindCond += ` AND u.id IN (SELECT id FROM sub)`
			query = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
				UNION SELECT v.unit_id FROM unit_versions v JOIN sub ON v.parent_id = sub.id
				WHERE v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?)) ` + query
			args = append([]any{*g.RootUnitID, on, on}, args...)
		}
		query += " OR (" + kindCond + ")"
	}
	query += `) ORDER BY u.sort_key, u.id`
	var units []Unit
	if err := s.db.SelectContext(ctx, &units, s.db.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("org: members of group %s on %s: %w", g.Code, on, err)
	}
	return units, nil
}

func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

func (in *GroupInput) normalize() valid.Errors {
	in.Code = strings.ToLower(strings.TrimSpace(in.Code))
	in.Name = vn.CleanText(in.Name)
	errs := valid.Errors{}
	switch {
	case in.Code == "":
		errs.Add("code", "Vui lòng nhập mã nhóm.")
	case !codePattern.MatchString(in.Code) || len(in.Code) > MaxCodeLen:
		errs.Add("code", "Mã nhóm chỉ gồm chữ cái không dấu, chữ số và . _ - (tối đa 32 ký tự).")
	}
	switch {
	case in.Name == "":
		errs.Add("name", "Vui lòng nhập tên nhóm.")
	case utf8.RuneCountInString(in.Name) > MaxNameLen:
		errs.Add("name", "Tên nhóm dài tối đa 255 ký tự.")
	}
	var aliases []string
	for _, a := range in.Aliases {
		if a = vn.CleanText(a); a != "" {
			aliases = append(aliases, a)
		}
	}
	in.Aliases = aliases
	if len(in.Kinds) == 0 && len(in.Members) == 0 {
		errs.Add("kinds", "Nhóm cần ít nhất một loại đơn vị hoặc một đơn vị được chọn.")
	}
	return errs
}

// SaveGroup creates the group (id 0) or replaces its definition.
func (s *Store) SaveGroup(ctx context.Context, id int64, in GroupInput) (Group, error) {
	var g Group
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		g, err = SaveGroupTx(ctx, tx, id, in)
		return err
	})
	return g, err
}

// SaveGroupTx is SaveGroup inside the caller's transaction (the demo).
func SaveGroupTx(ctx context.Context, tx *sqlx.Tx, id int64, in GroupInput) (Group, error) {
	errs := in.normalize()
	for _, k := range in.Kinds {
		var n int
		if err := tx.GetContext(ctx, &n, tx.Rebind(`SELECT COUNT(*) FROM unit_kinds WHERE code = ?`), k); err != nil {
			return Group{}, err
		}
		if n == 0 {
			errs.Add("kinds", fmt.Sprintf("Loại đơn vị %q không có trong danh mục.", k))
		}
	}
	if err := errs.Err(); err != nil {
		return Group{}, err
	}
	var before *Group
	now := db.Now()
	kinds, aliases := strings.Join(in.Kinds, ","), strings.Join(in.Aliases, "\n")
	var err error
	if id == 0 {
		err = tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO unit_groups (code, name, kinds, root_unit_id, aliases, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`), in.Code, in.Name, kinds, in.RootUnitID, aliases, now, now)
	} else {
		var old Group
		if err := tx.GetContext(ctx, &old, tx.Rebind(`SELECT `+groupColumns+` FROM unit_groups WHERE id = ?`), id); err != nil {
			return Group{}, db.NotFound(err)
		}
		before = &old
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE unit_groups SET code = ?, name = ?, kinds = ?, root_unit_id = ?, aliases = ?, updated_at = ? WHERE id = ?`),
			in.Code, in.Name, kinds, in.RootUnitID, aliases, now, id)
	}
	if err != nil {
		if db.IsUniqueViolation(err) {
			return Group{}, valid.Errors{"code": fmt.Sprintf("Mã nhóm %q đã được dùng.", in.Code)}
		}
		return Group{}, fmt.Errorf("org: save group %q: %w", in.Code, err)
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM unit_group_members WHERE group_id = ?`), id); err != nil {
		return Group{}, err
	}
	for _, m := range in.Members {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO unit_group_members (group_id, unit_id, from_date, to_date) VALUES (?, ?, ?, ?)`),
			id, m.UnitID, m.FromDate, m.ToDate); err != nil {
			if db.IsForeignKeyViolation(err) {
				return Group{}, valid.Errors{"members": fmt.Sprintf("Đơn vị số %d không tồn tại.", m.UnitID)}
			}
			if db.IsUniqueViolation(err) {
				return Group{}, valid.Errors{"members": "Một đơn vị được chọn hai lần."}
			}
			return Group{}, err
		}
	}
	var g Group
	if err := tx.GetContext(ctx, &g, tx.Rebind(`SELECT `+groupColumns+` FROM unit_groups WHERE id = ?`), id); err != nil {
		return Group{}, err
	}
	action, summary := audit.Create, "Tạo nhóm đơn vị "+g.Name
	if before != nil {
		action, summary = audit.Update, "Sửa nhóm đơn vị "+g.Name
	}
	var beforeV any
	if before != nil {
		beforeV = before
	}
	return g, audit.Record(ctx, tx, audit.Entry{Action: action, Entity: "unit_group", EntityID: id, Summary: summary,
		Before: beforeV, After: struct {
			Group
			Kinds   []string      `json:"kinds"`
			Aliases []string      `json:"aliases"`
			Members []GroupMember `json:"members"`
		}{g, in.Kinds, in.Aliases, in.Members}})
}
