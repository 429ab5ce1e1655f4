// Package plan holds reform plans (kế hoạch CCHC), their tasks (nhiệm vụ) and
// the work items that track each responsible unit's share of a task, with
// progress, evidence and the derived state (not yet due, overdue, done late
// ...). It knows nothing of HTTP: the web pages and the JSON API call Store.
//
// The model:
//   - a Plan is issued by a unit for a period; plans nest (a unit's annual
//     plan under the province's), and a closed plan is read-only;
//   - a Task belongs to a plan, may have sub-tasks, an area (lĩnh vực), a lead
//     (one unit, or a group such as "UBND cấp xã"), coordinating agencies and
//     a schedule whose words are kept next to what was understood;
//   - saving a task (re)generates its WorkItems in the same transaction: one
//     per responsible unit and, for recurring tasks, per period (year,
//     half-year, quarter, month), keeping those that already carry progress;
//   - a work item's state comes from Status, never from a stored column.
//
// Every change is one transaction and is audited inside it. Validation failures are
// valid.Errors (per field) or valid.Problem, in Vietnamese.
package plan

import (
	"regexp"
	"time"
	"unicode/utf8"

	"cchc/internal/civil"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Kinds of plan.
const (
	KindProgramme = "programme" // chương trình (10 năm)
	KindFiveYear  = "five_year" // kế hoạch giai đoạn (5 năm)
	KindAnnual    = "annual"    // kế hoạch năm
	KindThematic  = "thematic"  // kế hoạch chuyên đề (kiểm tra, tuyên truyền ...)
)

// Kinds lists the plan kinds in display order.
var Kinds = []string{KindProgramme, KindFiveYear, KindAnnual, KindThematic}

// KindLabels gives the Vietnamese name of each kind.
var KindLabels = map[string]string{
	KindProgramme: "Chương trình tổng thể",
	KindFiveYear:  "Kế hoạch giai đoạn",
	KindAnnual:    "Kế hoạch năm",
	KindThematic:  "Kế hoạch chuyên đề",
}

// Plan statuses. A draft is being written; an issued plan is in force; a
// closed plan is finished and read-only (its tasks and work items can no
// longer change) until it is reopened.
const (
	StatusDraft  = "draft"
	StatusIssued = "issued"
	StatusClosed = "closed"
)

// PlanStatuses lists the statuses in display order.
var PlanStatuses = []string{StatusDraft, StatusIssued, StatusClosed}

// PlanStatusLabels gives the Vietnamese name of each status.
var PlanStatusLabels = map[string]string{
	StatusDraft:  "Dự thảo",
	StatusIssued: "Đã ban hành",
	StatusClosed: "Đã kết thúc",
}

// transitions lists the statuses a plan may move to from each status.
var transitions = map[string][]string{
	StatusDraft:  {StatusIssued},
	StatusIssued: {StatusDraft, StatusClosed},
	StatusClosed: {StatusIssued},
}

// Plan is a reform plan issued by a unit for a period.
type Plan struct {
	ID              int64      `db:"id" json:"id"`
	Kind            string     `db:"kind" json:"kind"`
	Title           string     `db:"title" json:"title"`
	IssuingUnitID   int64      `db:"issuing_unit_id" json:"issuing_unit_id"`
	IssuingUnitName string     `db:"issuing_unit_name" json:"issuing_unit_name"`
	NumberSymbol    string     `db:"number_symbol" json:"number_symbol"` // số, ký hiệu: "1525/QĐ-UBND"
	IssuedOn        civil.Date `db:"issued_on" json:"issued_on"`
	PeriodStart     civil.Date `db:"period_start" json:"period_start"`
	PeriodEnd       civil.Date `db:"period_end" json:"period_end"`
	ParentID        *int64     `db:"parent_id" json:"parent_id"`
	Status          string     `db:"status" json:"status"`
	AreaSetID       *int64     `db:"area_set_id" json:"area_set_id"`
	SourceFileID    *int64     `db:"source_file_id" json:"source_file_id"`
	CreatedAt       time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt       time.Time  `db:"updated_at" json:"updated_at"`
}

// KindLabel returns the Vietnamese name of the plan's kind.
func (p Plan) KindLabel() string { return KindLabels[p.Kind] }

// StatusLabel returns the Vietnamese name of the plan's status.
func (p Plan) StatusLabel() string { return PlanStatusLabels[p.Status] }

// Closed reports whether the plan is read-only.
func (p Plan) Closed() bool { return p.Status == StatusClosed }

// Years returns the calendar years the plan's period touches, in order.
func (p Plan) Years() []int {
	var ys []int
	for y := p.PeriodStart.Year; y <= p.PeriodEnd.Year && len(ys) < 100; y++ {
		ys = append(ys, y)
	}
	return ys
}

// PlanInput is what a user supplies to create or change a plan. Zero ids
// mean none. Status defaults to draft on create and means "unchanged" when
// empty on update.
type PlanInput struct {
	Kind          string     `json:"kind"`
	Title         string     `json:"title"`
	IssuingUnitID int64      `json:"issuing_unit_id"`
	NumberSymbol  string     `json:"number_symbol"`
	IssuedOn      civil.Date `json:"issued_on"`
	PeriodStart   civil.Date `json:"period_start"`
	PeriodEnd     civil.Date `json:"period_end"`
	ParentID      int64      `json:"parent_id"`
	AreaSetID     int64      `json:"area_set_id"`
	Status        string     `json:"status"`
}

// Limits on plan fields.
const (
	MaxTitleLen  = 500
	MaxNumberLen = 50
)

// numberPattern is deliberately loose: documents write "1525/QĐ-UBND",
// "09/KH-UBND", "30c/NQ-CP", "Số 12/2020/KH-SNV".
var numberPattern = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}/.,()&_ –-]*$`)

// Normalize cleans the text fields in place.
func (in *PlanInput) Normalize() {
	in.Title = vn.CleanText(in.Title)
	in.NumberSymbol = vn.CleanText(in.NumberSymbol)
	in.Kind = vn.CleanText(in.Kind)
	in.Status = vn.CleanText(in.Status)
}

// Validate checks the rules that need no database. Messages are Vietnamese
// and keyed by the JSON field name.
func (in *PlanInput) Validate() valid.Errors {
	errs := valid.Errors{}
	if _, ok := KindLabels[in.Kind]; !ok {
		errs.Add("kind", "Vui lòng chọn loại kế hoạch.")
	}
	switch {
	case in.Title == "":
		errs.Add("title", "Vui lòng nhập tên kế hoạch.")
	case utf8.RuneCountInString(in.Title) > MaxTitleLen:
		errs.Add("title", "Tên kế hoạch dài tối đa 500 ký tự.")
	}
	if in.IssuingUnitID == 0 {
		errs.Add("issuing_unit_id", "Vui lòng chọn đơn vị ban hành.")
	}
	switch {
	case utf8.RuneCountInString(in.NumberSymbol) > MaxNumberLen:
		errs.Add("number_symbol", "Số, ký hiệu dài tối đa 50 ký tự.")
	case in.NumberSymbol != "" && !numberPattern.MatchString(in.NumberSymbol):
		errs.Add("number_symbol", "Số, ký hiệu chỉ gồm chữ, số và các dấu / - . (ví dụ 1525/QĐ-UBND).")
	}
	if in.PeriodStart.IsZero() {
		errs.Add("period_start", "Vui lòng nhập ngày bắt đầu của kế hoạch.")
	}
	if in.PeriodEnd.IsZero() {
		errs.Add("period_end", "Vui lòng nhập ngày kết thúc của kế hoạch.")
	}
	if !in.PeriodStart.IsZero() && !in.PeriodEnd.IsZero() && in.PeriodEnd.Before(in.PeriodStart) {
		errs.Add("period_end", "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
	}
	if in.Status != "" {
		if _, ok := PlanStatusLabels[in.Status]; !ok {
			errs.Add("status", "Trạng thái kế hoạch không hợp lệ.")
		}
	}
	if in.Status == StatusIssued || in.Status == StatusClosed {
		issuedRequirements(errs, in.NumberSymbol, in.IssuedOn)
	}
	return errs
}

// issuedRequirements adds the fields an issued plan must have.
func issuedRequirements(errs valid.Errors, number string, issuedOn civil.Date) {
	if number == "" {
		errs.Add("number_symbol", "Kế hoạch đã ban hành cần có số, ký hiệu.")
	}
	if issuedOn.IsZero() {
		errs.Add("issued_on", "Kế hoạch đã ban hành cần có ngày ban hành.")
	}
}

// contains reports whether [s, e] lies within [outerS, outerE].
func contains(outerS, outerE, s, e civil.Date) bool {
	return !s.Before(outerS) && !e.After(outerE)
}

func periodVN(s, e civil.Date) string { return s.VN() + " - " + e.VN() }
