package files

import (
	"archive/zip"
	"bytes"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/vn"
)

// Type is an accepted kind of file.
type Type struct {
	ContentType string
	Label       string   // Vietnamese name shown in messages
	Extensions  []string // lower case with the dot; the first is the usual one
}

// Accepted types, recognised from content.
var (
	PDF  = Type{"application/pdf", "PDF", []string{".pdf"}}
	DOCX = Type{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", []string{".docx"}}
	XLSX = Type{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", []string{".xlsx"}}
	PNG  = Type{"image/png", "ảnh PNG", []string{".png"}}
	JPEG = Type{"image/jpeg", "ảnh JPEG", []string{".jpg", ".jpeg"}}
	GIF  = Type{"image/gif", "ảnh GIF", []string{".gif"}}
	WebP = Type{"image/webp", "ảnh WebP", []string{".webp"}}
)

// Detect recognises data as one of the accepted types from its leading bytes
// and, for Office files, from the parts inside the zip: a .docx has
// word/document.xml, an .xlsx xl/workbook.xml. Office files carrying macros
// (vbaProject.bin) and any other zip are not accepted.
func Detect(data []byte) (Type, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return PDF, true
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, true
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return JPEG, true
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF, true
	case len(data) >= 12 && bytes.HasPrefix(data, []byte("RIFF")) && string(data[8:12]) == "WEBP":
		return WebP, true
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return detectOffice(data)
	}
	return Type{}, false
}

func detectOffice(data []byte) (Type, bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Type{}, false
	}
	var contentTypes, word, excel, macros bool
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		switch {
		case name == "[content_types].xml":
			contentTypes = true
		case name == "word/document.xml":
			word = true
		case name == "xl/workbook.xml":
			excel = true
		}
		if strings.HasSuffix(name, "vbaproject.bin") {
			macros = true
		}
	}
	switch {
	case !contentTypes || macros:
		return Type{}, false
	case word && !excel:
		return DOCX, true
	case excel && !word:
		return XLSX, true
	}
	return Type{}, false
}

// MaxNameLen is the longest stored file name, in characters.
const MaxNameLen = 255

// CleanName returns name safe to store and to offer for download: NFC, the
// last path element only (no / or \), without control characters or the
// characters Windows forbids in names, surrounding spaces and dots trimmed,
// and at most MaxNameLen characters with the extension kept.
func CleanName(name string) string {
	name = vn.NFC(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case r == utf8.RuneError, unicode.IsControl(r), strings.ContainsRune(`<>:"|?*`, r):
			return -1
		}
		return r
	}, name)
	name = strings.Trim(strings.Join(strings.Fields(name), " "), " .")
	if utf8.RuneCountInString(name) > MaxNameLen {
		ext := extension(name)
		base := []rune(strings.TrimSuffix(name, ext))
		name = strings.TrimRight(string(base[:MaxNameLen-utf8.RuneCountInString(ext)]), " .") + ext
	}
	return name
}

// extension returns name's extension (lower case, with the dot) when it looks
// like one, 1 to 5 letters or digits starting with a letter; "" otherwise, so
// "Báo cáo 6.2024" has none.
func extension(name string) string {
	ext := path.Ext(name)
	if len(ext) < 2 || len(ext) > 6 {
		return ""
	}
	for i, r := range ext[1:] {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return ""
		}
	}
	return strings.ToLower(ext)
}

// withExtension returns name ending in an extension of t: unchanged when it
// already has one of t's, with t's usual extension added when it has none,
// and ok false when its extension names another type.
func withExtension(name string, t Type) (string, bool) {
	ext := extension(name)
	if ext == "" {
		if name == "" {
			name = "tep"
		}
		ext = t.Extensions[0]
		if base := []rune(name); len(base)+len(ext) > MaxNameLen {
			name = string(base[:MaxNameLen-len(ext)])
		}
		return name + ext, true
	}
	for _, e := range t.Extensions {
		if ext == e {
			return name, true
		}
	}
	return name, false
}
