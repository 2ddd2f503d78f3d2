package sim

import (
	"context"
	"runtime"
	"sync"
)

// Options tune how Run executes a scenario. The zero value uses the
// scenario's seed and replications and one worker per CPU.
type Options struct {
	Workers      int                   // replication workers; 0: runtime.GOMAXPROCS(0)
	Seed         *uint64               // overrides the scenario's seed when set
	Replications int                   // overrides the scenario's replications when > 0
	Progress     func(done, total int) // called after each replication, from Run's goroutine; may be nil
}

// Run validates sc, simulates its replications on a pool of workers and merges
// them in replication order, so results are identical for any worker count.
// It returns ctx.Err() if the context is cancelled first.
func Run(ctx context.Context, sc *Scenario, opts Options) (*Results, error) {
	s := *sc
	if opts.Seed != nil {
		s.Seed = *opts.Seed
	}
	if opts.Replications > 0 {
		s.Replications = opts.Replications
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, s.Replications)
	figs := make([]*repFigures, s.Replications)
	jobs := make(chan int)
	done := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		// Each worker exits when jobs is closed (all replications handed out or ctx cancelled).
		go func() {
			defer wg.Done()
			for rep := range jobs {
				figs[rep] = simulate(ctx, &s, rep)
				done <- rep
			}
		}()
	}
	// The feeder exits after handing out every replication or on cancellation; it closes jobs.
	go func() {
		defer close(jobs)
		for rep := 0; rep < s.Replications; rep++ {
			select {
			case jobs <- rep:
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
			opts.Progress(n, s.Replications)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return merge(&s, s.Seed, figs), nil
}

// checkEvery is how many events a replication runs between looks at its context.
const checkEvery = 1 << 16

// simulate runs one replication to its end, or until ctx is cancelled (then
// the partial figures are discarded by Run).
func simulate(ctx context.Context, sc *Scenario, rep int) *repFigures {
	r := NewRun(sc, sc.Seed, rep)
	for !r.done {
		if ctx.Err() != nil {
			return nil
		}
		r.runEvents(checkEvery)
	}
	return r.figures()
}

// runEvents processes up to n events.
func (r *Runner) runEvents(n uint64) {
	stop := r.events + n
	for !r.done && r.events < stop {
		r.step()
	}
}
