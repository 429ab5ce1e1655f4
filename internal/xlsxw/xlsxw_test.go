package xlsxw

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestSheet(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	s := &Sheet{X: x, Name: "Sheet1"}
	s.Widths(6, 40)
	s.Merged(1, 3, 1, "BÁO CÁO", 0)
	s.Cell(1, 2, 12, 0)
	s.Cell(2, 2, "Sở Nội vụ", 0)
	s.MergeRows(3, 2, 4)
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	for cell, want := range map[string]string{"A1": "BÁO CÁO", "A2": "12", "B2": "Sở Nội vụ"} {
		if got, err := x.GetCellValue("Sheet1", cell); err != nil || got != want {
			t.Errorf("%s = %q, %v; want %q", cell, got, err, want)
		}
	}
	merged, err := x.GetMergeCells("Sheet1")
	if err != nil || len(merged) != 2 {
		t.Fatalf("merged ranges = %v, %v; want A1:C1 and C2:C4", merged, err)
	}
	if w, err := x.GetColWidth("Sheet1", "B"); err != nil || w != 40 {
		t.Errorf("width of B = %v, %v", w, err)
	}

	// The first failure is kept; later calls write nothing.
	s.Cell(0, 5, "bad", 0)
	if s.Err == nil {
		t.Fatal("column 0 was accepted")
	}
	first := s.Err
	s.Cell(1, 6, "after", 0)
	if got, _ := x.GetCellValue("Sheet1", "A6"); got != "" || s.Err != first {
		t.Errorf("after a failure: A6 = %q, err %v", got, s.Err)
	}
}
