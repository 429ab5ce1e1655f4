package index

import (
	"context"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// maxBandLabelLen bounds a band's label, in characters.
const maxBandLabelLen = 100

// DefaultBands returns the usual classification, highest first: Xuất sắc
// from 90%, Tốt from 80%, Khá from 65%, Trung bình from 50%, Yếu below.
func DefaultBands() []Band {
	return []Band{
		{MinPercent: 9000, Label: "Xuất sắc"},
		{MinPercent: 8000, Label: "Tốt"},
		{MinPercent: 6500, Label: "Khá"},
		{MinPercent: 5000, Label: "Trung bình"},
		{MinPercent: 0, Label: "Yếu"},
	}
}

// percentText writes a band's MinPercent (hundredths of a percent) the
// Vietnamese way: "90%", "92,5%".
func percentText(minPercent int) string { return rule.Points(minPercent).String() + "%" }

// Bands returns framework frameworkID's bands by MinPercent, highest
// first.
func (s *Store) Bands(ctx context.Context, frameworkID int64) ([]Band, error) {
	return bandsWith(ctx, s.db, frameworkID)
}

func bandsWith(ctx context.Context, q db.Querier, frameworkID int64) ([]Band, error) {
	bands := []Band{}
	err := q.SelectContext(ctx, &bands, q.Rebind(`SELECT min_percent, label FROM index_bands
		WHERE framework_id = ? ORDER BY min_percent DESC`), frameworkID)
	if err != nil {
		return nil, fmt.Errorf("index: bands of framework %d: %w", frameworkID, err)
	}
	return bands, nil
}

// checkBands cleans bands and returns them highest first, or valid.Errors
// keyed "bands" or "bands.<i>.<field>" (i from 0, messages naming the row
// "Dòng 2: ..."): each band has a label and a distinct minimum from 0% to
// 100%, and the lowest starts at 0% so every unit gets a band.
func checkBands(bands []Band) ([]Band, valid.Errors) {
	errs := valid.Errors{}
	if len(bands) == 0 {
		errs.Add("bands", "Cần ít nhất một mức xếp loại.")
		return nil, errs
	}
	out := make([]Band, len(bands))
	first := map[int]int{}
	for i, b := range bands {
		b.Label = vn.CleanText(b.Label)
		out[i] = b
		switch {
		case b.Label == "":
			errs.Add(fmt.Sprintf("bands.%d.label", i), fmt.Sprintf("Dòng %d: chưa nhập tên xếp loại.", i+1))
		case utf8.RuneCountInString(b.Label) > maxBandLabelLen:
			errs.Add(fmt.Sprintf("bands.%d.label", i), fmt.Sprintf("Dòng %d: tên xếp loại dài tối đa %d ký tự.", i+1, maxBandLabelLen))
		}
		if b.MinPercent < 0 || b.MinPercent > 10000 {
			errs.Add(fmt.Sprintf("bands.%d.min_percent", i), fmt.Sprintf("Dòng %d: mức tối thiểu phải từ 0%% đến 100%%.", i+1))
			continue
		}
		if j, dup := first[b.MinPercent]; dup {
			errs.Add(fmt.Sprintf("bands.%d.min_percent", i),
				fmt.Sprintf("Dòng %d: mức %s trùng với dòng %d.", i+1, percentText(b.MinPercent), j+1))
			continue
		}
		first[b.MinPercent] = i
	}
	if _, ok := first[0]; !ok && len(errs) == 0 {
		errs.Add("bands", "Mức xếp loại thấp nhất phải từ 0% để đơn vị nào cũng được xếp loại.")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	slices.SortFunc(out, func(a, b Band) int { return b.MinPercent - a.MinPercent })
	return out, nil
}

// SetBands replaces framework frameworkID's bands. They are checked first
// (see checkBands); a framework whose results are final keeps its bands (a
// valid.Problem).
func (s *Store) SetBands(ctx context.Context, frameworkID int64, bands []Band, userID int64) error {
	bands, errs := checkBands(bands)
	if len(errs) > 0 {
		return errs
	}
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		return setBandsIn(ctx, tx, frameworkID, bands)
	})
}

// setBandsIn replaces the bands in tx (see SetBands), audited.
func setBandsIn(ctx context.Context, tx *sqlx.Tx, frameworkID int64, bands []Band) error {
	f, err := lockFramework(ctx, tx, frameworkID)
	if err != nil {
		return err
	}
	if f.Stage == StageFinal {
		return valid.Problemf("Bộ chỉ số đã chốt kết quả; không sửa được xếp loại.")
	}
	before, err := bandsWith(ctx, tx, frameworkID)
	if err != nil {
		return err
	}
	if slices.Equal(before, bands) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM index_bands WHERE framework_id = ?`), frameworkID); err != nil {
		return fmt.Errorf("index: clear bands of framework %d: %w", frameworkID, err)
	}
	if err := insertBands(ctx, tx, frameworkID, bands); err != nil {
		return err
	}
	if err := touchFramework(ctx, tx, frameworkID); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: auditFramework, EntityID: frameworkID,
		Summary: fmt.Sprintf("Sửa xếp loại của bộ chỉ số “%s”", f.Title), Before: before, After: bands})
}

// insertBands adds bands to framework frameworkID. It does not audit.
func insertBands(ctx context.Context, q db.Querier, frameworkID int64, bands []Band) error {
	for _, b := range bands {
		_, err := q.ExecContext(ctx, q.Rebind(`INSERT INTO index_bands (framework_id, min_percent, label) VALUES (?, ?, ?)`),
			frameworkID, b.MinPercent, b.Label)
		if err != nil {
			return fmt.Errorf("index: band %d of framework %d: %w", b.MinPercent, frameworkID, err)
		}
	}
	return nil
}
