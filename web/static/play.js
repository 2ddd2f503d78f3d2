"use strict";
// The trainee's page: a chat with the customer. Replies are numbered and kept
// until the server acknowledges them (after they are on disk); after a
// reload or reconnect, unacknowledged replies are sent again with their
// numbers, and the server applies each number once.
(function () {
  const code = pathPart(2).toUpperCase();
  const token = localStorage.getItem("ccsim.seat." + code);
  if (!token) { location.replace("/join?code=" + encodeURIComponent(code)); return; }
  const pendKey = "ccsim.pending." + code;
  let pending = JSON.parse(localStorage.getItem(pendKey) || "[]");
  let nextN = Number(localStorage.getItem("ccsim.n." + code) || "1");
  let state = null, transcript = [], ws = null, gotState = false, stopped = false, retry = 500;
  let received = 0; // when the last state arrived (ms, performance clock)
  let lastKey = "";
  let connStatus = ""; // what the banner says about the connection, "" when connected

  function savePending() {
    localStorage.setItem(pendKey, JSON.stringify(pending));
    localStorage.setItem("ccsim.n." + code, String(nextN));
  }

  function connect() {
    ws = new WebSocket(wsURL("/ws/room?lang=" + document.documentElement.lang));
    gotState = false;
    ws.onopen = () => { retry = 500; ws.send(JSON.stringify({t: "hello", role: "trainee", token})); };
    ws.onmessage = (ev) => { if (ev.target === ws) onMessage(JSON.parse(ev.data)); };
    ws.onclose = (ev) => {
      if (stopped || ev.target !== ws) return;
      if (ev.code === 4403) { banner(t("This seat is no longer valid. Join again."), true); stopped = true; return; }
      connStatus = t("Connection lost; reconnecting… (what you type is kept and sent when it is back)");
      banner(connStatus);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  }

  function send(msg) {
    msg.n = nextN++;
    pending.push(msg);
    savePending();
    if (ws && ws.readyState === WebSocket.OPEN && gotState) ws.send(JSON.stringify(msg));
    render();
  }

  function onMessage(m) {
    if (m.t === "replaced") { stopped = true; banner(t("This seat was opened in another window; this one has stopped. Reload to continue here."), true); return; }
    if (m.t === "removed") { stopped = true; localStorage.removeItem("ccsim.seat." + code); banner(t("The facilitator removed you from the room."), true); return; }
    if (m.t === "error") { $("#err").textContent = m.msg; return; }
    if (m.t !== "state") return;
    if (m.from === 0) transcript = [];
    if (m.from > transcript.length) { ws.close(); return; } // a gap: reconnect for the whole transcript
    transcript = transcript.slice(0, m.from).concat(m.entries);
    state = m;
    received = performance.now();
    pending = pending.filter((p) => p.n > m.ack);
    nextN = Math.max(nextN, m.ack + 1);
    savePending();
    if (!gotState) {
      gotState = true;
      connStatus = "";
      for (const p of pending) ws.send(JSON.stringify(p)); // resend what the server has not acknowledged
    }
    render();
  }

  function banner(text, bad) {
    const b = clear($("#banner"));
    if (text) b.append(el("div", {class: bad ? "banner bad" : "banner"}, text));
  }

  function render() {
    if (!state) return;
    const s = state.session, room = state.room;
    clear($("#title")).append(room.title + " · ", el("bdi", {}, state.name));
    document.title = room.title + " · ccsim";
    renderChat();
    renderBrief(s);
    renderMeters(s);
    renderPulse();
    renderAnswer(s, room);
    renderEnd(s);
    const q = $("#queue");
    q.hidden = state.waiting === undefined || state.waiting === null;
    if (!q.hidden) $("#waiting").textContent = String(state.waiting);
    if (connStatus) banner(connStatus);
    else if (room.paused && s && !s.ended) banner(t("Paused by the facilitator: timers are frozen."));
    else banner("");
    tick();
  }

  function renderChat() {
    const chat = $("#chat");
    const key = transcript.length + ":" + pending.length;
    if (key === lastKey) return;
    lastKey = key;
    clear(chat);
    const speaker = {customer: (state.session && state.session.persona) || t("Customer"), agent: t("You"), bot: t("Bot"), context: t("Hand-off context"), system: "", event: ""};
    for (const e of transcript) {
      chat.append(el("div", {class: "msg " + e.speaker}, speaker[e.speaker] ? el("span", {class: "who"}, speaker[e.speaker]) : null, e.text));
    }
    for (const p of pending) {
      chat.append(el("div", {class: "msg agent pending"}, el("span", {class: "who"}, t("You (sending…)")), p.text || labelOf(p.id)));
    }
    if (!state.session) chat.append(el("div", {class: "msg system"}, state.room.started ? t("Starting…") : t("Waiting for the facilitator to start the workshop.")));
    chat.scrollTop = chat.scrollHeight;
  }

  function labelOf(id) {
    const c = (state.session && state.session.choices || []).find((c) => c.id === id);
    return c ? c.label : id;
  }

  function renderBrief(s) {
    const b = clear($("#brief"));
    if (!s) { b.append(el("div", {class: "muted"}, t("Room %s", code))); return; }
    b.append(el("h3", {}, s.title), el("div", {class: "muted"}, t("Customer: %s", s.persona)), el("p", {}, s.brief));
    if (s.facts && s.facts.length) b.append(el("ul", {}, s.facts.map((f) => el("li", {}, f))));
    b.append(el("div", {class: "muted"}, t("Mode: %s", s.mode === "free" ? t("free") : t("guided"))));
  }

  const varNames = {mood: t("mood"), trust: t("trust"), patience: t("patience")};

  function renderMeters(s) {
    const m = clear($("#meters"));
    if (!s) { m.hidden = true; return; }
    m.hidden = false;
    for (const v of s.vars) {
      if (v.type === "int" && v.min !== undefined && v.max !== undefined && v.max > v.min) {
        const frac = (v.int - v.min) / (v.max - v.min);
        const fill = el("div", {class: "fill " + (frac < 0.34 ? "low" : frac < 0.67 ? "mid" : "high")});
        fill.style.width = Math.round(frac * 100) + "%";
        m.append(el("div", {class: "meter", "data-var": v.name}, el("span", {}, (varNames[v.name] || v.name) + " " + v.value), el("div", {class: "bar"}, fill)));
      }
    }
  }

  function renderPulse() {
    const box = $("#pulse");
    const need = state.pulse_need;
    if (!need) { box.hidden = true; clear(box); box.dataset.need = ""; return; }
    if (box.dataset.need === need) return;
    box.dataset.need = need;
    box.hidden = false;
    pulseFormBox(box, state.pulse, need === "before" ? T("Before we start: how far do you agree?") : T("Now that you are done: how far do you agree?"), (answers, text) => send({t: "pulse", phase: need, answers, text}));
  }

  // renderAnswer rebuilds the reply buttons or the text box only when they
  // change, so a state that changes something else (the queue backdrop's
  // tick, say) neither moves a button under the pointer nor drops typed text.
  let answerKey = "";
  function renderAnswer(s, room) {
    const blocked = room.paused || (s && s.paused) || pending.length > 0;
    const key = JSON.stringify(!s || s.ended ? null : [s.mode, blocked, s.choices]);
    if (key === answerKey) return;
    answerKey = key;
    const box = clear($("#answer"));
    if (!s || s.ended) return;
    if (s.mode === "guided") {
      const list = el("div", {class: "choices"});
      for (const c of s.choices) list.append(el("button", {class: "secondary", "data-reply": c.id, disabled: blocked, onclick: () => send({t: "reply", id: c.id})}, c.label));
      box.append(list);
    } else {
      const ta = el("textarea", {id: "say", maxlength: 1000, placeholder: t("Type what you would say…"), disabled: blocked});
      const go = () => { const text = ta.value.trim(); if (text) { ta.value = ""; send({t: "say", text}); } };
      ta.addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); go(); } });
      box.append(el("div", {class: "compose"}, ta, el("button", {id: "send", disabled: blocked, onclick: go}, t("Send"))));
      if (!blocked) setTimeout(() => ta.focus(), 0);
    }
    $("#err").textContent = "";
  }

  function renderEnd(s) {
    const box = $("#end");
    if (!s || !s.ended) { box.hidden = true; return; }
    box.hidden = false;
    clear(box);
    const sc = s.score || {};
    box.append(el("h3", {}, t("Conversation over: %s", s.outcome.replace(/_/g, " "))),
      el("p", {}, t("Score") + " " + fmt(sc.total_pct) + " % " + (sc.band ? "(" + sc.band + ") " : "") + (sc.pass ? t("· passed") : t("· not passed"))),
      el("p", {class: "muted"}, t("Your facilitator will go through the debrief with you.")));
  }

  // tick counts the timers down between messages, unless paused or ended.
  function tick() {
    const s = state && state.session;
    if (!s) { $("#limit").textContent = "–"; $("#waitbox").hidden = true; return; }
    const running = !s.ended && !s.paused && !state.room.paused && !connStatus; // time offline counts as paused
    const since = running ? performance.now() - received : 0;
    const lim = $("#limit");
    if (s.limit_s) {
      const left = s.limit_s * 1000 - (s.elapsed_ms + since);
      lim.textContent = clock(left);
      lim.classList.toggle("low", left < 30000);
    } else lim.textContent = clock(s.elapsed_ms + since) + " " + t("(no limit)");
    const wb = $("#waitbox");
    wb.hidden = !s.timeout_left_ms || s.ended;
    if (!wb.hidden) $("#timeout").textContent = clock(s.timeout_left_ms - since);
  }

  setInterval(tick, 250);
  connect();
})();
