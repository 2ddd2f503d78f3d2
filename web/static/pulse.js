"use strict";
// A stand-alone pulse, answered without a role-play by anyone with its code.
const STANDALONE_TEXT = {
  title: (t, team) => t + " · " + team,
  thanks: "Thank you. Your answers are stored without your name; results appear only for groups of five or more.",
  answered: "This browser has already answered this pulse. Thank you.",
};
(async function () {
  const code = pathPart(2).toUpperCase();
  const base = "/api/pulses/" + encodeURIComponent(code);
  const lang = (navigator.language || "en").slice(0, 2);
  const box = $("#pulse");
  let p;
  try { p = await api("GET", base + "/form?lang=" + encodeURIComponent(lang)); }
  catch (e) { box.hidden = true; $("#err").textContent = e.message; return; }
  $("#title").textContent = STANDALONE_TEXT.title(p.title, p.team);
  if (p.answered) { box.textContent = STANDALONE_TEXT.answered; return; }
  pulseFormBox(box, p.form, PULSE_TEXT.now, async (answers, text) => {
    try {
      await api("POST", base + "/answers", {answers, text});
      clear(box).append(el("p", {id: "thanks"}, STANDALONE_TEXT.thanks));
    } catch (e) { $("#err").textContent = e.message; }
  });
})();
