// Package valid carries validation failures from domain packages to the web
// and API layers: a message in Vietnamese for each offending field (or row of
// an import), so a form can show it next to the field and the API can return
// it as a 422 with details.
package valid

import (
	"errors"
	"maps"
	"slices"
	"strings"
)

// Errors maps a field name (as the form and the JSON API spell it) to a
// Vietnamese message. A nil or empty Errors is no error.
type Errors map[string]string

// Add records msg for field unless the field already has a message.
func (e Errors) Add(field, msg string) {
	if _, ok := e[field]; !ok {
		e[field] = msg
	}
}

// Err returns e as an error, or nil when it is empty.
func (e Errors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// Error lists the messages in field order, joined by "; ".
func (e Errors) Error() string {
	keys := slices.Sorted(maps.Keys(e))
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+e[k])
	}
	return strings.Join(parts, "; ")
}

// As returns the Errors inside err, if any.
func As(err error) (Errors, bool) {
	var e Errors
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// Problem is a rule violation that is not tied to one field (a cycle in the
// hierarchy, a unit still in use). Its message is Vietnamese and safe to show.
type Problem struct{ Message string }

func (p Problem) Error() string { return p.Message }

// Problemf returns a Problem with msg.
func Problemf(msg string) error { return Problem{Message: msg} }

// Message returns the user-facing Vietnamese text of err when err is an
// Errors or a Problem, and "" otherwise.
func Message(err error) string {
	var p Problem
	if errors.As(err, &p) {
		return p.Message
	}
	if e, ok := As(err); ok {
		keys := slices.Sorted(maps.Keys(e))
		msgs := make([]string, 0, len(keys))
		for _, k := range keys {
			msgs = append(msgs, e[k])
		}
		return strings.Join(msgs, " ")
	}
	return ""
}
