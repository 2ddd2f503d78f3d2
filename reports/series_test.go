package reports

import (
	"math"
	"slices"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

func TestIntervalAxisLabels(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		wantLabel int // labelled ticks
		wantEvery int // intervals between labels
	}{
		{"one", 1, 1, 1},
		{"twelve", 12, 12, 1},
		{"day", 24, 12, 2},
		{"two days", 48, 12, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var p Panel
			intervalAxis(&p, synthetic(t, tc.n, 1).Intervals)
			var labelled []int
			for i, k := range p.XTicks {
				if k.Label != "" {
					labelled = append(labelled, i)
				}
			}
			if len(p.XTicks) != tc.n || len(labelled) != tc.wantLabel {
				t.Fatalf("intervalAxis(%d) = %d ticks, %d labelled; want %d, %d", tc.n, len(p.XTicks), len(labelled), tc.n, tc.wantLabel)
			}
			if len(labelled) > 1 && labelled[1]-labelled[0] != tc.wantEvery {
				t.Errorf("intervalAxis(%d) labels every %d intervals, want %d", tc.n, labelled[1]-labelled[0], tc.wantEvery)
			}
			if *p.XMin != -0.5 || *p.XMax != float64(tc.n)-0.5 {
				t.Errorf("intervalAxis(%d) range = [%g, %g], want [-0.5, %g]", tc.n, *p.XMin, *p.XMax, float64(tc.n)-0.5)
			}
		})
	}
}

func TestServiceLevelSeries(t *testing.T) {
	res := synthetic(t, 24, 5)
	s := ServiceLevelChart(res).Panels[0].Series[0]
	for i, iv := range res.Intervals {
		st := iv.Metrics[sim.MServiceLevel]
		if got, want := s.Y[i], 100*st.Mean; !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("service level[%d] = %v, want %v", i, got, want)
		}
		if i != 3 && !(s.Lo[i] <= s.Y[i] && s.Y[i] <= s.Hi[i]) {
			t.Errorf("service level[%d] = %v outside its CI [%v, %v]", i, s.Y[i], s.Lo[i], s.Hi[i])
		}
	}
	if !math.IsNaN(s.Y[3]) {
		t.Errorf("service level[3] = %v, want NaN (undefined interval)", s.Y[3])
	}
}

func TestFunnelConserves(t *testing.T) {
	res := synthetic(t, 24, 5)
	c := FunnelChart(res)
	bar := map[string]float64{}
	for i, tick := range c.Panels[0].YTicks {
		bar[tick.Label] = c.Panels[0].Series[i].X[0]
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-6*math.Max(1, math.Abs(b)) }
	bot := bar["bot: opted out to a human"] + bar["bot: contained (resolved)"] + bar["bot: hung up unresolved"] +
		bar["bot: escalated with context"] + bar["bot: escalated without context"]
	if !near(bot, bar["sent to the bot"]) {
		t.Errorf("bot outcomes sum to %v, want sent to the bot %v", bot, bar["sent to the bot"])
	}
	if got := bar["straight to humans (not bot-eligible)"] + bar["sent to the bot"]; !near(got, bar["arrivals"]) {
		t.Errorf("straight to humans + sent to the bot = %v, want arrivals %v", got, bar["arrivals"])
	}
	if got := bar["humans: answered"] + bar["humans: abandoned"]; !near(got, bar["reached the human queue"]) {
		t.Errorf("answered + abandoned = %v, want reached the human queue %v", got, bar["reached the human queue"])
	}
}

func TestFunnelWithoutBot(t *testing.T) {
	res := synthetic(t, 4, 2)
	res.Metrics[sim.MSentToBot] = sim.Stat{}
	var labels []string
	for _, tick := range FunnelChart(res).Panels[0].YTicks {
		labels = append(labels, tick.Label)
	}
	want := []string{"arrivals", "straight to humans (not bot-eligible)", "reached the human queue", "humans: answered", "humans: abandoned"}
	if !slices.Equal(labels, want) {
		t.Errorf("funnel without a bot = %q, want %q", labels, want)
	}
}

func TestWaitHistogramShares(t *testing.T) {
	res := synthetic(t, 24, 5)
	h := res.WaitHistogram
	var total, zero float64
	for i, c := range h.Counts {
		total += float64(c)
		if h.Edges[i] == 0 {
			zero += float64(c)
		}
	}
	limit, width := waitRange(h, total, res.Threshold)
	bars, beyond := rebin(h, total, limit, width)
	sum := 100*zero/total + beyond
	for _, y := range bars.Y {
		sum += y
	}
	if math.Abs(sum-100) > 1e-9 {
		t.Errorf("zero waits + bars + beyond = %v %%, want 100 %%", sum)
	}
	if limit < 2*res.Threshold || math.Mod(limit, width) != 0 || len(bars.X) > 40 {
		t.Errorf("waitRange = %v s in %v s bins (%d bars); want ≥ %v s, whole bins, ≤ 40 bars", limit, width, len(bars.X), 2*res.Threshold)
	}
	cdf := cdfSeries(h, total, limit)
	if !slices.IsSorted(cdf.X) || !slices.IsSorted(cdf.Y) || cdf.Y[len(cdf.Y)-1] > 100 {
		t.Errorf("CDF is not non-decreasing within [0, 100]: %v", cdf.Y)
	}
	if at := cdfAt(h, total, res.Threshold); !(at > zero/total && at < 1) {
		t.Errorf("cdfAt(threshold) = %v, want between the zero-wait share %v and 1", at, zero/total)
	}
}

func TestRoundUp(t *testing.T) {
	tests := []struct{ in, want float64 }{{0.3, 0.5}, {1, 1}, {1.2, 2}, {2.2, 2.5}, {3, 5}, {7, 10}, {0.07, 0.1}, {120, 200}}
	for _, tc := range tests {
		if got := roundUp(tc.in); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("roundUp(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{{0, "0"}, {999.4, "999"}, {1000, "1,000"}, {4090.3, "4,090"}, {1234567, "1,234,567"}, {-5200, "-5,200"}}
	for _, tc := range tests {
		if got := thousands(tc.in); got != tc.want {
			t.Errorf("thousands(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		in      string
		want    []Format
		wantErr bool
	}{
		{"html,pdf", []Format{HTML, PDF}, false},
		{" PNG , svg ,", []Format{PNG, SVG}, false},
		{"csv,json,txt", []Format{CSV, JSON, Text}, false},
		{"gif", nil, true},
		{"", nil, true},
	}
	for _, tc := range tests {
		got, err := ParseFormats(tc.in)
		if (err != nil) != tc.wantErr || !slices.Equal(got, tc.want) {
			t.Errorf("ParseFormats(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestFloatsJSON(t *testing.T) {
	in := Floats{1.5, math.NaN(), math.Inf(1), -2}
	data, err := in.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), "[1.5,null,null,-2]"; got != want {
		t.Errorf("Floats JSON = %s, want %s", got, want)
	}
	var back Floats
	if err := back.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	if len(back) != 4 || back[0] != 1.5 || !math.IsNaN(back[1]) || !math.IsNaN(back[2]) || back[3] != -2 {
		t.Errorf("Floats read back = %v, want [1.5 NaN NaN -2]", back)
	}
}

func TestUpperEdge(t *testing.T) {
	tests := []struct{ lo, want float64 }{
		{0, 1.0 / 128}, {1.0 / 128, 1.0/128 + 1.0/8192}, {1, 1 + 1.0/64}, {16, 16.25}, {30, 30.25}, {31.75, 32}, {32, 32.5},
	}
	for _, tc := range tests {
		if got := upperEdge(tc.lo); got != tc.want {
			t.Errorf("upperEdge(%v) = %v, want %v", tc.lo, got, tc.want)
		}
	}
}
