"use strict";
// The projector view: what the room sees on the wall. The join code, a QR
// code of the join address and the room's status; no controls, no names and
// no secret. It reads the room's status with the facilitator cookie.
(function () {
  const code = pathPart(2).toUpperCase();
  const base = "/api/rooms/" + encodeURIComponent(code);
  $("#code").textContent = code;
  $("#qr").setAttribute("src", base + "/qr.svg");

  async function refresh() {
    try {
      const st = await api("GET", base + "/status");
      clear($("#banner"));
      $("#title").textContent = st.room.title;
      document.title = st.room.title + " · join";
      $("#joinurl").textContent = st.join.replace(/^https?:\/\//, "").replace(/\?code=.*$/, "");
      const phase = st.room.ended ? "The workshop has ended." : st.room.paused ? "Paused." : st.room.started ? "Playing." : "Waiting to start.";
      const people = st.trainees + (st.trainees === 1 ? " trainee" : " trainees") + " in the room" +
        (st.room.started ? " · " + st.playing + " talking · " + st.finished + " finished" : "");
      $("#status").textContent = phase + " " + people + (st.room.locked ? " · the room is locked" : "");
    } catch (e) {
      clear($("#banner")).append(el("div", {class: "banner bad"}, "Open this view from the facilitator page (" + e.message + ")."));
    }
  }
  refresh();
  setInterval(refresh, 2000);
})();
