// Package importer turns a provincial plan document — the tables of a Word
// file, an Excel sheet or a text extraction, read by doctable — into the
// tasks of a cchc plan: numbered tasks and their sub-tasks, each with its
// area, product, lead and coordinating agencies, deadline and budget.
//
// Reading (Read) is pure: it recognises the columns by the meaning of their
// headers (or, with no header row, from their content), section rows ("I",
// "A", "Phụ lục số I. CẢI CÁCH THỂ CHẾ: Sở Tư pháp chịu trách nhiệm chủ
// trì.") that set the area, a group label and a default lead, numbered rows
// (tasks) and the rows under them (sub-tasks), and splits cells that hold
// several things ("a) Thời hạn hoàn thành: ... b) Kết quả: ..."). Agency
// names go through package agency, deadlines through package schedule.
// Nothing is dropped silently: what could not be understood becomes a
// warning that names the row.
//
// Writing (Apply) stores a Result into a plan in the caller's transaction,
// updating the tasks of an earlier import of the same document (matched by
// number path) instead of adding copies.
package importer

import (
	"cchc/internal/agency"
	"cchc/internal/schedule"
)

// Result is what a document holds, in the stable JSON contract that `cchc
// import plan --json` prints and other tools read:
//
//	{"tasks":[TASK...],"warnings":["..."]}
type Result struct {
	Tasks    []Task   `json:"tasks"`
	Warnings []string `json:"warnings"`

	// Year is the plan year used to read deadlines (given, or found in
	// the document's title; 0 when unknown).
	Year int `json:"-"`
	// FromYear and ToYear are the years the document's title names
	// ("giai đoạn 2011 - 2015"), 0 when it names none.
	FromYear, ToYear int `json:"-"`
	// Tables describes every table found, used or not, for the preview.
	Tables []TableInfo `json:"-"`
}

// Task is one task or sub-task. Parent is the index in Result.Tasks of its
// parent task, or nil. Section is the area heading as written (without its
// numbering), Group the higher grouping label ("NHÓM TIÊU CHÍ ...") or "",
// Area the name of the cchc area the section maps to ("" when none does).
// Lead and Coordinating are never null. Schedule is exactly what `cchc
// schedule parse` prints for ScheduleText. Source names the row ("line
// 212", "table 2, row 5", "sheet Kế hoạch, row 7").
type Task struct {
	Seq          string            `json:"seq"`
	Parent       *int              `json:"parent"`
	Group        string            `json:"group"`
	Section      string            `json:"section"`
	Area         string            `json:"area"`
	Title        string            `json:"title"`
	Product      string            `json:"product"`
	Lead         []agency.Agency   `json:"lead"`
	Coordinating []agency.Agency   `json:"coordinating"`
	ScheduleText string            `json:"schedule_text"`
	Schedule     schedule.Schedule `json:"schedule"`
	BudgetVND    *int64            `json:"budget_vnd"`
	Notes        string            `json:"notes"`
	Source       string            `json:"source"`

	// Key is the task's number path in the document ("I/2/b"): the same
	// task of the same document gets the same key when imported again.
	Key string `json:"-"`
	// AreaID is the id of the area Area names (0 when none).
	AreaID int64 `json:"-"`
	// DefaultLead is true when Lead came from the section heading, not
	// from the row.
	DefaultLead bool `json:"-"`
	// Inherited is true when the row had no agencies or deadline of its
	// own and took its parent's (a vertically merged cell).
	Inherited bool `json:"-"`
	// Warnings are this task's own warnings (also in Result.Warnings).
	Warnings []string `json:"-"`
}

// TableInfo describes a table of the document for the preview: its column
// headers and the role each column was given.
type TableInfo struct {
	Index   int      // position among the document's tables, from 0
	Name    string   // sheet name (Excel) or ""
	Source  string   // where it starts
	Headers []string // header cell texts ("" for no header)
	Roles   []string // role of each column (Role values)
	Guessed bool     // no header row: roles inferred from content
	Used    bool     // the table holds tasks
	Rows    int      // rows in the table
}

// Area is a cchc area (lĩnh vực) a section heading may map to, with the
// phrases that identify it (its name always counts).
type Area struct {
	ID       int64
	Name     string
	Keywords []string
}

// Choice is the user's correction for an agency name: the unit or group it
// means (one of them non-zero).
type Choice struct {
	UnitID  int64 `json:"unit_id,omitempty"`
	GroupID int64 `json:"group_id,omitempty"`
}

// Options control Read.
type Options struct {
	// Year is the plan year for deadlines relative to it; 0: find it in
	// the document's title, if any.
	Year int
	// Sheet chooses the Excel sheet (or the table, by its name) to read;
	// "" reads every table that holds tasks.
	Sheet string
	// Columns overrides the roles of a table's columns, by table index.
	Columns map[int][]string
	// Areas are the areas sections map to.
	Areas []Area
	// Directory resolves agency names to units and groups; nil leaves
	// unit_id null and does not warn about unknown names.
	Directory *agency.Directory
	// Choices are the user's corrections, by agency.Key of the name as
	// written; they win over the directory.
	Choices map[string]Choice
}
