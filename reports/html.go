package reports

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"
)

//go:embed report.html.tmpl
var reportTemplate string

// htmlChart is a chart as the template shows it: a title and inline SVG.
type htmlChart struct {
	ID    string
	Title string
	SVG   template.HTML
}

// writeHTML lays d out as one HTML page with inline SVG charts and no
// references to other files or the network.
func writeHTML(w io.Writer, d document, svgs *svgCache) error {
	tmpl, err := template.New("report").Parse(reportTemplate)
	if err != nil {
		return err
	}
	charts := make([]htmlChart, len(d.Charts))
	for i, c := range d.Charts {
		svg, err := svgs.get(i)
		if err != nil {
			return err
		}
		// The SVG is our own renderer's output, so it is trusted markup.
		charts[i] = htmlChart{ID: "chart-" + c.Name, Title: c.Title, SVG: template.HTML(inlineSVG(svg))}
	}
	return tmpl.Execute(w, struct {
		document
		ChartViews []htmlChart
	}{d, charts})
}

// inlineSVG drops the XML prolog and comments before an SVG's root element,
// so it can sit inside HTML.
func inlineSVG(svg []byte) []byte {
	if i := bytes.Index(svg, []byte("<svg")); i >= 0 {
		return svg[i:]
	}
	return svg
}
