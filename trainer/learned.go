package trainer

import (
	"fmt"
	"math"
)

// ruleModel is a logistic regression that tells a forbid rule's breaches
// from the script's other phrasings, over the same word and character
// features as similarity. Nearest-example similarity weighs every word of
// a line alike, so a breach worded unlike each single example stays below
// the rule threshold; the model learns from all the examples together
// which words mark a breach and which only come with one.
type ruleModel struct {
	word, char []float64 // weights by feature id
	bias       float64
}

// Training of rule models. The probability a model needs to fire its rule
// (LearnedThreshold) was chosen by cross-validation on the bundled
// scripts' own examples and near misses (scenarios'
// TestCalibrateLearnedThreshold), like the other thresholds.
const (
	// LearnedThreshold is the probability (0-1) a forbid rule's model
	// needs to fire the rule on a line no example is close enough to.
	LearnedThreshold = 0.7
	learnedL2        = 1e-4 // L2 penalty, per unit of (balanced) training weight
	learnedEpochs    = 60   // full-batch Nesterov gradient steps
	learnedStep      = 4.0  // 1/L: the loss's gradient is 1/4-Lipschitz for unit vectors
	learnedMomentum  = 0.9
	nearWeight       = 3.0 // a near miss weighs this many other phrasings
	learnedFolds     = 5   // folds of the cross-validation of rule models
)

// sqrtWord and sqrtChar scale a view's two unit vectors so that their
// concatenation's dot product is the similarity's weighted sum.
var sqrtWord, sqrtChar = math.Sqrt(wordWeight), math.Sqrt(1 - wordWeight)

// sample is one training phrasing of a rule model: y is 1 for a breach.
type sample struct {
	v      view
	y, wgt float64
}

// score is the model's probability that v breaks the rule.
func (m *ruleModel) score(v view) float64 {
	z := m.bias
	for i, id := range v.word.ids {
		z += sqrtWord * v.word.w[i] * m.word[id]
	}
	for i, id := range v.char.ids {
		z += sqrtChar * v.char.w[i] * m.char[id]
	}
	return 1 / (1 + math.Exp(-z))
}

// trainModels fits a model for each forbid rule that has examples.
func (p *program) trainModels() {
	for i, rule := range p.rules {
		if rule.r.kind() != RuleForbid || len(rule.ex) == 0 {
			continue
		}
		rule.model = p.know.trainRule(p.ruleSamples(i, rule.ex, rule.near, nil))
		rule.good, rule.bad = nil, nil
		for _, r := range p.replies {
			switch {
			case r == nil:
			case r.verdicts[i].fires:
				rule.bad = append(rule.bad, r.ex...)
			default:
				rule.good = append(rule.good, r.ex...)
			}
		}
	}
}

// ruleSamples are the training phrasings of rule i's model: its examples
// ex and the examples of the replies whose text breaks it, against its
// near misses near, the examples of the other replies and the phrasings of
// the other rules. Phrasings whose normalised text is in skip are left out
// (cross-validation).
func (p *program) ruleSamples(i int, ex, near []phrasing, skip map[string]bool) []sample {
	var ss []sample
	add := func(ps []phrasing, y, w float64) {
		for _, ph := range ps {
			if !skip[ph.norm] {
				ss = append(ss, sample{v: view{word: ph.word, char: ph.char}, y: y, wgt: w})
			}
		}
	}
	add(ex, 1, 1)
	add(near, 0, nearWeight)
	for _, r := range p.replies {
		if r == nil {
			continue
		}
		if r.verdicts[i].fires {
			add(r.ex, 1, 1)
		} else {
			add(r.ex, 0, 1)
		}
	}
	for _, o := range p.rules {
		if o != p.rules[i] {
			add(o.ex, 0, 1)
			add(o.near, 0, 1)
			add(o.dis, 0, 1)
		}
	}
	return ss
}

// trainRule fits a model by Nesterov-accelerated gradient descent on the
// L2-penalised logistic loss, both classes weighing the same; nil when a
// class has no samples. It is deterministic: same samples, same model.
func (k *knowledge) trainRule(ss []sample) *ruleModel {
	var pos, neg float64
	for _, s := range ss {
		if s.y > 0 {
			pos += s.wgt
		} else {
			neg += s.wgt
		}
	}
	if pos == 0 || neg == 0 {
		return nil
	}
	for i := range ss {
		if ss[i].y > 0 {
			ss[i].wgt /= 2 * pos
		} else {
			ss[i].wgt /= 2 * neg
		}
	}
	m := &ruleModel{word: make([]float64, len(k.word.idf)), char: make([]float64, len(k.char.idf))}
	gw, gc := make([]float64, len(m.word)), make([]float64, len(m.char))
	vw, vc := make([]float64, len(m.word)), make([]float64, len(m.char))
	vb := 0.0
	for range learnedEpochs {
		lookAhead(m.word, vw)
		lookAhead(m.char, vc)
		m.bias += learnedMomentum * vb
		clear(gw)
		clear(gc)
		gb := 0.0
		for _, s := range ss {
			d := s.wgt * (m.score(s.v) - s.y)
			gb += d
			for i, id := range s.v.word.ids {
				gw[id] += d * sqrtWord * s.v.word.w[i]
			}
			for i, id := range s.v.char.ids {
				gc[id] += d * sqrtChar * s.v.char.w[i]
			}
		}
		descend(m.word, vw, gw)
		descend(m.char, vc, gc)
		g := learnedStep * gb
		m.bias -= learnedMomentum * vb
		vb = learnedMomentum*vb - g
		m.bias += vb
	}
	return m
}

// lookAhead moves weights w by their momentum v.
func lookAhead(w, v []float64) {
	for i := range w {
		w[i] += learnedMomentum * v[i]
	}
}

// descend takes the look-ahead back and applies the momentum step with
// gradient g (and the L2 penalty).
func descend(w, v, g []float64) {
	for i := range w {
		w[i] -= learnedMomentum * v[i]
		v[i] = learnedMomentum*v[i] - learnedStep*(g[i]+learnedL2*w[i])
		w[i] += v[i]
	}
}

// learned reports whether rule r's model recognises a line, read as its
// views (rd.views()), as a breach, with the best probability over them: at least the model threshold,
// and the line no closer to a phrasing that does not break the rule (a
// near miss, an example of a reply whose text breaks no rule) than to one
// that does (an example of the rule or of a reply that breaks it). The
// model generalises; the phrasings it was trained on still decide the
// lines that are close to them.
func (k *knowledge) learned(r *crule, vs []view) (bool, float64) {
	if r.model == nil {
		return false, 0
	}
	best := 0.0
	for _, v := range vs {
		best = max(best, r.model.score(v))
	}
	if best < k.learnedTau {
		return false, best
	}
	pos, _, _ := k.nearestAny(vs, r.ex)
	if b, i, _ := k.nearestAny(vs, r.bad); i >= 0 {
		pos = max(pos, b)
	}
	for _, ps := range [][]phrasing{r.near, r.good} {
		if n, i, _ := k.nearestAny(vs, ps); i >= 0 && n > pos {
			return false, best
		}
	}
	return true, best
}

// foldModels are rule i's models trained without each fold of its
// examples and near misses (phrasing j is in fold j mod learnedFolds, in
// each list), for cross-validation; cached on the program.
func (p *program) foldModels(i int) []*ruleModel {
	if ms, ok := p.folds[i]; ok {
		return ms
	}
	r := p.rules[i]
	ms := make([]*ruleModel, learnedFolds)
	for f := range ms {
		skip := map[string]bool{}
		var ex, near []phrasing
		for j, ph := range r.ex {
			if j%learnedFolds == f {
				skip[ph.norm] = true
			} else {
				ex = append(ex, ph)
			}
		}
		for j, ph := range r.near {
			if j%learnedFolds == f {
				skip[ph.norm] = true
			} else {
				near = append(near, ph)
			}
		}
		ms[f] = p.know.trainRule(p.ruleSamples(i, ex, near, skip))
	}
	if p.folds == nil {
		p.folds = map[int][]*ruleModel{}
	}
	p.folds[i] = ms
	return ms
}

// ModelFalseAlarms lists the examples of replies whose text breaks no
// forbid rule that a rule's model would fire on all the same: good lines
// the author wrote, which the model was trained to pass. The script must
// validate.
func ModelFalseAlarms(sc *Script) (checked int, alarms []string, err error) {
	if sc.prog == nil {
		if err := sc.Validate(); err != nil {
			return 0, nil, err
		}
	}
	p := sc.prog
	for _, rep := range p.replies {
		if rep == nil {
			continue
		}
		for _, ex := range rep.r.Examples {
			rd := p.know.read(ex)
			for i, r := range p.rules {
				if r.model == nil || rep.verdicts[i].fires {
					continue
				}
				checked++
				if ok, pr := p.know.learned(r, rd.views()); ok {
					alarms = append(alarms, fmt.Sprintf("reply %q example %q: rule %q's model %.2f", rep.r.ID, ex, r.r.ID, pr))
				}
			}
		}
	}
	return checked, alarms, nil
}
