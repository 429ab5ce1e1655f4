package web_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/testkit"
)

// indexFwRatio returns a pointer to a tier bound.
func indexFwRatio(r float64) *float64 { return &r }

// indexFwItems is a small framework: two fields, automatic, tier, yes/no
// and bonus items.
func indexFwItems() []index.ItemInput {
	return []index.ItemInput{
		{Number: "1", Title: "Công tác chỉ đạo, điều hành cải cách hành chính"},
		{Number: "1.1", Title: "Ban hành kế hoạch cải cách hành chính năm", MaxPoints: 100,
			Rule: rule.DefaultFor(rule.SourcePlanOnTime), EvidenceRequired: true},
		{Number: "1.2", Title: "Mức độ hoàn thành kế hoạch", MaxPoints: 200, Rule: rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
			{From: indexFwRatio(0.9), Points: 200},
			{From: indexFwRatio(0.7), FromIncl: true, To: indexFwRatio(0.9), ToIncl: true, Points: 100},
			{To: indexFwRatio(0.7), Points: 0},
		}}},
		{Number: "2", Title: "Cải cách thủ tục hành chính"},
		{Number: "2.1", Title: "Công khai thủ tục hành chính", MaxPoints: 150, Rule: rule.Spec{Type: rule.TypeYesNo},
			Optional: true, GroupTag: index.GroupInvestment},
		{Number: "2.2", Title: "Sáng kiến cải cách hành chính được công nhận", Kind: index.KindBonus, MaxPoints: 50},
	}
}

// indexFwCreate creates a draft framework of year for kind, with
// indexFwItems saved when withItems is set, and moves it to stage
// (the final stage directly in the database, as finalising is tested
// elsewhere).
func indexFwCreate(t *testing.T, env *testkit.Env, year int, kind string, withItems bool, stage string) index.Framework {
	t.Helper()
	ctx := context.Background()
	s := env.App.Index
	f, err := s.CreateFramework(ctx, index.FrameworkInput{Year: year, UnitKind: kind,
		Title: fmt.Sprintf("Bộ chỉ số cải cách hành chính năm %d (%s)", year, kind)}, 0)
	if err != nil {
		t.Fatalf("create framework %d %s: %v", year, kind, err)
	}
	if withItems {
		if err := s.SaveItems(ctx, f.ID, indexFwItems(), 0); err != nil {
			t.Fatalf("save items: %v", err)
		}
	}
	var moves []string
	switch stage {
	case index.StageSelf:
		moves = []string{index.StageSelf}
	case index.StageAppraisal, index.StageFinal:
		moves = []string{index.StageSelf, index.StageAppraisal}
	}
	for _, st := range moves {
		if err := s.SetStage(ctx, f.ID, st, 0); err != nil {
			t.Fatalf("framework %d to %s: %v", f.ID, st, err)
		}
	}
	if stage == index.StageFinal {
		d := env.App.DB
		if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE index_frameworks SET stage = ? WHERE id = ?`), stage, f.ID); err != nil {
			t.Fatal(err)
		}
	}
	if f, err = s.Framework(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	return f
}

// indexFwFlash returns the one-time message a redirect carries.
func indexFwFlash(res *httptest.ResponseRecorder) string {
	for _, c := range res.Result().Cookies() {
		if c.Name == "cchc_flash" {
			_, msg, _ := strings.Cut(c.Value, ":")
			msg, _ = url.QueryUnescape(msg)
			return msg
		}
	}
	return ""
}

// indexFwItemValues encodes rows as the item editor posts them.
func indexFwItemValues(rows [][]string) url.Values {
	v := url.Values{}
	fields := []string{"number", "title", "max_points", "kind", "rule_type", "rule", "group_tag", "guidance",
		"evidence_required", "optional"}
	for i, row := range rows {
		for j, val := range row {
			if val != "" {
				v.Set(fmt.Sprintf("items[%d].%s", i, fields[j]), val)
			}
		}
	}
	return v
}

// indexFwUpload posts file as the "file" field of a multipart form.
func indexFwUpload(c *testkit.Client, path, name string, file []byte) *httptest.ResponseRecorder {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", name)
	_, _ = w.Write(file)
	_ = mw.Close()
	return c.Do(http.MethodPost, path, &body, mw.FormDataContentType())
}

// indexFwPath is the address of framework id's page, with suffix.
func indexFwPath(id int64, suffix string) string {
	return fmt.Sprintf("/index/frameworks/%d%s", id, suffix)
}

// indexFwItoa writes n in decimal.
func indexFwItoa(n int64) string { return strconv.FormatInt(n, 10) }
