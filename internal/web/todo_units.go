package web

import "net/http"

// Placeholders until the pages are written; this file is deleted then.
func (h *Handler) unitList(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) unitNew(w http.ResponseWriter, r *http.Request)          { h.notFound(w, r) }
func (h *Handler) unitCreate(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) unitShow(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) unitEdit(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) unitUpdate(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) unitDelete(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) unitRenameForm(w http.ResponseWriter, r *http.Request)   { h.notFound(w, r) }
func (h *Handler) unitRename(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) unitMoveForm(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) unitMove(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) unitDissolveForm(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
func (h *Handler) unitDissolve(w http.ResponseWriter, r *http.Request)     { h.notFound(w, r) }
func (h *Handler) unitMergeForm(w http.ResponseWriter, r *http.Request)    { h.notFound(w, r) }
func (h *Handler) unitMerge(w http.ResponseWriter, r *http.Request)        { h.notFound(w, r) }
func (h *Handler) groupList(w http.ResponseWriter, r *http.Request)        { h.notFound(w, r) }
func (h *Handler) groupNew(w http.ResponseWriter, r *http.Request)         { h.notFound(w, r) }
func (h *Handler) groupCreate(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) groupShow(w http.ResponseWriter, r *http.Request)        { h.notFound(w, r) }
func (h *Handler) groupEdit(w http.ResponseWriter, r *http.Request)        { h.notFound(w, r) }
func (h *Handler) groupUpdate(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
