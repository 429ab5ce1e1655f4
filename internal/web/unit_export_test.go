package web_test

import (
	"net/http"
	"regexp"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/testkit"
)

func TestUnitExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		tests := []struct {
			user  string
			codes []string
		}{
			{"officer_a", []string{"XA"}},
			{"leader_d", []string{"H1", "XA", "XB"}},
			{"coord", []string{"T", "SNV", "H1", "XA", "XB"}}, // tree order: agencies before districts
			{"appraiser", []string{"T", "SNV", "H1", "XA", "XB"}},
		}
		for _, tt := range tests {
			t.Run(tt.user, func(t *testing.T) {
				res := env.Login(t, tt.user).Get("/units/export.xlsx")
				if res.Code != http.StatusOK || res.Header().Get("Content-Type") != org.XLSXContentType {
					t.Fatalf("status %d, type %q", res.Code, res.Header().Get("Content-Type"))
				}
				cd := res.Header().Get("Content-Disposition")
				if !regexp.MustCompile(`^attachment; filename="don-vi-\d{2}-\d{2}-\d{4}\.xlsx"$`).MatchString(cd) {
					t.Errorf("Content-Disposition = %q", cd)
				}
				f, err := excelize.OpenReader(res.Body)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				rows, err := f.GetRows(org.SheetUnits)
				if err != nil {
					t.Fatal(err)
				}
				var codes []string
				for _, r := range rows[1:] {
					codes = append(codes, r[0])
				}
				if !slices.Equal(codes, tt.codes) {
					t.Errorf("exported %q, want %q", codes, tt.codes)
				}
			})
		}
	})
}
