// Package audit records who changed what, when, with the values before and
// after. Every create, update and delete in cchc calls Record inside the same
// transaction as the change, so the trail and the data can never disagree.
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/vn"
)

// Actor is who is making a change: a signed-in user, a token, or the
// command line ("system").
type Actor struct {
	UserID    int64
	Username  string
	IP        string
	RequestID string
}

type actorKey struct{}

// WithActor returns ctx carrying a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx, or the "system" actor when none is set
// (command-line tools and the demo builder).
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return Actor{Username: "system"}
}

// Actions recorded in the trail.
const (
	Create = "create"
	Update = "update"
	Delete = "delete"
	Login  = "login"
	Logout = "logout"
	Failed = "login_failed"
)

// Entry is one change. Before and After are marshalled to JSON; nil means
// "nothing" (before a create, after a delete).
type Entry struct {
	Action   string
	Entity   string // "unit", "user", "api_token", "unit_group", ...
	EntityID int64
	// EntityKey identifies entities keyed by text (a unit kind's code);
	// it is used when EntityID is zero.
	EntityKey string
	Summary   string // a Vietnamese sentence shown in the trail
	Before    any
	After     any
}

// Record writes e with the actor from ctx, using q (normally the change's
// own transaction).
func Record(ctx context.Context, q db.Querier, e Entry) error {
	a := ActorFrom(ctx)
	before, err := toJSON(e.Before)
	if err != nil {
		return err
	}
	after, err := toJSON(e.After)
	if err != nil {
		return err
	}
	var uid any
	if a.UserID != 0 {
		uid = a.UserID
	}
	eid := e.EntityKey
	if e.EntityID != 0 {
		eid = strconv.FormatInt(e.EntityID, 10)
	}
	_, err = q.ExecContext(ctx, q.Rebind(`INSERT INTO audit_log
		(at, user_id, username, action, entity, entity_id, summary, before_json, after_json, ip, request_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		db.Now(), uid, a.Username, e.Action, e.Entity, eid, e.Summary, before, after, a.IP, a.RequestID)
	if err != nil {
		return fmt.Errorf("audit: record %s %s %d: %w", e.Action, e.Entity, e.EntityID, err)
	}
	return nil
}

func toJSON(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("audit: marshal: %w", err)
	}
	return string(b), nil
}

// Row is one recorded change as listed.
type Row struct {
	ID         int64     `db:"id" json:"id"`
	At         time.Time `db:"at" json:"at"`
	UserID     *int64    `db:"user_id" json:"user_id"`
	Username   string    `db:"username" json:"username"`
	Action     string    `db:"action" json:"action"`
	Entity     string    `db:"entity" json:"entity"`
	EntityID   string    `db:"entity_id" json:"entity_id"`
	Summary    string    `db:"summary" json:"summary"`
	BeforeJSON string    `db:"before_json" json:"before"`
	AfterJSON  string    `db:"after_json" json:"after"`
	IP         string    `db:"ip" json:"ip"`
	RequestID  string    `db:"request_id" json:"request_id"`
}

// Filter narrows List. Zero fields do not filter.
type Filter struct {
	Username string
	Action   string
	Entity   string
	EntityID string
	From, To civil.Date // inclusive days, Vietnam time
	Limit    int
	Offset   int
}

// List returns matching rows, newest first, and the total count.
func List(ctx context.Context, q db.Querier, f Filter) ([]Row, int, error) {
	var where []string
	var args []any
	if f.Username != "" {
		where = append(where, "username = ?")
		args = append(args, strings.ToLower(strings.TrimSpace(f.Username)))
	}
	if f.Action != "" {
		where = append(where, "action = ?")
		args = append(args, f.Action)
	}
	if f.Entity != "" {
		where = append(where, "entity = ?")
		args = append(args, f.Entity)
	}
	if f.EntityID != "" {
		where = append(where, "entity_id = ?")
		args = append(args, f.EntityID)
	}
	loc := vn.Location()
	if !f.From.IsZero() {
		where = append(where, "at >= ?")
		args = append(args, time.Date(f.From.Year, f.From.Month, f.From.Day, 0, 0, 0, 0, loc).UTC())
	}
	if !f.To.IsZero() {
		next := f.To.AddDays(1)
		where = append(where, "at < ?")
		args = append(args, time.Date(next.Year, next.Month, next.Day, 0, 0, 0, 0, loc).UTC())
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := q.GetContext(ctx, &total, q.Rebind("SELECT COUNT(*) FROM audit_log"+cond), args...); err != nil {
		return nil, 0, fmt.Errorf("audit: count: %w", err)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	var rows []Row
	err := q.SelectContext(ctx, &rows, q.Rebind(`SELECT id, at, user_id, username, action, entity, entity_id, summary,
		before_json, after_json, ip, request_id FROM audit_log`+cond+` ORDER BY id DESC LIMIT ? OFFSET ?`),
		append(args, f.Limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("audit: list: %w", err)
	}
	return rows, total, nil
}
