package staff

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// voiceChatDay is a day of voice calls (goal 80 % within 20 s) and chats
// (80 % within 60 s, the scenario's [channels.chat]) served by one group
// of agents who hold up to two chats.
func voiceChatDay() *sim.Scenario {
	return &sim.Scenario{
		Name: "voice and chat", Seed: 21, Replications: 20,
		ServiceLevel: sim.ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Channels:     map[sim.Channel]sim.ServiceLevel{sim.Chat: {Threshold: 60 * time.Second, Target: 0.8}},
		Arrivals: sim.Arrivals{Open: 8 * time.Hour, Close: 18 * time.Hour, Interval: 30 * time.Minute,
			Profile: []float64{120, 160, 220, 260, 280, 270, 240, 200, 180, 190, 220, 240, 250, 230, 200, 180, 160, 140, 120, 100}},
		Patience: sim.Exponential{MeanS: 150},
		Intents: []sim.Intent{
			{Name: "call", Share: 0.6, HandleTime: sim.LogNormal{MeanS: 240, CV: 0.7}},
			{Name: "chat", Share: 0.4, Channel: sim.Chat, HandleTime: sim.LogNormal{MeanS: 360, CV: 0.8}},
		},
		Groups: []sim.Group{{Name: "agents", Count: 30, ChatConcurrency: 2, ChatStretch: 0.3}},
	}
}

// TestChannelGoals is the acceptance test of per-channel goals: with
// goals of 80/20 for voice and 80/60 for chat, the plan simulated again
// with another seed and 40 replications meets each channel's goal for the
// day and in at least 95 % of the intervals, and the plan reports both
// goals.
func TestChannelGoals(t *testing.T) {
	sc := voiceChatDay()
	pl, err := Search(context.Background(), sc, Goals{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []ChannelGoalsJSON{{Channel: "voice", Target: 0.8, ThresholdSeconds: 20}, {Channel: "chat", Target: 0.8, ThresholdSeconds: 60}}
	if len(pl.Goals.Channels) != 2 || pl.Goals.Channels[0] != want[0] || pl.Goals.Channels[1] != want[1] {
		t.Errorf("plan goals per channel %+v, want %+v", pl.Goals.Channels, want)
	}
	seed := uint64(77)
	res, err := sim.Run(context.Background(), pl.Staffed, sim.Options{Seed: &seed, Replications: 40, Details: true})
	if err != nil {
		t.Fatal(err)
	}
	for c, name := range []string{"voice", "chat"} {
		met := 0
		for k, iv := range res.Intervals {
			var xs []float64
			for _, rep := range res.PerReplication {
				xs = append(xs, rep.Details[k].Channels[c][sim.MServiceLevel])
			}
			if sl := mean(xs); sl >= 0.8-eps {
				met++
			} else {
				t.Logf("%s %s: service level %.3f with seed %d", iv.Start, name, sl, seed)
			}
		}
		if want := int(math.Ceil(0.95 * float64(len(res.Intervals)))); met < want {
			t.Errorf("%s: %d of %d intervals meet 80 %% with seed %d, want at least %d", name, met, len(res.Intervals), seed, want)
		}
		if day := res.Channels[c]; day.Name != name || day.Metrics[sim.MServiceLevel].Mean < 0.8 {
			t.Errorf("%s for the day: service level %.3f with seed %d, want at least 0.8", day.Name, day.Metrics[sim.MServiceLevel].Mean, seed)
		}
	}
	names := map[string]bool{}
	for _, g := range pl.Verification.Goals {
		names[g.Goal] = true
	}
	if !names["service_level_voice"] || !names["service_level_chat"] {
		t.Errorf("the plan's check counts goals %v, want service_level_voice and service_level_chat", pl.Verification.Goals)
	}
	if iv := pl.Intervals[0]; len(iv.Channels) != 2 || iv.Channels[1].Channel != "chat" || !(iv.Channels[1].ServiceLevel.Mean > 0) {
		t.Errorf("interval %s channels %+v, want voice and chat figures", iv.Start, iv.Channels)
	}
}

// TestASAGoal: a cap on the mean wait holds in the check of most intervals
// and staffs more than the service level alone.
func TestASAGoal(t *testing.T) {
	sc := stationaryDay(4)
	base, err := Search(context.Background(), sc, Goals{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := Search(context.Background(), sc, Goals{MaxASA: 5 * time.Second}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pl.AgentHours <= base.AgentHours {
		t.Errorf("ASA <= 5 s staffs %g agent-hours, the service level alone %g: want more", pl.AgentHours, base.AgentHours)
	}
	for _, g := range pl.Verification.Goals {
		if g.Goal == "asa_voice" && g.Met < pl.Verification.Intervals-1 {
			t.Errorf("ASA goal met in %d of %d intervals of the check", g.Met, pl.Verification.Intervals)
		}
	}
	for _, iv := range pl.Intervals[1:] {
		if asa := iv.Channels[0].ASA.Mean; asa > 7 {
			t.Errorf("%s: ASA %.1f s, want about 5 s or less", iv.Start, asa)
		}
	}
}

func TestChannelGoalsValidate(t *testing.T) {
	tests := []struct {
		name string
		c    ChannelGoals
		msg  string
	}{
		{"target of 1", ChannelGoals{Target: 1}, "target"},
		{"negative ASA", ChannelGoals{MaxASA: -time.Second}, "negative"},
		{"abandon above 1", ChannelGoals{MaxAbandon: 2}, "abandon"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Goals{Channels: map[sim.Channel]ChannelGoals{sim.Chat: tc.c}}.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), "chat") {
				t.Errorf("Validate() = %v, want an error about chat's %s", err, tc.msg)
			}
		})
	}
}
