package org_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/valid"
)

func TestKinds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := org.NewStore(d)

		k, err := s.CreateKind(ctx, org.KindInput{Code: " Special_Zone ", Name: "  Đặc   khu ", Tier: 3, SortOrder: 45})
		if err != nil {
			t.Fatal(err)
		}
		if k.Code != "special_zone" || k.Name != "Đặc khu" {
			t.Fatalf("created kind = %+v", k)
		}
		tests := []struct {
			name  string
			in    org.KindInput
			field string
		}{
			{"duplicate code", org.KindInput{Code: "commune", Name: "Xã", Tier: 3}, "code"},
			{"bad code", org.KindInput{Code: "xã", Name: "Xã", Tier: 3}, "code"},
			{"empty name", org.KindInput{Code: "x1", Tier: 3}, "name"},
			{"tier out of range", org.KindInput{Code: "x2", Name: "X", Tier: 12}, "tier"},
		}
		for _, tc := range tests {
			_, err := s.CreateKind(ctx, tc.in)
			errs, ok := valid.As(err)
			if !ok || errs[tc.field] == "" {
				t.Errorf("%s: err = %v, want a message on %s", tc.name, err, tc.field)
			}
		}

		// A kind in use can be renamed but not deleted.
		if _, err := s.Create(ctx, org.Input{Code: "DK1", Name: "Đặc khu Hòn Ngọc", Kind: "special_zone", ActiveFrom: day(2025, 7, 1)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateKind(ctx, "special_zone", org.KindInput{Name: "Đặc khu (cấp xã)", Tier: 3, SortOrder: 41}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteKind(ctx, "special_zone"); valid.Message(err) == "" {
			t.Fatalf("deleting a kind in use: %v", err)
		}
		// A kind named by a group cannot be deleted either.
		if err := s.DeleteKind(ctx, "district"); valid.Message(err) == "" {
			t.Fatalf("deleting a kind used by a group: %v", err)
		}
		if err := s.DeleteKind(ctx, "nope"); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("deleting an unknown kind: %v", err)
		}
		usage, err := s.KindsWithUsage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, u := range usage {
			if u.Code == "special_zone" {
				found = u.Units == 1 && u.Name == "Đặc khu (cấp xã)" && u.SortOrder == 41
			}
		}
		if !found {
			t.Fatalf("usage = %+v", usage)
		}
		rows, _, err := audit.List(ctx, d, audit.Filter{Entity: "unit_kind", EntityID: "special_zone"})
		if err != nil || len(rows) != 2 {
			t.Fatalf("audit rows for the kind = %d, %v (want create and update)", len(rows), err)
		}

		if _, err := s.CreateKind(ctx, org.KindInput{Code: "unused", Name: "Không dùng", Tier: 0}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteKind(ctx, "unused"); err != nil {
			t.Fatalf("deleting an unused kind: %v", err)
		}
	})
}

func TestSearchRanksBestMatchesFirst(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := org.NewStore(d)
		for _, u := range []struct{ code, name string }{
			{"A1", "Xã Thạnh An Phú"}, {"A2", "Phường An Phú"}, {"A3", "An Phú Đông"}, {"A4", "Xã Phú An"},
		} {
			if _, err := s.Create(ctx, org.Input{Code: u.code, Name: u.name, Kind: "commune", ActiveFrom: day(2020, 1, 1)}); err != nil {
				t.Fatal(err)
			}
		}
		units, total, err := s.List(ctx, org.Filter{Q: "an phu"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range units {
			got = append(got, u.Name)
		}
		// "An Phú Đông" starts with the words; "Phường An Phú" and "Xã Thạnh
		// An Phú" have them together; "Xã Phú An" only has both words.
		want := []string{"An Phú Đông", "Phường An Phú", "Xã Thạnh An Phú", "Xã Phú An"}
		if total != 4 || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("search order = %q (total %d), want %q", got, total, want)
		}
	})
}
