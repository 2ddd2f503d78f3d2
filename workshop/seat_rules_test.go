package workshop

import (
	"strings"
	"testing"
)

var answers = []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3} // one per statement of the bundled instrument

// TestPulsePhases: each pulse phase is accepted once, only while it is
// asked; the opening pulse stays asked after the start until answered.
func TestPulsePhases(t *testing.T) {
	rm := quickRoom(t, Config{Pulse: true})
	j, _ := rm.Join(JoinRequest{Name: "Ann", Mode: "guided"})
	s := rm.Seat(j.ID)
	n := int64(0)
	send := func(phase string) error {
		n++
		_, err := rm.Receive(s, Message{T: "pulse", N: n, Phase: phase, Answers: answers})
		return err
	}
	steps := []struct {
		name    string
		act     func()
		phase   string
		wantErr bool
		need    string // PulseNeed after the step
	}{
		{"after, before the session", nil, "after", true, "before"},
		{"before, once the room started", func() { rm.Act(Action{Action: "start"}) }, "", false, "before"},
		{"before, answered on top of the conversation", nil, "before", false, ""},
		{"before, a second time", nil, "before", true, ""},
		{"after, while the conversation runs", nil, "after", true, ""},
		{"after, once it ended", func() { rm.Act(Action{Action: "end"}) }, "after", false, ""},
		{"after, a second time", nil, "after", true, ""},
	}
	for _, st := range steps {
		if st.act != nil {
			st.act()
		}
		if st.phase != "" {
			stored := len(rm.pulse.Answers)
			err := send(st.phase)
			if (err != nil) != st.wantErr {
				t.Errorf("%s: error %v, want error %v", st.name, err, st.wantErr)
			}
			if err != nil && len(rm.pulse.Answers) != stored {
				t.Errorf("%s: a refused answer was recorded", st.name)
			}
		}
		if got := rm.PulseNeed(s); got != st.need {
			t.Errorf("%s: PulseNeed = %q, want %q", st.name, got, st.need)
		}
	}
}

// TestSeatModeEnforced: a guided seat sends reply ids only, a free seat text only.
func TestSeatModeEnforced(t *testing.T) {
	for _, tc := range []struct {
		name, mode string
		msg        Message
		wantErr    bool
	}{
		{"guided picks a reply", "guided", Message{T: "reply", N: 1, ID: "apologise"}, false},
		{"guided types", "guided", Message{T: "say", N: 1, Text: "So sorry, I will refund it"}, true},
		{"free types", "free", Message{T: "say", N: 1, Text: "So sorry, I will refund it"}, false},
		{"free sends a reply id", "free", Message{T: "reply", N: 1, ID: "apologise"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rm := quickRoom(t, Config{})
			j, _ := rm.Join(JoinRequest{Name: "Ann", Mode: tc.mode})
			rm.Act(Action{Action: "start"})
			s := rm.Seat(j.ID)
			turns := s.Session.Turn()
			_, err := rm.Receive(s, tc.msg)
			if (err != nil) != tc.wantErr {
				t.Errorf("Receive = %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr && s.Session.Turn() != turns {
				t.Errorf("a refused message moved the session from turn %d to %d", turns, s.Session.Turn())
			}
		})
	}
}

// TestRejoinSameSeat: joining again with the same name (any case, stray
// bidi controls) and trainee id returns the same seat with a new token,
// even once the room is locked; the old token stops matching; a removed
// seat stays removed.
func TestRejoinSameSeat(t *testing.T) {
	rm := quickRoom(t, Config{})
	first, err := rm.Join(JoinRequest{Name: "Ann Lee", Trainee: "T1", Mode: "guided"})
	if err != nil {
		t.Fatal(err)
	}
	rm.Act(Action{Action: "lock"})
	for _, tc := range []struct {
		name string
		req  JoinRequest
		same bool
		want error
	}{
		{"same name and id", JoinRequest{Name: "Ann Lee", Trainee: "T1", Mode: "free"}, true, nil},
		{"other case, extra spaces, a bidi mark", JoinRequest{Name: " ann  \u200fLEE ", Trainee: "t1"}, true, nil},
		{"same name, other id", JoinRequest{Name: "Ann Lee", Trainee: "T2", Mode: "guided"}, false, ErrLocked},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j, err := rm.Join(tc.req)
			if err != tc.want {
				t.Fatalf("Join = %v, want %v", err, tc.want)
			}
			if tc.same && (j.ID != first.ID || !j.Rejoined || j.Token == first.Token) {
				t.Errorf("Join = %+v, want seat %s back with a new token", j, first.ID)
			}
		})
	}
	if len(rm.Seats) != 1 || rm.Seats[0].Participant.Mode != "guided" {
		t.Errorf("%d seats, mode %q; want 1 guided seat", len(rm.Seats), rm.Seats[0].Participant.Mode)
	}
	if rm.SeatByToken(HashToken(first.Token)) != nil {
		t.Error("the first token still finds the seat after a re-join")
	}
	rm.Act(Action{Action: "remove", Seat: first.ID})
	if _, err := rm.Join(JoinRequest{Name: "Ann Lee", Trainee: "T1"}); err != ErrRemoved {
		t.Errorf("re-joining a removed seat = %v, want ErrRemoved", err)
	}
}

// TestCleanName: bidi controls and control characters go; text stays.
func TestCleanName(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "Ann", "Ann"},
		{"right-to-left override", "\u202eAnn\u202c Lee", "Ann Lee"},
		{"isolates and marks", "\u2067Dana\u2069\u200e\u061c", "Dana"},
		{"controls and spaces", "Bo\t\n  Ek\x00", "Bo Ek"},
		{"Arabic text kept", "سارة", "سارة"},
	} {
		if got := CleanName(tc.in); got != tc.want {
			t.Errorf("%s: CleanName(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestRemovedLeftOut: a removed trainee is listed apart in the debrief and
// counts in no outcome, heatmap or pulse figure.
func TestRemovedLeftOut(t *testing.T) {
	rm := quickRoom(t, Config{Pulse: true})
	a, _ := rm.Join(JoinRequest{Name: "Ann", Mode: "guided"})
	b, _ := rm.Join(JoinRequest{Name: "Bo", Mode: "guided"})
	for i, id := range []string{a.ID, b.ID} {
		rm.Receive(rm.Seat(id), Message{T: "pulse", N: 1, Phase: "before", Answers: []int{i*4 + 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}})
	}
	rm.Act(Action{Action: "start"})
	rm.Receive(rm.Seat(b.ID), Message{T: "reply", N: 2, ID: "apologise"})
	rm.Act(Action{Action: "remove", Seat: b.ID})
	d := rm.Debrief()
	if len(d.Trainees) != 1 || d.Trainees[0].Name != "Ann" || len(d.Removed) != 1 || d.Removed[0].Name != "Bo" || !d.Removed[0].Removed {
		t.Fatalf("debrief trainees %+v, removed %+v; want Ann, and Bo apart", d.Trainees, d.Removed)
	}
	total := 0
	for _, o := range d.Outcomes {
		total += o.Count
	}
	if total != 1 {
		t.Errorf("outcomes count %d trainees, want 1 (Bo left out)", total)
	}
	for _, hs := range d.Heatmap {
		if strings.Join(hs.Trainees, ",") != "Ann" {
			t.Errorf("heatmap trainees %v, want [Ann]", hs.Trainees)
		}
	}
	if p := d.Pulse; p == nil || !p.Hidden || p.Scales[0].Before != nil || p.Before != 0 {
		t.Errorf("pulse of 2 respondents = %+v, want every figure withheld", p)
	}
}
