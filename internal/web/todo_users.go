package web

import "net/http"

// Placeholders until the pages are written; this file is deleted then.
func (h *Handler) userList(w http.ResponseWriter, r *http.Request)          { h.notFound(w, r) }
func (h *Handler) userNew(w http.ResponseWriter, r *http.Request)           { h.notFound(w, r) }
func (h *Handler) userCreate(w http.ResponseWriter, r *http.Request)        { h.notFound(w, r) }
func (h *Handler) userEdit(w http.ResponseWriter, r *http.Request)          { h.notFound(w, r) }
func (h *Handler) userUpdate(w http.ResponseWriter, r *http.Request)        { h.notFound(w, r) }
func (h *Handler) userResetPassword(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
func (h *Handler) accountShow(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) accountPassword(w http.ResponseWriter, r *http.Request)   { h.notFound(w, r) }
func (h *Handler) tokenCreate(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) tokenRevoke(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) auditList(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
