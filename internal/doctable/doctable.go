// Package doctable reads the tables (and the paragraphs between them) of the
// documents provinces write their plans in: Word (.docx), Excel (.xlsx) and
// plain text extracted from Word (.txt). It knows nothing of plans: it gives
// the importer a grid of cell texts in reading order, with where each row
// came from.
//
// Merged cells come out as a grid: a cell spanning several columns or rows
// gives its text to every grid position it covers, the copies marked Merged,
// so a reader sees the same shape a text extraction of the document shows.
// Automatic numbering in Word ("a)", "1.", "-") is rendered into the text.
//
// Read never panics on bad input and refuses, with a Vietnamese message
// (*Error), files that are too large, corrupt, of another type, or that
// expand beyond the limits (zip bombs).
package doctable

// Formats.
const (
	DOCX = "docx"
	XLSX = "xlsx"
	TXT  = "txt"
)

// Limits on what Read accepts.
const (
	MaxSize      = 20 << 20  // bytes of the file itself
	MaxExpanded  = 200 << 20 // bytes of all zip parts read, uncompressed
	MaxRows      = 50000     // rows over all tables
	MaxCellBytes = 100000    // bytes of one cell's text
	MaxCells     = 2000000   // grid positions over all tables, merged copies included
	MaxBlocks    = 500000    // blocks (paragraphs and tables) of one document
)

// Document is a file's content in reading order.
type Document struct {
	Format string  // DOCX, XLSX or TXT
	Blocks []Block // paragraphs outside tables, and tables
}

// Block is a paragraph outside any table (Table nil; Text may be "" for a
// paragraph holding only spaces, which in text extractions is an empty
// cell) or a table (Table set, Text "").
type Block struct {
	Text   string
	Table  *Table
	Source string // where it starts: "line 12" (txt), "paragraph 40" (docx), "sheet Kế hoạch" (xlsx)
}

// Table is a table's rows in order. Name is the sheet name for Excel.
type Table struct {
	Name string
	Rows []Row
}

// Row is one table row. Cells are in grid order; rows of one table may have
// different lengths (text extractions do not pad them).
type Row struct {
	Cells  []Cell
	Source string // "line 212" (txt: the row's first line), "table 2, row 5" (docx), "sheet Kế hoạch, row 7" (xlsx)
}

// Cell is one grid position. Text is trimmed, with paragraphs joined by "\n"
// and spaces (including no-break spaces) collapsed within a line. Merged
// marks a copy of a merged cell's text (every position but the first that
// the merged cell covers).
type Cell struct {
	Text   string
	Merged bool
}

// Error is a file Read refuses, with a message in Vietnamese for the user.
type Error struct {
	Msg string
	Err error // the underlying cause, if any (for logs)
}

func (e *Error) Error() string { return e.Msg }

func (e *Error) Unwrap() error { return e.Err }
