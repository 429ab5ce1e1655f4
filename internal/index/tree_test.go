package index

import (
	"strings"
	"testing"
)

// treeTestNumbers returns the numbers of items, space separated.
func treeTestNumbers(items []Item) string {
	var out []string
	for _, it := range items {
		out = append(out, it.Number)
	}
	return strings.Join(out, " ")
}

func TestBuildTree(t *testing.T) {
	plan, problems := planItems(newTestFrameworkItems(), nil)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	items := make([]Item, len(plan))
	for i, p := range plan {
		items[i] = Item{ID: int64(100 + i), Number: p.Number, Level: p.Level, Kind: p.Kind, MaxPoints: p.MaxPoints}
		if p.Parent >= 0 {
			id := int64(100 + p.Parent)
			items[i].ParentID = &id
		}
	}
	tree := BuildTree(items)
	id := func(number string) int64 {
		for _, it := range items {
			if it.Number == number {
				return it.ID
			}
		}
		t.Fatalf("no item %s", number)
		return 0
	}
	tests := []struct {
		name, got, want string
	}{
		{"top level", treeTestNumbers(tree.Children(0)), "1 2 3 4"},
		{"children of 1", treeTestNumbers(tree.Children(id("1"))), "1.1 1.2"},
		{"children of 1.1", treeTestNumbers(tree.Children(id("1.1"))), "1.1.1 1.1.2"},
		{"children of a leaf", treeTestNumbers(tree.Children(id("1.2"))), ""},
		{"leaves", treeTestNumbers(tree.Leaves()), "1.1.1 1.1.2 1.2 2.1 2.2 3.1 3.2 4.1 4.2"},
		{"fields", treeTestNumbers(tree.Fields()), "1 2 3 4"},
		{"criteria", treeTestNumbers(tree.Criteria()), "1.1 1.2 2.1 2.2 3.1 3.2 4.1 4.2"},
		{"ancestors of 1.1.2", treeTestNumbers(tree.Ancestors(id("1.1.2"))), "1.1 1"},
		{"ancestors of a field", treeTestNumbers(tree.Ancestors(id("2"))), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q; want %q", tt.name, tt.got, tt.want)
		}
	}
	if p, ok := tree.Parent(id("2.2")); !ok || p.Number != "2" {
		t.Errorf("parent of 2.2 = %+v, %v", p, ok)
	}
	if _, ok := tree.Parent(id("2")); ok {
		t.Error("a field has a parent")
	}
	if !tree.IsLeaf(id("4.1")) || tree.IsLeaf(id("4")) || tree.IsLeaf(9999) {
		t.Error("IsLeaf wrong")
	}
	if it, ok := tree.ByID(id("3.1")); !ok || it.Kind != KindSurvey {
		t.Errorf("ByID(3.1) = %+v, %v", it, ok)
	}
	if _, ok := tree.ByID(9999); ok {
		t.Error("ByID found an unknown id")
	}
}
