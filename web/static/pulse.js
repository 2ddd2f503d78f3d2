"use strict";
// A stand-alone pulse, answered without a role-play by anyone with its code.
(async function () {
  const code = pathPart(2).toUpperCase();
  const base = "/api/pulses/" + encodeURIComponent(code);
  const lang = document.documentElement.lang || "en"; // the page's language, chosen by the server
  const box = $("#pulse");
  let p;
  try { p = await api("GET", base + "/form?lang=" + encodeURIComponent(lang)); }
  catch (e) { box.hidden = true; $("#err").textContent = e.message; return; }
  $("#title").textContent = p.title + " · " + p.team;
  if (p.answered) { box.textContent = T("This browser has already answered this pulse. Thank you."); return; }
  pulseFormBox(box, p.form, T("How far do you agree?"), async (answers, text) => {
    try {
      await api("POST", base + "/answers", {answers, text});
      clear(box).append(el("p", {id: "thanks"}, T("Thank you. Your answers are stored without your name; results appear only for groups of five or more.")));
    } catch (e) { $("#err").textContent = e.message; }
  });
})();
