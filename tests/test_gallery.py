"""The flagship map is faithful to the op-ed: its structure, and every quote verbatim."""

from __future__ import annotations

from pathlib import Path

from argmap.gallery.conscription import build_map


def test_every_quote_is_a_verbatim_passage_of_the_oped(oped_text: str) -> None:
    m = build_map()
    for node in [*m.claims, *m.inferences]:
        for source in node.sources:
            assert source.quote, node.id
            assert source.quote in oped_text, (node.id, source.quote)


def test_every_claim_names_who_said_it() -> None:
    for claim in build_map().claims:
        assert claim.sources, claim.id
        assert all(s.short() for s in claim.sources), claim.id


def test_the_people_and_outlets_the_oped_cites_are_credited() -> None:
    credited = {part for c in build_map().claims for s in c.sources for part in (s.author, s.outlet) if part}
    for who in ["Ilya Somin", "Volokh Conspiracy", "NPR", "Eric Boehm", "Reason", "Urmas Reinsalu",
                "Edgars Rinkevics", "Marco Buschmann", "Nancy Faeser", "Vladimir Putin"]:
        assert who in credited, who


def test_structure_of_the_argument() -> None:
    m = build_map()
    m.validate()
    thesis = m.thesis
    assert thesis is not None and thesis.id == "thesis" and m.theses == [thesis]
    reasons = {p.label for step in thesis.reasons for p in step.premises if p.label}
    objections = {p.label for step in thesis.objections for p in step.premises if p.label}
    assert reasons == {"Manpower denial", "No collective blame", "Humanitarian risk"}
    assert objections == {"Security reasons", "No grounds for asylum", "Neighbours refuse refuge"}
    # every objection to the thesis is answered by a rebuttal
    for step in thesis.objections:
        assert any(i.role == "rebuttal" for i in step.incoming), step.id
    # implicit premises are marked and only where the op-ed leaves a premise unstated
    assert {c.id for c in m.claims if c.implicit} == {"refuge-duty", "security-risk"}


def test_the_example_files_are_current() -> None:
    import argmap

    examples = Path(__file__).resolve().parents[1] / "examples"
    assert (examples / "conscription.json").read_text(encoding="utf-8") == argmap.dumps(build_map(), "json")
    assert (examples / "conscription.html").read_text(encoding="utf-8") == argmap.dumps(build_map(), "html")
    from argmap.render.output import render_bytes

    m = build_map()
    evaluated = render_bytes(m, "svg", evaluation=argmap.evaluate(m, "grounded"))
    assert (examples / "conscription-grounded.svg").read_bytes() == evaluated


def test_grounded_semantics_accepts_the_thesis_and_rejects_every_objection() -> None:
    import argmap

    m = build_map()
    result = argmap.evaluate(m, "grounded")
    assert all(result[c.id] == "in" for c in m.claims)
    rejected = {i.id for i in m.inferences if result[i.id] != "in"}
    assert rejected == {"blame-objection", "security-objection", "no-grounds-objection", "neighbours-objection"}


def test_the_uniforms_example_file_is_current() -> None:
    from pathlib import Path

    import argmap
    from argmap.gallery.uniforms import build_map

    committed = Path(__file__).resolve().parents[1] / "examples" / "uniforms.json"
    assert committed.read_text("utf-8") == argmap.dumps(build_map(), "json"), "run `make examples`"
