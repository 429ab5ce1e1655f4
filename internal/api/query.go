package api

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/civil"
	"cchc/internal/httpx"
)

// Paging defaults. Reference lists (units, group members) default to a
// whole province in one page; other lists to DefaultLimit.
const (
	DefaultLimit   = 50
	ReferenceLimit = 1000
	MaxLimit       = 1000
)

func requestID(r *http.Request) string { return httpx.RequestID(r.Context()) }

// queryError is a query parameter that cannot be read; its message is the
// Vietnamese text of the 400 response.
type queryError struct{ message string }

func (e queryError) Error() string { return e.message }

// page reads ?limit= (default def, values above 1000 lowered to 1000) and
// ?offset= (default 0).
func page(r *http.Request, def int) (limit, offset int, err error) {
	limit, offset = def, 0
	q := r.URL.Query()
	if s := q.Get("limit"); s != "" {
		n, convErr := strconv.Atoi(s)
		if convErr != nil || n < 1 {
			return 0, 0, queryError{fmt.Sprintf("Tham số limit=%q không hợp lệ: cần một số nguyên từ 1 đến %d.", s, MaxLimit)}
		}
		limit = min(n, MaxLimit)
	}
	if s := q.Get("offset"); s != "" {
		n, convErr := strconv.Atoi(s)
		if convErr != nil || n < 0 {
			return 0, 0, queryError{fmt.Sprintf("Tham số offset=%q không hợp lệ: cần một số nguyên không âm.", s)}
		}
		offset = n
	}
	return limit, offset, nil
}

// queryID reads an optional positive id parameter (0 when absent).
func queryID(r *http.Request, name string) (int64, error) {
	s := strings.TrimSpace(r.URL.Query().Get(name))
	if s == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, queryError{fmt.Sprintf("Tham số %s=%q không hợp lệ: cần mã số (id) của đơn vị.", name, s)}
	}
	return id, nil
}

// queryDate reads an optional YYYY-MM-DD parameter (zero when absent).
// Impossible days such as 2025-02-31 are refused.
func queryDate(r *http.Request, name string) (civil.Date, error) {
	s := strings.TrimSpace(r.URL.Query().Get(name))
	if s == "" {
		return civil.Date{}, nil
	}
	d, err := civil.Parse(s)
	if err != nil {
		return civil.Date{}, queryError{fmt.Sprintf("Tham số %s=%q không phải ngày hợp lệ dạng YYYY-MM-DD (ví dụ 2025-07-01).", name, s)}
	}
	return d, nil
}

// pathID reads the {id} path value; ok is false (and 404 written) when it is
// not a positive integer.
func (h *API) pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.notFound(w, r)
		return 0, false
	}
	return id, true
}

// list is the shape of every list response.
type list[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}
