package trainer

import (
	"fmt"
	"strings"

	"github.com/ccsim/ccsim/i18n"
	"golang.org/x/text/message"
)

// TurnTime is how long the agent took to answer on one turn.
type TurnTime struct {
	Turn    int     `json:"turn"`
	Node    string  `json:"node"`
	Seconds float64 `json:"seconds"` // active seconds from the customer's last prompt to the answer
}

// Note is a debrief remark collected during play (node and effect debrief texts).
type Note struct {
	Turn int    `json:"turn"`
	Node string `json:"node"`
	Text string `json:"text"`
}

// Debrief is the report on a session.
type Debrief struct {
	Script     string     `json:"script"`
	Title      string     `json:"title"`
	Version    int        `json:"version"`
	Mode       Mode       `json:"mode"`
	Seed       uint64     `json:"seed"`
	Variant    string     `json:"variant,omitempty"`
	Context    bool       `json:"context"`
	Ended      bool       `json:"ended"`
	Outcome    string     `json:"outcome"`
	EndNote    string     `json:"end_note,omitempty"` // the debrief note of the ending reached
	Turns      int        `json:"turns"`
	ElapsedS   float64    `json:"elapsed_s"`
	Score      Score      `json:"score"`
	Better     []Advice   `json:"better"`         // per dimension that lost points: the best reply where it lost them
	Unheard    []Unheard  `json:"not_understood"` // agent lines the engine did not understand
	Rules      []RuleHit  `json:"rules_fired"`
	Notes      []Note     `json:"notes"`
	Path       []string   `json:"path"`
	TurnTimes  []TurnTime `json:"turn_times"`
	Vars       []VarState `json:"vars"`
	BotLog     []string   `json:"bot_transcript,omitempty"`
	Transcript []Entry    `json:"transcript"`
	Errors     []string   `json:"errors,omitempty"`
	Lang       i18n.Lang  `json:"lang"` // the language Text writes in, and of the session's own notes
}

// Debrief reports on the session as it stands (normally after it ended).
func (s *Session) Debrief() Debrief {
	d := Debrief{Script: s.sc.ID, Title: s.sc.Title, Version: s.sc.Version, Mode: s.mode, Seed: s.opt.Seed,
		Variant: s.variant, Context: s.context, Ended: s.ended, Outcome: s.outcome, Turns: s.turn,
		ElapsedS: s.clock.Seconds(), Score: s.Score(), Rules: nonNil(s.hits), Notes: nonNil(s.notes),
		Path: nonNil(s.path), TurnTimes: nonNil(s.turns), Vars: s.Vars(),
		Transcript: nonNil(s.transcript), Errors: s.errs, EndNote: s.endNote(), Unheard: s.unheard(), Lang: s.opt.Lang}
	d.Better = s.advice(d.Score)
	if s.sc.Handoff != nil {
		d.BotLog = s.sc.Handoff.BotTranscript
	}
	return d
}

func nonNil[T any](x []T) []T {
	if x == nil {
		return []T{}
	}
	return append([]T(nil), x...)
}

// Text renders the debrief for a terminal: outcome, scores, rules, notes, timing and transcript.
func (d Debrief) Text() string {
	var b strings.Builder
	p := messages.Printer(d.Lang)
	p.Fprintf(&b, "Debrief: %s\n", d.Title)
	outcome := d.Outcome
	if !d.Ended {
		outcome = p.Sprintf("(not finished)")
	}
	p.Fprintf(&b, "Outcome: %s after %d turns, %s", outcome, d.Turns, fmtSeconds(d.ElapsedS))
	if d.Variant != "" {
		p.Fprintf(&b, " (hand-off: %s)", d.Variant)
	}
	b.WriteString("\n")
	if d.EndNote != "" {
		fmt.Fprintf(&b, "  %s\n", d.EndNote)
	}
	b.WriteString("\n")
	d.scoreText(&b, p)
	d.betterText(&b, p)
	d.unheardText(&b, p)
	d.rulesText(&b, p)
	d.notesText(&b, p)
	p.Fprintf(&b, "\nPath: %s\n", strings.Join(d.Path, " → "))
	if len(d.TurnTimes) > 0 {
		p.Fprintf(&b, "Time per turn:")
		for _, t := range d.TurnTimes {
			fmt.Fprintf(&b, "  #%d %s", t.Turn, fmtSeconds(t.Seconds))
		}
		b.WriteString("\n")
	}
	for _, e := range d.Errors {
		p.Fprintf(&b, "Script error: %s\n", e)
	}
	p.Fprintf(&b, "\nTranscript:\n")
	for _, e := range d.Transcript {
		mark := ""
		if e.Speaker == "agent" && e.Reply == "" {
			mark = p.Sprintf("  (not understood)")
		}
		fmt.Fprintf(&b, "  [%s] %-9s %s%s\n", fmtSeconds(float64(e.AtMS)/1000), speaker(p, e.Speaker)+":", e.Text, mark)
	}
	return b.String()
}

func (d Debrief) scoreText(b *strings.Builder, p *message.Printer) {
	sc := d.Score
	verdict := p.Sprintf("FAIL")
	if sc.Pass {
		verdict = p.Sprintf("PASS")
	}
	band := bandName(p, sc.Band)
	p.Fprintf(b, "Score: %.1f%% %s (pass mark %d%%, %s)", sc.TotalPct, verdict, sc.PassPct, band)
	if sc.Capped {
		p.Fprintf(b, ", capped by a critical rule")
	}
	b.WriteString("\n")
	if sc.Void != "" {
		p.Fprintf(b, "  Not passed: %s.\n", sc.Void)
	}
	for _, dim := range sc.Dims {
		name := dim.ID
		if dim.Label != "" {
			name = dim.Label
		}
		fmt.Fprintf(b, "  %-22s %s %d/%d", name, bar(dim.Points, dim.Max, 10), dim.Points, dim.Max)
		if dim.Penalty > 0 {
			fmt.Fprintf(b, " (-%d)", dim.Penalty)
		}
		p.Fprintf(b, "  weight %d\n", dim.Weight)
	}
}

// notesText lists the notes, but the ending's, which is shown with the outcome.
func (d Debrief) notesText(b *strings.Builder, p *message.Printer) {
	var notes []Note
	for i, n := range d.Notes {
		if i == len(d.Notes)-1 && d.EndNote != "" && n.Text == d.EndNote {
			continue
		}
		notes = append(notes, n)
	}
	if len(notes) == 0 {
		return
	}
	p.Fprintf(b, "\nNotes:\n")
	for _, n := range notes {
		p.Fprintf(b, "  turn %d, %s: %s\n", n.Turn, n.Node, n.Text)
	}
}

func (d Debrief) betterText(b *strings.Builder, p *message.Printer) {
	if len(d.Better) == 0 {
		return
	}
	p.Fprintf(b, "\nBetter would have been:\n")
	for _, a := range d.Better {
		name := a.Dim
		if a.Label != "" {
			name = a.Label
		}
		where := p.Sprintf("at %s", a.Node)
		if a.Turn > 0 {
			where = p.Sprintf("turn %d, %s", a.Turn, a.Node)
		}
		fmt.Fprintf(b, "  %s (-%d), %s", name, a.Lost, where)
		if a.Why != "" {
			fmt.Fprintf(b, " (%s)", a.Why)
		}
		p.Fprintf(b, ": %s, e.g. %q\n", a.Button, a.Example)
	}
}

func (d Debrief) unheardText(b *strings.Builder, p *message.Printer) {
	if len(d.Unheard) == 0 {
		return
	}
	p.Fprintf(b, "\nNot understood (the customer could not use these lines):\n")
	for _, u := range d.Unheard {
		p.Fprintf(b, "  turn %d, %s: %q\n", u.Turn, u.Node, u.Text)
	}
}

func (d Debrief) rulesText(b *strings.Builder, p *message.Printer) {
	if len(d.Rules) == 0 {
		p.Fprintf(b, "\nRules: none broken.\n")
		return
	}
	p.Fprintf(b, "\nRules broken:\n")
	for _, r := range d.Rules {
		crit := ""
		if r.Critical {
			crit = p.Sprintf(" CRITICAL")
		}
		p.Fprintf(b, "  %s%s (turn %d, %s, -%d %s): %s\n", r.ID, crit, r.Turn, r.Node, r.Penalty, r.Dim, r.Debrief)
		switch {
		case strings.HasPrefix(r.Evidence, "("):
			p.Fprintf(b, "    evidence: %s\n", r.Evidence)
		case r.Evidence != "":
			p.Fprintf(b, "    you said: “%s”\n", r.Evidence)
		}
		if r.Better != "" {
			p.Fprintf(b, "    better: %s\n", r.Better)
		}
	}
}

// bar draws n of max as a bar of width cells.
func bar(n, max, width int) string {
	if max <= 0 {
		return strings.Repeat("░", width)
	}
	full := min(width, max0(n)*width/max)
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

func max0(n int) int { return max(0, n) }

func fmtSeconds(sec float64) string {
	s := int(sec + 0.5)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// named are the transcript speakers and score bands the debrief names in
// its language (the usual medals; a script's own band names stay as they
// are), by their id; "" is a session without a band.
var named = map[string]string{"customer": i18n.Key("customer"), "agent": i18n.Key("agent"), "system": i18n.Key("system"),
	"context": i18n.Key("context"), "bot": i18n.Key("bot"), "": i18n.Key("no band"),
	"gold": i18n.Key("gold"), "silver": i18n.Key("silver"), "bronze": i18n.Key("bronze")}

// speaker names a transcript speaker in the debrief's language.
func speaker(p *message.Printer, who string) string { return nameIn(p, who) }

// bandName names a score band in the debrief's language.
func bandName(p *message.Printer, band string) string { return nameIn(p, band) }

func nameIn(p *message.Printer, id string) string {
	if k, ok := named[id]; ok {
		return p.Sprintf(k)
	}
	return id
}
