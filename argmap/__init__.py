"""argmap: argument maps as networkx graphs, drawn with Graphviz.

>>> import argmap
>>> m = argmap.ArgumentMap(title="School uniforms")
>>> t = m.claim("Schools should require uniforms.", id="thesis")
>>> r = m.support(t, "Uniforms reduce bullying over clothes.")
>>> o = m.attack(t, "Uniforms limit self-expression.")
>>> m.thesis.text
'Schools should require uniforms.'
>>> "check" in dir(argmap) and "check" in argmap.__all__
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError, ParseError, RenderError, ValidationError
from argmap.formats import dump, dumps, load, loads, render, render_bytes
from argmap.model import ArgumentMap, Claim, Inference, Source

if TYPE_CHECKING:  # loaded on first use below; imported here so type checkers see the real names
    from argmap.analysis.checks import Finding, check
    from argmap.analysis.framework import Framework
    from argmap.analysis.semantics import evaluate
    from argmap.studio import studio

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
    "render_bytes",
    "check",
    "Finding",
    "evaluate",
    "Framework",
    "studio",
    "__version__",
]

from argmap._version import __version__

# Analysis loads on first use (it brings numpy and the checks), keeping `import argmap` light.
_LAZY = {
    "check": "argmap.analysis.checks",
    "Finding": "argmap.analysis.checks",
    "evaluate": "argmap.analysis.semantics",
    "Framework": "argmap.analysis.framework",
    "studio": "argmap.studio",  # the local editor (its server needs the `studio` extra)
}


if not TYPE_CHECKING:  # type checkers see the imports above; a typo like argmap.chekc stays an error

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            value = getattr(importlib.import_module(_LAZY[name]), name)
            globals()[name] = value  # later lookups find it directly
            return value
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
