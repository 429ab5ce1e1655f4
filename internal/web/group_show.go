package web

import (
	"context"
	"net/http"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/valid"
)

type groupShowData struct {
	Group     org.Group
	Kinds     []string
	Root      string // name of the unit the kinds are limited to
	On        civil.Date
	Members   []unitRow
	Explicit  int  // explicitly listed members, all dates
	Scoped    bool // only the members within the user's subtree are shown
	CanManage bool
}

// groupShow lists a group's members on ?on= (default today) in Vietnamese
// order. Anyone signed in may look; users bounded to a subtree see only the
// members inside it.
func (h *Handler) groupShow(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	ctx := r.Context()
	g, err := h.app.Units.Group(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	onText := strings.TrimSpace(r.URL.Query().Get("on"))
	errs := valid.Errors{}
	on := parseDay(onText, "on", "Ngày xem", errs)
	if on.IsZero() {
		on = today()
	}
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := groupShowData{Group: g, On: on, CanManage: h.can(r, auth.ManageGroups, 0)}
	for _, k := range g.Kinds() {
		d.Kinds = append(d.Kinds, kindName(kinds, k))
	}
	if g.RootUnitID != nil {
		names, err := h.unitNames(ctx, *g.RootUnitID)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		d.Root = names[*g.RootUnitID]
	}
	explicit, err := h.app.Units.ExplicitMembers(ctx, g.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.Explicit = len(explicit)
	members, err := h.app.Units.Members(ctx, g.ID, on)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if scope := h.app.Policy.ScopeRoot(user(r)); scope != 0 {
		d.Scoped = true
		if members, err = h.keepWithin(ctx, members, scope); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	if d.Members, err = h.unitRows(ctx, members, kinds); err != nil {
		h.serverError(w, r, err)
		return
	}
	form := struct{ On string }{onText}
	h.renderPage(w, r, http.StatusOK, "group_show", &Page{Title: g.Name, Data: d, Form: form, Errors: errs})
}

// keepWithin returns the units of us inside root's subtree, reading the
// subtree a thousand units at a time.
func (h *Handler) keepWithin(ctx context.Context, us []org.Unit, root int64) ([]org.Unit, error) {
	inside := map[int64]bool{}
	f := org.Filter{Within: root, Limit: 1000}
	for {
		page, total, err := h.app.Units.List(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, u := range page {
			inside[u.ID] = true
		}
		f.Offset += len(page)
		if len(page) == 0 || f.Offset >= total {
			break
		}
	}
	var out []org.Unit
	for _, u := range us {
		if inside[u.ID] {
			out = append(out, u)
		}
	}
	return out, nil
}
