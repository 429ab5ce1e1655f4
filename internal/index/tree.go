package index

// Tree is a framework's items with their parent-child links worked out
// once, for walking fields, criteria and sub-criteria. It is read-only
// after BuildTree and safe for concurrent use. Items keeps the order it
// was built from (tree order when built from Items); Children, Leaves,
// Fields and Criteria keep that order too.
type Tree struct {
	Items []Item

	byID     map[int64]int   // item id → index in Items
	children map[int64][]int // parent id (0 for top level) → indexes in Items
}

// BuildTree links items, which must have distinct non-zero ids (as
// stored). An item whose parent is not among items is treated as top
// level.
func BuildTree(items []Item) Tree {
	t := Tree{Items: items, byID: make(map[int64]int, len(items)), children: map[int64][]int{}}
	for i, it := range items {
		t.byID[it.ID] = i
	}
	for i, it := range items {
		parent := int64(0)
		if it.ParentID != nil {
			if _, ok := t.byID[*it.ParentID]; ok {
				parent = *it.ParentID
			}
		}
		t.children[parent] = append(t.children[parent], i)
	}
	return t
}

// ByID returns the item with id.
func (t Tree) ByID(id int64) (Item, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Item{}, false
	}
	return t.Items[i], true
}

// Children returns the children of item id in order; Children(0) returns
// the top-level items.
func (t Tree) Children(id int64) []Item {
	idx := t.children[id]
	out := make([]Item, len(idx))
	for k, i := range idx {
		out[k] = t.Items[i]
	}
	return out
}

// Parent returns the parent of item id; false for a top-level or unknown
// item.
func (t Tree) Parent(id int64) (Item, bool) {
	it, ok := t.ByID(id)
	if !ok || it.ParentID == nil {
		return Item{}, false
	}
	return t.ByID(*it.ParentID)
}

// Ancestors returns the parents of item id, nearest first: a
// sub-criterion's criterion, then its field.
func (t Tree) Ancestors(id int64) []Item {
	var out []Item
	for p, ok := t.Parent(id); ok; p, ok = t.Parent(p.ID) {
		out = append(out, p)
	}
	return out
}

// IsLeaf reports whether item id is in the tree and has no children: the
// items units score.
func (t Tree) IsLeaf(id int64) bool {
	_, ok := t.byID[id]
	return ok && len(t.children[id]) == 0
}

// Leaves returns the items with no children, in order.
func (t Tree) Leaves() []Item {
	var out []Item
	for _, it := range t.Items {
		if len(t.children[it.ID]) == 0 {
			out = append(out, it)
		}
	}
	return out
}

// Fields returns the fields (lĩnh vực), in order.
func (t Tree) Fields() []Item { return t.level(LevelField) }

// Criteria returns the criteria (tiêu chí), in order, without their
// sub-criteria.
func (t Tree) Criteria() []Item { return t.level(LevelCriterion) }

func (t Tree) level(level string) []Item {
	var out []Item
	for _, it := range t.Items {
		if it.Level == level {
			out = append(out, it)
		}
	}
	return out
}
