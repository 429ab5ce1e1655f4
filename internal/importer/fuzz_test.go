package importer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"cchc/internal/doctable"
)

// FuzzRead feeds text documents to Read: it must never panic, and every
// task's parent must come before it.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"soctrang-2012-par-plan-2011-2015.txt", "thanhhoa-2012-par-plan-2011-2015.txt", "guidance-2012-annual-par-plan-template.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "seeds", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[len(data)/2:])
	}
	f.Add(tabText("KẾ HOẠCH NĂM 2027", []string{"STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"}, []string{"I", "A"}, []string{"1.1", "x", "Sở Nội vụ", "Quý I"}))
	areas := refAreas(f, 2027)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := doctable.Read("fuzz.txt", data)
		if err != nil {
			return
		}
		res := Read(doc, Options{Areas: areas})
		for i, task := range res.Tasks {
			if task.Parent != nil && (*task.Parent < 0 || *task.Parent >= i) {
				t.Fatalf("task %d has parent %d", i, *task.Parent)
			}
			if task.Lead == nil || task.Coordinating == nil {
				t.Fatalf("task %d: nil agency list", i)
			}
		}
		if _, err := json.Marshal(res); err != nil {
			t.Fatal(err)
		}
	})
}
