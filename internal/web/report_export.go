package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/report"
	"cchc/internal/vn"
)

// docxContentType is the media type of Word documents.
const docxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// reportExportXLSX sends one unit's report as a workbook of its figures
// (bao-cao-<unit code>-<period>.xlsx) to those who may see the unit.
func (h *Handler) reportExportXLSX(w http.ResponseWriter, r *http.Request) {
	e, ok := h.reportExport(w, r)
	if !ok {
		return
	}
	h.sendExport(w, r, e, "xlsx")
}

// reportExportDOCX sends one unit's report as an official Word document
// ready to sign, to those who may see the unit.
func (h *Handler) reportExportDOCX(w http.ResponseWriter, r *http.Request) {
	e, ok := h.reportExport(w, r)
	if !ok {
		return
	}
	h.sendExport(w, r, e, "docx")
}

// sendExport writes e as a workbook (format "xlsx") or as an official
// Word document ("docx") to download.
func (h *Handler) sendExport(w http.ResponseWriter, r *http.Request, e report.Export, format string) {
	write, send := report.ExportXLSX, sendXLSX
	if format == "docx" {
		write, send = report.ExportDOCX, sendDOCX
	}
	var buf bytes.Buffer
	if err := write(&buf, e); err != nil {
		h.serverError(w, r, err)
		return
	}
	send(w, exportFilename(e, format), &buf)
}

// reportExport loads the export of the report in the path after checking
// that the user may see its unit; ok is false when a page has been written.
func (h *Handler) reportExport(w http.ResponseWriter, r *http.Request) (report.Export, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return report.Export{}, false
	}
	rep, err := h.app.Reports.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return report.Export{}, false
	}
	if !h.can(r, auth.ViewUnit, rep.UnitID) {
		h.forbidden(w, r)
		return report.Export{}, false
	}
	e, err := h.app.Reports.ReportExport(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return report.Export{}, false
	}
	return e, true
}

// exportFilename names an export file in ASCII: "bao-cao-xa-an-phu-2026-q1.docx",
// "tong-hop-tinh-phu-son-2026-q1.xlsx".
func exportFilename(e report.Export, ext string) string {
	prefix := "bao-cao-"
	if e.Consolidated {
		prefix = "tong-hop-"
	}
	slug := strings.ReplaceAll(vn.Fold(e.Unit.Name), " ", "-")
	if slug == "" {
		slug = "don-vi-" + strconv.FormatInt(e.Unit.ID, 10)
	}
	return prefix + slug + "-" + strings.ToLower(e.Period.Code) + "." + ext
}

// sendDOCX writes a finished Word document as a download named filename
// (ASCII).
func sendDOCX(w http.ResponseWriter, filename string, buf *bytes.Buffer) {
	sendFile(w, docxContentType, filename, buf)
}

// sendFile writes a finished file of contentType as a download named
// filename (ASCII; a quote or backslash in it is escaped), never cached
// and never sniffed.
func sendFile(w http.ResponseWriter, contentType, filename string, buf *bytes.Buffer) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", "attachment; filename="+strconv.Quote(filename))
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = buf.WriteTo(w)
}
