package demo

import (
	"fmt"

	"cchc/internal/index"
	"cchc/internal/index/rule"
)

// The demo's reform index frameworks (Bộ Chỉ số cải cách hành chính): one
// for the provincial agencies (sở, ban, ngành) and one for the communes
// (xã, phường), written fresh in the shape of real provincial frameworks:
// eight fields scored out of 100 points (seven self-assessed and appraised,
// the eighth, the impact of reform, from the sociological survey), then
// bonus and penalty points outside the maximum.
//
// The frameworks of last year score the annual plan from what the unit
// enters, with evidence: the demo holds no plans of that year. This year's
// copies score it automatically from the plans and work items in cchc
// (indexItem.AutoFrom), as a province revises its framework once the data
// is in the system.

// indexItem is one row of a demo framework. Parents (fields and criteria
// with sub-criteria) have no Max: the builder adds up their children's.
type indexItem struct {
	Number, Title string
	Max           rule.Points // leaves only
	Rule          rule.Spec   // leaves only
	Kind          string      // "" is index.KindScore
	Evidence      bool
	Optional      bool
	Group         string
	Guidance      string
	// AutoFrom, when set, is the automatic source that scores the item in
	// the revised (this year's) framework, by Rule when Rule can score it.
	AutoFrom string
}

// itemOpt sets an optional part of a leaf.
type itemOpt func(*indexItem)

var (
	evidence = func(it *indexItem) { it.Evidence = true }
	optional = func(it *indexItem) { it.Optional = true }
	routine  = func(it *indexItem) { it.Group = index.GroupRoutine }
	invest   = func(it *indexItem) { it.Group = index.GroupInvestment }
	hard     = func(it *indexItem) { it.Group = index.GroupHard }
	surveyed = func(it *indexItem) { it.Kind = index.KindSurvey }
	bonus    = func(it *indexItem) { it.Kind = index.KindBonus }
	penalty  = func(it *indexItem) { it.Kind = index.KindPenalty }
)

func guide(text string) itemOpt { return func(it *indexItem) { it.Guidance = text } }

func autoFrom(source string) itemOpt { return func(it *indexItem) { it.AutoFrom = source } }

// head is a field or a criterion with sub-criteria.
func head(number, title string) indexItem { return indexItem{Number: number, Title: title} }

// leaf is a scored item of max points.
func leaf(number, title string, max float64, spec rule.Spec, opts ...itemOpt) indexItem {
	it := indexItem{Number: number, Title: title, Max: rule.FromFloat(max), Rule: spec}
	for _, o := range opts {
		o(&it)
	}
	return it
}

// Rules of the demo frameworks.

func manualBy(step float64) rule.Spec {
	return rule.Spec{Type: rule.TypeManual, Step: rule.FromFloat(step)}
}

var (
	manualRule = rule.Spec{Type: rule.TypeManual}
	yesNoRule  = rule.Spec{Type: rule.TypeYesNo}
	propRule   = rule.Spec{Type: rule.TypeProportional}
	timelyRule = rule.Spec{Type: rule.TypeTimeliness} // late: half the points
	surveyRule = rule.Spec{Type: rule.TypeSurvey}
)

func autoRule(source string) rule.Spec { return rule.DefaultFor(source) }

func bound(f float64) *float64 { return &f }

// tiersOver scores a ratio above hi with top points, from lo to hi
// (both included) with mid, below lo with nothing: "Trên 90%: 2 điểm; từ
// 70% đến 90%: 1 điểm; dưới 70%: 0 điểm".
func tiersOver(hi, lo, top, mid float64) rule.Spec {
	return rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
		{From: bound(hi), Points: rule.FromFloat(top)},
		{From: bound(lo), FromIncl: true, To: bound(hi), ToIncl: true, Points: rule.FromFloat(mid)},
		{To: bound(lo), Points: 0},
	}}
}

// tiersFull scores exactly 100% with top points, from lo to under 100%
// with mid, below lo with nothing.
func tiersFull(lo, top, mid float64) rule.Spec {
	return rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
		{From: bound(1), FromIncl: true, To: bound(1), ToIncl: true, Points: rule.FromFloat(top)},
		{From: bound(lo), FromIncl: true, To: bound(1), Points: rule.FromFloat(mid)},
		{To: bound(lo), Points: 0},
	}}
}

// tiersAtLeast scores a ratio of at least th with top points, below it
// with nothing.
func tiersAtLeast(th, top float64) rule.Spec {
	return rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
		{From: bound(th), FromIncl: true, Points: rule.FromFloat(top)},
		{To: bound(th), Points: 0},
	}}
}

// onTimeDossiers scores the share of dossiers resolved on time: 100%: 3
// points; from 95%: 2; from 90%: 1; below 90%: 0.
var onTimeDossiers = rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
	{From: bound(1), FromIncl: true, To: bound(1), ToIncl: true, Points: 300},
	{From: bound(0.95), FromIncl: true, To: bound(1), Points: 200},
	{From: bound(0.9), FromIncl: true, To: bound(0.95), Points: 100},
	{To: bound(0.9), Points: 0},
}}

// Guidance shared by both frameworks.
const (
	guidePlanOnTime = "Kế hoạch cải cách hành chính năm ban hành trước ngày 31/12 của năm trước năm đánh giá: điểm tối đa; " +
		"ban hành chậm: một nửa số điểm; không ban hành: 0 điểm. Tài liệu kiểm chứng: kế hoạch của đơn vị."
	guidePlanCompletion = "Tỷ lệ = số nhiệm vụ đã hoàn thành ÷ số nhiệm vụ đến hạn trong năm theo kế hoạch CCHC của đơn vị " +
		"(không tính nhiệm vụ được cấp có thẩm quyền cho điều chỉnh, hủy bỏ)."
	guideReports = "Tính tự động từ các báo cáo định kỳ (quý, 6 tháng, 9 tháng, năm) đơn vị gửi trên cchc."
	guideOnTime  = "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn trên tổng số hồ sơ đã giải quyết trong năm, " +
		"theo số liệu của Hệ thống thông tin giải quyết thủ tục hành chính tỉnh."
	guideInitiative = "Có sáng kiến, giải pháp được Hội đồng sáng kiến cấp tỉnh công nhận: 1 điểm; " +
		"được công nhận ở cấp cơ sở: 0,5 điểm; không có: 0 điểm."
	guideBonusModel = "Mô hình, sáng kiến CCHC được UBND tỉnh công nhận và chỉ đạo nhân rộng: 1 điểm; " +
		"được cơ quan cấp tỉnh ghi nhận: 0,5 điểm."
	guidePenaltyAdhoc = "Mỗi lần không báo cáo hoặc báo cáo chậm theo yêu cầu đột xuất của UBND tỉnh, Sở Nội vụ: trừ 0,25 điểm, tối đa 1 điểm."
)

// agencyFramework is the framework for the provincial agencies: 100
// points, of which 25 from the survey.
var agencyFramework = []indexItem{
	head("1", "Công tác chỉ đạo, điều hành cải cách hành chính"),
	head("1.1", "Kế hoạch cải cách hành chính năm"),
	leaf("1.1.1", "Ban hành kế hoạch cải cách hành chính năm đúng thời hạn", 1, timelyRule, evidence, routine,
		guide(guidePlanOnTime), autoFrom(rule.SourcePlanOnTime)),
	leaf("1.1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính năm", 2, tiersOver(0.9, 0.7, 2, 1), evidence, routine,
		guide(guidePlanCompletion), autoFrom(rule.SourcePlanCompletion)),
	head("1.2", "Báo cáo định kỳ về cải cách hành chính"),
	leaf("1.2.1", "Gửi báo cáo định kỳ về cải cách hành chính đúng thời hạn", 1, autoRule(rule.SourceReportsOnTime), routine,
		guide(guideReports)),
	leaf("1.2.2", "Gửi đầy đủ các báo cáo định kỳ về cải cách hành chính theo quy định", 1, autoRule(rule.SourceReportsComplete), routine,
		guide(guideReports)),
	head("1.3", "Kiểm tra công tác cải cách hành chính đối với các đơn vị trực thuộc"),
	leaf("1.3.1", "Tỷ lệ đơn vị trực thuộc được kiểm tra trong năm", 1, tiersAtLeast(0.3, 1), evidence, optional, routine,
		guide("Từ 30% số đơn vị trực thuộc trở lên được kiểm tra: 1 điểm. Không áp dụng đối với cơ quan không có đơn vị trực thuộc.")),
	leaf("1.3.2", "Xử lý các vấn đề phát hiện qua kiểm tra", 1, tiersFull(0.8, 1, 0.5), evidence, optional, routine),
	head("1.4", "Công tác tuyên truyền cải cách hành chính"),
	leaf("1.4.1", "Ban hành kế hoạch tuyên truyền cải cách hành chính (hoặc lồng ghép trong kế hoạch cải cách hành chính năm)", 0.5,
		yesNoRule, evidence, routine),
	leaf("1.4.2", "Mức độ hoàn thành kế hoạch tuyên truyền cải cách hành chính", 1, propRule, evidence, routine),
	leaf("1.5", "Thực hiện nhiệm vụ Ủy ban nhân dân tỉnh giao về cải cách hành chính", 1.5, tiersFull(0.8, 1.5, 0.75), evidence, hard,
		guide("Tỷ lệ nhiệm vụ được giao tại kế hoạch CCHC của tỉnh và các văn bản chỉ đạo hoàn thành đúng hạn trong năm.")),
	leaf("1.6", "Sáng kiến, giải pháp mới trong cải cách hành chính", 1, manualRule, evidence, hard, guide(guideInitiative)),
	leaf("1.7", "Gắn kết quả cải cách hành chính với thi đua, khen thưởng và đánh giá người đứng đầu", 1, yesNoRule, evidence, routine),

	head("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật"),
	head("2.1", "Xây dựng văn bản quy phạm pháp luật thuộc thẩm quyền"),
	leaf("2.1.1", "Tham mưu ban hành văn bản quy phạm pháp luật đúng tiến độ theo chương trình của Ủy ban nhân dân tỉnh", 2,
		tiersFull(0.8, 2, 1), evidence, optional, routine,
		guide("Không áp dụng đối với cơ quan không được giao chủ trì soạn thảo văn bản quy phạm pháp luật trong năm.")),
	leaf("2.1.2", "Lấy ý kiến, thẩm định dự thảo văn bản quy phạm pháp luật đúng quy trình", 1, yesNoRule, evidence, optional, routine),
	head("2.2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật"),
	leaf("2.2.1", "Ban hành kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật", 0.5, yesNoRule, evidence, routine),
	leaf("2.2.2", "Xử lý kết quả rà soát văn bản quy phạm pháp luật", 1.5, tiersFull(0.8, 1.5, 0.75), evidence, routine),
	head("2.3", "Theo dõi tình hình thi hành pháp luật"),
	leaf("2.3.1", "Ban hành kế hoạch theo dõi tình hình thi hành pháp luật", 0.5, timelyRule, evidence, routine),
	leaf("2.3.2", "Mức độ thực hiện kế hoạch theo dõi tình hình thi hành pháp luật", 1.5, propRule, evidence, routine),
	head("2.4", "Phổ biến, giáo dục pháp luật"),
	leaf("2.4.1", "Ban hành kế hoạch phổ biến, giáo dục pháp luật năm", 0.5, yesNoRule, evidence, routine),
	leaf("2.4.2", "Mức độ hoàn thành kế hoạch phổ biến, giáo dục pháp luật", 1.5, tiersOver(0.9, 0.7, 1.5, 0.75), evidence, routine),

	head("3", "Cải cách thủ tục hành chính"),
	head("3.1", "Rà soát, đơn giản hóa thủ tục hành chính"),
	leaf("3.1.1", "Rà soát, đề xuất phương án đơn giản hóa thủ tục hành chính theo kế hoạch của tỉnh", 1, yesNoRule, evidence, routine),
	leaf("3.1.2", "Tỷ lệ phương án đơn giản hóa được cấp có thẩm quyền thông qua", 1, propRule, evidence, hard),
	head("3.2", "Công bố, công khai thủ tục hành chính"),
	leaf("3.2.1", "Tham mưu công bố danh mục thủ tục hành chính đúng thời hạn", 1, timelyRule, evidence, routine),
	leaf("3.2.2", "Công khai đầy đủ thủ tục hành chính trên Cổng Dịch vụ công và tại Bộ phận Một cửa", 1, yesNoRule, evidence, routine),
	leaf("3.2.3", "Xây dựng, công khai quy trình nội bộ giải quyết thủ tục hành chính", 1, yesNoRule, evidence, routine),
	head("3.3", "Kết quả giải quyết thủ tục hành chính"),
	leaf("3.3.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", 3, onTimeDossiers, evidence, hard, guide(guideOnTime)),
	leaf("3.3.2", "Thực hiện xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn", 1, tiersFull(0.9, 1, 0.5), evidence, routine,
		guide("Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi; đơn vị không có hồ sơ quá hạn được tính 100%.")),
	leaf("3.3.3", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 1, tiersOver(0.8, 0.5, 1, 0.5), evidence, invest),
	leaf("3.4", "Tỷ lệ phản ánh, kiến nghị về thủ tục hành chính được xử lý đúng thời hạn", 2, tiersFull(0.9, 2, 1), evidence, routine),
	head("3.5", "Thực hiện cơ chế một cửa, một cửa liên thông"),
	leaf("3.5.1", "Đưa thủ tục hành chính ra tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh theo danh mục được phê duyệt", 1,
		tiersFull(0.9, 1, 0.5), evidence, routine),
	leaf("3.5.2", "Thực hiện thủ tục hành chính liên thông giữa các cấp chính quyền", 1, yesNoRule, evidence, invest),
	head("3.6", "Cung cấp dịch vụ công trực tuyến"),
	leaf("3.6.1", "Tỷ lệ hồ sơ nộp trực tuyến toàn trình trên tổng số hồ sơ", 1, tiersOver(0.5, 0.3, 1, 0.5), evidence, invest,
		guide("Trên 50%: 1 điểm; từ 30% đến 50%: 0,5 điểm; dưới 30%: 0 điểm.")),
	leaf("3.6.2", "Tỷ lệ hồ sơ có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến", 1, propRule, evidence, invest),

	head("4", "Cải cách tổ chức bộ máy hành chính nhà nước"),
	head("4.1", "Thực hiện quy định về tổ chức bộ máy"),
	leaf("4.1.1", "Thực hiện quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của cơ quan", 1, yesNoRule, evidence, routine),
	leaf("4.1.2", "Sắp xếp, kiện toàn các phòng chuyên môn và đơn vị trực thuộc theo quy định", 2, manualBy(0.5), evidence, hard),
	head("4.2", "Quản lý, sử dụng biên chế"),
	leaf("4.2.1", "Sử dụng biên chế không vượt số lượng được giao", 1.5, yesNoRule, evidence, routine),
	leaf("4.2.2", "Thực hiện tinh giản biên chế theo lộ trình", 1.5, tiersFull(0.8, 1.5, 0.75), evidence, hard),
	head("4.3", "Thực hiện phân cấp, ủy quyền"),
	leaf("4.3.1", "Thực hiện đầy đủ các nhiệm vụ được phân cấp, ủy quyền", 1, yesNoRule, evidence, routine),
	leaf("4.3.2", "Kiểm tra, đánh giá việc thực hiện nhiệm vụ đã phân cấp, ủy quyền cho đơn vị trực thuộc", 1, manualRule, evidence, routine),

	head("5", "Cải cách chế độ công vụ"),
	leaf("5.1", "Bố trí công chức, viên chức theo vị trí việc làm được phê duyệt", 2, yesNoRule, evidence, routine),
	head("5.2", "Tuyển dụng, bổ nhiệm công chức, viên chức"),
	leaf("5.2.1", "Thực hiện tuyển dụng công chức, viên chức đúng quy định", 1, yesNoRule, evidence, routine),
	leaf("5.2.2", "Thực hiện bổ nhiệm, bổ nhiệm lại lãnh đạo đúng quy định", 1, yesNoRule, evidence, routine),
	leaf("5.3", "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức đúng quy định, thời hạn", 2, timelyRule, evidence, routine),
	head("5.4", "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức"),
	leaf("5.4.1", "Ban hành kế hoạch đào tạo, bồi dưỡng năm", 0.5, yesNoRule, evidence, routine),
	leaf("5.4.2", "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng", 1.5, tiersOver(0.9, 0.7, 1.5, 0.75), evidence, routine),
	head("5.5", "Chấp hành kỷ luật, kỷ cương hành chính"),
	leaf("5.5.1", "Ban hành và thực hiện quy tắc ứng xử, văn hóa công vụ", 1, yesNoRule, evidence, routine),
	leaf("5.5.2", "Không có cán bộ, công chức, viên chức bị xử lý kỷ luật từ mức khiển trách trở lên", 1, yesNoRule, evidence, hard),

	head("6", "Cải cách tài chính công"),
	head("6.1", "Quản lý, sử dụng ngân sách nhà nước"),
	leaf("6.1.1", "Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao", 2, tiersFull(0.8, 2, 1), evidence, optional, hard,
		guide("Không áp dụng đối với cơ quan không được giao kế hoạch vốn đầu tư công trong năm.")),
	leaf("6.1.2", "Công khai dự toán, quyết toán ngân sách theo quy định", 1, yesNoRule, evidence, routine),
	head("6.2", "Quy chế chi tiêu nội bộ và quản lý tài sản công"),
	leaf("6.2.1", "Ban hành, thực hiện quy chế chi tiêu nội bộ, quy chế quản lý tài sản công", 1, yesNoRule, evidence, routine),
	leaf("6.2.2", "Thực hiện kiến nghị của thanh tra, kiểm toán về tài chính", 1, propRule, evidence, routine),
	leaf("6.3", "Tỷ lệ đơn vị sự nghiệp công lập trực thuộc được giao quyền tự chủ tài chính", 2, propRule, evidence, optional, invest,
		guide("Chỉ áp dụng đối với cơ quan có đơn vị sự nghiệp công lập trực thuộc.")),

	head("7", "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số"),
	leaf("7.1", "Ban hành kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số năm", 1, timelyRule, evidence, routine),
	head("7.2", "Văn bản điện tử"),
	leaf("7.2.1", "Tỷ lệ văn bản đi được ký số và gửi trên môi trường điện tử", 2, tiersOver(0.9, 0.7, 2, 1), evidence, routine),
	leaf("7.2.2", "Sử dụng Hệ thống quản lý văn bản và điều hành trong xử lý công việc", 1, yesNoRule, evidence, routine),
	head("7.3", "Hệ thống thông tin giải quyết thủ tục hành chính"),
	leaf("7.3.1", "Tỷ lệ hồ sơ thủ tục hành chính được cập nhật, xử lý trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", 2,
		tiersFull(0.9, 2, 1), evidence, invest),
	leaf("7.3.2", "Đồng bộ trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia", 1, yesNoRule, evidence, invest),
	head("7.4", "Cổng, trang thông tin điện tử"),
	leaf("7.4.1", "Cập nhật thông tin đầy đủ, kịp thời trên trang thông tin điện tử của cơ quan", 1, manualRule, evidence, routine),
	leaf("7.4.2", "Duy trì chuyên mục cải cách hành chính trên trang thông tin điện tử", 1, yesNoRule, evidence, routine),
	leaf("7.5", "Bảo đảm an toàn thông tin mạng theo cấp độ", 2, manualBy(0.5), evidence, invest),
	head("7.6", "Hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015"),
	leaf("7.6.1", "Công bố, công bố lại hệ thống quản lý chất lượng đúng thời hạn", 1, timelyRule, evidence, routine),
	leaf("7.6.2", "Duy trì, cải tiến hệ thống quản lý chất lượng", 1, yesNoRule, evidence, routine),

	head("8", "Tác động của cải cách hành chính"),
	head("8.1", "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan"),
	leaf("8.1.1", "Tiếp cận dịch vụ", 2, surveyRule, surveyed),
	leaf("8.1.2", "Thủ tục hành chính", 2, surveyRule, surveyed),
	leaf("8.1.3", "Sự phục vụ của công chức", 2, surveyRule, surveyed),
	leaf("8.1.4", "Kết quả giải quyết công việc", 2, surveyRule, surveyed),
	leaf("8.1.5", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", 2, surveyRule, surveyed),
	head("8.2", "Đánh giá của đại biểu Hội đồng nhân dân tỉnh, lãnh đạo các cơ quan về chất lượng tham mưu"),
	leaf("8.2.1", "Chất lượng tham mưu ban hành văn bản", 4, surveyRule, surveyed),
	leaf("8.2.2", "Chất lượng thực hiện nhiệm vụ được giao", 4, surveyRule, surveyed),
	head("8.3", "Tác động đến phát triển kinh tế - xã hội của ngành, lĩnh vực"),
	leaf("8.3.1", "Môi trường đầu tư, kinh doanh thuộc lĩnh vực quản lý", 3, surveyRule, surveyed),
	leaf("8.3.2", "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội được giao", 4, surveyRule, surveyed),

	head("9", "Điểm thưởng, điểm trừ"),
	head("9.1", "Điểm thưởng"),
	leaf("9.1.1", "Có mô hình, sáng kiến cải cách hành chính được công nhận và nhân rộng", 1, manualRule, bonus, evidence, hard,
		guide(guideBonusModel)),
	leaf("9.1.2", "Được Bộ, ngành trung ương khen thưởng về cải cách hành chính", 0.5, yesNoRule, bonus, evidence),
	head("9.2", "Điểm trừ"),
	leaf("9.2.1", "Để xảy ra sai phạm trong giải quyết thủ tục hành chính bị cơ quan có thẩm quyền kết luận", 1, yesNoRule, penalty),
	leaf("9.2.2", "Không thực hiện hoặc thực hiện chậm báo cáo đột xuất theo yêu cầu", 1, manualRule, penalty,
		guide(guidePenaltyAdhoc)),
}

// communeFramework is the framework for the communes and wards: 100
// points, of which 30 from the survey.
var communeFramework = []indexItem{
	head("1", "Công tác chỉ đạo, điều hành cải cách hành chính"),
	head("1.1", "Kế hoạch cải cách hành chính năm"),
	leaf("1.1.1", "Ban hành kế hoạch cải cách hành chính năm đúng thời hạn", 1, timelyRule, evidence, routine,
		guide(guidePlanOnTime), autoFrom(rule.SourcePlanOnTime)),
	leaf("1.1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính năm", 2, tiersOver(0.9, 0.7, 2, 1), evidence, routine,
		guide(guidePlanCompletion), autoFrom(rule.SourcePlanCompletion)),
	head("1.2", "Báo cáo định kỳ về cải cách hành chính"),
	leaf("1.2.1", "Gửi báo cáo định kỳ về cải cách hành chính đúng thời hạn", 1, autoRule(rule.SourceReportsOnTime), routine,
		guide(guideReports)),
	leaf("1.2.2", "Gửi đầy đủ các báo cáo định kỳ về cải cách hành chính theo quy định", 1, autoRule(rule.SourceReportsComplete), routine,
		guide(guideReports)),
	head("1.3", "Công tác tuyên truyền cải cách hành chính"),
	leaf("1.3.1", "Ban hành kế hoạch tuyên truyền cải cách hành chính (hoặc lồng ghép trong kế hoạch cải cách hành chính năm)", 0.5,
		yesNoRule, evidence, routine),
	leaf("1.3.2", "Đa dạng hình thức tuyên truyền (hệ thống truyền thanh cơ sở, mạng xã hội, hội nghị, pa-nô, áp phích)", 1.5,
		manualBy(0.5), evidence, routine,
		guide("Có từ 3 hình thức trở lên: 1,5 điểm; 2 hình thức: 1 điểm; 1 hình thức: 0,5 điểm.")),
	leaf("1.4", "Thực hiện nhiệm vụ Ủy ban nhân dân tỉnh giao về cải cách hành chính", 2, tiersFull(0.8, 2, 1), evidence, hard),
	leaf("1.5", "Chủ tịch Ủy ban nhân dân xã đối thoại với người dân, doanh nghiệp về cải cách hành chính", 1, yesNoRule, evidence, routine),
	leaf("1.6", "Sáng kiến, cách làm mới trong cải cách hành chính", 1, manualRule, evidence, hard, guide(guideInitiative)),
	leaf("1.7", "Chủ tịch Ủy ban nhân dân xã trực tiếp chủ trì họp, kiểm tra về cải cách hành chính", 1, yesNoRule, evidence, routine),

	head("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật"),
	head("2.1", "Ban hành văn bản quy phạm pháp luật thuộc thẩm quyền"),
	leaf("2.1.1", "Ban hành văn bản quy phạm pháp luật đúng trình tự, thủ tục", 1, yesNoRule, evidence, optional, routine,
		guide("Không áp dụng đối với xã, phường không ban hành văn bản quy phạm pháp luật trong năm.")),
	leaf("2.1.2", "Tự kiểm tra, rà soát văn bản do Hội đồng nhân dân, Ủy ban nhân dân xã ban hành", 1, yesNoRule, evidence, routine),
	leaf("2.2", "Mức độ thực hiện kế hoạch theo dõi tình hình thi hành pháp luật", 2, propRule, evidence, routine),
	head("2.3", "Phổ biến, giáo dục pháp luật và hòa giải ở cơ sở"),
	leaf("2.3.1", "Ban hành kế hoạch phổ biến, giáo dục pháp luật năm", 0.5, timelyRule, evidence, routine),
	leaf("2.3.2", "Tỷ lệ vụ việc hòa giải thành", 1.5, tiersOver(0.8, 0.6, 1.5, 0.75), evidence, routine),
	leaf("2.3.3", "Đạt chuẩn tiếp cận pháp luật", 1, yesNoRule, evidence, hard),

	head("3", "Cải cách thủ tục hành chính"),
	head("3.1", "Công khai thủ tục hành chính"),
	leaf("3.1.1", "Niêm yết công khai đầy đủ, đúng quy định thủ tục hành chính tại Bộ phận Một cửa", 1.5, yesNoRule, evidence, routine),
	leaf("3.1.2", "Công khai thủ tục hành chính trên trang thông tin điện tử của xã", 1.5, yesNoRule, evidence, routine),
	head("3.2", "Bộ phận Một cửa"),
	leaf("3.2.1", "Bố trí Bộ phận Một cửa đúng quy định về diện tích, trang thiết bị", 1.5, manualBy(0.5), evidence, invest),
	leaf("3.2.2", "Phân công công chức làm việc tại Bộ phận Một cửa đúng quy định", 1.5, yesNoRule, evidence, routine),
	head("3.3", "Kết quả giải quyết thủ tục hành chính"),
	leaf("3.3.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", 3, onTimeDossiers, evidence, hard, guide(guideOnTime)),
	leaf("3.3.2", "Thực hiện xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn", 1, tiersFull(0.9, 1, 0.5), evidence, routine),
	leaf("3.3.3", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 1, tiersOver(0.8, 0.5, 1, 0.5), evidence, invest),
	leaf("3.4", "Tỷ lệ phản ánh, kiến nghị về thủ tục hành chính được xử lý đúng thời hạn", 2, tiersFull(0.9, 2, 1), evidence, routine),
	head("3.5", "Cung cấp dịch vụ công trực tuyến"),
	leaf("3.5.1", "Tỷ lệ hồ sơ nộp trực tuyến toàn trình trên tổng số hồ sơ", 1, tiersOver(0.5, 0.3, 1, 0.5), evidence, invest),
	leaf("3.5.2", "Tỷ lệ hồ sơ có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến", 1, propRule, evidence, invest),
	leaf("3.6", "Thực hiện liên thông các nhóm thủ tục hành chính (khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi; khai tử, xóa đăng ký thường trú, hỗ trợ mai táng phí)", 2,
		tiersFull(0.9, 2, 1), evidence, invest),

	head("4", "Cải cách tổ chức bộ máy hành chính nhà nước"),
	leaf("4.1", "Thực hiện quy định về tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân xã", 2, yesNoRule, evidence, routine),
	leaf("4.2", "Sử dụng số lượng cán bộ, công chức không vượt số được giao", 2, yesNoRule, evidence, routine),
	leaf("4.3", "Thực hiện nhiệm vụ được phân cấp, phân quyền sau sắp xếp đơn vị hành chính", 2, manualBy(0.5), evidence, hard),

	head("5", "Cải cách chế độ công vụ"),
	leaf("5.1", "Bố trí cán bộ, công chức theo vị trí việc làm", 2, yesNoRule, evidence, routine),
	leaf("5.2", "Đánh giá, xếp loại chất lượng cán bộ, công chức đúng quy định, thời hạn", 2, timelyRule, evidence, routine),
	head("5.3", "Đào tạo, bồi dưỡng cán bộ, công chức"),
	leaf("5.3.1", "Tỷ lệ cán bộ, công chức đạt chuẩn theo quy định", 1, tiersFull(0.9, 1, 0.5), evidence, invest),
	leaf("5.3.2", "Tỷ lệ cán bộ, công chức được bồi dưỡng trong năm", 1, tiersAtLeast(0.7, 1), evidence, routine,
		guide("Từ 70% trở lên: 1 điểm; dưới 70%: 0 điểm.")),
	head("5.4", "Chấp hành kỷ luật, kỷ cương hành chính"),
	leaf("5.4.1", "Thực hiện quy tắc ứng xử, văn hóa công vụ", 1, yesNoRule, evidence, routine),
	leaf("5.4.2", "Không có cán bộ, công chức bị xử lý kỷ luật", 1, yesNoRule, evidence, hard),
	leaf("5.4.3", "Không có cán bộ, công chức gây phiền hà, sách nhiễu bị phản ánh, kết luận đúng sự thật", 1, yesNoRule, evidence, hard),

	head("6", "Cải cách tài chính công"),
	leaf("6.1", "Tỷ lệ thu ngân sách nhà nước trên địa bàn so với dự toán được giao", 2, tiersFull(0.9, 2, 1), evidence, hard,
		guide("Đạt hoặc vượt dự toán được tính 100%.")),
	leaf("6.2", "Công khai dự toán, quyết toán ngân sách xã theo quy định", 1, yesNoRule, evidence, routine),
	leaf("6.3", "Ban hành, thực hiện quy chế chi tiêu nội bộ", 1, yesNoRule, evidence, routine),
	leaf("6.4", "Quản lý, sử dụng tài sản công đúng quy định", 1, yesNoRule, evidence, routine),
	leaf("6.5", "Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao", 1, tiersFull(0.8, 1, 0.5), evidence, optional, hard,
		guide("Không áp dụng đối với xã, phường không được giao kế hoạch vốn đầu tư công trong năm.")),

	head("7", "Xây dựng, phát triển chính quyền điện tử, chính quyền số"),
	head("7.1", "Văn bản điện tử"),
	leaf("7.1.1", "Tỷ lệ văn bản đi được ký số và gửi trên môi trường điện tử", 2, tiersOver(0.9, 0.7, 2, 1), evidence, routine),
	leaf("7.1.2", "Sử dụng Hệ thống quản lý văn bản và điều hành trong xử lý công việc", 1, yesNoRule, evidence, routine),
	head("7.2", "Hệ thống thông tin giải quyết thủ tục hành chính"),
	leaf("7.2.1", "Tỷ lệ hồ sơ thủ tục hành chính được cập nhật, xử lý trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", 2,
		tiersFull(0.9, 2, 1), evidence, invest),
	leaf("7.2.2", "Đồng bộ trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia", 1, yesNoRule, evidence, invest),
	head("7.3", "Trang thông tin điện tử của xã"),
	leaf("7.3.1", "Cập nhật thông tin đầy đủ, kịp thời trên trang thông tin điện tử", 1, manualRule, evidence, routine),
	leaf("7.3.2", "Duy trì chuyên mục cải cách hành chính trên trang thông tin điện tử", 1, yesNoRule, evidence, routine),
	head("7.4", "Chuyển đổi số trong cộng đồng"),
	leaf("7.4.1", "Tổ công nghệ số cộng đồng hoạt động thường xuyên, hiệu quả", 1, yesNoRule, evidence, routine),
	leaf("7.4.2", "Tỷ lệ người dân từ 14 tuổi trở lên có tài khoản định danh điện tử mức độ 2", 2, tiersOver(0.8, 0.6, 2, 1), evidence, invest),
	head("7.5", "Hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015"),
	leaf("7.5.1", "Công bố, công bố lại hệ thống quản lý chất lượng đúng thời hạn", 1, timelyRule, evidence, routine),
	leaf("7.5.2", "Duy trì, cải tiến hệ thống quản lý chất lượng", 1, yesNoRule, evidence, routine),

	head("8", "Tác động của cải cách hành chính"),
	head("8.1", "Mức độ hài lòng của người dân, tổ chức đối với giải quyết thủ tục hành chính"),
	leaf("8.1.1", "Tiếp cận dịch vụ", 3, surveyRule, surveyed),
	leaf("8.1.2", "Thủ tục hành chính", 3, surveyRule, surveyed),
	leaf("8.1.3", "Sự phục vụ của công chức", 3, surveyRule, surveyed),
	leaf("8.1.4", "Kết quả giải quyết công việc", 3, surveyRule, surveyed),
	leaf("8.1.5", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", 3, surveyRule, surveyed),
	head("8.2", "Mức độ hài lòng đối với dịch vụ y tế, giáo dục công trên địa bàn"),
	leaf("8.2.1", "Dịch vụ y tế công (trạm y tế xã, phường)", 2.5, surveyRule, surveyed),
	leaf("8.2.2", "Dịch vụ giáo dục công (mầm non, tiểu học, trung học cơ sở)", 2.5, surveyRule, surveyed),
	head("8.3", "Tác động đến phát triển kinh tế - xã hội của địa phương"),
	leaf("8.3.1", "Thu hút đầu tư, phát triển sản xuất, kinh doanh trên địa bàn", 5, surveyRule, surveyed),
	leaf("8.3.2", "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội do Hội đồng nhân dân xã giao", 5, surveyRule, surveyed),

	head("9", "Điểm thưởng, điểm trừ"),
	head("9.1", "Điểm thưởng"),
	leaf("9.1.1", "Có mô hình, sáng kiến cải cách hành chính được công nhận và nhân rộng", 1, manualRule, bonus, evidence, hard,
		guide(guideBonusModel)),
	leaf("9.1.2", "Được Ủy ban nhân dân tỉnh khen thưởng về cải cách hành chính", 0.5, yesNoRule, bonus, evidence),
	head("9.2", "Điểm trừ"),
	leaf("9.2.1", "Để xảy ra sai phạm trong giải quyết thủ tục hành chính bị cơ quan có thẩm quyền kết luận", 1, yesNoRule, penalty),
	leaf("9.2.2", "Không thực hiện hoặc thực hiện chậm báo cáo đột xuất theo yêu cầu", 1, manualRule, penalty,
		guide(guidePenaltyAdhoc)),
}

// indexFrameworkOf returns the items of the framework for unit kind
// (agency or commune) as index.ItemInput, in order, parents' maxima
// filled in. A revisedIn year above 0 gives the version revised that year:
// items with AutoFrom are scored automatically (by their tiers when they
// have some, else by the source's default rule) and need no evidence,
// their data being their evidence.
func indexFrameworkOf(kind string, revisedIn int) []index.ItemInput {
	src := agencyFramework
	if kind == "commune" {
		src = communeFramework
	}
	out := make([]index.ItemInput, len(src))
	for i, it := range src {
		in := index.ItemInput{Number: it.Number, Title: it.Title, Kind: it.Kind, GroupTag: it.Group, Guidance: it.Guidance,
			MaxPoints: it.Max, Rule: it.Rule, EvidenceRequired: it.Evidence, Optional: it.Optional}
		if in.Kind == "" {
			in.Kind = index.KindScore
		}
		if revisedIn > 0 && it.AutoFrom != "" {
			then := it.Rule
			in.Rule = rule.DefaultFor(it.AutoFrom)
			if then.Type == rule.TypeTiers {
				in.Rule.Then = &then
			}
			in.EvidenceRequired = false
			in.Guidance = fmt.Sprintf("Từ năm %d, tính tự động từ kế hoạch và nhiệm vụ của đơn vị trên cchc. %s", revisedIn, it.Guidance)
		}
		out[i] = in
	}
	// Children follow their parent: walking backwards adds each child's
	// maximum before its parent is reached.
	byNumber := make(map[string]int, len(out))
	for i, in := range out {
		byNumber[in.Number] = i
	}
	for i := len(out) - 1; i >= 0; i-- {
		in := out[i]
		if in.Kind != index.KindScore && in.Kind != index.KindSurvey {
			continue
		}
		if j, ok := byNumber[parentNumber(in.Number)]; ok {
			out[j].MaxPoints += in.MaxPoints
		}
	}
	return out
}

// parentNumber returns the number of an item's parent: "1.2" for "1.2.3",
// "" for a field.
func parentNumber(n string) string {
	for i := len(n) - 1; i >= 0; i-- {
		if n[i] == '.' {
			return n[:i]
		}
	}
	return ""
}

// indexReasons are the appraisal council's reasons for changing a score,
// by what it found.
var indexReasons = map[string][]string{
	"yes": {
		"Tài liệu kiểm chứng chưa thể hiện đơn vị đã thực hiện nội dung này trong năm đánh giá.",
		"Văn bản kiểm chứng ban hành ngoài năm đánh giá nên không được tính điểm.",
		"Tài liệu kiểm chứng chỉ là dự thảo, chưa được cấp có thẩm quyền ký ban hành.",
	},
	"late": {
		"Tài liệu kiểm chứng không thể hiện việc ban hành đúng hạn: văn bản ban hành sau thời hạn quy định.",
		"Văn bản ban hành sau thời hạn theo kế hoạch của Ủy ban nhân dân tỉnh; chấm mức chậm.",
	},
	"notDone": {
		"Không có tài liệu kiểm chứng về việc ban hành văn bản; chấm mức chưa thực hiện.",
	},
	"ratio": {
		"Số liệu tự đánh giá chưa khớp với số liệu trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh; chấm lại theo số liệu hệ thống.",
		"Tỷ lệ tự đánh giá đã tính cả nhiệm vụ hoàn thành quá hạn; tính lại theo báo cáo của đơn vị.",
		"Số liệu tại tài liệu kiểm chứng thấp hơn số liệu đơn vị tự đánh giá; chấm theo tài liệu kiểm chứng.",
	},
	"manual": {
		"Tài liệu kiểm chứng chỉ đáp ứng một phần yêu cầu của tiêu chí; chấm lại theo hướng dẫn.",
		"Đơn vị chưa cung cấp đủ tài liệu kiểm chứng cho toàn bộ nội dung đã tự chấm.",
	},
	"raise": {
		"Đơn vị tự chấm thiếu điểm; tài liệu kiểm chứng thể hiện đơn vị đã thực hiện đầy đủ, Hội đồng thẩm định chấm lại.",
		"Đối chiếu số liệu hệ thống, đơn vị đạt mức cao hơn mức tự chấm.",
	},
	"penalty": {
		"Kết luận thanh tra số 15/KL-TTr của Thanh tra tỉnh xác định có sai phạm trong giải quyết hồ sơ thủ tục hành chính.",
	},
	"adhoc": {
		"Đơn vị chậm gửi báo cáo đột xuất theo yêu cầu tại Công văn số 1268/SNV-CCHC của Sở Nội vụ.",
		"Đơn vị không gửi báo cáo đột xuất về rà soát thủ tục hành chính theo yêu cầu của Ủy ban nhân dân tỉnh.",
	},
}

// indexResponses are units' responses to a changed item, by what its rule
// needs.
var indexResponses = map[string][]string{
	rule.NeedTimeliness: {
		"Đơn vị đã ban hành văn bản đúng thời hạn (bản chụp kèm theo có dấu ngày đến của văn thư); đề nghị Hội đồng xem xét lại.",
	},
	rule.NeedYes: {
		"Đơn vị bổ sung tài liệu kiểm chứng (văn bản đã ký ban hành và báo cáo kết quả thực hiện); đề nghị Hội đồng chấm lại theo mức tự đánh giá.",
		"Nội dung này đã được đơn vị thực hiện trong năm, thể hiện tại báo cáo kết quả thực hiện công tác cải cách hành chính năm; đề nghị Hội đồng xem xét lại.",
	},
	rule.NeedRatio: {
		"Số liệu đơn vị tổng hợp từ sổ theo dõi tại Bộ phận Một cửa; đề nghị đối chiếu lại với Hệ thống thông tin giải quyết thủ tục hành chính.",
		"Đơn vị bổ sung phụ lục số liệu chi tiết; đề nghị Hội đồng tính lại tỷ lệ theo phụ lục.",
	},
	rule.NeedPoints: {
		"Đơn vị bổ sung tài liệu kiểm chứng cho các nội dung còn thiếu; đề nghị Hội đồng xem xét lại.",
	},
}
