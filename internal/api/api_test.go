package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"cchc/internal/testkit"
)

// scenario is one request and what must come back (PocketBase style).
type scenario struct {
	name    string
	as      string // "" anonymous; "coord" a session; "token:coord" a bearer token; "bearer:SECRET" a raw token
	method  string // GET when empty
	path    string
	body    string
	status  int
	want    []string                                                    // substrings of the body
	notWant []string                                                    // substrings that must not appear
	json    map[string]any                                              // path ("error.fields.code", "items.0.code", "total") → value
	check   func(t *testing.T, res *httptest.ResponseRecorder, doc any) // anything else
}

// harness keeps one client per identity, so each user signs in once.
type harness struct {
	env     *testkit.Env
	clients map[string]*testkit.Client
}

func newHarness(env *testkit.Env) *harness {
	return &harness{env: env, clients: map[string]*testkit.Client{}}
}

func (h *harness) client(t *testing.T, as string) *testkit.Client {
	t.Helper()
	if c, ok := h.clients[as]; ok {
		return c
	}
	var c *testkit.Client
	switch {
	case as == "":
		c = h.env.Anonymous(t)
	case strings.HasPrefix(as, "token:"):
		c = h.env.Token(t, strings.TrimPrefix(as, "token:"))
	case strings.HasPrefix(as, "bearer:"):
		c = h.env.Anonymous(t)
		c.Bearer = strings.TrimPrefix(as, "bearer:")
	default:
		c = h.env.Login(t, as)
	}
	h.clients[as] = c
	return c
}

// run plays the scenarios in order; later ones may depend on earlier writes.
func (h *harness) run(t *testing.T, tests []scenario) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			c := h.client(t, tc.as)
			var res *httptest.ResponseRecorder
			if tc.body != "" {
				res = c.JSON(method, tc.path, tc.body)
			} else {
				res = c.Do(method, tc.path, nil, "")
			}
			body := res.Body.String()
			if res.Code != tc.status {
				t.Fatalf("%s %s as %q: status %d, want %d; body %s", method, tc.path, tc.as, res.Code, tc.status, body)
			}
			if ct := res.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q, want JSON", ct)
			}
			var doc any
			if err := json.Unmarshal(res.Body.Bytes(), &doc); err != nil {
				t.Fatalf("body is not JSON: %v\n%s", err, body)
			}
			if res.Code >= 400 {
				if code, _ := lookup(doc, "error.code").(string); code == "" {
					t.Errorf("error without error.code: %s", body)
				}
				if msg, _ := lookup(doc, "error.message").(string); msg == "" {
					t.Errorf("error without error.message: %s", body)
				}
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q:\n%s", s, body)
				}
			}
			for _, s := range tc.notWant {
				if strings.Contains(body, s) {
					t.Errorf("body has %q:\n%s", s, body)
				}
			}
			for path, want := range tc.json {
				if got := lookup(doc, path); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s = %v, want %v\n%s", path, got, want, body)
				}
			}
			if tc.check != nil {
				tc.check(t, res, doc)
			}
		})
	}
}

// lookup follows a dotted path ("items.0.code") through decoded JSON; a
// missing step gives "<missing>".
func lookup(doc any, path string) any {
	cur := doc
	for _, step := range strings.Split(path, ".") {
		switch v := cur.(type) {
		case map[string]any:
			next, ok := v[step]
			if !ok {
				return "<missing>"
			}
			cur = next
		case []any:
			var i int
			if _, err := fmt.Sscan(step, &i); err != nil || i < 0 || i >= len(v) {
				return "<missing>"
			}
			cur = v[i]
		default:
			return "<missing>"
		}
	}
	return cur
}

// codes returns the "code" of every item of a list response.
func codes(doc any) []string {
	items, _ := lookup(doc, "items").([]any)
	var out []string
	for _, it := range items {
		out = append(out, fmt.Sprint(lookup(it, "code")))
	}
	return out
}

func unitPath(id int64) string { return fmt.Sprintf("/api/v1/units/%d", id) }

// jsonHas reports whether the JSON body has value at path.
func jsonHas(body []byte, path string, value any) bool {
	var doc any
	if json.Unmarshal(body, &doc) != nil {
		return false
	}
	return fmt.Sprint(lookup(doc, path)) == fmt.Sprint(value)
}
