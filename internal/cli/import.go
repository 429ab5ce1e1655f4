package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/doctable"
	"cchc/internal/importer"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

func importCmd(e env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stdout, `Usage: cchc import plan FILE [flags]

Reads the task tables of a plan document (.docx, .xlsx or a .txt extraction)
and prints what it understood, or stores the tasks into a plan in one
transaction. Importing the same document into the same plan again updates
its tasks instead of adding copies.

  cchc import plan FILE --dry-run --json [--year N]   print the tasks as JSON, write nothing
  cchc import plan FILE --plan ID                      add or update the tasks of plan ID
  cchc import plan FILE --new-plan TITLE [--issuer UNIT-CODE] [--kind KIND]
                                                       create a draft plan and fill it

Run "cchc import plan --help" for every flag. The JSON contract is in
docs/import.md.`)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	if args[0] != "plan" {
		return fmt.Errorf("unknown import command %q: %w", args[0], errUsage)
	}
	return importPlan(e, args[1:])
}

// importFlags are the flags of "import plan".
type importFlags struct {
	dbFlags
	year                  yearFlag
	dryRun, asJSON        bool
	planID                int64
	newPlan, issuer, kind string
	sheet                 string
	// databaseGiven is true when --db, --data, CCHC_DB or CCHC_DATA names
	// the database: only then does a dry run match names to units.
	databaseGiven bool
}

func importPlan(e env, args []string) error {
	fs := newFlagSet(e, "import plan", "import plan FILE [--year N] [--dry-run] [--json] [--plan ID | --new-plan TITLE] [--db DSN]")
	var f importFlags
	f.register(fs)
	fs.Var(&f.year, "year", "plan year (1900-2199) for deadlines relative to it; default: the year in the document's title")
	fs.BoolVar(&f.dryRun, "dry-run", false, "read and report, write nothing")
	fs.BoolVar(&f.asJSON, "json", false, `print {"tasks":[...],"warnings":[...]} (see docs/import.md)`)
	fs.Int64Var(&f.planID, "plan", 0, "store the tasks into this plan")
	fs.StringVar(&f.newPlan, "new-plan", "", "create a draft plan with this title and store the tasks into it")
	fs.StringVar(&f.issuer, "issuer", "", "code of the unit issuing the new plan; default: the province")
	fs.StringVar(&f.kind, "kind", "", "kind of the new plan: programme, five_year, annual, thematic; default: from the years")
	fs.StringVar(&f.sheet, "sheet", "", "Excel sheet to read; default: every sheet that holds tasks")
	// Flags may come after FILE, as the usage line shows.
	var files []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return fmt.Errorf("%w: %w", err, errUsage)
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	fs.Visit(func(fl *flag.Flag) { f.databaseGiven = f.databaseGiven || fl.Name == "db" || fl.Name == "data" })
	f.databaseGiven = f.databaseGiven || os.Getenv("CCHC_DB") != "" || os.Getenv("CCHC_DATA") != ""
	if len(files) != 1 {
		return fmt.Errorf("need exactly one FILE: %w", errUsage)
	}
	if f.planID != 0 && f.newPlan != "" {
		return fmt.Errorf("--plan and --new-plan exclude each other: %w", errUsage)
	}
	if !f.dryRun && f.planID == 0 && f.newPlan == "" {
		return fmt.Errorf("say where the tasks go (--plan ID or --new-plan TITLE), or use --dry-run: %w", errUsage)
	}
	data, err := readLimited(files[0])
	if err != nil {
		return err
	}
	doc, err := doctable.Read(filepath.Base(files[0]), data)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	ctx := context.Background()
	d, closeDB, reference, err := f.openForImport(ctx)
	if err != nil {
		return err
	}
	defer closeDB()
	year := int(f.year)
	if year == 0 {
		year, _ = importer.Years(doc)
	}
	areas, dir, err := importer.Setup(ctx, d, f.planID, year)
	if err != nil {
		return err
	}
	if reference {
		dir = nil // no units to match: unit_id stays null, no warnings about them
	}
	res := importer.Read(doc, importer.Options{Year: int(f.year), Sheet: f.sheet, Areas: areas, Directory: dir})
	if f.dryRun {
		return printImport(e, res, f.asJSON, nil)
	}
	var sum importer.Summary
	var planID int64
	err = d.InTx(ctx, func(tx *sqlx.Tx) error {
		planID = f.planID
		if f.newPlan != "" {
			p, err := f.createPlan(ctx, tx, res)
			if err != nil {
				return err
			}
			planID = p.ID
			res = importer.Read(doc, importer.Options{Year: int(f.year), Sheet: f.sheet, Areas: mustAreas(ctx, tx, p), Directory: dir})
		}
		sum, _, err = importer.Save(ctx, tx, planID, res, filepath.Base(files[0]), doc.Format, data, 0)
		return err
	})
	if msg := valid.Message(err); msg != "" {
		return fmt.Errorf("%s: %s (nothing was written)", files[0], msg)
	}
	if err != nil {
		return err
	}
	return printImport(e, res, f.asJSON, &importOutcome{planID: planID, sum: sum})
}

func mustAreas(ctx context.Context, tx *sqlx.Tx, p plan.Plan) []importer.Area {
	as, err := plan.PlanAreasWith(ctx, tx, p)
	if err != nil {
		return nil
	}
	return importer.AreasOf(as)
}

// readLimited reads a file no larger than doctable.MaxSize.
func readLimited(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, doctable.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > doctable.MaxSize {
		return nil, fmt.Errorf("%s: tệp quá lớn (tối đa %d MB)", path, doctable.MaxSize>>20)
	}
	return data, nil
}

// openForImport opens the configured database. A dry run that names no
// database (no --db, --data, CCHC_DB or CCHC_DATA) reads against a
// temporary one (the standard areas, no units): its output does not depend
// on whatever ./data holds, unit_id stays null, and it creates no files;
// reference is then true.
func (f *importFlags) openForImport(ctx context.Context) (d *db.DB, closeDB func(), reference bool, err error) {
	dsn := f.config().DatabaseDSN()
	if f.dryRun && !f.databaseGiven {
		dir, err := os.MkdirTemp("", "cchc-import-")
		if err != nil {
			return nil, nil, false, err
		}
		d, err := openMigrated(ctx, filepath.Join(dir, "reference.db"))
		if err != nil {
			os.RemoveAll(dir)
			return nil, nil, false, err
		}
		return d, func() { d.Close(); os.RemoveAll(dir) }, true, nil
	}
	if d, err = openMigrated(ctx, dsn); err != nil {
		return nil, nil, false, err
	}
	return d, func() { d.Close() }, false, nil
}

func openMigrated(ctx context.Context, dsn string) (*db.DB, error) {
	d, err := db.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if _, err := d.Migrate(ctx); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// createPlan creates the draft plan --new-plan names: issued by --issuer (or
// the province), over the years the document's title names (or --year),
// five-year when it spans several years, annual otherwise.
func (f *importFlags) createPlan(ctx context.Context, tx *sqlx.Tx, res importer.Result) (plan.Plan, error) {
	from, to := res.FromYear, res.ToYear
	if f.year != 0 {
		from, to = int(f.year), max(int(f.year), to)
		if res.FromYear != int(f.year) {
			to = int(f.year)
		}
	}
	if from == 0 {
		return plan.Plan{}, valid.Problemf("Không tìm thấy năm của kế hoạch trong tiêu đề tài liệu: hãy cho biết --year.")
	}
	kind := f.kind
	if kind == "" {
		kind = plan.KindAnnual
		if to > from {
			kind = plan.KindFiveYear
		}
	}
	issuer, err := f.issuerUnit(ctx, tx)
	if err != nil {
		return plan.Plan{}, err
	}
	setID, err := importer.SetForYear(ctx, tx, from)
	if err != nil {
		return plan.Plan{}, err
	}
	return plan.CreateTx(ctx, tx, plan.PlanInput{Kind: kind, Title: f.newPlan, IssuingUnitID: issuer,
		PeriodStart: civil.Date{Year: from, Month: 1, Day: 1}, PeriodEnd: civil.Date{Year: to, Month: 12, Day: 31},
		AreaSetID: setID, Status: plan.StatusDraft})
}

// provinceKind is the code of the seeded unit kind of provinces.
const provinceKind = "province"

// issuerUnit returns the id of the unit coded --issuer, or of the only
// top-level province.
func (f *importFlags) issuerUnit(ctx context.Context, tx *sqlx.Tx) (int64, error) {
	if f.issuer != "" {
		var id int64
		err := tx.GetContext(ctx, &id, tx.Rebind(`SELECT id FROM units WHERE code = ?`), f.issuer)
		if err != nil {
			return 0, valid.Problemf(fmt.Sprintf("Không có đơn vị mã “%s”.", f.issuer))
		}
		return id, nil
	}
	var ids []int64
	if err := tx.SelectContext(ctx, &ids, tx.Rebind(`SELECT id FROM units WHERE kind = ? AND parent_id IS NULL AND active_to IS NULL ORDER BY id`), provinceKind); err != nil {
		return 0, fmt.Errorf("find the province: %w", err)
	}
	if len(ids) != 1 {
		return 0, valid.Problemf("Chưa xác định được đơn vị ban hành kế hoạch: hãy cho biết --issuer MÃ-ĐƠN-VỊ.")
	}
	return ids[0], nil
}

// importOutcome is what a written import did.
type importOutcome struct {
	planID int64
	sum    importer.Summary
}

// printImport prints the result as JSON, or as a summary with every
// warning.
func printImport(e env, res importer.Result, asJSON bool, done *importOutcome) error {
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	subs, sections := 0, map[string]bool{}
	for _, t := range res.Tasks {
		if t.Parent != nil {
			subs++
		}
		sections[t.Section] = true
	}
	fmt.Fprintf(e.stdout, "read %d tasks (%d of them sub-tasks) in %d sections; plan year %d\n",
		len(res.Tasks), subs, len(sections), res.Year)
	for _, w := range res.Warnings {
		fmt.Fprintln(e.stdout, "  ! "+w)
	}
	if done == nil {
		fmt.Fprintln(e.stdout, "dry run: nothing written")
		return nil
	}
	s := done.sum
	fmt.Fprintf(e.stdout, "plan %d: %d tasks created, %d updated, %d blank rows skipped", done.planID, s.Created, s.Updated, s.Skipped)
	if s.Kept > 0 {
		fmt.Fprintf(e.stdout, ", %d tasks of an earlier import no longer in the file kept", s.Kept)
	}
	if len(s.AreasCreated) > 0 {
		fmt.Fprintf(e.stdout, "; new areas: %s", strings.Join(s.AreasCreated, "; "))
	}
	fmt.Fprintln(e.stdout)
	return nil
}
