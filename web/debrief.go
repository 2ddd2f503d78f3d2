package web

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/workshop"
)

// debrief is the room's debrief with its pulse in language l.
func (h *hub) debrief(l i18n.Lang) func() (any, error) {
	return func() (any, error) {
		d := h.Debrief()
		d.Pulse = h.PulseSummary(string(l))
		return d, nil
	}
}

// roomDebrief answers the room's debrief as JSON.
func (s *Server) roomDebrief(w http.ResponseWriter, r *http.Request, h *hub) {
	d, err := h.do(r.Context(), h.debrief(requestLang(r, s.Lang)))
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// roomExport downloads the debrief as JSON, CSV or HTML, in the room's
// language when it has one (roomPageLang).
func (s *Server) roomExport(w http.ResponseWriter, r *http.Request, h *hub) {
	lang := s.roomPageLang(r, h.lang)
	v, err := h.do(r.Context(), h.debrief(lang))
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	d := v.(workshop.Debrief)
	var buf bytes.Buffer
	var ctype string
	switch r.PathValue("file") {
	case "debrief.json":
		ctype = "application/json"
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(d)
	case "debrief.csv":
		ctype = "text/csv; charset=utf-8"
		err = reports.WriteDebriefCSV(&buf, d)
	case "debrief.html":
		ctype = "text/html; charset=utf-8"
		err = reports.WriteDebriefHTMLIn(&buf, d, lang)
	default:
		http.NotFound(w, r)
		return
	}
	writeDownload(w, ctype, "room-"+h.Code+"-"+r.PathValue("file"), buf.Bytes(), err)
}
