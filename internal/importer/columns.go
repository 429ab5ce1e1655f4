package importer

import (
	"regexp"
	"strings"

	"cchc/internal/doctable"
	"cchc/internal/vn"
)

// Column roles.
const (
	RoleIgnore       = ""
	RoleSeq          = "seq"          // STT
	RoleGroup        = "group"        // Nhiệm vụ chung, Lĩnh vực: the section of the rows
	RoleTitle        = "title"        // Nhiệm vụ, Nội dung công việc
	RoleProduct      = "product"      // Kết quả, Sản phẩm
	RoleLead         = "lead"         // Cơ quan chủ trì
	RoleCoordinating = "coordinating" // Cơ quan phối hợp
	RoleAgencies     = "agencies"     // Cơ quan thực hiện: the first leads
	RoleTime         = "time"         // Thời hạn, Thời gian thực hiện
	RoleTimeProduct  = "time_product" // Thời hạn, kết quả thực hiện
	RoleStart        = "start"        // Thời gian bắt đầu
	RoleEnd          = "end"          // Thời gian hoàn thành
	RoleBudget       = "budget"       // Kinh phí
	RoleFunding      = "funding"      // Nguồn kinh phí
	RoleNotes        = "notes"        // Ghi chú
)

// Roles lists the roles a user may give a column, in the order the preview
// offers them, with their Vietnamese names.
var Roles = []struct{ Code, Label string }{
	{RoleSeq, "Số thứ tự"},
	{RoleGroup, "Nhóm/lĩnh vực"},
	{RoleTitle, "Nhiệm vụ"},
	{RoleProduct, "Sản phẩm, kết quả"},
	{RoleLead, "Cơ quan chủ trì"},
	{RoleCoordinating, "Cơ quan phối hợp"},
	{RoleAgencies, "Cơ quan thực hiện (đầu tiên chủ trì)"},
	{RoleTime, "Thời hạn"},
	{RoleTimeProduct, "Thời hạn và kết quả"},
	{RoleStart, "Thời gian bắt đầu"},
	{RoleEnd, "Thời gian hoàn thành"},
	{RoleBudget, "Kinh phí"},
	{RoleFunding, "Nguồn kinh phí"},
	{RoleNotes, "Ghi chú"},
	{RoleIgnore, "Bỏ qua"},
}

// RoleLabel returns the Vietnamese name of a role.
func RoleLabel(role string) string {
	for _, r := range Roles {
		if r.Code == role {
			return r.Label
		}
	}
	return role
}

// folded returns s folded for matching: lower case, no accents, runs of
// punctuation and space turned into one space.
func folded(s string) string { return vn.Fold(s) }

// has reports whether the folded text f contains phrase as whole words.
func has(f, phrase string) bool {
	return strings.Contains(" "+f+" ", " "+phrase+" ")
}

func hasAny(f string, phrases ...string) bool {
	for _, p := range phrases {
		if has(f, p) {
			return true
		}
	}
	return false
}

// headerRole returns the role a header cell's text names, and false when
// it names none.
func headerRole(text string) (string, bool) {
	f := folded(text)
	if f == "" || len(f) > 120 {
		return "", false
	}
	switch f {
	case "stt", "tt", "so tt", "so thu tu", "thu tu", "so":
		return RoleSeq, true
	}
	agencyWord := hasAny(f, "co quan", "don vi", "chu tri", "phoi hop", "trach nhiem", "phan cong")
	timeWord := hasAny(f, "thoi han", "thoi gian", "tien do", "han hoan thanh", "moc thoi gian", "thoi diem", "lo trinh",
		"nam thuc hien", "nam hoan thanh")
	productWord := hasAny(f, "ket qua", "san pham", "hinh thuc")
	switch {
	case hasAny(f, "nhiem vu chung", "linh vuc", "nhom nhiem vu") && !has(f, "cu the"):
		return RoleGroup, true
	case has(f, "chu tri") && has(f, "phoi hop"):
		return RoleAgencies, true
	case has(f, "chu tri") && has(f, "thuc hien") && strings.Index(f, "thuc hien") < strings.Index(f, "chu tri"):
		return RoleAgencies, true // "Cơ quan thực hiện, cơ quan chủ trì"; but "Cơ quan chủ trì thực hiện" leads
	case has(f, "chu tri"):
		return RoleLead, true
	case has(f, "phoi hop"):
		return RoleCoordinating, true
	case agencyWord && !timeWord:
		return RoleAgencies, true
	case timeWord && productWord:
		return RoleTimeProduct, true
	case timeWord:
		return RoleTime, true
	case hasAny(f, "bat dau", "tu ngay", "tu thang"):
		return RoleStart, true
	case hasAny(f, "hoan thanh", "ket thuc", "den ngay", "den thang"):
		return RoleEnd, true
	case hasAny(f, "nguon kinh phi", "nguon von"):
		return RoleFunding, true
	case hasAny(f, "kinh phi", "du toan", "tong muc", "ngan sach"):
		return RoleBudget, true
	case productWord:
		return RoleProduct, true
	case has(f, "ghi chu"):
		return RoleNotes, true
	case hasAny(f, "nhiem vu", "noi dung", "cong viec", "hoat dong", "ten de an", "giai phap", "chi tieu", "de an", "danh muc"):
		return RoleTitle, true
	}
	return "", false
}

// budgetScale returns what a budget column's amounts are counted in: 1 for
// đồng, 1000 for "nghìn đồng", 1e6 for "triệu đồng", 1e9 for "tỷ đồng".
func budgetScale(header string) int64 {
	f := folded(header)
	switch {
	case hasAny(f, "ty dong", "ty"):
		return 1_000_000_000
	case hasAny(f, "trieu dong", "trieu", "tr d", "trd"):
		return 1_000_000
	case hasAny(f, "nghin dong", "ngan dong", "nghin", "ngan"):
		return 1000
	}
	return 1
}

// columns is how a table's columns are read.
type columns struct {
	roles   []string
	headers []string
	scale   int64 // budget amounts' unit in đồng
	body    int   // index of the first row after the header rows
	guessed bool
}

// role returns the role of column i ("" beyond the known columns).
func (c columns) role(i int) string {
	if i < len(c.roles) {
		return c.roles[i]
	}
	return RoleIgnore
}

func (c columns) has(role string) bool {
	for _, r := range c.roles {
		if r == role {
			return true
		}
	}
	return false
}

// holdsTasks reports whether columns with these roles can hold tasks: a
// task column and something that assigns or schedules it.
func (c columns) holdsTasks() bool {
	return c.has(RoleTitle) && (c.has(RoleLead) || c.has(RoleAgencies) || c.has(RoleCoordinating) ||
		c.has(RoleTime) || c.has(RoleTimeProduct) || c.has(RoleProduct))
}

// maxHeaderRow is how far down a table its header row may be (a title row
// spanning the table may come first).
const maxHeaderRow = 10

// findHeader looks for the header row in the first rows of t: a row most of
// whose non-empty cells name a role, among them a task column. A second
// header row right below (sub-columns such as "Bắt đầu", "Hoàn thành")
// refines the roles of the columns it covers, and a row that only numbers
// the columns ("(1)", "(2)" ...) is skipped.
func findHeader(t *doctable.Table) (columns, bool) {
	for i := 0; i < len(t.Rows) && i < maxHeaderRow; i++ {
		roles, headers, ok := headerRow(t.Rows[i])
		if !ok {
			continue
		}
		c := columns{roles: roles, headers: headers, scale: 1, body: i + 1}
		if c.body < len(t.Rows) {
			if sub, subHeaders, ok := subHeaderRow(t.Rows[c.body], roles); ok {
				for j, r := range sub {
					if r == "" {
						continue
					}
					if j >= len(c.roles) {
						c.roles = append(c.roles, make([]string, j-len(c.roles)+1)...)
						c.headers = append(c.headers, make([]string, j-len(c.headers)+1)...)
					}
					if refines(c.roles[j], r) {
						c.roles[j] = r
					}
					c.headers[j] = strings.TrimSpace(c.headers[j] + " " + subHeaders[j])
				}
				c.body++
			}
		}
		for c.body < len(t.Rows) && numberingRow(t.Rows[c.body]) {
			c.body++
		}
		for j, r := range c.roles {
			if r == RoleBudget {
				c.scale = budgetScale(c.headers[j])
			}
		}
		return c, true
	}
	return columns{}, false
}

// headerRow reads r as a header row.
func headerRow(r doctable.Row) (roles, headers []string, ok bool) {
	roles = make([]string, len(r.Cells))
	headers = make([]string, len(r.Cells))
	named, filled, title := 0, 0, false
	for i, c := range r.Cells {
		headers[i] = c.Text
		if c.Text == "" || (c.Merged && i > 0 && r.Cells[i-1].Text == c.Text) {
			if c.Merged && i > 0 {
				roles[i] = roles[i-1] // a header spanning two columns
			}
			continue
		}
		filled++
		if role, ok := headerRole(c.Text); ok {
			roles[i] = role
			named++
			title = title || role == RoleTitle
		}
	}
	if !title || named < 2 || named*3 < filled*2 {
		return nil, nil, false
	}
	// A spanning header's copies keep one role: the first column's.
	for i := 1; i < len(roles); i++ {
		if r.Cells[i].Merged && r.Cells[i].Text == r.Cells[i-1].Text && roles[i] == roles[i-1] && roles[i] != RoleTime {
			roles[i] = RoleIgnore
		}
	}
	return roles, headers, true
}

// subHeaderRow reads r as the second row of a two-row header: short cells,
// none a number, at least one naming a role. A cell naming no role under a
// budget column ("Nguồn khác" beside "Ngân sách tỉnh") is another budget
// column; anywhere else it means the row is not a header.
func subHeaderRow(r doctable.Row, parents []string) (roles, headers []string, ok bool) {
	roles = make([]string, len(r.Cells))
	headers = make([]string, len(r.Cells))
	named := 0
	for i, c := range r.Cells {
		headers[i] = c.Text
		if c.Text == "" || c.Merged {
			continue
		}
		if len([]rune(c.Text)) > 40 || seqLike(c.Text) {
			return nil, nil, false
		}
		role, known := headerRole(c.Text)
		if known && role == RoleTitle {
			return nil, nil, false
		}
		if known {
			roles[i] = role
			named++
			continue
		}
		parent := ""
		for k := i; k >= 0 && k < len(parents); k-- {
			if parents[k] != RoleIgnore || k < i && r.Cells[k].Text == "" {
				parent = parents[k]
				break
			}
		}
		if parent != RoleBudget {
			return nil, nil, false // a cell of a task row, not a sub-header
		}
		roles[i] = RoleBudget
	}
	return roles, headers, named > 0
}

// refines reports whether a sub-column's role sub may replace the role
// parent of the header cell above it: "Chủ trì" and "Phối hợp" under "Cơ
// quan thực hiện", "Bắt đầu" and "Hoàn thành" under "Thời gian", amounts
// under "Kinh phí", anything under an empty cell.
func refines(parent, sub string) bool {
	switch parent {
	case RoleIgnore:
		return true
	case RoleAgencies, RoleLead, RoleCoordinating:
		return sub == RoleLead || sub == RoleCoordinating || sub == RoleAgencies
	case RoleTime, RoleTimeProduct:
		return sub == RoleStart || sub == RoleEnd || sub == RoleTime || sub == RoleProduct
	case RoleBudget, RoleFunding:
		return sub == RoleBudget || sub == RoleFunding
	}
	return false
}

var columnNumber = regexp.MustCompile(`^\(?\d{1,2}\)?$`)

// numberingRow reports whether r only numbers the columns: "(1) (2) (3)" or
// "1 2 3 4".
func numberingRow(r doctable.Row) bool {
	n := 0
	for _, c := range r.Cells {
		if c.Text == "" {
			continue
		}
		if !columnNumber.MatchString(c.Text) {
			return false
		}
		n++
	}
	return n >= 3
}
