// Package app wires the stores together: one App value is built at start-up
// and handed to the web pages, the JSON API and the command line.
package app

import (
	"log/slog"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/org"
)

// App is the set of services one running cchc uses.
type App struct {
	DB     *db.DB
	Units  *org.Store
	Users  *auth.Store
	Policy auth.Policy
	Log    *slog.Logger
}

// New returns an App over an open, migrated database.
func New(d *db.DB, log *slog.Logger) *App {
	if log == nil {
		log = slog.Default()
	}
	units := org.NewStore(d)
	return &App{DB: d, Units: units, Users: auth.NewStore(d), Policy: auth.Policy{Tree: units}, Log: log}
}
