package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
)

// pager is the state of a paged list, built from ?offset= and the total.
type pager struct {
	Total, Limit, Offset int
	query                url.Values
}

// newPager reads ?offset= from r; limit is the page size.
func newPager(r *http.Request, limit int) pager {
	off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	return pager{Limit: limit, Offset: max(off, 0), query: r.URL.Query()}
}

func (p pager) From() int     { return min(p.Offset+1, p.Total) }
func (p pager) To() int       { return min(p.Offset+p.Limit, p.Total) }
func (p pager) HasPrev() bool { return p.Offset > 0 }
func (p pager) HasNext() bool { return p.Offset+p.Limit < p.Total }

func (p pager) at(off int) template.URL {
	q := url.Values{}
	for k, v := range p.query {
		q[k] = v
	}
	q.Set("offset", strconv.Itoa(max(off, 0)))
	return template.URL(q.Encode())
}

func (p pager) PrevQuery() template.URL { return p.at(p.Offset - p.Limit) }
func (p pager) NextQuery() template.URL { return p.at(p.Offset + p.Limit) }
