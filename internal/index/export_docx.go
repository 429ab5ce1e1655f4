package index

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/docgen"
	"cchc/internal/index/rule"
	"cchc/internal/vn"
)

// ResultsExport is a framework's results ready to leave cchc as a
// workbook (ResultsXLSX) or as the official report of Sở Nội vụ
// (ResultsDOCX). Store.ResultsExport builds it.
type ResultsExport struct {
	Results Results
	// KindName is the name of the framework's unit kind as the catalogue
	// writes it ("Sở, ban, ngành cấp tỉnh").
	KindName string
	// Issuer is the unit that issues the report: the province's Sở Nội vụ.
	Issuer ExportIssuer
	// Date is the day of the export, written as the document's date.
	Date civil.Date
}

// ExportIssuer is what a document's header, signature and "Nơi nhận" need
// of the issuing unit.
type ExportIssuer struct {
	Name       string // "Sở Nội vụ"
	Parent     string // the parent body, "Tỉnh Phú Sơn"; "" at the top
	ParentKind string
	// Place is the locality written before the date, "Phú Sơn"; "" when
	// the parent is not a locality.
	Place string
}

// ResultsExport returns the results of framework frameworkID (see
// Store.Results) with its unit kind's name, the province's Sở Nội vụ as
// issuer and today's date. The issuer is the active unit whose name starts
// with "Sở Nội vụ" (the first created when there are several), under its
// parent; a province without one gets "Sở Nội vụ" under its top unit. An
// unknown framework gives an error wrapping db.ErrNotFound.
func (s *Store) ResultsExport(ctx context.Context, frameworkID int64) (ResultsExport, error) {
	r, err := s.Results(ctx, frameworkID)
	if err != nil {
		return ResultsExport{}, err
	}
	var kind string
	if err := s.db.GetContext(ctx, &kind, s.db.Rebind(`SELECT name FROM unit_kinds WHERE code = ?`),
		r.Framework.UnitKind); err != nil {
		return ResultsExport{}, fmt.Errorf("index: export framework %d: unit kind %q: %w", frameworkID,
			r.Framework.UnitKind, db.NotFound(err))
	}
	iss, err := s.exportIssuer(ctx)
	if err != nil {
		return ResultsExport{}, err
	}
	return ResultsExport{Results: r, KindName: kind, Issuer: iss, Date: s.Today()}, nil
}

// exportIssuer finds the province's Sở Nội vụ; see Store.ResultsExport.
func (s *Store) exportIssuer(ctx context.Context) (ExportIssuer, error) {
	var rows []struct {
		Name       string `db:"name"`
		Parent     string `db:"parent"`
		ParentKind string `db:"parent_kind"`
	}
	err := s.db.SelectContext(ctx, &rows, s.db.Rebind(`SELECT u.name, COALESCE(p.name, '') AS parent,
		COALESCE(p.kind, '') AS parent_kind FROM units u LEFT JOIN units p ON p.id = u.parent_id
		WHERE u.search_text LIKE ? AND (u.active_to IS NULL OR u.active_to >= ?) ORDER BY u.id`),
		"so noi vu%", s.Today())
	if err != nil {
		return ExportIssuer{}, fmt.Errorf("index: find Sở Nội vụ: %w", err)
	}
	for _, r := range rows {
		if strings.HasPrefix(vn.Fold(r.Name), "so noi vu") {
			return ExportIssuer{Name: r.Name, Parent: r.Parent, ParentKind: r.ParentKind, Place: exportPlace(r.Parent)}, nil
		}
	}
	var top []struct {
		Name string `db:"name"`
		Kind string `db:"kind"`
	}
	if err := s.db.SelectContext(ctx, &top, `SELECT name, kind FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`); err != nil {
		return ExportIssuer{}, fmt.Errorf("index: find the top unit: %w", err)
	}
	iss := ExportIssuer{Name: "Sở Nội vụ"}
	if len(top) > 0 {
		iss.Parent, iss.ParentKind, iss.Place = top[0].Name, top[0].Kind, exportPlace(top[0].Name)
	}
	return iss, nil
}

// exportPlacePrefixes are the words naming a province-level locality, as
// the parent of Sở Nội vụ is written (folded, longest first).
var exportPlacePrefixes = []string{
	"uy ban nhan dan thanh pho ", "uy ban nhan dan tinh ", "ubnd thanh pho ", "ubnd tinh ", "thanh pho ", "tinh ",
}

// exportPlace returns the place name in a province's name ("Tỉnh Phú Sơn",
// "UBND tỉnh Phú Sơn" → "Phú Sơn"), "" when name is not a locality.
func exportPlace(name string) string {
	folded := vn.Fold(name)
	for _, p := range exportPlacePrefixes {
		if strings.HasPrefix(folded, p) {
			words := len(strings.Fields(p))
			if fields := strings.Fields(name); len(fields) > words {
				return strings.Join(fields[words:], " ")
			}
		}
	}
	return ""
}

// exportParentBody returns the header's parent body: a province is
// written as its People's Committee ("Tỉnh Phú Sơn" → "UBND tỉnh Phú
// Sơn"); other parents as they are named.
func exportParentBody(iss ExportIssuer) string {
	folded := vn.Fold(iss.Parent)
	switch {
	case iss.Parent == "":
		return ""
	case strings.HasPrefix(folded, "ubnd ") || strings.HasPrefix(folded, "uy ban nhan dan "):
		return iss.Parent
	case iss.ParentKind == "province" || iss.ParentKind == "district" || iss.ParentKind == "commune":
		return "UBND " + exportLowerFirst(iss.Parent)
	}
	return iss.Parent
}

// exportAbbreviation returns the initials of a unit's name for the
// document's symbol and the archive line ("Sở Nội vụ" → "SNV").
func exportAbbreviation(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if vn.Fold(w) == "va" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// exportLowerFirst lower-cases the first letter of s to use it inside a
// sentence, unless s starts with an abbreviation ("UBND").
func exportLowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// Subject returns the report's summary line: "Kết quả xác định Chỉ số
// cải cách hành chính năm 2025 của các sở, ban, ngành cấp tỉnh".
func (e ResultsExport) Subject() string {
	return fmt.Sprintf("Kết quả xác định Chỉ số cải cách hành chính năm %d của các %s", e.Results.Framework.Year,
		exportLowerFirst(e.KindName))
}

// FormatIndex writes an index the Vietnamese way with two decimals:
// 87.345 → "87,35%".
func FormatIndex(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 2, 64), ".", ",", 1) + "%"
}

// RoundIndex returns points ÷ maxPoints × 100 rounded to two decimals,
// halves away from zero, computed exactly on the integers (17469 of 20000
// is 87,35, not the 87,34 a float64 rounding of 87,345 gives); 0 when
// maxPoints is not above 0.
func RoundIndex(points, maxPoints rule.Points) float64 {
	if maxPoints <= 0 {
		return 0
	}
	n, neg := int64(points)*20000, points < 0
	if neg {
		n = -n
	}
	q := (n + int64(maxPoints)) / (2 * int64(maxPoints))
	if neg {
		q = -q
	}
	return float64(q) / 100
}

// FormatChange writes a change of index in percentage points with its
// sign: "+2,15", "−1,30", "0,00"; "" for nil (no index last year).
func FormatChange(d *float64) string {
	if d == nil {
		return ""
	}
	v := math.Round(*d*100) / 100
	s := strings.Replace(strconv.FormatFloat(math.Abs(v), 'f', 2, 64), ".", ",", 1)
	switch {
	case v > 0:
		return "+" + s
	case v < 0:
		return "−" + s
	}
	return s
}

// FormatBonusPenalty writes a unit's bonus and penalty points: "+1",
// "−0,5", "+1 / −0,5"; "" when both are 0.
func FormatBonusPenalty(bonus, penalty rule.Points) string {
	var parts []string
	if bonus != 0 {
		parts = append(parts, "+"+bonus.String())
	}
	if penalty != 0 {
		parts = append(parts, "−"+penalty.String())
	}
	return strings.Join(parts, " / ")
}

// RankText writes the unit's rank, "Không xếp hạng" for an unranked unit.
func (u UnitResult) RankText() string {
	if u.Rank == nil {
		return "Không xếp hạng"
	}
	return strconv.Itoa(*u.Rank)
}

// ResultsDOCX writes e as the official report of Sở Nội vụ on the results
// (văn bản báo cáo), laid out by docgen: the header with "Số:      /BC-SNV"
// left blank to be numbered, place and date, "BÁO CÁO" with the summary
// line (ResultsExport.Subject), a body with the overall figures, the
// ranking table and the criteria where units lost the most points, the
// signature block of the director and "Nơi nhận"; the component indices
// per field follow as Phụ lục I.
func ResultsDOCX(w io.Writer, e ResultsExport) error {
	if err := docgen.WriteDOCX(w, resultsDocument(e)); err != nil {
		return fmt.Errorf("index: export results of framework %d as Word: %w", e.Results.Framework.ID, err)
	}
	return nil
}

func resultsDocument(e ResultsExport) docgen.Document {
	r, iss := e.Results, e.Issuer
	year, kinds := r.Framework.Year, exportLowerFirst(e.KindName)
	abbr := exportAbbreviation(iss.Name)
	d := docgen.Document{
		Parent: exportParentBody(iss), Issuer: iss.Name,
		Number: "Số:        /BC-" + abbr,
		Place:  iss.Place, Date: e.Date,
		Kind: "Báo cáo", Summary: e.Subject(),
		SignTitle: "Giám đốc",
	}
	d.Recipients = append(d.Recipients, "Bộ Nội vụ (để báo cáo);")
	if parent := exportParentBody(iss); parent != "" {
		d.Recipients = append(d.Recipients, parent+" (để báo cáo);")
	}
	d.Recipients = append(d.Recipients, "Các "+kinds+";", "Lưu: VT, "+abbr+".")
	d.Body = append(d.Body, docgen.Paragraph(fmt.Sprintf(
		"Trên cơ sở kết quả tự đánh giá, chấm điểm của các đơn vị, kết quả thẩm định của Hội đồng thẩm định và kết quả điều tra xã hội học, %s báo cáo kết quả xác định Chỉ số cải cách hành chính năm %d của các %s như sau:",
		iss.Name, year, kinds)))
	if r.Framework.Stage != StageFinal {
		d.Body = append(d.Body, docgen.Paragraph("Kết quả dưới đây là kết quả tạm tính, chưa được chốt chính thức."))
	}
	d.Body = append(d.Body, docgen.Heading(1, "I. KẾT QUẢ CHUNG"), docgen.Paragraph(resultsOverview(r)))
	d.Body = append(d.Body, docgen.Heading(1, "II. KẾT QUẢ XẾP HẠNG"), docgen.Paragraph(fmt.Sprintf(
		"Kết quả xếp hạng Chỉ số cải cách hành chính năm %d của các %s (điểm tối đa tính trên các tiêu chí áp dụng đối với từng đơn vị; chỉ số = tổng điểm đạt được ÷ điểm tối đa):",
		year, kinds)), docgen.TableBlock(resultsRankingTable(r)))
	fields := resultsFields(r)
	if len(fields) > 0 && len(r.Units) > 0 {
		var names []string
		for _, f := range fields {
			names = append(names, fmt.Sprintf("lĩnh vực %s: %s (tối đa %s điểm)", f.Number, exportLowerFirst(f.Title), f.MaxPoints))
		}
		d.Body = append(d.Body, docgen.Paragraph("Chỉ số thành phần của từng đơn vị theo các lĩnh vực tại Phụ lục I kèm theo; "+
			strings.Join(names, "; ")+"."))
	}
	if len(r.Lost) > 0 {
		n := min(len(r.Lost), 10)
		d.Body = append(d.Body, docgen.Heading(1, "III. CÁC TIÊU CHÍ CÁC ĐƠN VỊ MẤT ĐIỂM NHIỀU NHẤT"),
			docgen.Paragraph(fmt.Sprintf("%d tiêu chí có tổng số điểm bị mất nhiều nhất của các đơn vị được xếp hạng:", n)),
			docgen.TableBlock(resultsLostTable(r.Lost[:n])))
	}
	d.Body = append(d.Body, docgen.Paragraph(fmt.Sprintf("Trên đây là báo cáo kết quả xác định Chỉ số cải cách hành chính năm %d của các %s./.",
		year, kinds)))
	if len(fields) > 0 && len(r.Units) > 0 {
		d.Appendices = append(d.Appendices, docgen.Appendix{
			Title:   "CHỈ SỐ THÀNH PHẦN THEO LĨNH VỰC",
			Summary: fmt.Sprintf("(Kèm theo Báo cáo kết quả xác định Chỉ số cải cách hành chính năm %d)", year),
			Table:   resultsFieldsTable(r, fields),
		})
	}
	return d
}

// resultsOverview is the paragraph of overall figures: how many units
// were assessed and ranked, the average, highest and lowest index of the
// ranked units and how many units each band has.
func resultsOverview(r Results) string {
	var ranked []UnitResult
	for _, u := range r.Units {
		if u.Rank != nil {
			ranked = append(ranked, u)
		}
	}
	if len(ranked) == 0 {
		return fmt.Sprintf("Có %d đơn vị được đánh giá; chưa có đơn vị nào được xếp hạng.", len(r.Units))
	}
	sum := 0.0
	for _, u := range ranked {
		sum += u.IndexPercent
	}
	first, last := ranked[0], ranked[len(ranked)-1]
	text := fmt.Sprintf("Có %d đơn vị được đánh giá, trong đó %d đơn vị được xếp hạng. Chỉ số trung bình của các đơn vị được xếp hạng đạt %s; cao nhất là %s (%s), thấp nhất là %s (%s).",
		len(r.Units), len(ranked), FormatIndex(sum/float64(len(ranked))), first.UnitName, FormatIndex(RoundIndex(first.Points, first.Max)),
		last.UnitName, FormatIndex(RoundIndex(last.Points, last.Max)))
	var bands []string
	for _, b := range r.Bands {
		n := 0
		for _, u := range ranked {
			if u.Band == b.Label {
				n++
			}
		}
		if n > 0 {
			bands = append(bands, fmt.Sprintf("%s: %d đơn vị", b.Label, n))
		}
	}
	if len(bands) > 0 {
		text += " Xếp loại " + strings.Join(bands, "; ") + "."
	}
	return text
}

// resultsRankingTable is the ranking table of the document.
func resultsRankingTable(r Results) docgen.Table {
	t := docgen.Table{
		Header: [][]string{{"Hạng", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Điểm thưởng/ trừ",
			"Tổng điểm đạt được", "Điểm tối đa", "Chỉ số (%)", "Xếp loại"}},
		Widths: []int{8, 26, 9, 9, 9, 9, 9, 8, 10, 11},
		Align: []docgen.Align{docgen.Center, docgen.Left, docgen.Right, docgen.Right, docgen.Right, docgen.Right, docgen.Right,
			docgen.Right, docgen.Right, docgen.Center},
	}
	for _, u := range r.Units {
		t.Rows = append(t.Rows, docgen.Row{Cells: []string{u.RankText(), u.UnitName, u.Self.String(), u.Appraised.String(),
			u.Survey.String(), FormatBonusPenalty(u.Bonus, u.Penalty), u.Points.String(), u.Max.String(),
			FormatIndex(RoundIndex(u.Points, u.Max)), u.Band}})
	}
	return t
}

// resultsLostTable is the table of the criteria where units lost the most.
func resultsLostTable(lost []ItemLoss) docgen.Table {
	t := docgen.Table{
		Header: [][]string{{"STT", "Tiêu chí", "Điểm tối đa", "Tổng số điểm bị mất", "Số đơn vị bị mất điểm"}},
		Widths: []int{7, 55, 12, 13, 13},
		Align:  []docgen.Align{docgen.Center, docgen.Left, docgen.Right, docgen.Right, docgen.Right},
	}
	for i, l := range lost {
		t.Rows = append(t.Rows, docgen.Row{Cells: []string{strconv.Itoa(i + 1), l.Item.Number + ". " + l.Item.Title,
			l.Item.MaxPoints.String(), l.Lost.String(), strconv.Itoa(l.Units)}})
	}
	return t
}

// resultsFields returns the fields with a component index (a maximum
// above 0: they hold score or survey items), in order.
func resultsFields(r Results) []Item {
	var out []Item
	for _, f := range r.Tree.Fields() {
		if f.MaxPoints > 0 {
			out = append(out, f)
		}
	}
	return out
}

// resultsFieldsTable is the appendix of component indices: one column per
// field, one row per unit in ranking order.
func resultsFieldsTable(r Results, fields []Item) docgen.Table {
	head := []string{"Hạng", "Đơn vị"}
	widths := []int{8, 28}
	align := []docgen.Align{docgen.Center, docgen.Left}
	for _, f := range fields {
		head = append(head, "Lĩnh vực "+f.Number)
		widths = append(widths, 10)
		align = append(align, docgen.Right)
	}
	head = append(head, "Chỉ số chung")
	widths = append(widths, 11)
	align = append(align, docgen.Right)
	t := docgen.Table{Header: [][]string{head}, Widths: widths, Align: align}
	for _, u := range r.Units {
		cells := []string{u.RankText(), u.UnitName}
		for _, f := range fields {
			cells = append(cells, resultsComponentText(u, f.ID))
		}
		t.Rows = append(t.Rows, docgen.Row{Cells: append(cells, FormatIndex(RoundIndex(u.Points, u.Max)))})
	}
	return t
}

// resultsComponentText writes unit u's component index on item id, ""
// when the item does not apply to the unit.
func resultsComponentText(u UnitResult, id int64) string {
	c, ok := u.Components[id]
	if !ok || c.Max == 0 {
		return ""
	}
	return FormatIndex(RoundIndex(c.Points, c.Max))
}
