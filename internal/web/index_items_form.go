package web

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// indexItemForm is one row of the item editor as typed.
type indexItemForm struct {
	Number, Title, MaxPoints, Kind, RuleType, Rule, GroupTag, Guidance string
	EvidenceRequired, Optional                                         bool
}

// blank reports whether nothing was typed in the row's boxes (its selects
// and ticks alone do not make a row).
func (f indexItemForm) blank() bool {
	return strings.TrimSpace(f.Number+f.Title+f.MaxPoints+f.Rule+f.Guidance) == ""
}

// indexBlankItems is the number of empty rows the editor offers, so that
// rows can be added without JavaScript.
const indexBlankItems = 5

// indexMaxItemsForm bounds the editor's posted form (a framework of a few
// hundred items with guidance).
const indexMaxItemsForm = 4 << 20

// indexChoice is an option of a select.
type indexChoice struct{ Value, Label string }

type indexItemsData struct {
	F        index.Framework
	KindName string
	// Rows are the rows to show: the first Numbered are the list's rows
	// (numbered from 1, as messages name them), then empty ones.
	Rows      []indexItemForm
	Numbered  int
	Blank     indexItemForm
	Kinds     []indexChoice
	RuleTypes []indexChoice
	Groups    []indexChoice
	Examples  []string
	Problems  []string // every message, by row
	Changed   bool     // the rows differ from what is stored
}

// indexItemFormOf returns a stored item as the editor shows it: a parent's
// maximum and rule are left empty (the maximum is the sum of its
// children's and filled in on saving).
func indexItemFormOf(it index.Item, leaf bool) indexItemForm {
	f := indexItemForm{Number: it.Number, Title: it.Title, Kind: it.Kind, GroupTag: it.GroupTag, Guidance: it.Guidance,
		EvidenceRequired: it.EvidenceRequired, Optional: it.Optional}
	if leaf {
		f.MaxPoints = it.MaxPoints.String()
		f.RuleType = it.Rule.Type
		f.Rule = it.Rule.Describe()
	}
	return f
}

// indexItemField matches the names of the editor's boxes: items[3].title.
var indexItemField = regexp.MustCompile(`^items\[(\d{1,5})\]\.([a-z_]+)$`)

// indexItemRows reads the editor's rows in the order of their indexes
// (which may have gaps: rows removed in the browser), leaving out empty
// rows and, when skip is non-negative, the row posted with that index.
func indexItemRows(form url.Values, skip int) []indexItemForm {
	byIndex := map[int]url.Values{}
	for name, vals := range form {
		m := indexItemField.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		i, _ := strconv.Atoi(m[1])
		if byIndex[i] == nil {
			byIndex[i] = url.Values{}
		}
		byIndex[i][m[2]] = vals
	}
	var rows []indexItemForm
	for _, i := range sortedKeys(byIndex) {
		v := byIndex[i]
		row := indexItemForm{Number: v.Get("number"), Title: v.Get("title"), MaxPoints: v.Get("max_points"),
			Kind: v.Get("kind"), RuleType: v.Get("rule_type"), Rule: v.Get("rule"), GroupTag: v.Get("group_tag"),
			Guidance: v.Get("guidance"), EvidenceRequired: v.Get("evidence_required") != "", Optional: v.Get("optional") != ""}
		if i != skip && !row.blank() {
			rows = append(rows, row)
		}
	}
	return rows
}

// indexSortItemRows orders rows by their numbers, as the framework reads
// (1, 1.1, 1.2, 1.10, 2; roman fields I, II likewise), so a row added at
// the end takes its place. Rows whose number is not one keep their order
// after the others; the store names their problem.
func indexSortItemRows(rows []indexItemForm) {
	slices.SortStableFunc(rows, func(a, b indexItemForm) int {
		ka, oka := indexNumberKey(a.Number)
		kb, okb := indexNumberKey(b.Number)
		switch {
		case oka && okb:
			return slices.Compare(ka, kb)
		case oka:
			return -1
		case okb:
			return 1
		}
		return 0
	})
}

// indexNumberKey returns the parts of an item number as numbers ("I.2" is
// 1, 2); ok is false for text that is not an item number.
func indexNumberKey(n string) (key []int, ok bool) {
	n = strings.TrimRight(strings.Join(strings.Fields(n), ""), ".")
	if n == "" {
		return nil, false
	}
	for i, part := range strings.Split(n, ".") {
		v, err := strconv.Atoi(part)
		if err != nil && i == 0 {
			v, err = indexRoman(part)
		}
		if err != nil || v < 0 {
			return nil, false
		}
		key = append(key, v)
	}
	return key, true
}

// indexRoman reads a roman numeral written with I, V, X and L, as lists of
// fields number them.
func indexRoman(s string) (int, error) {
	values := map[rune]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	digits := []rune(strings.ToUpper(s))
	total := 0
	for i, d := range digits {
		v, ok := values[d]
		if !ok {
			return 0, fmt.Errorf("roman numeral %q", s)
		}
		if i+1 < len(digits) && values[digits[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total, nil
}

// indexItemInputs converts rows to the store's input, with the problems
// of what cannot be read (a maximum that is not a number, a rule that is
// not understood or does not match the type chosen) keyed
// "items.<i>.<field>" and naming the row as the store does.
func indexItemInputs(rows []indexItemForm) ([]index.ItemInput, valid.Errors) {
	errs := valid.Errors{}
	ins := make([]index.ItemInput, len(rows))
	for i, row := range rows {
		in := index.ItemInput{Number: row.Number, Title: row.Title, Kind: row.Kind, GroupTag: row.GroupTag,
			Guidance: row.Guidance, EvidenceRequired: row.EvidenceRequired, Optional: row.Optional}
		if s := strings.TrimSpace(row.MaxPoints); s != "" {
			p, err := rule.ParsePoints(s)
			if err != nil {
				errs.Add(fmt.Sprintf("items.%d.max_points", i),
					fmt.Sprintf("Dòng %d: điểm tối đa “%s” không phải số điểm (ví dụ 2 hoặc 1,5; tối đa hai chữ số thập phân).", i+1, s))
			}
			in.MaxPoints = p
		}
		spec, problem := indexRuleOf(row.RuleType, row.Rule)
		if problem != "" {
			errs.Add(fmt.Sprintf("items.%d.rule", i), fmt.Sprintf("Dòng %d: %s", i+1, problem))
		}
		in.Rule = spec
		ins[i] = in
	}
	return ins, errs
}

// indexRuleOf returns the rule of a row from the type chosen and the
// rule's description: the description read by rule.Parse when there is
// one (it must then be of the type chosen, if any), the type's rule with
// its defaults otherwise. problem is a Vietnamese message, "" when the
// rule could be read.
func indexRuleOf(typ, text string) (spec rule.Spec, problem string) {
	typ, text = strings.TrimSpace(typ), strings.TrimSpace(text)
	if typ != "" && !slices.Contains(rule.Types(), typ) {
		return rule.Spec{}, fmt.Sprintf("loại cách chấm “%s” không hợp lệ.", typ)
	}
	if text == "" {
		return rule.Spec{Type: typ}, ""
	}
	spec, err := rule.Parse(text)
	if err != nil {
		if msg := valid.Message(err); msg != "" {
			return rule.Spec{}, msg
		}
		return rule.Spec{}, fmt.Sprintf("không đọc được cách chấm điểm “%s”.", text)
	}
	if typ != "" && spec.Type != typ {
		return rule.Spec{}, fmt.Sprintf("cách chấm “%s” thuộc loại “%s”, khác loại đã chọn “%s”; hãy sửa mô tả, hoặc xoá mô tả để dùng loại đã chọn.",
			text, rule.TypeLabel(spec.Type), rule.TypeLabel(typ))
	}
	return spec, ""
}

// indexItemProblems lists errs' messages by row, then by the order of
// the row's boxes.
func indexItemProblems(errs valid.Errors) []string {
	order := map[string]int{"number": 0, "title": 1, "max_points": 2, "kind": 3, "rule": 4, "group_tag": 5}
	type key struct {
		row   int
		field string
		name  string
	}
	keys := make([]key, 0, len(errs))
	for name := range errs {
		k := key{row: -1, name: name}
		if m := indexItemErrKey.FindStringSubmatch(name); m != nil {
			k.row, _ = strconv.Atoi(m[1])
			k.field = m[2]
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(order[a.field], order[b.field]), cmp.Compare(a.name, b.name))
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = errs[k.name]
	}
	return out
}

// indexItemErrKey matches the keys of the store's item messages.
var indexItemErrKey = regexp.MustCompile(`^items\.(\d+)\.([a-z_]+)$`)

// renderIndexItems renders the editor with rows (the list's rows; empty
// ones are added) and errs (422 when there are any).
func (h *Handler) renderIndexItems(w http.ResponseWriter, r *http.Request, f index.Framework, rows []indexItemForm,
	changed bool, errs valid.Errors) {
	_, names, err := h.unitKinds(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := indexItemsData{F: f, KindName: kindName(names, f.UnitKind), Numbered: len(rows), Changed: changed,
		Blank: indexItemForm{Kind: index.KindScore}, Problems: indexItemProblems(errs)}
	d.Rows = append(slices.Clip(rows), slices.Repeat([]indexItemForm{d.Blank}, indexBlankItems)...)
	for _, k := range index.ItemKinds() {
		d.Kinds = append(d.Kinds, indexChoice{k, index.ItemKindLabel(k)})
	}
	d.RuleTypes = []indexChoice{{"", "— theo mô tả —"}}
	for _, t := range rule.Types() {
		d.RuleTypes = append(d.RuleTypes, indexChoice{t, rule.TypeLabel(t)})
	}
	d.Groups = []indexChoice{{"", "—"}}
	for _, g := range index.Groups() {
		d.Groups = append(d.Groups, indexChoice{g, index.GroupLabel(g)})
	}
	d.Examples = indexRuleExamples()
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.renderPage(w, r, status, "index_items_edit", &Page{Title: "Danh mục tiêu chí: " + f.Title, Data: d, Errors: errs})
}

// indexRuleExamples are the descriptions the rule box suggests: each
// type's usual wording and each automatic source's.
func indexRuleExamples() []string {
	ninety, seventy := 0.9, 0.7
	specs := []rule.Spec{
		{Type: rule.TypeManual}, {Type: rule.TypeManual, Step: 50}, {Type: rule.TypeYesNo},
		{Type: rule.TypeTiers, Tiers: []rule.Tier{{From: &ninety, Points: 200},
			{From: &seventy, FromIncl: true, To: &ninety, ToIncl: true, Points: 100}, {To: &seventy, Points: 0}}},
		{Type: rule.TypeProportional}, {Type: rule.TypeTimeliness}, {Type: rule.TypeSurvey},
	}
	for _, src := range rule.Sources() {
		specs = append(specs, rule.DefaultFor(src))
	}
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = s.Describe()
	}
	return out
}

// Selected reports whether a select's option value is the row's; the
// editor's template marks options with it.
func (indexItemsData) Selected(value, current string) bool { return value == current }

// RowNumber is row i's number as messages name it, or "" for an empty
// row offered at the end.
func (d indexItemsData) RowNumber(i int) string {
	if i < d.Numbered {
		return strconv.Itoa(i + 1)
	}
	return ""
}
