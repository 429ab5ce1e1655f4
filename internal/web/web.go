// Package web serves cchc's Vietnamese web pages: server-rendered HTML from
// embedded templates, with htmx (vendored) where a partial update helps.
// Handlers parse a form, ask auth.Policy, call a domain store, and render or
// redirect; they never decide permissions from roles themselves.
package web

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"cchc/internal/app"
	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/httpx"
	"cchc/internal/valid"
)

// Handler serves the web pages.
type Handler struct {
	app    *app.App
	log    *slog.Logger
	tmpl   *templates
	assets *assets
	mux    *http.ServeMux
}

// New parses the templates (a broken template fails here, at start-up) and
// returns the page handler. It expects httpx.Authenticate to run before it.
func New(a *app.App) (*Handler, error) {
	as, err := loadAssets()
	if err != nil {
		return nil, err
	}
	t, err := parseTemplates(as)
	if err != nil {
		return nil, err
	}
	h := &Handler{app: a, log: a.Log, tmpl: t, assets: as, mux: http.NewServeMux()}
	h.routes()
	return h, nil
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// user returns the signed-in user; routes wrapped in h.auth always have one.
func user(r *http.Request) *auth.User { return httpx.User(r.Context()) }

// can asks the policy; an error is logged and counts as "no".
func (h *Handler) can(r *http.Request, action auth.Action, unitID int64) bool {
	ok, err := h.app.Policy.Can(r.Context(), user(r), action, unitID)
	if err != nil {
		h.log.Error("policy", "request_id", httpx.RequestID(r.Context()), "err", err)
		return false
	}
	return ok
}

// pathID reads the {name} path value as a positive id; ok is false (and a 404
// page has been written) when it is not one.
func (h *Handler) pathID(w http.ResponseWriter, r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		h.notFound(w, r)
		return 0, false
	}
	return id, true
}

// fail writes the right page for a store error: 404 for db.ErrNotFound, the
// Vietnamese message of a validation problem as 422, else a logged 500.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, db.ErrNotFound):
		h.notFound(w, r)
	case valid.Message(err) != "":
		h.errorPage(w, r, http.StatusUnprocessableEntity, "Không thể thực hiện", valid.Message(err))
	default:
		h.serverError(w, r, err)
	}
}

func (h *Handler) serverError(w http.ResponseWriter, r *http.Request, err error) {
	id := httpx.RequestID(r.Context())
	h.log.Error("request failed", "request_id", id, "path", r.URL.Path, "err", err)
	h.errorPage(w, r, http.StatusInternalServerError, "Lỗi hệ thống",
		"Đã có lỗi xảy ra khi xử lý yêu cầu. Vui lòng thử lại; nếu lỗi lặp lại, báo quản trị hệ thống mã yêu cầu "+id+".")
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.errorPage(w, r, http.StatusNotFound, "Không tìm thấy", "Trang hoặc dữ liệu bạn tìm không tồn tại.")
}

func (h *Handler) forbidden(w http.ResponseWriter, r *http.Request) {
	h.errorPage(w, r, http.StatusForbidden, "Không có quyền truy cập",
		"Tài khoản của bạn không có quyền xem hoặc thay đổi dữ liệu này. Nếu cần quyền, vui lòng liên hệ Sở Nội vụ.")
}

func (h *Handler) errorPage(w http.ResponseWriter, r *http.Request, status int, title, message string) {
	h.render(w, r, status, "error", title, map[string]string{"Message": message})
}
