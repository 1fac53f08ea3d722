"""Grading a student's map against a model answer: the op-ed example and a second map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.drawing.output import svg_text_nodes
from argmap.gallery.conscription import build_map
from argmap.teach.grade import RUBRIC, THRESHOLD, GradeReport, annotated_map, grade, match_claims, report_text

ROOT = Path(__file__).resolve().parents[2]
STUDENT = ROOT / "examples" / "student-conscription.json"
MODEL = ROOT / "examples" / "conscription.json"

# The mistakes put into the student's op-ed map on purpose (see examples/grading.md).
DELIBERATE = {
    ("wrong-place", "fifteen-years", "c-prison"),
    ("missing", "inhumane", None),
    ("wrong-polarity", "civilian-voice", "c-getaway"),
    ("extra", None, "c-largest"),
    ("linked-as-independent", "danger", "c-danger"),
}


def mistakes(report: GradeReport) -> set[tuple[str, str | None, str | None]]:
    return {(f.kind, f.model, f.student) for f in report.mistakes()}


def test_the_student_example_gets_every_deliberate_mistake_and_nothing_else() -> None:
    report = grade(argmap.load(STUDENT), build_map())
    assert mistakes(report) == DELIBERATE
    # Every other model claim is found, each matched to exactly one student claim.
    found = {f.model for f in report.findings if f.kind == "found"}
    assert len(found) == len(build_map().claims) - 3  # missing, wrong place, wrong polarity
    assert len({x.student for x in report.matches}) == len(report.matches)


def test_the_committed_model_file_is_the_gallery_map() -> None:
    assert argmap.dumps(argmap.load(MODEL), "json") == argmap.dumps(build_map(), "json")


def test_a_model_graded_against_itself_is_perfect() -> None:
    m = build_map()
    report = grade(m, m)
    assert report.mistakes() == []
    assert report.score == 100.0
    assert sum(part["of"] for part in report.rubric.values()) == 100.0 == sum(RUBRIC.values())


def test_rubric_parts_count_what_they_say() -> None:
    report = grade(argmap.load(STUDENT), build_map())
    m = build_map()
    claims = report.rubric["claims"]
    assert (claims["right"], claims["total"]) == (len(m.claims) - 1, len(m.claims))
    assert claims["points"] == round(40 * (len(m.claims) - 1) / len(m.claims), 1)
    assert report.rubric["linkage"]["total"] == sum(1 for i in m.inferences if i.linked)
    assert report.score == round(sum(p["points"] for p in report.rubric.values()), 1)


# --- a second map: school uniforms ----------------------------------------------------------


def uniforms_model() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="School uniforms")
    t = m.claim("Schools should require students to wear uniforms.", id="t")
    m.support(t, ["Uniforms remove visible differences in family income.",
                  "Visible differences in income fuel bullying at school."], id="bullying")
    cost = m.claim("Uniforms save families money over a school year.", id="save")
    m.support(t, cost, id="save-step")
    m.support(cost, "A set of uniforms costs less than a season of fashionable clothes.", id="cheaper")
    m.support(t, m.claim("Getting dressed on school mornings becomes much quicker.", id="mornings"))
    expression = m.attack(t, m.claim("Uniforms limit the self-expression of students.", id="expr"), id="expr-step")
    m.attack(expression, m.claim("Students can express themselves through their work and their clubs.", id="clubs"),
             id="clubs-step")
    m.attack(t, m.claim("Uniforms cost families a lot of money up front.", id="upfront"), id="upfront-step")
    return m


def uniforms_student() -> argmap.ArgumentMap:
    s = argmap.ArgumentMap(title="uniforms - my map")
    t = s.claim("schools should require uniforms for students", id="a")
    s.support(t, ["uniforms remove visible differences in family income",
                  "visible income differences fuel bullying at school"])
    # Two independent reasons drawn as one linked step.
    s.support(t, [s.claim("uniforms save families money over the school year", id="b"),
                  s.claim("getting dressed on school mornings is much quicker", id="c")])
    s.support("b", "a set of uniforms costs less than a season of fashion clothes")
    o = s.claim("uniforms limit students' self-expression", id="d")
    s.attack(t, o)
    # The rebuttal aimed at the objection's claim (the model aims at its arrow): still the right place,
    # but drawn as a reason for the objection: wrong polarity.
    s.support(o, s.claim("students can express themselves through their work and clubs", id="e"))
    s.support(t, s.claim("uniforms are comfortable to wear", id="f"))
    return s


def test_second_map_finds_each_kind_of_mistake() -> None:
    report = grade(uniforms_student(), uniforms_model())
    kinds = {(f.kind, f.model, f.student) for f in report.mistakes()}
    assert ("missing", "upfront", None) in kinds
    assert ("extra", None, "f") in kinds
    assert ("wrong-polarity", "clubs", "e") in kinds
    linked = [f for f in report.mistakes() if f.kind == "independent-as-linked"]
    assert len(linked) == 1 and {linked[0].model, *linked[0].related} == {"save", "mornings"}
    assert len(kinds) == 4  # the linked bullying step, the evidence for saving: right


def test_linked_premises_drawn_apart_on_the_second_map() -> None:
    s = argmap.ArgumentMap()
    t = s.claim("schools should require uniforms for students")
    s.support(t, "uniforms remove visible differences in family income")
    s.support(t, "visible income differences fuel bullying at school")
    report = grade(s, uniforms_model())
    linked = [f for f in report.mistakes() if f.kind == "linked-as-independent"]
    assert len(linked) == 1
    assert report.rubric["linkage"]["right"] == 0


def test_the_thesis_drawn_as_a_reason_is_in_the_wrong_place() -> None:
    s = argmap.ArgumentMap()
    reason = s.claim("uniforms save families money over a school year", id="x")
    s.support(reason, s.claim("Schools should require students to wear uniforms.", id="y"))
    report = grade(s, uniforms_model())
    assert ("wrong-place", "t", "y") in {(f.kind, f.model, f.student) for f in report.mistakes()}


def test_matching_is_one_to_one_and_respects_the_threshold() -> None:
    model = uniforms_model()
    s = argmap.ArgumentMap()
    s.claim("Uniforms limit the self-expression of students.", id="exact")
    s.claim("uniforms limit self-expression of students", id="close")
    s.claim("Uniforms", id="far")
    matches = match_claims(s, model)
    assert [(x.model, x.student) for x in matches] == [("expr", "exact")]
    assert all(x.score >= THRESHOLD for x in matches)
    assert match_claims(s, model, threshold=101) == []


def test_annotated_svg_marks_findings_with_words(tmp_path: Path) -> None:
    student, model = argmap.load(STUDENT), build_map()
    report = grade(student, model)
    shown, badges = annotated_map(report, student, model)
    assert len(shown.claims) == len(student.claims) + 1  # the missing claim is drawn, where it belongs
    ghost = next(c for c in shown.claims if c.id.startswith("missing-"))
    assert [i.target.id for i in ghost.inferences] == ["c-blame"]
    out = argmap.render(shown, tmp_path / "graded.svg", badges=badges)
    words = " ".join(svg_text_nodes(out.read_text()))
    for word in ("✓ FOUND", "MISSING", "EXTRA", "WRONG PLACE", "WRONG POLARITY", "LINKED DRAWN AS INDEPENDENT"):
        assert word in words


def test_report_text_numbers_mistakes_like_the_badges() -> None:
    student, model = argmap.load(STUDENT), build_map()
    report = grade(student, model)
    text = report_text(report, student, model)
    _, badges = annotated_map(report, student, model)
    for k, f in enumerate(report.mistakes(), start=1):
        assert f"  {k}. [{f.word}]" in text
        if f.student:
            assert f"✗ {k} {f.word}" in badges[f.student]


def test_hostile_text_is_escaped_in_the_graded_svg(tmp_path: Path) -> None:
    s = argmap.ArgumentMap()
    s.claim('<script>window.__pwned=1</script> "quoted" & more', id="x")
    report = grade(s, uniforms_model())
    shown, badges = annotated_map(report, s, uniforms_model())
    svg = argmap.render(shown, tmp_path / "g.svg", badges=badges).read_text()
    assert "<script>" not in svg and "&lt;script&gt;" in svg


# --- the command ------------------------------------------------------------------------------


def test_cli_text_json_and_svg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "graded.svg"
    assert main(["grade", str(STUDENT), str(MODEL), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Score: ") and "Mistakes (5):" in text
    assert out.read_text().lstrip().startswith("<?xml")
    assert main(["grade", str(STUDENT), str(MODEL), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {(f["kind"], f.get("model"), f.get("student")) for f in data["findings"] if f["kind"] != "found"} \
        == DELIBERATE
    assert data["score"] == grade(argmap.load(STUDENT), build_map()).score


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", str(tmp_path / "nope.json"), str(MODEL)]) == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["grade", str(bad), str(MODEL)]) == 1
    assert main(["grade", str(STUDENT), str(MODEL), "--threshold", "150"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["grade", str(STUDENT)])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as help_info:
        main(["grade", "--help"])
    assert help_info.value.code == 0
    assert "model answer" in capsys.readouterr().out


def test_committed_grading_output_is_current(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/grading.md shows the tool's real output; regenerate it if grading changes."""
    monkeypatch.chdir(ROOT)
    main(["grade", "examples/student-conscription.json", "examples/conscription.json"])
    output = capsys.readouterr().out
    assert output.strip() in (ROOT / "examples" / "grading.md").read_text(encoding="utf-8")


def test_an_empty_map_scores_nothing() -> None:
    report = grade(argmap.ArgumentMap(), uniforms_model())
    assert report.score == 0.0
    assert {f.kind for f in report.findings} == {"missing"}


def test_a_claim_used_twice_but_drawn_once_is_a_missing_link() -> None:
    model = build_map()
    student = model.copy()
    student.graph.remove_node("protests-rebut")  # protests now only shows domestic opposition
    report = grade(student, model)
    [finding] = report.mistakes()
    assert (finding.kind, finding.model) == ("wrong-place", "protests")
    assert "missing link" in finding.message
    assert report.rubric["placement"]["right"] == report.rubric["placement"]["total"] - 1
