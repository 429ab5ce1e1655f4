package index

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// maxItemTitleLen bounds an item's title, in characters.
const maxItemTitleLen = 1000

// ItemInput is one row of a framework's item list as a coordinator writes
// it (in a form or an XLSX file). The level and the parent follow from
// Number; a parent's MaxPoints of 0 is filled in with the sum of its
// children's.
type ItemInput struct {
	Number           string      `json:"number"`
	Title            string      `json:"title"`
	Kind             string      `json:"kind"`
	GroupTag         string      `json:"group_tag"`
	Guidance         string      `json:"guidance"`
	MaxPoints        rule.Points `json:"max_points"`
	Rule             rule.Spec   `json:"rule"`
	EvidenceRequired bool        `json:"evidence_required"`
	Optional         bool        `json:"optional"`
}

func (in ItemInput) clean() ItemInput {
	in.Number = cleanNumber(in.Number)
	in.Title = vn.CleanText(in.Title)
	in.Kind = strings.ToLower(strings.TrimSpace(in.Kind))
	if in.Kind == "" {
		in.Kind = KindScore
	}
	in.GroupTag = strings.ToLower(strings.TrimSpace(in.GroupTag))
	in.Guidance = strings.TrimSpace(vn.NFC(in.Guidance))
	return in
}

// inputsOf returns items as the inputs that would save them again.
func inputsOf(items []Item) []ItemInput {
	ins := make([]ItemInput, len(items))
	for i, it := range items {
		ins[i] = ItemInput{Number: it.Number, Title: it.Title, Kind: it.Kind, GroupTag: it.GroupTag, Guidance: it.Guidance,
			MaxPoints: it.MaxPoints, Rule: it.Rule, EvidenceRequired: it.EvidenceRequired, Optional: it.Optional}
	}
	return ins
}

// ItemKinds lists the kinds of item in display order.
func ItemKinds() []string { return []string{KindScore, KindSurvey, KindBonus, KindPenalty} }

// ItemKindLabel returns the Vietnamese name of a kind of item, as the
// "Loại điểm" column of a framework workbook writes it.
func ItemKindLabel(kind string) string {
	switch kind {
	case KindScore:
		return "Tự chấm và thẩm định"
	case KindSurvey:
		return "Điều tra xã hội học"
	case KindBonus:
		return "Điểm thưởng"
	case KindPenalty:
		return "Điểm trừ"
	}
	return kind
}

// Groups lists the criteria groups in display order.
func Groups() []string { return []string{GroupRoutine, GroupInvestment, GroupHard} }

// GroupLabel returns the Vietnamese name of a criteria group ("" for none).
func GroupLabel(group string) string {
	switch group {
	case GroupRoutine:
		return "Thường xuyên"
	case GroupInvestment:
		return "Cần đầu tư"
	case GroupHard:
		return "Khó đạt"
	}
	return group
}

// LevelLabel returns the Vietnamese name of an item's level, in lower
// case: "lĩnh vực", "tiêu chí", "tiêu chí thành phần".
func LevelLabel(level string) string {
	switch level {
	case LevelField:
		return "lĩnh vực"
	case LevelCriterion:
		return "tiêu chí"
	case LevelSub:
		return "tiêu chí thành phần"
	}
	return "mục"
}

// levelsByDepth are the levels of numbers with one, two and three parts.
var levelsByDepth = []string{LevelField, LevelCriterion, LevelSub}

// cleanNumber returns an item number as stored: without spaces or
// trailing dots ("1.2." is "1.2"), a roman first part in upper case.
func cleanNumber(s string) string {
	s = strings.Join(strings.Fields(vn.NFC(s)), "")
	s = strings.TrimRight(s, ".")
	first, rest, more := strings.Cut(s, ".")
	if up := strings.ToUpper(first); isRoman(up) {
		first = up
	}
	if more {
		return first + "." + rest
	}
	return first
}

// isRoman reports whether s is written with the roman digits a list of
// fields uses (I, V, X, L).
func isRoman(s string) bool {
	return s != "" && strings.Trim(s, "IVXL") == ""
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// numberParts splits a cleaned number into its parts: the first digits or
// a roman numeral, the others digits. ok is false for any other text.
func numberParts(n string) (parts []string, ok bool) {
	parts = strings.Split(n, ".")
	for i, p := range parts {
		if !isDigits(p) && (i > 0 || !isRoman(p)) {
			return nil, false
		}
	}
	return parts, true
}

// itemProblem is one problem of an item list: the item's index, the field
// (as ItemInput's JSON names it) and a Vietnamese message.
type itemProblem struct {
	Index   int
	Field   string
	Message string
}

// itemProblems collects at most one problem per item and field, in the
// order found.
type itemProblems struct {
	list []itemProblem
	seen map[string]bool
}

func (ps *itemProblems) add(i int, field, msg string) {
	key := fmt.Sprintf("%d.%s", i, field)
	if ps.seen == nil {
		ps.seen = map[string]bool{}
	}
	if !ps.seen[key] {
		ps.seen[key] = true
		ps.list = append(ps.list, itemProblem{Index: i, Field: field, Message: msg})
	}
}

func (ps *itemProblems) has(i int, field string) bool { return ps.seen[fmt.Sprintf("%d.%s", i, field)] }

// itemErrors returns problems as valid.Errors keyed "items.<i>.<field>",
// each message naming its row ("Dòng 5: ...").
func itemErrors(problems []itemProblem) valid.Errors {
	errs := valid.Errors{}
	for _, p := range problems {
		errs.Add(fmt.Sprintf("items.%d.%s", p.Index, p.Field), fmt.Sprintf("Dòng %d: %s", p.Index+1, p.Message))
	}
	return errs
}

// plannedItem is a checked item ready to store: its level, the index of
// its parent (-1 for none) and whether it is a leaf.
type plannedItem struct {
	ItemInput
	Level  string
	Parent int
	leaf   bool
}

// planItems cleans and checks an item list in order and works out each
// item's level and parent. The list must form a tree by numbers: unique
// numbers of at most three parts, each parent before its children. A
// parent is of kind score and has no rule of its own (a manual rule is
// dropped); its maximum is the sum of its score and survey children's (0
// is filled in). A leaf has a maximum above 0 and a rule that can score it
// (an empty rule is manual); a survey leaf's rule is survey or manual.
// Problems name the item by index (and other rows, in messages, by
// rowNumbers[i], or i+1 when rowNumbers is nil); the plan is usable only
// when there are none.
func planItems(in []ItemInput, rowNumbers []int) ([]plannedItem, []itemProblem) {
	row := func(i int) int {
		if rowNumbers == nil {
			return i + 1
		}
		return rowNumbers[i]
	}
	var ps itemProblems
	plan := make([]plannedItem, len(in))
	first := map[string]int{} // number → index of its first row
	for i := range in {
		plan[i] = plannedItem{ItemInput: in[i].clean(), Parent: -1, leaf: true}
		if _, ok := first[plan[i].Number]; !ok {
			first[plan[i].Number] = i
		}
	}
	for i := range plan {
		p := &plan[i]
		parts, ok := numberParts(p.Number)
		switch {
		case p.Number == "":
			ps.add(i, "number", "chưa nhập số thứ tự.")
		case !ok:
			ps.add(i, "number", fmt.Sprintf("số thứ tự “%s” không đúng dạng 1, 1.2, 1.2.3 (hoặc I, II cho lĩnh vực).", p.Number))
		case len(parts) > len(levelsByDepth):
			ps.add(i, "number", fmt.Sprintf("số thứ tự “%s” quá ba cấp (lĩnh vực, tiêu chí, tiêu chí thành phần).", p.Number))
		case first[p.Number] != i:
			p.Level = levelsByDepth[len(parts)-1]
			ps.add(i, "number", fmt.Sprintf("số thứ tự “%s” trùng với dòng %d.", p.Number, row(first[p.Number])))
		default:
			p.Level = levelsByDepth[len(parts)-1]
			if len(parts) == 1 {
				break
			}
			parent := strings.Join(parts[:len(parts)-1], ".")
			j, found := first[parent]
			switch {
			case !found:
				ps.add(i, "number", fmt.Sprintf("chưa có %s “%s” chứa %s “%s”.",
					LevelLabel(levelsByDepth[len(parts)-2]), parent, LevelLabel(p.Level), p.Number))
			case j > i:
				ps.add(i, "number", fmt.Sprintf("%s “%s” phải đặt sau dòng %d (%s “%s” chứa nó).",
					LevelLabel(p.Level), p.Number, row(j), LevelLabel(plan[j].Level), parent))
			default:
				p.Parent = j
				plan[j].leaf = false
			}
		}
		switch {
		case p.Title == "":
			ps.add(i, "title", fmt.Sprintf("chưa nhập tên %s.", LevelLabel(p.Level)))
		case utf8.RuneCountInString(p.Title) > maxItemTitleLen:
			ps.add(i, "title", fmt.Sprintf("tên dài tối đa %d ký tự.", maxItemTitleLen))
		}
		switch p.Kind {
		case KindScore, KindSurvey, KindBonus, KindPenalty:
		default:
			ps.add(i, "kind", fmt.Sprintf("loại điểm “%s” không hợp lệ.", p.Kind))
		}
		switch p.GroupTag {
		case "", GroupRoutine, GroupInvestment, GroupHard:
		default:
			ps.add(i, "group_tag", fmt.Sprintf("nhóm tiêu chí “%s” không hợp lệ.", p.GroupTag))
		}
		if p.MaxPoints < 0 {
			ps.add(i, "max_points", "điểm tối đa không được âm.")
		}
	}
	for i := range plan {
		p := &plan[i]
		if !p.leaf {
			if p.Kind != KindScore && !ps.has(i, "kind") {
				ps.add(i, "kind", fmt.Sprintf("%s có tiêu chí con phải có loại điểm “%s”; điểm điều tra xã hội học, điểm thưởng và điểm trừ đặt ở tiêu chí không có tiêu chí con.",
					LevelLabel(p.Level), ItemKindLabel(KindScore)))
			}
			if p.Rule.Type != "" && p.Rule.Type != rule.TypeManual {
				ps.add(i, "rule", fmt.Sprintf("%s có tiêu chí con không có cách chấm điểm riêng (điểm là tổng điểm các tiêu chí con); hãy để trống.",
					LevelLabel(p.Level)))
			}
			p.Rule = rule.Spec{}
			continue
		}
		if p.Rule.Type == "" {
			p.Rule.Type = rule.TypeManual
		}
		switch {
		case p.MaxPoints == 0:
			ps.add(i, "max_points", "chưa nhập điểm tối đa (phải lớn hơn 0).")
		case p.MaxPoints < 0:
		case p.Kind == KindSurvey && p.Rule.Type != rule.TypeSurvey && p.Rule.Type != rule.TypeManual:
			ps.add(i, "rule", "tiêu chí điều tra xã hội học chỉ chấm theo đáp án khảo sát (A, B, C, D) hoặc nhập điểm.")
		default:
			if err := p.Rule.Validate(p.MaxPoints); err != nil {
				ps.add(i, "rule", err.Error())
			}
		}
	}
	// Children follow their parent, so walking backwards sums every
	// child's maximum (already filled in) before its parent is reached.
	sums := make([]rule.Points, len(plan))
	unknown := make([]bool, len(plan)) // a child's maximum is wrong: the sum is meaningless
	for i := len(plan) - 1; i >= 0; i-- {
		p := &plan[i]
		if !p.leaf && !unknown[i] && !ps.has(i, "max_points") {
			switch {
			case p.MaxPoints == 0:
				p.MaxPoints = sums[i]
			case p.MaxPoints != sums[i]:
				ps.add(i, "max_points", fmt.Sprintf("điểm tối đa %s khác tổng điểm tối đa các tiêu chí con (%s).", p.MaxPoints, sums[i]))
			}
		}
		if p.Parent < 0 {
			continue
		}
		if unknown[i] || ps.has(i, "max_points") {
			unknown[p.Parent] = true
		}
		if p.Kind == KindScore || p.Kind == KindSurvey {
			sums[p.Parent] += p.MaxPoints
		}
	}
	return plan, ps.list
}

// itemSelect reads items; callers add WHERE and ORDER BY.
const itemSelect = `SELECT id, framework_id, parent_id, position, number, level, title, max_points, rule, kind,
	evidence_required, optional, group_tag, guidance FROM index_items`

// itemRow is an item as read, its rule still JSON.
type itemRow struct {
	Item
	RuleJSON string `db:"rule"`
}

// encodeRule returns the stored text of spec: "" for a parent's zero
// Spec, JSON otherwise.
func encodeRule(spec rule.Spec) (string, error) {
	if spec.Type == "" {
		return "", nil
	}
	b, err := json.Marshal(spec)
	if err != nil {
		return "", fmt.Errorf("index: encode rule %+v: %w", spec, err)
	}
	return string(b), nil
}

// Items returns framework frameworkID's items in tree order (by position:
// each parent before its children).
func (s *Store) Items(ctx context.Context, frameworkID int64) ([]Item, error) {
	return ItemsWith(ctx, s.db, frameworkID)
}

// ItemsWith is Items reading through q (a transaction or the database).
func ItemsWith(ctx context.Context, q db.Querier, frameworkID int64) ([]Item, error) {
	var rows []itemRow
	err := q.SelectContext(ctx, &rows, q.Rebind(itemSelect+` WHERE framework_id = ? ORDER BY position, id`), frameworkID)
	if err != nil {
		return nil, fmt.Errorf("index: items of framework %d: %w", frameworkID, err)
	}
	items := make([]Item, len(rows))
	for i, r := range rows {
		items[i] = r.Item
		if r.RuleJSON == "" {
			continue
		}
		if err := json.Unmarshal([]byte(r.RuleJSON), &items[i].Rule); err != nil {
			return nil, fmt.Errorf("index: item %d (%s) of framework %d: rule %q: %w", r.ID, r.Number, frameworkID, r.RuleJSON, err)
		}
	}
	return items, nil
}

// SaveItems replaces framework frameworkID's items with items, in order,
// in one transaction. Items are checked first (valid.Errors keyed
// "items.<i>.<field>", i from 0, each message naming the row: "Dòng 5:
// ..."); see planItems for the rules. An item whose number was already
// there keeps its id; items no longer listed are removed. Only a draft
// framework that no unit has started to assess may be changed (a
// valid.Problem otherwise).
func (s *Store) SaveItems(ctx context.Context, frameworkID int64, items []ItemInput, userID int64) error {
	return s.ImportFramework(ctx, frameworkID, items, nil, userID)
}

// ImportFramework replaces framework frameworkID's items, as SaveItems,
// and, when bands is not nil, its bands, as SetBands, in one transaction:
// an import from a workbook stores both or nothing.
func (s *Store) ImportFramework(ctx context.Context, frameworkID int64, items []ItemInput, bands []Band, userID int64) error {
	plan, problems := planItems(items, nil)
	if len(problems) > 0 {
		return itemErrors(problems)
	}
	if bands != nil {
		var errs valid.Errors
		if bands, errs = checkBands(bands); len(errs) > 0 {
			return errs
		}
	}
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		if err := saveItemsIn(ctx, tx, frameworkID, plan); err != nil {
			return err
		}
		if bands == nil {
			return nil
		}
		return setBandsIn(ctx, tx, frameworkID, bands)
	})
}

// saveItemsIn stores planned items in tx (see SaveItems), audited.
func saveItemsIn(ctx context.Context, tx *sqlx.Tx, frameworkID int64, plan []plannedItem) error {
	f, err := lockFramework(ctx, tx, frameworkID)
	if err != nil {
		return err
	}
	if f.Stage != StageDraft {
		return valid.Problemf("Chỉ sửa được danh mục tiêu chí khi bộ chỉ số đang soạn thảo.")
	}
	n, err := assessmentCount(ctx, tx, frameworkID)
	if err != nil {
		return err
	}
	if n > 0 {
		return valid.Problemf("Đã có đơn vị đánh giá theo bộ chỉ số này; không sửa được danh mục tiêu chí.")
	}
	before, err := ItemsWith(ctx, tx, frameworkID)
	if err != nil {
		return err
	}
	added, err := writeItems(ctx, tx, frameworkID, plan, before)
	if err != nil {
		return err
	}
	if err := touchFramework(ctx, tx, frameworkID); err != nil {
		return err
	}
	after, err := ItemsWith(ctx, tx, frameworkID)
	if err != nil {
		return err
	}
	old := make(map[int64]Item, len(before))
	for _, it := range before {
		old[it.ID] = it
	}
	changed := 0
	for _, it := range after {
		if o, ok := old[it.ID]; ok && !reflect.DeepEqual(o, it) {
			changed++
		}
	}
	removed := len(before) - (len(after) - added)
	return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: auditFramework, EntityID: frameworkID,
		Summary: fmt.Sprintf("Lưu danh mục tiêu chí của bộ chỉ số “%s”: %d mục (thêm %d, sửa %d, xoá %d)",
			f.Title, len(after), added, changed, removed),
		Before: before, After: after})
}

// writeItems stores a checked plan as framework frameworkID's items: rows
// of before with a planned number are updated in place (keeping their id),
// the others inserted, and rows of before no longer planned deleted. It
// returns the number of rows inserted. It does not audit.
func writeItems(ctx context.Context, tx *sqlx.Tx, frameworkID int64, plan []plannedItem, before []Item) (int, error) {
	byNumber := make(map[string]int64, len(before))
	for _, it := range before {
		byNumber[it.Number] = it.ID
	}
	ids := make([]int64, len(plan))
	added := 0
	for i, p := range plan {
		var parentID *int64
		if p.Parent >= 0 {
			id := ids[p.Parent]
			parentID = &id
		}
		ruleText, err := encodeRule(p.Rule)
		if err != nil {
			return 0, err
		}
		if id, ok := byNumber[p.Number]; ok {
			_, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_items SET parent_id = ?, position = ?, level = ?, title = ?,
				max_points = ?, rule = ?, kind = ?, evidence_required = ?, optional = ?, group_tag = ?, guidance = ?
				WHERE id = ?`), parentID, i, p.Level, p.Title, p.MaxPoints, ruleText, p.Kind, p.EvidenceRequired, p.Optional,
				p.GroupTag, p.Guidance, id)
			if err != nil {
				return 0, fmt.Errorf("index: update item %s of framework %d: %w", p.Number, frameworkID, err)
			}
			ids[i] = id
			delete(byNumber, p.Number)
			continue
		}
		err = tx.GetContext(ctx, &ids[i], tx.Rebind(`INSERT INTO index_items (framework_id, parent_id, position, number, level,
			title, max_points, rule, kind, evidence_required, optional, group_tag, guidance)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), frameworkID, parentID, i, p.Number, p.Level,
			p.Title, p.MaxPoints, ruleText, p.Kind, p.EvidenceRequired, p.Optional, p.GroupTag, p.Guidance)
		if err != nil {
			return 0, fmt.Errorf("index: insert item %s of framework %d: %w", p.Number, frameworkID, err)
		}
		added++
	}
	// Kept items already point at kept parents, so removing the rest (a
	// removed parent takes its removed children with it) touches no kept
	// item.
	for number, id := range byNumber {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM index_items WHERE id = ?`), id); err != nil {
			return 0, fmt.Errorf("index: delete item %s of framework %d: %w", number, frameworkID, err)
		}
	}
	return added, nil
}
