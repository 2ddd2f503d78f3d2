"use strict";
// Helpers shared by every page. User text only ever goes into the page as
// text nodes (textContent), never as HTML.

function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of kids.flat()) {
    if (kid === undefined || kid === null || kid === false) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

function $(sel) { return document.querySelector(sel); }

// t translates a page text through the catalogue the server chose for this
// page (/i18n/messages.js, from web/messages.go), filling %s and %d in order;
// without an entry the English key is the text.
function t(key, ...args) {
  const s = (self.MSG && self.MSG[key]) || key;
  let i = 0;
  return s.replace(/%[sd]/g, () => String(args[i++]));
}

// T is t, for code where a local t stands for something else.
function T(key, ...args) { return t(key, ...args); }

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

async function api(method, url, body, token) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers["Authorization"] = "Bearer " + token;
  const res = await fetch(url, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) throw new Error((data && data.error) || (res.status + " " + res.statusText));
  return data;
}

async function download(url, filename) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(res.status + " " + res.statusText);
  const blob = await res.blob();
  const a = el("a", {href: URL.createObjectURL(blob), download: filename});
  document.body.append(a);
  a.click();
  a.remove();
}

function wsURL(path) {
  return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
}

function clock(ms) {
  if (!(ms > 0)) ms = 0;
  const s = Math.floor(ms / 1000);
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

function pathPart(i) { return decodeURIComponent(location.pathname.split("/")[i] || ""); }

function fmt(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  return Number(x).toFixed(digits === undefined ? 1 : digits);
}

// signInFromFragment handles an old facilitator link that carried the room
// secret after "#": it drops the secret from the address bar at once, then
// exchanges it for the facilitator cookie (HttpOnly, so no script reads it).
async function signInFromFragment(code) {
  const tok = location.hash.slice(1);
  if (!tok) return;
  history.replaceState(null, "", location.pathname + location.search);
  try { await signIn(code, tok); } catch (e) { /* the page asks for the secret */ }
}

// signIn exchanges the room secret for the facilitator cookie.
function signIn(code, secret) {
  return api("POST", "/api/rooms/" + encodeURIComponent(code) + "/session", {token: secret.trim()});
}
