"""Write the example worksheets and their answer keys into this folder.

Run: python examples/worksheets/make_worksheets.py

The sheets are A4 PDFs (one branch a page where the map is too big; no text below 9 pt) and
Markdown outlines; `argmap worksheet ... --paper letter` makes the same on Letter.
"""

from __future__ import annotations

from pathlib import Path

from argmap.gallery import conscription, uniforms
from argmap.teach.worksheet import focus_map, make_worksheet, write_worksheet

HERE = Path(__file__).resolve().parent


def main(folder: Path = HERE) -> list[Path]:
    """Build the worksheets from the gallery maps into ``folder`` (same seeds, same files)."""
    oped = conscription.build_map()
    debate = uniforms.build_map()
    sheets = [
        (make_worksheet(oped, 6, seed=1), "conscription-blanks.pdf"),
        (make_worksheet(oped, 6, seed=1), "conscription-blanks.md"),
        (make_worksheet(focus_map(oped, "no-blame"), 3, seed=1), "conscription-no-blame.pdf"),
        (make_worksheet(oped, ["security-objection"], variant="objection"), "conscription-objection.pdf"),
        (make_worksheet(debate, variant="sort", seed=3), "uniforms-sort.pdf"),
        (make_worksheet(debate, variant="sort", seed=3), "uniforms-sort.md"),
    ]
    written = []
    for ws, name in sheets:
        written += write_worksheet(ws, folder / name, paper="a4")
    return written


if __name__ == "__main__":
    for path in main():
        print(path)
