package vn

import (
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator compares strings in Vietnamese dictionary order (a < ă < â < b ...
// < d < đ ...), ignoring case at the first level. A Collator is not safe for
// concurrent use; make one per goroutine with NewCollator.
type Collator struct{ c *collate.Collator }

// NewCollator returns a Vietnamese collator.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese, collate.IgnoreCase, collate.Numeric)}
}

// Compare returns -1, 0 or 1 as a sorts before, equal to, or after b.
func (c *Collator) Compare(a, b string) int { return c.c.CompareString(a, b) }

// Key returns a byte string whose byte order is the Vietnamese order of s.
// It is stored beside names so that the database can sort in Vietnamese
// order with a plain ORDER BY on either SQLite or PostgreSQL.
func (c *Collator) Key(s string) []byte {
	var buf collate.Buffer
	k := c.c.KeyFromString(&buf, s)
	out := make([]byte, len(k))
	copy(out, k)
	return out
}

// SortKey is Key with a collator of its own, for one-off use.
func SortKey(s string) []byte { return NewCollator().Key(s) }

// Less reports whether a sorts before b in Vietnamese order.
func Less(a, b string) bool { return NewCollator().Compare(a, b) < 0 }
