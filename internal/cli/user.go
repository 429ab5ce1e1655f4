package cli

import (
	"bufio"
	"context"
	"flag"

	"fmt"
	"strings"
	"text/tabwriter"

	"cchc/internal/app"
	"cchc/internal/auth"
	"cchc/internal/valid"
)

func userCmd(e env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(e.stdout, `Usage: cchc user COMMAND [flags]

Commands:
  add      create an account:   cchc user add --username U --name "Họ tên" --unit CODE --role officer[,leader]
  passwd   set a password:      cchc user passwd USERNAME   (reads the new password from stdin)
  list     list accounts:       cchc user list [--q TEXT]

Roles: admin, coordinator, officer, leader, appraiser.
Run "cchc user COMMAND --help" for the flags of each.`)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	switch args[0] {
	case "add":
		return userAdd(e, args[1:])
	case "passwd":
		return userPasswd(e, args[1:])
	case "list":
		return userList(e, args[1:])
	}
	return fmt.Errorf("unknown user command %q: %w", args[0], errUsage)
}

// readPassword returns the first line of stdin; cchc never takes a password
// as a flag value, where it would land in shell history.
func readPassword(e env) (string, error) {
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		if err != nil {
			return "", fmt.Errorf("no password on standard input: %w", err)
		}
		return "", fmt.Errorf("empty password on standard input")
	}
	return line, nil
}

func userAdd(e env, args []string) error {
	var username, name, unitCode, roles, email *string
	return runDB(e, args, "user add", `user add --username U --name "Họ tên" --unit CODE --role ROLE[,ROLE] [--email E]  (password on stdin)`, 0,
		func(fs *flag.FlagSet) {
			username = fs.String("username", "", "login name (lower case, no accents)")
			name = fs.String("name", "", "full name")
			unitCode = fs.String("unit", "", "code of the user's unit")
			roles = fs.String("role", "officer", "comma-separated roles: admin, coordinator, officer, leader, appraiser")
			email = fs.String("email", "", "e-mail address")
		},
		func(ctx context.Context, a *app.App, fs *flag.FlagSet) error {
			unit, err := a.Units.GetByCode(ctx, *unitCode)
			if err != nil {
				return fmt.Errorf("unit %q not found (see `cchc unit export`): %w", *unitCode, err)
			}
			pw, err := readPassword(e)
			if err != nil {
				return err
			}
			in := auth.UserInput{Username: *username, FullName: *name, Email: *email, UnitID: unit.ID, Active: true, Password: pw}
			for _, r := range strings.Split(*roles, ",") {
				if r = strings.TrimSpace(r); r != "" {
					in.Roles = append(in.Roles, auth.Role(r))
				}
			}
			u, err := a.Users.CreateUser(ctx, in)
			if err != nil {
				return describe(err)
			}
			fmt.Fprintf(e.stdout, "created user %s (id %d) in %s\n", u.Username, u.ID, unit.Name)
			return nil
		})
}

func userPasswd(e env, args []string) error {
	var mustChange *bool
	return runDB(e, args, "user passwd", "user passwd [--must-change] USERNAME  (new password on stdin)", 1,
		func(fs *flag.FlagSet) {
			mustChange = fs.Bool("must-change", false, "ask the user to choose a new password at next login")
		},
		func(ctx context.Context, a *app.App, fs *flag.FlagSet) error {
			u, err := a.Users.GetByUsername(ctx, fs.Arg(0))
			if err != nil {
				return fmt.Errorf("user %q: %w", fs.Arg(0), err)
			}
			pw, err := readPassword(e)
			if err != nil {
				return err
			}
			if err := a.Users.SetPassword(ctx, u.ID, pw, *mustChange, ""); err != nil {
				return describe(err)
			}
			fmt.Fprintf(e.stdout, "password of %s changed; the account's sessions were ended\n", u.Username)
			return nil
		})
}

func userList(e env, args []string) error {
	var q *string
	return runDB(e, args, "user list", "user list [--q TEXT]", 0,
		func(fs *flag.FlagSet) { q = fs.String("q", "", "filter by name or username (accent-insensitive)") },
		func(ctx context.Context, a *app.App, fs *flag.FlagSet) error {
			users, total, err := a.Users.ListUsers(ctx, auth.UserFilter{Q: *q, Limit: 100000})
			if err != nil {
				return err
			}
			units, err := a.Units.All(ctx)
			if err != nil {
				return err
			}
			codes := make(map[int64]string, len(units))
			for _, u := range units {
				codes[u.ID] = u.Code
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tUSERNAME\tNAME\tUNIT\tROLES\tACTIVE")
			for _, u := range users {
				roles := make([]string, len(u.Roles))
				for i, r := range u.Roles {
					roles[i] = string(r)
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%v\n", u.ID, u.Username, u.FullName, codes[u.UnitID], strings.Join(roles, ","), u.Active)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%d users\n", total)
			return nil
		})
}

func tokenCmd(e env, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(e.stdout, `Usage: cchc token create [--name NAME] USERNAME

Creates a personal API token for USERNAME and prints it once. Use it as
"Authorization: Bearer TOKEN". Tokens are listed and revoked on the
"Tài khoản của tôi" page.`)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errUsage
	}
	var name *string
	return runDB(e, args[1:], "token create", "token create [--name NAME] USERNAME", 1,
		func(fs *flag.FlagSet) { name = fs.String("name", "Dòng lệnh", "a name to recognise the token by") },
		func(ctx context.Context, a *app.App, fs *flag.FlagSet) error {
			u, err := a.Users.GetByUsername(ctx, fs.Arg(0))
			if err != nil {
				return fmt.Errorf("user %q: %w", fs.Arg(0), err)
			}
			_, secret, err := a.Users.CreateToken(ctx, u.ID, *name)
			if err != nil {
				return describe(err)
			}
			fmt.Fprintln(e.stdout, secret)
			return nil
		})
}

// describe turns a validation error into its Vietnamese messages for the
// terminal, and leaves other errors alone.
func describe(err error) error {
	if errs, ok := valid.As(err); ok {
		return fmt.Errorf("%s", errs.Error())
	}
	if msg := valid.Message(err); msg != "" {
		return fmt.Errorf("%s", msg)
	}
	return err
}
