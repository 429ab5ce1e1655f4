package agency

import (
	"reflect"
	"testing"
)

// FuzzParse checks that Parse and Roles never panic, that every agency they
// return has a Text and a Name, that Roles keeps leads out of the
// coordinating list, and that the output is the same for the same input.
func FuzzParse(f *testing.F) {
	for _, c := range seedCells() {
		f.Add(c)
	}
	for _, c := range []string{"", "(", ")(", "Sở Nội vụ (chủ trì", "a) Cơ quan chủ trì:", "và và và",
		"UBND các cấp các cấp", "các Sở: ; ; ,", "Văn phòng,", "Chủ trì: phối hợp:", "TP. . .", "\x00\xff"} {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := Parse(text)
		if got == nil {
			t.Fatalf("Parse(%q) = nil", text)
		}
		checkAgencies(t, "Parse", text, got)
		if again := Parse(text); !reflect.DeepEqual(got, again) {
			t.Fatalf("Parse(%q) unstable: %+v then %+v", text, got, again)
		}
		for _, role := range []string{RoleLead, RoleCoordinating, RoleMixed} {
			lead, coord := Roles(text, role)
			if lead == nil || coord == nil {
				t.Fatalf("Roles(%q, %s) returned nil", text, role)
			}
			checkAgencies(t, "Roles", text, lead)
			checkAgencies(t, "Roles", text, coord)
			leads := map[string]bool{}
			for _, a := range lead {
				leads[a.Group+"|"+Key(a.Name)] = true
			}
			for _, a := range coord {
				if leads[a.Group+"|"+Key(a.Name)] {
					t.Fatalf("Roles(%q, %s): %q both leads and coordinates", text, role, a.Name)
				}
			}
			l2, c2 := Roles(text, role)
			if !reflect.DeepEqual(lead, l2) || !reflect.DeepEqual(coord, c2) {
				t.Fatalf("Roles(%q, %s) unstable", text, role)
			}
		}
	})
}

func checkAgencies(t *testing.T, fn, text string, as []Agency) {
	t.Helper()
	for _, a := range as {
		if a.Name == "" || a.Text == "" {
			t.Fatalf("%s(%q): agency with empty name or text: %+v", fn, text, a)
		}
		if a.Group != "" && a.Unspecified {
			t.Fatalf("%s(%q): group marked unspecified: %+v", fn, text, a)
		}
	}
}
