package scenarios

import (
	"testing"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// TestSetASetVariable: a session (and so a corpus line or `train --set`)
// can start with a set variable given as its members; retention's
// no-bidding-up then applies at leaving, as after an offer.
func TestSetASetVariable(t *testing.T) {
	sc, err := BundledRoleplay("retention")
	if err != nil {
		t.Fatal(err)
	}
	start := func(set map[string]string) *trainer.Session {
		s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, At: "leaving", Set: set,
			Now: func() time.Time { return time.Unix(0, 0) }})
		if err != nil {
			t.Fatalf("Start(set %v): %v", set, err)
		}
		return s
	}
	fired := func(u trainer.Understanding) bool {
		for _, f := range u.Fires {
			if f.Rule == "no-bidding-up" {
				return true
			}
		}
		return false
	}
	line := "what if I did 25?"
	if fired(start(nil).Understand(line)) {
		t.Errorf("%q fired no-bidding-up with no offer made", line)
	}
	if !fired(start(map[string]string{"offers": "price"}).Understand(line)) {
		t.Errorf("%q did not fire no-bidding-up after an offer (offers = price)", line)
	}
	if _, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, Set: map[string]string{"offers": "cheaper"},
		Now: func() time.Time { return time.Unix(0, 0) }}); err == nil {
		t.Error("Start with offers = cheaper (not one of the set's values) gave no error")
	}
}
