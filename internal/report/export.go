package report

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/docgen"
	"cchc/internal/vn"
)

// Export is a report ready to leave cchc as a workbook or a Word document:
// one unit's report, or a consolidation over a unit's subtree (tổng hợp).
// ReportExport and ConsolidatedExport build it; ExportXLSX and ExportDOCX
// write it.
type Export struct {
	FormCode, FormTitle string
	Definition          Definition // of the report's version; the form's latest for a consolidation
	Period              PeriodRow
	Unit                ExportUnit // the unit that reports
	ReportID            int64      // the unit's report; 0 for a consolidation
	Status              string     // the report's status; "" for a consolidation
	Consolidated        bool
	// Values are the period's figures; Previous and LastYear those of the
	// previous period and of the same period a year earlier (nil when that
	// period has no figures or is not in the calendar).
	Values, Previous, LastYear []Value
	// Tally counts the units of the subtree expected to report
	// (consolidations only).
	Tally Tally
	// Texts holds the narratives: the unit's own for a report; for a
	// consolidation, those of every unit of the subtree whose report
	// counts (submitted or accepted), in the units' order.
	Texts []UnitTexts
	// Units are a consolidation's drill-down lines (see Consolidation).
	Units []UnitLine
	// Date is the day of the export, written as the document's date.
	Date civil.Date
}

// ExportUnit is what a document's header and signature need of a unit.
type ExportUnit struct {
	ID         int64
	Name       string
	Kind       string
	Parent     string // the parent unit's name, "" at the top
	ParentKind string
	// Place is the locality written before the date: the name of the unit
	// or of its nearest ancestor that is a locality (tỉnh, huyện, xã...),
	// without the word for its level ("Phú Sơn").
	Place string
}

// UnitTexts are one unit's narrative texts by field code.
type UnitTexts struct {
	UnitID int64
	Unit   string
	Texts  map[string]string
}

// ReportExport returns the export of report id, on its own form version,
// or an error wrapping db.ErrNotFound.
func (s *Store) ReportExport(ctx context.Context, id int64) (Export, error) {
	r, err := s.Get(ctx, id)
	if err != nil {
		return Export{}, err
	}
	def, err := s.Definition(ctx, s.db, r.FormVersionID)
	if err != nil {
		return Export{}, fmt.Errorf("report: export report %d: %w", id, err)
	}
	f, err := s.Form(ctx, r.FormID)
	if err != nil {
		return Export{}, fmt.Errorf("report: export report %d: %w", id, err)
	}
	p, err := getPeriod(ctx, s.db, r.PeriodID)
	if err != nil {
		return Export{}, fmt.Errorf("report: export report %d: %w", id, err)
	}
	u, err := s.exportUnit(ctx, r.UnitID)
	if err != nil {
		return Export{}, err
	}
	return Export{FormCode: f.Code, FormTitle: f.Title, Definition: def, Period: p, Unit: u, ReportID: r.ID, Status: r.Status,
		Values: r.Figures(def), Texts: []UnitTexts{{UnitID: u.ID, Unit: u.Name, Texts: r.Texts}}, Date: s.today()}, nil
}

// ConsolidatedExport returns the consolidation of form f over the subtree
// of unitID for period p (see ConsolidateOf), with the same consolidation
// for the previous period and for the same period last year when the
// calendar has them, and the narratives of every counted report of the
// subtree. An unknown unit gives an error wrapping db.ErrNotFound.
func (s *Store) ConsolidatedExport(ctx context.Context, unitID int64, p PeriodRow, f Form) (Export, error) {
	c, err := s.ConsolidateOf(ctx, unitID, p, f)
	if err != nil {
		return Export{}, err
	}
	u, err := s.exportUnit(ctx, unitID)
	if err != nil {
		return Export{}, err
	}
	e := Export{FormCode: f.Code, FormTitle: f.Title, Definition: f.Definition, Period: p, Unit: u, Consolidated: true,
		Values: c.Values, Tally: c.Tally, Units: c.Units, Date: s.today()}
	if pp, err := ParsePeriod(p.Code); err == nil {
		if e.Previous, err = s.valuesOf(ctx, unitID, pp.Previous(), f); err != nil {
			return Export{}, err
		}
		if e.LastYear, err = s.valuesOf(ctx, unitID, pp.LastYear(), f); err != nil {
			return Export{}, err
		}
	}
	if e.Texts, err = s.CompiledTexts(ctx, unitID, p, f); err != nil {
		return Export{}, err
	}
	return e, nil
}

// valuesOf returns the consolidated values of form f over unitID's
// subtree for period p, or nil when p is not in the calendar or nobody
// reported in it.
func (s *Store) valuesOf(ctx context.Context, unitID int64, p Period, f Form) ([]Value, error) {
	row, err := PeriodByCode(ctx, s.db, p.String())
	if errors.Is(err, db.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	c, err := s.ConsolidateOf(ctx, unitID, row, f)
	if err != nil {
		return nil, err
	}
	if c.SubmittedOnTime+c.SubmittedLate == 0 && !anyValue(c.Values) {
		return nil, nil
	}
	return c.Values, nil
}

func anyValue(vs []Value) bool {
	for _, v := range vs {
		if v.Value != 0 {
			return true
		}
	}
	return false
}

// CompiledTexts returns the narratives of every report of form f for
// period p that counts (submitted or accepted) in the subtree of unitID as
// it stood on the period's last day (as ConsolidateOf takes it), one entry
// per unit with at least one text, in the units' order.
func (s *Store) CompiledTexts(ctx context.Context, unitID int64, p PeriodRow, f Form) ([]UnitTexts, error) {
	query := subtreeSQL + `
	SELECT u.id, COALESCE(v.name, u.name) AS name, t.code, t.body
	FROM sub JOIN units u ON u.id = sub.id
	JOIN reports r ON r.unit_id = u.id AND r.form_id = ? AND r.period_id = ? AND r.status IN (` + countedStatuses + `)
	JOIN report_texts t ON t.report_id = r.id
	` + versionNameSQL + `
	ORDER BY u.sort_key, u.id, t.code`
	args := append(subtreeArgs(unitID, p), f.ID, p.ID, p.EndsOn, p.EndsOn)
	var rows []struct {
		UnitID int64  `db:"id"`
		Name   string `db:"name"`
		Code   string `db:"code"`
		Body   string `db:"body"`
	}
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("report: narratives of form %s over unit %d for %s: %w", f.Code, unitID, p.Code, err)
	}
	var out []UnitTexts
	for _, r := range rows {
		if strings.TrimSpace(r.Body) == "" {
			continue
		}
		if len(out) == 0 || out[len(out)-1].UnitID != r.UnitID {
			out = append(out, UnitTexts{UnitID: r.UnitID, Unit: r.Name, Texts: map[string]string{}})
		}
		out[len(out)-1].Texts[r.Code] = r.Body
	}
	return out, nil
}

// ReportIDs returns the ids of the reports of form formID for period
// periodID of the units unitIDs that have one, by unit.
func (s *Store) ReportIDs(ctx context.Context, formID, periodID int64, unitIDs []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	if len(unitIDs) == 0 {
		return out, nil
	}
	query, args, err := sqlx.In(`SELECT unit_id, id FROM reports WHERE form_id = ? AND period_id = ? AND unit_id IN (?)`, formID, periodID, unitIDs)
	if err != nil {
		return nil, fmt.Errorf("report: report ids of form %d, period %d: %w", formID, periodID, err)
	}
	var rows []struct {
		UnitID int64 `db:"unit_id"`
		ID     int64 `db:"id"`
	}
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("report: report ids of form %d, period %d: %w", formID, periodID, err)
	}
	for _, r := range rows {
		out[r.UnitID] = r.ID
	}
	return out, nil
}

// exportUnit returns unit id with its parent's name and its place, or an
// error wrapping db.ErrNotFound.
func (s *Store) exportUnit(ctx context.Context, id int64) (ExportUnit, error) {
	var chain []struct {
		ID    int64  `db:"id"`
		Name  string `db:"name"`
		Kind  string `db:"kind"`
		Depth int    `db:"depth"`
	}
	err := s.db.SelectContext(ctx, &chain, s.db.Rebind(`WITH RECURSIVE up(id, depth) AS (
		SELECT id, 0 FROM units WHERE id = ?
		UNION ALL SELECT u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL AND up.depth < 64)
		SELECT u.id, u.name, u.kind, up.depth FROM up JOIN units u ON u.id = up.id ORDER BY up.depth`), id)
	if err != nil {
		return ExportUnit{}, fmt.Errorf("report: unit %d and its parents: %w", id, err)
	}
	if len(chain) == 0 {
		return ExportUnit{}, fmt.Errorf("report: unit %d: %w", id, db.ErrNotFound)
	}
	u := ExportUnit{ID: id, Name: chain[0].Name, Kind: chain[0].Kind}
	if len(chain) > 1 {
		u.Parent, u.ParentKind = chain[1].Name, chain[1].Kind
	}
	for _, c := range chain {
		if place, ok := locality(c.Name); ok {
			u.Place = place
			break
		}
	}
	return u, nil
}

// localityPrefixes are the words naming a locality's level, longest
// first, as unit names start with them (folded).
var localityPrefixes = []string{
	"uy ban nhan dan tinh ", "uy ban nhan dan thanh pho ", "uy ban nhan dan huyen ", "uy ban nhan dan quan ",
	"uy ban nhan dan thi xa ", "uy ban nhan dan xa ", "uy ban nhan dan phuong ", "uy ban nhan dan thi tran ",
	"ubnd tinh ", "ubnd thanh pho ", "ubnd huyen ", "ubnd quan ", "ubnd thi xa ", "ubnd xa ", "ubnd phuong ", "ubnd thi tran ",
	"thanh pho ", "thi tran ", "thi xa ", "dac khu ", "tinh ", "huyen ", "quan ", "xa ", "phuong ",
}

// locality returns the place name in a locality unit's name ("Xã An Phú"
// → "An Phú"); ok is false for a unit that is not a locality ("Sở Nội
// vụ").
func locality(name string) (string, bool) {
	name = strings.TrimSpace(name)
	folded := vn.Fold(name)
	for _, p := range localityPrefixes {
		if strings.HasPrefix(folded, p) {
			words := len(strings.Fields(p))
			fields := strings.Fields(name)
			if len(fields) <= words {
				return "", false
			}
			return strings.Join(fields[words:], " "), true
		}
	}
	return "", false
}

// FigureSection is a section of an export's table of figures: its Roman
// number, title and indicator rows.
type FigureSection struct {
	Number string
	Title  string
	Rows   []FigureRow
}

// FigureRow is one indicator of an export with its figure this period and
// in the compared periods (nil when absent, or for a rate over a zero
// denominator).
type FigureRow struct {
	Number                    int // within its section, from 1
	Indicator                 Indicator
	Measure                   string // đơn vị tính
	Value, Previous, LastYear *float64
}

// Text returns the row's figure as written in Vietnamese documents.
func (r FigureRow) Text() string { return FormatFigure(r.Indicator.Kind, r.Value) }

// PreviousText returns the previous period's figure, written.
func (r FigureRow) PreviousText() string { return FormatFigure(r.Indicator.Kind, r.Previous) }

// LastYearText returns the figure of the same period last year, written.
func (r FigureRow) LastYearText() string { return FormatFigure(r.Indicator.Kind, r.LastYear) }

// Figures returns the export's indicators section by section in the
// definition's order, sections without indicators left out.
func (e Export) Figures() []FigureSection {
	cur, prev, last := valueMap(e.Values), valueMap(e.Previous), valueMap(e.LastYear)
	var out []FigureSection
	for _, s := range e.Definition.Sections {
		if len(s.Indicators) == 0 {
			continue
		}
		fs := FigureSection{Number: docgen.Roman(len(out) + 1), Title: s.Title}
		for i, ind := range s.Indicators {
			fs.Rows = append(fs.Rows, FigureRow{Number: i + 1, Indicator: ind, Measure: Measure(ind),
				Value: cur[ind.Code], Previous: prev[ind.Code], LastYear: last[ind.Code]})
		}
		out = append(out, fs)
	}
	return out
}

// Compared reports whether the export has figures of an earlier period.
func (e Export) Compared() bool { return e.Previous != nil || e.LastYear != nil }

func valueMap(vs []Value) map[string]*float64 {
	m := make(map[string]*float64, len(vs))
	for _, v := range vs {
		m[v.Code] = &v.Value
	}
	return m
}

// FormatFigure writes a figure the Vietnamese way: counts and money with
// dot thousands separators ("1.250"), rates as percentages with a decimal
// comma ("85,5%"); "" for nil.
func FormatFigure(kind string, v *float64) string {
	if v == nil {
		return ""
	}
	if kind == KindRate {
		return vn.FormatPercent(*v * 100)
	}
	return vn.FormatInt(int64(math.Round(*v)))
}

// measures maps the first words of an indicator's label (folded) to its
// unit of measure (đơn vị tính), longest first.
var measures = []struct{ prefix, measure string }{
	{"phan anh kien nghi", "Phản ánh, kiến nghị"},
	{"co quan don vi", "Cơ quan, đơn vị"},
	{"don vi su nghiep", "Đơn vị"},
	{"thu tuc hanh chinh", "Thủ tục"},
	{"dich vu cong", "Dịch vụ"},
	{"nhiem vu", "Nhiệm vụ"},
	{"van ban", "Văn bản"},
	{"ton tai", "Vấn đề"},
	{"don vi", "Đơn vị"},
	{"ho so", "Hồ sơ"},
	{"phieu", "Phiếu"},
	{"luot", "Lượt"},
}

// Measure returns the unit of measure of an indicator: "Đồng" for money,
// "%" for rates, and for counts the noun its label starts with ("Hồ sơ",
// "Văn bản", "Lượt"...) or "Số lượng".
func Measure(ind Indicator) string {
	switch ind.Kind {
	case KindMoney:
		return "Đồng"
	case KindRate:
		return "%"
	}
	label := vn.Fold(ind.Label)
	for _, m := range measures {
		if label == m.prefix || strings.HasPrefix(label, m.prefix+" ") {
			return m.measure
		}
	}
	return "Số lượng"
}

// NarrativeSection is a section of an export's narratives with the fields
// that have text.
type NarrativeSection struct {
	Title  string
	Fields []NarrativeField
}

// NarrativeField is a narrative field with its paragraphs: one per unit
// that wrote it.
type NarrativeField struct {
	Label      string
	Paragraphs []UnitParagraph
}

// UnitParagraph is one unit's text of a narrative field.
type UnitParagraph struct {
	Unit string
	Text string
}

// Narratives compiles the export's narratives per section, in the
// definition's order: for each field, the text of every unit that wrote
// it, in the units' order. Fields and sections without text are left out.
func (e Export) Narratives() []NarrativeSection {
	var out []NarrativeSection
	for _, s := range e.Definition.Sections {
		ns := NarrativeSection{Title: s.Title}
		for _, n := range s.Narratives {
			f := NarrativeField{Label: n.Label}
			for _, u := range e.Texts {
				if t := strings.TrimSpace(u.Texts[n.Code]); t != "" {
					f.Paragraphs = append(f.Paragraphs, UnitParagraph{Unit: u.Unit, Text: t})
				}
			}
			if len(f.Paragraphs) > 0 {
				ns.Fields = append(ns.Fields, f)
			}
		}
		if len(ns.Fields) > 0 {
			out = append(out, ns)
		}
	}
	return out
}
