package auth

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/argon2"
)

func TestPasswordRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []string{"MatKhau@2026", "mật khẩu có dấu", strings.Repeat("x", 200), ""}
	for _, pw := range tests {
		t.Run(fmt.Sprintf("%.12s", pw), func(t *testing.T) {
			t.Parallel()
			hash, err := HashPassword(pw)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(hash, pw) && pw != "" {
				t.Errorf("hash = %q", hash)
			}
			if ok, err := CheckPassword(hash, pw); !ok || err != nil {
				t.Errorf("CheckPassword(right) = %v, %v", ok, err)
			}
			if ok, err := CheckPassword(hash, pw+"x"); ok || err != nil {
				t.Errorf("CheckPassword(wrong) = %v, %v", ok, err)
			}
		})
	}
}

func TestHashesAreSalted(t *testing.T) {
	t.Parallel()
	a, err := HashPassword("MatKhau@2026")
	if err != nil {
		t.Fatal(err)
	}
	b, err := HashPassword("MatKhau@2026")
	if err != nil {
		t.Fatal(err)
	}
	if a == b || strings.Split(a, "$")[4] == strings.Split(b, "$")[4] {
		t.Errorf("two hashes of one password share a salt:\n%s\n%s", a, b)
	}
}

func TestCheckPasswordReadsParametersFromTheHash(t *testing.T) {
	t.Parallel()
	// A hash made with other (older, cheaper) parameters still verifies.
	salt := []byte("0123456789abcdef")
	key := argon2.IDKey([]byte("MatKhau@2026"), salt, 1, 8*1024, 2, 16)
	b64 := base64.RawStdEncoding
	hash := fmt.Sprintf("$argon2id$v=19$m=8192,t=1,p=2$%s$%s", b64.EncodeToString(salt), b64.EncodeToString(key))
	if ok, err := CheckPassword(hash, "MatKhau@2026"); !ok || err != nil {
		t.Errorf("CheckPassword(old parameters) = %v, %v", ok, err)
	}
	if ok, err := CheckPassword(hash, "matkhau@2026"); ok || err != nil {
		t.Errorf("CheckPassword(wrong, old parameters) = %v, %v", ok, err)
	}
}

func TestCheckPasswordRejectsTamperedHashes(t *testing.T) {
	t.Parallel()
	good, err := HashPassword("MatKhau@2026")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(good, "$")
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	tests := []struct {
		name string
		hash string
	}{
		{"empty", ""},
		{"bcrypt", "$2a$10$abcdefghijklmnopqrstuv"},
		{"argon2i", with(1, "argon2i")},
		{"other version", with(2, "v=16")},
		{"garbled version", with(2, "version")},
		{"garbled parameters", with(3, "m=lots")},
		{"salt not base64", with(4, "!!!")},
		{"key not base64", with(5, "***")},
		{"missing part", strings.Join(parts[:5], "$")},
		{"no passes", with(3, "m=19456,t=0,p=1")},
		{"no lanes", with(3, "m=19456,t=2,p=0")},
		{"memory beyond reason", with(3, "m=4294967295,t=2,p=1")},
		{"empty key", with(5, "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := CheckPassword(tt.hash, "MatKhau@2026")
			if ok || err == nil {
				t.Errorf("CheckPassword(%q) = %v, %v; want false and an error", tt.hash, ok, err)
			}
		})
	}
	// A hash whose key was altered is well-formed but matches nothing.
	key := []byte(parts[5])
	key[0] ^= 1
	if key[0] == '+' || key[0] == '/' {
		key[0] = 'A'
	}
	if ok, _ := CheckPassword(with(5, string(key)), "MatKhau@2026"); ok {
		t.Error("altered key still verifies")
	}
}

func TestDummyHashIsUsable(t *testing.T) {
	t.Parallel()
	// Authenticate checks unknown usernames against dummyHash to spend the
	// time of a real check; a malformed one would return at once.
	ok, err := CheckPassword(dummyHash, "MatKhau@2026")
	if ok || err != nil {
		t.Errorf("CheckPassword(dummyHash) = %v, %v; want false, nil", ok, err)
	}
}

func TestCheckPasswordPolicy(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pw, username string
		want               string // part of the message, "" for accepted
	}{
		{"good", "MatKhau@2026", "admin", ""},
		{"exactly 8", "abcd1234", "admin", ""},
		{"7 characters", "abc1234", "admin", "ít nhất 8"},
		{"8 runes with diacritics", "mậtkhẩuđ", "admin", ""},
		{"empty", "", "admin", "ít nhất 8"},
		{"200 characters", strings.Repeat("a", 200), "admin", ""},
		{"201 characters", strings.Repeat("a", 201), "admin", "tối đa 200"},
		{"200 characters with diacritics", strings.Repeat("ệ", 200), "admin", ""},
		{"201 characters with diacritics", strings.Repeat("ệ", 201), "admin", "tối đa 200"},
		{"same as username", "officer_a", "officer_a", "trùng tên đăng nhập"},
		{"username in other case", "OFFICER_A", "officer_a", "trùng tên đăng nhập"},
	}
	for _, tt := range tests {
		got := CheckPasswordPolicy(tt.pw, tt.username)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s: CheckPasswordPolicy = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRandomTokenIsRandomAndURLSafe(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 100 {
		tok := randomToken(32)
		if len(tok) != 43 || strings.ContainsAny(tok, "+/=") || seen[tok] {
			t.Fatalf("randomToken = %q", tok)
		}
		seen[tok] = true
	}
}
