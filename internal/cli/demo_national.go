package cli

import (
	"context"
	"flag"
	"fmt"

	"cchc/internal/app"
	"cchc/internal/national"
)

const demoUsage = `Usage: cchc demo national [flags]

Builds into an empty database a national-size dataset in the pre-2025 shape
for load tests: 63 provinces with their agencies, districts and communes
under a root "Cả nước", a report form of many counts (form QG) and the four
quarterly reports of one year of every agency, district and commune, all
submitted with their values. It prints each step and how long it took.

Run "cchc demo national --help" for the flags.`

// demoCmd runs "cchc demo national".
func demoCmd(e env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stdout, demoUsage)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	if args[0] != "national" {
		fmt.Fprintln(e.stderr, demoUsage)
		return errUsage
	}
	cfg := national.DefaultConfig()
	return runDB(e, args[1:], "demo national", "demo national [--db DSN] [--units 12600] [--indicators 100] [--year 2024]", 0,
		func(fs *flag.FlagSet) {
			fs.IntVar(&cfg.Units, "units", cfg.Units, fmt.Sprintf("units below the root (%d-%d), in the proportions of 63 provinces, 1,200 agencies, 700 districts, 10,600 communes", national.MinUnits, national.MaxUnits))
			fs.IntVar(&cfg.Indicators, "indicators", cfg.Indicators, "counts of the form (it has one rate per ten counts on top)")
			fs.IntVar(&cfg.Year, "year", cfg.Year, "year whose four quarters are reported")
		},
		func(ctx context.Context, a *app.App, _ *flag.FlagSet) error {
			cfg.Progress = e.stdout
			sum, err := national.Build(ctx, a.DB, cfg)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "root unit %d (Cả nước), first province %d; form %s, periods %v\n",
				sum.RootID, sum.ProvinceID, sum.Form, sum.Periods)
			return nil
		})
}
