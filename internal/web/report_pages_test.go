package web_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
	"cchc/internal/testkit"
)

// reportToday is the day the report store judges deadlines on in these
// tests: the second quarter of 2026 is due on 05/06/2026.
var reportToday = civil.New(2026, time.May, 20)

func newReportEnv(t *testing.T, d *db.DB) *testkit.Env {
	t.Helper()
	env := testkit.New(t, d)
	env.App.Reports.Today = func() civil.Date { return reportToday }
	return env
}

// openQ2 opens commune A's report for the second quarter of 2026 as
// officer_a and returns its path.
func openQ2(t *testing.T, env *testkit.Env, c *testkit.Client) string {
	t.Helper()
	res := c.Get("/reports/open?form=CCHC&period=2026-Q2")
	if res.Code != http.StatusSeeOther {
		t.Fatalf("open: status %d: %s", res.Code, res.Body.String())
	}
	loc := res.Header().Get("Location")
	if !strings.HasPrefix(loc, "/reports/") {
		t.Fatalf("open redirects to %q", loc)
	}
	return loc
}

// dossiers are the figures of the one-stop desk with a broken rule: 3 early
// + 4 on time + 2 late is not the 15 processed.
func dossiers(late string) url.Values {
	return url.Values{
		"value.dossiers_carried": {"2"}, "value.dossiers_online": {"6"}, "value.dossiers_in_person": {"1.0"},
		"value.dossiers_post": {"0"}, "value.dossiers_processed": {"15"}, "value.processed_early": {"3"},
		"value.processed_on_time": {"4"}, "value.processed_late": {late},
		"text.tthc_results": {"Niêm yết đầy đủ thủ tục hành chính tại Bộ phận một cửa."},
	}
}

func TestReportFillAndReview(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		env := newReportEnv(t, d)
		officer := env.Login(t, "officer_a")

		list := officer.Get("/reports?year=2026")
		if list.Code != http.StatusOK {
			t.Fatalf("list: status %d", list.Code)
		}
		wantInBody(t, "officer's list", list.Body.String(), "Báo cáo của Xã An Phú", "Quý II/2026", "05/06/2026",
			"Chưa lập", "Còn 16 ngày", "Lập báo cáo", `href="/reports/open?form=CCHC&amp;period=2026-Q2"`)
		wantNotInBody(t, "officer's list", list.Body.String(), "Đôn đốc đơn vị chưa gửi")

		path := openQ2(t, env, officer)
		if again := openQ2(t, env, officer); again != path {
			t.Fatalf("opening twice gives %s then %s", path, again)
		}
		page := officer.Get(path)
		if page.Code != http.StatusOK {
			t.Fatalf("report page: status %d", page.Code)
		}
		body := page.Body.String()
		wantInBody(t, "draft page", body, "Xã An Phú", "Quý II/2026", "15/03/2026", "14/06/2026", "05/06/2026", "Đang soạn",
			`name="value.dossiers_processed"`, `id="rate-on_time_rate"`, "Cải cách thủ tục hành chính",
			`hx-post="`+path+`/draft"`, "Đã điền sẵn tiến độ", "Trong kỳ (từ 15/03/2026 đến 14/06/2026)")
		// Communes do not report inspections or online services by level.
		wantNotInBody(t, "draft page", body, `name="value.units_inspected"`, `name="value.services_full_online"`,
			`id="rate-issues_handled_rate"`, `name="value.on_time_rate"`)

		// Autosave as htmx posts it: the fragment has the time, the rate and the messages.
		auto := dossiers("2")
		auto.Set("value.apology_slips", "mười")
		auto.Set("value.staff_trained", "-3")
		res := htmxPost(t, env, "officer_a", path+"/draft", bytes.NewBufferString(auto.Encode()), "application/x-www-form-urlencoded")
		if res.Code != http.StatusOK {
			t.Fatalf("autosave: status %d: %s", res.Code, res.Body.String())
		}
		frag := res.Body.String()
		wantInBody(t, "autosave fragment", frag, `id="report-save-status"`, "Đã lưu lúc", "các ô có lỗi chưa được lưu",
			`<output id="rate-on_time_rate" class="rate" aria-labelledby="lbl-value-on_time_rate" hx-swap-oob="true">46,7%</output>`,
			`hx-swap-oob="true">“Phiếu xin lỗi và hẹn lại ngày trả kết quả đã gửi” phải là một số nguyên`,
			"“Lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng” không được âm.")
		wantNotInBody(t, "autosave fragment", frag, "<html", "Lịch sử báo cáo")
		rep, err := env.App.Reports.Get(ctx, reportID(t, path))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Values["dossiers_processed"] != 15 || rep.Values["dossiers_in_person"] != 10 || rep.Texts["tthc_results"] == "" {
			t.Errorf("autosave stored values %v, texts %v", rep.Values, rep.Texts)
		}
		if _, ok := rep.Values["apology_slips"]; ok {
			t.Errorf("a value that is not a number was stored: %v", rep.Values)
		}

		// Without JavaScript, "Lưu nháp" posts the form and comes back.
		res = officer.PostForm(path+"/draft", url.Values{"value.apology_slips": {"1"}})
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã lưu nháp") {
			t.Fatalf("plain draft: status %d, flash %q", res.Code, unitFlashOf(res))
		}

		// Submitting with the broken rule shows it beside the field and on top.
		res = officer.PostForm(path+"/submit", dossiers("2"))
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("submit with a broken rule: status %d", res.Code)
		}
		msg := "Hồ sơ giải quyết trước hạn, đúng hạn và quá hạn phải cộng lại bằng số hồ sơ đã giải quyết."
		wantInBody(t, "refused submission", res.Body.String(), "Báo cáo chưa gửi được",
			`<a href="#value-processed_early">Hồ sơ giải quyết trước hạn</a>: `+msg,
			`<p id="err-value-processed_early" class="field-error">`+msg+`</p>`, `value="2"`)
		if rep, _ = env.App.Reports.Get(ctx, rep.ID); rep.Status != report.StatusDraft {
			t.Fatalf("status after a refused submission = %s", rep.Status)
		}

		// Commune B's officer may neither read nor write A's report; the leader reads only.
		access := []struct {
			user, method, path string
			want               int
		}{
			{"officer_b", "GET", path, http.StatusForbidden},
			{"officer_b", "POST", path + "/draft", http.StatusForbidden},
			{"officer_b", "POST", path + "/submit", http.StatusForbidden},
			{"officer_b", "GET", "/reports/open?form=CCHC&period=2026-Q2&unit=" + itoa(env.CommuneA.ID), http.StatusForbidden},
			{"leader_d", "GET", path, http.StatusOK},
			{"leader_d", "POST", path + "/draft", http.StatusForbidden},
			{"leader_d", "POST", path + "/submit", http.StatusForbidden},
			{"leader_d", "POST", path + "/return", http.StatusForbidden},
			{"leader_d", "POST", path + "/accept", http.StatusForbidden},
			{"officer_a", "POST", path + "/accept", http.StatusForbidden},
			{"officer_a", "POST", path + "/return", http.StatusForbidden},
			{"appraiser", "POST", path + "/draft", http.StatusForbidden},
			{"coord", "GET", "/reports/999999", http.StatusNotFound},
		}
		for _, tt := range access {
			t.Run(tt.user+" "+tt.method+" "+tt.path, func(t *testing.T) {
				c := env.Login(t, tt.user)
				var code int
				if tt.method == "GET" {
					code = c.Get(tt.path).Code
				} else {
					code = c.PostForm(tt.path, url.Values{"value.processed_late": {"8"}, "comment": {"Sai"}}).Code
				}
				if code != tt.want {
					t.Errorf("got %d, want %d", code, tt.want)
				}
			})
		}
		leaderPage := env.Login(t, "leader_d").Get(path).Body.String()
		wantNotInBody(t, "leader's view", leaderPage, `name="value.`, "Gửi báo cáo</button>", "Trả lại báo cáo</button>")

		// Fixed, it goes through on time.
		res = officer.PostForm(path+"/submit", dossiers("8"))
		if res.Code != http.StatusSeeOther {
			t.Fatalf("submit: status %d: %s", res.Code, res.Body.String())
		}
		if got := unitFlashOf(res); got != "Đã gửi báo cáo Quý II/2026 của Xã An Phú (đúng hạn). Sở Nội vụ sẽ xem xét và phản hồi." {
			t.Errorf("flash = %q", got)
		}
		body = officer.Get(path).Body.String()
		wantInBody(t, "submitted page", body, "Đã nộp", "đúng hạn", "46,7%", "Báo cáo đã gửi, đang chờ Sở Nội vụ xem xét")
		wantNotInBody(t, "submitted page", body, `name="value.`, "Xem xét báo cáo")

		// The coordinator lists the units and returns the report; a comment is required.
		coord := env.Login(t, "coord")
		list = coord.Get("/reports?year=2026&period=2026-Q2")
		wantInBody(t, "coordinator's list", list.Body.String(), "Quý II/2026: báo cáo của các đơn vị", "Xã An Phú", "Xã Bình Minh",
			"Đôn đốc đơn vị chưa gửi", "/reports/timeliness?form=CCHC&amp;period=2026-Q2")
		missing := coord.Get("/reports?year=2026&period=2026-Q2&status=none").Body.String()
		wantInBody(t, "units without a report", missing, "Xã Bình Minh")
		wantNotInBody(t, "units without a report", missing, "<td>Xã An Phú</td>")
		wantInBody(t, "coordinator's report page", coord.Get(path).Body.String(), "Xem xét báo cáo", "Chấp nhận báo cáo")
		res = coord.PostForm(path+"/return", url.Values{"comment": {"  "}})
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("return without comment: status %d", res.Code)
		}
		wantInBody(t, "return without comment", res.Body.String(), "Hãy ghi lý do trả lại báo cáo.")
		comment := "Số phiếu xin lỗi chưa khớp với số hồ sơ quá hạn; đề nghị kiểm tra lại."
		res = coord.PostForm(path+"/return", url.Values{"comment": {comment}})
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã trả lại báo cáo Quý II/2026 của Xã An Phú") {
			t.Fatalf("return: status %d, flash %q", res.Code, unitFlashOf(res))
		}

		// The officer sees the comment, fixes and sends again.
		body = officer.Get(path).Body.String()
		wantInBody(t, "returned page", body, "Sở Nội vụ đã trả lại báo cáo", comment, "Bị trả lại", `name="value.apology_slips"`,
			"Người dùng coord")
		fixed := dossiers("8")
		fixed.Set("value.apology_slips", "8")
		if res = officer.PostForm(path+"/submit", fixed); res.Code != http.StatusSeeOther {
			t.Fatalf("resubmit: status %d: %s", res.Code, res.Body.String())
		}

		// The coordinator accepts; the report is locked for everyone.
		if res = coord.PostForm(path+"/accept", nil); res.Code != http.StatusSeeOther ||
			unitFlashOf(res) != "Đã chấp nhận báo cáo Quý II/2026 của Xã An Phú." {
			t.Fatalf("accept: status %d, flash %q", res.Code, unitFlashOf(res))
		}
		body = officer.Get(path).Body.String()
		wantInBody(t, "accepted page", body, "Đã chấp nhận", "Gửi lại báo cáo", "Trả lại báo cáo", "Chấp nhận báo cáo", comment)
		wantNotInBody(t, "accepted page", body, `name="value.`, "Sở Nội vụ đã trả lại báo cáo")
		if res = officer.PostForm(path+"/submit", fixed); res.Code != http.StatusUnprocessableEntity {
			t.Errorf("submit after acceptance: status %d", res.Code)
		}
		if res = coord.PostForm(path+"/accept", nil); res.Code != http.StatusUnprocessableEntity {
			t.Errorf("accept twice: status %d", res.Code)
		}
		wantInBody(t, "officer's list after acceptance", officer.Get("/reports?year=2026").Body.String(), "Đã chấp nhận", "Gửi đúng hạn")
		if rep, _ = env.App.Reports.Get(ctx, rep.ID); rep.Status != report.StatusAccepted || rep.Values["apology_slips"] != 8 {
			t.Errorf("final report: status %s, values %v", rep.Status, rep.Values)
		}
	})
}

func TestReportOpenRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newReportEnv(t, d)
		tests := []struct {
			name, user, path string
			want             int
			body             string
		}{
			{"leader cannot create", "leader_d", "/reports/open?form=CCHC&period=2026-Q2&unit=" + itoa(env.CommuneB.ID),
				http.StatusNotFound, "Đơn vị chưa lập báo cáo Quý II/2026."},
			{"no period", "officer_a", "/reports/open?form=CCHC", http.StatusBadRequest, "Thiếu kỳ báo cáo"},
			{"unknown form", "officer_a", "/reports/open?form=KHAC&period=2026-Q2", http.StatusNotFound, "Không tìm thấy"},
			{"bad period", "officer_a", "/reports/open?form=CCHC&period=2026-Q7", http.StatusUnprocessableEntity, "không tồn tại"},
			{"locked period", "officer_a", "/reports/open?form=CCHC&period=2025-Q4", http.StatusUnprocessableEntity, "đã khóa"},
			{"another unit", "officer_a", "/reports/open?form=CCHC&period=2026-Q2&unit=" + itoa(env.CommuneB.ID),
				http.StatusForbidden, "Không có quyền"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := env.Login(t, tt.user).Get(tt.path)
				if res.Code != tt.want {
					t.Fatalf("status %d, want %d: %s", res.Code, tt.want, res.Body.String())
				}
				wantInBody(t, tt.name, res.Body.String(), tt.body)
			})
		}
		// 2025-Q4 was generated by the attempt above: its periods exist now.
		if _, err := report.PeriodByCode(context.Background(), d, "2025-Q4"); err != nil {
			t.Errorf("period 2025-Q4: %v", err)
		}
	})
}

func reportID(t *testing.T, path string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(strings.TrimPrefix(path, "/reports/"), 10, 64)
	if err != nil {
		t.Fatalf("report path %q", path)
	}
	return id
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
