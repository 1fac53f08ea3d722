"""Find and run a Graphviz layout engine: the thin part of rendering that touches the system.

Order: ``ARGMAP_DOT`` when set (that engine and nothing else), then the bundled
``graphviz-pure`` (installed with argmap from PyPI), then a ``dot`` on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from argmap.errors import RenderError

__all__ = ["find_engine", "engine_found", "run_engine", "run_engine_many", "ENV_VAR", "NO_ENGINE_HELP"]

ENV_VAR = "ARGMAP_DOT"
BUNDLED = "graphviz-pure"
TIMEOUT_SECONDS = 300
#: Engine outputs that are text (UTF-8 when the DOT says charset=UTF-8, as ours does).
_TEXT_OUTPUTS = frozenset({"svg", "dot", "gv", "plain", "json", "xdot"})

NO_ENGINE_HELP = (
    "no Graphviz layout engine found. Fix it with one of: "
    "`pip install graphviz-pure` (the engine argmap bundles) in this Python environment; "
    "installing Graphviz so `dot` is on PATH (apt install graphviz, brew install graphviz, "
    "winget install graphviz); or setting ARGMAP_DOT to the path of a dot program. "
    "DOT output needs no engine: `argmap render IN -o map.dot`."
)


def _scripts_dirs() -> list[str]:
    dirs = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    user = sysconfig.get_path("scripts", f"{os.name}_user")
    if user:
        dirs.append(user)
    return [d for d in dict.fromkeys(dirs) if d]


def find_engine() -> str:
    """The path of the layout engine to run; ``RenderError`` says how to get one if none.

    >>> import os
    >>> os.path.basename(find_engine()) in ("graphviz-pure", "dot") or ENV_VAR in os.environ
    True
    """
    wanted = os.environ.get(ENV_VAR)
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise RenderError(
                f"ARGMAP_DOT is set to {wanted!r}, which is not an executable program; "
                "point it at Graphviz's dot (e.g. /usr/bin/dot) or unset it to use the bundled engine"
            )
        return found
    for directory in _scripts_dirs():
        found = shutil.which(BUNDLED, path=directory)
        if found:
            return found
    for name in (BUNDLED, "dot"):
        found = shutil.which(name)
        if found:
            return found
    raise RenderError(NO_ENGINE_HELP)


def run_engine_many(sources: list[str], fmt: str = "svg") -> list[bytes]:
    """Lay out several DOT graphs in one run of the engine (one start-up, not one each).

    Only for ``svg``: the engine writes one document after another, each opening with its XML
    declaration, and they are split there.
    """
    if fmt != "svg":
        raise RenderError("several graphs in one run: SVG only")
    if not sources:
        return []
    out = run_engine("\n".join(sources), fmt)
    marker = b"<?xml"
    documents = [marker + part for part in out.split(marker)[1:]]
    if len(documents) != len(sources):
        raise RenderError(f"the layout engine drew {len(documents)} of {len(sources)} graphs")
    return documents


def engine_found() -> bool:
    """Whether :func:`find_engine` finds an engine."""
    try:
        find_engine()
    except RenderError:
        return False
    return True


def run_engine(source: str, fmt: str) -> bytes:
    """Lay out DOT ``source`` and return the engine's output in format ``fmt`` (svg, png, pdf)."""
    engine = find_engine()
    try:
        done = subprocess.run(
            [engine, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except OSError as exc:
        raise RenderError(f"cannot run the layout engine {engine!r}: {exc.strerror}") from None
    except subprocess.TimeoutExpired:
        raise RenderError(f"the layout engine {engine!r} took over {TIMEOUT_SECONDS} s") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        if "not recognized" in message and f'"{fmt}"' in message:
            raise RenderError(f"the layout engine {engine!r} cannot write {fmt.upper()}: {message}")
        raise RenderError(f"the layout engine {engine!r} failed: {message}")
    if fmt in _TEXT_OUTPUTS:  # callers decode it: a broken engine must not become a traceback there
        try:
            done.stdout.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RenderError(f"the layout engine {engine!r} wrote {fmt.upper()} that is not UTF-8 text "
                              f"(byte 0x{done.stdout[exc.start]:02x} at offset {exc.start}); "
                              "is it a Graphviz build for another character set?") from None
    return done.stdout
