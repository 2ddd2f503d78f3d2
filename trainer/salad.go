package trainer

// salad reports whether a line reads as word salad rather than as
// sentences: most of its words lie in clauses of at least saladWords words
// where content words repeat (each twice on average: "hold week hold week")
// or where any words do ("no no yes no yes"), or where fewer than one word in six is a function word (a stop word,
// pronoun, greeting or negation): "fibre outage sports fee neighbour".
// Word salad is never understood, however many of a reply's words it has.
func (l *language) salad(ts []term) bool {
	inSalad, words := 0, 0
	for i := 0; i < len(ts); {
		j := i
		for j < len(ts) && ts[j].clause == ts[i].clause {
			j++
		}
		n := j - i
		words += n
		if n >= saladWords && l.saladClause(ts[i:j]) {
			inSalad += n
		}
		i = j
	}
	return words > 0 && 2*inSalad >= words
}

// saladWords is the fewest words a clause needs to be judged word salad.
const saladWords = 4

func (l *language) saladClause(ts []term) bool {
	function := 0
	distinct, words := map[string]bool{}, map[string]bool{}
	content := 0
	for _, t := range ts {
		words[t.surface] = true
		if t.stop || l.function[t.surface] || l.isCue(t.surface) {
			function++
			continue
		}
		content++
		distinct[t.stem] = true
	}
	if content >= saladWords && 2*len(distinct) <= content {
		return true
	}
	if len(ts) > saladWords && 2*len(words) <= len(ts) {
		return true // "no no no no yes"
	}
	return len(ts) >= saladWords+1 && 6*function < len(ts)
}
