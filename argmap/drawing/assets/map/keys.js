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
