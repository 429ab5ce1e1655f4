package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strconv"

	"cchc/internal/schedule"
)

func scheduleCmd(e env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stdout, `Usage: cchc schedule parse [--year N] TEXT...

Commands:
  parse   read Vietnamese deadline texts and print what they mean, one JSON
          object per TEXT and per line, keys in this order:
          {"text":"...","start":"YYYY-MM-DD"|null,"due":"YYYY-MM-DD"|null,
           "recurrence":""|"continuous"|"yearly"|"half-yearly"|"quarterly"|"monthly",
           "milestones":["YYYY-MM-DD",...],"relative":""|"plan_year"|"event",
           "understood":true|false}

--year N is the plan year (1900-2199): it places "năm sau", "quý IV năm
trước" and days written without a year. Flags come before the texts; put
"--" before a text that starts with "-".

Example:
  cchc schedule parse --year 2018 "Trước tháng 6 năm 2013" "trước ngày 25/11"

See docs/schedule.md for what every phrase means.`)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	switch args[0] {
	case "parse":
		return scheduleParse(e, args[1:])
	}
	return fmt.Errorf("unknown schedule command %q: %w", args[0], errUsage)
}

// yearFlag is --year: empty or 0 means unknown; otherwise 1900-2199.
type yearFlag int

func (y *yearFlag) String() string { return strconv.Itoa(int(*y)) }

func (y *yearFlag) Set(s string) error {
	v, err := strconv.Atoi(s)
	if err != nil || (v != 0 && (v < 1900 || v > 2199)) {
		return fmt.Errorf("năm kế hoạch %q không hợp lệ: cần một năm từ 1900 đến 2199", s)
	}
	*y = yearFlag(v)
	return nil
}

func scheduleParse(e env, args []string) error {
	fs := newFlagSet(e, "schedule parse", "schedule parse [--year N] TEXT...")
	var year yearFlag
	fs.Var(&year, "year", "plan year (1900-2199) for phrases relative to it; 0 = unknown")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %w", err, errUsage) // a bad --year is a usage error: exit 2
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("no TEXT: %w", errUsage)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, text := range fs.Args() {
		if err := enc.Encode(schedule.Parse(text, int(year))); err != nil {
			return err
		}
	}
	return nil
}
