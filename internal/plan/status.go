package plan

import "cchc/internal/civil"

// StatusCode is the state of a work item as users know it from Vietnamese
// task-tracking software. It is derived from dates, never stored.
type StatusCode string

// The states, in the order they are shown.
const (
	NotDue     StatusCode = "not_due"      // chưa đến hạn: today is before the start
	InProgress StatusCode = "in_progress"  // đang thực hiện, within the deadline
	Overdue    StatusCode = "overdue"      // quá hạn: past the due day, not completed
	DoneOnTime StatusCode = "done_on_time" // hoàn thành đúng hạn
	DoneLate   StatusCode = "done_late"    // hoàn thành quá hạn
	Paused     StatusCode = "paused"       // tạm dừng, with a reason
	Cancelled  StatusCode = "cancelled"    // hủy, with a reason
)

// Statuses lists every StatusCode in display order.
var Statuses = []StatusCode{NotDue, InProgress, Overdue, DoneOnTime, DoneLate, Paused, Cancelled}

// StatusLabels gives the Vietnamese label of each StatusCode.
var StatusLabels = map[StatusCode]string{
	NotDue:     "Chưa đến hạn",
	InProgress: "Đang thực hiện",
	Overdue:    "Quá hạn",
	DoneOnTime: "Hoàn thành đúng hạn",
	DoneLate:   "Hoàn thành quá hạn",
	Paused:     "Tạm dừng",
	Cancelled:  "Hủy",
}

// Label returns the Vietnamese label of c, or "" for an unknown code.
func (c StatusCode) Label() string { return StatusLabels[c] }

// Valid reports whether c is one of Statuses.
func (c StatusCode) Valid() bool { _, ok := StatusLabels[c]; return ok }

// Hold values of a work item: none (running), paused or cancelled.
const (
	HoldNone      = ""
	HoldPaused    = "paused"
	HoldCancelled = "cancelled"
)

// StatusInput is what the state of a work item depends on.
type StatusInput struct {
	Start, Due  civil.Date // zero: no start, no due day
	Percent     int
	CompletedOn civil.Date // zero: not completed
	Hold        string     // HoldNone, HoldPaused or HoldCancelled
}

// Status returns the state of it on day today. The rules, in order:
// a hold wins (cancelled, then paused); a completed item (CompletedOn set, or
// Percent 100) is done on time when completed on or before its due day (or it
// has none) and late otherwise; an open item is not yet due before its start,
// overdue after its due day, and in progress otherwise. The due day itself is
// still in time, and an item without a due day is never overdue.
//
// statusCondition expresses the same rules in SQL; the two must agree.
func Status(today civil.Date, it StatusInput) StatusCode {
	switch {
	case it.Hold == HoldCancelled:
		return Cancelled
	case it.Hold == HoldPaused:
		return Paused
	case !it.CompletedOn.IsZero():
		if it.Due.IsZero() || !it.CompletedOn.After(it.Due) {
			return DoneOnTime
		}
		return DoneLate
	case it.Percent >= 100:
		return DoneOnTime
	case !it.Start.IsZero() && today.Before(it.Start):
		return NotDue
	case !it.Due.IsZero() && today.After(it.Due):
		return Overdue
	}
	return InProgress
}

// DaysOverdue returns how many days today is past due (0 when it is not, or
// when there is no due day).
func DaysOverdue(today, due civil.Date) int {
	if due.IsZero() || !today.After(due) {
		return 0
	}
	return int(today.Time().Sub(due.Time()).Hours() / 24)
}
