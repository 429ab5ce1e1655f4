package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"strconv"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/notify"
	"cchc/internal/plan"
	"cchc/internal/testkit"
)

// workToday is the day the plan store judges states on in these tests.
var workToday = civil.New(2026, time.June, 15)

// workFixture is an issued 2026 plan of the province with three tasks:
// overdue led by XA (due 31/03/2026), open led by XB (due 31/12/2026) and
// coordinated led by XA with XB coordinating (due 30/09/2026).
type workFixture struct {
	plan                          plan.Plan
	overdue, open, coordinated    plan.Task
	itemA, itemB, itemCoordinated plan.WorkItem
}

func newWorkFixture(t testing.TB, env *testkit.Env) *workFixture {
	t.Helper()
	ctx := context.Background()
	s := env.App.Plans
	s.Today = func() civil.Date { return workToday }
	set, err := s.AreaSetByCode(ctx, "par-2021-2030")
	if err != nil {
		t.Fatal(err)
	}
	f := &workFixture{}
	f.plan, err = s.Create(ctx, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch cải cách hành chính năm 2026",
		IssuingUnitID: env.Province.ID, NumberSymbol: "12/KH-UBND", IssuedOn: civil.New(2025, time.December, 20),
		PeriodStart: civil.New(2026, time.January, 1), PeriodEnd: civil.New(2026, time.December, 31),
		AreaSetID: set.ID, Status: plan.StatusIssued})
	if err != nil {
		t.Fatal(err)
	}
	task := func(content string, lead int64, due civil.Date, coord ...int64) plan.Task {
		tk, err := s.CreateTask(ctx, f.plan.ID, plan.TaskInput{Content: content, LeadUnitID: lead,
			CoordinatingUnitIDs: coord, ScheduleText: "Trước ngày " + due.VN(), Due: due, Understood: true})
		if err != nil {
			t.Fatalf("create task %q: %v", content, err)
		}
		return tk
	}
	item := func(tk plan.Task) plan.WorkItem {
		items, _, err := s.WorkItems(ctx, plan.WorkItemFilter{TaskID: tk.ID})
		if err != nil || len(items) != 1 {
			t.Fatalf("items of task %d: %v, %d items", tk.ID, err, len(items))
		}
		return items[0]
	}
	f.overdue = task("Rà soát thủ tục hành chính cấp xã", env.CommuneA.ID, civil.New(2026, time.March, 31))
	f.open = task("Niêm yết công khai thủ tục hành chính", env.CommuneB.ID, civil.New(2026, time.December, 31))
	f.coordinated = task("Số hóa hồ sơ một cửa", env.CommuneA.ID, civil.New(2026, time.September, 30), env.CommuneB.ID)
	f.itemA, f.itemB, f.itemCoordinated = item(f.overdue), item(f.open), item(f.coordinated)
	return f
}

func itemPath(w plan.WorkItem, suffix string) string {
	return "/work-items/" + strconv.FormatInt(w.ID, 10) + suffix
}

// multipartFile builds a multipart body with a file field and a note.
func multipartFile(t testing.TB, name string, content []byte, note string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := mw.WriteField("note", note); err != nil {
		t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, mw.FormDataContentType()
}

func notifyOf(userID int64, key, title string) notify.Notification {
	return notify.Notification{UserID: userID, Kind: "reminder", Title: title, Body: "Nội dung " + title,
		Link: "/work-items/1", DedupeKey: key}
}
