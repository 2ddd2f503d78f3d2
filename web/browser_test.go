package web

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser tests drive the pages in Debian's headless Chromium. They skip when
// chromium is not installed, unless CCSIM_BROWSER=1 (set by make test, which
// installs it) makes that a failure.

var (
	screensDir = flag.String("screens", "", "directory for browser-test screenshots (default: each test's temp dir)")
	docsShots  = flag.Bool("docs", false, "also copy the README's screenshots to ../docs")
)

// chromiumPath finds the browser: $CCSIM_CHROMIUM if set, else Debian's chromium.
func chromiumPath() string {
	candidates := []string{"/usr/bin/chromium", "chromium", "chromium-browser"}
	if p := os.Getenv("CCSIM_CHROMIUM"); p != "" {
		candidates = []string{p}
	}
	for _, p := range candidates {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	return ""
}

// newBrowser starts headless Chromium for one test and returns its root context.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CCSIM_BROWSER") == "1" {
			t.Fatal("chromium not found: install the Debian package chromium (make test does, through .ci/apt-install)")
		}
		t.Skip("chromium not found: browser tests need the Debian package chromium (make test installs it)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.WindowSize(1280, 860),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	var err error
	for try := range 3 { // a busy machine sometimes loses the first start
		actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel2 := chromedp.NewContext(actx)
		if err = chromedp.Do(ctx); err == nil {
			t.Cleanup(cancel)
			t.Cleanup(cancel2)
			return ctx
		}
		cancel2()
		cancel()
		t.Logf("starting chromium (try %d): %v", try+1, err)
		time.Sleep(time.Second)
	}
	t.Fatalf("starting chromium: %v", err)
	return nil
}

// newTab opens a tab in a fresh browser context, so it has its own storage
// (each trainee is a different person on a different laptop).
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 860)); err != nil {
		t.Fatal(err)
	}
	logConsole(t, ctx)
	return ctx
}

// logConsole logs the tab's console messages and uncaught exceptions; a
// Content-Security-Policy violation or a script error fails the test.
func logConsole(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value))
			}
			t.Logf("console.%s: %s", e.Type, strings.Join(parts, " "))
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			desc := d.Text
			if d.Exception != nil {
				desc += " " + d.Exception.Description
			}
			t.Errorf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, desc)
		case *cdplog.EventEntryAdded:
			if strings.Contains(e.Entry.Text, "Content Security Policy") {
				t.Errorf("CSP violation: %s", e.Entry.Text)
			} else {
				t.Logf("browser log: %s %s", e.Entry.Level, e.Entry.Text)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Logf("log domain: %v", err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Logf("runtime domain: %v", err)
	}
}

// do runs browser actions with a time limit, failing the test on error.
func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the tab (with
// chromedp.EvalAwaitPromise among opts, the value of its promise).
func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(tctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor evaluates a JavaScript condition every 100 ms until it is true.
// It survives navigations (a page that is loading just counts as false).
// It waits up to waitSlack times d: a wait ends as soon as its condition
// holds, so the slack costs nothing when the page works, and keeps a loaded
// machine (make test runs packages in parallel on 2 cores) from failing it.
func waitFor(t *testing.T, ctx context.Context, what, cond string, d time.Duration) {
	t.Helper()
	d *= waitSlack
	deadline := time.Now().Add(d)
	var last error
	for time.Now().Before(deadline) {
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(tctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(100 * time.Millisecond)
	}
	body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 2000)`))
	shot(t, ctx, "failed-"+strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, what))
	t.Fatalf("waiting for %s (%s): timed out after %v (last error %v)\npage text:\n%s", what, cond, d, last, body)
}

// waitSlack multiplies every waitFor limit.
const waitSlack = 4

// shot saves a screenshot of the tab as NAME.png and returns its path.
func shot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return ""
	}
	return saveShot(t, name, png)
}

// saveShot writes a PNG as NAME.png in the screenshot directory and returns its path.
func saveShot(t *testing.T, name string, png []byte) string {
	t.Helper()
	dir := *screensDir
	if dir == "" {
		dir = t.TempDir()
	}
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Error(err)
	}
	t.Logf("screenshot %s", path)
	return path
}

// docShot saves a screenshot and, with -docs, copies it to docs/ for the README.
func docShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	path := shot(t, ctx, name)
	if *docsShots && path != "" {
		b, err := os.ReadFile(path)
		if err == nil {
			err = os.WriteFile(filepath.Join("..", "docs", name+".png"), b, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
	}
}

// setValue sets an input's value and fires its input event, as typing does.
func setValue(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](
			`(() => { const e = document.querySelector(`+jsString(sel)+`); e.value = `+jsString(value)+`; e.dispatchEvent(new Event("input", {bubbles: true})); })()`))
		return err
	})
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return string(mustJSON(s))
}

// noInjectedHTML checks that names and replies written with HTML stayed text.
func noInjectedHTML(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	n := eval[int](t, ctx, `document.querySelectorAll('img[src="x"], script:not([src]), b.injected').length`)
	if n != 0 {
		t.Errorf("%s: %d element(s) created from user text; want 0", page, n)
	}
	if eval[bool](t, ctx, `!!window.__xss`) {
		t.Errorf("%s: injected script ran", page)
	}
}
