"""Grade the example student map against the flagship map and draw the annotated map:
examples/student-conscription-graded.svg (the report itself is shown in examples/grading.md).

Run it from the repository root: ``python examples/make_grading.py`` (or ``make examples``).
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.teach.feedback import annotated_map, report_text
from argmap.teach.grade import grade

HERE = Path(__file__).resolve().parent


def main() -> None:
    student = argmap.load(HERE / "student-conscription.json")
    model = argmap.load(HERE / "conscription.json")
    report = grade(student, model)
    shown, badges = annotated_map(report, student, model)
    argmap.render(shown, HERE / "student-conscription-graded.svg", badges=badges)
    print(report_text(report, student, model))


if __name__ == "__main__":
    main()
