package scenarios

import (
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// spread is a scenario whose meter_reading intent comes by voice and chat.
const spread = `name = "spread"
horizon = "10h"
[arrivals]
rate = 100
[service_level]
threshold = "20s"
target = 0.8
[channels.chat]
threshold = "60s"
target = 0.9
[[intents]]
name = "meter_reading"
share = 0.6
channels = { voice = 0.7, chat = 0.3 }
handle_time = { dist = "exponential", mean = "3m" }
[[intents]]
name = "billing"
share = 0.4
handle_time = { dist = "exponential", mean = "5m" }
[[agents]]
group = "all"
count = 20
`

func TestIntentChannels(t *testing.T) {
	sc, err := Parse("spread.toml", []byte(spread))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name  string
		share float64
		ch    sim.Channel
	}{{"meter_reading/voice", 0.42, sim.Voice}, {"meter_reading/chat", 0.18, sim.Chat}, {"billing", 0.4, sim.Voice}}
	if len(sc.Intents) != len(want) {
		t.Fatalf("%d intents, want %d", len(sc.Intents), len(want))
	}
	for i, w := range want {
		in := sc.Intents[i]
		if in.Name != w.name || in.Channel != w.ch || !(in.Share > w.share-1e-12 && in.Share < w.share+1e-12) {
			t.Errorf("intent %d = %s, %s, share %g; want %s, %s, %g", i, in.Name, in.Channel, in.Share, w.name, w.ch, w.share)
		}
	}
	if sc.Intents[1].HandleTime != sc.Intents[0].HandleTime {
		t.Errorf("the parts' handle times differ: %v and %v", sc.Intents[0].HandleTime, sc.Intents[1].HandleTime)
	}
	// One key changes every part of the intent.
	o, err := ParseOverride("intents.meter_reading.handle_time.mean=4m")
	if err != nil {
		t.Fatal(err)
	}
	v, err := ParseWith("spread.toml", []byte(spread), []Override{o})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range v.Intents[:2] {
		if in.HandleTime.Mean() != 240 {
			t.Errorf("after the override, %s has mean handle time %g s, want 240", in.Name, in.HandleTime.Mean())
		}
	}
}

func TestIntentChannelsErrors(t *testing.T) {
	tests := []struct{ name, from, to, want string }{
		{"shares not summing to 1", "chat = 0.3", "chat = 0.2", "spread.toml:14: intents.0.channels: the channels' shares must sum to 1, got 0.9"},
		{"unknown channel", "chat = 0.3", "fax = 0.3", `spread.toml:14: intents.0.channels.fax: unknown channel "fax"`},
		{"both channel and channels", `share = 0.6`, "share = 0.6\nchannel = \"chat\"", "spread.toml:15: intents.0.channels: intent \"meter_reading\" gives both channel and channels"},
		{"zero share", "chat = 0.3", "chat = 0, email = 0.3", "spread.toml:14: intents.0.channels.chat: must be a share in (0, 1], got 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("spread.toml", []byte(strings.Replace(spread, tc.from, tc.to, 1)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestIntentChannelsRoundTrip encodes a scenario with a spread intent and
// loads it again: the parts come back as intents of one channel each.
func TestIntentChannelsRoundTrip(t *testing.T) {
	sc, err := Parse("spread.toml", []byte(spread))
	if err != nil {
		t.Fatal(err)
	}
	data, err := Encode(sc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("encoded.toml", data)
	if err != nil {
		t.Fatalf("encoded scenario does not load: %v\n%s", err, data)
	}
	for i, in := range sc.Intents {
		b := back.Intents[i]
		if b.Name != in.Name || b.Channel != in.Channel || b.Share != in.Share {
			t.Errorf("intent %d after the round trip: %s %s %g, want %s %s %g", i, b.Name, b.Channel, b.Share, in.Name, in.Channel, in.Share)
		}
	}
}
