package report

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
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

// Event actions in a report's history (report_events.action).
const (
	EventCreate = "create" // the draft was opened
	EventSubmit = "submit" // submitted (again); Snapshot holds the values and texts
	EventReturn = "return" // returned to the unit; Comment says why
	EventAccept = "accept" // accepted and locked
)

// MaxTextLen is the longest narrative text, in characters.
const MaxTextLen = 20000

// Event is one entry of a report's history. Snapshot is, for a
// submission, the JSON {"values":{code:n},"texts":{code:"..."}} of the
// report as submitted; "" otherwise.
type Event struct {
	ID       int64     `db:"id" json:"id"`
	ReportID int64     `db:"report_id" json:"report_id"`
	Action   string    `db:"action" json:"action"`
	UserID   *int64    `db:"user_id" json:"user_id"`
	Comment  string    `db:"comment" json:"comment"`
	At       time.Time `db:"at" json:"at"`
	Snapshot string    `db:"snapshot" json:"snapshot"`
}

// snapshot is the content of a submission event.
type snapshot struct {
	Values map[string]int64  `json:"values"`
	Texts  map[string]string `json:"texts"`
}

const reportColumns = `r.id, r.form_id, r.form_version_id, r.period_id, r.unit_id, r.status, r.submitted_at, r.on_time,
	r.accepted_at, r.created_at, r.updated_at`

// Get returns the report with id, with its values and texts, or
// db.ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (Report, error) {
	return getReport(ctx, s.db, id)
}

func getReport(ctx context.Context, q db.Querier, id int64) (Report, error) {
	var r Report
	if err := q.GetContext(ctx, &r, q.Rebind(`SELECT `+reportColumns+` FROM reports r WHERE r.id = ?`), id); err != nil {
		return Report{}, fmt.Errorf("report: get report %d: %w", id, db.NotFound(err))
	}
	return r, loadContent(ctx, q, &r)
}

// Find returns the report of unit unitID for period periodID on form
// formID, with its values and texts, or db.ErrNotFound.
func (s *Store) Find(ctx context.Context, formID, periodID, unitID int64) (Report, error) {
	return findReport(ctx, s.db, formID, periodID, unitID)
}

// Lookup is Find without the report's values and texts (Values and Texts
// are nil), for a caller that needs only the report's row.
func (s *Store) Lookup(ctx context.Context, formID, periodID, unitID int64) (Report, error) {
	return lookupReport(ctx, s.db, formID, periodID, unitID)
}

func lookupReport(ctx context.Context, q db.Querier, formID, periodID, unitID int64) (Report, error) {
	var r Report
	err := q.GetContext(ctx, &r, q.Rebind(`SELECT `+reportColumns+` FROM reports r
		WHERE r.form_id = ? AND r.period_id = ? AND r.unit_id = ?`), formID, periodID, unitID)
	if err != nil {
		return Report{}, fmt.Errorf("report: find report of form %d, period %d, unit %d: %w", formID, periodID, unitID, db.NotFound(err))
	}
	return r, nil
}

func findReport(ctx context.Context, q db.Querier, formID, periodID, unitID int64) (Report, error) {
	r, err := lookupReport(ctx, q, formID, periodID, unitID)
	if err != nil {
		return Report{}, err
	}
	return r, loadContent(ctx, q, &r)
}

// loadContent reads r's values and texts, in one query.
func loadContent(ctx context.Context, q db.Querier, r *Report) error {
	var rows []struct {
		Code  string  `db:"code"`
		Value *int64  `db:"value"`
		Body  *string `db:"body"`
	}
	if err := q.SelectContext(ctx, &rows, q.Rebind(`SELECT code, value, NULL AS body FROM report_values WHERE report_id = ?
		UNION ALL SELECT code, NULL, body FROM report_texts WHERE report_id = ?`), r.ID, r.ID); err != nil {
		return fmt.Errorf("report: content of report %d: %w", r.ID, err)
	}
	r.Values = make(map[string]int64, len(rows))
	r.Texts = map[string]string{}
	for _, row := range rows {
		switch {
		case row.Value != nil:
			r.Values[row.Code] = *row.Value
		case row.Body != nil:
			r.Texts[row.Code] = *row.Body
		}
	}
	return nil
}

// ReportFilter narrows List. Zero fields do not filter.
type ReportFilter struct {
	FormID   int64
	PeriodID int64
	UnitID   int64
	Status   string // StatusDraft ... StatusAccepted
	Limit    int    // default 50, at most 1000
	Offset   int
}

// List returns matching reports (without values and texts), by period and
// then in the units' order, and their total.
func (s *Store) List(ctx context.Context, f ReportFilter) ([]Report, int, error) {
	where, args := []string{"1 = 1"}, []any{}
	for _, c := range []struct {
		col string
		id  int64
	}{{"r.form_id", f.FormID}, {"r.period_id", f.PeriodID}, {"r.unit_id", f.UnitID}} {
		if c.id != 0 {
			where = append(where, c.col+" = ?")
			args = append(args, c.id)
		}
	}
	if f.Status != "" {
		if !validStatus(f.Status) {
			return nil, 0, valid.Errors{"status": "Trạng thái báo cáo không hợp lệ."}
		}
		where = append(where, "r.status = ?")
		args = append(args, f.Status)
	}
	cond := " WHERE " + strings.Join(where, " AND ")
	var total int
	if err := s.db.GetContext(ctx, &total, s.db.Rebind(`SELECT COUNT(*) FROM reports r`+cond), args...); err != nil {
		return nil, 0, fmt.Errorf("report: count reports: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 1000)
	var rs []Report
	err := s.db.SelectContext(ctx, &rs, s.db.Rebind(`SELECT `+reportColumns+` FROM reports r
		JOIN report_periods p ON p.id = r.period_id JOIN units u ON u.id = r.unit_id`+cond+`
		ORDER BY p.ends_on, p.id, u.sort_key, r.form_id, r.id LIMIT ? OFFSET ?`), append(args, f.Limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("report: list reports: %w", err)
	}
	return rs, total, nil
}

func validStatus(s string) bool {
	switch s {
	case StatusDraft, StatusSubmitted, StatusReturned, StatusAccepted:
		return true
	}
	return false
}

// reportUnit is what the workflow needs of a report's unit.
type reportUnit struct {
	Name string `db:"name"`
	Kind string `db:"kind"`
}

func getUnit(ctx context.Context, q db.Querier, id int64) (reportUnit, error) {
	var u reportUnit
	if err := q.GetContext(ctx, &u, q.Rebind(`SELECT name, kind FROM units WHERE id = ?`), id); err != nil {
		if errors.Is(db.NotFound(err), db.ErrNotFound) {
			return u, valid.Errors{"unit_id": "Đơn vị không tồn tại."}
		}
		return u, fmt.Errorf("report: unit %d: %w", id, err)
	}
	return u, nil
}

// openPeriod returns the period with code, generating the periods of its
// year first when the code is a calendar period not yet stored.
func (s *Store) openPeriod(ctx context.Context, code string) (PeriodRow, error) {
	p, err := PeriodByCode(ctx, s.db, code)
	if !errors.Is(err, db.ErrNotFound) {
		return p, err
	}
	pp, perr := ParsePeriod(code)
	if perr != nil {
		return PeriodRow{}, valid.Errors{"period": "Kỳ báo cáo “" + code + "” không tồn tại."}
	}
	if err := s.db.InTx(ctx, func(tx *sqlx.Tx) error { return EnsurePeriods(ctx, tx, pp.Year) }); err != nil {
		return PeriodRow{}, err
	}
	p, err = PeriodByCode(ctx, s.db, code)
	if errors.Is(err, db.ErrNotFound) {
		return PeriodRow{}, valid.Errors{"period": "Lịch báo cáo không có kỳ “" + pp.Label() + "”."}
	}
	return p, err
}

// Open returns the report of unit unitID for the period periodCode on the
// form formCode, creating it when there is none: a draft on the form's
// latest version, prefilled from the unit's work items (see prefill), with
// a "create" event by userID (0 for none). The periods of a calendar
// period's year are generated when missing. A form limited to some unit
// kinds refuses other units, and one limited to some report types other
// periods, with a valid.Problem. A report may be opened
// in a locked period (to read it), but not changed.
func (s *Store) Open(ctx context.Context, formCode, periodCode string, unitID, userID int64) (Report, error) {
	r, err := s.open(ctx, formCode, periodCode, unitID, userID, nil)
	return r.Report, err
}

// posted is content sent with the request that opens a report (Save).
type posted struct {
	values map[string]int64
	texts  map[string]string
}

// Save stores values and texts into the unit's report for the period on
// the form (the API's PUT), creating the report when there is none — then
// in one transaction with its prefill, the posted content winning. An
// existing report is saved by SaveDraft, with its rules; a new one is
// refused in a locked period, and its posted content is checked the same
// way.
func (s *Store) Save(ctx context.Context, formCode, periodCode string, unitID int64, values map[string]int64,
	texts map[string]string, userID int64) (Report, error) {
	r, err := s.open(ctx, formCode, periodCode, unitID, userID, &posted{values: values, texts: texts})
	if err != nil || r.created {
		return r.Report, err
	}
	return s.SaveDraft(ctx, r.ID, values, texts, userID)
}

// opened is a report open returned, and whether it made it.
type opened struct {
	Report
	created bool
}

// open finds or creates the report (see Open); with content, a report it
// creates holds that content over the prefill.
func (s *Store) open(ctx context.Context, formCode, periodCode string, unitID, userID int64, content *posted) (opened, error) {
	form, err := s.CachedForm(ctx, formCode)
	if errors.Is(err, db.ErrNotFound) {
		return opened{}, valid.Errors{"form": "Biểu mẫu “" + formCode + "” không tồn tại."}
	} else if err != nil {
		return opened{}, err
	}
	p, err := s.openPeriod(ctx, periodCode)
	if err != nil {
		return opened{}, err
	}
	r, err := findReport(ctx, s.db, form.ID, p.ID, unitID)
	if !errors.Is(err, db.ErrNotFound) {
		return opened{Report: r}, err
	}
	if !form.UsedFor(p.TypeCode) {
		return opened{}, valid.Problemf("Biểu mẫu “" + form.Title + "” không dùng cho kỳ báo cáo “" + p.Title + "”.")
	}
	unit, err := getUnit(ctx, s.db, unitID)
	if err != nil {
		return opened{}, err
	}
	if kinds := form.Kinds(); len(kinds) > 0 && !slices.Contains(kinds, unit.Kind) {
		return opened{}, valid.Problemf("Biểu mẫu “" + form.Title + "” không áp dụng cho đơn vị “" + unit.Name + "”.")
	}
	values, texts, err := prefill(ctx, s.db, form.Definition, unitID, unit.Kind, p, s.today())
	if err != nil {
		return opened{}, err
	}
	if content != nil {
		draft := change{r: Report{Status: StatusDraft, UnitID: unitID}, period: p, unit: unit}
		if draft.deadline, draft.locksOn, err = DeadlineFor(ctx, s.db, p, unitID); err != nil {
			return opened{}, err
		}
		if err := draft.editable(s.today(), "sửa"); err != nil {
			return opened{}, err
		}
		cleaned, err := checkContent(form.Definition, unit.Kind, content.values, content.texts)
		if err != nil {
			return opened{}, err
		}
		for code, v := range content.values {
			values[code] = v
		}
		for code, t := range cleaned {
			if t == "" {
				delete(texts, code)
			} else {
				texts[code] = t
			}
		}
	}
	err = s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := withActor(ctx, tx, userID)
		if err != nil {
			return err
		}
		now := db.Now()
		r = Report{FormID: form.ID, FormVersionID: form.VersionID, PeriodID: p.ID, UnitID: unitID, Status: StatusDraft,
			CreatedAt: now, UpdatedAt: now, Values: values, Texts: texts}
		if err := tx.GetContext(ctx, &r.ID, tx.Rebind(`INSERT INTO reports (form_id, form_version_id, period_id, unit_id, status,
			created_at, updated_at, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			form.ID, form.VersionID, p.ID, unitID, StatusDraft, now, now, EncodeFigures(values)); err != nil {
			return fmt.Errorf("report: create report of form %q, period %s, unit %d: %w", form.Code, p.Code, unitID, err)
		}
		if err := writeContent(ctx, tx, r.ID, values, texts); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, r.ID, EventCreate, userID, "", ""); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "report", EntityID: r.ID,
			Summary: fmt.Sprintf("Tạo báo cáo %s của %s (%s)", p.Title, unit.Name, form.Title),
			After:   snapshot{Values: values, Texts: texts}})
	})
	if db.IsUniqueViolation(err) {
		// Another request opened it first.
		r, err := findReport(ctx, s.db, form.ID, p.ID, unitID)
		return opened{Report: r}, err
	}
	if err != nil {
		return opened{}, err
	}
	return opened{Report: r, created: true}, nil
}

// withActor returns ctx carrying userID as the audit actor when ctx has
// none (calls from the API with a token, tests), so the trail names who
// acted.
func withActor(ctx context.Context, q db.Querier, userID int64) (context.Context, error) {
	if userID == 0 || audit.ActorFrom(ctx).UserID != 0 {
		return ctx, nil
	}
	var name string
	if err := q.GetContext(ctx, &name, q.Rebind(`SELECT username FROM users WHERE id = ?`), userID); err != nil {
		return ctx, fmt.Errorf("report: user %d: %w", userID, db.NotFound(err))
	}
	return audit.WithActor(ctx, audit.Actor{UserID: userID, Username: name}), nil
}

// writeContent upserts values and texts of report id; an empty text
// removes the stored one.
func writeContent(ctx context.Context, q db.Querier, id int64, values map[string]int64, texts map[string]string) error {
	// Values go in one statement: a report has about a hundred, and one
	// statement each made saving the slow part. PostgreSQL takes them as
	// two arrays (three parameters to bind and plan, whatever the count);
	// SQLite as a multi-row VALUES per batch.
	codes := make([]string, 0, len(values))
	for code := range values {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	if db.DialectOf(q) == db.Postgres && len(codes) > 0 {
		nums := make([]int64, len(codes))
		for i, code := range codes {
			nums[i] = values[code]
		}
		if _, err := q.ExecContext(ctx, q.Rebind(`INSERT INTO report_values (report_id, code, value)
			SELECT ?, c, v FROM unnest(?::text[], ?::bigint[]) AS t(c, v)
			ON CONFLICT (report_id, code) DO UPDATE SET value = excluded.value`), id, codes, nums); err != nil {
			return fmt.Errorf("report: save %d values of report %d: %w", len(codes), id, err)
		}
		codes = nil
	}
	const batch = 200
	for start := 0; start < len(codes); start += batch {
		part := codes[start:min(start+batch, len(codes))]
		args := make([]any, 0, 3*len(part))
		for _, code := range part {
			args = append(args, id, code, values[code])
		}
		query := `INSERT INTO report_values (report_id, code, value) VALUES (?, ?, ?)` +
			strings.Repeat(`, (?, ?, ?)`, len(part)-1) +
			` ON CONFLICT (report_id, code) DO UPDATE SET value = excluded.value`
		if _, err := q.ExecContext(ctx, q.Rebind(query), args...); err != nil {
			return fmt.Errorf("report: save %d values of report %d: %w", len(part), id, err)
		}
	}
	for code, body := range texts {
		var err error
		if body == "" {
			_, err = q.ExecContext(ctx, q.Rebind(`DELETE FROM report_texts WHERE report_id = ? AND code = ?`), id, code)
		} else {
			_, err = q.ExecContext(ctx, q.Rebind(`INSERT INTO report_texts (report_id, code, body) VALUES (?, ?, ?)
				ON CONFLICT (report_id, code) DO UPDATE SET body = excluded.body`), id, code, body)
		}
		if err != nil {
			return fmt.Errorf("report: save text %s of report %d: %w", code, id, err)
		}
	}
	return nil
}

func addEvent(ctx context.Context, q db.Querier, reportID int64, action string, userID int64, comment, snap string) error {
	var uid *int64
	if userID != 0 {
		uid = &userID
	}
	if _, err := q.ExecContext(ctx, q.Rebind(`INSERT INTO report_events (report_id, action, user_id, comment, snapshot, at)
		VALUES (?, ?, ?, ?, ?, ?)`), reportID, action, uid, comment, snap, db.Now()); err != nil {
		return fmt.Errorf("report: record %s of report %d: %w", action, reportID, err)
	}
	return nil
}

// change is a report locked for a change inside a transaction, with what
// the workflow rules need: its period, its unit, and the unit's deadline
// and locking day in the period (its exception winning).
type change struct {
	r                 Report
	period            PeriodRow
	unit              reportUnit
	deadline, locksOn civil.Date
}

// lockReport locks report id for the rest of tx (FOR UPDATE on
// PostgreSQL; SQLite's immediate transactions already serialize writers),
// and reads it with its content, period, unit and the unit's exception in
// the period, if any.
func lockReport(ctx context.Context, tx *sqlx.Tx, id int64) (change, error) {
	lock := ""
	if db.DialectOf(tx) == db.Postgres {
		lock = " FOR UPDATE OF r"
	}
	var row struct {
		Report
		Period     PeriodRow   `db:"p"`
		UnitName   string      `db:"unit_name"`
		UnitKind   string      `db:"unit_kind"`
		ExDeadline *civil.Date `db:"ex_deadline"`
		ExLocksOn  *civil.Date `db:"ex_locks_on"`
	}
	err := tx.GetContext(ctx, &row, tx.Rebind(`SELECT `+reportColumns+`,
		p.id AS "p.id", p.type_id AS "p.type_id", p.code AS "p.code", p.title AS "p.title", p.starts_on AS "p.starts_on",
		p.ends_on AS "p.ends_on", p.cutoff_from AS "p.cutoff_from", p.cutoff_to AS "p.cutoff_to",
		p.unit_deadline AS "p.unit_deadline", p.snv_deadline AS "p.snv_deadline", p.locks_on AS "p.locks_on",
		u.name AS unit_name, u.kind AS unit_kind, x.deadline AS ex_deadline, x.locks_on AS ex_locks_on
		FROM reports r JOIN report_periods p ON p.id = r.period_id JOIN units u ON u.id = r.unit_id
		LEFT JOIN report_period_exceptions x ON x.period_id = r.period_id AND x.unit_id = r.unit_id
		WHERE r.id = ?`+lock), id)
	if err != nil {
		return change{}, fmt.Errorf("report: lock report %d: %w", id, db.NotFound(err))
	}
	c := change{r: row.Report, period: row.Period, unit: reportUnit{Name: row.UnitName, Kind: row.UnitKind},
		deadline: row.Period.UnitDeadline, locksOn: row.Period.LocksOn}
	if row.ExDeadline != nil && row.ExLocksOn != nil {
		c.deadline, c.locksOn = *row.ExDeadline, *row.ExLocksOn
	}
	return c, loadContent(ctx, tx, &c.r)
}

// editable refuses a change of content when c's report is not a draft or
// returned, or when its period is locked for its unit on day today.
func (c change) editable(today civil.Date, verb string) error {
	switch c.r.Status {
	case StatusSubmitted:
		return valid.Problemf("Báo cáo đã nộp, đang chờ xem xét: không thể " + verb + ".")
	case StatusAccepted:
		return valid.Problemf("Báo cáo đã được chấp nhận và khóa: không thể " + verb + ".")
	}
	if today.After(c.locksOn) {
		return valid.Problemf(fmt.Sprintf("Kỳ báo cáo %s đã khóa từ ngày %s: không thể %s. Hãy đề nghị Sở Nội vụ gia hạn.",
			c.period.Title, c.locksOn.AddDays(1).VN(), verb))
	}
	return nil
}

// SaveDraft stores values and texts into the draft or returned report id
// (autosave): each code named is set, codes not named keep what they had,
// and an empty text clears its field. Codes not in the report's form
// version, rates (always computed), indicators the unit's kind does not
// report and negative numbers are refused with valid.Errors keyed
// "value.<code>" or "text.<code>"; a report submitted or accepted, or of a
// locked period, is refused with a valid.Problem. The change is audited.
func (s *Store) SaveDraft(ctx context.Context, id int64, values map[string]int64, texts map[string]string, userID int64) (Report, error) {
	var saved Report
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := withActor(ctx, tx, userID)
		if err != nil {
			return err
		}
		c, err := lockReport(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := c.editable(s.today(), "sửa"); err != nil {
			return err
		}
		def, err := s.Definition(ctx, tx, c.r.FormVersionID)
		if err != nil {
			return err
		}
		texts, err = checkContent(def, c.unit.Kind, values, texts)
		if err != nil {
			return err
		}
		if err := writeContent(ctx, tx, id, values, texts); err != nil {
			return err
		}
		saved = c.r
		saved.UpdatedAt = db.Now()
		maps.Copy(saved.Values, values)
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE reports SET updated_at = ?, figures = ? WHERE id = ?`),
			saved.UpdatedAt, EncodeFigures(saved.Values), id); err != nil {
			return fmt.Errorf("report: save draft %d: %w", id, err)
		}
		for code, t := range texts {
			if t == "" {
				delete(saved.Texts, code)
			} else {
				saved.Texts[code] = t
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "report", EntityID: id,
			Summary: fmt.Sprintf("Lưu nháp báo cáo %s của %s", c.period.Title, c.unit.Name),
			After:   snapshot{Values: values, Texts: texts}})
	})
	if err != nil {
		return Report{}, err
	}
	return saved, nil
}

// checkContent returns texts cleaned (Unicode NFC, trimmed) and what is
// wrong with values and texts under def for a unit of kind.
func checkContent(def Definition, kind string, values map[string]int64, texts map[string]string) (map[string]string, error) {
	errs := valid.Errors{}
	for code, v := range values {
		field := "value." + code
		ind, ok := def.Indicator(code)
		switch {
		case !ok:
			errs.Add(field, "Chỉ tiêu “"+code+"” không có trong biểu mẫu.")
		case ind.Kind == KindRate:
			errs.Add(field, "“"+ind.Label+"” là tỷ lệ, được tính tự động: không nhập.")
		case !appliesTo(ind, kind):
			errs.Add(field, "“"+ind.Label+"” không áp dụng cho loại đơn vị này.")
		case v < 0:
			errs.Add(field, "“"+ind.Label+"” không được âm.")
		}
	}
	narratives := map[string]string{}
	for _, sec := range def.Sections {
		for _, n := range sec.Narratives {
			narratives[n.Code] = n.Label
		}
	}
	clean := make(map[string]string, len(texts))
	for code, body := range texts {
		field := "text." + code
		label, ok := narratives[code]
		body = strings.TrimSpace(strings.ReplaceAll(vn.NFC(body), "\r\n", "\n"))
		switch {
		case !ok:
			errs.Add(field, "Mục “"+code+"” không có trong biểu mẫu.")
		case utf8.RuneCountInString(body) > MaxTextLen:
			errs.Add(field, "“"+label+"” dài quá "+strconv.Itoa(MaxTextLen)+" ký tự.")
		}
		clean[code] = body
	}
	return clean, errs.Err()
}

// Submit sends the draft or returned report id to the level above. The
// form's rules (Definition.Check) must hold: failures come back as
// valid.Errors naming the fields. A report of a locked period, or already
// submitted or accepted, is refused with a valid.Problem. Whether it is on
// time (on or before the unit's deadline, its exception winning) is decided
// at the first submission and kept after a return; submitted_at is the
// latest submission. A "submit" event keeps a snapshot of the values and
// texts. The change is audited.
func (s *Store) Submit(ctx context.Context, id, userID int64) (Report, error) {
	today := s.today()
	var submitted Report
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := withActor(ctx, tx, userID)
		if err != nil {
			return err
		}
		c, err := lockReport(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := c.editable(today, "nộp"); err != nil {
			return err
		}
		def, err := s.Definition(ctx, tx, c.r.FormVersionID)
		if err != nil {
			return err
		}
		if errs := def.Check(c.r.Values); len(errs) > 0 {
			return errs
		}
		onTime := c.r.OnTime
		if onTime == nil {
			v := !today.After(c.deadline)
			onTime = &v
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE reports SET status = ?, submitted_at = ?, on_time = ?, updated_at = ?
			WHERE id = ?`), StatusSubmitted, now, *onTime, now, id); err != nil {
			return fmt.Errorf("report: submit report %d: %w", id, err)
		}
		submitted = c.r
		submitted.Status, submitted.SubmittedAt, submitted.OnTime, submitted.UpdatedAt = StatusSubmitted, &now, onTime, now
		snap, err := json.Marshal(snapshot{Values: c.r.Values, Texts: c.r.Texts})
		if err != nil {
			return fmt.Errorf("report: snapshot of report %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, EventSubmit, userID, "", string(snap)); err != nil {
			return err
		}
		summary := fmt.Sprintf("Nộp báo cáo %s của %s", c.period.Title, c.unit.Name)
		if c.r.Status == StatusReturned {
			summary = fmt.Sprintf("Nộp lại báo cáo %s của %s", c.period.Title, c.unit.Name)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "report", EntityID: id, Summary: summary,
			Before: map[string]any{"status": c.r.Status},
			// The values as submitted are in the event's snapshot; the trail
			// records the change of status.
			After: map[string]any{"status": StatusSubmitted, "on_time": *onTime}})
	})
	if err != nil {
		return Report{}, err
	}
	return submitted, nil
}

// Return sends the submitted report id back to its unit with comment,
// which is required (valid.Errors on "comment"). The unit may then edit
// and resubmit it (while the period is not locked for it). Reviews are
// allowed after the period locks. The change is audited and recorded as a "return" event.
func (s *Store) Return(ctx context.Context, id int64, comment string, userID int64) (Report, error) {
	comment = strings.TrimSpace(strings.ReplaceAll(vn.NFC(comment), "\r\n", "\n"))
	if comment == "" {
		return Report{}, valid.Errors{"comment": "Hãy ghi lý do trả lại báo cáo."}
	}
	if utf8.RuneCountInString(comment) > MaxTextLen {
		return Report{}, valid.Errors{"comment": "Ý kiến dài quá " + strconv.Itoa(MaxTextLen) + " ký tự."}
	}
	return s.review(ctx, id, userID, StatusReturned, EventReturn, comment)
}

// Accept accepts the submitted report id, which locks it for good. The
// change is audited and recorded as an "accept" event.
func (s *Store) Accept(ctx context.Context, id, userID int64) (Report, error) {
	return s.review(ctx, id, userID, StatusAccepted, EventAccept, "")
}

// review moves the submitted report id to status, recording event.
func (s *Store) review(ctx context.Context, id, userID int64, status, event, comment string) (Report, error) {
	var reviewed Report
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := withActor(ctx, tx, userID)
		if err != nil {
			return err
		}
		c, err := lockReport(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.r.Status != StatusSubmitted {
			return valid.Problemf("Chỉ xem xét được báo cáo đã nộp; báo cáo này đang ở trạng thái “" + StatusLabel(c.r.Status) + "”.")
		}
		now := db.Now()
		var acceptedAt *time.Time
		summary := fmt.Sprintf("Trả lại báo cáo %s của %s", c.period.Title, c.unit.Name)
		if status == StatusAccepted {
			acceptedAt = &now
			summary = fmt.Sprintf("Chấp nhận báo cáo %s của %s", c.period.Title, c.unit.Name)
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE reports SET status = ?, accepted_at = ?, updated_at = ? WHERE id = ?`),
			status, acceptedAt, now, id); err != nil {
			return fmt.Errorf("report: %s report %d: %w", event, id, err)
		}
		reviewed = c.r
		reviewed.Status, reviewed.AcceptedAt, reviewed.UpdatedAt = status, acceptedAt, now
		if err := addEvent(ctx, tx, id, event, userID, comment, ""); err != nil {
			return err
		}
		after := map[string]any{"status": status}
		if comment != "" {
			after["comment"] = comment
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "report", EntityID: id, Summary: summary,
			Before: map[string]any{"status": c.r.Status}, After: after})
	})
	if err != nil {
		return Report{}, err
	}
	return reviewed, nil
}

// StatusLabels gives the Vietnamese label of each report status.
var StatusLabels = map[string]string{
	StatusDraft:     "Đang soạn",
	StatusSubmitted: "Đã nộp",
	StatusReturned:  "Bị trả lại",
	StatusAccepted:  "Đã chấp nhận",
}

// StatusLabel returns the Vietnamese label of status, or status itself when
// unknown.
func StatusLabel(status string) string {
	if l, ok := StatusLabels[status]; ok {
		return l
	}
	return status
}

// Events returns the history of report id, oldest first.
func (s *Store) Events(ctx context.Context, id int64) ([]Event, error) {
	var es []Event
	if err := s.db.SelectContext(ctx, &es, s.db.Rebind(`SELECT id, report_id, action, user_id, comment, at, snapshot
		FROM report_events WHERE report_id = ? ORDER BY at, id`), id); err != nil {
		return nil, fmt.Errorf("report: events of report %d: %w", id, err)
	}
	return es, nil
}

// Content returns the values and texts kept in a submission event's
// snapshot (empty maps for other events).
func (e Event) Content() (map[string]int64, map[string]string, error) {
	snap := snapshot{Values: map[string]int64{}, Texts: map[string]string{}}
	if e.Snapshot != "" {
		if err := json.Unmarshal([]byte(e.Snapshot), &snap); err != nil {
			return nil, nil, fmt.Errorf("report: snapshot of event %d: %w", e.ID, err)
		}
	}
	return snap.Values, snap.Texts, nil
}
