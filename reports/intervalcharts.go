package reports

import (
	"fmt"

	"github.com/ccsim/ccsim/sim"
)

// ServiceLevelChart plots the service level of each interval, with its 95 %
// confidence band, against the target.
func ServiceLevelChart(res *sim.Results) Chart {
	p := Panel{
		YLabel: fmt.Sprintf("answered within %s (%%)", seconds(res.Threshold)),
		YMin:   ptr(0), YMax: ptr(100),
	}
	s := statSeries(res.Intervals, centre, sim.MServiceLevel, 100)
	s.Label, s.Color = "service level, mean and 95 % CI", cBlue
	p.Series = []Series{s}
	p.Rules = append([]Rule{{Label: "target " + num(100*res.Target, 3) + " %", Value: 100 * res.Target, Color: cRed}},
		overall(res, sim.MServiceLevel, 100, "%")...)
	intervalAxis(&p, res.Intervals)
	return Chart{
		Name:   "service-level",
		Title:  fmt.Sprintf("Service level by interval (definition: %s)", definition(res)),
		Panels: []Panel{p},
	}
}

// ASAChart plots the average speed of answer and the abandonment rate of
// each interval with their 95 % confidence bands.
func ASAChart(res *sim.Results) Chart {
	asa := Panel{Title: "Average speed of answer (mean wait of answered contacts)", YLabel: "ASA (s)", YMin: ptr(0)}
	s := statSeries(res.Intervals, centre, sim.MASA, 1)
	s.Label, s.Color = "ASA, mean and 95 % CI", cBlue
	asa.Series = []Series{s}
	asa.Rules = overall(res, sim.MASA, 1, "s")
	intervalAxis(&asa, res.Intervals)

	ab := Panel{Title: "Abandonment (share of contacts that reached the human queue)", YLabel: "abandoned (%)", YMin: ptr(0), YCeil: ptr(100)}
	s = statSeries(res.Intervals, centre, sim.MAbandonRate, 100)
	s.Label, s.Color = "abandonment, mean and 95 % CI", cOrange
	ab.Series = []Series{s}
	ab.Rules = overall(res, sim.MAbandonRate, 100, "%")
	intervalAxis(&ab, res.Intervals)
	return Chart{Name: "asa-abandonment", Title: "Speed of answer and abandonment by interval", Panels: []Panel{asa, ab}}
}

// TrafficChart plots the contacts offered and reaching the human queue in
// each interval, and the mean number of contacts waiting for an agent.
func TrafficChart(res *sim.Results) Chart {
	vol := Panel{Title: "Contacts per interval", YLabel: "contacts", YMin: ptr(0)}
	off := statSeries(res.Intervals, centre, sim.MOffered, 1)
	off.Label, off.Color = "offered", cBlue
	hum := statSeries(res.Intervals, centre, sim.MToHuman, 1)
	hum.Label, hum.Color = "reached the human queue", cPurple
	vol.Series = []Series{off, hum}
	intervalAxis(&vol, res.Intervals)

	q := Panel{Title: "Mean queue length (time average of contacts waiting for an agent)", YLabel: "contacts waiting", YMin: ptr(0)}
	ql := statSeries(res.Intervals, centre, sim.MQueueLength, 1)
	ql.Label, ql.Color = "queue length, mean and 95 % CI", cBrown
	q.Series = []Series{ql}
	intervalAxis(&q, res.Intervals)
	return Chart{Name: "traffic", Title: "Offered contacts and queue length over the " + periodNoun(res), Panels: []Panel{vol, q}}
}

// OccupancyChart plots each agent group's occupancy and agents on duty by interval.
func OccupancyChart(res *sim.Results) Chart {
	occ := Panel{Title: "Occupancy (busy time / time on duty)", YLabel: "occupancy (%)", YMin: ptr(0), YMax: ptr(100)}
	staff := Panel{Title: "Agents on duty", YLabel: "agents (time average)", YMin: ptr(0)}
	for g, gr := range res.Groups {
		get := func(iv sim.Interval) sim.Metrics { return groupMetrics(iv, g, gr.Name) }
		s := statSeries(res.Intervals, get, sim.MOccupancy, 100)
		s.Label, s.Color = gr.Name, cBlue+g
		occ.Series = append(occ.Series, s)
		a := statSeries(res.Intervals, get, sim.MAgents, 1)
		a.Label, a.Color, a.Lo, a.Hi = gr.Name, cBlue+g, nil, nil
		staff.Series = append(staff.Series, a)
	}
	if len(res.Groups) > 1 {
		all := statSeries(res.Intervals, centre, sim.MOccupancy, 100)
		all.Label, all.Color, all.Dashed, all.Lo, all.Hi = "all agents", cGrey, true, nil, nil
		occ.Series = append(occ.Series, all)
	}
	intervalAxis(&occ, res.Intervals)
	intervalAxis(&staff, res.Intervals)
	return Chart{Name: "occupancy", Title: "Occupancy by agent group and interval", Panels: []Panel{occ, staff}}
}

// groupMetrics returns the metrics of group g (named name) in an interval, or nil.
func groupMetrics(iv sim.Interval, g int, name string) sim.Metrics {
	if g < len(iv.Groups) && iv.Groups[g].Name == name {
		return iv.Groups[g].Metrics
	}
	for _, n := range iv.Groups {
		if n.Name == name {
			return n.Metrics
		}
	}
	return nil
}

// definition is the service-level definition of res with its default applied.
func definition(res *sim.Results) sim.Definition {
	if res.Definition == "" {
		return sim.Offered
	}
	return res.Definition
}

// periodNoun is "day" for a day profile and "run" for a steady state.
func periodNoun(res *sim.Results) string {
	if res.Horizon > 0 {
		return "run"
	}
	return "day"
}
