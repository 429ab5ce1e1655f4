package api_test

import (
	"context"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/testkit"
)

// indexEnv is the test province with the 2025 reform index of communes
// finalised: commune A self-scored 3 points, was appraised down to 2,5,
// had 1,75 survey points and a bonus of 0,5 (4,75 of 5: 95%); commune B
// self-scored 1,5, kept it, had 1 survey point (2,5 of 5: 50%).
type indexEnv struct {
	*testkit.Env
	framework   index.Framework
	assessments map[int64]int64 // unit id → assessment id
}

func newIndexEnv(t *testing.T, d *db.DB) indexEnv {
	t.Helper()
	ctx := context.Background()
	env := testkit.New(t, d)
	s := env.App.Index
	s.Today = func() civil.Date { return civil.New(2026, time.March, 1) }
	coord := env.Users["coord"].ID
	f, id := env.IndexFramework(t, 2025, "commune", "Chỉ số CCHC năm 2025 của cấp xã", testkit.SmallIndexItems())
	pts := func(p rule.Points) rule.Input { return rule.Input{Points: &p} }
	yes := func(b bool) rule.Input { return rule.Input{Yes: &b} }
	e := indexEnv{Env: env, assessments: map[int64]int64{}}
	for _, u := range []struct {
		unit   int64
		user   string
		scores map[string]rule.Input
	}{
		{env.CommuneA.ID, "officer_a", map[string]rule.Input{"1.1": pts(200), "1.2": yes(true), "3.1": pts(50)}},
		{env.CommuneB.ID, "officer_b", map[string]rule.Input{"1.1": pts(150), "1.2": yes(false), "3.1": pts(0)}},
	} {
		e.assessments[u.unit] = env.SubmitSelfAssessment(t, f.ID, u.unit, u.user, id, u.scores)
	}
	if err := s.SetStage(ctx, f.ID, index.StageAppraisal, coord); err != nil {
		t.Fatal(err)
	}
	lower := rule.Points(150)
	if _, err := s.Appraise(ctx, e.assessments[env.CommuneA.ID], id["1.1"], index.AppraisalInput{Points: &lower,
		Reason: "Kế hoạch ban hành sau ngày 31/12/2024."}, env.Users["appraiser"].ID); err != nil {
		t.Fatal(err)
	}
	for unit, survey := range map[int64]rule.Points{env.CommuneA.ID: 175, env.CommuneB.ID: 100} {
		if _, err := s.CompleteAppraisal(ctx, e.assessments[unit], env.Users["appraiser"].ID); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSurveyPoints(ctx, f.ID, unit, id["2.1"], &survey, coord); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Finalise(ctx, f.ID, coord); err != nil {
		t.Fatal(err)
	}
	var err error
	if e.framework, err = s.Framework(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	return e
}

// wantIndexContract checks the answer has exactly the contract's keys and
// that its figures agree: index_percent = points ÷ max × 100 (two
// decimals), ranks follow the index and total counts the items.
func wantIndexContract(t *testing.T, _ *httptest.ResponseRecorder, doc any) {
	t.Helper()
	top, _ := doc.(map[string]any)
	if keys := indexKeys(top); keys != "items total" {
		t.Errorf("top-level keys = %q, want \"items total\"", keys)
	}
	items, _ := top["items"].([]any)
	if total, _ := top["total"].(float64); int(total) != len(items) {
		t.Errorf("total = %v, want %d", top["total"], len(items))
	}
	prevIndex, prevRank := math.Inf(1), 0.0
	for i, it := range items {
		m, _ := it.(map[string]any)
		if keys := indexKeys(m); keys != "appraised_points index_percent max points rank self_points survey_points unit_id" {
			t.Errorf("items.%d keys = %q", i, keys)
		}
		points, _ := m["points"].(float64)
		maxPoints, _ := m["max"].(float64)
		pct, _ := m["index_percent"].(float64)
		if maxPoints > 0 && math.Abs(pct-math.Round(points/maxPoints*10000)/100) > 1e-9 {
			t.Errorf("items.%d index_percent = %v, want %v ÷ %v", i, pct, points, maxPoints)
		}
		if rank, ok := m["rank"].(float64); ok {
			if pct > prevIndex || rank < prevRank || (pct < prevIndex && rank == prevRank) {
				t.Errorf("items.%d rank %v with index %v after rank %v with %v", i, rank, pct, prevRank, prevIndex)
			}
			prevIndex, prevRank = pct, rank
		}
	}
}

func indexKeys(m map[string]any) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return strings.Join(keys, " ")
}

func TestIndexResultsAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newIndexEnv(t, d)
		if _, err := env.App.Users.CreateUser(context.Background(), auth.UserInput{Username: "officer_d", FullName: "Cán bộ huyện",
			UnitID: env.District.ID, Roles: []auth.Role{auth.RoleOfficer}, Active: true, Password: testkit.Password}); err != nil {
			t.Fatal(err)
		}
		h := newHarness(env.Env)
		a, b := env.CommuneA.ID, env.CommuneB.ID
		const path = "/api/v1/index/results?year=2025&kind=commune"
		both := map[string]any{"total": 2, "items.0.unit_id": a, "items.1.unit_id": b}
		h.run(t, []scenario{
			{name: "coordinator reads every unit", as: "token:coord", path: path, status: http.StatusOK, check: wantIndexContract,
				json: map[string]any{"total": 2, "items.0.unit_id": a, "items.0.rank": 1, "items.0.points": 4.75, "items.0.max": 5,
					"items.0.index_percent": 95, "items.0.self_points": 3, "items.0.appraised_points": 2.5, "items.0.survey_points": 1.75,
					"items.1.unit_id": b, "items.1.rank": 2, "items.1.points": 2.5, "items.1.index_percent": 50,
					"items.1.self_points": 1.5, "items.1.appraised_points": 1.5, "items.1.survey_points": 1}},
			{name: "appraiser reads every unit", as: "appraiser", path: path, status: http.StatusOK, json: both},
			{name: "leader reads every unit", as: "leader_d", path: path, status: http.StatusOK, json: both},
			{name: "officer reads only its commune before publication", as: "token:officer_b", path: path, status: http.StatusOK,
				check: wantIndexContract, json: map[string]any{"total": 1, "items.0.unit_id": b, "items.0.rank": 2}},
			{name: "officer reads its own commune", as: "officer_a", path: path, status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.unit_id": a, "items.0.index_percent": 95}},
			{name: "officer of a unit not assessed reads nothing", as: "officer_d", path: path, status: http.StatusOK,
				json: map[string]any{"total": 0, "items": []any{}}},
			{name: "anonymous", path: path, status: http.StatusUnauthorized},
		})
		ctx := context.Background()
		if err := env.App.Index.SetRanked(ctx, env.assessments[a], false, "Đơn vị mới sáp nhập.", env.Users["coord"].ID); err != nil {
			t.Fatal(err)
		}
		if err := env.App.Index.SetPublished(ctx, env.framework.ID, true, env.Users["coord"].ID); err != nil {
			t.Fatal(err)
		}
		h.run(t, []scenario{
			{name: "after publication everyone reads every unit", as: "officer_b", path: path, status: http.StatusOK,
				check: wantIndexContract, json: map[string]any{"total": 2, "items.0.unit_id": b, "items.0.rank": 1,
					"items.1.unit_id": a, "items.1.rank": nil, "items.1.points": 4.75}},
		})
	})
}

func TestIndexResultsAPIErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newIndexEnv(t, d)
		h := newHarness(env.Env)
		h.run(t, []scenario{
			{name: "year missing", as: "coord", path: "/api/v1/index/results?kind=commune", status: http.StatusBadRequest,
				json: map[string]any{"error.code": "bad_request"}, want: []string{"year"}},
			{name: "year not a number", as: "coord", path: "/api/v1/index/results?year=nam2025&kind=commune", status: http.StatusBadRequest,
				want: []string{`year=\"nam2025\"`}},
			{name: "year out of range", as: "coord", path: "/api/v1/index/results?year=1990&kind=commune", status: http.StatusBadRequest},
			{name: "kind missing", as: "coord", path: "/api/v1/index/results?year=2025", status: http.StatusBadRequest,
				json: map[string]any{"error.code": "bad_request"}, want: []string{"kind", "commune"}},
			{name: "kind unknown", as: "coord", path: "/api/v1/index/results?year=2025&kind=xa", status: http.StatusBadRequest,
				want: []string{`kind=\"xa\"`}},
			{name: "no framework that year", as: "coord", path: "/api/v1/index/results?year=2024&kind=commune", status: http.StatusNotFound,
				json: map[string]any{"error.code": "not_found"}, want: []string{"năm 2024"}},
			{name: "no framework for the kind", as: "officer_a", path: "/api/v1/index/results?year=2025&kind=agency", status: http.StatusNotFound},
			{name: "method not allowed", as: "coord", method: http.MethodPost, path: "/api/v1/index/results?year=2025&kind=commune",
				status: http.StatusMethodNotAllowed},
		})
	})
}
