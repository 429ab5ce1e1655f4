package agency

import "cchc/internal/vn"

// Key returns the canonical comparison key of an agency name: folded (lower
// case, no diacritics, as vn.Fold), abbreviations written out the same way
// whatever the spelling, the conjunction "và" and all punctuation dropped,
// words separated by one space. Two spellings of one name have one key:
// Key("Sở GD&ĐT") == Key("Sở Giáo dục và Đào tạo") == "so giao duc dao tao";
// Key("VP UBND tỉnh") == Key("Văn phòng Ủy ban nhân dân tỉnh");
// Key("Đài Phát thanh Truyền hình") == Key("Đài Phát thanh và Truyền hình").
// Key("") == "".
func Key(name string) string {
	return joinToks(keyTokens(vn.NFC(name)))
}
