"""SVG as an element tree: the namespaces argmap's SVG uses, registered once for every reader and
writer, and the one way a tree is written back (:func:`serialize`).

>>> root = ET.fromstring(f'<svg xmlns="{SVG_NS}"><g/></svg>')
>>> ET.tostring(root, encoding="unicode")
'<svg xmlns="http://www.w3.org/2000/svg"><g /></svg>'
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from argmap.text import xml_safe

__all__ = ["SVG_NS", "XLINK_NS", "XML_DECLARATION", "serialize"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: The first line of every SVG file argmap writes.
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'

# Written back, SVG elements keep their plain names (no ns0: prefixes).
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def serialize(root: ET.Element) -> str:
    """The tree as SVG text (no XML declaration), every character XML cannot hold replaced.

    The standard library escapes markup but writes a control character as it is (a vertical
    tab pasted from Word would make the file unreadable), so map text set on the tree passes
    :func:`argmap.text.xml_safe` here, on its way out.

    >>> root = ET.Element(f"{{{SVG_NS}}}svg")
    >>> ET.SubElement(root, f"{{{SVG_NS}}}title").text = "Line\\vbreak <b>"
    >>> serialize(root)
    '<svg xmlns="http://www.w3.org/2000/svg"><title>Line\\nbreak &lt;b&gt;</title></svg>'
    """
    return xml_safe(ET.tostring(root, encoding="unicode", short_empty_elements=True))
