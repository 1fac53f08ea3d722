/* The outline: the map as an ARIA tree, in reading order (thesis, then its reasons and objections,
   then what bears on each). It is the accessible editor: every claim is a tree item, arrow keys
   move as in any tree (Up, Down, Left to the parent or to fold, Right to unfold or to the first
   child, Home, End), and the same letters as on the map add, edit, move and delete. */

import { el } from "./dom.js";

export class Outline {
  constructor(tree, handlers) {
    this.tree = tree;
    this.on = handlers;  // onSelect(id)
    this.collapsed = new Set();
    this.items = [];
    this.selected = null;
    this.notes = {};
    tree.addEventListener("keydown", (e) => this.key(e));
    tree.addEventListener("click", (e) => {
      const li = e.target.closest ? e.target.closest("[role=treeitem]") : null;
      if (!li) { return; }
      if (e.target.closest(".st-twisty")) { this.toggle(li); return; }
      this.on.onSelect(li.dataset.node);
      this.focusItem(li);
    });
  }

  // Build the tree from the server's outline items (flat, with depths) and the nodes by id.
  render(items, byId, notes) {
    this.notes = notes || {};
    const tree = this.tree;
    const hadFocus = tree.contains(document.activeElement);
    tree.replaceChildren();
    this.items = [];
    if (!items.length) {
      const li = el("li", "st-tree-empty", "No claims yet. Press T to add your thesis.");
      li.setAttribute("role", "treeitem");
      li.setAttribute("aria-level", "1");
      li.tabIndex = 0;
      tree.appendChild(li);
      return;
    }
    const stack = [{ depth: -1, list: tree }];
    let counter = 0;
    const add = (list, level, node, step, role, text, extra) => {
      const li = el("li", "st-item st-role-" + role);
      li.setAttribute("role", "treeitem");
      li.setAttribute("aria-level", String(level));
      li.setAttribute("aria-selected", "false");
      li.tabIndex = -1;
      li.dataset.node = node;
      if (step) { li.dataset.step = step; }
      const row = el("div", "st-row-label");
      const twisty = el("span", "st-twisty");
      twisty.setAttribute("aria-hidden", "true");
      row.appendChild(twisty);
      const label = el("span", "st-label");
      label.id = "st-oi-" + (++counter);
      label.appendChild(el("span", "st-word", extra.number ? extra.number + " " + extra.word + ": " : extra.word + ": "));
      label.appendChild(el("span", "st-text", text));
      if (extra.note) { label.appendChild(el("span", "st-item-note", " " + extra.note)); }
      const n = this.notes[node];
      if (n) { label.appendChild(el("span", "st-count st-count-" + n.severity, " (" + n.words + ")")); }
      row.appendChild(label);
      li.setAttribute("aria-labelledby", label.id);
      li.appendChild(row);
      list.appendChild(li);
      this.items.push(li);
      return li;
    };
    const groupOf = (li) => {
      let ul = li.querySelector(":scope > ul");
      if (!ul) {
        ul = el("ul");
        ul.setAttribute("role", "group");
        li.appendChild(ul);
      }
      return ul;
    };
    for (const item of items) {
      while (stack.length > 1 && stack[stack.length - 1].depth >= item.depth) { stack.pop(); }
      const parent = stack[stack.length - 1];
      const list = parent.li ? groupOf(parent.li) : tree;
      const level = item.depth + 1;
      const texts = item.claims.map((c) => (byId.get(c) || {}).text || c);
      const note = item.repeat ? "(see above)" : "";
      let li;
      if (item.linked) {
        li = add(list, level, item.claims[0], item.node, item.role, texts.join(" + "),
          { number: item.number, word: item.word, note: "(linked: they support only together)" });
        li.dataset.node = item.node;
        const premises = groupOf(li);
        item.claims.forEach((c, k) => add(premises, level + 1, c, item.node, "premise", texts[k], { word: "Co-premise" }));
      } else {
        li = add(list, level, item.claims[0], item.role === "thesis" ? null : item.node, item.role, texts[0],
          { number: item.number, word: item.word, note });
      }
      stack.push({ depth: item.depth, li });
    }
    for (const li of this.items) {
      const kids = li.querySelector(":scope > ul");
      if (kids) {
        const key = this.keyOf(li);
        const open = !this.collapsed.has(key);
        li.setAttribute("aria-expanded", open ? "true" : "false");
        li.querySelector(".st-twisty").textContent = open ? "\u25be" : "\u25b8";
        kids.hidden = !open;
      }
    }
    this.select(this.selected, hadFocus);
  }

  keyOf(li) { return (li.dataset.step || "") + "|" + li.dataset.node; }

  visible() {
    return this.items.filter((li) => {
      for (let p = li.parentElement; p && p !== this.tree; p = p.parentElement) { if (p.hidden) { return false; } }
      return true;
    });
  }

  current() {
    return this.items.find((li) => li.tabIndex === 0) || null;
  }

  focusItem(li) {
    for (const other of this.items) { other.tabIndex = -1; }
    li.tabIndex = 0;
    li.focus();
  }

  // Mark the item of node id selected (the first that shows it), and focus it when asked.
  select(id, focus) {
    this.selected = id;
    let found = null;
    for (const li of this.items) {
      const on = !found && (li.dataset.node === id);
      li.setAttribute("aria-selected", on ? "true" : "false");
      if (on) { found = li; }
    }
    if (!found) { found = this.items.find((li) => li.dataset.step === id) || null; }
    for (const li of this.items) { li.tabIndex = -1; }
    const target = found || this.items[0] || this.tree.firstElementChild;
    if (!target) { return; }
    target.tabIndex = 0;
    if (found) {
      // Unfold what hides it, so it can be seen and reached.
      for (let p = found.parentElement; p && p !== this.tree; p = p.parentElement) {
        if (p.getAttribute("role") === "treeitem" && p.getAttribute("aria-expanded") === "false") { this.toggle(p, true); }
      }
    }
    if (focus) { target.focus(); }
    if (found && !focus) { found.scrollIntoView({ block: "nearest" }); }
  }

  toggle(li, open) {
    const kids = li.querySelector(":scope > ul");
    if (!kids) { return; }
    const now = open === undefined ? kids.hidden : open;
    kids.hidden = !now;
    li.setAttribute("aria-expanded", now ? "true" : "false");
    li.querySelector(".st-twisty").textContent = now ? "\u25be" : "\u25b8";
    const key = this.keyOf(li);
    if (now) { this.collapsed.delete(key); } else { this.collapsed.add(key); }
  }

  key(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    const li = e.target.closest ? e.target.closest("[role=treeitem]") : null;
    if (!li || !li.dataset.node) { return; }
    const list = this.visible();
    const at = list.indexOf(li);
    let next = null;
    if (e.key === "ArrowDown") { next = list[at + 1]; } else if (e.key === "ArrowUp") { next = list[at - 1]; } else if (e.key === "Home") { next = list[0]; } else if (e.key === "End") { next = list[list.length - 1]; } else if (e.key === "ArrowRight") {
      const kids = li.querySelector(":scope > ul");
      if (kids && kids.hidden) { this.toggle(li, true); } else if (kids) { next = kids.querySelector("[role=treeitem]"); }
    } else if (e.key === "ArrowLeft") {
      const kids = li.querySelector(":scope > ul");
      if (kids && !kids.hidden) { this.toggle(li, false); } else { next = li.parentElement.closest("[role=treeitem]"); }
    } else if (e.key === "*") {
      li.parentElement.querySelectorAll(":scope > [role=treeitem]").forEach((s) => this.toggle(s, true));
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (next && next.dataset.node) {
      this.on.onSelect(next.dataset.node);
      this.focusItem(next);
    }
  }
}
