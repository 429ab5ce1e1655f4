package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/testkit"
)

func TestOverview(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		f := newWorkFixture(t, env)
		c := env.Login(t, "coord")
		path := "/overview?plan=" + strconv.FormatInt(f.plan.ID, 10)
		body := c.Get(path).Body.String()
		wantInBody(t, "before", body, env.CommuneA.Name, env.CommuneB.Name, "Theo lĩnh vực",
			// XA: 2 items, 0 done, 1 overdue.
			fmt.Sprintf(`/work-items?plan=%d&amp;area=0&amp;unit=%d&amp;status=overdue`, f.plan.ID, env.CommuneA.ID),
			`<th class="num">3</th>`, "0 (0%)")

		if res := env.Login(t, "officer_a").PostForm(itemPath(f.itemCoordinated, "/progress"),
			url.Values{"percent": {"100"}, "completed_on": {"01/06/2026"}}); res.Code != http.StatusSeeOther {
			t.Fatalf("complete: status %d", res.Code)
		}
		body = c.Get(path).Body.String()
		// XA now has one of its two items done on time (50%), the province one of three (33,3%).
		wantInBody(t, "after", body, "(50%)", "1 (33,3%)")

		// An officer sees only its own subtree.
		body = env.Login(t, "officer_b").Get(path).Body.String()
		wantInBody(t, "officer_b", body, env.CommuneB.Name)
		wantNotInBody(t, "officer_b", body, env.CommuneA.Name)

		draft, err := env.App.Plans.Create(context.Background(), plan.PlanInput{Kind: plan.KindAnnual, Title: "Dự thảo của xã",
			IssuingUnitID: env.CommuneB.ID, PeriodStart: civil.New(2026, time.January, 1), PeriodEnd: civil.New(2026, time.December, 31)})
		if err != nil {
			t.Fatal(err)
		}
		if code := env.Login(t, "officer_a").Get("/overview?plan=" + strconv.FormatInt(draft.ID, 10)).Code; code != http.StatusForbidden {
			t.Errorf("officer_a overview of XB's draft: status %d, want 403", code)
		}
	})
}

func TestTimeline(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		f := newWorkFixture(t, env)
		c := env.Login(t, "coord")
		res := c.Get("/timeline")
		if res.Code != http.StatusOK {
			t.Fatalf("status %d", res.Code)
		}
		body := res.Body.String()
		wantInBody(t, "default plan", body, f.plan.Title, "<th class=\"tl-col\">T12</th>", f.overdue.Content,
			`<tr class="st-overdue">`, `<tr class="st-in_progress">`, `class="tl-cell m-on"`)
		wantNotInBody(t, "no inline styles", body, "style=")
		body = c.Get("/timeline?plan=" + strconv.FormatInt(f.plan.ID, 10) + "&unit=XB").Body.String()
		wantInBody(t, "unit filter", body, f.open.Content)
		wantNotInBody(t, "unit filter", body, f.overdue.Content, f.coordinated.Content)
	})
}

func TestNotifications(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		a := env.Users["officer_a"]
		send := func(key, title string) int64 {
			if _, err := env.App.Notify.Send(ctx, d, notifyOf(a.ID, key, title), ""); err != nil {
				t.Fatal(err)
			}
			ns, _, err := env.App.Notify.List(ctx, a.ID, 10, 0)
			if err != nil {
				t.Fatal(err)
			}
			return ns[0].ID
		}
		first := send("t-1", "Phần việc sắp đến hạn")
		send("t-2", "Phần việc đã quá hạn")
		c := env.Login(t, "officer_a")
		body := c.Get("/notifications").Body.String()
		wantInBody(t, "list", body, "Phần việc sắp đến hạn", "Phần việc đã quá hạn", `class="unread"`, "Thông báo (2)", `name="next" value="/work-items/1"`)

		// Another user cannot mark officer_a's notification read.
		if res := env.Login(t, "officer_b").PostForm("/notifications/read", url.Values{"id": {strconv.FormatInt(first, 10)}}); res.Code != http.StatusSeeOther {
			t.Fatalf("officer_b mark: status %d", res.Code)
		}
		if n, _ := env.App.Notify.Unread(ctx, a.ID); n != 2 {
			t.Errorf("after officer_b's request: %d unread, want 2", n)
		}
		if res := c.PostForm("/notifications/read", url.Values{"id": {strconv.FormatInt(first, 10)}}); res.Code != http.StatusSeeOther {
			t.Fatalf("mark: status %d", res.Code)
		}
		if n, _ := env.App.Notify.Unread(ctx, a.ID); n != 1 {
			t.Errorf("after marking one: %d unread, want 1", n)
		}
		wantInBody(t, "chrome", c.Get("/notifications").Body.String(), "Thông báo (1)")
		if res := c.PostForm("/notifications/read", url.Values{"all": {"1"}}); res.Code != http.StatusSeeOther {
			t.Fatalf("mark all: status %d", res.Code)
		}
		if n, _ := env.App.Notify.Unread(ctx, a.ID); n != 0 {
			t.Errorf("after marking all: %d unread, want 0", n)
		}
		if code := c.PostForm("/notifications/read", url.Values{"id": {"abc"}}).Code; code != http.StatusBadRequest {
			t.Errorf("bad id: status %d, want 400", code)
		}
	})
}

// BenchmarkOverviewPage measures the province overview for a coordinator
// over 200 communes and 300 tasks: 60 led by every commune (the communes
// group), 240 led by one commune each.
func BenchmarkOverviewPage(b *testing.B) {
	d := dbtest.SQLite(b)
	env := testkit.New(b, d)
	ctx := context.Background()
	s := env.App.Plans
	s.Today = func() civil.Date { return workToday }
	communes := make([]int64, 0, 200)
	for i := range 200 {
		u, err := env.App.Units.Create(ctx, org.Input{Code: fmt.Sprintf("XX%03d", i), Name: fmt.Sprintf("Xã Thử %03d", i),
			Kind: "commune", ParentID: &env.District.ID, ActiveFrom: testkit.Start})
		if err != nil {
			b.Fatal(err)
		}
		communes = append(communes, u.ID)
	}
	group, err := env.App.Units.GroupByCode(ctx, "communes")
	if err != nil {
		b.Fatal(err)
	}
	p, err := s.Create(ctx, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch CCHC năm 2026", IssuingUnitID: env.Province.ID,
		NumberSymbol: "1/KH-UBND", IssuedOn: civil.New(2025, time.December, 1), PeriodStart: civil.New(2026, time.January, 1),
		PeriodEnd: civil.New(2026, time.December, 31), Status: plan.StatusIssued})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 300 {
		in := plan.TaskInput{Content: fmt.Sprintf("Nhiệm vụ thử số %d", i), Due: civil.New(2026, time.Month(i%12+1), 28), Understood: true}
		if i < 60 {
			in.LeadGroupID = group.ID
		} else {
			in.LeadUnitID = communes[i%len(communes)]
		}
		if _, err := s.CreateTask(ctx, p.ID, in); err != nil {
			b.Fatal(err)
		}
	}
	var items int
	if err := d.GetContext(ctx, &items, `SELECT COUNT(*) FROM work_items`); err != nil {
		b.Fatal(err)
	}
	c := env.Login(b, "coord")
	path := "/overview?plan=" + strconv.FormatInt(p.ID, 10)
	if res := c.Get(path); res.Code != http.StatusOK {
		b.Fatalf("status %d", res.Code)
	}
	for b.Loop() {
		if res := c.Get(path); res.Code != http.StatusOK {
			b.Fatalf("status %d", res.Code)
		}
	}
	b.ReportMetric(float64(items), "items")
}
