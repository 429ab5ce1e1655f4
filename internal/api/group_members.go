package api

import (
	"net/http"
	"strings"

	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/vn"
)

// groupMembers answers GET /api/v1/groups/{id}/members?on=YYYY-MM-DD: the
// units in the group on that day (default today, Vietnam time), in
// Vietnamese name order, filtered by ?q= and paged. A user whose scope is a
// subtree sees only the members inside it.
func (h *API) groupMembers(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	limit, offset, err := page(r, ReferenceLimit)
	if err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	on, err := queryDate(r, "on")
	if err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	if on.IsZero() {
		on = civil.Today(vn.Location())
	}
	ctx := r.Context()
	members, err := h.app.Units.Members(ctx, id, on)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// Members carries no aliases and knows nothing of scope; one read of
	// every unit (a province has at most a few thousand) supplies both.
	all, err := h.app.Units.All(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	aliases := make(map[int64][]string, len(all))
	for _, u := range all {
		aliases[u.ID] = u.Aliases
	}
	var inScope map[int64]bool
	if root := h.app.Policy.ScopeRoot(user(r)); root != 0 {
		inScope = subtree(all, root)
	}
	m := newMatcher(r.URL.Query().Get("q"))
	items := []unitJSON{}
	for _, u := range members {
		if inScope != nil && !inScope[u.ID] {
			continue
		}
		u.Aliases = aliases[u.ID]
		if m.match(u.Name, u.ShortName, u.Code, strings.Join(u.Aliases, " | ")) {
			items = append(items, unitOut(u))
		}
	}
	w.Header().Set("X-Members-On", on.String())
	h.writeJSON(w, r, http.StatusOK, list[unitJSON]{Items: window(items, limit, offset), Total: len(items)})
}

// subtree returns root and every unit below it under current parents.
func subtree(units []org.Unit, root int64) map[int64]bool {
	children := map[int64][]int64{}
	for _, u := range units {
		if u.ParentID != nil {
			children[*u.ParentID] = append(children[*u.ParentID], u.ID)
		}
	}
	in := map[int64]bool{root: true}
	queue := []int64{root}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, c := range children[id] {
			if !in[c] {
				in[c] = true
				queue = append(queue, c)
			}
		}
	}
	return in
}
