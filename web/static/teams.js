"use strict";
// The team pulse history: per round the trust and fear indices before and
// after with the paired change, the trend, the chart for a slide, the
// distribution per statement and the free texts; exports; and opening a
// stand-alone pulse. Fixed texts are in TEAMS_TEXT, one place to translate.
const TEAMS_TEXT = {
  title: (t) => "Pulse of team " + t,
  teams: "Teams", rounds: (n) => n + " round(s)",
  trendHead: "Trend of the before index (the team's state as each round began)",
  trend: (l, s, n, a, b) => l + ": " + (s >= 0 ? "+" : "") + s.toFixed(1) + " points per round over " + n + " rounds (" + a.toFixed(0) + " → " + b.toFixed(0) + ")",
  trendOne: (l) => l + ": needs two rounds with enough respondents",
  roundsHead: "Rounds", latest: "Answers per statement in the latest round with enough respondents",
  kind: {workshop: "workshop", standalone: "stand-alone pulse", terminal: "terminal"},
  exports: "Download:", opened: (code, link) => "Code " + code + " · link " + link,
};

(async function () {
  const q = new URLSearchParams(location.search);
  const team = q.get("team"), room = q.get("room") || "";
  const qs = (extra) => "?team=" + encodeURIComponent(team || "") + (room ? "&room=" + encodeURIComponent(room) : "") + (extra || "");
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
  $("#title").textContent = TEAMS_TEXT.title(team);
  document.title = TEAMS_TEXT.title(team) + " · ccsim";
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
      box.append(el("h2", {}, TEAMS_TEXT.teams), el("ul", {}, ts.map((t) => el("li", {}, el("a", {href: "/teams?team=" + encodeURIComponent(t.team)}, t.team), " · " + TEAMS_TEXT.rounds(t.rounds)))));
    } catch (e) { $("#err").textContent = e.message; }
  }

  function render(h) {
    const out = clear($("#history"));
    const card = el("div", {class: "card"});
    card.append(el("h2", {}, TEAMS_TEXT.trendHead), el("ul", {id: "trend"}, h.trend.map((t) => el("li", {}, t.slope === undefined || t.slope === null ? TEAMS_TEXT.trendOne(t.label) : TEAMS_TEXT.trend(t.label, t.slope, t.rounds, t.first, t.last)))));
    card.append(el("img", {id: "chart", class: "pulsechart", src: "/api/pulse/export/history.svg" + qs(), alt: TEAMS_TEXT.title(h.team)}));
    card.append(el("p", {}, TEAMS_TEXT.exports + " ", ["csv", "json", "png", "svg"].map((x) => el("a", {class: "button secondary", href: "/api/pulse/export/history." + x + qs(), download: "pulse-" + h.team + "." + x}, x.toUpperCase())).flatMap((a) => [a, " "])));
    out.append(card, el("h2", {}, TEAMS_TEXT.roundsHead));
    let latest = null;
    for (const r of h.rounds.slice().reverse()) {
      const date = new Date(r.round.created_ms).toISOString().slice(0, 10);
      out.append(el("div", {class: "card round", "data-round": r.round.id}, el("h3", {}, date + " · " + r.round.title + " · " + (TEAMS_TEXT.kind[r.round.kind] || r.round.kind)), pulseSummary(r, false)));
      if (!latest && r.statements.some((s) => s.before || s.after)) latest = r;
    }
    if (latest) out.append(el("h2", {}, TEAMS_TEXT.latest), el("div", {class: "card", id: "latest"}, pulseSummary(latest, true)));
  }

  function standalone() {
    $("#standalone").hidden = false;
    $("#openpulse").addEventListener("click", async () => {
      try {
        const res = await api("POST", "/api/pulses", {team, title: $("#pulsetitle").value.trim()});
        $("#opened").textContent = TEAMS_TEXT.opened(res.code, location.origin + res.link);
      } catch (e) { $("#opened").textContent = e.message; }
    });
  }
})();
