package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/httpx"
	"cchc/internal/valid"
)

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

type loginForm struct {
	Username string
	Next     string
}

// safeNext keeps only local paths, so the login page cannot be used to send
// people to another site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	if user(r) != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	h.renderForm(w, r, "login", "Đăng nhập", nil, loginForm{Next: safeNext(r.URL.Query().Get("next"))}, nil)
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được biểu mẫu đăng nhập.")
		return
	}
	f := loginForm{Username: strings.TrimSpace(r.PostFormValue("username")), Next: safeNext(r.PostFormValue("next"))}
	pw := r.PostFormValue("password")
	errs := valid.Errors{}
	if f.Username == "" {
		errs.Add("username", "Vui lòng nhập tên đăng nhập.")
	}
	if pw == "" {
		errs.Add("password", "Vui lòng nhập mật khẩu.")
	}
	if len(errs) > 0 {
		h.renderForm(w, r, "login", "Đăng nhập", nil, f, errs)
		return
	}
	u, err := h.app.Users.Authenticate(r.Context(), f.Username, pw)
	if err != nil {
		var locked auth.LockedError
		if errors.Is(err, auth.ErrBadCredentials) || errors.Is(err, auth.ErrInactive) || errors.As(err, &locked) {
			h.renderForm(w, r, "login", "Đăng nhập", nil, f, valid.Errors{"form": err.Error()})
			return
		}
		h.serverError(w, r, err)
		return
	}
	token, err := h.app.Users.CreateSession(r.Context(), u.ID, httpx.ClientIP(r), r.UserAgent())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: httpx.SessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil, MaxAge: int(auth.MaxSessionAge.Seconds())})
	http.Redirect(w, r, f.Next, http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(httpx.SessionCookie); err == nil {
		if err := h.app.Users.Logout(r.Context(), c.Value); err != nil {
			h.log.Error("logout", "request_id", httpx.RequestID(r.Context()), "err", err)
		}
	}
	http.SetCookie(w, &http.Cookie{Name: httpx.SessionCookie, Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	h.redirectFlash(w, r, "/login", "success", "Bạn đã đăng xuất.")
}
