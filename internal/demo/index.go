package demo

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/vn"
)

// The demo's reform index (Chỉ số CCHC): last year's cycle completed for
// every agency and commune (self-assessments with evidence, an appraisal
// that changed a few items of each unit with reasons, some units'
// response, survey points, results final and published), and this year's
// frameworks, copied from last year's, open for self-assessment with a few
// drafts under way — the demo officers' units among them.
//
// Like the reports, it is written in bulk in the build's transaction (the
// index.Store opens its own transactions), with one audit entry per
// framework. Every score is still the rule package's: self-scores and
// appraised scores are rule.Spec.Score on an Input, automatic items are
// index.Store.ComputeAuto's figures read through the transaction, survey
// points the average of respondents' answers scored by the survey rule.

// indexUnit is a unit assessed in the demo.
type indexUnit struct {
	ID   int64      `db:"id"`
	Code string     `db:"code"`
	Name string     `db:"name"`
	Kind string     `db:"kind"`
	From civil.Date `db:"active_from"`
}

// indexDoc is a plan or report a unit may cite as evidence.
type indexDoc struct {
	ID    int64
	Title string
}

// indexAssessment is an assessment to write with its scores and evidence.
type indexAssessment struct {
	frameworkID, unitID int64
	status              string
	ranked              bool
	note                string
	created, updated    time.Time
	submittedAt         *time.Time
	submittedBy         *int64
	appraisedAt         *time.Time
	appraisedBy         *int64
	respondedAt         *time.Time
	response            string
	finalisedAt         *time.Time
	scores              []index.Score
	evidence            []index.Evidence
}

// indexBuilder writes the demo index inside the build's transaction.
type indexBuilder struct {
	ctx   context.Context
	tx    *sqlx.Tx
	today civil.Date
	limit time.Time // nothing happens after yesterday evening
	store *index.Store

	officer   map[int64]int64 // the demo account of each unit
	appraiser int64           // Sở Nội vụ's appraiser, who appraises
	province  int64

	assessments []*indexAssessment
}

// buildIndex writes the frameworks of the year before today's (final,
// published) and of today's year (open for self-assessment) for agencies
// and communes, with their assessments.
func buildIndex(ctx context.Context, tx *sqlx.Tx, today civil.Date) error {
	b := &indexBuilder{ctx: ctx, tx: tx, today: today, limit: at(today.AddDays(-1), 17), store: index.NewStore(nil),
		officer: map[int64]int64{}}
	// ComputeAuto reads only through the querier it is given and the
	// store's clock; the store's database is never touched.
	b.store.Today = func() civil.Date { return today }
	if err := b.load(); err != nil {
		return err
	}
	closed, open := today.Year-1, today.Year
	for _, kind := range []string{"agency", "commune"} {
		last, err := b.closedCycle(kind, closed)
		if err != nil {
			return err
		}
		if err := b.openCycle(kind, open, last); err != nil {
			return err
		}
	}
	return b.write()
}

// load reads the demo accounts and the province's id.
func (b *indexBuilder) load() error {
	var users []struct {
		ID       int64  `db:"id"`
		Unit     int64  `db:"unit_id"`
		Username string `db:"username"`
	}
	if err := b.tx.SelectContext(b.ctx, &users, `SELECT id, unit_id, username FROM users`); err != nil {
		return fmt.Errorf("demo: index accounts: %w", err)
	}
	for _, u := range users {
		if u.Username == "thamdinh" {
			b.appraiser = u.ID
		}
		for _, d := range demoUsers {
			if d.Username == u.Username && d.Role == auth.RoleOfficer {
				b.officer[u.Unit] = u.ID
			}
		}
	}
	if err := b.tx.GetContext(b.ctx, &b.province, b.tx.Rebind(`SELECT id FROM units WHERE code = ?`), ProvinceCode); err != nil {
		return fmt.Errorf("demo: index province: %w", err)
	}
	return nil
}

// unitsOf returns the units of kind active on day, in the units' order.
func (b *indexBuilder) unitsOf(kind string, day civil.Date) ([]indexUnit, error) {
	var us []indexUnit
	err := b.tx.SelectContext(b.ctx, &us, b.tx.Rebind(`SELECT id, code, name, kind, active_from FROM units
		WHERE kind = ? AND active_from <= ? AND (active_to IS NULL OR active_to >= ?) ORDER BY sort_key, id`), kind, day, day)
	if err != nil {
		return nil, fmt.Errorf("demo: index units of kind %s: %w", kind, err)
	}
	return us, nil
}

// indexTitle is the title of the framework of year for unit kind.
func indexTitle(kind string, year int) string {
	if kind == "commune" {
		return fmt.Sprintf("Bộ Chỉ số cải cách hành chính của Ủy ban nhân dân các xã, phường năm %d", year)
	}
	return fmt.Sprintf("Bộ Chỉ số cải cách hành chính của các sở, ban, ngành tỉnh năm %d", year)
}

// capped returns t, or the limit when t is later.
func (b *indexBuilder) capped(t time.Time) time.Time {
	if t.After(b.limit) {
		return b.limit
	}
	return t
}

// createFramework inserts a framework with its default bands and items
// and returns it with its items as stored.
func (b *indexBuilder) createFramework(f index.Framework, items []index.ItemInput) (index.Framework, []index.Item, error) {
	err := b.tx.GetContext(b.ctx, &f.ID, b.tx.Rebind(`INSERT INTO index_frameworks
		(year, unit_kind, title, self_deadline, stage, published, copied_from, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		f.Year, f.UnitKind, f.Title, f.SelfDeadline, f.Stage, f.Published, f.CopiedFrom, f.CreatedAt, f.UpdatedAt)
	if err != nil {
		return f, nil, fmt.Errorf("demo: framework %d %s: %w", f.Year, f.UnitKind, err)
	}
	var bands [][]any
	for _, band := range index.DefaultBands() {
		bands = append(bands, []any{f.ID, band.MinPercent, band.Label})
	}
	if err := insertRows(b.ctx, b.tx, "index_bands", []string{"framework_id", "min_percent", "label"}, bands); err != nil {
		return f, nil, err
	}
	// Level by level, so that each level knows its parents' ids.
	ids := map[string]int64{}
	for depth := 1; depth <= 3; depth++ {
		var rows [][]any
		for pos, in := range items {
			if strings.Count(in.Number, ".")+1 != depth {
				continue
			}
			var parent *int64
			if p := parentNumber(in.Number); p != "" {
				id, ok := ids[p]
				if !ok {
					return f, nil, fmt.Errorf("demo: framework %s: item %s has no parent %s", f.Title, in.Number, p)
				}
				parent = &id
			}
			ruleText := ""
			if !isParent(items, pos) {
				if err := in.Rule.Validate(in.MaxPoints); err != nil {
					return f, nil, fmt.Errorf("demo: framework %s: rule of item %s: %w", f.Title, in.Number, err)
				}
				js, err := json.Marshal(in.Rule)
				if err != nil {
					return f, nil, fmt.Errorf("demo: framework %s: rule of item %s: %w", f.Title, in.Number, err)
				}
				ruleText = string(js)
			}
			level := []string{index.LevelField, index.LevelCriterion, index.LevelSub}[depth-1]
			rows = append(rows, []any{f.ID, parent, pos, in.Number, level, in.Title, in.MaxPoints, ruleText, in.Kind,
				in.EvidenceRequired, in.Optional, in.GroupTag, in.Guidance})
		}
		if err := insertRows(b.ctx, b.tx, "index_items", []string{"framework_id", "parent_id", "position", "number", "level",
			"title", "max_points", "rule", "kind", "evidence_required", "optional", "group_tag", "guidance"}, rows); err != nil {
			return f, nil, err
		}
		var got []struct {
			ID     int64  `db:"id"`
			Number string `db:"number"`
		}
		if err := b.tx.SelectContext(b.ctx, &got, b.tx.Rebind(`SELECT id, number FROM index_items WHERE framework_id = ?`), f.ID); err != nil {
			return f, nil, fmt.Errorf("demo: items of framework %s: %w", f.Title, err)
		}
		for _, r := range got {
			ids[r.Number] = r.ID
		}
	}
	stored, err := index.ItemsWith(b.ctx, b.tx, f.ID)
	if err != nil {
		return f, nil, err
	}
	err = audit.Record(b.ctx, b.tx, audit.Entry{Action: audit.Create, Entity: "index_framework", EntityID: f.ID,
		Summary: fmt.Sprintf("Tạo bộ chỉ số “%s” (%d mục, dữ liệu mẫu)", f.Title, len(stored)), After: f})
	return f, stored, err
}

// isParent reports whether items[i] has children (the next item is one).
func isParent(items []index.ItemInput, i int) bool {
	return i+1 < len(items) && parentNumber(items[i+1].Number) == items[i].Number
}

// cycle spreads the steps of an assessment cycle between start and end:
// at(0) is start, at(1) end.
type cycle struct{ start, end time.Time }

func (c cycle) at(frac float64) time.Time {
	return c.start.Add(time.Duration(frac * float64(c.end.Sub(c.start))))
}

// when is at(frac) moved into the working hours of its day (8:00 to
// 16:59 in Vietnam, the hour decided by key), within the cycle.
func (c cycle) when(frac float64, key string) time.Time {
	return officeHours(c.at(frac), key, c.start, c.end)
}

// officeHours moves t to an hour of the working day (8 to 16, decided by
// key) of its day in Vietnam, kept within lo..hi: on a calendar squeezed
// into a few hours the order of events matters more than the hour.
func officeHours(t time.Time, key string, lo, hi time.Time) time.Time {
	moved := at(civil.Of(t.In(vn.Location())), int(roll(key, 8, 16)))
	if moved.Before(lo) || moved.After(hi) {
		return t
	}
	return moved
}

// closedCycle writes the framework of year for unit kind with every
// unit's final assessment, and returns it.
func (b *indexBuilder) closedCycle(kind string, year int) (index.Framework, error) {
	deadline := civil.New(year+1, time.April, 15)
	c := cycle{start: at(civil.New(year+1, time.March, 2), 8), end: at(civil.New(year+1, time.May, 25), 15)}
	if c.end.After(b.limit) {
		c.end = b.limit
		if !c.start.Before(c.end) {
			c.start = c.end.Add(-time.Hour)
		}
	}
	published := b.capped(c.end.Add(50 * time.Hour))
	f, items, err := b.createFramework(index.Framework{Year: year, UnitKind: kind, Title: indexTitle(kind, year),
		SelfDeadline: &deadline, Stage: index.StageFinal, Published: true,
		CreatedAt: b.capped(at(civil.New(year, time.February, 10), 9)), UpdatedAt: published},
		indexFrameworkOf(kind, 0))
	if err != nil {
		return f, err
	}
	units, err := b.unitsOf(kind, civil.New(year, time.December, 31))
	if err != nil {
		return f, err
	}
	docs, err := b.docsOf(year)
	if err != nil {
		return f, err
	}
	tree := index.BuildTree(items)
	for i, u := range units {
		a, err := b.closedAssessment(f, tree, u, i, c, docs)
		if err != nil {
			return f, err
		}
		b.assessments = append(b.assessments, a)
	}
	return f, nil
}

// unitQuality is how well unit u did in year: 0.72 to 0.98.
func unitQuality(u indexUnit, year int) float64 {
	return 0.72 + float64(roll(fmt.Sprint("index/quality/", u.ID, "/", year), 0, 26))/100
}

// closedAssessment is unit u's final assessment in f: the i-th unit of
// the cycle c.
func (b *indexBuilder) closedAssessment(f index.Framework, tree index.Tree, u indexUnit, i int, c cycle,
	docs indexDocs) (*indexAssessment, error) {
	key := fmt.Sprint("index/", f.Year, "/", u.ID, "/")
	q := unitQuality(u, f.Year)
	frac := func(what string, lo, hi int64) float64 { return float64(roll(key+what, lo, hi)) / 100 }
	a := &indexAssessment{frameworkID: f.ID, unitID: u.ID, status: index.StatusFinal, ranked: true,
		created: c.when(frac("created", 0, 5), key+"createdAt")}
	submitted := c.when(frac("submitted", 8, 46), key+"submittedAt")
	appraised := c.when(frac("appraised", 55, 88), key+"appraisedAt")
	final := c.end
	a.submittedAt, a.appraisedAt, a.finalisedAt, a.updated = &submitted, &appraised, &final, final
	if o := b.officer[u.ID]; o != 0 {
		a.submittedBy = &o
	}
	if b.appraiser != 0 {
		a.appraisedBy = &b.appraiser
	}
	if u.From.Year == f.Year && u.Kind == "agency" {
		a.ranked, a.note = false, fmt.Sprintf("Đơn vị mới thành lập từ ngày %s, chưa đủ một năm hoạt động.", u.From.VN())
	}
	notApplicable := indexNotApplicable(u, a.ranked)
	inputs := map[int64]rule.Input{}
	for _, it := range tree.Leaves() {
		sc := index.Score{ItemID: it.ID, Applicable: true, UpdatedAt: appraised}
		ikey := key + it.Number
		switch {
		case it.Kind == index.KindSurvey:
			p, err := surveyPoints(it, q, ikey)
			if err != nil {
				return nil, err
			}
			sc.SurveyPoints, sc.UpdatedAt = &p, c.when(0.9, "index/survey")
		case it.Optional && notApplicable[it.Number] != "":
			sc.Applicable, sc.Explanation = false, fmt.Sprintf(notApplicable[it.Number], f.Year)
		case it.Rule.Type == rule.TypeAuto:
			if err := b.autoScore(f, u, it, &sc); err != nil {
				return nil, err
			}
		default:
			in := indexInput(it, q, ikey)
			res, err := it.Rule.Score(it.MaxPoints, in)
			if err != nil {
				return nil, fmt.Errorf("demo: score item %s of %s: %w", it.Number, u.Name, err)
			}
			js, _ := json.Marshal(in)
			p := res.Points
			sc.Input, sc.SelfPoints = string(js), &p
			inputs[it.ID] = in
			b.cite(a, f, u, it, &sc, in, docs, ikey, a.created, submitted)
		}
		a.scores = append(a.scores, sc)
	}
	appraise(a, tree, u, inputs, key)
	// On a compressed calendar (a demo built before the end of May), the
	// response and its acceptance still come before the results.
	if a.respondedAt != nil && a.respondedAt.After(final) {
		a.respondedAt = &final
	}
	for i := range a.scores {
		if a.scores[i].UpdatedAt.After(final) {
			a.scores[i].UpdatedAt = final
		}
	}
	return a, nil
}

// indexNotApplicable returns the optional items a unit declares not
// applicable, with the explanation (a format taking the year): the
// department formed during the year (listed but not ranked) has no public
// service unit and no public investment yet. Ranked units have every item,
// so their maxima are equal and the ranking by index is also the order of
// their points.
func indexNotApplicable(u indexUnit, ranked bool) map[string]string {
	if ranked || u.Kind != "agency" {
		return nil
	}
	return map[string]string{
		"6.1.1": "Năm %d, " + u.Name + " mới thành lập, chưa được giao kế hoạch vốn đầu tư công.",
		"6.3":   "Năm %d, " + u.Name + " mới thành lập, chưa có đơn vị sự nghiệp công lập trực thuộc.",
	}
}

// autoScore computes automatic item it for unit u in f into sc, as the
// index store does when an assessment is opened.
func (b *indexBuilder) autoScore(f index.Framework, u indexUnit, it index.Item, sc *index.Score) error {
	fact, err := b.store.ComputeAuto(b.ctx, b.tx, f, u.ID, it.Rule.Source)
	if err != nil {
		return fmt.Errorf("demo: item %s of %s: %w", it.Number, u.Name, err)
	}
	facts, err := json.Marshal(fact)
	if err != nil {
		return fmt.Errorf("demo: facts of item %s of %s: %w", it.Number, u.Name, err)
	}
	input, _ := json.Marshal(fact.Input)
	sc.Facts, sc.Input, sc.SelfPoints = string(facts), string(input), nil
	if res, err := it.Rule.Score(it.MaxPoints, fact.Input); err == nil {
		p := res.Points
		sc.SelfPoints = &p
	}
	return nil
}

// indexInput is what a unit of quality q enters for item it: mostly good,
// varied by key.
func indexInput(it index.Item, q float64, key string) rule.Input {
	dice := roll(key, 0, 99)
	good := int64(q*100) + 6
	switch it.Rule.Needs() {
	case rule.NeedYes:
		yes := dice < good
		switch it.Kind {
		case index.KindBonus:
			yes = dice < 12
		case index.KindPenalty:
			yes = dice < 5
		}
		return rule.Input{Yes: &yes}
	case rule.NeedTimeliness:
		switch {
		case dice < good:
			return rule.Input{Timeliness: rule.OnTime}
		case dice < good+(100-good)*3/4:
			return rule.Input{Timeliness: rule.Late}
		}
		return rule.Input{Timeliness: rule.NotDone}
	case rule.NeedRatio:
		var r float64
		if it.Rule.Type == rule.TypeTiers {
			r = tierRatio(it.Rule.Tiers, dice, good, roll(key+"within", 5, 95))
		} else {
			r = min(max(q+float64(roll(key+"noise", -14, 6))/100, 0.35), 1)
		}
		r = float64(int64(r*1000+0.5)) / 1000
		return rule.Input{Ratio: &r}
	}
	step := it.Rule.Step
	if step == 0 {
		step = 25
	}
	levels := int64(it.MaxPoints / step)
	var k int64
	switch it.Kind {
	case index.KindBonus:
		if dice >= 80 {
			k = levels / 2
			if dice >= 93 {
				k = levels
			}
		}
	case index.KindPenalty:
		if dice >= 90 {
			k = 1 + dice%2
		}
	default:
		share := q + float64(roll(key+"noise", -16, 8))/100
		k = min(max(int64(float64(levels)*share+0.5), 0), levels)
	}
	p := rule.Points(k) * step
	return rule.Input{Points: &p}
}

// tierRatio picks a ratio for a unit whose dice (0..99) fall under good
// for the best tier, mostly in the next one otherwise, in the worst one
// for the rest; within (5..95) says where in the tier's range.
func tierRatio(tiers []rule.Tier, dice, good, within int64) float64 {
	byPoints := slices.Clone(tiers)
	slices.SortStableFunc(byPoints, func(x, y rule.Tier) int { return cmp.Compare(y.Points, x.Points) })
	pick := 0
	switch {
	case dice < good:
	case dice < good+(100-good)*2/3:
		pick = min(1, len(byPoints)-1)
	default:
		pick = len(byPoints) - 1
	}
	t := byPoints[pick]
	lo, hi := 0.0, 1.0
	if t.From != nil {
		lo = *t.From
	}
	if t.To != nil {
		hi = *t.To
	}
	if t.From == nil {
		lo = max(lo, hi-0.25) // nobody scores 5% on the worst tier
	}
	r := float64(int64((lo+(hi-lo)*float64(within)/100)*1000+0.5)) / 1000
	switch {
	case t.Contains(r):
		return r
	case t.Contains(hi):
		return hi
	}
	return lo
}

// surveyPoints are a unit's points on survey item it: the average over 24
// respondents of their answers scored by the item's rule.
func surveyPoints(it index.Item, q float64, key string) (rule.Points, error) {
	const respondents = 24
	var sum rule.Points
	for r := range respondents {
		dice := roll(fmt.Sprint(key, "/", r), 0, 99)
		// A share of A answers that grows with the unit's quality; of the
		// others, three in five answer B, and so on.
		a := int64(q * 82)
		bb := a + (100-a)*3/5
		c := bb + (100-bb)*3/5
		answer := "D"
		switch {
		case dice < a:
			answer = "A"
		case dice < bb:
			answer = "B"
		case dice < c:
			answer = "C"
		}
		res, err := it.Rule.Score(it.MaxPoints, rule.Input{Answer: answer})
		if err != nil {
			return 0, fmt.Errorf("demo: survey answer %s on item %s: %w", answer, it.Number, err)
		}
		sum += res.Points
	}
	return (sum + respondents/2) / respondents, nil
}

// indexDocs are the documents units may cite for a year: each unit's
// report of the year (the annual one when sent) and the plan that assigns
// the year's tasks (the unit's own annual plan, else the province's).
type indexDocs struct {
	reports  map[int64]indexDoc
	ownPlans map[int64]indexDoc
	plan     indexDoc
}

func (b *indexBuilder) docsOf(year int) (indexDocs, error) {
	d := indexDocs{reports: map[int64]indexDoc{}, ownPlans: map[int64]indexDoc{}}
	first, last := civil.New(year, time.January, 1), civil.New(year, time.December, 31)
	var reports []struct {
		ID     int64      `db:"id"`
		Unit   int64      `db:"unit_id"`
		Kind   string     `db:"period_kind"`
		Ends   civil.Date `db:"ends_on"`
		Titled string     `db:"titled"`
	}
	err := b.tx.SelectContext(b.ctx, &reports, b.tx.Rebind(`SELECT r.id, r.unit_id, t.period_kind, p.ends_on,
		f.title || ' — ' || p.title AS titled FROM reports r JOIN report_periods p ON p.id = r.period_id
		JOIN report_types t ON t.id = p.type_id JOIN report_forms f ON f.id = r.form_id
		WHERE r.status IN ('submitted', 'accepted') AND p.starts_on >= ? AND p.starts_on <= ?
		ORDER BY r.unit_id, p.ends_on, r.id`), first, last)
	if err != nil {
		return d, fmt.Errorf("demo: index evidence reports of %d: %w", year, err)
	}
	annual := map[int64]bool{}
	for _, r := range reports { // by end of period: the latest, or the annual one
		if !annual[r.Unit] {
			d.reports[r.Unit], annual[r.Unit] = indexDoc{r.ID, r.Titled}, r.Kind == "Y"
		}
	}
	var plans []struct {
		ID     int64  `db:"id"`
		Title  string `db:"title"`
		Kind   string `db:"kind"`
		Issuer int64  `db:"issuing_unit_id"`
	}
	err = b.tx.SelectContext(b.ctx, &plans, b.tx.Rebind(`SELECT id, title, kind, issuing_unit_id FROM plans
		WHERE status <> 'draft' AND kind IN ('annual', 'five_year') AND period_start <= ? AND period_end >= ?
		ORDER BY kind, id`), last, first)
	if err != nil {
		return d, fmt.Errorf("demo: index evidence plans of %d: %w", year, err)
	}
	for _, p := range plans {
		switch {
		case p.Issuer != b.province && p.Kind == "annual":
			d.ownPlans[p.Issuer] = indexDoc{p.ID, p.Title}
		case p.Issuer == b.province && (d.plan.ID == 0 || p.Kind == "annual"):
			d.plan = indexDoc{p.ID, p.Title}
		}
	}
	return d, nil
}

// indexDocKinds name the documents cited, by the abbreviation in their
// number.
var indexDocKinds = map[string]string{"KH": "Kế hoạch", "BC": "Báo cáo", "QĐ": "Quyết định"}

// Where in a document the evidence is.
var indexLocators = []string{"Mục II, trang 3", "Mục I.2, trang 2", "Mục II.1, trang 4", "Mục III, trang 6",
	"Phụ lục I, trang 8", "Trang 1-2", "Mục II.3, trang 5", "Điều 2, trang 1"}

// cite adds the evidence unit u gives for item it scored sc from in, or
// its explanation when it has none, at a time between from and to.
func (b *indexBuilder) cite(a *indexAssessment, f index.Framework, u indexUnit, it index.Item, sc *index.Score, in rule.Input,
	docs indexDocs, key string, from, to time.Time) {
	if !it.EvidenceRequired {
		return
	}
	dice := roll(key+"evidence", 0, 99)
	switch {
	case sc.SelfPoints != nil && *sc.SelfPoints == 0:
		sc.Explanation = "Đơn vị chưa thực hiện được nội dung này trong năm đánh giá."
		if it.Kind == index.KindBonus {
			sc.Explanation = "Trong năm đánh giá, đơn vị không có nội dung được tính điểm thưởng."
		}
		return
	case dice < 5:
		sc.Explanation = "Tài liệu lưu tại đơn vị; đơn vị sẽ cung cấp khi Hội đồng thẩm định yêu cầu."
		return
	}
	added := from.Add(time.Duration(float64(to.Sub(from)) * float64(dice) / 100))
	ev := index.Evidence{ItemID: it.ID, Locator: indexLocators[dice%int64(len(indexLocators))],
		AddedAt: officeHours(added, key+"added", from, to)}
	if o := b.officer[u.ID]; o != 0 {
		ev.AddedBy = &o
	}
	symbol := "UBND"
	if u.Kind == "agency" {
		symbol = u.Code
	}
	number := roll(key+"number", 8, 245)
	field, _, _ := strings.Cut(it.Number, ".")
	doc := func(kind, title string, on civil.Date) {
		ev.RefKind = index.EvidenceLink
		ev.Title = fmt.Sprintf("%s số %d/%s-%s ngày %s %s", indexDocKinds[kind], number, kind, symbol, on.VN(), title)
		ev.URL = fmt.Sprintf("https://vanban.phuson.gov.vn/van-ban/%d-%s-%s-%d", number,
			strings.ToLower(strings.ReplaceAll(kind, "Đ", "D")), strings.ToLower(symbol), on.Year)
	}
	report, hasReport := docs.reports[u.ID]
	switch {
	case strings.HasPrefix(it.Title, "Ban hành kế hoạch"):
		on := civil.New(f.Year-1, time.December, int(10+dice%20))
		if in.Timeliness == rule.Late || in.Yes != nil && dice%3 == 0 {
			on = civil.New(f.Year, time.January, int(5+dice%25))
		}
		ev.Locator = "Toàn văn"
		subject, _, _ := strings.Cut(strings.TrimPrefix(it.Title, "Ban hành kế hoạch "), " (")
		subject, _, _ = strings.Cut(subject, " năm")
		doc("KH", fmt.Sprintf("về %s năm %d", subject, f.Year), on)
	case strings.Contains(it.Title, "nhiệm vụ Ủy ban nhân dân tỉnh giao") && docs.plan.ID != 0:
		plan := docs.plan
		if own, ok := docs.ownPlans[u.ID]; ok {
			plan = own
		}
		ev.RefKind, ev.RefID, ev.Title = index.EvidencePlan, &plan.ID, plan.Title
		ev.Locator = fmt.Sprintf("Phụ lục, mục %d", 3+dice%20)
	case hasReport && (strings.HasPrefix(it.Number, "3.") || strings.HasPrefix(it.Number, "7.")) && strings.HasPrefix(it.Title, "Tỷ lệ"):
		ev.RefKind, ev.RefID, ev.Title = index.EvidenceReport, &report.ID, report.Title
		ev.Locator = "Biểu số liệu, mục " + field
	case strings.HasPrefix(it.Number, "4.") || strings.HasPrefix(it.Number, "5.1") || strings.HasPrefix(it.Number, "5.2"):
		doc("QĐ", "về việc "+lowerFirst(it.Title), civil.New(f.Year, time.Month(1+dice%11), int(1+dice%27)))
		ev.Locator = "Điều 1, trang 1"
	default:
		// The unit's annual report on reform: one document, a section per
		// field.
		yearKey := fmt.Sprint("index/", f.Year, "/", u.ID, "/report")
		number = roll(yearKey, 8, 245)
		doc("BC", fmt.Sprintf("về kết quả thực hiện công tác cải cách hành chính năm %d", f.Year),
			civil.New(f.Year, time.November, int(roll(yearKey+"day", 12, 24))))
		ev.Locator = fmt.Sprintf("Mục II.%s, trang %d", field, 2*int64(field[0]-'0')+roll(key+"page", 0, 1))
	}
	a.evidence = append(a.evidence, ev)
	if dice%9 == 0 && hasReport && ev.RefKind != index.EvidenceReport {
		second := ev
		second.RefKind, second.RefID, second.URL, second.Title = index.EvidenceReport, &report.ID, "", report.Title
		second.Locator = indexLocators[(dice+3)%int64(len(indexLocators))]
		a.evidence = append(a.evidence, second)
	}
}

// lowerFirst returns s with its first letter in lower case.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// appraise changes 2 to 6 of the unit's self-scored items with a reason,
// lets about a third of the units respond once (the council accepting
// some responses), and gives every other scored item its self-score as
// appraised score.
func appraise(a *indexAssessment, tree index.Tree, u indexUnit, inputs map[int64]rule.Input, key string) {
	type candidate struct {
		i    int
		it   index.Item
		hash uint64
	}
	var cands []candidate
	for i, sc := range a.scores {
		it, _ := tree.ByID(sc.ItemID)
		if _, ok := inputs[sc.ItemID]; ok && sc.Applicable && it.Kind != index.KindBonus {
			cands = append(cands, candidate{i, it, reportHash(key + "appraise" + it.Number)})
		}
	}
	slices.SortFunc(cands, func(x, y candidate) int { return cmp.Compare(x.hash, y.hash) })
	want := int(roll(key+"changes", 2, 6))
	var changed []int
	for _, c := range cands {
		if len(changed) == want {
			break
		}
		sc := &a.scores[c.i]
		in, reason, ok := appraisedInput(c.it, inputs[c.it.ID], c.hash)
		if !ok {
			continue
		}
		res, err := c.it.Rule.Score(c.it.MaxPoints, in)
		if err != nil || res.Points == *sc.SelfPoints {
			continue
		}
		p := res.Points
		sc.AppraisedPoints, sc.AppraisalReason = &p, reason
		changed = append(changed, c.i)
	}
	for i := range a.scores {
		sc := &a.scores[i]
		switch {
		case !sc.Applicable || sc.AppraisedPoints != nil:
		case sc.SelfPoints != nil:
			p := *sc.SelfPoints
			sc.AppraisedPoints = &p
		case sc.Facts != "":
			// An automatic figure with nothing to judge: the council does
			// not take points off for it.
			it, _ := tree.ByID(sc.ItemID)
			p := it.MaxPoints
			sc.AppraisedPoints, sc.AppraisalReason = &p,
				"Trong năm đánh giá không có số liệu để tính tự động; Hội đồng thẩm định không trừ điểm tiêu chí này."
		}
	}
	if len(changed) == 0 || roll(key+"respond", 0, 99) >= 32 {
		return
	}
	first := &a.scores[changed[0]]
	it, _ := tree.ByID(first.ItemID)
	responses := indexResponses[it.Rule.Needs()]
	first.Response = responses[roll(key+"response", 0, int64(len(responses)-1))]
	a.response = fmt.Sprintf("%s cơ bản thống nhất với kết quả thẩm định; đề nghị Hội đồng thẩm định xem xét lại điểm tiêu chí %s.",
		u.Name, it.Number)
	responded := a.appraisedAt.Add(time.Duration(roll(key+"respondedAt", 40, 110)) * time.Hour)
	responded = officeHours(responded, key+"respondedHour", *a.appraisedAt, *a.finalisedAt)
	a.respondedAt = &responded
	if len(changed) >= 3 && roll(key+"accept", 0, 2) == 0 {
		p := *first.SelfPoints
		first.AppraisedPoints = &p
		first.AppraisalReason = "Chấp nhận giải trình của đơn vị: tài liệu kiểm chứng bổ sung đáp ứng yêu cầu của tiêu chí."
		first.UpdatedAt = officeHours(responded.Add(48*time.Hour), key+"acceptedHour", responded, *a.finalisedAt)
	}
}

// appraisedInput is the input the council finds for item it where the unit
// entered in, with its reason; ok is false when the council would not
// change this item.
func appraisedInput(it index.Item, in rule.Input, hash uint64) (rule.Input, string, bool) {
	raise := hash%100 < 15
	pick := func(list []string) string { return list[hash%uint64(len(list))] }
	switch it.Rule.Needs() {
	case rule.NeedYes:
		if it.Kind == index.KindPenalty {
			if *in.Yes || hash%4 != 0 {
				return rule.Input{}, "", false
			}
			yes := true
			return rule.Input{Yes: &yes}, pick(indexReasons["penalty"]), true
		}
		yes := !*in.Yes
		switch {
		case yes && raise:
			return rule.Input{Yes: &yes}, pick(indexReasons["raise"]), true
		case !yes:
			return rule.Input{Yes: &yes}, pick(indexReasons["yes"]), true
		}
	case rule.NeedTimeliness:
		switch {
		case in.Timeliness == rule.OnTime:
			return rule.Input{Timeliness: rule.Late}, pick(indexReasons["late"]), true
		case in.Timeliness == rule.Late && raise:
			return rule.Input{Timeliness: rule.OnTime}, pick(indexReasons["raise"]), true
		case in.Timeliness == rule.Late:
			return rule.Input{Timeliness: rule.NotDone}, pick(indexReasons["notDone"]), true
		}
	case rule.NeedRatio:
		r := *in.Ratio - float64(4+hash%12)/100
		reason := pick(indexReasons["ratio"])
		if raise && *in.Ratio < 1 {
			r, reason = min(*in.Ratio+float64(3+hash%8)/100, 1), pick(indexReasons["raise"])
		}
		r = float64(int64(max(r, 0)*1000+0.5)) / 1000
		return rule.Input{Ratio: &r}, reason, true
	case rule.NeedPoints:
		step := it.Rule.Step
		if step == 0 {
			step = 25
		}
		if it.Kind == index.KindPenalty {
			if *in.Points > 0 || hash%3 != 0 {
				return rule.Input{}, "", false
			}
			p := step * rule.Points(1+hash%2)
			return rule.Input{Points: &p}, pick(indexReasons["adhoc"]), true
		}
		p := *in.Points - step*rule.Points(1+hash%2)
		reason := pick(indexReasons["manual"])
		if raise && *in.Points < it.MaxPoints {
			p, reason = *in.Points+step, pick(indexReasons["raise"])
		}
		p = max(p, 0)
		return rule.Input{Points: &p}, reason, true
	}
	return rule.Input{}, "", false
}

// openCycle writes this year's framework for unit kind, copied from last
// year's, open for self-assessment, with a few drafts: the demo officers'
// units and a few others.
func (b *indexBuilder) openCycle(kind string, year int, from index.Framework) error {
	deadline := civil.New(year+1, time.April, 15)
	created := b.capped(at(civil.New(year, time.June, 12), 9))
	f, items, err := b.createFramework(index.Framework{Year: year, UnitKind: kind, Title: indexTitle(kind, year),
		SelfDeadline: &deadline, Stage: index.StageSelf, CopiedFrom: &from.ID, CreatedAt: created,
		UpdatedAt: b.capped(created.Add(7 * 24 * time.Hour))}, indexFrameworkOf(kind, year))
	if err != nil {
		return err
	}
	units, err := b.unitsOf(kind, b.today)
	if err != nil {
		return err
	}
	docs, err := b.docsOf(year)
	if err != nil {
		return err
	}
	tree := index.BuildTree(items)
	extra := 3
	if kind == "commune" {
		extra = 4
	}
	// The officers' units, then a few others picked by the dice.
	picked := slices.Clone(units)
	slices.SortStableFunc(picked, func(x, y indexUnit) int {
		return cmp.Or(-cmp.Compare(b.officer[x.ID], b.officer[y.ID]),
			cmp.Compare(reportHash(fmt.Sprint("index/draft/", x.ID)), reportHash(fmt.Sprint("index/draft/", y.ID))))
	})
	for _, u := range picked {
		if b.officer[u.ID] == 0 {
			if extra == 0 {
				break
			}
			extra--
		}
		a, err := b.draft(f, tree, u, docs)
		if err != nil {
			return err
		}
		b.assessments = append(b.assessments, a)
	}
	return nil
}

// draft is unit u's self-assessment of f in progress: automatic items
// computed, part of the others scored with evidence.
func (b *indexBuilder) draft(f index.Framework, tree index.Tree, u indexUnit, docs indexDocs) (*indexAssessment, error) {
	key := fmt.Sprint("index/", f.Year, "/", u.ID, "/")
	q := unitQuality(u, f.Year)
	start := b.capped(at(b.today.AddDays(-int(roll(key+"start", 12, 40))), 8))
	c := cycle{start: start, end: b.limit}
	a := &indexAssessment{frameworkID: f.ID, unitID: u.ID, status: index.StatusDraft, ranked: true, created: start,
		updated: c.when(0.95, key+"updatedAt")}
	filled := roll(key+"filled", 35, 70)
	for _, it := range tree.Leaves() {
		sc := index.Score{ItemID: it.ID, Applicable: true, UpdatedAt: start}
		ikey := key + it.Number
		switch {
		case it.Kind == index.KindSurvey:
		case it.Rule.Type == rule.TypeAuto:
			if err := b.autoScore(f, u, it, &sc); err != nil {
				return nil, err
			}
		case roll(ikey+"filled", 0, 99) < filled:
			in := indexInput(it, q, ikey)
			res, err := it.Rule.Score(it.MaxPoints, in)
			if err != nil {
				return nil, fmt.Errorf("demo: score item %s of %s: %w", it.Number, u.Name, err)
			}
			js, _ := json.Marshal(in)
			p := res.Points
			sc.Input, sc.SelfPoints = string(js), &p
			sc.UpdatedAt = c.when(float64(roll(ikey+"at", 5, 90))/100, ikey+"hour")
			b.cite(a, f, u, it, &sc, in, docs, ikey, start, sc.UpdatedAt)
		}
		a.scores = append(a.scores, sc)
	}
	return a, nil
}

// write inserts the queued assessments, then their scores and evidence.
func (b *indexBuilder) write() error {
	var rows [][]any
	for _, a := range b.assessments {
		rows = append(rows, []any{a.frameworkID, a.unitID, a.status, a.ranked, a.note, a.submittedAt, a.submittedBy,
			a.appraisedAt, a.appraisedBy, a.respondedAt, a.response, a.finalisedAt, a.created, a.updated})
	}
	if err := insertRows(b.ctx, b.tx, "index_assessments", []string{"framework_id", "unit_id", "status", "ranked",
		"unranked_note", "submitted_at", "submitted_by", "appraised_at", "appraised_by", "responded_at", "response",
		"finalised_at", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	var ids []struct {
		ID        int64 `db:"id"`
		Framework int64 `db:"framework_id"`
		Unit      int64 `db:"unit_id"`
	}
	if err := b.tx.SelectContext(b.ctx, &ids, `SELECT id, framework_id, unit_id FROM index_assessments`); err != nil {
		return fmt.Errorf("demo: index assessment ids: %w", err)
	}
	byKey := make(map[[2]int64]int64, len(ids))
	for _, r := range ids {
		byKey[[2]int64{r.Framework, r.Unit}] = r.ID
	}
	var scores, evidence [][]any
	for _, a := range b.assessments {
		id := byKey[[2]int64{a.frameworkID, a.unitID}]
		for _, sc := range a.scores {
			scores = append(scores, []any{id, sc.ItemID, sc.Applicable, sc.Input, pointsOrNil(sc.SelfPoints), sc.Explanation,
				sc.Facts, pointsOrNil(sc.AppraisedPoints), sc.AppraisalReason, sc.Response, pointsOrNil(sc.SurveyPoints), sc.UpdatedAt})
		}
		for _, ev := range a.evidence {
			evidence = append(evidence, []any{id, ev.ItemID, ev.RefKind, ev.RefID, ev.URL, ev.Title, ev.Locator, ev.AddedBy, ev.AddedAt})
		}
	}
	if err := insertMany(b.ctx, b.tx, "index_scores", []string{"assessment_id", "item_id", "applicable", "input", "self_points",
		"explanation", "facts", "appraised_points", "appraisal_reason", "response", "survey_points", "updated_at"}, scores); err != nil {
		return err
	}
	return insertMany(b.ctx, b.tx, "index_evidence", []string{"assessment_id", "item_id", "ref_kind", "ref_id", "url", "title",
		"locator", "added_by", "added_at"}, evidence)
}

// pointsOrNil is p as a query argument: NULL or an int64.
func pointsOrNil(p *rule.Points) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

// insertMany is insertRows for many rows: the statement for a full batch
// is prepared once and run for every full batch (SQLite spends more on
// parsing a statement of thousands of placeholders than on running it),
// the rest inserted by insertRows.
func insertMany(ctx context.Context, tx *sqlx.Tx, table string, cols []string, rows [][]any) error {
	const per = 400
	full := len(rows) / per * per
	if full > 0 {
		one := "(?" + strings.Repeat(", ?", len(cols)-1) + ")"
		query := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(one+", ", per), ", ")
		stmt, err := tx.PreparexContext(ctx, tx.Rebind(query))
		if err != nil {
			return fmt.Errorf("demo: prepare insert into %s: %w", table, err)
		}
		defer stmt.Close()
		args := make([]any, 0, per*len(cols))
		for start := 0; start < full; start += per {
			args = args[:0]
			for _, r := range rows[start : start+per] {
				args = append(args, r...)
			}
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return fmt.Errorf("demo: insert %d rows into %s: %w", per, table, err)
			}
		}
	}
	return insertRows(ctx, tx, table, cols, rows[full:])
}
