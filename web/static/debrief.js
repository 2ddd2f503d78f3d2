"use strict";
(async function () {
  const code = pathPart(2).toUpperCase();
  await signInFromFragment(code);
  const base = "/api/rooms/" + encodeURIComponent(code);
  for (const ext of ["json", "csv", "html"]) {
    $("#" + ext).addEventListener("click", () => download(base + "/export/debrief." + ext + "?lang=" + document.documentElement.lang, "room-" + code + "-debrief." + ext).catch((e) => { $("#err").textContent = e.message; }));
  }
  let d;
  try { d = await api("GET", base + "/debrief?lang=" + document.documentElement.lang); }
  catch (e) { clear($("#out")).append(el("p", {class: "error"}, e.message)); return; }
  $("#title").textContent = T("Debrief: %s (%s)", d.room.title, d.room.code);
  const out = clear($("#out"));

  out.append(el("h2", {}, T("Outcomes")), el("p", {}, d.outcomes.map((o) => el("span", {class: "pill"}, (o.name === "in progress" ? T("in progress") : o.name.replace(/_/g, " ")) + ": " + o.count))));

  const head = el("tr", {}, el("th", {}, T("trainee")), el("th", {}, T("script")), el("th", {}, T("mode")), el("th", {}, T("hand-off")), el("th", {}, T("outcome")),
    el("th", {class: "n"}, T("total %")), el("th", {}, T("band")), el("th", {}, T("pass")), d.dims.map((id) => el("th", {class: "n"}, d.dim_labels[id] + " %")),
    el("th", {class: "n"}, T("turns")), el("th", {class: "n"}, T("time")));
  const rows = d.trainees.map((t) => {
    const db = t.debrief;
    if (!db) return el("tr", {}, el("td", {}, el("bdi", {}, t.name)), el("td", {}, t.script), el("td", {}, t.mode), el("td", {colspan: 5 + d.dims.length + 2, class: "muted"}, T("not started")));
    const pct = Object.fromEntries(db.score.dims.map((x) => [x.id, x.pct]));
    return el("tr", {"data-trainee": t.name}, el("td", {}, el("bdi", {}, t.name)), el("td", {}, t.script), el("td", {}, t.mode),
      el("td", {}, db.variant ? db.variant.replace(/_/g, " ") : "–"),
      el("td", {class: "outcome"}, (db.outcome || T("in progress")).replace(/_/g, " ")), el("td", {class: "n"}, fmt(db.score.total_pct)),
      el("td", {}, db.score.band || "–"), el("td", {}, db.score.pass ? T("yes") : T("no")),
      d.dims.map((id) => el("td", {class: "n"}, id in pct ? fmt(pct[id]) : "–")),
      el("td", {class: "n"}, db.turns), el("td", {class: "n"}, clock(db.elapsed_s * 1000)));
  });
  out.append(el("h2", {}, T("Scores")), el("table", {id: "scores"}, el("thead", {}, head), el("tbody", {}, rows)));

  const hits = [];
  for (const t of d.trainees) for (const r of (t.debrief ? t.debrief.rules_fired : [])) hits.push(el("tr", {}, el("td", {}, el("bdi", {}, t.name)), el("td", {}, r.id + (r.critical ? " " + T("(critical)") : "")), el("td", {class: "n"}, "−" + r.penalty + " " + (r.dim || "")), el("td", {}, r.debrief || ""), el("td", {}, r.better || "")));
  out.append(el("h2", {}, T("Rules fired and better alternatives")), hits.length ? el("table", {}, el("thead", {}, el("tr", {}, [T("trainee"), T("rule"), T("penalty"), T("what happened"), T("better")].map((h) => el("th", {}, h)))), el("tbody", {}, hits)) : el("p", {class: "muted"}, T("No rule fired.")));

  out.append(el("h2", {}, T("Path heatmap")));
  for (const hs of d.heatmap) {
    const max = Math.max(1, ...hs.nodes.flatMap((n) => n.visits));
    out.append(el("h3", {}, hs.script), el("table", {class: "heat"},
      el("thead", {}, el("tr", {}, el("th", {}, T("node")), hs.trainees.map((n) => el("th", {class: "n"}, el("bdi", {}, n))), el("th", {class: "n"}, T("total")))),
      el("tbody", {}, hs.nodes.map((n) => el("tr", {}, el("td", {}, n.node, n.end ? el("span", {class: "muted"}, " → " + n.end) : null),
        n.visits.map((v) => el("td", {class: "n h" + Math.ceil(5 * v / max)}, v)), el("td", {class: "n"}, n.total))))));
  }

  if (d.pulse) {
    out.append(el("h2", {}, T("Pulse: indices 0–100, before and after")), el("div", {id: "pulse"}, pulseSummary(d.pulse, true)));
    if (d.room.team) out.append(el("p", {}, el("a", {id: "teamlink", href: "/teams?team=" + encodeURIComponent(d.room.team) + "&room=" + encodeURIComponent(d.room.code)}, T("The team's pulse history"))));
  }

  const queued = d.trainees.filter((t) => t.queue);
  if (queued.length) {
    out.append(el("h2", {}, T("The queue while you talked")), el("table", {}, el("thead", {}, el("tr", {}, [T("trainee"), T("conversation"), T("customers waiting (mean)"), T("most waiting"), T("customer-minutes of waiting")].map((h) => el("th", {}, h)))),
      el("tbody", {}, queued.map((t) => el("tr", {}, el("td", {}, el("bdi", {}, t.name)), el("td", {class: "n"}, clock(t.queue.seconds * 1000)), el("td", {class: "n"}, fmt(t.queue.mean_waiting)), el("td", {class: "n"}, t.queue.max_waiting), el("td", {class: "n"}, fmt(t.queue.customer_seconds / 60)))))));
  }

  if (d.removed && d.removed.length) {
    out.append(el("h2", {}, T("Removed trainees")), el("p", {class: "muted"}, T("Left out of every figure above.")),
      el("table", {id: "removed"}, el("thead", {}, el("tr", {}, [T("trainee"), T("script"), T("mode"), T("outcome")].map((h) => el("th", {}, h)))),
        el("tbody", {}, d.removed.map((t) => el("tr", {}, el("td", {}, el("bdi", {}, t.name)), el("td", {}, t.script), el("td", {}, t.mode),
          el("td", {}, T("removed") + (t.debrief && t.debrief.outcome ? " (" + t.debrief.outcome.replace(/_/g, " ") + ")" : "")))))));
  }
  out.append(el("h2", {}, T("Transcripts")));
  for (const t of d.trainees) {
    if (!t.debrief) continue;
    const det = el("details", {}, el("summary", {}, el("bdi", {}, t.name), " · " + t.debrief.title + " · " + (t.debrief.outcome || T("in progress")).replace(/_/g, " ")));
    for (const e of t.debrief.transcript) det.append(el("div", {class: "msg " + e.speaker}, el("span", {class: "who"}, e.speaker + " · " + clock(e.at_ms)), e.text));
    out.append(det);
  }
})();
