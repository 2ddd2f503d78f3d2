package scenarios

import (
	"strconv"
	"strings"
)

// lineIndex maps TOML key paths to the 1-based line where each key is written.
// Paths join keys with dots and give array elements (array tables and inline
// arrays) as zero-based indices: "intents.2.share", "rubric.dims.0.id".
// The same path without indices ("intents.share") maps to its first occurrence,
// which is what BurntSushi's Undecoded keys carry.
type lineIndex map[string]int

// indexLines scans TOML text and records where every key is defined. It is
// tolerant: on text it does not understand it records nothing further for that line.
func indexLines(data string) lineIndex {
	ix := lineIndex{}
	sc := &lineScanner{src: data, line: 1, ix: ix, arrays: map[string]int{}, isArray: map[string]bool{}}
	sc.scan()
	return ix
}

type lineScanner struct {
	src     string
	pos     int
	line    int
	ix      lineIndex
	table   string         // resolved path of the current table
	arrays  map[string]int // resolved array-table path -> number of elements so far
	isArray map[string]bool
}

func (ix lineIndex) record(path string, line int) {
	if _, ok := ix[path]; !ok {
		ix[path] = line
	}
	if plain := stripIndices(path); plain != path {
		if _, ok := ix[plain]; !ok {
			ix[plain] = line
		}
	}
}

// stripIndices removes numeric path elements: "a.0.b" -> "a.b".
func stripIndices(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

// lookup returns the line of path, trying shorter prefixes when the full path is unknown.
func (ix lineIndex) lookup(path string) int {
	for path != "" {
		if l, ok := ix[path]; ok {
			return l
		}
		if l, ok := ix[stripIndices(path)]; ok {
			return l
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

func (s *lineScanner) peek() byte {
	if s.pos < len(s.src) {
		return s.src[s.pos]
	}
	return 0
}

func (s *lineScanner) next() byte {
	c := s.peek()
	s.pos++
	if c == '\n' {
		s.line++
	}
	return c
}

// skipSpace skips blanks, comments and (when nl) newlines.
func (s *lineScanner) skipSpace(nl bool) {
	for s.pos < len(s.src) {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.pos++
		case c == '\n' && nl:
			s.next()
		case c == '#':
			for s.pos < len(s.src) && s.peek() != '\n' {
				s.pos++
			}
		default:
			return
		}
	}
}

func (s *lineScanner) skipLine() {
	for s.pos < len(s.src) && s.peek() != '\n' {
		s.pos++
	}
}

func (s *lineScanner) scan() {
	for {
		s.skipSpace(true)
		if s.pos >= len(s.src) {
			return
		}
		if s.peek() == '[' {
			s.header()
			continue
		}
		if !s.keyValue(s.table) {
			s.skipLine()
		}
	}
}

// keyValue reads `key = value` inside table, recording the key's line; it
// reports false when the text is not a key and an equals sign.
func (s *lineScanner) keyValue(table string) bool {
	line := s.line
	key, ok := s.key()
	s.skipSpace(false)
	if !ok || s.peek() != '=' {
		return false
	}
	s.pos++
	path := join(table, key)
	s.ix.record(path, line)
	s.value(path)
	return true
}

// header reads [table] or [[array.table]].
func (s *lineScanner) header() {
	s.pos++
	array := s.peek() == '['
	if array {
		s.pos++
	}
	s.skipSpace(false)
	line := s.line
	key, ok := s.key()
	if !ok {
		s.skipLine()
		return
	}
	resolved := s.resolve(key)
	if array {
		s.isArray[key] = true
		n := s.arrays[resolved]
		s.arrays[resolved] = n + 1
		resolved = resolved + "." + strconv.Itoa(n)
	}
	s.table = resolved
	s.ix.record(resolved, line)
	s.skipLine()
}

// resolve turns a header key into a path, substituting the current index of
// every enclosing array table: with [[a]] seen twice, "a.b" becomes "a.1.b".
func (s *lineScanner) resolve(key string) string {
	parts := strings.Split(key, ".")
	var plain, out []string
	for i, p := range parts {
		plain = append(plain, p)
		out = append(out, p)
		if i == len(parts)-1 {
			break
		}
		if s.isArray[strings.Join(plain, ".")] {
			if n := s.arrays[strings.Join(out, ".")]; n > 0 {
				out = append(out, strconv.Itoa(n-1))
			}
		}
	}
	return strings.Join(out, ".")
}

// key reads a possibly dotted, possibly quoted key.
func (s *lineScanner) key() (string, bool) {
	var parts []string
	for {
		s.skipSpace(false)
		var part string
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			q := s.next()
			start := s.pos
			for s.pos < len(s.src) && s.peek() != q && s.peek() != '\n' {
				if q == '"' && s.peek() == '\\' {
					s.pos++
				}
				s.pos++
			}
			part = s.src[start:s.pos]
			s.pos++
		case isBareKey(c):
			start := s.pos
			for s.pos < len(s.src) && isBareKey(s.peek()) {
				s.pos++
			}
			part = s.src[start:s.pos]
		default:
			return "", false
		}
		parts = append(parts, part)
		s.skipSpace(false)
		if s.peek() != '.' {
			return strings.Join(parts, "."), true
		}
		s.pos++
	}
}

func isBareKey(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value skips one value, recording keys inside inline tables and arrays.
func (s *lineScanner) value(path string) {
	s.skipSpace(false)
	switch c := s.peek(); c {
	case '{':
		s.pos++
		for {
			s.skipSpace(false)
			if c := s.peek(); c == '}' || c == 0 || c == '\n' {
				s.pos++
				return
			}
			if s.peek() == ',' {
				s.pos++
				continue
			}
			if !s.keyValue(path) {
				s.skipLine()
				return
			}
		}
	case '[':
		s.pos++
		for i := 0; ; i++ {
			s.skipSpace(true)
			switch s.peek() {
			case ']':
				s.pos++
				return
			case 0:
				return
			case ',':
				s.pos++
				i--
				continue
			}
			elem := path + "." + strconv.Itoa(i)
			s.ix.record(elem, s.line)
			before := s.pos
			s.value(elem)
			if s.pos == before { // a stray '}' or other text: skip it so the scan always advances
				s.next()
			}
		}
	case '"', '\'':
		s.str()
	default:
		for s.pos < len(s.src) {
			c := s.peek()
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' {
				return
			}
			s.pos++
		}
	}
}

// str skips a basic, literal or multi-line string.
func (s *lineScanner) str() {
	q := s.next()
	if strings.HasPrefix(s.src[s.pos:], string([]byte{q, q})) {
		s.pos += 2
		end := strings.Repeat(string(q), 3)
		for s.pos < len(s.src) && !strings.HasPrefix(s.src[s.pos:], end) {
			if q == '"' && s.peek() == '\\' {
				s.next()
			}
			s.next()
		}
		s.pos += 3
		for s.peek() == q { // up to two quotes may close the content
			s.pos++
		}
		return
	}
	for s.pos < len(s.src) && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.pos++
		}
		s.pos++
	}
	s.pos++
}

func join(table, key string) string {
	if table == "" {
		return key
	}
	return table + "." + key
}
