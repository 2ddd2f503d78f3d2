package trainer

import (
	"fmt"
	"strings"

	"github.com/ccsim/ccsim/i18n"
)

// text is a message kept as its English format (a key of lintMessages) and
// arguments, so that a finding quoting it (an expression's error, a
// pattern's reasons) prints it in the author's language. As an error it is
// the English message.
type text struct {
	format string
	args   []any
}

// textf makes a text of a lintMessages key and its arguments.
func textf(format string, args ...any) text { return text{format, args} }

// Error is the text in English.
func (t text) Error() string { return fmt.Sprintf(t.format, t.args...) }

// in is the text in language l.
func (t text) in(l i18n.Lang) string {
	if l == i18n.English {
		return t.Error()
	}
	return lintMessages.Printer(l).Sprintf(t.format, localize(t.args, l)...)
}

// texts are reasons printed joined by "; ".
type texts []text

// String joins the texts in English.
func (ts texts) String() string { return ts.in(i18n.English) }

func (ts texts) in(l i18n.Lang) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.in(l)
	}
	return strings.Join(s, "; ")
}

// localize replaces the arguments that are texts by their wording in l.
func localize(args []any, l i18n.Lang) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(interface{ in(i18n.Lang) string }); ok {
			out[i] = t.in(l)
		} else {
			out[i] = a
		}
	}
	return out
}
