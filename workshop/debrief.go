package workshop

import (
	"sort"

	"github.com/ccsim/ccsim/trainer"
)

// Debrief is the report on a whole room.
type Debrief struct {
	Room     Info              `json:"room"`
	Trainees []TraineeDebrief  `json:"trainees"` // every trainee not removed; the figures below count only these
	Removed  []TraineeDebrief  `json:"removed"`  // removed trainees, shown apart and left out of every figure
	Outcomes []Count           `json:"outcomes"`
	Heatmap  []HeatScript      `json:"heatmap"`
	Pulse    *RoundSummary     `json:"pulse,omitempty"` // under the anonymity threshold
	Dims     []string          `json:"dims"`            // every rubric dimension, in first-seen order
	Labels   map[string]string `json:"dim_labels"`
}

// TraineeDebrief is one trainee's part of the room debrief.
type TraineeDebrief struct {
	Seat    int              `json:"seat"`
	Name    string           `json:"name"`
	Trainee string           `json:"trainee,omitempty"`
	Script  string           `json:"script"`
	Mode    string           `json:"mode"`
	Removed bool             `json:"removed,omitempty"`
	Debrief *trainer.Debrief `json:"debrief"` // nil when the session never started
	Queue   *QueueDebrief    `json:"queue,omitempty"`
}

// QueueDebrief is what a conversation cost the queue backdrop.
type QueueDebrief struct {
	QueueFigures
	MeanWaiting float64 `json:"mean_waiting"`
}

// Count is how many trainees reached an outcome.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// HeatScript is the path heatmap of one script: visits per node per trainee.
type HeatScript struct {
	Script   string    `json:"script"`
	Trainees []string  `json:"trainees"`
	Nodes    []HeatRow `json:"nodes"`
}

// HeatRow is one node of a heatmap.
type HeatRow struct {
	Node   string `json:"node"`
	End    string `json:"end,omitempty"`
	Visits []int  `json:"visits"` // per trainee, in Trainees order
	Total  int    `json:"total"`
}

// Debrief builds the report on the whole room: every trainee's debrief,
// outcomes, the path heatmap and, with a pulse, its results. Removed
// trainees are listed apart and left out of outcomes, heatmap and pulse.
func (rm *Room) Debrief() Debrief {
	d := Debrief{Room: rm.Info(), Trainees: []TraineeDebrief{}, Removed: []TraineeDebrief{}, Outcomes: []Count{}, Heatmap: []HeatScript{},
		Dims: []string{}, Labels: map[string]string{}}
	outcomes := map[string]int{}
	for _, s := range rm.Seats {
		t := TraineeDebrief{Seat: s.Participant.Seat, Name: s.Participant.Name, Trainee: s.Participant.Trainee, Script: s.Script.Title, Mode: s.Participant.Mode,
			Removed: s.Extra.Removed}
		if s.Session != nil {
			db := s.Session.Debrief()
			t.Debrief = &db
			o := db.Outcome
			if o == "" {
				o = "in progress"
			}
			if !s.Extra.Removed {
				outcomes[o]++
			}
			for _, dim := range db.Score.Dims {
				if _, ok := d.Labels[dim.ID]; !ok {
					d.Dims = append(d.Dims, dim.ID)
					d.Labels[dim.ID] = cmp(dim.Label, dim.ID)
				}
			}
		}
		if q := s.Extra.Queue; q != nil {
			t.Queue = &QueueDebrief{QueueFigures: *q, MeanWaiting: q.MeanWaiting()}
		}
		if s.Extra.Removed {
			d.Removed = append(d.Removed, t)
		} else {
			d.Trainees = append(d.Trainees, t)
		}
	}
	for o, n := range outcomes {
		d.Outcomes = append(d.Outcomes, Count{o, n})
	}
	sort.Slice(d.Outcomes, func(i, j int) bool { return d.Outcomes[i].Name < d.Outcomes[j].Name })
	d.Heatmap = rm.heatmap()
	d.Pulse = rm.PulseSummary("")
	return d
}

// cmp returns a unless it is empty, else b.
func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// heatmap counts node visits per trainee for each script of the room.
func (rm *Room) heatmap() []HeatScript {
	var out []HeatScript
	for _, sc := range rm.Scripts {
		hs := HeatScript{Script: sc.Title, Trainees: []string{}}
		var seats []*Seat
		for _, s := range rm.Seats {
			if s.Script == sc && s.Session != nil && !s.Extra.Removed {
				seats = append(seats, s)
				hs.Trainees = append(hs.Trainees, s.Participant.Name)
			}
		}
		for _, n := range sc.Nodes {
			row := HeatRow{Node: n.ID, End: n.End, Visits: make([]int, len(seats))}
			for i, s := range seats {
				row.Visits[i] = s.Session.Visits(n.ID)
				row.Total += row.Visits[i]
			}
			hs.Nodes = append(hs.Nodes, row)
		}
		out = append(out, hs)
	}
	return out
}
