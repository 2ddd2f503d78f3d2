package erlang

import (
	"errors"
	"math"
)

// Retrial is Erlang X in the sense of Koole's calculators: an Erlang A
// queue whose abandoning customers call again with probability Redial.
// Redials are taken to join the fresh arrivals as one Poisson stream, so the
// offered rate λ' solves the balance λ' = λ + Redial·λ'·PAbandon(λ'); the
// queue's figures are those of the Erlang A queue at rate λ'.
type Retrial struct {
	Queue          // Rate is the fresh arrival rate, per second; Patience must be positive
	Redial float64 // Redial is the probability that a customer who abandons calls again, in [0, 1).
}

// RetrialFigures are the steady-state figures of a Retrial queue.
type RetrialFigures struct {
	Figures             // per attempt (fresh call or redial), as in an Erlang A queue at OfferedRate
	OfferedRate float64 // OfferedRate is fresh arrivals plus redials, per second.
	Attempts    float64 // Attempts is the mean number of calls a fresh customer makes (OfferedRate / Rate).
	PLost       float64 // PLost is the share of fresh customers who abandon and do not call again.
}

// ErrRetrialSetup is returned for a Retrial without patience or with a redial probability outside [0, 1).
var ErrRetrialSetup = errors.New("erlang: retrials need a positive patience and a redial probability in [0, 1)")

// Figures solves the balance equation by bisection on [λ, λ/(1−Redial)]
// (PAbandon ≤ 1 bounds λ' above) to a relative precision of 1e-14, and
// returns the Erlang A figures at the offered rate with the loss per fresh
// customer: PLost = λ'·PAbandon·(1−Redial)/λ.
func (x Retrial) Figures() (RetrialFigures, error) {
	if err := x.Queue.Validate(); err != nil {
		return RetrialFigures{}, err
	}
	if !(x.Patience > 0) || math.IsInf(x.Patience, 1) || !(x.Redial >= 0 && x.Redial < 1) {
		return RetrialFigures{}, ErrRetrialSetup
	}
	lambda := x.Rate
	if lambda == 0 {
		return RetrialFigures{Figures: Figures{Stable: true}, Attempts: 1}, nil
	}
	q := x.Queue
	excess := func(rate float64) float64 { // λ + r·λ'·Pab(λ') − λ'
		q.Rate = rate
		return lambda + x.Redial*rate*q.Figures().PAbandon - rate
	}
	lo, hi := lambda, lambda/(1-x.Redial)
	for i := 0; i < 200 && (hi-lo) > 1e-14*hi; i++ {
		mid := lo + (hi-lo)/2
		if excess(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	q.Rate = lo + (hi-lo)/2
	f := q.Figures()
	return RetrialFigures{Figures: f, OfferedRate: q.Rate, Attempts: q.Rate / lambda,
		PLost: q.Rate * f.PAbandon * (1 - x.Redial) / lambda}, nil
}
