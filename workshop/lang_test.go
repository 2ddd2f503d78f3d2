package workshop

import "testing"

// TestPrepareLang: a room's language is "", "en" or "de"; anything else is
// refused, and the chosen one reaches the configuration and the room view.
func TestPrepareLang(t *testing.T) {
	tests := []struct {
		name, lang string
		ok         bool
	}{
		{"the trainee's browser", "", true},
		{"English", "en", true},
		{"German", "de", true},
		{"French", "fr", false},
		{"upper case", "DE", false},
		{"a region", "de-AT", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, _, err := Prepare(Request{Scripts: []string{"cancel-x5"}, Lang: tc.lang})
			if (err == nil) != tc.ok {
				t.Fatalf("Prepare(Lang: %q) error = %v, want ok %v", tc.lang, err, tc.ok)
			}
			if !tc.ok {
				return
			}
			if cfg.Lang != tc.lang {
				t.Errorf("Prepare(Lang: %q).Lang = %q, want %q", tc.lang, cfg.Lang, tc.lang)
			}
			if got := quickRoom(t, cfg).Info().Lang; got != tc.lang {
				t.Errorf("Info().Lang = %q, want %q", got, tc.lang)
			}
		})
	}
}
