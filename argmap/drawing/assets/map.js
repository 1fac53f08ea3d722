/* argmap's interactive map page: pan and zoom, details panel, folding, search, keyboard.
   One IIFE, no global names. Map text comes only from the JSON data block and is inserted with
   textContent, never as markup; links are made only for http(s) and mailto URLs. */
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
  // The same rule as argmap.render.html.safe_url: http(s) with a host, or mailto.
  function safeHref(url) {
    if (typeof url !== "string" || /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) { return null; }
    if (!/^(https?:\/\/[^\/?#]+|mailto:.+)/i.test(url)) { return null; }
    try {
      var parsed = new URL(url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:" && parsed.protocol !== "mailto:") { return null; }
    } catch (err) { return null; }
    return url;
  }

  // -- pan and zoom ---------------------------------------------------------------------------
  // Geometry comes from the data (node boxes and the graph-to-pixel frame), so moving around
  // never waits for the browser to lay the picture out.
  var W = data.size[0] || 1;
  var H = data.size[1] || 1;
  var FAR = 0.3;  // below this zoom, text would be under 4px: big maps skip drawing it
  var view = { x: 0, y: 0, s: 1 };
  var vw = 0;
  var vh = 0;
  var pending = false;
  function measure() { vw = viewport.clientWidth; vh = viewport.clientHeight; }
  function apply() {
    svg.style.transform = "translate(" + view.x + "px," + view.y + "px) scale(" + view.s + ")";
    if (lazy && !pending) {
      pending = true;
      requestAnimationFrame(function () { pending = false; updateVisible(); });
    }
  }
  function near(b, r) {
    if (!b) { return true; }
    var x = frame[0] * b[0] + frame[1];
    var y = frame[2] * b[1] + frame[3];
    return x <= r[2] && x + frame[0] * b[2] >= r[0] && y <= r[3] && y + frame[2] * b[3] >= r[1];
  }
  // A big map's node text waits in the data until the node first comes near (or the page prints).
  var drawn = new Uint8Array(n);
  function drawText(k) {
    var runs = nodes[k].svgText;
    if (drawn[k] || !runs || !els[k]) { return; }
    drawn[k] = 1;
    var before = knobs[k] || (ring && ring.parentNode === els[k] ? ring : null);
    runs.forEach(function (run) {
      var t = document.createElementNS(SVGNS, "text");
      for (var name in run[1]) {
        if (Object.prototype.hasOwnProperty.call(run[1], name) && /^[a-z][a-z-]*$/.test(name) && name.indexOf("on") !== 0) {
          t.setAttribute(name, String(run[1][name]));
        }
      }
      t.textContent = run[0];
      els[k].insertBefore(t, before);
    });
  }
  function drawAllText() { for (var k = 0; k < n; k++) { drawText(k); } }
  window.addEventListener("beforeprint", drawAllText);
  function updateVisible() {
    var margin = 300;
    var r = [(-view.x - margin) / view.s, (-view.y - margin) / view.s,
      (vw - view.x + margin) / view.s, (vh - view.y + margin) / view.s];
    for (var k = 0; k < n; k++) {
      if (!els[k]) { continue; }
      var on = near(nodes[k].box, r);
      if (on !== Boolean(onNode[k])) {
        onNode[k] = on ? 1 : 0;
        els[k].classList.toggle("am-on", on);
        if (on && view.s >= FAR) { drawText(k); }
      }
      if (on && !drawn[k] && view.s >= FAR) { drawText(k); }
    }
    links.forEach(function (l) {
      var on = near(l.box, r);
      if (on !== l.on) { l.on = on; l.el.classList.toggle("am-on", on); }
    });
    svg.classList.toggle("am-far", view.s < FAR);
  }
  function zoomAt(factor, cx, cy) {
    var s = Math.min(8, Math.max(0.02, view.s * factor));
    var f = s / view.s;
    view.x = cx - (cx - view.x) * f;
    view.y = cy - (cy - view.y) * f;
    view.s = s;
    apply();
  }
  function zoomCenter(factor) {
    measure();
    zoomAt(factor, vw / 2, vh / 2);
  }
  function fitScale() {
    return Math.min(vw / W, vh / H) * 0.96;
  }
  function fit() {
    measure();
    view.s = fitScale();
    view.x = (vw - W * view.s) / 2;
    view.y = (vh - H * view.s) / 2;
    apply();
  }
  // Where node k's box sits on screen, relative to the viewport: [left, top, width, height].
  function screenBox(k) {
    var b = nodes[k].box;
    return [view.x + view.s * (frame[0] * b[0] + frame[1]), view.y + view.s * (frame[2] * b[1] + frame[3]),
      view.s * frame[0] * b[2], view.s * frame[2] * b[3]];
  }
  function center(k, onlyIfOutside) {
    if (!nodes[k].box) { return; }
    measure();
    var b = screenBox(k);
    if (onlyIfOutside && b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= vw && b[1] + b[3] <= vh) { return; }
    view.x += vw / 2 - (b[0] + b[2] / 2);
    view.y += vh / 2 - (b[1] + b[3] / 2);
    apply();
  }
  function initialView() {
    measure();
    if (!vw || !vh) { apply(); return; }
    var f = fitScale();
    view.s = Math.min(1, Math.max(f, 0.6));  // a big map starts readable, at its thesis, not as a speck
    view.x = (vw - W * view.s) / 2;
    view.y = (vh - H * view.s) / 2;
    var top = firstClaim();
    if (f < 0.6 && top >= 0 && nodes[top].box) {
      var b = screenBox(top);
      view.x += vw / 2 - (b[0] + b[2] / 2);
      // The top of the picture (its title) when the thesis still shows well from there.
      view.y = b[1] - view.y < vh / 3 ? 8 : view.y + 12 - b[1];
    }
    apply();
    if (lazy) { updateVisible(); }  // now, so the first paint has the map
  }
  window.addEventListener("resize", function () { measure(); apply(); });

  viewport.addEventListener("wheel", function (e) {
    if (!standalone && !(e.ctrlKey || e.metaKey)) { return; }  // in a notebook the wheel scrolls the page
    e.preventDefault();
    var rect = viewport.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX - rect.left, e.clientY - rect.top);
  }, { passive: false });

  var drag = null;
  viewport.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) { return; }
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false, target: e.target, id: e.pointerId };
  });
  viewport.addEventListener("pointermove", function (e) {
    if (!drag || e.pointerId !== drag.id) { return; }
    var dx = e.clientX - drag.x;
    var dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
      drag.moved = true;
      viewport.classList.add("am-dragging");
      try { viewport.setPointerCapture(e.pointerId); } catch (err) { /* pointer already gone */ }
    }
    if (drag.moved) { view.x = drag.vx + dx; view.y = drag.vy + dy; apply(); }
  });
  function endDrag(e) {
    if (!drag || e.pointerId !== drag.id) { return; }
    var tap = !drag.moved && e.type === "pointerup";
    var target = drag.target;
    drag = null;
    viewport.classList.remove("am-dragging");
    if (tap) { onTap(target); }
  }
  viewport.addEventListener("pointerup", endDrag);
  viewport.addEventListener("pointercancel", endDrag);

  function onTap(target) {
    if (!target || !target.closest) { return; }
    var knob = target.closest(".am-knob");
    var g = target.closest("g[data-node]");
    var k = g ? indexOf(g, "data-node") : undefined;
    if (k === undefined) { return; }
    if (knob) { setFold(k, !folded[k]); setCurrent(k); return; }
    setCurrent(k);
    openPanel(k);
  }

  // -- folding: the fold tree comes from Python; a node is hidden while any fold covers it ------
  var hidden = new Int32Array(n);
  var folded = new Uint8Array(n);
  var knobs = new Array(n);
  function below(k) {
    var out = [];
    var stack = nodes[k].kids.slice();
    while (stack.length) {
      var m = stack.pop();
      out.push(m);
      var kids = nodes[m].kids;
      for (var q = 0; q < kids.length; q++) { stack.push(kids[q]); }
    }
    return out;
  }
  function setFold(k, on) {
    if (!nodes[k].kids.length || Boolean(folded[k]) === on) { return; }
    folded[k] = on ? 1 : 0;
    var changed = [];
    below(k).forEach(function (m) {
      var was = hidden[m] > 0;
      hidden[m] += on ? 1 : -1;
      if ((hidden[m] > 0) !== was) { changed.push(m); }
    });
    changed.forEach(function (m) {
      if (els[m]) { els[m].classList.toggle("am-hidden", hidden[m] > 0); }
      edgesOf[m].forEach(function (edge) {
        edge.el.classList.toggle("am-hidden", hidden[edge.a] > 0 || hidden[edge.b] > 0);
      });
    });
    drawKnob(k);
    if (current >= 0 && hidden[current] > 0) { setCurrent(k); }
    if (shown >= 0 && hidden[shown] > 0) { openPanel(k); } else if (shown === k) { openPanel(k); }
    status.textContent = (on ? "Folded " : "Unfolded ") + nodes[k].folds + " claims under: " + shortText(nodes[k]);
  }
  function reveal(k) {
    for (var p = parent[k]; p >= 0; p = parent[p]) {
      if (folded[p]) { setFold(p, false); }
    }
  }
  function drawKnob(k) {
    var box = nodes[k].box;
    if (!box || !els[k]) { return; }
    var label = folded[k] ? "+" + nodes[k].folds : "\u2212";
    var w = 12 + 7 * label.length;
    var knob = knobs[k];
    if (!knob) {
      knob = svgEl("g", { "class": "am-knob" });
      knob.appendChild(svgEl("rect", { x: -w / 2, y: -9, width: w, height: 18, rx: 9 }));
      knob.appendChild(svgEl("text", { x: 0, y: 0 }));
      els[k].appendChild(knob);
      knobs[k] = knob;
    }
    knob.setAttribute("transform", "translate(" + (box[0] + box[2] - 4) + "," + (box[1] + box[3]) + ")");
    var rect = knob.firstChild;
    rect.setAttribute("x", String(-w / 2));
    rect.setAttribute("width", String(w));
    knob.lastChild.textContent = label;
    knob.classList.toggle("am-folded", Boolean(folded[k]));
  }
  for (i = 0; i < claims.length; i++) {
    if (nodes[claims[i]].folds > 0) { drawKnob(claims[i]); }
  }

  // -- the current claim (keyboard, search) and the details panel -----------------------------
  var current = -1;
  var shown = -1;
  var ring = svgEl("rect", { "class": "am-ring", rx: 8 });
  function setCurrent(k) {
    if (current >= 0) { outlineEls[current].forEach(function (e) { e.classList.remove("am-current"); }); }
    current = k;
    if (k < 0 || !els[k]) { if (ring.parentNode) { ring.parentNode.removeChild(ring); } return; }
    var box = nodes[k].box;
    if (box) {
      ring.setAttribute("x", String(box[0] - 4));
      ring.setAttribute("y", String(box[1] - 4));
      ring.setAttribute("width", String(box[2] + 8));
      ring.setAttribute("height", String(box[3] + 8));
      els[k].appendChild(ring);
    }
    outlineEls[k].forEach(function (e) { e.classList.add("am-current"); });
    status.textContent = roleWord(nodes[k]) + ": " + (nodes[k].text || shortText(nodes[k]));
  }
  function goTo(k, open) {
    reveal(k);
    setCurrent(k);
    if (open) { openPanel(k); }
    center(k, true);
  }
  function firstClaim() {
    for (var q = 0; q < claims.length; q++) {
      if (nodes[claims[q]].role === "thesis" && !hidden[claims[q]] && nodes[claims[q]].kids.length) { return claims[q]; }
    }
    for (q = 0; q < claims.length; q++) { if (!hidden[claims[q]]) { return claims[q]; } }
    return -1;
  }

  var RELATION = { reason: "a reason for", objection: "an objection to", rebuttal: "a rebuttal of", undercut: "an undercut of" };
  function nodeButton(k) {
    var b = el("button", "am-link", shortText(nodes[k]));
    b.type = "button";
    b.addEventListener("click", function () { goTo(k, true); });
    return b;
  }
  function addQuestions(parentEl, d, heading) {
    if (!d.questions || !d.questions.length) { return; }
    if (heading) { parentEl.appendChild(el("h3", null, heading)); }
    var ol = el("ol", "am-questions");
    d.questions.forEach(function (q) { ol.appendChild(el("li", null, q)); });
    parentEl.appendChild(ol);
  }
  function addSources(d) {
    if (!d.sources || !d.sources.length) { return; }
    panelBody.appendChild(el("h3", null, d.sources.length === 1 ? "Source" : "Sources"));
    d.sources.forEach(function (s) {
      var box = el("div", "am-source");
      if (s.author) { box.appendChild(el("p", "am-author", s.author)); }
      if (s.title) { box.appendChild(el("p", "am-source-title", s.title)); }
      var where = [s.outlet, s.date].filter(Boolean).join(", ");
      if (where) { box.appendChild(el("p", "am-outlet", where)); }
      if (s.kind) { box.appendChild(el("p", "am-kind", "Kind: " + s.kind)); }
      if (s.quote) { box.appendChild(el("blockquote", "am-quote", s.quote)); }
      if (s.url) {
        var href = s.href ? safeHref(s.href) : null;
        if (href) {
          var a = el("a", "am-url", s.url);
          a.href = href;
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          box.appendChild(a);
        } else {
          box.appendChild(el("span", "am-url-text", s.url));
        }
      }
      panelBody.appendChild(box);
    });
  }
  function addStepLine(list, k, text) {
    var li = el("li");
    li.appendChild(document.createTextNode(text + " "));
    li.appendChild(nodeButton(k));
    list.appendChild(li);
    return li;
  }
  function openPanel(k) {
    var d = nodes[k];
    shown = k;
    panelBody.textContent = "";
    panelBody.appendChild(el("p", "am-role", roleWord(d) + (d.kind === "claim" ? "" : " (a step of reasoning)")));
    panelBody.appendChild(el("h2", null, d.label || (d.kind === "claim" ? roleWord(d) : roleWord(d) + " step")));
    if (d.text) { panelBody.appendChild(el("p", "am-text", d.text)); }
    if (d.evaluation) {
      var ev = el("p", null, "Evaluation: ");
      var value = d.evaluation.strength !== undefined ? "strength " + d.evaluation.strength : d.evaluation.status;
      ev.appendChild(el("span", "am-eval", value));
      panelBody.appendChild(ev);
    }
    if (d.scheme) { panelBody.appendChild(el("p", "am-scheme", "Scheme: " + d.scheme)); }
    if (d.tags && d.tags.length) {
      var tags = el("ul", "am-tags");
      d.tags.forEach(function (t) { tags.appendChild(el("li", null, t)); });
      panelBody.appendChild(tags);
    }
    if (d.group) { panelBody.appendChild(el("p", "am-group", "Section: " + d.group)); }
    addQuestions(panelBody, d, "Open critical questions");
    addSources(d);
    if (d.note) { panelBody.appendChild(el("h3", null, "Note")); panelBody.appendChild(el("p", "am-note", d.note)); }

    if (d.kind === "claim") {
      if (d.targets.length) {
        panelBody.appendChild(el("h3", null, "It is"));
        var out = el("ul", "am-steps");
        d.targets.forEach(function (s) {
          var step = nodes[s];
          var goal = step.targets.length ? step.targets[0] : s;
          var li = addStepLine(out, goal, (RELATION[step.role] || "a premise of") + (nodes[goal].kind === "claim" ? "" : " the step"));
          if (step.scheme) { li.appendChild(el("div", "am-scheme", "Scheme: " + step.scheme)); }
          addQuestions(li, step, null);
        });
        panelBody.appendChild(out);
      }
    } else {
      panelBody.appendChild(el("h3", null, d.premises.length > 1 ? "Premises (together)" : "Premise"));
      var prem = el("ul", "am-steps");
      d.premises.forEach(function (p) { addStepLine(prem, p, ""); });
      panelBody.appendChild(prem);
      if (d.targets.length) {
        panelBody.appendChild(el("h3", null, "Bears on"));
        var tgt = el("ul", "am-steps");
        addStepLine(tgt, d.targets[0], "");
        panelBody.appendChild(tgt);
      }
    }
    if (d.incoming.length) {
      panelBody.appendChild(el("h3", null, "What bears on it"));
      var inc = el("ul", "am-steps");
      d.incoming.forEach(function (s) {
        var step = nodes[s];
        step.premises.forEach(function (p) { addStepLine(inc, p, roleWord(step) + ":"); });
      });
      panelBody.appendChild(inc);
    }
    if (d.kind === "claim" && d.kids.length) {
      var btn = el("button", "am-fold", folded[k] ? "Unfold the " + d.folds + " claims under it" : "Fold what bears on it (" + d.folds + " claims)");
      btn.type = "button";
      btn.setAttribute("aria-pressed", folded[k] ? "true" : "false");
      btn.addEventListener("click", function () { setFold(k, !folded[k]); });
      panelBody.appendChild(btn);
    }
    panel.hidden = false;
  }
  function closePanel() {
    panel.hidden = true;
    shown = -1;
  }
  panel.querySelector(".am-close").addEventListener("click", function () { closePanel(); viewport.focus({ preventScroll: true }); });

  // -- search ---------------------------------------------------------------------------------
  var matches = [];
  var matchAt = -1;
  var timer = 0;
  function mark(k, on) {
    if (els[k]) { els[k].classList.toggle("am-match", on); }
    outlineEls[k].forEach(function (e) { e.classList.toggle("am-match", on); });
  }
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    matches.forEach(function (k) { mark(k, false); });
    matches = [];
    matchAt = -1;
    if (q) { claims.forEach(function (k) { if (hay[k].indexOf(q) >= 0) { matches.push(k); } }); }
    matches.forEach(function (k) { mark(k, true); });
    if (!q) { countEl.textContent = ""; return; }
    if (!matches.length) { countEl.textContent = "no match"; return; }
    step(1);
  }
  function step(dir) {
    if (!matches.length) { return; }
    matchAt = (matchAt + dir + matches.length) % matches.length;
    var k = matches[matchAt];
    goTo(k, !panel.hidden);
    countEl.textContent = (matchAt + 1) + " of " + matches.length;
    var hits = outlineEls[k];
    if (root.classList.contains("am-show-outline") && hits.length) { hits[0].scrollIntoView({ block: "center" }); }
  }
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(runSearch, 120);
  });

  // -- toolbar, outline, keyboard ---------------------------------------------------------------
  root.querySelector(".am-zoom-in").addEventListener("click", function () { zoomCenter(1.25); });
  root.querySelector(".am-zoom-out").addEventListener("click", function () { zoomCenter(0.8); });
  root.querySelector(".am-fit").addEventListener("click", fit);
  function toggleOutline() {
    var on = root.classList.toggle("am-show-outline");
    outlineBtn.setAttribute("aria-pressed", on ? "true" : "false");
    outlineBtn.textContent = on ? "Map" : "Outline";
    if (!on) { viewport.focus({ preventScroll: true }); }
  }
  outlineBtn.addEventListener("click", toggleOutline);
  root.querySelector(".am-outline").addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest("[data-node]") : null;
    var k = t ? indexOf(t, "data-node") : undefined;
    if (k !== undefined) { reveal(k); setCurrent(k); openPanel(k); }
  });

  var ARROWS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
  function move(dir) {
    if (current < 0 || hidden[current] || !nodes[current].box) {
      var start = firstClaim();
      if (start >= 0) { goTo(start, !panel.hidden); }
      return;
    }
    var b = nodes[current].box;
    var cx = b[0] + b[2] / 2;
    var cy = b[1] + b[3] / 2;
    var best = -1;
    var bestScore = Infinity;
    for (var q = 0; q < claims.length; q++) {
      var k = claims[q];
      var box = nodes[k].box;
      if (k === current || hidden[k] || !box) { continue; }
      var vx = box[0] + box[2] / 2 - cx;
      var vy = box[1] + box[3] / 2 - cy;
      var along = vx * dir[0] + vy * dir[1];
      if (along <= 1) { continue; }
      var score = along + 2.5 * Math.abs(vx * dir[1] - vy * dir[0]);
      if (score < bestScore) { bestScore = score; best = k; }
    }
    if (best >= 0) { goTo(best, !panel.hidden); }
  }
  root.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "Escape") {
      if (!panel.hidden) { closePanel(); } else if (t === search && search.value) { search.value = ""; runSearch(); }
      viewport.focus({ preventScroll: true });
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (t === search) {
      if (e.key === "Enter") { e.preventDefault(); clearTimeout(timer); if (matchAt < 0) { runSearch(); } else { step(e.shiftKey ? -1 : 1); } }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (t !== viewport && t !== root && !(t.closest && t.closest(".am-outline"))) { return; }  // buttons, links, panel keep their keys
    var handled = true;
    if (ARROWS[e.key]) { move(ARROWS[e.key]); } else if (e.key === "Enter") {
      if (current < 0) { move([0, 0]); }
      if (current >= 0) { openPanel(current); }
    } else if (e.key === "+" || e.key === "=") { zoomCenter(1.25); } else if (e.key === "-") { zoomCenter(0.8); } else if (e.key === "0") { fit(); } else if (e.key === "c" && current >= 0) { setFold(current, !folded[current]); } else if (e.key === "/") { search.focus(); } else if (e.key === "o") { toggleOutline(); } else { handled = false; }
    if (handled) { e.preventDefault(); e.stopPropagation(); }
  });

  initialView();
  if (standalone) { viewport.focus({ preventScroll: true }); }
  root.setAttribute("data-am-ready", "ready");
  // For benchmarks: when the script started and how long it took (milliseconds).
  root.setAttribute("data-am-timing", Math.round(started) + " " + Math.round((window.performance ? performance.now() : 0) - started));
}());
