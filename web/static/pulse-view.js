"use strict";
// The pulse on every page: the form a person answers (pulseFormBox) and
// the anonymous summary of a round (pulseSummary). Fixed texts are in
// PULSE_TEXT, one place to translate. Figures arrive already withheld by
// the server when fewer than the threshold answered; nothing here counts.

const PULSE_TEXT = {
  before: "Before we start: how far do you agree?",
  after: "Now that you are done: how far do you agree?",
  now: "How far do you agree?",
  skip: "You may skip any statement. Your answers are stored without your name.",
  send: "Send answers",
  scale: "scale", beforeCol: "before", afterCol: "after", change: "change (95% CI, paired)",
  hidden: (n) => "Figures from fewer than " + n + " respondents are not shown.",
  respondents: (b, a, p) => "Respondents: " + b + " before, " + a + " after, " + p + " with both.",
  fewer: (n) => "fewer than " + n,
  statement: "statement", distribution: "answers 1–5",
  texts: "One thing that would help (in no particular order)",
};

// pulseFormBox builds the form of f ({phase, items, anchors, free}) in box;
// send(answers, text) is called with one answer per statement (0 skipped).
function pulseFormBox(box, f, heading, send) {
  clear(box);
  box.append(el("h3", {}, heading), el("p", {class: "muted"}, PULSE_TEXT.skip));
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
  }}, PULSE_TEXT.send));
}

// pulseIndex formats an interval {mean, ci95, n}, signed for a change.
function pulseIndex(iv, signed) {
  if (!iv) return "–";
  const f = (x) => (signed && x > 0 ? "+" : "") + x.toFixed(signed ? 1 : 0);
  return f(iv.mean) + " [" + f(iv.ci95[0]) + ", " + f(iv.ci95[1]) + "]";
}

// pulseSummary renders a round summary: the scales' indices and paired
// change, and optionally the distributions and free texts.
function pulseSummary(s, full) {
  const out = el("div", {class: "pulsesum"});
  const n = (k) => k ? String(k) : PULSE_TEXT.fewer(s.min_group);
  out.append(el("p", {class: "muted"}, PULSE_TEXT.respondents(n(s.respondents_before), n(s.respondents_after), n(s.respondents_paired)),
    s.hidden ? " " + PULSE_TEXT.hidden(s.min_group) : ""));
  out.append(el("table", {class: "pulsescales"}, el("thead", {}, el("tr", {}, el("th", {}, PULSE_TEXT.scale), el("th", {class: "n"}, PULSE_TEXT.beforeCol), el("th", {class: "n"}, PULSE_TEXT.afterCol), el("th", {class: "n"}, PULSE_TEXT.change))),
    el("tbody", {}, s.scales.map((x) => el("tr", {"data-scale": x.scale}, el("td", {}, x.label), el("td", {class: "n before"}, pulseIndex(x.before)), el("td", {class: "n after"}, pulseIndex(x.after)), el("td", {class: "n change"}, pulseIndex(x.change, true)))))));
  if (!full) return out;
  const dist = (c) => {
    if (!c) return el("span", {class: "muted"}, "–");
    const total = c.reduce((a, b) => a + b, 0);
    const bar = el("div", {class: "dist", title: c.join(" · ")});
    c.forEach((k, i) => { const seg = el("span", {class: "d" + (i + 1)}, k ? String(k) : ""); seg.style.width = (100 * k / total) + "%"; bar.append(seg); });
    return bar;
  };
  out.append(el("table", {class: "pulsedist"}, el("thead", {}, el("tr", {}, el("th", {}, PULSE_TEXT.statement), el("th", {}, PULSE_TEXT.beforeCol + ": " + PULSE_TEXT.distribution), el("th", {}, PULSE_TEXT.afterCol + ": " + PULSE_TEXT.distribution))),
    el("tbody", {}, s.statements.map((st) => el("tr", {}, el("td", {}, st.text, st.reverse ? el("span", {class: "muted"}, " (reverse-scored)") : null), el("td", {}, dist(st.before)), el("td", {}, dist(st.after)))))));
  if (s.free_text && s.free_text.length) out.append(el("h3", {}, PULSE_TEXT.texts), el("ul", {class: "pulsetexts"}, s.free_text.map((t) => el("li", {}, t))));
  return out;
}
