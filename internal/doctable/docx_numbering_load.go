package doctable

import (
	"encoding/xml"
	"errors"
	"fmt"
)

// The parts of numbering.xml and styles.xml Read needs, decoded whole with
// encoding/xml (elements and attributes matched by local name, whatever
// their namespace), and turned into a numbering.

// xVal is an element whose w:val attribute is all that matters.
type xVal struct {
	Val string `xml:"val,attr"`
}

type xLevel struct {
	Ilvl    string `xml:"ilvl,attr"`
	Start   *xVal  `xml:"start"`
	NumFmt  *xVal  `xml:"numFmt"`
	LvlText *xVal  `xml:"lvlText"`
	PStyle  *xVal  `xml:"pStyle"`
	Suff    *xVal  `xml:"suff"`
	IsLgl   *xVal  `xml:"isLgl"`
}

type xNumbering struct {
	Abstracts []struct {
		ID           string   `xml:"abstractNumId,attr"`
		NumStyleLink *xVal    `xml:"numStyleLink"`
		Levels       []xLevel `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string `xml:"numId,attr"`
		Abstract  *xVal  `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string  `xml:"ilvl,attr"`
			Start *xVal   `xml:"startOverride"`
			Level *xLevel `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

type xNumPr struct {
	Ilvl  *xVal `xml:"ilvl"`
	NumID *xVal `xml:"numId"`
}

type xStyles struct {
	Styles []struct {
		Type    string `xml:"type,attr"`
		ID      string `xml:"styleId,attr"`
		Default string `xml:"default,attr"`
		BasedOn *xVal  `xml:"basedOn"`
		PPr     struct {
			NumPr *xNumPr `xml:"numPr"`
		} `xml:"pPr"`
	} `xml:"style"`
}

// loadNumbering reads numbering.xml and styles.xml, when present.
func (a *archive) loadNumbering() (*numbering, error) {
	n := &numbering{lists: map[string]*list{}, styles: map[string]style{}, counters: map[string]*counter{}}
	var st xStyles
	if err := a.decodePart(partStyles, &st); err != nil {
		return nil, err
	}
	for _, s := range st.Styles {
		if s.Type != "paragraph" && s.Type != "" {
			continue
		}
		v := style{}
		if s.BasedOn != nil {
			v.basedOn = s.BasedOn.Val
		}
		if p := s.PPr.NumPr; p != nil {
			if p.NumID != nil {
				v.numID, v.hasNum = p.NumID.Val, true
			}
			if p.Ilvl != nil {
				v.ilvl, v.hasLv = p.Ilvl.Val, true
			}
		}
		if _, dup := n.styles[s.ID]; !dup {
			n.styles[s.ID] = v
		}
		if isOn(s.Default) && n.defaultStyle == "" {
			n.defaultStyle = s.ID
		}
	}

	var nb xNumbering
	if err := a.decodePart(partNumbering, &nb); err != nil {
		return nil, err
	}
	abstracts := map[string][maxLevels]*level{}
	links := map[string]string{} // abstractNumId -> numbering style it links to
	for _, an := range nb.Abstracts {
		var levels [maxLevels]*level
		for _, x := range an.Levels {
			if i, ok := levelIndex(x.Ilvl); ok {
				levels[i] = newLevel(x)
			}
		}
		if _, dup := abstracts[an.ID]; !dup {
			abstracts[an.ID] = levels
		}
		if an.NumStyleLink != nil {
			links[an.ID] = an.NumStyleLink.Val
		}
	}
	nums := map[string]string{} // numId -> abstractNumId
	for _, num := range nb.Nums {
		if num.Abstract != nil {
			nums[num.ID] = num.Abstract.Val
		}
	}
	for _, num := range nb.Nums {
		if num.Abstract == nil {
			continue
		}
		absID := num.Abstract.Val
		// An abstract list may only point at a numbering style, whose
		// numId leads to the abstract list holding the levels.
		for hop := 0; hop < maxStyleChain; hop++ {
			link, ok := links[absID]
			if !ok {
				break
			}
			s, ok := n.styles[link]
			if !ok || !s.hasNum || nums[s.numID] == "" {
				break
			}
			absID = nums[s.numID]
		}
		l := &list{levels: abstracts[absID]}
		for _, o := range num.Overrides {
			i, ok := levelIndex(o.Ilvl)
			if !ok {
				continue
			}
			if o.Level != nil {
				l.levels[i] = newLevel(*o.Level)
			}
			if o.Start != nil && l.levels[i] != nil {
				copied := *l.levels[i]
				copied.start = atoiBounded(o.Start.Val, copied.start)
				l.levels[i] = &copied
			}
		}
		if _, dup := n.lists[num.ID]; !dup {
			n.lists[num.ID] = l
		}
	}
	return n, nil
}

// decodePart unmarshals an optional XML part into v. The part is decoded
// whole, into structs several times its size, so it is held to
// lim.settings bytes: Word writes these parts in kilobytes.
func (a *archive) decodePart(name string, v any) error {
	if f := a.files[name]; f != nil && f.UncompressedSize64 > uint64(a.rd.lim.settings) {
		return a.rd.refuse(fmt.Errorf("zip part %q: %d bytes", name, f.UncompressedSize64),
			"%s có phần định dạng (kiểu chữ, đánh số) lớn bất thường: hãy mở bằng Word, lưu lại rồi gửi lại.", a.rd.file())
	}
	rc, err := a.open(name)
	if rc == nil || err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		var refusal *Error
		if errors.As(err, &refusal) {
			return refusal
		}
		return a.rd.corrupt(fmt.Errorf("decode %s: %w", name, err))
	}
	return nil
}

func newLevel(x xLevel) *level {
	l := &level{start: 1, format: "decimal", text: "", sep: " "}
	if x.Start != nil {
		l.start = atoiBounded(x.Start.Val, 1)
	}
	if x.NumFmt != nil {
		l.format = x.NumFmt.Val
	}
	if x.LvlText != nil {
		l.text = x.LvlText.Val
	}
	if x.PStyle != nil {
		l.pStyle = x.PStyle.Val
	}
	if x.Suff != nil && x.Suff.Val == "nothing" {
		l.sep = ""
	}
	l.legal = x.IsLgl != nil && (x.IsLgl.Val == "" || isOn(x.IsLgl.Val))
	return l
}
