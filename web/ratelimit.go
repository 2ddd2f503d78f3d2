package web

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"
)

// The doors of the room API (opening a room, joining one, signing in with a
// room's secret or the admin token) are rate limited per client address: a
// token bucket per kind of request bounds the work an address can ask for,
// and failures (a join code that opens no room, a wrong secret) make the
// address wait longer and longer before its next attempt, whether or not
// that attempt would succeed. Failures are forgotten one per failDecay,
// so a classroom behind one address that mistypes a few codes is not held up.
// See the README's security section for the guessing arithmetic.
const (
	failFree     = 5                // failures an address may make without waiting
	failDecay    = time.Minute      // one failure is forgotten per failDecay
	failMaxDelay = 60 * time.Second // the longest wait after a failure
	limitsPrune  = 10000            // addresses tracked before idle ones are dropped
)

// limitKind is a kind of request with its own bucket.
type limitKind int

const (
	limitCreate limitKind = iota // opening a room
	limitJoin                    // joining, signing in
	limitKinds
)

// bucketPolicy is a token bucket: burst requests at once, then perSec per second.
type bucketPolicy struct{ burst, perSec float64 }

var limitPolicies = [limitKinds]bucketPolicy{
	limitCreate: {burst: 10, perSec: 1.0 / 6}, // 10 rooms, then one every 6 s
	limitJoin:   {burst: 300, perSec: 5},      // a classroom of 300 behind one address
}

// addrState is one address's buckets and failures.
type addrState struct {
	tokens  [limitKinds]float64
	last    [limitKinds]time.Time
	fails   float64   // decays by one per failDecay
	decayed time.Time // when fails was last decayed
	seen    time.Time
}

// addrLimits tracks the addresses that knocked recently. It is safe for concurrent use.
type addrLimits struct {
	mu  sync.Mutex
	now func() time.Time
	by  map[netip.Prefix]*addrState
}

func newAddrLimits(now func() time.Time) *addrLimits {
	return &addrLimits{now: now, by: map[netip.Prefix]*addrState{}}
}

// clientKey is the address of r's client: the IPv4 address, or the /64 of
// an IPv6 address (one subscriber's usual allocation).
func clientKey(r *http.Request) netip.Prefix {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Prefix{}
	}
	a = a.Unmap()
	bits := 32
	if a.Is6() {
		bits = 64
	}
	p, _ := a.Prefix(bits)
	return p
}

// state returns the state of key, creating it; l.mu must be held.
func (l *addrLimits) state(key netip.Prefix, now time.Time) *addrState {
	st := l.by[key]
	if st == nil {
		if len(l.by) >= limitsPrune {
			l.prune(now)
		}
		st = &addrState{}
		for k := range st.tokens {
			st.tokens[k], st.last[k] = limitPolicies[k].burst, now
		}
		l.by[key] = st
	}
	st.seen = now
	// Forget failures, one per failDecay.
	if st.fails > 0 {
		st.fails = math.Max(0, st.fails-now.Sub(st.decayed).Seconds()/failDecay.Seconds())
	}
	st.decayed = now
	return st
}

// prune drops addresses with full buckets and no failures; l.mu must be held.
func (l *addrLimits) prune(now time.Time) {
	for k, st := range l.by {
		if st.fails == 0 && now.Sub(st.seen) > time.Hour {
			delete(l.by, k)
		}
	}
}

// failDelay is how long an address with f failures waits between attempts.
func failDelay(f float64) time.Duration {
	n := int(math.Ceil(f-1e-9)) - failFree
	if n < 0 {
		return 0
	}
	if n > 6 {
		return failMaxDelay
	}
	return min(failMaxDelay, time.Second<<n)
}

// take spends one request of kind for r's address; it returns 0, or how
// long the address must wait.
func (l *addrLimits) take(r *http.Request, kind limitKind) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	st := l.state(clientKey(r), now)
	if d := failDelay(st.fails); d > 0 && now.Sub(st.lastAttempt(kind)) < d {
		return d - now.Sub(st.lastAttempt(kind))
	}
	p := limitPolicies[kind]
	st.tokens[kind] = math.Min(p.burst, st.tokens[kind]+now.Sub(st.last[kind]).Seconds()*p.perSec)
	st.last[kind] = now
	if st.tokens[kind] < 1 {
		return time.Duration((1 - st.tokens[kind]) / p.perSec * float64(time.Second))
	}
	st.tokens[kind]--
	return 0
}

// lastAttempt is the time of the address's last request of kind.
func (st *addrState) lastAttempt(kind limitKind) time.Time { return st.last[kind] }

// fail counts a failed attempt of r's address.
func (l *addrLimits) fail(r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	st := l.state(clientKey(r), now)
	st.fails++
}

// allow spends one request of kind for r, answering 429 with Retry-After
// and reporting false when the address must wait.
func (s *Server) allow(w http.ResponseWriter, r *http.Request, kind limitKind) bool {
	d := s.limits.take(r, kind)
	if d <= 0 {
		return true
	}
	secs := int(math.Ceil(d.Seconds()))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeError(w, http.StatusTooManyRequests, fmt.Sprintf("too many attempts from your address; try again in %d s", secs))
	return false
}
