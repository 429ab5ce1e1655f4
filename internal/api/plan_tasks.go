package api

import (
	"net/http"

	"cchc/internal/plan"
)

// planTasks answers GET /api/v1/plans/{id}/tasks: the plan's task tree
// flattened in display order (each task followed by its sub-tasks), each
// with parent_id and depth (0 for top-level tasks). Not paged: a plan has at
// most a few hundred tasks.
func (h *API) planTasks(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if _, ok := h.readablePlan(w, r, id); !ok {
		return
	}
	ctx := r.Context()
	roots, err := h.app.Plans.Tree(ctx, id)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	names, err := h.loadTaskNames(ctx, id)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	counts, err := h.app.Plans.TaskCounts(ctx, id)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	items := []taskJSON{}
	plan.Walk(roots, func(t *plan.Task, depth int) {
		items = append(items, names.taskOut(*t, depth, counts[t.ID]))
	})
	h.writeJSON(w, r, http.StatusOK, list[taskJSON]{Items: items, Total: len(items)})
}
