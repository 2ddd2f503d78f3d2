package sim

// SkillNames lists the skills the scenario's intents need, in order of first
// appearance ("" is the default skill of intents that name none).
func (s *Scenario) SkillNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, in := range s.Intents {
		if !seen[in.Skill] {
			seen[in.Skill] = true
			names = append(names, in.Skill)
		}
	}
	return names
}

// skillValues computes the figures of one bucket's cells (one per intent)
// by skill, in SkillNames order. Wait quantiles are not kept per skill
// (they are NaN): merging the histograms would cost more than the rest.
func (r *Runner) skillValues(cells []cell, def Definition) []Values {
	names := r.sc.SkillNames()
	ix := make(map[string]int, len(names))
	for i, n := range names {
		ix[n] = i
	}
	by := make([]cell, len(names))
	for i := range cells {
		c := cells[i]
		c.hist = nil
		by[ix[r.sc.Intents[i].Skill]].add(&c)
	}
	out := make([]Values, len(names))
	for k := range by {
		out[k] = values(&by[k], nil, def)
	}
	return out
}

// channelValues computes the figures of one bucket's cells (one per intent)
// by channel, in Scenario.channels() order (Results.Channels), each with its
// channel's service-level definition.
func (r *Runner) channelValues(cells []cell) []Values {
	var out []Values
	for _, ch := range r.sc.channels() {
		var c cell
		for i := range cells {
			if r.sc.Intents[i].Channel == ch {
				x := cells[i]
				x.hist = nil
				c.add(&x)
			}
		}
		out = append(out, values(&c, nil, r.sc.channelDefinition(ch)))
	}
	return out
}
