package web

import "net/http"

// Placeholders until the report filling pages lands; that helper deletes this file.
func (h *Handler) reportList(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) reportOpen(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) reportShow(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) reportSaveDraft(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
func (h *Handler) reportSubmit(w http.ResponseWriter, r *http.Request)    { h.notFound(w, r) }
func (h *Handler) reportReturn(w http.ResponseWriter, r *http.Request)    { h.notFound(w, r) }
func (h *Handler) reportAccept(w http.ResponseWriter, r *http.Request)    { h.notFound(w, r) }
