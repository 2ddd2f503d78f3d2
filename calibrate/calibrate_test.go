package calibrate

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/records"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/simtest"
)

// generated returns days of sc as a CSV log.
func generated(tb testing.TB, sc *sim.Scenario, days int, format records.LogFormat) *bytes.Buffer {
	tb.Helper()
	var buf bytes.Buffer
	lw, err := records.NewLogWriter(&buf, format)
	if err != nil {
		tb.Fatal(err)
	}
	if err := records.Generate(context.Background(), sc, days, lw, nil); err != nil {
		tb.Fatal(err)
	}
	return &buf
}

// TestCalibrateRoundTrip generates 30 days from a known scenario, reads the
// log back and calibrates it: arrival rates, handle-time parameters and
// patience must come back inside their 95 % confidence intervals.
func TestCalibrateRoundTrip(t *testing.T) {
	sc := simtest.KnownDay()
	set, err := records.ReadGeneric(generated(t, sc, 30, records.LogCSV), "known.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if set.Dated || set.Issues.Dropped() != 0 {
		t.Fatalf("dated %v, %d dropped; want undated days and nothing dropped", set.Dated, set.Issues.Dropped())
	}
	c, err := Run(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.DayTypes) != 1 {
		t.Fatalf("%d day types, want 1 (undated)", len(c.DayTypes))
	}
	d := c.DayTypes[0]
	a := d.Arrivals
	if a.Open != sc.Arrivals.Open || a.Close != sc.Arrivals.Close || len(a.Days) != 30 || a.Outside != 0 {
		t.Fatalf("hours %v–%v over %d days (%d outside), want 08:00–14:00 over 30 days", a.Open, a.Close, len(a.Days), a.Outside)
	}
	// 95 % intervals: one in twenty misses by chance; P(4 or more of 12) = 0.2 %.
	// Jointly, Σ ((mean − rate)/se)² is about χ²(12): its 99.9 % point is 32.9.
	misses, chi2 := 0, 0.0
	for i, p := range a.Profile {
		want := sc.Arrivals.Profile[i]
		if want < p.CI95[0] || want > p.CI95[1] {
			misses++
			t.Logf("interval %d: %g outside %v", i, want, p.CI95)
		}
		se := p.HalfWidth() / 2.045 // t quantile, 29 degrees of freedom
		chi2 += (p.Mean - want) * (p.Mean - want) / (se * se)
	}
	if misses > 3 || chi2 > 32.9 {
		t.Errorf("%d of 12 interval rates outside their 95%% CI, χ² = %.1f; want at most 3 and χ² under 32.9", misses, chi2)
	}
	t.Logf("arrival rates: %d of 12 outside their 95%% CI, χ²(12) = %.1f", misses, chi2)
	total := 0.0
	for _, x := range sc.Arrivals.Profile {
		total += x
	}
	if day := sim.Summarize(dailyTotals(a)); total < day.CI95[0] || total > day.CI95[1] {
		t.Errorf("daily total CI %v misses %g", day.CI95, total)
	}
	if a.Daily.PValue < 0.01 {
		t.Errorf("Poisson arrivals look overdispersed: index %g, p %g", a.Daily.Index, a.Daily.PValue)
	}
	for _, in := range sc.Intents {
		checkHandle(t, c, in)
	}
	pat := c.Patience.Best()
	if pat.Family != FamExponential || pat.MeanCI[0] > 180 || pat.MeanCI[1] < 180 {
		t.Errorf("patience = %s mean %g (CI %v), want exponential with 180 in the CI", pat.Family, pat.Mean, pat.MeanCI)
	}
	for i, n := range d.Staff.Counts {
		if want := sc.Groups[0].Counts[i]; n < want-1 || n > want+1 {
			t.Errorf("interval %d: %d agents estimated, want %d ± 1", i, n, want)
		}
	}
	checkTOML(t, c, "")
}

func dailyTotals(a ArrivalFit) []float64 {
	out := make([]float64, len(a.Counts))
	for i, row := range a.Counts {
		for _, x := range row {
			out[i] += x
		}
	}
	return out
}

func checkHandle(t *testing.T, c *Report, in sim.Intent) {
	t.Helper()
	h, own := c.HandleFor(in.Name)
	best := h.Best()
	var family string
	var cv float64
	switch d := in.HandleTime.(type) {
	case sim.LogNormal:
		family, cv = FamLogNormal, d.CV
	case sim.Gamma:
		family, cv = FamGamma, d.CV
	}
	mean := in.HandleTime.Mean()
	if !own || best.Family != family {
		t.Errorf("intent %s: fitted %s (own fit %v), want %s", in.Name, best.Family, own, family)
	}
	if mean < best.MeanCI[0] || mean > best.MeanCI[1] || cv < best.CVCI[0] || cv > best.CVCI[1] {
		t.Errorf("intent %s: mean %g CI %v, cv %g CI %v; want %g and %g inside", in.Name, best.Mean, best.MeanCI, best.CV, best.CVCI, mean, cv)
	}
}

// checkTOML writes a day type's scenario and loads it back: it must parse
// and encode to the same scenario as the one calibrated.
func checkTOML(t *testing.T, c *Report, dayType string) {
	t.Helper()
	data, err := c.ScenarioTOML(dayType)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenarios.Parse("calibrated.toml", data)
	if err != nil {
		t.Fatalf("calibrated TOML does not load: %v\n%s", err, data)
	}
	f, _ := c.DayType(dayType)
	got, err1 := scenarios.Encode(sc)
	want, err2 := scenarios.Encode(f.Scenario)
	if err1 != nil || err2 != nil || !bytes.Equal(got, want) {
		t.Errorf("loaded scenario differs from the calibrated one (%v, %v):\n%s\nwant\n%s", err1, err2, got, want)
	}
	if !strings.Contains(string(data), "# ") {
		t.Error("calibrated TOML has no comments")
	}
}

// TestCalibrateBot generates a day with a bot and calibrates it: the front
// end becomes a [bot] with containment per intent, and the TOML loads.
func TestCalibrateBot(t *testing.T) {
	sc := simtest.KnownDay()
	sc.Bot = &sim.Bot{HandleTime: sim.LogNormal{MeanS: 60, CV: 0.5}, HangUp: 0.1, ContextTransfer: true}
	sc.Intents[0].BotContainment = 0.4
	set, err := records.ReadGeneric(generated(t, sc, 5, records.LogJSONL), "bot.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Run(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := c.DayTypes[0].Scenario
	if !c.Bot || got.Bot == nil {
		t.Fatal("no bot calibrated from contained contacts")
	}
	if b := c.Front.bestFit(); math.Abs(b.Mean-60) > 3 || b.Family != FamLogNormal {
		t.Errorf("bot time = %s mean %g, want lognormal near 60 s", b.Family, b.Mean)
	}
	for _, in := range got.Intents {
		want := map[string]float64{"a": 0.4, "b": 0}[in.Name]
		if math.Abs(in.BotContainment-want) > 0.03 {
			t.Errorf("intent %s containment %g, want %g", in.Name, in.BotContainment, want)
		}
	}
	if math.Abs(got.Bot.HangUp-0.1) > 0.02 || got.Bot.OptOut != 0 {
		t.Errorf("bot hang-up share %g of unresolved sessions, opt-out %g; want about 0.1 and 0", got.Bot.HangUp, got.Bot.OptOut)
	}
	checkTOML(t, c, "")
}

// januaryPath is the January 1999 Anonymous Bank file shipped with the
// repository (data/anonymous-bank/README.md).
const januaryPath = "../data/anonymous-bank/january.txt.gz"

// januaryText returns the uncompressed January records.
func januaryText(tb testing.TB) []byte { return gunzipFile(tb, januaryPath) }

// gunzipFile returns the uncompressed contents of a gzipped file.
func gunzipFile(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// january reads the January Anonymous Bank records.
func january(tb testing.TB) *records.Set {
	tb.Helper()
	set, err := records.ReadBank(bytes.NewReader(januaryText(tb)), "january.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

// TestCalibrateFebruary calibrates the February 1999 records: every line
// accounted for, the bank's three day types, and the fitted mean service
// of regular (PS) calls within 5 % of the records' mean.
func TestCalibrateFebruary(t *testing.T) {
	set, err := records.ReadBank(bytes.NewReader(gunzipFile(t, "../data/anonymous-bank/february.txt.gz")), "february.txt")
	if err != nil {
		t.Fatal(err)
	}
	if set.Lines != 33344 || len(set.Records)+set.Issues.Dropped() != set.Lines {
		t.Errorf("%d lines, %d records, %d dropped; want 33344 lines (data README), each a record or dropped",
			set.Lines, len(set.Records), set.Issues.Dropped())
	}
	c, err := Run(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range c.DayTypes {
		names = append(names, d.Name)
	}
	if got := strings.Join(names, ","); got != "sun-thu,fri,sat" {
		t.Errorf("day types %s, want sun-thu,fri,sat", got)
	}
	ps, own := c.HandleFor("PS")
	if dev := ps.Best().Mean/ps.RecordsMean - 1; !own || math.Abs(dev) > 0.05 {
		t.Errorf("PS fitted mean %.1f s vs records' mean %.1f s (own fit %v), want within 5%%", ps.Best().Mean, ps.RecordsMean, own)
	}
}

// TestCalibrateJanuary checks the calibration of the real January records:
// the counts the data README gives, the fitted mean service of regular (PS)
// calls within 5 % of the records' mean, loadable TOML for every day type,
// and a back-test that reports abandonment and ASA.
func TestCalibrateJanuary(t *testing.T) {
	set := january(t)
	if set.Lines != 31599 {
		t.Errorf("%d lines, want 31599 (README)", set.Lines)
	}
	for reason, want := range map[string]int{
		"PHANTOM call (the documentation says to ignore them)": 240,
		`unknown type code "AA"`:                               2,
		"AGENT with server NO_SERVER":                          490,
		"HANG with a service time":                             82,
		"negative vru_time (vru_exit before vru_entry)":        32, // README: 33, one of them PHANTOM
	} {
		if got := set.Issues.Count(reason); got != want {
			t.Errorf("issue %q counted %d times, want %d", reason, got, want)
		}
	}
	c, err := Run(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ps, own := c.HandleFor("PS")
	if !own {
		t.Fatal("no handle-time fit of PS")
	}
	if dev := ps.Best().Mean/ps.RecordsMean - 1; math.Abs(dev) > 0.05 {
		t.Errorf("PS fitted mean %.1f s vs records' mean %.1f s: %+.1f%%, want within 5%%", ps.Best().Mean, ps.RecordsMean, 100*dev)
	}
	t.Logf("PS: fitted %s mean %.1f s, records' mean %.1f s (%+.2f%%)", ps.Best().Family, ps.Best().Mean, ps.RecordsMean, 100*(ps.Best().Mean/ps.RecordsMean-1))
	wantHours := map[string][2]time.Duration{"sun-thu": {7 * time.Hour, 24 * time.Hour}, "fri": {7 * time.Hour, 14 * time.Hour}, "sat": {19 * time.Hour, 24 * time.Hour}}
	for _, d := range c.DayTypes {
		if h := wantHours[d.Name]; d.Arrivals.Open != h[0] || d.Arrivals.Close != h[1] {
			t.Errorf("%s hours %v–%v, want %v–%v", d.Name, d.Arrivals.Open, d.Arrivals.Close, h[0], h[1])
		}
		checkTOML(t, c, d.Name)
	}
	b, err := c.Backtest(context.Background(), "sun-thu", sim.Options{Replications: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{sim.MAbandonRate, sim.MASA} {
		obs, simulated := b.Pair(m, -1)
		if math.IsNaN(obs.Mean) || math.IsNaN(simulated.Mean) {
			t.Errorf("back-test %s: observed %v, simulated %v; want both", m, obs.Mean, simulated.Mean)
		}
		t.Logf("back-test %s: observed %.3f, simulated %.3f", m, obs.Mean, simulated.Mean)
	}
	var table strings.Builder
	if err := b.WriteTable(&table, true); err != nil || !strings.Contains(table.String(), "| day |") {
		t.Errorf("back-test table lacks the day row (%v):\n%s", err, table.String())
	}
}

// BenchmarkCalibrateJanuary times reading and calibrating the January file
// and writing every day type's scenario (the back-test is separate).
func BenchmarkCalibrateJanuary(b *testing.B) {
	data := januaryText(b)
	for b.Loop() {
		set, err := records.ReadBank(bytes.NewReader(data), "january.txt")
		if err != nil {
			b.Fatal(err)
		}
		c, err := Run(set, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range c.DayTypes {
			if _, err := c.ScenarioTOML(d.Name); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestOptionsErrors(t *testing.T) {
	set := &records.Set{Records: []records.Record{{Arrival: 1, Queue: 1, Outcome: records.Answered, Service: 10}}}
	for _, o := range []Options{
		{Open: 10 * time.Hour, Close: 9 * time.Hour},
		{Interval: 7 * time.Minute},
		{Staffing: "guess"},
	} {
		if _, err := Run(set, o); err == nil {
			t.Errorf("Run(%+v) accepted bad options", o)
		}
	}
	if _, err := Run(&records.Set{}, Options{}); err == nil {
		t.Error("Run of no records succeeded")
	}
	if _, err := ParseDayTypes("sun-thu,thu"); err == nil {
		t.Error("ParseDayTypes accepted a weekday in two groups")
	}
	if _, err := ParseDayTypes("someday"); err == nil {
		t.Error("ParseDayTypes accepted a non-weekday")
	}
}

// TestBacktestRoundTrip back-tests the calibration of data the calibrated
// model can represent (the known scenario): recorded and simulated figures
// must agree, their 95 % intervals overlapping for every metric.
func TestBacktestRoundTrip(t *testing.T) {
	set, err := records.ReadGeneric(generated(t, simtest.KnownDay(), 30, records.LogCSV), "known.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Run(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Backtest(context.Background(), "", sim.Options{Replications: 30})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range BacktestMetrics {
		obs, simulated := b.Pair(m, -1)
		if obs.CI95[1] < simulated.CI95[0] || simulated.CI95[1] < obs.CI95[0] {
			t.Errorf("%s: recorded %.4g %v, simulated %.4g %v; want overlapping intervals", m, obs.Mean, obs.CI95, simulated.Mean, simulated.CI95)
		}
	}
}
