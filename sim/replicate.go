package sim

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Options tune how Run executes a scenario. The zero value uses the
// scenario's seed and replications and one worker per CPU.
type Options struct {
	Workers      int                   // replication workers; 0: runtime.GOMAXPROCS(0)
	Seed         *uint64               // overrides the scenario's seed when set
	Replications int                   // overrides the scenario's replications when > 0
	Progress     func(done, total int) // called after each replication, from Run's goroutine; may be nil
	Details      bool                  // keep each replication's figures by skill and group (Replication.Details)
	Status       *Status               // when set, updated as the run goes (by simulated time); may be nil
}

// Run validates sc, simulates its replications on a pool of workers and merges
// them in replication order, so results are identical for any worker count.
// It returns ctx.Err() if the context is cancelled first.
func Run(ctx context.Context, sc *Scenario, opts Options) (*Results, error) {
	res, err := RunAll(ctx, []*Scenario{sc}, opts)
	if err != nil {
		return nil, err
	}
	return res[0], nil
}

// RunAll runs several scenarios on one pool of workers that takes their
// replications in turn, so that every worker stays busy however few the
// scenarios, and merges each scenario's replications in order: res[i] is
// identical to Run(ctx, scs[i], opts) for any worker count. Progress counts
// the replications of all scenarios. A scenario that fails validation stops
// the run before any simulation; the error is the first scenario's.
func RunAll(ctx context.Context, scs []*Scenario, opts Options) ([]*Results, error) {
	runs, err := prepareRuns(scs, opts)
	if err != nil {
		return nil, err
	}
	figs := make([][]*repFigures, len(runs))
	left := make([]atomic.Int64, len(runs)) // replications of each scenario still running
	out := make([]*Results, len(runs))
	for i := range runs {
		figs[i] = make([]*repFigures, runs[i].Replications)
		left[i].Store(int64(runs[i].Replications))
	}
	// The worker that finishes a scenario's last replication merges it, so
	// that merging, too, runs in parallel; the merge is in replication order
	// whichever worker does it.
	err = replicate(ctx, runs, opts, func(j repJob, hists *histFree) {
		sc := &runs[j.sc]
		r := NewRun(sc, sc.Seed, j.rep)
		r.details, r.hists = opts.Details, hists
		r.settleBots()
		if r = runToEnd(ctx, r, opts); r == nil {
			return
		}
		figs[j.sc][j.rep] = r.figures()
		hists.putCells(r.stats)
		if left[j.sc].Add(-1) == 0 && ctx.Err() == nil {
			out[j.sc] = merge(&runs[j.sc], runs[j.sc].Seed, figs[j.sc])
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// prepareRuns applies opts to copies of scs and validates them.
func prepareRuns(scs []*Scenario, opts Options) ([]Scenario, error) {
	runs := make([]Scenario, len(scs))
	for i, sc := range scs {
		s := *sc
		if opts.Seed != nil {
			s.Seed = *opts.Seed
		}
		if opts.Replications > 0 {
			s.Replications = opts.Replications
		}
		if err := s.Validate(); err != nil {
			if len(scs) > 1 {
				return nil, fmt.Errorf("sim: scenario %d (%s): %w", i, s.Name, err)
			}
			return nil, err
		}
		runs[i] = s
	}
	return runs, nil
}

// repJob is one replication of one of the runs.
type repJob struct{ sc, rep int }

// replicate calls do for every replication of runs on a pool of workers
// that takes them in turn, each worker with its own spare histograms, and
// reports progress from the calling goroutine. It returns ctx.Err() if the
// context is cancelled first.
func replicate(ctx context.Context, runs []Scenario, opts Options, do func(j repJob, hists *histFree)) error {
	var jobs []repJob
	for i := range runs {
		for rep := 0; rep < runs[i].Replications; rep++ {
			jobs = append(jobs, repJob{i, rep})
		}
	}
	if st := opts.Status; st != nil {
		st.total.Store(int64(len(jobs)) * statusScale)
		st.done.Store(0)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(jobs)))
	next := make(chan repJob)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		// Each worker exits when next is closed (all replications handed out or ctx cancelled).
		go func() {
			defer wg.Done()
			var hists histFree // this worker's spare histograms
			for j := range next {
				do(j, &hists)
				done <- struct{}{}
			}
		}()
	}
	// The feeder exits after handing out every replication or on cancellation; it closes next.
	go func() {
		defer close(next)
		for _, j := range jobs {
			select {
			case next <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	// The closer exits once every worker has; closing done ends the loop below.
	go func() { wg.Wait(); close(done) }()
	n := 0
	for range done {
		n++
		if opts.Progress != nil {
			opts.Progress(n, len(jobs))
		}
	}
	return ctx.Err()
}

// checkEvery is how many events a replication runs between looks at its context.
const checkEvery = 1 << 16

// runToEnd runs replication r to its end; it returns nil if ctx is
// cancelled first (the partial figures are discarded).
func runToEnd(ctx context.Context, r *Runner, opts Options) *Runner {
	var told int64 // this replication's work already added to opts.Status
	for !r.done {
		if ctx.Err() != nil {
			return nil
		}
		r.runEvents(checkEvery)
		if st := opts.Status; st != nil {
			now := r.progress(told)
			st.done.Add(now - told)
			told = now
		}
	}
	return r
}

// progress is the replication's simulated time done, in statusScale units;
// it stays below the whole until the replication has drained, and never
// goes back below told.
func (r *Runner) progress(told int64) int64 {
	if r.done {
		return statusScale
	}
	f := 0.0
	if r.arrEnd > 0 {
		f = r.now / r.arrEnd
	}
	return max(told, min(statusScale-1, int64(f*statusScale)))
}

// runEvents processes up to n events.
func (r *Runner) runEvents(n uint64) {
	stop := r.events + n
	for !r.done && r.events < stop {
		r.step()
	}
}
