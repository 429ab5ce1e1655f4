package demo

import (
	"fmt"
	"strconv"

	"cchc/internal/report"
	"cchc/internal/vn"
)

// The narratives of the demo reports: a short paragraph per area of the
// default form, written from the report's own figures, and a limitation,
// cause and proposal chosen per unit and period from the usual phrases.

// percentOf returns part/whole as a Vietnamese percentage, "—" when whole is 0.
func percentOf(part, whole int64) string {
	if whole == 0 {
		return "—"
	}
	return vn.FormatPercent(100 * float64(part) / float64(whole))
}

// num formats a count with dot thousands.
func num(v int64) string { return vn.FormatInt(v) }

// narrativePhrases are the usual limitations, causes and proposals, by
// section code.
var narrativePhrases = map[string][3][]string{
	"chi_dao": {
		{"Một số nhiệm vụ trong kế hoạch cải cách hành chính triển khai còn chậm so với thời hạn.",
			"Việc báo cáo định kỳ của một số bộ phận chưa bảo đảm thời gian quy định.",
			"Công tác tự kiểm tra cải cách hành chính chưa thường xuyên."},
		{"Khối lượng công việc chuyên môn lớn, cán bộ phụ trách cải cách hành chính kiêm nhiệm nhiều việc.",
			"Người đứng đầu một số bộ phận chưa quan tâm đúng mức đến công tác cải cách hành chính."},
		{"Tiếp tục quán triệt trách nhiệm của người đứng đầu; theo dõi, đôn đốc các nhiệm vụ đến hạn hằng tháng.",
			"Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ báo cáo, chấm điểm Chỉ số cải cách hành chính."},
	},
	"tthc": {
		{"Còn hồ sơ giải quyết quá hạn, chủ yếu ở lĩnh vực đất đai và xây dựng.",
			"Tỷ lệ hồ sơ nộp trực tuyến toàn trình chưa đạt chỉ tiêu đề ra.",
			"Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm."},
		{"Hồ sơ đất đai phức tạp, phải xác minh nguồn gốc nhiều lần.",
			"Người dân ở vùng sâu, vùng xa còn ít sử dụng dịch vụ công trực tuyến.",
			"Đường truyền và thiết bị tại Bộ phận Một cửa có lúc chưa ổn định."},
		{"Tăng cường hướng dẫn người dân nộp hồ sơ trực tuyến; bố trí công chức hỗ trợ tại Bộ phận Một cửa.",
			"Đề nghị tỉnh nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính, kết nối với cơ sở dữ liệu đất đai.",
			"Đề nghị bổ sung kinh phí số hóa hồ sơ, kết quả giải quyết thủ tục hành chính."},
	},
}

// narratives returns the texts of unit u's report for period p with
// values: every section's results, and for direction and procedures a
// limitation, a cause and a proposal.
func narratives(u reportUnit, p report.PeriodRow, v map[string]int64) map[string]string {
	newDossiers := v["dossiers_online"] + v["dossiers_in_person"] + v["dossiers_post"]
	texts := map[string]string{
		"chi_dao_results": fmt.Sprintf("Trong kỳ, đơn vị triển khai %s nhiệm vụ cải cách hành chính đến hạn, hoàn thành đúng hạn %s nhiệm vụ (%s).",
			num(v["tasks_due"]), num(v["tasks_done_on_time"]), percentOf(v["tasks_done_on_time"], v["tasks_due"])),
		"the_che_results": fmt.Sprintf("Ban hành %s văn bản quy phạm pháp luật; rà soát, kiểm tra %s văn bản, kịp thời kiến nghị sửa đổi những quy định không còn phù hợp.",
			num(v["legal_docs_issued"]), num(v["legal_docs_reviewed"])),
		"tthc_results": fmt.Sprintf("Công khai %s thủ tục hành chính. Tiếp nhận %s hồ sơ mới (trực tuyến %s, chiếm %s), cùng %s hồ sơ kỳ trước chuyển qua; đã giải quyết %s hồ sơ, trong đó trước hạn và đúng hạn %s.",
			num(v["procedures_published"]), num(newDossiers), num(v["dossiers_online"]), percentOf(v["dossiers_online"], newDossiers),
			num(v["dossiers_carried"]), num(v["dossiers_processed"]), percentOf(v["processed_early"]+v["processed_on_time"], v["dossiers_processed"])),
		"bo_may_results": "Tiếp tục rà soát chức năng, nhiệm vụ, sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.",
		"cong_vu_results": fmt.Sprintf("Cử %s lượt cán bộ, công chức, viên chức tham gia đào tạo, bồi dưỡng; thực hiện nghiêm kỷ luật, kỷ cương hành chính.",
			num(v["staff_trained"])),
		"tai_chinh_results": fmt.Sprintf("Kinh phí thực hiện cải cách hành chính trong kỳ là %s đồng, sử dụng đúng mục đích, tiết kiệm.",
			num(v["budget_spent"])),
		"cpdt_results": fmt.Sprintf("Trao đổi %s văn bản đi, đến, trong đó %s dưới dạng điện tử (%s); duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.",
			num(v["docs_exchanged"]), num(v["docs_exchanged_electronic"]), percentOf(v["docs_exchanged_electronic"], v["docs_exchanged"])),
	}
	if v["units_reorganized"] > 0 {
		texts["bo_may_results"] = "Kiện toàn tổ chức, bố trí lại nhân sự Bộ phận Một cửa theo quy định; tiếp tục rà soát chức năng, nhiệm vụ các bộ phận."
	}
	if late := v["processed_late"]; late > 0 {
		texts["tthc_limitations"] = fmt.Sprintf("Còn %s hồ sơ giải quyết quá hạn; đơn vị đã gửi %s phiếu xin lỗi và hẹn lại ngày trả kết quả.",
			num(late), num(v["apology_slips"]))
	}
	key := strconv.FormatInt(u.ID, 10) + "/" + p.Code
	for section, phrases := range narrativePhrases {
		for i, field := range []string{"_limitations", "_causes", "_proposals"} {
			code := section + field
			if _, ok := texts[code]; ok {
				continue
			}
			list := phrases[i]
			texts[code] = list[reportHash(key+code)%uint64(len(list))]
		}
	}
	return texts
}
