package plan

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"cchc/internal/db"
	"cchc/internal/valid"
)

// checkTransition returns a Vietnamese error unless plan p may move to
// status to (staying put is always allowed).
func checkTransition(p Plan, to string) error {
	if to == p.Status {
		return nil
	}
	if _, ok := PlanStatusLabels[to]; !ok {
		return valid.Errors{"status": "Trạng thái kế hoạch không hợp lệ."}
	}
	if !slices.Contains(transitions[p.Status], to) {
		return valid.Errors{"status": fmt.Sprintf("Không thể chuyển kế hoạch từ “%s” sang “%s”.", p.StatusLabel(), PlanStatusLabels[to])}
	}
	return nil
}

// validatePlan checks in, and the rules that need the database, for a new
// plan (before nil) or a change to before.
func validatePlan(ctx context.Context, q db.Querier, before *Plan, in *PlanInput) error {
	errs := in.Validate()
	var id int64
	if before != nil {
		id = before.ID
		if err := checkTransition(*before, in.Status); err != nil {
			e, _ := valid.As(err)
			for k, v := range e {
				errs.Add(k, v)
			}
		}
	}
	if in.IssuingUnitID != 0 {
		var n int
		if err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM units WHERE id = ?`), in.IssuingUnitID); err != nil {
			return err
		}
		if n == 0 {
			errs.Add("issuing_unit_id", "Đơn vị ban hành không tồn tại.")
		}
	}
	if in.AreaSetID != 0 {
		var n int
		if err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM area_sets WHERE id = ?`), in.AreaSetID); err != nil {
			return err
		}
		if n == 0 {
			errs.Add("area_set_id", "Bộ lĩnh vực không tồn tại.")
		}
	}
	periodOK := errs["period_start"] == "" && errs["period_end"] == ""
	if in.ParentID != 0 {
		parent, err := getPlan(ctx, q, in.ParentID)
		switch {
		case in.ParentID == id:
			errs.Add("parent_id", "Kế hoạch không thể là kế hoạch cấp trên của chính nó.")
		case errors.Is(err, db.ErrNotFound):
			errs.Add("parent_id", "Kế hoạch cấp trên không tồn tại.")
		case err != nil:
			return err
		default:
			if id != 0 {
				cycle, err := planDescends(ctx, q, parent.ID, id)
				if err != nil {
					return err
				}
				if cycle {
					errs.Add("parent_id", "Không thể chọn kế hoạch cấp dưới của chính kế hoạch này làm kế hoạch cấp trên.")
				}
			}
			if periodOK && !contains(parent.PeriodStart, parent.PeriodEnd, in.PeriodStart, in.PeriodEnd) {
				errs.Add("period_start", fmt.Sprintf("Thời gian của kế hoạch phải nằm trong thời gian của kế hoạch cấp trên (%s).",
					periodVN(parent.PeriodStart, parent.PeriodEnd)))
			}
		}
	}
	if id != 0 && periodOK {
		var children []Plan
		if err := q.SelectContext(ctx, &children, q.Rebind(`SELECT `+planColumns+planFrom+` WHERE p.parent_id = ? ORDER BY p.id`), id); err != nil {
			return err
		}
		for _, c := range children {
			if !contains(in.PeriodStart, in.PeriodEnd, c.PeriodStart, c.PeriodEnd) {
				errs.Add("period_start", fmt.Sprintf("Thời gian mới không chứa thời gian của kế hoạch cấp dưới “%s” (%s).",
					c.Title, periodVN(c.PeriodStart, c.PeriodEnd)))
			}
		}
	}
	return errs.Err()
}

// planDescends reports whether plan id is ancestor or one of its descendants
// (walking up from id).
func planDescends(ctx context.Context, q db.Querier, id, ancestor int64) (bool, error) {
	for step := 0; step < 100; step++ {
		if id == ancestor {
			return true, nil
		}
		var parent *int64
		if err := q.GetContext(ctx, &parent, q.Rebind(`SELECT parent_id FROM plans WHERE id = ?`), id); err != nil {
			return false, db.NotFound(err)
		}
		if parent == nil {
			return false, nil
		}
		id = *parent
	}
	return true, nil
}
