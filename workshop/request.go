package workshop

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
)

// Request is what a facilitator asks for when opening a room.
type Request struct {
	Title     string          `json:"title"`
	Scripts   []string        `json:"scripts"` // bundled role-play names
	Custom    []string        `json:"custom"`  // pasted *.roleplay.toml sources
	Mode      string          `json:"mode"`    // guided, free or choice
	Pulse     bool            `json:"pulse"`
	Cap       int             `json:"cap"`
	Seed      uint64          `json:"seed,string"` // 0 picks one
	Backdrop  *BackdropConfig `json:"backdrop"`
	PauseAway bool            `json:"pause_away"`
	// Team labels the room's pulse in the team's history; Instrument is a
	// pasted *.pulse.toml ("" for the bundled one); MinGroup raises the
	// anonymity threshold above MinGroup.
	Team       string `json:"team"`
	Instrument string `json:"instrument"`
	MinGroup   int    `json:"min_group"`
	// Lang is the language of the room's trainee pages and its exported
	// debrief: "en" or "de", or "" for each trainee's browser.
	Lang string `json:"lang"`
}

// Prepare checks a request against the rules of a room (a title of at
// most 80 characters, a known mode, a room language of "", "en" or "de", a
// cap of 0 to 1000 trainees, a backdrop speed of 0 to 3600, at least one
// role-play that compiles) and returns the room's configuration, with a random seed when the request has none, and
// its compiled scripts.
func Prepare(req Request) (Config, []*trainer.Script, error) {
	cfg := Config{Title: strings.TrimSpace(req.Title), Mode: req.Mode, Pulse: req.Pulse, Cap: req.Cap, Seed: req.Seed,
		Backdrop: req.Backdrop, PauseAway: req.PauseAway, Team: strings.TrimSpace(req.Team), Instrument: req.Instrument, Lang: req.Lang}
	if cfg.Title == "" {
		cfg.Title = "Workshop"
	}
	if utf8.RuneCountInString(cfg.Title) > 80 {
		return cfg, nil, errors.New("the title has at most 80 characters")
	}
	switch cfg.Mode {
	case "":
		cfg.Mode = "choice"
	case "guided", "free", "choice":
	default:
		return cfg, nil, fmt.Errorf("unknown mode %q", cfg.Mode)
	}
	if err := CheckLang(cfg.Lang); err != nil {
		return cfg, nil, err
	}
	if cfg.Cap < 0 || cfg.Cap > 1000 {
		return cfg, nil, errors.New("the cap is 0 (none) to 1000")
	}
	if err := checkPulse(&cfg, req.MinGroup); err != nil {
		return cfg, nil, err
	}
	for cfg.Seed == 0 {
		var b [8]byte
		rand.Read(b[:])
		cfg.Seed = binary.LittleEndian.Uint64(b[:]) >> 12 // small enough to read aloud and to type
	}
	for _, name := range req.Scripts {
		src, ok := scenarios.RoleplaySource(name)
		if !ok {
			return cfg, nil, fmt.Errorf("no bundled role-play %q", name)
		}
		cfg.Scripts = append(cfg.Scripts, ScriptSource{Name: name + ".roleplay.toml", Source: string(src)})
	}
	for i, src := range req.Custom {
		cfg.Scripts = append(cfg.Scripts, ScriptSource{Name: fmt.Sprintf("custom-%d.roleplay.toml", i+1), Source: src})
	}
	if cfg.Backdrop != nil {
		if cfg.Backdrop.Scenario == "" {
			cfg.Backdrop = nil
		} else if cfg.Backdrop.Speed < 0 || cfg.Backdrop.Speed > 3600 {
			return cfg, nil, errors.New("the backdrop speed is 0 to 3600")
		}
	}
	scripts, err := ParseScripts(cfg.Scripts)
	return cfg, scripts, err
}

// CheckLang checks a room language: "" (each trainee's browser), "en" or "de".
func CheckLang(lang string) error {
	switch i18n.Lang(lang) {
	case "", i18n.English, i18n.German:
		return nil
	}
	return fmt.Errorf("unknown room language %q (\"en\", \"de\", or empty for the trainee's browser)", lang)
}

// checkPulse checks the team label, the pulse instrument and the anonymity
// threshold of a room.
func checkPulse(cfg *Config, minGroup int) error {
	if err := CheckTeam(cfg.Team); err != nil {
		return err
	}
	var err error
	if cfg.MinGroup, err = CheckMinGroup(minGroup); err != nil {
		return err
	}
	if cfg.Pulse {
		_, err = cfg.instrument()
	}
	return err
}

// CheckTeam checks a team label: at most 60 characters, no control characters.
func CheckTeam(team string) error {
	if utf8.RuneCountInString(team) > 60 {
		return errors.New("the team label has at most 60 characters")
	}
	for _, r := range team {
		if r < ' ' || r == 0x7f {
			return errors.New("the team label has no control characters")
		}
	}
	return nil
}
