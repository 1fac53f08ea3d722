"""Debate flow: speech order, dropped arguments, new arguments in rebuttal, weakest links, the sheet."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.gallery.conscription import build_map
from argmap.teach.flow import DEFAULT_STRENGTH, FORMATS, Speech, analyse, assign_sides, speeches
from argmap.teach.flowsheet import flow_html, flow_svg, layout

ROOT = Path(__file__).resolve().parents[2]
DEBATE = ROOT / "examples" / "debate-conscription.json"


def said(side: str, speech: str) -> dict[str, str]:
    return {"side": side, "speech": speech}


def uniforms_ld() -> argmap.ArgumentMap:
    """A second debate, Lincoln-Douglas: AC, NC, 1AR, NR, 2AR (no meta, the format is recognised)."""
    m = argmap.ArgumentMap(title="Resolved: public schools should require uniforms")
    t = m.claim("Public schools should require uniforms.", id="t", data=said("aff", "AC"))
    bully = m.claim("Uniforms reduce bullying over clothes.", id="bully", data=said("aff", "AC"))
    m.support(t, bully, id="bully-step")
    freedom = m.claim("Uniforms violate students' freedom of expression.", id="freedom", data=said("neg", "NC"))
    freedom_step = m.attack(t, freedom, id="freedom-step")
    cost = m.claim("Uniforms are a cost poor families cannot bear.", id="cost", data=said("neg", "NC"))
    m.attack(t, cost, id="cost-step")
    vouchers = m.claim("Districts can hand out free uniform vouchers.", id="vouchers", data=said("aff", "1AR"))
    m.attack("cost-step", vouchers, id="vouchers-step")
    # NR answers 1AR (fine) and attacks the AC's bullying contention for the first time (new).
    m.attack("vouchers-step", m.claim("Voucher programs run out of money.", id="money", data=said("neg", "NR")),
             id="money-step")
    m.attack("bully-step", m.claim("Bullies pick on shoes and phones instead.", id="shoes", data=said("neg", "NR")),
             id="shoes-step")
    # The 2AR answers the NR's voucher point but never the NC's freedom objection nor the shoes: dropped.
    m.attack("money-step", m.claim("The state funds the vouchers.", id="state", data=said("aff", "2AR")),
             id="state-step")
    del freedom_step
    return m


# --- speech order -----------------------------------------------------------------------------


def test_known_formats_are_recognised_from_the_speeches_used() -> None:
    assert speeches(argmap.load(DEBATE)) == list(FORMATS["policy"])
    assert speeches(uniforms_ld()) == list(FORMATS["lincoln-douglas"])


def test_meta_speeches_give_the_order_and_rebuttals() -> None:
    m = argmap.ArgumentMap(speeches=["Opening", {"name": "Reply", "side": "neg"}, "Closing rebuttal"])
    m.claim("T", data={"speech": "Opening"})
    assert speeches(m) == [Speech("Opening", None, False), Speech("Reply", "neg", False),
                           Speech("Closing rebuttal", None, True)]


def test_unknown_speech_and_bad_meta_are_errors(tmp_path: Path) -> None:
    m = argmap.ArgumentMap(speeches=["1AC", "1NC"])
    m.claim("T", data={"speech": "3AC"})
    with pytest.raises(ArgmapError, match="3AC"):
        speeches(m)
    with pytest.raises(ArgmapError, match="list"):
        speeches(argmap.ArgumentMap(speeches="1AC"))
    path = tmp_path / "bad.json"
    argmap.dump(m, path)
    assert main(["flow", str(path)]) == 1


def test_unnamed_speeches_keep_their_order_and_rebuttal_names() -> None:
    m = argmap.ArgumentMap()
    t = m.claim("T", data=said("pro", "Opening"))
    m.attack(t, m.claim("O", data=said("con", "Second rebuttal")))
    assert [(s.name, s.rebuttal) for s in speeches(m)] == [("Opening", False), ("Second rebuttal", True)]


# --- the analysis on the policy example ---------------------------------------------------------


def test_policy_example_dropped_and_new() -> None:
    report = analyse(argmap.load(DEBATE))
    assert {(d.step, d.side, d.speech) for d in report.dropped} == {
        ("hundreds-answer", "aff", "2AC"), ("not-deserters-answer", "neg", "1NR")}
    assert {(n.step, n.side, n.speech) for n in report.new_in_rebuttal} == {
        ("elsewhere-answer", "neg", "2NR"), ("propaganda-reason", "aff", "2AR")}


def test_second_debate_dropped_and_new() -> None:
    report = analyse(uniforms_ld())
    assert [d.step for d in report.dropped] == ["freedom-step", "shoes-step"]
    assert [(n.step, n.speech) for n in report.new_in_rebuttal] == [("shoes-step", "NR")]


def test_the_last_speech_cannot_be_dropped() -> None:
    m = uniforms_ld()
    m.attack("shoes-step", m.claim("Studies show less bullying.", id="studies", data=said("aff", "2AR")),
             id="studies-step")
    dropped = {d.step for d in analyse(m).dropped}
    assert "studies-step" not in dropped and "shoes-step" not in dropped


def test_weakest_link_with_hand_computed_strengths() -> None:
    m = argmap.load(DEBATE)
    strengths = {c.id: 0.9 for c in m.claims}
    strengths["shortages"] = 0.2  # evidence under the manpower contention
    strengths["latvia"] = 0.3  # evidence under the security objection
    report = analyse(m, strength=strengths)
    assert report.strength_source == "given"
    aff = next(w for w in report.weakest if w.side == "aff")
    assert (aff.claim, aff.strength, aff.path) == ("shortages", 0.2, ("shortages", "manpower", "resolution"))
    neg = {w.thesis: w for w in report.weakest if w.side == "neg"}
    assert set(neg) == {"security", "no-grounds"}
    assert neg["security"].path == ("latvia", "security") and neg["security"].strength == 0.3
    assert neg["no-grounds"].path == ("no-grounds",)  # an objection is a link itself
    # A function of the map works the same way.
    again = analyse(m, strength=lambda _m: strengths)
    assert [w.claim for w in again.weakest] == [w.claim for w in report.weakest]


def test_weakest_link_falls_back_to_ratings() -> None:
    m = argmap.load(DEBATE)
    report = analyse(m)
    if report.strength_source == "dfquad":  # the gradual-strength module is there: use it
        return
    assert report.strength_source == "rating"
    aff = next(w for w in report.weakest if w.side == "aff")
    rated = {c.id: c.rating for c in m.claims}
    assert aff.claim == "propaganda" and aff.strength == rated["propaganda"]
    unrated = argmap.ArgumentMap()
    t = unrated.claim("T")
    unrated.support(t, "R")
    weak = analyse(unrated).weakest
    assert analyse(unrated).strength_source == "default" and weak[0].strength == DEFAULT_STRENGTH


# --- a map without speeches: turns --------------------------------------------------------------


def test_the_oped_reads_as_turns_of_an_exchange() -> None:
    m = build_map()
    report = analyse(m)
    assert [s.name for s in report.speeches] == ["Turn 1", "Turn 2", "Turn 3"]
    assert [s.side for s in report.speeches] == ["aff", "neg", "aff"]
    sides = assign_sides(m, [])
    assert sides["thesis"] == "aff" and sides["security"] == "neg" and sides["germany-welcomes"] == "aff"
    # A claim used both as a reason and as a rebuttal is said at its earliest turn.
    assert report.said["protests"] == 0 and report.said["protests-rebut"] == 2
    # The op-ed never answers Latvia's security objection: a dropped argument.
    assert [d.step for d in report.dropped] == ["security-objection"] and report.new_in_rebuttal == []


# --- the sheet ----------------------------------------------------------------------------------


def test_flow_sheet_columns_and_rows() -> None:
    m = argmap.load(DEBATE)
    report = analyse(m)
    columns, boxes = layout(m, report)
    assert [c.split(" · ")[0] for c in columns] == [s.name for s in report.speeches]
    by_node = {b.node: b for b in boxes}
    for box in boxes:
        if box.parent is not None:
            parent = next(b for b in boxes if b.number == box.parent)
            assert box.y >= parent.y  # an answer never sits above what it answers
    # Boxes in one column never overlap.
    for a in boxes:
        for b in boxes:
            if a is not b and a.column == b.column:
                assert a.y + a.height <= b.y or b.y + b.height <= a.y
    assert by_node["not-deserters-answer"].column == 4 and "✗ DROPPED: never answered" in \
        by_node["not-deserters-answer"].badges
    assert "⚠ NEW IN REBUTTAL" in by_node["propaganda-reason"].badges


def test_flow_svg_is_valid_accessible_and_escaped() -> None:
    m = uniforms_ld()
    m.claims["state"].text = '<script>window.__pwned=1</script> & "x"'
    svg = flow_svg(m)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.find(ns + "title") is not None
    assert "freedom of expression" in root.findtext(ns + "desc", "")
    texts = " ".join(t.text or "" for t in root.iter(ns + "text"))
    assert '<script>window.__pwned=1</script> & "x"' in texts
    assert root.find(f".//{ns}script") is None
    assert "DROPPED" in texts and "NEW IN REBUTTAL" in texts


def test_cli_text_json_svg_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flow", str(DEBATE)]) == 0
    text = capsys.readouterr().out
    assert "Dropped arguments (2):" in text and "New in rebuttal (2):" in text
    assert main(["flow", str(DEBATE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["step"] for d in data["dropped"]} == {"hundreds-answer", "not-deserters-answer"}
    for name in ("flow.svg", "flow.html", "flow.png"):
        assert main(["flow", str(DEBATE), "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "flow.png").read_bytes()[:4] == b"\x89PNG"
    assert main(["flow", str(DEBATE), "-o", str(tmp_path / "flow.txt")]) == 2
    assert main(["flow", str(tmp_path / "nope.json")]) == 1
    with pytest.raises(SystemExit) as info:
        main(["flow", "--help"])
    assert info.value.code == 0


def test_flow_html_has_no_script() -> None:
    page = flow_html(argmap.load(DEBATE))
    assert "<script" not in page and "script-src 'none'" in page and "default-src 'none'" in page
    assert "unsafe-inline" not in page


def test_classroom_sheet_for_a_live_debate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "examples" / "debate-classroom.json"
    m = argmap.load(path)
    assert [(s.name, s.side, s.rebuttal) for s in speeches(m)] == [
        ("Aff constructive", "aff", False), ("Neg constructive", "neg", False),
        ("Aff rebuttal", "aff", True), ("Neg rebuttal", "neg", True)]
    columns, _ = layout(m, analyse(m))
    assert columns == ["Aff constructive", "Neg constructive", "Aff rebuttal", "Neg rebuttal"]
    plain, ruled = flow_svg(m), flow_svg(m, ruled=12)
    assert ruled.count('stroke="#c8c8c8"') == 12 * len(columns) and plain.count('stroke="#c8c8c8"') == 0
    assert main(["flow", str(path), "-o", str(tmp_path / "sheet.svg"), "--ruled", "12"]) == 0
    assert (tmp_path / "sheet.svg").read_text(encoding="utf-8") == ruled
    assert main(["flow", str(path), "--ruled", "-1"]) == 2
