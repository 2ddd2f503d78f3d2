package calibrate

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// Document is a calibration as a JSON document (calibration.json of
// ccsim calibrate --report; docs/schemas/calibration.schema.json): what was
// read, each day type's arrivals, contact types, staffing and recorded
// service, the fits of handle time and patience, and the back-tests run.
type Document struct {
	Source    string        `json:"source"`
	Files     []string      `json:"files"`
	Lines     int           `json:"lines"` // data lines read
	Used      int           `json:"used"`  // records used
	DayTypes  []DayTypeDoc  `json:"day_types"`
	Handle    []FitDoc      `json:"handle_times"` // best fit per contact type, most answered first
	Patience  PatienceDoc   `json:"patience"`
	Backtests []BacktestDoc `json:"backtests"`
}

// DayTypeDoc is one day type of a Document.
type DayTypeDoc struct {
	Name       string      `json:"name"`
	Days       int         `json:"days"` // recorded days of the type
	Open       string      `json:"open"` // "07:00"
	Close      string      `json:"close"`
	Interval   string      `json:"interval"` // Go duration, "30m0s"
	Starts     []string    `json:"interval_starts"`
	Arrivals   []sim.Stat  `json:"arrivals"` // contacts per interval: mean over the days and 95 % CI
	Shares     []ShareDoc  `json:"shares"`
	Staffing   StaffDoc    `json:"staffing"`
	Observed   ObservedDoc `json:"observed"`
	Dispersion Number      `json:"dispersion_index"` // variance / mean of the daily totals (1: Poisson); null with one day
}

// ShareDoc is a contact type's share of a day type's arrivals.
type ShareDoc struct {
	Type  string  `json:"type"`
	Count int     `json:"count"`
	Share float64 `json:"share"`
}

// StaffDoc is the staffing a day type's scenario uses.
type StaffDoc struct {
	Method string `json:"method"`
	Counts []int  `json:"counts"` // agents per interval
}

// ObservedDoc are a day type's recorded service figures.
type ObservedDoc struct {
	Total     sim.Metrics   `json:"total"`
	Intervals []sim.Metrics `json:"intervals"`
}

// FitDoc is the chosen distribution of a sample of times (seconds).
type FitDoc struct {
	Type   string    `json:"type,omitempty"` // contact type; empty for patience
	N      int       `json:"n"`
	Family string    `json:"family"`
	Mean   Number    `json:"mean_seconds"`
	MeanCI [2]Number `json:"mean_ci95"`
	CV     Number    `json:"cv"`
}

// PatienceDoc is the patience fit: Kaplan–Meier figures and the chosen fit.
type PatienceDoc struct {
	Observations int     `json:"observations"` // contacts that waited
	Abandoned    int     `json:"abandoned"`
	KMMean       Number  `json:"km_mean_seconds"`
	Best         *FitDoc `json:"best"` // null when nothing could be fitted
}

// BacktestDoc is one back-test: recorded and simulated figures of a day type.
type BacktestDoc struct {
	DayType      string        `json:"day_type"`
	Days         int           `json:"days"`
	Replications int           `json:"replications"`
	Observed     sim.Metrics   `json:"observed"`  // whole day, the BacktestMetrics
	Simulated    sim.Metrics   `json:"simulated"` // whole day, the BacktestMetrics
	Intervals    []IntervalDoc `json:"intervals"`
}

// IntervalDoc pairs an interval's recorded and simulated figures.
type IntervalDoc struct {
	Start     string      `json:"start"`
	Observed  sim.Metrics `json:"observed"`
	Simulated sim.Metrics `json:"simulated"`
}

// Document returns the calibration and the given back-tests as a Document.
func (c *Report) Document(backtests []*Backtest) Document {
	d := Document{Source: c.Source, Files: c.Files, Lines: c.Lines, Used: c.Used, Handle: []FitDoc{},
		DayTypes: []DayTypeDoc{}, Backtests: []BacktestDoc{}}
	for _, t := range c.DayTypes {
		d.DayTypes = append(d.DayTypes, dayTypeDoc(t))
	}
	for _, h := range c.Handle {
		if len(h.Fits) > 0 {
			d.Handle = append(d.Handle, fitDoc(h.Type, h.Fits[0]))
		}
	}
	p := c.Patience
	d.Patience = PatienceDoc{Observations: p.Observations, Abandoned: p.Events, KMMean: Number(p.KMMean)}
	if len(p.Fits) > 0 {
		f := fitDoc("", p.Best())
		d.Patience.Best = &f
	}
	for _, b := range backtests {
		bd := BacktestDoc{DayType: b.DayType, Days: b.Days, Replications: b.Simulated.Replications,
			Observed: sim.Metrics{}, Simulated: sim.Metrics{}, Intervals: []IntervalDoc{}}
		for _, m := range BacktestMetrics {
			bd.Observed[m], bd.Simulated[m] = b.Pair(m, -1)
		}
		for k, start := range b.Labels {
			iv := IntervalDoc{Start: start, Observed: sim.Metrics{}, Simulated: sim.Metrics{}}
			for _, m := range BacktestMetrics {
				iv.Observed[m], iv.Simulated[m] = b.Pair(m, k)
			}
			bd.Intervals = append(bd.Intervals, iv)
		}
		d.Backtests = append(d.Backtests, bd)
	}
	return d
}

func dayTypeDoc(t DayTypeFit) DayTypeDoc {
	a := t.Arrivals
	d := DayTypeDoc{Name: t.Name, Days: len(a.Days), Open: clock(a.Open), Close: clock(a.Close), Interval: a.Interval.String(),
		Arrivals: a.Profile, Shares: []ShareDoc{}, Staffing: StaffDoc{Method: t.Staff.Method, Counts: t.Staff.Counts},
		Observed: ObservedDoc{Total: t.Observed.Total, Intervals: t.Observed.Intervals}, Dispersion: Number(a.Daily.Index)}
	for k := range a.Profile {
		d.Starts = append(d.Starts, clock(a.Open+time.Duration(k)*a.Interval))
	}
	for _, s := range t.Shares {
		d.Shares = append(d.Shares, ShareDoc(s))
	}
	return d
}

func fitDoc(typ string, f Fit) FitDoc {
	return FitDoc{Type: typ, N: f.N, Family: f.Family, Mean: Number(f.Mean), MeanCI: [2]Number{Number(f.MeanCI[0]), Number(f.MeanCI[1])},
		CV: Number(f.CV)}
}

// Number is a figure that JSON writes as null when it is undefined (NaN or infinite).
type Number float64

// MarshalJSON writes n, or null when it is not finite.
func (n Number) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(n)) || math.IsInf(float64(n), 0) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(n))
}

// clock formats a time of day as HH:MM, hours past 24 for after midnight.
func clock(d time.Duration) string {
	m := int(d / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}
