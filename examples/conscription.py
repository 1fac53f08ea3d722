"""Build the flagship map and write examples/conscription.{json,svg,png,html} and the map
evaluated under the grounded semantics, examples/conscription-grounded.{svg,png}.

The map itself is built in ``argmap/gallery/conscription.py`` with the public API (so that
``argmap demo`` works from an installed package); read that file for the worked example.

Run it from the repository root: ``python examples/conscription.py`` (or ``make examples``).
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.gallery.conscription import build_map

HERE = Path(__file__).resolve().parent


def main() -> None:
    m = build_map()
    m.validate()
    argmap.dump(m, HERE / "conscription.json")
    for suffix in (".svg", ".png", ".html"):
        argmap.render(m, HERE / f"conscription{suffix}")
    grounded = argmap.evaluate(m, "grounded")
    for suffix in (".svg", ".png"):
        argmap.render(m, HERE / f"conscription-grounded{suffix}", evaluation=grounded)
    print(HERE / "conscription.svg")


if __name__ == "__main__":
    main()
