// Package agency reads the agency names that Vietnamese plans write in their
// "Cơ quan chủ trì", "Cơ quan phối hợp" and "Cơ quan thực hiện" cells, and
// matches them to the units and groups cchc knows. It is pure: no database;
// the caller passes a Directory of the units and groups to match against.
//
// Parse splits a cell into agencies: lists on ";" and ",", "Các sở: Tư pháp;
// Tài chính" into "Sở Tư pháp" and "Sở Tài chính", "UBND cấp huyện, xã" into
// the districts' and the communes' groups; it expands abbreviations ("Sở
// GD&ĐT", "VP Chính phủ", "Văn hóa, TT và DL"), repairs case, spacing and
// accent typos ("Sở Nội vu") and recognises the groups of DOMAIN §5. A name it
// cannot make sense of is kept as written, never dropped.
package agency

// Group codes: the unit groups every province has (they match the codes of
// cchc's seeded unit_groups). "" is a single agency.
const (
	NoGroup            = ""
	ProvincialAgencies = "provincial_agencies"  // Sở, ban, ngành tỉnh
	Districts          = "districts"            // UBND cấp huyện
	Communes           = "communes"             // UBND cấp xã
	PublicServiceUnits = "public_service_units" // đơn vị sự nghiệp công lập
)

// Agency is one agency named in a cell. Text is the part of the cell that
// names it, as written; Name its normalised full name ("Sở Giáo dục và Đào
// tạo" for "Sở GD&ĐT"; the group's name for a group); Group the group code or
// "". UnitID and GroupID are filled by Directory.Resolve when the name
// matches a unit or a group (with Score, 0..1, how sure the match is).
// Unspecified marks names that point at no particular agency ("các cơ quan
// liên quan"): kept as text, never matched.
type Agency struct {
	Text        string  `json:"text"`
	Name        string  `json:"name"`
	Group       string  `json:"group"`
	UnitID      *int64  `json:"unit_id"`
	GroupID     *int64  `json:"-"`
	Score       float64 `json:"-"`
	Unspecified bool    `json:"-"`
}

// Roles of an agency cell: which agencies lead and which coordinate.
const (
	RoleLead         = "lead"         // "Cơ quan chủ trì": every agency leads
	RoleCoordinating = "coordinating" // "Cơ quan phối hợp": every agency coordinates
	RoleMixed        = "mixed"        // "Cơ quan thực hiện": the first leads unless the cell says otherwise
)
