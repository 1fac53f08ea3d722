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

