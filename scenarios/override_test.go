package scenarios

import (
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim"
)

func mustOverrides(t *testing.T, args ...string) []Override {
	t.Helper()
	var ovs []Override
	for _, a := range args {
		o, err := ParseOverride(a)
		if err != nil {
			t.Fatalf("ParseOverride(%q): %v", a, err)
		}
		ovs = append(ovs, o)
	}
	return ovs
}

func TestOverrides(t *testing.T) {
	tests := []struct {
		name  string
		sets  []string
		check func(*sim.Scenario) bool
	}{
		{"intent by name", []string{"intents.order_status.bot_containment=0.4"},
			func(s *sim.Scenario) bool { return s.Intents[0].BotContainment == 0.4 }},
		{"intent by index", []string{"intents.1.bot_containment=0.5"},
			func(s *sim.Scenario) bool { return s.Intents[1].BotContainment == 0.5 }},
		{"array element", []string{"arrivals.profile.3=250"},
			func(s *sim.Scenario) bool { return s.Arrivals.Profile[3] == 250 && s.Arrivals.Profile[2] == 310 }},
		{"integer into a float", []string{"service_level.target=1"},
			func(s *sim.Scenario) bool { return s.ServiceLevel.Target == 1 }},
		{"bare duration", []string{"service_level.threshold=30s"},
			func(s *sim.Scenario) bool { return s.ServiceLevel.Threshold == 30*time.Second }},
		{"boolean", []string{"bot.context_transfer=false"},
			func(s *sim.Scenario) bool { return !s.Bot.ContextTransfer }},
		{"count replaces shifts", []string{"agents.senior.count=20"},
			func(s *sim.Scenario) bool { return s.Groups[1].Count == 20 && s.Groups[1].Shifts == nil }},
		{"whole counts", []string{"agents.general.counts=[10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10]"},
			func(s *sim.Scenario) bool { return len(s.Groups[0].Counts) == 24 && s.Groups[0].Counts[23] == 10 }},
		{"shift count", []string{"agents.senior.shifts.1.count=12"},
			func(s *sim.Scenario) bool { return s.Groups[1].Shifts[1].Count == 12 }},
		{"map key", []string{"agents.general.skills.care=3"},
			func(s *sim.Scenario) bool {
				return len(s.Groups[0].Skills) == 2 && s.Groups[0].Skills[1].Name == "care"
			}},
		{"table value", []string{`patience={dist = "gamma", mean = "2m", cv = 0.5}`},
			func(s *sim.Scenario) bool { return s.Patience.Mean() == 120 }},
		{"channel target", []string{"channels.chat.target=0.9"},
			func(s *sim.Scenario) bool { return s.Channels[sim.Chat].Target == 0.9 }},
		{"cost", []string{"costs.agent_hour=30", "agents.senior.cost_per_hour=45"},
			func(s *sim.Scenario) bool { return s.Costs.AgentHour == 30 && s.Groups[1].CostPerHour == 45 }},
		{"shares together", []string{"intents.order_status.share=0.25", "intents.returns.share=0.23"},
			func(s *sim.Scenario) bool { return s.Intents[0].Share == 0.25 && s.Intents[3].Share == 0.23 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := BundledWith("default", mustOverrides(t, tc.sets...))
			if err != nil {
				t.Fatalf("BundledWith(default, %v): %v", tc.sets, err)
			}
			if !tc.check(sc) {
				t.Errorf("overrides %v not applied", tc.sets)
			}
		})
	}
}

func TestOverrideErrors(t *testing.T) {
	tests := []struct {
		name string
		set  string
		want string // in the error message
	}{
		{"unknown key", "intents.order_status.bot_containmnt=0.4", `override intents.order_status.bot_containmnt=0.4: unknown key (did you mean "bot_containment"?)`},
		{"unknown table", "servicelevel.target=0.9", `did you mean "service_level"?`},
		{"unknown intent", "intents.orders.share=0.3", `no intent named "orders" (there are: order_status, balance,`},
		{"unknown group", "agents.juniors.count=3", `no agent group named "juniors" (there are: general, senior)`},
		{"index out of range", "arrivals.profile.24=1", "index 24 out of range: 24 values"},
		{"into a value", "service_level.target.low=1", "is a value, not a table"},
		{"out of range", "intents.order_status.bot_containment=1.5", "override intents.order_status.bot_containment=1.5: must be a probability between 0 and 1, got 1.5"},
		{"wrong type", "agents.general.chat_concurrency=two", "override agents.general.chat_concurrency=two: "},
		{"breaks a rule of the whole", "intents.order_status.share=0.5", "override intents.order_status.share=0.5: intents: shares sum to 1.2"},
		{"bad duration", "service_level.threshold=soon", `"soon" is not a duration`},
		{"missing array", "agents.general.shrinkage.3=0.2", "is not set in the scenario"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := BundledWith("default", mustOverrides(t, tc.set))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("BundledWith(default, %s) = %v, want an error with %q", tc.set, err, tc.want)
			}
		})
	}
}

func TestParseOverride(t *testing.T) {
	tests := []struct {
		in   string
		want string // String() of the result, or the error
	}{
		{"a.b=0.40", "a.b=0.4"},
		{" a.b = true ", "a.b=true"},
		{"a=[1, 2,3]", "a=[1, 2, 3]"},
		{`a="30s"`, "a=30s"},
		{"a=08:00", "a=08:00"},
		{"a=exponential", "a=exponential"},
		{`a={mean = "2m", dist = "exponential"}`, "a={dist = exponential, mean = 2m}"},
		{`a="two words"`, `a="two words"`},
		{"a=[1, 2", "not a TOML value"},
		{"=3", "want key=value"},
		{"a", "want key=value"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			o, err := ParseOverride(tc.in)
			got := o.String()
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("ParseOverride(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseVary(t *testing.T) {
	ovs, err := ParseVary(`agents.general.counts=[1, 2],[3, 4],"x,y"`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range ovs {
		got = append(got, FormatValue(o.Value))
	}
	if strings.Join(got, " | ") != `[1, 2] | [3, 4] | "x,y"` {
		t.Errorf("ParseVary values = %q", got)
	}
	if _, err := ParseVary("a"); err == nil {
		t.Errorf("ParseVary(a): no error")
	}
}

// TestVariant: overriding a loaded scenario equals overriding its file.
func TestVariant(t *testing.T) {
	base, err := Bundled("default")
	if err != nil {
		t.Fatal(err)
	}
	ovs := mustOverrides(t, "bot.context_transfer=false", "agents.general.counts.0=20")
	a, err := Variant(base, ovs)
	if err != nil {
		t.Fatal(err)
	}
	b, err := BundledWith("default", ovs)
	if err != nil {
		t.Fatal(err)
	}
	ea, _ := Encode(a)
	eb, _ := Encode(b)
	if string(ea) != string(eb) {
		t.Errorf("Variant and BundledWith differ")
	}
	if base.Bot.ContextTransfer == false || base.Groups[0].Counts[0] != 16 {
		t.Errorf("Variant changed its input")
	}
}

// FuzzOverride: any override of the default scenario either loads or fails
// with an error naming an override; it never panics.
func FuzzOverride(f *testing.F) {
	for _, s := range []string{"intents.order_status.bot_containment=0.4", "agents.general.counts.3=12", "arrivals.profile=[1,2]",
		"bot={}", "agents.senior.shifts.0.breaks.0.length=10m", "channels.email.target=0.5", "x.y.z=1", "agents.0.skills.a.b=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := ParseOverride(s)
		if err != nil {
			return
		}
		_, err = BundledWith("default", []Override{o})
		if err != nil && !strings.HasPrefix(err.Error(), "override") {
			t.Errorf("BundledWith(default, %s): error %q does not name the override", s, err)
		}
	})
}
