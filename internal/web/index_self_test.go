package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index"
	"cchc/internal/index/rule"
)

func TestIndexSelfOpenAndShow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newSelfEnv(t, d)
		path := e.open(t)
		if again := e.open(t); again != path {
			t.Fatalf("opening twice gives %s then %s", path, again)
		}
		page := e.Login(t, "officer_a").Get(path)
		if page.Code != http.StatusOK {
			t.Fatalf("page: status %d: %s", page.Code, page.Body.String())
		}
		body := page.Body.String()
		wantInBody(t, "draft page", body, "Xã An Phú", "Bộ chỉ số cải cách hành chính cấp xã năm 2025", "15/04/2026",
			"Còn 45 ngày", "Đang tự chấm", "Tự chấm: 0,5 / 10 điểm",
			// Sections, a criterion heading and rows.
			`id="field-`, "Thực hiện kế hoạch cải cách hành chính", e.rowID("1.2.1"), e.rowID("3.1"),
			// The control each rule needs.
			`name="points" value="" step="0.25" min="0" max="2"`, `name="ratio"`, `name="timeliness"`,
			`<option value="late">Chậm</option>`, `name="yes"`, `name="answer"`, `<option value="B">B (60%)</option>`,
			`name="not_applicable"`, `name="explanation"`, "Trên 90%: 2 điểm",
			// The automatic item: the plan issued late, with its figures and link.
			"Chấm tự động từ dữ liệu của hệ thống", "Cập nhật số liệu", "/plans/"+strconv.FormatInt(e.plan, 10), "0,5 điểm",
			"Điểm điều tra xã hội học do Sở Nội vụ nhập", "Điểm thưởng",
			// Evidence: the unit's plan is offered.
			"Thêm tài liệu kiểm chứng", "Kế hoạch cải cách hành chính năm 2025 của Xã An Phú", `name="task_id"`, `name="url"`,
			`hx-post="`+e.itemPath(path, "1.1")+`"`, "Nộp bản tự chấm")

		// Commune A's officer cannot open commune B's, nor open a framework of another kind of unit.
		res := e.Login(t, "officer_a").Get("/index/frameworks/" + strconv.FormatInt(e.f.ID, 10) + "/self?unit=" +
			strconv.FormatInt(e.CommuneB.ID, 10))
		if res.Code != http.StatusForbidden {
			t.Errorf("officer_a opens commune B: status %d", res.Code)
		}
		// The coordinator opens commune B's.
		res = e.Login(t, "coord").Get("/index/frameworks/" + strconv.FormatInt(e.f.ID, 10) + "/self?unit=" +
			strconv.FormatInt(e.CommuneB.ID, 10))
		if loc := res.Header().Get("Location"); res.Code != http.StatusSeeOther || loc == path || !strings.HasPrefix(loc, "/index/assessments/") {
			t.Errorf("coord opens commune B: status %d, location %q", res.Code, loc)
		}
		// A leader of the district sees commune A's through the open link but cannot create one for the district.
		res = e.Login(t, "leader_d").Get("/index/frameworks/" + strconv.FormatInt(e.f.ID, 10) + "/self?unit=" +
			strconv.FormatInt(e.CommuneA.ID, 10))
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != path {
			t.Errorf("leader_d opens commune A: status %d, location %q", res.Code, res.Header().Get("Location"))
		}
		if res := e.Login(t, "leader_d").Get("/index/frameworks/" + strconv.FormatInt(e.f.ID, 10) + "/self"); res.Code != http.StatusForbidden {
			t.Errorf("leader_d opens his own: status %d", res.Code)
		}
		if res := e.Login(t, "officer_a").Get("/index/frameworks/999999/self"); res.Code != http.StatusNotFound {
			t.Errorf("unknown framework: status %d", res.Code)
		}

		// Who may read the page.
		for _, tc := range []struct {
			user string
			want int
		}{
			{"officer_a", http.StatusOK}, {"leader_d", http.StatusOK}, {"appraiser", http.StatusOK},
			{"coord", http.StatusOK}, {"admin", http.StatusOK}, {"officer_b", http.StatusForbidden},
		} {
			res := e.Login(t, tc.user).Get(path)
			if res.Code != tc.want {
				t.Errorf("%s reads the page: status %d, want %d", tc.user, res.Code, tc.want)
			}
			if tc.user == "leader_d" || tc.user == "appraiser" {
				wantNotInBody(t, tc.user+"'s page", res.Body.String(), `hx-post="`+e.itemPath(path, "1.1")+`"`, "Thêm tài liệu kiểm chứng")
			}
		}
		if res := e.Login(t, "officer_a").Get("/index/assessments/999999"); res.Code != http.StatusNotFound {
			t.Errorf("unknown assessment: status %d", res.Code)
		}
	})
}

func TestIndexSelfScoreInputs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newSelfEnv(t, d)
		path := e.open(t)
		tests := []struct {
			name, item string
			form       url.Values
			want       []string // in the row answered
			points     *rule.Points
			applicable bool
		}{
			{"points", "1.1", url.Values{"points": {"1,5"}}, []string{`value="1.5"`, "= <strong>1,5 điểm</strong>", "Đã lưu"},
				selfPts(150), true},
			{"ratio in tiers", "1.2.1", url.Values{"ratio": {"93,5"}}, []string{`value="93,5"`, "= <strong>2 điểm</strong>"},
				selfPts(200), true},
			{"late", "1.2.2", url.Values{"timeliness": {"late"}}, []string{`<option value="late" selected>Chậm</option>`,
				"= <strong>0,5 điểm</strong>"}, selfPts(50), true},
			{"yes", "1.2.3", url.Values{"yes": {"yes"}}, []string{`<option value="yes" selected>Có</option>`,
				"= <strong>1 điểm</strong>"}, selfPts(100), true},
			{"answer", "1.3", url.Values{"answer": {"B"}}, []string{`<option value="B" selected>B (60%)</option>`,
				"= <strong>0,6 điểm</strong>"}, selfPts(60), true},
			{"bonus", "3.1", url.Values{"points": {"0.75"}}, []string{"= <strong>0,75 điểm</strong>"}, selfPts(75), true},
			{"not applicable with a reason", "1.2.3", url.Values{"not_applicable": {"1"},
				"explanation": {"Xã không có thôn, tổ dân phố."}}, []string{"checked", "Xã không có thôn, tổ dân phố.", "không áp dụng"},
				nil, false},
		}
		for _, tc := range tests {
			res := selfHTMX(t, e, "officer_a", e.itemPath(path, tc.item), tc.form)
			if res.Code != http.StatusOK {
				t.Fatalf("%s: status %d: %s", tc.name, res.Code, res.Body.String())
			}
			frag := res.Body.String()
			wantInBody(t, tc.name, frag, append(tc.want, e.rowID(tc.item), `id="idx-totals"`, `hx-swap-oob="true"`)...)
			wantNotInBody(t, tc.name, frag, "<html")
			wantInBody(t, tc.name, frag, `id="err-in-`+strconv.FormatInt(e.items[tc.item], 10)+`" class="field-error"></p>`)
			sc := e.score(t, path, tc.item)
			if sc.Applicable != tc.applicable || !selfSamePoints(sc.SelfPoints, tc.points) {
				t.Errorf("%s: stored applicable %v, points %v", tc.name, sc.Applicable, sc.SelfPoints)
			}
		}
		// The totals follow: 1,5 + 2 + 0,5 + 0,6 (1.2.3 not applicable) + 0,5 automatic, out of 10 − 1.
		wantInBody(t, "totals", e.Login(t, "officer_a").Get(path).Body.String(), "Tự chấm: 5,1 / 9 điểm (56,67%)")

		refusals := []struct {
			name, item string
			form       url.Values
			field      string
			want       string
		}{
			{"off the step", "1.1", url.Values{"points": {"1,6"}}, "input", "Điểm chấm theo bước 0,25."},
			{"over the maximum", "1.1", url.Values{"points": {"2,5"}}, "input", "Điểm phải từ 0 đến 2."},
			{"not a number", "1.1", url.Values{"points": {"hai"}}, "input", "Điểm “hai” không hợp lệ"},
			{"missing", "1.2.2", url.Values{"timeliness": {""}}, "input", "Chưa chọn đúng hạn, chậm hay không thực hiện."},
			{"ratio over 100%", "1.2.1", url.Values{"ratio": {"120"}}, "input", "Tỷ lệ phải từ 0% đến 100%."},
			{"ratio not a number", "1.2.1", url.Values{"ratio": {"chín mươi"}}, "input", "Tỷ lệ “chín mươi” không hợp lệ"},
			{"not applicable without a reason", "1.2.3", url.Values{"not_applicable": {"1"}}, "explanation",
				"Hãy nêu lý do không áp dụng."},
			{"a required item not applicable", "1.1", url.Values{"not_applicable": {"1"}, "explanation": {"Không làm."}},
				"applicable", "áp dụng cho mọi đơn vị"},
		}
		for _, tc := range refusals {
			before := e.score(t, path, tc.item)
			res := selfHTMX(t, e, "officer_a", e.itemPath(path, tc.item), tc.form)
			if res.Code != http.StatusOK {
				t.Fatalf("%s: status %d", tc.name, res.Code)
			}
			frag := res.Body.String()
			wantInBody(t, tc.name, frag, e.rowID(tc.item), tc.want)
			wantNotInBody(t, tc.name, frag, "Đã lưu<")
			if tc.field == "input" {
				wantInBody(t, tc.name, frag, `id="err-in-`+strconv.FormatInt(e.items[tc.item], 10)+`" class="field-error">`+
					strings.SplitN(tc.want, "“", 2)[0])
			}
			after := e.score(t, path, tc.item)
			if after.Applicable != before.Applicable || !selfSamePoints(after.SelfPoints, before.SelfPoints) {
				t.Errorf("%s: the score changed from %v to %v", tc.name, before.SelfPoints, after.SelfPoints)
			}
		}

		// Without JavaScript: the row's button saves and comes back to the row; a refusal shows the page.
		officer := e.Login(t, "officer_a")
		res := officer.PostForm(e.itemPath(path, "1.1"), url.Values{"points": {"1,75"}, "explanation": {"Đã đăng 12 tin bài."}})
		if res.Code != http.StatusSeeOther || !strings.HasSuffix(res.Header().Get("Location"), "#item-"+strconv.FormatInt(e.items["1.1"], 10)) ||
			!strings.Contains(unitFlashOf(res), "Đã lưu điểm tự chấm tiêu chí 1.1") {
			t.Errorf("plain save: status %d, location %q, flash %q", res.Code, res.Header().Get("Location"), unitFlashOf(res))
		}
		if sc := e.score(t, path, "1.1"); !selfSamePoints(sc.SelfPoints, selfPts(175)) || sc.Explanation != "Đã đăng 12 tin bài." {
			t.Errorf("plain save stored %v, %q", sc.SelfPoints, sc.Explanation)
		}
		res = officer.PostForm(e.itemPath(path, "1.1"), url.Values{"points": {"7"}})
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("plain refusal: status %d", res.Code)
		}
		wantInBody(t, "plain refusal", res.Body.String(), "<html", "Điểm phải từ 0 đến 2.", `value="7"`)

		// The automatic item has nothing to type; a survey item is not self-scored.
		res = selfHTMX(t, e, "officer_a", e.itemPath(path, "2.1"), url.Values{"points": {"1"}})
		wantInBody(t, "survey item", res.Body.String(), "đơn vị không tự chấm")
		res = officer.PostForm(e.itemPath(path, "1"), url.Values{"points": {"1"}})
		if res.Code != http.StatusNotFound {
			t.Errorf("scoring a field: status %d", res.Code)
		}
		res = officer.PostForm(path+"/refresh", url.Values{"item": {strconv.FormatInt(e.items["1.4"], 10)}})
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã cập nhật điểm") {
			t.Errorf("refresh: status %d, flash %q", res.Code, unitFlashOf(res))
		}
	})
}

func TestIndexSelfEvidence(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newSelfEnv(t, d)
		path := e.open(t)
		evPath := e.itemPath(path, "1.1") + "/evidence"

		// An uploaded PDF, with where to look.
		body, ctype := selfMultipart(t, "Báo cáo tuyên truyền.pdf", selfPDF, url.Values{"locator": {"Mục II, trang 3"}})
		res := htmxPost(t, e.Env, "officer_a", evPath, body, ctype)
		if res.Code != http.StatusOK {
			t.Fatalf("upload: status %d: %s", res.Code, res.Body.String())
		}
		evs := e.evidence(t, path)
		if len(evs) != 1 || evs[0].FileID == nil || evs[0].Title != "Báo cáo tuyên truyền.pdf" || evs[0].Locator != "Mục II, trang 3" {
			t.Fatalf("evidence after upload: %+v", evs)
		}
		file := "/index/evidence/" + strconv.FormatInt(evs[0].ID, 10) + "/file"
		wantInBody(t, "row after upload", res.Body.String(), e.rowID("1.1"), `href="`+file+`"`, "Báo cáo tuyên truyền.pdf",
			"Mục II, trang 3", "/index/evidence/"+strconv.FormatInt(evs[0].ID, 10)+"/delete")
		for _, tc := range []struct {
			user string
			want int
		}{{"officer_a", http.StatusOK}, {"appraiser", http.StatusOK}, {"coord", http.StatusOK}, {"leader_d", http.StatusOK},
			{"officer_b", http.StatusForbidden}} {
			res := e.Login(t, tc.user).Get(file)
			if res.Code != tc.want {
				t.Errorf("%s downloads: status %d, want %d", tc.user, res.Code, tc.want)
			}
			if tc.want == http.StatusOK && !bytes.Equal(res.Body.Bytes(), selfPDF) {
				t.Errorf("%s downloads %d bytes", tc.user, res.Body.Len())
			}
		}

		// A plan of the unit and a web page, without JavaScript.
		officer := e.Login(t, "officer_a")
		res = officer.PostForm(evPath, url.Values{"plan_id": {strconv.FormatInt(e.plan, 10)}, "locator": {"Mục I"}})
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Kế hoạch cải cách hành chính năm 2025 của Xã An Phú") {
			t.Fatalf("plan: status %d, flash %q: %s", res.Code, unitFlashOf(res), res.Body.String())
		}
		body, ctype = selfMultipart(t, "", nil, url.Values{"url": {"https://anphu.example.gov.vn/cchc"}, "title": {"Chuyên mục CCHC"}})
		res = officer.Do(http.MethodPost, evPath, body, ctype)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("url: status %d: %s", res.Code, res.Body.String())
		}
		page := officer.Get(path).Body.String()
		wantInBody(t, "page with evidence", page, `href="/plans/`+strconv.FormatInt(e.plan, 10)+`"`, "Mục I",
			`href="https://anphu.example.gov.vn/cchc" target="_blank" rel="noopener noreferrer"`, "Chuyên mục CCHC")
		if n := len(e.evidence(t, path)); n != 3 {
			t.Errorf("%d documents cited, want 3", n)
		}

		refusals := []struct {
			name     string
			file     string
			content  []byte
			fields   url.Values
			want     string
			wantCode int
		}{
			{"nothing", "", nil, url.Values{"locator": {"Trang 2"}}, "Hãy chọn tệp tải lên, kế hoạch", http.StatusUnprocessableEntity},
			{"two sources", "", nil, url.Values{"plan_id": {strconv.FormatInt(e.plan, 10)}, "url": {"https://a.example/b"}},
				"Mỗi lần chỉ thêm một tài liệu", http.StatusUnprocessableEntity},
			{"a link without a title", "", nil, url.Values{"url": {"https://a.example/b"}}, "Hãy nhập tên tài liệu.",
				http.StatusUnprocessableEntity},
			{"not a web address", "", nil, url.Values{"url": {"ftp://a.example/b"}, "title": {"Tệp"}}, "bắt đầu bằng http://",
				http.StatusUnprocessableEntity},
			{"an unknown task", "", nil, url.Values{"task_id": {"987654"}}, "Không tìm thấy nhiệm vụ số 987654.",
				http.StatusUnprocessableEntity},
			{"a program", "setup.exe", []byte("MZ\x90\x00 not a document"), nil, "không được chấp nhận",
				http.StatusUnprocessableEntity},
		}
		for _, tc := range refusals {
			body, ctype := selfMultipart(t, tc.file, tc.content, tc.fields)
			res := officer.Do(http.MethodPost, evPath, body, ctype)
			if res.Code != tc.wantCode {
				t.Errorf("%s: status %d, want %d", tc.name, res.Code, tc.wantCode)
			}
			wantInBody(t, tc.name, res.Body.String(), tc.want, `<details class="idx-ev-add" open>`)
			body, ctype = selfMultipart(t, tc.file, tc.content, tc.fields)
			res = htmxPost(t, e.Env, "officer_a", evPath, body, ctype)
			if res.Code != http.StatusOK {
				t.Errorf("%s (htmx): status %d", tc.name, res.Code)
			}
			wantInBody(t, tc.name+" (htmx)", res.Body.String(), tc.want, e.rowID("1.1"))
		}
		if n := len(e.evidence(t, path)); n != 3 {
			t.Errorf("%d documents cited after refusals, want 3", n)
		}

		// Removing one.
		evs = e.evidence(t, path)
		res = htmxPost(t, e.Env, "officer_a", "/index/evidence/"+strconv.FormatInt(evs[0].ID, 10)+"/delete",
			bytes.NewBuffer(nil), "application/x-www-form-urlencoded")
		if res.Code != http.StatusOK {
			t.Fatalf("remove: status %d", res.Code)
		}
		wantInBody(t, "row after removal", res.Body.String(), e.rowID("1.1"), "Chuyên mục CCHC")
		wantNotInBody(t, "row after removal", res.Body.String(), "Báo cáo tuyên truyền.pdf")
		res = officer.PostForm("/index/evidence/"+strconv.FormatInt(evs[1].ID, 10)+"/delete", nil)
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã bỏ tài liệu kiểm chứng") {
			t.Errorf("plain remove: status %d, flash %q", res.Code, unitFlashOf(res))
		}
		if n := len(e.evidence(t, path)); n != 1 {
			t.Errorf("%d documents cited after removing two, want 1", n)
		}
		if res := officer.PostForm("/index/evidence/999999/delete", nil); res.Code != http.StatusNotFound {
			t.Errorf("removing an unknown document: status %d", res.Code)
		}
	})
}

func TestIndexSelfSubmit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newSelfEnv(t, d)
		path := e.open(t)
		officer := e.Login(t, "officer_a")

		// Nothing scored: every item is named, linked to its row.
		res := officer.PostForm(path+"/submit", nil)
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("empty submit: status %d", res.Code)
		}
		body := res.Body.String()
		wantInBody(t, "empty submit", body, "Chưa nộp được bản tự chấm", "Hãy hoàn thiện 6 tiêu chí",
			`href="#item-`+strconv.FormatInt(e.items["1.2.2"], 10)+`"`, "Tiêu chí 1.2.2: chưa chấm điểm.")

		// Scored, but 1.1 requires evidence.
		e.selfScoreAll(t, path)
		res = officer.PostForm(path+"/submit", nil)
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("submit without evidence: status %d", res.Code)
		}
		body = res.Body.String()
		wantInBody(t, "submit without evidence", body, "Hãy hoàn thiện 1 tiêu chí",
			`<a href="#item-`+strconv.FormatInt(e.items["1.1"], 10)+`">Tiêu chí 1.1: thiếu tài liệu kiểm chứng`)
		// The message is on the row too.
		row := body[strings.Index(body, e.rowID("1.1")):]
		wantInBody(t, "row 1.1", row[:strings.Index(row, "idx-evidence")], "Tiêu chí 1.1: thiếu tài liệu kiểm chứng")
		if a := e.assessment(t, path); a.Status != index.StatusDraft {
			t.Fatalf("status after refusal: %s", a.Status)
		}

		res = officer.PostForm(e.itemPath(path, "1.1")+"/evidence", url.Values{"url": {"https://anphu.example.gov.vn/tin-cchc"},
			"title": {"Tin bài tuyên truyền CCHC"}, "locator": {"Chuyên mục CCHC"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("evidence: status %d", res.Code)
		}
		res = officer.PostForm(path+"/submit", nil)
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã nộp bản tự chấm") {
			t.Fatalf("submit: status %d, flash %q: %s", res.Code, unitFlashOf(res), res.Body.String())
		}
		if a := e.assessment(t, path); a.Status != index.StatusSubmitted || a.SubmittedAt == nil {
			t.Fatalf("after submit: %+v", a)
		}

		// Read only from now on.
		body = officer.Get(path).Body.String()
		wantInBody(t, "submitted page", body, "Đã nộp, chờ thẩm định", "chỉ xem, không sửa được", "Tự chấm: <strong>1,5 điểm</strong>",
			"Tin bài tuyên truyền CCHC")
		wantNotInBody(t, "submitted page", body, `hx-post="`+e.itemPath(path, "1.1")+`"`, "Thêm tài liệu kiểm chứng",
			`action="`+path+`/submit"`, "/delete")
		res = officer.PostForm(e.itemPath(path, "1.1"), url.Values{"points": {"2"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Bản tự chấm đã nộp") {
			t.Errorf("scoring after submit: status %d", res.Code)
		}
		res = officer.PostForm(e.itemPath(path, "1.1")+"/evidence", url.Values{"url": {"https://a.example/b"}, "title": {"B"}})
		if res.Code != http.StatusUnprocessableEntity {
			t.Errorf("evidence after submit: status %d", res.Code)
		}
		// A page left open: htmx gets the row back, read only, with the reason.
		res = selfHTMX(t, e, "officer_a", e.itemPath(path, "1.1")+"/evidence", url.Values{"url": {"https://a.example/b"}, "title": {"B"}})
		if res.Code != http.StatusOK {
			t.Errorf("htmx evidence after submit: status %d", res.Code)
		}
		wantInBody(t, "htmx evidence after submit", res.Body.String(), e.rowID("1.1"), "Bản tự chấm đã nộp: không thể sửa")
		res = selfHTMX(t, e, "officer_a", e.itemPath(path, "1.1"), url.Values{"points": {"2"}})
		wantInBody(t, "htmx score after submit", res.Body.String(), e.rowID("1.1"), "Bản tự chấm đã nộp: không thể sửa điểm tự chấm.")
		if n := len(e.evidence(t, path)); n != 1 {
			t.Errorf("%d documents after submission, want 1", n)
		}
		if sc := e.score(t, path, "1.1"); !selfSamePoints(sc.SelfPoints, selfPts(150)) {
			t.Errorf("1.1 after submission: %v", sc.SelfPoints)
		}
		if res := officer.PostForm(path+"/submit", nil); res.Code != http.StatusUnprocessableEntity {
			t.Errorf("submitting twice: status %d", res.Code)
		}
	})
}

func TestIndexSelfForbidden(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newSelfEnv(t, d)
		path := e.open(t)
		res := e.Login(t, "officer_a").PostForm(e.itemPath(path, "1.1")+"/evidence",
			url.Values{"url": {"https://anphu.example.gov.vn/a"}, "title": {"A"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("evidence: status %d", res.Code)
		}
		ev := strconv.FormatInt(e.evidence(t, path)[0].ID, 10)
		posts := []struct {
			path string
			form url.Values
		}{
			{e.itemPath(path, "1.1"), url.Values{"points": {"2"}}},
			{e.itemPath(path, "1.1") + "/evidence", url.Values{"url": {"https://b.example/"}, "title": {"B"}}},
			{"/index/evidence/" + ev + "/delete", nil},
			{path + "/refresh", nil},
			{path + "/submit", nil},
			{path + "/respond", url.Values{"overall": {"Đồng ý."}}},
		}
		for _, user := range []string{"officer_b", "leader_d", "appraiser"} {
			c := e.Login(t, user)
			for _, p := range posts {
				if res := c.PostForm(p.path, p.form); res.Code != http.StatusForbidden {
					t.Errorf("%s posts %s: status %d", user, p.path, res.Code)
				}
			}
		}
		if res := e.Login(t, "officer_b").Get(path); res.Code != http.StatusForbidden {
			t.Errorf("officer_b reads: status %d", res.Code)
		}
		if sc := e.score(t, path, "1.1"); sc.SelfPoints != nil {
			t.Errorf("a refused post scored 1.1: %v", *sc.SelfPoints)
		}
		if n := len(e.evidence(t, path)); n != 1 {
			t.Errorf("%d documents after refused posts", n)
		}
		if a := e.assessment(t, path); a.Status != index.StatusDraft {
			t.Errorf("status after refused posts: %s", a.Status)
		}
	})
}

func TestIndexSelfAppraisedAndResponse(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newSelfEnv(t, d)
		path := e.open(t)
		e.selfScoreAll(t, path)
		a := e.assessment(t, path)
		officerID, coord, appraiser := e.Users["officer_a"].ID, e.Users["coord"].ID, e.Users["appraiser"].ID
		if _, err := e.App.Index.AddEvidence(e.ctx, a.ID, e.items["1.1"], index.EvidenceInput{RefKind: index.EvidenceLink,
			URL: "https://anphu.example.gov.vn/tin", Title: "Tin bài"}, officerID); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.Index.Submit(e.ctx, a.ID, officerID); err != nil {
			t.Fatalf("submit: %v", err)
		}
		if err := e.App.Index.SetStage(e.ctx, e.f.ID, index.StageAppraisal, coord); err != nil {
			t.Fatalf("stage appraisal: %v", err)
		}
		// Before the appraisal is complete the unit sees no appraisal and no form.
		body := e.Login(t, "officer_a").Get(path).Body.String()
		wantNotInBody(t, "during appraisal", body, "Phản hồi kết quả thẩm định", "Lý do của Hội đồng thẩm định")

		one := rule.Points(100)
		if _, err := e.App.Index.Appraise(e.ctx, a.ID, e.items["1.1"], index.AppraisalInput{Points: &one,
			Reason: "Tin bài chưa nêu kết quả cụ thể."}, appraiser); err != nil {
			t.Fatalf("appraise: %v", err)
		}
		if _, err := e.App.Index.CompleteAppraisal(e.ctx, a.ID, appraiser); err != nil {
			t.Fatalf("complete: %v", err)
		}

		officer := e.Login(t, "officer_a")
		body = officer.Get(path).Body.String()
		wantInBody(t, "appraised page", body, "Đã thẩm định", "Tự chấm: <strong>1,5 điểm</strong> · Thẩm định: <strong>1 điểm</strong>",
			"Điều chỉnh", "Tin bài chưa nêu kết quả cụ thể.", "idx-diff", "Điểm thẩm định (tự chấm: 7)", "Chỉ số: 7,5 / 10 điểm", "75%",
			"Phản hồi kết quả thẩm định", `name="overall"`, `name="items.`+strconv.FormatInt(e.items["1.1"], 10)+`"`)
		// Only the changed item is offered a response.
		wantNotInBody(t, "appraised page", body, `name="items.`+strconv.FormatInt(e.items["1.2.1"], 10)+`"`)

		res := officer.PostForm(path+"/respond", url.Values{"items." + strconv.FormatInt(e.items["1.1"], 10): {"Đề nghị xem lại."}})
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("respond without overall: status %d", res.Code)
		}
		wantInBody(t, "respond without overall", res.Body.String(), "Hãy nhập ý kiến phản hồi.", "Đề nghị xem lại.")

		res = officer.PostForm(path+"/respond", url.Values{"overall": {"Đơn vị cơ bản thống nhất với kết quả thẩm định."},
			"items." + strconv.FormatInt(e.items["1.1"], 10): {"Đơn vị sẽ bổ sung số liệu."}})
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã gửi phản hồi") {
			t.Fatalf("respond: status %d, flash %q: %s", res.Code, unitFlashOf(res), res.Body.String())
		}
		body = officer.Get(path).Body.String()
		wantInBody(t, "responded page", body, "Phản hồi của đơn vị", "Đơn vị cơ bản thống nhất với kết quả thẩm định.",
			"Đơn vị sẽ bổ sung số liệu.")
		wantNotInBody(t, "responded page", body, `name="overall"`)

		res = officer.PostForm(path+"/respond", url.Values{"overall": {"Lần hai."}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "chỉ được phản hồi một lần") {
			t.Errorf("responding twice: status %d", res.Code)
		}
		if got := e.assessment(t, path); got.Status != index.StatusResponded || got.Response != "Đơn vị cơ bản thống nhất với kết quả thẩm định." {
			t.Errorf("after responses: status %s, response %q", got.Status, got.Response)
		}
	})
}

func selfPts(p rule.Points) *rule.Points { return &p }

func selfSamePoints(a, b *rule.Points) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}
