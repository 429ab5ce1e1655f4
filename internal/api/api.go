// Package api serves the JSON API under /api/v1: the signed-in user, units
// (list, read, create, partial update, history), unit groups, plans and
// their tasks, work items with progress, holds and evidence uploads, and
// periodic reports (forms, a unit's report, saving and submitting values,
// consolidation and timeliness over a subtree). It
// is the way other software (the one-stop-shop system, a reporting tool,
// scripts) reads cchc's catalogue and sends figures and progress.
//
// Every endpoint needs a user, from the session cookie or an
// "Authorization: Bearer cchc_..." personal token (httpx.Authenticate puts
// it in the context). Every response is JSON; every failure is
// {"error":{"code":"...","message":"..."}} with a Vietnamese message that is
// safe to show (internal errors are logged with the request id, never
// echoed). Permissions are asked of auth.Policy, never read from roles here.
// docs/api.md describes the contract.
package api

import (
	"log/slog"
	"net/http"
	"strings"

	"cchc/internal/app"
	"cchc/internal/auth"
	"cchc/internal/httpx"
)

// API serves /api/v1/.
type API struct {
	app *app.App
	log *slog.Logger
	mux *http.ServeMux
}

// New returns the API handler. It expects httpx.Authenticate (and the CSRF
// and logging middleware) to run before it.
func New(a *app.App) *API {
	h := &API{app: a, log: a.Log, mux: http.NewServeMux()}
	h.routes()
	return h
}

// ServeHTTP refuses anonymous requests (401), holds users who must change
// their password to GET /me, answers unknown paths and methods in JSON
// (404, 405), and hands the rest to the route's handler.
func (h *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r.Context())
	if u == nil {
		h.unauthorized(w, r)
		return
	}
	if _, pattern := h.mux.Handler(r); pattern == "" {
		h.noRoute(w, r)
		return
	}
	if u.MustChangePassword && !(r.Method == http.MethodGet && r.URL.Path == "/api/v1/me") {
		h.error(w, r, http.StatusForbidden, codeForbidden,
			"Tài khoản phải đổi mật khẩu trước khi dùng API. Vui lòng đăng nhập trang web và đổi mật khẩu.")
		return
	}
	h.mux.ServeHTTP(w, r)
}

// noRoute writes 405 with an Allow header when the path exists for other
// methods, else 404.
func (h *API) noRoute(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := h.mux.Handler(probe); pattern != "" {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) == 0 {
		h.notFound(w, r)
		return
	}
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	h.error(w, r, http.StatusMethodNotAllowed, codeMethodNotAllowed,
		"Phương thức "+r.Method+" không được hỗ trợ cho địa chỉ này (dùng "+strings.Join(allowed, ", ")+").")
}

// user returns the signed-in user; ServeHTTP guarantees there is one.
func user(r *http.Request) *auth.User { return httpx.User(r.Context()) }

// can asks the policy whether the user may do action on unitID.
func (h *API) can(r *http.Request, action auth.Action, unitID int64) (bool, error) {
	return h.app.Policy.Can(r.Context(), user(r), action, unitID)
}
