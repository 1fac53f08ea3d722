"""Make Graphviz's SVG accessible: ``role="img"``, a ``<title>``, a ``<desc>`` and readable titles.

Graphviz titles every node, edge and cluster with its internal DOT name (``n3``, ``n3->n1``,
``cluster_link_n9``), which a screen reader or a hover tooltip would read out. This pass, run on
every SVG argmap writes, gives the root ``role="img"``, puts the map's title in a ``<title>`` and
the text outline (``argmap.outline``) in a ``<desc>``, both as its first children and named by
``aria-labelledby``, and retitles each node with its claim text (a step: its word and label).

The SVG is parsed with ``defusedxml`` and written back with the standard library's serializer,
which escapes every text and attribute; the same input gives the same bytes.

>>> from argmap import ArgumentMap
>>> from argmap.drawing.output import render_bytes
>>> m = ArgumentMap(title="Lunch <today>")
>>> _ = m.support(m.claim("We should eat out.", id="t"), "The fridge is empty.")
>>> svg = render_bytes(m, "svg").decode()
>>> 'role="img"' in svg, "<title>Lunch &lt;today&gt;</title>" in svg, "<title>We should eat out.</title>" in svg
(True, True, True)
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import TYPE_CHECKING

import defusedxml.ElementTree as SafeET

from argmap.drawing.svgdoc import SVG_NS, XML_DECLARATION
from argmap.drawing.themes import Theme, get_theme
from argmap.errors import RenderError
from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["make_accessible", "node_title", "map_title"]

_SVG = f"{{{SVG_NS}}}"
_EDGE_TITLE = re.compile(r"^(.+?)->(.+)$")
_ID_PREFIX = "am-"


def map_title(m: ArgumentMap) -> str:
    """The title an SVG of the map carries: the map's title, else its thesis.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("Tea is good.")
    >>> map_title(m)
    'Argument map: Tea is good.'
    """
    if m.title and m.title.strip():
        return m.title.strip()
    thesis = m.thesis
    return f"Argument map: {thesis.text}" if thesis is not None else "Argument map"


def node_title(m: ArgumentMap, node_id: str, theme: Theme) -> str:
    """What a node is called in the SVG: a claim's text; a step's word, with its label."""
    node = m[node_id]
    if node.kind == "claim":
        return node.text  # type: ignore[union-attr]
    rel = theme.relations.get(node.role)
    word = rel.word if rel else node.role
    return f"{word}: {node.label}" if node.label else word


def _set_title(group: ET.Element, text: str) -> None:
    title = group.find(_SVG + "title")
    if title is None:
        title = ET.Element(_SVG + "title")
        group.insert(0, title)
    title.text = text


def make_accessible(
    svg: str | bytes,
    m: ArgumentMap,
    theme: str | Theme = "default",
    *,
    title: str | None = None,
    desc: str | None = None,
    titles: Mapping[str, str] | None = None,
) -> str:
    """The SVG text with ``role="img"``, a ``<title>``, a ``<desc>`` and readable node titles.

    ``title`` and ``desc`` replace the map's title and outline (a worksheet must not give its
    answers away); ``titles`` replaces the titles of nodes by map id.
    """
    from argmap.outline import outline_text

    th = get_theme(theme)
    titles = dict(titles or {})
    try:
        root = SafeET.fromstring(svg.encode("utf-8") if isinstance(svg, str) else svg)
    except ET.ParseError as exc:
        raise RenderError(f"the layout engine wrote SVG that cannot be read back: {exc}") from None
    if root.tag != _SVG + "svg":
        raise RenderError(f"expected an SVG document, found <{root.tag}>")

    heading = title if title is not None else map_title(m)
    description = desc if desc is not None else outline_text(m)

    # DOT name -> title, for the edges; collected from the node groups first.
    by_name: dict[str, str] = {}
    groups = list(root.iter(_SVG + "g"))
    for group in groups:
        classes = (group.get("class") or "").split()
        if "node" not in classes:
            continue
        element_id = group.get("id") or ""
        name_el = group.find(_SVG + "title")
        name = name_el.text if name_el is not None and name_el.text else ""
        text = _node_text(m, th, element_id, titles, classes)
        if text is not None:
            _set_title(group, text)
            by_name[name] = text
    for group in groups:
        classes = (group.get("class") or "").split()
        title_el = group.find(_SVG + "title")
        raw = title_el.text if title_el is not None and title_el.text else ""
        if "graph" in classes:
            _set_title(group, heading)
        elif "edge" in classes:
            match = _EDGE_TITLE.match(raw.replace("&#45;", "-"))
            if match:
                tail, head = (by_name.get(n, "") for n in match.groups())
                _set_title(group, f"{shorten(tail, 40)} → {shorten(head, 40)}" if tail and head else "connection")
        elif "cluster" in classes:
            _set_title(group, _cluster_title(m, group, raw, titles))

    # Ids unique per content, so several maps on one HTML page do not clash.
    digest = hashlib.sha1((heading + "\n" + description).encode("utf-8")).hexdigest()[:8]
    title_id, desc_id = f"argmap-title-{digest}", f"argmap-desc-{digest}"
    for old in [c for c in root if c.tag in (_SVG + "title", _SVG + "desc")]:
        root.remove(old)
    desc_el = ET.Element(_SVG + "desc", {"id": desc_id})
    desc_el.text = description
    title_el = ET.Element(_SVG + "title", {"id": title_id})
    title_el.text = heading
    root.insert(0, desc_el)
    root.insert(0, title_el)
    root.set("role", "img")
    root.set("aria-labelledby", f"{title_id} {desc_id}")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return XML_DECLARATION + body + "\n"


def _node_text(m: ArgumentMap, theme: Theme, element_id: str, titles: Mapping[str, str],
               classes: list[str]) -> str | None:
    if element_id == "legend" or "legend" in classes:
        return "How to read this map"
    if not element_id.startswith(_ID_PREFIX):
        return None
    node_id = element_id[len(_ID_PREFIX):]
    if "prompt" in classes and node_id.endswith("-questions"):
        step = node_id[: -len("-questions")]
        if step in m:
            return f"Critical questions still open for: {titles.get(step) or node_title(m, step, theme)}"
        return None
    if node_id in titles:
        return titles[node_id]
    if node_id in m:
        return node_title(m, node_id, theme)
    return None


def _cluster_title(m: ArgumentMap, group: ET.Element, raw: str, titles: Mapping[str, str]) -> str:
    element_id = group.get("id") or ""
    if element_id.startswith(_ID_PREFIX) and element_id.endswith("-linked"):
        step = element_id[len(_ID_PREFIX): -len("-linked")]
        if step in m and m[step].kind == "inference":
            premises = m[step].premises  # type: ignore[union-attr]
            return "Linked premises: " + " + ".join(shorten(titles.get(p.id) or p.text, 40) for p in premises)
        return "Linked premises"
    if element_id.startswith("group-"):
        label = " ".join(t.text or "" for t in group.findall(_SVG + "text")).strip()
        return f"Section: {label}" if label else "Section"
    return "Group" if raw.startswith("cluster") else raw
