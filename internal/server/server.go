// Package server assembles the HTTP handler (pages, API, health check and
// the shared middleware) and runs it with graceful shutdown.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"cchc/internal/api"
	"cchc/internal/app"
	"cchc/internal/db"
	"cchc/internal/demo"
	"cchc/internal/httpx"
	"cchc/internal/mail"
	"cchc/internal/report"
	"cchc/internal/web"
)

// Config is what `cchc serve` needs.
type Config struct {
	Addr    string // listen address, default 127.0.0.1:8080
	DataDir string // data directory, default ./data
	DSN     string // postgres://... or a SQLite path; default <DataDir>/cchc.db
	Demo    bool   // build the demo province into an empty database
}

// DatabaseDSN returns the DSN to open: cfg.DSN, or the SQLite file in the
// data directory.
func (c Config) DatabaseDSN() string {
	if c.DSN != "" {
		return c.DSN
	}
	return filepath.Join(c.DataDir, "cchc.db")
}

// Handler returns the whole HTTP surface of a over its middleware: request
// ids and logs, security headers, cross-origin (CSRF) protection, and the
// session or token user.
func Handler(a *app.App) (http.Handler, error) {
	pages, err := web.New(a)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := a.DB.PingContext(ctx); err != nil {
			a.Log.Error("healthz", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, "database unavailable\n")
			return
		}
		_, _ = io.WriteString(w, "ok\n")
	})
	mux.Handle("/api/v1/", api.New(a))
	mux.Handle("/", pages)
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		const msg = "Yêu cầu bị từ chối: gửi từ trang web khác (bảo vệ CSRF)."
		if strings.HasPrefix(r.URL.Path, "/api/") {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, `{"error":{"code":"forbidden","message":"`+msg+`"}}`)
			return
		}
		http.Error(w, msg, http.StatusForbidden)
	}))
	var h http.Handler = mux
	h = httpx.Authenticate(a.Users, a.Log, h)
	h = csrf.Handler(h)
	h = httpx.SecurityHeaders(h)
	h = httpx.Logging(a.Log, h)
	return h, nil
}

// Open opens and migrates the database of cfg, refusing a schema newer than
// this binary knows.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*db.DB, error) {
	d, err := db.Open(ctx, cfg.DatabaseDSN())
	if err != nil {
		return nil, err
	}
	applied, err := d.Migrate(ctx)
	if err != nil {
		d.Close()
		return nil, err
	}
	if len(applied) > 0 {
		log.Info("database migrated", "dialect", d.Dialect, "applied", applied)
	}
	if err := report.EnsureDefaults(ctx, d); err != nil {
		d.Close()
		return nil, fmt.Errorf("seed report defaults: %w", err)
	}
	return d, nil
}

// Run serves until ctx is cancelled (SIGINT/SIGTERM), then drains open
// requests for up to 15 seconds. With cfg.Demo and an empty database it
// first builds the demo province and prints its accounts to out.
func Run(ctx context.Context, cfg Config, log *slog.Logger, out io.Writer) error {
	d, err := Open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer d.Close()
	mailCfg, err := mail.ConfigFromEnv()
	if err != nil {
		return err
	}
	a := app.New(d, log)
	if mailCfg.Enabled() {
		a.WithMailer(mail.New(mailCfg))
		log.Info("e-mail notifications on", "smtp", mailCfg.Host)
	}
	if cfg.Demo {
		var n int
		if err := d.GetContext(ctx, &n, `SELECT COUNT(*) FROM units`); err != nil {
			return err
		}
		if n == 0 {
			log.Info("building demo province")
			if _, err := demo.Build(ctx, a); err != nil {
				return fmt.Errorf("build demo: %w", err)
			}
		} else {
			log.Info("database not empty: demo data left as it is", "units", n)
		}
		printAccounts(out)
	}
	h, err := Handler(a)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // uploads of large spreadsheets
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	log.Info("cchc listening", "addr", "http://"+ln.Addr().String(), "dialect", d.Dialect)
	go runJobs(ctx, a, log)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func printAccounts(out io.Writer) {
	fmt.Fprintln(out, "Demo accounts (username / password):")
	for _, acc := range demo.Accounts() {
		fmt.Fprintf(out, "  %-14s %-6s  %s — %s\n", acc.Username, acc.Password, acc.Role, acc.Unit)
	}
}
