package web

import (
	"fmt"
	"net/http"
	"strings"

	"rsc.io/qr"

	"github.com/ccsim/ccsim/workshop"
)

// The projector view (/project/CODE) is what the room sees on the wall:
// the join code, a QR code of the join address and the room's status, no
// controls and no secret. It is opened from the facilitator's browser, so
// its data needs the facilitator cookie like every other room API.

// roomStatus is what the projector view shows.
type roomStatus struct {
	Room     workshop.Info `json:"room"`
	Trainees int           `json:"trainees"` // seated, not removed
	Playing  int           `json:"playing"`  // sessions running
	Finished int           `json:"finished"` // sessions ended
	Join     string        `json:"join"`     // the join address
}

// roomStatusAPI answers the projector view's status.
func (s *Server) roomStatusAPI(w http.ResponseWriter, r *http.Request, h *hub) {
	v, err := h.do(r.Context(), func() (any, error) {
		st := roomStatus{Room: h.Info(), Trainees: h.Active()}
		for _, seat := range h.Seats {
			switch {
			case seat.Extra.Removed || seat.Session == nil:
			case seat.Session.Ended():
				st.Finished++
			default:
				st.Playing++
			}
		}
		return st, nil
	})
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	st := v.(roomStatus)
	st.Join = s.joinURL(r, h.Code)
	writeJSON(w, http.StatusOK, st)
}

// joinURL is the address trainees open to join room code.
func (s *Server) joinURL(r *http.Request, code string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if len(s.PublicHosts) > 0 {
		host = s.PublicHosts[0]
	}
	return scheme + "://" + host + "/join?code=" + code
}

// roomQR answers an SVG QR code of the room's join address.
func (s *Server) roomQR(w http.ResponseWriter, r *http.Request, h *hub) {
	c, err := qr.Encode(s.joinURL(r, h.Code), qr.M)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Write([]byte(qrSVG(c)))
}

// qrSVG draws c as an SVG, one unit per module, with the 4-module quiet
// zone the standard asks for, one path for all dark modules.
func qrSVG(c *qr.Code) string {
	const quiet = 4
	n := c.Size + 2*quiet
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">`, n, n)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y := range c.Size {
		for x := range c.Size {
			if c.Black(x, y) {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x+quiet, y+quiet)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String()
}
