package index

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/files"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Kinds of evidence (index_evidence.ref_kind). An uploaded file has no
// ref kind ("" — EvidenceInput also accepts EvidenceFile): its FileID says
// which.
const (
	EvidenceFile   = "file"   // an uploaded file (stored as ref_kind "")
	EvidencePlan   = "plan"   // a plan in cchc
	EvidenceTask   = "task"   // the unit's share of a task in cchc: a work item (/work-items/{id}), as facts' LinkTask
	EvidenceReport = "report" // a periodic report in cchc
	EvidenceLink   = "link"   // a web page
)

// EvidenceInput cites one document for an item: a file (RefKind "" or
// "file": an upload already checked by files.Check, stored in the same
// transaction as the citation, or a stored file's FileID), a plan, task or
// report in cchc (RefKind and RefID) or a web page (RefKind "link", URL and
// Title). Title defaults to the file's name or the plan's, task's or
// report's own; Locator says where in the document ("Mục II, trang 3").
type EvidenceInput struct {
	Upload  *files.Upload `json:"-"`
	FileID  *int64        `json:"file_id"`
	RefKind string        `json:"ref_kind"`
	RefID   *int64        `json:"ref_id"`
	URL     string        `json:"url"`
	Title   string        `json:"title"`
	Locator string        `json:"locator"`
}

// Limits on evidence text, in characters.
const (
	MaxEvidenceTitle   = 500
	MaxEvidenceLocator = 255
	MaxEvidenceURL     = 2000
)

const evidenceSQLColumns = `id, assessment_id, item_id, file_id, ref_kind, ref_id, url, title, locator, added_by, added_at`

// AddEvidence cites a document for item itemID of a draft assessment,
// while the framework is in the self stage. The file, plan, task or report
// must exist (valid.Errors keyed "file_id" or "ref_id"); a link needs an
// http(s) URL and a title.
func (s *Store) AddEvidence(ctx context.Context, assessmentID, itemID int64, in EvidenceInput, userID int64) (Evidence, error) {
	ev, err := evidenceClean(in)
	if err != nil {
		return Evidence{}, err
	}
	err = s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		st, err := evidenceLock(ctx, tx, assessmentID)
		if err != nil {
			return err
		}
		tree, err := assessTree(ctx, tx, st.f.ID)
		if err != nil {
			return err
		}
		it, err := assessLeaf(tree, itemID)
		if err != nil {
			return err
		}
		if in.Upload != nil && ev.RefKind == "" {
			stored, err := files.Insert(ctx, tx, *in.Upload, userID)
			if err != nil {
				return err
			}
			ev.FileID = &stored.ID
		}
		if err := evidenceResolve(ctx, tx, &ev); err != nil {
			return err
		}
		ev.AssessmentID, ev.ItemID, ev.AddedAt = assessmentID, itemID, db.Now()
		if userID != 0 {
			ev.AddedBy = &userID
		}
		if err := tx.GetContext(ctx, &ev.ID, tx.Rebind(`INSERT INTO index_evidence (assessment_id, item_id, file_id,
			ref_kind, ref_id, url, title, locator, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			ev.AssessmentID, ev.ItemID, ev.FileID, ev.RefKind, ev.RefID, ev.URL, ev.Title, ev.Locator, ev.AddedBy, ev.AddedAt); err != nil {
			return fmt.Errorf("index: add evidence to item %d of assessment %d: %w", itemID, assessmentID, err)
		}
		if err := assessTouch(ctx, tx, assessmentID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: fmt.Sprintf("Thêm tài liệu kiểm chứng “%s” cho tiêu chí %s của %s", ev.Title, it.Number, st.unitName),
			After:   ev})
	})
	return ev, err
}

// evidenceLock locks an assessment whose evidence may change: a draft,
// in the self stage.
func evidenceLock(ctx context.Context, tx *sqlx.Tx, assessmentID int64) (assessState, error) {
	st, err := assessLock(ctx, tx, assessmentID)
	if err != nil {
		return st, err
	}
	if st.f.Stage != StageSelf {
		return st, assessStageProblem(st.f.Stage, "sửa tài liệu kiểm chứng")
	}
	if st.a.Status != StatusDraft {
		return st, assessStatusProblem(st.a.Status, "sửa tài liệu kiểm chứng")
	}
	return st, nil
}

// evidenceClean checks what in says without the database and returns it
// as the row to store.
func evidenceClean(in EvidenceInput) (Evidence, error) {
	ev := Evidence{
		RefKind: strings.TrimSpace(in.RefKind),
		URL:     strings.TrimSpace(in.URL),
		Title:   vn.CleanText(in.Title),
		Locator: vn.CleanText(in.Locator),
	}
	errs := valid.Errors{}
	if utf8.RuneCountInString(ev.Title) > MaxEvidenceTitle {
		errs.Add("title", "Tên tài liệu dài tối đa 500 ký tự.")
	}
	if utf8.RuneCountInString(ev.Locator) > MaxEvidenceLocator {
		errs.Add("locator", "Vị trí trong tài liệu dài tối đa 255 ký tự.")
	}
	if ev.RefKind == EvidenceFile {
		ev.RefKind = ""
	}
	if ev.RefKind == "" && in.FileID == nil && ev.URL != "" {
		ev.RefKind = EvidenceLink
	}
	switch ev.RefKind {
	case "":
		if in.FileID == nil && in.Upload == nil {
			errs.Add("file_id", "Hãy chọn tệp tài liệu kiểm chứng.")
		}
		ev.FileID, ev.URL = in.FileID, ""
	case EvidencePlan, EvidenceTask, EvidenceReport:
		if in.RefID == nil {
			errs.Add("ref_id", "Hãy chọn "+evidenceRefNames[ev.RefKind]+" làm tài liệu kiểm chứng.")
		}
		ev.RefID, ev.URL = in.RefID, ""
	case EvidenceLink:
		u, err := url.Parse(ev.URL)
		switch {
		case ev.URL == "":
			errs.Add("url", "Hãy nhập đường dẫn của tài liệu.")
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			errs.Add("url", "Đường dẫn phải là địa chỉ web bắt đầu bằng http:// hoặc https://.")
		case len(ev.URL) > MaxEvidenceURL:
			errs.Add("url", "Đường dẫn dài tối đa 2.000 ký tự.")
		}
		if ev.Title == "" {
			errs.Add("title", "Hãy nhập tên tài liệu.")
		}
	default:
		errs.Add("ref_kind", "Loại tài liệu kiểm chứng không hợp lệ: chọn tệp, kế hoạch, nhiệm vụ, báo cáo hoặc đường dẫn.")
	}
	return ev, errs.Err()
}

var evidenceRefNames = map[string]string{
	EvidencePlan:   "kế hoạch",
	EvidenceTask:   "nhiệm vụ",
	EvidenceReport: "báo cáo",
}

// evidenceResolve checks that ev's file, plan, task or report exists and
// fills in its title when none was given.
func evidenceResolve(ctx context.Context, q db.Querier, ev *Evidence) error {
	var query string
	var id int64
	field := "ref_id"
	switch ev.RefKind {
	case "":
		query, id, field = `SELECT name FROM files WHERE id = ?`, *ev.FileID, "file_id"
	case EvidencePlan:
		query, id = `SELECT title FROM plans WHERE id = ?`, *ev.RefID
	case EvidenceTask:
		query, id = `SELECT t.content FROM work_items w JOIN tasks t ON t.id = w.task_id WHERE w.id = ?`, *ev.RefID
	case EvidenceReport:
		query, id = `SELECT f.title || ' — ' || p.title FROM reports r JOIN report_forms f ON f.id = r.form_id
			JOIN report_periods p ON p.id = r.period_id WHERE r.id = ?`, *ev.RefID
	default:
		return nil
	}
	var title string
	err := q.GetContext(ctx, &title, q.Rebind(query), id)
	if errors.Is(db.NotFound(err), db.ErrNotFound) {
		if field == "file_id" {
			return valid.Errors{"file_id": "Tệp tài liệu không tồn tại."}
		}
		return valid.Errors{"ref_id": fmt.Sprintf("Không tìm thấy %s số %d.", evidenceRefNames[ev.RefKind], id)}
	}
	if err != nil {
		return fmt.Errorf("index: evidence %s %d: %w", ev.RefKind, id, err)
	}
	if ev.Title == "" {
		ev.Title = evidenceShorten(vn.CleanText(title), MaxEvidenceTitle)
	}
	return nil
}

// evidenceShorten cuts s to at most n characters, ending in "…" when cut.
func evidenceShorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// RemoveEvidence withdraws a cited document from a draft assessment,
// while the framework is in the self stage.
func (s *Store) RemoveEvidence(ctx context.Context, evidenceID, userID int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		var ev Evidence
		if err := tx.GetContext(ctx, &ev, tx.Rebind(`SELECT `+evidenceSQLColumns+` FROM index_evidence WHERE id = ?`),
			evidenceID); err != nil {
			return fmt.Errorf("index: evidence %d: %w", evidenceID, db.NotFound(err))
		}
		st, err := evidenceLock(ctx, tx, ev.AssessmentID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM index_evidence WHERE id = ?`), evidenceID); err != nil {
			return fmt.Errorf("index: remove evidence %d: %w", evidenceID, err)
		}
		if err := assessTouch(ctx, tx, ev.AssessmentID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: ev.AssessmentID,
			Summary: fmt.Sprintf("Bỏ tài liệu kiểm chứng “%s” của %s", ev.Title, st.unitName), Before: ev})
	})
}

// EvidenceByID returns cited document id, or an error wrapping
// db.ErrNotFound.
func (s *Store) EvidenceByID(ctx context.Context, id int64) (Evidence, error) {
	var ev Evidence
	if err := s.db.GetContext(ctx, &ev, s.db.Rebind(`SELECT `+evidenceSQLColumns+` FROM index_evidence WHERE id = ?`), id); err != nil {
		return Evidence{}, fmt.Errorf("index: evidence %d: %w", id, db.NotFound(err))
	}
	return ev, nil
}

// EvidenceOf returns the documents cited in assessment assessmentID, by
// item in tree order, then in the order they were added.
func (s *Store) EvidenceOf(ctx context.Context, assessmentID int64) ([]Evidence, error) {
	var evs []Evidence
	err := s.db.SelectContext(ctx, &evs, s.db.Rebind(`SELECT e.id, e.assessment_id, e.item_id, e.file_id, e.ref_kind,
		e.ref_id, e.url, e.title, e.locator, e.added_by, e.added_at FROM index_evidence e
		JOIN index_items i ON i.id = e.item_id WHERE e.assessment_id = ? ORDER BY i.position, i.id, e.id`), assessmentID)
	if err != nil {
		return nil, fmt.Errorf("index: evidence of assessment %d: %w", assessmentID, err)
	}
	return evs, nil
}
