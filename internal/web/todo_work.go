package web

import "net/http"

// Placeholders until the pages are written; this file is deleted then.
func (h *Handler) workItemList(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) workItemExport(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) workItemShow(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) workItemProgress(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) workItemHold(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) workItemEvidence(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) workItemContribution(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
func (h *Handler) evidenceDownload(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) overview(w http.ResponseWriter, r *http.Request)             { h.notFound(w, r) }
func (h *Handler) timeline(w http.ResponseWriter, r *http.Request)             { h.notFound(w, r) }
func (h *Handler) notificationList(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) notificationRead(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
