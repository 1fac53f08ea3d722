"""SVG as an element tree: the namespaces argmap's SVG uses, registered once for every reader and writer.

>>> root = ET.fromstring(f'<svg xmlns="{SVG_NS}"><g/></svg>')
>>> ET.tostring(root, encoding="unicode")
'<svg xmlns="http://www.w3.org/2000/svg"><g /></svg>'
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

__all__ = ["SVG_NS", "XLINK_NS", "XML_DECLARATION"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: The first line of every SVG file argmap writes.
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'

# Written back, SVG elements keep their plain names (no ns0: prefixes).
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
