package api

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/httpx"
	"cchc/internal/valid"
)

// TestFailMapsErrors checks the store-error → response mapping, and that an
// internal error is logged with the request id but never echoed.
func TestFailMapsErrors(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		status  int
		want    []string
		notWant []string
		logged  bool
	}{
		{"not found", fmt.Errorf("org: get unit 9: %w", db.ErrNotFound), http.StatusNotFound, []string{`"code":"not_found"`}, nil, false},
		{"field errors", valid.Errors{"code": "Mã đơn vị đã được dùng."}, http.StatusUnprocessableEntity,
			[]string{`"code":"validation_failed"`, `"fields":{"code":"Mã đơn vị đã được dùng."}`}, nil, false},
		{"problem", fmt.Errorf("wrapped: %w", valid.Problemf("Không thể xóa: đơn vị còn tài khoản.")), http.StatusUnprocessableEntity,
			[]string{`"code":"validation_failed"`, "Không thể xóa"}, []string{`"fields"`}, false},
		{"internal", errors.New("pq: relation units_secret does not exist"), http.StatusInternalServerError,
			[]string{`"code":"internal"`, "Đã có lỗi hệ thống"}, []string{"units_secret", "pq:"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var logs bytes.Buffer
			log := slog.New(slog.NewTextHandler(&logs, nil))
			h := &API{log: log}
			srv := httpx.Logging(log, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.fail(w, r, tc.err) }))
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/units/9", nil))
			body, id := rec.Body.String(), rec.Header().Get("X-Request-Id")
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, body)
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q: %s", s, body)
				}
			}
			for _, s := range tc.notWant {
				if strings.Contains(body, s) {
					t.Errorf("body has %q: %s", s, body)
				}
			}
			if tc.logged {
				if id == "" || !strings.Contains(body, id) {
					t.Errorf("request id %q not in body %s", id, body)
				}
				if !strings.Contains(logs.String(), "units_secret") || !strings.Contains(logs.String(), "request_id="+id) {
					t.Errorf("error not logged with its request id: %s", logs.String())
				}
			}
		})
	}
}
