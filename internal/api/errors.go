package api

import (
	"errors"
	"net/http"

	"cchc/internal/db"
	"cchc/internal/httpx"
	"cchc/internal/valid"
)

// Error codes of the API; docs/api.md lists them with their statuses.
const (
	codeBadRequest       = "bad_request"
	codeUnauthorized     = "unauthorized"
	codeForbidden        = "forbidden"
	codeNotFound         = "not_found"
	codeMethodNotAllowed = "method_not_allowed"
	codeTooLarge         = "too_large"
	codeValidation       = "validation_failed"
	codeInternal         = "internal"
)

// errorBody is the one shape of every failure.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      string            `json:"code"`
	Message   string            `json:"message"`
	Fields    map[string]string `json:"fields,omitempty"`     // field → Vietnamese message (validation_failed)
	RequestID string            `json:"request_id,omitempty"` // set on internal errors, for the administrator
}

func (h *API) error(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	h.writeJSON(w, r, status, errorBody{Error: errorDetail{Code: code, Message: message}})
}

func (h *API) unauthorized(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="cchc"`)
	h.error(w, r, http.StatusUnauthorized, codeUnauthorized,
		"Chưa đăng nhập hoặc mã truy cập (token) không hợp lệ, đã bị thu hồi.")
}

func (h *API) forbidden(w http.ResponseWriter, r *http.Request) {
	h.error(w, r, http.StatusForbidden, codeForbidden,
		"Tài khoản của bạn không có quyền xem hoặc thay đổi dữ liệu này. Nếu cần quyền, vui lòng liên hệ Sở Nội vụ.")
}

func (h *API) notFound(w http.ResponseWriter, r *http.Request) {
	h.error(w, r, http.StatusNotFound, codeNotFound, "Không tìm thấy dữ liệu hoặc địa chỉ API yêu cầu.")
}

func (h *API) badRequest(w http.ResponseWriter, r *http.Request, message string) {
	h.error(w, r, http.StatusBadRequest, codeBadRequest, message)
}

// serverError logs err with the request id and answers a generic 500 that
// carries the id, never err's text.
func (h *API) serverError(w http.ResponseWriter, r *http.Request, err error) {
	id := httpx.RequestID(r.Context())
	h.log.Error("api request failed", "request_id", id, "method", r.Method, "path", r.URL.Path, "err", err)
	h.writeJSON(w, r, http.StatusInternalServerError, errorBody{Error: errorDetail{Code: codeInternal, RequestID: id,
		Message: "Đã có lỗi hệ thống khi xử lý yêu cầu. Vui lòng thử lại; nếu lỗi lặp lại, báo quản trị hệ thống mã yêu cầu " + id + "."}})
}

// fail writes the response for an error from a store: 404 for
// db.ErrNotFound, 422 with per-field messages for valid.Errors, 422 with the
// message for a valid.Problem, else a logged 500.
func (h *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errs, ok := valid.As(err); ok {
		h.writeJSON(w, r, http.StatusUnprocessableEntity, errorBody{Error: errorDetail{Code: codeValidation,
			Message: "Dữ liệu chưa hợp lệ: " + valid.Message(errs), Fields: errs}})
		return
	}
	var p valid.Problem
	switch {
	case errors.Is(err, db.ErrNotFound):
		h.notFound(w, r)
	case errors.As(err, &p):
		h.error(w, r, http.StatusUnprocessableEntity, codeValidation, p.Message)
	default:
		h.serverError(w, r, err)
	}
}
