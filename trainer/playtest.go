package trainer

import (
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/ccsim/ccsim/i18n"
)

// epoch is the start time of test sessions; any fixed instant would do.
var epoch = time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)

// fakeClock is a settable clock for playthroughs.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// RandomPlay plays sc to an end (or maxSteps actions) with random but seeded
// actions: guided choices, reply examples, unmatched text, pauses, injects
// and waits long enough for timers. Mode "" alternates by seed.
func RandomPlay(sc *Script, seed uint64, mode Mode, maxSteps int) (*Session, error) {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	if mode == "" {
		mode = ModeGuided
		if seed%2 == 1 && sc.HasMode(ModeFree) || !sc.HasMode(ModeGuided) {
			mode = ModeFree
		}
	}
	clock := &fakeClock{t: epoch}
	s, err := Start(sc, Options{Mode: mode, Seed: seed, Now: clock.now})
	if err != nil {
		return nil, err
	}
	for i := 0; i < maxSteps && !s.Ended(); i++ {
		clock.t = clock.t.Add(time.Duration(1+rng.IntN(15)) * time.Second)
		if rng.IntN(12) == 0 {
			clock.t = clock.t.Add(time.Duration(rng.IntN(90)) * time.Second)
		}
		randomAction(s, rng, clock)
	}
	return s, nil
}

func randomAction(s *Session, rng *rand.Rand, clock *fakeClock) {
	switch r := rng.IntN(100); {
	case r < 3:
		_ = s.Pause()
		clock.t = clock.t.Add(time.Duration(rng.IntN(120)) * time.Second)
		_ = s.Resume()
	case r < 5 && len(s.sc.Injects) > 0:
		_ = s.Inject(s.sc.Injects[rng.IntN(len(s.sc.Injects))].ID)
	case r < 8:
		s.Tick()
	case s.mode == ModeGuided:
		if ch := s.Choices(); len(ch) > 0 {
			_ = s.Reply(ch[rng.IntN(len(ch))].ID)
		} else {
			s.Tick()
		}
	default:
		_ = s.Say(randomText(s, rng))
	}
}

var noise = []string{"hmm", "ok", "what do you mean", "let me check something", "one moment please", "right"}

// randomText picks an example of an offered reply, or noise for the fallback.
func randomText(s *Session, rng *rand.Rand) string {
	if s.node != nil && rng.IntN(5) > 0 {
		var ex []string
		for _, r := range s.node.replies {
			if s.offered(r) {
				ex = append(ex, r.r.Examples...)
			}
		}
		if len(ex) > 0 {
			return ex[rng.IntN(len(ex))]
		}
	}
	return noise[rng.IntN(len(noise))]
}

// Coverage counts what playthroughs reached.
type Coverage struct {
	Nodes    map[string]int // visits per node id
	Replies  map[string]int // times each reply id was taken
	Outcomes map[string]int // sessions per outcome
}

func newCoverage() Coverage {
	return Coverage{Nodes: map[string]int{}, Replies: map[string]int{}, Outcomes: map[string]int{}}
}

func (c Coverage) add(s *Session) {
	for i, n := range s.p.nodes {
		c.Nodes[n.n.ID] += s.visits[i]
	}
	for i, r := range s.p.replies {
		if r != nil {
			c.Replies[r.r.ID] += s.replyCount[i]
		}
	}
	out := s.outcome
	if !s.ended {
		out = "(unfinished)"
	}
	c.Outcomes[out]++
}

// PlanResult is the outcome of one TestPlan.
type PlanResult struct {
	Name     string
	Runs     int
	Failures []string // in English; FailuresIn gives them in another language

	texts []text // Failures as texts, one each
}

// fail records a failure.
func (r *PlanResult) fail(t text) {
	r.Failures = append(r.Failures, t.Error())
	r.texts = append(r.texts, t)
}

// FailuresIn returns the failures in language l.
func (r PlanResult) FailuresIn(l i18n.Lang) []string {
	if len(r.texts) != len(r.Failures) {
		return r.Failures
	}
	out := make([]string, len(r.texts))
	for i, t := range r.texts {
		out[i] = t.in(l)
	}
	return out
}

// Report is the result of Playtest.
type Report struct {
	Plans         []PlanResult
	Coverage      Coverage
	MissedNodes   []string
	MissedReplies []string
	MissedEnds    []string
	BestPct       float64 // best total score seen
}

// Failed reports whether any plan failed.
func (r *Report) Failed() bool {
	for _, p := range r.Plans {
		if len(p.Failures) > 0 {
			return true
		}
	}
	return false
}

// StrategyRuns is how many sessions Playtest plays with each blind strategy.
const StrategyRuns = 100

// Playtest runs the script's [[test]] plans and, when no plan fuzzes, a
// default fuzz of fuzzRuns random playthroughs; every fuzz run is also
// replayed from its log and must match. A guided script also gets the plan
// "blind guided strategies": each of BlindStrategies, StrategyRuns times,
// must pass in fewer than half of its sessions. It reports coverage of nodes, replies
// and endings over all runs.
func Playtest(sc *Script, fuzzRuns int) (*Report, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	rep := &Report{Coverage: newCoverage()}
	fuzzed := false
	for _, plan := range sc.Tests {
		var res PlanResult
		if plan.Runs > 0 {
			res = fuzzPlan(sc, plan, rep)
			fuzzed = true
		} else {
			res = scriptedPlan(sc, plan, rep)
		}
		rep.Plans = append(rep.Plans, res)
	}
	if !fuzzed && fuzzRuns > 0 {
		rep.Plans = append(rep.Plans, fuzzPlan(sc, TestPlan{Name: "default fuzz", Runs: fuzzRuns,
			Expect: Expect{NoRuntimeErrors: true}}, rep))
	}
	if res, ok := strategyPlan(sc, StrategyRuns); ok {
		rep.Plans = append(rep.Plans, res)
	}
	for _, n := range sc.Nodes {
		if rep.Coverage.Nodes[n.ID] == 0 {
			rep.MissedNodes = append(rep.MissedNodes, n.ID)
		}
		for _, r := range n.Replies {
			if rep.Coverage.Replies[r.ID] == 0 {
				rep.MissedReplies = append(rep.MissedReplies, r.ID)
			}
		}
	}
	for _, o := range sc.Outcomes() {
		if rep.Coverage.Outcomes[o] == 0 {
			rep.MissedEnds = append(rep.MissedEnds, o)
		}
	}
	return rep, nil
}

func scriptedPlan(sc *Script, plan TestPlan, rep *Report) PlanResult {
	res := PlanResult{Name: plan.Name, Runs: 1}
	mode := plan.Mode
	if mode == "" {
		mode = ModeFree
		if len(plan.Choose) > 0 {
			mode = ModeGuided
		}
	}
	clock := &fakeClock{t: epoch}
	s, err := Start(sc, Options{Mode: mode, Seed: plan.Seed, Variant: plan.Variant, Set: plan.Set, Now: clock.now})
	if err != nil {
		res.fail(textf("%v", err))
		return res
	}
	for i, text := range plan.Replies {
		clock.t = clock.t.Add(5 * time.Second)
		if err := s.Say(text); err != nil {
			res.fail(textf("reply %d %q: %v", i+1, text, err))
			break
		}
	}
	for i, id := range plan.Choose {
		clock.t = clock.t.Add(5 * time.Second)
		if err := s.Reply(id); err != nil {
			res.fail(textf("choice %d %q: %v (offered: %s)", i+1, id, err, choiceIDs(s)))
			break
		}
	}
	rep.Coverage.add(s)
	for _, t := range checkExpect(s, plan.Expect) {
		res.fail(t)
	}
	rep.BestPct = max(rep.BestPct, s.Score().TotalPct)
	return res
}

func choiceIDs(s *Session) string {
	var ids []string
	for _, c := range s.Choices() {
		ids = append(ids, c.ID)
	}
	return strings.Join(ids, ", ")
}

// checkExpect returns the expectations one session does not meet.
func checkExpect(s *Session, e Expect) []text {
	var f []text
	if len(e.EndIn) > 0 && (!s.ended || !slices.Contains(e.EndIn, s.outcome)) {
		f = append(f, textf("ended %q at node %s (path %s), want one of %v", s.outcome, s.Node(), strings.Join(s.path, ">"), e.EndIn))
	}
	if e.Node != "" && s.Node() != e.Node {
		f = append(f, textf("at node %s, want %s", s.Node(), e.Node))
	}
	for _, id := range e.FiredNone {
		if i, ok := s.p.ruleIndex[id]; !ok || s.ruleFired[i] {
			f = append(f, textf("rule %q fired (or does not exist)", id))
		}
	}
	for _, id := range e.FiredAll {
		if i, ok := s.p.ruleIndex[id]; !ok || !s.ruleFired[i] {
			f = append(f, textf("rule %q did not fire", id))
		}
	}
	sc := s.Score()
	if e.MinPct != nil && sc.TotalPct < *e.MinPct {
		f = append(f, textf("score %.1f%% below min_pct %.1f", sc.TotalPct, *e.MinPct))
	}
	if e.MaxPct != nil && sc.TotalPct > *e.MaxPct {
		f = append(f, textf("score %.1f%% above max_pct %.1f", sc.TotalPct, *e.MaxPct))
	}
	if e.Pass != nil && sc.Pass != *e.Pass {
		f = append(f, textf("pass = %v, want %v", sc.Pass, *e.Pass))
	}
	for _, err := range s.errs {
		f = append(f, textf("runtime error: %s", err))
	}
	return f
}

func fuzzPlan(sc *Script, plan TestPlan, rep *Report) PlanResult {
	res := PlanResult{Name: plan.Name, Runs: plan.Runs}
	cov := newCoverage()
	errs := map[string]bool{}
	for i := 0; i < plan.Runs; i++ {
		seed := plan.Seed*1_000_003 + uint64(i) + 1
		s, err := RandomPlay(sc, seed, plan.Mode, 300)
		if err != nil {
			res.fail(textf("run %d: %v", i, err))
			break
		}
		cov.add(s)
		rep.Coverage.add(s)
		rep.BestPct = max(rep.BestPct, s.Score().TotalPct)
		for _, e := range s.errs {
			if !errs[e] && len(errs) < 5 {
				errs[e] = true
				res.fail(textf("run %d (seed %d, %s): runtime error: %s", i, seed, s.mode, e))
			}
		}
		if _, err := Replay(sc, s.Events()); err != nil {
			res.fail(textf("run %d (seed %d): %v", i, seed, err))
		}
		if len(plan.Expect.EndIn) > 0 && s.ended && !slices.Contains(plan.Expect.EndIn, s.outcome) {
			res.fail(textf("run %d (seed %d): ended %q, want one of %v", i, seed, s.outcome, plan.Expect.EndIn))
		}
	}
	if plan.Expect.ReachAllEnds {
		for _, o := range sc.Outcomes() {
			if cov.Outcomes[o] == 0 {
				res.fail(textf("no run reached outcome %q", o))
			}
		}
	}
	if plan.Expect.ReachAllNodes {
		for _, n := range sc.Nodes {
			if cov.Nodes[n.ID] == 0 {
				res.fail(textf("no run reached node %q", n.ID))
			}
		}
	}
	return res
}
