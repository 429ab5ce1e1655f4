package auth

// Role is what a user may do; a user has one or more.
type Role string

const (
	RoleAdmin       Role = "admin"       // quản trị hệ thống: everything, including accounts and the audit trail
	RoleCoordinator Role = "coordinator" // Sở Nội vụ: manages the whole province's data
	RoleOfficer     Role = "officer"     // cán bộ đơn vị: edits its own unit's data, sees its subtree
	RoleLeader      Role = "leader"      // lãnh đạo: reads its own subtree
	RoleAppraiser   Role = "appraiser"   // thẩm định: appraises index self-assessments
)

// Roles lists every role in display order.
var Roles = []Role{RoleAdmin, RoleCoordinator, RoleOfficer, RoleLeader, RoleAppraiser}

// RoleNames gives each role's Vietnamese label.
var RoleNames = map[Role]string{
	RoleAdmin:       "Quản trị hệ thống",
	RoleCoordinator: "Điều phối (Sở Nội vụ)",
	RoleOfficer:     "Cán bộ đơn vị",
	RoleLeader:      "Lãnh đạo (chỉ xem)",
	RoleAppraiser:   "Thẩm định",
}

// Label returns r's Vietnamese label.
func (r Role) Label() string { return RoleNames[r] }

// ValidRole reports whether r is a known role.
func ValidRole(r Role) bool { _, ok := RoleNames[r]; return ok }
