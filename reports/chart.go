package reports

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// Chart is a renderer-independent description of one figure: its title and
// one or more panels of plotted series. Builders such as ServiceLevelChart
// fill it from results; Render draws it with gonum/plot. Tests compare the
// JSON of a Chart with golden files, so what is plotted is checked, not pixels.
type Chart struct {
	Name   string  `json:"name"`  // file base name, e.g. "service-level"
	Title  string  `json:"title"` // drawn at the top of the figure
	Cols   int     `json:"cols"`  // panels per row; 0 means 1
	Width  float64 `json:"width"` // inches; 0 means the default
	Height float64 `json:"height"`
	Panels []Panel `json:"panels"`
}

// Panel is one set of axes.
type Panel struct {
	Title  string   `json:"title,omitempty"`
	XLabel string   `json:"x_label"` // with units, e.g. "agents"
	YLabel string   `json:"y_label"`
	XTicks []Tick   `json:"x_ticks,omitempty"` // fixed tick labels; nil means automatic
	YTicks []Tick   `json:"y_ticks,omitempty"`
	XMin   *float64 `json:"x_min,omitempty"` // axis limits; nil means fitted to the data
	XMax   *float64 `json:"x_max,omitempty"`
	YMin   *float64 `json:"y_min,omitempty"`
	YMax   *float64 `json:"y_max,omitempty"`
	YCeil  *float64 `json:"y_ceil,omitempty"` // highest value a fitted Y axis shows, e.g. 100 (%); nil: no limit
	Series []Series `json:"series"`
	Rules  []Rule   `json:"rules,omitempty"`
	Note   string   `json:"note,omitempty"` // shown in the middle of the panel, e.g. "no intervals"
}

// Kind is how a series is drawn.
type Kind string

// Series kinds.
const (
	Line   Kind = "line"   // points joined by lines, NaN breaks the line; Lo/Hi draw a shaded band
	Step   Kind = "step"   // a staircase through the points (an empirical CDF)
	Points Kind = "points" // markers with vertical error bars from Lo to Hi
	Bars   Kind = "bars"   // vertical bars centred on X, Width wide, from 0 to Y
	HBars  Kind = "hbars"  // horizontal bars at height Y from 0 to X; Lo/Hi are error bars on X
)

// Series is one plotted data set. All slices have the same length; NaN marks
// a missing value. Lo and Hi are the 95 % confidence interval when present.
type Series struct {
	Label  string   `json:"label"` // legend entry; empty: not in the legend
	Kind   Kind     `json:"kind"`
	Color  int      `json:"color"` // index into the palette
	Dashed bool     `json:"dashed,omitempty"`
	Width  float64  `json:"width,omitempty"` // bar width in X units
	X      Floats   `json:"x"`
	Y      Floats   `json:"y"`
	Lo     Floats   `json:"lo,omitempty"`
	Hi     Floats   `json:"hi,omitempty"`
	Z      Floats   `json:"z,omitempty"`      // cell values of a Cells series
	Labels []string `json:"labels,omitempty"` // text drawn next to each point or bar
}

// Rule is a reference line across a panel: a target or a threshold.
type Rule struct {
	Label    string  `json:"label"`
	Vertical bool    `json:"vertical,omitempty"` // at X = Value; otherwise at Y = Value
	Value    float64 `json:"value"`
	Color    int     `json:"color"`
}

// Tick is a labelled position on an axis.
type Tick struct {
	Value float64 `json:"value"`
	Label string  `json:"label"`
}

// Palette indices used by the builders.
const (
	cBlue = iota
	cOrange
	cGreen
	cRed
	cPurple
	cBrown
	cPink
	cGrey
	cOlive
	cCyan
)

func ptr(v float64) *float64 { return &v }

// empty reports whether no series of the panel has a finite point.
func (p Panel) empty() bool {
	for _, s := range p.Series {
		for i := range s.X {
			if finite(s.X[i]) && finite(s.Y[i]) {
				return false
			}
		}
	}
	return true
}

// Floats are plotted values; in JSON, NaN and infinities (missing values) are null.
type Floats []float64

// MarshalJSON writes missing values as null.
func (f Floats) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, v := range f {
		if i > 0 {
			b.WriteByte(',')
		}
		if !finite(v) {
			b.WriteString("null")
			continue
		}
		b.Write(strconv.AppendFloat(nil, v, 'g', -1, 64))
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// UnmarshalJSON reads null as NaN.
func (f *Floats) UnmarshalJSON(data []byte) error {
	var raw []*float64
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*f = make(Floats, len(raw))
	for i, p := range raw {
		(*f)[i] = math.NaN()
		if p != nil {
			(*f)[i] = *p
		}
	}
	return nil
}

// yCeil is the highest value the panel's fitted Y axis may show.
func (p Panel) yCeil() float64 {
	if p.YCeil != nil {
		return *p.YCeil
	}
	return posInf()
}
