package report

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// formSelect reads forms with their latest version.
const formSelect = `SELECT f.id, f.code, f.title, f.unit_kinds, f.report_types, f.created_at, f.updated_at,
	v.id AS version_id, v.version, v.definition
	FROM report_forms f JOIN report_form_versions v ON v.form_id = f.id
	AND v.version = (SELECT MAX(version) FROM report_form_versions WHERE form_id = f.id)`

// formRow is a form as read by formSelect, its definition still JSON.
type formRow struct {
	Form
	DefinitionJSON string `db:"definition"`
}

func (r formRow) form() (Form, error) {
	d, err := decodeDefinition(r.DefinitionJSON)
	if err != nil {
		return Form{}, fmt.Errorf("report: form %q version %d: %w", r.Code, r.Version, err)
	}
	f := r.Form
	f.Definition = d
	return f, nil
}

// Forms returns every form with its latest version, by Vietnamese title.
func (s *Store) Forms(ctx context.Context) ([]Form, error) {
	var rows []formRow
	if err := s.db.SelectContext(ctx, &rows, formSelect); err != nil {
		return nil, fmt.Errorf("report: forms: %w", err)
	}
	forms := make([]Form, 0, len(rows))
	for _, r := range rows {
		f, err := r.form()
		if err != nil {
			return nil, err
		}
		forms = append(forms, f)
	}
	c := vn.NewCollator()
	slices.SortStableFunc(forms, func(a, b Form) int {
		if n := c.Compare(a.Title, b.Title); n != 0 {
			return n
		}
		return strings.Compare(a.Code, b.Code)
	})
	return forms, nil
}

// FormByCode returns the form with code and its latest version, or an
// error wrapping db.ErrNotFound.
func (s *Store) FormByCode(ctx context.Context, code string) (Form, error) {
	return FormByCodeWith(ctx, s.db, code)
}

// formHeadSelect is formSelect without the definition, which a Store
// takes from its cache of decoded versions.
const formHeadSelect = `SELECT f.id, f.code, f.title, f.unit_kinds, f.report_types, f.created_at, f.updated_at,
	v.id AS version_id, v.version
	FROM report_forms f JOIN report_form_versions v ON v.form_id = f.id
	AND v.version = (SELECT MAX(version) FROM report_form_versions WHERE form_id = f.id)`

// CachedForm is FormByCode with the definition taken from the store's
// cache of decoded versions, for the paths that read a form on every
// request (saving and submitting reports, consolidation). The returned
// Definition is shared: callers must not modify it.
func (s *Store) CachedForm(ctx context.Context, code string) (Form, error) {
	var f Form
	if err := s.db.GetContext(ctx, &f, s.db.Rebind(formHeadSelect+` WHERE f.code = ?`), code); err != nil {
		return Form{}, fmt.Errorf("report: form %q: %w", code, db.NotFound(err))
	}
	d, err := s.Definition(ctx, s.db, f.VersionID)
	if err != nil {
		return Form{}, err
	}
	f.Definition = d
	return f, nil
}

// FormByCodeWith is FormByCode reading through q (a transaction or the
// database).
func FormByCodeWith(ctx context.Context, q db.Querier, code string) (Form, error) {
	var r formRow
	if err := q.GetContext(ctx, &r, q.Rebind(formSelect+` WHERE f.code = ?`), code); err != nil {
		return Form{}, fmt.Errorf("report: form %q: %w", code, db.NotFound(err))
	}
	return r.form()
}

// Form returns the form with id and its latest version, or an error
// wrapping db.ErrNotFound.
func (s *Store) Form(ctx context.Context, id int64) (Form, error) {
	var r formRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(formSelect+` WHERE f.id = ?`), id); err != nil {
		return Form{}, fmt.Errorf("report: form %d: %w", id, db.NotFound(err))
	}
	return r.form()
}

// DefinitionOf returns the definition of form version versionID (the one a
// report was written on), or an error wrapping db.ErrNotFound.
func DefinitionOf(ctx context.Context, q db.Querier, versionID int64) (Definition, error) {
	var js string
	err := q.GetContext(ctx, &js, q.Rebind(`SELECT definition FROM report_form_versions WHERE id = ?`), versionID)
	if err != nil {
		return Definition{}, fmt.Errorf("report: form version %d: %w", versionID, db.NotFound(err))
	}
	d, err := decodeDefinition(js)
	if err != nil {
		return Definition{}, fmt.Errorf("report: form version %d: %w", versionID, err)
	}
	return d, nil
}

// SaveForm creates the form in.Code, or updates its title, unit kinds and
// report types
// and, when the definition changed, adds a new version: reports already
// written keep the version they were written on. The input is checked
// first (valid.Errors keyed "code", "title", "unit_kinds", "report_types" and the keys of
// Definition.Validate); nothing is written then. The change is one
// transaction, audited; userID (0 for none) is recorded as the version's
// author.
func (s *Store) SaveForm(ctx context.Context, in FormInput, userID int64) (Form, error) {
	var saved Form
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		saved, err = SaveFormTx(ctx, tx, in, userID)
		return err
	})
	return saved, err
}

// SaveFormTx is SaveForm inside tx, for callers that write more in the
// same transaction (the demo).
func SaveFormTx(ctx context.Context, tx *sqlx.Tx, in FormInput, userID int64) (Form, error) {
	in = in.clean()
	var kinds, types []string
	if err := tx.SelectContext(ctx, &kinds, `SELECT code FROM unit_kinds`); err != nil {
		return Form{}, fmt.Errorf("report: save form %q: unit kinds: %w", in.Code, err)
	}
	if err := tx.SelectContext(ctx, &types, `SELECT code FROM report_types`); err != nil {
		return Form{}, fmt.Errorf("report: save form %q: report types: %w", in.Code, err)
	}
	if errs := in.check(kinds, types); len(errs) > 0 {
		return Form{}, errs
	}
	return saveForm(ctx, tx, in, userID)
}

// saveForm does SaveForm's writes in tx for a checked, cleaned input.
func saveForm(ctx context.Context, tx *sqlx.Tx, in FormInput, userID int64) (Form, error) {
	now := db.Now()
	// Touching the row first locks it (PostgreSQL) so two concurrent saves
	// number their versions one after the other.
	res, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE report_forms SET code = code WHERE code = ?`), in.Code)
	if err != nil {
		return Form{}, fmt.Errorf("report: save form %q: %w", in.Code, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		id, err := insertForm(ctx, tx, in, userID)
		if db.IsUniqueViolation(err) {
			return Form{}, valid.Errors{"code": fmt.Sprintf("Mã biểu mẫu “%s” vừa được dùng cho biểu mẫu khác.", in.Code)}
		}
		if err != nil {
			return Form{}, err
		}
		f, err := FormByCodeWith(ctx, tx, in.Code)
		if err != nil {
			return Form{}, err
		}
		return f, audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "report_form", EntityID: id,
			Summary: fmt.Sprintf("Tạo biểu mẫu báo cáo “%s” (%s)", in.Title, in.Code), After: f})
	}
	before, err := FormByCodeWith(ctx, tx, in.Code)
	if err != nil {
		return Form{}, err
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE report_forms SET title = ?, unit_kinds = ?, report_types = ?, updated_at = ? WHERE id = ?`),
		in.Title, strings.Join(in.UnitKinds, ","), strings.Join(in.ReportTypes, ","), now, before.ID)
	if err != nil {
		return Form{}, fmt.Errorf("report: save form %q: %w", in.Code, err)
	}
	oldJSON, err := encodeDefinition(before.Definition)
	if err != nil {
		return Form{}, err
	}
	newJSON, err := encodeDefinition(in.Definition)
	if err != nil {
		return Form{}, err
	}
	summary := fmt.Sprintf("Sửa biểu mẫu báo cáo “%s” (%s)", in.Title, in.Code)
	if newJSON != oldJSON {
		if err := insertVersion(ctx, tx, before.ID, before.Version+1, newJSON, userID); err != nil {
			return Form{}, err
		}
		summary += fmt.Sprintf(": phiên bản %d", before.Version+1)
	}
	after, err := FormByCodeWith(ctx, tx, in.Code)
	if err != nil {
		return Form{}, err
	}
	return after, audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "report_form", EntityID: before.ID,
		Summary: summary, Before: before, After: after})
}

// insertForm inserts a new form with version 1 of its definition and
// returns the form's id. It does not audit.
func insertForm(ctx context.Context, q db.Querier, in FormInput, userID int64) (int64, error) {
	js, err := encodeDefinition(in.Definition)
	if err != nil {
		return 0, err
	}
	now := db.Now()
	var id int64
	err = q.GetContext(ctx, &id, q.Rebind(`INSERT INTO report_forms (code, title, unit_kinds, report_types, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), in.Code, in.Title, strings.Join(in.UnitKinds, ","), strings.Join(in.ReportTypes, ","), now, now)
	if err != nil {
		return 0, fmt.Errorf("report: create form %q: %w", in.Code, err)
	}
	if err := insertVersion(ctx, q, id, 1, js, userID); err != nil {
		return 0, err
	}
	return id, nil
}

// insertVersion adds version n of form formID.
func insertVersion(ctx context.Context, q db.Querier, formID int64, n int, definition string, userID int64) error {
	var by sql.NullInt64
	if userID != 0 {
		by = sql.NullInt64{Int64: userID, Valid: true}
	}
	_, err := q.ExecContext(ctx, q.Rebind(`INSERT INTO report_form_versions (form_id, version, definition, created_at, created_by)
		VALUES (?, ?, ?, ?, ?)`), formID, n, definition, db.Now(), by)
	if err != nil {
		return fmt.Errorf("report: form %d: add version %d: %w", formID, n, err)
	}
	return nil
}
