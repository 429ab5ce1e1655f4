package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/testkit"
)

// resultsFixture is the test province with the 2025 reform index of
// communes: commune A self-scores 1.1 = 2, 1.2 yes (1), bonus 0,5; commune
// B 1.1 = 1,5, 1.2 no. The council lowers A's 1.1 to 1,5 with a reason.
// Finalised (final true), with survey points 1,75 (A) and 1 (B): A has
// 4,75 of 5 (95%), B 2,5 of 5 (50%). Not finalised, the framework stays in
// the appraisal stage with both assessments submitted.
type resultsFixture struct {
	*testkit.Env
	f     index.Framework
	items map[string]int64
	// assessments by unit id
	assessments map[int64]int64
}

func newResultsFixture(t *testing.T, d *db.DB, final bool) *resultsFixture {
	t.Helper()
	ctx := context.Background()
	env := testkit.New(t, d)
	s := env.App.Index
	s.Today = func() civil.Date { return civil.New(2026, time.March, 1) }
	coord := env.Users["coord"].ID
	f, ids := env.IndexFramework(t, 2025, "commune", "Chỉ số CCHC năm 2025 của cấp xã", testkit.SmallIndexItems())
	fx := &resultsFixture{Env: env, items: ids, assessments: map[int64]int64{}}
	pts := func(p rule.Points) rule.Input { return rule.Input{Points: &p} }
	yes := func(b bool) rule.Input { return rule.Input{Yes: &b} }
	for _, u := range []struct {
		unit   int64
		user   string
		scores map[string]rule.Input
	}{
		{env.CommuneA.ID, "officer_a", map[string]rule.Input{"1.1": pts(200), "1.2": yes(true), "3.1": pts(50)}},
		{env.CommuneB.ID, "officer_b", map[string]rule.Input{"1.1": pts(150), "1.2": yes(false), "3.1": pts(0)}},
	} {
		fx.assessments[u.unit] = env.SubmitSelfAssessment(t, f.ID, u.unit, u.user, fx.items, u.scores)
	}
	if err := s.SetStage(ctx, f.ID, index.StageAppraisal, coord); err != nil {
		t.Fatal(err)
	}
	appraiser := env.Users["appraiser"].ID
	lower := rule.Points(150)
	if _, err := s.Appraise(ctx, fx.assessments[env.CommuneA.ID], fx.items["1.1"], index.AppraisalInput{Points: &lower,
		Reason: "Kế hoạch ban hành sau ngày 31/12/2024."}, appraiser); err != nil {
		t.Fatal(err)
	}
	if final {
		for unit, survey := range map[int64]rule.Points{env.CommuneA.ID: 175, env.CommuneB.ID: 100} {
			if _, err := s.CompleteAppraisal(ctx, fx.assessments[unit], appraiser); err != nil {
				t.Fatal(err)
			}
			if err := s.SetSurveyPoints(ctx, f.ID, unit, fx.items["2.1"], &survey, coord); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Finalise(ctx, f.ID, coord); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	if fx.f, err = s.Framework(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	return fx
}

// path returns the framework's address followed by rest.
func (fx *resultsFixture) path(rest string) string {
	return fmt.Sprintf("/index/frameworks/%d%s", fx.f.ID, rest)
}

// scorecard returns the address of unit's scorecard.
func (fx *resultsFixture) scorecard(unit int64) string {
	return fx.path(fmt.Sprintf("/units/%d", unit))
}

// publish publishes the framework's results.
func (fx *resultsFixture) publish(t *testing.T) {
	t.Helper()
	if err := fx.App.Index.SetPublished(context.Background(), fx.f.ID, true, fx.Users["coord"].ID); err != nil {
		t.Fatal(err)
	}
}

var (
	resultsRowRe  = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	resultsCellRe = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	resultsTagRe  = regexp.MustCompile(`<[^>]*>`)
	resultsWSRe   = regexp.MustCompile(`\s+`)
)

// resultsRows returns the text of the cells of every table row of page,
// "|"-joined, e.g. "1.1|Ban hành ...|2||2|1,5|1,5|75,00%".
func resultsRows(page string) []string {
	var out []string
	for _, m := range resultsRowRe.FindAllStringSubmatch(page, -1) {
		var cells []string
		for _, c := range resultsCellRe.FindAllStringSubmatch(m[1], -1) {
			text := html.UnescapeString(resultsTagRe.ReplaceAllString(c[1], ""))
			cells = append(cells, strings.TrimSpace(resultsWSRe.ReplaceAllString(text, " ")))
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}

// resultsWantRows checks that page has a row with each of want, in that
// order.
func resultsWantRows(t *testing.T, page string, want ...string) {
	t.Helper()
	rows := resultsRows(page)
	at := 0
	for _, w := range want {
		found := false
		for ; at < len(rows); at++ {
			if rows[at] == w {
				found = true
				at++
				break
			}
		}
		if !found {
			t.Errorf("no row %q (in order) among:\n%s", w, strings.Join(rows, "\n"))
		}
	}
}

// resultsGet gets path as client c and checks the status.
func resultsGet(t *testing.T, c *testkit.Client, path string, status int) string {
	t.Helper()
	res := c.Get(path)
	if res.Code != status {
		t.Fatalf("GET %s: status %d, want %d; location %q\n%s", path, res.Code, status, res.Header().Get("Location"), res.Body.String())
	}
	return html.UnescapeString(res.Body.String())
}

func TestIndexResultsPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := newResultsFixture(t, d, true)
		body := resultsGet(t, fx.Login(t, "coord"), fx.path("/results"), http.StatusOK)
		resultsWantRows(t, body,
			"Hạng|Đơn vị|Điểm tự chấm|Điểm thẩm định|Điểm điều tra XHH|Thưởng/trừ|Tổng điểm|Điểm tối đa|Chỉ số (%)|Xếp loại|Chênh lệch tự chấm/thẩm định|So với năm trước|Lĩnh vực 1|Lĩnh vực 2",
			"1|Xã An Phú|3|2,5|1,75|+0,5|4,75|5|95,00%|Xuất sắc|0,5|—|83,33%|87,50%",
			"2|Xã Bình Minh|1,5|1,5|1|0|2,5|5|50,00%|Trung bình|0|—|50,00%|50,00%",
			// The criteria where units lost the most: 2.1 lost 0,25 + 1.
			"STT|Tiêu chí|Điểm tối đa|Tổng số điểm bị mất|Số đơn vị bị mất điểm",
			"1|2.1. Mức độ hài lòng của người dân|2|1,25|2",
			"2|1.1. Ban hành kế hoạch cải cách hành chính năm|2|1|2",
			"3|1.2. Tuyên truyền cải cách hành chính|1|1|1",
		)
		for _, want := range []string{
			`href="` + fx.scorecard(fx.CommuneA.ID) + `"`, `href="` + fx.scorecard(fx.CommuneB.ID) + `"`,
			fx.path("/results.xlsx"), fx.path("/results.docx"), `>2</span><span class="stat-label">đơn vị được xếp hạng`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("results page lacks %q", want)
			}
		}
		if strings.Contains(body, "tạm tính") {
			t.Error("final results marked provisional")
		}

		// A unit not ranked is listed after the ranked ones.
		if err := fx.App.Index.SetRanked(context.Background(), fx.assessments[fx.CommuneA.ID], false, "Mới sáp nhập.",
			fx.Users["coord"].ID); err != nil {
			t.Fatal(err)
		}
		body = resultsGet(t, fx.Login(t, "appraiser"), fx.path("/results"), http.StatusOK)
		resultsWantRows(t, body,
			"1|Xã Bình Minh|1,5|1,5|1|0|2,5|5|50,00%|Trung bình|0|—|50,00%|50,00%",
			"Không xếp hạng|Xã An Phú|3|2,5|1,75|+0,5|4,75|5|95,00%|Xuất sắc|0,5|—|83,33%|87,50%")
	})
}

func TestIndexScorecard(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := newResultsFixture(t, d, true)
		body := resultsGet(t, fx.Login(t, "officer_a"), fx.scorecard(fx.CommuneA.ID), http.StatusOK)
		resultsWantRows(t, body,
			"STT|Lĩnh vực, tiêu chí, tiêu chí thành phần|Điểm tối đa|Điểm điều tra XHH|Điểm tự đánh giá|Điểm thẩm định|Điểm đạt được|Chỉ số (%)",
			"1|Công tác chỉ đạo, điều hành cải cách hành chính|3||3|2,5|2,5|83,33%",
			"1.1|Ban hành kế hoạch cải cách hành chính năm|2||2|1,5|1,5|75,00%",
			"1.2|Tuyên truyền cải cách hành chính|1||1|1|1|100,00%",
			"2|Tác động của cải cách hành chính|2|1,75|||1,75|87,50%",
			"2.1|Mức độ hài lòng của người dân|2|1,75|||1,75|87,50%",
			"3|Điểm thưởng|||+0,5|+0,5|+0,5|",
			"3.1|Sáng kiến cải cách hành chính|tối đa 1||+0,5|+0,5|+0,5|",
			"|Tổng cộng|5|1,75|3|2,5|4,75|95,00%",
		)
		for _, want := range []string{"1/2", "hạng", "95,00%", "Xuất sắc", "Bản tự chấm và tài liệu kiểm chứng"} {
			if !strings.Contains(body, want) {
				t.Errorf("scorecard lacks %q", want)
			}
		}
		body = resultsGet(t, fx.Login(t, "leader_d"), fx.scorecard(fx.CommuneB.ID), http.StatusOK)
		resultsWantRows(t, body, "1.1|Ban hành kế hoạch cải cách hành chính năm|2||1,5|1,5|1,5|75,00%",
			"|Tổng cộng|5|1|1,5|1,5|2,5|50,00%")
	})
}

func TestIndexScorecardDuringAppraisal(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := newResultsFixture(t, d, false)
		// The unit sees its self-scores only while the council works.
		body := resultsGet(t, fx.Login(t, "officer_a"), fx.scorecard(fx.CommuneA.ID), http.StatusOK)
		resultsWantRows(t, body, "1.1|Ban hành kế hoạch cải cách hành chính năm|2||2|—|—|—", "|Tổng cộng|5|0|3|—|—|—")
		if !strings.Contains(body, "chỉ hiển thị điểm tự chấm") {
			t.Error("no notice that the appraisal is hidden")
		}
		if strings.Contains(body, "1,5") {
			t.Error("the appraised 1,5 shows before the appraisal is complete")
		}
		// The appraiser sees the appraisal under way; the results are provisional.
		body = resultsGet(t, fx.Login(t, "appraiser"), fx.scorecard(fx.CommuneA.ID), http.StatusOK)
		resultsWantRows(t, body, "1.1|Ban hành kế hoạch cải cách hành chính năm|2||2|1,5|1,5|75,00%")
		body = resultsGet(t, fx.Login(t, "coord"), fx.path("/results"), http.StatusOK)
		if !strings.Contains(body, "tạm tính") {
			t.Error("provisional results not marked")
		}
		// Appraised, the unit sees the appraisal, but no rank until the results are final.
		if _, err := fx.App.Index.CompleteAppraisal(context.Background(), fx.assessments[fx.CommuneA.ID],
			fx.Users["appraiser"].ID); err != nil {
			t.Fatal(err)
		}
		body = resultsGet(t, fx.Login(t, "officer_a"), fx.scorecard(fx.CommuneA.ID), http.StatusOK)
		resultsWantRows(t, body, "1.1|Ban hành kế hoạch cải cách hành chính năm|2||2|1,5|1,5|75,00%")
		if strings.Contains(body, `stat-label">hạng`) || !strings.Contains(body, "tạm tính") {
			t.Error("a provisional rank shows to the unit")
		}
	})
}

func TestIndexResultsPermissions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := newResultsFixture(t, d, true)
		a, b := fx.CommuneA.ID, fx.CommuneB.ID
		tests := []struct {
			name, as, path string
			status         int
			location       string
		}{
			{"coordinator", "coord", fx.path("/results"), http.StatusOK, ""},
			{"leader (views the index)", "leader_d", fx.path("/results"), http.StatusOK, ""},
			{"appraiser", "appraiser", fx.path("/results.xlsx"), http.StatusOK, ""},
			{"officer sent to its scorecard", "officer_a", fx.path("/results"), http.StatusSeeOther, fx.scorecard(a)},
			{"officer cannot export", "officer_a", fx.path("/results.xlsx"), http.StatusForbidden, ""},
			{"officer cannot export Word", "officer_b", fx.path("/results.docx"), http.StatusForbidden, ""},
			{"officer reads its scorecard", "officer_b", fx.scorecard(b), http.StatusOK, ""},
			{"officer cannot read another commune's", "officer_b", fx.scorecard(a), http.StatusForbidden, ""},
			{"unknown framework", "coord", fmt.Sprintf("/index/frameworks/%d/results", fx.f.ID+100), http.StatusNotFound, ""},
			{"framework id not a number", "coord", "/index/frameworks/abc/results", http.StatusNotFound, ""},
			{"unknown unit", "coord", fx.path("/units/999999"), http.StatusNotFound, ""},
			{"unit of another kind", "coord", fx.scorecard(fx.District.ID), http.StatusNotFound, ""},
			{"anonymous", "", fx.path("/results"), http.StatusSeeOther, "/login?next="},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := fx.Anonymous(t)
				if tt.as != "" {
					c = fx.Login(t, tt.as)
				}
				res := c.Get(tt.path)
				if res.Code != tt.status {
					t.Fatalf("GET %s as %q: status %d, want %d", tt.path, tt.as, res.Code, tt.status)
				}
				if loc := res.Header().Get("Location"); !strings.HasPrefix(loc, tt.location) {
					t.Errorf("Location = %q, want %q", loc, tt.location)
				}
			})
		}
		// Once published, everyone signed in sees every unit.
		fx.publish(t)
		officer := fx.Login(t, "officer_b")
		resultsGet(t, officer, fx.path("/results"), http.StatusOK)
		resultsGet(t, officer, fx.scorecard(a), http.StatusOK)
		resultsGet(t, officer, fx.path("/results.xlsx"), http.StatusOK)
	})
}

func TestIndexResultsExports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := newResultsFixture(t, d, true)
		c := fx.Login(t, "coord")

		res := c.Get(fx.path("/results.xlsx"))
		if res.Code != http.StatusOK {
			t.Fatalf("xlsx: status %d", res.Code)
		}
		if cd := res.Header().Get("Content-Disposition"); !strings.Contains(cd, "ket-qua-chi-so-cchc-2025-commune.xlsx") {
			t.Errorf("Content-Disposition = %q", cd)
		}
		x, err := excelize.OpenReader(bytes.NewReader(res.Body.Bytes()))
		if err != nil {
			t.Fatalf("open workbook: %v", err)
		}
		defer x.Close()
		for _, tt := range []struct{ sheet, cell, want string }{
			{index.SheetResults, "B5", "Xã An Phú"},
			{index.SheetResults, "A5", "1"},
			{index.SheetResults, "C5", "3"},
			{index.SheetResults, "D5", "2.5"},
			{index.SheetResults, "E5", "1.75"},
			{index.SheetResults, "H5", "4.75"},
			{index.SheetResults, "I5", "5"},
			{index.SheetResults, "J5", "0.95"},
			{index.SheetResults, "K5", "Xuất sắc"},
			{index.SheetResults, "B6", "Xã Bình Minh"},
			{index.SheetResults, "J6", "0.5"},
			{index.SheetComponents, "B5", "Xã An Phú"},
			{index.SheetComponents, "C5", "2.5"},
			{index.SheetComponents, "F5", "0.875"},
		} {
			got, err := x.GetCellValue(tt.sheet, tt.cell, excelize.Options{RawCellValue: true})
			if err != nil || got != tt.want {
				t.Errorf("%s!%s = %q (%v), want %q", tt.sheet, tt.cell, got, err, tt.want)
			}
		}

		res = c.Get(fx.path("/results.docx"))
		if res.Code != http.StatusOK {
			t.Fatalf("docx: status %d", res.Code)
		}
		if ct := res.Header().Get("Content-Type"); !strings.Contains(ct, "wordprocessingml") {
			t.Errorf("Content-Type = %q", ct)
		}
		text := resultsDocumentXML(t, res.Body.Bytes())
		for _, want := range []string{"UBND TỈNH THỬ NGHIỆM", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"Số:        /BC-SNV", "Thử Nghiệm, ngày 01 tháng 3 năm 2026", "BÁO CÁO",
			"Kết quả xác định Chỉ số cải cách hành chính năm 2025 của các xã, phường, thị trấn, đặc khu",
			"Xã An Phú", "95,00%", "Xã Bình Minh", "50,00%", "Nơi nhận:", "Lưu: VT, SNV.", "GIÁM ĐỐC"} {
			if !strings.Contains(text, want) {
				t.Errorf("document.xml lacks %q", want)
			}
		}
	})
}

// resultsDocumentXML returns the text of word/document.xml in a .docx
// (a zip), tags removed.
func resultsDocumentXML(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the .docx is not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return html.UnescapeString(resultsTagRe.ReplaceAllString(strings.ReplaceAll(string(b), "</w:p>", "\n"), ""))
		}
	}
	t.Fatal("no word/document.xml in the .docx")
	return ""
}

func TestIndexPublicPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := newResultsFixture(t, d, true)
		anon := fx.Anonymous(t)
		page := fmt.Sprintf("/public/index/%d", fx.f.ID)
		resultsGet(t, anon, page, http.StatusNotFound)
		if body := resultsGet(t, anon, "/public/index", http.StatusOK); !strings.Contains(body, "Chưa có kết quả nào được công bố") {
			t.Error("the public list shows an unpublished framework")
		}
		resultsGet(t, anon, fmt.Sprintf("/public/index/%d", fx.f.ID+100), http.StatusNotFound)
		resultsGet(t, anon, "/public/index/abc", http.StatusNotFound)

		fx.publish(t)
		body := resultsGet(t, anon, "/public/index", http.StatusOK)
		if !strings.Contains(body, `href="`+page+`"`) || !strings.Contains(body, "Năm 2025 · Xã, phường, thị trấn, đặc khu") {
			t.Errorf("the public list lacks the published framework:\n%s", body)
		}
		body = resultsGet(t, anon, page, http.StatusOK)
		resultsWantRows(t, body,
			"Hạng|Đơn vị|Tổng điểm|Điểm tối đa|Chỉ số (%)|Xếp loại",
			"1|Xã An Phú|4,75|5|95,00%|Xuất sắc",
			"2|Xã Bình Minh|2,5|5|50,00%|Trung bình")
		for _, hidden := range []string{"Điểm tự", "thẩm định|", "Đăng xuất"} {
			if strings.Contains(body, hidden) {
				t.Errorf("public page shows %q", hidden)
			}
		}
		// A signed-in user sees the same page inside the application.
		if body := resultsGet(t, fx.Login(t, "officer_a"), page, http.StatusOK); !strings.Contains(body, "Đăng xuất") {
			t.Error("signed-in user's public page lacks the application's layout")
		}
	})
}
