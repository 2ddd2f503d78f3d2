package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"text/tabwriter"
	"time"

	"github.com/ccsim/ccsim/sim/erlang"
)

// erlangArgs are the calculator's settings after parsing.
type erlangArgs struct {
	model       string // b, c, a or x
	q           erlang.Queue
	redial      float64
	channel     string // voice, chat or email
	concurrency int
	threshold   float64 // seconds (the deadline for e-mail)
	def         erlang.Definition
	shrinkage   float64
	interval    time.Duration
	costPerHour float64
	currency    string
}

// runErlang is the Erlang B, C, A and X calculator.
func runErlang(ctx context.Context, e env, args []string) error {
	fs := newFlags("erlang", "erlang --rate N|--volume N --interval D --aht D (--agents N | --target P | --table FROM..TO) [--model b|c|a|x] [--patience D] [--redial P] [--channel voice|chat|email] [--shrinkage S] [--json]", e.stderr)
	rate := fs.Float64("rate", 0, "arrivals per hour")
	volume := fs.Float64("volume", 0, "arrivals per --interval (alternative to --rate)")
	interval := fs.Duration("interval", 30*time.Minute, "interval that --volume and costs refer to")
	aht := fs.Duration("aht", 0, "mean handle time, e.g. 180s (chat: of one chat at --concurrency)")
	agents := fs.Int("agents", 0, "agents on the phones, or lines for Erlang B (omit with --target or --table)")
	patience := fs.Duration("patience", 0, "mean patience (Erlang A and X); 0: no abandonment (Erlang C)")
	redial := fs.Float64("redial", 0, "Erlang X: probability that a customer who abandons calls again, in [0, 1)")
	model := fs.String("model", "", "b (blocking, no queue), c (no abandonment), a (abandonment), x (abandonment and redials); default from the flags given")
	channel := fs.String("channel", "voice", "voice; chat (an agent holds --concurrency chats); email (answered within --deadline)")
	concurrency := fs.Int("concurrency", 1, "chat: chats one agent holds at once")
	deadline := fs.Duration("deadline", 0, "email: the answer-time goal (e.g. 4h); replaces --threshold")
	threshold := fs.Duration("threshold", 20*time.Second, "service-level threshold")
	target := fs.Float64("target", 0, "solve for the fewest agents reaching this service level, e.g. 0.8")
	def := fs.String("definition", "offered", "service-level definition: offered, answered, excl_short_abandons")
	maxAbandon := fs.Float64("max-abandon", 0, "with --target: cap on the abandonment probability")
	maxOcc := fs.Float64("max-occupancy", 0, "with --target: cap on occupancy")
	shrinkage := fs.Float64("shrinkage", 0, "share of scheduled agents not on the phones (breaks, absence, training), in [0, 1)")
	table := fs.String("table", "", "a row per agent count, e.g. --table 10..20")
	cost := fs.Float64("cost-per-hour", 0, "cost of one scheduled agent-hour (adds cost per --interval)")
	currency := fs.String("currency", "", "currency of --cost-per-hour, e.g. EUR")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, "flags only"); err != nil {
		return err
	}
	q, err := erlangQueue(*rate, *volume, *interval, *aht, *patience)
	if err != nil {
		return usageError{err}
	}
	a := erlangArgs{q: q, redial: *redial, channel: *channel, concurrency: *concurrency, threshold: threshold.Seconds(),
		def: erlang.Definition(*def), shrinkage: *shrinkage, interval: *interval, costPerHour: *cost, currency: *currency}
	if err := a.settle(*model, *deadline); err != nil {
		return usageError{err}
	}
	counts, err := a.counts(*agents, *target, *table, *maxAbandon, *maxOcc)
	if err != nil {
		return usageError{err}
	}
	rows := make([]erlangRow, len(counts))
	for i, n := range counts {
		if rows[i], err = a.row(n); err != nil {
			return usageError{err}
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, erlangDoc{Model: a.name(), Channel: a.channel, RatePerHour: a.q.Rate * 3600, AHTSeconds: a.q.AHT,
			PatienceSeconds: a.q.Patience, Redial: a.redial, Concurrency: a.concurrency, ThresholdSeconds: a.threshold,
			Definition: string(a.def), Shrinkage: a.shrinkage, Currency: a.currency, Solved: *target > 0, Rows: rows})
	}
	if *target > 0 {
		fmt.Fprintf(e.stdout, "Agents needed: %d", counts[0])
		if a.shrinkage > 0 {
			fmt.Fprintf(e.stdout, " on the phones, %d scheduled (shrinkage %g%%)", rows[0].Scheduled, 100*a.shrinkage)
		}
		fmt.Fprint(e.stdout, "\n\n")
	}
	if len(rows) == 1 && a.model != "b" && a.model != "x" {
		q := a.q
		q.Agents = rows[0].Servers
		return printFigures(e, q, a.threshold)
	}
	return a.printTable(e, rows)
}

// settle checks the flags against each other and fills in the model.
func (a *erlangArgs) settle(model string, deadline time.Duration) error {
	if model == "" {
		model = "c"
		switch {
		case a.redial > 0:
			model = "x"
		case a.q.Patience > 0:
			model = "a"
		}
	}
	a.model = model
	switch {
	case model != "b" && model != "c" && model != "a" && model != "x":
		return fmt.Errorf("--model must be b, c, a or x, got %q", model)
	case (model == "a" || model == "x") && !(a.q.Patience > 0):
		return fmt.Errorf("--model %s needs --patience (mean time before a waiting customer hangs up)", model)
	case model != "a" && model != "x" && a.q.Patience > 0:
		return fmt.Errorf("--patience goes with --model a or x, not %s", model)
	case a.redial != 0 && model != "x":
		return errors.New("--redial goes with --model x (Erlang X)")
	case !(a.redial >= 0 && a.redial < 1):
		return errors.New("--redial must be a probability in [0, 1)")
	case !(a.shrinkage >= 0 && a.shrinkage < 1):
		return errors.New("--shrinkage must be a share in [0, 1), e.g. 0.3")
	case a.concurrency < 1:
		return errors.New("--concurrency must be at least 1")
	case a.concurrency > 1 && a.channel != "chat":
		return errors.New("--concurrency goes with --channel chat")
	case a.costPerHour < 0:
		return errors.New("--cost-per-hour must not be negative")
	}
	switch a.channel {
	case "voice", "chat":
		if deadline != 0 {
			return errors.New("--deadline goes with --channel email")
		}
	case "email":
		if deadline <= 0 {
			return errors.New("--channel email needs --deadline, e.g. --deadline 4h")
		}
		a.threshold = deadline.Seconds()
	default:
		return fmt.Errorf("--channel must be voice, chat or email, got %q", a.channel)
	}
	return a.def.Validate()
}

// name is the model's full name, as printed.
func (a *erlangArgs) name() string {
	return map[string]string{"b": "Erlang B", "c": "Erlang C", "a": "Erlang A", "x": "Erlang X"}[a.model]
}

// counts returns the agent counts to evaluate: one given, one solved, or a range.
func (a *erlangArgs) counts(agents int, target float64, table string, maxAbandon, maxOcc float64) ([]int, error) {
	given := 0
	for _, set := range []bool{agents > 0, target > 0, table != ""} {
		if set {
			given++
		}
	}
	if given != 1 {
		return nil, errors.New("give exactly one of --agents N, --target P (solve for agents) or --table FROM..TO")
	}
	switch {
	case agents > 0:
		return []int{agents}, nil
	case table != "":
		var from, to int
		if _, err := fmt.Sscanf(table, "%d..%d", &from, &to); err != nil || from < 1 || to < from || to-from > 10_000 {
			return nil, fmt.Errorf("--table wants FROM..TO with 1 <= FROM <= TO and at most 10000 rows, got %q", table)
		}
		out := make([]int, 0, to-from+1)
		for n := from; n <= to; n++ {
			out = append(out, n)
		}
		return out, nil
	}
	return a.solve(target, maxAbandon, maxOcc)
}

// solve finds the fewest agents meeting the goals.
func (a *erlangArgs) solve(target, maxAbandon, maxOcc float64) ([]int, error) {
	if a.model == "b" || a.model == "x" {
		for n := 1; n <= erlang.MaxAgents; n++ {
			r, err := a.row(n)
			if err != nil {
				return nil, err
			}
			if r.meets(target, maxAbandon, maxOcc) {
				return []int{n}, nil
			}
		}
		return nil, fmt.Errorf("%w with up to %d agents", erlang.ErrUnreachable, erlang.MaxAgents)
	}
	t := erlang.Target{Threshold: a.threshold, Level: target, Definition: a.def, MaxAbandon: maxAbandon, MaxOccupancy: maxOcc}
	servers, err := erlang.Agents(a.q, t)
	if err != nil {
		return nil, err
	}
	return []int{(servers + a.concurrency - 1) / a.concurrency}, nil
}

func erlangQueue(rate, volume float64, interval, aht, patience time.Duration) (erlang.Queue, error) {
	if rate > 0 && volume > 0 {
		return erlang.Queue{}, errors.New("give --rate or --volume, not both")
	}
	perSecond := rate / 3600
	if volume > 0 {
		if interval <= 0 {
			return erlang.Queue{}, errors.New("--interval must be positive")
		}
		perSecond = volume / interval.Seconds()
	}
	if !(perSecond > 0) {
		return erlang.Queue{}, errors.New("give a positive --rate (per hour) or --volume")
	}
	if aht <= 0 {
		return erlang.Queue{}, errors.New("give a positive --aht, e.g. --aht 180s")
	}
	return erlang.Queue{Rate: perSecond, AHT: aht.Seconds(), Patience: patience.Seconds()}, nil
}

func printFigures(e env, q erlang.Queue, threshold float64) error {
	f := q.Figures()
	model := "Erlang C (no abandonment)"
	if q.Patience > 0 {
		model = fmt.Sprintf("Erlang A (mean patience %gs)", q.Patience)
	}
	fmt.Fprintf(e.stdout, "%s: %.4g arrivals/hour, AHT %gs, load %.4g erlangs, %d agents\n\n", model, q.Rate*3600, q.AHT, q.Load(), q.Agents)
	if !f.Stable {
		fmt.Fprintln(e.stdout, "Unstable: load >= agents and nobody abandons; the queue grows without bound.")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, v float64, format string) {
		s := fmt.Sprintf(format, v)
		if math.IsInf(v, 1) {
			s = "inf"
		}
		fmt.Fprintf(tw, "%s\t%s\t\n", label, s)
	}
	row("P(wait)", f.PWait, "%.6f")
	row("P(abandon)", f.PAbandon, "%.6f")
	for _, d := range []erlang.Definition{erlang.Offered, erlang.Answered, erlang.ExclShortAbandons} {
		row(fmt.Sprintf("service level %v (%s)", time.Duration(threshold*float64(time.Second)), d), q.ServiceLevel(threshold, d), "%.6f")
	}
	row("ASA (s)", f.ASA, "%.4f")
	row("mean wait, all (s)", f.MeanWait, "%.4f")
	row("mean queue length", f.QueueLength, "%.4f")
	row("occupancy", f.Occupancy, "%.4f")
	return tw.Flush()
}
