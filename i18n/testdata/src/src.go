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
}
