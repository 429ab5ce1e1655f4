package web

import (
	"net/http"
	"strings"

	"cchc/internal/valid"
)

// tokenCreate makes a personal API token and renders the account page with
// its secret. The secret is in this response only (never in a redirect or a
// cookie); the page is served with Cache-Control: no-store.
func (h *Handler) tokenCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parsePostedForm(w, r) {
		return
	}
	f := accountForm{TokenName: strings.TrimSpace(r.PostFormValue("token_name"))}
	t, secret, err := h.app.Users.CreateToken(r.Context(), user(r).ID, f.TokenName)
	if err != nil {
		ve, ok := valid.As(err)
		if !ok {
			h.serverError(w, r, err)
			return
		}
		h.renderAccount(w, r, http.StatusUnprocessableEntity, accountData{}, f, valid.Errors{"token_name": valid.Message(ve)})
		return
	}
	h.renderAccount(w, r, http.StatusOK, accountData{NewToken: &t, Secret: secret}, accountForm{}, nil)
}
