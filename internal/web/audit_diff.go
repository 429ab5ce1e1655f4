package web

import (
	"encoding/json"
	"strings"
	"time"

	"cchc/internal/vn"
)

// auditField is one field of a recorded change with its value before and
// after. Changed marks, in an update, a field whose value differs or that
// is on one side only; a create or a delete has nothing to compare and marks
// nothing.
type auditField struct {
	Key           string
	Before, After auditValue
	Changed       bool
}

// auditValue is one value as shown: strings as text (times in Vietnam time),
// anything else as compact JSON in a <code> element. canon is the raw JSON,
// for comparison (so the string "5" and the number 5 differ).
type auditValue struct {
	Text  string
	Code  bool
	canon string
}

// auditDiff lines up the before and after JSON of an audit row field by
// field: the fields of after in their recorded order, then those only in
// before. A side that is not a JSON object is shown whole under the key "".
// Empty input (nothing before a create, after a delete) gives empty values.
func auditDiff(before, after string) []auditField {
	bk, bv := jsonFields(before)
	ak, av := jsonFields(after)
	compare := len(bk) > 0 && len(ak) > 0
	var keys []string
	seen := map[string]bool{}
	for _, k := range append(ak, bk...) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	out := make([]auditField, 0, len(keys))
	for _, k := range keys {
		b, inB := bv[k]
		a, inA := av[k]
		out = append(out, auditField{Key: k, Before: b, After: a,
			Changed: compare && (inA != inB || a.canon != b.canon)})
	}
	return out
}

// jsonFields returns the keys of a JSON object in order and their values.
// Anything else (an array, a scalar, broken JSON) comes back as a single
// field "".
func jsonFields(s string) ([]string, map[string]auditValue) {
	vals := map[string]auditValue{}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, vals
	}
	dec := json.NewDecoder(strings.NewReader(s))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return []string{""}, map[string]auditValue{"": valueOf(json.RawMessage(s))}
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		var raw json.RawMessage
		if err != nil || !ok || dec.Decode(&raw) != nil {
			return []string{""}, map[string]auditValue{"": {Text: s, Code: true, canon: s}}
		}
		if _, dup := vals[key]; !dup {
			keys = append(keys, key)
		}
		vals[key] = valueOf(raw)
	}
	return keys, vals
}

// valueOf makes a raw JSON value readable: a string loses its quotes (and an
// RFC 3339 time becomes dd/mm/yyyy hh:mm:ss in Vietnam time); anything else
// is re-encoded compactly without HTML escapes (the page escapes).
func valueOf(raw json.RawMessage) auditValue {
	v := auditValue{canon: string(raw)}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			s = t.In(vn.Location()).Format("02/01/2006 15:04:05")
		}
		v.Text = s
		return v
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	var x any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if dec.Decode(&x) != nil || enc.Encode(x) != nil {
		v.Text = string(raw)
	} else {
		v.Text = strings.TrimSpace(buf.String())
	}
	v.Code = true
	return v
}
