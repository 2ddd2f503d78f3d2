package src

import (
	"fmt"
	"os"

	"golang.org/x/text/message"
)

func show(p *message.Printer, n int) {
	p.Printf("%d calls waiting\n", n)
	p.Fprintf(os.Stdout, "Untranslated %s\n", "x")
	fmt.Printf("not a key %d\n", n)
	p.Sprintf("%s: %s", "a", "b")
	_ = textf("Kept for later %d", n)
	_ = posErr(n, "Bad at %d", n)
	_ = other("not a key either")
}

type text struct{}

func textf(string, ...any) text        { return text{} }
func posErr(int, string, ...any) error { return nil }
func other(string) string              { return "" }
