package plan_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
)

func TestCoLeadNormalizeAndValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		in             plan.TaskInput
		units, groups  string // co-leads after Normalize
		field, message string // "" when valid
	}{
		{"co-lead equal to the lead unit is dropped", plan.TaskInput{Content: "x", LeadUnitID: 5, CoLeadUnitIDs: []int64{7, 5, 0, 7, 6}},
			"[6 7]", "[]", "", ""},
		{"co-lead group equal to the lead group is dropped", plan.TaskInput{Content: "x", LeadGroupID: 2, CoLeadGroupIDs: []int64{2, 3, -1}},
			"[]", "[3]", "", ""},
		{"a unit lead does not drop a group of the same id", plan.TaskInput{Content: "x", LeadUnitID: 3, CoLeadGroupIDs: []int64{3}},
			"[]", "[3]", "", ""},
		{"co-lead units need a lead", plan.TaskInput{Content: "x", CoLeadUnitIDs: []int64{4}}, "[4]", "[]", "co_lead_unit_ids",
			"Nhiệm vụ có cơ quan đồng chủ trì phải có cơ quan chủ trì: hãy chọn đơn vị hoặc nhóm đơn vị chủ trì."},
		{"co-lead groups need a lead", plan.TaskInput{Content: "x", CoLeadGroupIDs: []int64{4}}, "[]", "[4]", "co_lead_group_ids",
			"Nhiệm vụ có cơ quan đồng chủ trì phải có cơ quan chủ trì: hãy chọn đơn vị hoặc nhóm đơn vị chủ trì."},
		{"import key of 200 characters", plan.TaskInput{Content: "x", ImportKey: strings.Repeat("ệ", 200)}, "[]", "[]", "", ""},
		{"import key too long", plan.TaskInput{Content: "x", ImportKey: strings.Repeat("a", 201)}, "[]", "[]", "import_key",
			"Khóa nhập dữ liệu dài tối đa 200 ký tự."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.Normalize()
			if got := fmt.Sprint(in.CoLeadUnitIDs); got != tt.units {
				t.Errorf("co-lead units %s, want %s", got, tt.units)
			}
			if got := fmt.Sprint(in.CoLeadGroupIDs); got != tt.groups {
				t.Errorf("co-lead groups %s, want %s", got, tt.groups)
			}
			errs := in.Validate()
			if tt.field == "" && len(errs) != 0 {
				t.Errorf("errors %v, want none", errs)
			}
			if tt.field != "" && errs[tt.field] != tt.message {
				t.Errorf("%s: %q, want %q (all: %v)", tt.field, errs[tt.field], tt.message, errs)
			}
		})
	}
}

func TestCoLeadStore(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		keyed := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "1", Content: "Rà soát TTHC", LeadUnitID: f.SNV.ID,
			LeadText: "Sở Nội vụ, Sở Tư pháp", CoLeadUnitIDs: []int64{f.STP.ID, f.SNV.ID}, CoLeadGroupIDs: []int64{f.communes.ID},
			CoordinatingUnitIDs: []int64{f.XA.ID}, ImportKey: "I/1"})
		plain := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "2", Content: "Kiểm tra CCHC", LeadUnitID: f.SNV.ID})

		got, err := f.s.Task(ctx, keyed.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got.CoLeadUnitIDs) != fmt.Sprint([]int64{f.STP.ID}) || fmt.Sprint(got.CoLeadGroupIDs) != fmt.Sprint([]int64{f.communes.ID}) ||
			fmt.Sprint(got.CoordinatingUnitIDs) != fmt.Sprint([]int64{f.XA.ID}) || got.ImportKey != "I/1" {
			t.Errorf("task read back: co-leads %v %v, coordinating %v, import key %q",
				got.CoLeadUnitIDs, got.CoLeadGroupIDs, got.CoordinatingUnitIDs, got.ImportKey)
		}
		// The tree loads co-leads too; a task without any shows empty lists.
		roots, err := f.s.Tree(ctx, f.plan.ID)
		if err != nil || len(roots) != 2 {
			t.Fatalf("tree: %d roots, %v", len(roots), err)
		}
		if fmt.Sprint(roots[0].CoLeadUnitIDs) != fmt.Sprint([]int64{f.STP.ID}) || len(roots[0].CoLeadGroupIDs) != 1 {
			t.Errorf("tree co-leads %v %v", roots[0].CoLeadUnitIDs, roots[0].CoLeadGroupIDs)
		}
		js, err := json.Marshal(roots[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`"co_lead_unit_ids":[]`, `"co_lead_group_ids":[]`, `"import_key":""`} {
			if !bytes.Contains(js, []byte(want)) {
				t.Errorf("task JSON lacks %s: %s", want, js)
			}
		}
		// An empty import key is stored as NULL, so any number of tasks may lack one.
		var nulls int
		if err := d.GetContext(ctx, &nulls, d.Rebind(`SELECT COUNT(*) FROM tasks WHERE id = ? AND import_key IS NULL`), plain.ID); err != nil || nulls != 1 {
			t.Errorf("empty import key stored as NULL: %d, %v", nulls, err)
		}
		keys, err := plan.ImportKeys(ctx, d, f.plan.ID)
		if err != nil || len(keys) != 1 || keys["I/1"] != keyed.ID {
			t.Errorf("ImportKeys = %v, %v; want I/1 -> %d", keys, err, keyed.ID)
		}
		// Editing through Input keeps the co-leads and the key; new co-leads replace the old.
		in := got.Input()
		in.Notes = "Đã sửa"
		if got, err = f.s.UpdateTask(ctx, keyed.ID, in); err != nil || got.ImportKey != "I/1" || len(got.CoLeadUnitIDs) != 1 {
			t.Fatalf("update through Input: %+v, %v", got, err)
		}
		in.CoLeadUnitIDs, in.CoLeadGroupIDs = []int64{f.XB.ID}, nil
		if got, err = f.s.UpdateTask(ctx, keyed.ID, in); err != nil ||
			fmt.Sprint(got.CoLeadUnitIDs) != fmt.Sprint([]int64{f.XB.ID}) || len(got.CoLeadGroupIDs) != 0 {
			t.Errorf("co-leads after update: %v %v, %v", got.CoLeadUnitIDs, got.CoLeadGroupIDs, err)
		}
		var rows int
		if err := d.GetContext(ctx, &rows, d.Rebind(`SELECT COUNT(*) FROM task_co_leads WHERE task_id = ?`), keyed.ID); err != nil || rows != 1 {
			t.Errorf("task_co_leads rows after update: %d, %v", rows, err)
		}
		var after string
		if err := d.GetContext(ctx, &after, d.Rebind(`SELECT after_json FROM audit_log WHERE entity = 'task' AND entity_id = ?
			ORDER BY id DESC LIMIT 1`), fmt.Sprint(keyed.ID)); err != nil || !strings.Contains(after, fmt.Sprintf(`"co_lead_unit_ids":[%d]`, f.XB.ID)) {
			t.Errorf("audit after_json = %s, %v", after, err)
		}
		// The same key in another plan is another task's business.
		other := f.mustPlan(t, plan.PlanInput{Kind: plan.KindThematic, Title: "Kế hoạch kiểm tra", IssuingUnitID: f.SNV.ID,
			PeriodStart: day(2024, time.January, 1), PeriodEnd: day(2024, time.December, 31)})
		f.mustTask(t, other.ID, plan.TaskInput{Content: "Kiểm tra", ImportKey: "I/1"})
		// Deleting a task deletes its co-lead rows.
		if err := f.s.DeleteTask(ctx, keyed.ID); err != nil {
			t.Fatal(err)
		}
		if err := d.GetContext(ctx, &rows, d.Rebind(`SELECT COUNT(*) FROM task_co_leads WHERE task_id = ?`), keyed.ID); err != nil || rows != 0 {
			t.Errorf("task_co_leads rows after delete: %d, %v", rows, err)
		}
	})
}

func TestCoLeadValidation(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Có khóa", ImportKey: "II/3/a"})
		other := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Không khóa"})
		tests := []struct {
			name  string
			id    int64 // 0: create
			in    plan.TaskInput
			field string
			want  string
		}{
			{"unknown co-lead unit", 0, plan.TaskInput{Content: "x", LeadUnitID: f.SNV.ID, CoLeadUnitIDs: []int64{f.STP.ID, 999999}},
				"co_lead_unit_ids", "Có đơn vị đồng chủ trì không tồn tại."},
			{"unknown co-lead group", 0, plan.TaskInput{Content: "x", LeadUnitID: f.SNV.ID, CoLeadGroupIDs: []int64{999999}},
				"co_lead_group_ids", "Có nhóm đơn vị đồng chủ trì không tồn tại."},
			{"co-leads without a lead", 0, plan.TaskInput{Content: "x", CoLeadUnitIDs: []int64{f.STP.ID}}, "co_lead_unit_ids",
				"Nhiệm vụ có cơ quan đồng chủ trì phải có cơ quan chủ trì: hãy chọn đơn vị hoặc nhóm đơn vị chủ trì."},
			{"co-lead also coordinating", 0, plan.TaskInput{Content: "x", LeadUnitID: f.SNV.ID, CoLeadUnitIDs: []int64{f.STP.ID, f.XA.ID},
				CoordinatingUnitIDs: []int64{f.XA.ID, f.STP.ID}}, "co_lead_unit_ids",
				"“Sở Tư pháp”, “Xã An Phú” vừa là đơn vị chủ trì vừa là đơn vị phối hợp."},
			{"co-lead group also coordinating", 0, plan.TaskInput{Content: "x", LeadUnitID: f.SNV.ID, CoLeadGroupIDs: []int64{f.communes.ID},
				CoordinatingGroupIDs: []int64{f.communes.ID}}, "co_lead_group_ids",
				"“" + f.communes.Name + "” vừa là nhóm đơn vị chủ trì vừa là nhóm đơn vị phối hợp."},
			{"import key taken on create", 0, plan.TaskInput{Content: "x", ImportKey: "II/3/a"}, "import_key",
				"Khóa nhập dữ liệu “II/3/a” đã dùng cho một nhiệm vụ khác của kế hoạch này."},
			{"import key taken on update", other.ID, plan.TaskInput{Content: "x", ImportKey: "II/3/a"}, "import_key",
				"Khóa nhập dữ liệu “II/3/a” đã dùng cho một nhiệm vụ khác của kế hoạch này."},
			{"import key too long", 0, plan.TaskInput{Content: "x", ImportKey: strings.Repeat("x", 201)}, "import_key",
				"Khóa nhập dữ liệu dài tối đa 200 ký tự."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var err error
				if tt.id == 0 {
					_, err = f.s.CreateTask(ctx, f.plan.ID, tt.in)
				} else {
					_, err = f.s.UpdateTask(ctx, tt.id, tt.in)
				}
				if got := fieldErr(err, tt.field); got != tt.want {
					t.Errorf("%s: %q (err %v), want %q", tt.field, got, err, tt.want)
				}
			})
		}
		// A task keeps its own key when saved again.
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Giữ khóa", ImportKey: "III"})
		if _, err := f.s.UpdateTask(ctx, tk.ID, tk.Input()); err != nil {
			t.Errorf("saving a task with its own key: %v", err)
		}
	})
}

func TestCoLeadsGetWorkItems(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		// Led by Sở Nội vụ with every commune as co-lead: one item each
		// (XM existed during the plan, so it is a member).
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Niêm yết TTHC", LeadUnitID: f.SNV.ID,
			CoLeadGroupIDs: []int64{f.communes.ID}, Due: day(2025, time.June, 30)})
		if got := strings.Join(f.items(t, tk.ID), " "); got != "SNV/ XA/ XB/ XM/" {
			t.Errorf("lead unit + co-lead group items = %s", got)
		}
		// A yearly task: a unit named as co-lead and reached through the
		// group is one responsible, and named explicitly it gets every year
		// (XM through the group alone would get 2021-2022 only).
		yearly := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Báo cáo CCHC", LeadGroupID: f.communes.ID,
			CoLeadUnitIDs: []int64{f.XM.ID, f.STP.ID}, Recurrence: plan.Yearly})
		var want []string
		for _, code := range []string{"STP", "XA", "XB", "XM"} {
			for y := 2021; y <= 2025; y++ {
				want = append(want, fmt.Sprintf("%s/%d", code, y))
			}
		}
		if got := strings.Join(f.items(t, yearly.ID), " "); got != strings.Join(want, " ") {
			t.Errorf("yearly items =\n%s\nwant\n%s", got, strings.Join(want, " "))
		}
		// Regenerating the whole plan keeps the co-leads' items.
		added, removed, err := f.s.RegenerateWorkItems(ctx, f.plan.ID)
		if err != nil || added != 0 || removed != 0 {
			t.Errorf("RegenerateWorkItems = +%d -%d, %v; want no change", added, removed, err)
		}
		// Removing the co-lead group removes its members' items, except
		// one that carries progress.
		xb := f.itemOf(t, tk.ID, f.XB.ID, "")
		if _, err := f.s.UpdateProgress(ctx, xb.ID, plan.ProgressInput{Percent: 30}); err != nil {
			t.Fatal(err)
		}
		in := tk.Input()
		in.CoLeadGroupIDs = nil
		in.CoLeadUnitIDs = []int64{f.STP.ID}
		if _, err := f.s.UpdateTask(ctx, tk.ID, in); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(f.items(t, tk.ID), " "); got != "SNV/ STP/ XB/" {
			t.Errorf("after replacing the co-lead group by STP: %s", got)
		}
		if w := f.itemOf(t, tk.ID, f.XB.ID, ""); w.ID != xb.ID || w.Percent != 30 {
			t.Errorf("XB's item with progress = %+v", w)
		}
	})
}

func TestCoLeadsAreAssigned(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		// XA co-leads one task by name and another through the communes group.
		named := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "1", Content: "Thí điểm một cửa liên thông", LeadUnitID: f.SNV.ID,
			CoLeadUnitIDs: []int64{f.XA.ID}})
		viaGroup := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "2", Content: "Niêm yết TTHC", LeadUnitID: f.STP.ID,
			CoLeadGroupIDs: []int64{f.communes.ID}})
		f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "3", Content: "Kiểm tra CCHC", LeadUnitID: f.SNV.ID})
		xaPlan := f.mustPlan(t, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch CCHC năm 2023 của Xã An Phú", IssuingUnitID: f.XA.ID,
			PeriodStart: day(2023, time.January, 1), PeriodEnd: day(2023, time.December, 31), ParentID: f.plan.ID})
		n, err := f.s.CopyAssigned(ctx, xaPlan.ID, f.plan.ID, f.XA.ID)
		if err != nil || n != 2 {
			t.Fatalf("CopyAssigned = %d, %v; want 2", n, err)
		}
		roots, err := f.s.Tree(ctx, xaPlan.ID)
		if err != nil || len(roots) != 2 {
			t.Fatalf("XA plan: %d tasks, %v", len(roots), err)
		}
		for i, src := range []plan.Task{named, viaGroup} {
			c := roots[i]
			if *c.SourceTaskID != src.ID || *c.LeadUnitID != f.XA.ID || len(c.CoLeadUnitIDs)+len(c.CoLeadGroupIDs) != 0 {
				t.Errorf("copy %d: source %v, lead %v, co-leads %v %v; want a copy of %d led by XA alone",
					i, *c.SourceTaskID, *c.LeadUnitID, c.CoLeadUnitIDs, c.CoLeadGroupIDs, src.ID)
			}
		}
		missing, err := f.s.Coverage(ctx, f.plan.ID, f.XB.ID)
		if err != nil || len(missing) != 1 || missing[0].ID != viaGroup.ID {
			t.Errorf("XB coverage = %+v, %v; want task 2 missing", missing, err)
		}
		cov, err := f.s.CoverageAll(ctx, f.plan.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range cov {
			got = append(got, fmt.Sprintf("%s %d/%d", u.UnitName, u.Covered, u.Assigned))
		}
		want := "Sở Nội vụ 0/2|Sở Tư pháp 0/1|Xã An Phú 2/2|Xã Bình Minh 0/1|Xã Minh Đức 0/1"
		if strings.Join(got, "|") != want {
			t.Errorf("CoverageAll =\n%s\nwant\n%s", strings.Join(got, "|"), want)
		}
	})
}

func TestCoLeadsInLayoutAndWorkbook(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		// The lead as written already names Sở Tư pháp; the group is added.
		f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "1", Content: "Rà soát văn bản", LeadUnitID: f.SNV.ID,
			LeadText: "Sở Nội vụ, Sở Tư pháp", CoLeadUnitIDs: []int64{f.STP.ID}, CoLeadGroupIDs: []int64{f.communes.ID}})
		// No lead text: the names.
		f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "2", Content: "Tuyên truyền", LeadUnitID: f.SNV.ID, CoLeadUnitIDs: []int64{f.STP.ID}})
		f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "3", Content: "Kiểm tra", LeadUnitID: f.SNV.ID})
		l, err := f.s.Layout(ctx, f.plan.ID)
		if err != nil || len(l.Sections) != 1 || len(l.Sections[0].Rows) != 3 {
			t.Fatalf("layout: %+v, %v", l.Sections, err)
		}
		wantLead := []string{"Sở Nội vụ, Sở Tư pháp; " + f.communes.Name, "Sở Nội vụ; Sở Tư pháp", "Sở Nội vụ"}
		for i, r := range l.Sections[0].Rows {
			if got := r.LeadWithCoLeads(); got != wantLead[i] {
				t.Errorf("row %d lead column %q, want %q (co-leads %q)", i, got, wantLead[i], r.CoLeads)
			}
		}
		var buf bytes.Buffer
		if err := f.s.ExportXLSX(ctx, &buf, f.plan.ID); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, err := x.GetRows(x.GetSheetName(0))
		if err != nil {
			t.Fatal(err)
		}
		var leads []string
		for _, r := range rows {
			if len(r) > 3 && (r[0] == "1" || r[0] == "2" || r[0] == "3") {
				leads = append(leads, r[3])
			}
		}
		if strings.Join(leads, "|") != strings.Join(wantLead, "|") {
			t.Errorf("workbook lead column %q, want %q", leads, wantLead)
		}
	})
}
