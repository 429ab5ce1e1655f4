package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/auth"
	"cchc/internal/importer"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// planImportConfirm imports the draft's tasks, in one transaction: it
// creates the new draft plan when the draft asks for one, marks the draft
// done (so that a second confirmation fails instead of importing twice),
// reads the document again and applies it to the plan — updating the tasks
// an earlier import of the same document stored. A refusal (a closed plan,
// a task the plan store rejects) shows the preview again with the message,
// and nothing is written; success goes to the plan with a summary.
func (h *Handler) planImportConfirm(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openDraftToChange(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	np := d.Settings.NewPlan
	switch {
	case d.PlanID != nil:
		p, err := h.app.Plans.Get(ctx, *d.PlanID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if !h.can(r, auth.ManagePlan, p.IssuingUnitID) {
			h.forbidden(w, r)
			return
		}
	case np != nil:
		if !h.can(r, auth.ManagePlan, np.IssuingUnitID) {
			h.forbidden(w, r)
			return
		}
	default:
		h.notFound(w, r)
		return
	}
	f, doc, err := h.openImportFile(ctx, d)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var (
		sum    importer.Summary
		target plan.Plan
	)
	err = h.app.DB.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if d.PlanID != nil {
			target, err = plan.GetWith(ctx, tx, *d.PlanID)
		} else {
			target, err = createImportPlan(ctx, tx, *np)
		}
		if err != nil {
			return err
		}
		if err := importer.MarkDraftDone(ctx, tx, d.ID, target.ID); err != nil {
			return err
		}
		res, _, err := readImport(ctx, tx, doc, d.Settings, &target)
		if err != nil {
			return err
		}
		sum, err = importer.Apply(ctx, tx, target.ID, res, f.Name, f.ID)
		return err
	})
	switch {
	case errors.Is(err, importer.ErrDraftDone):
		if d, err = importer.GetDraft(ctx, h.app.DB, d.ID); err != nil {
			h.fail(w, r, err)
			return
		}
		h.draftDone(w, r, d)
	case valid.Message(err) != "":
		h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, importUnitForm{},
			valid.Errors{"form": "Chưa nhập được: " + valid.Message(err) + " Không có dữ liệu nào được ghi."})
	case err != nil:
		h.serverError(w, r, err)
	default:
		h.redirectFlash(w, r, planURL(target.ID, ""), "success", importSummary(sum, f.Name))
	}
}

// createImportPlan creates the draft plan np describes, over the years it
// names, with the areas of the programme covering its first year.
func createImportPlan(ctx context.Context, tx *sqlx.Tx, np importer.NewPlan) (plan.Plan, error) {
	setID, err := importer.SetForYear(ctx, tx, np.FromYear)
	if err != nil {
		return plan.Plan{}, err
	}
	return plan.CreateTx(ctx, tx, plan.PlanInput{Kind: np.Kind, Title: np.Title, IssuingUnitID: np.IssuingUnitID,
		PeriodStart: yearStart(np.FromYear), PeriodEnd: yearEnd(np.ToYear), AreaSetID: setID, Status: plan.StatusDraft})
}

// importSummary is the message shown on the plan after an import.
func importSummary(sum importer.Summary, fileName string) string {
	msg := fmt.Sprintf("Đã nhập %d nhiệm vụ (%d cập nhật) từ tệp “%s”.", sum.Created+sum.Updated, sum.Updated, fileName)
	if sum.Kept > 0 {
		msg += fmt.Sprintf(" %d nhiệm vụ của lần nhập trước không còn trong tệp nên được giữ nguyên.", sum.Kept)
	}
	// The message travels in a cookie: name a few areas, count the rest.
	if n := len(sum.AreasCreated); n > 0 {
		shown := sum.AreasCreated[:min(n, 3)]
		msg += " Đã thêm lĩnh vực riêng của kế hoạch: " + strings.Join(shown, "; ")
		if n > len(shown) {
			msg += fmt.Sprintf(" và %d lĩnh vực khác", n-len(shown))
		}
		msg += "."
	}
	return msg
}
