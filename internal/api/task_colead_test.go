package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
)

func TestTaskCoLeadsAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newPlanWorld(t, d)
		env := w.env
		tasks := fmt.Sprintf("/api/v1/plans/%d/tasks", w.planID)
		var id int64
		w.h.run(t, []scenario{
			{name: "task with a co-lead and an import key", as: "coord", method: http.MethodPost, path: tasks,
				body: fmt.Sprintf(`{"seq":"3","content":"Tổng kết CCHC","lead_unit_id":%d,"lead_text":"Sở Nội vụ, Xã An Phú",
					"co_lead_unit_ids":[%d],"import_key":"I/3","schedule_text":"Trước ngày 30/11/2025"}`, env.SNV.ID, env.CommuneA.ID),
				status: http.StatusCreated,
				json: map[string]any{"lead.unit.name": "Sở Nội vụ", "co_leads.0.unit.id": env.CommuneA.ID,
					"co_leads.0.unit.name": "Xã An Phú", "co_leads.0.group": nil, "co_leads.1": "<missing>", "import_key": "I/3",
					"work_items.total": 2},
				check: idInto(&id)},
		})
		taskPath := fmt.Sprintf("/api/v1/tasks/%d", id)
		w.h.run(t, []scenario{
			{name: "read back", as: "leader_d", path: taskPath, status: http.StatusOK,
				json: map[string]any{"co_leads.0.unit.name": "Xã An Phú", "import_key": "I/3"}},
			{name: "a task without co-leads lists none", as: "coord", path: fmt.Sprintf("/api/v1/tasks/%d", w.taskID), status: http.StatusOK,
				json: map[string]any{"co_leads": []any{}, "import_key": ""}},
			{name: "replace the co-lead unit by the communes group", as: "coord", method: http.MethodPatch, path: taskPath,
				body:   fmt.Sprintf(`{"co_lead_unit_ids":[],"co_lead_group_ids":[%d]}`, w.communesID),
				status: http.StatusOK,
				json: map[string]any{"co_leads.0.group.name": "UBND cấp xã", "co_leads.0.unit": nil, "co_leads.1": "<missing>",
					"import_key": "I/3", "work_items.total": 3}},
			{name: "other fields leave the co-leads alone", as: "coord", method: http.MethodPatch, path: taskPath,
				body: `{"notes":"Ghi chú"}`, status: http.StatusOK,
				json: map[string]any{"co_leads.0.group.id": w.communesID, "notes": "Ghi chú", "work_items.total": 3}},
			{name: "co-leads need a lead", as: "coord", method: http.MethodPost, path: tasks,
				body:   fmt.Sprintf(`{"content":"X","co_lead_unit_ids":[%d]}`, env.CommuneB.ID),
				status: http.StatusUnprocessableEntity, json: map[string]any{"error.code": "validation_failed"},
				want: []string{`"co_lead_unit_ids":"Nhiệm vụ có cơ quan đồng chủ trì phải có cơ quan chủ trì`}},
			{name: "a co-lead cannot also coordinate", as: "coord", method: http.MethodPatch, path: taskPath,
				body:   fmt.Sprintf(`{"co_lead_unit_ids":[%d],"coordinating_unit_ids":[%d]}`, env.CommuneB.ID, env.CommuneB.ID),
				status: http.StatusUnprocessableEntity,
				want:   []string{`"co_lead_unit_ids":"“Xã Bình Minh” vừa là đơn vị chủ trì vừa là đơn vị phối hợp."`}},
			{name: "import key used by another task", as: "coord", method: http.MethodPost, path: tasks,
				body: `{"content":"Y","import_key":"I/3"}`, status: http.StatusUnprocessableEntity,
				want: []string{`"import_key":"Khóa nhập dữ liệu “I/3” đã dùng cho một nhiệm vụ khác của kế hoạch này."`}},
			{name: "import key cleared", as: "coord", method: http.MethodPatch, path: taskPath, body: `{"import_key":""}`,
				status: http.StatusOK, json: map[string]any{"import_key": ""}},
		})
	})
}
