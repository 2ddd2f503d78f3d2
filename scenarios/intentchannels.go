package scenarios

import (
	"fmt"
	"math"
	"sort"

	"github.com/ccsim/ccsim/sim"
)

// channelParts splits an intent whose contacts come over several channels
// (channels = { voice = 0.7, chat = 0.3 }) into one intent per channel, named
// "NAME/CHANNEL", each with its part of the share and every other setting of
// the intent, so each part meets its channel's service-level goal and an
// override of the intent's keys changes all its parts. Without channels it
// returns in alone.
func (l *loader) channelParts(key string, fi fileIntent, in sim.Intent) []sim.Intent {
	if len(fi.Channels) == 0 {
		return []sim.Intent{in}
	}
	if fi.Channel != "" {
		l.errs = append(l.errs, l.d.errorf(key+".channels", "intent %q gives both channel and channels; give one", fi.Name))
		return []sim.Intent{in}
	}
	type part struct {
		ch    sim.Channel
		share float64
	}
	names := make([]string, 0, len(fi.Channels))
	for name := range fi.Channels {
		names = append(names, name)
	}
	sort.Strings(names) // errors in a fixed order
	var parts []part
	sum := 0.0
	for _, name := range names {
		share := fi.Channels[name]
		ch, err := sim.ParseChannel(name)
		if err != nil {
			l.errs = append(l.errs, l.d.errorf(key+".channels."+name, "%v", err))
			continue
		}
		if !(share > 0 && share <= 1) {
			l.errs = append(l.errs, l.d.errorf(key+".channels."+name, "must be a share in (0, 1], got %g", share))
			continue
		}
		parts, sum = append(parts, part{ch, share}), sum+share
	}
	if len(parts) < len(fi.Channels) {
		return []sim.Intent{in}
	}
	if math.Abs(sum-1) > 1e-9 {
		l.errs = append(l.errs, l.d.errorf(key+".channels", "the channels' shares must sum to 1, got %.6g", sum))
		return []sim.Intent{in}
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].ch < parts[j].ch })
	out := make([]sim.Intent, len(parts))
	for i, p := range parts {
		out[i] = in
		out[i].Name = fmt.Sprintf("%s/%s", in.Name, p.ch)
		out[i].Share = in.Share * p.share
		out[i].Channel = p.ch
	}
	return out
}
