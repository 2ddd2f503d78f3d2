package trainer

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/german"
)

// Languages a script can declare in [scenario] lang.
const (
	LangEnglish = "en"
	LangGerman  = "de"
)

// language is what understanding needs to know about one language: its
// Snowball stemmer, stop words, negation cues and scope ends, built-in
// synonyms of the contact-center domain and the clarifying question.
type language struct {
	code    string
	stemmer func(*snowballstem.Env) bool
	stop    map[string]bool
	cues    map[string]bool // words that open a negation scope
	pred    map[string]bool // words that make a preceding cue negate the whole clause ("not needed")
	idioms  map[string]bool // "cue next" pairs that negate nothing ("don't worry")
	enders  map[string]bool // words that end a negation scope
	subject map[string]bool // words that end a scope after and/or ("and I'll …")
	and     map[string]bool
	about   map[string]bool // after an idiom, what it dismisses follows ("don't worry about …")
	// verbCues are cues whose scope is their object: it ends at and/or.
	verbCues map[string]bool
	// oblig are words of obligation or use; near a negation cue they make
	// it a dismissal ("no need", "don't have to", "no point", "won't bother").
	oblig map[string]bool
	// light are stems of light verbs and generic words ("ask", "tell",
	// "thing", "sagen"): they carry no topic, so they are never a rule's key
	// word.
	light map[string]bool
	// nokey holds the stems of stop, function, obligation and light words:
	// never a rule's key word.
	nokey map[string]bool
	// repeat, already and possess tell a declined repetition from a
	// dismissal: "again", and "already" near "have" ("I've already got it").
	repeat, already, possess map[string]bool
	// function lists pronouns, greetings and question words: with stop
	// words and cues, the words a sentence has and word salad lacks.
	function map[string]bool
	// wholeClause: cues negate the whole clause, before and after (German
	// puts nicht after the verb it negates).
	wholeClause bool
	synonyms    map[string][]string
	clarify     string // Sprintf format with the two candidate labels
}

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var langEN = &language{
	code:    LangEnglish,
	stemmer: english.Stem,
	stop: wordSet(`a an the to of and or is are was were be been being it its this that these those in on at for with
		as by from so just then there here um uh er oh well very really do does did am will would shall should
		can could may might must have has had get got about into up out over some any all also too now
		ok okay alright right hmm hm mm mhm uh-huh please let let's`),
	cues: wordSet(`not no never without nobody nothing none neither nor cannot dont wont cant didnt doesnt isnt arent
		wasnt werent shouldnt wouldnt couldnt neednt mustnt havent hasnt hadnt skip skipping skipped bypass
		bypassing bypassed waive waived unnecessary needless`),
	pred:     wordSet(`need needed necessary required important needful`),
	idioms:   wordSet(`dont_worry no_worries no_problem not_a no_doubt not_only no_matter never_mind not_just no_rush cant_wait dont_hesitate`),
	enders:   wordSet(`but however though although instead because since so then yet while until unless before after till once except i'll i'm i've i'd we'll let's`),
	subject:  wordSet(`i we you let he she they it's i'll i'm we'll we're`),
	and:      wordSet(`and or`),
	about:    wordSet(`about with`),
	verbCues: wordSet(`skip skipping skipped bypass bypassing bypassed waive waived without`),
	oblig: wordSet(`need needs needed needn't neednt necessary required have has got point bother bothering going gonna
		worth want must`),
	repeat:  wordSet(`again twice`),
	already: wordSet(`already`),
	possess: wordSet(`have has got i've we've it's`),
	light: wordSet(`ask asked asking tell told say said saying see look run happen happened go goes going come make made take
		give put get one anything something everything nothing thing things stuff here there day days time way know think
		sure mean talk bit lot just first before after again now today call want need like good fine help through own
		if number answer work couple quick more long start clear far next oh yes no hello thanks five week`),
	function: wordSet(`i me my mine we us our you your yours he him his she her they them their what which who how
		why when where i'm i'll i've i'd you're you'll you've we'll we're we've let's it's that's there's please
		thanks thank yes yeah hi hello sure okay not before after only again maybe perhaps first once until since
		because even still already soon later today tomorrow`),
	synonyms: map[string][]string{
		"sorry":      {"apologise", "apologize", "apologies", "apology", "my apologies", "apologising", "apologizing"},
		"verify":     {"verification", "confirm your identity", "confirm identity", "security questions", "security question", "security check", "identity check", "id check", "id checks", "id questions", "id question", "identity questions", "security details", "check your identity", "prove who you are", "authenticate", "validate your identity"},
		"refund":     {"money back", "reimburse", "reimbursement", "pay you back", "reverse the charge", "reverse the charges", "credit back", "give you back"},
		"cancel":     {"cancellation", "call off", "terminate"},
		"frustrat":   {"annoying", "infuriating", "maddening", "irritating", "aggravating"},
		"check":      {"look into", "have a look", "take a look", "look at", "look up"},
		"dob":        {"date of birth", "birth date", "birthday"},
		"email":      {"e-mail", "email address", "mail address"},
		"supervisor": {"manager", "team lead", "team leader"},
		"human":      {"real person", "real human", "a person", "human being", "not a bot", "not a robot"},
		"loss":       {"passed away", "passing", "died", "death", "deceased"},
		"preorder":   {"pre-order", "pre order"},
		"discount":   {"money off", "price cut", "reduction", "cheaper", "knock it down", "knock off", "bring it down", "lower the price", "lower price", "better price", "reduce the price", "price match"},
		"hold":       {"hang on", "bear with me", "one moment", "one second", "just a moment"},
		// Concepts of the breaches role-plays train against, in the words
		// agents use for them: urgency, regret, guarantees, platitudes,
		// talking down, evasion and contempt.
		"urgent": {"decide now", "decide today", "decide right now", "make up your mind now", "now or never", "last chance",
			"only chance", "today only", "ends today", "ends tonight", "limited time", "won't last", "while it lasts",
			"offer ends", "offer expires", "expires today", "expires tonight", "before it's gone", "answer now", "answer today"},
		"regret":    {"you'll regret", "you will regret", "you'll be sorry", "kick yourself", "big mistake", "huge mistake", "you'd be mad", "you'd be crazy"},
		"guarantee": {"guaranteed", "i promise", "promise you", "100 percent", "hundred percent", "rest assured", "for certain", "definitely will", "will definitely"},
		"platitude": {"time heals", "great healer", "better place", "happens for a reason", "life goes on", "look on the bright side", "good innings", "could be worse"},
		"condescend": {"as i said", "as i already said", "as i explained", "as i've explained", "as i've already explained", "like i said",
			"like i told you", "i already told you", "i've already told you", "even a child", "pay attention", "it's very simple"},
		"evade":   {"doesn't matter", "does it matter", "not important", "no comment", "rather not say", "not allowed to say", "can't say"},
		"useless": {"hopeless", "rubbish", "garbage", "waste of space", "waste of time", "pointless", "clueless", "a joke"},
	},
	clarify: "Sorry, do you mean %s, or %s?",
}

var langDE = &language{
	code:        LangGerman,
	wholeClause: true,
	stemmer:     german.Stem,
	stop: wordSet(`der die das den dem des ein eine einen einem einer eines und oder zu zum zur im in am an auf mit von
		vom fuer ist sind war waren bin bist es so ja also mal noch schon nur auch dass da hier nun eben halt denn
		wird werden wuerde kann koennen soll sollte muss muessen habe hat haben ok okay hmm aha naja bitte mich mir mein meine wir uns unser sie ihr ihnen lass`),
	cues: wordSet(`nicht kein keine keinen keinem keiner keines nie niemals nichts ohne niemand weder
		ueberspringen ueberspringe uebersprungen weglassen auslassen sparen spare spart ersparen erspare
		verzichten verzichte verzichtet unnoetig`),
	pred:     wordSet(`noetig notwendig erforderlich wichtig brauchen`),
	idioms:   wordSet(`keine_sorge kein_problem keine_ursache nicht_nur nicht_wahr keine_angst nicht_schlimm`),
	enders:   wordSet(`aber sondern jedoch doch dann weil denn trotzdem stattdessen bis bevor ehe sobald nachdem sonst`),
	subject:  wordSet(`ich wir sie er es dann lass lassen`),
	and:      wordSet(`und oder`),
	about:    wordSet(`wegen um`),
	verbCues: wordSet(`ueberspringen ueberspringe uebersprungen weglassen auslassen ohne sparen spare spart ersparen erspare verzichten verzichte verzichtet`),
	oblig: wordSet(`brauchen brauche braucht brauchst noetig notwendig erforderlich muessen muss musst sinn bedarf
		wollen will lohnt`),
	repeat:  wordSet(`nochmal nochmals erneut wieder`),
	already: wordSet(`schon bereits`),
	possess: wordSet(`habe haben hat vor liegt`),
	light: wordSet(`sagen sage fragen frage sehen mache machen geben nehmen tun tut sehr herr frau darf nennen etwas ding
		heute tag mal erst zuerst bevor nach wieder jetzt gleich kurz geht gut helfen hilft wissen denken meinen als gern
		gerne zusammen handeln nein sondern oh damit vorhanden brauche brauchen einfach ganz`),
	function: wordSet(`ich mich mir mein meine wir uns unser du dich dir dein sie ihr ihnen er ihm ihn was wie wer
		warum wann wo bitte danke ja hallo gerne nicht vor nach nur wieder vielleicht zuerst erst noch schon bald
		heute morgen weil seit bis ihre ihren ihrem ihrer ihres meinen meinem meiner unsere unseren unserem unserer
		deine deinen sein seine seinen seinem seiner man dies diese dieser diesen dieses welche welcher welches
		welchen jetzt dann gleich sofort hatte hatten haette haetten waere waeren gibt`),
	synonyms: map[string][]string{
		"entschuldigung": {"tut mir leid", "es tut mir leid", "entschuldigen", "entschuldige", "verzeihung", "sorry"},
		"verifizieren":   {"verifizierung", "identitaet bestaetigen", "identitaet pruefen", "sicherheitsfragen", "sicherheitsfrage", "legitimieren", "authentifizieren", "sicherheitsabfrage", "sicherheitsabfragen", "identitaetspruefung"},
		"erstatten":      {"rueckerstattung", "geld zurueck", "zurueckerstatten", "gutschrift", "gutschreiben", "zurueckbuchen"},
		"stornieren":     {"kuendigen", "kuendigung", "stornierung", "storno"},
		"verstehen":      {"nachvollziehen", "verstaendlich"},
		"aergerlich":     {"frustrierend", "nervig", "aergerlich", "aergern"},
		"mensch":         {"echter mensch", "echte person", "kein bot", "kein roboter"},
		"pruefen":        {"nachsehen", "nachschauen", "anschauen", "ansehen", "checken"},
		"geburtsdatum":   {"geburtstag"},
		"vorgesetzt":     {"chef", "teamleiter", "teamleitung", "vorgesetzte", "vorgesetzten"},
		// Begriffe der Verstöße, die Rollenspiele üben: Druck, Reue,
		// Garantien, Floskeln, Herablassung, Ausweichen und Verachtung.
		"druck": {"jetzt entscheiden", "sofort entscheiden", "heute noch entscheiden", "nur heute", "letzte chance", "einmalige chance",
			"jetzt oder nie", "gilt nur heute", "laeuft heute ab", "nur noch heute"},
		"bereuen":    {"werden es bereuen", "wuerden es bereuen", "grosser fehler", "riesenfehler"},
		"garantie":   {"garantiert", "ich verspreche", "versprochen", "hundertprozentig", "ganz sicher"},
		"floskel":    {"zeit heilt", "besseren ort", "das leben geht weiter", "kopf hoch", "hat alles seinen sinn"},
		"herablass":  {"wie gesagt", "wie schon gesagt", "wie ich bereits sagte", "hab ich doch schon gesagt", "ganz einfach"},
		"ausweichen": {"tut nichts zur sache", "spielt keine rolle", "ist doch egal", "ist egal", "unwichtig", "kein kommentar", "darf ich nicht sagen"},
		"nutzlos":    {"unbrauchbar", "taugt nichts", "schrott", "katastrophe"},
		"rabatt":     {"guenstiger", "billiger", "nachlass", "preisnachlass", "ermaessigung"},
	},
	clarify: "Entschuldigung, meinen Sie %s oder %s?",
}

// languageOf returns the language for a script's lang code ("" is English), or nil.
func languageOf(code string) *language {
	switch code {
	case "", LangEnglish:
		return langEN
	case LangGerman:
		return langDE
	}
	return nil
}

// stem returns the Snowball stem of a folded word. Numbers, symbols and
// words with apostrophes other than the English possessive stay as they are.
func (l *language) stem(w string) string {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return w
	}
	if l.code == LangEnglish {
		w = strings.TrimSuffix(w, "'s")
		if strings.HasSuffix(w, "n't") {
			return strings.ReplaceAll(w, "'", "")
		}
	}
	if strings.ContainsAny(w, "'-") {
		return w
	}
	env := snowballstem.NewEnv(w)
	l.stemmer(env)
	return env.Current()
}

func init() {
	for _, l := range []*language{langEN, langDE} {
		l.nokey = map[string]bool{}
		for _, set := range []map[string]bool{l.stop, l.function, l.oblig, l.light} {
			for w := range set {
				l.nokey[w] = true
				l.nokey[l.stem(w)] = true
			}
		}
	}
}
