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
  function clampScale(s) { return Math.min(8, Math.max(0.02, s)); }
  function zoomAt(factor, cx, cy) {
    var s = clampScale(view.s * factor);
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

  // Two fingers pinch to zoom (classroom tablets): the map point between them stays between them.
  var touches = new Map();
  var pinch = null;
  function touchAt(e) {
    var rect = viewport.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }
  function spread() {
    var p = Array.from(touches.values());
    return { d: Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) || 1, x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2 };
  }
  viewport.addEventListener("pointerdown", function (e) {
    if (e.pointerType !== "touch") { return; }
    touches.set(e.pointerId, touchAt(e));
    if (touches.size !== 2) { return; }
    drag = null;  // a second finger: no pan, and no tap when the fingers lift
    viewport.classList.remove("am-dragging");
    pinch = { start: spread(), x: view.x, y: view.y, s: view.s };
  });
  viewport.addEventListener("pointermove", function (e) {
    if (!touches.has(e.pointerId)) { return; }
    touches.set(e.pointerId, touchAt(e));
    if (!pinch || touches.size !== 2) { return; }
    var now = spread();
    var s = clampScale(pinch.s * now.d / pinch.start.d);
    view.x = now.x - (pinch.start.x - pinch.x) * s / pinch.s;
    view.y = now.y - (pinch.start.y - pinch.y) * s / pinch.s;
    view.s = s;
    apply();
  });
  function endTouch(e) {
    if (touches.delete(e.pointerId) && touches.size < 2) { pinch = null; }
  }
  viewport.addEventListener("pointerup", endTouch);
  viewport.addEventListener("pointercancel", endTouch);

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

