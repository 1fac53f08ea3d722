/* The side panel: the composer (the text of a new claim) and the editor of the selected claim or
   step: its text, label, tags, note, a step's scheme, and its sources (author, title, outlet,
   date, URL, quote, kind). A field is saved when it loses focus or on Enter; Escape puts it back. */

import { clear, el, safeHref, shorten } from "./dom.js";

const SOURCE_FIELDS = [
  ["author", "Author"], ["title", "Title"], ["outlet", "Outlet"], ["date", "Date"], ["url", "URL"],
  ["quote", "Quote (the passage it rests on)"], ["kind", "Kind (expert opinion, statistic, news report...)"],
];
const WORDS = {
  thesis: "New thesis", reason: "New reason", objection: "New objection", rebuttal: "New rebuttal",
  copremise: "New co-premise", undercut: "New undercut",
};

let fieldCount = 0;

function field(parent, labelText, control, name) {
  const id = "st-f-" + name + "-" + (++fieldCount);
  const label = el("label", null, labelText);
  label.htmlFor = id;
  control.id = id;
  control.dataset.field = name;
  parent.appendChild(label);
  parent.appendChild(control);
  return control;
}

export class Editor {
  constructor(root, composer, handlers) {
    this.root = root;
    this.form = composer;
    this.on = handlers;  // onUpdate(id, fields), onSources(id, list), onSelect(id), onCompose(kind, text, passage), onCancel()
    this.node = null;
    this.pending = null;
    this.schemes = [];
    const text = composer.querySelector("#st-composer-text");
    composer.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    text.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); this.submit(); }
      if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); this.cancel(); }
    });
    composer.querySelector("#st-composer-cancel").addEventListener("click", () => this.cancel());
  }

  // -- the composer: the words of a new claim ---------------------------------------------------
  compose(kind, targetText, passage) {
    this.pending = { kind, passage: passage ? [passage.start, passage.end] : null };
    const form = this.form;
    form.querySelector("#st-composer-title").textContent = WORDS[kind] || "New claim";
    const target = form.querySelector("#st-composer-target");
    target.textContent = targetText ? targetText : "";
    target.hidden = !targetText;
    const text = form.querySelector("#st-composer-text");
    text.value = passage ? passage.text : "";
    const quote = form.querySelector("#st-composer-quote");
    quote.hidden = !passage;
    quote.textContent = passage ? "Quote from the text (kept as it is): \u201c" + shorten(passage.text, 300) + "\u201d" : "";
    form.hidden = false;
    text.focus();
    text.select();
  }

  get composing() { return !this.form.hidden; }

  submit() {
    const text = this.form.querySelector("#st-composer-text").value;
    if (!text.trim()) {
      this.form.querySelector("#st-composer-help").textContent = "Write the claim first: a claim needs words.";
      return;
    }
    const p = this.pending;
    this.close();
    this.on.onCompose(p.kind, text, p.passage);
  }

  cancel() {
    this.close();
    this.on.onCancel();
  }

  close() {
    this.form.hidden = true;
    this.pending = null;
    this.form.querySelector("#st-composer-help").textContent = "Enter adds it; Shift+Enter starts a new line; Escape cancels.";
  }

  // -- the editor of the selected node --------------------------------------------------------------
  render(node, byId, evaluation) {
    const focused = this.root.contains(document.activeElement) ? document.activeElement.dataset.field : null;
    const sameNode = this.node && node && this.node.id === node.id;
    this.node = node;
    clear(this.root);
    if (!node) {
      this.root.appendChild(el("p", "st-hint", "Select a claim on the map or in the outline to edit it here."));
      return;
    }
    const head = el("h2", "st-node-role", node.roleWord + (node.kind === "inference" ? " (a step)" : ""));
    this.root.appendChild(head);
    const aims = node.kind === "claim" ? node.steps.map((s) => byId.get(s)).filter(Boolean) : [node];
    for (const step of aims) {
      const target = byId.get(step.target);
      if (!target) { continue; }
      const line = el("p", "st-aim");
      line.appendChild(el("span", null, (step.polarity === "support" ? "supports " : "attacks ")));
      const link = el("button", "st-link", target.kind === "claim" ? shorten(target.text, 70) : "a step: " + shorten(stepText(target, byId), 60));
      link.type = "button";
      link.addEventListener("click", () => this.on.onSelect(target.id));
      line.appendChild(link);
      this.root.appendChild(line);
    }
    if (evaluation && evaluation.nodes[node.id]) {
      const status = el("p", "st-status");
      status.appendChild(el("b", null, "Evaluation: "));
      status.appendChild(el("span", null, evaluation.nodes[node.id].word));
      this.root.appendChild(status);
    }
    const form = el("div", "st-fields");
    if (node.kind === "claim") {
      const text = field(form, "Text", el("textarea"), "text");
      text.rows = 4;
      text.value = node.text;
      this.commitOn(text, () => ({ text: text.value }), node.text);
    } else {
      const premises = el("p", "st-aim");
      premises.appendChild(el("span", null, "premises: "));
      node.premises.forEach((p, k) => {
        const b = el("button", "st-link", shorten((byId.get(p) || {}).text || p, 50));
        b.type = "button";
        b.addEventListener("click", () => this.on.onSelect(p));
        if (k) { premises.appendChild(el("span", null, " + ")); }
        premises.appendChild(b);
      });
      form.appendChild(premises);
      const scheme = field(form, "Scheme (the kind of step)", el("input"), "scheme");
      scheme.value = node.scheme;
      scheme.setAttribute("list", "st-schemes");
      this.commitOn(scheme, () => ({ scheme: scheme.value }), node.scheme);
      if (!document.getElementById("st-schemes")) { document.body.appendChild(this.schemeList()); }
    }
    const label = field(form, "Label (a short title)", el("input"), "label");
    label.value = node.label;
    this.commitOn(label, () => ({ label: label.value }), node.label);
    if (node.kind === "claim") {
      const tags = field(form, "Tags (separated by commas)", el("input"), "tags");
      tags.value = node.tags.join(", ");
      this.commitOn(tags, () => ({ tags: tags.value.split(",").map((t) => t.trim()).filter(Boolean) }), tags.value);
    }
    const note = field(form, "Note", el("textarea"), "note");
    note.rows = 2;
    note.value = node.note;
    this.commitOn(note, () => ({ note: note.value }), node.note, true);
    this.root.appendChild(form);
    this.renderSources(node);
    if (focused && sameNode) {
      const again = this.root.querySelector('[data-field="' + focused + '"]');
      if (again) { again.focus(); }
    }
  }

  schemeList() {
    const list = el("datalist");
    list.id = "st-schemes";
    for (const name of this.schemes) { const o = el("option"); o.value = name; list.appendChild(o); }
    return list;
  }

  // Save on change (blur, or Enter in a one-line field or the claim's text); Escape restores.
  commitOn(control, value, original, multiline) {
    const node = this.node;
    control.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        control.value = original;
        control.blur();
      } else if (e.key === "Enter" && !e.shiftKey && !multiline) {
        e.preventDefault();
        control.blur();
      }
    });
    control.addEventListener("change", () => {
      if (control.value === original) { return; }
      this.on.onUpdate(node.id, value());
    });
  }

  renderSources(node) {
    const box = el("section", "st-sources");
    box.setAttribute("aria-label", "Sources");
    box.appendChild(el("h3", null, "Sources"));
    const list = node.sources.map((s) => Object.assign({}, s));
    const save = () => this.on.onSources(node.id, list.map((s) => {
      const out = {};
      for (const [name] of SOURCE_FIELDS) { if (s[name]) { out[name] = s[name]; } }
      return out;
    }));
    list.forEach((source, k) => {
      const set = el("fieldset", "st-source");
      set.appendChild(el("legend", null, "Source " + (k + 1)));
      for (const [name, text] of SOURCE_FIELDS) {
        const control = field(set, text, name === "quote" ? el("textarea") : el("input"), "source-" + k + "-" + name);
        control.value = source[name] || "";
        if (name === "quote") { control.rows = 3; }
        const before = control.value;
        control.addEventListener("keydown", (e) => {
          if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); control.value = before; control.blur(); }
          if (e.key === "Enter" && name !== "quote") { e.preventDefault(); control.blur(); }
        });
        control.addEventListener("change", () => { source[name] = control.value.trim(); save(); });
      }
      const href = safeHref(source.url);
      if (href) {
        const a = el("a", "st-open-link", "Open the source (new tab)");
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        set.appendChild(a);
      }
      const remove = el("button", "st-small", "Remove this source");
      remove.type = "button";
      remove.addEventListener("click", () => { list.splice(k, 1); save(); });
      set.appendChild(remove);
      box.appendChild(set);
    });
    const add = el("button", "st-small", "Add a source");
    add.type = "button";
    add.dataset.field = "add-source";
    add.addEventListener("click", () => {
      list.push({ author: "" });
      this.node = Object.assign({}, node, { sources: list });
      box.replaceWith(this.renderSourcesInto(this.node));
      const first = this.root.querySelector('[data-field="source-' + (list.length - 1) + '-author"]');
      if (first) { first.focus(); }
    });
    box.appendChild(add);
    this.root.appendChild(box);
    return box;
  }

  renderSourcesInto(node) {
    const box = this.renderSources(node);
    box.remove();
    return box;
  }

  focusText() {
    const f = this.root.querySelector('[data-field="text"], [data-field="scheme"]');
    if (f) { f.focus(); if (f.select) { f.select(); } }
  }
}

export function stepText(step, byId) {
  return (step.premises || []).map((p) => (byId.get(p) || {}).text || p).join(" + ");
}
