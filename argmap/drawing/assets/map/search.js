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

