package web

import (
	"net/http"
	"strings"

	"cchc/internal/audit"
	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/valid"
)

// auditActions and auditEntities give the Vietnamese labels of the trail's
// codes, in the order the filter offers them. Entities added by later
// modules show their code until they are named here.
var (
	auditActions = []auditLabel{
		{audit.Create, "Tạo mới"}, {audit.Update, "Cập nhật"}, {audit.Delete, "Xóa"},
		{audit.Login, "Đăng nhập"}, {audit.Logout, "Đăng xuất"}, {audit.Failed, "Đăng nhập thất bại"},
	}
	auditEntities = []auditLabel{
		{"unit", "Đơn vị"}, {"user", "Tài khoản"}, {"api_token", "Mã truy cập API"},
		{"unit_group", "Nhóm đơn vị"}, {"session", "Phiên đăng nhập"},
	}
)

type auditLabel struct{ Code, Label string }

func auditLabelOf(list []auditLabel, code string) string {
	for _, c := range list {
		if c.Code == code {
			return c.Label
		}
	}
	return code
}

// auditFilterForm is the filter bar as typed; From and To are rewritten as
// yyyy-mm-dd so the date inputs show them.
type auditFilterForm struct {
	Username, Action, Entity, EntityID, From, To string
}

type auditListData struct {
	Rows     []auditRow
	Actions  []auditLabel
	Entities []auditLabel
	Pager    pager
}

// auditRow is one recorded change as shown.
type auditRow struct {
	audit.Row
	ActionLabel string
	EntityLabel string
	EntityURL   string
	Fields      []auditField
	HasBefore   bool
	HasAfter    bool
}

func (h *Handler) auditList(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ViewAudit, 0) {
		h.forbidden(w, r)
		return
	}
	q := r.URL.Query()
	form := auditFilterForm{
		Username: strings.ToLower(strings.TrimSpace(q.Get("username"))),
		Action:   strings.TrimSpace(q.Get("action")),
		Entity:   strings.TrimSpace(q.Get("entity")),
		EntityID: strings.TrimSpace(q.Get("entity_id")),
	}
	errs := valid.Errors{}
	filter := audit.Filter{Username: form.Username, Action: form.Action, Entity: form.Entity, EntityID: form.EntityID}
	filter.From, form.From = parseFilterDate(q.Get("from"), "from", "Từ ngày", errs)
	filter.To, form.To = parseFilterDate(q.Get("to"), "to", "Đến ngày", errs)
	if !filter.From.IsZero() && !filter.To.IsZero() && filter.To.Before(filter.From) {
		errs.Add("to", "Đến ngày phải sau hoặc bằng Từ ngày.")
	}
	d := auditListData{Actions: auditActions, Entities: auditEntities, Pager: newPager(r, 50)}
	filter.Limit, filter.Offset = d.Pager.Limit, d.Pager.Offset
	rows, total, err := audit.List(r.Context(), h.app.DB, filter)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.Pager.Total = total
	for _, row := range rows {
		ar := auditRow{Row: row, ActionLabel: auditLabelOf(auditActions, row.Action), EntityLabel: auditLabelOf(auditEntities, row.Entity)}
		if row.EntityID != "" {
			switch row.Entity {
			case "unit":
				ar.EntityURL = "/units/" + row.EntityID
			case "unit_group":
				ar.EntityURL = "/groups/" + row.EntityID
			case "user":
				ar.EntityURL = "/users/" + row.EntityID + "/edit"
			}
		}
		ar.HasBefore, ar.HasAfter = row.BeforeJSON != "", row.AfterJSON != ""
		if ar.HasBefore || ar.HasAfter {
			ar.Fields = auditDiff(row.BeforeJSON, row.AfterJSON)
		}
		d.Rows = append(d.Rows, ar)
	}
	h.renderPage(w, r, http.StatusOK, "audit_list", &Page{Title: "Nhật ký hệ thống", Data: d, Form: form, Errors: errs})
}

// parseFilterDate reads an optional dd/mm/yyyy or yyyy-mm-dd filter date. A
// bad one is reported under field and not applied.
func parseFilterDate(s, field, label string, errs valid.Errors) (civil.Date, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return civil.Date{}, ""
	}
	d, err := civil.ParseVN(s)
	if err != nil {
		errs.Add(field, label+" không hợp lệ; nhập theo dạng dd/mm/yyyy.")
		return civil.Date{}, s
	}
	return d, d.VN()
}
