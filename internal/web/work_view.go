package web

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// workListForm is the filter bar of the work item list as typed.
type workListForm struct {
	Plan   int64
	Task   int64
	Area   int64
	Unit   string // a unit id or code
	Sub    bool   // include the units below Unit
	Status string
	Due    string // quick window: "overdue", "week", "month"
	From   string // due from, dd/mm/yyyy
	To     string // due to, dd/mm/yyyy
	Q      string
}

// dueWindows are the quick due filters, in display order.
var dueWindows = []struct{ Code, Label string }{
	{"overdue", "Quá hạn"}, {"week", "7 ngày tới"}, {"month", "Tháng này"},
}

func parseWorkListForm(r *http.Request) workListForm {
	q := r.URL.Query()
	id := func(k string) int64 { n, _ := strconv.ParseInt(q.Get(k), 10, 64); return max(n, 0) }
	return workListForm{Plan: id("plan"), Task: id("task"), Area: id("area"), Unit: strings.TrimSpace(q.Get("unit")), Sub: q.Get("sub") == "1",
		Status: strings.TrimSpace(q.Get("status")), Due: q.Get("due"), From: strings.TrimSpace(q.Get("from")),
		To: strings.TrimSpace(q.Get("to")), Q: strings.TrimSpace(q.Get("q"))}
}

// workFilter turns the form into a store filter bounded by what the user may
// see. Officers and leaders see their own unit's items unless they choose a
// unit of their subtree; coordinators, admins and appraisers see the whole
// province. unit is the chosen (or default) unit, zero for none; ok is false
// when the user chose a unit they may not see.
func (h *Handler) workFilter(r *http.Request, f workListForm, errs valid.Errors) (pf plan.WorkItemFilter, unit org.Unit, ok bool, err error) {
	ctx := r.Context()
	u := user(r)
	scope := h.app.Policy.ScopeRoot(u)
	// Across plans, a draft's tasks are nobody's work yet.
	pf = plan.WorkItemFilter{PlanID: f.Plan, TaskID: f.Task, AreaID: f.Area, Q: f.Q, IssuedOnly: f.Plan == 0 && f.Task == 0}
	switch {
	case f.Unit != "":
		unit, err = h.unitByIDOrCode(ctx, f.Unit)
		if err != nil {
			if isNotFoundErr(err) {
				errs.Add("unit", "Không tìm thấy đơn vị “"+f.Unit+"”.")
				err = nil
				pf.UnitIDs = []int64{-1}
				return pf, unit, true, nil
			}
			return pf, unit, false, err
		}
		if !h.can(r, auth.ViewUnit, unit.ID) {
			return pf, unit, false, nil
		}
	case scope != 0:
		if unit, err = h.app.Units.Get(ctx, u.UnitID); err != nil {
			return pf, unit, false, err
		}
	}
	if unit.ID != 0 {
		if f.Sub {
			pf.Within = unit.ID
		} else {
			pf.UnitIDs = []int64{unit.ID}
		}
	}
	if f.Status != "" {
		if st := plan.StatusCode(f.Status); st.Valid() {
			pf.Status = st
		} else {
			errs.Add("status", "Trạng thái không hợp lệ.")
		}
	}
	pf.DueFrom = parseDay(f.From, "from", "Hạn từ ngày", errs)
	pf.DueTo = parseDay(f.To, "to", "Hạn đến ngày", errs)
	now := h.planToday()
	switch f.Due {
	case "overdue":
		pf.Overdue = true
	case "week":
		pf.DueFrom, pf.DueTo = now, now.AddDays(7)
	case "month":
		pf.DueFrom = civil.New(now.Year, now.Month, 1)
		pf.DueTo = civil.New(now.Year, now.Month+1, 0)
	}
	return pf, unit, true, nil
}

// planToday is the day the plan store judges states on.
func (h *Handler) planToday() civil.Date {
	if h.app.Plans.Today != nil {
		return h.app.Plans.Today()
	}
	return today()
}

// unitByIDOrCode finds a unit from a typed id or code.
func (h *Handler) unitByIDOrCode(ctx context.Context, s string) (org.Unit, error) {
	if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
		return h.app.Units.Get(ctx, id)
	}
	return h.app.Units.GetByCode(ctx, s)
}

// workAccess is what the signed-in user may do with one work item.
type workAccess struct {
	View       bool    // see the item
	Update     bool    // report progress, hold, upload evidence
	Contribute []int64 // coordinating units the user may report for
}

// workItemAccess loads the item and its task and works out the user's rights
// on it: ViewUnit on the item's unit to see it, UpdateWork to change it; an
// officer of a coordinating unit of the task may see it and contribute.
func (h *Handler) workItemAccess(r *http.Request, id int64) (plan.WorkItem, plan.Task, workAccess, error) {
	ctx := r.Context()
	var acc workAccess
	w, err := h.app.Plans.WorkItem(ctx, id)
	if err != nil {
		return w, plan.Task{}, acc, err
	}
	t, err := h.app.Plans.Task(ctx, w.TaskID)
	if err != nil {
		return w, t, acc, err
	}
	acc.Update = h.can(r, auth.UpdateWork, w.UnitID)
	acc.View = acc.Update || h.can(r, auth.ViewUnit, w.UnitID)
	coord, err := h.coordinatingUnits(ctx, t)
	if err != nil {
		return w, t, acc, err
	}
	for _, c := range coord {
		if acc.Update || h.can(r, auth.UpdateWork, c) {
			acc.Contribute = append(acc.Contribute, c)
		}
	}
	acc.View = acc.View || len(acc.Contribute) > 0
	return w, t, acc, nil
}

// coordinatingUnits returns the task's coordinating units: those named and
// today's members of the coordinating groups.
func (h *Handler) coordinatingUnits(ctx context.Context, t plan.Task) ([]int64, error) {
	ids := slices.Clone(t.CoordinatingUnitIDs)
	for _, g := range t.CoordinatingGroupIDs {
		members, err := h.app.Units.Members(ctx, g, today())
		if err != nil {
			return nil, err
		}
		for _, m := range members {
			ids = append(ids, m.ID)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// isNotFoundErr reports whether a store error means "no such record".
func isNotFoundErr(err error) bool { return errors.Is(err, db.ErrNotFound) }
