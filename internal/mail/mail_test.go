package mail

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/mail/mailtest"
)

func TestSendPlainRelay(t *testing.T) {
	port, got := mailtest.Start(t)
	m := New(Config{Host: "127.0.0.1", Port: port, From: "cchc@snv.example.gov.vn", TLS: "none"})
	if !m.Enabled() {
		t.Fatal("mailer with a host is not enabled")
	}
	if err := m.Send(context.Background(), "canbo@xa.example.gov.vn", "Nhắc hạn: còn 3 ngày", "Nhiệm vụ “Rà soát TTHC” đến hạn ngày 31/05/2027."); err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-got:
		for _, want := range []string{"To: <canbo@xa.example.gov.vn>", "From: <cchc@snv.example.gov.vn>", "Subject:"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message lacks %q:\n%s", want, msg)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no message arrived")
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		env     map[string]string
		enabled bool
		wantErr bool
	}{
		{map[string]string{}, false, false},
		{map[string]string{"CCHC_SMTP_HOST": "mail.local", "CCHC_SMTP_FROM": "cchc@x.vn"}, true, false},
		{map[string]string{"CCHC_SMTP_HOST": "mail.local", "CCHC_SMTP_FROM": "cchc@x.vn", "CCHC_SMTP_PORT": "cổng"}, false, true},
		{map[string]string{"CCHC_SMTP_HOST": "mail.local", "CCHC_SMTP_FROM": "cchc@x.vn", "CCHC_SMTP_TLS": "maybe"}, false, true},
		{map[string]string{"CCHC_SMTP_HOST": "mail.local"}, false, true},
	}
	for i, tc := range tests {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			for _, k := range []string{"CCHC_SMTP_HOST", "CCHC_SMTP_PORT", "CCHC_SMTP_USER", "CCHC_SMTP_PASSWORD", "CCHC_SMTP_FROM", "CCHC_SMTP_TLS"} {
				t.Setenv(k, tc.env[k])
			}
			c, err := ConfigFromEnv()
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if err == nil && c.Enabled() != tc.enabled {
				t.Fatalf("Enabled = %v", c.Enabled())
			}
		})
	}
	if err := New(Config{}).Send(context.Background(), "a@b.vn", "s", "b"); err == nil {
		t.Fatal("Send without a server succeeded")
	}
}
