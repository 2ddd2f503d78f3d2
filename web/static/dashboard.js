"use strict";
// The simulation dashboard: an editor whose gutter marks the lines with
// errors, a run over a websocket with progress, then results and downloads.
(function () {
  const ta = $("#toml"), gutter = $("#gutter");
  // The key metrics, with digits shown; labels and units come from the
  // metric table the CLI and reports use (/api/metrics).
  const keys = [["offered", 0], ["service_level", 1], ["p_wait", 1], ["asa_seconds", 1],
    ["abandon_rate", 1], ["occupancy", 1], ["bot_containment", 1], ["escalation_rate", 1]];
  const metricInfo = {};
  const core = keys.map(([k]) => [k, k]);
  fetch("/api/metrics").then((r) => r.json()).then((list) => {
    for (const m of list) metricInfo[m.name] = m;
    for (const c of core) c[1] = label(c[0]);
  });
  let errors = [], timer = null, ws = null, runs = [];

  // label is a metric's label, capitalised; short its column header.
  function label(key) {
    const l = metricInfo[key] ? metricInfo[key].label : key;
    return l.charAt(0).toUpperCase() + l.slice(1);
  }
  function short(key) { return metricInfo[key] ? metricInfo[key].short : key; }

  function value(key, v) {
    if (v === null || v === undefined) return "–";
    const m = metricInfo[key], k = keys.find((c) => c[0] === key);
    if (m && m.unit === "share") return fmt(v * 100, 1) + " %";
    return fmt(v, k ? k[1] : 1) + (m && m.unit === "seconds" ? " s" : "");
  }

  function drawGutter() {
    const n = ta.value.split("\n").length;
    const bad = new Map(errors.filter((e) => e.line > 0).map((e) => [e.line, e.msg]));
    clear(gutter);
    for (let i = 1; i <= n; i++) gutter.append(el("div", {class: bad.has(i) ? "err" : "", title: bad.get(i), "data-line": i}, i));
    gutter.scrollTop = ta.scrollTop;
  }

  function showErrors(list) {
    errors = list;
    drawGutter();
    const ul = clear($("#errors"));
    for (const e of list) ul.append(el("li", {"data-line": e.line, onclick: () => goLine(e.line)}, (e.line ? "Line " + e.line : "Scenario") + (e.key ? " (" + e.key + ")" : "") + ": " + e.msg));
    $("#vstatus").textContent = list.length ? list.length + " problem(s)" : "valid";
    $("#vstatus").className = list.length ? "error" : "ok";
  }

  function goLine(line) {
    if (!line) return;
    const lines = ta.value.split("\n");
    let pos = 0;
    for (let i = 0; i < line - 1; i++) pos += lines[i].length + 1;
    ta.focus();
    ta.setSelectionRange(pos, pos + (lines[line - 1] || "").length);
    ta.scrollTop = Math.max(0, (line - 5) * 18);
  }

  async function validate() {
    try { const r = await api("POST", "/api/validate", {name: "scenario.toml", toml: ta.value}); showErrors(r.errors); }
    catch (e) { $("#vstatus").textContent = e.message; }
  }

  ta.addEventListener("input", () => { drawGutter(); clearTimeout(timer); timer = setTimeout(validate, 400); });
  ta.addEventListener("scroll", () => { gutter.scrollTop = ta.scrollTop; });

  async function load() {
    const res = await fetch("/api/scenarios/" + encodeURIComponent($("#bundled").value));
    ta.value = await res.text();
    showErrors([]);
    validate();
  }
  $("#load").addEventListener("click", load);

  function kpiCards(box, metrics, withCI) {
    clear(box);
    for (const [key, label] of core) {
      const m = metrics[key];
      if (m === undefined) continue;
      const mean = withCI ? m.mean : m;
      const ci = withCI && m.ci95 && m.ci95[0] !== null ? "95% CI " + value(key, m.ci95[0]) + " – " + value(key, m.ci95[1]) : "";
      box.append(el("div", {class: "kpi", "data-metric": key}, el("div", {class: "k"}, label), el("div", {class: "v"}, value(key, mean)), el("div", {class: "ci"}, ci)));
    }
  }

  function table(rows, first, cols) {
    if (!rows || !rows.length) return el("p", {class: "muted"}, "None.");
    return el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, first), cols.map((c) => el("th", {class: "n"}, c[1])))),
      el("tbody", {}, rows.map((r) => el("tr", {}, el("td", {}, r.start || r.name), cols.map((c) => el("td", {class: "n"}, r.metrics[c[0]] ? value(c[0], r.metrics[c[0]].mean) : "–"))))));
  }

  function showResults(m) {
    const res = m.results;
    $("#results").hidden = false;
    $("#restitle").textContent = "Results: " + m.label + " (" + res.replications + " replications, " + fmt(m.seconds, 1) + " s)";
    kpiCards($("#kpis"), res.metrics, true);
    const dl = clear($("#downloads"));
    for (const f of ["results.json", "summary.csv", "replications.csv", "report.html", "report.pdf"]) {
      dl.append(el("a", {class: "button secondary", href: "/api/runs/" + m.id + "/files/" + f, download: "run-" + m.id + "-" + f}, f), " ");
    }
    const charts = clear($("#charts"));
    for (const c of m.charts) charts.append(el("img", {src: "/api/runs/" + m.id + "/charts/" + c.name + ".svg", alt: c.title, title: c.title}));
    const cols = ["offered", "service_level", "asa_seconds", "abandon_rate", "occupancy"].map((k) => [k, short(k)]);
    clear($("#intervals")).append(table(res.intervals, "interval", cols));
    clear($("#intents")).append(table(res.intents, "intent", ["offered", "bot_containment", "asa_seconds", "abandon_rate"].map((k) => [k, short(k)])));
    runs.push({id: m.id, label: m.label, metrics: res.metrics});
    if (runs.length >= 2) {
      $("#comparebox").hidden = false;
      for (const sel of [$("#runa"), $("#runb")]) { clear(sel); for (const r of runs) sel.append(el("option", {value: r.id}, r.label)); }
      $("#runa").value = runs[runs.length - 2].id; $("#runb").value = runs[runs.length - 1].id;
      const ms = clear($("#metric"));
      for (const [k, l] of core) ms.append(el("option", {value: k}, l));
    }
  }

  $("#compare").addEventListener("click", () => {
    const a = runs.find((r) => r.id === $("#runa").value), b = runs.find((r) => r.id === $("#runb").value);
    const out = clear($("#compareout"));
    out.append(el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "metric"), el("th", {class: "n"}, a.label), el("th", {class: "n"}, b.label))),
      el("tbody", {}, core.map(([k, l]) => el("tr", {}, el("td", {}, l), el("td", {class: "n"}, a.metrics[k] ? value(k, a.metrics[k].mean) : "–"), el("td", {class: "n"}, b.metrics[k] ? value(k, b.metrics[k].mean) : "–"))))),
      el("img", {src: "/api/compare/" + a.id + "/" + b.id + "/" + $("#metric").value + ".svg", alt: "comparison"}));
  });

  function socket() {
    if (ws && ws.readyState <= WebSocket.OPEN) return Promise.resolve(ws);
    return new Promise((resolve, reject) => {
      ws = new WebSocket(wsURL("/ws/run"));
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error("cannot reach the server"));
      ws.onclose = () => { if ($("#run").disabled) $("#progresstext").textContent = "connection lost"; finish(); };
      ws.onmessage = (ev) => onMessage(JSON.parse(ev.data));
    });
  }

  function onMessage(m) {
    if (m.t === "progress") {
      $("#progressbox").hidden = false;
      $("#progress").max = m.total; $("#progress").value = m.done;
      $("#progresstext").textContent = m.done + " / " + m.total + " replications";
    } else if (m.t === "provisional") {
      $("#provisional").hidden = false;
      kpiCards($("#provkpis"), m.metrics, false);
    } else if (m.t === "invalid") {
      showErrors(m.errors); finish();
    } else if (m.t === "cancelled") {
      $("#progresstext").textContent = "cancelled"; finish();
    } else if (m.t === "done") {
      $("#progresstext").textContent = "done"; $("#provisional").hidden = true; showResults(m); finish();
    }
  }

  function finish() { $("#run").disabled = false; $("#cancel").disabled = true; }

  $("#run").addEventListener("click", async () => {
    try {
      const s = await socket();
      $("#run").disabled = true; $("#cancel").disabled = false;
      $("#progress").value = 0; $("#progresstext").textContent = "starting…";
      s.send(JSON.stringify({t: "run", name: "scenario.toml", toml: ta.value, replications: Number($("#reps").value) || 0}));
    } catch (e) { $("#vstatus").textContent = e.message; }
  });
  $("#cancel").addEventListener("click", () => { if (ws) ws.send(JSON.stringify({t: "cancel"})); });

  (async () => {
    const names = await api("GET", "/api/scenarios");
    for (const n of names) $("#bundled").append(el("option", {value: n}, n));
    $("#bundled").value = names.includes("default") ? "default" : names[0];
    await load();
  })();
})();
