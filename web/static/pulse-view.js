"use strict";
// The pulse on every page: the form a person answers (pulseFormBox) and
// the anonymous summary of a round (pulseSummary). Fixed texts go through
// T (the page's catalogue, web/messages.go). Figures arrive already withheld
// by the server when fewer than the threshold answered; nothing here counts.

// pulseFormBox builds the form of f ({phase, items, anchors, free}) in box;
// send(answers, text) is called with one answer per statement (0 skipped).
function pulseFormBox(box, f, heading, send) {
  clear(box);
  box.append(el("h3", {}, heading), el("p", {class: "muted"}, T("You may skip any statement. Your answers are stored without your name.")));
  const list = el("ol", {});
  f.items.forEach((item, i) => {
    const scale = el("div", {class: "scale"});
    for (let k = 1; k <= 5; k++) scale.append(el("label", {title: f.anchors[k - 1]}, el("input", {type: "radio", name: "q" + i, value: k}), " " + k + (k === 1 || k === 5 ? " " + f.anchors[k - 1] : "")));
    list.append(el("li", {}, el("div", {}, item), scale));
  });
  box.append(list);
  let ta = null;
  if (f.free) {
    ta = el("textarea", {id: "pulsefree", maxlength: 500, rows: 2, cols: 60});
    box.append(el("label", {}, f.free, el("br"), ta));
  }
  box.append(el("button", {id: "pulsesend", onclick: () => {
    const answers = f.items.map((_, i) => { const r = box.querySelector("input[name=q" + i + "]:checked"); return r ? Number(r.value) : 0; });
    send(answers, ta ? ta.value.trim() : "");
  }}, T("Send answers")));
}

// pulseIndex formats an interval {mean, ci95, n}, signed for a change.
function pulseIndex(iv, signed) {
  if (!iv) return "–";
  const d = signed ? 1 : 0; // numbers as the page's language writes them (-0 as 0)
  const f = (x) => (signed && x > 0 ? "+" : "") + (x + 0).toLocaleString(document.documentElement.lang || "en", {minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false});
  return T("%s [%s, %s]", f(iv.mean), f(iv.ci95[0]), f(iv.ci95[1]));
}

// pulseSummary renders a round summary: the scales' indices and paired
// change, and optionally the distributions and free texts.
function pulseSummary(s, full) {
  const out = el("div", {class: "pulsesum"});
  const n = (k) => k ? String(k) : T("fewer than %s", s.min_group);
  out.append(el("p", {class: "muted"}, T("Respondents: %s before, %s after, %s with both.", n(s.respondents_before), n(s.respondents_after), n(s.respondents_paired)),
    s.hidden ? " " + T("Figures from fewer than %s respondents are not shown.", s.min_group) : ""));
  out.append(el("table", {class: "pulsescales"}, el("thead", {}, el("tr", {}, el("th", {}, T("scale")), el("th", {class: "n"}, T("before")), el("th", {class: "n"}, T("after")), el("th", {class: "n"}, T("change (95% CI, paired)")))),
    el("tbody", {}, s.scales.map((x) => el("tr", {"data-scale": x.scale}, el("td", {}, x.label), el("td", {class: "n before"}, pulseIndex(x.before)), el("td", {class: "n after"}, pulseIndex(x.after)), el("td", {class: "n change"}, pulseIndex(x.change, true)))))));
  if (!full) return out;
  const dist = (c) => {
    if (!c) return el("span", {class: "muted"}, "–");
    const total = c.reduce((a, b) => a + b, 0);
    const bar = el("div", {class: "dist", title: c.join(" · ")});
    c.forEach((k, i) => { const seg = el("span", {class: "d" + (i + 1)}, k ? String(k) : ""); seg.style.width = (100 * k / total) + "%"; bar.append(seg); });
    return bar;
  };
  out.append(el("table", {class: "pulsedist"}, el("thead", {}, el("tr", {}, el("th", {}, T("statement")), el("th", {}, T("before: answers 1–5")), el("th", {}, T("after: answers 1–5")))),
    el("tbody", {}, s.statements.map((st) => el("tr", {}, el("td", {}, st.text, st.reverse ? el("span", {class: "muted"}, " " + T("(reverse-scored)")) : null), el("td", {}, dist(st.before)), el("td", {}, dist(st.after)))))));
  if (s.free_text && s.free_text.length) out.append(el("h3", {}, T("One thing that would help (in no particular order)")), el("ul", {class: "pulsetexts"}, s.free_text.map((t) => el("li", {}, t))));
  return out;
}
