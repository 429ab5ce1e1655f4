package agency

import "strings"

// classify returns the agencies a phrase names, each with Text text: one
// single agency, one or more groups, or an unspecified name.
func classify(p phrase, text string) []Agency {
	name := p.fullName()
	toks := p.toks
	if p.head != "" {
		toks = keyTokens(name)
	}
	core, plural := trimLead(toks)
	if len(core) == 0 {
		return nil
	}
	if n, ok := lexicon.exact(joinToks(core)); ok {
		return []Agency{{Text: text, Name: n}}
	}
	if as := groupsOf(core, plural, text); len(as) > 0 {
		return as
	}
	if isUnspecified(core, plural) {
		return []Agency{unspecified(name, text)}
	}
	if n, ok := singleName(name, plural); ok {
		return []Agency{{Text: text, Name: n}}
	}
	return []Agency{unspecified(name, text)}
}

// isUnspecified reports whether key words point at no particular agency:
// generic nouns ("cơ quan", "đơn vị", "ngành", ...) in the plural ("các cơ
// quan bị phản ánh, kiến nghị"), alone ("cơ quan, đơn vị") or followed by
// words that say which ("có liên quan", "được giao", "khác").
func isUnspecified(core []tok, plural bool) bool {
	n := 0
	for n < len(core) {
		m := prefixLen(core[n:], genericNouns)
		if m == 0 {
			break
		}
		n += m
	}
	switch {
	case n == 0:
		return false
	case plural || n == len(core):
		return n == len(core) || !core[n].upper
	}
	return prefixLen(core[n:], vagueQualifiers) > 0
}

// unspecified returns the agency of a name that points at no particular
// agency ("các cơ quan liên quan"): the name cleaned and capitalised.
func unspecified(name, text string) Agency {
	n := strings.Join(strings.Fields(name), " ")
	for _, w := range []string{"và ", "Và ", "cùng ", "Cùng "} {
		n = strings.TrimPrefix(n, w)
	}
	return Agency{Text: text, Name: capitalize(n), Unspecified: true}
}

// groupsOf returns the groups key words name, or nil: "Sở, ban, ngành
// tỉnh" and its variants, "UBND cấp huyện, xã", "UBND các cấp", "Văn phòng
// UBND các cấp", "đơn vị sự nghiệp công lập", "các huyện, thị xã, thành
// phố".
func groupsOf(core []tok, plural bool, text string) []Agency {
	group := func(code, name string) Agency { return Agency{Text: text, Name: name, Group: code} }
	if hasWords(core, []string{"don", "vi", "su", "nghiep"}) {
		return []Agency{group(PublicServiceUnits, PublicServiceUnitsName)}
	}
	if n := prefixLen(core, personTitles); n > 0 && n < len(core) {
		// "Chủ tịch UBND cấp xã", "Thủ trưởng các Sở, ban, ngành": the
		// heads of a group's units stand for the group.
		rest, pl := trimLead(core[n:])
		as := groupsOf(rest, plural || pl, text)
		if len(as) == 0 || as[len(as)-1].Group == "" {
			return nil // "Chủ tịch UBND tỉnh" is a person's office
		}
		return as
	}
	if hasWords(core, []string{"uy", "ban", "nhan", "dan"}) {
		rest := core[4:]
		lv, n, pl, count := parseLevels(rest)
		switch {
		case lv == levelProvince && n == len(rest):
			return []Agency{{Text: text, Name: "UBND tỉnh"}} // "UBND cấp tỉnh"
		case count == 0, n < len(rest) && rest[n].upper, lv == levelProvince:
			return nil // "UBND tỉnh Sóc Trăng", "UBND huyện Kế Sách": one agency
		case count == 1 && !pl && !plural && hasWords(rest, []string{"thanh", "pho"}):
			return nil // "UBND thành phố": the city
		}
		return tierAgencies(lv, text, Agency{Text: text, Name: "UBND tỉnh"})
	}
	// A head and plural tiers: "Văn phòng UBND các cấp", "Phòng Nội vụ cấp
	// huyện": the offices of each district's or commune's committee.
	for k := 1; k < len(core); k++ {
		if core[k].s != "cac" && core[k].s != "cap" {
			continue
		}
		lv, n, _, count := parseLevels(core[k:])
		if count == 0 || lv&(levelDistrict|levelCommune) == 0 || (k+n < len(core) && core[k+n].upper) {
			continue
		}
		head := core[:k]
		if hasWords(core[k:], []string{"cac", "cap"}) {
			lv |= levelProvince // "các cấp": every tier, the province's too
		}
		var province Agency
		if provincialGroup(head, plural) || onlyGeneric(head) {
			province = group(ProvincialAgencies, ProvincialAgenciesName)
		} else if n, ok := lexicon.exact(joinToks(head) + " tinh"); ok {
			province = Agency{Text: text, Name: n}
		}
		return tierAgencies(lv, text, province)
	}
	if provincialGroup(core, plural) {
		return []Agency{group(ProvincialAgencies, ProvincialAgenciesName)}
	}
	// Tiers alone: "các huyện, thị xã, thành phố", "cấp xã".
	lv, n, pl, count := parseLevels(core)
	if count > 0 && (pl || plural) && lv&(levelDistrict|levelCommune) != 0 && (n == len(core) || !core[n].upper) {
		return tierAgencies(lv&^levelProvince, text, Agency{})
	}
	return nil
}

// tierAgencies returns the agencies of tiers lv: province (when it has a
// name), the districts' group, the communes' group.
func tierAgencies(lv level, text string, province Agency) []Agency {
	var out []Agency
	if lv&levelProvince != 0 && province.Name != "" {
		out = append(out, province)
	}
	if lv&levelDistrict != 0 {
		out = append(out, Agency{Text: text, Name: DistrictsName, Group: Districts})
	}
	if lv&levelCommune != 0 {
		out = append(out, Agency{Text: text, Name: CommunesName, Group: Communes})
	}
	return out
}

// provincialGroup reports whether key words name all provincial
// departments and agencies: "Sở, ban, ngành (tỉnh)", "sở, ngành", "các
// Sở", "Sở liên quan", "cơ quan chuyên môn thuộc UBND tỉnh", "các cơ quan,
// đơn vị cấp tỉnh". Words after the name ("có đơn vị sự nghiệp công lập",
// "quản lý ngành, lĩnh vực") qualify the group without changing it.
func provincialGroup(core []tok, plural bool) bool {
	switch {
	case len(core) == 0:
		return false
	case core[0].s == "so" && len(core) > 1 && (core[1].s == "ban" || core[1].s == "nganh"):
		return true
	case hasWords(core, []string{"ban", "nganh"}):
		return true
	case core[0].s == "so" && len(core) == 1:
		return plural
	case core[0].s == "so" && !core[1].upper && prefixLen(core[1:], sectorQualifiers) > 0:
		return true
	case hasWords(core, []string{"co", "quan", "chuyen", "mon"}):
		return true
	}
	if prefixLen(core, genericNouns) == 0 {
		return false
	}
	return containsWords(core, "cap", "tinh") || containsWords(core, "thuoc", "uy", "ban", "nhan", "dan", "tinh")
}

// containsWords reports whether words occur in toks in a row.
func containsWords(toks []tok, words ...string) bool {
	for i := range toks {
		if hasWords(toks[i:], words) {
			return true
		}
	}
	return false
}

// singleName returns the normalised name of one agency: the lexicon's name
// when the key matches one (possibly followed by the place the agency
// serves, "Công an tỉnh Sóc Trăng", or after a small typo), else the words
// as written with abbreviations expanded and the first letter in upper
// case. A plural name that is no lexicon name ("các trường học") is not
// one agency: ok is false.
func singleName(name string, plural bool) (string, bool) {
	disp := strings.Join(strings.Fields(expandDisplay(name)), " ")
	if plural {
		disp = dropQuantifier(disp)
	}
	key := Key(disp)
	if n, ok := lexicon.exact(key); ok {
		return n, true
	}
	ws := scanWords(disp)
	for n := min(len(ws)-1, lexicon.maxWords); n >= 1; n-- {
		if ws[n-1].fold == "va" || ws[n].fold == "va" {
			continue // "Ban Dân tộc và Tôn giáo" is not "Ban Dân tộc" somewhere
		}
		lex, ok := lexicon.exact(Key(disp[:ws[n-1].end]))
		if !ok {
			continue
		}
		tail := strings.TrimSpace(disp[ws[n].start:])
		if placeTail(keyTokens(tail)) {
			return lex + " " + tail, true
		}
	}
	if n, ok := lexicon.respaced(key); ok {
		return n, true
	}
	if n, ok := lexicon.repair(key); ok {
		return n, true
	}
	if plural {
		return "", false
	}
	return capitalize(strings.TrimRight(disp, " .,;:")), true
}

// dropQuantifier removes the leading "các"/"những" (and "và") from a name.
func dropQuantifier(s string) string {
	for {
		f, rest, _ := strings.Cut(s, " ")
		switch foldWord(f) {
		case "cac", "nhung", "va", "cung", "moi":
			s = rest
			continue
		}
		return s
	}
}

// placeTail reports whether key words after a known name only say where
// the agency is: a proper name ("Sóc Trăng"), "tỉnh ...", "khu vực ...".
func placeTail(toks []tok) bool {
	if len(toks) == 0 {
		return false
	}
	if toks[0].upper {
		return !isStart(toks)
	}
	for _, w := range [][]string{{"tinh"}, {"thanh", "pho"}, {"khu", "vuc"}, {"chi", "nhanh"}, {"cap", "tinh"}} {
		if hasWords(toks, w) {
			return len(toks) == len(w) || toks[len(w)].upper
		}
	}
	return false
}
