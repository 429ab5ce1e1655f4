package importer

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"cchc/internal/doctable"
	"cchc/internal/files"
)

// ContentType returns the MIME type a source document of format is stored
// with.
func ContentType(format string) string {
	switch format {
	case doctable.DOCX:
		return files.DOCX.ContentType
	case doctable.XLSX:
		return files.XLSX.ContentType
	}
	return "text/plain; charset=utf-8"
}

// Save keeps the source document (name, data, of the given doctable format)
// and applies res to the plan, all within tx, by user userID (0: none).
// It returns what was done and the stored file.
func Save(ctx context.Context, tx *sqlx.Tx, planID int64, res Result, name, format string, data []byte, userID int64) (Summary, files.File, error) {
	f, err := files.Insert(ctx, tx, files.SourceUpload(name, ContentType(format), data), userID)
	if err != nil {
		return Summary{}, files.File{}, fmt.Errorf("importer: keep source %q: %w", name, err)
	}
	sum, err := Apply(ctx, tx, planID, res, f.Name, f.ID)
	return sum, f, err
}
