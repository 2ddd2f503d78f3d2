package sim

import (
	"math"
	"math/rand/v2"
	"time"
)

var inf = math.Inf(1)

// Runner is one replication of a scenario that can be driven step by step.
// It is not safe for concurrent use.
type Runner struct {
	sc  *Scenario
	rep int
	now float64 // seconds since the run's start

	cal     calendar
	timers  timers // patience timers of waiting contacts
	cs      contacts
	router  *router
	staff   staff
	stats   *tally
	scratch cell // absorbs the statistics of contacts outside the measured window

	rArr, rIntent, rPat, rHandle, rBot, rExtra, rRetry *rand.Rand

	staffing    []staffChange
	skillGroups [][]int // groups having each skill
	chatMax     []int   // per group
	needExtra   bool    // some feature uses the contacts' extra uniforms
	rate        float64 // arrival-rate multiplier of this replication (day factor × busyness)

	day      bool      // arrivals follow a day profile (Arrivals.Day, kept: calling it copies the Arrivals)
	nextArr  float64   // time of the next arrival; +Inf when arrivals are over
	arrEnd   float64   // arrivals stop here (day) or stop being counted (steady state)
	cum      []float64 // cumulative intent shares
	guide    []uint16  // where arrive's search of cum starts (see intentGuide)
	arrWidth float64   // day profile: its interval, seconds
	arrRates []float64 // day profile: arrivals per second of each interval (× rate)
	handle   []sampler // per intent: its handle time
	interval float64   // reporting interval, seconds; +Inf when there is one bucket
	origin   float64   // start of bucket 0
	buckets  int
	thresh   float64 // service-level threshold, seconds

	measuring bool    // inside [warm-up, horizon): time integrals accumulate
	counting  bool    // arrivals now are counted
	queueMark float64 // the queue-length integral is settled up to here
	spanMark  float64 // the interval's seconds are settled up to here
	span      int     // bucket the time integrals go to
	pending   int     // counted contacts still in the system
	botBusy   int
	events    uint64
	arrivals  uint64 // contacts created so far
	done      bool

	observe func(*Record) // nil: no records
	details bool          // figures keep per-replication details (Options.Details)
	hists   *histFree     // where cell histograms come from; nil: allocate each
	noWaits bool          // keep no wait histograms (RunCounts)
	// settleBot settles a bot session that ends without a human when it
	// starts, with no event for its end (see settleBots).
	settleBot bool
	rec       Record // reused for every record
}

// NewRun prepares replication rep of sc with the given seed. sc must be valid
// (see Scenario.Validate); NewRun keeps a pointer to it, so do not change it
// while the run is in use.
func NewRun(sc *Scenario, seed uint64, rep int) *Runner {
	r := &Runner{sc: sc, rep: rep, thresh: sc.ServiceLevel.Threshold.Seconds()}
	r.rArr = newStream(seed, rep, streamArrivals)
	r.rIntent = newStream(seed, rep, streamIntent)
	r.rPat = newStream(seed, rep, streamPatience)
	r.rHandle = newStream(seed, rep, streamHandle)
	r.rBot = newStream(seed, rep, streamBot)
	r.rExtra = newStream(seed, rep, streamRouting)
	r.rRetry = newStream(seed, rep, streamRetrial)
	r.rate = 1
	r.needExtra = sc.Retrials != nil || sc.Callback != nil || sc.Experience != nil
	for _, in := range sc.Intents {
		r.needExtra = r.needExtra || in.Emotional > 0
	}
	if f := sc.Arrivals.DayFactor; f > 0 {
		r.rate = f
	}
	if k := sc.Arrivals.Overdispersion; k > 0 && !math.IsInf(k, 1) {
		r.rate *= gammaRand(newStream(seed, rep, streamDemand), k) / k
	}
	sum := 0.0
	for _, in := range sc.Intents {
		sum += in.Share
		r.cum = append(r.cum, sum)
		r.handle = append(r.handle, fastSampler(in.HandleTime))
	}
	r.cum[len(r.cum)-1] = math.Inf(1) // rounding never leaves a draw unassigned
	r.guide = intentGuide(r.cum)
	r.day = sc.Arrivals.Day()
	if a := &sc.Arrivals; r.day {
		r.arrWidth = a.Interval.Seconds()
		for _, n := range a.Profile {
			r.arrRates = append(r.arrRates, n*r.rate/r.arrWidth)
		}
	}
	var peak []int
	r.staffing, peak = timeline(sc)
	r.staff = newStaff(sc.Groups, peak)
	r.router = newRouter(sc, len(r.staff.agents))
	r.skillGroups = make([][]int, len(r.router.idle))
	for g := range sc.Groups {
		for _, sk := range r.router.skillsOf[g] {
			r.skillGroups[sk.skill] = append(r.skillGroups[sk.skill], g)
		}
		r.chatMax = append(r.chatMax, max(1, sc.Groups[g].ChatConcurrency))
	}
	r.buckets = max(1, sc.Intervals())
	r.stats = newTally(r.buckets, len(sc.Intents), len(sc.Groups))
	r.interval = inf
	if sc.Arrivals.Interval > 0 && sc.Intervals() > 0 {
		r.interval = sc.Arrivals.Interval.Seconds()
	}
	r.schedule()
	return r
}

// schedule sets up staffing, the first arrival and the fixed events.
func (r *Runner) schedule() {
	sc := r.sc
	r.applyStaffing(0)
	for i := 1; i < len(r.staffing); i++ {
		r.cal.push(r.staffing[i].at, evStaff, int32(i), 0)
	}
	if sc.Arrivals.Day() {
		r.arrEnd = (sc.Arrivals.Close - sc.Arrivals.Open).Seconds()
		r.measuring, r.counting = true, true
	} else {
		r.arrEnd = sc.Horizon.Seconds()
		r.origin = sc.Warmup.Seconds()
		if r.origin > 0 {
			r.cal.push(r.origin, evWarmup, 0, 0)
		} else {
			r.measuring, r.counting = true, true
		}
	}
	for k := 1; k < r.buckets; k++ {
		r.cal.push(r.origin+float64(k)*r.interval, evBoundary, int32(k), 0)
	}
	r.cal.push(r.arrEnd, evHorizon, 0, 0)
	r.nextArr = r.arrivalAfter(0)
}

// arrivalAfter returns the next arrival time after t: exponential gaps at the
// current rate, restarted at each interval boundary of a day profile
// (exact for a piecewise-constant rate, by memorylessness).
func (r *Runner) arrivalAfter(t float64) float64 {
	if !r.day {
		return t + r.rArr.ExpFloat64()*3600/(r.sc.Arrivals.Rate*r.rate)
	}
	width := r.arrWidth
	for {
		i := int(t / width)
		if i >= len(r.arrRates) {
			return inf
		}
		end := float64(i+1) * width
		if rate := r.arrRates[i]; rate > 0 {
			if next := t + r.rArr.ExpFloat64()/rate; next < end {
				return next
			}
		}
		t = end
	}
}

// bucket returns the reporting interval of time t.
func (r *Runner) bucket(t float64) int {
	if r.buckets == 1 {
		return 0
	}
	b := int((t - r.origin) / r.interval)
	return min(max(b, 0), r.buckets-1)
}

// Now returns the simulated time since the run's start.
func (r *Runner) Now() time.Duration { return time.Duration(r.now * float64(time.Second)) }

// Done reports whether the run has finished: arrivals are over and every counted contact has left.
func (r *Runner) Done() bool { return r.done }

// Events returns the number of events processed so far (arrivals included).
func (r *Runner) Events() uint64 { return r.events }

// RunUntil advances the simulation to time t (or to its end, if sooner) and
// reports whether it has finished.
func (r *Runner) RunUntil(t time.Duration) bool {
	r.runUntil(t.Seconds())
	return r.done
}

func (r *Runner) runUntil(limit float64) {
	for !r.done && r.nextTime() <= limit {
		r.step()
	}
	if !r.done && limit < inf && limit > r.now {
		r.now = limit // integrals catch up at the next event, so stepping never changes results
	}
}

// nextTime is the time of the next arrival, event or patience timer.
func (r *Runner) nextTime() float64 { return min(r.nextArr, r.cal.peek(), r.timers.peek()) }

// step processes the next arrival, event or patience timer (timers and events
// in (time, sequence) order; an arrival goes first at equal times) and notes
// when the run is over.
func (r *Runner) step() {
	e, from := r.cal.first()
	next, ab := inf, r.timers.peek()
	if e != nil {
		next = e.at()
	}
	switch {
	case r.nextArr <= next && r.nextArr <= ab:
		if r.nextArr == inf {
			r.done = true // nothing left at all
			return
		}
		r.advance(r.nextArr)
		r.arrive()
		r.nextArr = r.arrivalAfter(r.now)
	case ab < next || (ab == next && r.timers.h[0].seq < e.seq()):
		t := r.timers.h[0]
		r.advance(t.at)
		r.abandon(t.id)
	default:
		e := r.cal.pop(from)
		r.advance(e.at())
		r.dispatch(e)
	}
	r.events++
	if r.pending == 0 && !r.counting && r.now >= r.arrEnd {
		r.done = true
	}
}

// advance moves the clock to t, accumulating the time integrals.
func (r *Runner) advance(t float64) { r.now = t }

func (r *Runner) dispatch(e event) {
	switch e.kind() {
	case evDone:
		r.finishService(e.id)
	case evOverflow:
		r.overflowed(e.id, e.gen)
	case evStaff:
		r.applyStaffing(int(e.id))
	case evAgain:
		r.again(e.id)
	case evBotDone:
		r.botDone(e.id)
	case evBoundary:
		r.boundary(int(e.id))
	case evWarmup:
		r.settleAll()
		r.measuring, r.counting = true, true
	case evHorizon:
		// Arrivals stop: counted contacts ahead in their FCFS queues are not
		// affected, and a run of an unstable system still drains.
		r.settleAll()
		r.measuring, r.counting = false, false
		r.nextArr = inf
	}
}

// boundary starts interval k: statistics go to its bucket.
func (r *Runner) boundary(k int) {
	r.settleAll()
	r.span = k
}

// applyStaffing applies staffing change i and gives agents coming on duty work.
func (r *Runner) applyStaffing(i int) {
	ch := &r.staffing[i]
	r.staff.joined = r.staff.joined[:0]
	for g := range r.sc.Groups {
		r.settleGroup(g)
		r.staff.groups[g].scheduled = ch.scheduled[g]
		r.staff.setTarget(g, ch.target[g], r.now)
	}
	for _, a := range r.staff.joined {
		switch ag := &r.staff.agents[a]; {
		case ag.state == agIdle:
			r.agentFree(a)
		case ag.chats > 0 && int(ag.chats) < r.chatMax[ag.group]:
			r.chatSlotFree(a)
		}
	}
}

// settleBots makes r settle each bot session that ends without a human
// (contained or hung up) when it starts, instead of at an event when it
// ends, where nothing but its counts depends on when it ends: the bot has
// no capacity, there is no customer experience (scores, repeat contacts)
// and no observer. The counts are those of a run without it; only the
// time a replication ends (after every counted contact has left) may come
// sooner. Runs that show the floor (InBot) keep the events.
func (r *Runner) settleBots() {
	b := r.sc.Bot
	r.settleBot = b != nil && b.Capacity == 0 && r.sc.Experience == nil && r.observe == nil
}
