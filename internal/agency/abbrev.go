package agency

import "strings"

// abbreviationList gives the written-out form of the abbreviations plans use
// in agency names, with the spellings met for each. A spelling is matched on
// its folded words, ignoring punctuation and the word "và": "GD&ĐT",
// "GD-ĐT" and "GD và ĐT" are one spelling. Ambiguous short forms ("ĐT" is
// Đào tạo, Đầu tư or Dân tộc; "TT" is Thông tin, Thể thao or Trung tâm) are
// listed only inside the phrases that decide them.
//
// Names keep the usual short forms "UBND" and "HĐND" (see Agency); Key
// expands them.
var abbreviationList = []struct {
	full  string
	forms []string
}{
	{"UBND", []string{"UBND", "Ủy ban nhân dân", "UB ND"}},
	{"HĐND", []string{"HĐND", "Hội đồng nhân dân"}},
	{"Văn phòng", []string{"VP"}},
	{"Trung ương", []string{"TW"}},
	{"thành phố", []string{"TP"}},
	{"thị xã", []string{"TX"}},
	{"Sở Nội vụ", []string{"SNV"}},
	{"Sở Tư pháp", []string{"STP"}},
	{"Sở Tài chính", []string{"STC"}},
	{"Sở Y tế", []string{"SYT"}},
	{"Sở Xây dựng", []string{"SXD"}},
	{"Sở Công Thương", []string{"SCT"}},
	{"Sở Kế hoạch và Đầu tư", []string{"SKHĐT", "SKH&ĐT"}},
	{"Sở Giáo dục và Đào tạo", []string{"SGDĐT", "SGD&ĐT"}},
	{"Sở Khoa học và Công nghệ", []string{"SKHCN", "SKH&CN"}},
	{"Sở Thông tin và Truyền thông", []string{"STTTT", "STT&TT"}},
	{"Sở Tài nguyên và Môi trường", []string{"STNMT", "STN&MT"}},
	{"Sở Lao động - Thương binh và Xã hội", []string{"SLĐTBXH", "SLĐ-TB&XH"}},
	{"Sở Nông nghiệp và Phát triển nông thôn", []string{"SNNPTNT", "SNN&PTNT"}},
	{"Sở Nông nghiệp và Môi trường", []string{"SNNMT", "SNN&MT"}},
	{"Sở Giao thông vận tải", []string{"SGTVT"}},
	{"Sở Văn hóa, Thể thao và Du lịch", []string{"SVHTTDL", "SVH,TT&DL"}},
	{"Giáo dục và Đào tạo", []string{"GD&ĐT", "GDĐT", "Giáo dục và ĐT", "GD và Đào tạo"}},
	{"Khoa học và Công nghệ", []string{"KH&CN", "KHCN", "Khoa học và CN"}},
	{"Kế hoạch và Đầu tư", []string{"KH&ĐT", "KHĐT", "Kế hoạch và ĐT"}},
	{"Thông tin và Truyền thông", []string{"TT&TT", "TTTT", "Thông tin và TT"}},
	{"Văn hóa, Thể thao và Du lịch", []string{"VH,TT&DL", "VHTTDL", "VHTT&DL", "Văn hóa, TT và DL", "Văn hóa, TT&DL", "VH, Thể thao và Du lịch"}},
	{"Lao động - Thương binh và Xã hội", []string{"LĐ-TB&XH", "LĐTBXH", "LĐTB&XH", "Lao động - TB&XH", "LĐ, TB và XH"}},
	{"Tài nguyên và Môi trường", []string{"TN&MT", "TNMT", "Tài nguyên và MT"}},
	{"Nông nghiệp và Phát triển nông thôn", []string{"NN&PTNT", "NNPTNT", "Nông nghiệp và PTNT"}},
	{"Nông nghiệp và Môi trường", []string{"NN&MT", "NNMT", "Nông nghiệp và MT"}},
	{"Giao thông vận tải", []string{"GTVT", "GT-VT"}},
	{"Phát thanh và Truyền hình", []string{"PT-TH", "PTTH", "Phát thanh - TH"}},
	{"Bảo hiểm xã hội", []string{"BHXH"}},
	{"Hợp tác xã", []string{"HTX"}},
	{"Kho bạc Nhà nước", []string{"KBNN"}},
	{"Ban Quản lý", []string{"BQL"}},
	{"Khu kinh tế", []string{"KKT"}},
	{"khu công nghiệp", []string{"KCN"}},
	{"Bộ Chỉ huy Quân sự", []string{"BCHQS", "BCH QS", "Bộ CHQS"}},
	{"Bộ đội Biên phòng", []string{"BĐBP"}},
	{"Ủy ban Mặt trận Tổ quốc Việt Nam", []string{"UBMTTQVN", "UBMTTQ Việt Nam"}},
	{"Ủy ban Mặt trận Tổ quốc", []string{"UBMTTQ"}},
	{"Mặt trận Tổ quốc", []string{"MTTQ"}},
	{"Cổng Thông tin điện tử", []string{"Cổng TTĐT", "CTTĐT", "Cổng TT-ĐT"}},
	{"Thông tin điện tử", []string{"TTĐT"}},
	{"Trung tâm Phục vụ hành chính công", []string{"TTPVHCC", "TT PVHCC", "TT Phục vụ hành chính công"}},
	{"Tiếp nhận và Trả kết quả", []string{"TN và TKQ", "TNTKQ"}},
	{"đại biểu Quốc hội", []string{"ĐBQH"}},
	{"Liên đoàn Lao động", []string{"LĐLĐ"}},
	{"Hội Liên hiệp Phụ nữ", []string{"HLHPN", "Hội LHPN"}},
	{"Đoàn Thanh niên Cộng sản Hồ Chí Minh", []string{"Đoàn TNCS HCM", "Đoàn TNCS Hồ Chí Minh"}},
	{"Ban Chỉ đạo", []string{"BCĐ"}},
	{"cải cách hành chính", []string{"CCHC"}},
	{"thủ tục hành chính", []string{"TTHC"}},
	{"công nghệ thông tin", []string{"CNTT"}},
	{"quy phạm pháp luật", []string{"QPPL"}},
	{"cán bộ, công chức, viên chức", []string{"CBCCVC", "CB, CC, VC"}},
}

// maxAbbrevWords is the most folded words an abbreviated spelling has.
const maxAbbrevWords = 6

// abbreviations maps a spelling's folded words (without "va", joined by
// spaces) to its written-out form; abbrevFirst holds the first word of
// every spelling, to skip the look-ups quickly.
var abbreviations, abbrevFirst = buildAbbreviations()

func buildAbbreviations() (map[string]string, map[string]bool) {
	full := map[string]string{}
	first := map[string]bool{}
	for _, a := range abbreviationList {
		for _, f := range a.forms {
			var ws []string
			for _, w := range scanWords(f) {
				if w.fold != "va" {
					ws = append(ws, w.fold)
				}
			}
			if len(ws) == 0 || len(ws) > maxAbbrevWords {
				panic("agency: bad abbreviation spelling " + f)
			}
			full[strings.Join(ws, " ")] = a.full
			first[ws[0]] = true
		}
	}
	return full, first
}

// matchAbbrev looks for an abbreviated spelling starting at ws[i] (the word
// "và" may sit between its words). It returns the written-out form and the
// index of the word after the spelling, or "", i.
func matchAbbrev(ws []word, i int) (string, int) {
	if i >= len(ws) || !abbrevFirst[ws[i].fold] {
		return "", i
	}
	idx := make([]int, 0, maxAbbrevWords)
	for j := i; j < len(ws) && len(idx) < maxAbbrevWords; j++ {
		if ws[j].fold != "va" {
			idx = append(idx, j)
		}
	}
	parts := make([]string, len(idx))
	for k, j := range idx {
		parts[k] = ws[j].fold
	}
	for n := len(idx); n >= 1; n-- {
		if full, ok := abbreviations[strings.Join(parts[:n], " ")]; ok {
			return full, idx[n-1] + 1
		}
	}
	return "", i
}

// expandDisplay returns s with its abbreviations written out ("Sở GD&ĐT" →
// "Sở Giáo dục và Đào tạo", "VP Chính phủ" → "Văn phòng Chính phủ") and
// "Ủy ban nhân dân" / "Hội đồng nhân dân" shortened to "UBND" / "HĐND".
func expandDisplay(s string) string {
	ws := scanWords(s)
	var b strings.Builder
	last := 0
	for i := 0; i < len(ws); {
		full, j := matchAbbrev(ws, i)
		if j == i {
			i++
			continue
		}
		b.WriteString(s[last:ws[i].start])
		b.WriteString(full)
		last = ws[j-1].end
		if strings.HasPrefix(s[last:], ". ") {
			last++ // the abbreviation's own dot: "TP. Sóc Trăng"
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
