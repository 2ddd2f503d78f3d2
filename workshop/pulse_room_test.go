package workshop

import (
	"strings"
	"testing"
)

// TestRoomPulseAnonymous: a room's pulse answers go to the anonymous record
// (a respondent key from the resume token, no name, no seat) and the
// seat's row keeps only that the phase is done; the room's summary shows
// figures once five have answered.
func TestRoomPulseAnonymous(t *testing.T) {
	rm := quickRoom(t, Config{Pulse: true, Team: "Blue"})
	names := []string{"Ann", "Bo", "Cy", "Di", "Ed"}
	for i, name := range names {
		j, err := rm.Join(JoinRequest{Name: name, Mode: "guided"})
		if err != nil {
			t.Fatal(err)
		}
		s := rm.Seat(j.ID)
		rm.SetRespondent(s, j.Token)
		if _, err := rm.Receive(s, Message{T: "pulse", N: 1, Phase: "before", Answers: answers, Text: "help " + name}); err != nil {
			t.Fatal(err)
		}
		if got := rm.PulseSummary("en"); (i < 4) != got.Hidden || (i < 4) != (got.Scales[0].Before == nil) {
			t.Errorf("after %d answers: hidden %v, trust before %v", i+1, got.Hidden, got.Scales[0].Before)
		}
	}
	b, err := rm.TakeBatch()
	if err != nil {
		t.Fatal(err)
	}
	if len(b.PulseAnswers) != 5 || len(b.PulseTexts) != 5 || len(b.PulseRounds) == 0 || b.PulseRounds[0].Team != "Blue" {
		t.Fatalf("batch has %d answers, %d texts, rounds %+v; want 5, 5 and the room's round of team Blue", len(b.PulseAnswers), len(b.PulseTexts), b.PulseRounds)
	}
	for _, p := range b.Participants {
		if strings.Contains(string(p.Extra), `"pulse"`) || !strings.Contains(string(p.Extra), `"pulse_done":{"before":true}`) {
			t.Errorf("participant %s stores %s, want only the done mark", p.Name, p.Extra)
		}
		for _, a := range b.PulseAnswers {
			if strings.Contains(a.Respondent, p.ID) || strings.Contains(a.Respondent, p.Name) {
				t.Errorf("respondent key %q names participant %s", a.Respondent, p.Name)
			}
		}
	}
	if got := rm.PulseSummary("en").Texts; len(got) != 5 {
		t.Errorf("free texts %v, want the 5", got)
	}
}
