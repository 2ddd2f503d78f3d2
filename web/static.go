package web

import (
	"embed"
	"io/fs"
	"net/http"
)

// assets are the pages, scripts and styles, embedded in the binary.
//
//go:embed static
var assets embed.FS

// staticFiles serves /static/… from the embedded assets.
func staticFiles() http.Handler {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic("web: " + err.Error())
	}
	return http.StripPrefix("/static/", http.FileServerFS(sub))
}

// page serves one embedded HTML page.
func page(name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := assets.ReadFile("static/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(data)
	})
}
