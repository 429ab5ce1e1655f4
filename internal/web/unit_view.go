package web

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/org"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// This file holds what the unit and group pages share: a unit's status on a
// day, kind names, names of related units, and parsing of typed dates.

// today is the current day in Vietnam.
func today() civil.Date { return civil.Today(vn.Location()) }

// unitStatus says whether a unit exists on a day, for badges and banners.
type unitStatus struct {
	Active bool
	Label  string     // "đang hoạt động", "đã giải thể", "đã sáp nhập", "chưa hoạt động"
	Class  string     // badge class: ok, off, warn
	Ended  civil.Date // last day of an ended unit
}

// Text is the status as shown in a badge, with the last day of an ended
// unit: "đã sáp nhập, đến 30/06/2025".
func (s unitStatus) Text() string {
	if s.Ended.IsZero() {
		return s.Label
	}
	return s.Label + ", đến " + s.Ended.VN()
}

// statusOf returns u's status on day on. A unit that ended with a successor
// was merged; one that ended without was dissolved.
func statusOf(u org.Unit, on civil.Date) unitStatus {
	switch {
	case on.Before(u.ActiveFrom):
		return unitStatus{Label: "chưa hoạt động", Class: "warn"}
	case u.ActiveOn(on):
		return unitStatus{Active: true, Label: "đang hoạt động", Class: "ok"}
	case u.SuccessorID != nil:
		return unitStatus{Label: "đã sáp nhập", Class: "off", Ended: u.ActiveTo}
	default:
		return unitStatus{Label: "đã giải thể", Class: "off", Ended: u.ActiveTo}
	}
}

// unitKinds returns the kinds in display order and their names by code.
func (h *Handler) unitKinds(ctx context.Context) ([]org.Kind, map[string]string, error) {
	kinds, err := h.app.Units.Kinds(ctx)
	if err != nil {
		return nil, nil, err
	}
	names := make(map[string]string, len(kinds))
	for _, k := range kinds {
		names[k.Code] = k.Name
	}
	return kinds, names, nil
}

// unitNames returns the names of the units ids; ids that no longer exist
// are left out.
func (h *Handler) unitNames(ctx context.Context, ids ...int64) (map[int64]string, error) {
	names := map[int64]string{}
	for _, id := range ids {
		if _, done := names[id]; done || id == 0 {
			continue
		}
		u, err := h.app.Units.Get(ctx, id)
		if errors.Is(err, db.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		names[id] = u.Name
	}
	return names, nil
}

// unitRow is a unit as listed in a table, with its kind and parent names.
type unitRow struct {
	Unit   org.Unit
	Kind   string
	Parent string
	Status unitStatus
}

// unitRows adds kind, parent name and today's status to units.
func (h *Handler) unitRows(ctx context.Context, units []org.Unit, kinds map[string]string) ([]unitRow, error) {
	var parents []int64
	for _, u := range units {
		if u.ParentID != nil {
			parents = append(parents, *u.ParentID)
		}
	}
	names, err := h.unitNames(ctx, parents...)
	if err != nil {
		return nil, err
	}
	now := today()
	rows := make([]unitRow, 0, len(units))
	for _, u := range units {
		row := unitRow{Unit: u, Kind: kindName(kinds, u.Kind), Status: statusOf(u, now)}
		if u.ParentID != nil {
			row.Parent = names[*u.ParentID]
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// kindName is the Vietnamese name of a kind code, or the code itself when
// the kind is not in the list.
func kindName(kinds map[string]string, code string) string {
	if n, ok := kinds[code]; ok {
		return n
	}
	return code
}

// parseDay reads a typed date (dd/mm/yyyy, or yyyy-mm-dd from a date input).
// An empty value gives the zero Date; a bad one adds a message under field.
func parseDay(s, field, label string, errs valid.Errors) civil.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return civil.Date{}
	}
	d, err := civil.ParseVN(s)
	if err != nil || d.Year < 1900 || d.Year > 2200 {
		errs.Add(field, fmt.Sprintf("%s “%s” không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025.", label, s))
		return civil.Date{}
	}
	return d
}

// lines splits a textarea into its non-empty trimmed lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// mergeErrors adds the messages of a store error to errs and reports whether
// err was a validation failure. Messages for the form's fields go beside
// them; a rule problem, or a message about a field the form does not show,
// goes to the top of the form. Other errors are left to the caller.
func mergeErrors(err error, errs valid.Errors, fields ...string) bool {
	if fe, ok := valid.As(err); ok {
		for k, v := range fe {
			if slices.Contains(fields, k) {
				errs.Add(k, v)
			} else {
				addFormError(errs, v)
			}
		}
		return true
	}
	if msg := valid.Message(err); msg != "" {
		addFormError(errs, msg)
		return true
	}
	return false
}

// addFormError appends msg to the message shown at the top of the form.
func addFormError(errs valid.Errors, msg string) {
	if prev, ok := errs["form"]; ok {
		errs["form"] = prev + " " + msg
		return
	}
	errs["form"] = msg
}
