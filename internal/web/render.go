package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/httpx"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

//go:embed templates
var templateFS embed.FS

// templates holds one parsed set per page: the layout, the partials and the
// page's own file, which defines "content".
type templates struct{ pages map[string]*template.Template }

func funcs(a *assets) template.FuncMap {
	loc := vn.Location()
	return template.FuncMap{
		"asset": a.URL,
		"date": func(v any) string {
			switch d := v.(type) {
			case civil.Date:
				return d.VN()
			case *civil.Date:
				if d == nil {
					return ""
				}
				return d.VN()
			case time.Time:
				return vn.FormatDate(d.In(loc))
			case *time.Time:
				if d == nil {
					return ""
				}
				return vn.FormatDate(d.In(loc))
			}
			return fmt.Sprint(v)
		},
		"datetime": func(v any) string {
			switch t := v.(type) {
			case time.Time:
				return vn.FormatDateTime(t, loc)
			case *time.Time:
				if t == nil {
					return ""
				}
				return vn.FormatDateTime(*t, loc)
			}
			return ""
		},
		"isodate":   func(d civil.Date) string { return d.String() },
		"vnd":       vn.FormatVND,
		"pct":       vn.FormatPercent,
		"number":    func(n int) string { return vn.FormatInt(int64(n)) },
		"roleLabel": func(r auth.Role) string { return r.Label() },
		"add":       func(a, b int) int { return a + b },
		"deref": func(p *int64) int64 {
			if p == nil {
				return 0
			}
			return *p
		},
		"join": strings.Join,
		"query": func(pairs ...any) template.URL {
			v := url.Values{}
			for i := 0; i+1 < len(pairs); i += 2 {
				if s := fmt.Sprint(pairs[i+1]); s != "" && s != "0" {
					v.Set(fmt.Sprint(pairs[i]), s)
				}
			}
			return template.URL(v.Encode())
		},
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
	}
}

func parseTemplates(a *assets) (*templates, error) {
	base := template.New("").Funcs(funcs(a))
	base, err := base.ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	pages, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, p := range pages {
		name := strings.TrimSuffix(strings.TrimPrefix(p, "templates/pages/"), ".html")
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if t.pages[name], err = clone.ParseFS(templateFS, p); err != nil {
			return nil, fmt.Errorf("web: parse page %s: %w", name, err)
		}
	}
	return t, nil
}

// Page is what every template receives. Data is the page's own value; Form
// and Errors carry a submitted form back with Vietnamese messages per field.
type Page struct {
	Title   string
	User    *auth.User
	Nav     []NavItem
	Path    string
	Flash   *Flash
	Data    any
	Form    any
	Errors  valid.Errors
	Request *http.Request
	// Can reports whether the user may do an action (an auth.Action string
	// such as "unit.manage") on a unit; templates use it to hide buttons.
	Can func(action string, unitID int64) bool
	// Unread is the signed-in user's count of unread notifications.
	Unread int
}

// NavItem is one entry of the main menu.
type NavItem struct {
	Label, URL string
	Active     bool
}

// nav builds the menu for u: each item appears only for those who may use it.
func (h *Handler) nav(r *http.Request) []NavItem {
	u := user(r)
	if u == nil {
		return nil
	}
	items := []NavItem{{Label: "Tổng quan", URL: "/"}, {Label: "Việc của tôi", URL: "/work-items"},
		{Label: "Kế hoạch", URL: "/plans"}, {Label: "Tiến độ thực hiện", URL: "/overview"},
		{Label: "Biểu đồ thời gian", URL: "/timeline"}, {Label: "Báo cáo định kỳ", URL: "/reports"}}
	if h.can(r, auth.ReviewReport, 0) {
		items = append(items, NavItem{Label: "Đôn đốc báo cáo", URL: "/reports/timeliness"},
			NavItem{Label: "Biểu mẫu, lịch báo cáo", URL: "/report-forms"})
	}
	items = append(items, NavItem{Label: "Chỉ số CCHC", URL: "/index"}, NavItem{Label: "Đơn vị", URL: "/units"})
	if h.can(r, auth.ManageGroups, 0) {
		items = append(items, NavItem{Label: "Nhóm đơn vị", URL: "/groups"})
	}
	if h.can(r, auth.ManageUnits, 0) {
		items = append(items, NavItem{Label: "Loại đơn vị", URL: "/kinds"})
	}
	if h.can(r, auth.ManageUsers, 0) {
		items = append(items, NavItem{Label: "Người dùng", URL: "/users"})
	}
	if h.can(r, auth.ViewAudit, 0) {
		items = append(items, NavItem{Label: "Nhật ký hệ thống", URL: "/audit"})
	}
	items = append(items, NavItem{Label: "Tài khoản của tôi", URL: "/account"})
	// The item whose address is the longest prefix of the path is active
	// ("/reports/timeliness" is "Đôn đốc báo cáo", not "Báo cáo định kỳ").
	best := -1
	for i := range items {
		p := r.URL.Path
		if (p == items[i].URL || items[i].URL != "/" && strings.HasPrefix(p, items[i].URL+"/")) &&
			(best < 0 || len(items[i].URL) > len(items[best].URL)) {
			best = i
		}
	}
	if best >= 0 {
		items[best].Active = true
	}
	return items
}

// render executes page name into a buffer and writes it with status, so a
// template error never leaves half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	h.renderPage(w, r, status, name, &Page{Title: title, Data: data})
}

// renderForm re-renders a form page with the submitted values and errors.
func (h *Handler) renderForm(w http.ResponseWriter, r *http.Request, name, title string, data, form any, errs valid.Errors) {
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.renderPage(w, r, status, name, &Page{Title: title, Data: data, Form: form, Errors: errs})
}

func (h *Handler) renderPage(w http.ResponseWriter, r *http.Request, status int, name string, p *Page) {
	t, ok := h.tmpl.pages[name]
	if !ok {
		h.log.Error("missing template", "name", name)
		http.Error(w, "Lỗi hệ thống", http.StatusInternalServerError)
		return
	}
	p.User, p.Nav, p.Path, p.Request, p.Can = user(r), h.nav(r), r.URL.Path, r, h.canFunc(r)
	if p.User != nil {
		n, err := h.app.Notify.Unread(r.Context(), p.User.ID)
		if err != nil {
			h.log.Error("unread notifications", "request_id", httpx.RequestID(r.Context()), "err", err)
		}
		p.Unread = n
	}
	if p.Flash == nil {
		p.Flash = takeFlash(w, r)
	}
	root := "layout"
	if r.Header.Get("HX-Request") == "true" && t.Lookup("fragment") != nil {
		root = "fragment"
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, root, p); err != nil {
		h.log.Error("render", "request_id", httpx.RequestID(r.Context()), "page", name, "err", err)
		http.Error(w, "Lỗi hiển thị trang. Mã yêu cầu: "+httpx.RequestID(r.Context()), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// Flash is a one-time message shown on the next page.
type Flash struct {
	Kind    string // "success", "error", "info"
	Message string
}

const flashCookie = "cchc_flash"

// flash stores a message for the next page and redirects there (303).
func (h *Handler) redirectFlash(w http.ResponseWriter, r *http.Request, to, kind, msg string) {
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: kind + ":" + url.QueryEscape(msg), Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil, MaxAge: 60})
	http.Redirect(w, r, to, http.StatusSeeOther)
}

func takeFlash(w http.ResponseWriter, r *http.Request) *Flash {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return nil
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	kind, msg, ok := strings.Cut(c.Value, ":")
	if !ok {
		return nil
	}
	msg, err = url.QueryUnescape(msg)
	if err != nil || msg == "" {
		return nil
	}
	switch kind {
	case "success", "error", "info":
	default:
		kind = "info"
	}
	return &Flash{Kind: kind, Message: msg}
}

// Err returns the message for field, or "". Templates use it as
// {{with .Err "name"}}<p class="field-error">{{.}}</p>{{end}}.
func (p *Page) Err(field string) string { return p.Errors[field] }

// Can lets a template show or hide an action; the handler checks again.
func (h *Handler) canFunc(r *http.Request) func(action string, unitID int64) bool {
	return func(action string, unitID int64) bool { return h.can(r, auth.Action(action), unitID) }
}
