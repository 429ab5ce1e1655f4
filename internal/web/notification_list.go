package web

import (
	"net/http"
	"strings"

	"cchc/internal/notify"
)

type notificationData struct {
	Items  []notify.Notification
	Unread int
	Pager  pager
}

// notificationList shows the user's notifications, newest first, the unread
// ones marked.
func (h *Handler) notificationList(w http.ResponseWriter, r *http.Request) {
	d := notificationData{Pager: newPager(r, 50)}
	var err error
	d.Items, d.Unread, err = h.app.Notify.List(r.Context(), user(r).ID, d.Pager.Limit+1, d.Pager.Offset)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	// List gives no total: one extra row tells whether there is a next page.
	d.Pager.Total = d.Pager.Offset + len(d.Items)
	if len(d.Items) > d.Pager.Limit {
		d.Items = d.Items[:d.Pager.Limit]
	}
	for i := range d.Items {
		if !strings.HasPrefix(d.Items[i].Link, "/") || strings.HasPrefix(d.Items[i].Link, "//") {
			d.Items[i].Link = "" // only links inside cchc
		}
	}
	h.render(w, r, http.StatusOK, "notification_list", "Thông báo", d)
}
