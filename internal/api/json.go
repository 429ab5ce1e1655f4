package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// MaxBodyBytes bounds every request body; a larger one gets 413.
const MaxBodyBytes = 1 << 20

// writeJSON renders v into a buffer first, so an encoding failure becomes a
// clean 500 instead of half a response.
func (h *API) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		h.log.Error("api encode", "request_id", requestID(r), "path", r.URL.Path, "err", err)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, `{"error":{"code":"internal","message":"Lỗi hệ thống khi tạo phản hồi."}}`+"\n")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// decode reads the request body, at most MaxBodyBytes, as one JSON value
// into dst, refusing fields dst does not have. On failure it has written
// the 400 or 413 response and returns false.
func (h *API) decode(w http.ResponseWriter, r *http.Request, dst any) bool {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		h.badRequest(w, r, "Nội dung gửi lên phải là JSON (Content-Type: application/json).")
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if err == nil {
		// Exactly one value: trailing data means a malformed body.
		if _, extra := dec.Token(); extra != io.EOF {
			err = errTrailing
		}
	}
	if err == nil {
		return true
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		h.error(w, r, http.StatusRequestEntityTooLarge, codeTooLarge,
			fmt.Sprintf("Nội dung gửi lên quá lớn (tối đa %d MB).", MaxBodyBytes>>20))
		return false
	}
	h.badRequest(w, r, decodeMessage(err))
	return false
}

var errTrailing = errors.New("api: data after the JSON value")

// decodeMessage explains a decoding error in Vietnamese, naming the field
// when the decoder knows it.
func decodeMessage(err error) string {
	var (
		syntax  *json.SyntaxError
		typeErr *json.UnmarshalTypeError
	)
	switch {
	case errors.Is(err, io.EOF):
		return "Thiếu nội dung JSON trong yêu cầu."
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "Nội dung JSON bị cắt cụt hoặc sai cú pháp."
	case errors.Is(err, errTrailing):
		return "Nội dung JSON chỉ được chứa một đối tượng."
	case errors.As(err, &syntax):
		return fmt.Sprintf("Nội dung JSON sai cú pháp (ở ký tự thứ %d).", syntax.Offset)
	case errors.As(err, &typeErr):
		if typeErr.Field != "" {
			return fmt.Sprintf("Trường %q có kiểu dữ liệu không đúng (cần %s).", typeErr.Field, typeName(typeErr.Type.String()))
		}
		return "Nội dung JSON phải là một đối tượng {...}."
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "Trường " + field + " không được hỗ trợ."
	}
	return "Nội dung JSON không hợp lệ."
}

func typeName(goType string) string {
	switch {
	case strings.Contains(goType, "[]"):
		return "một mảng"
	case strings.Contains(goType, "int"):
		return "một số nguyên"
	case strings.Contains(goType, "string"):
		return "một chuỗi"
	case strings.Contains(goType, "bool"):
		return "true hoặc false"
	}
	return goType
}

// optional is a PATCH field: Set tells a field that is present (even as
// null) from one that is absent.
type optional[T any] struct {
	Set   bool
	Value T
}

func (o *optional[T]) UnmarshalJSON(b []byte) error {
	o.Set = true
	return json.Unmarshal(b, &o.Value)
}
