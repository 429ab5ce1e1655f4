package web

import "net/http"

// Placeholders until the pages are written; this file is deleted then.
func (h *Handler) planList(w http.ResponseWriter, r *http.Request)           { h.notFound(w, r) }
func (h *Handler) planNew(w http.ResponseWriter, r *http.Request)            { h.notFound(w, r) }
func (h *Handler) planCreate(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) planShow(w http.ResponseWriter, r *http.Request)           { h.notFound(w, r) }
func (h *Handler) planEdit(w http.ResponseWriter, r *http.Request)           { h.notFound(w, r) }
func (h *Handler) planUpdate(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) planStatus(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) planSourceUpload(w http.ResponseWriter, r *http.Request)   { h.notFound(w, r) }
func (h *Handler) planSourceDownload(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
func (h *Handler) planExport(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) planAreaCreate(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) planCoverage(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) planCopyAssigned(w http.ResponseWriter, r *http.Request)   { h.notFound(w, r) }
func (h *Handler) taskNew(w http.ResponseWriter, r *http.Request)            { h.notFound(w, r) }
func (h *Handler) taskCreate(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) taskEdit(w http.ResponseWriter, r *http.Request)           { h.notFound(w, r) }
func (h *Handler) taskUpdate(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) taskDelete(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) taskMove(w http.ResponseWriter, r *http.Request)           { h.notFound(w, r) }
func (h *Handler) schedulePreview(w http.ResponseWriter, r *http.Request)    { h.notFound(w, r) }
