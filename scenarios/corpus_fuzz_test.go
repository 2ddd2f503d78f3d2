package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/trainer"
)

// FuzzCorpus feeds arbitrary corpus files to the strict loader and runs what
// loads against the failed-bot script: neither may panic, and an error names
// the file.
func FuzzCorpus(f *testing.F) {
	files, _ := filepath.Glob("testdata/corpus/*.corpus.toml")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("[[line]]\ntext = \"hi\"\nnode = \"nowhere\"\nkind = \"salad\"\nreply = \"\"\n"))
	f.Add([]byte("[[line]]\ntext = 3\n"))
	src, ok := RoleplaySource("failed-bot")
	if !ok {
		f.Fatal("failed-bot is not bundled")
	}
	sc, err := ParseRoleplay("failed-bot.roleplay.toml", src)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, err := ParseCorpus("fuzz.corpus.toml", data)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.corpus.toml") {
				t.Errorf("corpus error does not name the file: %v", err)
			}
			return
		}
		if len(lines) > 50 {
			lines = lines[:50]
		}
		trainer.RunCorpus(sc, lines)
	})
}
