/* The text beside the map. Passages that claims quote are marked; clicking a mark selects its
   claim, and selecting a claim scrolls its passage into view. A selected passage becomes a claim
   whose quote is the passage exactly as the text has it (the server cuts it from its own copy
   by position). The text can be read and selected with the keyboard (it is a read-only text
   box: arrows move the caret, Shift+arrows select), but never changed. */

import { clear, el } from "./dom.js";

export class Article {
  constructor(box, title, handlers) {
    this.box = box;
    this.title = title;
    this.on = handlers;  // onSelect(id)
    this.marks = new Map();  // element -> claim ids
    this.text = "";
    box.setAttribute("contenteditable", "true");
    box.setAttribute("role", "textbox");
    box.setAttribute("aria-readonly", "true");
    box.setAttribute("aria-multiline", "true");
    box.spellcheck = false;
    // Read-only: refuse every change, and put the text back should one get through.
    for (const type of ["beforeinput", "paste", "drop", "cut", "dragstart"]) {
      box.addEventListener(type, (e) => e.preventDefault());
    }
    box.addEventListener("input", () => this.render(this.segments));
    box.addEventListener("click", (e) => {
      const mark = e.target.closest ? e.target.closest("mark") : null;
      if (!mark || !this.marks.has(mark)) { return; }
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed) { return; }  // selecting text, not following a mark
      const ids = this.marks.get(mark);
      const at = ids.indexOf(this.selected);
      this.on.onSelect(ids[(at + 1) % ids.length]);
    });
    this.segments = [];
    this.selected = null;
  }

  render(segments) {
    this.segments = segments;
    clear(this.box);
    this.marks = new Map();
    this.text = "";
    for (const [text, ids] of segments) {
      this.text += text;
      if (ids.length) {
        const mark = el("mark", "st-passage", text);
        this.marks.set(mark, ids);
        this.box.appendChild(mark);
      } else {
        this.box.appendChild(document.createTextNode(text));
      }
    }
    this.highlight(this.selected, false);
  }

  // The selected passage as positions in the text, or null when nothing in the text is selected.
  passage() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) { return null; }
    const range = sel.getRangeAt(0);
    if (!this.box.contains(range.startContainer) || !this.box.contains(range.endContainer)) { return null; }
    const before = document.createRange();
    before.setStart(this.box, 0);
    before.setEnd(range.startContainer, range.startOffset);
    let start = before.toString().length;
    let end = start + range.toString().length;
    while (start < end && /\s/.test(this.text[start])) { start++; }
    while (end > start && /\s/.test(this.text[end - 1])) { end--; }
    if (end <= start) { return null; }
    return { start, end, text: this.text.slice(start, end) };
  }

  // Mark the passages of claim id as current, and bring the first into view when asked.
  highlight(id, scroll) {
    this.selected = id;
    let first = null;
    for (const [mark, ids] of this.marks) {
      const on = ids.includes(id);
      mark.classList.toggle("st-current", on);
      if (on && !first) { first = mark; }
    }
    if (first && scroll) { first.scrollIntoView({ block: "center" }); }
    return Boolean(first);
  }
}
