// Package app wires the stores together: one App value is built at start-up
// and handed to the web pages, the JSON API and the command line.
package app

import (
	"log/slog"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/files"
	"cchc/internal/index"
	"cchc/internal/mail"
	"cchc/internal/notify"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/report"
)

// App is the set of services one running cchc uses.
type App struct {
	DB      *db.DB
	Units   *org.Store
	Users   *auth.Store
	Policy  auth.Policy
	Plans   *plan.Store
	Files   *files.Store
	Notify  *notify.Store
	Reports *report.Store
	Index   *index.Store
	Log     *slog.Logger
}

// New returns an App over an open, migrated database. Notifications stay in
// the application; WithMailer adds e-mail.
func New(d *db.DB, log *slog.Logger) *App {
	if log == nil {
		log = slog.Default()
	}
	units := org.NewStore(d)
	return &App{DB: d, Units: units, Users: auth.NewStore(d), Policy: auth.Policy{Tree: units},
		Plans: plan.NewStore(d), Files: files.NewStore(d), Notify: notify.NewStore(d, nil), Reports: report.NewStore(d),
		Index: index.NewStore(d), Log: log}
}

// WithMailer makes notifications also go out as e-mail through m.
func (a *App) WithMailer(m *mail.Mailer) *App {
	a.Notify = notify.NewStore(a.DB, m)
	return a
}
