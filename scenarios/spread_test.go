package scenarios

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// spreadSrc has one intent spread over voice and chat, each channel with
// its own goal, beside an intent on voice only.
const spreadSrc = `name = "spread"
seed = 5
replications = 4
horizon = "4h"

[arrivals]
rate = 120

[channels.chat]
threshold = "60s"
target = 0.8

[[intents]]
name = "meter_reading"
share = 0.6
channels = { chat = 0.3, voice = 0.7 }
handle_time = { dist = "exponential", mean = "4m" }

[[intents]]
name = "billing"
share = 0.4
handle_time = { dist = "exponential", mean = "5m" }

[[agents]]
group = "g"
count = 12
chat_concurrency = 2
`

func TestIntentSpreadOverChannels(t *testing.T) {
	sc, err := Parse("spread.toml", []byte(spreadSrc))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name    string
		channel sim.Channel
		share   float64
	}{{"meter_reading (voice)", sim.Voice, 0.6 * 0.7}, {"meter_reading (chat)", sim.Chat, 0.6 * 0.3}, {"billing", sim.Voice, 0.4}}
	if len(sc.Intents) != len(want) {
		t.Fatalf("%d intents, want %d: %+v", len(sc.Intents), len(want), sc.Intents)
	}
	for i, w := range want {
		in := sc.Intents[i]
		if in.Name != w.name || in.Channel != w.channel || in.Share != w.share {
			t.Errorf("intent %d = %q on %v share %v, want %q on %v share %v", i, in.Name, in.Channel, in.Share, w.name, w.channel, w.share)
		}
	}
	roundTrip(t, sc)

	// One key of the file changes every part.
	v, err := ParseWith("spread.toml", []byte(strings.Replace(spreadSrc, "name = \"billing\"", "name = \"billing\"\npriority = 0", 1)),
		[]Override{{Key: "intents.meter_reading.priority", Value: int64(2)}})
	if err != nil {
		t.Fatal(err)
	}
	if v.Intents[0].Priority != 2 || v.Intents[1].Priority != 2 || v.Intents[2].Priority != 0 {
		t.Errorf("override of the family reached priorities %d, %d, %d; want 2, 2, 0", v.Intents[0].Priority, v.Intents[1].Priority, v.Intents[2].Priority)
	}

	// Each part is simulated on its channel: the chat part's contacts are
	// the chat channel's, judged by the chat goal.
	res, err := sim.Run(context.Background(), sc, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var chat, part float64
	for _, c := range res.Channels {
		if c.Name == "chat" {
			chat = c.Metrics[sim.MOffered].Mean
		}
	}
	for _, in := range res.Intents {
		if in.Name == "meter_reading (chat)" {
			part = in.Metrics[sim.MOffered].Mean
		}
	}
	if chat == 0 || chat != part {
		t.Errorf("chat channel offered %v, the chat part of meter_reading %v: want equal and above 0", chat, part)
	}
}

func TestIntentSpreadErrors(t *testing.T) {
	line := strings.Count(spreadSrc[:strings.Index(spreadSrc, "channels = {")], "\n") + 1
	for _, tc := range []struct{ name, from, to, want string }{
		{"shares not summing to 1", "chat = 0.3, voice = 0.7", "chat = 0.3, voice = 0.6", "spread.toml:" + strconv.Itoa(line) + `: intents.0.channels: intent "meter_reading": the channels' shares must sum to 1, got 0.9`},
		{"unknown channel", "chat = 0.3", "fax = 0.3", `intents.0.channels.fax: unknown channel "fax"`},
		{"zero share", "chat = 0.3, voice = 0.7", "chat = 0, voice = 1", `intents.0.channels.chat: a channel's share must be above 0`},
		{"empty", "{ chat = 0.3, voice = 0.7 }", "{}", "channels needs at least one channel"},
		{"channel and channels", "channels = {", "channel = \"chat\"\nchannels = {", "give channel or channels, not both"},
	} {
		_, err := Parse("spread.toml", []byte(strings.Replace(spreadSrc, tc.from, tc.to, 1)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}
