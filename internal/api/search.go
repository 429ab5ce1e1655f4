package api

import (
	"strings"

	"cchc/internal/vn"
)

// matcher reports whether all the accent-insensitive words of a ?q= query
// occur in one of the texts given. An empty query matches everything.
type matcher []string

func newMatcher(q string) matcher { return strings.Fields(vn.Fold(q)) }

func (m matcher) match(texts ...string) bool {
	if len(m) == 0 {
		return true
	}
	hay := vn.Fold(strings.Join(texts, " | "))
	for _, w := range m {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// window returns the page [offset, offset+limit) of items.
func window[T any](items []T, limit, offset int) []T {
	start := min(offset, len(items))
	return items[start:min(start+limit, len(items))]
}
