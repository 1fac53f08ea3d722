"""The flagship map is faithful to the op-ed: its structure, and every quote verbatim."""

from __future__ import annotations

import re
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
    # implicit premises are marked and only where the op-ed leaves a premise unstated
    assert {c.id for c in m.claims if c.implicit} == {"refuge-duty", "security-risk"}


# --- fidelity: what the op-ed says, who said it, what answers what ---------------------------

#: The word that names each credited author or outlet in the op-ed, where it is not the last word.
NAMED_AS = {
    "leaders of other countries who favor closing the borders": "leaders",
    "a Russian civilian who fled": "civilian",
    "the governments of Poland and the Baltic states": "Poland",
    "Volokh Conspiracy": "Volokh",
}


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"[.!?”]\s+|\n+", text)]


def _passage_with_sentence_before(oped: str, quote: str) -> str:
    """The quoted passage, from the start of the sentence before the one it starts in."""
    at = oped.index(quote)
    starts = [s for s in _sentence_starts(oped) if s <= at]
    begin = starts[-2] if len(starts) > 1 else 0
    return oped[begin:at + len(quote)]


def test_every_credited_author_is_named_where_the_oped_quotes_them(oped_text: str) -> None:
    """Whoever a claim credits (author or outlet) is named in its passage or the sentence before it.

    This is what keeps a credit honest: "Google search trends" or "news reports" are named
    nowhere, and Somin is not named beside the op-ed's own inference from his words.
    """
    m = build_map()
    for node in [*m.claims, *m.inferences]:
        for source in node.sources:
            for who in (source.author, source.outlet):
                if not who or who == "the op-ed":
                    continue
                name = NAMED_AS.get(who, who.split()[-1])
                assert source.quote is not None
                passage = _passage_with_sentence_before(oped_text, source.quote)
                assert name.lower() in passage.lower(), (node.id, who, source.quote)


def test_sources_have_a_kind_the_catalogue_knows() -> None:
    from argmap.analysis.schemes import get_source_kind

    for claim in build_map().claims:
        for source in claim.sources:
            assert source.kind, claim.id
            if claim.implicit:
                assert source.kind.startswith("implicit premise"), claim.id
            else:
                assert get_source_kind(source.kind) is not None, (claim.id, source.kind)


def test_the_credits_the_oped_gives() -> None:
    m = build_map()

    def credits(claim_id: str) -> set[str | None]:
        return {s.author or s.outlet for s in m[claim_id].sources}

    # Somin's words end at "setbacks."; the two sentences after them are the op-ed's inference.
    assert credits("shortages") == {"Ilya Somin"}
    for inference in ("forced-to-fight", "manpower"):
        assert credits(inference) == {"the op-ed"}
        assert "Somin" in (m[inference].note or "")
    # Eric Boehm is a journalist at Reason, credited for his own line and nothing else.
    boehm = [c for c in m.claims for s in c.sources if s.author == "Eric Boehm"]
    assert [c.id for c in boehm] == ["vote-with-feet"]
    [source] = boehm[0].sources
    assert source.outlet == "Reason" and source.kind == "opinion"
    assert source.quote is not None and "“Let Russians vote by their feet!”" in source.quote
    assert credits("danger") == {"the op-ed"}
    # Nobody is an expert but the one the op-ed presents as one.
    experts = {s.author for c in m.claims for s in c.sources if s.kind == "expert opinion"}
    assert experts == {"Ilya Somin"}
    # The op-ed reports the searches and the unnamed reports: it is their source.
    for reported in ("searches-leave", "searches-arm", "draft-papers"):
        assert credits(reported) == {"the op-ed"}


def test_what_answers_what() -> None:
    m = build_map()

    def answers(step_id: str) -> set[str]:
        return {p.id for step in m[step_id].incoming for p in step.premises}

    # Nothing in the op-ed answers Latvia's security objection.
    assert answers("security-objection") == set()
    assert all(not m[p].objections for p in ("security", "security-risk"))  # type: ignore[union-attr]
    # "Germany stands out from the rest of Europe in this regard": the answer to the neighbours.
    assert answers("neighbours-objection") == {"germany-welcomes"}
    assert {i.target.id for i in m["germany-welcomes"].inferences} == {"neighbours-objection"}  # type: ignore[union-attr]
    # Protection for deserters under severe repression, and the repression: the answer to Estonia.
    assert answers("no-grounds-objection") == {"protection", "ten-years"}
    assert answers("blame-objection") == {"protests"}
    # The ministers' words are the evidence for Germany's stance.
    assert {p.id for step in m["germany-welcomes"].reasons for p in step.premises} == {"buschmann", "protection"}  # type: ignore[union-attr]


def test_wording_the_oped_uses() -> None:
    m = build_map()

    def text(claim_id: str) -> str:
        return m[claim_id].text  # type: ignore[union-attr]

    assert "Russian soldiers who refuse to serve" in text("neighbours-refuse")
    assert "minimum 10-year sentence" in text("ten-years")
    assert text("dissidents-harm").startswith("Dissidents")
    assert "civilians being shut out" in text("civilian-exclusion")
    assert m["civilian-exclusion"].sources[0].quote == "This policy could lead to civilian exclusion."


def test_the_example_files_are_current() -> None:
    import argmap

    examples = Path(__file__).resolve().parents[2] / "examples"
    assert (examples / "conscription.json").read_text(encoding="utf-8") == argmap.dumps(build_map(), "json")
    assert (examples / "conscription.html").read_text(encoding="utf-8") == argmap.dumps(build_map(), "html")
    from argmap import render_bytes

    m = build_map()
    evaluated = render_bytes(m, "svg", evaluation=argmap.evaluate(m, "grounded"))
    assert (examples / "conscription-grounded.svg").read_bytes() == evaluated


def test_grounded_semantics_rejects_the_thesis_on_the_unanswered_objection() -> None:
    """The op-ed never answers Latvia's security objection, so under grounded semantics it stands
    and the thesis falls; every other claim is accepted and the three answered objections fall."""
    import argmap

    m = build_map()
    result = argmap.evaluate(m, "grounded")
    assert result["thesis"] == "out"
    assert all(result[c.id] == "in" for c in m.claims if c.id != "thesis")
    rejected = {i.id for i in m.inferences if result[i.id] != "in"}
    assert rejected == {"blame-objection", "no-grounds-objection", "neighbours-objection"}
    assert result["security-objection"] == "in"


def _flagship_figures() -> dict[str, str]:
    """The sentences the README and docs state about the flagship map, computed afresh."""
    import argmap

    m = build_map()
    grounded = argmap.evaluate(m, "grounded")
    accepted = sum(1 for c in m.claims if grounded[c.id] == "in")
    findings = argmap.check(m)
    hints = [f for f in findings if f.severity == "hint"]
    unanswered = [f for f in hints if f.code == "unanswered-objection"]
    assert grounded["thesis"] == "out" and len(unanswered) == 1  # the wording below says so
    assert not [f for f in findings if f.severity != "hint"]
    return {
        "grounded": f"**rejects the thesis** and accepts the other {accepted}\nof its {len(m.claims)} claims",
        "dfquad": f"**DF-QuAD strength is {argmap.evaluate(m, 'dfquad')['thesis']:.3f}**",
        "quadratic": f"(quadratic energy: {argmap.evaluate(m, 'quadratic-energy')['thesis']:.3f})",
        "hints": f"errors or warnings, and {len(hints)} hints: the unanswered objection, and "
                 f"{len(hints) - 1} from",
        "claims": f"{len(m.claims)} claims",
    }


def test_the_readme_states_the_flagship_figures_the_program_computes() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    flat = " ".join(readme.split())
    for name, sentence in _flagship_figures().items():
        assert " ".join(sentence.split()) in flat, name


def test_the_docs_state_the_flagship_figures_the_program_computes() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    figures = _flagship_figures()
    teaching = " ".join((docs / "teaching.md").read_text(encoding="utf-8").split())
    assert f"({figures['claims']};" in teaching
    strength = " ".join((docs / "strength.md").read_text(encoding="utf-8").split())
    assert figures["dfquad"].strip("*").replace("DF-QuAD strength is", "DF-QuAD") in strength


def test_what_docs_semantics_says_about_supported_attacks_on_the_flagship_map() -> None:
    import argmap

    m = build_map()
    secondary = argmap.evaluate(m, "grounded")
    cayrol = argmap.evaluate(m, "grounded", support="cayrol")
    assert (secondary["no-blame"], cayrol["no-blame"]) == ("in", "out")
    assert secondary["blame"] == "in" and secondary["blame-objection"] == "out"
    assert secondary["thesis"] == cayrol["thesis"] == "out"
