package web

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/trainer"
)

// roomDebrief is the report on a whole room.
type roomDebrief struct {
	Room     roomInfo          `json:"room"`
	Trainees []traineeDebrief  `json:"trainees"`
	Outcomes []count           `json:"outcomes"`
	Heatmap  []heatScript      `json:"heatmap"`
	Pulse    []pulseResult     `json:"pulse,omitempty"`
	Dims     []string          `json:"dims"` // every rubric dimension, in first-seen order
	Labels   map[string]string `json:"dim_labels"`
}

// traineeDebrief is one trainee's part of the room debrief.
type traineeDebrief struct {
	Seat    int              `json:"seat"`
	Name    string           `json:"name"`
	Trainee string           `json:"trainee,omitempty"`
	Script  string           `json:"script"`
	Mode    string           `json:"mode"`
	Removed bool             `json:"removed,omitempty"`
	Debrief *trainer.Debrief `json:"debrief"` // nil when the session never started
	Pulse   map[string][]int `json:"pulse,omitempty"`
	Queue   *queueDebrief    `json:"queue,omitempty"`
}

// queueDebrief is what a conversation cost the queue backdrop.
type queueDebrief struct {
	queueFigures
	MeanWaiting float64 `json:"mean_waiting"`
}

type count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// heatScript is the path heatmap of one script: visits per node per trainee.
type heatScript struct {
	Script   string    `json:"script"`
	Trainees []string  `json:"trainees"`
	Nodes    []heatRow `json:"nodes"`
}

type heatRow struct {
	Node   string `json:"node"`
	End    string `json:"end,omitempty"`
	Visits []int  `json:"visits"` // per trainee, in Trainees order
	Total  int    `json:"total"`
}

// pulseResult is one pulse statement before and after.
type pulseResult struct {
	Item    string  `json:"item"`
	Before  float64 `json:"before"` // mean of answers 1-5; 0 when none
	After   float64 `json:"after"`
	NBefore int     `json:"n_before"`
	NAfter  int     `json:"n_after"`
}

// debrief builds the room's report (in the hub's goroutine).
func (h *hub) debrief() roomDebrief {
	d := roomDebrief{Room: h.info(), Trainees: []traineeDebrief{}, Outcomes: []count{}, Heatmap: []heatScript{},
		Dims: []string{}, Labels: map[string]string{}}
	outcomes := map[string]int{}
	for _, s := range h.seats {
		t := traineeDebrief{Seat: s.p.Seat, Name: s.p.Name, Trainee: s.p.Trainee, Script: s.script.Title, Mode: s.p.Mode,
			Removed: s.extra.Removed, Pulse: s.extra.Pulse}
		if s.sess != nil {
			db := s.sess.Debrief()
			t.Debrief = &db
			o := db.Outcome
			if o == "" {
				o = "in progress"
			}
			outcomes[o]++
			for _, dim := range db.Score.Dims {
				if _, ok := d.Labels[dim.ID]; !ok {
					d.Dims = append(d.Dims, dim.ID)
					d.Labels[dim.ID] = cmp(dim.Label, dim.ID)
				}
			}
		}
		if q := s.extra.Queue; q != nil {
			t.Queue = &queueDebrief{queueFigures: *q, MeanWaiting: q.MeanWaiting()}
		}
		d.Trainees = append(d.Trainees, t)
	}
	for o, n := range outcomes {
		d.Outcomes = append(d.Outcomes, count{o, n})
	}
	sort.Slice(d.Outcomes, func(i, j int) bool { return d.Outcomes[i].Name < d.Outcomes[j].Name })
	d.Heatmap = h.heatmap()
	if h.cfg.Pulse {
		d.Pulse = h.pulseResults()
	}
	return d
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// heatmap counts node visits per trainee for each script of the room.
func (h *hub) heatmap() []heatScript {
	var out []heatScript
	for _, sc := range h.scripts {
		hs := heatScript{Script: sc.Title, Trainees: []string{}}
		var seats []*seat
		for _, s := range h.seats {
			if s.script == sc && s.sess != nil {
				seats = append(seats, s)
				hs.Trainees = append(hs.Trainees, s.p.Name)
			}
		}
		for _, n := range sc.Nodes {
			row := heatRow{Node: n.ID, End: n.End, Visits: make([]int, len(seats))}
			for i, s := range seats {
				row.Visits[i] = s.sess.Visits(n.ID)
				row.Total += row.Visits[i]
			}
			hs.Nodes = append(hs.Nodes, row)
		}
		out = append(out, hs)
	}
	return out
}

// pulseResults averages the pulse answers before and after.
func (h *hub) pulseResults() []pulseResult {
	out := make([]pulseResult, len(pulseItems))
	for i, item := range pulseItems {
		r := pulseResult{Item: item}
		var sb, sa int
		for _, s := range h.seats {
			if a := s.extra.Pulse["before"]; i < len(a) && a[i] > 0 {
				sb += a[i]
				r.NBefore++
			}
			if a := s.extra.Pulse["after"]; i < len(a) && a[i] > 0 {
				sa += a[i]
				r.NAfter++
			}
		}
		if r.NBefore > 0 {
			r.Before = float64(sb) / float64(r.NBefore)
		}
		if r.NAfter > 0 {
			r.After = float64(sa) / float64(r.NAfter)
		}
		out[i] = r
	}
	return out
}

// roomDebrief answers the room's debrief as JSON.
func (s *Server) roomDebrief(w http.ResponseWriter, r *http.Request, h *hub) {
	d, err := h.do(r.Context(), func() (any, error) { return h.debrief(), nil })
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// roomExport downloads the debrief as JSON, CSV or HTML.
func (s *Server) roomExport(w http.ResponseWriter, r *http.Request, h *hub) {
	v, err := h.do(r.Context(), func() (any, error) { return h.debrief(), nil })
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	d := v.(roomDebrief)
	var buf bytes.Buffer
	var ctype string
	switch r.PathValue("file") {
	case "debrief.json":
		ctype = "application/json"
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(d)
	case "debrief.csv":
		ctype = "text/csv; charset=utf-8"
		err = writeDebriefCSV(&buf, d)
	case "debrief.html":
		ctype = "text/html; charset=utf-8"
		err = debriefHTML.Execute(&buf, d)
	default:
		http.NotFound(w, r)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "room-"+h.code+"-"+r.PathValue("file")))
	w.Write(buf.Bytes())
}

// writeDebriefCSV writes one row per trainee, with a column per rubric dimension.
func writeDebriefCSV(w io.Writer, d roomDebrief) error {
	cw := csv.NewWriter(w)
	head := []string{"seat", "name", "trainee", "script", "mode", "outcome", "score_pct", "band", "pass", "turns",
		"elapsed_s", "rules_fired"}
	for _, dim := range d.Dims {
		head = append(head, "dim_"+dim+"_pct")
	}
	head = append(head, "pulse_before_mean", "pulse_after_mean", "queue_mean_waiting", "queue_customer_seconds")
	cw.Write(head)
	for _, t := range d.Trainees {
		row := []string{strconv.Itoa(t.Seat), csvSafe(t.Name), csvSafe(t.Trainee), t.Script, t.Mode}
		if db := t.Debrief; db != nil {
			var rules []string
			for _, r := range db.Rules {
				rules = append(rules, r.ID)
			}
			row = append(row, db.Outcome, ftoa(db.Score.TotalPct), db.Score.Band, strconv.FormatBool(db.Score.Pass),
				strconv.Itoa(db.Turns), ftoa(db.ElapsedS), strings.Join(rules, " "))
			pct := map[string]float64{}
			for _, ds := range db.Score.Dims {
				pct[ds.ID] = ds.Pct
			}
			for _, dim := range d.Dims {
				if p, ok := pct[dim]; ok {
					row = append(row, ftoa(p))
				} else {
					row = append(row, "")
				}
			}
		} else {
			row = append(row, "", "", "", "", "", "", "")
			for range d.Dims {
				row = append(row, "")
			}
		}
		row = append(row, meanAnswer(t.Pulse["before"]), meanAnswer(t.Pulse["after"]))
		if q := t.Queue; q != nil {
			row = append(row, ftoa(q.MeanWaiting), ftoa(q.CustomerSeconds))
		} else {
			row = append(row, "", "")
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading a typed name as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func meanAnswer(a []int) string {
	n, sum := 0, 0
	for _, x := range a {
		if x > 0 {
			n++
			sum += x
		}
	}
	if n == 0 {
		return ""
	}
	return strconv.FormatFloat(float64(sum)/float64(n), 'f', 2, 64)
}

//go:embed debrief.html.tmpl
var debriefTmpl string

// debriefHTML is the self-contained HTML export; html/template escapes every value.
var debriefHTML = template.Must(template.New("debrief").Funcs(template.FuncMap{
	"pct": func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"secs": func(ms int64) string {
		return strconv.FormatFloat(float64(ms)/1000, 'f', 0, 64) + "s"
	},
}).Parse(debriefTmpl))
