package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/schedule"
)

// seed is the path of a copy of a ../shared/seeds document.
func seed(name string) string {
	p, _ := filepath.Abs(filepath.Join("..", "importer", "testdata", "seeds", name))
	return p
}

func TestImportPlanDryRunJSON(t *testing.T) {
	t.Setenv("CCHC_DB", "")
	file := seed("thanhhoa-2012-par-plan-2011-2015.txt")
	t.Chdir(t.TempDir()) // no data directory: the dry run must not create one
	code, out, errOut := run("import", "plan", file, "--dry-run", "--json", "--year", "2012")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat("data"); err == nil {
		t.Error("a dry run created the data directory")
	}
	var res struct {
		Tasks []struct {
			Seq          string            `json:"seq"`
			Parent       *int              `json:"parent"`
			Group        string            `json:"group"`
			Section      string            `json:"section"`
			Area         string            `json:"area"`
			Title        string            `json:"title"`
			Product      string            `json:"product"`
			Lead         []json.RawMessage `json:"lead"`
			Coordinating []json.RawMessage `json:"coordinating"`
			ScheduleText string            `json:"schedule_text"`
			Schedule     json.RawMessage   `json:"schedule"`
			BudgetVND    *int64            `json:"budget_vnd"`
			Notes        string            `json:"notes"`
			Source       string            `json:"source"`
		} `json:"tasks"`
		Warnings []string `json:"warnings"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&res); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	if len(res.Tasks) != 51 || res.Warnings == nil {
		t.Fatalf("%d tasks, warnings %v; want 51 and a list", len(res.Tasks), res.Warnings)
	}
	// The key order of the contract.
	first := out[strings.Index(out, `"tasks"`):]
	order := []string{`"seq"`, `"parent"`, `"group"`, `"section"`, `"area"`, `"title"`, `"product"`, `"lead"`, `"coordinating"`,
		`"schedule_text"`, `"schedule"`, `"budget_vnd"`, `"notes"`, `"source"`}
	at := 0
	for _, k := range order {
		i := strings.Index(first[at:], k)
		if i < 0 {
			t.Fatalf("key %s missing or out of order", k)
		}
		at += i
	}
	for _, task := range res.Tasks {
		want, _ := json.Marshal(schedule.Parse(task.ScheduleText, 2012))
		var got bytes.Buffer
		if err := json.Compact(&got, task.Schedule); err != nil || got.String() != string(want) {
			t.Errorf("task %s: schedule %s, want what schedule parse prints: %s", task.Seq, got.String(), want)
		}
		for _, a := range append(task.Lead, task.Coordinating...) {
			var ag map[string]any
			if err := json.Unmarshal(a, &ag); err != nil || len(ag) != 4 || ag["unit_id"] != nil || ag["name"] == "" {
				t.Errorf("task %s: agency %s, want {text,name,group,unit_id:null}", task.Seq, a)
			}
		}
	}
	if res.Tasks[4].Parent != nil || res.Tasks[5].Parent == nil || *res.Tasks[5].Parent != 4 {
		t.Errorf("task 2 and its sub-task b: parents %v, %v", res.Tasks[4].Parent, res.Tasks[5].Parent)
	}
}

func TestImportPlanIntoDatabase(t *testing.T) {
	t.Setenv("CCHC_DB", "")
	dir := t.TempDir()
	dsn := filepath.Join(dir, "cchc.db")
	units := writeBook(t, dir, "units.xlsx", []any{"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Hoạt động từ ngày"},
		[]any{"ST", "Tỉnh Sóc Trăng", "province", "", "01/01/2010"},
		[]any{"SNV", "Sở Nội vụ", "agency", "ST", "01/01/2010"},
		[]any{"STP", "Sở Tư pháp", "agency", "ST", "01/01/2010"})
	if code, _, errOut := run("unit", "import", "--db", dsn, units); code != 0 {
		t.Fatalf("unit import: %s", errOut)
	}
	file := seed("soctrang-2012-par-plan-2011-2015.txt")
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"needs a target", []string{file}, 2, ""},
		{"both targets", []string{file, "--plan", "1", "--new-plan", "X"}, 2, ""},
		{"dry run resolves units", []string{file, "--dry-run", "--json"}, 0, `"name": "Sở Tư pháp",
          "group": "",
          "unit_id": 3`},
		{"new plan", []string{file, "--new-plan", "Kế hoạch CCHC giai đoạn 2011 - 2015"}, 0, "plan 1: 34 tasks created, 0 updated"},
		{"same file again updates", []string{file, "--plan", "1"}, 0, "plan 1: 0 tasks created, 34 updated"},
		{"unknown plan", []string{file, "--plan", "99"}, 1, ""},
		{"not a plan", []string{filepath.Join(dir, "units.xlsx"), "--dry-run"}, 0, "read 0 tasks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(append([]string{"import", "plan", "--db", dsn}, tt.args...)...)
			if code != tt.code || !strings.Contains(out, tt.out) {
				t.Errorf("exit %d, out %q, err %q; want exit %d and %q", code, out, errOut, tt.code, tt.out)
			}
		})
	}
}

// TestImportPlanDryRunIgnoresDataDirectory: a dry run that names no
// database reads the same whatever ./data holds; naming it matches units.
func TestImportPlanDryRunIgnoresDataDirectory(t *testing.T) {
	t.Setenv("CCHC_DB", "")
	t.Setenv("CCHC_DATA", "")
	file := seed("soctrang-2012-par-plan-2011-2015.txt")
	dir := t.TempDir()
	units := writeBook(t, dir, "units.xlsx", []any{"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Hoạt động từ ngày"},
		[]any{"ST", "Tỉnh Sóc Trăng", "province", "", "01/01/2010"},
		[]any{"STP", "Sở Tư pháp", "agency", "ST", "01/01/2010"})
	t.Chdir(dir)
	if code, _, errOut := run("unit", "import", units); code != 0 { // into ./data/cchc.db
		t.Fatalf("unit import: %s", errOut)
	}
	_, plain, _ := run("import", "plan", file, "--dry-run", "--json")
	_, named, _ := run("import", "plan", file, "--dry-run", "--json", "--data", "data")
	if strings.Contains(plain, `"unit_id": 2`) || !strings.Contains(named, `"unit_id": 2`) {
		t.Errorf("unit ids: without --data %v, with --data %v; want only with", strings.Contains(plain, `"unit_id": 2`), strings.Contains(named, `"unit_id": 2`))
	}
}
