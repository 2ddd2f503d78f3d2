package calibrate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// ScenarioTOML writes the scenario of a day type as TOML whose comments say
// where each number came from. Parse reads it back to the same scenario (up
// to the rounding of durations to 0.1 s and shares to 6 decimals).
func (c *Report) ScenarioTOML(dayType string) ([]byte, error) {
	f, err := c.DayType(dayType)
	if err != nil {
		return nil, err
	}
	w := &scenarios.Commented{}
	c.writeHeader(w, f)
	sc := f.Scenario
	w.KV("name", strconv.Quote(sc.Name), "")
	w.KV("seed", fmt.Sprint(sc.Seed), "")
	w.KV("replications", fmt.Sprint(sc.Replications), "")
	w.Line("")
	w.Line("[service_level]")
	w.KV("threshold", scenarios.QuoteDuration(sc.ServiceLevel.Threshold), "not in the records: the calibration's setting (--threshold)")
	w.KV("target", fmtFloat(sc.ServiceLevel.Target), "")
	w.KV("definition", `"offered"`, "answered within threshold / all that reached the agent queue, as the back-test measures it")
	w.Line("")
	c.writeArrivals(w, f)
	c.writePatience(w)
	if sc.Bot != nil {
		c.writeBot(w, sc.Bot)
	} else {
		c.writeFrontComment(w)
	}
	for _, in := range sc.Intents {
		c.writeIntent(w, f, in)
	}
	c.writeAgents(w, f)
	return w.Bytes(), nil
}
func (c *Report) writeHeader(w *scenarios.Commented, f *DayTypeFit) {
	a := f.Arrivals
	w.Comment("Calibrated by `ccsim calibrate` from %s (%s records).", strings.Join(c.Files, ", "), c.Source)
	w.Comment("Day type %q: %d days%s. %d data lines read, %d records used.", f.Name, len(a.Days), dayRange(a.Days, c.Dated), c.Lines, c.Used)
	var dropped []string
	for _, is := range c.Issues {
		if is.Dropped {
			dropped = append(dropped, fmt.Sprintf("%d %s", is.Count, is.Reason))
		}
	}
	if len(dropped) > 0 {
		w.Comment("Dropped while reading: %s.", strings.Join(dropped, "; "))
	}
	w.Comment("Every figure below says where it came from; see the calibration report for the charts.")
	w.Line("")
}

// dayRange describes the first and last day.
func dayRange(days []int, dated bool) string {
	if len(days) == 0 {
		return ""
	}
	f := func(d int) string {
		if !dated {
			return fmt.Sprintf("day %d", d)
		}
		return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02 Mon")
	}
	return fmt.Sprintf(" (%s … %s)", f(days[0]), f(days[len(days)-1]))
}

func (c *Report) writeArrivals(w *scenarios.Commented, f *DayTypeFit) {
	a, d := f.Arrivals, f.Arrivals.Daily
	w.Line("[arrivals]")
	what := "Contacts that reached the agent queue (or an agent directly)"
	if c.Bot {
		what = "Contacts that arrived (the front end is modelled as the bot)"
	}
	w.Comment("%s, per %v interval in which they did,\naveraged over the %d days of type %q; %d contacts outside %s–%s are left out (%d inside).",
		what, scenarios.ShortDuration(a.Interval), len(a.Days), f.Name, a.Outside, clockString(a.Open), clockString(a.Close), a.Inside)
	w.Comment("Opening hours: %s.", c.hoursSource())
	w.Comment("Day-to-day dispersion of the daily totals: mean %.1f, variance %.1f, variance/mean %.2f;", d.Mean, d.Variance, d.Index)
	w.Comment("Poisson-gamma shape %s (method of moments, mean²/(variance−mean)); chi-square p = %.3g against Poisson.",
		fmtShape(d.Shape), d.PValue)
	w.Line(`open = "%s"`, clockString(a.Open))
	w.Line(`close = "%s"`, clockString(a.Close))
	w.Line(`interval = %s`, scenarios.QuoteDuration(a.Interval))
	if k := f.Scenario.Arrivals.Overdispersion; k > 0 {
		w.KV("overdispersion", fmtFloat(k), "the Poisson-gamma shape above: each simulated day draws its own busyness")
	} else {
		w.Comment("No overdispersion key: the daily totals vary no more than Poisson.")
	}
	w.Line("profile = [                # mean contacts per interval; 95%% CI over the days")
	for i, s := range a.Profile {
		start := a.Open + time.Duration(i)*a.Interval
		w.Line("  %-9s # %s  %s", fmtFloat(f.Scenario.Arrivals.Profile[i])+",", clockString(start), ciString(s.CI95, 1))
	}
	w.Line("]")
	w.Line("")
}

func (c *Report) hoursSource() string {
	if c.Options.Open != 0 || c.Options.Close != 0 {
		return "given (--open, --close)"
	}
	return fmt.Sprintf("detected: the intervals where contacts arriving and contacts answered both reach %.0f%% of their peak", openShare*100)
}

func (c *Report) writePatience(w *scenarios.Commented) {
	p := c.Patience
	best := p.Best()
	if best.Family == "" {
		w.Comment("[patience] left out: no customer waited in the queue, so patience cannot be estimated.")
		w.Line("")
		return
	}
	w.Line("[patience]")
	w.Comment("From the %d contacts that waited in the queue: %d abandoned (events) and %d answered (censored).",
		p.Observations, p.Events, p.Observations-p.Events)
	w.Comment("Kaplan–Meier: median %s, area under the curve up to the longest wait %.1f s.", fmtSecs(p.KMMedian), p.KMMean)
	w.Comment("Censored maximum likelihood, best AIC first:")
	for _, f := range p.Fits {
		w.Comment("  %-11s mean %.1f s (95%% CI %.1f–%.1f), cv %.3f, AIC %.1f", f.Family, f.Mean, f.MeanCI[0], f.MeanCI[1], f.CV, f.AIC)
	}
	w.Dist(c.simDist(best))
	w.Line("")
}

func (c *Report) writeFrontComment(w *scenarios.Commented) {
	fr := c.Front
	if fr.Sessions == 0 {
		return
	}
	w.Comment("No [bot]: no contact was resolved in the front end, and an intent with bot_containment 0 never")
	w.Comment("meets the bot, so the front end is described here only and arrivals start at the agent queue.")
	c.frontFigures(w)
	w.Line("")
}

func (c *Report) frontFigures(w *scenarios.Commented) {
	fr := c.Front
	n := float64(fr.TotalCount)
	w.Comment("Front end (VRU): %d sessions timed; outcomes of %d contacts: %.1f%% queued, %.1f%% answered at once,",
		fr.Sessions, fr.TotalCount, 100*float64(fr.ToQueue)/n, 100*float64(fr.Direct)/n)
	w.Comment("%.1f%% hung up before the queue, %.1f%% resolved.", 100*float64(fr.Hangup)/n, 100*float64(fr.Contained)/n)
	if best := fr.bestFit(); best.Family != "" {
		w.Comment("Time in it: %s mean %.1f s, cv %.3f (MLE on %d positive times; KS distance %.3f).",
			best.Family, best.Mean, best.CV, len(fr.Sample), best.KS)
	}
}

func (c *Report) writeBot(w *scenarios.Commented, b *sim.Bot) {
	w.Line("[bot]")
	c.frontFigures(w)
	w.Line("handle_time = %s", scenarios.InlineDist(b.HandleTime))
	w.KV("hang_up", fmtFloat(b.HangUp), "hung up in the front end / sessions it did not resolve")
	if b.OptOut > 0 {
		w.KV("opt_out", fmtFloat(b.OptOut), "contacts of bot-eligible types that had no front-end session")
	}
	w.KV("context_transfer", "true", "the records do not say; with context_saving 0 it changes nothing")
	w.Line("")
}

func (c *Report) writeIntent(w *scenarios.Commented, f *DayTypeFit, in sim.Intent) {
	var sh Share
	for _, s := range f.Shares {
		if s.Type == in.Name {
			sh = s
		}
	}
	w.Line("[[intents]]")
	w.KV("name", strconv.Quote(in.Name), "")
	w.KV("share", fmtFloat(in.Share), fmt.Sprintf("%d of the %d contacts of these days", sh.Count, f.Arrivals.Inside))
	if in.BotContainment > 0 {
		w.KV("bot_containment", fmtFloat(in.BotContainment), "resolved in the front end / sessions of this type")
	}
	h, own := c.HandleFor(in.Name)
	if !own {
		w.Comment("Too few services of this type (fewer than %d): handle time pooled over all types.", minFitSample)
	}
	c.handleComment(w, h)
	if len(h.Fits) == 0 {
		w.Comment("No service could be fitted: exponential with the records' mean.")
	}
	w.Line("handle_time = %s", scenarios.InlineDist(in.HandleTime))
	w.Line("")
}

func (c *Report) handleComment(w *scenarios.Commented, h HandleFit) {
	o := c.Options
	w.Comment("Handle time: %d answered, records' mean %.1f s; fitted on %d services (mean %.1f s) after leaving out",
		h.Answered, h.RecordsMean, h.N(), h.SampleMean)
	w.Comment("%d of 0 s, %d under %v and %d over %v.", h.Zero, h.Short, limitString(o.MinService), h.Long, limitString(o.MaxService))
	for _, f := range h.Fits {
		w.Comment("  %-9s MLE mean %.1f s (95%% CI %.1f–%.1f), cv %.3f (%.3f–%.3f), AIC %.1f, KS distance %.4f",
			f.Family, f.Mean, f.MeanCI[0], f.MeanCI[1], f.CV, f.CVCI[0], f.CVCI[1], f.AIC, f.KS)
	}
}

func limitString(d time.Duration) string {
	if d <= 0 {
		return "no limit"
	}
	return scenarios.ShortDuration(d)
}

func (c *Report) writeAgents(w *scenarios.Commented, f *DayTypeFit) {
	w.Line("[[agents]]")
	w.Line(`group = %q`, StaffGroup)
	w.Comment("Staffing per interval: %s.", f.Staff.Method)
	w.Comment("Columns: interval, agents used; busy = mean services in progress, peak = most at once,")
	w.Comment("while queued = mean in progress while someone waited, distinct = named agents who served.")
	w.Line("counts = [")
	st := f.Staff
	for i, n := range st.Counts {
		start := f.Arrivals.Open + time.Duration(i)*f.Arrivals.Interval
		w.Line("  %-4s # %s  busy %.1f  peak %.1f  while queued %s  distinct %.1f", fmt.Sprint(n)+",", clockString(start),
			st.Busy[i].Mean, st.Peak[i].Mean, fmtMaybe(st.WhileQueued[i].Mean), st.Distinct[i].Mean)
	}
	w.Line("]")
}

// to 0.1 s and the CV to 5 significant digits, as the TOML writes them.
func (c *Report) simDist(f Fit) sim.Dist {
	mean := roundDur(f.Mean).Seconds()
	cv := sig(f.CV, 5)
	switch f.Family {
	case FamLogNormal:
		return sim.LogNormal{MeanS: mean, CV: cv}
	case FamGamma:
		return sim.Gamma{MeanS: mean, CV: cv}
	}
	return sim.Exponential{MeanS: mean}
}

func roundDur(s float64) time.Duration {
	return time.Duration(math.Round(s*10)) * (time.Second / 10)
}
func clockString(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// sig rounds x to the given number of significant digits.
func sig(x float64, digits int) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', digits, 64), 64)
	return v
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func fmtShape(a float64) string {
	if math.IsInf(a, 1) {
		return "infinite (no overdispersion)"
	}
	return fmt.Sprintf("%.2f", a)
}

func fmtSecs(s float64) string {
	if math.IsNaN(s) {
		return "not reached"
	}
	return fmt.Sprintf("%.1f s", s)
}

func fmtMaybe(x float64) string {
	if math.IsNaN(x) {
		return "  – "
	}
	return fmt.Sprintf("%4.1f", x)
}

func ciString(ci [2]float64, digits int) string {
	if math.IsNaN(ci[0]) {
		return "(one day: no CI)"
	}
	return fmt.Sprintf("%.*f–%.*f", digits, max(ci[0], 0), digits, ci[1])
}
