package api

// routes registers every endpoint. ServeHTTP has already refused anonymous
// requests; each handler asks auth.Policy about the unit it touches.
func (h *API) routes() {
	m := h.mux
	m.HandleFunc("GET /api/v1/me", h.meGet)

	// Units.
	m.HandleFunc("GET /api/v1/units", h.unitsList)
	m.HandleFunc("POST /api/v1/units", h.unitCreate)
	m.HandleFunc("GET /api/v1/units/{id}", h.unitGet)
	m.HandleFunc("PATCH /api/v1/units/{id}", h.unitUpdate)
	m.HandleFunc("GET /api/v1/units/{id}/history", h.unitHistory)

	// Unit groups.
	m.HandleFunc("GET /api/v1/groups", h.groupsList)
	m.HandleFunc("GET /api/v1/groups/{id}/members", h.groupMembers)
}
