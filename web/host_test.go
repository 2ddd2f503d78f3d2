package web

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

// TestHostHeader: requests for a host the server is not are refused with
// 421 (DNS rebinding); its IP addresses, localhost and its public hosts are served.
func TestHostHeader(t *testing.T) {
	ts := newTestServer(t, "")
	ts.PublicHosts = []string{"ccsim.example"}
	ts.Origins = []string{"https://train.example"}
	h := ts.Handler()
	for _, tc := range []struct {
		name, listen, host string
		want               int
	}{
		{"loopback address", "127.0.0.1", "127.0.0.1:8080", http.StatusOK},
		{"localhost", "127.0.0.1", "localhost:8080", http.StatusOK},
		{"IPv6 loopback", "127.0.0.1", "[::1]:8080", http.StatusOK},
		{"public host", "127.0.0.1", "ccsim.example", http.StatusOK},
		{"public host, other case and port", "127.0.0.1", "CCSIM.Example:443", http.StatusOK},
		{"host of --origin", "127.0.0.1", "train.example", http.StatusOK},
		{"rebinding name", "127.0.0.1", "evil.example:8080", http.StatusMisdirectedRequest},
		{"subdomain of a public host", "127.0.0.1", "x.ccsim.example", http.StatusMisdirectedRequest},
		{"address not listened on", "127.0.0.1", "10.0.0.5:8080", http.StatusMisdirectedRequest},
		{"listening everywhere: any address", "0.0.0.0", "10.0.0.5:8080", http.StatusOK},
		{"listening everywhere: a foreign name", "0.0.0.0", "evil.example", http.StatusMisdirectedRequest},
		{"listening on a LAN address: localhost", "10.0.0.5", "localhost:8080", http.StatusMisdirectedRequest},
		{"listening on a LAN address: it", "10.0.0.5", "10.0.0.5:8080", http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts.listenIP = netip.MustParseAddr(tc.listen)
			for _, path := range []string{"/api/roleplays", "/workshop"} {
				r := httptest.NewRequest("GET", path, nil)
				r.Host = tc.host
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != tc.want {
					t.Errorf("GET %s with Host %q, listening on %s = %d, want %d", path, tc.host, tc.listen, w.Code, tc.want)
				}
			}
		})
	}
}
