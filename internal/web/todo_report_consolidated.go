package web

import "net/http"

// Placeholders until the consolidation pages and exports lands; that helper deletes this file.
func (h *Handler) reportExportXLSX(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) reportExportDOCX(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) reportConsolidated(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) reportConsolidatedXLSX(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
func (h *Handler) reportConsolidatedDOCX(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
func (h *Handler) reportTimeliness(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) reportRemind(w http.ResponseWriter, r *http.Request)           { h.notFound(w, r) }
