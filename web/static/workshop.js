"use strict";
(async function () {
  const box = $("#scripts");
  $("#team").placeholder = T("e.g. Service Team North");
  try {
    const adm = await api("GET", "/api/admin");
    $("#adminbox").hidden = !adm.required || adm.signed_in;
  } catch (e) { /* the create button reports it */ }
  try {
    const list = await api("GET", "/api/roleplays");
    clear(box).classList.remove("muted");
    list.forEach((r, i) => box.append(el("label", {}, el("input", {type: "checkbox", value: r.name, checked: i === 0}), " " + r.title + " ", el("span", {class: "muted"}, "(" + r.name + ")"))));
    const sc = await api("GET", "/api/scenarios");
    for (const n of sc) $("#backdrop").append(el("option", {value: n}, n));
  } catch (e) { box.textContent = e.message; }
  $("#create").addEventListener("click", async () => {
    $("#err").textContent = "";
    const scripts = [...box.querySelectorAll("input:checked")].map((i) => i.value);
    const custom = $("#custom").value.trim() ? [$("#custom").value] : [];
    const req = {title: $("#title").value, scripts, custom, mode: $("#mode").value, pulse: $("#pulse").checked, team: $("#team").value.trim(), instrument: $("#instrument").value, min_group: Number($("#mingroup").value) || 0, pause_away: $("#pauseaway").checked, lang: $("#lang").value, cap: Number($("#cap").value) || 0};
    if ($("#backdrop").value) req.backdrop = {scenario: $("#backdrop").value, speed: Number($("#speed").value), skip: $("#skip").value};
    try {
      if (!$("#adminbox").hidden && $("#admintoken").value.trim()) {
        await api("POST", "/api/admin/session", {token: $("#admintoken").value.trim()});
        $("#admintoken").value = "";
        $("#adminbox").hidden = true;
      }
      const res = await api("POST", "/api/rooms", req);
      opened(res);
    } catch (e) { $("#err").textContent = e.message; }
  });

  // opened shows the new room: links to its views (which carry no secret:
  // this browser now holds the facilitator cookie) and, folded away, the
  // secret itself, for signing in on another device.
  function opened(res) {
    $("#form").hidden = true;
    $("#opened").hidden = false;
    $("#newcode").textContent = res.code;
    $("#gofacilitate").setAttribute("href", res.facilitate);
    $("#goproject").setAttribute("href", res.project);
    $("#newsecret").textContent = res.token;
  }
})();
