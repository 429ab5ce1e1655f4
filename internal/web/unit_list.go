package web

import (
	"fmt"
	"net/http"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// unitListForm is the filter bar of the units page as typed.
type unitListForm struct {
	Q        string
	Kind     string
	On       string // the day to show the tree for, as typed
	Inactive bool   // also show units that no longer exist
}

type unitListData struct {
	Kinds     []org.Kind
	Search    bool // a search or kind filter: a paged list instead of the tree
	Rows      []unitRow
	Pager     pager
	Roots     []*treeNode
	Total     int         // units in the tree shown
	ByKind    []kindCount // of the tree shown
	On        civil.Date  // the day the tree shows, zero for today
	Scoped    bool        // the user sees only their own unit's subtree
	CanManage bool
}

// treeNode is a unit of the tree as drawn.
type treeNode struct {
	Unit        org.Unit
	Kind        string
	Status      unitStatus
	Descendants int
	Breakdown   string // descendants per kind, for the tooltip
	Open        bool
	Children    []*treeNode
}

// unitList shows the unit tree ("Cây đơn vị") with counts, or, when a
// search text or kind is given, a paged list of matching units. Users
// bounded to a subtree (officers, leaders) see only that subtree.
func (h *Handler) unitList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	f := unitListForm{Q: strings.TrimSpace(q.Get("q")), Kind: strings.TrimSpace(q.Get("kind")),
		On: strings.TrimSpace(q.Get("on")), Inactive: q.Get("inactive") == "1"}
	errs := valid.Errors{}
	on := parseDay(f.On, "on", "Ngày xem", errs)
	scope := h.app.Policy.ScopeRoot(user(r))
	kinds, kindNames, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := unitListData{Kinds: kinds, On: on, Scoped: scope != 0, CanManage: h.can(r, auth.ManageUnits, 0),
		Search: f.Q != "" || f.Kind != "", Pager: newPager(r, 50)}
	if d.Search {
		filter := org.Filter{Q: f.Q, Kind: f.Kind, Within: scope, ActiveOn: on,
			Limit: d.Pager.Limit, Offset: d.Pager.Offset}
		if on.IsZero() && !f.Inactive {
			filter.ActiveOn = today()
		}
		units, total, err := h.app.Units.List(ctx, filter)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		d.Pager.Total = total
		if d.Rows, err = h.unitRows(ctx, units, kindNames); err != nil {
			h.serverError(w, r, err)
			return
		}
	} else {
		day := on
		if day.IsZero() && !f.Inactive {
			day = today()
		}
		roots, err := h.app.Units.Tree(ctx, day)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		if scope != 0 {
			roots = subtree(roots, scope)
		}
		d.Roots = drawTree(roots, kinds, kindNames, 0)
		d.Total, d.ByKind = treeTotals(roots, kinds)
	}
	h.renderPage(w, r, http.StatusOK, "unit_list", &Page{Title: "Đơn vị", Data: d, Form: f, Errors: errs})
}

// subtree returns the node of unit id as the only root, or nothing when the
// unit is not in the tree (it did not exist on the day shown).
func subtree(roots []*org.Node, id int64) []*org.Node {
	for _, n := range roots {
		if n.Unit.ID == id {
			return []*org.Node{n}
		}
		if found := subtree(n.Children, id); found != nil {
			return found
		}
	}
	return nil
}

// drawTree turns the store's tree into what the template draws; the first
// two levels start open.
func drawTree(nodes []*org.Node, kinds []org.Kind, names map[string]string, depth int) []*treeNode {
	now := today()
	out := make([]*treeNode, 0, len(nodes))
	for _, n := range nodes {
		t := &treeNode{Unit: n.Unit, Kind: kindName(names, n.Unit.Kind), Status: statusOf(n.Unit, now),
			Descendants: n.Descendants, Open: depth < 2 && len(n.Children) > 0}
		var parts []string
		for _, k := range kinds {
			if c := n.ByKind[k.Code]; c > 0 {
				parts = append(parts, fmt.Sprintf("%s: %d", k.Name, c))
			}
		}
		t.Breakdown = strings.Join(parts, "; ")
		if depth < 100 {
			t.Children = drawTree(n.Children, kinds, names, depth+1)
		}
		out = append(out, t)
	}
	return out
}

// treeTotals counts the units of the tree, in all and per kind.
func treeTotals(roots []*org.Node, kinds []org.Kind) (int, []kindCount) {
	total, per := 0, map[string]int{}
	for _, n := range roots {
		total += 1 + n.Descendants
		per[n.Unit.Kind]++
		for k, c := range n.ByKind {
			per[k] += c
		}
	}
	var out []kindCount
	for _, k := range kinds {
		if per[k.Code] > 0 {
			out = append(out, kindCount{Kind: k, Count: per[k.Code]})
		}
	}
	return total, out
}
