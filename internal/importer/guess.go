package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/doctable"
	"cchc/internal/schedule"
)

// guessColumns infers the roles of a header-less table from its content:
// a column of short numbers is STT, the column of the longest texts is the
// task, columns of agency names lead (the first) and coordinate (the
// second), a column of deadlines is the time, one of amounts the budget.
func guessColumns(t *doctable.Table) (columns, bool) {
	width := 0
	for _, r := range t.Rows {
		width = max(width, len(r.Cells))
	}
	if width < 2 || len(t.Rows) < 2 {
		return columns{}, false
	}
	type stat struct{ filled, seq, agency, time, money, length int }
	stats := make([]stat, width)
	rows := t.Rows
	if len(rows) > 60 {
		rows = rows[:60]
	}
	for _, r := range rows {
		for i, c := range r.Cells {
			if c.Text == "" || (c.Merged && i > 0 && r.Cells[i-1].Text == c.Text) {
				continue
			}
			s := &stats[i]
			s.filled++
			s.length += len([]rune(c.Text))
			switch {
			case seqLike(c.Text):
				s.seq++
			case looksAgency(c.Text):
				s.agency++
			case moneyLike(c.Text):
				s.money++
			case len(c.Text) < 150 && schedule.Parse(c.Text, 0).Understood && !looksSentence(c.Text):
				s.time++
			}
		}
	}
	roles := make([]string, width)
	title, best := -1, 0
	for i, s := range stats {
		if s.filled == 0 {
			continue
		}
		switch {
		case s.seq*2 >= s.filled && s.length/s.filled < 8:
			roles[i] = RoleSeq
		case s.agency*2 >= s.filled:
			roles[i] = RoleAgencies
		case s.time*2 >= s.filled:
			roles[i] = RoleTime
		case s.money*2 >= s.filled:
			roles[i] = RoleBudget
		default:
			if avg := s.length / s.filled; avg > best {
				title, best = i, avg
			}
		}
	}
	if title < 0 || best < 15 {
		return columns{}, false
	}
	roles[title] = RoleTitle
	agencies := 0
	for i, r := range roles {
		switch {
		case r == RoleAgencies:
			agencies++
		case r == "" && stats[i].filled > 0 && i > title && !has(strings.Join(roles, " "), RoleProduct):
			roles[i] = RoleProduct
		case r == "" && stats[i].filled > 0:
			roles[i] = RoleNotes
		}
	}
	if agencies >= 2 {
		n := 0
		for i, r := range roles {
			if r == RoleAgencies {
				if n == 0 {
					roles[i] = RoleLead
				} else {
					roles[i] = RoleCoordinating
				}
				n++
			}
		}
	}
	c := columns{roles: roles, headers: make([]string, width), scale: 1, guessed: true}
	if headerLike(t.Rows[0], t.Rows[1:]) {
		// A header row in words the roles do not know: keep it as headers.
		c.body = 1
		for i, cell := range t.Rows[0].Cells {
			c.headers[i] = cell.Text
		}
	}
	if !c.has(RoleLead) && !c.has(RoleAgencies) && !c.has(RoleTime) {
		return columns{}, false
	}
	return c, true
}

var moneyPattern = regexp.MustCompile(`^\d{1,3}([.,]\d{3})+(\s*(đ|đồng|vnđ|vnd))?$|^\d{4,}(\s*(đ|đồng|vnđ|vnd))?$`)

func moneyLike(s string) bool {
	return moneyPattern.MatchString(strings.ToLower(strings.TrimSpace(s))) && !yearLike(s)
}

var yearPattern = regexp.MustCompile(`^(19|20|21)\d\d$`)

func yearLike(s string) bool { return yearPattern.MatchString(strings.TrimSpace(s)) }

// looksSentence reports whether s reads as a sentence rather than a short
// deadline: many words.
func looksSentence(s string) bool { return len(strings.Fields(s)) > 14 }

// agencyHeads are the words agency names start with.
var agencyHeads = []string{"so", "ubnd", "uy ban", "van phong", "ban", "dai", "bao", "cong an", "thanh tra",
	"bo", "cuc", "chi cuc", "kho bac", "trung tam", "hoi", "lien doan", "mat tran", "tinh doan", "doan",
	"bao hiem", "vien", "truong", "phong", "hdnd", "bhxh", "cong thong tin", "ban quan ly", "chu tich", "giam doc", "thu truong"}

// properHeads are agency words that are also common words ("báo" is also
// "to report", "ban" "a board" or "to issue"): they start an agency name
// only when a capitalised name follows ("Báo Sóc Trăng", "Ban Dân tộc").
var properHeads = map[string]bool{"ban": true, "bao": true, "dai": true, "hoi": true, "doan": true, "vien": true,
	"truong": true, "phong": true, "bo": true, "cuc": true}

// looksAgency reports whether text starts like a list of agency names.
func looksAgency(text string) bool {
	f := folded(text)
	words := strings.Fields(text)
	if strings.HasPrefix(f, "cac ") {
		f = strings.TrimPrefix(f, "cac ")
		words = words[1:]
	}
	for _, h := range agencyHeads {
		if f != h && !strings.HasPrefix(f, h+" ") {
			continue
		}
		if properHeads[h] {
			if len(words) < 2 {
				return false
			}
			r, _ := utf8.DecodeRuneInString(words[1])
			if !unicode.IsUpper(r) {
				return false
			}
		}
		return len(strings.Fields(f)) <= 60
	}
	return false
}

// headerLike reports whether first reads as a header above rest: short
// texts in every cell, the first not a number while the rows below start
// with numbers.
func headerLike(first doctable.Row, rest []doctable.Row) bool {
	if len(first.Cells) == 0 || seqLike(first.Cells[0].Text) {
		return false
	}
	for _, c := range first.Cells {
		if len([]rune(c.Text)) > 40 {
			return false
		}
	}
	numbered := 0
	for _, r := range rest {
		if len(r.Cells) > 0 && seqLike(r.Cells[0].Text) {
			numbered++
		}
	}
	return numbered*2 >= len(rest) && len(rest) > 0
}
