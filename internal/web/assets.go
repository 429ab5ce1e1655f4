package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// assets serves the embedded static files under /static/<hash>/<name>, so a
// changed file gets a new URL and browsers may cache each URL forever.
type assets struct {
	hash  map[string]string // name -> short content hash
	files map[string][]byte
}

func loadAssets() (*assets, error) {
	a := &assets{hash: map[string]string{}, files: map[string][]byte{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(b)
		a.hash[name] = hex.EncodeToString(sum[:])[:12]
		a.files[name] = b
		return nil
	})
	return a, err
}

// URL returns the content-hashed URL of a static file; templates call it as
// {{asset "app.css"}}. An unknown name panics at template execution, which
// the start-up self-check turns into a failed start.
func (a *assets) URL(name string) string {
	h, ok := a.hash[name]
	if !ok {
		panic("web: unknown asset " + name)
	}
	return "/static/" + h + "/" + name
}

func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	hash, name := r.PathValue("hash"), r.PathValue("name")
	b, ok := a.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if hash == a.hash[name] {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	_, _ = w.Write(b)
}
