package report

// DefaultForm returns the default PAR report form (báo cáo công tác cải
// cách hành chính, DOMAIN §6 and §8b): one section per area of the
// 2021-2030 programme plus direction and management, each with the usual
// narratives (results, limitations, causes, proposals), the figures
// provinces ask for, their rates, and the rules between them. The first
// section's results are prefilled with the unit's task progress, and the
// task figures from cchc's work items.
func DefaultForm() FormInput {
	return FormInput{
		Code:      DefaultFormCode,
		Title:     "Báo cáo công tác cải cách hành chính",
		UnitKinds: []string{"agency", "district", "commune"},
		// The periodic reports of DefaultTypes; an ad hoc or thematic
		// report has a form of its own.
		ReportTypes: []string{"quarterly", "half_year", "nine_month", "annual"},
		Definition: Definition{
			Sections: []Section{
				{Code: "chi_dao", Title: "Công tác chỉ đạo, điều hành cải cách hành chính", Area: "chi-dao",
					Narratives: seedNarratives("chi_dao", "tasks"),
					Indicators: []Indicator{
						{Code: "tasks_due", Label: "Nhiệm vụ cải cách hành chính đến hạn trong kỳ", Kind: KindCount, Prefill: "tasks_due"},
						{Code: "tasks_done_on_time", Label: "Nhiệm vụ hoàn thành đúng hạn", Kind: KindCount, Prefill: "tasks_done_on_time"},
						seedRate("tasks_on_time_rate", "Tỷ lệ nhiệm vụ hoàn thành đúng hạn", "tasks_done_on_time / tasks_due"),
						seedCount("units_inspected", "Cơ quan, đơn vị được kiểm tra công tác cải cách hành chính", "agency", "district"),
						seedCount("issues_found", "Tồn tại, hạn chế phát hiện qua kiểm tra", "agency", "district"),
						seedCount("issues_handled", "Tồn tại, hạn chế đã được xử lý", "agency", "district"),
						seedRate("issues_handled_rate", "Tỷ lệ tồn tại, hạn chế đã được xử lý", "issues_handled / issues_found"),
					}},
				{Code: "the_che", Title: "Cải cách thể chế", Area: "the-che",
					Narratives: seedNarratives("the_che", ""),
					Indicators: []Indicator{
						seedCount("legal_docs_issued", "Văn bản quy phạm pháp luật được ban hành"),
						seedCount("legal_docs_reviewed", "Văn bản quy phạm pháp luật được rà soát, kiểm tra"),
					}},
				{Code: "tthc", Title: "Cải cách thủ tục hành chính", Area: "tthc",
					Narratives: seedNarratives("tthc", ""),
					Indicators: []Indicator{
						seedCount("procedures_published", "Thủ tục hành chính được công khai"),
						seedCount("feedback_received", "Phản ánh, kiến nghị về thủ tục hành chính tiếp nhận"),
						seedCount("feedback_handled", "Phản ánh, kiến nghị đã xử lý xong"),
						seedRate("feedback_handled_rate", "Tỷ lệ phản ánh, kiến nghị đã xử lý", "feedback_handled / feedback_received"),
						seedCount("dossiers_carried", "Hồ sơ từ kỳ trước chuyển qua"),
						seedCount("dossiers_online", "Hồ sơ mới tiếp nhận trực tuyến"),
						seedCount("dossiers_in_person", "Hồ sơ mới tiếp nhận trực tiếp"),
						seedCount("dossiers_post", "Hồ sơ mới tiếp nhận qua dịch vụ bưu chính công ích"),
						seedRate("online_rate", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "dossiers_online / (dossiers_online + dossiers_in_person + dossiers_post)"),
						seedCount("dossiers_processed", "Hồ sơ đã giải quyết"),
						seedCount("processed_early", "Hồ sơ giải quyết trước hạn"),
						seedCount("processed_on_time", "Hồ sơ giải quyết đúng hạn"),
						seedCount("processed_late", "Hồ sơ giải quyết quá hạn"),
						seedRate("on_time_rate", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "(processed_early + processed_on_time) / dossiers_processed"),
						seedCount("in_progress_within", "Hồ sơ đang giải quyết trong hạn"),
						seedCount("in_progress_overdue", "Hồ sơ đang giải quyết quá hạn"),
						seedCount("apology_slips", "Phiếu xin lỗi và hẹn lại ngày trả kết quả đã gửi"),
					}},
				{Code: "bo_may", Title: "Cải cách tổ chức bộ máy hành chính nhà nước", Area: "bo-may",
					Narratives: seedNarratives("bo_may", ""),
					Indicators: []Indicator{
						seedCount("units_reorganized", "Cơ quan, đơn vị được sắp xếp, kiện toàn"),
					}},
				{Code: "cong_vu", Title: "Cải cách chế độ công vụ", Area: "cong-vu",
					Narratives: seedNarratives("cong_vu", ""),
					Indicators: []Indicator{
						seedCount("staff_trained", "Lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng"),
					}},
				{Code: "tai_chinh", Title: "Cải cách tài chính công", Area: "tai-chinh",
					Narratives: seedNarratives("tai_chinh", ""),
					Indicators: []Indicator{
						{Code: "budget_spent", Label: "Kinh phí thực hiện cải cách hành chính trong kỳ (đồng)", Kind: KindMoney},
						seedCount("units_autonomous", "Đơn vị sự nghiệp công lập tự chủ tài chính", "agency", "district"),
					}},
				{Code: "cpdt", Title: "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", Area: "cpdt",
					Narratives: seedNarratives("cpdt", ""),
					Indicators: []Indicator{
						seedCount("docs_exchanged", "Văn bản đi, đến"),
						seedCount("docs_exchanged_electronic", "Văn bản đi, đến trao đổi dưới dạng điện tử"),
						seedRate("electronic_exchange_rate", "Tỷ lệ văn bản trao đổi dưới dạng điện tử", "docs_exchanged_electronic / docs_exchanged"),
						seedCount("services_full_online", "Dịch vụ công trực tuyến toàn trình", "agency"),
						seedCount("services_partial_online", "Dịch vụ công trực tuyến một phần", "agency"),
						seedCount("units_iso", "Cơ quan, đơn vị áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001"),
					}},
			},
			Rules: []Rule{
				{Expr: "processed_early + processed_on_time + processed_late = dossiers_processed",
					Message: "Hồ sơ giải quyết trước hạn, đúng hạn và quá hạn phải cộng lại bằng số hồ sơ đã giải quyết."},
				{Expr: "dossiers_processed + in_progress_within + in_progress_overdue <= dossiers_carried + dossiers_online + dossiers_in_person + dossiers_post",
					Message: "Hồ sơ đã giải quyết và đang giải quyết không được nhiều hơn hồ sơ tiếp nhận (kỳ trước chuyển qua và mới tiếp nhận)."},
				{Expr: "feedback_handled <= feedback_received",
					Message: "Phản ánh, kiến nghị đã xử lý không được nhiều hơn số tiếp nhận."},
				{Expr: "issues_handled <= issues_found",
					Message: "Tồn tại, hạn chế đã xử lý không được nhiều hơn số phát hiện qua kiểm tra."},
				{Expr: "docs_exchanged_electronic <= docs_exchanged",
					Message: "Văn bản trao đổi dưới dạng điện tử không được nhiều hơn tổng số văn bản đi, đến."},
				{Expr: "tasks_done_on_time <= tasks_due",
					Message: "Nhiệm vụ hoàn thành đúng hạn không được nhiều hơn số nhiệm vụ đến hạn."},
			},
		},
	}
}

// narratives returns a section's four narrative fields, codes prefixed by
// the section's code; results get prefill.
func seedNarratives(section, prefill string) []Narrative {
	return []Narrative{
		{Code: section + "_results", Label: "Kết quả đạt được", Prefill: prefill},
		{Code: section + "_limitations", Label: "Tồn tại, hạn chế"},
		{Code: section + "_causes", Label: "Nguyên nhân"},
		{Code: section + "_proposals", Label: "Phương hướng, đề xuất, kiến nghị"},
	}
}

func seedCount(code, label string, unitKinds ...string) Indicator {
	return Indicator{Code: code, Label: label, Kind: KindCount, UnitKinds: unitKinds}
}

func seedRate(code, label, formula string) Indicator {
	return Indicator{Code: code, Label: label, Kind: KindRate, Formula: formula}
}
