"use strict";
// The team pulse history: per round the trust and fear indices before and
// after with the paired change, the trend, the chart for a slide, the
// distribution per statement and the free texts; exports; and opening a
// stand-alone pulse. Fixed texts go through T (web/messages.go).
(async function () {
  const q = new URLSearchParams(location.search);
  const team = q.get("team"), room = q.get("room") || "";
  const lang = document.documentElement.lang || "en"; // the page's language, chosen by the server
  const qs = (extra) => "?team=" + encodeURIComponent(team || "") + (room ? "&room=" + encodeURIComponent(room) : "") + "&lang=" + lang + (extra || "");
  const kinds = {workshop: T("workshop"), standalone: T("stand-alone pulse"), terminal: T("terminal")};
  const num = (x, d) => (x + 0).toLocaleString(lang, {minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false});
  // trendText is one scale's trend: the slope of the before index per round.
  const trendText = (t) => T("%s: %s points per round over %s rounds (%s → %s)", t.label, (t.slope >= 0 ? "+" : "") + num(t.slope, 1), t.rounds, num(t.first, 0), num(t.last, 0));
  const adm = await api("GET", "/api/admin").catch(() => ({required: false, signed_in: false}));
  const admin = !adm.required || adm.signed_in;
  if (!admin && !room) {
    $("#signin").hidden = false;
    $("#signinbtn").addEventListener("click", async (ev) => {
      ev.preventDefault();
      try { await api("POST", "/api/admin/session", {token: $("#admintoken").value.trim()}); location.reload(); }
      catch (e) { $("#signinerr").textContent = e.message; }
    });
    return;
  }
  if (admin) listTeams();
  if (!team) return;
  $("#title").textContent = T("Pulse of team %s", team);
  document.title = T("Pulse of team %s", team) + " · ccsim";
  let h;
  try { h = await api("GET", "/api/pulse/history" + qs()); }
  catch (e) { $("#err").textContent = e.message; return; }
  render(h);
  if (admin) standalone();

  async function listTeams() {
    const box = $("#teams");
    try {
      const ts = await api("GET", "/api/pulse/teams");
      box.hidden = false;
      box.append(el("h2", {}, T("Teams")), el("ul", {}, ts.map((t) => el("li", {}, el("a", {href: "/teams?team=" + encodeURIComponent(t.team)}, t.team), " · " + T("%s round(s)", t.rounds)))));
    } catch (e) { $("#err").textContent = e.message; }
  }

  function render(h) {
    const out = clear($("#history"));
    const card = el("div", {class: "card"});
    card.append(el("h2", {}, T("Trend of the before index (the team's state as each round began)")), el("ul", {id: "trend"}, h.trend.map((t) => el("li", {}, t.slope === undefined || t.slope === null ? T("%s: needs two rounds with enough respondents", t.label) : trendText(t)))));
    card.append(el("img", {id: "chart", class: "pulsechart", src: "/api/pulse/export/history.svg" + qs(), alt: T("Pulse of team %s", h.team)}));
    card.append(el("p", {}, T("Download:") + " ", ["csv", "json", "png", "svg"].map((x) => el("a", {class: "button secondary", href: "/api/pulse/export/history." + x + qs(), download: "pulse-" + h.team + "." + x}, x.toUpperCase())).flatMap((a) => [a, " "])));
    out.append(card, el("h2", {}, T("Rounds")));
    let latest = null;
    for (const r of h.rounds.slice().reverse()) {
      const date = new Date(r.round.created_ms).toISOString().slice(0, 10);
      out.append(el("div", {class: "card round", "data-round": r.round.id}, el("h3", {}, date + " · " + r.round.title + " · " + (kinds[r.round.kind] || r.round.kind)), pulseSummary(r, false)));
      if (!latest && r.statements.some((s) => s.before || s.after)) latest = r;
    }
    if (latest) out.append(el("h2", {}, T("Answers per statement in the latest round with enough respondents")), el("div", {class: "card", id: "latest"}, pulseSummary(latest, true)));
  }

  function standalone() {
    $("#standalone").hidden = false;
    $("#pulsetitle").placeholder = T("e.g. Pulse, week 12");
    $("#openpulse").addEventListener("click", async () => {
      try {
        const res = await api("POST", "/api/pulses", {team, title: $("#pulsetitle").value.trim()});
        $("#opened").textContent = T("Code %s · link %s", res.code, location.origin + res.link);
      } catch (e) { $("#opened").textContent = e.message; }
    });
  }
})();
