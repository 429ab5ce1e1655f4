package org

import (
	"context"

	"cchc/internal/civil"
)

// Node is a unit in the tree with its children and counts of its subtree.
type Node struct {
	Unit        Unit
	Children    []*Node
	Descendants int            // all units below this one
	ByKind      map[string]int // descendants per kind code
}

// Tree returns the hierarchy as it stands on day on (units active that day
// under their parent of that day), or every unit under its current parent
// when on is zero. Roots and children are ordered by kind (the
// kinds' sort order), then by Vietnamese name. Units whose parent is outside the selection become roots.
func (s *Store) Tree(ctx context.Context, on civil.Date) ([]*Node, error) {
	units, err := s.All(ctx)
	if err != nil {
		return nil, err
	}
	parentOf := map[int64]*int64{}
	if !on.IsZero() {
		var rows []struct {
			UnitID   int64  `db:"unit_id"`
			ParentID *int64 `db:"parent_id"`
		}
		if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(`SELECT unit_id, parent_id FROM unit_versions
			WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)`), on, on); err != nil {
			return nil, err
		}
		for _, r := range rows {
			parentOf[r.UnitID] = r.ParentID
		}
	}
	kinds, err := s.Kinds(ctx)
	if err != nil {
		return nil, err
	}
	order := map[string]int{}
	for _, k := range kinds {
		order[k.Code] = k.SortOrder
	}
	nodes := map[int64]*Node{}
	var sel []Unit
	for _, u := range units {
		if !on.IsZero() {
			if !u.ActiveOn(on) {
				continue
			}
			if p, ok := parentOf[u.ID]; ok {
				u.ParentID = p
			}
		}
		sel = append(sel, u)
		nodes[u.ID] = &Node{Unit: u, ByKind: map[string]int{}}
	}
	// Units arrive in name order; a stable pass per kind order keeps name
	// order within each kind.
	var roots []*Node
	for _, k := range append(kinds, Kind{Code: ""}) {
		for _, u := range sel {
			if k.Code != "" && u.Kind != k.Code || k.Code == "" && hasOrder(order, u.Kind) {
				continue
			}
			n := nodes[u.ID]
			if u.ParentID != nil && nodes[*u.ParentID] != nil && *u.ParentID != u.ID {
				p := nodes[*u.ParentID]
				p.Children = append(p.Children, n)
			} else {
				roots = append(roots, n)
			}
		}
	}
	for _, r := range roots {
		count(r, 0)
	}
	return roots, nil
}

func hasOrder(order map[string]int, kind string) bool { _, ok := order[kind]; return ok }

func count(n *Node, depth int) {
	if depth > 100 {
		return
	}
	for _, c := range n.Children {
		count(c, depth+1)
		n.Descendants += 1 + c.Descendants
		n.ByKind[c.Unit.Kind]++
		for k, v := range c.ByKind {
			n.ByKind[k] += v
		}
	}
}
