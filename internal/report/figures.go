package report

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/db"
)

// A report's figures are its values kept a second time, on the report's
// own row (reports.figures), as one JSON object from code to value:
// {"dossiers_processed":120,"processed_early":30}. report_values stays
// the record that reads, exports and the API use; figures exist so that a
// consolidation reads one row per report instead of a hundred and adds
// them up here, which keeps a whole country's quarter under a second on
// SQLite too (see ConsolidateOf). Every write of values rewrites figures
// in the same transaction (SaveDraft, open); bulk loaders encode them with
// EncodeFigures; migration 0007 filled them in for existing reports.

// EncodeFigures returns values as a report's figures: a JSON object with
// the codes in order.
func EncodeFigures(values map[string]int64) string {
	b := make([]byte, 0, 24*len(values)+2)
	b = append(b, '{')
	for i, code := range slices.Sorted(maps.Keys(values)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, code)
		b = append(b, ':')
		b = strconv.AppendInt(b, values[code], 10)
	}
	return string(append(b, '}'))
}

// figureSums adds up figures by code. Once a code is known, adding to it
// allocates nothing: a country's quarter is over a million figures.
type figureSums map[string]*int64

// add adds the figures raw (as EncodeFigures writes them, or as a
// database's JSON aggregate did in migration 0007, with spaces) to s.
func (s figureSums) add(raw []byte) error {
	if !s.addFast(raw) {
		var m map[string]int64
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("report: figures %.40q: %w", raw, err)
		}
		for code, v := range m {
			s.addOne([]byte(code), v)
		}
	}
	return nil
}

func (s figureSums) addOne(code []byte, v int64) {
	if p := s[string(code)]; p != nil {
		*p += v
		return
	}
	s[string(code)] = &v
}

// addFast parses raw as a flat object of plain codes (no escapes) to
// integers, the only shape figures have, adding as it goes; it reports
// false, having added nothing, for anything else, which add then leaves
// to encoding/json. A code given twice counts twice: figures never repeat
// a code.
func (s figureSums) addFast(raw []byte) bool {
	type pair struct {
		code []byte
		v    int64
	}
	var pairs [128]pair
	found := pairs[:0]
	i := 0
	space := func() {
		for i < len(raw) && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\t' || raw[i] == '\r') {
			i++
		}
	}
	expect := func(c byte) bool {
		space()
		if i < len(raw) && raw[i] == c {
			i++
			return true
		}
		return false
	}
	if !expect('{') {
		return false
	}
	if !expect('}') {
		for {
			if !expect('"') {
				return false
			}
			start := i
			for i < len(raw) && raw[i] != '"' {
				if raw[i] == '\\' || raw[i] < ' ' || raw[i] >= 0x80 {
					return false
				}
				i++
			}
			if i == len(raw) {
				return false
			}
			code := raw[start:i]
			i++
			if !expect(':') {
				return false
			}
			space()
			start = i
			if i < len(raw) && raw[i] == '-' {
				i++
			}
			for i < len(raw) && raw[i] >= '0' && raw[i] <= '9' {
				i++
			}
			v, err := strconv.ParseInt(string(raw[start:i]), 10, 64)
			if err != nil || i-start > 1 && raw[start] == '0' || i-start > 2 && raw[start] == '-' && raw[start+1] == '0' {
				return false
			}
			found = append(found, pair{code, v})
			if expect('}') {
				break
			}
			if !expect(',') {
				return false
			}
		}
	}
	space()
	if i != len(raw) {
		return false
	}
	for _, p := range found {
		s.addOne(p.code, p.v)
	}
	return true
}

// totals returns the sums as plain values.
func (s figureSums) totals() map[string]int64 {
	out := make(map[string]int64, len(s))
	for code, p := range s {
		out[code] = *p
	}
	return out
}

// CheckFigures compares every report's figures with its values and names
// the first reports where they differ: the invariant the writers keep,
// checked by the tests of each of them (store, demo, national).
func CheckFigures(ctx context.Context, q db.Querier) error {
	var reports []struct {
		ID      int64  `db:"id"`
		Figures string `db:"figures"`
	}
	if err := q.SelectContext(ctx, &reports, `SELECT id, figures FROM reports ORDER BY id`); err != nil {
		return fmt.Errorf("report: check figures: %w", err)
	}
	var rows []struct {
		ReportID int64  `db:"report_id"`
		Code     string `db:"code"`
		Value    int64  `db:"value"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT report_id, code, value FROM report_values`); err != nil {
		return fmt.Errorf("report: check figures: %w", err)
	}
	values := map[int64]map[string]int64{}
	for _, r := range rows {
		if values[r.ReportID] == nil {
			values[r.ReportID] = map[string]int64{}
		}
		values[r.ReportID][r.Code] = r.Value
	}
	var wrong []string
	for _, r := range reports {
		s := figureSums{}
		if err := s.add([]byte(r.Figures)); err != nil {
			return err
		}
		if got := s.totals(); !maps.Equal(got, values[r.ID]) && (len(got) > 0 || len(values[r.ID]) > 0) {
			wrong = append(wrong, fmt.Sprintf("report %d: figures %s, values %s", r.ID, r.Figures, EncodeFigures(values[r.ID])))
			if len(wrong) == 3 {
				break
			}
		}
	}
	if len(wrong) > 0 {
		return fmt.Errorf("report: figures differ from values: %s", strings.Join(wrong, "; "))
	}
	return nil
}
