package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"cchc/internal/db/dbtest"
	"cchc/internal/server"
)

// TestServeDemo runs `cchc serve --demo` as a newcomer would, on each
// database: the health check answers, the login page is Vietnamese,
// admin/demo signs in, the API lists the province's units, and the server
// stops cleanly when asked.
func TestServeDemo(t *testing.T) {
	tests := []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return "" }},
		{"postgres", func(t *testing.T) string { return dbtest.PostgresURL(t) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := server.Config{Addr: freeAddr(t), DataDir: t.TempDir(), DSN: tc.dsn(t), Demo: true}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			var printed strings.Builder
			go func() {
				done <- server.Run(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), &printed)
			}()
			base := "http://" + cfg.Addr
			waitHealthy(t, base, done)

			jar, _ := cookiejar.New(nil)
			client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
			res, err := client.Get(base + "/login")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if !strings.Contains(string(body), `lang="vi"`) || !strings.Contains(string(body), "Đăng nhập") {
				t.Fatalf("login page is not Vietnamese")
			}
			req, _ := http.NewRequest(http.MethodPost, base+"/login", strings.NewReader(url.Values{"username": {"admin"}, "password": {"demo"}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Origin", base)
			res, err = client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ = io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "Xin chào") {
				t.Fatalf("admin/demo login: status %d", res.StatusCode)
			}

			res, err = client.Get(base + "/api/v1/units")
			if err != nil {
				t.Fatal(err)
			}
			var list struct {
				Items []map[string]any `json:"items"`
				Total int              `json:"total"`
			}
			if err := json.NewDecoder(res.Body).Decode(&list); err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if list.Total < 120 || len(list.Items) < 120 {
				t.Fatalf("GET /api/v1/units: total %d, items %d, want at least 120", list.Total, len(list.Items))
			}
			if !strings.Contains(printed.String(), "admin") {
				t.Errorf("demo accounts not printed: %q", printed.String())
			}

			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("Run returned %v after shutdown", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("server did not stop")
			}
		})
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func waitHealthy(t *testing.T, base string, done chan error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("server stopped: %v", err)
		default:
		}
		res, err := http.Get(base + "/healthz")
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK && string(b) == "ok\n" {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("server never became healthy")
}

func TestRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	cfg := server.Config{DataDir: dir}
	d, err := server.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.ExecContext(context.Background(), `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')`); err != nil {
		t.Fatal(err)
	}
	d.Close()
	cfg.Addr = freeAddr(t)
	err = server.Run(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "newer than this cchc knows") {
		t.Fatalf("Run on a newer schema: %v", err)
	}
}
