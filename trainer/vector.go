package trainer

import (
	"math"
	"slices"
	"sort"
)

// vocab is one TF-IDF feature space, built over every phrasing of a script
// (reply examples, texts and labels, rule examples and near misses).
type vocab struct {
	ids     map[string]int32
	idf     []float64
	unknown float64 // idf of a feature no phrasing has
}

// newVocab counts in how many bags each feature occurs. The idf is smoothed,
// ln((N+1)/(df+1)) + 1, so a feature in every phrasing still weighs 1 and an
// unknown one weighs most.
func newVocab(bs []bag) *vocab {
	v := &vocab{ids: map[string]int32{}}
	var df []float64
	keys := make([]string, 0, 16)
	for _, b := range bs {
		keys = keys[:0]
		for f := range b {
			keys = append(keys, f)
		}
		sort.Strings(keys)
		for _, f := range keys {
			id, ok := v.ids[f]
			if !ok {
				id = int32(len(df))
				v.ids[f] = id
				df = append(df, 0)
			}
			df[id]++
		}
	}
	n := float64(len(bs))
	v.idf = make([]float64, len(df))
	for i, d := range df {
		v.idf[i] = math.Log((n+1)/(d+1)) + 1
	}
	v.unknown = math.Log(n+1) + 1
	return v
}

// svec is a sparse unit vector over a vocab, sorted by feature id. Features
// the vocab does not know count towards the length but are not stored: no
// phrasing can share them.
type svec struct {
	ids []int32
	w   []float64
}

// counter counts the features of one line by id, and the unknown ones by hash.
type counter struct {
	v       *vocab
	known   map[int32]float64
	unknown map[uint64]float64
}

func (v *vocab) counter() *counter {
	return &counter{v: v, known: make(map[int32]float64, 32), unknown: make(map[uint64]float64, 32)}
}

func (c *counter) add(f []byte) {
	if id, ok := c.v.ids[string(f)]; ok {
		c.known[id]++
		return
	}
	h := uint64(14695981039346656037)
	for _, b := range f {
		h = (h ^ uint64(b)) * 1099511628211
	}
	c.unknown[h]++
}

// vector is like vocab.vector for the counted features.
func (c *counter) vector() svec {
	// Sums run in a fixed order (map order varies), so that the same line
	// always weighs the same to the last bit.
	hs := make([]uint64, 0, len(c.unknown))
	for h := range c.unknown {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	norm := 0.0
	for _, h := range hs {
		w := (1 + math.Log(c.unknown[h])) * c.v.unknown
		norm += w * w
	}
	s := svec{ids: make([]int32, 0, len(c.known)), w: make([]float64, 0, len(c.known))}
	for id := range c.known {
		s.ids = append(s.ids, id)
	}
	slices.Sort(s.ids)
	for _, id := range s.ids {
		w := (1 + math.Log(c.known[id])) * c.v.idf[id]
		s.w = append(s.w, w)
		norm += w * w
	}
	if norm == 0 {
		return svec{}
	}
	inv := 1 / math.Sqrt(norm)
	for i := range s.w {
		s.w[i] *= inv
	}
	return s
}

// vector weighs b by sublinear term frequency (1 + ln tf, so repeating a
// word adds little) times idf, and scales it to unit length.
func (v *vocab) vector(b bag) svec {
	type iw struct {
		id int32
		w  float64
	}
	known := make([]iw, 0, len(b))
	norm := 0.0
	fs := make([]string, 0, len(b))
	for f := range b {
		fs = append(fs, f)
	}
	sort.Strings(fs) // a fixed order of the sum: the same weights to the last bit
	for _, f := range fs {
		tf := b[f]
		w := 1 + math.Log(tf)
		if id, ok := v.ids[f]; ok {
			w *= v.idf[id]
			known = append(known, iw{id, w})
		} else {
			w *= v.unknown
		}
		norm += w * w
	}
	if norm == 0 {
		return svec{}
	}
	sort.Slice(known, func(i, j int) bool { return known[i].id < known[j].id })
	s := svec{ids: make([]int32, len(known)), w: make([]float64, len(known))}
	inv := 1 / math.Sqrt(norm)
	for i, k := range known {
		s.ids[i], s.w[i] = k.id, k.w*inv
	}
	return s
}

// dot is the cosine similarity of two unit vectors.
func dot(a, b svec) float64 {
	sum := 0.0
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			sum += a.w[i] * b.w[j]
			i++
			j++
		}
	}
	return sum
}
