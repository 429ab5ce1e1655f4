package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/app"
	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/national"
	"cchc/internal/report"
	"cchc/internal/server"
)

// EnvBenchNational, set to 1, makes BenchmarkNational generate the
// national size (national.DefaultConfig: 12,600 units × 100 counts × 4
// quarters, about 5 million values) instead of a small country.
const EnvBenchNational = "CCHC_BENCH_NATIONAL"

// benchConfig returns the dataset BenchmarkNational generates.
func benchConfig() national.Config {
	cfg := national.DefaultConfig()
	if os.Getenv(EnvBenchNational) != "1" {
		cfg.Units = 1200
	}
	return cfg
}

// Submission load: clients concurrent API clients, each the officer of
// its own commune.
const clients = 50

// BenchmarkNational generates a country once per database (see
// benchConfig) and measures on it, in one run: consolidating the last
// quarter over the whole country and over one province with
// Store.ConsolidateOf, each beside the same aggregate written by hand as
// one SQL query; and submitting reports of 100 values over HTTP from 50
// concurrent clients (PUT /api/v1/reports then POST
// /api/v1/reports/submit), reporting submissions/s, the p99 latency of a
// submission (both requests) and of a request, after one warm-up round
// (not timed). Any failed request fails the benchmark. National size, on both databases:
//
//	CCHC_BENCH_NATIONAL=1 CCHC_TEST_POSTGRES=postgres://... \
//	  go test ./internal/report -run '^$' -bench National -benchtime 5x -timeout 30m
func BenchmarkNational(b *testing.B) {
	for _, dialect := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", dbtest.SQLite}, {"postgres", dbtest.Postgres}} {
		b.Run(dialect.name, func(b *testing.B) {
			d := dialect.open(b)
			ctx := context.Background()
			cfg := benchConfig()
			var progress bytes.Buffer
			cfg.Progress = &progress
			sum, err := national.Build(ctx, d, cfg)
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%s dataset: %s", dialect.name, sum.Shape)
			b.Logf("%s", progress.String())
			store := report.NewStore(d)
			f, err := store.FormByCode(ctx, national.FormCode)
			if err != nil {
				b.Fatal(err)
			}
			p, err := report.PeriodByCode(ctx, d, sum.Periods[len(sum.Periods)-1])
			if err != nil {
				b.Fatal(err)
			}
			for _, scope := range []struct {
				name string
				root int64
			}{{"country", sum.RootID}, {"province", sum.ProvinceID}} {
				checkAgainstHandTuned(b, store, d, scope.root, p, f)
				b.Run(scope.name+"/consolidate", func(b *testing.B) {
					for b.Loop() {
						if _, err := store.ConsolidateOf(ctx, scope.root, p, f); err != nil {
							b.Fatal(err)
						}
					}
				})
				b.Run(scope.name+"/hand-tuned", func(b *testing.B) {
					for b.Loop() {
						if _, err := handTunedTotals(ctx, d, scope.root, p, f); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
			b.Run("submit-http", func(b *testing.B) { benchSubmit(b, d, cfg) })
		})
	}
}

// handTunedSQL is the consolidation of a unit's subtree written by hand as
// one query over the same rows: the subtree through units.parent_id (the
// generated tree has no history), the counted reports' values summed by
// code, and the tally ("#expected", "#submitted", "#on_time") in the same
// result. Parameters: root, form, period.
const handTunedSQL = `WITH RECURSIVE sub(id) AS (
	SELECT id FROM units WHERE id = ?
	UNION ALL
	SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id),
rep AS (SELECT r.id, r.on_time FROM sub JOIN reports r ON r.unit_id = sub.id
	WHERE r.form_id = ? AND r.period_id = ? AND r.status IN ('submitted', 'accepted'))
SELECT rv.code AS code, CAST(SUM(rv.value) AS BIGINT) AS total FROM rep JOIN report_values rv ON rv.report_id = rep.id GROUP BY rv.code
UNION ALL
SELECT '#expected', COUNT(*) FROM sub JOIN units u ON u.id = sub.id WHERE u.kind IN ('agency', 'district', 'commune')
UNION ALL
SELECT '#submitted', COUNT(*) FROM rep
UNION ALL
SELECT '#on_time', COALESCE(SUM(CASE WHEN rep.on_time THEN 1 ELSE 0 END), 0) FROM rep`

// handTunedTotals runs handTunedSQL and returns its totals by code.
func handTunedTotals(ctx context.Context, d *db.DB, root int64, p report.PeriodRow, f report.Form) (map[string]int64, error) {
	var rows []struct {
		Code  string `db:"code"`
		Total int64  `db:"total"`
	}
	if err := d.SelectContext(ctx, &rows, d.Rebind(handTunedSQL), root, f.ID, p.ID); err != nil {
		return nil, fmt.Errorf("hand-tuned consolidation of unit %d: %w", root, err)
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.Code] = r.Total
	}
	return out, nil
}

// checkAgainstHandTuned fails b unless ConsolidateOf and the hand-tuned
// query agree on every count and on the tally.
func checkAgainstHandTuned(b *testing.B, store *report.Store, d *db.DB, root int64, p report.PeriodRow, f report.Form) {
	b.Helper()
	ctx := context.Background()
	c, err := store.ConsolidateOf(ctx, root, p, f)
	if err != nil {
		b.Fatal(err)
	}
	want, err := handTunedTotals(ctx, d, root, p, f)
	if err != nil {
		b.Fatal(err)
	}
	counts := 0
	for _, v := range c.Values {
		if v.Kind == report.KindRate {
			continue
		}
		counts++
		if float64(want[v.Code]) != v.Value {
			b.Fatalf("unit %d, %s: consolidation %v, hand-tuned query %d", root, v.Code, v.Value, want[v.Code])
		}
	}
	if counts == 0 || c.Expected != int(want["#expected"]) || c.SubmittedOnTime != int(want["#on_time"]) ||
		c.SubmittedOnTime+c.SubmittedLate != int(want["#submitted"]) {
		b.Fatalf("unit %d: %d counts, tally %+v; hand-tuned %v", root, counts, c.Tally, want)
	}
}

// periodKinds are the periods of a year the submission benchmark fills, in
// turn.
var periodKinds = []string{"Q1", "Q2", "Q3", "Q4", "H1", "H2", "M9", ""}

// benchPeriod returns the code of the i-th period after year: the
// quarters, halves, nine months and year of year+1, then of year+2 ...
func benchPeriod(year, i int) string {
	y, k := year+1+i/len(periodKinds), periodKinds[i%len(periodKinds)]
	if k == "" {
		return fmt.Sprint(y)
	}
	return fmt.Sprintf("%d-%s", y, k)
}

// benchSubmit measures submissions over HTTP: each iteration, every one of
// the clients saves then submits its commune's report of a new period.
func benchSubmit(b *testing.B, d *db.DB, cfg national.Config) {
	ctx := context.Background()
	a := app.New(d, slog.New(slog.NewTextHandler(io.Discard, nil)))
	// Every period after the generated year is open and its deadline ahead.
	firstDay := civil.New(cfg.Year+1, time.January, 1)
	a.Reports.Today = func() civil.Date { return firstDay }
	h, err := server.Handler(a)
	if err != nil {
		b.Fatal(err)
	}
	const years = 25
	err = d.InTx(ctx, func(tx *sqlx.Tx) error {
		for y := cfg.Year + 1; y <= cfg.Year+years; y++ {
			if err := report.EnsurePeriods(ctx, tx, y); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	officers := benchOfficers(b, a, d)
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: time.Minute}

	var (
		mu         sync.Mutex
		perSubmit  []time.Duration
		perRequest []time.Duration
		failures   []string
	)
	// An earlier run on this database (-count) used the first periods.
	var round int
	if err := d.GetContext(ctx, &round, d.Rebind(`SELECT COUNT(DISTINCT p.id) FROM reports r
		JOIN report_periods p ON p.id = r.period_id WHERE p.starts_on > ?`), civil.New(cfg.Year, time.December, 31)); err != nil {
		b.Fatal(err)
	}
	submitted := 0
	// submitRound has every client save then submit its report of the
	// next period, and waits for them all.
	submitRound := func() {
		if round == years*len(periodKinds) {
			b.Fatalf("ran out of periods after %d rounds", round)
		}
		period := benchPeriod(cfg.Year, round)
		var wg sync.WaitGroup
		for i, o := range officers {
			wg.Go(func() {
				took, reqs, err := submitOne(client, srv.URL, o, period, round*clients+i, cfg.Indicators)
				mu.Lock()
				defer mu.Unlock()
				perSubmit = append(perSubmit, took)
				perRequest = append(perRequest, reqs...)
				if err != nil {
					failures = append(failures, err.Error())
				}
			})
		}
		wg.Wait()
		round++
		submitted += len(officers)
	}
	// A first round warms what a running server has warm: the database
	// pool's connections and their prepared statements, the clients'
	// HTTP connections. Its failures count; its timings do not.
	submitRound()
	warmupFailures := failures
	perSubmit, perRequest, failures, submitted = nil, nil, nil, 0
	if len(warmupFailures) > 0 {
		b.Fatalf("%d submissions of the warm-up round failed; first: %s", len(warmupFailures), warmupFailures[0])
	}
	start := time.Now()
	for b.Loop() {
		submitRound()
	}
	elapsed := time.Since(start)
	if len(failures) > 0 {
		b.Fatalf("%d of %d submissions failed; first: %s", len(failures), submitted, failures[0])
	}
	b.ReportMetric(float64(submitted)/elapsed.Seconds(), "submissions/s")
	b.ReportMetric(ms(percentile(perSubmit, 99)), "p99-submission-ms")
	b.ReportMetric(ms(percentile(perRequest, 99)), "p99-request-ms")
	b.ReportMetric(0, "errors")
}

// benchOfficer is an API client: an officer's token for a commune.
type benchOfficer struct {
	unit  int64
	kind  string
	token string
}

// benchOfficers creates an officer with an API token in each of clients
// communes spread over the country.
func benchOfficers(b *testing.B, a *app.App, d *db.DB) []benchOfficer {
	ctx := context.Background()
	var ids []int64
	if err := d.SelectContext(ctx, &ids, `SELECT id FROM units WHERE kind = 'commune' ORDER BY id`); err != nil {
		b.Fatal(err)
	}
	if len(ids) < clients {
		b.Fatalf("%d communes, %d clients", len(ids), clients)
	}
	out := make([]benchOfficer, clients)
	for i := range out {
		unit := ids[i*len(ids)/clients]
		name := fmt.Sprintf("canbo%02d", i+1)
		u, err := a.Users.GetByUsername(ctx, name) // made by an earlier run (-count)
		if errors.Is(err, db.ErrNotFound) {
			u, err = a.Users.CreateUser(ctx, auth.UserInput{Username: name, FullName: fmt.Sprintf("Cán bộ %d", i+1),
				UnitID: unit, Roles: []auth.Role{auth.RoleOfficer}, Active: true, Password: "MatKhau@2026"})
		}
		if err != nil {
			b.Fatal(err)
		}
		_, secret, err := a.Users.CreateToken(ctx, u.ID, "benchmark")
		if err != nil {
			b.Fatal(err)
		}
		out[i] = benchOfficer{unit: unit, kind: "commune", token: secret}
	}
	return out
}

// submitOne saves the report of o's unit for period with its values, then
// submits it, and returns how long both took, each request's duration, and
// the first failure.
func submitOne(client *http.Client, base string, o benchOfficer, period string, seq, indicators int) (time.Duration, []time.Duration, error) {
	body, err := json.Marshal(map[string]any{"values": national.Values(indicators, o.unit, seq, o.kind)})
	if err != nil {
		return 0, nil, err
	}
	query := fmt.Sprintf("?unit=%d&period=%s&form=%s", o.unit, period, national.FormCode)
	start := time.Now()
	var reqs []time.Duration
	for _, step := range []struct {
		method, path string
		body         []byte
	}{{http.MethodPut, "/api/v1/reports", body}, {http.MethodPost, "/api/v1/reports/submit", nil}} {
		t := time.Now()
		req, err := http.NewRequest(step.method, base+step.path+query, bytes.NewReader(step.body))
		if err != nil {
			return 0, reqs, err
		}
		req.Header.Set("Authorization", "Bearer "+o.token)
		req.Header.Set("Content-Type", "application/json")
		res, err := client.Do(req)
		if err != nil {
			return time.Since(start), reqs, fmt.Errorf("%s %s: %w", step.method, step.path+query, err)
		}
		out, _ := io.ReadAll(res.Body)
		res.Body.Close()
		reqs = append(reqs, time.Since(t))
		if res.StatusCode != http.StatusOK {
			return time.Since(start), reqs, fmt.Errorf("%s %s: %d %s", step.method, step.path+query, res.StatusCode, out)
		}
		if step.method == http.MethodPost && !bytes.Contains(out, []byte(`"status":"submitted"`)) {
			return time.Since(start), reqs, fmt.Errorf("submit %s: %s", query, out)
		}
	}
	return time.Since(start), reqs, nil
}

// percentile returns the p-th percentile of ds (nearest rank).
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(i-1, 0)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
