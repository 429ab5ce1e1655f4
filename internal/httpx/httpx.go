// Package httpx holds the HTTP plumbing shared by the web pages and the JSON
// API: request ids, access logs, panic recovery, security headers, the
// signed-in user in the request context, and the client address.
package httpx

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"cchc/internal/audit"
	"cchc/internal/auth"
)

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyUser
	keyLogUser
)

// RequestID returns the id given to the request by WithRequestID.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(keyRequestID).(string)
	return id
}

// User returns the signed-in user of the request, or nil.
func User(ctx context.Context) *auth.User {
	u, _ := ctx.Value(keyUser).(*auth.User)
	return u
}

// WithUser returns ctx carrying u, and the audit actor made from it.
func WithUser(ctx context.Context, r *http.Request, u *auth.User) context.Context {
	ctx = context.WithValue(ctx, keyUser, u)
	if name, ok := ctx.Value(keyLogUser).(*string); ok {
		*name = u.Username // for the access log line, written after the handler
	}
	return audit.WithActor(ctx, audit.Actor{UserID: u.ID, Username: u.Username, IP: ClientIP(r), RequestID: RequestID(ctx)})
}

// ClientIP returns the remote address of r without the port. cchc does not
// trust X-Forwarded-For; put the proxy's own logging in front if needed.
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Logging gives each request an id (echoed in X-Request-Id), recovers from
// panics with a 500, and logs one line per request.
func Logging(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b [8]byte
		_, _ = rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		w.Header().Set("X-Request-Id", id)
		var username string
		ctx := context.WithValue(r.Context(), keyRequestID, id)
		ctx = context.WithValue(ctx, keyLogUser, &username)
		ctx = audit.WithActor(ctx, audit.Actor{Username: "anonymous", IP: ClientIP(r), RequestID: id})
		sw := &statusWriter{ResponseWriter: w}
		start := time.Now()
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic", "request_id", id, "panic", p, "path", r.URL.Path)
				if sw.status == 0 {
					http.Error(sw, "Lỗi hệ thống. Mã yêu cầu: "+id, http.StatusInternalServerError)
				}
			}
			if r.URL.Path == "/healthz" || strings.HasPrefix(r.URL.Path, "/static/") {
				return
			}
			log.Info("request", "request_id", id, "method", r.Method, "path", r.URL.Path, "status", sw.status,
				"bytes", sw.bytes, "duration_ms", time.Since(start).Milliseconds(), "user", username, "ip", ClientIP(r))
		}()
		next.ServeHTTP(sw, r.WithContext(ctx))
	})
}

// ContentSecurityPolicy allows only the product's own scripts, styles and
// images: no inline script, no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"

// SecurityHeaders sets the CSP and the other protective headers.
func SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// SessionCookie is the name of the browser session cookie.
const SessionCookie = "cchc_session"

// Authenticate puts the user behind the request's bearer token or session
// cookie into the context, if there is one. It rejects nothing: pages and
// API endpoints decide what an anonymous request may do. A request with a
// bearer token that is not valid gets no user, even if it carries a cookie.
func Authenticate(users *auth.Store, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var (
			u   auth.User
			err error
		)
		if h := r.Header.Get("Authorization"); h != "" {
			secret, ok := strings.CutPrefix(h, "Bearer ")
			if !ok {
				next.ServeHTTP(w, r)
				return
			}
			u, err = users.TokenUser(ctx, strings.TrimSpace(secret))
		} else if c, cerr := r.Cookie(SessionCookie); cerr == nil {
			u, err = users.SessionUser(ctx, c.Value)
		} else {
			next.ServeHTTP(w, r)
			return
		}
		if err != nil {
			if err != auth.ErrNoSession && err != auth.ErrBadToken {
				log.Error("authenticate", "request_id", RequestID(ctx), "err", err)
			}
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithUser(ctx, r, &u)))
	})
}
