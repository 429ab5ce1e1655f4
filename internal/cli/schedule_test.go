package cli

import (
	"strings"
	"testing"
)

func TestScheduleParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want []string // stdout lines
	}{
		{
			name: "one deadline, no plan year",
			args: []string{"Trước tháng 6 năm 2013"},
			want: []string{
				`{"text":"Trước tháng 6 năm 2013","start":null,"due":"2013-05-31","recurrence":"","milestones":[],"relative":"","understood":true}`,
			},
		},
		{
			name: "several texts, one line each, in order",
			args: []string{"Quý I, II năm 2012", "2012, 2015", "Thường xuyên, từ năm 2012", "Theo quy định"},
			want: []string{
				`{"text":"Quý I, II năm 2012","start":"2012-01-01","due":"2012-06-30","recurrence":"","milestones":[],"relative":"","understood":true}`,
				`{"text":"2012, 2015","start":"2012-01-01","due":"2015-12-31","recurrence":"","milestones":["2012-12-31","2015-12-31"],"relative":"","understood":true}`,
				`{"text":"Thường xuyên, từ năm 2012","start":"2012-01-01","due":null,"recurrence":"continuous","milestones":[],"relative":"","understood":true}`,
				`{"text":"Theo quy định","start":null,"due":null,"recurrence":"","milestones":[],"relative":"","understood":true}`,
			},
		},
		{
			name: "plan year resolves relative phrases",
			args: []string{"--year", "2018", "trong quý IV của năm trước liền kề năm thực hiện kế hoạch", "trước ngày 25/11", "Hằng năm"},
			want: []string{
				`{"text":"trong quý IV của năm trước liền kề năm thực hiện kế hoạch","start":"2017-10-01","due":"2017-12-31","recurrence":"","milestones":[],"relative":"plan_year","understood":true}`,
				`{"text":"trước ngày 25/11","start":null,"due":"2018-11-25","recurrence":"","milestones":[],"relative":"plan_year","understood":true}`,
				`{"text":"Hằng năm","start":"2018-01-01","due":"2018-12-31","recurrence":"yearly","milestones":[],"relative":"plan_year","understood":true}`,
			},
		},
		{
			name: "--year=N form, quarterly milestones",
			args: []string{"--year=2018", "gửi trước ngày 05 tháng cuối cùng của quý"},
			want: []string{
				`{"text":"gửi trước ngày 05 tháng cuối cùng của quý","start":null,"due":"2018-12-05","recurrence":"quarterly","milestones":["2018-03-05","2018-06-05","2018-09-05","2018-12-05"],"relative":"plan_year","understood":true}`,
			},
		},
		{
			name: "without the plan year: not understood, still relative",
			args: []string{"trước ngày 25/11", "Hằng năm"},
			want: []string{
				`{"text":"trước ngày 25/11","start":null,"due":null,"recurrence":"","milestones":[],"relative":"plan_year","understood":false}`,
				`{"text":"Hằng năm","start":null,"due":null,"recurrence":"yearly","milestones":[],"relative":"plan_year","understood":true}`,
			},
		},
		{
			name: "text kept as given: newlines, quotes, HTML characters",
			args: []string{"a) Thời hạn hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: \"Quyết định\" <Sở GD&ĐT>"},
			want: []string{
				`{"text":"a) Thời hạn hoàn thành: Trước tháng 6 năm 2013.\nb) Kết quả: \"Quyết định\" <Sở GD&ĐT>","start":null,"due":"2013-05-31","recurrence":"","milestones":[],"relative":"","understood":true}`,
			},
		},
		{
			name: "a text that starts with a dash after --",
			args: []string{"--year", "2020", "--", "- Quý I"},
			want: []string{
				`{"text":"- Quý I","start":"2020-01-01","due":"2020-03-31","recurrence":"","milestones":[],"relative":"plan_year","understood":true}`,
			},
		},
		{
			name: "--year 0 means unknown",
			args: []string{"--year", "0", "07 tháng kể từ ngày VP Chính phủ hướng dẫn phiên bản mới"},
			want: []string{
				`{"text":"07 tháng kể từ ngày VP Chính phủ hướng dẫn phiên bản mới","start":null,"due":null,"recurrence":"","milestones":[],"relative":"event","understood":true}`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := run(t, "", append([]string{"schedule", "parse"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			if got, want := out, strings.Join(tc.want, "\n")+"\n"; got != want {
				t.Errorf("stdout\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestScheduleParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"no text", []string{"schedule", "parse"}, 2, "no TEXT"},
		{"year not a number", []string{"schedule", "parse", "--year", "hai nghìn", "Năm 2013"}, 2, "không hợp lệ"},
		{"year too small", []string{"schedule", "parse", "--year", "1800", "Năm 2013"}, 2, "từ 1900 đến 2199"},
		{"year too large", []string{"schedule", "parse", "--year", "20180", "Năm 2013"}, 2, "không hợp lệ"},
		{"negative year", []string{"schedule", "parse", "--year=-5", "Năm 2013"}, 2, "không hợp lệ"},
		{"unknown flag", []string{"schedule", "parse", "--plan", "2018", "Năm 2013"}, 2, "flag provided but not defined"},
		{"unknown subcommand", []string{"schedule", "guess", "Năm 2013"}, 2, `unknown schedule command "guess"`},
		{"no subcommand", []string{"schedule"}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.wantErr) {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", code, tc.code, errOut, tc.wantErr)
			}
			if strings.HasPrefix(out, `{"text":`) || strings.Contains(out, "\n{\"text\":") {
				t.Errorf("printed a result on error: %q", out)
			}
		})
	}
}

func TestScheduleHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"schedule", "--help"}, {"schedule", "parse", "--help"}} {
		code, out, _ := run(t, "", args...)
		if code != 0 || !strings.Contains(out, "Usage: cchc schedule parse [--year N] TEXT...") {
			t.Errorf("%v: exit %d, stdout %q", args, code, out)
		}
	}
}
