package auth_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/audit"
	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/valid"
)

func TestTokens(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		ctx := context.Background()
		u := e.user(t, "officer_a", e.XA, auth.RoleOfficer)
		other := e.user(t, "officer_b", e.XB, auth.RoleOfficer)

		tok, secret, err := e.s.CreateToken(ctx, u.ID, "  Đồng bộ   một cửa ")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(secret, auth.TokenPrefix) || len(secret) < len(auth.TokenPrefix)+32 {
			t.Errorf("secret = %q", secret)
		}
		if tok.Name != "Đồng bộ một cửa" || tok.UserID != u.ID || tok.Prefix != secret[:len(auth.TokenPrefix)+6] || tok.RevokedAt != nil {
			t.Errorf("token = %+v", tok)
		}
		t.Run("only a hash is stored", func(t *testing.T) {
			var hash string
			if err := d.GetContext(ctx, &hash, d.Rebind(`SELECT token_hash FROM api_tokens WHERE id = ?`), tok.ID); err != nil {
				t.Fatal(err)
			}
			if hash == secret || strings.Contains(hash, secret[len(auth.TokenPrefix):]) {
				t.Errorf("token_hash %q reveals the secret", hash)
			}
			rows := e.audit(t, audit.Filter{Entity: "api_token"})
			if len(rows) != 1 || strings.Contains(rows[0].AfterJSON, secret) {
				t.Errorf("audit = %+v", rows)
			}
		})
		t.Run("the secret signs in", func(t *testing.T) {
			got, err := e.s.TokenUser(ctx, secret)
			if err != nil || got.ID != u.ID {
				t.Fatalf("TokenUser = %d, %v", got.ID, err)
			}
			ts, err := e.s.Tokens(ctx, u.ID)
			if err != nil || len(ts) != 1 || ts[0].LastUsedAt == nil || time.Since(*ts[0].LastUsedAt) > time.Minute {
				t.Errorf("Tokens after use = %+v, %v", ts, err)
			}
		})
		t.Run("bad secrets", func(t *testing.T) {
			for _, s := range []string{"", secret[len(auth.TokenPrefix):], auth.TokenPrefix + "unknown", secret + "x", strings.ToUpper(secret)} {
				if _, err := e.s.TokenUser(ctx, s); !errors.Is(err, auth.ErrBadToken) {
					t.Errorf("TokenUser(%q) err = %v, want ErrBadToken", s, err)
				}
			}
		})
		t.Run("names are checked", func(t *testing.T) {
			for _, name := range []string{"", "   ", strings.Repeat("t", 101)} {
				_, _, err := e.s.CreateToken(ctx, u.ID, name)
				if errs, ok := valid.As(err); !ok || errs["name"] == "" {
					t.Errorf("CreateToken(%q) err = %v", name, err)
				}
			}
		})
		t.Run("revoke", func(t *testing.T) {
			if err := e.s.RevokeToken(ctx, other.ID, tok.ID); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("RevokeToken by another user err = %v, want ErrNotFound", err)
			}
			if _, err := e.s.TokenUser(ctx, secret); err != nil {
				t.Errorf("token revoked by another user: %v", err)
			}
			if err := e.s.RevokeToken(ctx, u.ID, tok.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := e.s.TokenUser(ctx, secret); !errors.Is(err, auth.ErrBadToken) {
				t.Errorf("revoked token err = %v, want ErrBadToken", err)
			}
			if err := e.s.RevokeToken(ctx, u.ID, tok.ID); err != nil {
				t.Errorf("second revoke err = %v", err)
			}
			if err := e.s.RevokeToken(ctx, u.ID, 999999); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("RevokeToken(missing) err = %v", err)
			}
			ts, err := e.s.Tokens(ctx, u.ID)
			if err != nil || len(ts) != 1 || ts[0].RevokedAt == nil {
				t.Errorf("Tokens after revoke = %+v, %v", ts, err)
			}
			rows := e.audit(t, audit.Filter{Entity: "api_token", EntityID: strconv.FormatInt(tok.ID, 10), Action: audit.Update})
			if len(rows) != 1 || !strings.Contains(rows[0].AfterJSON, "revoked_at") || !strings.Contains(rows[0].BeforeJSON, `"revoked_at":null`) {
				t.Errorf("revoke audit = %+v", rows)
			}
		})
		t.Run("an inactive user's token fails", func(t *testing.T) {
			_, s2, err := e.s.CreateToken(ctx, other.ID, "Báo cáo")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.s.TokenUser(ctx, s2); err != nil {
				t.Fatalf("fresh token err = %v", err)
			}
			e.exec(t, `UPDATE users SET active = ? WHERE id = ?`, false, other.ID)
			if _, err := e.s.TokenUser(ctx, s2); !errors.Is(err, auth.ErrBadToken) {
				t.Errorf("inactive user's token err = %v, want ErrBadToken", err)
			}
		})
		t.Run("newest first", func(t *testing.T) {
			t2, _, err := e.s.CreateToken(ctx, u.ID, "Thứ hai")
			if err != nil {
				t.Fatal(err)
			}
			ts, err := e.s.Tokens(ctx, u.ID)
			if err != nil || len(ts) != 2 || ts[0].ID != t2.ID || ts[1].ID != tok.ID {
				t.Errorf("Tokens = %+v, %v", ts, err)
			}
		})
	})
}
