package doctable

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/vn"
)

// limits are the bounds one Read works under. Read uses defaultLimits; tests
// shrink them to reach the refusals quickly.
type limits struct {
	size      int64 // bytes of the file
	expanded  int64 // uncompressed bytes read from zip parts
	rows      int   // table rows over the document
	cells     int   // grid positions over the document
	cellBytes int   // bytes of one cell or paragraph
	blocks    int   // blocks of the document
	depth     int   // XML element nesting
	settings  int64 // bytes of word/numbering.xml or word/styles.xml
}

func defaultLimits() limits {
	return limits{
		size:      MaxSize,
		expanded:  MaxExpanded,
		rows:      MaxRows,
		cells:     MaxCells,
		cellBytes: MaxCellBytes,
		blocks:    MaxBlocks,
		depth:     256,
		settings:  16 << 20,
	}
}

// Magic numbers of the formats Read recognises or refuses.
var (
	magicZip      = []byte("PK\x03\x04")
	magicZipEmpty = []byte("PK\x05\x06")
	magicOLE      = []byte{0xD0, 0xCF, 0x11, 0xE0}
	magicPDF      = []byte("%PDF-")
)

// Read returns the paragraphs and tables of a Word (.docx), Excel (.xlsx) or
// plain text file. The format is decided by the content, never by name, whose
// extension only helps to word the messages. Any refusal is an *Error with a
// Vietnamese message for the user; Read never panics. A Document returned
// with a nil error has at least one table or one paragraph with text, and
// respects the limits (MaxRows, MaxCells, MaxCellBytes, MaxBlocks).
func Read(name string, data []byte) (Document, error) {
	return read(name, data, defaultLimits())
}

func read(name string, data []byte, lim limits) (Document, error) {
	rd := &reader{name: displayName(name), ext: strings.ToLower(path.Ext(displayName(name))), lim: lim}
	var (
		doc Document
		err error
	)
	switch {
	case len(data) == 0:
		return Document{}, rd.refuse(nil, "%s rỗng (0 byte): hãy chọn lại đúng tệp.", rd.file())
	case int64(len(data)) > lim.size:
		size, limit := megabytes(int64(len(data))), megabytes(lim.size)
		if size == limit {
			size = "hơn " + size
		}
		return Document{}, rd.refuse(nil, "%s quá lớn (%s): chỉ nhận tệp đến %s. Hãy bỏ bớt hình ảnh hoặc tách tài liệu.",
			rd.file(), size, limit)
	case bytes.HasPrefix(data, magicOLE):
		return Document{}, rd.refuse(nil, "%s", rd.oldOfficeMessage())
	case isPDF(data):
		return Document{}, rd.refuse(nil, "Tệp PDF không đọc được bảng: hãy dùng tệp Word (.docx) hoặc Excel (.xlsx) gốc của văn bản, hoặc chép nội dung sang tệp văn bản .txt.")
	case bytes.HasPrefix(data, magicZip) || bytes.HasPrefix(data, magicZipEmpty):
		doc, err = rd.readZip(data)
	default:
		doc, err = rd.readText(data)
	}
	if err != nil {
		return Document{}, err
	}
	if !hasContent(doc) {
		return Document{}, rd.refuse(nil, "%s không có bảng hay đoạn chữ nào để đọc.", rd.file())
	}
	return doc, nil
}

// reader carries what every format reader needs: the file's name for
// messages, the limits and the counts spent against them.
type reader struct {
	name   string // base name of the file, for messages; may be ""
	ext    string // lower-case extension of name, with the dot
	lim    limits
	rows   int
	cells  int
	blocks int
}

// refuse returns an *Error with the message built from format and args.
func (rd *reader) refuse(cause error, format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...), Err: cause}
}

// file names the file at the start of a sentence: `Tệp “ke-hoach.docx”`.
func (rd *reader) file() string {
	if rd.name == "" {
		return "Tệp"
	}
	return "Tệp “" + rd.name + "”"
}

// fileInSentence names the file inside a sentence: `tệp “ke-hoach.docx”`.
func (rd *reader) fileInSentence() string {
	if rd.name == "" {
		return "tệp"
	}
	return "tệp “" + rd.name + "”"
}

// kindByExt names the kind of file the user thinks they sent, from the
// extension: used for corrupt files, where the content says nothing.
func (rd *reader) kindByExt() string {
	switch rd.ext {
	case ".docx", ".docm", ".dotx":
		return "Word"
	case ".xlsx", ".xlsm", ".xltx":
		return "Excel"
	}
	return "Word/Excel"
}

func (rd *reader) oldOfficeMessage() string {
	switch rd.ext {
	case ".doc", ".dot":
		return "Tệp Word 97-2003 (.doc) chưa đọc được: hãy mở bằng Word và lưu lại thành .docx."
	case ".xls", ".xlt":
		return "Tệp Excel 97-2003 (.xls) chưa đọc được: hãy mở bằng Excel và lưu lại thành .xlsx."
	}
	return "Tệp Word/Excel 97-2003 (.doc/.xls) chưa đọc được: hãy mở bằng Word/Excel và lưu lại thành .docx/.xlsx."
}

// addRow counts one table row against the limits.
func (rd *reader) addRow() error {
	rd.rows++
	if rd.rows > rd.lim.rows {
		return rd.refuse(nil, "%s có quá nhiều dòng trong bảng (hơn %s dòng): hãy tách thành nhiều tệp nhỏ hơn.",
			rd.file(), vn.FormatInt(int64(rd.lim.rows)))
	}
	return nil
}

// addCells counts n grid positions against the limits.
func (rd *reader) addCells(n int) error {
	if n < 0 || n > rd.lim.cells-rd.cells {
		return rd.tooManyCells()
	}
	rd.cells += n
	return nil
}

func (rd *reader) tooManyCells() error {
	return rd.refuse(nil, "%s có quá nhiều ô trong bảng (hơn %s ô): hãy tách thành nhiều tệp nhỏ hơn.",
		rd.file(), vn.FormatInt(int64(rd.lim.cells)))
}

// addBlock counts one block against the limits.
func (rd *reader) addBlock() error {
	rd.blocks++
	if rd.blocks > rd.lim.blocks {
		return rd.refuse(nil, "%s có quá nhiều đoạn văn (hơn %s đoạn): hãy tách thành nhiều tệp nhỏ hơn.",
			rd.file(), vn.FormatInt(int64(rd.lim.blocks)))
	}
	return nil
}

// checkText refuses a cell or paragraph text longer than the limit; where
// names it in Vietnamese ("ô ở bảng 2, dòng 5").
func (rd *reader) checkText(text, where string) error {
	if len(text) > rd.lim.cellBytes {
		return rd.refuse(nil, "Nội dung %s của %s quá dài (hơn %s byte): có thể tệp bị lỗi, hãy kiểm tra lại.",
			where, rd.fileInSentence(), vn.FormatInt(int64(rd.lim.cellBytes)))
	}
	return nil
}

// displayName returns the base name of a path sent by any browser or OS.
func displayName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSpace(name)
}

// megabytes writes n bytes as Vietnamese megabytes: "20 MB", "25,3 MB".
func megabytes(n int64) string {
	s := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1) + " MB"
}

// isPDF reports whether data is a PDF: the header may follow some bytes of
// garbage, which readers tolerate within the first kilobyte.
func isPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, magicPDF)
}

// hasContent reports whether doc has a table or a paragraph with text.
func hasContent(doc Document) bool {
	for _, b := range doc.Blocks {
		if b.Table != nil || b.Text != "" {
			return true
		}
	}
	return false
}

// cleanLine collapses every run of white space in s (no-break spaces and
// the other Unicode spaces included) into one space and trims both ends.
func cleanLine(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether cleanLine would return s unchanged: plain ASCII
// spaces, single, inside the text only.
func isClean(s string) bool {
	prevSpace := true // a leading space is not clean
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case ch >= 0x80 && !isPlainRuneAt(s, i):
			return false
		case ch < 0x80 && unicode.IsSpace(rune(ch)):
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// isPlainRuneAt reports whether the rune starting at byte i (or the byte i
// inside it) is not a space.
func isPlainRuneAt(s string, i int) bool {
	if s[i] < 0xC0 {
		return true // a continuation byte: its rune was looked at
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsSpace(r)
}

// cleanText cleans every line of s (lines end with "\n", "\r\n" or "\r")
// and drops the empty lines at both ends; empty lines inside are kept, as
// they are empty paragraphs of a cell.
func cleanText(s string) string {
	lines := splitLines(s)
	for i, l := range lines {
		lines[i] = cleanLine(l)
	}
	start, end := 0, len(lines)
	for start < end && lines[start] == "" {
		start++
	}
	for end > start && lines[end-1] == "" {
		end--
	}
	return strings.Join(lines[start:end], "\n")
}

// splitLines splits s at "\n", "\r\n" and "\r".
func splitLines(s string) []string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.Split(s, "\n")
}
