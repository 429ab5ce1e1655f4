package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index"
	"cchc/internal/testkit"
)

func TestIndexAppraiseItem(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAppraiseEnv(t, d)
		a := e.submitted(t, e.CommuneA.ID, "officer_a")
		e.stage(t, index.StageAppraisal)
		appraiser := loginWith(t, e.Env, "appraiser", testkit.Password)
		item := strconv.FormatInt(e.items["1.2"], 10)
		rowPath := appraisePath(a.ID, "/appraise/"+item)

		page := appraiser.Get(appraisePath(a.ID, "/appraise"))
		if page.Code != http.StatusOK {
			t.Fatalf("appraise page: status %d: %s", page.Code, page.Body.String())
		}
		wantInBody(t, "appraise page", page.Body.String(), "Xã An Phú", "Đã nộp", "1.2. Tuyên truyền cải cách hành chính",
			"Tối đa 2 điểm", "<strong>1,5</strong>", `href="https://xaanphu.example.gov.vn/tuyen-truyen"`,
			"Chuyên mục tuyên truyền CCHC", "Mục 2", "Số liệu tự động từ hệ thống", "Mức độ hài lòng của người dân",
			`hx-post="`+rowPath+`"`, "Hoàn tất thẩm định", `id="appraise-totals"`)

		// Lowering 1.2 without a reason is refused next to the field, and nothing is stored.
		res := appraiseHTMX(appraiser, rowPath, url.Values{"points": {"1"}, "reason": {""}})
		if res.Code != http.StatusOK {
			t.Fatalf("htmx save without reason: status %d", res.Code)
		}
		body := res.Body.String()
		wantInBody(t, "refused row", body, `id="item-`+item+`"`, "Hãy ghi lý do điều chỉnh điểm.", `value="1"`,
			`hx-swap-oob="true"`)
		wantNotInBody(t, "refused row", body, "<html", "Đã lưu")
		if sc := e.score(t, a.ID, "1.2"); sc.AppraisedPoints != nil {
			t.Fatalf("refused appraisal stored %v", *sc.AppraisedPoints)
		}
		if res := appraiser.PostForm(rowPath, url.Values{"points": {"1"}}); res.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(res.Body.String(), "Hãy ghi lý do điều chỉnh điểm.") {
			t.Fatalf("plain save without reason: status %d", res.Code)
		}

		scenarios := []struct {
			name, points, want string
		}{
			{"not a number", "một", "không hợp lệ"},
			{"above the maximum", "2,5", "Điểm thẩm định phải từ 0 đến 2."},
		}
		for _, s := range scenarios {
			res := appraiseHTMX(appraiser, rowPath, url.Values{"points": {s.points}, "reason": {"Thử"}})
			if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), s.want) {
				t.Errorf("%s: status %d, want %q in %s", s.name, res.Code, s.want, res.Body.String())
			}
		}

		// With a reason the lower score is saved and the totals follow.
		res = appraiseHTMX(appraiser, rowPath, url.Values{"points": {"1"}, "reason": {"Chỉ đăng 2 bài trong năm."}})
		body = res.Body.String()
		wantInBody(t, "saved row", body, "Đã lưu", "Đã điều chỉnh", "Chỉ đăng 2 bài trong năm.", `id="appraise-totals"`, "-0,5")
		sc := e.score(t, a.ID, "1.2")
		if sc.AppraisedPoints == nil || *sc.AppraisedPoints != 100 || sc.AppraisalReason != "Chỉ đăng 2 bài trong năm." {
			t.Fatalf("saved appraisal: %+v", sc)
		}

		// A plain post of the same row redirects back to it.
		res = appraiser.PostForm(rowPath, url.Values{"points": {"1"}, "reason": {"Chỉ đăng 2 bài trong năm."}})
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != appraisePath(a.ID, "/appraise#item-"+item) {
			t.Fatalf("plain save: status %d, location %q", res.Code, res.Header().Get("Location"))
		}
		// An item of another framework, or a parent, is not found.
		if res := appraiseHTMX(appraiser, appraisePath(a.ID, "/appraise/"+strconv.FormatInt(e.items["1"], 10)),
			url.Values{"points": {"1"}}); res.Code != http.StatusNotFound {
			t.Errorf("parent item: status %d", res.Code)
		}

		res = appraiser.PostForm(appraisePath(a.ID, "/complete"), nil)
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != e.frameworkPath("/units") {
			t.Fatalf("complete: status %d, location %q: %s", res.Code, res.Header().Get("Location"), res.Body.String())
		}
		if got := e.assessment(t, a.ID); got.Status != index.StatusAppraised {
			t.Fatalf("after complete: status %s", got.Status)
		}
		if sc := e.score(t, a.ID, "1.3"); sc.AppraisedPoints == nil || *sc.AppraisedPoints != 100 {
			t.Fatalf("untouched item after complete: %+v", sc)
		}
		// Completing twice is refused on the page.
		if res := appraiser.PostForm(appraisePath(a.ID, "/complete"), nil); res.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(res.Body.String(), "đã được thẩm định") {
			t.Errorf("complete twice: status %d", res.Code)
		}

		// Self 1,5 + 1 (1.3) = 2,5; appraised 1 + 1 = 2; one item changed.
		wantInBody(t, "unit list after completing", appraiser.Get(e.frameworkPath("/units")).Body.String(), "Đã thẩm định",
			`<td class="num">2,5</td>`, `<td class="num">2</td>`, `<td class="num">1</td>`)

		// The unit responds once; the appraiser sees it beside the item and may still change the score.
		if _, err := e.App.Index.Respond(e.ctx, a.ID, index.ResponseInput{Overall: "Đơn vị thống nhất một phần.",
			Items: map[int64]string{e.items["1.2"]: "Đơn vị đăng 4 bài, gửi kèm đường dẫn."}}, e.Users["officer_a"].ID); err != nil {
			t.Fatalf("respond: %v", err)
		}
		page = appraiser.Get(appraisePath(a.ID, "/appraise"))
		wantInBody(t, "page after the response", page.Body.String(), "Đã phản hồi", "Đơn vị thống nhất một phần.",
			"Phản hồi của đơn vị về tiêu chí này", "Đơn vị đăng 4 bài, gửi kèm đường dẫn.", `hx-post="`+rowPath+`"`)
		wantNotInBody(t, "page after the response", page.Body.String(), `action="`+appraisePath(a.ID, "/complete")+`"`)
		res = appraiseHTMX(appraiser, rowPath, url.Values{"points": {""}, "reason": {""}})
		wantInBody(t, "accept the self-score after the response", res.Body.String(), "Đã lưu")
		if sc := e.score(t, a.ID, "1.2"); sc.AppraisedPoints != nil {
			t.Fatalf("empty points after the response: %+v", sc)
		}

		list := appraiser.Get(e.frameworkPath("/units"))
		if list.Code != http.StatusOK {
			t.Fatalf("unit list: status %d", list.Code)
		}
		// Self 1,5 + 1 (1.3) = 2,5; appraised 1,5 (accepted after the response) + 1 = 2,5; no item changed.
		wantInBody(t, "unit list after appraisal", list.Body.String(), "Xã An Phú", "Đã phản hồi", "Xã Bình Minh", "Chưa mở",
			`<td class="num">2,5</td>`, `<td class="num">0</td>`)
		wantNotInBody(t, "appraiser's list", list.Body.String(), "Nhập điểm điều tra", "Hoàn tất, công bố kết quả", "Không xếp hạng…")
		filtered := appraiser.Get(e.frameworkPath("/units?status=none")).Body.String()
		wantInBody(t, "units not opened", filtered, "Xã Bình Minh")
		wantNotInBody(t, "units not opened", filtered, "Xã An Phú")
	})
}

func TestIndexAppraisePermissions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAppraiseEnv(t, d)
		a := e.submitted(t, e.CommuneA.ID, "officer_a")
		e.stage(t, index.StageAppraisal)
		item := strconv.FormatInt(e.items["1.2"], 10)
		scenarios := []struct {
			user, method, path string
			want               int
		}{
			{"officer_a", http.MethodGet, appraisePath(a.ID, "/appraise"), http.StatusForbidden},
			{"officer_a", http.MethodPost, appraisePath(a.ID, "/appraise/"+item), http.StatusForbidden},
			{"officer_a", http.MethodPost, appraisePath(a.ID, "/complete"), http.StatusForbidden},
			{"officer_a", http.MethodPost, appraisePath(a.ID, "/reopen"), http.StatusForbidden},
			{"officer_a", http.MethodPost, appraisePath(a.ID, "/ranked"), http.StatusForbidden},
			{"officer_a", http.MethodGet, e.frameworkPath("/units"), http.StatusForbidden},
			{"officer_a", http.MethodGet, e.frameworkPath("/survey.xlsx"), http.StatusForbidden},
			{"officer_a", http.MethodPost, e.frameworkPath("/survey"), http.StatusForbidden},
			{"officer_a", http.MethodPost, e.frameworkPath("/finalise"), http.StatusForbidden},
			{"leader_d", http.MethodGet, e.frameworkPath("/units"), http.StatusOK},
			{"leader_d", http.MethodGet, appraisePath(a.ID, "/appraise"), http.StatusForbidden},
			{"leader_d", http.MethodPost, appraisePath(a.ID, "/appraise/"+item), http.StatusForbidden},
			{"leader_d", http.MethodPost, appraisePath(a.ID, "/complete"), http.StatusForbidden},
			{"appraiser", http.MethodPost, appraisePath(a.ID, "/ranked"), http.StatusForbidden},
			{"appraiser", http.MethodPost, appraisePath(a.ID, "/reopen"), http.StatusForbidden},
			{"appraiser", http.MethodGet, e.frameworkPath("/survey.xlsx"), http.StatusForbidden},
			{"appraiser", http.MethodPost, e.frameworkPath("/finalise"), http.StatusForbidden},
			{"appraiser", http.MethodGet, appraisePath(999999, "/appraise"), http.StatusNotFound},
			{"appraiser", http.MethodGet, "/index/frameworks/999999/units", http.StatusNotFound},
			{"coord", http.MethodGet, appraisePath(a.ID, "/appraise"), http.StatusOK},
		}
		clients := map[string]*testkit.Client{}
		for _, s := range scenarios {
			c, ok := clients[s.user]
			if !ok {
				c = e.Login(t, s.user)
				clients[s.user] = c
			}
			var res = c.Get(s.path)
			if s.method == http.MethodPost {
				res = c.PostForm(s.path, url.Values{"points": {"0"}, "reason": {"Thử"}, "ranked": {"0"}, "unranked_note": {"Thử"}})
			}
			if res.Code != s.want {
				t.Errorf("%s %s %s: status %d, want %d", s.user, s.method, s.path, res.Code, s.want)
			}
		}
		if sc := e.score(t, a.ID, "1.2"); sc.AppraisedPoints != nil {
			t.Errorf("a refused post stored an appraisal: %v", *sc.AppraisedPoints)
		}
		if got := e.assessment(t, a.ID); got.Status != index.StatusSubmitted || !got.Ranked {
			t.Errorf("refused posts changed the assessment: %+v", got)
		}
		leader := clients["leader_d"].Get(e.frameworkPath("/units")).Body.String()
		wantInBody(t, "leader's list", leader, "Xã An Phú", "Đã nộp", appraisePath(a.ID, ""))
		wantNotInBody(t, "leader's list", leader, appraisePath(a.ID, "/appraise"), "Nhập điểm điều tra", "Mở lại")
		appraiser := clients["appraiser"].Get(e.frameworkPath("/units")).Body.String()
		wantInBody(t, "appraiser's list", appraiser, `href="`+appraisePath(a.ID, "/appraise")+`"`)
	})
}

func TestIndexCoordinatorTools(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAppraiseEnv(t, d)
		coord := e.Login(t, "coord")
		a := e.submitted(t, e.CommuneA.ID, "officer_a")
		b := e.submitted(t, e.CommuneB.ID, "officer_b")
		units := e.frameworkPath("/units")

		// Reopening is the coordinator's, during self-assessment.
		list := coord.Get(units).Body.String()
		wantInBody(t, "coordinator's list", list, appraisePath(b.ID, "/reopen"), "Mở lại", "Nhập điểm điều tra",
			e.frameworkPath("/survey.xlsx"))
		wantNotInBody(t, "coordinator's list in the self stage", list, "Hoàn tất, công bố kết quả")
		res := coord.PostForm(appraisePath(b.ID, "/reopen"), nil)
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != units {
			t.Fatalf("reopen: status %d, location %q", res.Code, res.Header().Get("Location"))
		}
		if got := e.assessment(t, b.ID); got.Status != index.StatusDraft {
			t.Fatalf("after reopen: status %s", got.Status)
		}
		if res := coord.PostForm(appraisePath(b.ID, "/reopen"), nil); res.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(res.Body.String(), "Bản tự chấm chưa nộp") {
			t.Errorf("reopen a draft: status %d", res.Code)
		}
		if b, err := e.App.Index.Submit(e.ctx, b.ID, e.Users["officer_b"].ID); err != nil || b.Status != index.StatusSubmitted {
			t.Fatalf("submit again: %v", err)
		}

		// Survey points: the template, a bad file (nothing stored), a good one.
		tpl := coord.Get(e.frameworkPath("/survey.xlsx"))
		if tpl.Code != http.StatusOK {
			t.Fatalf("survey template: status %d: %s", tpl.Code, tpl.Body.String())
		}
		book, err := excelize.OpenReader(bytes.NewReader(tpl.Body.Bytes()))
		if err != nil {
			t.Fatalf("survey template: %v", err)
		}
		rows, _ := book.GetRows(index.SurveySheet)
		_ = book.Close()
		if got := strings.Join(appraiseCells(rows), "|"); !strings.Contains(got, "Xã An Phú") || !strings.Contains(got, "2.1") {
			t.Errorf("survey template rows: %v", rows)
		}
		header := []any{"Mã đơn vị", "Tên đơn vị", "2.1 Mức độ hài lòng của người dân (tối đa 2 điểm)"}
		surveyPath := e.frameworkPath("/survey")
		res = appraiseUpload(t, coord, surveyPath, "dieu-tra.xlsx", surveyBook(t, header,
			[]any{"XA", "Xã An Phú", "1,5"}, []any{"XB", "Xã Bình Minh", "nhiều"}, []any{"ZZ", "Xã Không Có", "1"},
			[]any{"XB", "Xã Bình Minh", "2,5"}))
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("bad survey file: status %d", res.Code)
		}
		wantInBody(t, "bad survey file", res.Body.String(), "dieu-tra.xlsx", "chưa có điểm nào được ghi",
			"Dòng 3, cột C", "Dòng 4, cột A", "Dòng 5, cột C")
		if sc := e.score(t, a.ID, "2.1"); sc.SurveyPoints != nil {
			t.Fatalf("a refused file stored %v", *sc.SurveyPoints)
		}
		for _, s := range []struct {
			name    string
			content []byte
			want    string
		}{
			{"no file", nil, "Vui lòng chọn tệp Excel"},
			{"not a workbook", []byte("STT;Đơn vị"), "không phải tệp Excel"},
		} {
			res := appraiseUpload(t, coord, surveyPath, "x.csv", s.content)
			if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), s.want) {
				t.Errorf("%s: status %d, want %q", s.name, res.Code, s.want)
			}
		}
		res = appraiseUpload(t, coord, surveyPath, "dieu-tra.xlsx", surveyBook(t, header,
			[]any{"XA", "Xã An Phú", "1,5"}, []any{"XB", "Xã Bình Minh", 2}))
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != units {
			t.Fatalf("good survey file: status %d: %s", res.Code, res.Body.String())
		}
		if sc := e.score(t, a.ID, "2.1"); sc.SurveyPoints == nil || *sc.SurveyPoints != 150 {
			t.Fatalf("survey points of XA: %+v", sc)
		}
		if sc := e.score(t, b.ID, "2.1"); sc.SurveyPoints == nil || *sc.SurveyPoints != 200 {
			t.Fatalf("survey points of XB: %+v", sc)
		}
		wantInBody(t, "list with survey points", coord.Get(units).Body.String(), "Điểm điều tra", `<td class="num">1,5</td>`)

		// Not ranked needs a reason; then ranked again.
		ranked := appraisePath(b.ID, "/ranked")
		res = coord.PostForm(ranked, url.Values{"ranked": {"0"}, "unranked_note": {""}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Hãy ghi lý do không xếp hạng đơn vị.") {
			t.Fatalf("not ranked without a reason: status %d", res.Code)
		}
		res = coord.PostForm(ranked, url.Values{"ranked": {"0"}, "unranked_note": {"Đơn vị mới thành lập trong năm"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("not ranked: status %d", res.Code)
		}
		if got := e.assessment(t, b.ID); got.Ranked || got.UnrankedNote != "Đơn vị mới thành lập trong năm" {
			t.Fatalf("after not ranked: %+v", got)
		}
		wantInBody(t, "list with an unranked unit", coord.Get(units).Body.String(), "Không xếp hạng", "Đơn vị mới thành lập trong năm",
			"Xếp hạng lại")
		if res := coord.PostForm(ranked, url.Values{"ranked": {"1"}}); res.Code != http.StatusSeeOther {
			t.Fatalf("ranked again: status %d", res.Code)
		}
		if got := e.assessment(t, b.ID); !got.Ranked {
			t.Fatalf("after ranked again: %+v", got)
		}

		// Finalising is refused while B waits for its appraisal, then accepted.
		e.stage(t, index.StageAppraisal)
		if _, err := e.App.Index.CompleteAppraisal(e.ctx, a.ID, e.Users["appraiser"].ID); err != nil {
			t.Fatal(err)
		}
		list = coord.Get(units).Body.String()
		wantInBody(t, "list in the appraisal stage", list, "Hoàn tất, công bố kết quả", "Còn 1 đơn vị đã nộp", "data-confirm=")
		wantNotInBody(t, "list in the appraisal stage", list, appraisePath(b.ID, "/reopen"))
		finalise := e.frameworkPath("/finalise")
		res = coord.PostForm(finalise, nil)
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("finalise with B waiting: status %d", res.Code)
		}
		wantInBody(t, "refused finalise", res.Body.String(), "chưa được thẩm định", "Xã Bình Minh")
		if f, _ := e.App.Index.Framework(e.ctx, e.f.ID); f.Stage != index.StageAppraisal {
			t.Fatalf("refused finalise moved the stage to %s", f.Stage)
		}
		if _, err := e.App.Index.CompleteAppraisal(e.ctx, b.ID, e.Users["appraiser"].ID); err != nil {
			t.Fatal(err)
		}
		res = coord.PostForm(finalise, nil)
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != e.frameworkPath("/results") {
			t.Fatalf("finalise: status %d, location %q: %s", res.Code, res.Header().Get("Location"), res.Body.String())
		}
		if f, _ := e.App.Index.Framework(e.ctx, e.f.ID); f.Stage != index.StageFinal {
			t.Fatalf("after finalise: stage %s", f.Stage)
		}
		if got := e.assessment(t, a.ID); got.Status != index.StatusFinal {
			t.Fatalf("after finalise: assessment %s", got.Status)
		}
		list = coord.Get(units).Body.String()
		wantInBody(t, "list after finalising", list, "Đã có kết quả", e.frameworkPath("/results"))
		wantNotInBody(t, "list after finalising", list, "Nhập điểm điều tra", "Hoàn tất, công bố kết quả")
		// After finalising the appraisal page is read only.
		page := coord.Get(appraisePath(a.ID, "/appraise")).Body.String()
		wantInBody(t, "final appraisal page", page, "Kết quả đánh giá đã chốt")
		wantNotInBody(t, "final appraisal page", page, "hx-post=")
	})
}

// appraiseCells joins a sheet's rows into one list of cells.
func appraiseCells(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}
