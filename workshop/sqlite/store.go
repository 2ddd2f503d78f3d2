// Package sqlite is the workshop's store in SQLite: rooms, their
// participants and every session's append-only event log
// (modernc.org/sqlite, WAL, synchronous FULL), so that a commit that
// returned has reached the disk. It implements workshop.Store and
// workshop.Loader.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"

	"github.com/ccsim/ccsim/workshop"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// DB is an open store. It is safe for concurrent use; writes are serialised
// on one connection.
type DB struct {
	db *sql.DB
}

const schema = `
CREATE TABLE IF NOT EXISTS rooms (
	code TEXT PRIMARY KEY,
	token_hash BLOB NOT NULL,
	created_ms INTEGER NOT NULL,
	config TEXT NOT NULL,
	state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS participants (
	id TEXT PRIMARY KEY,
	room TEXT NOT NULL REFERENCES rooms(code),
	seat INTEGER NOT NULL,
	name TEXT NOT NULL,
	trainee TEXT NOT NULL,
	token_hash BLOB NOT NULL UNIQUE,
	script TEXT NOT NULL,
	mode TEXT NOT NULL,
	joined_ms INTEGER NOT NULL,
	last_n INTEGER NOT NULL,
	extra TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_room ON participants(room, seat);
CREATE TABLE IF NOT EXISTS events (
	pid TEXT NOT NULL,
	seq INTEGER NOT NULL,
	data TEXT NOT NULL,
	PRIMARY KEY (pid, seq)
) WITHOUT ROWID;
` + pulseSchema

// Open opens (creating if needed) the store in the SQLite file at path.
func Open(path string) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(ON)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	db.SetMaxOpenConns(1) // one writer; SQLite serialises writes anyway
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: schema: %w", err)
	}
	return &DB{db: db}, nil
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Pragma returns the value of a pragma, for tests.
func (d *DB) Pragma(name string) (string, error) {
	var v string
	err := d.db.QueryRow("PRAGMA " + name).Scan(&v)
	return v, err
}

// Commit writes b in one transaction; when it returns nil the writes are durable.
func (d *DB) Commit(ctx context.Context, b *workshop.Batch) error {
	if b.Empty() {
		return nil
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer tx.Rollback()
	for _, r := range b.Rooms {
		if _, err := tx.Exec(`INSERT INTO rooms(code, token_hash, created_ms, config, state) VALUES(?,?,?,?,?)
			ON CONFLICT(code) DO UPDATE SET state=excluded.state`,
			r.Code, r.TokenHash, r.CreatedMS, string(r.Config), string(r.State)); err != nil {
			return fmt.Errorf("sqlite: room %s: %w", r.Code, err)
		}
	}
	for _, p := range b.Participants {
		if _, err := tx.Exec(`INSERT INTO participants(id, room, seat, name, trainee, token_hash, script, mode, joined_ms, last_n, extra)
			VALUES(?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET last_n=excluded.last_n, extra=excluded.extra, script=excluded.script, mode=excluded.mode,
			token_hash=excluded.token_hash`,
			p.ID, p.Room, p.Seat, p.Name, p.Trainee, p.TokenHash, p.Script, p.Mode, p.JoinedMS, p.LastN, string(orEmpty(p.Extra))); err != nil {
			return fmt.Errorf("sqlite: participant %s: %w", p.ID, err)
		}
	}
	if err := commitPulse(tx, b); err != nil {
		return err
	}
	for pid, evs := range b.Events {
		for _, e := range evs {
			if _, err := tx.Exec(`INSERT INTO events(pid, seq, data) VALUES(?,?,?)`, pid, e.Seq, string(e.Data)); err != nil {
				return fmt.Errorf("sqlite: event %s/%d: %w", pid, e.Seq, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

func orEmpty(b []byte) []byte {
	if len(b) == 0 {
		return []byte("{}")
	}
	return b
}

// Rooms returns every stored room in creation order.
func (d *DB) Rooms(ctx context.Context) ([]workshop.RoomRecord, error) {
	return d.rooms(ctx, `SELECT code, token_hash, created_ms, config, state FROM rooms ORDER BY created_ms, code`)
}

// rooms runs a query of rooms.
func (d *DB) rooms(ctx context.Context, query string, args ...any) ([]workshop.RoomRecord, error) {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: rooms: %w", err)
	}
	defer rows.Close()
	var out []workshop.RoomRecord
	for rows.Next() {
		var r workshop.RoomRecord
		var cfg, st string
		if err := rows.Scan(&r.Code, &r.TokenHash, &r.CreatedMS, &cfg, &st); err != nil {
			return nil, fmt.Errorf("sqlite: rooms: %w", err)
		}
		r.Config, r.State = []byte(cfg), []byte(st)
		out = append(out, r)
	}
	return out, rows.Err()
}

// OpenRooms returns, in creation order, the rooms that have not ended and
// were created at or after sinceMS (Unix milliseconds): the rooms a server
// rebuilds at start. The others stay archived in the store (see Room).
func (d *DB) OpenRooms(ctx context.Context, sinceMS int64) ([]workshop.RoomRecord, error) {
	return d.rooms(ctx, `SELECT code, token_hash, created_ms, config, state FROM rooms
		WHERE created_ms >= ? AND coalesce(json_extract(state, '$.ended'), 0) = 0 ORDER BY created_ms, code`, sinceMS)
}

// Room returns the room with join code; false when there is none.
func (d *DB) Room(ctx context.Context, code string) (workshop.RoomRecord, bool, error) {
	rs, err := d.rooms(ctx, `SELECT code, token_hash, created_ms, config, state FROM rooms WHERE code = ?`, code)
	if err != nil || len(rs) == 0 {
		return workshop.RoomRecord{}, false, err
	}
	return rs[0], true, nil
}

// RoomOfToken returns the join code of the room whose participant has the
// resume token hashing to hash; "" when there is none.
func (d *DB) RoomOfToken(ctx context.Context, hash []byte) (string, error) {
	var code string
	err := d.db.QueryRowContext(ctx, `SELECT room FROM participants WHERE token_hash = ?`, hash).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: participant by token: %w", err)
	}
	return code, nil
}

// Participants returns the participants of room code in seat order.
func (d *DB) Participants(ctx context.Context, code string) ([]workshop.Participant, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, room, seat, name, trainee, token_hash, script, mode, joined_ms, last_n, extra
		FROM participants WHERE room = ? ORDER BY seat`, code)
	if err != nil {
		return nil, fmt.Errorf("sqlite: participants: %w", err)
	}
	defer rows.Close()
	var out []workshop.Participant
	for rows.Next() {
		var p workshop.Participant
		var extra string
		if err := rows.Scan(&p.ID, &p.Room, &p.Seat, &p.Name, &p.Trainee, &p.TokenHash, &p.Script, &p.Mode,
			&p.JoinedMS, &p.LastN, &extra); err != nil {
			return nil, fmt.Errorf("sqlite: participants: %w", err)
		}
		p.Extra = []byte(extra)
		out = append(out, p)
	}
	return out, rows.Err()
}

// Events returns the event log of participant pid in order.
func (d *DB) Events(ctx context.Context, pid string) ([]workshop.StoredEvent, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT seq, data FROM events WHERE pid = ? ORDER BY seq`, pid)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	var out []workshop.StoredEvent
	for rows.Next() {
		var e workshop.StoredEvent
		var data string
		if err := rows.Scan(&e.Seq, &data); err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		e.Data = []byte(data)
		out = append(out, e)
	}
	return out, rows.Err()
}
