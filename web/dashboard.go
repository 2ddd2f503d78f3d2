package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"sync"
	"time"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

func (s *Server) dashboardRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/metrics", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sim.MetricTable()) // the pages label metrics as the CLI and reports do
	})
	mux.HandleFunc("GET /api/scenarios", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, scenarios.Names())
	})
	mux.HandleFunc("GET /api/scenarios/{name}", func(w http.ResponseWriter, r *http.Request) {
		src, ok := scenarios.Source(r.PathValue("name"))
		if !ok {
			writeError(w, http.StatusNotFound, "no such bundled scenario")
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(src)
	})
	mux.HandleFunc("POST /api/validate", s.validateScenario)
	mux.HandleFunc("GET /api/runs/{id}/charts/{chart}", s.runChart)
	mux.HandleFunc("GET /api/runs/{id}/files/{file}", s.runFile)
	mux.HandleFunc("GET /api/compare/{a}/{b}/{metric}", s.compareChart)
	mux.HandleFunc("GET /ws/run", s.serveRunWS)
}

// scenarioText is a scenario as the editor sends it.
type scenarioText struct {
	Name string `json:"name"`
	TOML string `json:"toml"`
}

// lineError is one problem in a scenario, at its line (0 when unknown).
type lineError struct {
	Line int    `json:"line"`
	Key  string `json:"key,omitempty"`
	Msg  string `json:"msg"`
}

// parseScenario loads an edited scenario, returning its problems by line.
func parseScenario(st scenarioText) (*sim.Scenario, []lineError) {
	name := st.Name
	if name == "" {
		name = "scenario.toml"
	}
	sc, err := scenarios.Parse(name, []byte(st.TOML))
	if err == nil {
		return sc, nil
	}
	var list scenarios.ErrorList
	if errors.As(err, &list) {
		out := make([]lineError, 0, len(list))
		for _, e := range list {
			out = append(out, lineError{Line: e.Line, Key: e.Key, Msg: e.Msg})
		}
		return nil, out
	}
	var one *scenarios.Error
	if errors.As(err, &one) {
		return nil, []lineError{{Line: one.Line, Key: one.Key, Msg: one.Msg}}
	}
	return nil, []lineError{{Msg: err.Error()}}
}

// validateScenario answers the problems of an edited scenario.
func (s *Server) validateScenario(w http.ResponseWriter, r *http.Request) {
	var st scenarioText
	if !readJSON(w, r, &st) {
		return
	}
	_, errs := parseScenario(st)
	if errs == nil {
		errs = []lineError{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"errors": errs})
}

func (s *Server) run(w http.ResponseWriter, r *http.Request) (reports.Run, bool) {
	run, ok := s.runs.get(r.PathValue("id"))
	if !ok {
		writeError(w, http.StatusNotFound, "no such run (runs are kept in memory; the server may have restarted)")
	}
	return run, ok
}

// runChart renders one chart of a run as SVG.
func (s *Server) runChart(w http.ResponseWriter, r *http.Request) {
	run, ok := s.run(w, r)
	if !ok {
		return
	}
	for _, c := range (reports.Report{Results: run.Results}).Charts() {
		if c.Name+".svg" == r.PathValue("chart") {
			writeSVG(w, c)
			return
		}
	}
	http.NotFound(w, r)
}

func writeSVG(w http.ResponseWriter, c reports.Chart) {
	var buf bytes.Buffer
	if err := reports.Render(&buf, c, reports.SVG); err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Write(buf.Bytes())
}

// runFile downloads a run's results or report.
func (s *Server) runFile(w http.ResponseWriter, r *http.Request) {
	run, ok := s.run(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	var err error
	var ctype string
	rep := reports.Report{Results: run.Results}
	switch file := r.PathValue("file"); file {
	case "results.json":
		ctype = "application/json"
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(run.Results)
	case "summary.csv":
		ctype, err = "text/csv; charset=utf-8", reports.WriteSummaryCSV(&buf, run.Results)
	case "replications.csv":
		ctype, err = "text/csv; charset=utf-8", reports.WriteReplicationsCSV(&buf, run.Results)
	case "report.html":
		ctype, err = "text/html; charset=utf-8", rep.WriteHTML(&buf)
	case "report.pdf":
		ctype, err = "application/pdf", rep.WritePDF(&buf)
	case "summary.txt":
		ctype, err = "text/plain; charset=utf-8", reports.WriteSummary(&buf, run.Results)
	default:
		http.NotFound(w, r)
		return
	}
	writeDownload(w, ctype, "run-"+r.PathValue("id")+"-"+r.PathValue("file"), buf.Bytes(), err)
}

// compareChart draws one metric of two runs side by side.
func (s *Server) compareChart(w http.ResponseWriter, r *http.Request) {
	a, okA := s.runs.get(r.PathValue("a"))
	b, okB := s.runs.get(r.PathValue("b"))
	if !okA || !okB {
		writeError(w, http.StatusNotFound, "no such run")
		return
	}
	metric, _ := cutSuffix(r.PathValue("metric"), ".svg")
	writeSVG(w, reports.CompareChart(metric, []reports.Run{a, b}))
}

func cutSuffix(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// runRequest asks the dashboard socket to run or cancel.
type runRequest struct {
	T            string `json:"t"` // run or cancel
	Name         string `json:"name"`
	TOML         string `json:"toml"`
	Replications int    `json:"replications"`
}

// serveRunWS runs simulations for one dashboard page: progress, a
// provisional result after the first replication, then the results. This
// handler's goroutine reads; writeLoop writes; the page's current run sends
// on c.send (progress only when there is room, so a slow page never holds
// a run up).
func (s *Server) serveRunWS(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader().Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := newConn(ws, maxRunText, s.Now)
	stop := context.AfterFunc(s.ctx, func() { ws.Close() }) // shutdown ends the reader
	defer stop()
	// The writer exits when send is closed below, after the last run has stopped.
	go c.writeLoop()
	var cur pageRun
	c.readLoop(func(data []byte) bool { return s.onRunMessage(&cur, data, c.send) })
	cur.stop()
	close(c.send)
}

// pageRun is the simulation a dashboard page has running, if any.
type pageRun struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// stop cancels the run and waits for its goroutine to end.
func (p *pageRun) stop() {
	if p.cancel != nil {
		p.cancel()
	}
	p.wg.Wait()
}

// onRunMessage handles a page's run or cancel; it reports false on garbage.
func (s *Server) onRunMessage(p *pageRun, data []byte, out chan<- []byte) bool {
	var req runRequest
	if json.Unmarshal(data, &req) != nil {
		return false
	}
	p.stop()
	if req.T != "run" {
		return true
	}
	ctx, cancel := context.WithCancel(s.ctx)
	p.cancel = cancel
	p.wg.Add(1)
	// The run goroutine exits when the simulation finishes or ctx is
	// cancelled (a new run, cancel, the page closing, or shutdown).
	go func() {
		defer p.wg.Done()
		s.simulate(ctx, req, out)
	}()
	return true
}

// emit sends msg to out unless ctx is done.
func emit(ctx context.Context, out chan<- []byte, v any) {
	select {
	case out <- mustJSON(v):
	case <-ctx.Done():
	}
}

// tryEmit sends v to out only if there is room: the page is behind, or gone.
func tryEmit(out chan<- []byte, v any) {
	select {
	case out <- mustJSON(v):
	default:
	}
}

// simulate runs one scenario and reports on out.
func (s *Server) simulate(ctx context.Context, req runRequest, out chan<- []byte) {
	sc, errs := parseScenario(scenarioText{Name: req.Name, TOML: req.TOML})
	if errs != nil {
		emit(ctx, out, map[string]any{"t": "invalid", "errors": errs})
		return
	}
	reps := sc.Replications
	if req.Replications > 0 && req.Replications <= 1000 {
		reps = req.Replications
	}
	start := time.Now()
	emit(ctx, out, map[string]any{"t": "progress", "done": 0, "total": reps})
	first := sim.NewRun(sc, sc.Seed, 0)
	for !first.RunUntil(first.Now()+time.Hour) && ctx.Err() == nil {
	}
	if ctx.Err() != nil {
		tryEmit(out, map[string]any{"t": "cancelled"})
		return
	}
	emit(ctx, out, map[string]any{"t": "provisional", "metrics": finite(first.Results().Metrics)})
	res, err := sim.Run(ctx, sc, sim.Options{Workers: s.Workers, Replications: reps, Progress: func(done, total int) {
		tryEmit(out, map[string]any{"t": "progress", "done": done, "total": total})
	}})
	if ctx.Err() != nil {
		tryEmit(out, map[string]any{"t": "cancelled"})
		return
	}
	if err != nil {
		emit(ctx, out, map[string]any{"t": "invalid", "errors": []lineError{{Msg: err.Error()}}})
		return
	}
	data := mustJSON(res)
	id := s.runs.add(sc.Name, res, len(data))
	s.Log.Info("simulation run", "run", id, "replications", reps, "ms", time.Since(start).Milliseconds())
	emit(ctx, out, map[string]any{"t": "done", "id": id, "label": "#" + id + " " + sc.Name,
		"seconds": time.Since(start).Seconds(), "results": json.RawMessage(data),
		"charts": chartNames(res)})
}

// finite drops undefined metrics so the JSON has no nulls to trip over.
func finite(m sim.Metrics) map[string]float64 {
	out := map[string]float64{}
	for k, v := range m {
		if !math.IsNaN(v.Mean) && !math.IsInf(v.Mean, 0) {
			out[k] = v.Mean
		}
	}
	return out
}

type chartInfo struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

func chartNames(res *sim.Results) []chartInfo {
	var out []chartInfo
	for _, c := range (reports.Report{Results: res}).Charts() {
		out = append(out, chartInfo{c.Name, c.Title})
	}
	return out
}
