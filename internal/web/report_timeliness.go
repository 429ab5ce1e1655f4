package web

import (
	"context"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/org"
	"cchc/internal/report"
)

// timelinessData is what report_timeliness.html draws.
type timelinessData struct {
	reportScope
	T       report.Timeliness
	Missing []missingUnit
	Today   string
}

// missingUnit is an expected unit without a submitted report, with who to
// call about it.
type missingUnit struct {
	report.UnitStatus
	KindName string
	Status   reportStatus
	Timing   reportTiming
	Phone    string
	Email    string
	Officers []officerContact
	ReportID int64
}

// officerContact is an officer of a unit, to be reminded.
type officerContact struct {
	Name, Email string
}

// reportTimeliness is the chasing page (đôn đốc báo cáo) for Sở Nội vụ:
// for a unit's subtree, a period and a form, how many units were expected
// and sent on time, late or not at all, by unit kind and by parent unit,
// and the list of missing units with their officers' contacts and a
// button to remind them now. Only reviewers may see it.
func (h *Handler) reportTimeliness(w http.ResponseWriter, r *http.Request) {
	s, ok := h.readScope(w, r, func(id int64) bool { return h.canChase(r, id) })
	if !ok {
		return
	}
	d := timelinessData{reportScope: s, Today: h.reportToday().VN()}
	if s.Form.ID == 0 || s.Period.ID == 0 {
		h.renderPage(w, r, http.StatusOK, "report_timeliness", &Page{Title: "Đôn đốc báo cáo", Data: d})
		return
	}
	ctx := r.Context()
	t, err := h.app.Reports.TimelinessOf(ctx, s.Unit.ID, s.Period, s.Form)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.T = t
	if d.Missing, err = h.missingUnits(ctx, s, t); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderPage(w, r, http.StatusOK, "report_timeliness", &Page{Title: "Đôn đốc báo cáo: " + s.Unit.Name, Data: d})
}

// missingUnits returns t's missing units with their contacts, officers
// and reports.
func (h *Handler) missingUnits(ctx context.Context, s reportScope, t report.Timeliness) ([]missingUnit, error) {
	if len(t.Missing) == 0 {
		return nil, nil
	}
	units, err := h.subtreeUnits(ctx, s.Unit.ID)
	if err != nil {
		return nil, err
	}
	officers, err := h.unitOfficers(ctx, s.Unit.ID)
	if err != nil {
		return nil, err
	}
	kinds := map[string]string{}
	for _, k := range t.ByKind {
		kinds[k.Kind] = k.Name
	}
	ids := make([]int64, 0, len(t.Missing))
	for _, m := range t.Missing {
		ids = append(ids, m.UnitID)
	}
	reports, err := h.app.Reports.ReportIDs(ctx, s.Form.ID, s.Period.ID, ids)
	if err != nil {
		return nil, err
	}
	today := h.reportToday()
	out := make([]missingUnit, 0, len(t.Missing))
	for _, m := range t.Missing {
		u := units[m.UnitID]
		mu := missingUnit{UnitStatus: m, KindName: kinds[m.Kind], Status: statusOfReport(m.Status),
			Timing: timingOf(m.Status, nil, m.Deadline, today), Phone: u.Phone, Email: u.Email, ReportID: reports[m.UnitID]}
		for _, o := range officers[m.UnitID] {
			mu.Officers = append(mu.Officers, officerContact{Name: o.FullName, Email: o.Email})
		}
		out = append(out, mu)
	}
	return out, nil
}

// subtreeUnits returns the units of root's subtree by id.
func (h *Handler) subtreeUnits(ctx context.Context, root int64) (map[int64]org.Unit, error) {
	out := map[int64]org.Unit{}
	for offset := 0; ; offset += 1000 {
		page, total, err := h.app.Units.List(ctx, org.Filter{Within: root, Limit: 1000, Offset: offset})
		if err != nil {
			return nil, err
		}
		for _, u := range page {
			out[u.ID] = u
		}
		if len(page) == 0 || offset+len(page) >= total {
			return out, nil
		}
	}
}

// unitOfficers returns the active officers of root's subtree by unit.
func (h *Handler) unitOfficers(ctx context.Context, root int64) (map[int64][]auth.User, error) {
	users, _, err := h.app.Users.ListUsers(ctx, auth.UserFilter{Within: root, Role: auth.RoleOfficer, Limit: 1 << 20})
	if err != nil {
		return nil, err
	}
	out := map[int64][]auth.User{}
	for _, u := range users {
		if u.Active {
			out[u.UnitID] = append(out[u.UnitID], u)
		}
	}
	return out, nil
}
