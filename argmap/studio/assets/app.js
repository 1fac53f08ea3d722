/* argmap studio's page: the state from the server, and the actions that change it. Each change is
   sent with the version this page last saw; the answer is the new state (picture included),
   drawn at once; the feedback follows in a second request, so the picture never waits for it. */

import { Api, ApiError } from "./api.js";
import { Article } from "./article.js";
import { el, shorten } from "./dom.js";
import { Editor, stepText } from "./editor.js";
import { Feedback } from "./feedback.js";
import { actionOf, fillHelp } from "./keys.js";
import { Outline } from "./outline.js";
import { Picture } from "./picture.js";

const $ = (id) => document.getElementById(id);
const app = $("st-app");
const api = new Api();
const viewport = $("st-viewport");
const live = $("st-live");
const saveLine = $("st-save");

let state = null;
let byId = new Map();
let selected = null;
let evaluation = "";
let evalData = null;
let moving = null;        // { id } while choosing where a branch goes
let returnTo = "map";     // where focus goes back to after the composer: "map", "outline" or "text"
let busy = false;

const picture = new Picture(viewport, {
  onSelect: (id) => { if (moving) { moveTo(id); } else { select(id, { from: "map" }); } },
  onOpen: (id) => { select(id, { from: "map" }); editor.focusText(); },
  onMove: (id, target) => { change("/api/edit", { op: "move", args: { node: id, target } }, id); },
});
const outline = new Outline($("st-outline"), {
  onSelect: (id) => { if (moving) { moving.target = id; showMoving(); } else { select(id, { from: "outline" }); } },
});
const editor = new Editor($("st-editor"), $("st-composer"), {
  onUpdate: (id, fields) => change("/api/edit", { op: "update", args: { node: id, fields } }, id),
  onSources: (id, sources) => change("/api/edit", { op: "sources", args: { node: id, sources } }, id),
  onSelect: (id) => select(id, { from: "editor" }),
  onCompose: (kind, text, passage) => compose(kind, text, passage),
  onCancel: () => { announce("Cancelled."); restoreFocus(); },
});
const feedback = new Feedback($("st-node-feedback"), $("st-all-feedback"), {
  onSelect: (id) => select(id, { from: "feedback", scroll: true }),
  onExplain: (id) => explain(id),
});
const article = new Article($("st-article"), $("st-article-name"), {
  onSelect: (id) => select(id, { from: "text", scroll: true }),
});

// -- small helpers ------------------------------------------------------------------------------
function announce(text) {
  live.textContent = "";
  // A new text node each time, so screen readers read a repeated message again.
  requestAnimationFrame(() => { live.textContent = text; });
}

function describe(id) {
  const n = byId.get(id);
  if (!n) { return ""; }
  if (n.kind === "claim") { return n.roleWord + ": " + shorten(n.text, 120); }
  return n.roleWord + " step: " + shorten(stepText(n, byId), 100);
}

function region() {
  const a = document.activeElement;
  if ($("st-outline").contains(a)) { return "outline"; }
  if ($("st-article").contains(a)) { return "text"; }
  return "map";
}

function restoreFocus() {
  if (returnTo === "outline") { showTab("outline"); outline.select(selected, true); } else if (returnTo === "text") { showTab("text"); $("st-article").focus(); } else { viewport.focus({ preventScroll: true }); }
}

function setSaved(text, bad) {
  saveLine.textContent = text;
  saveLine.classList.toggle("st-bad", Boolean(bad));
}

function savedWords() {
  if (!state.file) { return "Not saved to a file: Download keeps a copy."; }
  return "Saved to " + state.file.name + (state.file.rewritten ? " (in argmap's layout)" : "");
}

// -- tabs on the left -----------------------------------------------------------------------------
const TABS = ["outline", "text", "feedback"];
function showTab(name) {
  for (const t of TABS) {
    const on = t === name;
    $("st-tab-" + t).setAttribute("aria-selected", on ? "true" : "false");
    $("st-tab-" + t).tabIndex = on ? 0 : -1;
    $("st-pane-" + t).hidden = !on;
  }
}
for (const t of TABS) { $("st-tab-" + t).addEventListener("click", () => showTab(t)); }
$("st-app").querySelector(".st-tabs").addEventListener("keydown", (e) => {
  if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") { return; }
  const shown = TABS.filter((t) => !$("st-tab-" + t).hidden);
  const at = shown.findIndex((t) => $("st-tab-" + t).getAttribute("aria-selected") === "true");
  const next = shown[(at + (e.key === "ArrowRight" ? 1 : shown.length - 1)) % shown.length];
  showTab(next);
  $("st-tab-" + next).focus();
  e.preventDefault();
  e.stopPropagation();
});

// -- the state ----------------------------------------------------------------------------------------
// Put a new state in the page: the picture first (the student sees it in the next frame), then,
// once it is painted, the outline, the text, the editor and the feedback. The promise resolves
// when all of it is in place (data-version says so); `started` times the edit (data-edit-ms).
function applyState(s, anchor, started) {
  state = s;
  byId = new Map(s.nodes.map((n) => [n.id, n]));
  $("st-title").textContent = s.title || "Untitled map";
  document.title = (s.title || "Untitled map") + " \u2014 argmap studio";
  const pick = s.change && s.change.select && byId.has(s.change.select) ? s.change.select : (byId.has(selected) ? selected : null);
  selected = pick;
  picture.selected = pick;
  picture.show(s.picture, s.nodes, anchor);
  if (pick && anchor) { picture.reveal(pick, false); }  // a new claim comes into view, with as small a move as can be
  $("st-empty").hidden = s.nodes.length > 0;
  const undo = app.querySelector('[data-action="undo"]');
  const redo = app.querySelector('[data-action="redo"]');
  undo.title = s.history.undo ? "Undo: " + s.history.undo + " (Ctrl+Z)" : "Nothing to undo";
  redo.title = s.history.redo ? "Redo: " + s.history.redo + " (Ctrl+Shift+Z)" : "Nothing to redo";
  undo.disabled = !s.history.undo;
  redo.disabled = !s.history.redo;
  setSaved(savedWords());
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => {
    if (started !== undefined) {  // the first frame with the new picture: the edit as the student sees it
      app.dataset.editMs = String(Math.round(performance.now() - started));
      app.dataset.painted = String(s.version);
    }
    if (state !== s) { resolve(); return; }  // a newer state came meanwhile
    outline.render(s.outline, byId, feedback.marks(byId));
    if (s.article) {
      $("st-tab-text").hidden = false;
      article.title.textContent = s.article.name;
      article.render(s.article.segments);
    }
    showSelection(false);
    app.classList.remove("st-loading");
    app.dataset.version = String(s.version);
    loadFeedback(s.version);
    resolve();
  }, 0)));
}

async function loadFeedback(version) {
  try {
    const data = await api.get("/api/feedback");
    if (!state || data.version !== state.version || version !== state.version) { return; }
    feedback.set(data);
    const marks = feedback.marks(byId);
    picture.setMarks(marks);
    outline.render(state.outline, byId, marks);
    feedback.renderAll(byId);
    feedback.renderNode(byId.get(selected) || null, byId, evalData);
    app.dataset.feedbackVersion = String(version);
  } catch (err) { /* feedback is a help, not a must: the next change asks again */ }
}

function showSelection(scroll) {
  const node = byId.get(selected) || null;
  picture.select(selected);
  if (!editor.composing) { editor.render(node, byId, evalData); }
  feedback.renderNode(node, byId, evalData);
  article.highlight(selected, scroll);
}

function select(id, opts) {
  if (!byId.has(id)) { return; }
  selected = id;
  const from = (opts && opts.from) || "map";
  outline.select(id, from === "outline");
  showSelection(from !== "text");
  if (from !== "map" || (opts && opts.scroll)) { picture.reveal(id, false); } else { picture.reveal(id, false); }
  if (from === "map") { announce(describe(id)); }
}

// A change: send it, draw the answer with the view held on the node being worked on.
async function change(path, body, anchorId) {
  const anchor = picture.anchorOf(anchorId || selected);
  const started = performance.now();
  busy = true;
  setSaved("Saving\u2026");
  try {
    const s = await api.change(path, Object.assign({ evaluation }, body));
    await applyState(s, anchor, started);
    outline.select(selected, returnTo === "outline" && region() !== "map" && document.activeElement === document.body);
    const what = s.change ? s.change.label : "done";
    announce(capital(what) + (selected && s.change && s.change.select ? ". Now at: " + describe(selected) : "") + ". " + savedWords());
    return s;
  } catch (err) {
    failed(err);
    return null;
  } finally {
    busy = false;
  }
}

function capital(text) { return text ? text[0].toUpperCase() + text.slice(1) : text; }

function failed(err) {
  if (!(err instanceof ApiError)) { throw err; }
  if (err.kind === "stale") {
    setSaved("Your last change was not made: this map changed elsewhere.", true);
    alertBox("This map changed somewhere else", err.message, [
      ["Reload the map", () => reload()],
    ]);
  } else if (err.kind === "file-changed") {
    setSaved("Not saved: the file changed on disk.", true);
    alertBox("The file changed on disk", err.message, [
      ["Load the file as it is now", () => change("/api/adopt", {})],
      ["Download my map first", () => download()],
    ]);
  } else {
    setSaved(err.message, true);
    announce(err.message);
    if (state) { setTimeout(() => { if (!busy) { setSaved(savedWords()); } }, 6000); }
  }
}

async function reload() {
  try {
    const s = await api.state(evaluation);
    await applyState(s, picture.anchorOf(selected));
    announce("Reloaded: this is the map as it is now.");
  } catch (err) { failed(err); }
}

// -- the alert and help dialogs -------------------------------------------------------------------------
let dialogReturn = null;
function alertBox(title, text, buttons) {
  const box = $("st-alert");
  $("st-alert-title").textContent = title;
  $("st-alert-text").textContent = text;
  const row = $("st-alert-buttons");
  row.replaceChildren();
  for (const [label, run] of [...buttons, ["Close", () => undefined]]) {
    const b = el("button", null, label);
    b.type = "button";
    b.addEventListener("click", () => { closeDialog(box); run(); });
    row.appendChild(b);
  }
  dialogReturn = document.activeElement;
  box.hidden = false;
  row.firstChild.focus();
}
function closeDialog(box) {
  box.hidden = true;
  if (dialogReturn && dialogReturn.focus) { dialogReturn.focus(); } else { viewport.focus(); }
}
fillHelp($("st-keys").querySelector("tbody"));
$("st-help-close").addEventListener("click", () => closeDialog($("st-help")));
function help() {
  dialogReturn = document.activeElement;
  $("st-help").hidden = false;
  $("st-help-close").focus();
}

// -- building ------------------------------------------------------------------------------------------
const NEEDS_TARGET = { reason: "a claim to give a reason for", objection: "a claim to object to",
  rebuttal: "an objection to answer", copremise: "a reason to add a co-premise to", undercut: "a reason whose step to attack" };

function startCompose(kind, passage) {
  if (moving) { stopMoving(); }
  const node = byId.get(selected);
  if (kind !== "thesis" && !node) {
    announce("Select " + NEEDS_TARGET[kind] + " first.");
    setSaved("Select " + NEEDS_TARGET[kind] + " first.", true);
    return;
  }
  returnTo = region();
  const words = { reason: "for: ", objection: "against: ", rebuttal: "answering: ", copremise: "together with: ", undercut: "attacking the step from: " };
  const target = kind === "thesis" ? "" : words[kind] + "\u201c" + shorten(node.kind === "claim" ? node.text : stepText(node, byId), 140) + "\u201d";
  editor.compose(kind, target, passage);
  announce("New " + (kind === "copremise" ? "co-premise" : kind) + (target ? " " + target : "") + ". Type the claim, then Enter.");
}

async function compose(kind, text, passage) {
  const args = { text };
  if (kind !== "thesis") { args.target = selected; }
  if (kind === "title") {
    await change("/api/edit", { op: "title", args: { title: text } });
    restoreFocus();
    return;
  }
  if (passage) { args.passage = passage; }
  await change("/api/edit", { op: kind, args }, selected);
  restoreFocus();
}

function startMoving() {
  const node = byId.get(selected);
  if (!node) { announce("Select the claim whose branch you want to move."); return; }
  moving = { id: selected, target: null };
  showMoving();
}

function showMoving() {
  const line = $("st-moving");
  const target = moving.target ? byId.get(moving.target) : null;
  line.textContent = "Moving \u201c" + shorten(describe(moving.id), 60) + "\u201d. " +
    (target ? "Drop it on: " + shorten(describe(moving.target), 60) + " (Enter). " : "Choose where it goes with the arrow keys or a click, then Enter. ") + "Escape cancels.";
  line.hidden = false;
  picture.select(moving.target || moving.id);
  announce(line.textContent);
}

function stopMoving() {
  moving = null;
  $("st-moving").hidden = true;
  picture.select(selected);
}

function moveTo(target) {
  const id = moving.id;
  stopMoving();
  if (target && target !== id) { change("/api/edit", { op: "move", args: { node: id, target } }, id); }
}

async function explain(id) {
  try {
    const data = await api.get("/api/explain?node=" + encodeURIComponent(id));
    const out = $("st-explain");
    if (out) { out.textContent = data.paragraph || "No explanation for this one."; }
  } catch (err) { failed(err); }
}

async function setEvaluation(mode) {
  evaluation = mode;
  $("st-evaluation").value = mode;
  evalData = null;
  try {
    if (mode) { evalData = await api.get("/api/evaluate?semantics=" + encodeURIComponent(mode)); }
    const s = await api.state(mode);
    await applyState(s, picture.anchorOf(selected));
    announce(mode ? "Evaluation: " + $("st-evaluation").selectedOptions[0].textContent + "." : "Evaluation off.");
  } catch (err) { failed(err); }
}
$("st-evaluation").addEventListener("change", () => setEvaluation($("st-evaluation").value));

// -- export and import -----------------------------------------------------------------------------------
async function loadFormats() {
  const data = await api.get("/api/formats");
  const select = $("st-export-format");
  for (const f of data.export) {
    const o = el("option", null, f.name + " (" + f.suffix + ")");
    o.value = f.name;
    if (f.name === "argdown") { o.selected = true; }
    select.appendChild(o);
  }
  editor.schemes = data.schemes || [];
  $("st-import").accept = data.import.flatMap((f) => f.suffixes).join(",");
}

async function download() {
  const format = $("st-export-format").value || "json";
  try {
    const response = await api.get("/api/export?format=" + encodeURIComponent(format));
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") || "";
    const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || "argument-map";
    const a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    announce("Downloaded " + name + ".");
  } catch (err) { failed(err); }
}

$("st-import").addEventListener("change", async () => {
  const file = $("st-import").files[0];
  if (!file) { return; }
  const text = await file.text();
  $("st-import").value = "";
  await change("/api/import", { name: file.name, text });
});

// -- actions: the buttons and the keys call the same ---------------------------------------------------------
function act(action, passage) {
  const node = byId.get(selected);
  switch (action) {
    case "thesis": case "reason": case "objection": case "rebuttal": case "copremise": case "undercut":
      startCompose(action, passage); break;
    case "edit": if (node) { editor.focusText(); } else { announce("Select a claim first."); } break;
    case "source": if (node) { const b = $("st-editor").querySelector('[data-field="add-source"]'); if (b) { b.click(); } } break;
    case "move": startMoving(); break;
    case "delete":
      if (node) { change("/api/edit", { op: "delete", args: { node: selected } }, node.kind === "claim" && node.steps.length ? (byId.get(node.steps[0]) || {}).target : selected); }
      break;
    case "undo": change("/api/undo", {}); break;
    case "redo": change("/api/redo", {}); break;
    case "passage":
      showTab("text");
      if (!article.highlight(selected, true)) { announce(state.article ? "This claim quotes no passage of the text." : "There is no text: start the studio with --text."); }
      break;
    case "feedback": { const f = $("st-node-feedback").querySelector("h3"); if (f) { f.tabIndex = -1; f.focus(); } break; }
    case "evaluate": {
      const modes = ["", "grounded", "dfquad"];
      setEvaluation(modes[(modes.indexOf(evaluation) + 1) % modes.length]);
      break;
    }
    case "zoom-in": picture.zoom(1.25); break;
    case "zoom-out": picture.zoom(0.8); break;
    case "fit": picture.fit(); break;
    case "go-outline": showTab("outline"); outline.select(selected, true); break;
    case "go-map": viewport.focus({ preventScroll: true }); break;
    case "go-text": if (state && state.article) { showTab("text"); $("st-article").focus(); } break;
    case "go-editor": editor.focusText(); break;
    case "export": download(); break;
    case "help": help(); break;
    default: break;
  }
}

app.addEventListener("click", (e) => {
  const b = e.target.closest ? e.target.closest("[data-action], [data-passage]") : null;
  if (!b) { return; }
  if (b.dataset.passage) {
    const p = article.passage();
    if (!p) { announce("Select a passage of the text first."); setSaved("Select a passage of the text first.", true); return; }
    act(b.dataset.passage, p);
    return;
  }
  act(b.dataset.action);
});
// Keep the text's selection when a passage button is pressed.
app.querySelectorAll("[data-passage]").forEach((b) => b.addEventListener("mousedown", (e) => e.preventDefault()));
$("st-title").addEventListener("click", () => {
  returnTo = "map";
  editor.compose("title", "", null);
  $("st-composer-title").textContent = "Rename the map";
  $("st-composer-text").value = state ? state.title : "";
  editor.pending = { kind: "title", passage: null };
});

const ARROWS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

document.addEventListener("keydown", (e) => {
  const t = e.target;
  for (const box of [$("st-alert"), $("st-help")]) {
    if (!box.hidden) {
      if (e.key === "Escape") { e.preventDefault(); closeDialog(box); }
      return;
    }
  }
  if (e.key === "Escape") {
    if (moving) { stopMoving(); announce("Move cancelled."); e.preventDefault(); return; }
    if (editor.composing) { editor.cancel(); e.preventDefault(); return; }
    return;
  }
  const inText = $("st-article").contains(t);
  const typing = !inText && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
  if (typing) { return; }
  if (moving && (ARROWS[e.key] || e.key === "Enter")) {
    if (e.key === "Enter") { moveTo(moving.target); e.preventDefault(); return; }
    if (!$("st-outline").contains(t)) {
      const saved = picture.selected;
      picture.selected = moving.target || moving.id;
      const next = picture.nearest(ARROWS[e.key]);
      picture.selected = saved;
      if (next) { moving.target = next; showMoving(); }
      e.preventDefault();
    }
    return;
  }
  if (t === viewport && ARROWS[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) {
    const next = picture.nearest(ARROWS[e.key]);
    if (next) { select(next, { from: "map" }); }
    e.preventDefault();
    return;
  }
  const action = actionOf(e);
  if (!action) { return; }
  if (t.tagName === "BUTTON" && action === "edit" && e.key === "Enter") { return; }  // Enter presses the button
  if (inText) {
    // In the text, the letters make the selected passage a claim; nothing else is typed there.
    const p = article.passage();
    if (["thesis", "reason", "objection", "rebuttal", "copremise", "undercut"].includes(action)) {
      e.preventDefault();
      if (!p) { announce("Select a passage first: Shift and the arrow keys select text."); return; }
      act(action, p);
      return;
    }
    if (action === "edit" || action === "delete") { e.preventDefault(); return; }
  }
  e.preventDefault();
  act(action);
});

// -- start ------------------------------------------------------------------------------------------------------
async function start() {
  try {
    const s = await api.state("");
    await applyState(s, null);
    if (s.article) { showTab("text"); }
    const thesis = s.outline.length ? s.outline[0].node : null;
    if (thesis && byId.has(thesis)) { select(thesis, { from: "start" }); }
    viewport.focus({ preventScroll: true });
    app.dataset.ready = "ready";
    await loadFormats();
  } catch (err) {
    setSaved(err.message || String(err), true);
  }
}
start();
