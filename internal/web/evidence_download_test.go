package web_test

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestEvidenceUploadDownload(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		f := newWorkFixture(t, env)
		c := env.Login(t, "officer_a")
		pdf := []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
		body, ctype := multipartFile(t, "Báo cáo rà soát.pdf", pdf, "Báo cáo kết quả rà soát")
		res := c.Do("POST", itemPath(f.itemA, "/evidence"), body, ctype)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("upload: status %d: %s", res.Code, res.Body.String())
		}
		evs, err := env.App.Plans.EvidenceOf(context.Background(), f.itemA.ID)
		if err != nil || len(evs) != 1 {
			t.Fatalf("evidence = %+v, %v", evs, err)
		}
		link := "/evidence/" + strconv.FormatInt(evs[0].ID, 10)
		wantInBody(t, "item page", c.Get(itemPath(f.itemA, "")).Body.String(), link, "Báo cáo kết quả rà soát")

		for _, user := range []string{"officer_a", "leader_d", "coord"} {
			res := env.Login(t, user).Get(link)
			if res.Code != http.StatusOK || !bytes.Equal(res.Body.Bytes(), pdf) {
				t.Errorf("%s download: status %d, %d bytes", user, res.Code, res.Body.Len())
			}
			if ct := res.Header().Get("Content-Type"); ct != "application/pdf" {
				t.Errorf("%s download: content type %q", user, ct)
			}
		}
		if code := env.Login(t, "officer_b").Get(link).Code; code != http.StatusForbidden {
			t.Errorf("officer_b download: status %d, want 403", code)
		}
		if code := c.Get("/evidence/999999").Code; code != http.StatusNotFound {
			t.Errorf("unknown evidence: status %d, want 404", code)
		}

		tests := []struct {
			name, file string
			content    []byte
			status     int
			message    string
		}{
			{"exe renamed pdf", "setup.pdf", append([]byte("MZ\x90\x00\x03"), bytes.Repeat([]byte{0}, 64)...), http.StatusUnprocessableEntity,
				"không được chấp nhận: chỉ nhận PDF"},
			{"empty file", "rong.pdf", nil, http.StatusUnprocessableEntity, "rỗng"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				body, ctype := multipartFile(t, tt.file, tt.content, "")
				res := c.Do("POST", itemPath(f.itemA, "/evidence"), body, ctype)
				if res.Code != tt.status {
					t.Fatalf("status %d, want %d", res.Code, tt.status)
				}
				wantInBody(t, tt.name, res.Body.String(), tt.message, `class="field-error"`)
			})
		}
		if evs, _ := env.App.Plans.EvidenceOf(context.Background(), f.itemA.ID); len(evs) != 1 {
			t.Errorf("refused uploads were stored: %d evidence", len(evs))
		}
		body, ctype = multipartFile(t, "x.pdf", pdf, "")
		if code := env.Login(t, "officer_b").Do("POST", itemPath(f.itemA, "/evidence"), body, ctype).Code; code != http.StatusForbidden {
			t.Errorf("officer_b upload to XA: status %d, want 403", code)
		}
	})
}
