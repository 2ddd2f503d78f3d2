package main

import "github.com/ccsim/ccsim/sim"

// MoveKind is what an animated customer is doing.
type MoveKind uint8

// Kinds of moves.
const (
	moveArrive    MoveKind = iota // entering the center
	moveContained                 // leaving the bot, resolved
	moveHangup                    // leaving the bot, unresolved
	moveAbandon                   // leaving the human queue without an answer
	numMoveKinds
)

const (
	moveLife  = 36 // ticks a move lasts on screen (0.6 s at 60 ticks a second)
	moveBurst = 3  // moves of one kind started per tick at most; the counters carry the rest
)

// Move is one customer animated on the way in or out.
type Move struct {
	Kind    MoveKind
	Intent  int
	Channel sim.Channel
	Key     uint32  // spreads moves over their lane
	From    float64 // seconds the customer had spent where it leaves from (the bot, the queue)
	Age     int     // ticks since it started
}

// Progress is how far along the move is, from 0 to 1.
func (m Move) Progress() float32 { return min(1, float32(m.Age)/moveLife) }

// Moves are the customers in flight on screen, oldest first.
type Moves struct {
	List   []Move
	fresh  [numMoveKinds]int // moves started since the last age
	serial uint64
}

// record starts the move of a contact that left (a sim observer).
func (m *Moves) record(r *sim.Record) {
	var k MoveKind
	switch r.Outcome {
	case sim.OutContained:
		k = moveContained
	case sim.OutBotHangup:
		k = moveHangup
	case sim.OutAbandoned:
		k = moveAbandon
	default:
		return
	}
	from := r.BotEnd - r.BotStart
	if k == moveAbandon {
		from = r.QueueExit - r.QueueEntry
	}
	m.add(Move{Kind: k, Intent: r.Intent, Channel: r.Channel, Key: mix(r.ID), From: from})
}

// arrive starts the moves of n contacts that arrived.
func (m *Moves) arrive(n int) {
	for range n {
		m.serial++
		m.add(Move{Kind: moveArrive, Intent: -1, Key: mix(m.serial)})
	}
}

func (m *Moves) add(mv Move) {
	if m.fresh[mv.Kind] >= moveBurst {
		return
	}
	m.fresh[mv.Kind]++
	m.List = append(m.List, mv)
}

// age moves every move on by a tick and drops the finished ones.
func (m *Moves) age() {
	keep := m.List[:0]
	for _, mv := range m.List {
		if mv.Age++; mv.Age < moveLife {
			keep = append(keep, mv)
		}
	}
	m.List = keep
	m.fresh = [numMoveKinds]int{}
}

// clear drops every move.
func (m *Moves) clear() {
	m.List = m.List[:0]
	m.fresh = [numMoveKinds]int{}
}

// mix scrambles a contact number into well-spread bits (splitmix64's finaliser).
func mix(x uint64) uint32 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return uint32(x)
}
