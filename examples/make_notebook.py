"""Write examples/notebook.ipynb: argmap maps in a Jupyter notebook, with their outputs stored.

The notebook's code cells are run here (no Jupyter needed) and each displayed map's
``_repr_html_`` is stored as its output, so the notebook shows the maps even before anyone runs
it (a viewer that strips scripts shows the picture and the outline). ``tests/drawing`` checks the
stored outputs are current.

Run it from the repository root: ``python examples/make_notebook.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE / "notebook.ipynb"

CELLS: list[tuple[str, str]] = [
    ("markdown", """# Argument maps in a notebook

An `argmap.ArgumentMap` displays itself: make it the last expression of a cell. Jupyter,
JupyterLab and VS Code show the **interactive map** (`_repr_html_`): drag to pan, `Ctrl`+wheel
or the buttons to zoom, click a claim for its sources and open critical questions, fold what bears
on a claim with the small **−** under it, search, move between claims with the arrow keys, and
switch to the text **Outline**. Several maps in one notebook work independently. Viewers that
run no scripts (GitHub's preview, an untrusted notebook) show the plain picture and the outline.

`m._repr_svg_()` is the plain SVG picture."""),
    ("code", """import argmap

m = argmap.ArgumentMap(title="Should our school start later?")
thesis = m.claim("Our school should start at 9:00 instead of 8:00.", id="thesis", label="Start later")
sleep = m.claim(
    "Teenagers' body clocks make early starts costly for learning.",
    id="sleep",
    sources=[argmap.Source(author="American Academy of Pediatrics", title="School Start Times for Adolescents",
                           date="2014", kind="expert opinion", url="https://doi.org/10.1542/peds.2014-1697")],
)
m.support(thesis, sleep, id="r-sleep", scheme="Argument from expert opinion")
buses = m.claim("Buses are scheduled around the current start time.", id="buses")
objection = m.attack(thesis, buses, id="o-buses")
m.attack(objection, m.claim("The district renews the bus contract next year anyway.", id="contract"))
m"""),
    ("markdown", """## The flagship map

The op-ed map from `argmap.gallery`, every claim with its source and the passage it rests on.
Fold the big branches to see the shape of the argument, then open them one by one."""),
    ("code", """from argmap.gallery.conscription import build_map

oped = build_map()
oped"""),
    ("markdown", """## The same page as a file

`argmap.render(m, "map.html")` (or `argmap render map.json -o map.html`) writes the page as one
self-contained file that works offline. It takes an evaluation to show beside each claim:
`argmap.render(m, "map.html", evaluation={"thesis": "in", "buses": "out"})`."""),
    ("code", """path = argmap.render(m, "school-start.html", evaluation={"thesis": "in", "buses": "out"})
path.name"""),
]


def _source_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def run_cells(workdir: Path) -> list[Any]:
    """Run the code cells in order (in ``workdir``); each one's last expression, or None."""
    import contextlib

    namespace: dict[str, Any] = {}
    results: list[Any] = []
    with contextlib.chdir(workdir):
        for kind, source in CELLS:
            if kind != "code":
                continue
            body, _, last = source.rpartition("\n")
            exec(compile(body, "<cell>", "exec"), namespace)
            results.append(eval(compile(last, "<cell>", "eval"), namespace))
    return results


def output_of(value: Any, count: int) -> list[dict[str, Any]]:
    """The stored output of a cell whose last expression is ``value``."""
    data: dict[str, Any] = {"text/plain": _source_lines(repr(value))}
    if hasattr(value, "_repr_html_"):
        data["text/html"] = _source_lines(value._repr_html_())
    return [{"output_type": "execute_result", "execution_count": count, "metadata": {}, "data": data}]


def build(workdir: Path) -> dict[str, Any]:
    """The notebook as nbformat 4 JSON data."""
    results = iter(run_cells(workdir))
    cells: list[dict[str, Any]] = []
    count = 0
    for number, (kind, source) in enumerate(CELLS, start=1):
        cell: dict[str, Any] = {"cell_type": kind, "id": f"cell-{number}", "metadata": {},
                                "source": _source_lines(source)}
        if kind == "code":
            count += 1
            cell["execution_count"] = count
            cell["outputs"] = output_of(next(results), count)
        cells.append(cell)
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def dumps(notebook: dict[str, Any]) -> str:
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        NOTEBOOK.write_text(dumps(build(Path(tmp))), encoding="utf-8")
    print(NOTEBOOK)


if __name__ == "__main__":
    main()
