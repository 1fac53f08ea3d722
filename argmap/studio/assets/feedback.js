/* Feedback as the student builds: what argmap's checks found (unsupported claims, the Rabbit and
   Holding Hands rules, unanswered objections...) and the critical questions of each step, shown
   next to the claim they concern: a mark on the map, a count in the outline, the list under the
   editor, and every finding in the Feedback tab. */

import { clear, el, shorten } from "./dom.js";

const RANK = { error: 0, warning: 1, hint: 2 };
const WORD = { error: "problem", warning: "to fix", hint: "hint" };

export class Feedback {
  constructor(nodePanel, allList, handlers) {
    this.nodePanel = nodePanel;
    this.allList = allList;
    this.on = handlers;  // onSelect(id), onExplain(id)
    this.data = { findings: [], questions: {} };
  }

  set(data) { this.data = data || { findings: [], questions: {} }; }

  // Each finding belongs to the first node it names (the claim or step it is about).
  about(id) { return this.data.findings.filter((f) => f.nodes[0] === id); }

  // The marks on the map and the counts in the outline: how many findings, how bad the worst.
  marks(byId) {
    const marks = {};
    for (const f of this.data.findings) {
      const id = f.nodes[0];
      if (!id || !byId.has(id)) { continue; }
      const m = marks[id] || (marks[id] = { count: 0, severity: "hint" });
      m.count += 1;
      if (RANK[f.severity] < RANK[m.severity]) { m.severity = f.severity; }
    }
    for (const [id, qs] of Object.entries(this.data.questions || {})) {
      if (!marks[id] && byId.has(id) && byId.get(id).kind === "inference" && qs.length) {
        marks[id] = { count: qs.length, severity: "question", questions: true };
      }
    }
    for (const m of Object.values(marks)) {
      m.text = m.questions ? "?" : String(m.count);
      m.words = m.questions ? m.count + " questions to ask" : m.count + (m.count === 1 ? " note" : " notes");
    }
    return marks;
  }

  renderNode(node, byId, evaluation) {
    const panel = this.nodePanel;
    clear(panel);
    if (!node) { return; }
    const found = this.about(node.id);
    const section = el("section", "st-feedback");
    section.setAttribute("aria-label", "Feedback on this " + (node.kind === "claim" ? "claim" : "step"));
    section.appendChild(el("h3", null, "Feedback"));
    if (!found.length) {
      section.appendChild(el("p", "st-hint", "Nothing to point out here."));
    }
    const list = el("ul", "st-findings");
    for (const f of found) { list.appendChild(this.item(f, false)); }
    section.appendChild(list);
    // A step's questions; for a claim, its own (its sources') and those of the steps it makes.
    const asks = [];
    const own = (this.data.questions || {})[node.id];
    if (own && own.length) { asks.push([node.kind === "claim" ? "About its source" : "About this step", own]); }
    if (node.kind === "claim") {
      for (const s of node.steps) {
        const qs = (this.data.questions || {})[s];
        const step = byId.get(s);
        if (qs && qs.length && step) { asks.push(["About the step it makes" + (step.scheme ? " (" + step.scheme + ")" : ""), qs]); }
      }
    }
    if (asks.length) {
      section.appendChild(el("h3", null, "Questions to ask"));
      for (const [title, qs] of asks) {
        section.appendChild(el("p", "st-ask-title", title));
        const ol = el("ul", "st-questions");
        for (const q of qs) { ol.appendChild(el("li", null, q)); }
        section.appendChild(ol);
      }
    }
    if (evaluation && evaluation.semantics === "grounded" && node.kind === "claim") {
      const why = el("button", "st-small", "Why is it " + ((evaluation.nodes[node.id] || {}).word || "so") + "?");
      why.type = "button";
      why.addEventListener("click", () => this.on.onExplain(node.id));
      section.appendChild(why);
      const out = el("p", "st-explain");
      out.id = "st-explain";
      out.setAttribute("aria-live", "polite");
      section.appendChild(out);
    }
    panel.appendChild(section);
  }

  item(f, withNode, byId) {
    const li = el("li", "st-finding st-sev-" + f.severity);
    const head = el("p", "st-headline");
    head.appendChild(el("span", "st-sev", WORD[f.severity] + ": "));
    head.appendChild(el("span", null, f.headline));
    li.appendChild(head);
    if (withNode && byId) {
      const node = byId.get(f.nodes[0]);
      if (node) {
        const go = el("button", "st-link", node.kind === "claim" ? shorten(node.text, 70) : node.roleWord + " step");
        go.type = "button";
        go.addEventListener("click", () => this.on.onSelect(node.id));
        li.appendChild(go);
      }
    }
    const more = el("details", "st-detail");
    more.appendChild(el("summary", null, "More"));
    more.appendChild(el("p", null, f.detail));
    li.appendChild(more);
    return li;
  }

  renderAll(byId) {
    const list = this.allList;
    clear(list);
    const findings = this.data.findings.slice().sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    if (!findings.length) {
      list.appendChild(el("li", "st-hint", "No findings: the checks have nothing to point out."));
    }
    for (const f of findings) { list.appendChild(this.item(f, true, byId)); }
  }
}
