/* Small DOM helpers. Map text is data: it goes into the page with textContent (or as an attribute
   value), never as markup. The one piece of markup the page takes in is the picture, which
   argmap's drawing pipeline writes and escapes; it is parsed as XML and cleaned again here. */

export const SVGNS = "http://www.w3.org/2000/svg";

export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  return e;
}

export function svgEl(tag, attrs) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [key, value] of Object.entries(attrs || {})) { e.setAttribute(key, String(value)); }
  return e;
}

export function clear(node) {
  while (node.firstChild) { node.removeChild(node.firstChild); }
}

export function shorten(text, width = 80) {
  const t = String(text || "").replace(/\s+/g, " ").trim();
  return t.length > width ? t.slice(0, width - 1) + "\u2026" : t;
}

// The same rule as argmap.text.safe_url: http(s) with a host, or mailto; nothing else links.
export function safeHref(url) {
  if (typeof url !== "string" || /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) { return null; }
  if (!/^(https?:\/\/[^\/?#]+|mailto:.+)/i.test(url)) { return null; }
  try {
    const parsed = new URL(url);
    if (!["http:", "https:", "mailto:"].includes(parsed.protocol)) { return null; }
  } catch (err) { return null; }
  return url;
}

// Drawing elements only (the same list as argmap/drawing/inline_svg.py), no handlers, links or styles.
const DRAWING = new Set(["svg", "g", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line", "text",
  "tspan", "defs", "linearGradient", "radialGradient", "stop", "clipPath"]);

function clean(node) {
  for (const child of Array.from(node.children)) {
    if (child.namespaceURI !== SVGNS || !DRAWING.has(child.localName)) { child.remove(); continue; }
    clean(child);
  }
  for (const attr of Array.from(node.attributes)) {
    const name = attr.localName.toLowerCase();
    if (name.startsWith("on") || name === "href" || name === "style") { node.removeAttributeNS(attr.namespaceURI, attr.localName); }
  }
}

// The picture's markup as an SVG element of this document, cleaned; null if it does not parse.
export function parseSvg(markup) {
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== SVGNS || root.localName !== "svg" || doc.getElementsByTagName("parsererror").length) {
    return null;
  }
  clean(root);
  return document.importNode(root, true);
}
