package schedule

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"cchc/internal/civil"
)

// parseTest is one phrase and what it must mean. Dates are "YYYY-MM-DD", ""
// for none.
type parseTest struct {
	text       string
	year       int
	start, due string
	rec        string
	ms         []string
	rel        string
	ok         bool
}

// parseTests holds every phrase of DOMAIN.md §4, every deadline phrase of the
// sample plans in /work/shared/seeds (quoted exactly), and cases for each
// general rule of the grammar.
var parseTests = []parseTest{
	// DOMAIN.md §4, row by row.
	{text: "Trước tháng 6 năm 2013", due: "2013-05-31", ok: true},
	{text: "Trước tháng 12/2013", due: "2013-11-30", ok: true},
	{text: "trước ngày 30/4/2020", due: "2020-04-30", ok: true},
	{text: "trước 20/5/2020", due: "2020-05-20", ok: true},
	{text: "Trước tháng 12/2013; trước ngày 30/4/2020; trước 20/5/2020", due: "2020-05-20",
		ms: []string{"2013-11-30", "2020-04-30", "2020-05-20"}, ok: true},
	{text: "Trong năm 2013", start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "Năm 2013", start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "Quý I năm 2012", start: "2012-01-01", due: "2012-03-31", ok: true},
	{text: "Quý I, II năm 2012", start: "2012-01-01", due: "2012-06-30", ok: true},
	{text: "quý III năm 2020", start: "2020-07-01", due: "2020-09-30", ok: true},
	{text: "Từ năm 2012", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "Thời gian thực hiện: Từ năm 2014", start: "2014-01-01", rec: Continuous, ok: true},
	{text: "Thường xuyên", rec: Continuous, ok: true},
	{text: "Thường xuyên", year: 2018, rec: Continuous, ok: true},
	{text: "Thường xuyên, từ năm 2012", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "Hàng năm", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "Hàng năm", year: 2018, start: "2018-01-01", due: "2018-12-31", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "Thực hiện thường xuyên hàng năm", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "Thực hiện thường xuyên hàng năm", year: 2013, start: "2013-01-01", due: "2013-12-31", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "2012, 2015", start: "2012-01-01", due: "2015-12-31", ms: []string{"2012-12-31", "2015-12-31"}, ok: true},
	{text: "Năm 2012 - 2015", start: "2012-01-01", due: "2015-12-31", ok: true},
	{text: "giai đoạn 2018-2020", start: "2018-01-01", due: "2020-12-31", ok: true},
	{text: "Từ tháng 3/2013 tới tháng 9/2013", start: "2013-03-01", due: "2013-09-30", ok: true},
	{text: "trong quý IV của năm trước liền kề năm thực hiện kế hoạch", year: 2018, start: "2017-10-01", due: "2017-12-31", rel: RelativePlanYear, ok: true},
	{text: "trong quý IV của năm trước liền kề năm thực hiện kế hoạch", rel: RelativePlanYear},
	{text: "gửi trước ngày 05 tháng cuối cùng của quý", year: 2018, due: "2018-12-05", rec: Quarterly,
		ms: []string{"2018-03-05", "2018-06-05", "2018-09-05", "2018-12-05"}, rel: RelativePlanYear, ok: true},
	{text: "gửi trước ngày 05 tháng cuối cùng của quý", rec: Quarterly, rel: RelativePlanYear, ok: true},
	{text: "07 tháng kể từ ngày VP Chính phủ hướng dẫn phiên bản mới", rel: RelativeEvent, ok: true},
	{text: "07 tháng kể từ ngày VP Chính phủ hướng dẫn phiên bản mới", year: 2013, rel: RelativeEvent, ok: true},
	{text: "Theo quy định", ok: true},

	// DOMAIN.md §3: deadline and product in one cell, on one line or two.
	{text: "a) Thời hạn hoàn thành: Trước tháng 6 năm 2013. b) Kết quả: Quyết định ban hành của cấp có thẩm quyền.", due: "2013-05-31", ok: true},

	// DOMAIN.md §6, the report calendar.
	{text: "trước ngày 05 tháng cuối của quý", year: 2017, due: "2017-12-05", rec: Quarterly,
		ms: []string{"2017-03-05", "2017-06-05", "2017-09-05", "2017-12-05"}, rel: RelativePlanYear, ok: true},
	{text: "trước ngày 10 của tháng cuối quý", year: 2017, due: "2017-12-10", rec: Quarterly,
		ms: []string{"2017-03-10", "2017-06-10", "2017-09-10", "2017-12-10"}, rel: RelativePlanYear, ok: true},
	{text: "trước 05/06", year: 2017, due: "2017-06-05", rel: RelativePlanYear, ok: true},
	{text: "trước ngày 25/11", year: 2018, due: "2018-11-25", rel: RelativePlanYear, ok: true},
	{text: "trước ngày 25/11", rel: RelativePlanYear},
	{text: "trước 02/12", year: 2017, due: "2017-12-02", rel: RelativePlanYear, ok: true},
	{text: "trước ngày 15/04 năm sau", year: 2017, due: "2018-04-15", rel: RelativePlanYear, ok: true},
	{text: "trong tháng 5 năm sau", year: 2017, start: "2018-05-01", due: "2018-05-31", rel: RelativePlanYear, ok: true},

	// Sóc Trăng, Kế hoạch 09/KH-UBND, column "Thời gian thực hiện".
	{text: "Hàng năm", year: 2012, start: "2012-01-01", due: "2012-12-31", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "Năm 2013", year: 2012, start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "Quý I, II năm 2012", year: 2012, start: "2012-01-01", due: "2012-06-30", ok: true},
	{text: "Quý II năm 2012", start: "2012-04-01", due: "2012-06-30", ok: true},
	{text: "Năm 2012", start: "2012-01-01", due: "2012-12-31", ok: true},
	{text: "2013", start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "Báo cáo định kỳ 3 tháng và đột xuất", rec: Quarterly, rel: RelativePlanYear, ok: true},

	// Thanh Hóa, Quyết định 1525/QĐ-UBND, column "Thời hạn, kết quả thực
	// hiện": every distinct cell. The product part ("Kết quả: ... hàng năm",
	// "6 tháng 01 lần", "trước tháng 6 năm 2013") must not count.
	{text: "a) Thời hạn hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: Quyết định ban hành của cấp có thẩm quyền.", due: "2013-05-31", ok: true},
	{text: "a) Thời gian thực hiện: Thường xuyên.\nb) Kết quả: Báo cáo kết quả thực hiện hàng năm.", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Thường xuyên.\nb) Kết quả: Kế hoạch, Báo cáo thực hiện hằng năm.", rec: Continuous, ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 9 năm 2015.\nb) Kết quả: Kế hoạch thực hiện trong từng thời gian; Báo cáo kết quả rà soát, hệ thống hóa và sửa đổi, bổ sung hoặc kiến nghị sửa đổi, bổ sung bản 6 tháng 01 lần.", due: "2015-08-31", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 9 năm 2015.\nb) Kết quả: Kế hoạch đến năm 2015 và hàng năm; Báo cáo kết quả rà soát, tập hợp, hệ thống hóa văn bản 6 tháng 01 lần; Quyết định ban hành mới, sửa đổi, bổ sung, bãi bỏ thể chế, cơ chế, chính sách của cơ quan có thẩm quyền.", due: "2015-08-31", ok: true},
	{text: "a) Thời gian thực hiện: Thường xuyên.\nb) Kết quả: Kế hoạch kiểm soát hàng năm; Báo cáo kết kiểm soát; Báo cáo kết quả rà soát; Quyết định của UBND tỉnh về thông qua phương án đơn giản hóa.", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Thường xuyên.\nb Kết quả: Hồ sơ đánh giá tác động.", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Thường xuyên.\nb) Kết quả: Quyết định công bố; số lượng thủ tục hành chính được cập nhật vào Cơ sở dữ liệu quốc gia về thủ tục hành chính.", rec: Continuous, ok: true},
	{text: "a) Thời gian hoàn thành: 07 tháng kể từ ngày VP Chính phủ hướng dẫn phiên bản mới.\nb) Kết quả: Báo cáo kết quả đối chiếu, nâng cấp (1.800 thủ tục HC).", rel: RelativeEvent, ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 6 năm 2015.\nb) Kết quả: Kế hoạch thực hiện; Sơ đồ nhóm thủ tục hành chính.", due: "2015-05-31", ok: true},
	{text: "a) Thời gian thực hiện: Thường xuyên.\nb) Kết quả: Báo cáo tiếp nhận; Báo cáo kết quả xử lý phản ánh, kiến nghị.", rec: Continuous, ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 12 năm 2013.\nb) Kết quả: Quyết định của UBND tỉnh về phê duyệt Đề án.", due: "2013-11-30", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 12 năm 2013.\nb) Kết quả: Quyết định ban hành của cấp có thẩm quyền.", due: "2013-11-30", ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả:\n- Kế hoạch triển khai thực hiện; Phương án điều chỉnh, tổ chức, sắp xếp được cấp có thẩm quyền phê duyệt;\n- Hướng dẫn thực hiện; Báo cáo kết quả rà soát;\n- Các Quyết định của các cơ quan có thẩm quyền về thực thi Phương án điều chỉnh, tổ chức, sắp xếp đã được phê duyệt.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Quyết định phê duyệt Kế hoạch triển khai thực hiện; Hướng dẫn thực hiện; Quyết định phê duyệt số lượng, tiêu chuẩn và cơ cấu vị trí việc làm của cấp có thẩm quyền.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2014.\nb) Kết quả: Kế hoạch triển khai thực hiện; Tài liệu hướng dẫn quản lý theo thực hiện Báo cáo kết quả đổi mới, Báo cáo thực hiện hàng năm.", start: "2014-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Kế hoạch thực hiện trong từng thời gian; Báo cáo kết quả kiểm tra, đánh giá; văn bản khắc phục những điểm không phù hợp sau kiểm tra, đánh giá của cấp thuộc thẩm quyền.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 6 năm 2014.\nb) Kết quả: Kế hoạch triển khai; Báo cáo kết quả rà soát, đánh giá và phương án hoàn thiện; Quyết định thực thi phương án hoàn thiện của UBND tỉnh.", due: "2014-05-31", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: Văn bản chỉ đạo, hướng dẫn thực hiện của Sở Nội vụ; Quyết định phê duyệt danh mục và lộ trình của cấp có thẩm quyền.", due: "2013-05-31", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 9 năm 2013.\nb) Kết quả: Báo cáo kết quả thực hiện.", due: "2013-08-31", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 3 năm 2014.\nb) Kết quả: Kế hoạch triển khai thực hiện; Quyết định ban hành của cấp có thẩm quyền.", due: "2014-02-28", ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Văn bản chỉ đạo, hướng dẫn thực hiện của Sở Nội vụ, Sở Tài chính; Báo cáo kết quả thực hiện của các đơn vị.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 12 năm 2013.\nb) Kết quả:\n- Kế hoạch triển khai; Báo cáo thực hiện trong từng thời gian;\n- Các Quyết định thực thi kết quả rà soát của cấp có thẩm quyền theo phân cấp.", due: "2013-11-30", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 12 năm 2014.\nb) Kết quả:\n- Kế hoạch triển khai; Báo cáo kết quả thực hiện trong từng thời gian;\n- Các Quyết định thực thi kết quả rà soát của cấp có thẩm quyền theo phân cấp.", due: "2014-11-30", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: Phương án đổi mới được cấp có thẩm quyền phê duyệt; hướng dẫn thực hiện; Báo cáo đánh giá kết quả thực hiện hàng năm.", due: "2013-05-31", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 3 năm 2014.\nb) Kết quả: Phương án đổi mới, Quyết định của UBND tỉnh về ban hành Phương án; Kế hoạch triển khai; Báo cáo kết quả thực hiện hàng năm.", due: "2014-02-28", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 10 năm 2013.\nb) Kết quả: Kế hoạch triển khai; Quyết định phê duyệt Đề cương chi tiết đổi mới, hoàn thiện nội dung và chương trình của cấp có thẩm quyền; Báo cáo kết quả thực hiện hàng năm.", due: "2013-09-30", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 3 năm 2013.\nb) Kết quả: Quyết định ban hành của cấp có thẩm quyền.", due: "2013-02-28", ok: true},
	{text: "a) Thời gian hoàn thành: Trong năm 2013.\nb) Kết quả: Kế hoạch triển khai; Quyết định ban hành của cấp có thẩm quyền.", start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 6 năm 2014.\nb) Kết quả: Quyết định ban hành của cấp có thẩm quyền.", due: "2014-05-31", ok: true},
	{text: "a) Thời gian thực hiện: Thường xuyên, từ năm 2012.\nb) Kết quả: Kế hoạch, Báo cáo kết quả thực hiện.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Kế hoạch, Báo cáo kết quả thực hiện.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 3 năm 2014.\nb) Kết quả: Kế hoạch triển khai; các Quyết định ban hành cơ chế, chính sách của cấp có thẩm quyền.", due: "2014-02-28", ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Văn bản chỉ đạo, hướng dẫn thực hiện; Báo cáo kết quả thực hiện.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Kế hoạch triển khai; Phương án đổi mới, phát triển được cấp có thẩm quyền phê duyệt trước tháng 6 năm 2013; Báo cáo kết quả thực hiện hàng năm.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả:\n- Kế hoạch triển khai; Phương án đổi mới được cấp có thẩm quyền phê duyệt trước năm 2014;\n- Báo cáo kết quả thực hiện hàng năm.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Kế hoạch triển khai; Phương án đổi mới, điều chỉnh được cấp có thẩm quyền phê duyệt; Báo cáo kết quả thực hiện hàng năm.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian hoàn thành: Trong năm 2013.\nb) Kết quả: Kế hoạch triển khai thực hiện; Quyết định ban hành của cấp có thẩm quyền; Báo cáo kết quả thực hiện.", start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "a) Thời gian thực hiên: Từ năm 2012.\nb) Kết quả:\n- Kế hoạch triển khai, các Đề án thực hiện được cấp có thẩm quyền phê duyệt; dữ liệu, văn bản, tài liệu, thông tin về cải cách hành chính;... được cập nhật, trao đổi kịp thời;\n- Báo cáo thực hiện hàng năm.", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Kế hoạch triển khai; các biểu mẫu; Quyết định ban hành Quy chế của UBND tỉnh (hoàn thành trong năm 2012); Phần mềm (áp dụng trước tháng 12/2013).", start: "2012-01-01", rec: Continuous, ok: true},
	{text: "a) Thời gian hoàn thành: Trước tháng 9 năm 2013.\nb) Kết quả: Kế hoạch triển khai thực hiện; Báo cáo đánh giá; các tài liệu điều tra, khảo sát.", due: "2013-08-31", ok: true},
	{text: "a) Thời gian thực hiện: Từ năm 2012.\nb) Kết quả: Kế hoạch; Báo cáo thực hiện.", start: "2012-01-01", rec: Continuous, ok: true},

	// Hướng dẫn 219/SNV-CCHC (guidance): the empty template and the rule for annual plans.
	{text: "Từ tháng/năm tới tháng/năm"},
	{text: "Từ tháng/năm tới tháng/năm", year: 2013},
	{text: "từ quý 4 năm trước, chậm nhất là 31 tháng 12 hàng năm", year: 2013, start: "2012-10-01", due: "2013-12-31", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "Kế hoạch cải cách hành chính hàng năm kể từ năm 2013 phải được xây dựng từ quý 4 năm trước, chậm nhất là 31 tháng 12 hàng năm.",
		year: 2013, start: "2012-10-01", due: "2013-12-31", rec: Yearly, rel: RelativePlanYear, ok: true},
	// Sentences of the plans' text that carry a time.
	{text: "Đến hết năm 2013, có 100% cơ quan hành chính nhà nước từ tỉnh đến cơ sở áp dụng cơ chế một cửa liên thông", due: "2013-12-31", ok: true},
	{text: "định kỳ hàng quý, 6 tháng, hàng năm hoặc đột xuất báo cáo Sở Nội vụ", rec: Quarterly, rel: RelativePlanYear, ok: true},
	{text: "đạt mức trên 60% vào năm 2015", start: "2015-01-01", due: "2015-12-31", ok: true},
	{text: "Quyết định số 126/2002/QĐ.UBNDT ngày 27/5/2002 của UBND tỉnh", due: "2002-05-27", ok: true},
	{text: "Hoàn chỉnh thực hiện áp dụng hệ thống quản lý chất lượng ISO 9001-2008"},

	// General rules: numbers in words, roman and digit quarters, spellings.
	{text: "tháng mười hai năm 2020", start: "2020-12-01", due: "2020-12-31", ok: true},
	{text: "tháng mười một năm 2020", start: "2020-11-01", due: "2020-11-30", ok: true},
	{text: "tháng tư năm 2020", start: "2020-04-01", due: "2020-04-30", ok: true},
	{text: "tháng năm năm 2020", start: "2020-05-01", due: "2020-05-31", ok: true},
	{text: "tháng giêng năm 2021", start: "2021-01-01", due: "2021-01-31", ok: true},
	{text: "ngày mười lăm tháng sáu năm 2020", due: "2020-06-15", ok: true},
	{text: "ngày hai mươi lăm tháng 11 năm 2020", due: "2020-11-25", ok: true},
	{text: "quý 1 năm 2021", start: "2021-01-01", due: "2021-03-31", ok: true},
	{text: "quý 4/2020", start: "2020-10-01", due: "2020-12-31", ok: true},
	{text: "Quí IV năm 2020", start: "2020-10-01", due: "2020-12-31", ok: true},
	{text: "quý hai năm 2020", start: "2020-04-01", due: "2020-06-30", ok: true},
	{text: "Q1/2020", start: "2020-01-01", due: "2020-03-31", ok: true},
	{text: "QIII/2020", start: "2020-07-01", due: "2020-09-30", ok: true},
	{text: "Q1-Q2/2013", start: "2013-01-01", due: "2013-06-30", ok: true},
	{text: "Q1,2/2013", start: "2013-01-01", due: "2013-06-30", ok: true},
	{text: "Bắt đầu tháng 6/2013, kết thúc tháng 12/2013", start: "2013-06-01", due: "2013-12-31", ok: true},
	{text: "Triển khai từ tháng 6/2013, hoàn thành tháng 12/2013", start: "2013-06-01", due: "2013-12-31", ok: true},
	{text: "Chậm nhất trước ngày 15/12/2013", due: "2013-12-15", ok: true},
	{text: "Tháng 12.2013", start: "2013-12-01", due: "2013-12-31", ok: true},
	{text: "Tháng 01 - 12/2021", start: "2021-01-01", due: "2021-12-31", ok: true},
	{text: "T11-12/2021", start: "2021-11-01", due: "2021-12-31", ok: true},
	{text: "Quý III-IV/2021", start: "2021-07-01", due: "2021-12-31", ok: true},
	{text: "Tháng 9/2021 - 5/2022", start: "2021-09-01", due: "2022-05-31", ok: true},
	{text: "01/01/2021 - 31/12/2021", start: "2021-01-01", due: "2021-12-31", ok: true},
	{text: "30/6/21", due: "2021-06-30", ok: true},
	{text: "tháng 6, năm 2013", start: "2013-06-01", due: "2013-06-30", ok: true},
	{text: "Quý I, 2013", start: "2013-01-01", due: "2013-03-31", ok: true},
	{text: "Cả năm", year: 2021, start: "2021-01-01", due: "2021-12-31", rel: RelativePlanYear, ok: true},
	{text: "Cả năm 2021", start: "2021-01-01", due: "2021-12-31", ok: true},
	{text: "Năm 2021 và các năm tiếp theo", start: "2021-01-01", rec: Continuous, ok: true},
	{text: "Từ năm 2021 trở đi", start: "2021-01-01", rec: Continuous, ok: true},
	{text: "Quý, 6 tháng, năm", year: 2021, start: "2021-01-01", due: "2021-12-31", rec: Quarterly,
		ms: []string{"2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"}, rel: RelativePlanYear, ok: true},
	{text: "6 tháng, năm", rec: HalfYearly, rel: RelativePlanYear, ok: true},
	{text: "Hằng tháng, trước ngày 25", year: 2021, due: "2021-12-25", rec: Monthly, rel: RelativePlanYear, ok: true,
		ms: []string{"2021-01-25", "2021-02-25", "2021-03-25", "2021-04-25", "2021-05-25", "2021-06-25",
			"2021-07-25", "2021-08-25", "2021-09-25", "2021-10-25", "2021-11-25", "2021-12-25"}},
	{text: "trước ngày 25", year: 2021},
	{text: "Kể từ ngày 01/7/2021", start: "2021-07-01", rec: Continuous, ok: true},
	{text: "Chậm nhất 05 ngày làm việc sau khi kết thúc quý", rel: RelativeEvent, ok: true},
	{text: "quý I và quý II năm 2012", start: "2012-01-01", due: "2012-06-30", ok: true},
	{text: "quý I - III/2013", start: "2013-01-01", due: "2013-09-30", ok: true},
	{text: "quý I, III năm 2013", start: "2013-01-01", due: "2013-09-30", ms: []string{"2013-03-31", "2013-09-30"}, ok: true},
	{text: "tháng 6/2013", start: "2013-06-01", due: "2013-06-30", ok: true},
	{text: "tháng 6 năm 2013", start: "2013-06-01", due: "2013-06-30", ok: true},
	{text: "tháng 6-2013", start: "2013-06-01", due: "2013-06-30", ok: true},
	{text: "06/2013", start: "2013-06-01", due: "2013-06-30", ok: true},
	{text: "T6/2013", start: "2013-06-01", due: "2013-06-30", ok: true},
	{text: "ngày 30 tháng 4 năm 2020", due: "2020-04-30", ok: true},
	{text: "ngày 30/4/2020", due: "2020-04-30", ok: true},
	{text: "30-4-2020", due: "2020-04-30", ok: true},
	{text: "30.4.2020", due: "2020-04-30", ok: true},
	{text: "2020-04-30", due: "2020-04-30", ok: true},
	{text: "ngày mùng 5 tháng 6 năm 2020", due: "2020-06-05", ok: true},
	{text: "31 tháng 12 hàng năm", year: 2020, due: "2020-12-31", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "tháng 12 hằng năm", year: 2018, start: "2018-12-01", due: "2018-12-31", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "tháng 12 hằng năm", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "ngày 15/6 và 15/12 hằng năm", year: 2019, due: "2019-12-15", ms: []string{"2019-06-15", "2019-12-15"}, rec: Yearly, rel: RelativePlanYear, ok: true},
	// Halves, first months, parts of a period.
	{text: "6 tháng đầu năm", year: 2020, start: "2020-01-01", due: "2020-06-30", rel: RelativePlanYear, ok: true},
	{text: "6 tháng đầu năm", rel: RelativePlanYear},
	{text: "6 tháng cuối năm 2020", start: "2020-07-01", due: "2020-12-31", ok: true},
	{text: "9 tháng đầu năm 2020", start: "2020-01-01", due: "2020-09-30", ok: true},
	{text: "sáu tháng đầu năm 2020", start: "2020-01-01", due: "2020-06-30", ok: true},
	{text: "nửa đầu năm 2020", start: "2020-01-01", due: "2020-06-30", ok: true},
	{text: "nửa cuối năm 2020", start: "2020-07-01", due: "2020-12-31", ok: true},
	{text: "cuối năm 2020", due: "2020-12-31", ok: true},
	{text: "cuối năm", year: 2020, due: "2020-12-31", rel: RelativePlanYear, ok: true},
	{text: "đầu năm 2021", start: "2021-01-01", due: "2021-03-31", ok: true},
	{text: "giữa năm 2020", start: "2020-06-01", due: "2020-07-31", ok: true},
	{text: "cuối quý I năm 2020", due: "2020-03-31", ok: true},
	{text: "đầu quý II/2020", start: "2020-04-01", due: "2020-04-30", ok: true},
	{text: "cuối tháng 6/2020", due: "2020-06-30", ok: true},
	{text: "đầu tháng 6/2020", start: "2020-06-01", due: "2020-06-10", ok: true},
	{text: "trước cuối năm 2020", due: "2020-12-31", ok: true},
	{text: "trước đầu năm 2021", due: "2020-12-31", ok: true},
	{text: "từ đầu năm 2021", start: "2021-01-01", rec: Continuous, ok: true},
	{text: "cuối quý", year: 2018, due: "2018-12-31", rec: Quarterly,
		ms: []string{"2018-03-31", "2018-06-30", "2018-09-30", "2018-12-31"}, rel: RelativePlanYear, ok: true},
	{text: "tháng cuối quý I năm 2020", start: "2020-03-01", due: "2020-03-31", ok: true},
	{text: "ngày 10 hằng tháng", rec: Monthly, rel: RelativePlanYear, ok: true},
	// Prepositions.
	{text: "chậm nhất ngày 31/12/2020", due: "2020-12-31", ok: true},
	{text: "chậm nhất là 31 tháng 12 năm 2020", due: "2020-12-31", ok: true},
	{text: "chậm nhất tháng 6/2013", due: "2013-06-30", ok: true},
	{text: "Đến năm 2015", due: "2015-12-31", ok: true},
	{text: "đến hết năm 2015", due: "2015-12-31", ok: true},
	{text: "hạn 30/6/2013", due: "2013-06-30", ok: true},
	{text: "trước năm 2014", due: "2013-12-31", ok: true},
	{text: "trước quý III năm 2020", due: "2020-06-30", ok: true},
	{text: "hoàn thành trước ngày 15/6/2013", due: "2013-06-15", ok: true},
	{text: "sau năm 2015", start: "2016-01-01", rec: Continuous, ok: true},
	{text: "vào quý IV/2013", start: "2013-10-01", due: "2013-12-31", ok: true},
	{text: "trong 6 tháng đầu năm 2013", start: "2013-01-01", due: "2013-06-30", ok: true},
	{text: "bắt đầu từ tháng 7/2013", start: "2013-07-01", rec: Continuous, ok: true},
	// Ranges and lists; years filled from the other end or the next item.
	{text: "2011-2015", start: "2011-01-01", due: "2015-12-31", ok: true},
	{text: "2012 ÷ 2015", start: "2012-01-01", due: "2015-12-31", ok: true},
	{text: "giai đoạn 2011 – 2015", start: "2011-01-01", due: "2015-12-31", ok: true},
	{text: "từ năm 2012 đến năm 2015", start: "2012-01-01", due: "2015-12-31", ok: true},
	{text: "từ tháng 3 đến tháng 9 năm 2013", start: "2013-03-01", due: "2013-09-30", ok: true},
	{text: "từ tháng 10 đến tháng 3 năm 2014", start: "2013-10-01", due: "2014-03-31", ok: true},
	{text: "từ tháng 10/2013 đến tháng 3", start: "2013-10-01", due: "2014-03-31", ok: true},
	{text: "từ 15/3 đến 30/4/2020", start: "2020-03-15", due: "2020-04-30", ok: true},
	{text: "từ 15/12 đến 15/01", year: 2020, start: "2020-12-15", due: "2021-01-15", rel: RelativePlanYear, ok: true},
	{text: "từ tháng 10 đến tháng 3", year: 2020, start: "2020-10-01", due: "2021-03-31", rel: RelativePlanYear, ok: true},
	{text: "tháng 3, 6, 9 năm 2013", start: "2013-03-01", due: "2013-09-30", ms: []string{"2013-03-31", "2013-06-30", "2013-09-30"}, ok: true},
	{text: "Năm 2012, 2013", start: "2012-01-01", due: "2013-12-31", ok: true},
	{text: "Từ tháng 3/2013\ntới tháng 9/2013", start: "2013-03-01", due: "2013-09-30", ok: true},
	// The plan year: next, previous, this year.
	{text: "năm sau", year: 2020, start: "2021-01-01", due: "2021-12-31", rel: RelativePlanYear, ok: true},
	{text: "năm tiếp theo", year: 2020, start: "2021-01-01", due: "2021-12-31", rel: RelativePlanYear, ok: true},
	{text: "quý IV năm trước", year: 2018, start: "2017-10-01", due: "2017-12-31", rel: RelativePlanYear, ok: true},
	{text: "quý IV năm trước", rel: RelativePlanYear},
	{text: "trong năm", year: 2019, start: "2019-01-01", due: "2019-12-31", rel: RelativePlanYear, ok: true},
	{text: "Năm 2013; trước ngày 25/11", start: "2013-01-01", due: "2013-12-31", ms: []string{"2013-11-25", "2013-12-31"}, ok: true},
	{text: "Hằng năm, từ năm 2012", year: 2018, start: "2012-01-01", rec: Yearly, ok: true},
	// Recurrences.
	{text: "Hằng năm", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "mỗi năm", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "thường niên", rec: Yearly, rel: RelativePlanYear, ok: true},
	{text: "định kỳ hằng quý", year: 2020, start: "2020-01-01", due: "2020-12-31", rec: Quarterly,
		ms: []string{"2020-03-31", "2020-06-30", "2020-09-30", "2020-12-31"}, rel: RelativePlanYear, ok: true},
	{text: "hàng quý", rec: Quarterly, rel: RelativePlanYear, ok: true},
	{text: "6 tháng một lần", year: 2020, start: "2020-01-01", due: "2020-12-31", rec: HalfYearly,
		ms: []string{"2020-06-30", "2020-12-31"}, rel: RelativePlanYear, ok: true},
	{text: "định kỳ 6 tháng", rec: HalfYearly, rel: RelativePlanYear, ok: true},
	{text: "hàng tháng", rec: Monthly, rel: RelativePlanYear, ok: true},
	{text: "định kỳ hàng tháng", rec: Monthly, rel: RelativePlanYear, ok: true},
	{text: "1 lần/quý", rec: Quarterly, rel: RelativePlanYear, ok: true},
	{text: "theo quý", rec: Quarterly, rel: RelativePlanYear, ok: true},
	{text: "liên tục", rec: Continuous, ok: true},
	// Events and no dates on purpose.
	{text: "sau khi có hướng dẫn của Bộ Nội vụ", rel: RelativeEvent, ok: true},
	{text: "khi có yêu cầu", rel: RelativeEvent, ok: true},
	{text: "đột xuất", rel: RelativeEvent, ok: true},
	{text: "kể từ ngày ký", rel: RelativeEvent, ok: true},
	{text: "trong vòng 15 ngày làm việc", rel: RelativeEvent, ok: true},
	{text: "30 ngày kể từ ngày 01/7/2020", start: "2020-07-01", due: "2020-07-31", ok: true},
	{text: "3 tháng kể từ ngày 15/1/2020", start: "2020-01-15", due: "2020-04-15", ok: true},
	{text: "Theo hướng dẫn của Sở Nội vụ", ok: true},
	{text: "theo kế hoạch", ok: true},
	{text: "chưa xác định", ok: true},
	{text: "Báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12", year: 2021, due: "2021-12-15",
		ms: []string{"2021-06-15", "2021-12-15"}, rel: RelativePlanYear, ok: true},
	// Several deadlines: numbered lines, sub-items.
	{text: "1. Trước tháng 6 năm 2013; 2. Quý I năm 2014", start: "2014-01-01", due: "2014-03-31", ms: []string{"2013-05-31", "2014-03-31"}, ok: true},
	{text: "1. Năm 2013\n2. Năm 2014", start: "2013-01-01", due: "2014-12-31", ms: []string{"2013-12-31", "2014-12-31"}, ok: true},
	{text: "- Dự thảo: quý I/2013;\n- Ban hành: trước tháng 6/2013", start: "2013-01-01", due: "2013-05-31", ms: []string{"2013-03-31", "2013-05-31"}, ok: true},
	{text: "Sản phẩm: Báo cáo hằng quý. Thời hạn: trong năm 2013", start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "Sản phẩm: Báo cáo hằng quý; thời hạn quý I/2013", start: "2013-01-01", due: "2013-03-31", ok: true},
	{text: "Kết quả: Quyết định ban hành trong năm 2013"},
	{text: "a) Thời gian: Quý I năm 2013\nb) Sản phẩm: Kế hoạch\nc) Thời gian: Quý III năm 2013", start: "2013-01-01", due: "2013-09-30",
		ms: []string{"2013-03-31", "2013-09-30"}, ok: true},
	// Spelling, case, punctuation.
	{text: "truoc thang 6 nam 2013", due: "2013-05-31", ok: true},
	{text: "TRƯỚC THÁNG 6 NĂM 2013", due: "2013-05-31", ok: true},
	{text: "  Trước   tháng 6  năm 2013 .  ", due: "2013-05-31", ok: true},
	{text: "Năm 2013.", start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "(Năm 2013)", start: "2013-01-01", due: "2013-12-31", ok: true},
	{text: "Quý I,II năm 2012", start: "2012-01-01", due: "2012-06-30", ok: true},
	{text: "tu thang tu nam 2020", start: "2020-04-01", rec: Continuous, ok: true},
	{text: "Từ tháng tư năm 2020", start: "2020-04-01", rec: Continuous, ok: true},
	{text: "sau thang dau nam 2020", start: "2020-01-01", due: "2020-06-30", ok: true},
	{text: "Tru\u031bo\u031b\u0301c tha\u0301ng 6 na\u0306m 2013", due: "2013-05-31", ok: true}, // decomposed (NFD) diacritics
	// Not understood: no time, impossible dates, reversed periods.
	{text: ""},
	{text: "Sở Nội vụ"},
	{text: "Nghị định 63/2010/NĐ-CP"},
	{text: "30/02/2020"},
	{text: "ngày 29/02/2013"},
	{text: "ngày 29/02/2012", due: "2012-02-29", ok: true},
	{text: "trước tháng 13"},
	{text: "trước tháng 13 năm 2020"},
	{text: "quý V năm 2020"},
	{text: "năm 20130"},
	{text: "từ năm 2015 đến năm 2012"},
	{text: "Từ năm 2015; trước năm 2014"},
	{text: "Hằng năm, trước tháng 13", rec: Yearly, rel: RelativePlanYear},
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range parseTests {
		t.Run(tc.text, func(t *testing.T) {
			t.Parallel()
			got := Parse(tc.text, tc.year)
			want := Schedule{
				Text: tc.text, Start: day(t, tc.start), Due: day(t, tc.due), Recurrence: tc.rec,
				Relative: tc.rel, Understood: tc.ok,
			}
			for _, m := range tc.ms {
				want.Milestones = append(want.Milestones, day(t, m))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q, %d)\n got %s\nwant %s", tc.text, tc.year, jsonOf(t, got), jsonOf(t, want))
			}
			checkInvariants(t, got)
		})
	}
}

// TestSpellingVariants checks that every phrase reads the same typed
// without diacritics, in upper case, or decomposed (NFD).
func TestSpellingVariants(t *testing.T) {
	t.Parallel()
	for _, tc := range parseTests {
		want := Parse(tc.text, tc.year)
		for _, variant := range []string{stripDiacritics(tc.text), strings.ToUpper(tc.text), norm.NFD.String(tc.text)} {
			got := Parse(variant, tc.year)
			got.Text = want.Text
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q, %d)\n got %s\nwant %s (as for %q)", variant, tc.year, jsonOf(t, got), jsonOf(t, want), tc.text)
			}
		}
	}
}

func TestMarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		year int
		want string
	}{
		{"Trước tháng 6 năm 2013", 0,
			`{"text":"Trước tháng 6 năm 2013","start":null,"due":"2013-05-31","recurrence":"","milestones":[],"relative":"","understood":true}`},
		{"2012, 2015", 0,
			`{"text":"2012, 2015","start":"2012-01-01","due":"2015-12-31","recurrence":"","milestones":["2012-12-31","2015-12-31"],"relative":"","understood":true}`},
		{"Sở GD&ĐT <b>", 0,
			`{"text":"Sở GD&ĐT <b>","start":null,"due":null,"recurrence":"","milestones":[],"relative":"","understood":false}`},
		{"Hằng năm", 0,
			`{"text":"Hằng năm","start":null,"due":null,"recurrence":"yearly","milestones":[],"relative":"plan_year","understood":true}`},
	}
	for _, tc := range tests {
		got, err := Parse(tc.text, tc.year).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("MarshalJSON(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
		var back Schedule
		if err := json.Unmarshal(got, &back); err != nil || !reflect.DeepEqual(back, Parse(tc.text, tc.year)) {
			t.Errorf("round trip of %s: %+v, %v", got, back, err)
		}
	}
}

func TestSummary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		year int
		want string
	}{
		{"Trước tháng 6 năm 2013", 0, "Hạn 31/05/2013"},
		{"Trong năm 2013", 0, "Từ 01/01/2013 đến 31/12/2013"},
		{"Thường xuyên, từ năm 2012", 0, "Từ 01/01/2012, thường xuyên"},
		{"Thường xuyên", 0, "Thường xuyên"},
		{"Hằng năm", 0, "Hằng năm"},
		{"Hằng năm", 2018, "Từ 01/01/2018 đến 31/12/2018, hằng năm"},
		{"2012, 2015", 0, "Từ 01/01/2012, các mốc 31/12/2012, 31/12/2015"},
		{"gửi trước ngày 05 tháng cuối cùng của quý", 2018, "Các mốc 05/03/2018, 05/06/2018, 05/09/2018, 05/12/2018, hằng quý"},
		{"07 tháng kể từ ngày VP Chính phủ hướng dẫn phiên bản mới", 0, "Chờ sự kiện, chưa có ngày"},
		{"Theo quy định", 0, "Không có thời hạn cố định"},
		{"trước ngày 25/11", 0, "Không xác định được thời hạn"},
		{"Từ tháng/năm tới tháng/năm", 0, "Không xác định được thời hạn"},
	}
	for _, tc := range tests {
		if got := Parse(tc.text, tc.year).Summary(); got != tc.want {
			t.Errorf("Parse(%q, %d).Summary() = %q, want %q", tc.text, tc.year, got, tc.want)
		}
	}
}

func TestPlanYearOutOfRange(t *testing.T) {
	t.Parallel()
	for _, year := range []int{-1, 1899, 2200, 1 << 40} {
		if got := Parse("trước ngày 25/11", year); got.Understood || !got.Due.IsZero() {
			t.Errorf("plan year %d: %+v, want it treated as unknown", year, got)
		}
	}
}

func day(t *testing.T, s string) civil.Date {
	t.Helper()
	if s == "" {
		return civil.Date{}
	}
	d, err := civil.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func jsonOf(t *testing.T, s Schedule) string {
	t.Helper()
	b, err := s.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// stripDiacritics types s the way a user without a Vietnamese keyboard does.
func stripDiacritics(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return s
	}
	return strings.NewReplacer("đ", "d", "Đ", "D").Replace(out)
}
