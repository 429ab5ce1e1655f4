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

	// Plans, tasks and work items.
	m.HandleFunc("GET /api/v1/plans", h.plansList)
	m.HandleFunc("POST /api/v1/plans", h.planCreate)
	m.HandleFunc("GET /api/v1/plans/{id}", h.planGet)
	m.HandleFunc("PATCH /api/v1/plans/{id}", h.planUpdate)
	m.HandleFunc("POST /api/v1/plans/{id}/status", h.planStatus)
	m.HandleFunc("GET /api/v1/plans/{id}/tasks", h.planTasks)
	m.HandleFunc("POST /api/v1/plans/{id}/tasks", h.taskCreate)
	m.HandleFunc("GET /api/v1/tasks/{id}", h.taskGet)
	m.HandleFunc("PATCH /api/v1/tasks/{id}", h.taskUpdate)
	m.HandleFunc("DELETE /api/v1/tasks/{id}", h.taskDelete)
	m.HandleFunc("GET /api/v1/work-items", h.workItemsList)
	m.HandleFunc("GET /api/v1/work-items/{id}", h.workItemGet)
	m.HandleFunc("POST /api/v1/work-items/{id}/progress", h.workItemProgress)
	m.HandleFunc("POST /api/v1/work-items/{id}/hold", h.workItemHold)
	m.HandleFunc("GET /api/v1/work-items/{id}/evidence", h.evidenceList)
	m.HandleFunc("POST /api/v1/work-items/{id}/evidence", h.evidenceUpload)

	// Periodic reports: forms, a unit's report, consolidation, timeliness.
	m.HandleFunc("GET /api/v1/report-forms", h.reportFormsList)
	m.HandleFunc("GET /api/v1/reports", h.reportGet)
	m.HandleFunc("PUT /api/v1/reports", h.reportSave)
	m.HandleFunc("POST /api/v1/reports/submit", h.reportSubmit)
	m.HandleFunc("GET /api/v1/reports/consolidated", h.reportConsolidated)
	m.HandleFunc("GET /api/v1/reports/timeliness", h.reportTimeliness)
	m.HandleFunc("GET /api/v1/index/results", h.indexResults)
}
