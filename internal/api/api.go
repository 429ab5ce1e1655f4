// Package api serves the JSON API under /api/v1.
package api

import (
	"net/http"

	"cchc/internal/app"
)

// New returns the API handler. Placeholder until the API is written.
func New(a *app.App) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
}
