"""The hostile payloads drawn through the real layout engine: every SVG must be well-formed XML.

The payloads that target markup and the ones that break files: C0 controls, a vertical tab and
U+FFFE/U+FFFF once reached the accessibility pass's raw text or the engine; the text sanitiser on
the way out of drawing (``argmap.text.xml_safe``) keeps every one of them out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.errors import ArgmapError
from tests.fuzz.payloads import PAYLOADS
from tests.fuzz.test_payloads import payload_map

MARKUP_AND_BREAKERS = [*range(0, 14), *range(40, 52)]


@pytest.mark.parametrize("index", MARKUP_AND_BREAKERS, ids=lambda i: f"p{i:02d}")
def test_svg_of_a_hostile_map_is_well_formed(index: int) -> None:
    p = PAYLOADS[index]
    try:
        svg = argmap.dumps(payload_map(p), "svg")
    except ArgmapError as exc:
        assert "surrogate" in str(exc) and index == 47  # no file can hold a lone surrogate
        return
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag.endswith("svg")
    assert not root.findall(".//{http://www.w3.org/2000/svg}script")
