/* Every action's key, in one table: the keyboard handler reads it, and so does the help panel. */

import { el } from "./dom.js";

// [keys as shown, action name (null: handled where it applies), what it does]
export const KEYS = [
  ["T", "thesis", "Add a thesis. With a passage selected in the text, the passage becomes its quote (so for all the letters below)"],
  ["R", "reason", "Add a reason for the selected claim"],
  ["O", "objection", "Add an objection to the selected claim"],
  ["B", "rebuttal", "Answer the selected objection with a rebuttal"],
  ["P", "copremise", "Add a co-premise to the selected reason: they support only together (linked premises)"],
  ["U", "undercut", "Attack the step from the selected reason to what it supports (an undercut)"],
  ["E, F2 or Enter", "edit", "Edit the selected claim: its text first, then Tab to label, tags, note and sources"],
  ["S", "source", "Add a source to the selected claim"],
  ["M", "move", "Move the selected branch: arrows choose where, Enter drops it there, Escape cancels (or drag it on the map)"],
  ["Delete or Backspace", "delete", "Delete the selected claim and what hangs on it (Undo brings it back)"],
  ["Ctrl+Z", "undo", "Undo"],
  ["Ctrl+Shift+Z or Ctrl+Y", "redo", "Redo"],
  ["Arrow keys", null, "On the map: go to the nearest claim that way. In the outline: Up and Down; Left to the parent (or fold), Right to the first child (or unfold)"],
  ["Q", "passage", "Show the selected claim's passage in the text"],
  ["F", "feedback", "Go to the feedback on the selected claim"],
  ["V", "evaluate", "Evaluate the map: off, grounded (accepted or rejected), DF-QuAD strength"],
  ["+, - and 0", null, "Zoom in, zoom out, fit the map to the window"],
  ["1, 2, 3, 4", null, "Go to the outline, the map, the text, the editor"],
  ["?", "help", "Show this list"],
  ["Escape", null, "Cancel what you started; close a panel"],
];

// The action a key press asks for, or null.
export function actionOf(e) {
  if (e.altKey) { return null; }
  const k = e.key;
  if (e.ctrlKey || e.metaKey) {
    if (k === "z" || k === "Z") { return e.shiftKey ? "redo" : "undo"; }
    if (k === "y" || k === "Y") { return "redo"; }
    return null;
  }
  const letters = { t: "thesis", r: "reason", o: "objection", b: "rebuttal", p: "copremise", u: "undercut",
    e: "edit", s: "source", m: "move", q: "passage", f: "feedback", v: "evaluate" };
  if (letters[k.toLowerCase()] && k.length === 1) { return letters[k.toLowerCase()]; }
  const others = { F2: "edit", Enter: "edit", Delete: "delete", Backspace: "delete", "?": "help",
    "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "0": "fit", "1": "go-outline", "2": "go-map", "3": "go-text", "4": "go-editor" };
  return others[k] || null;
}

export function fillHelp(tbody) {
  for (const [keys, , what] of KEYS) {
    const tr = el("tr");
    tr.appendChild(el("th", null, keys)).setAttribute("scope", "row");
    tr.appendChild(el("td", null, what));
    tbody.appendChild(tr);
  }
}
