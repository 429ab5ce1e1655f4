package demo

import "cchc/internal/vn"

// Commune names are two common place-name syllables ("Tân" + "Hòa"). The
// syllables are the ones Vietnamese place names use most; their order is
// fixed so the demo is the same on every run.
var (
	firstSyllables = []string{
		"An", "Bình", "Phú", "Tân", "Hòa", "Long", "Mỹ", "Phước", "Đông", "Tây",
		"Hưng", "Thuận", "Vĩnh", "Thạnh", "Hiệp", "Thành", "Quang", "Minh", "Đức", "Xuân",
		"Trung", "Nam", "Bắc", "Kim", "Ngọc", "Phong", "Hải", "Lộc", "Thịnh", "Gia",
	}
	secondSyllables = []string{
		"An", "Bình", "Phú", "Hòa", "Long", "Mỹ", "Phước", "Hưng", "Thuận", "Thạnh",
		"Lợi", "Lộc", "Thành", "Hiệp", "Tân", "Sơn", "Hà", "Điền", "Xuân", "Trung",
		"Nghĩa", "Khánh", "Định", "Thới", "Hội", "Phong", "Quý", "Lạc", "Tiến", "Hậu",
	}
	directions = map[string]bool{"Đông": true, "Tây": true, "Nam": true, "Bắc": true}
	// provinceNames are pairs that name real provinces; a commune so named
	// would confuse readers and the matching of names in documents.
	provinceNames = []string{"Long An", "Nam Định", "Bình Định", "Bình Phước", "Bình Thuận", "Vĩnh Long",
		"Hòa Bình", "Thái Bình", "An Giang", "Hà Nam", "Bắc Ninh", "Quảng Nam", "Phú Thọ", "Tây Ninh", "Bình Dương"}
)

// namePool hands out distinct place names in a fixed pseudo-random order.
// Names are distinct after folding, so "Long Thành" and "Long Thạnh" never
// both appear (documents often drop the diacritics that tell them apart).
type namePool struct {
	names []string
	next  int
	used  map[string]bool // folded names already taken or reserved
}

// newNamePool returns a pool that never hands out the reserved names.
func newNamePool(reserved ...string) *namePool {
	var all []string
	for _, a := range firstSyllables {
		for _, b := range secondSyllables {
			if a == b || (directions[a] && directions[b]) {
				continue
			}
			all = append(all, a+" "+b)
		}
	}
	// Visit the pairs with a stride coprime to their number: every pair
	// once, neighbours far apart, the same order every run.
	stride := 97
	for gcd(stride, len(all)) != 1 {
		stride += 2
	}
	p := &namePool{used: map[string]bool{}}
	for i := range all {
		p.names = append(p.names, all[(i*stride+11)%len(all)])
	}
	for _, r := range append(reserved, provinceNames...) {
		p.used[vn.Fold(r)] = true
	}
	return p
}

// take returns the next unused name. It panics when the pool runs out,
// which the fixed demo sizes never reach (about 870 names for about 250).
func (p *namePool) take() string {
	for ; p.next < len(p.names); p.next++ {
		n := p.names[p.next]
		if !p.used[vn.Fold(n)] {
			p.used[vn.Fold(n)] = true
			p.next++
			return n
		}
	}
	panic("demo: place-name pool exhausted")
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
