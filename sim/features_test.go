package sim

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim/erlang"
)

// erlangAScenario is one M/M/c+M system: load a erlangs on c agents, handle
// time aht and patience seconds, as an intent with its own skill and group.
func twoSkillScenario() *Scenario {
	sc := referenceScenario(300_000)
	sc.Replications = 10
	sc.Arrivals.Rate = 3600 * (90.0/45 + 18.0/180) // skill a: 90 erlangs at 45 s; skill b: 18 erlangs at 180 s
	ra, rb := 90.0/45, 18.0/180
	sc.Intents = []Intent{
		{Name: "a", Share: ra / (ra + rb), Skill: "a", HandleTime: Exponential{45}},
		{Name: "b", Share: rb / (ra + rb), Skill: "b", HandleTime: Exponential{180}},
	}
	sc.Groups = []Group{
		{Name: "A", Count: 95, Skills: []Skill{{"a", 1}}},
		{Name: "B", Count: 20, Skills: []Skill{{"b", 1}}},
	}
	return sc
}

// TestIndependentSkillsAreTwoErlangA: two skills with no overlap behave as two
// separate Erlang A systems.
func TestIndependentSkillsAreTwoErlangA(t *testing.T) {
	sc := twoSkillScenario()
	res := mustRun(t, sc, Options{})
	systems := []erlang.Queue{
		{Rate: 2, AHT: 45, Agents: 95, Patience: 120},
		{Rate: 0.1, AHT: 180, Agents: 20, Patience: 120},
	}
	for i, q := range systems {
		f := q.Figures()
		m := res.Intents[i].Metrics
		within(t, sc.Intents[i].Name+" p_wait", m[MPWait], f.PWait)
		within(t, sc.Intents[i].Name+" abandon_rate", m[MAbandonRate], f.PAbandon)
		within(t, sc.Intents[i].Name+" service_level", m[MServiceLevel], q.ServiceLevel(20, erlang.Offered))
		within(t, sc.Groups[i].Name+" occupancy", res.Groups[i].Metrics[MOccupancy], f.Occupancy)
	}
}

// perRep returns the per-replication values as JSON without the named metrics.
func perRep(t *testing.T, res *Results, drop ...string) []byte {
	t.Helper()
	for _, r := range res.PerReplication {
		for _, d := range drop {
			delete(r.Metrics, d)
			for _, iv := range r.Intervals {
				delete(iv, d)
			}
		}
	}
	b, err := json.Marshal(res.PerReplication)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestChatConcurrencyOneIsVoice: a chat group holding one chat at a time equals voice.
func TestChatConcurrencyOneIsVoice(t *testing.T) {
	sc := dayScenario()
	voiceRes := mustRun(t, sc, Options{})
	voiceSL := voiceRes.Metrics[MServiceLevel].Mean
	voice := perRep(t, voiceRes)
	for i := range sc.Intents {
		sc.Intents[i].Channel = Chat
	}
	sc.Groups[0].ChatConcurrency, sc.Groups[1].ChatConcurrency = 1, 1
	sc.Groups[0].ChatStretch = 0.5 // no effect with one chat at a time
	if chat := perRep(t, mustRun(t, sc, Options{})); !bytes.Equal(chat, voice) {
		t.Errorf("chat with concurrency 1 differs from voice")
	}
	sc.Groups[0].ChatConcurrency, sc.Groups[1].ChatConcurrency = 3, 3
	res := mustRun(t, sc, Options{})
	if got := res.Metrics[MServiceLevel].Mean; got <= voiceSL+0.05 {
		t.Errorf("service level with 3 chats per agent = %.3f, want well above voice (%.3f)", got, voiceSL)
	}
	if res.Metrics[MMeanHandle].Mean <= 0 || res.Groups[0].Metrics[MOccupancy].Mean > 1 {
		t.Errorf("chat figures out of range: %+v", res.Groups[0].Metrics[MOccupancy])
	}
}

// TestCallbackAcceptZero: callbacks nobody accepts change nothing.
func TestCallbackAcceptZero(t *testing.T) {
	sc := dayScenario()
	sc.Experience = &Experience{Base: 8} // uses the extra uniforms either way
	without := perRep(t, mustRun(t, sc, Options{}), MCallbacksOffered)
	sc.Callback = &Callback{OfferAbove: 10 * time.Second, Accept: 0}
	res := mustRun(t, sc, Options{})
	if res.Metrics[MCallbacksOffered].Mean == 0 {
		t.Fatalf("no callbacks were offered; the test would prove nothing")
	}
	if with := perRep(t, res, MCallbacksOffered); !bytes.Equal(with, without) {
		t.Errorf("callbacks with acceptance 0 changed the results")
	}
	sc.Callback.Accept = 1
	res = mustRun(t, sc, Options{})
	if res.Metrics[MCallbacks].Mean == 0 || res.Metrics[MAbandoned].Mean >= mustRun(t, dayScenario(), Options{}).Metrics[MAbandoned].Mean {
		t.Errorf("accepted callbacks should be answered and reduce abandonment: %v callbacks", res.Metrics[MCallbacks].Mean)
	}
}

// TestOverdispersion: an infinite shape is Poisson; a finite shape k gives
// daily volumes with variance m + m²/k.
func TestOverdispersion(t *testing.T) {
	sc := dayScenario()
	sc.Replications = 400
	sc.Bot, sc.Patience = nil, nil
	for i := range sc.Intents {
		sc.Intents[i].BotContainment = 0
	}
	poisson := mustRun(t, sc, Options{})
	sc.Arrivals.Overdispersion = math.Inf(1)
	if a, b := perRep(t, poisson), perRep(t, mustRun(t, sc, Options{})); !bytes.Equal(a, b) {
		t.Errorf("overdispersion with an infinite shape differs from Poisson")
	}
	sc.Arrivals.Overdispersion = 1e9 // nearly Poisson: the same figures within their CIs
	near := mustRun(t, sc, Options{})
	within(t, "offered with shape 1e9", near.Metrics[MOffered], poisson.Metrics[MOffered].Mean)
	const k = 20.0
	sc.Arrivals.Overdispersion = k
	res := mustRun(t, sc, Options{})
	var xs []float64
	for _, r := range res.PerReplication {
		xs = append(xs, r.Metrics[MOffered])
	}
	m := 600.0 // the profile's total
	mean, variance := meanVar(xs)
	want := m + m*m/k
	// The sample variance of n values has relative s.e. about sqrt(2/(n-1)) (more for gamma mixtures).
	if tol := 4 * math.Sqrt(2.0/float64(len(xs)-1)) * want * 1.5; math.Abs(variance-want) > tol || math.Abs(mean-m) > 4*math.Sqrt(want/float64(len(xs))) {
		t.Errorf("daily volume mean %.1f variance %.0f, want %.0f and %.0f", mean, variance, m, want)
	}
}

func meanVar(xs []float64) (float64, float64) {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	m := s / float64(len(xs))
	ss := 0.0
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return m, ss / float64(len(xs)-1)
}

// TestShrinkage: shrinkage 0.25 of 40 agents is 30 agents.
func TestShrinkage(t *testing.T) {
	sc := referenceScenario(50_000)
	sc.Replications = 3
	sc.Groups[0].Count = 30
	thirty := mustRun(t, sc, Options{})
	sc.Groups[0].Count, sc.Groups[0].Shrinkage = 40, []float64{0.25}
	shrunk := mustRun(t, sc, Options{})
	if a, b := perRep(t, thirty, MScheduled, MAgentHours), perRep(t, shrunk, MScheduled, MAgentHours); !bytes.Equal(a, b) {
		t.Errorf("40 agents with shrinkage 0.25 differ from 30 agents")
	}
	near(t, "scheduled agents", shrunk.Metrics[MScheduled].Mean, 40, 1e-9)
}

// TestShiftsAndBreaks: agents follow the shifts, minus staggered breaks.
func TestShiftsAndBreaks(t *testing.T) {
	sc := dayScenario()
	sc.Patience = Exponential{30}
	sc.Groups = []Group{{Name: "a", Shifts: []Shift{
		{Start: 8 * time.Hour, End: 9 * time.Hour, Count: 6},
		{Start: 8*time.Hour + 30*time.Minute, End: 10 * time.Hour, Count: 4,
			Breaks: []Break{{Start: 9*time.Hour + 30*time.Minute, Length: 15 * time.Minute, Spread: 0}}},
	}}}
	sc.Replications = 4
	res := mustRun(t, sc, Options{})
	// Scheduled: 6, 10, 4, 4 per interval; available 6, 10, 4, then 4 less 4 on break for half the interval.
	for i, want := range []float64{6, 10, 4, 4} {
		near(t, "scheduled in "+res.Intervals[i].Start, res.Intervals[i].Metrics[MScheduled].Mean, want, 1e-9)
	}
	if got := res.Intervals[3].Metrics[MAgents].Mean; got < 2 || got > 3 {
		t.Errorf("agents on duty 09:30 = %.2f, want about 2 (all four on a 15-minute break)", got)
	}
	sc.Groups[0].Shifts[0].Start = 7 * time.Hour
	if err := sc.Validate(); err == nil {
		t.Errorf("a shift starting before opening validated")
	}
}

// TestGroupPriorityOverflow: a contact reaches second-choice agents only after
// waiting the overflow delay.
func TestGroupPriorityOverflow(t *testing.T) {
	sc := referenceScenario(50_000)
	sc.Groups = []Group{{Name: "first", Count: 80}, {Name: "backup", Count: 30, Skills: []Skill{{"", 2}}}}
	sc.Routing = Routing{Policy: GroupPriority, OverflowAfter: 15 * time.Second}
	r := NewRun(sc, 1, 0)
	byBackup, early := 0, 0
	r.Observe(func(x *Record) {
		if x.Outcome == OutAnswered && x.Group == 1 {
			byBackup++
			if x.QueueExit-x.QueueEntry < 15-1e-6 {
				early++
			}
		}
	})
	r.RunUntil(1 << 62)
	if byBackup == 0 || early > 0 {
		t.Errorf("backup group answered %d contacts, %d of them before 15 s of waiting; want some, none early", byBackup, early)
	}
}

// TestPriorityClasses: a higher class in the same skill waits less.
func TestPriorityClasses(t *testing.T) {
	sc := referenceScenario(100_000)
	sc.Groups[0].Count = 91
	sc.Intents = []Intent{
		{Name: "normal", Share: 0.9, HandleTime: Exponential{45}},
		{Name: "fraud", Share: 0.1, Priority: 1, HandleTime: Exponential{45}},
	}
	res := mustRun(t, sc, Options{})
	normal, fraud := res.Intents[0].Metrics[MASA].Mean, res.Intents[1].Metrics[MASA].Mean
	if !(fraud < normal/5) {
		t.Errorf("ASA of the priority class %.2f s, of the normal class %.2f s; want far less", fraud, normal)
	}
}

// TestHandleFactors: proficiency and AI assistance scale handle times.
func TestHandleFactors(t *testing.T) {
	sc := referenceScenario(20_000)
	sc.Groups[0].Count = 300
	sc.Intents[0].HandleTime = Deterministic{Value: 100}
	sc.Groups[0].HandleFactor = 1.5
	near(t, "handle with factor 1.5", mustRun(t, sc, Options{}).Metrics[MMeanHandle].Mean, 150, 1e-9)
	sc.Groups[0].AIAdoption, sc.Groups[0].AIReduction = 1, 0.2
	near(t, "handle with AI for all", mustRun(t, sc, Options{}).Metrics[MMeanHandle].Mean, 120, 1e-9)
	sc.Groups[0].AIAdoption = 0.5
	near(t, "handle with AI for half", mustRun(t, sc, Options{}).Metrics[MMeanHandle].Mean, 135, 1.5)
}

// TestEmailBacklog: e-mails never abandon and wait for free agents.
func TestEmailBacklog(t *testing.T) {
	sc := dayScenario()
	sc.Bot = nil
	for i := range sc.Intents {
		sc.Intents[i].BotContainment = 0
	}
	sc.Intents[2].Channel = Email
	sc.Channels = map[Channel]ServiceLevel{Email: {Threshold: 20 * time.Second, Target: 0.9}}
	short := mustRun(t, sc, Options{}).Channels[1].Metrics[MServiceLevel].Mean
	sc.Channels[Email] = ServiceLevel{Threshold: 4 * time.Hour, Target: 0.9}
	res := mustRun(t, sc, Options{})
	email := res.Intents[2].Metrics
	if email[MAbandoned].Mean != 0 || email[MAnswered].Mean != email[MToHuman].Mean {
		t.Errorf("e-mails: %v abandoned, %v answered of %v", email[MAbandoned].Mean, email[MAnswered].Mean, email[MToHuman].Mean)
	}
	if len(res.Channels) != 2 || res.Channels[1].Name != "email" {
		t.Fatalf("channels = %+v, want voice and email", res.Channels)
	}
	if sl := res.Channels[1].Metrics[MServiceLevel].Mean; sl != 1 || short >= sl {
		t.Errorf("e-mail service level: %.3f within 20 s, %.3f within 4 h; want less, and all within 4 h", short, sl)
	}
	if voice := res.Channels[0].Metrics[MServiceLevel].Mean; voice == res.Channels[1].Metrics[MServiceLevel].Mean {
		t.Errorf("voice uses the e-mail threshold")
	}
}

// TestRetrials: every abandoning customer calls again within the day.
func TestRetrials(t *testing.T) {
	sc := dayScenario()
	sc.Retrials = &Retrials{Share: 1, Delay: Deterministic{Value: 60}}
	res := mustRun(t, sc, Options{})
	if res.Metrics[MRetrials].Mean == 0 || res.Metrics[MRetrials].Mean > res.Metrics[MAbandoned].Mean {
		t.Errorf("retrials %v for %v abandoned", res.Metrics[MRetrials].Mean, res.Metrics[MAbandoned].Mean)
	}
}

// TestExperience checks the satisfaction model on contacts with known histories.
func TestExperience(t *testing.T) {
	sc := referenceScenario(20_000)
	sc.Groups[0].Count = 300 // nobody waits
	sc.Patience = nil
	sc.Experience = &Experience{Base: 9, Unresolved: 5, FailedBot: 1, RepeatInfo: 2, EmotionalBot: 3, DetractorBelow: 7}
	near(t, "satisfaction without trouble", mustRun(t, sc, Options{}).Metrics[MSatisfaction].Mean, 9, 1e-9)
	sc.Bot = &Bot{HandleTime: Exponential{30}, ContextTransfer: false}
	sc.Intents[0].BotContainment = 1e-9 // every bot session escalates
	res := mustRun(t, sc, Options{})
	near(t, "satisfaction after a failed bot without context", res.Metrics[MSatisfaction].Mean, 9-1-2, 1e-6)
	near(t, "detractors", res.Metrics[MDetractors].Mean, 1, 1e-9)
	sc.Intents[0].Emotional = 1
	sc.Bot.EmotionalToHuman = true
	res = mustRun(t, sc, Options{})
	if res.Metrics[MSentToBot].Mean != 0 {
		t.Errorf("emotional contacts were sent to the bot despite EmotionalToHuman")
	}
	near(t, "satisfaction when emotional contacts skip the bot", res.Metrics[MSatisfaction].Mean, 9, 1e-9)
	near(t, "emotional share", res.Metrics[MEmotionalShare].Mean, 1, 1e-9)
}
