package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

// accountData is the signed-in user's own page: profile, password form and
// personal API tokens.
type accountData struct {
	Me       *auth.User
	UnitName string
	Roles    []string
	Tokens   []auth.Token
	// NewToken and Secret are set only on the response that creates a
	// token: the secret is shown once and stored nowhere but in its hash.
	NewToken *auth.Token
	Secret   string
	APIBase  string
}

// accountForm carries the token name back when it is refused. Passwords are
// never written back into the page.
type accountForm struct{ TokenName string }

func (h *Handler) accountShow(w http.ResponseWriter, r *http.Request) {
	h.renderAccount(w, r, http.StatusOK, accountData{}, accountForm{}, nil)
}

// renderAccount fills d with the user's profile and tokens and renders the
// account page with status (422 when errs is not empty).
func (h *Handler) renderAccount(w http.ResponseWriter, r *http.Request, status int, d accountData, f accountForm, errs valid.Errors) {
	ctx := r.Context()
	me := user(r)
	d.Me = me
	unit, err := h.app.Units.Get(ctx, me.UnitID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.UnitName = unit.Name
	for _, role := range me.Roles {
		d.Roles = append(d.Roles, role.Label())
	}
	if d.Tokens, err = h.app.Users.Tokens(ctx, me.ID); err != nil {
		h.serverError(w, r, err)
		return
	}
	d.APIBase = apiExampleBase(r)
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.renderPage(w, r, status, "account", &Page{Title: "Tài khoản của tôi", Data: d, Form: f, Errors: errs})
}

// apiExampleBase is the site's address as the browser reached it, for the API
// example on the page (display only; nothing trusts it).
func apiExampleBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
