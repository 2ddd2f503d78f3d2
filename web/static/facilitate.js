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
    const ws = new WebSocket(wsURL("/ws/room?lang=" + document.documentElement.lang));
    ws.onopen = () => { retry = 500; ws.send(JSON.stringify({t: "hello", role: "facilitator", code})); };
    ws.onmessage = (ev) => { const m = JSON.parse(ev.data); if (m.t === "grid") { grid = m; received = performance.now(); render(); } };
    ws.onclose = (ev) => {
      if (ev.code === 4403) {
        banner(t("This browser is not signed in as the facilitator of room %s.", code), true);
        $("#signin").hidden = false;
        return;
      }
      banner(t("Connection lost; reconnecting…"));
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
  $("#end").addEventListener("click", () => { if (confirm(T("End the workshop for everyone?"))) act({action: "end"}); });
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
    document.title = r.title + " · " + t("facilitator");
    const flags = [r.started ? t("started") : t("not started"), r.paused ? t("PAUSED") : "", r.locked ? t("locked") : t("open"), r.ended ? t("ended") : "",
      r.variant ? t("forced variant: %s", r.variant) : "", r.lang === "de" ? t("trainee pages in German") : r.lang === "en" ? t("trainee pages in English") : ""].filter(Boolean);
    $("#status").textContent = grid.scripts.join(", ") + " · " + grid.seats.filter((s) => !s.removed).length + " " + t("trainee(s)") + " · " + flags.join(" · ");
    $("#start").disabled = r.started; $("#pause").disabled = !r.started || r.paused || r.ended; $("#resume").disabled = !r.paused;
    $("#lock").disabled = r.locked; $("#unlock").disabled = !r.locked; $("#end").disabled = r.ended;
    fillSelect($("#inject"), grid.injects, t("(no injects)"));
    fillSelect($("#variant"), grid.variants, t("(no hand-off)"));
    const q = grid.queue;
    $("#queue").textContent = q ? t("Queue backdrop %s at %s×: %s waiting, %s in the bot (sim time %s)", q.scenario, q.speed, q.waiting, q.in_bot, q.sim_time) : "";
    renderPulse();
    const body = $("#grid tbody");
    const seen = new Set();
    for (const s of grid.seats) {
      seen.add(s.id);
      let row = rows.get(s.id);
      if (!row) { row = newRow(s); rows.set(s.id, row); body.append(row.tr); }
      row.data = s;
      updateRow(row, 0);
    }
    for (const [id, row] of rows) if (!seen.has(id)) { row.tr.remove(); rows.delete(id); }
    sortRows();
  }

  // renderPulse shows the room's pulse (figures withheld below the
  // threshold by the server) and links to the team's history.
  let pulseKey = "";
  function renderPulse() {
    const box = $("#roompulse");
    const key = JSON.stringify([grid.pulse, grid.team]);
    if (key === pulseKey) return;
    pulseKey = key;
    box.hidden = !grid.pulse;
    if (!grid.pulse) return;
    clear(box).append(el("h2", {}, grid.team ? T("Pulse of this room (team %s)", grid.team) : T("Pulse of this room")), pulseSummary(grid.pulse, false));
    if (grid.team) box.append(el("a", {id: "teamlink", href: "/teams?team=" + encodeURIComponent(grid.team) + "&room=" + encodeURIComponent(grid.room.code)}, T("The team's pulse history")));
  }

  // The grid's rows are built once per trainee and then updated cell by
  // cell, only where the text changed: a row never disappears under the
  // pointer, so a press on its menu lands.
  const rows = new Map();
  const columns = ["n", "name", "wrap", "", "", "node", "n", "n", "n", "n", "rules", "n", "n time", "status", "menu"];

  function newRow(s) {
    const tr = el("tr", {"data-seat": s.id});
    const tds = columns.map((c) => el("td", {class: c || null}));
    const remove = el("button", {class: "secondary remove", onclick: () => {
      menu.open = false;
      const d = rows.get(s.id).data;
      if (confirm(t("Remove %s?", d.name))) act({action: "remove", seat: d.id});
    }}, t("Remove"));
    const menu = el("details", {class: "rowmenu"}, el("summary", {title: t("actions")}, "⋯"), el("div", {class: "menu"}, remove));
    menu.addEventListener("toggle", () => { // one menu open at a time
      if (menu.open) for (const m of document.querySelectorAll("details.rowmenu[open]")) if (m !== menu) m.open = false;
    });
    const flagBox = el("span", {class: "flags"});
    tds[14].append(menu, flagBox);
    tr.append(...tds);
    return {tr, tds, menu, flagBox, data: s};
  }

  // set replaces a cell's content when its key changed.
  function set(td, key, ...content) {
    if (td.dataset.k === key) return;
    td.dataset.k = key;
    clear(td).append(...content.filter((c) => c !== null && c !== undefined));
  }

  // flags are the row's attention reasons, the time-based ones re-checked
  // since ms after the grid was received.
  const flagNames = {"hanging up": t("hanging up"), offline: t("offline"), stuck: t("stuck"), "rule broken": t("rule broken")};
  const statusNames = {removed: t("removed"), paused: t("paused"), playing: t("playing"), waiting: t("waiting")};

  function flags(s, since) {
    const f = new Set(s.attention || []);
    if (s.started && !s.ended && !s.paused && !s.removed) {
      if (s.timeout_left_ms > 0 && s.timeout_left_ms - since <= 15000) f.add("hanging up");
      if (s.idle_ms + since >= 60000) f.add("stuck");
    }
    return ["hanging up", "offline", "stuck", "rule broken"].filter((x) => f.has(x));
  }

  function updateRow(row, since) {
    const s = row.data, t = row.tds;
    const status = s.removed ? "removed" : s.ended ? s.outcome.replace(/_/g, " ") : s.paused ? "paused" : s.started ? "playing" : "waiting";
    const fl = flags(s, since);
    row.weight = fl.reduce((w, x) => w + {"hanging up": 8, "offline": 4, "stuck": 2, "rule broken": 1}[x], 0);
    row.tr.className = [s.removed ? "removed" : s.ended ? "ended" : "", fl.length ? "attn" : ""].filter(Boolean).join(" ");
    set(t[0], String(s.seat), String(s.seat));
    set(t[1], s.name + "\n" + (s.trainee || ""), el("bdi", {}, s.name), s.trainee ? el("span", {class: "muted"}, " ", el("bdi", {}, s.trainee)) : null);
    set(t[2], s.script + "\n" + (s.variant || ""), s.script, s.variant ? el("span", {class: "muted"}, " · " + T("hand-off: %s", s.variant.replace(/_/g, " "))) : null);
    set(t[3], s.mode, s.mode);
    set(t[4], String(s.online), el("span", {class: s.online ? "dot on" : "dot", title: s.online ? T("connected") : T("offline")}));
    set(t[5], s.node || "–", s.node || "–");
    set(t[6], num(s.mood), num(s.mood)); set(t[7], num(s.trust), num(s.trust)); set(t[8], num(s.patience), num(s.patience));
    set(t[9], s.started ? fmt(s.score_pct) : "–", s.started ? fmt(s.score_pct) : "–");
    set(t[10], s.rules.join(" "), ...s.rules.map((id) => el("span", {class: "pill bad"}, id)));
    set(t[11], String(s.turns), String(s.turns));
    const running = s.started && !s.ended && !s.paused;
    const elapsed = s.elapsed_ms + (running ? since : 0);
    set(t[12], clock(elapsed), clock(elapsed));
    set(t[13], status, statusNames[status] || status);
    set(row.flagBox, fl.join(), ...fl.map((x) => el("span", {class: "pill warn"}, flagNames[x])));
    row.menu.hidden = s.removed;
  }

  // sortRows puts the trainees who need attention first, the rest in seat
  // order; it waits while the pointer is over the grid, so no row moves
  // under it.
  // Removed trainees keep their place (greyed out), so a removal moves no row.
  let sortWanted = false, lastPointer = -1e9;
  function sortRows() {
    const body = $("#grid tbody");
    if (body.matches(":hover") || performance.now() - lastPointer < 3000) { sortWanted = true; return; }
    sortWanted = false;
    const w = (r) => r.data.removed ? 0 : r.weight;
    const order = [...rows.values()].sort((a, b) => w(b) - w(a) || a.data.seat - b.data.seat);
    const now = [...body.children];
    if (order.every((r, i) => now[i] === r.tr)) return;
    for (const r of order) body.append(r.tr);
  }
  for (const ev of ["pointerdown", "pointermove", "click"]) $("#grid tbody").addEventListener(ev, () => { lastPointer = performance.now(); });
  $("#grid tbody").addEventListener("mouseleave", () => { if (sortWanted) setTimeout(sortRows, 3000); });

  function num(v) { return v === undefined || v === null ? "–" : String(v); }

  setInterval(() => {
    const since = performance.now() - received;
    for (const row of rows.values()) updateRow(row, since);
    sortRows();
  }, 500);
  connect();
})();
