// Package cli implements the cchc command line: serve, migrate, user, token,
// unit, version. Each command has its own flag set and --help.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"cchc/internal/app"
	"cchc/internal/db"
	"cchc/internal/server"
)

// Version is set at build time with -ldflags "-X cchc/internal/cli.Version=...".
var Version = "dev"

// env bundles the process's streams for commands.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name, summary string
	run           func(e env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "start the web server", serveCmd},
		{"migrate", "create or upgrade the database schema", migrateCmd},
		{"user", "manage accounts: add, passwd, list", userCmd},
		{"token", "create a personal API token: token create USER", tokenCmd},
		{"unit", "import, export units or get the template: unit import|export|template FILE.xlsx", unitCmd},
		{"import", "read a plan document's tasks: import plan FILE [--dry-run --json | --plan ID | --new-plan TITLE]", importCmd},
		{"schedule", "understand Vietnamese deadlines: schedule parse [--year N] TEXT...", scheduleCmd},
		{"demo", "generate a national-size dataset: demo national [--units N] [--indicators N] [--year YYYY]", demoCmd},
		{"version", "print the version", versionCmd},
	}
}

// Run executes the command line args and returns the process exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(e, args[1:])
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			if err != nil {
				fmt.Fprintln(stderr, "cchc "+c.name+":", err)
				if errors.Is(err, errUsage) {
					return 2
				}
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(stderr, "cchc: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

var errUsage = errors.New("wrong usage (see --help)")

func usage(w io.Writer) {
	fmt.Fprintln(w, "cchc — public administration reform (CCHC) management\n\nUsage: cchc COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun `cchc COMMAND --help` for a command's flags.")
}

// dbFlags are the flags every database command shares, with env fallbacks.
type dbFlags struct{ data, dsn string }

func (f *dbFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", envOr("CCHC_DATA", "./data"), "data directory (env CCHC_DATA)")
	fs.StringVar(&f.dsn, "db", os.Getenv("CCHC_DB"), "database: postgres://... or a SQLite file; default <data>/cchc.db (env CCHC_DB)")
}

func (f *dbFlags) config() server.Config { return server.Config{DataDir: f.data, DSN: f.dsn} }

// open opens and migrates the database and returns the app over it.
func (f *dbFlags) open(ctx context.Context, e env) (*app.App, func(), error) {
	log := newLogger(e.stderr)
	d, err := server.Open(ctx, f.config(), log)
	if err != nil {
		return nil, nil, err
	}
	return app.New(d, log), func() { d.Close() }, nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

func newFlagSet(e env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("cchc "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: cchc %s\n\nFlags:\n", synopsis)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
	}
	return fs
}

func serveCmd(e env, args []string) error {
	fs := newFlagSet(e, "serve", "serve [--addr 127.0.0.1:8080] [--data ./data] [--db DSN] [--demo]")
	var f dbFlags
	f.register(fs)
	addr := fs.String("addr", envOr("CCHC_ADDR", "127.0.0.1:8080"), "listen address (env CCHC_ADDR)")
	demoFlag := fs.Bool("demo", false, "build a demo province into an empty database and print its accounts")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage
	}
	cfg := f.config()
	cfg.Addr, cfg.Demo = *addr, *demoFlag
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return server.Run(ctx, cfg, newLogger(e.stderr), e.stdout)
}

func migrateCmd(e env, args []string) error {
	fs := newFlagSet(e, "migrate", "migrate [--data DIR] [--db DSN]")
	var f dbFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	d, err := db.Open(ctx, f.config().DatabaseDSN())
	if err != nil {
		return err
	}
	defer d.Close()
	applied, err := d.Migrate(ctx)
	if err != nil {
		return err
	}
	v, err := d.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s database at schema version %d (applied now: %d)\n", d.Dialect, v, len(applied))
	return nil
}

func versionCmd(e env, args []string) error {
	fs := newFlagSet(e, "version", "version")
	if err := fs.Parse(args); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "cchc", Version)
	return nil
}

// runDB is the frame of every command that works on the database: it
// registers --data and --db (and the command's own flags through setup),
// parses args, checks that exactly nargs positional arguments remain, opens
// and migrates the database, and runs fn.
func runDB(e env, args []string, name, synopsis string, nargs int, setup func(fs *flag.FlagSet),
	fn func(ctx context.Context, a *app.App, fs *flag.FlagSet) error) error {
	fs := newFlagSet(e, name, synopsis)
	var f dbFlags
	f.register(fs)
	if setup != nil {
		setup(fs)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != nargs {
		return errUsage
	}
	ctx := context.Background()
	a, closeDB, err := f.open(ctx, e)
	if err != nil {
		return err
	}
	defer closeDB()
	return fn(ctx, a, fs)
}
