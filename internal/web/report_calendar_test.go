package web_test

import (
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

func TestReportCalendar(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")

		// The page generates the year's periods and says the rules in words.
		res := coord.Get("/report-calendar?year=2026")
		body := res.Body.String()
		for _, want := range []string{"Đơn vị gửi Sở Nội vụ trước ngày 05 tháng cuối quý; Sở Nội vụ gửi UBND tỉnh trước ngày 10 tháng cuối quý.",
			"Đơn vị gửi Sở Nội vụ trước ngày 25/11", "05/03/2026", "10/03/2026", "Quý I/2026", "Năm 2026"} {
			if !strings.Contains(body, want) {
				t.Errorf("calendar lacks %q", want)
			}
		}
		if res.Code != http.StatusOK {
			t.Fatalf("calendar: %d", res.Code)
		}
		q1, err := report.PeriodByCode(ctx, d, "2026-Q1")
		if err != nil {
			t.Fatalf("2026-Q1 not generated: %v", err)
		}
		types, _ := env.App.Reports.Types(ctx)
		quarterly := types[0]
		typePath := "/report-calendar/types/" + strconv.FormatInt(quarterly.ID, 10)
		tests := []struct {
			name   string
			form   url.Values
			status int
			want   string
		}{
			{"not a number", url.Values{"name": {"Báo cáo quý"}, "unit_deadline_day": {"năm"}, "grace_days": {"30"}},
				http.StatusUnprocessableEntity, "Hãy nhập một số nguyên."},
			{"day 40", url.Values{"name": {"Báo cáo quý"}, "unit_deadline_day": {"40"}, "grace_days": {"30"}},
				http.StatusUnprocessableEntity, "Ngày phải từ 1 đến 31"},
			{"no name", url.Values{"name": {" "}, "unit_deadline_day": {"5"}, "grace_days": {"30"}},
				http.StatusUnprocessableEntity, "Hãy nhập tên loại báo cáo."},
			{"saved", url.Values{"name": {"Báo cáo quý"}, "unit_deadline_day": {"7"}, "unit_deadline_offset": {"0"},
				"snv_deadline_day": {"12"}, "snv_deadline_offset": {"0"}, "cutoff_from_day": {"15"}, "cutoff_to_day": {"14"},
				"grace_days": {"20"}, "year": {"2026"}}, http.StatusSeeOther, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := coord.PostForm(typePath, tt.form)
				if res.Code != tt.status || !strings.Contains(res.Body.String(), tt.want) {
					t.Fatalf("status %d, want %d with %q", res.Code, tt.status, tt.want)
				}
			})
		}
		types, _ = env.App.Reports.Types(ctx)
		if got := types[0]; got.UnitDeadlineDay != 7 || got.SNVDeadlineDay != 12 || got.GraceDays != 20 || got.PeriodKind != report.PeriodQuarter {
			t.Errorf("saved type = %+v", got)
		}
		if res := coord.PostForm("/report-calendar/types/99999", url.Values{"name": {"X"}}); res.Code != http.StatusNotFound {
			t.Errorf("unknown type: %d", res.Code)
		}

		// Exceptions: every field checked, then one stored and listed.
		period := strconv.FormatInt(q1.ID, 10)
		unit := strconv.FormatInt(env.CommuneA.ID, 10)
		excTests := []struct {
			name   string
			form   url.Values
			status int
			want   []string
		}{
			{"empty", url.Values{"period_id": {period}}, http.StatusUnprocessableEntity,
				[]string{"Hãy tìm và chọn đơn vị được gia hạn.", "Hãy nhập hạn nộp mới.", "Hãy ghi lý do gia hạn."}},
			{"bad date", url.Values{"period_id": {period}, "unit_id": {unit}, "deadline": {"31/02/2026"}, "reason": {"Lũ"}},
				http.StatusUnprocessableEntity, []string{"Hạn nộp ghi theo dạng ngày/tháng/năm"}},
			{"before the period", url.Values{"period_id": {period}, "unit_id": {unit}, "deadline": {"15/12/2025"}, "reason": {"Lũ"}},
				http.StatusUnprocessableEntity, []string{"không được trước ngày bắt đầu kỳ (01/01/2026)"}},
			{"saved", url.Values{"period_id": {period}, "unit_id": {unit}, "deadline": {"20/03/2026"}, "reason": {"Lũ lụt kéo dài"}, "year": {"2026"}},
				http.StatusSeeOther, nil},
		}
		for _, tt := range excTests {
			t.Run(tt.name, func(t *testing.T) {
				res := coord.PostForm("/report-calendar/exceptions", tt.form)
				if res.Code != tt.status {
					t.Fatalf("status %d, want %d", res.Code, tt.status)
				}
				for _, w := range tt.want {
					if !strings.Contains(res.Body.String(), w) {
						t.Errorf("response lacks %q", w)
					}
				}
			})
		}
		deadline, _, err := report.DeadlineFor(ctx, d, q1, env.CommuneA.ID)
		if err != nil || deadline != civil.New(2026, time.March, 20) {
			t.Fatalf("Xã An Phú's deadline = %v, %v", deadline, err)
		}
		body = coord.Get("/report-calendar?year=2026").Body.String()
		if !strings.Contains(body, "Lũ lụt kéo dài") || !strings.Contains(body, "20/03/2026") {
			t.Error("the exception is not listed")
		}
		// The unit search of the exception form finds communes without accents.
		if body := coord.Get("/report-calendar?year=2026&unit_q=binh+minh").Body.String(); !strings.Contains(body, `value="`+strconv.FormatInt(env.CommuneB.ID, 10)+`"`) {
			t.Error("searching “binh minh” does not offer Xã Bình Minh")
		}
		if res := coord.PostForm("/report-calendar/exceptions", url.Values{"period_id": {"99999"}, "unit_id": {unit},
			"deadline": {"20/03/2026"}, "reason": {"x"}}); res.Code != http.StatusNotFound {
			t.Errorf("unknown period: %d", res.Code)
		}
	})
}

// TestReportAdhocPeriod: Sở Nội vụ adds an ad hoc (thematic) period with
// its own dates; bad dates come back beside their fields; officers may not.
func TestReportAdhocPeriod(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		bad := url.Values{"code": {"2026-Q1"}, "title": {"Chuyên đề"}, "starts_on": {"01/01/2026"}, "ends_on": {"31/13/2026"},
			"unit_deadline": {"10/07/2026"}, "year": {"2026"}}
		res := coord.PostForm("/report-calendar/adhoc", bad)
		body := res.Body.String()
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(body, "Ngày ghi theo dạng ngày/tháng/năm") {
			t.Fatalf("bad dates: %d", res.Code)
		}
		bad.Set("ends_on", "30/06/2026")
		if res := coord.PostForm("/report-calendar/adhoc", bad); res.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(res.Body.String(), "là mã của kỳ định kỳ") {
			t.Fatalf("calendar code: %d", res.Code)
		}
		good := url.Values{"code": {"2026-CD-ISO"}, "title": {"Báo cáo chuyên đề ISO 9001"}, "starts_on": {"01/01/2026"},
			"ends_on": {"30/06/2026"}, "unit_deadline": {"10/07/2026"}, "year": {"2026"}}
		if res := env.Login(t, "officer_a").PostForm("/report-calendar/adhoc", good); res.Code != http.StatusForbidden {
			t.Errorf("officer: %d, want 403", res.Code)
		}
		if res := coord.PostForm("/report-calendar/adhoc", good); res.Code != http.StatusSeeOther {
			t.Fatalf("add: %d %s", res.Code, res.Body.String())
		}
		if body := coord.Get("/report-calendar?year=2026").Body.String(); !strings.Contains(body, "Báo cáo chuyên đề ISO 9001") || !strings.Contains(body, "10/07/2026") {
			t.Error("the calendar does not list the new period")
		}
		p, err := report.PeriodByCode(t.Context(), d, "2026-CD-ISO")
		if err != nil || p.UnitDeadline != civil.New(2026, time.July, 10) {
			t.Errorf("stored %+v, %v", p, err)
		}
	})
}
