"""Write the classroom debate on school uniforms (argmap/gallery/uniforms.py) as examples/uniforms.json.

The docs' examples (`argmap questions`, `argmap evaluate`, explanations) read this file. Run it
from the repository root: ``python examples/uniforms.py`` (or ``make examples``).
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.gallery.uniforms import build_map

HERE = Path(__file__).resolve().parent


def main() -> None:
    m = build_map()
    m.validate()
    argmap.dump(m, HERE / "uniforms.json")
    print(HERE / "uniforms.json")


if __name__ == "__main__":
    main()
