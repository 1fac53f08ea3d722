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
// argmap's server has cleaned the picture already; this second pass is cheap (one selector, one
// XPath query, no walk in script), so it costs little even on a big map.
const NOT_DRAWING = ":not(svg,g,path,polygon,polyline,ellipse,circle,rect,line,text,tspan,defs,linearGradient," +
  "radialGradient,stop,clipPath)";
const FOREIGN = "//*[namespace-uri() != '" + SVGNS + "']";
const UNSAFE_ATTRIBUTES = "//@*[starts-with(translate(local-name(), 'ON', 'on'), 'on') or local-name() = 'href' " +
  "or local-name() = 'style']";

function snapshot(doc, query) {
  const found = doc.evaluate(query, doc, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  const out = [];
  for (let k = 0; k < found.snapshotLength; k++) { out.push(found.snapshotItem(k)); }
  return out;
}

// The picture's markup as an SVG element of this document, cleaned; null if it does not parse.
export function parseSvg(markup) {
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== SVGNS || root.localName !== "svg" || doc.getElementsByTagName("parsererror").length) {
    return null;
  }
  for (const e of [...root.querySelectorAll(NOT_DRAWING), ...snapshot(doc, FOREIGN)]) { e.remove(); }
  for (const a of snapshot(doc, UNSAFE_ATTRIBUTES)) { a.ownerElement.removeAttributeNode(a); }
  return document.adoptNode(root);
}
