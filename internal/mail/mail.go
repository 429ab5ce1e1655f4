// Package mail sends e-mail through an SMTP server the province already
// runs. cchc never needs mail to work: without a host, Enabled is false and
// notifications stay in the application.
package mail

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Config is the SMTP server. TLS is "starttls" (default: upgrade the
// connection and refuse to send without encryption), "tls" (implicit TLS,
// usually port 465) or "none" (plain, for a relay on the local network).
type Config struct {
	Host     string
	Port     int
	Username string
	Password string
	From     string
	TLS      string
}

// ConfigFromEnv reads CCHC_SMTP_HOST, CCHC_SMTP_PORT, CCHC_SMTP_USER,
// CCHC_SMTP_PASSWORD, CCHC_SMTP_FROM and CCHC_SMTP_TLS.
func ConfigFromEnv() (Config, error) {
	c := Config{
		Host:     os.Getenv("CCHC_SMTP_HOST"),
		Username: os.Getenv("CCHC_SMTP_USER"),
		Password: os.Getenv("CCHC_SMTP_PASSWORD"),
		From:     os.Getenv("CCHC_SMTP_FROM"),
		TLS:      strings.ToLower(os.Getenv("CCHC_SMTP_TLS")),
	}
	if p := os.Getenv("CCHC_SMTP_PORT"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return Config{}, fmt.Errorf("mail: CCHC_SMTP_PORT=%q is not a port number", p)
		}
		c.Port = n
	}
	return c, c.Validate()
}

// Enabled reports whether a server is configured.
func (c Config) Enabled() bool { return c.Host != "" }

// Validate checks a configured server's settings.
func (c Config) Validate() error {
	if !c.Enabled() {
		return nil
	}
	switch c.TLS {
	case "", "starttls", "tls", "none":
	default:
		return fmt.Errorf("mail: TLS mode %q: use starttls, tls or none", c.TLS)
	}
	if !strings.Contains(c.From, "@") {
		return errors.New("mail: CCHC_SMTP_FROM must be the sender address, e.g. cchc@snv.example.gov.vn")
	}
	return nil
}

// Mailer sends messages with one configuration. It is safe for concurrent use.
type Mailer struct{ cfg Config }

// New returns a Mailer for cfg.
func New(cfg Config) *Mailer { return &Mailer{cfg: cfg} }

// Enabled reports whether the mailer has a server to send to.
func (m *Mailer) Enabled() bool { return m != nil && m.cfg.Enabled() }

// Send delivers one plain-text message in UTF-8.
func (m *Mailer) Send(ctx context.Context, to, subject, body string) error {
	if !m.Enabled() {
		return errors.New("mail: no SMTP server configured")
	}
	msg := gomail.NewMsg()
	if err := msg.From(m.cfg.From); err != nil {
		return fmt.Errorf("mail: sender %q: %w", m.cfg.From, err)
	}
	if err := msg.To(to); err != nil {
		return fmt.Errorf("mail: recipient %q: %w", to, err)
	}
	msg.Subject(subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetBodyString(gomail.TypeTextPlain, body)

	opts := []gomail.Option{gomail.WithTimeout(30 * time.Second)}
	switch m.cfg.TLS {
	case "none":
		opts = append(opts, gomail.WithTLSPortPolicy(gomail.NoTLS))
	case "tls":
		opts = append(opts, gomail.WithSSLPort(false))
	default:
		opts = append(opts, gomail.WithTLSPortPolicy(gomail.TLSMandatory))
	}
	if m.cfg.Port != 0 {
		opts = append(opts, gomail.WithPort(m.cfg.Port))
	}
	if m.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(m.cfg.Username), gomail.WithPassword(m.cfg.Password))
	}
	client, err := gomail.NewClient(m.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("mail: client for %s: %w", m.cfg.Host, err)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("mail: send to %s via %s: %w", to, m.cfg.Host, err)
	}
	return nil
}
