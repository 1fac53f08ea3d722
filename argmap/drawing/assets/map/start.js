/* argmap's interactive map page: pan and zoom (pinch on tablets), details panel, folding, search,
   keyboard. One IIFE, no global names: this file opens it, keys.js closes it, and argmap joins
   start, view, fold, panel, search and keys in that order. Map text comes only from the JSON
   data block and is inserted with textContent, never as markup; links are made only for http(s)
   and mailto URLs. */
(function () {
  "use strict";
  var started = window.performance ? performance.now() : 0;

  // -- find our container: the script's parent, else the first map not yet started ------------
  var me = document.currentScript;
  var root = me && me.parentNode;
  if (!root || !root.classList || !root.classList.contains("am-root") || root.hasAttribute("data-am-ready")) {
    root = null;
    var all = document.querySelectorAll(".am-root");
    for (var r = 0; r < all.length; r++) {
      if (!all[r].hasAttribute("data-am-ready")) { root = all[r]; break; }
    }
  }
  if (!root) { return; }
  root.setAttribute("data-am-ready", "");
  root.classList.remove("am-nojs");

  var SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(root.querySelector("script.am-data").textContent);
  var nodes = data.nodes;
  var n = nodes.length;
  var standalone = root.classList.contains("am-standalone");
  var viewport = root.querySelector(".am-viewport");
  var svg = viewport.querySelector("svg");
  var panel = root.querySelector(".am-panel");
  var panelBody = panel.querySelector(".am-panel-body");
  var search = root.querySelector(".am-search");
  var countEl = root.querySelector(".am-count");
  var outlineBtn = root.querySelector(".am-toggle-outline");
  var status = document.createElement("div");
  status.className = "am-sr";
  status.setAttribute("aria-live", "polite");
  root.appendChild(status);

  var byId = new Map();
  var i, j;
  for (i = 0; i < n; i++) { byId.set(nodes[i].id, i); }
  function indexOf(el, attr) { return byId.get(el.getAttribute(attr)); }

  var els = new Array(n);
  var outlineEls = [];
  var edgesOf = [];
  var parent = new Int32Array(n).fill(-1);
  for (i = 0; i < n; i++) {
    edgesOf.push([]);
    outlineEls.push([]);
    for (j = 0; j < nodes[i].kids.length; j++) { parent[nodes[i].kids[j]] = i; }
  }
  svg.querySelectorAll("g[data-node]").forEach(function (g) {
    var k = indexOf(g, "data-node");
    if (k !== undefined) {
      els[k] = g;
      var ev = nodes[k].evaluation;
      if (ev && ev.code) { g.classList.add("am-st-" + String(ev.code).replace(/[^a-z]/gi, "")); }
    }
  });
  svg.querySelectorAll("g[data-from]").forEach(function (g) {
    var a = indexOf(g, "data-from");
    var b = indexOf(g, "data-to");
    if (a === undefined || b === undefined) { return; }
    var edge = { el: g, a: a, b: b };
    edgesOf[a].push(edge);
    edgesOf[b].push(edge);
  });
  svg.querySelectorAll("g[data-linked]").forEach(function (g) {
    var k = indexOf(g, "data-linked");
    if (k !== undefined) { edgesOf[k].push({ el: g, a: k, b: k }); }
  });
  root.querySelectorAll(".am-outline [data-node]").forEach(function (el) {
    var k = indexOf(el, "data-node");
    if (k !== undefined) { outlineEls[k].push(el); }
  });

  // Big maps draw only what is near the viewport (Python marks their SVG "am-lazy").
  var lazy = svg.classList.contains("am-lazy");
  var frame = data.frame || [1, 0, 1, 0];
  var links = [];
  svg.querySelectorAll("g[data-from], g[data-linked]").forEach(function (g, q) {
    links.push({ el: g, box: (data.links || [])[q], on: false });
  });
  var onNode = new Uint8Array(n);

  var claims = [];
  var hay = new Array(n);
  for (i = 0; i < n; i++) {
    var d = nodes[i];
    if (d.kind === "claim" && els[i]) {
      claims.push(i);
      hay[i] = [d.text || "", d.label || ""].concat(d.tags || []).join("\n").toLowerCase();
    }
  }

  // -- small DOM helpers: text only ---------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var key in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, key)) { e.setAttribute(key, String(attrs[key])); } }
    return e;
  }
  function roleWord(d) { return (data.roles && data.roles[d.role]) || d.role || d.kind; }
  function shortText(d) {
    if (d.label) { return d.label; }
    var t = d.text || "";
    if (d.kind !== "claim") {
      t = roleWord(d) + ": " + (d.premises || []).map(function (p) { return nodes[p].label || nodes[p].text || ""; }).join(" + ");
    }
    return t.length > 90 ? t.slice(0, 87) + "..." : t;
  }
  // The same rule as argmap.text.safe_url: http(s) with a host, or mailto.
  function safeHref(url) {
    if (typeof url !== "string" || /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) { return null; }
    if (!/^(https?:\/\/[^\/?#]+|mailto:.+)/i.test(url)) { return null; }
    try {
      var parsed = new URL(url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:" && parsed.protocol !== "mailto:") { return null; }
    } catch (err) { return null; }
    return url;
  }

