"""How well grading finds planted mistakes in student maps written in students' own words.

tests/teach/grading/ holds student maps of the op-ed (argmap.gallery.conscription) and of the
uniforms debate (argmap.gallery.uniforms), short, long, misspelt and reordered, each beside a
``.expected.yaml`` naming the model, the student's main claim and every mistake planted in it.
Each map is graded; a reported mistake is right when it names the same kind and claim as a planted
one (for linked mistakes: the same set of model claims). The table of precision and recall is in
docs/teaching.md, and this test keeps it current: ``python tests/teach/test_grading_measure.py``
prints it.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import argmap
from argmap.gallery import conscription, uniforms
from argmap.teach.grade import grade
from argmap.teach.similarity import meaning_available

HERE = Path(__file__).resolve().parent / "grading"
HELD_OUT = HERE / "held-out"
#: A second held-out set, by six more "authors", written after the rules had been tuned on the first
#: two sets and before the rules that followed: measured, never tuned on.
HELD_OUT_2 = HERE / "held-out-2"
SETS = (HERE, HELD_OUT, HELD_OUT_2)
DOC = Path(__file__).resolve().parents[2] / "docs" / "teaching.md"
MODELS = {"conscription": conscription.build_map, "uniforms": uniforms.build_map}
LINKED = ("linked-as-independent", "independent-as-linked")


def _key(kind: str, model: str | list[str] | None, student: str | None,
         related: tuple[str, ...] = ()) -> tuple[str, object]:
    if kind == "extra":
        return kind, student
    if kind in LINKED:
        return kind, frozenset(model if isinstance(model, list) else [model, *related])
    return kind, model


@dataclass
class Row:
    name: str
    claims: int
    planted: int
    reported: int
    right: int
    thesis: bool
    unsure: int
    false: list[str]
    missed: list[str]
    paired_right: int = 0

    @property
    def paired_share(self) -> float:
        return self.paired_right / self.claims if self.claims else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.planted if self.planted else 1.0


@functools.cache
def measure(meaning: bool, folder: Path = HERE) -> list[Row]:
    rows = []
    for expected in sorted(folder.glob("*.expected.yaml")):
        name = expected.name.removesuffix(".expected.yaml")
        spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
        student = argmap.load(folder / f"{name}.yaml")
        report = grade(student, MODELS[spec["model"]](), meaning=meaning)
        planted = {_key(p["kind"], p.get("model"), p.get("student")) for p in spec["planted"]}
        found = {_key(x.kind, x.model, x.student, x.related) for x in report.mistakes}
        thesis = report.thesis is not None and report.thesis[1] == spec["thesis"]
        taken = {x.student: x.model for x in report.matches}
        paired = sum(taken.get(sid) == mid for sid, mid in spec["matches"].items())
        rows.append(Row(name, len(student.claims), len(planted), len(found), len(planted & found), thesis,
                        len(report.unsure()), sorted(map(str, found - planted)), sorted(map(str, planted - found)),
                        paired))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| student map | claims | paired right | planted | reported | right | false | missed | thesis matched "
             "| maybe | precision | recall |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.name} | {r.claims} | {r.paired_right} | {r.planted} | {r.reported} | {r.right} "
                     f"| {r.reported - r.right} | {r.planted - r.right} | {'yes' if r.thesis else 'NO'} | {r.unsure} "
                     f"| {r.precision:.2f} | {r.recall:.2f} |")
    planted, reported, right, claims, paired = (sum(getattr(r, k) for r in rows)
                                                for k in ("planted", "reported", "right", "claims", "paired_right"))
    lines.append(f"| **all {len(rows)}** | {claims} | {paired} | {planted} | {reported} | {right} | {reported - right} "
                 f"| {planted - right} | {sum(r.thesis for r in rows)} of {len(rows)} | {sum(r.unsure for r in rows)} "
                 f"| {right / reported:.2f} | {right / planted:.2f} |")
    return "\n".join(lines)


def _documented(marker: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"<!-- {marker} -->") + len(f"<!-- {marker} -->")
    return text[start:text.index(f"<!-- /{marker} -->", start)].strip()


def _write_documented(tables: dict[str, str]) -> None:
    text = DOC.read_text(encoding="utf-8")
    for marker, body in tables.items():
        start = text.index(f"<!-- {marker} -->") + len(f"<!-- {marker} -->")
        end = text.index(f"<!-- /{marker} -->", start)
        text = text[:start] + "\n" + body + "\n" + text[end:]
    DOC.write_text(text, encoding="utf-8")


def _marker(meaning: bool, folder: Path) -> str:
    suffix = {HERE: "", HELD_OUT: "-held-out", HELD_OUT_2: "-held-out-2"}[folder]
    return f"grading-measure-{'meaning' if meaning else 'spelling'}{suffix}"


def test_the_sets_are_what_the_issue_asks_for() -> None:
    for folder, at_least in ((HERE, 8), (HELD_OUT, 6), (HELD_OUT_2, 6)):
        specs = {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.expected.yaml")}
        assert len(specs) >= at_least
        assert {s["model"] for s in specs.values()} == set(MODELS)
        for path, spec in specs.items():
            model = MODELS[spec["model"]]()
            student = argmap.load(folder / path.name.replace(".expected.yaml", ".yaml"))
            for p in spec["planted"]:
                assert p["kind"] in ("missing", "extra", "wrong-place", "wrong-polarity", *LINKED), p
            # every student claim is paired by hand with the model claim it stands for, or none
            assert set(spec["matches"]) == {c.id for c in student.claims}, path.name
            assert {m for m in spec["matches"].values() if m is not None} <= {c.id for c in model.claims}


@pytest.mark.skipif(not meaning_available(), reason="the meaning model is not installed: pip install -e '.[grade]'")
def test_grading_by_meaning_finds_the_planted_mistakes() -> None:
    for folder in SETS:
        rows = measure(meaning=True, folder=folder)
        assert all(r.thesis for r in rows), folder.name
        assert table(rows) == _documented(_marker(True, folder)), "docs/teaching.md: update the table (--write)"
        if folder != HERE:
            continue  # measured and published, never a target: a target there would be tuned to
        planted, reported, right = (sum(getattr(r, k) for r in rows) for k in ("planted", "reported", "right"))
        assert right / planted >= 0.9 and right / reported >= 0.9, folder.name
        # Every map written in sentences: at most one false report (few-word maps are the hard case).
        for r in rows:
            if not r.name.endswith(("-short", "-terse")):
                assert r.reported - r.right <= 1, (r.name, r.false)


@pytest.mark.skipif(not meaning_available(), reason="the meaning model is not installed: pip install -e '.[grade]'")
def test_the_target_count_the_docs_state_is_measured() -> None:
    """docs/teaching.md says on how many maps the issue's target is met: every planted mistake
    found, at most one false report."""
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    for name, folders in (("tuning and first held-out", (HERE, HELD_OUT)), ("second held-out", (HELD_OUT_2,))):
        rows = [r for folder in folders for r in measure(meaning=True, folder=folder)]
        assert f"is met on {met(rows)} of the {len(rows)} maps" in text, name


def met(rows: list[Row]) -> int:
    """How many maps meet the issue's target: every planted mistake found, at most one false report."""
    return sum(r.right == r.planted and r.reported - r.right <= 1 for r in rows)


def test_grading_by_spelling_alone() -> None:
    for folder in SETS:
        rows = measure(meaning=False, folder=folder)
        assert all(r.thesis for r in rows), folder.name
        assert table(rows) == _documented(_marker(False, folder)), "docs/teaching.md: update the table (--write)"


if __name__ == "__main__":
    # python tests/teach/test_grading_measure.py [--write] [--held-out-details]
    tables = {}
    for mode in (True, False):
        if mode and not meaning_available():
            continue
        for folder in SETS:
            measured = measure(meaning=mode, folder=folder)
            tables[_marker(mode, folder)] = table(measured)
            print("meaning and spelling" if mode else "spelling only", folder.name,
                  f"(target met on {met(measured)} of {len(measured)})")
            print(table(measured))
            if folder != HERE and "--held-out-details" not in sys.argv:
                continue  # the held-out set is for measuring, not for tuning: its details stay shut
            for r in measured:
                for f in r.false:
                    print("  false", r.name, f)
                for f in r.missed:
                    print("  missed", r.name, f)
    if "--write" in sys.argv:
        _write_documented(tables)
