package importer

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"cchc/internal/agency"
	"cchc/internal/db"
	"cchc/internal/plan"
)

// Setup loads from the database what Read needs: the areas sections map to
// — the plan's (its programme's and its own) when planID is not 0, else
// those of the programme whose years (in its code or name, "2021-2030")
// cover year, else the newest programme's — and a directory of every unit
// and group to resolve agency names.
func Setup(ctx context.Context, q db.Querier, planID int64, year int) ([]Area, *agency.Directory, error) {
	var areas []plan.Area
	if planID != 0 {
		p, err := plan.GetWith(ctx, q, planID)
		if err != nil {
			return nil, nil, err
		}
		if areas, err = plan.PlanAreasWith(ctx, q, p); err != nil {
			return nil, nil, err
		}
	} else {
		setID, err := SetForYear(ctx, q, year)
		if err != nil {
			return nil, nil, err
		}
		if areas, err = plan.PlanAreasWith(ctx, q, plan.Plan{AreaSetID: &setID}); err != nil {
			return nil, nil, err
		}
	}
	dir, err := Directory(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	return AreasOf(areas), dir, nil
}

var spanYears = regexp.MustCompile(`((?:19|20|21)\d\d)\s*[-–]\s*((?:19|20|21)\d\d)`)

// SetForYear returns the id of the area set whose programme covers year
// (read from the years in its code or name), or the newest set.
func SetForYear(ctx context.Context, q db.Querier, year int) (int64, error) {
	var sets []struct {
		ID   int64  `db:"id"`
		Code string `db:"code"`
		Name string `db:"name"`
	}
	if err := q.SelectContext(ctx, &sets, `SELECT id, code, name FROM area_sets ORDER BY code DESC, id`); err != nil {
		return 0, fmt.Errorf("importer: area sets: %w", err)
	}
	if len(sets) == 0 {
		return 0, fmt.Errorf("importer: no area set in the database")
	}
	for _, s := range sets {
		m := spanYears.FindStringSubmatch(s.Code + " " + s.Name)
		if m == nil {
			continue
		}
		from, _ := strconv.Atoi(m[1])
		to, _ := strconv.Atoi(m[2])
		if year >= from && year <= to {
			return s.ID, nil
		}
	}
	return sets[0].ID, nil
}

// Directory returns every unit (current name, short name, aliases and
// earlier names) and group (name and aliases) for agency matching.
func Directory(ctx context.Context, q db.Querier) (*agency.Directory, error) {
	var units []struct {
		ID        int64  `db:"id"`
		Kind      string `db:"kind"`
		Name      string `db:"name"`
		ShortName string `db:"short_name"`
	}
	if err := q.SelectContext(ctx, &units, `SELECT id, kind, name, short_name FROM units ORDER BY id`); err != nil {
		return nil, fmt.Errorf("importer: units: %w", err)
	}
	var other []struct {
		ID   int64  `db:"unit_id"`
		Name string `db:"name"`
	}
	if err := q.SelectContext(ctx, &other, `SELECT unit_id, alias AS name FROM unit_aliases
		UNION SELECT unit_id, name FROM unit_versions`); err != nil {
		return nil, fmt.Errorf("importer: unit aliases: %w", err)
	}
	idx := make(map[int64]int, len(units))
	entries := make([]agency.Entry, len(units))
	for i, u := range units {
		idx[u.ID] = i
		entries[i] = agency.Entry{UnitID: u.ID, Kind: u.Kind, Names: []string{u.Name}}
		if u.ShortName != "" {
			entries[i].Names = append(entries[i].Names, u.ShortName)
		}
	}
	for _, o := range other {
		if i, ok := idx[o.ID]; ok && o.Name != "" {
			entries[i].Names = append(entries[i].Names, o.Name)
		}
	}
	var groups []struct {
		ID      int64  `db:"id"`
		Code    string `db:"code"`
		Name    string `db:"name"`
		Aliases string `db:"aliases"`
	}
	if err := q.SelectContext(ctx, &groups, `SELECT id, code, name, aliases FROM unit_groups ORDER BY id`); err != nil {
		return nil, fmt.Errorf("importer: groups: %w", err)
	}
	gs := make([]agency.GroupEntry, len(groups))
	for i, g := range groups {
		gs[i] = agency.GroupEntry{GroupID: g.ID, Code: g.Code, Names: []string{g.Name}}
		for _, a := range strings.Split(g.Aliases, "\n") {
			if a = strings.TrimSpace(a); a != "" {
				gs[i].Names = append(gs[i].Names, a)
			}
		}
	}
	return agency.NewDirectory(entries, gs), nil
}
