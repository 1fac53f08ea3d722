"""Open critical questions: which are answered, the JSON round trip, the CLI, the prompt boxes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET

import argmap
from argmap.analysis.questions import StepQuestions, critical_questions, open_questions, step_prompts, unplaced_answers
from argmap.analysis.schemes import get_scheme
from argmap.cli import main

SVG = "{http://www.w3.org/2000/svg}"


def _by_node(m: argmap.ArgumentMap, **kw: bool) -> dict[str, StepQuestions]:
    return {e.node: e for e in critical_questions(m, **kw)}


def test_oped_steps_leave_every_question_of_their_schemes_open(oped_map: argmap.ArgumentMap) -> None:
    entries = _by_node(oped_map, sources=False)
    assert set(entries) == {"manpower-step", "no-blame-step", "security-objection"}
    security = entries["security-objection"]
    expected = [q.ref for s in ("negative-consequences", "position-to-know") for q in get_scheme(s).questions]
    assert [q.ref for q in security.open] == expected
    assert security.answered == ()


def test_source_kinds_ask_questions_of_the_claims(oped_map: argmap.ArgumentMap) -> None:
    entries = _by_node(oped_map)
    # Google search trends are a statistic; the Latvian minister's word an official statement.
    assert [s.id for s in entries["searches-leave"].schemes] == ["statistic"]
    assert "source:statistic:sample" in [q.ref for q in entries["searches-leave"].open]
    assert [s.id for s in entries["security"].schemes] == ["official-statement"]
    # An implicit premise has no source kind with questions.
    assert "security-risk" not in entries


def test_linked_objections_answer_their_questions(uniforms_map: argmap.ArgumentMap) -> None:
    entries = _by_node(uniforms_map, sources=False)
    answered = {q.ref: by for e in entries.values() for q, by in e.answered}
    assert answered == {
        "positive-consequences:evidence": ("study-objection",),
        "correlation-to-cause:third": ("other-measures-undercut",),
        "positive-consequences:likely": ("extra-cost-objection",),
        "values:promotes": ("other-ways-rebuttal",),
    }
    # The same question on another step with the same scheme stays open there.
    cost_open = [q.ref for q in entries["cost-step"].open]
    assert "positive-consequences:evidence" in cost_open
    assert "positive-consequences:likely" not in cost_open
    assert unplaced_answers(uniforms_map) == []


def test_answers_may_sit_on_the_answering_premise_and_name_a_scheme_any_way() -> None:
    m = argmap.ArgumentMap()
    t = m.claim("Dr. Lee says the bridge is safe.", id="t")
    step = m.support(t, "Dr. Lee is a structural engineer.", id="s", scheme="Expert Opinion")
    m.attack(step.premise, m.claim("Dr. Lee designed roads, not bridges.", data={"answers": "Expert opinion:field"}))
    entry = critical_questions(m)[0]
    assert [q.id for q, _ in entry.answered] == ["field"]


def test_answers_far_from_the_step_or_naming_nothing_are_reported() -> None:
    m = argmap.ArgumentMap()
    t = m.claim("T", id="t")
    m.support(t, "A", id="a-step", scheme="analogy")
    other = m.claim("Unrelated", id="u")
    m.attack(other, "X", id="far", data={"answers": "analogy:differences"})
    m.attack(other, "Y", id="bad", data={"answers": ["analogy:nope", "no colon"]})
    assert {"x", "y"} <= set(m.graph.nodes)
    reasons = {(u.node, u.ref): u.reason for u in unplaced_answers(m)}
    assert set(reasons) == {("far", "analogy:differences"), ("bad", "analogy:nope"), ("bad", "no colon")}
    assert "matches no step" in reasons[("far", "analogy:differences")]
    assert [q.id for q in open_questions(m)[0].open] == ["differences", "base", "counter"]


def test_answer_links_survive_the_json_round_trip(uniforms_map: argmap.ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "debate.json"
    argmap.dump(uniforms_map, path)
    again = argmap.load(path)
    assert critical_questions(again) == critical_questions(uniforms_map)
    assert again["study-objection"].data == {
        "answers": "positive-consequences:evidence"}


def test_schemes_list_survives_the_json_round_trip(oped_map: argmap.ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "oped.json"
    argmap.dump(oped_map, path)
    assert argmap.load(path)["security-objection"].data["schemes"] == ["argument from position to know"]


def test_questions_cli_text_and_json(uniforms_map: argmap.ArgumentMap, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "debate.json"
    argmap.dump(uniforms_map, path)
    assert main(["questions", str(path), "--no-sources"]) == 0
    text = capsys.readouterr().out
    assert "slope-objection" in text and "[slippery-slope:stop]" in text
    assert "[values:promotes]" not in text  # answered, hidden without --all
    assert main(["questions", str(path), "--all", "--no-sources"]) == 0
    assert "answered by other-ways-rebuttal" in capsys.readouterr().out
    assert main(["questions", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    nodes = {n["node"]: n for n in doc["nodes"]}
    assert nodes["expression-objection"]["schemes"] == ["values"]
    assert [q["ref"] for q in nodes["expression-objection"]["open"]] == ["values:shared", "values:competing"]
    assert nodes["tinker"]["kind"] == "source"
    assert doc["open"] == sum(len(n["open"]) for n in doc["nodes"])
    assert doc["unplaced_answers"] == []


def test_questions_cli_bad_input_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["questions", str(bad)]) == 1
    assert "invalid JSON" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["questions"])
    assert exc.value.code == 2


def test_prompt_boxes_are_dashed_and_list_the_open_questions(uniforms_map: argmap.ArgumentMap, tmp_path: Path) -> None:
    out = argmap.render(uniforms_map, tmp_path / "q.svg", questions=True)
    root = SafeET.parse(out).getroot()
    prompts = {g.get("id"): g for g in root.iter(SVG + "g")
               if {"node", "prompt"} <= set((g.get("class") or "").split())}
    assert set(prompts) == {f"am-{step}-questions" for step in step_prompts(uniforms_map)}
    expression = prompts["am-expression-objection-questions"]
    texts = " ".join(t.text or "" for t in expression.iter(SVG + "text"))
    assert "Does the audience really hold this value" in texts
    assert "serve the value" not in texts  # answered by the rebuttal
    assert any(p.get("stroke-dasharray") for p in expression.iter() if p.tag in (SVG + "path", SVG + "polygon"))
    title = expression.find(SVG + "title")
    assert title is not None and title.text == "Critical questions still open for: but"
    plain = argmap.render(uniforms_map, tmp_path / "plain.svg").read_text(encoding="utf-8")
    assert "-questions" not in plain


def test_render_cli_questions_flag(oped_map: argmap.ArgumentMap, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "oped.json"
    argmap.dump(oped_map, src)
    assert main(["render", str(src), "-o", str(tmp_path / "o.svg"), "--questions"]) == 0
    svg = (tmp_path / "o.svg").read_text(encoding="utf-8")
    assert svg.count('class="node prompt questions"') == 3
