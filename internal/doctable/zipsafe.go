package doctable

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Parts of the Office packages Read looks at.
const (
	partDocument  = "word/document.xml"
	partNumbering = "word/numbering.xml"
	partStyles    = "word/styles.xml"
	partWorkbook  = "xl/workbook.xml"
	partMimetype  = "mimetype" // OpenDocument
)

// A part expanding more than maxRatio times its compressed size is taken for
// a zip bomb. Office XML compresses 5 to 30 times; deflate cannot exceed
// about 1030. Parts under ratioFloor bytes are small enough to read anyway.
const (
	maxRatio   = 200
	ratioFloor = 1 << 20
)

// archive is an opened zip package whose parts are read under a shared
// budget of uncompressed bytes.
type archive struct {
	rd    *reader
	files map[string]*zip.File // by name, and by lower-case name
	all   []*zip.File
	used  int64 // uncompressed bytes read so far, over all parts
}

// readZip opens data as a zip package and hands it to the reader of its
// format.
func (rd *reader) readZip(data []byte) (Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return Document{}, rd.corrupt(fmt.Errorf("open zip: %w", err))
	}
	a := &archive{rd: rd, files: make(map[string]*zip.File, 2*len(zr.File)), all: zr.File}
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, "\\", "/")
		if _, dup := a.files[name]; !dup {
			a.files[name] = f
		}
		if lower := strings.ToLower(name); lower != name {
			if _, dup := a.files[lower]; !dup {
				a.files[lower] = f
			}
		}
	}
	switch {
	case a.files[partDocument] != nil:
		return rd.readDOCX(a)
	case a.files[partWorkbook] != nil:
		return rd.readXLSX(a, data)
	case a.isOpenDocument():
		return Document{}, rd.refuse(nil, "Tệp OpenDocument (.odt/.ods) chưa đọc được: hãy mở bằng LibreOffice hoặc Word/Excel và lưu lại thành .docx/.xlsx.")
	}
	return Document{}, rd.refuse(nil, "%s là tệp nén nhưng không phải tài liệu Word (.docx) hay Excel (.xlsx): hãy chọn đúng tệp kế hoạch.", rd.file())
}

// corrupt refuses a package that cannot be decoded.
func (rd *reader) corrupt(cause error) *Error {
	kind := rd.kindByExt()
	return rd.refuse(cause, "%s bị hỏng, không đọc được như tài liệu %s: hãy mở bằng %s, lưu lại rồi gửi lại.", rd.file(), kind, kind)
}

// bomb refuses a part that would expand beyond reason.
func (rd *reader) bomb(name string, size, compressed uint64) *Error {
	return rd.refuse(fmt.Errorf("zip part %q: %d bytes from %d compressed", name, size, compressed),
		"%s có phần nén bất thường (giải nén ra quá lớn so với kích thước tệp): hệ thống không đọc để tránh quá tải. Nếu đây là tài liệu thật, hãy mở bằng %s, lưu lại rồi gửi lại.",
		rd.file(), rd.kindByExt())
}

// tooExpanded refuses a package whose parts together expand beyond the limit.
func (rd *reader) tooExpanded() *Error {
	return rd.refuse(fmt.Errorf("zip parts exceed %d bytes uncompressed", rd.lim.expanded),
		"%s giải nén ra quá lớn (hơn %s): hãy bỏ bớt hình ảnh hoặc tách tài liệu.", rd.file(), megabytes(rd.lim.expanded))
}

// isOpenDocument reports whether the package is an OpenDocument file.
func (a *archive) isOpenDocument() bool {
	f := a.files[partMimetype]
	if f == nil || f.UncompressedSize64 > 256 {
		return false
	}
	b, err := a.read(partMimetype)
	return err == nil && bytes.HasPrefix(b, []byte("application/vnd.oasis.opendocument"))
}

// check refuses a part whose declared size is absurd or whose compression
// ratio is that of a zip bomb, before anything is decompressed.
func (a *archive) check(f *zip.File) error {
	size, packed := f.UncompressedSize64, f.CompressedSize64
	if size > ratioFloor && (packed == 0 || size/packed > maxRatio) {
		return a.rd.bomb(f.Name, size, packed)
	}
	if size > uint64(a.rd.lim.expanded) {
		return a.rd.tooExpanded()
	}
	return nil
}

// open returns a reader of the named part, or nil and no error when the
// package has no such part. Bytes read count against the package's budget;
// a read beyond it fails with an *Error.
func (a *archive) open(name string) (io.ReadCloser, error) {
	f := a.files[name]
	if f == nil {
		return nil, nil
	}
	if err := a.check(f); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, a.rd.corrupt(fmt.Errorf("open zip part %q: %w", name, err))
	}
	remaining := a.rd.lim.expanded - a.used
	return &partReader{a: a, r: io.LimitReader(rc, remaining+1), c: rc}, nil
}

// read returns the whole named part, or nil when there is none.
func (a *archive) read(name string) ([]byte, error) {
	rc, err := a.open(name)
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		var refusal *Error
		if errors.As(err, &refusal) {
			return nil, refusal
		}
		return nil, a.rd.corrupt(fmt.Errorf("read zip part %q: %w", name, err))
	}
	return b, nil
}

// checkAll applies check to every XML part and refuses a package whose
// parts together declare more than the budget: for readers (excelize) that
// load every part. Other parts (pictures) are only counted: a blank bitmap
// may well pack a thousand times, and archive/zip never inflates a part
// beyond its declared size.
func (a *archive) checkAll() error {
	var total uint64
	for _, f := range a.all {
		name := strings.ToLower(f.Name)
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") || strings.HasSuffix(name, ".vml") {
			if err := a.check(f); err != nil {
				return err
			}
		}
		total += f.UncompressedSize64
		if total > uint64(a.rd.lim.expanded) {
			return a.rd.tooExpanded()
		}
	}
	return nil
}

// partReader reads one part, counting the bytes against the budget.
type partReader struct {
	a *archive
	r io.Reader
	c io.Closer
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.a.used += int64(n)
	if p.a.used > p.a.rd.lim.expanded {
		return n, p.a.rd.tooExpanded()
	}
	return n, err
}

func (p *partReader) Close() error { return p.c.Close() }
