package api_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
	"cchc/internal/testkit"
)

// reportEnv is the test province with the default report calendar and form
// and the 2026 periods; today is a pointer the tests move (the unit
// deadline of 2026-Q1 is 05/03/2026).
func reportEnv(t *testing.T, d *db.DB) (*testkit.Env, *civil.Date) {
	t.Helper()
	env := testkit.New(t, d)
	ctx := context.Background()
	if err := report.EnsureDefaults(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := report.EnsurePeriods(ctx, d, 2026); err != nil {
		t.Fatal(err)
	}
	today := civil.New(2026, time.March, 2)
	env.App.Reports.Today = func() civil.Date { return today }
	return env, &today
}

// reportPath returns path with ?unit=&period=2026-Q1&form=CCHC.
func reportPath(path string, unit int64) string {
	return fmt.Sprintf("%s?unit=%d&period=2026-Q1&form=CCHC", path, unit)
}

// wantValues checks the "values" list at prefix ("" for the top level,
// "items.0." for a list item) holds each code with its value; a NaN wants
// the code absent.
func wantValues(prefix string, want map[string]float64) func(t *testing.T, res *httptest.ResponseRecorder, doc any) {
	return func(t *testing.T, _ *httptest.ResponseRecorder, doc any) {
		t.Helper()
		list, _ := lookup(doc, prefix+"values").([]any)
		got := map[string]float64{}
		for _, v := range list {
			got[fmt.Sprint(lookup(v, "code"))], _ = lookup(v, "value").(float64)
		}
		for code, w := range want {
			g, ok := got[code]
			switch {
			case math.IsNaN(w) && ok:
				t.Errorf("%s%s = %v, want it absent", prefix, code, g)
			case !math.IsNaN(w) && (!ok || math.Abs(g-w) > 1e-9):
				t.Errorf("%s%s = %v (present %v), want %v", prefix, code, g, ok, w)
			}
		}
	}
}

func TestReportsAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, today := reportEnv(t, d)
		h := newHarness(env)
		a, b, dist, prov := env.CommuneA.ID, env.CommuneB.ID, env.District.ID, env.Province.ID
		h.run(t, []scenario{
			{name: "forms list", as: "token:officer_a", path: "/api/v1/report-forms", status: http.StatusOK,
				json: map[string]any{"items.0.code": "CCHC", "items.0.title": "Báo cáo công tác cải cách hành chính", "total": 1}},
			{name: "no report yet", as: "officer_a", path: reportPath("/api/v1/reports", a), status: http.StatusOK,
				json: map[string]any{"items": []any{}}},
			{name: "officer saves its commune's figures", as: "token:officer_a", method: http.MethodPut, path: reportPath("/api/v1/reports", a),
				body:   `{"values":{"dossiers_online":12,"dossiers_processed":10,"processed_early":2,"processed_on_time":6,"processed_late":2},"texts":{}}`,
				status: http.StatusOK, json: map[string]any{"unit_id": a, "period": "2026-Q1", "form": "CCHC", "status": "draft", "on_time": nil},
				check: wantValues("", map[string]float64{"dossiers_processed": 10, "on_time_rate": 0.8, "online_rate": 1, "feedback_handled_rate": math.NaN()})},
			{name: "officer submits on time", as: "token:officer_a", method: http.MethodPost, path: reportPath("/api/v1/reports/submit", a),
				status: http.StatusOK, json: map[string]any{"status": "submitted", "on_time": true}},
			{name: "a submitted report cannot be saved", as: "officer_a", method: http.MethodPut, path: reportPath("/api/v1/reports", a),
				body: `{"values":{"dossiers_processed":11}}`, status: http.StatusUnprocessableEntity, json: map[string]any{"error.code": "validation_failed"}},
			{name: "officer of another commune cannot write", as: "officer_b", method: http.MethodPut, path: reportPath("/api/v1/reports", a),
				body: `{"values":{"dossiers_processed":1}}`, status: http.StatusForbidden, json: map[string]any{"error.code": "forbidden"}},
			{name: "leader cannot write", as: "leader_d", method: http.MethodPut, path: reportPath("/api/v1/reports", dist),
				body: `{"values":{}}`, status: http.StatusForbidden},
			{name: "unknown code refused by field", as: "officer_b", method: http.MethodPut, path: reportPath("/api/v1/reports", b),
				body: `{"values":{"khong_co":1}}`, status: http.StatusUnprocessableEntity, json: map[string]any{"error.code": "validation_failed"},
				want: []string{`"value.khong_co"`}},
			{name: "rate refused", as: "officer_b", method: http.MethodPut, path: reportPath("/api/v1/reports", b),
				body: `{"values":{"on_time_rate":1}}`, status: http.StatusUnprocessableEntity, want: []string{`"value.on_time_rate"`, "tự động"}},
			{name: "not a whole number", as: "officer_b", method: http.MethodPut, path: reportPath("/api/v1/reports", b),
				body: `{"values":{"dossiers_processed":1.5}}`, status: http.StatusBadRequest, json: map[string]any{"error.code": "bad_request"}},
			{name: "figures that do not add up are saved", as: "officer_b", method: http.MethodPut, path: reportPath("/api/v1/reports", b),
				body:   `{"values":{"dossiers_online":5,"dossiers_processed":5,"processed_early":1,"processed_on_time":1,"processed_late":1}}`,
				status: http.StatusOK, json: map[string]any{"status": "draft"}},
			{name: "but block the submission", as: "officer_b", method: http.MethodPost, path: reportPath("/api/v1/reports/submit", b),
				status: http.StatusUnprocessableEntity, json: map[string]any{"error.code": "validation_failed"},
				want: []string{`"value.processed_early"`, "phải cộng lại bằng"}},
		})
		*today = civil.New(2026, time.March, 10)
		h.run(t, []scenario{
			{name: "fixed figure keeps the others", as: "officer_b", method: http.MethodPut, path: reportPath("/api/v1/reports", b),
				body: `{"values":{"processed_late":3}}`, status: http.StatusOK, check: wantValues("", map[string]float64{"processed_early": 1, "processed_late": 3})},
			{name: "submitted after the deadline is late", as: "officer_b", method: http.MethodPost, path: reportPath("/api/v1/reports/submit", b),
				status: http.StatusOK, json: map[string]any{"status": "submitted", "on_time": false}},
			{name: "leader reads a commune's report", as: "leader_d", path: reportPath("/api/v1/reports", b), status: http.StatusOK,
				json:  map[string]any{"items.0.unit_id": b, "items.0.status": "submitted", "items.0.on_time": false},
				check: wantValues("items.0.", map[string]float64{"dossiers_processed": 5, "on_time_rate": 0.4})},
			{name: "district consolidated: sums, recomputed rate, timeliness", as: "leader_d", path: reportPath("/api/v1/reports/consolidated", dist),
				status: http.StatusOK,
				json: map[string]any{"unit_id": dist, "period": "2026-Q1", "form": "CCHC", "expected": 3, "submitted_on_time": 1,
					"submitted_late": 1, "missing": 1, "units.0.code": "H1", "units.0.own": true, "units.1.code": "XA", "units.2.code": "XB"},
				// (2+6+1+1)/15, not the mean of 0.8 and 0.4.
				check: wantValues("", map[string]float64{"dossiers_processed": 15, "processed_early": 3, "processed_late": 5, "on_time_rate": 10.0 / 15})},
			{name: "province consolidated by a bearer token", as: "token:coord", path: reportPath("/api/v1/reports/consolidated", prov),
				status: http.StatusOK,
				json: map[string]any{"expected": 4, "submitted_on_time": 1, "submitted_late": 1, "missing": 2,
					"units.0.code": "H1", "units.0.expected": 3, "units.1.code": "SNV", "units.1.missing": 1},
				check: wantValues("", map[string]float64{"dossiers_processed": 15, "on_time_rate": 10.0 / 15})},
			{name: "timeliness lists the missing units", as: "coord", path: reportPath("/api/v1/reports/timeliness", prov),
				status: http.StatusOK,
				json: map[string]any{"expected": 4, "missing.0.code": "SNV", "missing.1.code": "H1", "missing.1.status": "",
					"by_kind.0.kind": "agency", "by_kind.2.kind": "commune", "by_kind.2.submitted_late": 1}},
			{name: "leader reads its district's units", as: "leader_d", path: reportPath("/api/v1/reports/timeliness", dist),
				status: http.StatusOK, json: map[string]any{"expected": 3, "missing.0.code": "H1"}},
			{name: "officer of another commune gets 403", as: "officer_b", path: reportPath("/api/v1/reports/consolidated", a),
				status: http.StatusForbidden, json: map[string]any{"error.code": "forbidden"}},
			{name: "officer cannot read its district", as: "officer_a", path: reportPath("/api/v1/reports/consolidated", dist),
				status: http.StatusForbidden},
			{name: "officer cannot read another commune's report", as: "officer_a", path: reportPath("/api/v1/reports", b),
				status: http.StatusForbidden},
			{name: "officer consolidates its own commune", as: "officer_a", path: reportPath("/api/v1/reports/consolidated", a),
				status: http.StatusOK, json: map[string]any{"expected": 1, "submitted_on_time": 1, "units.0.status": "submitted"}},
			{name: "anonymous", path: reportPath("/api/v1/reports/consolidated", prov), status: http.StatusUnauthorized},
		})
	})
}

func TestReportsAPIErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, _ := reportEnv(t, d)
		h := newHarness(env)
		dist := env.District.ID
		h.run(t, []scenario{
			{name: "unit missing", as: "coord", path: "/api/v1/reports/consolidated?period=2026-Q1&form=CCHC",
				status: http.StatusBadRequest, json: map[string]any{"error.code": "bad_request"}, want: []string{"Thiếu tham số unit"}},
			{name: "unit not an id", as: "coord", path: "/api/v1/reports/consolidated?unit=H1&period=2026-Q1&form=CCHC",
				status: http.StatusBadRequest, want: []string{"unit"}},
			{name: "period missing", as: "coord", path: fmt.Sprintf("/api/v1/reports?unit=%d&form=CCHC", dist),
				status: http.StatusBadRequest, want: []string{"Thiếu tham số period"}},
			{name: "form missing", as: "coord", path: fmt.Sprintf("/api/v1/reports?unit=%d&period=2026-Q1", dist),
				status: http.StatusBadRequest, want: []string{"Thiếu tham số form"}},
			{name: "unknown unit", as: "coord", path: reportPath("/api/v1/reports/consolidated", 999999),
				status: http.StatusNotFound, json: map[string]any{"error.code": "not_found"}, want: []string{"Không tìm thấy đơn vị có mã số (id) 999999"}},
			{name: "unknown form", as: "coord", path: fmt.Sprintf("/api/v1/reports/consolidated?unit=%d&period=2026-Q1&form=KHAC", dist),
				status: http.StatusNotFound, want: []string{"Không tìm thấy biểu mẫu báo cáo “KHAC”"}},
			{name: "period not in the calendar", as: "coord", path: fmt.Sprintf("/api/v1/reports/consolidated?unit=%d&period=2031-Q2&form=CCHC", dist),
				status: http.StatusNotFound, want: []string{"Lịch báo cáo chưa có kỳ 2031-Q2 (Quý II/2031)"}},
			{name: "period badly written", as: "coord", path: fmt.Sprintf("/api/v1/reports?unit=%d&period=Q1-2026&form=CCHC", dist),
				status: http.StatusNotFound, want: []string{"Không có kỳ báo cáo “Q1-2026”", "YYYY-Q1"}},
			{name: "period in lower case", as: "coord", path: fmt.Sprintf("/api/v1/reports/consolidated?unit=%d&period=2026-q1&form=CCHC", dist),
				status: http.StatusOK, json: map[string]any{"period": "2026-Q1", "expected": 3, "missing": 3}},
			{name: "submit without a report", as: "coord", method: http.MethodPost, path: reportPath("/api/v1/reports/submit", dist),
				status: http.StatusNotFound, want: []string{"Huyện Đông Sơn chưa có báo cáo Quý I/2026", "PUT /api/v1/reports"}},
			{name: "body not JSON", as: "coord", method: http.MethodPut, path: reportPath("/api/v1/reports", dist),
				body: `{"values":`, status: http.StatusBadRequest},
			{name: "unknown field", as: "coord", method: http.MethodPut, path: reportPath("/api/v1/reports", dist),
				body: `{"numbers":{}}`, status: http.StatusBadRequest, want: []string{"numbers"}},
			{name: "form not for the province's kind", as: "admin", method: http.MethodPut, path: reportPath("/api/v1/reports", env.Province.ID),
				body: `{"values":{}}`, status: http.StatusUnprocessableEntity, want: []string{"không áp dụng"}},
			{name: "method not allowed", as: "coord", method: http.MethodDelete, path: reportPath("/api/v1/reports", dist),
				status: http.StatusMethodNotAllowed},
		})
	})
}
