"""Reading, writing and drawing maps: ``load``/``loads``/``dump``/``dumps``/``render`` over one registry."""

from __future__ import annotations

from argmap.formats.api import dump, dumps, load, loads, render, render_bytes
from argmap.formats.registry import Format, all_formats, get, register

__all__ = ["load", "loads", "dump", "dumps", "render", "render_bytes", "Format", "register", "get", "all_formats"]

#: Modules imported on first use of the registry; each registers its format(s).
BUILTIN_MODULES: tuple[str, ...] = (
    "argmap.formats.argmap_json",
    "argmap.formats.argdown",
    "argmap.formats.graphics",
    "argmap.formats.apx",
    "argmap.formats.tgf",
    "argmap.formats.iccma23",
    "argmap.formats.aif",
    "argmap.formats.kialo",
    "argmap.formats.sadface",
    "argmap.formats.microtexts",
    "argmap.formats.yaml_format",
    "argmap.formats.markdown",
    "argmap.formats.graphml",
)
