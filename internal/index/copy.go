package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
)

// CopyFramework starts the framework of year from framework fromID (last
// year's, usually): a new draft for the same unit kind with the same items
// (new ids, same numbers and parents) and bands, recording where it came
// from. The title has the old year replaced by the new one when it names
// it; a set self-assessment deadline moves by the same number of years.
// A year that already has a framework for the kind is refused on "year"
// (valid.Errors), as CreateFramework refuses it.
func (s *Store) CopyFramework(ctx context.Context, fromID int64, year int, userID int64) (Framework, error) {
	var created Framework
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		from, err := FrameworkWith(ctx, tx, fromID)
		if err != nil {
			return err
		}
		in := FrameworkInput{Year: year, UnitKind: from.UnitKind, Title: copiedTitle(from.Title, from.Year, year)}
		if d := from.SelfDeadline; d != nil {
			moved := civil.New(d.Year+year-from.Year, d.Month, d.Day)
			in.SelfDeadline = &moved
		}
		in = in.clean()
		errs, err := in.check(ctx, tx, 0)
		if err != nil {
			return err
		}
		if len(errs) > 0 {
			return errs
		}
		items, err := ItemsWith(ctx, tx, fromID)
		if err != nil {
			return err
		}
		bands, err := bandsWith(ctx, tx, fromID)
		if err != nil {
			return err
		}
		id, err := insertFramework(ctx, tx, in, &fromID)
		if err != nil {
			return err
		}
		if err := copyItems(ctx, tx, id, items); err != nil {
			return err
		}
		if err := insertBands(ctx, tx, id, bands); err != nil {
			return err
		}
		if created, err = FrameworkWith(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: auditFramework, EntityID: id,
			Summary: fmt.Sprintf("Tạo bộ chỉ số “%s” từ bộ chỉ số năm %d “%s” (%d mục)", created.Title, from.Year, from.Title, len(items)),
			After:   created})
	})
	return created, err
}

// copiedTitle returns title with every mention of year from replaced by
// year to, or title unchanged when it does not mention it.
func copiedTitle(title string, from, to int) string {
	return strings.ReplaceAll(title, strconv.Itoa(from), strconv.Itoa(to))
}

// copyItems inserts items (in tree order, as ItemsWith returns them) into
// framework frameworkID with new ids, each parent link mapped to the
// parent's copy. It does not audit.
func copyItems(ctx context.Context, tx *sqlx.Tx, frameworkID int64, items []Item) error {
	newID := make(map[int64]int64, len(items))
	for _, it := range items {
		var parentID *int64
		if it.ParentID != nil {
			p, ok := newID[*it.ParentID]
			if !ok {
				return fmt.Errorf("index: copy item %s: parent %d not copied before it", it.Number, *it.ParentID)
			}
			parentID = &p
		}
		ruleText, err := encodeRule(it.Rule)
		if err != nil {
			return err
		}
		var id int64
		err = tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO index_items (framework_id, parent_id, position, number, level,
			title, max_points, rule, kind, evidence_required, optional, group_tag, guidance)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), frameworkID, parentID, it.Position, it.Number,
			it.Level, it.Title, it.MaxPoints, ruleText, it.Kind, it.EvidenceRequired, it.Optional, it.GroupTag, it.Guidance)
		if err != nil {
			return fmt.Errorf("index: copy item %s to framework %d: %w", it.Number, frameworkID, err)
		}
		newID[it.ID] = id
	}
	return nil
}
