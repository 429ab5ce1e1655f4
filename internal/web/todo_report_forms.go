package web

import "net/http"

// Placeholders until the form designer and calendar pages lands; that helper deletes this file.
func (h *Handler) reportFormList(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) reportFormNew(w http.ResponseWriter, r *http.Request)       { h.notFound(w, r) }
func (h *Handler) reportFormCreate(w http.ResponseWriter, r *http.Request)    { h.notFound(w, r) }
func (h *Handler) reportFormImport(w http.ResponseWriter, r *http.Request)    { h.notFound(w, r) }
func (h *Handler) reportFormShow(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) reportFormSave(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) reportFormExport(w http.ResponseWriter, r *http.Request)    { h.notFound(w, r) }
func (h *Handler) reportCalendar(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) reportTypeSave(w http.ResponseWriter, r *http.Request)      { h.notFound(w, r) }
func (h *Handler) reportExceptionSave(w http.ResponseWriter, r *http.Request) { h.notFound(w, r) }
