package importer

import (
	"reflect"
	"testing"
)

func TestSplitLabels(t *testing.T) {
	tests := []struct {
		text string
		want []segment
	}{
		{"Thường xuyên", []segment{{segLeadIn, "Thường xuyên"}}},
		{"a) Thời hạn hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: Quyết định ban hành của cấp có thẩm quyền.",
			[]segment{{segTime, "Trước tháng 6 năm 2013."}, {segProduct, "Quyết định ban hành của cấp có thẩm quyền."}}},
		{"a) Thời gian thực hiện: Thường xuyên.\nb Kết quả: Hồ sơ đánh giá tác động.",
			[]segment{{segTime, "Thường xuyên."}, {segProduct, "Hồ sơ đánh giá tác động."}}},
		{"a) Thời gian thực hiên: Từ năm 2012.\nb) Kết quả:\n- Kế hoạch triển khai;\n- Báo cáo thực hiện hàng năm.",
			[]segment{{segTime, "Từ năm 2012."}, {segProduct, "- Kế hoạch triển khai;\n- Báo cáo thực hiện hàng năm."}}},
		{"Quý I/2013. Ghi chú: phối hợp Sở Tài chính", []segment{{segLeadIn, "Quý I/2013."}, {segNotes, "phối hợp Sở Tài chính"}}},
		// "kết quả" without a colon is text, not a label.
		{"Báo cáo kết quả thực hiện hàng năm", []segment{{segLeadIn, "Báo cáo kết quả thực hiện hàng năm"}}},
		{"THỜI HẠN : Quý II năm 2014 - SẢN PHẨM: Đề án", []segment{{segTime, "Quý II năm 2014"}, {segProduct, "Đề án"}}},
	}
	for _, tt := range tests {
		if got := splitLabels(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitLabels(%q) =\n %q\nwant\n %q", tt.text, got, tt.want)
		}
	}
}

func TestLeadingMarker(t *testing.T) {
	tests := []struct{ text, kind, seq, rest string }{
		{"1. Rà soát văn bản", markNumber, "1", "Rà soát văn bản"},
		{"1.2. Rà soát", markNumber, "1.2", "Rà soát"},
		{"2) Kiểm tra", markNumber, "2", "Kiểm tra"},
		{"1……...", markNumber, "1", "……..."},
		{"1...........", markNumber, "1", ".........."},
		{"a) Quy định cụ thể", markSub, "a", "Quy định cụ thể"},
		{"đ) Đổi mới", markSub, "đ", "Đổi mới"},
		{"(b) Duy trì", markSub, "b", "Duy trì"},
		{"- Kế hoạch triển khai", markBullet, "-", "Kế hoạch triển khai"},
		{"+ Báo cáo", markBullet, "-", "Báo cáo"},
		{"II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", markRoman, "II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"},
		{"IV Xây dựng đội ngũ", markRoman, "IV", "Xây dựng đội ngũ"},
		{"A. NHÓM TIÊU CHÍ THỰC HIỆN THƯỜNG XUYÊN", markLetter, "A", "NHÓM TIÊU CHÍ THỰC HIỆN THƯỜNG XUYÊN"},
		{"100% thủ tục hành chính", markNone, "", "100% thủ tục hành chính"},
		{"2015: hoàn thành", markNone, "", "2015: hoàn thành"},
		{"Công tác chỉ đạo", markNone, "", "Công tác chỉ đạo"},
		{"a hoạt động", markNone, "", "a hoạt động"},
		{"Sở Nội vụ", markNone, "", "Sở Nội vụ"},
	}
	for _, tt := range tests {
		kind, seq, rest := leadingMarker(tt.text)
		if kind != tt.kind || seq != tt.seq || rest != tt.rest {
			t.Errorf("leadingMarker(%q) = %q, %q, %q; want %q, %q, %q", tt.text, kind, seq, rest, tt.kind, tt.seq, tt.rest)
		}
	}
}

func TestClassifySeq(t *testing.T) {
	tests := []struct{ cell, kind, seq string }{
		{"1", markNumber, "1"}, {"12.", markNumber, "12"}, {"2.3", markNumber, "2.3"},
		{"I", markRoman, "I"}, {"VII.", markRoman, "VII"}, {"A", markLetter, "A"}, {"Đ", markLetter, "Đ"},
		{"a)", markSub, "a"}, {"b", markSub, "b"}, {"-", markBullet, "-"}, {"", markNone, ""}, {"Nội dung", markNone, ""},
	}
	for _, tt := range tests {
		if kind, seq := classifySeq(tt.cell); kind != tt.kind || seq != tt.seq {
			t.Errorf("classifySeq(%q) = %q, %q; want %q, %q", tt.cell, kind, seq, tt.kind, tt.seq)
		}
	}
}

func TestParseHeading(t *testing.T) {
	tests := []struct {
		text string
		want heading
	}{
		{"Phụ lục số I. CẢI CÁCH THỂ CHẾ: Sở Tư pháp chịu trách nhiệm chủ trì.",
			heading{mark: markRoman, seq: "I", title: "CẢI CÁCH THỂ CHẾ", lead: "Sở Tư pháp"}},
		{"Phụ lục số VI: HIỆN ĐẠI HÓA HÀNH CHÍNH", heading{mark: markRoman, seq: "VI", title: "HIỆN ĐẠI HÓA HÀNH CHÍNH"}},
		{"II. Cải cách thủ tục hành chính", heading{mark: markRoman, seq: "II", title: "Cải cách thủ tục hành chính"}},
		{"A. NHÓM TIÊU CHÍ THỰC HIỆN THƯỜNG XUYÊN", heading{mark: markLetter, seq: "A", title: "NHÓM TIÊU CHÍ THỰC HIỆN THƯỜNG XUYÊN", group: true}},
		{"CẢI CÁCH TÀI CHÍNH CÔNG (Sở Tài chính chủ trì)", heading{title: "CẢI CÁCH TÀI CHÍNH CÔNG", lead: "Sở Tài chính"}},
		{"PHẦN II. NHIỆM VỤ CỤ THỂ", heading{mark: markRoman, seq: "II", title: "NHIỆM VỤ CỤ THỂ", group: true}},
	}
	for _, tt := range tests {
		if got := parseHeading(tt.text); got != tt.want {
			t.Errorf("parseHeading(%q) = %+v; want %+v", tt.text, got, tt.want)
		}
	}
}

func TestHeaderRole(t *testing.T) {
	tests := []struct{ text, role string }{
		{"STT", RoleSeq}, {"TT", RoleSeq}, {"Số TT", RoleSeq},
		{"NHIỆM VỤ CỤ THỂ TRỌNG TÂM", RoleTitle}, {"NỘI DUNG CÔNG VIỆC", RoleTitle}, {"Nhiệm vụ cụ thể", RoleTitle},
		{"Nhiệm vụ chung", RoleGroup},
		{"Cơ quan chủ trì", RoleLead}, {"Đơn vị chủ trì", RoleLead}, {"Cơ quan phối hợp", RoleCoordinating},
		{"CƠ QUAN THỰC HIỆN", RoleAgencies}, {"CƠ QUAN THỰC HIỆN, C.QUAN CHỦ TRÌ", RoleAgencies},
		{"Thời gian thực hiện", RoleTime}, {"Thời hạn hoàn thành", RoleTime},
		{"THỜI HẠN, KẾT QUẢ THỰC HIỆN", RoleTimeProduct},
		{"Sản phẩm", RoleProduct}, {"Kết quả/sản phẩm", RoleProduct},
		{"Kinh phí dự kiến (VNĐ)", RoleBudget},
		{"Cơ quan chủ trì thực hiện", RoleLead}, {"Cơ quan chủ trì, phối hợp", RoleAgencies}, {"Phân công thực hiện", RoleAgencies},
		{"Lộ trình thực hiện", RoleTime}, {"Năm hoàn thành", RoleTime}, {"Sản phẩm đầu ra", RoleProduct}, {"Danh mục nhiệm vụ", RoleTitle}, {"Nguồn kinh phí", RoleFunding}, {"Ghi chú", RoleNotes},
	}
	for _, tt := range tests {
		if got, ok := headerRole(tt.text); !ok || got != tt.role {
			t.Errorf("headerRole(%q) = %q, %v; want %q", tt.text, got, ok, tt.role)
		}
	}
	for _, text := range []string{"Sở Tư pháp", "Thường xuyên", "1", ""} {
		if got, ok := headerRole(text); ok {
			t.Errorf("headerRole(%q) = %q; want none", text, got)
		}
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		text  string
		scale int64
		want  int64
		ok    bool
	}{
		{"1.250.000", 1, 1250000, true}, {"1,250,000 đ", 1, 1250000, true}, {"150000000", 1, 150000000, true},
		{"1,5", 1_000_000, 1500000, true}, {"250", 1_000_000, 250000000, true}, {"2.500", 1000, 2500000, true},
		{"Ngân sách tỉnh", 1, 0, false}, {"", 1, 0, false},
	}
	for _, tt := range tests {
		got, ok := parseAmount(tt.text, tt.scale)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseAmount(%q, %d) = %d, %v; want %d, %v", tt.text, tt.scale, got, ok, tt.want, tt.ok)
		}
	}
}
