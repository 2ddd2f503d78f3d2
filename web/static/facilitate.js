"use strict";
// The facilitator's page: a live grid of trainees and the room's controls.
// The browser proves it holds the room's secret with the facilitator cookie
// (HttpOnly, SameSite=Strict): no address, link or text of this page carries
// the secret. Without the cookie the page asks for the secret once.
(async function () {
  const code = pathPart(2).toUpperCase();
  let grid = null, received = 0, retry = 500;
  $("#code").textContent = code;
  $("#joinlink").textContent = location.origin + "/join?code=" + code;
  $("#debrief").setAttribute("href", "/debrief/" + encodeURIComponent(code));
  $("#project").setAttribute("href", "/project/" + encodeURIComponent(code));
  await signInFromFragment(code);

  $("#signin").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      await signIn(code, $("#secret").value);
      $("#secret").value = "";
      $("#signin").hidden = true;
      banner("");
      connect();
    } catch (e) { $("#signinerr").textContent = e.message; }
  });

  function connect() {
    const ws = new WebSocket(wsURL("/ws/room"));
    ws.onopen = () => { retry = 500; ws.send(JSON.stringify({t: "hello", role: "facilitator", code})); };
    ws.onmessage = (ev) => { const m = JSON.parse(ev.data); if (m.t === "grid") { grid = m; received = performance.now(); render(); } };
    ws.onclose = (ev) => {
      if (ev.code === 4403) {
        banner("This browser is not signed in as the facilitator of room " + code + ".", true);
        $("#signin").hidden = false;
        return;
      }
      banner("Connection lost; reconnecting…");
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  }

  function banner(text, bad) {
    const b = clear($("#banner"));
    if (text) b.append(el("div", {class: bad ? "banner bad" : "banner"}, text));
  }

  async function act(body) {
    $("#err").textContent = "";
    try { await api("POST", "/api/rooms/" + encodeURIComponent(code) + "/actions", body); }
    catch (e) { $("#err").textContent = e.message; }
  }

  for (const a of ["start", "pause", "resume", "lock", "unlock"]) $("#" + a).addEventListener("click", () => act({action: a}));
  $("#end").addEventListener("click", () => { if (confirm("End the workshop for everyone?")) act({action: "end"}); });
  $("#doinject").addEventListener("click", () => act({action: "inject", inject: $("#inject").value}));
  $("#dovariant").addEventListener("click", () => act({action: "variant", variant: $("#variant").value}));

  function fillSelect(sel, items, label) {
    if (sel.dataset.filled) return;
    sel.dataset.filled = "1";
    for (const it of items) sel.append(el("option", {value: it.id || it}, it.label || it));
    if (!items.length) sel.append(el("option", {value: ""}, label));
  }

  function render() {
    banner("");
    const r = grid.room;
    $("#title").textContent = r.title;
    document.title = r.title + " · facilitator";
    const flags = [r.started ? "started" : "not started", r.paused ? "PAUSED" : "", r.locked ? "locked" : "open", r.ended ? "ended" : "",
      r.variant ? "forced variant: " + r.variant : ""].filter(Boolean);
    $("#status").textContent = grid.scripts.join(", ") + " · " + grid.seats.filter((s) => !s.removed).length + " trainee(s) · " + flags.join(" · ");
    $("#start").disabled = r.started; $("#pause").disabled = !r.started || r.paused || r.ended; $("#resume").disabled = !r.paused;
    $("#lock").disabled = r.locked; $("#unlock").disabled = !r.locked; $("#end").disabled = r.ended;
    fillSelect($("#inject"), grid.injects, "(no injects)");
    fillSelect($("#variant"), grid.variants, "(no hand-off)");
    const q = grid.queue;
    $("#queue").textContent = q ? "Queue backdrop " + q.scenario + " at " + q.speed + "×: " + q.waiting + " waiting, " + q.in_bot + " in the bot (sim time " + q.sim_time + ")" : "";
    const body = clear($("#grid tbody"));
    for (const s of grid.seats) {
      const status = s.removed ? "removed" : s.ended ? s.outcome.replace(/_/g, " ") : s.paused ? "paused" : s.started ? "playing" : "waiting";
      const tr = el("tr", {class: s.removed ? "removed" : s.ended ? "ended" : "", "data-seat": s.id},
        el("td", {class: "n"}, s.seat),
        el("td", {class: "name"}, el("bdi", {}, s.name), s.trainee ? el("div", {class: "muted"}, el("bdi", {}, s.trainee)) : null),
        el("td", {class: "wrap"}, s.script, s.variant ? el("div", {class: "muted"}, "hand-off: " + s.variant.replace(/_/g, " ")) : null), el("td", {}, s.mode),
        el("td", {}, el("span", {class: s.online ? "dot on" : "dot", title: s.online ? "connected" : "offline"})),
        el("td", {}, s.node || "–"),
        el("td", {class: "n"}, num(s.mood)), el("td", {class: "n"}, num(s.trust)), el("td", {class: "n"}, num(s.patience)),
        el("td", {class: "n"}, s.started ? fmt(s.score_pct) : "–"),
        el("td", {}, s.rules.map((id) => el("span", {class: "pill bad"}, id))),
        el("td", {class: "n"}, s.turns),
        el("td", {class: "n", "data-elapsed": s.elapsed_ms, "data-running": s.started && !s.ended && !s.paused ? "1" : ""}, clock(s.elapsed_ms)),
        el("td", {class: "status"}, status),
        el("td", {}, s.removed ? null : el("button", {class: "secondary", onclick: () => { if (confirm("Remove " + s.name + "?")) act({action: "remove", seat: s.id}); }}, "Remove")));
      body.append(tr);
    }
  }

  function num(v) { return v === undefined || v === null ? "–" : String(v); }

  setInterval(() => {
    const since = performance.now() - received;
    for (const td of document.querySelectorAll("td[data-running='1']")) td.textContent = clock(Number(td.dataset.elapsed) + since);
  }, 500);
  connect();
})();
