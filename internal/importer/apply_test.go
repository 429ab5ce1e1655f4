package importer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/doctable"
	"cchc/internal/importer"
	"cchc/internal/plan"
	"cchc/internal/testkit"
	"cchc/internal/valid"
)

// planText is a small plan in the tab layout: a section that maps to an
// area, one that maps to none, two leads (a unit and a group), a known and
// an unknown coordinating agency, a sub-task and a budget in millions.
func planText(deadline string) string {
	rows := [][]string{
		{"STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Kinh phí (triệu đồng)"},
		{"I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""},
		{"1", "Rà soát văn bản quy phạm pháp luật", "Sở Nội vụ, UBND cấp xã", "Huyện Đông Sơn; Sở Ngoại vụ", deadline, "150"},
		{"", "a) Tổng hợp kết quả rà soát", "Sở Nội vụ", "", "Quý III năm 2027", ""},
		{"II", "THU HÚT NHÂN TÀI", "", "", "", ""},
		{"1", "Ban hành chính sách thu hút nhân tài", "Sở Nội vụ", "", "Trong năm 2027", ""},
	}
	var b strings.Builder
	b.WriteString("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027\n")
	for _, r := range rows {
		for _, c := range r {
			b.WriteString("\t" + c + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestApplyAndReimport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		setID, err := importer.SetForYear(ctx, d, 2027)
		if err != nil {
			t.Fatal(err)
		}
		p, err := env.App.Plans.Create(ctx, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch CCHC năm 2027",
			IssuingUnitID: env.Province.ID, PeriodStart: civil.New(2027, time.January, 1), PeriodEnd: civil.New(2027, time.December, 31),
			AreaSetID: setID})
		if err != nil {
			t.Fatal(err)
		}
		// The first import warns that "THU HÚT NHÂN TÀI" matches no area;
		// the second finds the area the first created.
		run := func(deadline string, warnings int) importer.Summary {
			t.Helper()
			data := []byte(planText(deadline))
			doc, err := doctable.Read("ke-hoach.txt", data)
			if err != nil {
				t.Fatal(err)
			}
			areas, dir, err := importer.Setup(ctx, d, p.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			res := importer.Read(doc, importer.Options{Areas: areas, Directory: dir})
			if res.Year != 2027 {
				t.Errorf("plan year = %d, want 2027 from the title", res.Year)
			}
			if len(res.Warnings) != warnings || !strings.Contains(res.Warnings[0], "“Sở Ngoại vụ”") || warnings == 2 && !strings.Contains(res.Warnings[1], "THU HÚT NHÂN TÀI") {
				t.Errorf("warnings = %q, want Sở Ngoại vụ unknown and a section with no area", res.Warnings)
			}
			var sum importer.Summary
			err = d.InTx(ctx, func(tx *sqlx.Tx) error {
				sum, _, err = importer.Save(ctx, tx, p.ID, res, "ke-hoach.txt", doc.Format, data, env.Users["coord"].ID)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return sum
		}

		first := run("Trước tháng 6 năm 2027", 2)
		if first.Created != 3 || first.Updated != 0 || len(first.AreasCreated) != 1 || first.AreasCreated[0] != "Thu hút nhân tài" {
			t.Errorf("first import = %+v", first)
		}
		tree, err := env.App.Plans.Tree(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(tree) != 2 || len(tree[0].Children) != 1 {
			t.Fatalf("tree: %d top tasks, want 2 with one sub-task under the first", len(tree))
		}
		task := tree[0]
		if task.LeadUnitID == nil || *task.LeadUnitID != env.SNV.ID || len(task.CoLeadGroupIDs) != 1 {
			t.Errorf("lead = %v, co-lead groups %v; want Sở Nội vụ with the communes' group", task.LeadUnitID, task.CoLeadGroupIDs)
		}
		if len(task.CoordinatingUnitIDs) != 1 || task.CoordinatingUnitIDs[0] != env.District.ID || !strings.Contains(task.CoordinatingText, "Sở Ngoại vụ") {
			t.Errorf("coordinating = %v %q", task.CoordinatingUnitIDs, task.CoordinatingText)
		}
		if task.BudgetVND == nil || *task.BudgetVND != 150_000_000 || task.Due != civil.New(2027, time.May, 31) || task.ImportKey != "I/1" {
			t.Errorf("task 1: budget %v, due %s, key %q", task.BudgetVND, task.Due, task.ImportKey)
		}
		if sub := tree[0].Children[0]; sub.Seq != "a" || sub.Content != "Tổng hợp kết quả rà soát" || sub.ImportKey != "I/1/a" || sub.LeadText != "" {
			t.Errorf("sub-task = %q %q %q, lead text %q (none: its lead matched a unit)", sub.Seq, sub.Content, sub.ImportKey, sub.LeadText)
		}
		var items int
		if err := d.GetContext(ctx, &items, d.Rebind(`SELECT COUNT(*) FROM work_items WHERE task_id = ?`), task.ID); err != nil {
			t.Fatal(err)
		}
		if items != 3 { // Sở Nội vụ and the two communes
			t.Errorf("task 1 has %d work items, want 3", items)
		}

		second := run("Trước tháng 7 năm 2027", 1)
		if second.Created != 0 || second.Updated != 3 || len(second.AreasCreated) != 0 {
			t.Errorf("second import = %+v, want 3 updated", second)
		}
		again, err := env.App.Plans.Task(ctx, task.ID)
		if err != nil {
			t.Fatal(err)
		}
		if again.Due != civil.New(2027, time.June, 30) {
			t.Errorf("after re-import due = %s, want 30/06/2027", again.Due)
		}
		var n int
		if err := d.GetContext(ctx, &n, d.Rebind(`SELECT COUNT(*) FROM tasks WHERE plan_id = ?`), p.ID); err != nil || n != 3 {
			t.Errorf("plan has %d tasks after re-import (%v), want 3", n, err)
		}
		rows, _, err := audit.List(ctx, d, audit.Filter{Entity: "plan"})
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, r := range rows {
			if strings.Contains(r.Summary, "ke-hoach.txt") {
				found++
			}
		}
		if found != 3 { // two imports, and the file attached to the plan once
			t.Errorf("%d audit entries name the source file, want 3", found)
		}
		if got, err := env.App.Plans.Get(ctx, p.ID); err != nil || got.SourceFileID == nil {
			t.Errorf("the imported document is not the plan's source: %v", err)
		}

		// A closed plan refuses imports (closing itself is tested in plan).
		if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE plans SET status = ? WHERE id = ?`), plan.StatusClosed, p.ID); err != nil {
			t.Fatal(err)
		}
		err = d.InTx(ctx, func(tx *sqlx.Tx) error {
			_, err := importer.Apply(ctx, tx, p.ID, importer.Result{}, "x.txt", 0)
			return err
		})
		if !strings.Contains(valid.Message(err), "đã kết thúc") {
			t.Errorf("import into a closed plan: %v", err)
		}
	})
}
