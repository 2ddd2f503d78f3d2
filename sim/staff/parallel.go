package staff

import (
	"runtime"
	"sync"
)

// eachGroup calls f(g) for every group g on up to Options.Workers
// goroutines (0: one per CPU). f must write only what belongs to group g,
// so the outcome is the same for any number of workers.
func (p *problem) eachGroup(f func(g int)) {
	groups := len(p.queues)
	workers := p.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, groups)
	if workers <= 1 {
		for g := range groups {
			f(g)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		// Each worker exits when next is closed, after the last group is handed out.
		go func() {
			defer wg.Done()
			for g := range next {
				f(g)
			}
		}()
	}
	for g := range groups {
		next <- g
	}
	close(next)
	wg.Wait()
}
