package sim

import (
	"fmt"
	"time"
)

// Channel is how a customer contacts the center.
type Channel uint8

// Channels. Voice and e-mail take an agent's whole attention; an agent holds
// up to Group.ChatConcurrency chats at once.
const (
	Voice Channel = iota
	Chat
	Email
	numChannels
)

var channelNames = [...]string{"voice", "chat", "email"}

func (c Channel) String() string { return channelNames[c] }

// ParseChannel returns the channel named s.
func ParseChannel(s string) (Channel, error) {
	for i, n := range channelNames {
		if n == s {
			return Channel(i), nil
		}
	}
	return 0, fmt.Errorf("unknown channel %q (voice, chat or email)", s)
}

// Skill is one skill of an agent group with the group's priority for it
// (1 = first choice; with the group-priority policy a contact reaches groups
// of priority p only after waiting (p-1) × Routing.OverflowAfter).
type Skill struct {
	Name     string
	Priority int
}

// Routing chooses between agent groups.
type Routing struct {
	Policy        string        // "longest_idle" (default): the longest-idle eligible agent; "group_priority": by skill priority with overflow
	OverflowAfter time.Duration // group_priority: wait before a contact overflows to the next priority
}

// Routing policies.
const (
	LongestIdle   = "longest_idle"
	GroupPriority = "group_priority"
)

// Shift is a block of agents working from Start to End (times of day).
type Shift struct {
	Start, End time.Duration // time of day
	Count      int           // agents on this shift
	Breaks     []Break
}

// Break takes the shift's agents off the phones for Length. With Spread,
// agent k of n starts at Start + k·Spread/n (staggered); busy agents start
// their break when they finish their current contact.
type Break struct {
	Start  time.Duration // time of day
	Length time.Duration
	Spread time.Duration
}

// Retrials makes a share of abandoning customers call again.
type Retrials struct {
	Share float64 // probability an abandoning customer calls again
	Delay Dist    // time until the new attempt
}

// Callback offers waiting voice customers a call back that keeps their place.
type Callback struct {
	OfferAbove time.Duration // offer when the expected wait exceeds this
	Accept     float64       // probability a customer accepts
}

// Experience is the customer-satisfaction model: every contact starts at Base
// (0-10) and loses points for what went wrong. See docs/model.md "Customer experience".
type Experience struct {
	Base           float64       // score of a contact resolved without trouble
	Unresolved     float64       // penalty for leaving unresolved (abandoned, hung up in the bot)
	WaitTolerance  time.Duration // waits up to this cost nothing
	WaitPerMinute  float64       // penalty per minute of wait beyond the tolerance
	FailedBot      float64       // penalty for a bot session that ended in an escalation
	RepeatInfo     float64       // penalty for repeating information (escalated without context)
	EmotionalBot   float64       // penalty for an emotionally charged contact handled by the bot
	DetractorBelow float64       // scores below this are detractors
	RepeatDelay    Dist          // time until a repeat contact (intents' repeat shares)
}

// channels lists the channels the scenario's intents use, in channel order.
func (s *Scenario) channels() []Channel {
	var used [numChannels]bool
	for _, in := range s.Intents {
		used[in.Channel] = true
	}
	var out []Channel
	for ch, u := range used {
		if u {
			out = append(out, Channel(ch))
		}
	}
	return out
}

// channelDefinition is the service-level definition used for channel ch.
func (s *Scenario) channelDefinition(ch Channel) Definition {
	if sl, ok := s.Channels[ch]; ok && sl.Definition != "" {
		return sl.Definition
	}
	return s.definition()
}
