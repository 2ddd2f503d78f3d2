"use strict";
(function () {
  const params = new URLSearchParams(location.search);
  const code = (params.get("code") || "").toUpperCase();
  $("#code").value = code;
  if (code && localStorage.getItem("ccsim.seat." + code)) {
    $("#resume").hidden = false;
    $("#resumecode").textContent = code;
    $("#resumelink").setAttribute("href", "/play/" + encodeURIComponent(code));
  }
  $("#join").addEventListener("click", async () => {
    $("#err").textContent = "";
    const mode = document.querySelector("input[name=mode]:checked").value;
    try {
      const res = await api("POST", "/api/join", {code: $("#code").value, name: $("#name").value, trainee: $("#trainee").value, mode});
      localStorage.setItem("ccsim.seat." + res.code, res.token);
      localStorage.removeItem("ccsim.pending." + res.code);
      localStorage.removeItem("ccsim.n." + res.code);
      location.href = "/play/" + encodeURIComponent(res.code);
    } catch (e) {
      $("#err").textContent = e.message;
    }
  });
})();
