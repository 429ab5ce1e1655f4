package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"cchc/internal/app"
	"cchc/internal/org"
	"cchc/internal/valid"
)

func unitCmd(e env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(e.stdout, `Usage: cchc unit COMMAND [flags] FILE.xlsx

Commands:
  import    create and correct units from a workbook, all or nothing:
            cchc unit import [--dry-run] FILE.xlsx
  export    write every unit to a workbook that can be edited and imported back:
            cchc unit export FILE.xlsx
  template  write an empty workbook with instructions (sheet "Hướng dẫn"):
            cchc unit template FILE.xlsx

Every command takes --data DIR and --db DSN (see "cchc unit COMMAND --help").
A refused import prints each row error and changes nothing.`)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	switch args[0] {
	case "import":
		return unitImport(e, args[1:])
	case "export":
		return unitExport(e, args[1:])
	case "template":
		return unitTemplate(e, args[1:])
	}
	return fmt.Errorf("unknown unit command %q: %w", args[0], errUsage)
}

func unitImport(e env, args []string) error {
	var dryRun *bool
	return runDB(e, args, "unit import", "unit import [--data DIR] [--db DSN] [--dry-run] FILE.xlsx", 1,
		func(fs *flag.FlagSet) {
			dryRun = fs.Bool("dry-run", false, "check the file and report what would change, without writing")
		},
		func(ctx context.Context, a *app.App, fs *flag.FlagSet) error {
			file, err := os.Open(fs.Arg(0))
			if err != nil {
				return err
			}
			defer file.Close()
			res, err := a.Units.ImportXLSX(ctx, file, org.ImportOptions{DryRun: *dryRun})
			var rowErrs org.ImportErrors
			switch {
			case errors.As(err, &rowErrs):
				for _, re := range rowErrs {
					fmt.Fprintln(e.stderr, re.String())
				}
				return fmt.Errorf("%s: %d errors; nothing was changed", fs.Arg(0), len(rowErrs))
			case valid.Message(err) != "":
				return fmt.Errorf("%s: %s", fs.Arg(0), valid.Message(err))
			case err != nil:
				return err
			}
			prefix := ""
			if *dryRun {
				prefix = "dry run, nothing written: would have "
			}
			fmt.Fprintf(e.stdout, "%screated %d, updated %d, unchanged %d\n", prefix, res.Created, res.Updated, res.Unchanged)
			return nil
		})
}

func unitExport(e env, args []string) error {
	return runDB(e, args, "unit export", "unit export [--data DIR] [--db DSN] FILE.xlsx", 1, nil,
		func(ctx context.Context, a *app.App, fs *flag.FlagSet) error {
			return writeFile(e, fs.Arg(0), func(w io.Writer) error { return a.Units.ExportXLSX(ctx, w, org.Filter{}) })
		})
}

func unitTemplate(e env, args []string) error {
	return runDB(e, args, "unit template", "unit template [--data DIR] [--db DSN] FILE.xlsx", 1, nil,
		func(ctx context.Context, a *app.App, fs *flag.FlagSet) error {
			kinds, err := a.Units.Kinds(ctx)
			if err != nil {
				return err
			}
			return writeFile(e, fs.Arg(0), func(w io.Writer) error { return org.ImportTemplate(w, kinds) })
		})
}

// writeFile renders into memory first, so a failure leaves no half file.
func writeFile(e env, path string, render func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", path)
	return nil
}
