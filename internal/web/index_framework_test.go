package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/testkit"
)

func TestIndexFrameworkPermissions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		env := testkit.New(t, d)
		draft := indexFwCreate(t, env, 2025, "commune", true, index.StageDraft)
		open := indexFwCreate(t, env, 2025, "agency", true, index.StageSelf)
		changes := []struct{ method, path string }{
			{"POST", "/index/frameworks"},
			{"POST", indexFwPath(open.ID, "")},
			{"POST", indexFwPath(draft.ID, "/delete")},
			{"GET", indexFwPath(draft.ID, "/edit")},
			{"POST", indexFwPath(draft.ID, "/items")},
			{"POST", indexFwPath(draft.ID, "/import")},
			{"POST", indexFwPath(open.ID, "/bands")},
			{"POST", indexFwPath(open.ID, "/stage")},
			{"POST", indexFwPath(open.ID, "/publish")},
			// A draft is not shown to units.
			{"GET", indexFwPath(draft.ID, "")},
			{"GET", indexFwPath(draft.ID, "/export.xlsx")},
		}
		for _, who := range []string{"officer_a", "leader_d", "appraiser"} {
			c := env.Login(t, who)
			for _, tt := range changes {
				res := c.Get(tt.path)
				if tt.method == "POST" {
					res = c.PostForm(tt.path, url.Values{"year": {"2030"}, "unit_kind": {"commune"}, "title": {"X"},
						"stage": {index.StageAppraisal}, "published": {"1"}})
				}
				if res.Code != http.StatusForbidden {
					t.Errorf("%s %s %s = %d, want 403", who, tt.method, tt.path, res.Code)
				}
			}
			// Once open to units, anyone signed in reads the framework.
			for _, path := range []string{"/index", indexFwPath(open.ID, ""), indexFwPath(open.ID, "/export.xlsx")} {
				if res := c.Get(path); res.Code != http.StatusOK {
					t.Errorf("%s GET %s = %d, want 200", who, path, res.Code)
				}
			}
		}
		// Nothing was changed by the refusals.
		if f, err := env.App.Index.Framework(t.Context(), open.ID); err != nil || f.Stage != index.StageSelf || f.Title != open.Title {
			t.Errorf("framework after refusals: %+v, %v", f, err)
		}
		if fs, _ := env.App.Index.Frameworks(t.Context(), 2030); len(fs) != 0 {
			t.Errorf("a refused create made %d frameworks", len(fs))
		}
		if res := env.Login(t, "coord").Get(indexFwPath(99999, "")); res.Code != http.StatusNotFound {
			t.Errorf("unknown framework = %d, want 404", res.Code)
		}
	})
}

func TestIndexHome(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		env := testkit.New(t, d)
		old := indexFwCreate(t, env, 2024, "commune", true, index.StageFinal)
		communes := indexFwCreate(t, env, 2025, "commune", true, index.StageSelf)
		agencies := indexFwCreate(t, env, 2025, "agency", true, index.StageAppraisal)
		draft := indexFwCreate(t, env, 2026, "district", false, index.StageDraft)

		tests := []struct {
			who       string
			want, not []string
		}{
			{"coord", []string{"Năm 2026", "Năm 2025", "Năm 2024", draft.Title, "Đang soạn", "Đơn vị tự đánh giá",
				"Đang thẩm định", "Đã có kết quả", indexFwPath(agencies.ID, "/units"), indexFwPath(old.ID, "/results"),
				`action="/index/frameworks"`, `name="copy_from"`, "15/04/2026"}, nil},
			{"officer_a", []string{communes.Title, agencies.Title, indexFwPath(communes.ID, "/self"), "Tự đánh giá",
				indexFwPath(old.ID, "/results"), "Chưa tự đánh giá"},
				[]string{draft.Title, indexFwPath(agencies.ID, "/self"), indexFwPath(communes.ID, "/units"), `name="copy_from"`}},
			{"leader_d", []string{communes.Title, indexFwPath(old.ID, "/results")},
				[]string{draft.Title, "/self", indexFwPath(communes.ID, "/units"), `name="title"`}},
			{"appraiser", []string{indexFwPath(communes.ID, "/units"), indexFwPath(agencies.ID, "/units")},
				[]string{draft.Title, "/self", `name="title"`}},
		}
		for _, tt := range tests {
			res := env.Login(t, tt.who).Get("/index")
			body := res.Body.String()
			if res.Code != http.StatusOK {
				t.Fatalf("%s: status %d", tt.who, res.Code)
			}
			for _, s := range tt.want {
				if !strings.Contains(body, s) {
					t.Errorf("%s: home lacks %q", tt.who, s)
				}
			}
			for _, s := range tt.not {
				if strings.Contains(body, s) {
					t.Errorf("%s: home shows %q", tt.who, s)
				}
			}
			if i, j := strings.Index(body, "Năm 2025"), strings.Index(body, "Năm 2024"); tt.who == "coord" && (i < 0 || j < i) {
				t.Errorf("years not newest first")
			}
		}

		// Once the officer's unit has an assessment, its status shows and
		// links to it.
		a, err := env.App.Index.Open(t.Context(), communes.ID, env.CommuneA.ID, env.Users["officer_a"].ID)
		if err != nil {
			t.Fatal(err)
		}
		body := env.Login(t, "officer_a").Get("/index").Body.String()
		if !strings.Contains(body, "Đang tự chấm") || !strings.Contains(body, "/index/assessments/"+indexFwItoa(a.ID)) {
			t.Errorf("home does not show the officer's assessment")
		}
	})
}

func TestIndexFrameworkCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		last := indexFwCreate(t, env, 2024, "commune", true, index.StageFinal)

		tests := []struct {
			name   string
			form   url.Values
			status int
			want   string // in the flash (303) or the page (422)
		}{
			{"create", url.Values{"year": {"2025"}, "unit_kind": {"agency"}, "title": {"Bộ chỉ số 2025 các sở"}},
				http.StatusSeeOther, "Đã tạo bộ chỉ số “Bộ chỉ số 2025 các sở”"},
			{"same year and kind", url.Values{"year": {"2025"}, "unit_kind": {"agency"}, "title": {"Lần hai"}},
				http.StatusUnprocessableEntity, "Năm 2025 đã có bộ chỉ số"},
			{"no title, bad year", url.Values{"year": {"năm nay"}, "unit_kind": {"agency"}},
				http.StatusUnprocessableEntity, "Năm phải là một số"},
			{"no title", url.Values{"year": {"2027"}, "unit_kind": {"agency"}},
				http.StatusUnprocessableEntity, "Vui lòng nhập tên bộ chỉ số."},
			{"unknown kind", url.Values{"year": {"2027"}, "unit_kind": {"hamlet"}, "title": {"X"}},
				http.StatusUnprocessableEntity, "không có trong danh mục"},
			{"copy", url.Values{"copy_from": {indexFwItoa(last.ID)}, "copy_year": {"2025"}},
				http.StatusSeeOther, "Đã sao chép"},
			{"copy into a taken year", url.Values{"copy_from": {indexFwItoa(last.ID)}, "copy_year": {"2025"}},
				http.StatusUnprocessableEntity, "Năm 2025 đã có bộ chỉ số"},
			{"copy of nothing", url.Values{"copy_from": {"x"}, "copy_year": {"2026"}},
				http.StatusUnprocessableEntity, "Hãy chọn bộ chỉ số để sao chép."},
		}
		for _, tt := range tests {
			res := coord.PostForm("/index/frameworks", tt.form)
			if res.Code != tt.status {
				t.Fatalf("%s: status %d, want %d", tt.name, res.Code, tt.status)
			}
			got := res.Body.String()
			if res.Code == http.StatusSeeOther {
				got = indexFwFlash(res)
				if !strings.HasPrefix(res.Header().Get("Location"), "/index/frameworks/") {
					t.Errorf("%s: redirect to %q", tt.name, res.Header().Get("Location"))
				}
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s: %q lacks %q", tt.name, got, tt.want)
			}
			if res.Code == http.StatusUnprocessableEntity && tt.form.Has("title") && !strings.Contains(got, `value="`+tt.form.Get("title")+`"`) {
				t.Errorf("%s: the typed title is not kept", tt.name)
			}
		}
		copied, err := env.App.Index.FrameworkFor(ctx, 2025, "commune")
		if err != nil {
			t.Fatal(err)
		}
		items, _ := env.App.Index.Items(ctx, copied.ID)
		if copied.Stage != index.StageDraft || copied.CopiedFrom == nil || *copied.CopiedFrom != last.ID || len(items) != len(indexFwItems()) {
			t.Errorf("copy: %+v with %d items", copied, len(items))
		}
	})
}

func TestIndexFrameworkShow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		env := testkit.New(t, d)
		draft := indexFwCreate(t, env, 2025, "commune", true, index.StageDraft)
		open := indexFwCreate(t, env, 2025, "agency", true, index.StageSelf)
		final := indexFwCreate(t, env, 2024, "agency", true, index.StageFinal)
		table := []string{"Ban hành kế hoạch cải cách hành chính năm", "<strong>Công tác chỉ đạo, điều hành cải cách hành chính</strong>",
			"Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm", "Có: 1,5 điểm; không: 0 điểm",
			"Tự động: Kế hoạch CCHC năm ban hành đúng hạn", "Điểm thưởng", "Bắt buộc", "Cần đầu tư",
			"tổng điểm tối đa <strong>4,5</strong>", "điểm thưởng tối đa 0,5", "Xuất sắc", "Tải Excel"}
		tests := []struct {
			who       string
			f         index.Framework
			want, not []string
		}{
			{"coord", draft, append([]string{"Mở tự đánh giá", "Sửa danh mục tiêu chí", `name="bands[0].min_percent"`,
				`value="90"`, `name="self_deadline"`, "mặc định 15/04/2026", `action="/index/frameworks/` + indexFwItoa(draft.ID) + `/import"`,
				"Xoá bộ chỉ số", `name="unit_kind"`}, table...), nil},
			{"coord", open, []string{"Chuyển sang thẩm định", "Trả về soạn thảo", `type="hidden" name="year"`},
				[]string{"Sửa danh mục tiêu chí", "Xoá bộ chỉ số", "/import"}},
			{"coord", final, []string{"Công bố kết quả", indexFwPath(final.ID, "/results")},
				[]string{`name="bands[0].label"`, "Chuyển sang thẩm định"}},
			{"officer_a", open, table, []string{"Mở tự đánh giá", "Chuyển sang thẩm định", `name="title"`, `name="bands[0].label"`,
				"/import", "/self"}},
			{"leader_d", open, []string{"Từ 90%", "Xuất sắc", "Từ 0%"}, []string{`name="bands[0].label"`, "Sửa danh mục"}},
		}
		for _, tt := range tests {
			res := env.Login(t, tt.who).Get(indexFwPath(tt.f.ID, ""))
			body := res.Body.String()
			if res.Code != http.StatusOK {
				t.Fatalf("%s %s: status %d", tt.who, tt.f.Title, res.Code)
			}
			for _, s := range tt.want {
				if !strings.Contains(body, s) {
					t.Errorf("%s %s: page lacks %q", tt.who, tt.f.Title, s)
				}
			}
			for _, s := range tt.not {
				if strings.Contains(body, s) {
					t.Errorf("%s %s: page shows %q", tt.who, tt.f.Title, s)
				}
			}
		}
	})
}

func TestIndexFrameworkUpdate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		f := indexFwCreate(t, env, 2025, "commune", true, index.StageSelf)
		path := indexFwPath(f.ID, "")
		form := func(title, deadline, year string) url.Values {
			return url.Values{"year": {year}, "unit_kind": {"commune"}, "title": {title}, "self_deadline": {deadline}}
		}

		res := coord.PostForm(path, form("Bộ chỉ số xã 2025", "30/04/2026", "2025"))
		if res.Code != http.StatusSeeOther || !strings.Contains(indexFwFlash(res), "30/04/2026") {
			t.Fatalf("update: %d %q", res.Code, indexFwFlash(res))
		}
		got, _ := env.App.Index.Framework(ctx, f.ID)
		if got.Title != "Bộ chỉ số xã 2025" || got.SelfDeadline == nil || got.SelfDeadline.VN() != "30/04/2026" {
			t.Errorf("after update: %+v", got)
		}

		tests := []struct {
			name string
			form url.Values
			want string
		}{
			{"bad date", form("Tên mới", "31/02/2026", "2025"), "Hạn tự đánh giá “31/02/2026” không hợp lệ"},
			{"deadline in another year", form("Tên mới", "01/01/2030", "2025"), "Hạn tự đánh giá phải trong năm 2025 hoặc năm 2026."},
			{"year of an open framework", form("Tên mới", "", "2026"), "Chỉ đổi được năm khi bộ chỉ số đang soạn thảo."},
			{"no title", form(" ", "", "2025"), "Vui lòng nhập tên bộ chỉ số."},
		}
		for _, tt := range tests {
			res := coord.PostForm(path, tt.form)
			if body := res.Body.String(); res.Code != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want) {
				t.Errorf("%s: %d, want 422 with %q", tt.name, res.Code, tt.want)
			}
			if tt.form.Get("self_deadline") != "" && !strings.Contains(res.Body.String(), `value="`+tt.form.Get("self_deadline")+`"`) {
				t.Errorf("%s: the typed deadline is not kept", tt.name)
			}
		}
		// An empty deadline is the default again.
		res = coord.PostForm(path, form("Bộ chỉ số xã 2025", "", "2025"))
		if got, _ := env.App.Index.Framework(ctx, f.ID); res.Code != http.StatusSeeOther || got.SelfDeadline != nil {
			t.Errorf("clearing the deadline: %d, %v", res.Code, got.SelfDeadline)
		}
	})
}

func TestIndexItemsEditor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		f := indexFwCreate(t, env, 2025, "commune", true, index.StageDraft)
		path := indexFwPath(f.ID, "/items")

		res := coord.Get(indexFwPath(f.ID, "/edit"))
		body := res.Body.String()
		for _, want := range []string{`name="items[0].number" value="1"`, `name="items[2].rule" value="Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm"`,
			`name="items[5].max_points" value="0,5"`, `name="items[10].number" value=""`, `id="tpl-index-item"`, `name="items[__I__].number"`,
			"Tự động: Báo cáo định kỳ nộp đúng hạn"} {
			if !strings.Contains(body, want) {
				t.Errorf("editor lacks %s", want)
			}
		}
		if strings.Contains(body, `name="items[11].number"`) || strings.Contains(body, `name="items[0].max_points" value="3"`) {
			t.Error("editor shows more than 5 empty rows, or a parent's maximum")
		}

		// Saving: rows in any order (a sub-criterion added at the end), an
		// empty row, rules typed or chosen.
		rows := [][]string{
			{"1", "Chỉ đạo, điều hành", "", "score", "", "", "", "", "", ""},
			{"1.1", "Kế hoạch năm", "1", "score", "", "Tự động: Kế hoạch CCHC năm ban hành đúng hạn", "", "", "1", ""},
			{"", "", "", "score", "", "", "", "", "", ""},
			{"2", "Thủ tục hành chính", "", "score", "", "", "", "", "", ""},
			{"2.1", "Công khai thủ tục", "1,5", "score", "yesno", "", "hard", "Xem cổng dịch vụ công", "", "1"},
			{"1.2", "Báo cáo định kỳ", "2", "score", "tiers", ">90%: 2; 70-90%: 1; <70%: 0", "routine", "", "", ""},
		}
		res = coord.PostForm(path, indexFwItemValues(rows))
		if res.Code != http.StatusSeeOther || !strings.Contains(indexFwFlash(res), "5 mục") {
			t.Fatalf("save: %d %q %s", res.Code, indexFwFlash(res), res.Body.String())
		}
		items, err := env.App.Index.Items(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		var numbers []string
		for _, it := range items {
			numbers = append(numbers, it.Number)
		}
		if strings.Join(numbers, " ") != "1 1.1 1.2 2 2.1" {
			t.Errorf("saved order %v", numbers)
		}
		if it := items[1]; it.Rule.Type != rule.TypeAuto || it.Rule.Source != rule.SourcePlanOnTime || !it.EvidenceRequired {
			t.Errorf("1.1 saved as %+v", it)
		}
		if it := items[2]; it.Rule.Type != rule.TypeTiers || len(it.Rule.Tiers) != 3 || it.GroupTag != index.GroupRoutine {
			t.Errorf("1.2 saved as %+v", it)
		}
		if it := items[4]; it.Rule.Type != rule.TypeYesNo || !it.Optional || it.MaxPoints != 150 || it.Guidance != "Xem cổng dịch vụ công" {
			t.Errorf("2.1 saved as %+v", it)
		}
		if items[0].MaxPoints != 300 {
			t.Errorf("field 1 max = %s, want the sum 3", items[0].MaxPoints)
		}

		// Problems come back on their rows; nothing is saved; what was
		// typed is kept.
		bad := [][]string{
			{"1", "Chỉ đạo, điều hành", "", "score", "", "", "", "", "", ""},
			{"1.1", "Kế hoạch năm", "một", "score", "", "", "", "", "", ""},
			{"1.2", "Báo cáo", "2", "score", "yesno", "Trên 90%: 2 điểm; dưới 90%: 0 điểm", "", "", "", ""},
			{"1.3", "Thời tiết", "1", "score", "", "Tự động: thời tiết", "", "", "", ""},
		}
		res = coord.PostForm(path, indexFwItemValues(bad))
		body = res.Body.String()
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("bad rows: status %d", res.Code)
		}
		for _, want := range []string{"Dòng 2: điểm tối đa “một” không phải số điểm", "Dòng 3: cách chấm", "khác loại đã chọn “Có/không”",
			"Dòng 4:", `value="một"`, `name="items[3].rule" value="Tự động: thời tiết"`, "Danh mục chưa được lưu: có 3 lỗi"} {
			if !strings.Contains(body, want) {
				t.Errorf("bad rows: page lacks %q", want)
			}
		}
		// The store's own checks (a missing parent, a leaf without a
		// maximum) name rows too.
		res = coord.PostForm(path, indexFwItemValues([][]string{
			{"1", "Chỉ đạo", "", "score", "", "", "", "", "", ""},
			{"1.1", "Kế hoạch", "", "score", "", "", "", "", "", ""},
			{"3.1", "Lạc", "1", "score", "", "", "", "", "", ""},
		}))
		body = res.Body.String()
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(body, "Dòng 2: chưa nhập điểm tối đa") ||
			!strings.Contains(body, "Dòng 3: chưa có lĩnh vực “3”") {
			t.Errorf("store problems: %d", res.Code)
		}
		if after, _ := env.App.Index.Items(ctx, f.ID); len(after) != len(items) {
			t.Errorf("a refused save changed the items: %d, want %d", len(after), len(items))
		}

		// Without JavaScript: add brings empty rows, remove drops a row;
		// neither saves.
		v := indexFwItemValues(rows)
		v.Set("op", "remove/1")
		res = coord.PostForm(path, v)
		body = res.Body.String()
		if res.Code != http.StatusOK || strings.Contains(body, "Kế hoạch năm") || !strings.Contains(body, "Thay đổi chưa được lưu") {
			t.Errorf("remove: %d", res.Code)
		}
		v.Set("op", "add")
		res = coord.PostForm(path, v)
		if body := res.Body.String(); res.Code != http.StatusOK || !strings.Contains(body, `name="items[9].number" value=""`) {
			t.Errorf("add: %d", res.Code)
		}
		if after, _ := env.App.Index.Items(ctx, f.ID); len(after) != len(items) {
			t.Errorf("add or remove saved the items")
		}

		// Once open to units, the list is frozen.
		if err := env.App.Index.SetStage(ctx, f.ID, index.StageSelf, 0); err != nil {
			t.Fatal(err)
		}
		res = coord.Get(indexFwPath(f.ID, "/edit"))
		if res.Code != http.StatusSeeOther || !strings.Contains(indexFwFlash(res), "đang soạn thảo") {
			t.Errorf("edit of an open framework: %d %q", res.Code, indexFwFlash(res))
		}
		res = coord.PostForm(path, indexFwItemValues(rows))
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Chỉ sửa được danh mục tiêu chí khi bộ chỉ số đang soạn thảo.") {
			t.Errorf("save to an open framework: %d", res.Code)
		}
	})
}

func TestIndexBandsSave(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		f := indexFwCreate(t, env, 2025, "commune", true, index.StageSelf)
		path := indexFwPath(f.ID, "/bands")
		bands := func(pairs ...string) url.Values {
			v := url.Values{}
			for i := 0; i+1 < len(pairs); i += 2 {
				v.Set("bands["+indexFwItoa(int64(i/2))+"].min_percent", pairs[i])
				v.Set("bands["+indexFwItoa(int64(i/2))+"].label", pairs[i+1])
			}
			return v
		}

		res := coord.PostForm(path, bands("0", "Chưa đạt", "", "", "85,5", "Đạt", "95%", "Tốt"))
		if res.Code != http.StatusSeeOther || !strings.Contains(indexFwFlash(res), "3 mức") {
			t.Fatalf("save: %d %q", res.Code, indexFwFlash(res))
		}
		got, _ := env.App.Index.Bands(ctx, f.ID)
		want := []index.Band{{MinPercent: 9500, Label: "Tốt"}, {MinPercent: 8550, Label: "Đạt"}, {MinPercent: 0, Label: "Chưa đạt"}}
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("bands = %+v, want %+v", got, want)
		}

		tests := []struct {
			name string
			form url.Values
			want string
		}{
			{"not a percent", bands("nhiều", "Tốt", "0", "Yếu"), "Dòng 1: “nhiều” không phải tỷ lệ phần trăm"},
			{"no minimum", bands("", "Tốt", "0", "Yếu"), "Dòng 1: chưa nhập mức tối thiểu"},
			{"duplicate", bands("50", "Khá", "50", "Đạt", "0", "Yếu"), "Dòng 2: mức 50% trùng với dòng 1."},
			{"no lowest", bands("50", "Đạt"), "Mức xếp loại thấp nhất phải từ 0%"},
			{"none", bands(), "Cần ít nhất một mức xếp loại."},
		}
		for _, tt := range tests {
			res := coord.PostForm(path, tt.form)
			if body := res.Body.String(); res.Code != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want) {
				t.Errorf("%s: %d, want 422 with %q", tt.name, res.Code, tt.want)
			}
		}
		if after, _ := env.App.Index.Bands(ctx, f.ID); len(after) != 3 {
			t.Errorf("a refused save changed the bands: %+v", after)
		}
	})
}

func TestIndexFrameworkImportExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		src := indexFwCreate(t, env, 2024, "commune", true, index.StageSelf)
		dst := indexFwCreate(t, env, 2025, "commune", false, index.StageDraft)

		res := env.Login(t, "officer_a").Get(indexFwPath(src.ID, "/export.xlsx"))
		if res.Code != http.StatusOK || !strings.Contains(res.Header().Get("Content-Disposition"), "bo-chi-so-2024-commune.xlsx") {
			t.Fatalf("export: %d %q", res.Code, res.Header().Get("Content-Disposition"))
		}
		workbook := res.Body.Bytes()
		x, err := excelize.OpenReader(bytes.NewReader(workbook))
		if err != nil {
			t.Fatalf("the export does not open: %v", err)
		}
		rows, err := x.GetRows("Bộ chỉ số")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, row := range rows {
			if strings.Contains(strings.Join(row, "|"), "Mức độ hoàn thành kế hoạch") {
				found = true
			}
		}
		if !found {
			t.Errorf("the export lacks the items: %v", rows)
		}

		// The export imports back into a draft.
		res = indexFwUpload(coord, indexFwPath(dst.ID, "/import"), "bo-chi-so.xlsx", workbook)
		if res.Code != http.StatusSeeOther || !strings.Contains(indexFwFlash(res), "Đã nhập 6 mục") {
			t.Fatalf("import: %d %q %s", res.Code, indexFwFlash(res), res.Body.String())
		}
		items, _ := env.App.Index.Items(ctx, dst.ID)
		if len(items) != 6 || items[2].Rule.Type != rule.TypeTiers {
			t.Errorf("imported items: %+v", items)
		}

		// A workbook with bad cells lists each by sheet, row and column.
		var points, number string
		for i, row := range rows {
			if len(row) > 0 && row[0] == "1.2" {
				points, number = "C"+indexFwItoa(int64(i+1)), "A"+indexFwItoa(int64(i+1))
			}
		}
		if points == "" {
			t.Fatalf("no row 1.2 in the export")
		}
		_ = x.SetCellValue("Bộ chỉ số", points, "hai điểm")
		_ = x.SetCellValue("Bộ chỉ số", number, "1.1")
		var bad bytes.Buffer
		if err := x.Write(&bad); err != nil {
			t.Fatal(err)
		}
		res = indexFwUpload(coord, indexFwPath(dst.ID, "/import"), "loi.xlsx", bad.Bytes())
		body := res.Body.String()
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("bad import: status %d", res.Code)
		}
		for _, want := range []string{"Không nhập được tệp loi.xlsx", "Bộ chỉ số", "“hai điểm” không phải số điểm",
			"trùng với dòng", "C (Điểm tối đa)", "A (STT)", "<td class=\"num\">" + strings.TrimPrefix(points, "C") + "</td>"} {
			if !strings.Contains(body, want) {
				t.Errorf("bad import: page lacks %q", want)
			}
		}
		// Not a workbook; no file; a framework open to units.
		for _, tt := range []struct {
			name, path string
			file       []byte
			want       string
		}{
			{"text file", indexFwPath(dst.ID, "/import"), []byte("STT;Tên"), "Tệp không phải tệp Excel"},
			{"open framework", indexFwPath(src.ID, "/import"), workbook, "Chỉ nhập được danh mục tiêu chí khi bộ chỉ số đang soạn thảo."},
		} {
			res := indexFwUpload(coord, tt.path, "x.xlsx", tt.file)
			if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), tt.want) {
				t.Errorf("%s: %d, want 422 with %q", tt.name, res.Code, tt.want)
			}
		}
		res = coord.PostForm(indexFwPath(dst.ID, "/import"), url.Values{})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Vui lòng chọn tệp Excel") {
			t.Errorf("no file: %d", res.Code)
		}
		if after, _ := env.App.Index.Items(ctx, dst.ID); len(after) != 6 {
			t.Errorf("a refused import changed the items: %d", len(after))
		}
	})
}

func TestIndexFrameworkStages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		empty := indexFwCreate(t, env, 2025, "agency", false, index.StageDraft)
		f := indexFwCreate(t, env, 2025, "commune", true, index.StageDraft)

		tests := []struct {
			name      string
			f         index.Framework
			path      string
			form      url.Values
			flash     string
			wantStage string
			published bool
		}{
			{"open with no items", empty, "/stage", url.Values{"stage": {index.StageSelf}}, "chưa có tiêu chí nào", index.StageDraft, false},
			{"open", f, "/stage", url.Values{"stage": {index.StageSelf}}, "“Đơn vị tự đánh giá”", index.StageSelf, false},
			{"publish before final", f, "/publish", url.Values{"published": {"1"}}, "Chỉ công bố được kết quả sau khi đã chốt kết quả.", index.StageSelf, false},
			{"final through the stage form", f, "/stage", url.Values{"stage": {index.StageFinal}}, "Chốt kết quả", index.StageSelf, false},
			{"to appraisal", f, "/stage", url.Values{"stage": {index.StageAppraisal}}, "“Đang thẩm định”", index.StageAppraisal, false},
			{"back to draft from appraisal", f, "/stage", url.Values{"stage": {index.StageDraft}}, "Không chuyển được", index.StageAppraisal, false},
			{"reopen", f, "/stage", url.Values{"stage": {index.StageSelf}}, "“Đơn vị tự đánh giá”", index.StageSelf, false},
			{"unknown stage", f, "/stage", url.Values{"stage": {"done"}}, "không hợp lệ", index.StageSelf, false},
			{"back to draft", f, "/stage", url.Values{"stage": {index.StageDraft}}, "“Đang soạn”", index.StageDraft, false},
		}
		for _, tt := range tests {
			res := coord.PostForm(indexFwPath(tt.f.ID, tt.path), tt.form)
			if res.Code != http.StatusSeeOther || !strings.Contains(indexFwFlash(res), tt.flash) {
				t.Errorf("%s: %d %q, want 303 with %q", tt.name, res.Code, indexFwFlash(res), tt.flash)
			}
			got, _ := env.App.Index.Framework(ctx, tt.f.ID)
			if got.Stage != tt.wantStage || got.Published != tt.published {
				t.Errorf("%s: stage %s published %v, want %s %v", tt.name, got.Stage, got.Published, tt.wantStage, tt.published)
			}
		}

		// A final framework is published and unpublished.
		final := indexFwCreate(t, env, 2024, "commune", true, index.StageFinal)
		for _, tt := range []struct {
			value string
			want  bool
			flash string
		}{{"1", true, "Đã công bố"}, {"0", false, "Đã thôi công bố"}} {
			res := coord.PostForm(indexFwPath(final.ID, "/publish"), url.Values{"published": {tt.value}})
			got, _ := env.App.Index.Framework(ctx, final.ID)
			if res.Code != http.StatusSeeOther || got.Published != tt.want || !strings.Contains(indexFwFlash(res), tt.flash) {
				t.Errorf("publish %s: %d, published %v", tt.value, res.Code, got.Published)
			}
		}
	})
}

func TestIndexFrameworkDelete(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		draft := indexFwCreate(t, env, 2025, "commune", true, index.StageDraft)
		open := indexFwCreate(t, env, 2025, "agency", true, index.StageSelf)

		res := coord.PostForm(indexFwPath(open.ID, "/delete"), nil)
		if res.Code != http.StatusSeeOther || !strings.Contains(indexFwFlash(res), "Chỉ xoá được bộ chỉ số đang soạn thảo.") {
			t.Errorf("delete an open framework: %d %q", res.Code, indexFwFlash(res))
		}
		if _, err := env.App.Index.Framework(ctx, open.ID); err != nil {
			t.Errorf("the open framework is gone: %v", err)
		}
		res = coord.PostForm(indexFwPath(draft.ID, "/delete"), nil)
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/index" || !strings.Contains(indexFwFlash(res), "Đã xoá") {
			t.Errorf("delete a draft: %d %q", res.Code, indexFwFlash(res))
		}
		if _, err := env.App.Index.Framework(ctx, draft.ID); err == nil {
			t.Error("the draft is still there")
		}
	})
}
