package main

import (
	"slices"
	"testing"
	"time"
)

// BenchmarkFrame measures one frame's logic at full speed (3600×, a simulated
// minute a tick) on the default scenario: Update's step of the simulator and
// its picture, and the scene and layout that Draw paints. 60 frames a second
// leave 16.7 ms a frame; the figure is reported as ms/frame.
func BenchmarkFrame(b *testing.B) {
	sc := defaultScenario(b)
	w := NewWorld(sc, sc.Seed, maxSpeed)
	var v View
	b.ReportAllocs()
	for b.Loop() {
		if w.Done() {
			w.Do(actNewSeed) // a day at 3600× is some 800 frames; go on with the next
		}
		w.Tick()
		v.Build(w)
	}
	ms := b.Elapsed().Seconds() * 1e3 / float64(b.N)
	b.ReportMetric(ms, "ms/frame")
	b.ReportMetric(1e3/ms, "frames/s")
}

// BenchmarkDay plays whole default days at 3600× frame by frame and reports
// the 99th-percentile and slowest frame, which BenchmarkFrame's mean could
// hide (the slowest also catches garbage collection and a busy machine).
func BenchmarkDay(b *testing.B) {
	sc := defaultScenario(b)
	var frames []float64
	for b.Loop() {
		w := NewWorld(sc, sc.Seed, maxSpeed)
		var v View
		for !w.Done() {
			start := time.Now()
			w.Tick()
			v.Build(w)
			frames = append(frames, time.Since(start).Seconds()*1e3)
		}
	}
	slices.Sort(frames)
	b.ReportMetric(float64(len(frames))/float64(b.N), "frames/day")
	b.ReportMetric(frames[len(frames)*99/100], "p99-ms/frame")
	b.ReportMetric(frames[len(frames)-1], "max-ms/frame")
}
