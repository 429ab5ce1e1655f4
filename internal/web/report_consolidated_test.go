package web_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/doctable"
	"cchc/internal/testkit"
)

// consolidationEnv is the test province with first-quarter 2026 reports:
// commune A and commune B submitted on time, Sở Nội vụ and the district
// not; commune A also reported for the fourth quarter of 2025. The
// district has an officer, so it can be reminded.
type consolidationEnv struct {
	*testkit.Env
	reportA int64
}

func newConsolidationEnv(t *testing.T, d *db.DB) consolidationEnv {
	t.Helper()
	ctx := context.Background()
	env := testkit.New(t, d)
	day := civil.New(2025, time.November, 20)
	env.App.Reports.Today = func() civil.Date { return day }
	submit := func(unitID int64, user, period string, values map[string]int64, texts map[string]string) int64 {
		t.Helper()
		uid := env.Users[user].ID
		r, err := env.App.Reports.Open(ctx, "CCHC", period, unitID, uid)
		if err != nil {
			t.Fatalf("open %s for unit %d: %v", period, unitID, err)
		}
		if _, err := env.App.Reports.SaveDraft(ctx, r.ID, values, texts, uid); err != nil {
			t.Fatalf("save %s for unit %d: %v", period, unitID, err)
		}
		if _, err := env.App.Reports.Submit(ctx, r.ID, uid); err != nil {
			t.Fatalf("submit %s for unit %d: %v", period, unitID, err)
		}
		return r.ID
	}
	submit(env.CommuneA.ID, "officer_a", "2025-Q4", map[string]int64{"dossiers_online": 3, "dossiers_processed": 3, "processed_on_time": 3}, nil)
	day = civil.New(2026, time.March, 3)
	a := submit(env.CommuneA.ID, "officer_a", "2026-Q1",
		map[string]int64{"dossiers_online": 10, "dossiers_processed": 8, "processed_early": 2, "processed_on_time": 5, "processed_late": 1},
		map[string]string{"tthc_results": "Niêm yết đầy đủ thủ tục hành chính tại Bộ phận một cửa."})
	submit(env.CommuneB.ID, "officer_b", "2026-Q1",
		map[string]int64{"dossiers_in_person": 4, "dossiers_processed": 4, "processed_on_time": 4},
		map[string]string{"tthc_results": "Giải quyết đúng hạn toàn bộ hồ sơ."})
	day = civil.New(2026, time.March, 9)
	if _, err := env.App.Users.CreateUser(ctx, auth.UserInput{Username: "officer_d", FullName: "Trần Thị Huyện", Email: "huyen@example.test",
		UnitID: env.District.ID, Roles: []auth.Role{auth.RoleOfficer}, Active: true, Password: testkit.Password}); err != nil {
		t.Fatal(err)
	}
	return consolidationEnv{Env: env, reportA: a}
}

func scopeQuery(unitID int64) string {
	return "unit=" + itoa(unitID) + "&period=2026-Q1&form=CCHC"
}

func TestReportConsolidatedPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newConsolidationEnv(t, d)
		coord := env.Login(t, "coord")
		res := coord.Get("/reports/consolidated?" + scopeQuery(env.Province.ID))
		if res.Code != http.StatusOK {
			t.Fatalf("consolidated: status %d: %s", res.Code, res.Body.String())
		}
		body := res.Body.String()
		wantInBody(t, "province consolidation", body, "Tổng hợp báo cáo: Tỉnh Thử Nghiệm", "Quý I/2026",
			"Hồ sơ đã giải quyết", "<strong>12</strong>", // 8 + 4 dossiers processed
			"<strong>91,7%</strong>", // (2 + 5 + 4) / 12, recomputed from the sums
			"Quý IV/2025", "Quý I/2025",
			`href="/reports/consolidated?form=CCHC&amp;period=2026-Q1&amp;unit=`+itoa(env.District.ID)+`"`, "Huyện Đông Sơn",
			"Sở Nội vụ", "Chưa lập", "Xã An Phú", "Niêm yết đầy đủ thủ tục hành chính tại Bộ phận một cửa.",
			"Giải quyết đúng hạn toàn bộ hồ sơ.", `/reports/consolidated.docx?form=CCHC&amp;period=2026-Q1&amp;unit=`+itoa(env.Province.ID))

		district := coord.Get("/reports/consolidated?" + scopeQuery(env.District.ID))
		wantInBody(t, "district consolidation", district.Body.String(), "Tổng hợp báo cáo: Huyện Đông Sơn",
			`href="/reports/`+itoa(env.reportA)+`"`, "Xã Bình Minh", "Tỉnh Thử Nghiệm")

		tests := []struct {
			name, user, path string
			code             int
		}{
			{"a leader sees its district", "leader_d", "/reports/consolidated?" + scopeQuery(env.District.ID), http.StatusOK},
			{"a leader does not see the province", "leader_d", "/reports/consolidated?" + scopeQuery(env.Province.ID), http.StatusForbidden},
			{"an officer sees its own unit by default", "officer_a", "/reports/consolidated?period=2026-Q1", http.StatusOK},
			{"an officer does not see another commune", "officer_a", "/reports/consolidated?" + scopeQuery(env.CommuneB.ID), http.StatusForbidden},
			{"an officer may not export another commune", "officer_a", "/reports/consolidated.docx?" + scopeQuery(env.CommuneB.ID), http.StatusForbidden},
			{"a leader may not export the province", "leader_d", "/reports/consolidated.xlsx?" + scopeQuery(env.Province.ID), http.StatusForbidden},
			{"an unknown unit", "coord", "/reports/consolidated?unit=999999&period=2026-Q1", http.StatusNotFound},
			{"another commune's report", "officer_b", "/reports/" + itoa(env.reportA) + "/export.docx", http.StatusForbidden},
			{"an unknown report", "coord", "/reports/999999/export.xlsx", http.StatusNotFound},
			{"the leader reads a commune's report", "leader_d", "/reports/" + itoa(env.reportA) + "/export.docx", http.StatusOK},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				if got := env.Login(t, tc.user).Get(tc.path).Code; got != tc.code {
					t.Errorf("GET %s as %s: status %d, want %d", tc.path, tc.user, got, tc.code)
				}
			})
		}
	})
}

// wordText returns every paragraph and cell of a Word file.
func wordText(t *testing.T, data []byte) string {
	t.Helper()
	doc, err := doctable.Read("bao-cao.docx", data)
	if err != nil {
		t.Fatalf("not a Word file: %v", err)
	}
	var b strings.Builder
	for _, bl := range doc.Blocks {
		b.WriteString(bl.Text + "\n")
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r.Cells {
					b.WriteString(c.Text + "\n")
				}
			}
		}
	}
	return b.String()
}

func TestReportExports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newConsolidationEnv(t, d)
		coord := env.Login(t, "coord")
		docx := coord.Get("/reports/consolidated.docx?" + scopeQuery(env.Province.ID))
		if docx.Code != http.StatusOK || !strings.HasPrefix(docx.Header().Get("Content-Type"), "application/vnd.openxmlformats-officedocument.wordprocessingml") {
			t.Fatalf("consolidated docx: status %d, type %q", docx.Code, docx.Header().Get("Content-Type"))
		}
		if cd := docx.Header().Get("Content-Disposition"); !strings.Contains(cd, "tong-hop-tinh-thu-nghiem-2026-q1.docx") {
			t.Errorf("Content-Disposition = %q", cd)
		}
		wantInBody(t, "consolidated Word text", wordText(t, docx.Body.Bytes()), "ỦY BAN NHÂN DÂN", "TỈNH THỬ NGHIỆM",
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
			"Kết quả công tác cải cách hành chính quý I năm 2026", "Thử Nghiệm, ngày 09 tháng 3 năm 2026",
			"Xã An Phú: Niêm yết đầy đủ thủ tục hành chính tại Bộ phận một cửa.", "Nơi nhận:", "Phụ lục I", "Phụ lục II")

		xlsx := coord.Get("/reports/consolidated.xlsx?" + scopeQuery(env.Province.ID))
		if xlsx.Code != http.StatusOK {
			t.Fatalf("consolidated xlsx: status %d", xlsx.Code)
		}
		x, err := excelize.OpenReader(bytes.NewReader(xlsx.Body.Bytes()))
		if err != nil {
			t.Fatalf("not a workbook: %v", err)
		}
		defer x.Close()
		if got := strings.Join(x.GetSheetList(), "|"); got != "Phụ lục số liệu|Đơn vị báo cáo" {
			t.Errorf("sheets = %s", got)
		}

		officer := env.Login(t, "officer_a")
		one := officer.Get("/reports/" + itoa(env.reportA) + "/export.docx")
		if one.Code != http.StatusOK {
			t.Fatalf("report docx: status %d", one.Code)
		}
		text := wordText(t, one.Body.Bytes())
		wantInBody(t, "report Word text", text, "UBND HUYỆN ĐÔNG SƠN", "XÃ AN PHÚ", "An Phú, ngày 09 tháng 3 năm 2026",
			"Niêm yết đầy đủ thủ tục hành chính tại Bộ phận một cửa.", "- Sở Nội vụ;")
		wantNotInBody(t, "report Word text", text, "Xã Bình Minh")
		if res := officer.Get("/reports/" + itoa(env.reportA) + "/export.xlsx"); res.Code != http.StatusOK {
			t.Errorf("report xlsx: status %d", res.Code)
		}
	})
}

func TestReportTimelinessAndRemind(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newConsolidationEnv(t, d)
		coord := env.Login(t, "coord")
		res := coord.Get("/reports/timeliness?" + scopeQuery(env.Province.ID))
		if res.Code != http.StatusOK {
			t.Fatalf("timeliness: status %d: %s", res.Code, res.Body.String())
		}
		body := res.Body.String()
		wantInBody(t, "timeliness", body, "Đôn đốc báo cáo: Tỉnh Thử Nghiệm", "Đơn vị chưa gửi báo cáo (2)",
			"Sở Nội vụ", "Huyện Đông Sơn", "Trần Thị Huyện", "huyen@example.test", "Chưa có tài khoản cán bộ",
			"05/03/2026", "Quá hạn 4 ngày", "Theo loại đơn vị", "Xã, phường, thị trấn, đặc khu", "Theo đơn vị cấp trên")
		wantNotInBody(t, "timeliness", body, "Người dùng officer_a")

		for _, user := range []string{"leader_d", "officer_a"} {
			c := env.Login(t, user)
			if got := c.Get("/reports/timeliness?" + scopeQuery(env.District.ID)).Code; got != http.StatusForbidden {
				t.Errorf("timeliness as %s: status %d, want 403", user, got)
			}
			form := url.Values{"unit": {itoa(env.District.ID)}, "period": {"2026-Q1"}, "form": {"CCHC"}}
			if got := c.PostForm("/reports/remind", form).Code; got != http.StatusForbidden {
				t.Errorf("remind as %s: status %d, want 403", user, got)
			}
		}

		form := url.Values{"unit": {itoa(env.Province.ID)}, "period": {"2026-Q1"}, "form": {"CCHC"}}
		tests := []struct {
			name, want string
		}{
			{"first reminder", "Đã gửi nhắc nhở đến 1 cán bộ của 1 đơn vị chưa gửi báo cáo. 1 đơn vị chưa có tài khoản cán bộ"},
			{"the same day again", "Hôm nay các cán bộ này đã được nhắc"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := coord.PostForm("/reports/remind", form)
				if res.Code != http.StatusSeeOther || !strings.HasPrefix(res.Header().Get("Location"), "/reports/timeliness?") {
					t.Fatalf("remind: status %d, location %q", res.Code, res.Header().Get("Location"))
				}
				if got := unitFlashOf(res); !strings.Contains(got, tc.want) {
					t.Errorf("flash = %q, want it to contain %q", got, tc.want)
				}
			})
		}
		officer := env.Login(t, "officer_d")
		notes := officer.Get("/notifications").Body.String()
		wantInBody(t, "district officer's notifications", notes, "Nhắc gửi báo cáo Quý I/2026",
			"nhắc Huyện Đông Sơn gửi báo cáo “Báo cáo công tác cải cách hành chính” Quý I/2026. Hạn gửi: 05/03/2026 (đã quá hạn 4 ngày).")

		// Only one unit: Sở Nội vụ has no officer.
		form.Set("only", itoa(env.SNV.ID))
		if got := unitFlashOf(coord.PostForm("/reports/remind", form)); !strings.Contains(got, "1 đơn vị chưa có tài khoản cán bộ") {
			t.Errorf("flash for Sở Nội vụ alone = %q", got)
		}
	})
}
