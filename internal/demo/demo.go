// Package demo builds a realistic fictional province for trying cchc.
package demo

import (
	"context"

	"cchc/internal/app"
)

// Account is a demo login printed at start-up.
type Account struct{ Username, Password, Role, Unit string }

// Accounts lists the demo logins; every password is "demo".
func Accounts() []Account { return nil }

// Build fills an empty database with the demo province. Placeholder.
func Build(ctx context.Context, a *app.App) ([]Account, error) { return nil, nil }
