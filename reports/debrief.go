package reports

import (
	_ "embed"
	"encoding/csv"
	"html/template"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/workshop"
	"golang.org/x/text/message"
)

// WriteDebriefCSV writes a room debrief as CSV: one row per trainee, with a
// column per rubric dimension and the queue figures. Pulse answers are
// anonymous and never appear per trainee (see WritePulseCSV).
func WriteDebriefCSV(w io.Writer, d workshop.Debrief) error {
	cw := csv.NewWriter(w)
	head := []string{"seat", "name", "trainee", "script", "mode", "outcome", "score_pct", "band", "pass", "turns",
		"elapsed_s", "rules_fired"}
	for _, dim := range d.Dims {
		head = append(head, "dim_"+dim+"_pct")
	}
	head = append(head, "queue_mean_waiting", "queue_customer_seconds", "removed")
	writeCSVRow(cw, head)
	for _, t := range append(append([]workshop.TraineeDebrief{}, d.Trainees...), d.Removed...) {
		row := []string{strconv.Itoa(t.Seat), t.Name, t.Trainee, t.Script, t.Mode}
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
		if q := t.Queue; q != nil {
			row = append(row, ftoa(q.MeanWaiting), ftoa(q.CustomerSeconds))
		} else {
			row = append(row, "", "")
		}
		writeCSVRow(cw, append(row, strconv.FormatBool(t.Removed)))
	}
	cw.Flush()
	return cw.Error()
}

// writeCSVRow writes a row with every cell defused (csvSafe).
func writeCSVRow(cw *csv.Writer, row []string) {
	for i, c := range row {
		row[i] = csvSafe(c)
	}
	cw.Write(row)
}

// csvSafe keeps a spreadsheet from reading a cell as a formula: a cell
// that is not a plain number and starts with =, +, -, @ (or their
// full-width forms), a tab, a carriage return or a line feed gets a
// leading apostrophe. Unicode bidirectional controls, which could reverse
// the text of neighbouring cells, are removed.
func csvSafe(s string) string {
	s = workshop.StripBidi(s)
	if plainNumber(s) {
		return s
	}
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("=+-@\t\r\n＝＋－＠", r) {
		return "'" + s
	}
	return s
}

// plainNumber reports whether s is a decimal number such as -12.5.
func plainNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	digits := func(t string) bool { return t != "" && strings.Trim(t, "0123456789") == "" }
	return digits(whole) && (!dot || digits(frac))
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

//go:embed debrief.html.tmpl
var debriefTmpl string

// debriefHTML is the self-contained HTML export of a room debrief;
// html/template escapes every value. Its t, speaker and lang functions are
// bound to a language per page (WriteDebriefHTMLIn).
var debriefHTML = template.Must(template.New("debrief").Funcs(template.FuncMap{
	"pct": func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"secs": func(ms int64) string {
		return strconv.FormatFloat(float64(ms)/1000, 'f', 0, 64) + "s"
	},
	"t":       func(s string, args ...any) string { return s },
	"speaker": func(s string) string { return s },
	"lang":    func() string { return "en" },
}).Parse(debriefTmpl))

// WriteDebriefHTML writes a room debrief as one self-contained HTML page in English.
func WriteDebriefHTML(w io.Writer, d workshop.Debrief) error {
	return WriteDebriefHTMLIn(w, d, i18n.English)
}

// WriteDebriefHTMLIn writes a room debrief as one self-contained HTML page
// whose headings and labels are in language l; the scripts' own texts and
// the trainees' words are as they were written.
func WriteDebriefHTMLIn(w io.Writer, d workshop.Debrief, l i18n.Lang) error {
	p := messages.Printer(l)
	tm, err := debriefHTML.Clone()
	if err != nil {
		return err
	}
	tm.Funcs(template.FuncMap{
		"t":       func(s string, args ...any) string { return label(p, l, s, args) },
		"speaker": func(s string) string { return speakerName(p, s) },
		"lang":    func() string { return string(l) },
	})
	return tm.Execute(w, d)
}

// label is a template's {{t "key" args…}}: the key's text in language l,
// formatted by p when it has arguments (a label such as "total %" is not a format).
func label(p *message.Printer, l i18n.Lang, key string, args []any) string {
	if len(args) == 0 {
		return messages.Text(l, key)
	}
	return p.Sprintf(key, args...)
}

// speakers are the transcript speakers the page names in its language.
var speakers = map[string]string{"customer": i18n.Key("customer"), "agent": i18n.Key("agent"), "bot": i18n.Key("bot"),
	"system": i18n.Key("system"), "context": i18n.Key("context")}

// speakerName names a transcript speaker in the page's language.
func speakerName(p *message.Printer, who string) string {
	if k, ok := speakers[who]; ok {
		return p.Sprintf(k)
	}
	return who
}
