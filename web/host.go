package web

import (
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// DNS rebinding: a hostile page on evil.example can make its own name
// resolve to this server's address and then call it as same-origin. Such
// requests carry Host: evil.example, so the server answers only requests
// whose Host is an IP address it listens on, "localhost" when it listens
// on loopback or everywhere, or a name given as a public host (--public-host,
// or the host of --origin). Other requests get 421 Misdirected Request.

// hostAllowed reports whether a request's Host header names this server.
func (s *Server) hostAllowed(host string) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.TrimSuffix(strings.ToLower(strings.Trim(name, "[]")), ".")
	for _, p := range s.publicHosts() {
		if strings.EqualFold(p, host) || strings.EqualFold(p, name) {
			return true
		}
	}
	listen := s.listenIP
	if ip, err := netip.ParseAddr(name); err == nil {
		ip = ip.Unmap()
		return !listen.IsValid() || listen.IsUnspecified() || ip == listen || ip.IsLoopback() && listen.IsLoopback()
	}
	return name == "localhost" && (!listen.IsValid() || listen.IsUnspecified() || listen.IsLoopback())
}

// publicHosts are the names the server may be reached by: PublicHosts and
// the hosts of Origins.
func (s *Server) publicHosts() []string {
	out := append([]string(nil), s.PublicHosts...)
	for _, o := range s.Origins {
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			out = append(out, u.Host, u.Hostname())
		}
	}
	return out
}

// checkHost refuses requests for a host this server is not (421).
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hostAllowed(r.Host) {
			writeError(w, http.StatusMisdirectedRequest, "unknown host; start ccsim serve with --public-host NAME to serve it")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// setListenAddr records the address the server listens on, for hostAllowed.
func (s *Server) setListenAddr(addr net.Addr) {
	if ta, ok := addr.(*net.TCPAddr); ok {
		if ip, ok := netip.AddrFromSlice(ta.IP); ok {
			s.listenIP = ip.Unmap()
		}
	}
}
