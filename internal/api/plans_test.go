package api_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/files"
	"cchc/internal/plan"
	"cchc/internal/testkit"
)

// idInto stores the "id" of the response in dst.
func idInto(dst *int64) func(t *testing.T, res *httptest.ResponseRecorder, doc any) {
	return func(t *testing.T, _ *httptest.ResponseRecorder, doc any) {
		t.Helper()
		id, ok := lookup(doc, "id").(float64)
		if !ok || id <= 0 {
			t.Fatalf("no id in response")
		}
		*dst = int64(id)
	}
}

// allUnits checks every listed item belongs to unit.
func allUnits(unit int64) func(t *testing.T, res *httptest.ResponseRecorder, doc any) {
	return func(t *testing.T, _ *httptest.ResponseRecorder, doc any) {
		t.Helper()
		items, _ := lookup(doc, "items").([]any)
		if len(items) == 0 {
			t.Fatal("no items")
		}
		for _, it := range items {
			if got := fmt.Sprint(lookup(it, "unit_id")); got != fmt.Sprint(unit) {
				t.Errorf("item of unit %s listed, want only %d", got, unit)
			}
		}
	}
}

// planWorld is a province with an issued 2025 plan of the province and a
// task led by every commune, seen on 15/06/2025.
type planWorld struct {
	env                *testkit.Env
	h                  *harness
	planID, taskID     int64
	itemA, itemB       int64 // the task's work items of XA and XB
	draftID, laterTask int64
	communesID         int64
}

var apiToday = civil.New(2025, time.June, 15)

// newPlanWorld builds the world through the API, checking each step.
func newPlanWorld(t *testing.T, d *db.DB) *planWorld {
	t.Helper()
	ctx := context.Background()
	env := testkit.New(t, d)
	env.App.Plans.Today = func() civil.Date { return apiToday }
	communes, err := env.App.Units.GroupByCode(ctx, "communes")
	if err != nil {
		t.Fatal(err)
	}
	w := &planWorld{env: env, h: newHarness(env), communesID: communes.ID}
	planBody := fmt.Sprintf(`{"kind":"annual","title":"Kế hoạch cải cách hành chính năm 2025","issuing_unit_id":%d,
		"number_symbol":"09/KH-UBND","issued_on":"2024-12-20","period_start":"2025-01-01","period_end":"2025-12-31","status":"issued"}`,
		env.Province.ID)
	w.h.run(t, []scenario{
		{name: "coordinator creates an issued plan", as: "coord", method: http.MethodPost, path: "/api/v1/plans", body: planBody,
			status: http.StatusCreated, json: map[string]any{"status": "issued", "status_label": "Đã ban hành", "kind_label": "Kế hoạch năm",
				"issuing_unit_name": "Tỉnh Thử Nghiệm", "period_start": "2025-01-01"}, check: idInto(&w.planID)},
		{name: "officer_a drafts its own plan", as: "officer_a", method: http.MethodPost, path: "/api/v1/plans",
			body: fmt.Sprintf(`{"kind":"annual","title":"Kế hoạch CCHC của xã An Phú","issuing_unit_id":%d,
				"period_start":"2025-01-01","period_end":"2025-12-31"}`, env.CommuneA.ID),
			status: http.StatusCreated, json: map[string]any{"status": "draft"}, check: idInto(&w.draftID)},
	})
	tasks := fmt.Sprintf("/api/v1/plans/%d/tasks", w.planID)
	w.h.run(t, []scenario{
		{name: "task led by every commune", as: "coord", method: http.MethodPost, path: tasks,
			body: fmt.Sprintf(`{"seq":"1","content":"Rà soát thủ tục hành chính","lead_group_id":%d,
				"lead_text":"UBND cấp xã","coordinating_unit_ids":[%d],"schedule_text":"Trước ngày 31/3/2025","budget_vnd":15000000}`,
				communes.ID, env.SNV.ID),
			status: http.StatusCreated,
			json: map[string]any{"schedule.text": "Trước ngày 31/3/2025", "schedule.due": "2025-03-31", "schedule.understood": true,
				"schedule.recurrence": "", "lead.group.name": "UBND cấp xã", "lead.unit": nil, "coordinating.units.0.name": "Sở Nội vụ",
				"work_items.total": 2, "work_items.overdue": 2, "depth": 0},
			want:  []string{`"budget_vnd":15000000`},
			check: idInto(&w.taskID)},
		{name: "task with an explicit due day", as: "token:coord", method: http.MethodPost, path: tasks,
			body: fmt.Sprintf(`{"seq":"2","content":"Báo cáo kết quả","lead_unit_id":%d,"schedule_text":"Cuối năm","due":"2025-12-31"}`,
				env.CommuneA.ID),
			status: http.StatusCreated,
			json: map[string]any{"schedule.due": "2025-12-31", "schedule.start": nil, "schedule.understood": true,
				"lead.unit.name": "Xã An Phú", "work_items.total": 1, "work_items.in_progress": 1},
			check: idInto(&w.laterTask)},
	})
	items, _, err := env.App.Plans.WorkItems(ctx, plan.WorkItemFilter{TaskID: w.taskID})
	if err != nil || len(items) != 2 {
		t.Fatalf("work items of the task: %v, %v", items, err)
	}
	for _, it := range items {
		switch it.UnitID {
		case env.CommuneA.ID:
			w.itemA = it.ID
		case env.CommuneB.ID:
			w.itemB = it.ID
		}
	}
	if w.itemA == 0 || w.itemB == 0 {
		t.Fatalf("work items are not XA's and XB's: %+v", items)
	}
	return w
}

func TestPlansAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newPlanWorld(t, d)
		env := w.env
		planPath := fmt.Sprintf("/api/v1/plans/%d", w.planID)
		draftPath := fmt.Sprintf("/api/v1/plans/%d", w.draftID)
		w.h.run(t, []scenario{
			{name: "anonymous", path: "/api/v1/plans", status: http.StatusUnauthorized, json: map[string]any{"error.code": "unauthorized"}},
			{name: "coordinator sees both plans", as: "coord", path: "/api/v1/plans", status: http.StatusOK, json: map[string]any{"total": 2}},
			{name: "officer_b does not see another unit's draft", as: "officer_b", path: "/api/v1/plans", status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.id": w.planID}, notWant: []string{"xã An Phú"}},
			{name: "officer_a sees its own draft", as: "officer_a", path: "/api/v1/plans?status=draft", status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.id": w.draftID}},
			{name: "filters", as: "leader_d", path: fmt.Sprintf("/api/v1/plans?kind=annual&year=2025&q=cai+cach&issuing_unit=%d", env.Province.ID),
				status: http.StatusOK, json: map[string]any{"total": 1}},
			{name: "another year", as: "leader_d", path: "/api/v1/plans?year=2024", status: http.StatusOK, json: map[string]any{"total": 0}},
			{name: "bad year", as: "coord", path: "/api/v1/plans?year=abc", status: http.StatusBadRequest, want: []string{"year"}},
			{name: "bad status", as: "coord", path: "/api/v1/plans?status=open", status: http.StatusBadRequest, want: []string{"status"}},
			{name: "issued plan readable by every user", as: "officer_b", path: planPath, status: http.StatusOK,
				json: map[string]any{"number_symbol": "09/KH-UBND"}},
			// A draft is 404 for users who may not manage it: it is not yet a document.
			{name: "draft invisible to officer_b", as: "officer_b", path: draftPath, status: http.StatusNotFound,
				json: map[string]any{"error.code": "not_found"}},
			{name: "draft's tasks invisible to officer_b", as: "officer_b", path: draftPath + "/tasks", status: http.StatusNotFound},
			{name: "draft readable by its unit", as: "officer_a", path: draftPath, status: http.StatusOK},
			{name: "officer cannot plan for the province", as: "officer_a", method: http.MethodPost, path: "/api/v1/plans",
				body:   fmt.Sprintf(`{"kind":"annual","title":"X","issuing_unit_id":%d,"period_start":"2025-01-01","period_end":"2025-12-31"}`, env.Province.ID),
				status: http.StatusForbidden},
			{name: "validation", as: "coord", method: http.MethodPost, path: "/api/v1/plans",
				body:   fmt.Sprintf(`{"kind":"annual","title":"","issuing_unit_id":%d,"period_start":"2025-12-31","period_end":"2025-01-01"}`, env.Province.ID),
				status: http.StatusUnprocessableEntity, json: map[string]any{"error.code": "validation_failed"},
				want: []string{`"title":"Vui lòng nhập tên kế hoạch."`, `"period_end":"`}},
			{name: "malformed day", as: "coord", method: http.MethodPost, path: "/api/v1/plans",
				body:   `{"kind":"annual","title":"X","issuing_unit_id":1,"period_start":"01/01/2025","period_end":"2025-12-31"}`,
				status: http.StatusUnprocessableEntity, want: []string{`"period_start":"Ngày \"01/01/2025\" không hợp lệ`}},
			{name: "unknown field", as: "coord", method: http.MethodPost, path: "/api/v1/plans", body: `{"colour":"red"}`,
				status: http.StatusBadRequest, want: []string{"colour"}},
			{name: "patch title", as: "coord", method: http.MethodPatch, path: planPath, body: `{"title":"Kế hoạch CCHC năm 2025 (sửa đổi)"}`,
				status: http.StatusOK, json: map[string]any{"title": "Kế hoạch CCHC năm 2025 (sửa đổi)", "number_symbol": "09/KH-UBND"}},
			{name: "officer cannot patch the province's plan", as: "officer_a", method: http.MethodPatch, path: planPath,
				body: `{"title":"X"}`, status: http.StatusForbidden},
			{name: "officer cannot patch another unit's draft", as: "officer_b", method: http.MethodPatch, path: draftPath,
				body: `{"title":"X"}`, status: http.StatusNotFound},
			{name: "issuing a draft needs a number", as: "officer_a", method: http.MethodPost, path: draftPath + "/status",
				body: `{"status":"issued"}`, status: http.StatusUnprocessableEntity, want: []string{"số, ký hiệu"}},
			{name: "unknown status", as: "officer_a", method: http.MethodPost, path: draftPath + "/status",
				body: `{"status":"open"}`, status: http.StatusUnprocessableEntity, want: []string{`"status":"`}},
			{name: "unknown plan", as: "coord", path: "/api/v1/plans/999999", status: http.StatusNotFound},
		})
	})
}

func TestTasksAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newPlanWorld(t, d)
		tasks := fmt.Sprintf("/api/v1/plans/%d/tasks", w.planID)
		taskPath := fmt.Sprintf("/api/v1/tasks/%d", w.taskID)
		var sub int64
		w.h.run(t, []scenario{
			{name: "sub-task", as: "coord", method: http.MethodPost, path: tasks,
				body:   fmt.Sprintf(`{"parent_id":%d,"seq":"a","content":"Công bố kết quả rà soát","schedule_text":"Quý II năm 2025"}`, w.taskID),
				status: http.StatusCreated, json: map[string]any{"depth": 1, "parent_id": w.taskID, "schedule.start": "2025-04-01",
					"schedule.due": "2025-06-30", "work_items.total": 0}, check: idInto(&sub)},
			{name: "tree in display order", as: "officer_b", path: tasks, status: http.StatusOK,
				json: map[string]any{"total": 3, "items.0.id": w.taskID, "items.0.depth": 0, "items.1.depth": 1,
					"items.1.parent_id": w.taskID, "items.2.id": w.laterTask, "items.0.work_items.overdue": 2,
					"items.0.lead.group.id": w.communesID, "items.0.schedule.milestones": []any{}}},
			{name: "one task", as: "leader_d", path: taskPath, status: http.StatusOK,
				json: map[string]any{"content": "Rà soát thủ tục hành chính", "plan_id": w.planID, "coordinating.text": ""}},
			{name: "validation", as: "coord", method: http.MethodPost, path: tasks, body: `{"content":"","budget_vnd":-1}`,
				status: http.StatusUnprocessableEntity, want: []string{`"content":"Vui lòng nhập nội dung nhiệm vụ."`, `"budget_vnd":"`}},
			{name: "bad explicit day", as: "coord", method: http.MethodPost, path: tasks, body: `{"content":"X","due":"31/12/2025"}`,
				status: http.StatusUnprocessableEntity, want: []string{`"due":"`}},
			{name: "officer cannot add to the province's plan", as: "officer_a", method: http.MethodPost, path: tasks,
				body: `{"content":"X"}`, status: http.StatusForbidden},
			{name: "new schedule text is read again", as: "coord", method: http.MethodPatch, path: taskPath,
				body: `{"schedule_text":"Trước ngày 30/4/2025"}`, status: http.StatusOK,
				json: map[string]any{"schedule.due": "2025-04-30", "content": "Rà soát thủ tục hành chính", "work_items.total": 2}},
			{name: "leader cannot change a task", as: "leader_d", method: http.MethodPatch, path: taskPath, body: `{"notes":"x"}`,
				status: http.StatusForbidden},
			{name: "unknown task", as: "coord", path: "/api/v1/tasks/999999", status: http.StatusNotFound},
		})
		t.Run("delete", func(t *testing.T) {
			if res := w.h.client(t, "officer_a").Do(http.MethodDelete, fmt.Sprintf("/api/v1/tasks/%d", sub), nil, ""); res.Code != http.StatusForbidden {
				t.Fatalf("officer delete: %d %s", res.Code, res.Body.String())
			}
			if res := w.h.client(t, "coord").Do(http.MethodDelete, fmt.Sprintf("/api/v1/tasks/%d", sub), nil, ""); res.Code != http.StatusNoContent {
				t.Fatalf("delete: %d %s", res.Code, res.Body.String())
			}
			if res := w.h.client(t, "coord").Get(fmt.Sprintf("/api/v1/tasks/%d", sub)); res.Code != http.StatusNotFound {
				t.Errorf("deleted task: %d", res.Code)
			}
		})
	})
}

func TestWorkItemsAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newPlanWorld(t, d)
		env := w.env
		itemA := fmt.Sprintf("/api/v1/work-items/%d", w.itemA)
		itemB := fmt.Sprintf("/api/v1/work-items/%d", w.itemB)
		w.h.run(t, []scenario{
			{name: "anonymous", path: "/api/v1/work-items", status: http.StatusUnauthorized},
			{name: "coordinator sees every item", as: "coord", path: fmt.Sprintf("/api/v1/work-items?plan=%d", w.planID), status: http.StatusOK,
				json: map[string]any{"total": 3}},
			{name: "officer_a sees only XA's items", as: "officer_a", path: "/api/v1/work-items", status: http.StatusOK,
				json: map[string]any{"total": 2}, check: allUnits(env.CommuneA.ID)},
			{name: "within cannot widen the scope", as: "token:officer_a", path: fmt.Sprintf("/api/v1/work-items?within=%d", env.Province.ID),
				status: http.StatusOK, json: map[string]any{"total": 2}, check: allUnits(env.CommuneA.ID)},
			{name: "within outside the scope is empty", as: "officer_a", path: fmt.Sprintf("/api/v1/work-items?within=%d", env.CommuneB.ID),
				status: http.StatusOK, json: map[string]any{"total": 0, "items": []any{}}},
			{name: "officer_b sees only XB's item", as: "officer_b", path: "/api/v1/work-items", status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.id": w.itemB, "items.0.unit_name": "Xã Bình Minh"}},
			{name: "leader sees its district", as: "leader_d", path: fmt.Sprintf("/api/v1/work-items?within=%d", env.District.ID),
				status: http.StatusOK, json: map[string]any{"total": 3}},
			{name: "unit filter", as: "coord", path: fmt.Sprintf("/api/v1/work-items?unit=%d", env.CommuneB.ID), status: http.StatusOK,
				json: map[string]any{"total": 1}},
			{name: "overdue items", as: "coord", path: "/api/v1/work-items?status=overdue", status: http.StatusOK,
				json: map[string]any{"total": 2, "items.0.status": "overdue", "items.0.status_label": "Quá hạn",
					"items.0.days_overdue": 76, "items.0.due": "2025-03-31", "items.0.task_id": w.taskID,
					"items.0.task_content": "Rà soát thủ tục hành chính", "items.0.plan_id": w.planID, "items.0.percent": 0,
					"items.0.completed_on": nil, "items.0.hold": ""}},
			{name: "overdue=true", as: "coord", path: "/api/v1/work-items?overdue=true", status: http.StatusOK, json: map[string]any{"total": 2}},
			{name: "in progress", as: "coord", path: "/api/v1/work-items?status=in_progress", status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.task_id": w.laterTask}},
			{name: "due range", as: "coord", path: "/api/v1/work-items?due_from=2025-06-01&due_to=2025-12-31", status: http.StatusOK,
				json: map[string]any{"total": 1}},
			{name: "search", as: "coord", path: "/api/v1/work-items?q=ra+soat", status: http.StatusOK, json: map[string]any{"total": 2}},
			{name: "bad date", as: "coord", path: "/api/v1/work-items?due_from=2025-13-01", status: http.StatusBadRequest,
				json: map[string]any{"error.code": "bad_request"}, want: []string{"due_from"}},
			{name: "bad status", as: "coord", path: "/api/v1/work-items?status=late", status: http.StatusBadRequest, want: []string{"overdue"}},
			{name: "bad overdue", as: "coord", path: "/api/v1/work-items?overdue=yes", status: http.StatusBadRequest},
			{name: "draft plan filter hidden", as: "officer_b", path: fmt.Sprintf("/api/v1/work-items?plan=%d", w.draftID), status: http.StatusNotFound},
			{name: "own item", as: "officer_a", path: itemA, status: http.StatusOK, json: map[string]any{"unit_id": env.CommuneA.ID, "status": "overdue"}},
			{name: "other commune's item", as: "officer_a", path: itemB, status: http.StatusForbidden},
			{name: "officer_a reports progress", as: "officer_a", method: http.MethodPost, path: itemA + "/progress",
				body: `{"percent":50,"note":"Đã rà soát 12/24 thủ tục"}`, status: http.StatusOK,
				json: map[string]any{"id": w.itemA, "percent": 50, "status": "overdue"}},
			{name: "officer_a cannot report on XB's item", as: "officer_a", method: http.MethodPost, path: itemB + "/progress",
				body: `{"percent":50}`, status: http.StatusForbidden},
			{name: "leader cannot report", as: "leader_d", method: http.MethodPost, path: itemA + "/progress",
				body: `{"percent":50}`, status: http.StatusForbidden},
			{name: "percent out of range", as: "officer_a", method: http.MethodPost, path: itemA + "/progress",
				body: `{"percent":150}`, status: http.StatusUnprocessableEntity, json: map[string]any{"error.code": "validation_failed"},
				want: []string{`"percent":"Tiến độ phải từ 0 đến 100%."`}},
			{name: "percent missing", as: "officer_a", method: http.MethodPost, path: itemA + "/progress",
				body: `{"note":"x"}`, status: http.StatusUnprocessableEntity, want: []string{`"percent":"`}},
			{name: "bad completion day", as: "officer_a", method: http.MethodPost, path: itemA + "/progress",
				body: `{"percent":100,"completed_on":"10/06/2025"}`, status: http.StatusUnprocessableEntity, want: []string{`"completed_on":"`}},
			{name: "completed late", as: "token:officer_a", method: http.MethodPost, path: itemA + "/progress",
				body: `{"percent":100,"completed_on":"2025-06-10"}`, status: http.StatusOK,
				json: map[string]any{"status": "done_late", "status_label": "Hoàn thành quá hạn", "completed_on": "2025-06-10", "days_overdue": 0}},
			{name: "pause needs a reason", as: "officer_b", method: http.MethodPost, path: itemB + "/hold",
				body: `{"hold":"paused","reason":""}`, status: http.StatusUnprocessableEntity, want: []string{`"hold_reason":"`}},
			{name: "pause", as: "officer_b", method: http.MethodPost, path: itemB + "/hold",
				body: `{"hold":"paused","reason":"Chờ hướng dẫn của tỉnh"}`, status: http.StatusOK,
				json: map[string]any{"status": "paused", "hold": "paused", "hold_reason": "Chờ hướng dẫn của tỉnh"}},
			{name: "paused item takes no report", as: "officer_b", method: http.MethodPost, path: itemB + "/progress",
				body: `{"percent":10}`, status: http.StatusUnprocessableEntity, want: []string{"tạm dừng"}},
			{name: "officer_a cannot pause XB's item", as: "officer_a", method: http.MethodPost, path: itemB + "/hold",
				body: `{"hold":""}`, status: http.StatusForbidden},
			{name: "close the plan", as: "coord", method: http.MethodPost, path: fmt.Sprintf("/api/v1/plans/%d/status", w.planID),
				body: `{"status":"closed"}`, status: http.StatusOK, json: map[string]any{"status": "closed"}},
			{name: "closed plan takes no report", as: "officer_a", method: http.MethodPost, path: itemA + "/progress",
				body: `{"percent":100}`, status: http.StatusUnprocessableEntity, want: []string{"đã kết thúc"}},
			{name: "unknown item", as: "coord", path: "/api/v1/work-items/999999", status: http.StatusNotFound},
		})
	})
}

// multipartBody builds a form with a file part and a note.
func multipartBody(t *testing.T, name string, content []byte, note string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if note != "" {
		if err := mw.WriteField("note", note); err != nil {
			t.Fatal(err)
		}
	}
	if name != "" {
		fw, err := mw.CreateFormFile(files.Field, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(content); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, mw.FormDataContentType()
}

func TestEvidenceAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newPlanWorld(t, d)
		pdf := []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
		exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 64)...)
		huge := append([]byte("%PDF-1.7\n"), make([]byte, files.MaxSize)...)
		path := fmt.Sprintf("/api/v1/work-items/%d/evidence", w.itemA)
		tests := []struct {
			name, as, file, note, contentType string
			content                           []byte
			status                            int
			want                              []string
		}{
			{name: "PDF accepted", as: "officer_a", file: "bao-cao-ra-soat.pdf", content: pdf, note: "Báo cáo số 12/BC-UBND",
				status: http.StatusCreated, want: []string{`"file_name":"bao-cao-ra-soat.pdf"`, `"content_type":"application/pdf"`,
					`"note":"Báo cáo số 12/BC-UBND"`, `"user_name":"Người dùng officer_a"`}},
			{name: "exe renamed pdf refused", as: "officer_a", file: "bao-cao.pdf", content: exe,
				status: http.StatusUnprocessableEntity, want: []string{`"code":"validation_failed"`, `"fields":{"file":"`}},
			{name: "too large", as: "officer_a", file: "lon.pdf", content: huge, status: http.StatusRequestEntityTooLarge,
				want: []string{`"code":"too_large"`}},
			{name: "no file", as: "officer_a", note: "chỉ có ghi chú", status: http.StatusUnprocessableEntity, want: []string{`"file":"`}},
			{name: "not multipart", as: "officer_a", contentType: "application/json", status: http.StatusBadRequest},
			{name: "other commune", as: "officer_b", file: "a.pdf", content: pdf, status: http.StatusForbidden},
			{name: "leader", as: "leader_d", file: "a.pdf", content: pdf, status: http.StatusForbidden},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				body, ct := multipartBody(t, tc.file, tc.content, tc.note)
				if tc.contentType != "" {
					ct = tc.contentType
				}
				res := w.h.client(t, tc.as).Do(http.MethodPost, path, body, ct)
				if res.Code != tc.status {
					t.Fatalf("status %d, want %d: %s", res.Code, tc.status, res.Body.String())
				}
				for _, s := range tc.want {
					if !strings.Contains(res.Body.String(), s) {
						t.Errorf("body lacks %q: %s", s, res.Body.String())
					}
				}
			})
		}
		w.h.run(t, []scenario{
			{name: "list has the one accepted file", as: "leader_d", path: path, status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.file_name": "bao-cao-ra-soat.pdf", "items.0.work_item_id": w.itemA}},
			{name: "list refused outside the view", as: "officer_b", path: path, status: http.StatusForbidden},
		})
	})
}
