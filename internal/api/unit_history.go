package api

import (
	"net/http"

	"cchc/internal/org"
)

// eventJSON is one dated change in a unit's life, with its Vietnamese label.
type eventJSON struct {
	org.Event
	Label string `json:"label"`
}

// historyJSON is the body of GET /api/v1/units/{id}/history. ValidTo of the
// current version is null.
type historyJSON struct {
	Unit     unitJSON      `json:"unit"`
	Events   []eventJSON   `json:"events"`
	Versions []org.Version `json:"versions"`
}

// unitHistory answers GET /api/v1/units/{id}/history: the unit's events
// (oldest first) and its name and parent over time.
func (h *API) unitHistory(w http.ResponseWriter, r *http.Request) {
	u, ok := h.viewableUnit(w, r)
	if !ok {
		return
	}
	events, versions, err := h.app.Units.History(r.Context(), u.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	out := historyJSON{Unit: unitOut(u), Events: make([]eventJSON, len(events)), Versions: versions}
	for i, e := range events {
		out.Events[i] = eventJSON{Event: e, Label: e.Label()}
	}
	if out.Versions == nil {
		out.Versions = []org.Version{}
	}
	h.writeJSON(w, r, http.StatusOK, out)
}
