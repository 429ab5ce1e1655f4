package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/report"
	"cchc/internal/vn"
)

// The demo's periodic reports: last year's and this year's quarterly,
// 6-month and annual reports on the default form (report.DefaultFormCode)
// of every agency, district and commune that was active in the period.
// Figures follow each unit's quarters — dossiers carried over from one
// quarter to the next, half-year and annual reports summing their
// quarters — so a parent's consolidation and its children's reports tell
// one story. They are written in bulk (multi-row INSERT) in the build's
// transaction, without audit entries, like the rest of the seed's history.

// reportKinds are the period kinds the demo reports on.
var reportKinds = []string{report.PeriodQuarter, report.PeriodHalf, report.PeriodYear}

// reportUnit is a unit that may send the default form.
type reportUnit struct {
	ID       int64      `db:"id"`
	Name     string     `db:"name"`
	Kind     string     `db:"kind"`
	From     civil.Date `db:"active_from"`
	To       civil.Date `db:"active_to"`
	Reviewer bool       `db:"-"`
}

// activeIn returns how much of the days from..to unit u was active, 0..1.
func (u reportUnit) activeIn(from, to civil.Date) float64 {
	start, end := latest(from, u.From), to
	if !u.To.IsZero() {
		end = earliest(to, u.To)
	}
	if end.Before(start) {
		return 0
	}
	days := func(a, b civil.Date) float64 { return b.Time().Sub(a.Time()).Hours()/24 + 1 }
	return days(start, end) / days(from, to)
}

// quarterFigures are one unit's figures for one quarter.
type quarterFigures map[string]int64

// Codes whose value for several quarters is the last quarter's (a stock,
// not a flow); dossiers_carried takes the first quarter's.
var stockCodes = []string{"procedures_published", "services_full_online", "services_partial_online", "units_iso",
	"units_autonomous", "in_progress_within", "in_progress_overdue"}

// reportHash is the demo's deterministic dice for key.
func reportHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// roll returns a number in lo..hi decided by key.
func roll(key string, lo, hi int64) int64 {
	return lo + int64(reportHash(key)%uint64(hi-lo+1))
}

// size is the scale of a unit's activity: a commune 1, a district 4, an
// agency between 0.5 and 4 depending on how many procedures it handles.
func size(u reportUnit) float64 {
	switch u.Kind {
	case "district":
		return 4
	case "agency":
		return float64(roll("size"+strconv.FormatInt(u.ID, 10), 5, 40)) / 10
	}
	return 1
}

// quarterOf returns unit u's figures for quarter q, given the dossiers
// carried over from the quarter before and the share of the quarter the
// unit was active. Every form rule holds for them.
func quarterOf(u reportUnit, q report.Period, carried int64, share float64) quarterFigures {
	key := fmt.Sprintf("%d/%s/", u.ID, q)
	s := size(u)
	n := func(code string, lo, hi int64) int64 {
		return int64(float64(roll(key+code, lo, hi)) * s * share)
	}
	f := quarterFigures{"dossiers_carried": carried}
	f["dossiers_online"] = n("online", 180, 420) + int64(q.Year-2025)*n("growth", 30, 60)
	f["dossiers_in_person"] = n("in_person", 90, 260)
	f["dossiers_post"] = n("post", 0, 12)
	total := carried + f["dossiers_online"] + f["dossiers_in_person"] + f["dossiers_post"]
	pending := total * roll(key+"pending", 4, 11) / 100
	overdue := pending * roll(key+"overdue", 0, 12) / 100
	f["in_progress_within"], f["in_progress_overdue"] = pending-overdue, overdue
	processed := total - pending
	f["dossiers_processed"] = processed
	f["processed_late"] = processed * roll(key+"late", 0, 30) / 1000
	f["processed_early"] = (processed - f["processed_late"]) * roll(key+"early", 35, 70) / 100
	f["processed_on_time"] = processed - f["processed_late"] - f["processed_early"]
	f["apology_slips"] = f["processed_late"] * roll(key+"apology", 60, 100) / 100
	f["procedures_published"] = int64(float64(roll(fmt.Sprint(u.ID, "procedures"), 95, 130)) * s)
	f["feedback_received"] = n("feedback", 0, 4)
	f["feedback_handled"] = f["feedback_received"] - min(f["feedback_received"], roll(key+"open", 0, 1))
	f["tasks_due"] = roll(key+"tasks", 2, 9)
	f["tasks_done_on_time"] = f["tasks_due"] - min(f["tasks_due"], roll(key+"tasks_late", 0, 2))
	f["legal_docs_issued"] = n("legal", 0, 2)
	f["legal_docs_reviewed"] = n("reviewed", 1, 6)
	f["units_reorganized"] = roll(key+"reorganized", 0, 1)
	f["staff_trained"] = n("trained", 3, 15)
	f["budget_spent"] = n("budget", 20, 90) * 1_000_000
	f["docs_exchanged"] = n("docs", 250, 600)
	f["docs_exchanged_electronic"] = f["docs_exchanged"] * roll(key+"electronic", 88, 100) / 100
	f["units_iso"] = 1
	if u.Kind != "commune" {
		f["units_inspected"] = roll(key+"inspected", 1, 6)
		f["issues_found"] = roll(key+"issues", 0, 8)
		f["issues_handled"] = f["issues_found"] - min(f["issues_found"], roll(key+"unhandled", 0, 2))
		f["units_autonomous"] = roll(fmt.Sprint(u.ID, "autonomous"), 1, 6)
	}
	if u.Kind == "agency" {
		f["services_full_online"] = int64(float64(roll(fmt.Sprint(u.ID, "full"), 20, 60)) * s)
		f["services_partial_online"] = int64(float64(roll(fmt.Sprint(u.ID, "partial"), 5, 30)) * s)
	}
	return f
}

// periodFigures sums quarters into the figures of a longer period: flows
// are summed, stocks taken from the last quarter and the dossiers carried
// over from the first. It keeps only codes the form has for the unit's
// kind.
func periodFigures(quarters []quarterFigures, def report.Definition, kind string) map[string]int64 {
	out := map[string]int64{}
	for _, in := range def.Indicators() {
		if in.Kind == report.KindRate || len(in.UnitKinds) > 0 && !slices.Contains(in.UnitKinds, kind) {
			continue
		}
		for i, q := range quarters {
			switch {
			case in.Code == "dossiers_carried":
				if i == 0 {
					out[in.Code] = q[in.Code]
				}
			case slices.Contains(stockCodes, in.Code):
				out[in.Code] = q[in.Code]
			default:
				out[in.Code] += q[in.Code]
			}
		}
	}
	return out
}

// reportsBuilder writes the demo reports inside the build's transaction.
type reportsBuilder struct {
	ctx   context.Context
	tx    *sqlx.Tx
	today civil.Date
	form  report.Form

	units    []reportUnit
	officer  map[int64]int64 // the demo officer's user id by unit
	reviewer int64           // Sở Nội vụ's coordinator, who returns and accepts
	quarters map[int64]map[report.Period]quarterFigures

	reports []demoReport
}

// demoReport is a report to write with its content and history.
type demoReport struct {
	unit   reportUnit
	period report.PeriodRow
	status string
	onTime *bool
	values map[string]int64
	texts  map[string]string
	events []demoEvent
}

// demoEvent is an entry of a demo report's history.
type demoEvent struct {
	action, comment string
	user            int64
	at              time.Time
}

// buildReports writes two years of reports (the year before today's and
// today's, periods that have started by today) on the default form, then
// a thematic request still open (buildThematic).
func buildReports(ctx context.Context, tx *sqlx.Tx, today civil.Date) error {
	b := &reportsBuilder{ctx: ctx, tx: tx, today: today, officer: map[int64]int64{},
		quarters: map[int64]map[report.Period]quarterFigures{}}
	if err := report.EnsureDefaults(ctx, tx); err != nil {
		return fmt.Errorf("demo: report defaults: %w", err)
	}
	var periods []report.PeriodRow
	for _, y := range []int{today.Year - 1, today.Year} {
		if err := report.EnsurePeriods(ctx, tx, y); err != nil {
			return fmt.Errorf("demo: periods of %d: %w", y, err)
		}
		for _, kind := range reportKinds {
			for _, p := range report.PeriodsOf(kind, y) {
				row, err := report.PeriodByCode(ctx, tx, p.String())
				if err != nil {
					return fmt.Errorf("demo: period %s: %w", p, err)
				}
				if !row.StartsOn.After(today) {
					periods = append(periods, row)
				}
			}
		}
	}
	if err := b.load(); err != nil {
		return err
	}
	for _, p := range periods {
		for _, u := range b.units {
			if err := b.plan(u, p); err != nil {
				return err
			}
		}
	}
	if err := b.write(); err != nil {
		return err
	}
	return b.buildThematic()
}

// load reads the form, the units that send it and the demo accounts.
func (b *reportsBuilder) load() error {
	var err error
	if b.form, err = report.FormByCodeWith(b.ctx, b.tx, report.DefaultFormCode); err != nil {
		return fmt.Errorf("demo: default report form: %w", err)
	}
	q, args, err := sqlx.In(`SELECT id, name, kind, active_from, active_to FROM units WHERE kind IN (?) ORDER BY id`, b.form.Kinds())
	if err != nil {
		return fmt.Errorf("demo: report units: %w", err)
	}
	if err := b.tx.SelectContext(b.ctx, &b.units, b.tx.Rebind(q), args...); err != nil {
		return fmt.Errorf("demo: report units: %w", err)
	}
	var users []struct {
		ID       int64  `db:"id"`
		Unit     int64  `db:"unit_id"`
		Username string `db:"username"`
	}
	if err := b.tx.SelectContext(b.ctx, &users, `SELECT id, unit_id, username FROM users`); err != nil {
		return fmt.Errorf("demo: report accounts: %w", err)
	}
	for _, u := range users {
		switch {
		case u.Username == "snv":
			b.reviewer = u.ID
		case slices.ContainsFunc(demoUsers, func(d demoUser) bool { return d.Username == u.Username && d.Role == auth.RoleOfficer }):
			b.officer[u.Unit] = u.ID
		}
	}
	return nil
}

// figures returns unit u's figures for period p, from its quarters.
func (b *reportsBuilder) figures(u reportUnit, p report.PeriodRow) map[string]int64 {
	pp, _ := report.ParsePeriod(p.Code)
	if b.quarters[u.ID] == nil {
		b.quarters[u.ID] = map[report.Period]quarterFigures{}
	}
	var in []quarterFigures
	var carried int64
	for y := b.today.Year - 1; y <= pp.Year; y++ {
		for _, q := range report.PeriodsOf(report.PeriodQuarter, y) {
			share := u.activeIn(q.Start(), q.End())
			if share == 0 {
				continue
			}
			f, ok := b.quarters[u.ID][q]
			if !ok {
				if carried == 0 {
					carried = int64(float64(roll(fmt.Sprint(u.ID, "carried"), 10, 40)) * size(u))
				}
				f = quarterOf(u, q, carried, share)
				b.quarters[u.ID][q] = f
			}
			carried = f["in_progress_within"] + f["in_progress_overdue"]
			if !q.Start().Before(p.StartsOn) && !q.End().After(p.EndsOn) {
				in = append(in, f)
			}
		}
	}
	return periodFigures(in, b.form.Definition, u.Kind)
}

// at returns day d at hour h in Vietnam, in UTC.
func at(d civil.Date, h int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, h, int(reportHash(d.String())%50), 0, 0, vn.Location()).UTC()
}

// Fates of a report in a period whose deadline has passed, out of 100.
const (
	fateMissing  = 6  // no report at all
	fateDraft    = 9  // opened, never submitted
	fateLate     = 21 // submitted after the deadline
	fateReturned = 25 // returned once with comments, then submitted again
)

// plan decides what unit u did about period p and queues the report.
func (b *reportsBuilder) plan(u reportUnit, p report.PeriodRow) error {
	if u.activeIn(p.StartsOn, p.EndsOn) == 0 {
		return nil
	}
	key := fmt.Sprint(u.ID, "/", p.Code)
	dice := reportHash(key+"fate") % 100
	r := demoReport{unit: u, period: p, values: b.figures(u, p)}
	if errs := b.form.Definition.Check(r.values); len(errs) > 0 {
		return fmt.Errorf("demo: figures of unit %d for %s break the form's rules: %v", u.ID, p.Code, errs)
	}
	r.texts = narratives(u, p, r.values)
	user := b.officer[u.ID]
	lastDay := p.UnitDeadline
	if !u.To.IsZero() && u.To.Before(lastDay) {
		// The unit ended before the deadline: it sent its report on its last day.
		lastDay, dice = u.To, 99
	}
	open := !b.today.After(p.UnitDeadline)
	switch {
	case open && b.officer[u.ID] != 0:
		return nil // left for the demo's officers to fill in themselves
	case open && dice < 40:
		return nil
	case open && dice < 70:
		r.status = report.StatusDraft
		r.events = []demoEvent{{action: report.EventCreate, user: user, at: at(b.today.AddDays(-int(dice%9)), 8)}}
	case open:
		sent := earliest(b.today.AddDays(-int(dice%5)), p.UnitDeadline)
		r.events = []demoEvent{{action: report.EventCreate, user: user, at: at(sent.AddDays(-6), 8)},
			{action: report.EventSubmit, user: user, at: at(sent, 15)}}
		r.status, r.onTime = report.StatusSubmitted, ptr(true)
		if dice >= 95 && b.today.After(sent) {
			r.status = report.StatusReturned
			r.events = append(r.events, b.returned(key, b.today))
		}
	case dice < fateMissing:
		return nil
	case dice < fateDraft:
		r.status = report.StatusDraft
		r.events = []demoEvent{{action: report.EventCreate, user: user, at: at(p.UnitDeadline.AddDays(-10), 8)}}
	default:
		sent := lastDay.AddDays(-int(dice % 6))
		r.onTime = ptr(true)
		if dice >= fateDraft && dice < fateLate {
			sent, r.onTime = p.UnitDeadline.AddDays(1+int(dice%12)), ptr(false)
		}
		r.events = []demoEvent{{action: report.EventCreate, user: user, at: at(sent.AddDays(-7), 8)},
			{action: report.EventSubmit, user: user, at: at(sent, 16)}}
		if dice >= fateLate && dice < fateReturned {
			r.events = append(r.events, b.returned(key, sent.AddDays(2)),
				demoEvent{action: report.EventSubmit, user: user, at: at(sent.AddDays(4), 10)})
			sent = sent.AddDays(4)
		}
		r.status = report.StatusSubmitted
		// Sở Nội vụ reviews within three weeks; the last ones are still waiting.
		if reviewed := sent.AddDays(3 + int(dice%18)); reviewed.Before(b.today) {
			r.status = report.StatusAccepted
			r.events = append(r.events, demoEvent{action: report.EventAccept, user: b.reviewer, at: at(reviewed, 14)})
		}
	}
	b.reports = append(b.reports, r)
	return nil
}

// returnComments are what Sở Nội vụ writes when it returns a report.
var returnComments = []string{
	"Số hồ sơ giải quyết trước hạn, đúng hạn chưa khớp với số liệu trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh. Đề nghị rà soát, cập nhật lại.",
	"Phần tồn tại, hạn chế còn chung chung, chưa nêu rõ nguyên nhân chủ quan. Đề nghị bổ sung.",
	"Chưa báo cáo kết quả khắc phục các tồn tại sau kiểm tra công tác cải cách hành chính. Đề nghị bổ sung trước khi nộp lại.",
	"Kinh phí thực hiện cải cách hành chính chưa tách riêng nguồn ngân sách tỉnh và nguồn của đơn vị. Đề nghị làm rõ.",
}

func (b *reportsBuilder) returned(key string, day civil.Date) demoEvent {
	return demoEvent{action: report.EventReturn, user: b.reviewer, at: at(day, 10),
		comment: returnComments[reportHash(key+"comment")%uint64(len(returnComments))]}
}

func ptr[T any](v T) *T { return &v }

// write inserts the queued reports, then their values, texts and events.
func (b *reportsBuilder) write() error {
	if len(b.reports) == 0 {
		return nil
	}
	var rows [][]any
	for _, r := range b.reports {
		first, last := r.events[0].at, r.events[len(r.events)-1].at
		var submittedAt, acceptedAt *time.Time
		for _, e := range r.events {
			switch e.action {
			case report.EventSubmit:
				submittedAt = &e.at
			case report.EventAccept:
				acceptedAt = &e.at
			}
		}
		rows = append(rows, []any{b.form.ID, b.form.VersionID, r.period.ID, r.unit.ID, r.status, submittedAt, r.onTime,
			acceptedAt, first, last, report.EncodeFigures(r.values)})
	}
	if err := insertRows(b.ctx, b.tx, "reports", []string{"form_id", "form_version_id", "period_id", "unit_id", "status",
		"submitted_at", "on_time", "accepted_at", "created_at", "updated_at", "figures"}, rows); err != nil {
		return err
	}
	var ids []struct {
		ID     int64 `db:"id"`
		Period int64 `db:"period_id"`
		Unit   int64 `db:"unit_id"`
	}
	if err := b.tx.SelectContext(b.ctx, &ids, b.tx.Rebind(`SELECT id, period_id, unit_id FROM reports WHERE form_id = ?`), b.form.ID); err != nil {
		return fmt.Errorf("demo: report ids: %w", err)
	}
	byKey := make(map[[2]int64]int64, len(ids))
	for _, r := range ids {
		byKey[[2]int64{r.Period, r.Unit}] = r.ID
	}
	var values, texts, events [][]any
	for _, r := range b.reports {
		id := byKey[[2]int64{r.period.ID, r.unit.ID}]
		for _, code := range sortedKeys(r.values) {
			values = append(values, []any{id, code, r.values[code]})
		}
		for _, code := range sortedKeys(r.texts) {
			texts = append(texts, []any{id, code, r.texts[code]})
		}
		for _, e := range r.events {
			snap := ""
			if e.action == report.EventSubmit {
				js, err := json.Marshal(map[string]any{"values": r.values, "texts": r.texts})
				if err != nil {
					return fmt.Errorf("demo: snapshot of report %d: %w", id, err)
				}
				snap = string(js)
			}
			var user *int64
			if e.user != 0 {
				user = &e.user
			}
			events = append(events, []any{id, e.action, user, e.comment, snap, e.at})
		}
	}
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"report_values", []string{"report_id", "code", "value"}, values},
		{"report_texts", []string{"report_id", "code", "body"}, texts},
		{"report_events", []string{"report_id", "action", "user_id", "comment", "snapshot", "at"}, events},
	} {
		if err := insertRows(b.ctx, b.tx, t.table, t.cols, t.rows); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// insertRows inserts rows into table with multi-row INSERT statements of
// at most 500 rows: bigger statements cost SQLite more to bind than they
// save.
func insertRows(ctx context.Context, tx *sqlx.Tx, table string, cols []string, rows [][]any) error {
	per := min(30000/len(cols), 500)
	one := "(?" + strings.Repeat(", ?", len(cols)-1) + ")"
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		args := make([]any, 0, len(chunk)*len(cols))
		for _, r := range chunk {
			args = append(args, r...)
		}
		query := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(one+", ", len(chunk)), ", ")
		if _, err := tx.ExecContext(ctx, tx.Rebind(query), args...); err != nil {
			return fmt.Errorf("demo: insert %d rows into %s: %w", len(chunk), table, err)
		}
	}
	return nil
}
