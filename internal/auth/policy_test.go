package auth_test

import (
	"context"
	"fmt"
	"testing"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
)

func TestPolicyCan(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		ctx := context.Background()
		p := auth.Policy{Tree: e.units}
		who := func(unit org.Unit, roles ...auth.Role) *auth.User {
			return &auth.User{ID: 1, Username: "u", UnitID: unit.ID, Active: true, Roles: roles}
		}
		admin := who(e.T, auth.RoleAdmin)
		coord := who(e.SNV, auth.RoleCoordinator)
		officerA := who(e.XA, auth.RoleOfficer)
		officerH := who(e.H1, auth.RoleOfficer)
		leaderH := who(e.H1, auth.RoleLeader)
		appraiser := who(e.SNV, auth.RoleAppraiser)
		officerAppraiser := who(e.XA, auth.RoleOfficer, auth.RoleAppraiser)
		inactiveAdmin := who(e.T, auth.RoleAdmin)
		inactiveAdmin.Active = false
		noRoles := who(e.T)

		all := []auth.Action{auth.ViewUnit, auth.EditUnit, auth.ManageUnits, auth.ManageGroups, auth.ManageUsers, auth.ViewAudit, auth.GrantAdmin, auth.ManagePlan, auth.UpdateWork,
			auth.SubmitReport, auth.ReviewReport}
		ownUnit := func(a auth.Action) bool {
			return a == auth.EditUnit || a == auth.ManagePlan || a == auth.UpdateWork || a == auth.SubmitReport
		}
		units := []org.Unit{e.T, e.SNV, e.H1, e.XA, e.XB}

		type rule func(a auth.Action, unit org.Unit) bool
		in := func(us ...org.Unit) func(org.Unit) bool {
			return func(u org.Unit) bool {
				for _, x := range us {
					if x.ID == u.ID {
						return true
					}
				}
				return false
			}
		}
		tests := []struct {
			name string
			user *auth.User
			want rule
		}{
			{"admin: everything", admin, func(auth.Action, org.Unit) bool { return true }},
			{"coordinator: all but GrantAdmin", coord, func(a auth.Action, _ org.Unit) bool { return a != auth.GrantAdmin }},
			{"commune officer: views and edits its own unit", officerA, func(a auth.Action, u org.Unit) bool {
				return (a == auth.ViewUnit || ownUnit(a)) && u.ID == e.XA.ID
			}},
			{"district officer: views the subtree, edits only its own unit", officerH, func(a auth.Action, u org.Unit) bool {
				return a == auth.ViewUnit && in(e.H1, e.XA, e.XB)(u) || ownUnit(a) && u.ID == e.H1.ID
			}},
			{"leader: views the subtree, edits nothing", leaderH, func(a auth.Action, u org.Unit) bool {
				return a == auth.ViewUnit && in(e.H1, e.XA, e.XB)(u)
			}},
			{"appraiser: views everything, changes nothing", appraiser, func(a auth.Action, _ org.Unit) bool { return a == auth.ViewUnit }},
			{"officer and appraiser: views everything, edits its own unit", officerAppraiser, func(a auth.Action, u org.Unit) bool {
				return a == auth.ViewUnit || ownUnit(a) && u.ID == e.XA.ID
			}},
			{"inactive admin: nothing", inactiveAdmin, func(auth.Action, org.Unit) bool { return false }},
			{"no roles: nothing", noRoles, func(auth.Action, org.Unit) bool { return false }},
			{"nobody: nothing", nil, func(auth.Action, org.Unit) bool { return false }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				for _, a := range all {
					for _, u := range units {
						got, err := p.Can(ctx, tt.user, a, u.ID)
						if err != nil {
							t.Fatal(err)
						}
						if want := tt.want(a, u); got != want {
							t.Errorf("Can(%s, %s) = %v, want %v", a, u.Code, got, want)
						}
					}
				}
			})
		}
	})
}

// TestPolicyReports spells out who may write and review periodic reports:
// a unit's officers submit its own reports (not those of units below it),
// Sở Nội vụ's coordinators and admins review them.
func TestPolicyReports(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		p := auth.Policy{Tree: e.units}
		who := func(unit org.Unit, roles ...auth.Role) *auth.User {
			return &auth.User{ID: 1, Username: "u", UnitID: unit.ID, Active: true, Roles: roles}
		}
		tests := []struct {
			name   string
			user   *auth.User
			action auth.Action
			unit   org.Unit
			want   bool
		}{
			{"commune officer submits its own report", who(e.XA, auth.RoleOfficer), auth.SubmitReport, e.XA, true},
			{"commune officer cannot submit a neighbour's", who(e.XA, auth.RoleOfficer), auth.SubmitReport, e.XB, false},
			{"district officer cannot submit a commune's", who(e.H1, auth.RoleOfficer), auth.SubmitReport, e.XA, false},
			{"district officer cannot review a commune's", who(e.H1, auth.RoleOfficer), auth.ReviewReport, e.XA, false},
			{"commune officer cannot review its own", who(e.XA, auth.RoleOfficer), auth.ReviewReport, e.XA, false},
			{"leader cannot submit", who(e.H1, auth.RoleLeader), auth.SubmitReport, e.H1, false},
			{"appraiser cannot review", who(e.SNV, auth.RoleAppraiser), auth.ReviewReport, e.XA, false},
			{"coordinator reviews any unit's", who(e.SNV, auth.RoleCoordinator), auth.ReviewReport, e.XA, true},
			{"coordinator submits for any unit", who(e.SNV, auth.RoleCoordinator), auth.SubmitReport, e.XB, true},
			{"admin reviews", who(e.T, auth.RoleAdmin), auth.ReviewReport, e.H1, true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := p.Can(context.Background(), tt.user, tt.action, tt.unit.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got != tt.want {
					t.Errorf("Can(%s, %s) = %v, want %v", tt.action, tt.unit.Code, got, tt.want)
				}
			})
		}
	})
}

func TestPolicyScopeRoot(t *testing.T) {
	t.Parallel()
	p := auth.Policy{}
	tests := []struct {
		roles []auth.Role
		unit  int64
		want  int64
	}{
		{[]auth.Role{auth.RoleAdmin}, 3, 0},
		{[]auth.Role{auth.RoleCoordinator}, 3, 0},
		{[]auth.Role{auth.RoleAppraiser}, 3, 0},
		{[]auth.Role{auth.RoleOfficer}, 3, 3},
		{[]auth.Role{auth.RoleLeader}, 5, 5},
		{[]auth.Role{auth.RoleOfficer, auth.RoleAppraiser}, 4, 0},
		{nil, 4, 4},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.roles), func(t *testing.T) {
			u := &auth.User{UnitID: tt.unit, Active: true, Roles: tt.roles}
			if got := p.ScopeRoot(u); got != tt.want {
				t.Errorf("ScopeRoot(%v of unit %d) = %d, want %d", tt.roles, tt.unit, got, tt.want)
			}
		})
	}
}

func TestRoles(t *testing.T) {
	t.Parallel()
	for _, r := range auth.Roles {
		if !auth.ValidRole(r) || r.Label() == "" {
			t.Errorf("role %q has no label", r)
		}
	}
	if auth.ValidRole("root") || len(auth.Roles) != len(auth.RoleNames) {
		t.Error("role list and labels disagree")
	}
	var nobody *auth.User
	if nobody.Has(auth.RoleAdmin) {
		t.Error("nil user has a role")
	}
}
