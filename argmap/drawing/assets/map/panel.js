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

