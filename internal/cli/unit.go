package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"

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
	fs := newFlagSet(e, "unit import", "unit import [--data DIR] [--db DSN] [--dry-run] FILE.xlsx")
	var f dbFlags
	f.register(fs)
	dryRun := fs.Bool("dry-run", false, "check the file and report what would change, without writing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errUsage
	}
	file, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer file.Close()
	ctx := context.Background()
	a, closeDB, err := f.open(ctx, e)
	if err != nil {
		return err
	}
	defer closeDB()
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
}

func unitExport(e env, args []string) error {
	fs := newFlagSet(e, "unit export", "unit export [--data DIR] [--db DSN] FILE.xlsx")
	var f dbFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errUsage
	}
	ctx := context.Background()
	a, closeDB, err := f.open(ctx, e)
	if err != nil {
		return err
	}
	defer closeDB()
	var buf bytes.Buffer
	if err := a.Units.ExportXLSX(ctx, &buf, org.Filter{}); err != nil {
		return err
	}
	if err := os.WriteFile(fs.Arg(0), buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", fs.Arg(0))
	return nil
}

func unitTemplate(e env, args []string) error {
	fs := newFlagSet(e, "unit template", "unit template [--data DIR] [--db DSN] FILE.xlsx")
	var f dbFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errUsage
	}
	ctx := context.Background()
	a, closeDB, err := f.open(ctx, e)
	if err != nil {
		return err
	}
	defer closeDB()
	kinds, err := a.Units.Kinds(ctx)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := org.ImportTemplate(&buf, kinds); err != nil {
		return err
	}
	if err := os.WriteFile(fs.Arg(0), buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", fs.Arg(0))
	return nil
}
