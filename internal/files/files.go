// Package files stores uploaded documents (plans' source decisions, evidence
// of work done) in the database: a files row per upload and the content in
// file_blobs, keyed by its SHA-256 so one document uploaded twice is stored
// once. Content lives in the database on both dialects, so it is written in
// the same transaction as the record that cites it and is backed up with it.
//
// Only documents people actually exchange are accepted, recognised from their
// content, never from the name alone: PDF, Word (.docx), Excel (.xlsx) and
// images (PNG, JPEG, GIF, WebP). A file whose extension names another type
// (an .exe renamed .pdf) is refused.
package files

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/valid"
)

// MaxSize is the largest file accepted, in bytes (20 MB).
const MaxSize = 20 << 20

// Field is the form and JSON field name that upload errors are reported on.
const Field = "file"

// File is a stored upload.
type File struct {
	ID          int64     `db:"id" json:"id"`
	SHA256      string    `db:"sha256" json:"sha256"`
	Name        string    `db:"name" json:"name"`
	ContentType string    `db:"content_type" json:"content_type"`
	Size        int64     `db:"size" json:"size"`
	UploadedBy  *int64    `db:"uploaded_by" json:"uploaded_by"`
	UploadedAt  time.Time `db:"uploaded_at" json:"uploaded_at"`
}

// Upload is a checked file not yet stored: its cleaned name, detected type,
// content and digest. Check makes one; Insert stores it.
type Upload struct {
	Name        string
	ContentType string
	Data        []byte
	SHA256      string
}

// Store saves and reads files. It is safe for concurrent use.
type Store struct{ db *db.DB }

// NewStore returns a Store over d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

// Save checks the content read from r (size, type, name) and stores it with
// q, the caller's transaction, or with the store's database when q is nil.
// uploadedBy is the user's id, 0 for none. A refused file gives valid.Errors
// on field "file" with a Vietnamese message.
//
// Save reads r entirely before writing; a caller holding a transaction open
// while a slow client uploads should call Check first, outside the
// transaction, and Insert inside it.
func (s *Store) Save(ctx context.Context, q db.Querier, name string, r io.Reader, uploadedBy int64) (File, error) {
	up, err := Check(name, r)
	if err != nil {
		return File{}, err
	}
	if q == nil {
		q = s.db
	}
	return Insert(ctx, q, up, uploadedBy)
}

// Check reads r (at most MaxSize bytes) and returns the upload, or
// valid.Errors on field "file" when the file is empty, too large, of a type
// not accepted, or named with an extension that does not match its content.
func Check(name string, r io.Reader) (Upload, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return Upload{}, fmt.Errorf("files: read %q: %w", name, err)
	}
	clean := CleanName(name)
	switch {
	case len(data) > MaxSize:
		return Upload{}, valid.Errors{Field: fmt.Sprintf("Tệp quá lớn: tối đa %d MB.", MaxSize>>20)}
	case len(data) == 0:
		return Upload{}, valid.Errors{Field: fmt.Sprintf("Tệp “%s” rỗng.", displayName(clean, name))}
	}
	t, ok := Detect(data)
	if !ok {
		return Upload{}, valid.Errors{Field: refused(displayName(clean, name))}
	}
	clean, ok = withExtension(clean, t)
	if !ok {
		return Upload{}, valid.Errors{Field: fmt.Sprintf("Tệp “%s” có phần mở rộng không khớp với nội dung (%s).", clean, t.Label)}
	}
	sum := sha256.Sum256(data)
	return Upload{Name: clean, ContentType: t.ContentType, Data: data, SHA256: hex.EncodeToString(sum[:])}, nil
}

func refused(name string) string {
	return fmt.Sprintf("Tệp “%s” không được chấp nhận: chỉ nhận PDF, Word (.docx), Excel (.xlsx) hoặc ảnh (PNG, JPEG).", name)
}

func displayName(clean, raw string) string {
	if clean != "" {
		return clean
	}
	return raw
}

// Insert stores a checked upload with q: the content once per digest, a files
// row each time, and an audit entry.
func Insert(ctx context.Context, q db.Querier, up Upload, uploadedBy int64) (File, error) {
	if _, err := q.ExecContext(ctx, q.Rebind(`INSERT INTO file_blobs (sha256, data) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING`),
		up.SHA256, up.Data); err != nil {
		return File{}, fmt.Errorf("files: store content of %q: %w", up.Name, err)
	}
	var by any
	if uploadedBy != 0 {
		by = uploadedBy
	}
	f := File{SHA256: up.SHA256, Name: up.Name, ContentType: up.ContentType, Size: int64(len(up.Data)), UploadedAt: db.Now()}
	if err := q.GetContext(ctx, &f.ID, q.Rebind(`INSERT INTO files (sha256, name, content_type, size, uploaded_by, uploaded_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), f.SHA256, f.Name, f.ContentType, f.Size, by, f.UploadedAt); err != nil {
		return File{}, fmt.Errorf("files: insert %q: %w", up.Name, err)
	}
	if uploadedBy != 0 {
		f.UploadedBy = &uploadedBy
	}
	return f, audit.Record(ctx, q, audit.Entry{Action: audit.Create, Entity: "file", EntityID: f.ID,
		Summary: "Tải lên tệp " + f.Name, After: f})
}

// Get returns the file's record without its content, or db.ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (File, error) {
	var f File
	err := s.db.GetContext(ctx, &f, s.db.Rebind(`SELECT id, sha256, name, content_type, size, uploaded_by, uploaded_at
		FROM files WHERE id = ?`), id)
	if err != nil {
		return File{}, fmt.Errorf("files: get %d: %w", id, db.NotFound(err))
	}
	return f, nil
}

// Open returns the file's record and content, or db.ErrNotFound. The content
// is checked against its digest, so a damaged blob is an error, never served.
func (s *Store) Open(ctx context.Context, id int64) (File, []byte, error) {
	f, err := s.Get(ctx, id)
	if err != nil {
		return File{}, nil, err
	}
	var data []byte
	if err := s.db.GetContext(ctx, &data, s.db.Rebind(`SELECT data FROM file_blobs WHERE sha256 = ?`), f.SHA256); err != nil {
		return File{}, nil, fmt.Errorf("files: content of %d: %w", id, db.NotFound(err))
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != f.SHA256 {
		return File{}, nil, fmt.Errorf("files: content of %d does not match its digest", id)
	}
	return f, data, nil
}

// IsRefused reports whether err is a refusal of the upload (as opposed to a
// failure to read or store it).
func IsRefused(err error) bool {
	e, ok := valid.As(err)
	return ok && e[Field] != ""
}

// SourceUpload returns data as an upload without checking its type against
// the accepted documents: for source documents that another reader has
// already checked, such as an imported plan's plain-text extraction. The
// name is cleaned; contentType is stored as given.
func SourceUpload(name, contentType string, data []byte) Upload {
	sum := sha256.Sum256(data)
	return Upload{Name: CleanName(name), ContentType: contentType, Data: data, SHA256: hex.EncodeToString(sum[:])}
}
