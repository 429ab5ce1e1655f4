package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestWorkItemAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		f := newWorkFixture(t, env)
		progress := url.Values{"percent": {"10"}, "note": {"Đã họp triển khai"}}
		tests := []struct {
			user, method, path string
			want               int
		}{
			{"officer_a", "GET", itemPath(f.itemA, ""), http.StatusOK},
			{"officer_a", "GET", itemPath(f.itemB, ""), http.StatusForbidden},
			{"officer_a", "POST", itemPath(f.itemB, "/progress"), http.StatusForbidden},
			{"officer_a", "POST", itemPath(f.itemB, "/hold"), http.StatusForbidden},
			{"officer_a", "POST", itemPath(f.itemB, "/evidence"), http.StatusForbidden},
			{"leader_d", "GET", itemPath(f.itemA, ""), http.StatusOK},
			{"leader_d", "POST", itemPath(f.itemA, "/progress"), http.StatusForbidden},
			{"appraiser", "GET", itemPath(f.itemB, ""), http.StatusOK},
			{"appraiser", "POST", itemPath(f.itemB, "/progress"), http.StatusForbidden},
			// XB coordinates the task: it sees XA's item and may contribute, not update.
			{"officer_b", "GET", itemPath(f.itemCoordinated, ""), http.StatusOK},
			{"officer_b", "POST", itemPath(f.itemCoordinated, "/progress"), http.StatusForbidden},
			{"officer_b", "GET", itemPath(f.itemA, ""), http.StatusForbidden},
			{"officer_b", "POST", itemPath(f.itemA, "/contributions"), http.StatusForbidden},
			{"coord", "GET", "/work-items/999999", http.StatusNotFound},
		}
		for _, tt := range tests {
			t.Run(tt.user+" "+tt.method+" "+tt.path, func(t *testing.T) {
				c := env.Login(t, tt.user)
				var code int
				if tt.method == "GET" {
					code = c.Get(tt.path).Code
				} else {
					code = c.PostForm(tt.path, progress).Code
				}
				if code != tt.want {
					t.Errorf("got %d, want %d", code, tt.want)
				}
			})
		}
		for _, w := range []int64{f.itemB.ID, f.itemA.ID} {
			if got, _ := env.App.Plans.WorkItem(context.Background(), w); got.Percent != 0 {
				t.Errorf("refused posts changed item %d: percent %d", w, got.Percent)
			}
		}
	})
}

func TestWorkItemProgress(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		f := newWorkFixture(t, env)
		ctx := context.Background()
		c := env.Login(t, "officer_a")
		res := c.PostForm(itemPath(f.itemCoordinated, "/progress"), url.Values{"percent": {"40"}, "note": {"Đã số hóa 40% hồ sơ"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("progress: status %d: %s", res.Code, res.Body.String())
		}
		w, err := env.App.Plans.WorkItem(ctx, f.itemCoordinated.ID)
		if err != nil || w.Percent != 40 {
			t.Fatalf("percent = %d, %v; want 40", w.Percent, err)
		}
		ups, err := env.App.Plans.Updates(ctx, w.ID)
		if err != nil || len(ups) != 1 || ups[0].Note != "Đã số hóa 40% hồ sơ" {
			t.Fatalf("history = %+v, %v", ups, err)
		}
		wantInBody(t, "item page", c.Get(itemPath(w, "")).Body.String(), "Đã số hóa 40% hồ sơ", `value="40"`, "Lịch sử cập nhật")

		tests := []struct {
			name   string
			form   url.Values
			field  string
			status int
		}{
			{"completion in the future", url.Values{"percent": {"100"}, "completed_on": {"20/06/2026"}},
				"Ngày hoàn thành không được sau hôm nay (15/06/2026).", http.StatusUnprocessableEntity},
			{"percent out of range", url.Values{"percent": {"120"}}, "Tiến độ phải từ 0 đến 100%.", http.StatusUnprocessableEntity},
			{"percent not a number", url.Values{"percent": {"mười"}}, "Tiến độ phải là một số từ 0 đến 100.", http.StatusUnprocessableEntity},
			{"bad date", url.Values{"percent": {"100"}, "completed_on": {"32/01/2026"}}, "Ngày hoàn thành “32/01/2026” không hợp lệ", http.StatusUnprocessableEntity},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := c.PostForm(itemPath(w, "/progress"), tt.form)
				if res.Code != tt.status {
					t.Fatalf("status %d, want %d", res.Code, tt.status)
				}
				wantInBody(t, tt.name, res.Body.String(), tt.field)
			})
		}
		if w, _ = env.App.Plans.WorkItem(ctx, w.ID); w.Percent != 40 {
			t.Errorf("refused reports changed the item: %d%%", w.Percent)
		}

		// Completing on 10/06/2026, before the due day, is done on time.
		if res := c.PostForm(itemPath(w, "/progress"), url.Values{"percent": {"100"}, "completed_on": {"10/06/2026"}}); res.Code != http.StatusSeeOther {
			t.Fatalf("complete: status %d", res.Code)
		}
		wantInBody(t, "completed item", c.Get(itemPath(w, "")).Body.String(), "Hoàn thành đúng hạn", "10/06/2026")

		// Pausing needs a reason.
		res = c.PostForm(itemPath(f.itemA, "/hold"), url.Values{"hold": {"paused"}})
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("pause without reason: status %d", res.Code)
		}
		wantInBody(t, "pause without reason", res.Body.String(), "Vui lòng nhập lý do tạm dừng.")
		if res = c.PostForm(itemPath(f.itemA, "/hold"), url.Values{"hold": {"paused"}, "hold_reason": {"Chờ hướng dẫn của tỉnh"}}); res.Code != http.StatusSeeOther {
			t.Fatalf("pause: status %d", res.Code)
		}
		wantInBody(t, "paused item", c.Get(itemPath(f.itemA, "")).Body.String(), "Tạm dừng", "Chờ hướng dẫn của tỉnh")

		// The coordinating unit reports what it did.
		cb := env.Login(t, "officer_b")
		if res = cb.PostForm(itemPath(f.itemCoordinated, "/contributions"), url.Values{"note": {""}}); res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("empty contribution: status %d", res.Code)
		}
		if res = cb.PostForm(itemPath(f.itemCoordinated, "/contributions"), url.Values{"note": {"Đã cung cấp danh mục hồ sơ"}}); res.Code != http.StatusSeeOther {
			t.Fatalf("contribution: status %d: %s", res.Code, res.Body.String())
		}
		wantInBody(t, "contribution", c.Get(itemPath(f.itemCoordinated, "")).Body.String(), "Đã cung cấp danh mục hồ sơ", env.CommuneB.Name)
	})
}
