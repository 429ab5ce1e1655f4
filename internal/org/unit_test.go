package org_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/org"
)

func TestInputValidate(t *testing.T) {
	t.Parallel()
	good := func() org.Input {
		return org.Input{Code: "SNV", Name: "Sở Nội vụ", ShortName: "SNV", Kind: "agency", ActiveFrom: start,
			Email: "snv@example.gov.vn", Phone: "0237 3852 123", Aliases: []string{"Ban Tổ chức chính quyền"}}
	}
	tests := []struct {
		name string
		edit func(in *org.Input)
		want []string // fields with a message, sorted
	}{
		{"valid", func(*org.Input) {}, nil},
		{"code with dot, dash and underscore", func(in *org.Input) { in.Code = "XA-001.B_2" }, nil},
		{"code of 32 characters", func(in *org.Input) { in.Code = strings.Repeat("A", 32) }, nil},
		{"code of 33 characters", func(in *org.Input) { in.Code = strings.Repeat("A", 33) }, []string{"code"}},
		{"empty code", func(in *org.Input) { in.Code = "" }, []string{"code"}},
		{"code starting with a dash", func(in *org.Input) { in.Code = "-SNV" }, []string{"code"}},
		{"code with a space", func(in *org.Input) { in.Code = "S NV" }, []string{"code"}},
		{"code with diacritics", func(in *org.Input) { in.Code = "SỞ" }, []string{"code"}},
		{"empty name", func(in *org.Input) { in.Name = "" }, []string{"name"}},
		{"name of 255 runes", func(in *org.Input) { in.Name = strings.Repeat("ữ", 255) }, nil},
		{"name of 256 runes", func(in *org.Input) { in.Name = strings.Repeat("ữ", 256) }, []string{"name"}},
		{"short name of 101 runes", func(in *org.Input) { in.ShortName = strings.Repeat("a", 101) }, []string{"short_name"}},
		{"no kind", func(in *org.Input) { in.Kind = "" }, []string{"kind"}},
		{"no start day", func(in *org.Input) { in.ActiveFrom = civil.Date{} }, []string{"active_from"}},
		{"address of 256 runes", func(in *org.Input) { in.Address = strings.Repeat("đ", 256) }, []string{"address"}},
		{"phone of 51 characters", func(in *org.Input) { in.Phone = strings.Repeat("1", 51) }, []string{"phone"}},
		{"email without @", func(in *org.Input) { in.Email = "snv.example.gov.vn" }, []string{"email"}},
		{"51 aliases", func(in *org.Input) {
			in.Aliases = nil
			for i := range 51 {
				in.Aliases = append(in.Aliases, strings.Repeat("x", i+1))
			}
		}, []string{"aliases"}},
		{"alias of 256 runes", func(in *org.Input) { in.Aliases = []string{strings.Repeat("ở", 256)} }, []string{"aliases"}},
		{"everything missing", func(in *org.Input) { *in = org.Input{} }, []string{"active_from", "code", "kind", "name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := good()
			tt.edit(&in)
			errs := in.Validate()
			got := slices.Sorted(maps.Keys(errs))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Validate fields = %v, want %v (%v)", got, tt.want, errs)
			}
			for f, msg := range errs {
				if msg == "" {
					t.Errorf("field %s has an empty message", f)
				}
			}
		})
	}
}

func TestInputNormalize(t *testing.T) {
	t.Parallel()
	in := org.Input{
		Code:      "  xa-001 ",
		Name:      " Xa\u0303   An  Phu\u0301 ", // decomposed, as some Windows keyboards type it
		ShortName: "\tXã An Phú\n",
		Kind:      " commune ",
		Phone:     " 0237  385 ",
		Email:     " ubnd@anphu.gov.vn ",
		Aliases:   []string{"UBND xã An Phú", " ubnd  XA AN PHU ", "", "Xã  An Phú cũ"},
	}
	in.Normalize()
	want := org.Input{Code: "XA-001", Name: "Xã An Phú", ShortName: "Xã An Phú", Kind: "commune", Phone: "0237 385",
		Email: "ubnd@anphu.gov.vn", Aliases: []string{"UBND xã An Phú", "Xã An Phú cũ"}}
	if in.Code != want.Code || in.Name != want.Name || in.ShortName != want.ShortName || in.Kind != want.Kind ||
		in.Phone != want.Phone || in.Email != want.Email || !slices.Equal(in.Aliases, want.Aliases) {
		t.Errorf("Normalize = %+v\nwant        %+v", in, want)
	}
	if errs := in.Validate(); len(errs) != 1 || errs["active_from"] == "" {
		t.Errorf("Validate after Normalize = %v, want only the missing start day", errs)
	}
}

func TestUnitActiveOnAndDisplayName(t *testing.T) {
	t.Parallel()
	open := org.Unit{Name: "Xã An Phú", ActiveFrom: civil.New(2020, time.January, 1)}
	ended := org.Unit{Name: "Huyện Đông Sơn", ShortName: "H. Đông Sơn", ActiveFrom: civil.New(2020, time.January, 1),
		ActiveTo: civil.New(2025, time.June, 30)}
	tests := []struct {
		name string
		u    org.Unit
		on   civil.Date
		want bool
	}{
		{"open, before start", open, civil.New(2019, time.December, 31), false},
		{"open, first day", open, civil.New(2020, time.January, 1), true},
		{"open, far future", open, civil.New(2099, time.January, 1), true},
		{"ended, last day", ended, civil.New(2025, time.June, 30), true},
		{"ended, day after", ended, civil.New(2025, time.July, 1), false},
	}
	for _, tt := range tests {
		if got := tt.u.ActiveOn(tt.on); got != tt.want {
			t.Errorf("%s: ActiveOn(%s) = %v, want %v", tt.name, tt.on, got, tt.want)
		}
	}
	if !open.Active() || ended.Active() {
		t.Errorf("Active: open %v, ended %v", open.Active(), ended.Active())
	}
	if open.DisplayName() != "Xã An Phú" || ended.DisplayName() != "H. Đông Sơn" {
		t.Errorf("DisplayName = %q, %q", open.DisplayName(), ended.DisplayName())
	}
	if org.EventNames[org.EventMergedInto] == "" || (org.Event{Event: org.EventDissolved}).Label() != "Giải thể / kết thúc hoạt động" {
		t.Error("event labels missing")
	}
}
