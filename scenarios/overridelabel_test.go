package scenarios

import "testing"

func TestOverrideLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"intents.order_status.bot_containment=0.25", "order_status containment 25 %"},
		{"bot.context_transfer=false", "context transfer off"},
		{"service_level.target=0.8", "service level target 80 %"},
		{"agents.general.count=40", "general agents 40"},
		{"patience.mean=90s", "patience mean 90s"},
		{"intents.complaint.share=0.125", "complaint share 12.5 %"},
		{"agents.senior.shifts.0.count=14", "senior shift 1 agents 14"},
		{"agents.senior.shifts.2.start=09:00", "senior shift 3 start 09:00"},
	}
	for _, tc := range tests {
		o, err := ParseOverride(tc.in)
		if err != nil {
			t.Fatalf("ParseOverride(%q): %v", tc.in, err)
		}
		if got := o.Label(); got != tc.want {
			t.Errorf("ParseOverride(%q).Label() = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestKeyLabel(t *testing.T) {
	for key, want := range map[string]string{
		"intents.order_status.bot_containment": "order_status containment",
		"agents.senior.shifts.0.count":         "senior shift 1 agents",
		"bot.context_transfer":                 "context transfer",
		"patience.mean":                        "patience mean",
	} {
		if got := KeyLabel(key); got != want {
			t.Errorf("KeyLabel(%q) = %q, want %q", key, got, want)
		}
	}
}
