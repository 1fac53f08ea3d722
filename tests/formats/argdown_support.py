"""Helpers shared by the Argdown tests: comparing maps, finding the Argdown command-line tool."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from argmap import ArgumentMap

ROOT = Path(__file__).resolve().parents[2]


def canonical(m: ArgumentMap) -> tuple[list[str], Any, Any]:
    """A map's content without ids or line numbers: equal for maps that say the same thing.

    Nodes are named by (label, text) and inferences by their premises' and target's names, so
    two maps compare equal when their claims, inferences and every attribute agree.
    """
    g = m.graph

    def name(node: str) -> str:
        attrs = g.nodes[node]
        if attrs["kind"] == "claim":
            return json.dumps(["C", attrs.get("label"), attrs.get("text")])
        premises = sorted(name(p) for p in g.predecessors(node) if g.nodes[p]["kind"] == "claim")
        target = name(next(iter(g.successors(node))))
        return json.dumps(["I", attrs.get("label"), attrs.get("polarity"), premises, target])

    out = []
    for node, attrs in g.nodes(data=True):
        kept = {k: v for k, v in attrs.items() if k != "line"}
        kept["sources"] = [s.to_dict() for s in attrs.get("sources", [])]
        data = dict(attrs.get("data", {}))
        info = data.get("argdown")
        if isinstance(info, dict):  # "of" names another node's id: compare by position instead
            info = {k: v for k, v in info.items() if k != "of"}
            if info:
                data["argdown"] = info
            else:
                del data["argdown"]
        kept["data"] = data
        for key in ("tags", "data", "sources"):
            if not kept.get(key):
                kept.pop(key, None)
        out.append(json.dumps([name(node), kept], sort_keys=True, default=str))
    return sorted(out), m.title, m.meta


def corpus_root() -> Path:
    """Where the shared corpus lies (as tests/conftest.py finds it), for parametrizing."""
    env = os.environ.get("ARGMAP_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def argdown_cli() -> str | None:
    """The Argdown 2.0 command-line tool: $ARGDOWN_CLI, the bench's copy, or `argdown` on PATH."""
    if shutil.which("node") is None:
        return None
    candidates = [os.environ.get("ARGDOWN_CLI"), str(ROOT / "bench" / ".argdown" / "node_modules" / ".bin" / "argdown"),
                  shutil.which("argdown")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return None
