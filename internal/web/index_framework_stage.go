package web

import (
	"fmt"
	"net/http"

	"cchc/internal/valid"
)

// indexFrameworkStage moves a framework to the posted stage: draft → self
// (the items must be complete), self → appraisal, appraisal → self, or
// self → draft while no unit has started (ManageIndex). The final stage
// is reached by finalising, not here. A refusal comes back to the
// framework's page as a message.
func (h *Handler) indexFrameworkStage(w http.ResponseWriter, r *http.Request) {
	f, ok := h.indexManagedFramework(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	stage := r.PostFormValue("stage")
	err := h.app.Index.SetStage(r.Context(), f.ID, stage, user(r).ID)
	switch {
	case err == nil:
		h.redirectFlash(w, r, indexFrameworkURL(f.ID), "success",
			fmt.Sprintf("Bộ chỉ số “%s” đã chuyển sang giai đoạn “%s”.", f.Title, indexStageOf(stage).Label))
	case valid.Message(err) != "":
		h.redirectFlash(w, r, indexFrameworkURL(f.ID)+"#stage", "error", valid.Message(err))
	default:
		h.fail(w, r, err)
	}
}
