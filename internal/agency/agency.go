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
// cannot make sense of is kept as written, never dropped. Roles reads a whole
// cell with its column's role and the cell's own labels ("a) Cơ quan chủ
// trì: ...") and role words ("X chủ trì, phối hợp với Y"). Key gives the
// comparison key of a name, equal for every spelling of it. A Directory
// matches names to units and groups, and suggests units for free text.
//
// Everything here is pure and deterministic: the same text always gives the
// same agencies; the lexicon and abbreviation tables are language, not a
// province's data, and are never changed at run time.
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

// Names of the groups, as Agency.Name gives them.
const (
	ProvincialAgenciesName = "Sở, ban, ngành tỉnh"
	DistrictsName          = "UBND cấp huyện"
	CommunesName           = "UBND cấp xã"
	PublicServiceUnitsName = "Đơn vị sự nghiệp công lập"
)

// Agency is one agency named in a cell. Text is the part of the cell that
// names it, as written (trimmed, without list markers or role words; with
// its remarks in parentheses); Name its normalised full name; Group the
// group code or "". UnitID and GroupID are filled by Directory.Resolve when
// the name matches a unit or a group (with Score, 0..1, how sure the match
// is). Unspecified marks names that point at no particular agency ("các cơ
// quan liên quan"): Name is the text cleaned and capitalised, Group is "",
// and it is never matched.
//
// Names follow one canonical style, so that one agency always gets one
// name: the official spelling of the usual names (see the lexicon in
// lexicon.go: "Sở Giáo dục và Đào tạo" for "Sở GD&ĐT" or "Sở Giáo dục và
// ĐT", "Đài Phát thanh và Truyền hình" for "Đài PT-TH"); every abbreviation
// written out except "UBND" and "HĐND", the short forms plans themselves
// use, which names keep ("Văn phòng UBND tỉnh" for "VP Ủy ban nhân dân
// tỉnh"); a name outside the lexicon keeps its words, cleaned, with an
// upper-case first letter. A group's Name is its constant name
// (ProvincialAgenciesName, DistrictsName, CommunesName,
// PublicServiceUnitsName). Compare names with Key, which writes out "UBND"
// and "HĐND" too.
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
