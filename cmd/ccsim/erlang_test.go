package main

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim/erlang"
)

// erlangJSON runs the calculator with --json and decodes its document.
func erlangJSON(t *testing.T, args ...string) erlangDoc {
	t.Helper()
	out, stderr, code := ccsim(t, append([]string{"erlang", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("erlang %v exited %d: %s", args, code, stderr)
	}
	var doc erlangDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("erlang %v: not JSON: %v\n%s", args, err, out)
	}
	return doc
}

func near9(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil || math.Abs(*got-want) > 1e-9 {
		t.Errorf("%s = %v, want %.12g", what, got, want)
	}
}

// TestErlangModels checks each model's figures in the calculator against a
// published value or the erlang package computed independently of the CLI.
func TestErlangModels(t *testing.T) {
	b := erlangJSON(t, "--model", "b", "--rate", "100", "--aht", "180s", "--agents", "10")
	near9(t, "Erlang B(10 lines, 5 erlangs)", b.Rows[0].PBlock, 0.0183845703366481331) // published tables: 0.01838
	x := erlangJSON(t, "--rate", "2100", "--aht", "180s", "--patience", "120s", "--redial", "0.5", "--agents", "104")
	q := erlang.Queue{Rate: 2100.0 / 3600, AHT: 180, Agents: 104, Patience: 120}
	xf, err := erlang.Retrial{Queue: q, Redial: 0.5}.Figures()
	if err != nil {
		t.Fatal(err)
	}
	if x.Model != "Erlang X" {
		t.Errorf("model = %q, want Erlang X from --redial", x.Model)
	}
	near9(t, "Erlang X lost", x.Rows[0].PLost, xf.PLost)
	near9(t, "Erlang X abandon per attempt", x.Rows[0].PAbandon, xf.PAbandon)
	chat := erlangJSON(t, "--rate", "600", "--aht", "240s", "--channel", "chat", "--concurrency", "3", "--agents", "15", "--threshold", "60s")
	cq := erlang.Queue{Rate: 600.0 / 3600, AHT: 240, Agents: 45}
	if chat.Rows[0].Servers != 45 {
		t.Errorf("chat servers = %d, want 15 agents × 3 chats", chat.Rows[0].Servers)
	}
	near9(t, "chat service level", chat.Rows[0].ServiceLevel, cq.ServiceLevel(60, erlang.Offered))
	mail := erlangJSON(t, "--rate", "60", "--aht", "10m", "--channel", "email", "--deadline", "1h", "--agents", "11")
	mq := erlang.Queue{Rate: 60.0 / 3600, AHT: 600, Agents: 11}
	near9(t, "e-mail answered within the deadline", mail.Rows[0].ServiceLevel, mq.ServiceLevel(3600, erlang.Offered))
}

// TestErlangTable checks the table over agent counts: rows in order,
// service level rising, shrinkage and cost per interval.
func TestErlangTable(t *testing.T) {
	doc := erlangJSON(t, "--volume", "100", "--interval", "30m", "--aht", "180s", "--table", "12..16", "--shrinkage", "0.3", "--cost-per-hour", "32", "--currency", "EUR")
	if len(doc.Rows) != 5 {
		t.Fatalf("rows = %d, want 5", len(doc.Rows))
	}
	for i, r := range doc.Rows {
		wantSched := int(math.Ceil(float64(r.Agents) / 0.7))
		if r.Agents != 12+i || r.Scheduled != wantSched || r.Cost == nil || *r.Cost != float64(wantSched)*0.5*32 {
			t.Errorf("row %d = %d agents, %d scheduled, cost %v; want %d, %d, %g", i, r.Agents, r.Scheduled, r.Cost, 12+i, wantSched, float64(wantSched)*16)
		}
		if i > 0 && *r.ServiceLevel <= *doc.Rows[i-1].ServiceLevel {
			t.Errorf("service level does not rise from %d to %d agents", r.Agents-1, r.Agents)
		}
	}
	near9(t, "SL with 14 agents", doc.Rows[2].ServiceLevel, 0.8883500192)
	out, _, _ := ccsim(t, "erlang", "--volume", "100", "--interval", "30m", "--aht", "180s", "--table", "13..14", "--cost-per-hour", "32", "--currency", "EUR")
	if !strings.Contains(out, "SL 20s") || !strings.Contains(out, "224 EUR") {
		t.Errorf("table output lacks its SL column or cost (14 × 0.5 h × 32 = 224 EUR):\n%s", out)
	}
}

// TestErlangSolves checks --target for the models that are solved by search.
func TestErlangSolves(t *testing.T) {
	x := erlangJSON(t, "--rate", "2100", "--aht", "180s", "--patience", "120s", "--redial", "0.5", "--target", "0.8")
	if !x.Solved || *x.Rows[0].ServiceLevel < 0.8 {
		t.Fatalf("Erlang X solve: %+v", x.Rows[0])
	}
	less := erlangJSON(t, "--rate", "2100", "--aht", "180s", "--patience", "120s", "--redial", "0.5", "--agents", strconv.Itoa(x.Rows[0].Agents-1))
	if *less.Rows[0].ServiceLevel >= 0.8 {
		t.Errorf("%d agents already reach 80%%; the solve is not the fewest", x.Rows[0].Agents-1)
	}
	chat := erlangJSON(t, "--rate", "600", "--aht", "240s", "--channel", "chat", "--concurrency", "3", "--target", "0.8", "--threshold", "60s")
	if *chat.Rows[0].ServiceLevel < 0.8 || chat.Rows[0].Servers != 3*chat.Rows[0].Agents {
		t.Errorf("chat solve: %+v", chat.Rows[0])
	}
	bl := erlangJSON(t, "--model", "b", "--rate", "100", "--aht", "180s", "--target", "0.98")
	if n := bl.Rows[0].Agents; erlang.B(n, 5) > 0.02 || erlang.B(n-1, 5) <= 0.02 {
		t.Errorf("Erlang B solve for 2%% blocking: %d lines", n)
	}
}

// TestErlangBadFlags checks that conflicting or missing flags exit 2 with a reason.
func TestErlangBadFlags(t *testing.T) {
	tests := [][]string{
		{"--rate", "100", "--aht", "180s", "--agents", "10", "--redial", "0.5"},
		{"--rate", "100", "--aht", "180s", "--agents", "10", "--model", "a"},
		{"--rate", "100", "--aht", "180s", "--agents", "10", "--channel", "email"},
		{"--rate", "100", "--aht", "180s", "--agents", "10", "--concurrency", "2"},
		{"--rate", "100", "--aht", "180s", "--table", "9..3"},
		{"--rate", "100", "--aht", "180s", "--agents", "10", "--shrinkage", "1"},
		{"--rate", "100", "--aht", "180s", "--agents", "10", "--target", "0.8"},
		{"--rate", "100", "--aht", "180s", "--agents", "10", "--model", "z"},
	}
	for _, args := range tests {
		_, stderr, code := ccsim(t, append([]string{"erlang"}, args...)...)
		if code != 2 || !strings.Contains(stderr, "--") {
			t.Errorf("erlang %v exited %d (%q), want 2 naming the flag", args, code, stderr)
		}
	}
}
