package api

import (
	"net/http"
	"strings"
	"time"

	"cchc/internal/org"
)

// groupJSON is a unit group as the API shows it: its definition, not its
// members (see GET /api/v1/groups/{id}/members).
type groupJSON struct {
	ID         int64     `json:"id"`
	Code       string    `json:"code"`
	Name       string    `json:"name"`
	Kinds      []string  `json:"kinds"`
	RootUnitID *int64    `json:"root_unit_id"`
	Aliases    []string  `json:"aliases"`
	UpdatedAt  time.Time `json:"updated_at"`
}

func groupOut(g org.Group) groupJSON {
	out := groupJSON{ID: g.ID, Code: g.Code, Name: g.Name, Kinds: g.Kinds(), RootUnitID: g.RootUnitID,
		Aliases: g.Aliases(), UpdatedAt: g.UpdatedAt.UTC()}
	if out.Kinds == nil {
		out.Kinds = []string{}
	}
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	return out
}

// groupsList answers GET /api/v1/groups: every group in Vietnamese name
// order, filtered by ?q= (name, code, aliases) and paged. Group definitions
// are visible to every signed-in user, like the kinds of unit.
func (h *API) groupsList(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := page(r, DefaultLimit)
	if err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	groups, err := h.app.Units.Groups(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	m := newMatcher(r.URL.Query().Get("q"))
	items := []groupJSON{}
	for _, g := range groups {
		if m.match(g.Name, g.Code, strings.Join(g.Aliases(), " | ")) {
			items = append(items, groupOut(g))
		}
	}
	h.writeJSON(w, r, http.StatusOK, list[groupJSON]{Items: window(items, limit, offset), Total: len(items)})
}
