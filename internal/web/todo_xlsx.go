package web

import "net/http"

// Placeholders until the pages are written; this file is deleted then.
func (h *Handler) unitImportForm(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) unitImport(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) unitImportTemplate(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
func (h *Handler) unitExport(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
