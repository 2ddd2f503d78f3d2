package calibrate

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// StaffGroup is the name of the one agent group a calibrated scenario has.
const StaffGroup = "agents"

// scenario builds the simulation scenario of a day type: its arrival
// profile, the contact types as intents with their shares and handle times,
// the pooled patience, the bot when one is modelled, and the staffing
// estimated from concurrent services.
func (c *Report) scenario(f *DayTypeFit) *sim.Scenario {
	o := c.Options
	a := f.Arrivals
	sc := &sim.Scenario{
		Name:         c.scenarioName(f.Name),
		Seed:         o.Seed,
		Replications: o.Replications,
		ServiceLevel: sim.ServiceLevel{Threshold: o.Threshold, Target: o.Target, Definition: sim.Offered},
		Arrivals:     sim.Arrivals{Open: a.Open, Close: a.Close, Interval: a.Interval, Profile: make([]float64, len(a.Profile))},
		Groups:       []sim.Group{{Name: StaffGroup, Counts: f.Staff.Counts}},
	}
	for i, s := range a.Profile {
		sc.Arrivals.Profile[i] = round(s.Mean, 3)
	}
	if k := a.Daily.Shape; !math.IsInf(k, 1) && k > 0 {
		sc.Arrivals.Overdispersion = sig(k, 4)
	}
	if best := c.Patience.Best(); best.Family != "" {
		sc.Patience = c.simDist(best)
	}
	if c.Bot {
		sc.Bot = c.bot()
	}
	for _, s := range f.Shares {
		h, _ := c.HandleFor(s.Type)
		in := sim.Intent{Name: s.Type, Share: s.Share, HandleTime: c.simDist(h.Best())}
		if c.Bot {
			in.BotContainment = round(c.containment(s.Type), 9)
		}
		if len(h.Fits) == 0 {
			in.HandleTime = c.simDist(Fit{Family: FamExponential, Mean: max(h.RecordsMean, 1)})
		}
		sc.Intents = append(sc.Intents, in)
	}
	normalizeShares(sc.Intents)
	return sc
}

// normalizeShares makes shares sum to 1 and rounds them to 9 decimals, as
// the TOML writes them (well inside the loader's 1e-6 tolerance).
func normalizeShares(ins []sim.Intent) {
	sum := 0.0
	for _, in := range ins {
		sum += in.Share
	}
	for i := range ins {
		ins[i].Share = round(ins[i].Share/sum, 9)
	}
}

func (c *Report) scenarioName(dayType string) string {
	if c.Options.Name != "" {
		return c.Options.Name + " (" + dayType + ")"
	}
	names := make([]string, len(c.Files))
	for i, f := range c.Files {
		names[i] = filepath.Base(f)
	}
	return fmt.Sprintf("Calibrated from %s (%s)", strings.Join(names, ", "), dayType)
}

// bot builds the front end as a bot: its session time, the share of
// sessions it did not resolve in which the customer hung up, and the share
// of bot-eligible contacts that skipped it (opted out).
func (c *Report) bot() *sim.Bot {
	f := c.Front
	b := &sim.Bot{HandleTime: sim.Exponential{MeanS: 1}, ContextTransfer: true}
	if best := f.bestFit(); best.Family != "" {
		b.HandleTime = c.simDist(best)
	}
	if unresolved := f.Sessions - f.Contained; unresolved > 0 {
		b.HangUp = round(float64(f.Hangup)/float64(unresolved), 9)
	}
	// Opting out: contacts of types the bot serves that never had a session.
	eligible, without := 0, 0
	for _, n := range f.byType {
		if n.sessions > 0 {
			eligible += n.total
			without += n.total - n.sessions
		}
	}
	if eligible > 0 {
		b.OptOut = round(float64(without)/float64(eligible), 9)
	}
	return b
}

func (f FrontFit) bestFit() Fit {
	if len(f.Fits) == 0 {
		return Fit{}
	}
	return f.Fits[0]
}

// tokenContainment is the containment given to a type that used the front
// end but was never resolved there: the simulator sends only intents with
// containment above 0 to the bot.
const tokenContainment = 1e-6

// containment is the share of a type's front-end sessions that the front
// end resolved; 0 for types that never used it (they go straight to agents).
func (c *Report) containment(typ string) float64 {
	n := c.Front.byType[typ]
	if n.sessions == 0 {
		return 0
	}
	return max(float64(n.contained)/float64(n.sessions), tokenContainment)
}
