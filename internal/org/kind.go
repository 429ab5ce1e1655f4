package org

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// KindInput is what a coordinator supplies to add or change a unit kind. A
// kind's code is fixed once created (units refer to it); its name, tier and
// display order may change.
type KindInput struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Tier      int    `json:"tier"`
	SortOrder int    `json:"sort_order"`
}

// KindUsage is a kind with the number of units of that kind.
type KindUsage struct {
	Kind
	Units int `db:"units"`
}

// KindsWithUsage returns every kind in display order with its unit count.
func (s *Store) KindsWithUsage(ctx context.Context) ([]KindUsage, error) {
	var ks []KindUsage
	err := s.db.SelectContext(ctx, &ks, `SELECT k.code, k.name, k.tier, k.sort_order,
		(SELECT COUNT(*) FROM units u WHERE u.kind = k.code) AS units
		FROM unit_kinds k ORDER BY k.sort_order, k.code`)
	if err != nil {
		return nil, fmt.Errorf("org: kinds with usage: %w", err)
	}
	return ks, nil
}

func (in *KindInput) validate(create bool) valid.Errors {
	in.Code = strings.ToLower(strings.TrimSpace(in.Code))
	in.Name = vn.CleanText(in.Name)
	errs := valid.Errors{}
	if create {
		switch {
		case in.Code == "":
			errs.Add("code", "Vui lòng nhập mã loại đơn vị.")
		case len(in.Code) > MaxCodeLen || !codePattern.MatchString(in.Code):
			errs.Add("code", "Mã loại chỉ gồm chữ cái không dấu, chữ số và . _ - (tối đa 32 ký tự), ví dụ: commune.")
		}
	}
	switch {
	case in.Name == "":
		errs.Add("name", "Vui lòng nhập tên loại đơn vị.")
	case utf8.RuneCountInString(in.Name) > MaxNameLen:
		errs.Add("name", "Tên loại đơn vị dài tối đa 255 ký tự.")
	}
	if in.Tier < 0 || in.Tier > 9 {
		errs.Add("tier", "Cấp hành chính là một số từ 0 đến 9 (1: cấp tỉnh, 2: cấp huyện, 3: cấp xã, 0: ngoài các cấp).")
	}
	if in.SortOrder < 0 || in.SortOrder > 9999 {
		errs.Add("sort_order", "Thứ tự hiển thị là một số từ 0 đến 9999.")
	}
	return errs
}

// CreateKind adds a unit kind.
func (s *Store) CreateKind(ctx context.Context, in KindInput) (Kind, error) {
	if err := in.validate(true).Err(); err != nil {
		return Kind{}, err
	}
	var k Kind
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO unit_kinds (code, name, tier, sort_order) VALUES (?, ?, ?, ?)`),
			in.Code, in.Name, in.Tier, in.SortOrder); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.Errors{"code": fmt.Sprintf("Mã loại %q đã có.", in.Code)}
			}
			return fmt.Errorf("org: create kind %q: %w", in.Code, err)
		}
		k = Kind(in)
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "unit_kind", EntityKey: k.Code,
			Summary: "Thêm loại đơn vị " + k.Name, After: k})
	})
	return k, err
}

// UpdateKind changes a kind's name, tier and display order.
func (s *Store) UpdateKind(ctx context.Context, code string, in KindInput) (Kind, error) {
	if err := in.validate(false).Err(); err != nil {
		return Kind{}, err
	}
	var k Kind
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var before Kind
		if err := tx.GetContext(ctx, &before, tx.Rebind(`SELECT code, name, tier, sort_order FROM unit_kinds WHERE code = ?`), code); err != nil {
			return fmt.Errorf("org: kind %q: %w", code, db.NotFound(err))
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE unit_kinds SET name = ?, tier = ?, sort_order = ? WHERE code = ?`),
			in.Name, in.Tier, in.SortOrder, code); err != nil {
			return fmt.Errorf("org: update kind %q: %w", code, err)
		}
		k = Kind{Code: code, Name: in.Name, Tier: in.Tier, SortOrder: in.SortOrder}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "unit_kind", EntityKey: code,
			Summary: "Sửa loại đơn vị " + k.Name, Before: before, After: k})
	})
	return k, err
}

// DeleteKind removes a kind no unit or group uses.
func (s *Store) DeleteKind(ctx context.Context, code string) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var before Kind
		if err := tx.GetContext(ctx, &before, tx.Rebind(`SELECT code, name, tier, sort_order FROM unit_kinds WHERE code = ?`), code); err != nil {
			return fmt.Errorf("org: kind %q: %w", code, db.NotFound(err))
		}
		var units int
		if err := tx.GetContext(ctx, &units, tx.Rebind(`SELECT COUNT(*) FROM units WHERE kind = ?`), code); err != nil {
			return err
		}
		if units > 0 {
			return valid.Problemf(fmt.Sprintf("Không thể xóa loại “%s”: còn %d đơn vị thuộc loại này.", before.Name, units))
		}
		var groups []string
		if err := tx.SelectContext(ctx, &groups, `SELECT kinds FROM unit_groups`); err != nil {
			return err
		}
		for _, g := range groups {
			for _, k := range splitList(g, ",") {
				if k == code {
					return valid.Problemf(fmt.Sprintf("Không thể xóa loại “%s”: đang được dùng trong định nghĩa nhóm đơn vị.", before.Name))
				}
			}
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM unit_kinds WHERE code = ?`), code); err != nil {
			return fmt.Errorf("org: delete kind %q: %w", code, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Delete, Entity: "unit_kind", EntityKey: code,
			Summary: "Xóa loại đơn vị " + before.Name, Before: before})
	})
}
