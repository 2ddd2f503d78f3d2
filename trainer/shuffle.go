package trainer

import (
	"cmp"
	"math/rand/v2"
	"slices"
)

// shuffleSalt separates the stream that orders choices from the session's
// recorded stream, so shuffling never changes the recorded draws.
const shuffleSalt = 0x6f726465725f7331

// shuffleChoices puts the offered replies in a per-session order: a
// permutation of the node's replies drawn from a stream keyed by the session
// seed, the trainee, the node and its visit count. The same session (and its
// replay) shows the same order; another seed, trainee or visit shows another,
// so neither a position nor the file order gives the best reply away.
// Nothing is drawn from the session's recorded stream.
func (s *Session) shuffleChoices(ch []Choice) []Choice {
	if len(ch) < 2 || s.node == nil {
		return ch
	}
	idx := s.node.idx
	key := s.salt ^ uint64(idx)<<40 ^ uint64(s.visits[idx])
	r := rand.New(rand.NewPCG(s.opt.Seed^shuffleSalt, key))
	rank := map[string]int{}
	for i, j := range r.Perm(len(s.node.replies)) {
		rank[s.node.replies[j].r.ID] = i
	}
	slices.SortStableFunc(ch, func(a, b Choice) int { return cmp.Compare(rank[a.ID], rank[b.ID]) })
	return ch
}
