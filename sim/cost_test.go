package sim

import (
	"context"
	"encoding/json"
	"math"
	"testing"
)

// TestCosts checks the cost figures of every replication against their
// definition: scheduled hours × hourly cost + bot sessions × session cost +
// abandoned × abandon cost, in total and summed over intervals.
func TestCosts(t *testing.T) {
	tests := []struct {
		name  string
		costs *Costs
		own   float64 // group b's own hourly cost
	}{
		{"no cost model", nil, 0},
		{"one hourly cost", &Costs{AgentHour: 30, BotSession: 0.2, Abandoned: 5}, 0},
		{"group with its own cost", &Costs{AgentHour: 30, BotSession: 0.2, Abandoned: 5}, 45},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := dayScenario()
			sc.Costs = tc.costs
			sc.Groups[1].CostPerHour = tc.own
			res := mustRun(t, sc, Options{})
			// Group b has 2 agents all day (2 h): 4 agent-hours.
			near(t, "group b agent-hours", res.Groups[1].Metrics[MAgentHours].Mean, 4, 1e-9)
			hoursA := 0.0
			for _, c := range sc.Groups[0].Counts {
				hoursA += float64(c) / 2
			}
			for _, rep := range res.PerReplication {
				m := rep.Metrics
				near(t, "agent-hours", m[MAgentHours], hoursA+4, 1e-9)
				_, has := m[MCost]
				if has != (tc.costs != nil) {
					t.Fatalf("cost metric present = %v, want %v", has, tc.costs != nil)
				}
				if tc.costs == nil {
					continue
				}
				own := tc.own
				if own == 0 {
					own = tc.costs.AgentHour
				}
				sessions := m[MContained] + m[MBotHangup] + m[MEscalatedCtx] + m[MEscalatedNoCtx]
				want := hoursA*tc.costs.AgentHour + 4*own + sessions*tc.costs.BotSession + m[MAbandoned]*tc.costs.Abandoned
				near(t, "cost", m[MCost], want, 1e-6)
				near(t, "cost parts", m[MCostAgents]+m[MCostBot]+m[MCostAbandoned], m[MCost], 1e-6)
				near(t, "cost per contact", m[MCostPerContact], want/m[MOffered], 1e-9)
				sum := 0.0
				for _, iv := range rep.Intervals {
					sum += iv[MCost]
				}
				near(t, "sum of interval costs", sum, m[MCost], 1e-6)
			}
		})
	}
}

func TestCostValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Scenario)
		key  string
	}{
		{"negative agent hour", func(s *Scenario) { s.Costs = &Costs{AgentHour: -1} }, "costs.agent_hour"},
		{"NaN bot session", func(s *Scenario) { s.Costs = &Costs{BotSession: math.NaN()} }, "costs.bot_session"},
		{"infinite abandon cost", func(s *Scenario) { s.Costs = &Costs{Abandoned: math.Inf(1)} }, "costs.abandoned"},
		{"negative group cost", func(s *Scenario) { s.Groups[1].CostPerHour = -3 }, "agents.1.cost_per_hour"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := dayScenario()
			tc.edit(sc)
			err := sc.Validate()
			ve, ok := err.(ValidationErrors)
			if !ok || len(ve) != 1 || ve[0].Key != tc.key {
				t.Errorf("Validate() = %v, want one error at %s", err, tc.key)
			}
		})
	}
}

// TestDetails: per-skill figures add up to the interval totals, per-group
// figures equal the merged group figures' inputs, and details are kept
// only on request.
func TestDetails(t *testing.T) {
	sc := dayScenario()
	sc.Intents[1].Skill = "care"
	sc.Groups[1].Skills = []Skill{{Name: "care", Priority: 1}, {Name: "", Priority: 2}}
	if got := sc.SkillNames(); len(got) != 2 || got[0] != "" || got[1] != "care" {
		t.Fatalf("SkillNames() = %q, want [\"\" \"care\"]", got)
	}
	plain := mustRun(t, sc, Options{})
	if plain.PerReplication[0].Details != nil {
		t.Errorf("Details kept without Options.Details")
	}
	res := mustRun(t, sc, Options{Details: true})
	for _, rep := range res.PerReplication {
		if len(rep.Details) != sc.Intervals() {
			t.Fatalf("%d details, want one per interval (%d)", len(rep.Details), sc.Intervals())
		}
		for k, d := range rep.Details {
			for _, m := range []string{MOffered, MToHuman, MAnswered, MAbandoned} {
				sum := 0.0
				for _, s := range d.Skills {
					sum += s[m]
				}
				near(t, m+" summed over skills", sum, rep.Intervals[k][m], 0)
			}
			for _, m := range []string{MOffered, MToHuman, MAnswered, MAbandoned} {
				sum := 0.0
				for _, c := range d.Channels {
					sum += c[m]
				}
				near(t, m+" summed over channels", sum, rep.Intervals[k][m], 0)
			}
			if len(d.Groups) != 2 || d.Total[MOffered] != rep.Intervals[k][MOffered] {
				t.Errorf("interval %d: detail has %d groups, total offered %g, want 2 and %g", k, len(d.Groups), d.Total[MOffered], rep.Intervals[k][MOffered])
			}
		}
	}
	a, _ := json.Marshal(plain)
	b, _ := json.Marshal(res)
	if string(a) != string(b) {
		t.Errorf("results JSON changes with Options.Details")
	}
}

// TestRunAll: running scenarios together gives each the results of running
// it alone, for any number of workers.
func TestRunAll(t *testing.T) {
	a := dayScenario()
	b := dayScenario()
	b.Groups[0].Counts = []int{7, 14, 9, 3}
	b.Replications = 5
	want := [2]string{}
	for i, sc := range []*Scenario{a, b} {
		j, _ := json.Marshal(mustRun(t, sc, Options{Workers: 1}))
		want[i] = string(j)
	}
	for _, workers := range []int{1, 2, 5, 64} {
		n := 0
		res, err := RunAll(context.Background(), []*Scenario{a, b}, Options{Workers: workers, Progress: func(done, total int) { n = total }})
		if err != nil {
			t.Fatal(err)
		}
		for i := range res {
			if j, _ := json.Marshal(res[i]); string(j) != want[i] {
				t.Errorf("workers=%d: RunAll result %d differs from Run", workers, i)
			}
		}
		if n != a.Replications+b.Replications {
			t.Errorf("workers=%d: progress total %d, want %d", workers, n, a.Replications+b.Replications)
		}
	}
	bad := dayScenario()
	bad.Replications = 0
	if _, err := RunAll(context.Background(), []*Scenario{a, bad}, Options{}); err == nil {
		t.Errorf("RunAll with an invalid scenario: no error")
	}
}
