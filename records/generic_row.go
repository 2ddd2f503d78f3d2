package records

import (
	"fmt"
	"math"
	"strings"
)

// This file turns one generic record's field values into a Record: times
// relative to the day, the wait and service derived from whichever times
// and durations the source gives, and the outcome read or inferred.

// genericOutcomes maps outcome words (lower case) to outcomes.
var genericOutcomes = map[string]Outcome{
	"answered": Answered, "answer": Answered, "agent": Answered, "served": Answered, "handled": Answered, "completed": Answered,
	"abandoned": Abandoned, "abandon": Abandoned, "hang": Abandoned, "hangup": Abandoned, "hung_up": Abandoned,
	"bot_hangup": FrontHangup, "front_hangup": FrontHangup, "vru_hangup": FrontHangup, "ivr_hangup": FrontHangup,
	"contained": Contained, "resolved": Contained, "self_service": Contained, "bot_resolved": Contained,
}

// record converts one row's field values, reporting problems at line.
func (p *genericParser) record(v map[string]string, line int) (Record, bool) {
	rec := Record{Line: line, Type: v["type"], Front: math.NaN(), Queue: math.NaN(), Service: math.NaN(), Agent: v["agent"]}
	if rec.Type == "" {
		rec.Type = "all"
	}
	day, dayKnown, ok := p.day(v["date"])
	if !ok {
		p.iss.drop(line, "unparsable date")
		return Record{}, false
	}
	arr, ok := parseInstant(v["arrival"])
	if !ok || arr.missing {
		p.iss.drop(line, "missing or unparsable arrival time")
		return Record{}, false
	}
	if !dayKnown {
		day, dayKnown = arr.day, arr.dated
		if !dayKnown {
			p.dated = false
		}
	}
	if arr.dated {
		p.sawDate = true
	}
	rec.Day = day
	rec.Arrival = arr.relative(day, math.NaN())
	t := map[string]float64{}
	for _, f := range []string{"front_start", "front_end", "queue_entry", "queue_exit", "answer", "end"} {
		in, ok := parseInstant(v[f])
		if !ok {
			p.iss.drop(line, "unparsable time in "+f)
			return Record{}, false
		}
		t[f] = in.relative(day, rec.Arrival)
	}
	d := map[string]float64{}
	for _, f := range []string{"front_time", "wait", "service"} {
		x, ok := parseSeconds(v[f])
		if !ok {
			p.iss.drop(line, "unparsable duration in "+f)
			return Record{}, false
		}
		d[f] = x
	}
	return p.finish(rec, t, d, v["outcome"], line)
}

// finish derives the queue, wait, service and outcome from the parsed times.
func (p *genericParser) finish(rec Record, t, d map[string]float64, outcome string, line int) (Record, bool) {
	or := func(a, b float64) float64 {
		if math.IsNaN(a) {
			return b
		}
		return a
	}
	start := or(t["front_start"], rec.Arrival)
	rec.Front = or(d["front_time"], t["front_end"]-start)
	entry, answer := t["queue_entry"], t["answer"]
	if math.IsNaN(entry) && !math.IsNaN(d["wait"]) { // a wait without an entry time: queued on leaving the front end
		entry = or(t["front_end"], start+or(rec.Front, 0))
	}
	exit := or(t["queue_exit"], answer)
	rec.Queued = !math.IsNaN(entry)
	rec.Queue = or(entry, answer)
	rec.Wait = or(d["wait"], exit-entry)
	if !rec.Queued {
		rec.Wait = 0
	}
	rec.Service = or(d["service"], t["end"]-answer)
	out, ok := p.outcome(outcome, rec, t, line)
	if !ok {
		return Record{}, false
	}
	rec.Outcome = out
	if out == Abandoned && !rec.Queued {
		rec.Outcome = FrontHangup
	}
	if out != Answered {
		rec.Service = math.NaN()
	}
	if rec.Outcome == Abandoned && math.IsNaN(rec.Wait) {
		rec.Wait = t["end"] - entry
	}
	if rec.Outcome == Answered && math.IsNaN(rec.Queue) {
		p.iss.drop(line, "answered without an answer or queue time")
		return Record{}, false
	}
	for name, x := range map[string]float64{"front time": rec.Front, "wait": rec.Wait, "service": rec.Service} {
		if x < 0 {
			p.iss.drop(line, "negative "+name)
			return Record{}, false
		}
	}
	if rec.ReachedHuman() && math.IsNaN(rec.Wait) {
		p.iss.drop(line, "reached the queue but no wait is known")
		return Record{}, false
	}
	if rec.Outcome == Answered && math.IsNaN(rec.Service) {
		p.iss.keep(line, "answered without a service time", "kept for arrivals and waits, not for handle time")
	}
	return rec, true
}

// outcome reads the outcome column, or infers it from the times when absent.
func (p *genericParser) outcome(s string, rec Record, t map[string]float64, line int) (Outcome, bool) {
	if s != "" {
		w := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_"))
		if w == "phantom" {
			p.iss.drop(line, "PHANTOM record")
			return 0, false
		}
		out, ok := genericOutcomes[w]
		if !ok {
			p.iss.drop(line, fmt.Sprintf("unknown outcome %q", clip(s)))
		}
		return out, ok
	}
	switch {
	case !math.IsNaN(t["answer"]):
		return Answered, true
	case rec.Queued:
		return Abandoned, true
	}
	p.iss.drop(line, "no outcome, and no queue or answer time to infer it")
	return 0, false
}
