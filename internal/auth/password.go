// Package auth holds users, roles, passwords (argon2id), browser sessions,
// personal API tokens, and the one place where access is decided (Can).
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	saltLen      = 16
)

// Bounds on the parameters CheckPassword accepts from a stored hash: far
// above anything HashPassword writes, far below what would exhaust a server.
const (
	maxArgonMemory = 1 << 20 // KiB, i.e. 1 GiB
	maxArgonTime   = 100
)

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 8

// HashPassword returns an argon2id hash of pw in the PHC string format.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether pw matches hash. It reads the parameters from
// the hash, so hashes made with older parameters keep working.
func CheckPassword(hash, pw string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errors.New("auth: not an argon2id hash")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, fmt.Errorf("auth: argon2 version %q", parts[2])
	}
	var mem, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &t, &p); err != nil {
		return false, fmt.Errorf("auth: argon2 parameters %q: %w", parts[3], err)
	}
	// argon2 panics on zero passes or lanes, and a damaged hash must not make
	// a login allocate without bound.
	if t < 1 || t > maxArgonTime || p < 1 || mem < 8*uint32(p) || mem > maxArgonMemory {
		return false, fmt.Errorf("auth: argon2 parameters %q out of range", parts[3])
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, fmt.Errorf("auth: salt: %w", err)
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil {
		return false, fmt.Errorf("auth: key: %w", err)
	}
	if len(want) < 16 {
		return false, fmt.Errorf("auth: key of %d bytes is too short", len(want))
	}
	got := argon2.IDKey([]byte(pw), salt, t, mem, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// CheckPasswordPolicy returns a Vietnamese message when pw is too weak, or "".
func CheckPasswordPolicy(pw, username string) string {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLen:
		return fmt.Sprintf("Mật khẩu phải có ít nhất %d ký tự.", MinPasswordLen)
	case utf8.RuneCountInString(pw) > 200:
		return "Mật khẩu dài tối đa 200 ký tự."
	case strings.EqualFold(pw, username):
		return "Mật khẩu không được trùng tên đăng nhập."
	}
	return ""
}

// randomToken returns n random bytes, URL-safe base64 encoded.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("auth: crypto/rand failed: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}
