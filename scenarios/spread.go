package scenarios

import (
	"fmt"
	"math"
	"slices"

	"github.com/ccsim/ccsim/sim"
)

// spread splits an intent that arrives on several channels
// (channels = { voice = 0.7, chat = 0.3 }) into one part per channel, in
// channel order, each named "intent (channel)" with its share of the
// intent's contacts, so each part keeps its channel's goal while one key of
// the file (its bot_containment, say) still changes them all.
func (l *loader) spread(key string, in sim.Intent, shares map[string]float64) []sim.Intent {
	if len(shares) == 0 {
		l.errs = append(l.errs, l.d.errorf(key, "intent %q: channels needs at least one channel and its share, e.g. { voice = 0.7, chat = 0.3 }", in.Name))
		return nil
	}
	var parts []sim.Intent
	sum := 0.0
	for name, share := range shares {
		ch, err := sim.ParseChannel(name)
		if err != nil {
			l.errs = append(l.errs, l.d.errorf(key+"."+name, "%v", err))
			continue
		}
		if !(share > 0 && share <= 1) {
			l.errs = append(l.errs, l.d.errorf(key+"."+name, "a channel's share must be above 0 and at most 1, got %v", share))
			continue
		}
		p := in
		p.Name, p.Family, p.Channel = fmt.Sprintf("%s (%s)", in.Name, ch), in.Name, ch
		p.FamilyShare, p.ChannelShare = in.Share, share
		p.Share = in.Share * share
		parts = append(parts, p)
		sum += share
	}
	if len(parts) == len(shares) && math.Abs(sum-1) > 1e-9 {
		l.errs = append(l.errs, l.d.errorf(key, "intent %q: the channels' shares must sum to 1, got %.4g", in.Name, sum))
	}
	slices.SortFunc(parts, func(a, b sim.Intent) int { return int(a.Channel) - int(b.Channel) })
	return parts
}

// encodeIntents writes the intents back as the file has them: the parts of
// an intent spread over channels as one intent with its channels.
func encodeIntents(sc *sim.Scenario, f *file) error {
	for i := 0; i < len(sc.Intents); i++ {
		in := &sc.Intents[i]
		share := in.Share
		fi := fileIntent{Name: in.Name, BotContainment: in.BotContainment, Skill: in.Skill,
			Priority: in.Priority, Emotional: in.Emotional, Complex: in.Complex, Repeat: in.Repeat, BotRepeat: in.BotRepeat}
		switch {
		case in.Family != "":
			fi.Name, fi.Channels = in.Family, map[string]float64{}
			share = in.FamilyShare
			for ; i < len(sc.Intents) && sc.Intents[i].Family == in.Family; i++ {
				fi.Channels[sc.Intents[i].Channel.String()] = sc.Intents[i].ChannelShare
			}
			i--
		case in.Channel != sim.Voice:
			fi.Channel = in.Channel.String()
		}
		fi.Share = &share
		var err error
		if fi.HandleTime, err = encodeDist(in.HandleTime); err != nil {
			return fmt.Errorf("intent %q: handle_time: %w", fi.Name, err)
		}
		f.Intents = append(f.Intents, fi)
	}
	return nil
}
