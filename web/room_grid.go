package web

import (
	"time"

	"github.com/ccsim/ccsim/i18n"
)

// gridEvery is the most often the facilitators' grid is sent: with many
// trainees replying, one grid covers many replies.
const gridEvery = 200 * time.Millisecond

// pushGrid sends the grid to facilitators if one is wanted and the last went
// out at least gridEvery ago; otherwise gridTimer sends it later.
func (h *hub) pushGrid() {
	if !h.gridWanted || h.gridTimerOn {
		return
	}
	if len(h.facils) == 0 {
		h.gridWanted = false
		return
	}
	if wait := gridEvery - time.Since(h.lastGrid); wait > 0 {
		h.gridTimer.Reset(wait)
		h.gridTimerOn = true
		return
	}
	grids := map[i18n.Lang][]byte{} // one encoding per language the facilitators read
	for c := range h.facils {
		if grids[c.lang] == nil {
			grids[c.lang] = mustJSON(h.gridView(c.lang))
		}
		h.send(c, grids[c.lang])
	}
	h.gridWanted, h.lastGrid = false, time.Now()
}
