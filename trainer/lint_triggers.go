package trainer

import (
	"fmt"
	"sort"
	"strings"
)

// flipFlops warns about triggers that can keep firing each other: a cycle of
// (not once) triggers in which each one's do writes a variable the next one's
// condition reads. Within one step such triggers flip values back and forth
// until the engine stops them ("triggers keep firing each other"). A trigger
// alone cannot do this within a step (it fires only when its condition
// rises); across steps it oscillates when its do resets a variable of its
// own condition that a tick keeps pushing back (tickSeesaws).
func (l *linter) flipFlops() {
	n := len(l.s.Triggers)
	reads := make([]map[string]bool, n)
	writes := make([]map[string]bool, n)
	for i, t := range l.s.Triggers {
		reads[i], writes[i] = map[string]bool{}, map[string]bool{}
		if ast, err := parseExpr(t.When); err == nil {
			identsOf(ast, reads[i])
		}
		for _, st := range t.Do {
			if a, err := parseStmt(st); err == nil {
				if as, ok := a.(*assignNode); ok {
					writes[i][as.name] = true
				}
			}
		}
	}
	next := make([][]int, n)
	for a := range n {
		for b := range n {
			if a != b && !l.s.Triggers[a].Once && !l.s.Triggers[b].Once && meets(writes[a], reads[b]) {
				next[a] = append(next[a], b)
			}
		}
	}
	l.tickSeesaws(reads, writes)
	for _, comp := range cycles(next) {
		var ids []string
		for _, i := range comp {
			ids = append(ids, triggerName(l.s.Triggers[i], i))
		}
		l.p.warnf(fmt.Sprintf("trigger.%d", comp[0]), "triggers %s can keep firing each other: each one's do changes "+
			"what another's when reads; make one of them once = true or guard its condition", strings.Join(ids, ", "))
	}
}

func triggerName(t Trigger, i int) string {
	if t.ID != "" {
		return fmt.Sprintf("%q", t.ID)
	}
	return fmt.Sprintf("#%d (%s)", i, t.When)
}

func meets(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// identsOf collects the names an expression reads.
func identsOf(n astNode, out map[string]bool) {
	switch x := n.(type) {
	case *identNode:
		out[x.name] = true
	case *unaryNode:
		identsOf(x.x, out)
	case *binaryNode:
		identsOf(x.x, out)
		identsOf(x.y, out)
	case *callNode:
		for _, a := range x.args {
			identsOf(a, out)
		}
	}
}

// cycles returns the strongly connected components of more than one node, each sorted.
func cycles(next [][]int) [][]int {
	n := len(next)
	reach := make([][]bool, n)
	for a := range n {
		reach[a] = make([]bool, n)
		stack := append([]int(nil), next[a]...)
		for len(stack) > 0 {
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !reach[a][b] {
				reach[a][b] = true
				stack = append(stack, next[b]...)
			}
		}
	}
	done := make([]bool, n)
	var out [][]int
	for a := range n {
		if done[a] {
			continue
		}
		comp := []int{a}
		for b := a + 1; b < n; b++ {
			if reach[a][b] && reach[b][a] {
				comp = append(comp, b)
				done[b] = true
			}
		}
		if len(comp) > 1 {
			sort.Ints(comp)
			out = append(out, comp)
		}
	}
	return out
}

// tickSeesaws warns about a (not once) trigger whose do writes a variable its
// own condition reads while a tick writes it too: the tick pushes the value
// one way, the trigger pushes it back, and the trigger fires every few ticks
// for the rest of the call.
func (l *linter) tickSeesaws(reads, writes []map[string]bool) {
	for i, t := range l.s.Triggers {
		if t.Once {
			continue
		}
		for j, tk := range l.s.Ticks {
			ticked := map[string]bool{}
			for _, st := range tk.Do {
				if a, err := parseStmt(st); err == nil {
					if as, ok := a.(*assignNode); ok {
						ticked[as.name] = true
					}
				}
			}
			for v := range writes[i] {
				if reads[i][v] && ticked[v] {
					l.p.warnf(fmt.Sprintf("trigger.%d", i), "trigger %s and tick %d push %s back and forth: the trigger "+
						"fires again every few ticks; make it once = true or stop the tick with a when", triggerName(t, i), j, v)
				}
			}
		}
	}
}
