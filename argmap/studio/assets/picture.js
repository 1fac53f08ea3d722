/* The picture: argmap's own SVG of the map, redrawn after every edit, with the view held steady.
   Pan by dragging the background, zoom with the wheel (or + - 0); drag a claim onto another to
   move its branch there. The node the user is working on stays where it was on screen when the
   new picture comes in, so an edit never makes the map jump. */

import { parseSvg, svgEl } from "./dom.js";

const DRAG_START = 6;  // pixels a pointer moves before a press becomes a drag

export class Picture {
  constructor(viewport, handlers) {
    this.viewport = viewport;
    this.on = handlers;  // onSelect(id), onOpen(id), onMove(id, targetId)
    this.svg = null;
    this.data = null;
    this.kinds = new Map();
    this.view = { x: 0, y: 0, s: 1 };
    this.selected = null;
    this.marks = {};
    this.first = true;
    this.followed = true;  // until the student pans or zooms, a growing map is zoomed out to fit (not below 60%)
    this.drag = null;
    this.listen();
  }

  // -- geometry -------------------------------------------------------------------------------
  // The viewport's size, measured when it can change (a resize, a new picture about to go in), so
  // placing the picture never forces the browser to lay the page out mid-script.
  size() {
    if (!this.vsize) { this.measure(); }
    return this.vsize;
  }

  measure() { this.vsize = [this.viewport.clientWidth, this.viewport.clientHeight]; }

  // Where node id's box is on screen, relative to the viewport: [left, top, width, height].
  screenBox(id) {
    const b = this.data && this.data.boxes[id];
    if (!b) { return null; }
    const f = this.data.frame;
    const v = this.view;
    return [v.x + v.s * (f[0] * b[0] + f[1]), v.y + v.s * (f[2] * b[1] + f[3]), v.s * f[0] * b[2], v.s * f[2] * b[3]];
  }

  anchorOf(id) {
    const b = id ? this.screenBox(id) : null;
    return b ? { id, x: b[0] + b[2] / 2, y: b[1] + b[3] / 2 } : null;
  }

  apply() {
    if (this.svg) {
      this.svg.style.transform = "translate(" + this.view.x + "px," + this.view.y + "px) scale(" + this.view.s + ")";
    }
  }

  fit() {
    if (!this.data) { return; }
    this.followed = true;
    const [vw, vh] = this.size();
    const [w, h] = this.data.size;
    const s = Math.min(1, Math.min(vw / Math.max(w, 1), vh / Math.max(h, 1)) * 0.95);
    this.view = { s, x: (vw - w * s) / 2, y: Math.max(8, (vh - h * s) / 2) };
    this.apply();
  }

  // A first view that can be read: the whole map if it fits at 60% or more, else its top.
  initialView() {
    const [vw, vh] = this.size();
    const [w, h] = this.data.size;
    const f = Math.min(vw / Math.max(w, 1), vh / Math.max(h, 1)) * 0.95;
    if (f >= 0.6) { this.fit(); return; }
    this.followed = false;  // a big map keeps the zoom it opens at
    const s = 0.75;
    this.view = { s, x: (vw - w * s) / 2, y: 8 };
    // Wider than the window: start at the thesis (the top-most claim), not at the middle.
    const top = this.nearest(null);
    const b = top ? this.screenBox(top) : null;
    if (b && w * s > vw) { this.view.x += vw / 2 - (b[0] + b[2] / 2); }
    this.apply();
  }

  // A picture that fits in the window at this zoom is kept whole in it (moved as little as can be).
  contain() {
    const [vw, vh] = this.size();
    const [w, h] = this.data.size;
    const s = this.view.s;
    const m = 8;
    if (w * s + 2 * m <= vw) { this.view.x = Math.min(Math.max(this.view.x, m), vw - m - w * s); }
    if (h * s + 2 * m <= vh) { this.view.y = Math.min(Math.max(this.view.y, m), vh - m - h * s); }
  }

  zoomAt(factor, cx, cy) {
    const s = Math.min(4, Math.max(0.05, this.view.s * factor));
    const k = s / this.view.s;
    this.view.x = cx - (cx - this.view.x) * k;
    this.view.y = cy - (cy - this.view.y) * k;
    this.view.s = s;
    this.apply();
  }

  zoom(factor) {
    this.followed = false;
    const [vw, vh] = this.size();
    this.zoomAt(factor, vw / 2, vh / 2);
  }

  // Pan just enough to bring node id into view (with a margin), or centre it when asked.
  reveal(id, centre) {
    const b = this.screenBox(id);
    if (!b) { return; }
    const [vw, vh] = this.size();
    const m = 24;
    if (centre) {
      this.view.x += vw / 2 - (b[0] + b[2] / 2);
      this.view.y += vh / 2 - (b[1] + b[3] / 2);
    } else {
      if (b[0] < m) { this.view.x += m - b[0]; } else if (b[0] + b[2] > vw - m) { this.view.x -= Math.min(b[0] - m, b[0] + b[2] - vw + m); }
      if (b[1] < m) { this.view.y += m - b[1]; } else if (b[1] + b[3] > vh - m) { this.view.y -= Math.min(b[1] - m, b[1] + b[3] - vh + m); }
    }
    this.apply();
  }

  // -- drawing ----------------------------------------------------------------------------------
  // Put in a new picture; keep `anchor` (a node and where it was on screen) where it was.
  show(picture, nodes, anchor) {
    this.measure();
    const svg = parseSvg(picture.markup);
    if (!svg) { return false; }
    svg.classList.add("st-svg");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Picture of the map; the outline has the same map as text.");
    this.kinds = new Map(nodes.map((n) => [n.id, n.kind]));
    const old = this.svg;
    this.svg = svg;
    this.data = picture;
    if (old) { old.replaceWith(svg); } else { this.viewport.appendChild(svg); }
    if (this.first) {
      this.first = false;
      this.initialView();
    } else if (anchor && this.data.boxes[anchor.id]) {
      if (this.followed) {
        const [vw, vh] = this.size();
        const [w, h] = this.data.size;
        this.view.s = Math.min(this.view.s, Math.max(0.6, Math.min(vw / Math.max(w, 1), vh / Math.max(h, 1)) * 0.95));
      }
      const now = this.anchorOf(anchor.id);
      this.view.x += anchor.x - now.x;
      this.view.y += anchor.y - now.y;
      this.contain();
    }
    this.apply();
    this.decorate();
    return true;
  }

  group(id) {
    if (!this.svg || !id) { return null; }
    if (!this.groups || this.groups.svg !== this.svg) {
      this.groups = { svg: this.svg, byId: new Map() };
      for (const g of this.svg.querySelectorAll("g[data-node]")) { this.groups.byId.set(g.getAttribute("data-node"), g); }
    }
    return this.groups.byId.get(id) || null;
  }

  // The selection ring and the feedback marks, drawn in each node's own group.
  decorate() {
    if (!this.svg) { return; }
    this.svg.querySelectorAll(".st-ring, .st-mark").forEach((e) => e.remove());
    for (const [id, mark] of Object.entries(this.marks)) {
      const g = this.group(id);
      const b = this.data.boxes[id];
      if (!g || !b) { continue; }
      const badge = svgEl("g", { class: "st-mark st-mark-" + mark.severity, "aria-hidden": "true" });
      const cx = b[0] + b[2] - 2;
      const cy = b[1] + 2;
      badge.appendChild(svgEl("circle", { cx, cy, r: 9 }));
      const t = svgEl("text", { x: cx, y: cy });
      t.textContent = mark.text;
      badge.appendChild(t);
      g.appendChild(badge);
    }
    const g = this.group(this.selected);
    const b = this.selected && this.data.boxes[this.selected];
    if (g && b) {
      g.insertBefore(svgEl("rect", { class: "st-ring", x: b[0] - 5, y: b[1] - 5, width: b[2] + 10, height: b[3] + 10, rx: 6 }), g.firstChild);
    }
  }

  select(id) {
    this.selected = id;
    this.decorate();
  }

  setMarks(marks) {
    this.marks = marks || {};
    this.decorate();
  }

  // The node nearest to the selected one in direction dir ([dx, dy]), claims and steps alike.
  nearest(dir) {
    if (!this.data) { return null; }
    const boxes = this.data.boxes;
    const ids = Object.keys(boxes).filter((id) => this.kinds.has(id));
    const from = dir && this.selected && boxes[this.selected];
    if (!from) {
      // Nothing selected yet: the top-most claim (the thesis, in a map drawn thesis on top).
      let best = null;
      for (const id of ids) { if (this.kinds.get(id) === "claim" && (!best || boxes[id][1] < boxes[best][1])) { best = id; } }
      return best;
    }
    const cx = from[0] + from[2] / 2;
    const cy = from[1] + from[3] / 2;
    let best = null;
    let bestScore = Infinity;
    for (const id of ids) {
      if (id === this.selected) { continue; }
      const b = boxes[id];
      const vx = b[0] + b[2] / 2 - cx;
      const vy = b[1] + b[3] / 2 - cy;
      const along = vx * dir[0] + vy * dir[1];
      if (along <= 1) { continue; }
      const score = along + 2.5 * Math.abs(vx * dir[1] - vy * dir[0]);
      if (score < bestScore) { bestScore = score; best = id; }
    }
    return best;
  }

  // -- pointer: pan, zoom, select, drag a branch ----------------------------------------------------
  nodeAt(target) {
    const g = target && target.closest ? target.closest("g[data-node]") : null;
    const id = g ? g.getAttribute("data-node") : null;
    return id && this.kinds.has(id) ? id : null;
  }

  listen() {
    const vp = this.viewport;
    vp.addEventListener("wheel", (e) => {
      e.preventDefault();
      this.followed = false;
      const r = vp.getBoundingClientRect();
      this.zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    vp.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) { return; }
      const id = this.nodeAt(e.target);
      this.drag = { x: e.clientX, y: e.clientY, vx: this.view.x, vy: this.view.y, id, moved: false, pointer: e.pointerId };
    });
    vp.addEventListener("pointermove", (e) => {
      const d = this.drag;
      if (!d || e.pointerId !== d.pointer) { return; }
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.abs(dx) + Math.abs(dy) > DRAG_START) {
        d.moved = true;
        try { vp.setPointerCapture(e.pointerId); } catch (err) { /* the pointer is gone */ }
        vp.classList.add(d.id ? "st-dragging-node" : "st-panning");
        if (d.id) { d.el = this.group(d.id); if (d.el) { d.el.classList.add("st-lifted"); } }
      }
      if (!d.moved) { return; }
      if (d.id && d.el) {
        const f = this.data.frame;
        d.el.setAttribute("transform", "translate(" + dx / (this.view.s * f[0]) + "," + dy / (this.view.s * f[2]) + ")");
        const over = this.nodeAt(document.elementFromPoint(e.clientX, e.clientY));
        this.svg.querySelectorAll(".st-drop").forEach((g) => g.classList.remove("st-drop"));
        if (over && over !== d.id) { const g = this.group(over); if (g) { g.classList.add("st-drop"); } }
      } else {
        this.followed = false;
        this.view.x = d.vx + dx;
        this.view.y = d.vy + dy;
        this.apply();
      }
    });
    const end = (e) => {
      const d = this.drag;
      if (!d || e.pointerId !== d.pointer) { return; }
      this.drag = null;
      vp.classList.remove("st-dragging-node", "st-panning");
      if (!d.moved) {
        if (e.type === "pointerup") {
          const id = this.nodeAt(e.target);
          if (id) { this.on.onSelect(id); }
        }
        return;
      }
      if (d.id && d.el) {
        d.el.classList.remove("st-lifted");
        d.el.removeAttribute("transform");
        this.svg.querySelectorAll(".st-drop").forEach((g) => g.classList.remove("st-drop"));
        const over = e.type === "pointerup" ? this.nodeAt(document.elementFromPoint(e.clientX, e.clientY)) : null;
        if (over && over !== d.id) { this.on.onMove(d.id, over); }
      }
    };
    vp.addEventListener("pointerup", end);
    vp.addEventListener("pointercancel", end);
    vp.addEventListener("dblclick", (e) => {
      const id = this.nodeAt(e.target);
      if (id) { this.on.onOpen(id); }
    });
    window.addEventListener("resize", () => { this.measure(); this.apply(); });
    // The viewport never scrolls: a scroll (the browser's find, a focus, scrollIntoView) becomes a pan,
    // so what the view says is what the screen shows.
    vp.addEventListener("scroll", () => {
      if (!vp.scrollLeft && !vp.scrollTop) { return; }
      this.view.x -= vp.scrollLeft;
      this.view.y -= vp.scrollTop;
      vp.scrollLeft = 0;
      vp.scrollTop = 0;
      this.apply();
    });
  }
}
