"""argmap: argument maps as networkx graphs, drawn with Graphviz.

>>> import argmap
>>> m = argmap.ArgumentMap(title="School uniforms")
>>> t = m.claim("Schools should require uniforms.", id="thesis")
>>> r = m.support(t, "Uniforms reduce bullying over clothes.")
>>> o = m.attack(t, "Uniforms limit self-expression.")
>>> m.thesis.text
'Schools should require uniforms.'
"""

from __future__ import annotations

from typing import Any

from argmap.errors import ArgmapError, ParseError, RenderError, ValidationError
from argmap.formats import dump, dumps, load, loads
from argmap.model import ArgumentMap, Claim, Inference, Source
from argmap.render import render

__all__ = [
    "ArgumentMap",
    "Claim",
    "Inference",
    "Source",
    "ArgmapError",
    "ParseError",
    "ValidationError",
    "RenderError",
    "load",
    "loads",
    "dump",
    "dumps",
    "render",
    "__version__",
]

from argmap._version import __version__


def __getattr__(name: str) -> Any:
    # Analysis and teaching parts load on first use, keeping `import argmap` light.
    lazy = {
        "check": ("argmap.analysis.checks", "check"),
        "Finding": ("argmap.analysis.checks", "Finding"),
        "evaluate": ("argmap.analysis.semantics", "evaluate"),
        "Framework": ("argmap.analysis.framework", "Framework"),
    }
    if name in lazy:
        import importlib

        module, attr = lazy[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
