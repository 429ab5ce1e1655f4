package demo

import (
	"fmt"
	"strconv"
	"time"

	"cchc/internal/civil"
	"cchc/internal/report"
)

// ThematicFormCode is the demo's thematic form: Sở Nội vụ's request for a
// report on ISO 9001, sent for ad hoc periods only.
const ThematicFormCode = "CD_ISO"

// thematicForm is the thematic form: agencies and districts report how far
// their procedures follow TCVN ISO 9001:2015.
func thematicForm() report.FormInput {
	return report.FormInput{
		Code:        ThematicFormCode,
		Title:       "Báo cáo chuyên đề áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015",
		UnitKinds:   []string{"agency", "district"},
		ReportTypes: []string{"adhoc"},
		Definition: report.Definition{
			Sections: []report.Section{{Code: "iso", Title: "Xây dựng, áp dụng, duy trì hệ thống quản lý chất lượng", Area: "tthc",
				Narratives: []report.Narrative{
					{Code: "iso_results", Label: "Kết quả đạt được"},
					{Code: "iso_limitations", Label: "Tồn tại, hạn chế và nguyên nhân"},
					{Code: "iso_proposals", Label: "Đề xuất, kiến nghị"},
				},
				Indicators: []report.Indicator{
					{Code: "iso_procedures", Label: "Thủ tục hành chính thuộc thẩm quyền giải quyết", Kind: report.KindCount},
					{Code: "iso_procedures_covered", Label: "Thủ tục hành chính đã xây dựng quy trình theo ISO", Kind: report.KindCount},
					{Code: "iso_internal_audits", Label: "Cuộc đánh giá nội bộ đã thực hiện", Kind: report.KindCount},
					{Code: "iso_budget", Label: "Kinh phí duy trì, cải tiến hệ thống", Kind: report.KindMoney},
					{Code: "iso_coverage_rate", Label: "Tỷ lệ thủ tục hành chính có quy trình ISO", Kind: report.KindRate,
						Formula: "iso_procedures_covered / iso_procedures"},
				}}},
			Rules: []report.Rule{{Expr: "iso_procedures_covered <= iso_procedures",
				Message: "Số thủ tục có quy trình ISO không được lớn hơn số thủ tục thuộc thẩm quyền."}},
		},
	}
}

// buildThematic adds Sở Nội vụ's thematic request on ISO 9001: its form,
// an ad hoc period covering the year so far whose units' deadline is a
// week after today, and what the units have done with it so far — a third
// have sent it (some already accepted), some have a draft, the rest
// nothing yet. The demo officers' units have not started.
func (b *reportsBuilder) buildThematic() error {
	form, err := report.SaveFormTx(b.ctx, b.tx, thematicForm(), 0)
	if err != nil {
		return fmt.Errorf("demo: thematic form: %w", err)
	}
	endsOn := civil.New(b.today.Year, b.today.Month, 1).AddDays(-1)
	p, err := report.AddAdhocPeriodTx(b.ctx, b.tx, report.AdhocInput{
		Code:         fmt.Sprintf("%d-CD-ISO", endsOn.Year),
		Title:        fmt.Sprintf("Chuyên đề ISO 9001 năm %d", endsOn.Year),
		StartsOn:     civil.New(endsOn.Year, time.January, 1),
		EndsOn:       endsOn,
		UnitDeadline: b.today.AddDays(7),
		SNVDeadline:  b.today.AddDays(14),
	})
	if err != nil {
		return fmt.Errorf("demo: thematic period: %w", err)
	}
	t := &reportsBuilder{ctx: b.ctx, tx: b.tx, today: b.today, form: form, officer: b.officer, reviewer: b.reviewer}
	asked := b.today.AddDays(-12)
	for _, u := range b.units {
		if u.Kind != "agency" && u.Kind != "district" || !u.To.IsZero() && u.To.Before(b.today) || b.officer[u.ID] != 0 {
			continue
		}
		key := "iso" + strconv.FormatInt(u.ID, 10)
		fate := reportHash(key) % 6
		if fate >= 4 {
			continue // not started
		}
		procedures := roll(key+"p", 40, 320)
		r := demoReport{unit: u, period: p, status: report.StatusDraft,
			values: map[string]int64{"iso_procedures": procedures, "iso_procedures_covered": procedures * roll(key+"c", 70, 100) / 100,
				"iso_internal_audits": roll(key+"a", 0, 2), "iso_budget": roll(key+"b", 2, 30) * 5_000_000},
			texts: map[string]string{
				"iso_results": fmt.Sprintf("Đã công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015 cho %d thủ tục hành chính; "+
					"thực hiện đánh giá nội bộ và xem xét của lãnh đạo theo kế hoạch.", procedures),
			},
			events: []demoEvent{{action: report.EventCreate, user: b.officer[u.ID], at: at(asked.AddDays(int(roll(key+"d", 1, 4))), 9)}},
		}
		if fate <= 2 {
			sent := b.today.AddDays(-int(roll(key+"s", 1, 5)))
			r.status, r.onTime = report.StatusSubmitted, ptr(true)
			r.texts["iso_limitations"] = "Một số quy trình chưa được cập nhật kịp thời khi thủ tục hành chính được sửa đổi, bổ sung."
			r.events = append(r.events, demoEvent{action: report.EventSubmit, user: b.officer[u.ID], at: at(sent, 15)})
			if fate == 0 {
				r.status = report.StatusAccepted
				r.events = append(r.events, demoEvent{action: report.EventAccept, user: b.reviewer, at: at(b.today.AddDays(-1), 17)})
			}
		}
		t.reports = append(t.reports, r)
	}
	return t.write()
}
