package web

import (
	"context"

	"github.com/ccsim/ccsim/workshop"
)

// reloadAfterFailure rebuilds the seats whose writes failed from what the
// store holds, so memory never runs ahead of the disk.
func (h *hub) reloadAfterFailure() {
	db, ok := h.db.(workshop.Loader)
	if !ok {
		return
	}
	gone, err := h.Reload(context.Background(), db)
	if err != nil {
		h.log.Error("reload after failed commit", "err", err)
		return
	}
	for _, s := range gone {
		for c := range h.clients[s] {
			h.drop(c)
		}
		delete(h.clients, s)
	}
	for _, cs := range h.clients {
		for c := range cs {
			c.sent = 0 // the page rebuilds the transcript from the start
		}
	}
}
