package importer

import (
	"strings"

	"cchc/internal/doctable"
)

// maxParagraphColumns bounds the header of a table written one cell per
// paragraph.
const maxParagraphColumns = 12

// paragraphTables finds tables written one cell per paragraph, as in text
// extracted from some Word files (the Sóc Trăng appendix: "STT", "NỘI DUNG
// CÔNG VIỆC", "Cơ quan chủ trì", ... then one paragraph per cell, an empty
// cell being a paragraph of spaces), and returns the blocks with each such
// run of paragraphs replaced by a table. The header is a run of paragraphs
// that all name column roles, among them the task column; the rows follow,
// as many cells each as the header has; the table ends at the first row
// whose first cell is neither empty nor a number, or when the paragraphs
// run out.
func paragraphTables(blocks []doctable.Block) []doctable.Block {
	var out []doctable.Block
	for i := 0; i < len(blocks); {
		width := headerRun(blocks[i:])
		if width == 0 {
			out = append(out, blocks[i])
			i++
			continue
		}
		t := &doctable.Table{}
		header := doctable.Row{Source: blocks[i].Source}
		for _, b := range blocks[i : i+width] {
			header.Cells = append(header.Cells, doctable.Cell{Text: b.Text})
		}
		t.Rows = append(t.Rows, header)
		k := i + width
		for k+width <= len(blocks) && allParagraphs(blocks[k:k+width]) {
			first := strings.TrimSpace(blocks[k].Text)
			if first != "" && !seqLike(first) {
				break
			}
			row := doctable.Row{Source: blocks[k].Source}
			for _, b := range blocks[k : k+width] {
				row.Cells = append(row.Cells, doctable.Cell{Text: strings.TrimSpace(b.Text)})
			}
			t.Rows = append(t.Rows, row)
			k += width
		}
		if len(t.Rows) < 2 {
			out = append(out, blocks[i])
			i++
			continue
		}
		out = append(out, doctable.Block{Table: t, Source: blocks[i].Source})
		i = k
	}
	return out
}

// headerRun returns the number of leading paragraphs of blocks that form a
// header row, or 0.
func headerRun(blocks []doctable.Block) int {
	n := 0
	for n < len(blocks) && n < maxParagraphColumns && blocks[n].Table == nil {
		if _, ok := headerRole(blocks[n].Text); !ok {
			break
		}
		n++
	}
	if n < 3 {
		return 0
	}
	row := doctable.Row{}
	for _, b := range blocks[:n] {
		row.Cells = append(row.Cells, doctable.Cell{Text: b.Text})
	}
	if _, _, ok := headerRow(row); !ok {
		return 0
	}
	return n
}

func allParagraphs(blocks []doctable.Block) bool {
	for _, b := range blocks {
		if b.Table != nil {
			return false
		}
	}
	return true
}
