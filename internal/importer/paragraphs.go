package importer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/doctable"
)

// maxParagraphColumns bounds the header of a table written one cell per
// paragraph; maxExtraParagraphs bounds how many paragraphs one row may
// have beyond its cells (cells written in several paragraphs).
const (
	maxParagraphColumns = 12
	maxExtraParagraphs  = 12
)

// paragraphTables finds tables written one cell per paragraph, as in text
// extracted from some Word files (the Sóc Trăng appendix: "STT", "NỘI DUNG
// CÔNG VIỆC", "Cơ quan chủ trì", ... then one paragraph per cell, an empty
// cell being a paragraph of spaces), and returns the blocks with each such
// run of paragraphs replaced by a table.
//
// The header is a run of paragraphs that all name column roles, among them
// the task column. Each row starts with its number (or an empty number
// cell) and normally has as many paragraphs as the header has cells. A cell
// written in several paragraphs makes its row longer: the row then runs to
// the next paragraph that can start a row, and its extra paragraphs are
// joined to the cells they most likely continue (a paragraph starting with
// "b)", "-" or a lower-case letter continues the one before it). The table
// ends at the first row whose first cell is neither empty nor a number, or
// when the paragraphs run out.
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
		for k < len(blocks) && blocks[k].Table == nil && startsRow(blocks, k, true) {
			end := rowEnd(blocks, k, width)
			if end < 0 {
				break
			}
			t.Rows = append(t.Rows, paragraphRow(blocks[k:end], width))
			k = end
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

// startsRow reports whether paragraph j can be a row's first cell: a
// number ("1", "II", "a") or, when empty is allowed, an empty cell.
func startsRow(blocks []doctable.Block, j int, empty bool) bool {
	if j >= len(blocks) || blocks[j].Table != nil {
		return false
	}
	text := strings.TrimSpace(blocks[j].Text)
	if text == "" {
		return empty
	}
	return seqLike(text)
}

// rowEnd returns where the row starting at paragraph k ends: after width
// paragraphs when a row can start there (or the paragraphs end), else at
// the next paragraph that starts a numbered row or a lettered sub-row, up
// to maxExtraParagraphs further, or after width paragraphs when none does
// (the table's last row); -1 when the table ended before.
func rowEnd(blocks []doctable.Block, k, width int) int {
	end := k + width
	n := len(blocks)
	if end >= n {
		if n-k >= 2 && allParagraphs(blocks[k:n]) {
			return n
		}
		return -1
	}
	if !allParagraphs(blocks[k:end]) {
		return -1
	}
	if startsRow(blocks, end, true) || blocks[end].Table != nil {
		return end
	}
	for j := end + 1; j < n && j <= end+maxExtraParagraphs; j++ {
		if blocks[j].Table != nil {
			return j
		}
		if startsRow(blocks, j, false) || emptySubRow(blocks, j) {
			return j
		}
	}
	return end // the last row, followed by text that is not the table's
}

// emptySubRow reports whether paragraph j is the empty number cell of a
// sub-row: the paragraph after it starts "a)", "b)" or "-".
func emptySubRow(blocks []doctable.Block, j int) bool {
	if strings.TrimSpace(blocks[j].Text) != "" || j+1 >= len(blocks) || blocks[j+1].Table != nil {
		return false
	}
	kind, _, _ := leadingMarker(blocks[j+1].Text)
	return kind == markSub || kind == markBullet
}

// paragraphRow makes a row of width cells from paras, joining the extra
// paragraphs of a longer row to the ones they most likely continue, and
// padding a shorter one.
func paragraphRow(paras []doctable.Block, width int) doctable.Row {
	row := doctable.Row{Source: paras[0].Source}
	texts := make([]string, len(paras))
	for i, p := range paras {
		texts[i] = strings.TrimSpace(p.Text)
	}
	if extra := len(texts) - width; extra > 0 {
		// Score every paragraph but the first two (the number and the
		// start of the task) as a continuation of the one before it.
		type cand struct{ at, score int }
		var cands []cand
		for j := 2; j < len(texts); j++ {
			cands = append(cands, cand{j, continuation(texts[j-1], texts[j])})
		}
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
		merge := map[int]bool{}
		for _, c := range cands[:extra] {
			merge[c.at] = true
		}
		var joined []string
		for j, s := range texts {
			if merge[j] && len(joined) > 0 {
				joined[len(joined)-1] = join(joined[len(joined)-1], s)
				continue
			}
			joined = append(joined, s)
		}
		texts = joined
	}
	for len(texts) < width {
		texts = append(texts, "")
	}
	for _, s := range texts {
		row.Cells = append(row.Cells, doctable.Cell{Text: s})
	}
	return row
}

// continuation scores how likely paragraph next continues the cell of
// paragraph prev rather than starting the next cell.
func continuation(prev, next string) int {
	score := 0
	if kind, seq, _ := leadingMarker(next); kind == markBullet || kind == markSub && seq != "a" {
		score += 3
	}
	if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) {
		score += 2
	}
	if strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, ";") || strings.HasSuffix(prev, ",") {
		score += 2
	}
	if next == "" || looksAgency(next) {
		score -= 3
	}
	if len([]rune(next)) < 60 && !looksSentence(next) && len(next) > 0 && (seqLike(next) || yearLike(next)) {
		score -= 2
	}
	return score
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
