package auth

import "context"

// Action is something a user may try to do.
type Action string

const (
	ViewUnit     Action = "unit.view"      // see a unit and its data
	EditUnit     Action = "unit.edit"      // change a unit's own data (contact details, aliases; later its plans and reports)
	ManageUnits  Action = "unit.manage"    // create, restructure, rename, merge, dissolve, import units
	ManageGroups Action = "group.manage"   // define unit groups
	ManageUsers  Action = "user.manage"    // create and change accounts of a unit
	ViewAudit    Action = "audit.view"     // read the audit trail
	GrantAdmin   Action = "user.grantadm"  // give or take the admin role
	ManagePlan   Action = "plan.manage"    // draft and change the plans issued by a unit, and their tasks
	UpdateWork   Action = "work.update"    // report progress, evidence, holds on a unit's work items; contribute as a coordinating unit
	SubmitReport Action = "report.submit"  // write, save and submit a unit's periodic reports
	ReviewReport Action = "report.review"  // return a submitted report with comments, or accept it
	SelfAssess   Action = "index.self"     // score a unit's own index items, cite evidence, submit, respond to the appraisal
	Appraise     Action = "index.appraise" // set appraised scores with reasons (Hội đồng thẩm định)
	ManageIndex  Action = "index.manage"   // index frameworks, cycle stages, survey points, finalising, publishing
	ViewIndex    Action = "index.view"     // read every unit's index results before they are published
)

// Tree answers subtree questions; *org.Store implements it.
type Tree interface {
	IsWithin(ctx context.Context, root, id int64) (bool, error)
}

// Policy decides access. It is the only place where roles are turned into
// permissions; handlers ask Can and never look at roles themselves.
type Policy struct{ Tree Tree }

// Can reports whether u may do action on the unit unitID (0 for actions not
// about one unit, such as ViewAudit). The rules:
//   - admin: everything;
//   - coordinator (Sở Nội vụ): every unit action anywhere (reviewing reports
//     included), accounts (but not the admin role), groups, the audit trail;
//   - officer: sees its own unit's subtree, edits its own unit's data,
//     manages its own unit's plans, updates its own unit's work items and
//     writes and submits its own unit's reports;
//   - leader: sees its own unit's subtree, changes nothing;
//   - appraiser: sees every unit and every unit's index assessment, and
//     appraises index self-scores; changes nothing else;
//   - index: an officer self-assesses its own unit; before results are
//     published, a leader and an appraiser see every unit's results, an
//     officer only its own unit's.
func (p Policy) Can(ctx context.Context, u *User, action Action, unitID int64) (bool, error) {
	if u == nil || !u.Active {
		return false, nil
	}
	if u.Has(RoleAdmin) {
		return true, nil
	}
	if u.Has(RoleCoordinator) {
		return action != GrantAdmin, nil
	}
	switch action {
	case ViewUnit:
		if u.Has(RoleAppraiser) {
			return true, nil
		}
		if u.Has(RoleOfficer) || u.Has(RoleLeader) {
			return p.Tree.IsWithin(ctx, u.UnitID, unitID)
		}
	case EditUnit, ManagePlan, UpdateWork, SubmitReport, SelfAssess:
		return u.Has(RoleOfficer) && unitID == u.UnitID, nil
	case Appraise:
		return u.Has(RoleAppraiser), nil
	case ViewIndex:
		return u.Has(RoleAppraiser) || u.Has(RoleLeader), nil
	}
	return false, nil
}

// ScopeRoot returns the unit whose subtree bounds what u may see in lists,
// or 0 when u sees every unit.
func (p Policy) ScopeRoot(u *User) int64 {
	if u.Has(RoleAdmin) || u.Has(RoleCoordinator) || u.Has(RoleAppraiser) {
		return 0
	}
	return u.UnitID
}
