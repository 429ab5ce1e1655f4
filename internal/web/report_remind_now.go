package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/jmoiron/sqlx"

	"cchc/internal/notify"
)

// reportRemind sends, now, a reminder notification (and its e-mail when
// mail is set up) to the officers of the units of the chased scope that
// have not sent their report — all of them, or only the unit "only" — and
// comes back to the chasing page with what was sent. A unit's officers are
// reminded at most once a day per period and form, however often the
// button is pressed. Only reviewers may do it.
func (h *Handler) reportRemind(w http.ResponseWriter, r *http.Request) {
	s, ok := h.readScope(w, r, func(id int64) bool { return h.canChase(r, id) })
	if !ok {
		return
	}
	back := "/reports/timeliness?" + string(s.Query())
	if s.Form.ID == 0 || s.Period.ID == 0 {
		h.redirectFlash(w, r, back, "error", "Chưa chọn biểu mẫu và kỳ báo cáo để nhắc.")
		return
	}
	ctx := r.Context()
	t, err := h.app.Reports.TimelinessOf(ctx, s.Unit.ID, s.Period, s.Form)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	only, _ := strconv.ParseInt(r.FormValue("only"), 10, 64)
	officers, err := h.unitOfficers(ctx, s.Unit.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	sender := "Sở Nội vụ"
	if u, err := h.app.Units.Get(ctx, user(r).UnitID); err == nil {
		sender = u.Name
	}
	today := h.reportToday()
	var units, sent, already, noOfficer int
	err = h.app.DB.InTx(ctx, func(tx *sqlx.Tx) error {
		for _, m := range t.Missing {
			if only != 0 && m.UnitID != only {
				continue
			}
			units++
			if len(officers[m.UnitID]) == 0 {
				noOfficer++
				continue
			}
			body := fmt.Sprintf("%s nhắc %s gửi báo cáo “%s” %s. Hạn gửi: %s", sender, m.Name, s.Form.Title, s.Period.Title, m.Deadline.VN())
			if late := int(today.Time().Sub(m.Deadline.Time()).Hours() / 24); late > 0 {
				body += fmt.Sprintf(" (đã quá hạn %d ngày)", late)
			}
			body += "."
			for _, o := range officers[m.UnitID] {
				n := notify.Notification{UserID: o.ID, Kind: "reminder", Title: "Nhắc gửi báo cáo " + s.Period.Title, Body: body,
					Link:      "/reports?" + s.periodQuery(),
					DedupeKey: fmt.Sprintf("report-remind:%s:%s:%d:%d:%s", s.Form.Code, s.Period.Code, m.UnitID, o.ID, today.String())}
				isNew, err := h.app.Notify.Send(ctx, tx, n, o.Email)
				if err != nil {
					return err
				}
				if isNew {
					sent++
				} else {
					already++
				}
			}
		}
		return nil
	})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	kind, msg := remindMessage(units, sent, already, noOfficer)
	h.redirectFlash(w, r, back, kind, msg)
}

// periodQuery returns the form and period as the report list reads them.
func (s reportScope) periodQuery() string {
	return url.Values{"form": {s.Form.Code}, "period": {s.Period.Code}}.Encode()
}

// remindMessage says what a reminder run did: units is how many missing
// units were chased, sent and already the reminders created now and
// earlier today, noOfficer the units without an officer account.
func remindMessage(units, sent, already, noOfficer int) (kind, msg string) {
	switch {
	case units == 0:
		return "info", "Không có đơn vị nào chưa gửi báo cáo để nhắc."
	case sent > 0:
		msg = fmt.Sprintf("Đã gửi nhắc nhở đến %d cán bộ của %d đơn vị chưa gửi báo cáo.", sent, units-noOfficer)
		kind = "success"
	case already > 0:
		msg = "Hôm nay các cán bộ này đã được nhắc; mỗi ngày chỉ gửi một lần nhắc cho mỗi cán bộ."
		kind = "info"
	default:
		kind = "error"
	}
	if noOfficer > 0 {
		if msg != "" {
			msg += " "
		}
		msg += fmt.Sprintf("%d đơn vị chưa có tài khoản cán bộ nên không nhận được nhắc nhở; hãy liên hệ qua điện thoại hoặc thư điện tử.", noOfficer)
	}
	return kind, msg
}
