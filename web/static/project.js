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
      document.title = st.room.title + " · " + t("join");
      $("#joinurl").textContent = st.join.replace(/^https?:\/\//, "").replace(/\?code=.*$/, "");
      const phase = st.room.ended ? t("The workshop has ended.") : st.room.paused ? t("Paused.") : st.room.started ? t("Playing.") : t("Waiting to start.");
      const people = (st.trainees === 1 ? t("%s trainee in the room", st.trainees) : t("%s trainees in the room", st.trainees)) +
        (st.room.started ? " · " + t("%s talking · %s finished", st.playing, st.finished) : "");
      $("#status").textContent = phase + " " + people + (st.room.locked ? " · " + t("the room is locked") : "");
    } catch (e) {
      clear($("#banner")).append(el("div", {class: "banner bad"}, t("Open this view from the facilitator page (%s).", e.message)));
    }
  }
  refresh();
  setInterval(refresh, 2000);
})();
