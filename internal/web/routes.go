package web

import "net/http"

// routes registers every page. h.auth wraps pages that need a signed-in user;
// the permission for each unit or action is checked inside the handler
// through h.can, because it depends on the unit in the path.
func (h *Handler) routes() {
	m := h.mux
	m.HandleFunc("GET /static/{hash}/{name...}", h.assets.serve)
	m.HandleFunc("GET /login", h.loginForm)
	m.HandleFunc("POST /login", h.login)
	m.HandleFunc("POST /logout", h.logout)
	m.Handle("GET /{$}", h.auth(h.home))

	// Units and their history.
	m.Handle("GET /units", h.auth(h.unitList))
	m.Handle("GET /units/new", h.auth(h.unitNew))
	m.Handle("POST /units", h.auth(h.unitCreate))
	m.Handle("GET /units/{id}", h.auth(h.unitShow))
	m.Handle("GET /units/{id}/edit", h.auth(h.unitEdit))
	m.Handle("POST /units/{id}", h.auth(h.unitUpdate))
	m.Handle("POST /units/{id}/delete", h.auth(h.unitDelete))
	m.Handle("GET /units/{id}/rename", h.auth(h.unitRenameForm))
	m.Handle("POST /units/{id}/rename", h.auth(h.unitRename))
	m.Handle("GET /units/{id}/move", h.auth(h.unitMoveForm))
	m.Handle("POST /units/{id}/move", h.auth(h.unitMove))
	m.Handle("GET /units/{id}/dissolve", h.auth(h.unitDissolveForm))
	m.Handle("POST /units/{id}/dissolve", h.auth(h.unitDissolve))
	m.Handle("GET /units/merge", h.auth(h.unitMergeForm))
	m.Handle("POST /units/merge", h.auth(h.unitMerge))
	m.Handle("GET /units/picker", h.auth(h.unitPicker))

	// Unit import and export (XLSX).
	m.Handle("GET /units/import", h.auth(h.unitImportForm))
	m.Handle("POST /units/import", h.auth(h.unitImport))
	m.Handle("GET /units/import/template.xlsx", h.auth(h.unitImportTemplate))
	m.Handle("GET /units/export.xlsx", h.auth(h.unitExport))

	// Unit kinds.
	m.Handle("GET /kinds", h.auth(h.kindList))
	m.Handle("POST /kinds", h.auth(h.kindCreate))
	m.Handle("POST /kinds/{code}", h.auth(h.kindUpdate))
	m.Handle("POST /kinds/{code}/delete", h.auth(h.kindDelete))

	// Unit groups.
	m.Handle("GET /groups", h.auth(h.groupList))
	m.Handle("GET /groups/new", h.auth(h.groupNew))
	m.Handle("POST /groups", h.auth(h.groupCreate))
	m.Handle("GET /groups/{id}", h.auth(h.groupShow))
	m.Handle("GET /groups/{id}/edit", h.auth(h.groupEdit))
	m.Handle("POST /groups/{id}", h.auth(h.groupUpdate))

	// Plans and tasks.
	m.Handle("GET /plans", h.auth(h.planList))
	m.Handle("GET /plans/export.xlsx", h.auth(h.planListExport))
	m.Handle("GET /plans/new", h.auth(h.planNew))
	m.Handle("POST /plans", h.auth(h.planCreate))
	m.Handle("GET /plans/{id}", h.auth(h.planShow))
	m.Handle("GET /plans/{id}/edit", h.auth(h.planEdit))
	m.Handle("POST /plans/{id}", h.auth(h.planUpdate))
	m.Handle("POST /plans/{id}/status", h.auth(h.planStatus))
	m.Handle("POST /plans/{id}/source", h.auth(h.planSourceUpload))
	m.Handle("GET /plans/{id}/source", h.auth(h.planSourceDownload))
	m.Handle("GET /plans/{id}/export.xlsx", h.auth(h.planExport))
	m.Handle("POST /plans/{id}/areas", h.auth(h.planAreaCreate))
	m.Handle("GET /plans/{id}/coverage", h.auth(h.planCoverage))
	m.Handle("GET /plans/{id}/coverage.xlsx", h.auth(h.planCoverageExport))
	m.Handle("POST /plans/{id}/copy-assigned", h.auth(h.planCopyAssigned))
	m.Handle("GET /plans/{id}/tasks/new", h.auth(h.taskNew))
	m.Handle("POST /plans/{id}/tasks", h.auth(h.taskCreate))
	m.Handle("GET /tasks/{id}/edit", h.auth(h.taskEdit))
	m.Handle("POST /tasks/{id}", h.auth(h.taskUpdate))
	m.Handle("POST /tasks/{id}/delete", h.auth(h.taskDelete))
	m.Handle("POST /tasks/{id}/move", h.auth(h.taskMove))
	m.Handle("GET /schedule/preview", h.auth(h.schedulePreview))

	// Importing a plan's tasks from a Word, Excel or text document.
	m.Handle("GET /plans/import", h.auth(h.planImportForm))
	m.Handle("POST /plans/import", h.auth(h.planImportUpload))
	m.Handle("GET /plans/import/sample.docx", h.auth(h.planImportSample))
	m.Handle("GET /plan-imports/{id}", h.auth(h.planImportPreview))
	m.Handle("POST /plan-imports/{id}/columns", h.auth(h.planImportColumns))
	m.Handle("POST /plan-imports/{id}/choices", h.auth(h.planImportChoices))
	m.Handle("POST /plan-imports/{id}/units", h.auth(h.planImportCreateUnit))
	m.Handle("POST /plan-imports/{id}/confirm", h.auth(h.planImportConfirm))
	m.Handle("GET /plan-imports/{id}/source", h.auth(h.planImportSource))

	// Periodic reports: filling and the workflow.
	m.Handle("GET /reports", h.auth(h.reportList))
	m.Handle("GET /reports/open", h.auth(h.reportOpen))
	m.Handle("GET /reports/{id}", h.auth(h.reportShow))
	m.Handle("POST /reports/{id}/draft", h.auth(h.reportSaveDraft))
	m.Handle("POST /reports/{id}/submit", h.auth(h.reportSubmit))
	m.Handle("POST /reports/{id}/return", h.auth(h.reportReturn))
	m.Handle("POST /reports/{id}/accept", h.auth(h.reportAccept))
	m.Handle("GET /reports/{id}/export.xlsx", h.auth(h.reportExportXLSX))
	m.Handle("GET /reports/{id}/export.docx", h.auth(h.reportExportDOCX))

	// Consolidation, timeliness and chasing.
	m.Handle("GET /reports/consolidated", h.auth(h.reportConsolidated))
	m.Handle("GET /reports/consolidated.xlsx", h.auth(h.reportConsolidatedXLSX))
	m.Handle("GET /reports/consolidated.docx", h.auth(h.reportConsolidatedDOCX))
	m.Handle("GET /reports/timeliness", h.auth(h.reportTimeliness))
	m.Handle("POST /reports/remind", h.auth(h.reportRemind))

	// Report forms (designer) and the reporting calendar.
	m.Handle("GET /report-forms", h.auth(h.reportFormList))
	m.Handle("GET /report-forms/new", h.auth(h.reportFormNew))
	m.Handle("POST /report-forms", h.auth(h.reportFormCreate))
	m.Handle("POST /report-forms/import", h.auth(h.reportFormImport))
	m.Handle("GET /report-forms/{code}", h.auth(h.reportFormShow))
	m.Handle("POST /report-forms/{code}", h.auth(h.reportFormSave))
	m.Handle("GET /report-forms/{code}/export.xlsx", h.auth(h.reportFormExport))
	m.Handle("GET /report-calendar", h.auth(h.reportCalendar))
	m.Handle("POST /report-calendar/types/{id}", h.auth(h.reportTypeSave))
	m.Handle("POST /report-calendar/exceptions", h.auth(h.reportExceptionSave))
	m.Handle("POST /report-calendar/adhoc", h.auth(h.reportAdhocSave))

	// The reform index (Chỉ số CCHC): frameworks.
	m.Handle("GET /index", h.auth(h.indexHome))
	m.Handle("POST /index/frameworks", h.auth(h.indexFrameworkCreate))
	m.Handle("GET /index/frameworks/{id}", h.auth(h.indexFrameworkShow))
	m.Handle("POST /index/frameworks/{id}", h.auth(h.indexFrameworkUpdate))
	m.Handle("POST /index/frameworks/{id}/delete", h.auth(h.indexFrameworkDelete))
	m.Handle("GET /index/frameworks/{id}/edit", h.auth(h.indexItemsEdit))
	m.Handle("POST /index/frameworks/{id}/items", h.auth(h.indexItemsSave))
	m.Handle("POST /index/frameworks/{id}/import", h.auth(h.indexFrameworkImport))
	m.Handle("GET /index/frameworks/{id}/export.xlsx", h.auth(h.indexFrameworkExport))
	m.Handle("POST /index/frameworks/{id}/bands", h.auth(h.indexBandsSave))
	m.Handle("POST /index/frameworks/{id}/stage", h.auth(h.indexFrameworkStage))
	m.Handle("POST /index/frameworks/{id}/publish", h.auth(h.indexFrameworkPublish))

	// The index: self-assessment, evidence, the unit's response.
	m.Handle("GET /index/frameworks/{id}/self", h.auth(h.indexSelfOpen))
	m.Handle("GET /index/assessments/{id}", h.auth(h.indexAssessmentShow))
	m.Handle("POST /index/assessments/{id}/items/{item}", h.auth(h.indexSelfScore))
	m.Handle("POST /index/assessments/{id}/items/{item}/evidence", h.auth(h.indexEvidenceAdd))
	m.Handle("POST /index/evidence/{id}/delete", h.auth(h.indexEvidenceRemove))
	m.Handle("GET /index/evidence/{id}/file", h.auth(h.indexEvidenceFile))
	m.Handle("POST /index/assessments/{id}/refresh", h.auth(h.indexRefreshAuto))
	m.Handle("POST /index/assessments/{id}/submit", h.auth(h.indexSelfSubmit))
	m.Handle("POST /index/assessments/{id}/respond", h.auth(h.indexRespond))

	// The index: appraisal, survey points, finalising.
	m.Handle("GET /index/frameworks/{id}/units", h.auth(h.indexUnitList))
	m.Handle("GET /index/assessments/{id}/appraise", h.auth(h.indexAppraiseShow))
	m.Handle("POST /index/assessments/{id}/appraise/{item}", h.auth(h.indexAppraiseItem))
	m.Handle("POST /index/assessments/{id}/complete", h.auth(h.indexAppraiseComplete))
	m.Handle("POST /index/assessments/{id}/reopen", h.auth(h.indexReopen))
	m.Handle("POST /index/assessments/{id}/ranked", h.auth(h.indexRankedSet))
	m.Handle("GET /index/frameworks/{id}/survey.xlsx", h.auth(h.indexSurveyTemplate))
	m.Handle("POST /index/frameworks/{id}/survey", h.auth(h.indexSurveyImport))
	m.Handle("POST /index/frameworks/{id}/finalise", h.auth(h.indexFinalise))

	// The index: results, scorecards, exports, the public page.
	m.Handle("GET /index/frameworks/{id}/results", h.auth(h.indexResults))
	m.Handle("GET /index/frameworks/{id}/results.xlsx", h.auth(h.indexResultsXLSX))
	m.Handle("GET /index/frameworks/{id}/results.docx", h.auth(h.indexResultsDOCX))
	m.Handle("GET /index/frameworks/{id}/units/{unit}", h.auth(h.indexScorecard))
	m.HandleFunc("GET /public/index", h.indexPublicList)
	m.HandleFunc("GET /public/index/{id}", h.indexPublic)

	// Work items, progress, overview, notifications.
	m.Handle("GET /work-items", h.auth(h.workItemList))
	m.Handle("GET /work-items/export.xlsx", h.auth(h.workItemExport))
	m.Handle("GET /work-items/{id}", h.auth(h.workItemShow))
	m.Handle("POST /work-items/{id}/progress", h.auth(h.workItemProgress))
	m.Handle("POST /work-items/{id}/hold", h.auth(h.workItemHold))
	m.Handle("POST /work-items/{id}/evidence", h.auth(h.workItemEvidence))
	m.Handle("POST /work-items/{id}/contributions", h.auth(h.workItemContribution))
	m.Handle("GET /evidence/{id}", h.auth(h.evidenceDownload))
	m.Handle("GET /overview", h.auth(h.overview))
	m.Handle("GET /overview/export.xlsx", h.auth(h.overviewExport))
	m.Handle("GET /timeline", h.auth(h.timeline))
	m.Handle("GET /notifications", h.auth(h.notificationList))
	m.Handle("POST /notifications/read", h.auth(h.notificationRead))

	// Accounts, personal tokens, audit trail.
	m.Handle("GET /users", h.auth(h.userList))
	m.Handle("GET /users/new", h.auth(h.userNew))
	m.Handle("POST /users", h.auth(h.userCreate))
	m.Handle("GET /users/{id}/edit", h.auth(h.userEdit))
	m.Handle("POST /users/{id}", h.auth(h.userUpdate))
	m.Handle("POST /users/{id}/password", h.auth(h.userResetPassword))
	m.Handle("GET /account", h.auth(h.accountShow))
	m.Handle("POST /account/password", h.auth(h.accountPassword))
	m.Handle("POST /account/tokens", h.auth(h.tokenCreate))
	m.Handle("POST /account/tokens/{id}/revoke", h.auth(h.tokenRevoke))
	m.Handle("GET /audit", h.auth(h.auditList))

	m.HandleFunc("/", h.notFound)
}

// auth lets signed-in users through and sends others to the login page,
// remembering where they were going. A user who must change a password is
// held on the account page until they do.
func (h *Handler) auth(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := user(r)
		if u == nil {
			to := "/login"
			if r.Method == http.MethodGet && r.URL.Path != "/" {
				to += "?next=" + urlQueryEscape(r.URL.RequestURI())
			}
			if r.Header.Get("HX-Request") == "true" {
				w.Header().Set("HX-Redirect", to)
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
			return
		}
		if u.MustChangePassword && r.URL.Path != "/account" && r.URL.Path != "/account/password" {
			h.redirectFlash(w, r, "/account", "info", "Vui lòng đổi mật khẩu trước khi tiếp tục sử dụng hệ thống.")
			return
		}
		next(w, r)
	})
}
