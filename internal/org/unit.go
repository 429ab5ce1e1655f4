// Package org holds the unit hierarchy (đơn vị): units of any depth, their
// kinds, names and parents over time (rename, move, merge, dissolve), aliases
// for matching names written in documents, and groups of units such as
// "Sở, ban, ngành tỉnh". Every change is audited in its own transaction.
package org

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"cchc/internal/civil"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Kind is a type of unit (province, provincial agency, district, commune ...).
// Kinds are data: a province may add its own.
type Kind struct {
	Code      string `db:"code" json:"code"`
	Name      string `db:"name" json:"name"`
	Tier      int    `db:"tier" json:"tier"` // 1 province level, 2 district level, 3 commune level, 0 outside the tiers
	SortOrder int    `db:"sort_order" json:"sort_order"`
}

// Unit is an organisation in the hierarchy. Name, ShortName and ParentID are
// the current values; earlier ones are in the unit's versions. ActiveTo is
// the last day the unit existed (zero while it still exists); SuccessorID is
// the unit it was merged into.
type Unit struct {
	ID          int64      `db:"id" json:"id"`
	Code        string     `db:"code" json:"code"`
	Name        string     `db:"name" json:"name"`
	ShortName   string     `db:"short_name" json:"short_name"`
	Kind        string     `db:"kind" json:"kind"`
	ParentID    *int64     `db:"parent_id" json:"parent_id"`
	ActiveFrom  civil.Date `db:"active_from" json:"active_from"`
	ActiveTo    civil.Date `db:"active_to" json:"active_to"`
	SuccessorID *int64     `db:"successor_id" json:"successor_id"`
	Address     string     `db:"address" json:"address"`
	Phone       string     `db:"phone" json:"phone"`
	Email       string     `db:"email" json:"email"`
	Aliases     []string   `db:"-" json:"aliases"`
	CreatedAt   time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt   time.Time  `db:"updated_at" json:"updated_at"`
}

// ActiveOn reports whether u existed on day d.
func (u Unit) ActiveOn(d civil.Date) bool {
	if d.Before(u.ActiveFrom) {
		return false
	}
	return u.ActiveTo.IsZero() || !d.After(u.ActiveTo)
}

// Active reports whether u exists today (Vietnam time).
func (u Unit) Active() bool { return u.ActiveOn(civil.Today(vn.Location())) }

// DisplayName is the short name when there is one, else the name.
func (u Unit) DisplayName() string {
	if u.ShortName != "" {
		return u.ShortName
	}
	return u.Name
}

// Input is what a user supplies to create or correct a unit.
type Input struct {
	Code       string     `json:"code"`
	Name       string     `json:"name"`
	ShortName  string     `json:"short_name"`
	Kind       string     `json:"kind"`
	ParentID   *int64     `json:"parent_id"`
	ActiveFrom civil.Date `json:"active_from"`
	Address    string     `json:"address"`
	Phone      string     `json:"phone"`
	Email      string     `json:"email"`
	Aliases    []string   `json:"aliases"`
}

// Limits on unit fields.
const (
	MaxCodeLen  = 32
	MaxNameLen  = 255
	MaxShortLen = 100
	MaxAliases  = 50
)

var codePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Normalize cleans the text fields in place: NFC, trimmed, inner space
// collapsed, code upper-cased, aliases de-duplicated.
func (in *Input) Normalize() {
	in.Code = strings.ToUpper(strings.TrimSpace(in.Code))
	in.Name = vn.CleanText(in.Name)
	in.ShortName = vn.CleanText(in.ShortName)
	in.Kind = strings.TrimSpace(in.Kind)
	in.Address = vn.CleanText(in.Address)
	in.Phone = vn.CleanText(in.Phone)
	in.Email = strings.TrimSpace(in.Email)
	seen := map[string]bool{}
	var aliases []string
	for _, a := range in.Aliases {
		a = vn.CleanText(a)
		if a == "" || seen[vn.Fold(a)] {
			continue
		}
		seen[vn.Fold(a)] = true
		aliases = append(aliases, a)
	}
	in.Aliases = aliases
}

// Validate checks the fields that need no database. Messages are Vietnamese
// and keyed by the JSON field name.
func (in *Input) Validate() valid.Errors {
	errs := valid.Errors{}
	switch {
	case in.Code == "":
		errs.Add("code", "Vui lòng nhập mã đơn vị.")
	case utf8.RuneCountInString(in.Code) > MaxCodeLen:
		errs.Add("code", "Mã đơn vị dài tối đa 32 ký tự.")
	case !codePattern.MatchString(in.Code):
		errs.Add("code", "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu . _ - (ví dụ: SNV, XA-001).")
	}
	switch {
	case in.Name == "":
		errs.Add("name", "Vui lòng nhập tên đơn vị.")
	case utf8.RuneCountInString(in.Name) > MaxNameLen:
		errs.Add("name", "Tên đơn vị dài tối đa 255 ký tự.")
	}
	if utf8.RuneCountInString(in.ShortName) > MaxShortLen {
		errs.Add("short_name", "Tên viết tắt dài tối đa 100 ký tự.")
	}
	if in.Kind == "" {
		errs.Add("kind", "Vui lòng chọn loại đơn vị.")
	}
	if in.ActiveFrom.IsZero() {
		errs.Add("active_from", "Vui lòng nhập ngày bắt đầu hoạt động (dd/mm/yyyy).")
	}
	if utf8.RuneCountInString(in.Address) > MaxNameLen {
		errs.Add("address", "Địa chỉ dài tối đa 255 ký tự.")
	}
	if len(in.Phone) > 50 {
		errs.Add("phone", "Số điện thoại dài tối đa 50 ký tự.")
	}
	if in.Email != "" && (len(in.Email) > 254 || !strings.Contains(in.Email, "@")) {
		errs.Add("email", "Địa chỉ thư điện tử không hợp lệ.")
	}
	if len(in.Aliases) > MaxAliases {
		errs.Add("aliases", "Tối đa 50 tên gọi khác.")
	}
	for _, a := range in.Aliases {
		if utf8.RuneCountInString(a) > MaxNameLen {
			errs.Add("aliases", "Mỗi tên gọi khác dài tối đa 255 ký tự.")
		}
	}
	return errs
}

// InputOf returns the editable fields of u.
func InputOf(u Unit) Input {
	return Input{Code: u.Code, Name: u.Name, ShortName: u.ShortName, Kind: u.Kind, ParentID: u.ParentID,
		ActiveFrom: u.ActiveFrom, Address: u.Address, Phone: u.Phone, Email: u.Email, Aliases: u.Aliases}
}

func searchText(in Input) string {
	parts := []string{vn.Fold(in.Name), vn.Fold(in.ShortName), vn.Fold(in.Code)}
	for _, a := range in.Aliases {
		parts = append(parts, vn.Fold(a))
	}
	return strings.Join(parts, " | ")
}
