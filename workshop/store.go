package workshop

import "context"

// Store is what a room needs of its store: one durable commit per round.
type Store interface {
	Commit(ctx context.Context, b *Batch) error
}

// Loader is what restoring rooms after a restart needs of the store.
type Loader interface {
	Rooms(ctx context.Context) ([]RoomRecord, error)
	Participants(ctx context.Context, code string) ([]Participant, error)
	Events(ctx context.Context, pid string) ([]StoredEvent, error)
}

// RoomRecord is one workshop room as stored: its join code, the hash of its
// facilitator token, and its configuration and state as JSON chosen by the
// caller.
type RoomRecord struct {
	Code      string
	TokenHash []byte
	CreatedMS int64
	Config    []byte // JSON, written once
	State     []byte // JSON, rewritten on changes
}

// Participant is one trainee seat in a room.
type Participant struct {
	ID        string
	Room      string
	Seat      int
	Name      string
	Trainee   string // optional trainee id for combined reports
	TokenHash []byte // hash of the resume token
	Script    string // name of the script played
	Mode      string
	JoinedMS  int64
	LastN     int64  // highest client message number applied
	Extra     []byte // JSON: removed flag, pulse answers, backdrop figures
}

// StoredEvent is one entry of a session's log: its position and its JSON.
type StoredEvent struct {
	Seq  int
	Data []byte
}

// Batch is a set of writes committed in one transaction.
type Batch struct {
	Rooms        []RoomRecord  // rooms to insert or update (state and config)
	Participants []Participant // participants to insert or update
	Events       map[string][]StoredEvent
	PulseRounds  []PulseRound  // pulse rounds to insert or update (team, title)
	PulseAnswers []PulseAnswer // anonymous pulse answers to insert
	PulseTexts   []PulseText   // free-text pulse answers to insert
	PulseDrops   []PulseAnswer // respondents (Round, Respondent) whose answers to delete
}

// Empty reports whether b writes nothing.
func (b *Batch) Empty() bool {
	return len(b.Rooms) == 0 && len(b.Participants) == 0 && len(b.Events) == 0 &&
		len(b.PulseRounds) == 0 && len(b.PulseAnswers) == 0 && len(b.PulseTexts) == 0 && len(b.PulseDrops) == 0
}

// AddEvents appends events of participant pid to b.
func (b *Batch) AddEvents(pid string, evs ...StoredEvent) {
	if b.Events == nil {
		b.Events = map[string][]StoredEvent{}
	}
	b.Events[pid] = append(b.Events[pid], evs...)
}

// PulseReader is what reading the pulse history needs of the store.
type PulseReader interface {
	// PulseRounds returns the rounds of team, or of every team for "".
	PulseRounds(ctx context.Context, team string) ([]PulseRound, error)
	// PulseResponses returns a round's answers and free texts.
	PulseResponses(ctx context.Context, round string) ([]PulseAnswer, []PulseText, error)
}
