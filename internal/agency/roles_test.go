package agency

import (
	"slices"
	"testing"
)

// names returns the names of as.
func names(as []Agency) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// TestRolesThanhHoa reads every agency cell of the Thanh Hóa seed as its
// "Cơ quan thực hiện" column does: mixed, unless the cell has labels.
func TestRolesThanhHoa(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cell        string
		lead, coord []string
	}{
		{"Sở Tư pháp.",
			[]string{"Sở Tư pháp"},
			[]string{}},
		{"Sở Nội vụ.",
			[]string{"Sở Nội vụ"},
			[]string{}},
		{"Sở Nội vu.",
			[]string{"Sở Nội vụ"},
			[]string{}},
		{"Sở Tài chính",
			[]string{"Sở Tài chính"},
			[]string{}},
		{"Sở Khoa học và Công nghệ.",
			[]string{"Sở Khoa học và Công nghệ"},
			[]string{}},
		{"Các Sở, ban, ngành; UBND cấp huyện, cấp xã.",
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"},
			[]string{}},
		{"Các Sở, ban, ngành cấp tỉnh; UBND cấp huyện; UBND cấp xã.",
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"},
			[]string{}},
		{"Các Sở, ban, ngành quản lý ngành, lĩnh vực và UBND cấp huyện liên quan.",
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện"},
			[]string{}},
		{"Cơ quan thực hiện: Sở Nội vụ; Văn phòng UBND tỉnh; UBND cấp huyện, cấp xã.",
			[]string{"Sở Nội vụ"},
			[]string{"Văn phòng UBND tỉnh", "UBND cấp huyện", "UBND cấp xã"}},
		{"Văn phòng UBND tỉnh; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện; UBND cấp xã.",
			[]string{"Văn phòng UBND tỉnh"},
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"}},
		{"Văn phòng UBND tỉnh; các cơ quan được giao chủ trì soạn thảo.",
			[]string{"Văn phòng UBND tỉnh"},
			[]string{"Các cơ quan được giao chủ trì soạn thảo"}},
		{"Văn phòng UBND tỉnh; các Sở, ban, ngành cấp tỉnh.",
			[]string{"Văn phòng UBND tỉnh"},
			[]string{"Sở, ban, ngành tỉnh"}},
		{"Văn phòng UBND tỉnh; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, xã.",
			[]string{"Văn phòng UBND tỉnh"},
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"}},
		{"Văn phòng UBND tỉnh; các cơ quan bị phản ánh, kiến nghị.",
			[]string{"Văn phòng UBND tỉnh"},
			[]string{"Các cơ quan bị phản ánh, kiến nghị"}},
		{"Văn phòng UBND tỉnh; các cơ quan liên quan.",
			[]string{"Văn phòng UBND tỉnh"},
			[]string{"Các cơ quan liên quan"}},
		{"Văn phòng UBND tỉnh; Sở Nội vụ; sở Tài chính.",
			[]string{"Văn phòng UBND tỉnh"},
			[]string{"Sở Nội vụ", "Sở Tài chính"}},
		{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện"}},
		{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở, ban, ngành tỉnh"}},
		{"Sở Nội vụ; các sở, ban, ngành cấp tỉnh; UBND cấp huyện.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện"}},
		{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh có đơn vị sự nghiệp công lập.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở, ban, ngành tỉnh"}},
		{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh và UBND cấp huyện, cấp xã có liên quan.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"}},
		{"Sở Nội vụ; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"}},
		{"Sở Nội vụ; UBND cấp huyện.",
			[]string{"Sở Nội vụ"},
			[]string{"UBND cấp huyện"}},
		{"Sở Nội vụ; sở Tài chính.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở Tài chính"}},
		{"Sở Nội vụ; Sở Tài chính và các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở Tài chính", "Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"}},
		{"Sở Nội vụ và các Sở: Giáo dục và Đào tao; Y tế; Văn hóa, Thể thao và Du lịch; Khoa học và Công nghệ.",
			[]string{"Sở Nội vụ"},
			[]string{"Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"}},
		{"Sở Nội vụ; các cơ quan liên quan.",
			[]string{"Sở Nội vụ"},
			[]string{"Các cơ quan liên quan"}},
		{"Sở Tài chính; Sở Kế hoạch và Đầu tư; các Sở, ban, ngành liên quan.",
			[]string{"Sở Tài chính"},
			[]string{"Sở Kế hoạch và Đầu tư", "Sở, ban, ngành tỉnh"}},
		{"Sở Tài chính; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã.",
			[]string{"Sở Tài chính"},
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"}},
		{"Sở Tài chính; Sở Khoa học và Công nghệ.",
			[]string{"Sở Tài chính"},
			[]string{"Sở Khoa học và Công nghệ"}},
		{"Sở Tài chính; các Sở: Giáo dục và Đào tạo; Y tế; Văn hóa, Thể thao và Du lịch.",
			[]string{"Sở Tài chính"},
			[]string{"Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch"}},
		{"Sở Tài chính; các Sở: Giáo dục và ĐT; Y tế; Văn hóa, TT và DL và các cơ quan liên quan.",
			[]string{"Sở Tài chính"},
			[]string{"Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Các cơ quan liên quan"}},
		{"a) Cơ quan chủ trì: Sở Thông tin và Truyền thông.\nb) Cơ quan thực hiện: Sở Thông tin và Truyền thông; các Sở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã.",
			[]string{"Sở Thông tin và Truyền thông"},
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"}},
		{"a) Cơ quan chủ trì: Sở Khoa học và Công nghệ.\nb) Cơ quan thực hiện: Sở Khoa học và Công nghệ và các cơ quan liên quan.",
			[]string{"Sở Khoa học và Công nghệ"},
			[]string{"Các cơ quan liên quan"}},
		{"a) Cơ quan chủ trì: Sở Kế hoạch và Đầu tư.\nb) Cơ quan thực hiện: Sở Kế hoạch và Đầu tư; các cơ quan liên quan.",
			[]string{"Sở Kế hoạch và Đầu tư"},
			[]string{"Các cơ quan liên quan"}},
	}
	if len(tests) != len(thanhHoaCells) {
		t.Fatalf("%d cells with roles, %d seed cells", len(tests), len(thanhHoaCells))
	}
	for _, tc := range tests {
		t.Run(tc.cell, func(t *testing.T) {
			t.Parallel()
			checkRoles(t, tc.cell, RoleMixed, tc.lead, tc.coord)
		})
	}
}

// TestRolesSocTrang reads the Sóc Trăng seed's cells as their columns do:
// everything in the "Cơ quan chủ trì" column leads, everything in the "Cơ
// quan phối hợp" column coordinates.
func TestRolesSocTrang(t *testing.T) {
	t.Parallel()
	for _, tc := range socTrangCells {
		t.Run(tc.cell, func(t *testing.T) {
			t.Parallel()
			var all []string
			for _, w := range tc.want {
				all = append(all, w.name)
			}
			checkRoles(t, tc.cell, RoleLead, all, nil)
			checkRoles(t, tc.cell, RoleCoordinating, nil, all)
		})
	}
}

func TestRoles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, cell, role string
		lead, coord      []string
	}{
		{"mixed: the first leads", "Sở Nội vụ; Sở Tư pháp; UBND cấp huyện", RoleMixed,
			[]string{"Sở Nội vụ"}, []string{"Sở Tư pháp", "UBND cấp huyện"}},
		{"mixed: leading groups lead together", "Sở, ban ngành tỉnh, UBND cấp huyện, xã; Sở Nội vụ", RoleMixed,
			[]string{"Sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"}, []string{"Sở Nội vụ"}},
		{"unknown role reads as mixed", "Sở Nội vụ, Sở Tư pháp", "",
			[]string{"Sở Nội vụ"}, []string{"Sở Tư pháp"}},
		{"labels: lead then executing", "a) Cơ quan chủ trì: Sở Y tế.\nb) Cơ quan thực hiện: Sở Y tế; UBND cấp xã.", RoleLead,
			[]string{"Sở Y tế"}, []string{"UBND cấp xã"}},
		{"labels without cơ quan", "Chủ trì: Sở Nội vụ; phối hợp: Sở Tài chính, Sở Tư pháp", RoleCoordinating,
			[]string{"Sở Nội vụ"}, []string{"Sở Tài chính", "Sở Tư pháp"}},
		{"labels: đơn vị", "Đơn vị chủ trì: Sở Y tế. Đơn vị phối hợp: UBND cấp huyện.", RoleMixed,
			[]string{"Sở Y tế"}, []string{"UBND cấp huyện"}},
		{"label: đơn vị thực hiện keeps the column's rule", "Đơn vị thực hiện: Sở Y tế; Sở Tài chính", RoleLead,
			[]string{"Sở Y tế", "Sở Tài chính"}, []string{}},
		{"label: cơ quan phối hợp only", "Cơ quan phối hợp: Sở Tư pháp", RoleMixed,
			[]string{}, []string{"Sở Tư pháp"}},
		{"label: chủ trì thực hiện", "- Cơ quan chủ trì thực hiện: Sở Nội vụ\n- Cơ quan phối hợp: các cơ quan liên quan", RoleMixed,
			[]string{"Sở Nội vụ"}, []string{"Các cơ quan liên quan"}},
		{"inline: chủ trì, phối hợp với", "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở GD&ĐT", RoleCoordinating,
			[]string{"Sở Nội vụ"}, []string{"Sở Tài chính", "Sở Giáo dục và Đào tạo"}},
		{"inline: chủ trì phối hợp với, no comma", "Sở Tư pháp chủ trì phối hợp với UBND cấp huyện", RoleMixed,
			[]string{"Sở Tư pháp"}, []string{"UBND cấp huyện"}},
		{"inline: (chủ trì)", "Sở Tài chính, Sở Nội vụ (chủ trì), Sở Tư pháp", RoleLead,
			[]string{"Sở Nội vụ"}, []string{"Sở Tài chính", "Sở Tư pháp"}},
		{"inline: (chủ trì) after a name with a comma", "Sở Văn hóa, Thể thao và Du lịch (chủ trì); Sở Y tế", RoleMixed,
			[]string{"Sở Văn hóa, Thể thao và Du lịch"}, []string{"Sở Y tế"}},
		{"inline: (phối hợp)", "Sở Y tế; Sở Tài chính (phối hợp)", RoleLead,
			[]string{"Sở Y tế"}, []string{"Sở Tài chính"}},
		{"inline: chủ trì; phối hợp", "Sở Tư pháp chủ trì; các Sở, ban, ngành phối hợp", RoleMixed,
			[]string{"Sở Tư pháp"}, []string{"Sở, ban, ngành tỉnh"}},
		{"inline: two lead", "Sở Nội vụ, Sở Tài chính chủ trì; UBND cấp huyện phối hợp", RoleMixed,
			[]string{"Sở Nội vụ", "Sở Tài chính"}, []string{"UBND cấp huyện"}},
		{"inline: chịu trách nhiệm chủ trì", "Sở Tư pháp chịu trách nhiệm chủ trì", RoleCoordinating,
			[]string{"Sở Tư pháp"}, []string{}},
		{"inline: là cơ quan chủ trì", "Sở Nội vụ là cơ quan chủ trì; Sở Tài chính", RoleCoordinating,
			[]string{"Sở Nội vụ"}, []string{"Sở Tài chính"}},
		{"inline: chủ trì inside a name is no role", "Văn phòng UBND tỉnh; các cơ quan chủ trì soạn thảo", RoleLead,
			[]string{"Văn phòng UBND tỉnh", "Các cơ quan chủ trì soạn thảo"}, []string{}},
		{"inline: các cơ quan chủ trì is a name", "Sở Tư pháp; các cơ quan chủ trì", RoleMixed,
			[]string{"Sở Tư pháp"}, []string{"Các cơ quan chủ trì"}},
		{"inline: leading chủ trì", "Chủ trì Sở Nội vụ; phối hợp Sở Tư pháp", RoleCoordinating,
			[]string{"Sở Nội vụ"}, []string{"Sở Tư pháp"}},
		{"a lead is never also coordinating", "Sở Nội vụ chủ trì, phối hợp với Sở Nội vụ và Sở Tư pháp", RoleMixed,
			[]string{"Sở Nội vụ"}, []string{"Sở Tư pháp"}},
		{"coordinating column", "Sở Nội vụ, Văn phòng UBND tỉnh", RoleCoordinating,
			[]string{}, []string{"Sở Nội vụ", "Văn phòng UBND tỉnh"}},
		{"empty", "", RoleMixed, []string{}, []string{}},
		{"labels alone", "Cơ quan chủ trì: . Cơ quan phối hợp:", RoleMixed, []string{}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkRoles(t, tc.cell, tc.role, tc.lead, tc.coord)
		})
	}
}

// checkRoles compares the names Roles(cell, role) returns with lead and
// coord (nil for none).
func checkRoles(t *testing.T, cell, role string, lead, coord []string) {
	t.Helper()
	gotLead, gotCoord := Roles(cell, role)
	if gotLead == nil || gotCoord == nil {
		t.Fatalf("Roles(%q, %q) returned a nil slice", cell, role)
	}
	if lead == nil {
		lead = []string{}
	}
	if coord == nil {
		coord = []string{}
	}
	if !slices.Equal(names(gotLead), lead) || !slices.Equal(names(gotCoord), coord) {
		t.Errorf("Roles(%q, %q)\n lead  %q, want %q\n coord %q, want %q", cell, role,
			names(gotLead), lead, names(gotCoord), coord)
	}
}
