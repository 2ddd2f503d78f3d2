package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ccsim/ccsim/workshop"
)

// pulseSchema keeps the pulse history apart from the rooms: answers carry
// a random respondent key, never a participant; free texts carry not even
// that, and a random key of their own orders them (WITHOUT ROWID: no order
// of arrival is kept).
const pulseSchema = `
CREATE TABLE IF NOT EXISTS pulse_rounds (
	id TEXT PRIMARY KEY,
	team TEXT NOT NULL,
	kind TEXT NOT NULL,
	title TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	instrument TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pulse_rounds_team ON pulse_rounds(team, created_ms);
CREATE TABLE IF NOT EXISTS pulse_answers (
	round TEXT NOT NULL REFERENCES pulse_rounds(id),
	respondent TEXT NOT NULL,
	phase TEXT NOT NULL,
	answers TEXT NOT NULL,
	PRIMARY KEY (round, respondent, phase)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pulse_texts (
	round TEXT NOT NULL REFERENCES pulse_rounds(id),
	k TEXT NOT NULL,
	phase TEXT NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (round, k)
) WITHOUT ROWID;
`

// commitPulse writes the batch's pulse rounds, answers and texts in tx.
func commitPulse(tx *sql.Tx, b *workshop.Batch) error {
	for _, r := range b.PulseRounds {
		if _, err := tx.Exec(`INSERT INTO pulse_rounds(id, team, kind, title, created_ms, instrument) VALUES(?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET team=excluded.team, title=excluded.title`,
			r.ID, r.Team, r.Kind, r.Title, r.CreatedMS, string(r.Instrument)); err != nil {
			return fmt.Errorf("sqlite: pulse round %s: %w", r.ID, err)
		}
	}
	for _, a := range b.PulseAnswers {
		data, err := json.Marshal(a.Answers)
		if err != nil {
			return fmt.Errorf("sqlite: pulse answers: %w", err)
		}
		if _, err := tx.Exec(`INSERT INTO pulse_answers(round, respondent, phase, answers) VALUES(?,?,?,?)`,
			a.Round, a.Respondent, a.Phase, string(data)); err != nil {
			return fmt.Errorf("sqlite: pulse answers of round %s: %w", a.Round, err)
		}
	}
	for _, a := range b.PulseDrops {
		if _, err := tx.Exec(`DELETE FROM pulse_answers WHERE round = ? AND respondent = ?`, a.Round, a.Respondent); err != nil {
			return fmt.Errorf("sqlite: dropping pulse answers of round %s: %w", a.Round, err)
		}
	}
	for _, t := range b.PulseTexts {
		var k [12]byte
		rand.Read(k[:])
		if _, err := tx.Exec(`INSERT INTO pulse_texts(round, k, phase, text) VALUES(?,?,?,?)`,
			t.Round, hex.EncodeToString(k[:]), t.Phase, t.Text); err != nil {
			return fmt.Errorf("sqlite: pulse text of round %s: %w", t.Round, err)
		}
	}
	return nil
}

// PulseRounds returns the pulse rounds of team ("" for every team),
// oldest first.
func (d *DB) PulseRounds(ctx context.Context, team string) ([]workshop.PulseRound, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, team, kind, title, created_ms, instrument FROM pulse_rounds
		WHERE ? = '' OR team = ? ORDER BY created_ms, id`, team, team)
	if err != nil {
		return nil, fmt.Errorf("sqlite: pulse rounds: %w", err)
	}
	defer rows.Close()
	var out []workshop.PulseRound
	for rows.Next() {
		var r workshop.PulseRound
		var inst string
		if err := rows.Scan(&r.ID, &r.Team, &r.Kind, &r.Title, &r.CreatedMS, &inst); err != nil {
			return nil, fmt.Errorf("sqlite: pulse rounds: %w", err)
		}
		r.Instrument = []byte(inst)
		out = append(out, r)
	}
	return out, rows.Err()
}

// PulseRound returns the round with id; false when there is none.
func (d *DB) PulseRound(ctx context.Context, id string) (workshop.PulseRound, bool, error) {
	var r workshop.PulseRound
	var inst string
	err := d.db.QueryRowContext(ctx, `SELECT id, team, kind, title, created_ms, instrument FROM pulse_rounds WHERE id = ?`, id).
		Scan(&r.ID, &r.Team, &r.Kind, &r.Title, &r.CreatedMS, &inst)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("sqlite: pulse round: %w", err)
	}
	r.Instrument = []byte(inst)
	return r, true, nil
}

// PulseResponses returns the answers and free texts of round.
func (d *DB) PulseResponses(ctx context.Context, round string) ([]workshop.PulseAnswer, []workshop.PulseText, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT respondent, phase, answers FROM pulse_answers WHERE round = ? ORDER BY respondent, phase`, round)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: pulse answers: %w", err)
	}
	defer rows.Close()
	var as []workshop.PulseAnswer
	for rows.Next() {
		a := workshop.PulseAnswer{Round: round}
		var data string
		if err := rows.Scan(&a.Respondent, &a.Phase, &data); err != nil {
			return nil, nil, fmt.Errorf("sqlite: pulse answers: %w", err)
		}
		if err := json.Unmarshal([]byte(data), &a.Answers); err != nil {
			return nil, nil, fmt.Errorf("sqlite: pulse answers of round %s: %w", round, err)
		}
		as = append(as, a)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	ts, err := d.pulseTexts(ctx, round)
	return as, ts, err
}

func (d *DB) pulseTexts(ctx context.Context, round string) ([]workshop.PulseText, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT phase, text FROM pulse_texts WHERE round = ? ORDER BY k`, round)
	if err != nil {
		return nil, fmt.Errorf("sqlite: pulse texts: %w", err)
	}
	defer rows.Close()
	var out []workshop.PulseText
	for rows.Next() {
		t := workshop.PulseText{Round: round}
		if err := rows.Scan(&t.Phase, &t.Text); err != nil {
			return nil, fmt.Errorf("sqlite: pulse texts: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// PulseHistory reads the rounds of team ("" for every team) with their
// answers, for workshop.BuildHistory.
func (d *DB) PulseHistory(ctx context.Context, team string) ([]workshop.RoundData, error) {
	return workshop.LoadRounds(ctx, d, team)
}
