package api

import (
	"time"

	"cchc/internal/civil"
	"cchc/internal/org"
)

// unitJSON is a unit as the API shows it. It is spelled out here, not taken
// from org.Unit's tags, so the contract does not change by accident.
// ActiveTo is null while the unit exists; Aliases is never null.
type unitJSON struct {
	ID          int64      `json:"id"`
	Code        string     `json:"code"`
	Name        string     `json:"name"`
	ShortName   string     `json:"short_name"`
	Kind        string     `json:"kind"`
	ParentID    *int64     `json:"parent_id"`
	ActiveFrom  civil.Date `json:"active_from"`
	ActiveTo    civil.Date `json:"active_to"`
	SuccessorID *int64     `json:"successor_id"`
	Address     string     `json:"address"`
	Phone       string     `json:"phone"`
	Email       string     `json:"email"`
	Aliases     []string   `json:"aliases"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

func unitOut(u org.Unit) unitJSON {
	aliases := u.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return unitJSON{ID: u.ID, Code: u.Code, Name: u.Name, ShortName: u.ShortName, Kind: u.Kind, ParentID: u.ParentID,
		ActiveFrom: u.ActiveFrom, ActiveTo: u.ActiveTo, SuccessorID: u.SuccessorID, Address: u.Address,
		Phone: u.Phone, Email: u.Email, Aliases: aliases, CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.UpdatedAt.UTC()}
}

func unitsOut(us []org.Unit) []unitJSON {
	out := make([]unitJSON, len(us))
	for i, u := range us {
		out[i] = unitOut(u)
	}
	return out
}
