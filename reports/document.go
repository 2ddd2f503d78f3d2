package reports

import (
	"bytes"
	"fmt"
	"io"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// document is the content shared by the HTML and PDF reports.
type document struct {
	Title   string   // the scenario, or the runs compared
	Kind    string   // "Simulation report" or "Comparison report"
	Subject string   // the scenario (or base scenario), for the PDF's metadata
	Verdict []string // the plain-language opening: goals met or missed and where, effort and cost, biggest risk
	Facts   Table    // the scenario summary, or the runs
	Notes   []string // method notes, one paragraph each
	KPIs    Table
	More    []Table // further tables after the key figures: costs, paired differences
	Charts  []Chart
	Details []Table // per interval, intent and group
}

// methodNotes explain how the figures were obtained.
func methodNotes(res *sim.Results, st *staff.Curve) []string {
	notes := []string{
		fmt.Sprintf("Every figure is the mean over %d independent replications of the scenario (seed %d), "+
			"each with its own random streams. The 95 %% confidence interval is the mean ± t(0.975, n−1)·s/√n, "+
			"where s is the standard deviation across the n replications in which the figure is defined "+
			"(Student t). Shaded bands on the charts are these intervals. A dash marks a figure that is undefined, "+
			"for example the service level of an interval in which no contact reached the queue.",
			res.Replications, res.Seed) + " " + sim.BoundsMethod,
		"Service level " + slDefinition(res),
		"P(wait), ASA, abandonment and service level refer to contacts that reached the human queue. " +
			"ASA (average speed of answer) is the mean wait of answered contacts, zero waits included. " +
			"Occupancy is busy agent time over on-duty agent time.",
	}
	if res.Horizon > 0 {
		notes = append(notes, fmt.Sprintf("This is a steady-state run: each replication simulates %s; "+
			"the first %s of warm-up are discarded.", dur(res.Horizon), dur(res.Warmup)))
	} else {
		notes = append(notes, "The day starts empty and drains after closing: contacts present at closing are "+
			"served to the end. Arrival and bot figures belong to the interval in which the contact arrived; "+
			"queue figures to the interval in which it reached the human queue.")
	}
	notes = append(notes, "The wait distribution pools the answered contacts of all replications.")
	if st != nil {
		notes = append(notes, fmt.Sprintf("The staffing curve is for the %s: a steady state with its rate of "+
			"contacts to agents (%s per hour), exponential handle times of mean %s and the scenario's patience, "+
			"simulated at %d agent counts with common random numbers (the points share their random draws, "+
			"so their errors move together); the lines are the exact Erlang C and (with patience) Erlang A figures "+
			"of the same queue.", st.Interval, num(3600*st.Queue.Rate, 4), seconds(st.Queue.AHT), len(st.Points)))
	}
	return notes
}

// slDefinition explains the service-level definition of res.
func slDefinition(res *sim.Results) string {
	t := seconds(res.Threshold)
	target := fmt.Sprintf(" The target is %s %%.", num(100*res.Target, 3))
	switch definition(res) {
	case sim.Answered:
		return "(definition \"answered\") is the share of answered contacts answered within " + t + "." + target
	case sim.ExclShortAbandons:
		return "(definition \"excl_short_abandons\") is contacts answered within " + t +
			" divided by those answered plus those who abandoned after " + t + "; short abandons are left out." + target
	}
	return "(definition \"offered\") is contacts answered within " + t +
		" divided by all contacts that reached the human queue, abandoned ones included." + target
}

// compareNotes explain a comparison.
func compareNotes() []string {
	return []string{
		"Each run's figures are means over its replications with 95 % Student-t confidence intervals (shaded bands). " +
			"Intervals are matched by position.",
		"Runs of scenarios that differ only in staffing or bot settings see the same customers when they share a seed " +
			"(common random numbers), so differences between them are sharper than the intervals suggest. " +
			"The paired differences are variant − baseline replication by replication, with 95 % Student-t intervals " +
			"of those differences (symmetric: a difference may have either sign).",
		sim.BoundsMethod,
	}
}

// svgCache renders each chart's SVG once, for both the HTML report and charts/*.svg.
type svgCache struct {
	charts []Chart
	out    [][]byte
	errs   []error
	done   []bool
}

func newSVGCache(charts []Chart) *svgCache {
	n := len(charts)
	return &svgCache{charts: charts, out: make([][]byte, n), errs: make([]error, n), done: make([]bool, n)}
}

// get returns the SVG of chart i.
func (c *svgCache) get(i int) ([]byte, error) {
	if !c.done[i] {
		var b bytes.Buffer
		c.errs[i] = Render(&b, c.charts[i], SVG)
		c.out[i], c.done[i] = b.Bytes(), true
	}
	return c.out[i], c.errs[i]
}

func (c *svgCache) write(w io.Writer, i int) error {
	b, err := c.get(i)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
