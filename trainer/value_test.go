package trainer

import "testing"

// TestSetLiteral: a set variable's value in Options.Set is a list of its
// members; an unknown member is an error naming the allowed ones.
func TestSetLiteral(t *testing.T) {
	dom := []string{"price", "upgrade", "sports"}
	for _, tc := range []struct {
		src  string
		mask int64
		err  string
	}{
		{"price, sports", 0b101, ""},
		{"['upgrade']", 0b010, ""},
		{`["price","upgrade"]`, 0b011, ""},
		{"", 0, ""},
		{"[]", 0, ""},
		{"price, bigger", 0, `"bigger" is not one of the set's values (price, upgrade, sports)`},
	} {
		v, err := setLiteral(tc.src, dom)
		switch {
		case tc.err != "":
			if err == nil || err.Error() != tc.err {
				t.Errorf("setLiteral(%q) error = %v, want %q", tc.src, err, tc.err)
			}
		case err != nil || v.k != KindSet || v.n != tc.mask:
			t.Errorf("setLiteral(%q) = %+v, %v; want mask %b", tc.src, v, err, tc.mask)
		}
	}
}
