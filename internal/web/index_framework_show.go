package web

import (
	"net/http"
	"strconv"

	"cchc/internal/civil"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// indexItemView is an item as the framework's table shows it.
type indexItemView struct {
	index.Item
	Field     bool   // a field (lĩnh vực): written in bold
	Rule      string // how a leaf is scored; "" for a parent
	KindLabel string // a leaf's kind; "" for a parent
	Group     string
}

// indexSettingsForm is the form of a framework's year, unit kind, title
// and self-assessment deadline.
type indexSettingsForm struct{ Year, UnitKind, Title, SelfDeadline string }

// indexBandRow is a row of the bands' form.
type indexBandRow struct{ MinPercent, Label string }

// indexStageAction is a button that moves a framework to another stage.
type indexStageAction struct {
	Stage, Label, Confirm string
	Primary               bool
}

type indexFrameworkData struct {
	indexFrameworkRow
	Items                   []indexItemView
	Fields, Criteria, Subs  int
	Max, Bonus, Penalty     rule.Points
	Bands                   []index.Band
	BandRows                []indexBandRow
	Settings                indexSettingsForm
	DefaultDeadline         civil.Date
	Kinds                   []org.Kind
	Manage                  bool
	Draft, Final            bool
	Actions                 []indexStageAction
	ImportFile, ImportError string
	Import                  index.FrameworkImportErrors
}

// indexFrameworkState is what a refused change brings back to the
// framework page: the submitted settings or bands (nil: as stored), an
// import's problems, and the fields' messages.
type indexFrameworkState struct {
	Settings   *indexSettingsForm
	Bands      []indexBandRow
	ImportFile string
	ImportErr  string
	Import     index.FrameworkImportErrors
	Errs       valid.Errors
}

// indexFrameworkShow shows a framework: its items as a table in tree
// order with the total maximum, its bands and, for those who manage the
// index, the forms that change it and move it through its stages. Anyone
// signed in may read a framework once it is open to units.
func (h *Handler) indexFrameworkShow(w http.ResponseWriter, r *http.Request) {
	v, err := h.indexViewerOf(r)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	f, ok := h.indexFramework(w, r, v)
	if !ok {
		return
	}
	h.renderIndexFramework(w, r, http.StatusOK, v, f, indexFrameworkState{})
}

// renderIndexFramework renders framework f's page for v with st.
func (h *Handler) renderIndexFramework(w http.ResponseWriter, r *http.Request, status int, v indexViewer, f index.Framework,
	st indexFrameworkState) {
	ctx := r.Context()
	kinds, names, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	row, err := h.indexFrameworkRowOf(ctx, v, f, names)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	items, err := h.app.Index.Items(ctx, f.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	bands, err := h.app.Index.Bands(ctx, f.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := indexFrameworkData{indexFrameworkRow: row, Bands: bands, Kinds: kinds, Manage: v.Manage,
		Draft: f.Stage == index.StageDraft, Final: f.Stage == index.StageFinal,
		DefaultDeadline: index.Framework{Year: f.Year}.Deadline(),
		ImportFile:      st.ImportFile, ImportError: st.ImportErr, Import: st.Import}
	tree := index.BuildTree(items)
	for _, it := range items {
		view := indexItemView{Item: it, Field: it.Level == index.LevelField, Group: index.GroupLabel(it.GroupTag)}
		switch it.Level {
		case index.LevelField:
			d.Fields++
		case index.LevelCriterion:
			d.Criteria++
		default:
			d.Subs++
		}
		if tree.IsLeaf(it.ID) {
			view.Rule, view.KindLabel = it.Rule.DescribeFor(it.MaxPoints), index.ItemKindLabel(it.Kind)
			switch it.Kind {
			case index.KindScore, index.KindSurvey:
				d.Max += it.MaxPoints
			case index.KindBonus:
				d.Bonus += it.MaxPoints
			case index.KindPenalty:
				d.Penalty += it.MaxPoints
			}
		}
		d.Items = append(d.Items, view)
	}
	if v.Manage {
		d.Actions = indexStageActions(f.Stage)
		d.Settings = indexSettingsForm{Year: strconv.Itoa(f.Year), UnitKind: f.UnitKind, Title: f.Title}
		if f.SelfDeadline != nil {
			d.Settings.SelfDeadline = f.SelfDeadline.VN()
		}
		if st.Settings != nil {
			d.Settings = *st.Settings
		}
		d.BandRows = st.Bands
		if d.BandRows == nil {
			for _, b := range bands {
				d.BandRows = append(d.BandRows, indexBandRow{MinPercent: rule.Points(b.MinPercent).String(), Label: b.Label})
			}
		}
		for range indexBlankBands {
			d.BandRows = append(d.BandRows, indexBandRow{})
		}
	}
	p := &Page{Title: f.Title, Data: d, Errors: st.Errs}
	h.renderPage(w, r, status, "index_framework", p)
}

// indexBlankBands is the number of empty rows the bands' form offers.
const indexBlankBands = 2

// indexStageActions returns the stage moves offered at stage.
func indexStageActions(stage string) []indexStageAction {
	switch stage {
	case index.StageDraft:
		return []indexStageAction{{Stage: index.StageSelf, Label: "Mở tự đánh giá", Primary: true,
			Confirm: "Mở tự đánh giá cho các đơn vị? Từ đó danh mục tiêu chí không sửa được nữa."}}
	case index.StageSelf:
		return []indexStageAction{
			{Stage: index.StageAppraisal, Label: "Chuyển sang thẩm định", Primary: true,
				Confirm: "Chuyển sang thẩm định? Các đơn vị sẽ không tự chấm và gửi được nữa."},
			{Stage: index.StageDraft, Label: "Trả về soạn thảo",
				Confirm: "Trả bộ chỉ số về soạn thảo để sửa danh mục tiêu chí? Chỉ làm được khi chưa đơn vị nào bắt đầu tự đánh giá."},
		}
	case index.StageAppraisal:
		return []indexStageAction{{Stage: index.StageSelf, Label: "Mở lại tự đánh giá",
			Confirm: "Mở lại tự đánh giá? Các đơn vị chưa gửi có thể tiếp tục tự chấm và gửi."}}
	}
	return nil
}

// Percent writes a band's minimum (hundredths of a percent) the
// Vietnamese way: "90%", "92,5%".
func (indexFrameworkData) Percent(minPercent int) string {
	return rule.Points(minPercent).String() + "%"
}
