package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
	"cchc/internal/testkit"
)

// taskUnits returns the ids of the units with a work item of the task, sorted.
func taskUnits(t *testing.T, env *testkit.Env, taskID int64) []int64 {
	t.Helper()
	items, _, err := env.App.Plans.WorkItems(context.Background(), plan.WorkItemFilter{TaskID: taskID})
	if err != nil {
		t.Fatal(err)
	}
	var units []int64
	for _, it := range items {
		units = append(units, it.UnitID)
	}
	slices.Sort(units)
	return units
}

func TestTaskFormCoLeads(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		p := mkPlan(t, env, "Kế hoạch CCHC tỉnh", env.Province, plan.StatusIssued, nil)
		communes, err := env.App.Units.GroupByCode(ctx, "communes")
		if err != nil {
			t.Fatal(err)
		}
		c := env.Login(t, "coord")
		if body := c.Get(planPath(p, "/tasks/new")).Body.String(); !strings.Contains(body, "Đồng chủ trì") ||
			!strings.Contains(body, `id="picker-co_lead_unit_ids"`) || !strings.Contains(body, `name="co_lead_group_ids"`) {
			t.Fatalf("new task form lacks the co-lead field")
		}
		form := url.Values{"content": {"Tổng kết công tác CCHC"}, "lead_kind": {"unit"}, "lead_unit_id": {unitID(env.SNV)},
			"co_lead_unit_ids": {unitID(env.CommuneA)}, "schedule_text": {"Trước ngày 30/11/" + strconv.Itoa(nextYear())}}
		res := c.PostForm(planPath(p, "/tasks"), form)
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã giao cho 2 đơn vị") {
			t.Fatalf("create: %d, flash %q, body %s", res.Code, unitFlashOf(res), res.Body.String())
		}
		roots, err := env.App.Plans.Tree(ctx, p.ID)
		if err != nil || len(roots) != 1 {
			t.Fatalf("tasks: %d, %v", len(roots), err)
		}
		task := roots[0]
		if !slices.Equal(task.CoLeadUnitIDs, []int64{env.CommuneA.ID}) || len(task.CoLeadGroupIDs) != 0 {
			t.Errorf("co-leads stored %v %v", task.CoLeadUnitIDs, task.CoLeadGroupIDs)
		}
		if got, want := taskUnits(t, env, task.ID), []int64{env.SNV.ID, env.CommuneA.ID}; !slices.Equal(got, want) {
			t.Errorf("work items for %v, want %v", got, want)
		}
		taskPath := "/tasks/" + strconv.FormatInt(task.ID, 10)
		wantInBody(t, "edit form", c.Get(taskPath+"/edit").Body.String(),
			fmt.Sprintf(`name="co_lead_unit_ids" value="%d" checked`, env.CommuneA.ID))
		wantInBody(t, "plan page", c.Get(planPath(p, "")).Body.String(), "Sở Nội vụ; đồng chủ trì: Xã An Phú")

		// An import key set by an import survives an edit in the form.
		in := task.Input()
		in.ImportKey = "I/1"
		if _, err := env.App.Plans.UpdateTask(ctx, task.ID, in); err != nil {
			t.Fatal(err)
		}
		// The co-lead unit is replaced by the communes group.
		edit := url.Values{"content": form["content"], "lead_kind": {"unit"}, "lead_unit_id": {unitID(env.SNV)},
			"co_lead_group_ids": {strconv.FormatInt(communes.ID, 10)}, "schedule_text": form["schedule_text"]}
		if res := c.PostForm(taskPath, edit); res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã giao cho 3 đơn vị") {
			t.Fatalf("update: %d, flash %q", res.Code, unitFlashOf(res))
		}
		got, err := env.App.Plans.Task(ctx, task.ID)
		if err != nil || len(got.CoLeadUnitIDs) != 0 || !slices.Equal(got.CoLeadGroupIDs, []int64{communes.ID}) || got.ImportKey != "I/1" {
			t.Errorf("after update: co-leads %v %v, import key %q, %v", got.CoLeadUnitIDs, got.CoLeadGroupIDs, got.ImportKey, err)
		}
		if got, want := taskUnits(t, env, task.ID), []int64{env.SNV.ID, env.CommuneA.ID, env.CommuneB.ID}; !slices.Equal(got, want) {
			t.Errorf("work items after update for %v, want %v", got, want)
		}
		wantInBody(t, "edit form", c.Get(taskPath+"/edit").Body.String(),
			fmt.Sprintf(`name="co_lead_group_ids" value="%d" checked`, communes.ID))

		// The work item page names the co-leads after the lead.
		items, _, err := env.App.Plans.WorkItems(ctx, plan.WorkItemFilter{TaskID: task.ID, UnitIDs: []int64{env.CommuneB.ID}})
		if err != nil || len(items) != 1 {
			t.Fatalf("XB's item: %v, %v", items, err)
		}
		wantInBody(t, "work item page", c.Get(itemPath(items[0], "")).Body.String(), "Sở Nội vụ; đồng chủ trì: "+communes.Name)

		// Refused forms come back with their choices and messages.
		tests := []struct {
			name string
			form url.Values
			want []string
		}{
			{"co-lead also coordinating", url.Values{"content": {"X"}, "lead_kind": {"unit"}, "lead_unit_id": {unitID(env.SNV)},
				"co_lead_unit_ids": {unitID(env.CommuneB)}, "coordinating_unit_ids": {unitID(env.CommuneB)}},
				[]string{"“Xã Bình Minh” vừa là đơn vị chủ trì vừa là đơn vị phối hợp.",
					fmt.Sprintf(`name="co_lead_unit_ids" value="%d" checked`, env.CommuneB.ID)}},
			{"co-leads without a lead", url.Values{"content": {"X"}, "lead_kind": {"unit"},
				"co_lead_group_ids": {strconv.FormatInt(communes.ID, 10)}},
				[]string{"Nhiệm vụ có cơ quan đồng chủ trì phải có cơ quan chủ trì",
					fmt.Sprintf(`name="co_lead_group_ids" value="%d" checked`, communes.ID)}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := c.PostForm(planPath(p, "/tasks"), tt.form)
				if res.Code != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", res.Code)
				}
				wantInBody(t, tt.name, res.Body.String(), tt.want...)
			})
		}
	})
}
