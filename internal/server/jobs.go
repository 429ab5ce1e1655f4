package server

import (
	"context"
	"log/slog"
	"time"

	"cchc/internal/app"
	"cchc/internal/civil"
	"cchc/internal/remind"
	"cchc/internal/report"
	"cchc/internal/vn"
)

// JobInterval is how often the background jobs run. Reminders are keyed per
// day and per threshold, so running often only makes them prompt.
const JobInterval = 15 * time.Minute

// runJobs makes sure the reporting periods of this year and the next exist,
// runs the reminder job and sends queued e-mail shortly after start
// and then every JobInterval, until ctx ends, and purges old sessions hourly.
func runJobs(ctx context.Context, a *app.App, log *slog.Logger) {
	tick := time.NewTimer(30 * time.Second)
	defer tick.Stop()
	lastPurge := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		today := civil.Today(vn.Location())
		// The reporting periods of this year and the next exist before
		// anyone needs them (idempotent: stored dates never change).
		for _, y := range []int{today.Year, today.Year + 1} {
			if err := report.EnsurePeriods(ctx, a.DB, y); err != nil {
				log.Error("reporting periods", "year", y, "err", err)
			}
		}
		if res, err := remind.Run(ctx, a.DB, a.Notify, today); err != nil {
			log.Error("reminders", "err", err)
		} else if res.Reminders+res.Digests+res.Reports > 0 {
			log.Info("reminders created", "reminders", res.Reminders, "digests", res.Digests, "reports", res.Reports, "day", today.String())
		}
		if sent, err := a.Notify.SendOutbox(ctx, 100); err != nil {
			log.Error("send e-mail", "err", err)
		} else if sent > 0 {
			log.Info("e-mail sent", "count", sent)
		}
		if time.Since(lastPurge) > time.Hour {
			lastPurge = time.Now()
			if n, err := a.Users.PurgeSessions(ctx); err != nil {
				log.Error("purge sessions", "err", err)
			} else if n > 0 {
				log.Info("purged sessions", "count", n)
			}
		}
		tick.Reset(JobInterval)
	}
}
