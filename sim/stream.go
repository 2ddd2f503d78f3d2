package sim

import "math/rand/v2"

// purpose names an independent random stream of a replication.
type purpose uint64

// Streams, one per random process, so that changing one part of a scenario
// leaves the draws of the others untouched (common random numbers).
const (
	streamArrivals purpose = iota + 1
	streamIntent
	streamPatience
	streamHandle
	streamBot
	streamRouting // extra per-contact uniforms: emotional, retrial, callback, repeat
	streamRetrial // retrials and repeat contacts: their delays and attributes
	streamDemand  // the day's busyness factor
)

// newStream returns the PCG generator for (seed, replication, purpose).
func newStream(seed uint64, rep int, p purpose) *rand.Rand {
	a := splitmix(seed ^ splitmix(uint64(rep)+0x9e3779b97f4a7c15))
	b := splitmix(a ^ splitmix(uint64(p)*0xda3e39cb94b95bdb))
	return rand.New(rand.NewPCG(a, b))
}

// splitmix is the SplitMix64 finaliser, a bijective mixer of 64-bit values.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
