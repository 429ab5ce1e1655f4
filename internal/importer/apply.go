package importer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/jmoiron/sqlx"

	"cchc/internal/agency"
	"cchc/internal/audit"
	"cchc/internal/plan"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Summary tells what Apply did.
type Summary struct {
	Created      int      // tasks added
	Updated      int      // tasks of an earlier import of the document, updated
	Skipped      int      // rows with no task text (template rows left blank)
	Kept         int      // tasks of an earlier import no longer in the document, left untouched
	AreasCreated []string // the plan's own areas added for sections that match none
}

// AreasOf returns the plan areas in the form Read maps sections to.
func AreasOf(as []plan.Area) []Area {
	out := make([]Area, 0, len(as))
	for _, a := range as {
		var kw []string
		for _, k := range strings.Split(a.Keywords, "\n") {
			if k = strings.TrimSpace(k); k != "" {
				kw = append(kw, k)
			}
		}
		out = append(out, Area{ID: a.ID, Name: a.Name, Keywords: kw})
	}
	return out
}

// Apply stores the tasks of res into plan planID within tx: a task whose
// number path (Task.Key) an earlier import of the same plan already stored
// is updated in place (its work items and their progress kept), the others
// are added in document order under their parents. Sections that match no
// area become areas of the plan's own. Rows with no task text are skipped.
// fileName names the source document in the audit trail. A task the plan
// store refuses fails the whole import with a valid.Problem naming the row.
func Apply(ctx context.Context, tx *sqlx.Tx, planID int64, res Result, fileName string, fileID int64) (Summary, error) {
	var sum Summary
	p, err := plan.GetWith(ctx, tx, planID)
	if err != nil {
		return sum, err
	}
	if p.Closed() {
		return sum, valid.Problemf(fmt.Sprintf("Kế hoạch “%s” đã kết thúc: mở lại kế hoạch trước khi nhập nhiệm vụ.", p.Title))
	}
	if !slices.ContainsFunc(res.Tasks, func(t Task) bool { return strings.TrimSpace(t.Title) != "" }) {
		return sum, valid.Problemf("Tệp không có nhiệm vụ nào để nhập: cần một bảng có cột nội dung nhiệm vụ và cột cơ quan chủ trì hoặc thời hạn.")
	}
	existing, err := plan.ImportKeys(ctx, tx, planID)
	if err != nil {
		return sum, err
	}
	own, err := ownAreas(ctx, tx, p)
	if err != nil {
		return sum, err
	}
	ids := make([]int64, len(res.Tasks)) // stored task id of each task, 0 if skipped
	seen := map[string]bool{}
	for i, t := range res.Tasks {
		if strings.TrimSpace(t.Title) == "" {
			sum.Skipped++
			continue
		}
		in := taskInput(t)
		in.ParentID = storedParent(res.Tasks, ids, i)
		if in.AreaID == 0 && t.Section != "" {
			name := areaName(t.Section)
			id, ok := own[vn.Fold(name)]
			if !ok {
				a, err := plan.AddCustomAreaTx(ctx, tx, planID, name)
				if err != nil {
					return sum, rowError(t, err)
				}
				id = a.ID
				own[vn.Fold(name)] = id
				sum.AreasCreated = append(sum.AreasCreated, a.Name)
			}
			in.AreaID = id
		}
		seen[t.Key] = true
		if id, ok := existing[t.Key]; ok && t.Key != "" {
			if _, err := plan.UpdateTaskTx(ctx, tx, id, in); err != nil {
				return sum, rowError(t, err)
			}
			ids[i] = id
			sum.Updated++
			continue
		}
		created, err := plan.CreateTaskTx(ctx, tx, planID, in)
		if err != nil {
			return sum, rowError(t, err)
		}
		ids[i] = created.ID
		sum.Created++
	}
	if p.SourceFileID == nil && fileID != 0 {
		// The document the tasks came from is the plan's text until the
		// signed decision is attached.
		if err := plan.SetSourceTx(ctx, tx, planID, fileID, fileName); err != nil {
			return sum, err
		}
	}
	for k := range existing {
		if !seen[k] {
			sum.Kept++
		}
	}
	return sum, audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "plan", EntityID: planID,
		Summary: fmt.Sprintf("Nhập nhiệm vụ vào kế hoạch “%s” từ tệp “%s”: %d mới, %d cập nhật", p.Title, fileName, sum.Created, sum.Updated),
		After: map[string]any{"file_id": fileID, "file_name": fileName, "created": sum.Created, "updated": sum.Updated,
			"skipped": sum.Skipped, "kept": sum.Kept, "areas_created": sum.AreasCreated}})
}

// storedParent returns the stored id of task i's nearest ancestor that was
// stored (a skipped blank row passes its children up), or 0.
func storedParent(tasks []Task, ids []int64, i int) int64 {
	for p := tasks[i].Parent; p != nil; p = tasks[*p].Parent {
		if ids[*p] != 0 {
			return ids[*p]
		}
	}
	return 0
}

// ownAreas returns the plan's own areas by folded name.
func ownAreas(ctx context.Context, tx *sqlx.Tx, p plan.Plan) (map[string]int64, error) {
	as, err := plan.PlanAreasWith(ctx, tx, p)
	if err != nil {
		return nil, err
	}
	own := map[string]int64{}
	for _, a := range as {
		if a.PlanID != nil {
			own[vn.Fold(a.Name)] = a.ID
		}
	}
	return own, nil
}

// areaName turns a section heading into an area name: "TUYÊN TRUYỀN CẢI
// CÁCH HÀNH CHÍNH" becomes "Tuyên truyền cải cách hành chính".
func areaName(section string) string {
	s := vn.CleanText(section)
	if !upperText(s) {
		return s
	}
	rs := []rune(strings.ToLower(s))
	if len(rs) > 0 {
		rs[0] = unicode.ToUpper(rs[0])
	}
	return string(rs)
}

// rowError turns a store error for task t into one that names its row.
func rowError(t Task, err error) error {
	msg := valid.Message(err)
	if msg == "" {
		var errs valid.Errors
		if !errors.As(err, &errs) {
			return fmt.Errorf("import %s (%s): %w", t.Key, t.Source, err)
		}
	}
	return valid.Problemf(fmt.Sprintf("%s (nhiệm vụ %s): %s", SourceLabel(t.Source), t.Seq, msg))
}

// taskInput converts an imported task into the plan store's input. The
// first lead agency that resolved to a unit or group leads; the others that
// resolved lead with it (co-leads); when some names matched nothing, all
// the names are kept in the lead or coordinating text so none is lost.
func taskInput(t Task) plan.TaskInput {
	in := plan.TaskInput{Seq: t.Seq, AreaID: t.AreaID, Content: t.Title, Product: t.Product,
		ScheduleText: t.ScheduleText, Start: t.Schedule.Start, Due: t.Schedule.Due,
		Recurrence: t.Schedule.Recurrence, Milestones: plan.DateList(t.Schedule.Milestones),
		Relative: t.Schedule.Relative, Understood: t.Schedule.Understood,
		BudgetVND: t.BudgetVND, Notes: t.Notes, ImportKey: t.Key}
	if len([]rune(in.Seq)) > plan.MaxSeqLen {
		in.Seq = string([]rune(in.Seq)[:plan.MaxSeqLen])
	}
	for _, a := range t.Lead {
		switch {
		case a.UnitID != nil && in.LeadUnitID == 0 && in.LeadGroupID == 0:
			in.LeadUnitID = *a.UnitID
		case a.GroupID != nil && in.LeadUnitID == 0 && in.LeadGroupID == 0:
			in.LeadGroupID = *a.GroupID
		case a.UnitID != nil:
			in.CoLeadUnitIDs = append(in.CoLeadUnitIDs, *a.UnitID)
		case a.GroupID != nil:
			in.CoLeadGroupIDs = append(in.CoLeadGroupIDs, *a.GroupID)
		}
	}
	leadUnits := append([]int64{in.LeadUnitID}, in.CoLeadUnitIDs...)
	leadGroups := append([]int64{in.LeadGroupID}, in.CoLeadGroupIDs...)
	for _, a := range t.Coordinating {
		switch {
		case a.UnitID != nil && !slices.Contains(leadUnits, *a.UnitID):
			in.CoordinatingUnitIDs = append(in.CoordinatingUnitIDs, *a.UnitID)
		case a.GroupID != nil && !slices.Contains(leadGroups, *a.GroupID):
			in.CoordinatingGroupIDs = append(in.CoordinatingGroupIDs, *a.GroupID)
		}
	}
	// The names as written stay on the task when some of them match no
	// unit or group; when all do, the plan shows the units' own names.
	if unresolved(t.Lead) {
		in.LeadText = clip(names(t.Lead), plan.MaxAgencyLen)
	}
	if unresolved(t.Coordinating) {
		in.CoordinatingText = clip(names(t.Coordinating), plan.MaxAgencyLen)
	}
	return in
}

// unresolved reports whether some agency of as matched no unit or group.
func unresolved(as []agency.Agency) bool {
	for _, a := range as {
		if a.UnitID == nil && a.GroupID == nil {
			return true
		}
	}
	return false
}

// clip cuts s to at most n characters.
func clip(s string, n int) string {
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n])
	}
	return s
}

// names joins the agencies' names with "; ".
func names(as []agency.Agency) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.Name
	}
	return strings.Join(parts, "; ")
}
