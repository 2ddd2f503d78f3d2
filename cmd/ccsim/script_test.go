package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/scenarios"
)

// ccsimIn runs the CLI in-process with stdin and returns stdout, stderr and the exit code.
func ccsimIn(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestTrainPiped(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  []string
	}{
		{"guided to the X6 switch", "empathize\nverify\nall_options\nswap_case\n",
			[]string{"train", "cancel-x5", "--seed", "3", "--variant", "no_context"},
			[]string{") Apologise for the bot", "You: Sorry the bot went in circles", "Outcome: switched_to_x6 after 4 turns",
				"Score: 92.5% PASS", "Rules: none broken.", "Path: handoff → reason → options → decide → preorder → end_switched"}},
		{"free with context", "I can see you were charged twice on the 3rd\nI've refunded the duplicate; 3-5 business days\n" +
			"It was a payment retry, I've switched retries off\nThanks for telling us, I'll pass that feedback on\n",
			[]string{"train", "failed-bot", "--mode", "free", "--seed", "1", "--variant", "with_context"},
			[]string{"[hand-off] intent: billing_duplicate_charge", "Sam Okafor: Yes! Finally.", "Outcome: resolved after 4 turns", "PASS"}},
		{"guided critical fail", "own_it\nlook_now\nrefund_now\nfix_cause\ntake_feedback\n",
			[]string{"train", "failed-bot", "--seed", "1", "--variant", "no_context"},
			[]string{"Outcome: resolved", "FAIL", "verify-before-refund CRITICAL", "better: Without a verified hand-off"}},
		{"EOF ends the session with a debrief", "empathize\n",
			[]string{"train", "cancel-x5", "--seed", "3", "--variant", "no_context"},
			[]string{"Outcome: quit after 1 turns", "Debrief: Cancel an X5"}},
		{"quit command", "/quit\n",
			[]string{"train", "failed-bot", "--seed", "2"},
			[]string{"Outcome: quit after 0 turns"}},
		{"bad choice is re-asked", "9\n",
			[]string{"train", "cancel-x5", "--seed", "3"},
			[]string{"Pick a number from 1 to"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := ccsimIn(t, tc.stdin, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %s", code, errOut)
			}
			if strings.Contains(out, "\x1b[") {
				t.Errorf("piped output contains ANSI escapes")
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestTrainJSONAndLog(t *testing.T) {
	log := filepath.Join(t.TempDir(), "events.json")
	out, errOut, code := ccsimIn(t, "empathize\nverify\nall_options\nswap_case\n", "train", "cancel-x5", "--seed", "3", "--variant", "no_context", "--json", "--log", log)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d struct {
		Outcome string `json:"outcome"`
		Score   struct {
			TotalPct float64 `json:"total_pct"`
			Pass     bool    `json:"pass"`
		} `json:"score"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	if d.Outcome != "switched_to_x6" || !d.Score.Pass {
		t.Errorf("JSON debrief outcome %q pass %v, want switched_to_x6, pass", d.Outcome, d.Score.Pass)
	}
	if !strings.Contains(errOut, "Dana Reyes:") {
		t.Errorf("with --json the session should be shown on stderr")
	}
	data, err := os.ReadFile(log)
	if err != nil || !strings.Contains(string(data), `"kind": "start"`) {
		t.Errorf("event log %s: %v", log, err)
	}
}

func TestTrainUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no script", []string{"train"}, 2, "bundled role-play"},
		{"unknown script", []string{"train", "nope"}, 2, "no such file or bundled role-play"},
		{"bad mode", []string{"train", "cancel-x5", "--mode", "chat"}, 2, "--mode must be guided or free"},
		{"bad variant", []string{"train", "cancel-x5", "--variant", "x"}, 2, `unknown variant "x"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := ccsimIn(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d with %q", code, errOut, tc.code, tc.want)
			}
		})
	}
}

func TestScriptTools(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.roleplay.toml")
	src, _ := scenarios.RoleplaySource("cancel-x5")
	broken := strings.Replace(string(src), `goto = "reason"`, `goto = "reasn"`, 1)
	if err := os.WriteFile(bad, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	failing := filepath.Join(dir, "failing.roleplay.toml")
	wrong := strings.Replace(string(src), `expect = { end_in = ["hung_up"] }`, `expect = { end_in = ["cancelled"] }`, 1)
	if err := os.WriteFile(failing, []byte(wrong), 0o644); err != nil {
		t.Fatal(err)
	}
	badLine := strings.Count(broken[:strings.Index(broken, `goto = "reasn"`)], "\n") + 1
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"lint bundled", []string{"script", "lint", "cancel-x5", "failed-bot"}, 0, "failed-bot.roleplay.toml: 0 error(s), 0 warning(s)"},
		{"lint bad file", []string{"script", "lint", bad}, 1, bad + ":" + itoa(badLine) + `: node.handoff.reply.0.goto: unknown node "reasn" (did you mean "reason"?)`},
		{"test bundled", []string{"script", "test", "cancel-x5", "failed-bot", "--runs", "50"}, 0, "coverage: nodes 8/8, replies 13/13, endings 3/3"},
		{"test failing plan", []string{"script", "test", failing}, 1, "FAIL silence hangs up"},
		{"graph dot", []string{"script", "graph", "cancel-x5"}, 0, `"handoff" -> "reason" [label="empathize"]`},
		{"graph mermaid with visits", []string{"script", "graph", "failed-bot", "--format", "mermaid", "--visits", "20"}, 0, "flowchart LR"},
		{"graph bad format", []string{"script", "graph", "cancel-x5", "--format", "svg"}, 2, ""},
		{"stats", []string{"script", "stats", "failed-bot"}, 0, "outcomes         resolved, escalated, hung_up"},
		{"explain a dismissal", []string{"script", "explain", "cancel-x5", "--at", "reason", "we won't bother confirming your identity, let's just cancel it"}, 0, `fires verify-first: pattern "@verify" matched "verify" only in a negated clause`},
		{"explain stems", []string{"script", "explain", "cancel-x5", "--at", "reason", "we won't bother confirming your identity"}, 0, "terms: we wont ¬bother ¬verifi"},
		{"explain word salad", []string{"script", "explain", "cancel-x5", "--at", "reason", "number the cancel what's my order can you please it"}, 0, "word salad (its words repeat, or their order is unlike sentences)"},
		{"explain a rule model", []string{"script", "explain", "cancel-x5", "--at", "reason", "you'll regret cancelling, this price won't come back"}, 0, "model of no-pressure: "},
		{"explain unknown node", []string{"script", "explain", "failed-bot", "--at", "nowhere", "hello"}, 2, ""},
		{"explain no line", []string{"script", "explain", "failed-bot"}, 2, ""},
		{"unknown tool", []string{"script", "extract", "cancel-x5"}, 2, ""},
		{"no tool", []string{"script"}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := ccsimIn(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stdout %s stderr %s", code, tc.code, out, errOut)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("stdout lacks %q:\n%s", tc.want, out)
			}
		})
	}
}

// TestScriptExplainOffered checks that explain weighs only the replies
// offered at the node: cancel-x5's "pressure" belongs to "reason".
func TestScriptExplainOffered(t *testing.T) {
	line := "This is your last chance to keep this deal"
	for node, want := range map[string]bool{"reason": true, "options": false} {
		out, errs, code := ccsimIn(t, "", "script", "explain", "cancel-x5", "--at", node, "--top", "100", line)
		if code != 0 {
			t.Fatalf("explain at %s: exit %d: %s", node, code, errs)
		}
		if got := strings.Contains(out, "reply pressure "); got != want {
			t.Errorf("explain at %s lists reply pressure: %v, want %v\n%s", node, got, want, out)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
