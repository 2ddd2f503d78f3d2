package i18n

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Lang
		wantErr bool
	}{
		{"", English, false}, {"en", English, false}, {"DE", German, false}, {" de ", German, false},
		{"fr", "", true}, {"deutsch", "", true},
	}
	for _, tc := range tests {
		got, err := Parse(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("Parse(%q) = %q, %v; want %q, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestFromAcceptLanguage(t *testing.T) {
	tests := []struct {
		header string
		want   Lang
	}{
		{"", English},
		{"de", German},
		{"de-AT,de;q=0.9,en;q=0.8", German},
		{"fr-FR,fr;q=0.9,de;q=0.7,en;q=0.5", German},
		{"en-GB,en;q=0.9,de;q=0.8", English},
		{"fr", English},
		{"de;q=0.2,en;q=0.9", English},
		{";;garbage", English},
	}
	for _, tc := range tests {
		if got := FromAcceptLanguage(tc.header); got != tc.want {
			t.Errorf("FromAcceptLanguage(%q) = %q, want %q", tc.header, got, tc.want)
		}
		want := tc.want
		if tc.header == "" || tc.header == "fr" || tc.header == ";;garbage" {
			want = German
		}
		if got := FromAcceptLanguageOr(tc.header, German); got != want {
			t.Errorf("FromAcceptLanguageOr(%q, de) = %q, want %q", tc.header, got, want)
		}
	}
}

func TestPrinter(t *testing.T) {
	c := Catalog{"%d calls waiting\n": "%d Anrufe warten\n", "Score: %.1f%%": "Punkte: %.1f %%"}
	if got, want := c.Printer(German).Sprintf("%d calls waiting\n", 3), "3 Anrufe warten\n"; got != want {
		t.Errorf("German = %q, want %q", got, want)
	}
	if got, want := c.Printer(English).Sprintf("%d calls waiting\n", 3), "3 calls waiting\n"; got != want {
		t.Errorf("English = %q, want %q", got, want)
	}
	if got, want := c.Printer(German).Sprintf("Score: %.1f%%", 85.5), "Punkte: 85,5 %"; got != want {
		t.Errorf("German decimal = %q, want %q", got, want)
	}
	if got, want := c.Printer(German).Sprintf("no entry %s", "x"), "no entry x"; got != want {
		t.Errorf("missing key = %q, want the key itself %q", got, want)
	}
}

func TestCheck(t *testing.T) {
	c := Catalog{
		"%d calls waiting\n": "%s Anrufe warten\n", // wrong verb
		"Never printed":      "Nie gedruckt",
	}
	got, err := Check(c, "testdata/src")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`German translation of "%d calls waiting\n" has verbs "%s", want "%d"`,
		`German translation of "Never printed": no code prints this key`,
		`page.html:1: "Join a room" has no German translation`,
		`page.js:1: "Room %s" has no German translation`,
		`page.js:1: "Send" has no German translation`,
		`page.tmpl:1: "Calls waiting" has no German translation`,
		`"Untranslated %s\n" has no German translation`,
		`"Kept for later %d" has no German translation`,
		`"Bad at %d" has no German translation`,
	}
	if len(got) != len(want) {
		t.Fatalf("Check = %q, want %d problems like %q", got, len(want), want)
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("problem %d = %q, want it to contain %q", i, got[i], want[i])
		}
	}
}
