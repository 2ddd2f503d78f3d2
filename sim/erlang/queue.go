package erlang

import (
	"errors"
	"math"
)

// Queue is a stationary M/M/c+M system: Poisson arrivals, exponential
// handle and patience times, c identical agents, first come first served.
// With Patience 0 or +Inf nobody abandons and the queue is Erlang C;
// otherwise it is Erlang A (Palm's model, Garnett, Mandelbaum and Reiman).
type Queue struct {
	Rate     float64 // Rate is the arrival rate, arrivals per second.
	AHT      float64 // AHT is the mean handle time, seconds.
	Agents   int     // Agents is the number of agents c.
	Patience float64 // Patience is the mean patience, seconds; 0 or +Inf means customers never abandon (Erlang C).
}

// Validate reports whether q describes a queue Figures can evaluate.
func (q Queue) Validate() error {
	switch {
	case !(q.Rate >= 0) || math.IsInf(q.Rate, 1):
		return errors.New("erlang: rate must be non-negative and finite")
	case !(q.AHT > 0) || math.IsInf(q.AHT, 1):
		return errors.New("erlang: handle time must be positive and finite")
	case q.Agents <= 0:
		return errors.New("erlang: agents must be positive")
	case !(q.Patience >= 0):
		return errors.New("erlang: patience must be non-negative")
	}
	return nil
}

// Load returns the offered load Rate·AHT, erlangs.
func (q Queue) Load() float64 { return q.Rate * q.AHT }

// Figures are the steady-state performance figures of a Queue.
type Figures struct {
	PWait       float64 // PWait is the probability an arrival finds all agents busy and has to wait.
	PAbandon    float64 // PAbandon is the probability an arrival abandons (0 for Erlang C).
	ASA         float64 // ASA is the mean wait of answered customers, seconds, zero waits included.
	MeanWait    float64 // MeanWait is the mean time in queue over all arrivals (answered and abandoned), seconds.
	QueueLength float64 // QueueLength is the mean number of customers waiting.
	Occupancy   float64 // Occupancy is the mean share of agents busy, busy agents / agents.
	Stable      bool    // Stable is false for Erlang C with load >= agents; then PWait and Occupancy are 1 and waits and QueueLength +Inf.
}

// Figures returns the steady-state figures of q. It returns NaN figures
// when q is invalid (see Validate) and zero figures when Rate is 0.
//
// Erlang C uses the classical closed forms. Erlang A uses the birth–death
// stationary distribution of the number N in system, with birth rate λ and
// death rate min(k, c)μ + max(k−c, 0)θ: states below c follow from B(c, a),
// and the queue tail is summed as ratios r_j = π(c+j)/π(c) until the rest
// is negligible. By PASTA, PWait = P(N ≥ c); MeanWait = QueueLength/λ
// (Little); PAbandon = θ·QueueLength/λ; Occupancy = λ(1−PAbandon)·AHT/c.
// An arrival finding j customers ahead is served with probability
// cμ/(cμ+(j+1)θ) and then waits Σ_{k=1..j+1} 1/(cμ+kθ) on average, which
// gives ASA. The work grows with the number of queue states that matter,
// about (λ−cμ)·Patience for an overloaded queue; the sum stops at 2^26 terms.
// Patience below 1e-300 s counts as 1e-300 s.
func (q Queue) Figures() Figures {
	if q.Validate() != nil {
		nan := math.NaN()
		return Figures{PWait: nan, PAbandon: nan, ASA: nan, MeanWait: nan, QueueLength: nan, Occupancy: nan}
	}
	if q.Rate == 0 {
		return Figures{Stable: true}
	}
	m := q.model()
	if m.theta == 0 {
		return m.erlangC()
	}
	return m.erlangA()
}

// model is a valid Queue with a positive rate, expressed in rates per second.
type model struct {
	c      int
	lambda float64 // arrivals per second
	aht    float64 // mean handle time, seconds
	mu     float64 // services per second per agent, 1/aht
	theta  float64 // abandonments per second per waiting customer; 0 for Erlang C
}

func (q Queue) model() model {
	m := model{c: q.Agents, lambda: q.Rate, aht: q.AHT, mu: 1 / q.AHT}
	if q.Patience > 0 && !math.IsInf(q.Patience, 1) {
		m.theta = math.Min(1/q.Patience, maxTheta)
	}
	return m
}

// load returns the offered load a = λ/μ, erlangs.
func (m model) load() float64 { return m.lambda * m.aht }

// stable reports whether the queue has a steady state: always with
// abandonment, only for a < c without.
func (m model) stable() bool { return m.theta > 0 || m.load() < float64(m.c) }

func (m model) erlangC() Figures {
	a, c := m.load(), float64(m.c)
	if !m.stable() {
		inf := math.Inf(1)
		return Figures{PWait: 1, ASA: inf, MeanWait: inf, QueueLength: inf, Occupancy: 1}
	}
	pw := C(m.c, a)
	wait := pw * m.aht / (c - a)
	return Figures{
		PWait:       pw,
		ASA:         wait,
		MeanWait:    wait,
		QueueLength: m.lambda * wait,
		Occupancy:   a / c,
		Stable:      true,
	}
}

func (m model) erlangA() Figures {
	cm := float64(m.c) * m.mu
	var h float64 // Σ_{k=1..j+1} 1/(cμ+kθ): mean wait of a served arrival finding j ahead
	total, s, logScale := m.tail(3, func(j int, out []float64) {
		d := cm + float64(j+1)*m.theta
		h += 1 / d
		out[0] = float64(j)
		out[1] = cm / d
		out[2] = cm / d * h
	})
	pw := m.pWait(total, logScale)
	ql := pw * s[0] / total
	wait := ql / m.lambda
	pab := clamp01(m.theta * wait)
	served := (1 - pw) + pw*s[1]/total
	var asa float64
	if served > 0 {
		asa = pw * s[2] / total / served
	}
	return Figures{
		PWait:       pw,
		PAbandon:    pab,
		ASA:         asa,
		MeanWait:    wait,
		QueueLength: ql,
		Occupancy:   clamp01(m.lambda * (1 - pab) * m.aht / float64(m.c)),
		Stable:      true,
	}
}

// pWait returns P(N ≥ c) given T = Σ_j r_j = total·e^logScale. With
// π(c) = B·Σ_{k≤c} π(k), P(N ≥ c) = B·T / (1 − B + B·T), evaluated in logs
// so that neither a tiny B nor a huge T overflows.
func (m model) pWait(total, logScale float64) float64 {
	b := B(m.c, m.load())
	if b == 0 {
		return 0
	}
	z := math.Log1p(-b) - math.Log(b) - math.Log(total) - logScale
	return 1 / (1 + math.Exp(z))
}

const (
	maxTheta  = 1e300   // cap on θ, per second: patience below 1e-300 s counts as 1e-300 s
	maxTerms  = 1 << 26 // cap on the number of queue states summed
	tailTol   = 1e-17   // relative size of the neglected queue tail
	rescaleAt = 1e250   // weights above this are scaled down by it
)

// tail sums n functions f_k(j) of the number j of customers an arrival
// finds waiting ahead of it (N = c+j), weighted by the Erlang A ratios
// r_j = π(c+j)/π(c) = Π_{i=1..j} λ/(cμ+iθ). term(j, out) stores f_k(j)
// in out[k]; it is called for j = 0, 1, 2, … in order, so it may keep
// running state. tail returns total = Σ r_j and sums[k] = Σ r_j·f_k(j),
// both divided by e^logScale to avoid overflow. It stops once the rest,
// bounded by a geometric series, is below tailTol·total even for f_k
// growing linearly in j.
func (m model) tail(n int, term func(j int, out []float64)) (total float64, sums []float64, logScale float64) {
	sums = make([]float64, n)
	out := make([]float64, n)
	cm := float64(m.c) * m.mu
	r := 1.0
	for j := 0; j < maxTerms; j++ {
		term(j, out)
		total += r
		for k, f := range out {
			sums[k] += r * f
		}
		rho := m.lambda / (cm + float64(j+1)*m.theta) // r_{j+1}/r_j, falling in j
		if rho < 1 {
			g := 1 / (1 - rho)
			if r*float64(j+2)*g*g <= tailTol*total {
				break
			}
		}
		r *= rho
		if r > rescaleAt {
			r /= rescaleAt
			total /= rescaleAt
			for k := range sums {
				sums[k] /= rescaleAt
			}
			logScale += math.Log(rescaleAt)
		}
	}
	return total, sums, logScale
}

// clamp01 confines a probability to [0, 1] against rounding.
func clamp01(p float64) float64 { return math.Min(1, math.Max(0, p)) }
