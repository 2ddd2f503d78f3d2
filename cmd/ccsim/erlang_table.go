package main

import (
	"fmt"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ccsim/ccsim/sim/erlang"
)

// erlangRow is the calculator's figures for one agent count. Probabilities
// are shares in [0, 1]; a figure the model does not have is left out.
type erlangRow struct {
	Agents       int      `json:"agents"`                  // on the phones (Erlang B: lines)
	Scheduled    int      `json:"scheduled"`               // agents to schedule, shrinkage included
	Servers      int      `json:"servers"`                 // agents × chat concurrency
	PBlock       *float64 `json:"p_block,omitempty"`       // Erlang B: share of calls turned away
	PWait        *float64 `json:"p_wait,omitempty"`        // share of calls that wait
	PAbandon     *float64 `json:"p_abandon,omitempty"`     // share of calls (attempts) that abandon
	PLost        *float64 `json:"p_lost,omitempty"`        // Erlang X: share of customers who abandon and do not call again
	Attempts     *float64 `json:"attempts,omitempty"`      // Erlang X: calls per customer
	ServiceLevel *float64 `json:"service_level,omitempty"` // answered within the threshold, by the chosen definition
	ASASeconds   *float64 `json:"asa_seconds,omitempty"`   // mean wait of answered calls
	Occupancy    float64  `json:"occupancy"`               // busy share of servers
	Cost         *float64 `json:"cost,omitempty"`          // scheduled agents × interval × cost per hour
}

// erlangDoc is the calculator's JSON document.
type erlangDoc struct {
	Model            string      `json:"model"`
	Channel          string      `json:"channel"`
	RatePerHour      float64     `json:"rate_per_hour"`
	AHTSeconds       float64     `json:"aht_seconds"`
	PatienceSeconds  float64     `json:"patience_seconds,omitempty"`
	Redial           float64     `json:"redial,omitempty"`
	Concurrency      int         `json:"concurrency"`
	ThresholdSeconds float64     `json:"threshold_seconds"`
	Definition       string      `json:"definition"`
	Shrinkage        float64     `json:"shrinkage"`
	Currency         string      `json:"currency,omitempty"`
	Solved           bool        `json:"solved"` // the first row is the fewest agents meeting --target
	Rows             []erlangRow `json:"rows"`
}

// shortDur formats seconds as a duration without zero tails: 30m, 1h, 3m20s.
func shortDur(sec float64) string {
	s := time.Duration(sec * float64(time.Second)).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func ptr(x float64) *float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return nil
	}
	return &x
}

// row evaluates the model for n agents.
func (a *erlangArgs) row(n int) (erlangRow, error) {
	r := erlangRow{Agents: n, Servers: n * a.concurrency}
	r.Scheduled = int(math.Ceil(float64(n)/(1-a.shrinkage) - 1e-9))
	if a.costPerHour > 0 {
		r.Cost = ptr(float64(r.Scheduled) * a.interval.Hours() * a.costPerHour)
	}
	q := a.q
	q.Agents = r.Servers
	if err := q.Validate(); err != nil {
		return r, err
	}
	switch a.model {
	case "b":
		b := erlang.B(r.Servers, q.Load())
		r.PBlock, r.Occupancy = ptr(b), q.Load()*(1-b)/float64(r.Servers)
		return r, nil
	case "x":
		x, err := erlang.Retrial{Queue: q, Redial: a.redial}.Figures()
		if err != nil {
			return r, err
		}
		at := q
		at.Rate = x.OfferedRate
		r.fill(x.Figures, at.ServiceLevel(a.threshold, a.def))
		r.PLost, r.Attempts = ptr(x.PLost), ptr(x.Attempts)
		return r, nil
	}
	r.fill(q.Figures(), q.ServiceLevel(a.threshold, a.def))
	if a.model == "c" {
		r.PAbandon = nil
	}
	return r, nil
}

func (r *erlangRow) fill(f erlang.Figures, sl float64) {
	r.PWait, r.PAbandon, r.ServiceLevel, r.ASASeconds, r.Occupancy = ptr(f.PWait), ptr(f.PAbandon), ptr(sl), ptr(f.ASA), f.Occupancy
}

// meets reports whether the row reaches the goals (for models Agents cannot solve).
func (r erlangRow) meets(target, maxAbandon, maxOcc float64) bool {
	ok := r.Occupancy <= maxOcc || maxOcc == 0
	if r.PBlock != nil {
		return ok && 1-*r.PBlock >= target
	}
	if maxAbandon > 0 && (r.PLost == nil || *r.PLost > maxAbandon) {
		return false
	}
	return ok && r.ServiceLevel != nil && *r.ServiceLevel >= target
}

// printTable prints one row per agent count.
func (a *erlangArgs) printTable(e env, rows []erlangRow) error {
	fmt.Fprintf(e.stdout, "%s, %s: %.4g arrivals/hour, AHT %v, load %.4g erlangs", a.name(), a.channel, a.q.Rate*3600,
		shortDur(a.q.AHT), a.q.Load())
	if a.q.Patience > 0 {
		fmt.Fprintf(e.stdout, ", patience %v", shortDur(a.q.Patience))
	}
	if a.model == "x" {
		fmt.Fprintf(e.stdout, ", %g%% redial", 100*a.redial)
	}
	fmt.Fprintln(e.stdout)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "agents\tscheduled\t"
	if a.model == "b" {
		head += "blocked\t"
	} else {
		head += fmt.Sprintf("SL %v\tASA (s)\t", shortDur(a.threshold))
		if a.model != "c" {
			head += "abandon\t"
		}
		if a.model == "x" {
			head += "lost\tcalls/customer\t"
		}
	}
	head += "occupancy\t"
	if a.costPerHour > 0 {
		head += fmt.Sprintf("cost per %s\t", shortDur(a.interval.Seconds()))
	}
	fmt.Fprintln(tw, head)
	for _, r := range rows {
		fmt.Fprint(tw, r.cells(a))
	}
	return tw.Flush()
}

func (r erlangRow) cells(a *erlangArgs) string {
	pct := func(p *float64) string {
		if p == nil {
			return "-\t"
		}
		return fmt.Sprintf("%.1f%%\t", 100**p)
	}
	s := fmt.Sprintf("%d\t%d\t", r.Agents, r.Scheduled)
	if a.model == "b" {
		s += pct(r.PBlock)
	} else {
		asa := "inf\t"
		if r.ASASeconds != nil {
			asa = fmt.Sprintf("%.1f\t", *r.ASASeconds)
		}
		s += pct(r.ServiceLevel) + asa
		if a.model != "c" {
			s += pct(r.PAbandon)
		}
		if a.model == "x" {
			s += pct(r.PLost) + fmt.Sprintf("%.3f\t", *r.Attempts)
		}
	}
	s += fmt.Sprintf("%.1f%%\t", 100*r.Occupancy)
	if r.Cost != nil {
		s += money(*r.Cost, a.currency) + "\t"
	}
	return s + "\n"
}
