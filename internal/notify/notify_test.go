package notify_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/mail"
	"cchc/internal/mail/mailtest"
	"cchc/internal/notify"
	"cchc/internal/org"
)

func user(t *testing.T, d *db.DB) int64 {
	t.Helper()
	ctx := context.Background()
	u, err := org.NewStore(d).Create(ctx, org.Input{Code: "SNV", Name: "Sở Nội vụ", Kind: "agency", ActiveFrom: civil.New(2020, time.January, 1)})
	if err != nil {
		t.Fatal(err)
	}
	acc, err := auth.NewStore(d).CreateUser(ctx, auth.UserInput{Username: "canbo", FullName: "Cán bộ", UnitID: u.ID,
		Roles: []auth.Role{auth.RoleOfficer}, Active: true, Password: "MatKhau@2026"})
	if err != nil {
		t.Fatal(err)
	}
	return acc.ID
}

func TestOutboxSendsOnceAndRetriesFailures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		uid := user(t, d)
		port, got := mailtest.Start(t)
		n := notify.NewStore(d, mail.New(mail.Config{Host: "127.0.0.1", Port: port, From: "cchc@snv.vn", TLS: "none"}))

		created, err := n.Send(ctx, d, notify.Notification{UserID: uid, Kind: "reminder", Title: "Nhắc hạn: còn 3 ngày",
			Body: "Nhiệm vụ rà soát thủ tục hành chính", DedupeKey: "k1"}, "canbo@snv.vn")
		if err != nil || !created {
			t.Fatalf("Send = %v, %v", created, err)
		}
		if again, err := n.Send(ctx, d, notify.Notification{UserID: uid, Kind: "reminder", Title: "x", DedupeKey: "k1"}, "canbo@snv.vn"); err != nil || again {
			t.Fatalf("second Send with the same key = %v, %v; want not created", again, err)
		}
		if _, err := n.Send(ctx, d, notify.Notification{UserID: uid, Title: "no key"}, ""); err == nil {
			t.Fatal("Send without a dedupe key succeeded")
		}
		sent, err := n.SendOutbox(ctx, 10)
		if err != nil || sent != 1 {
			t.Fatalf("SendOutbox = %d, %v", sent, err)
		}
		select {
		case msg := <-got:
			if !strings.Contains(msg, "canbo@snv.vn") {
				t.Errorf("message to the wrong address:\n%s", msg)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no e-mail arrived")
		}
		if sent, err := n.SendOutbox(ctx, 10); err != nil || sent != 0 {
			t.Fatalf("second SendOutbox = %d, %v; want nothing to send", sent, err)
		}

		// A server that refuses connections: the e-mail stays queued with
		// the error and a later attempt time.
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		deadPort := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		dead := notify.NewStore(d, mail.New(mail.Config{Host: "127.0.0.1", Port: deadPort, From: "cchc@snv.vn", TLS: "none"}))
		if _, err := dead.Send(ctx, d, notify.Notification{UserID: uid, Kind: "digest", Title: "Tổng hợp", DedupeKey: "k2"}, "canbo@snv.vn"); err != nil {
			t.Fatal(err)
		}
		if sent, err := dead.SendOutbox(ctx, 10); err != nil || sent != 0 {
			t.Fatalf("SendOutbox to a dead server = %d, %v", sent, err)
		}
		var row struct {
			Attempts  int    `db:"attempts"`
			LastError string `db:"last_error"`
		}
		if err := d.GetContext(ctx, &row, `SELECT attempts, last_error FROM email_outbox WHERE sent_at IS NULL`); err != nil {
			t.Fatal(err)
		}
		if row.Attempts != 1 || row.LastError == "" {
			t.Fatalf("failed e-mail = %+v, want one attempt with its error", row)
		}
		// Not due again yet.
		if sent, _ := dead.SendOutbox(ctx, 10); sent != 0 {
			t.Fatal("retried before its time")
		}
	})
}
