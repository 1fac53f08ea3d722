"""Plain words for students (``--plain``): every scheme and question has a plain wording, it reads
easily, and no output in plain mode uses the field's terms."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pyphen
import pytest

import argmap
from argmap.analysis.questions import critical_questions, open_questions, question_texts, step_prompts
from argmap.analysis.schemes import Scheme, SourceKind, catalogue
from argmap.cli import main
from argmap.drawing.output import svg_text_nodes
from argmap.drawing.raster import pdf_document
from argmap.gallery import conscription, uniforms
from argmap.teach.reveal import reveal_html
from argmap.teach.worksheet import make_worksheet, worksheet_pages

#: Words a 16-year-old should not meet in plain mode: the field's terms and Latin.
JARGON = ("proponent", "burden", "defeasible", "presumption", "presumptive", "scheme", "modus", "ponens",
          "argumentum", "ad hominem", "premise", "inference", "warrant", "fallacy", "plausib", "assertion",
          "position to know", "verbal classification", "correlation", "consequences", "critical question",
          "precedent", "credentials", "proposition", "antecedent", "consequent", "rebuttal", "undercut")
MAX_WORDS_A_SENTENCE = 14
MAX_GRADE = 9.0  # Flesch-Kincaid grade: what a 14-to-15-year-old reads without effort

_HYPHENS = pyphen.Pyphen(lang="en_US")


def _grade(text: str) -> float:
    """Flesch-Kincaid grade level, syllables counted by pyphen's hyphenation points."""
    sentences = [s for s in re.split(r"[.?!]+", text) if s.strip()]
    words = re.findall(r"[A-Za-z']+", text)
    syllables = sum(len(_HYPHENS.positions(w)) + 1 for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59


def _jargon(text: str) -> list[str]:
    return [w for w in JARGON if w in text.lower()]


def _owners() -> list[Scheme | SourceKind]:
    return [*catalogue().schemes, *catalogue().source_kinds]


def _every_question() -> list[tuple[str, str, str]]:
    return [(owner.id, q.id, q.plain) for owner in _owners() for q in owner.questions]


def test_every_scheme_kind_and_question_has_a_plain_wording() -> None:
    for owner in _owners():
        assert owner.plain, f"{owner.id} has no plain name"
        assert not _jargon(owner.plain), (owner.id, owner.plain)
        for q in owner.questions:
            assert q.plain, f"{q.ref} has no plain wording"  # (some were plain already: the same words)
    assert len(_every_question()) >= 80


@pytest.mark.parametrize(("owner", "question", "text"), _every_question(), ids=lambda v: str(v)[:30])
def test_plain_questions_read_easily(owner: str, question: str, text: str) -> None:
    assert text.endswith("?"), text
    assert not _jargon(text), f"{owner}:{question} uses {_jargon(text)}"
    for sentence in re.split(r"(?<=[.?!])\s+", text):
        assert len(sentence.split()) <= MAX_WORDS_A_SENTENCE, sentence
    assert _grade(text) <= MAX_GRADE, f"{text!r}: grade {_grade(text):.1f}"


def test_plain_wording_is_easier_than_the_catalogues_own() -> None:
    plain = [_grade(q.plain) for o in catalogue().schemes for q in o.questions]
    usual = [_grade(q.text) for o in catalogue().schemes for q in o.questions]
    assert sum(plain) / len(plain) < sum(usual) / len(usual) - 1.5


def test_the_python_api_words_questions_plainly() -> None:
    m = uniforms.build_map()
    usual = open_questions(m)
    plain = open_questions(m, plain=True)
    assert [e.node for e in plain] == [e.node for e in usual]
    assert [len(e.open) for e in plain] == [len(e.open) for e in usual]
    for entry in plain:
        for q in entry.open:
            assert q.text == q.plain and not _jargon(q.text)
            assert not _jargon(entry.owner_name(q))
    assert [q.text for e in critical_questions(m) for q in e.open] == [q.text for e in usual for q in e.open]
    texts = question_texts(m, plain=True)
    assert texts and all(not _jargon(t) for ts in texts.values() for t in ts)
    for groups in step_prompts(m, plain=True).values():
        for name, questions in groups:
            assert not _jargon(name) and all(not _jargon(q) for q in questions)


def test_cli_questions_plain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = str(Path(__file__).resolve().parents[2] / "examples" / "conscription.json")
    assert main(["questions", src]) == 0
    usual = capsys.readouterr().out
    assert main(["questions", src, "--plain"]) == 0
    plain = capsys.readouterr().out
    assert "burden: proponent" in usual and "position to know" in usual.lower()
    assert usual.count("  ? ") == plain.count("  ? ") > 10
    assert _jargon(plain) == [], _jargon(plain)


def test_render_questions_plain_draws_no_jargon(tmp_path: Path) -> None:
    m = conscription.build_map()
    usual = " ".join(svg_text_nodes(argmap.render(m, tmp_path / "u.svg", questions=True).read_text("utf-8")))
    plain = " ".join(svg_text_nodes(argmap.render(m, tmp_path / "p.svg", questions=True, plain=True)
                                    .read_text("utf-8")))
    assert "Argument from position to know" in usual or "position to know" in usual.lower()
    assert "someone who would know says so" in plain and "questions to ask about this step" in plain
    for word in ("position to know", "burden", "proponent", "critical question", "argument from"):
        assert word not in plain.lower()
    src = tmp_path / "oped.json"
    argmap.dump(m, src)
    assert main(["render", str(src), "-o", str(tmp_path / "cli.svg"), "--questions", "--plain"]) == 0
    assert "someone who would know says so" in (tmp_path / "cli.svg").read_text("utf-8")


def test_worksheet_and_reveal_plain(tmp_path: Path) -> None:
    m = conscription.build_map()
    ws = make_worksheet(m, 4, seed=1, plain=True)
    pages = worksheet_pages(ws, "a4")
    with pdfplumber.open(io.BytesIO(pdf_document(pages.sheet + pages.key))) as doc:
        text = " ".join(p.extract_text() for p in doc.pages).lower()
    assert "someone who would know says so" in text
    assert "argument from" not in text and "position to know" not in text
    page = reveal_html(m, plain=True)
    shown = " ".join(svg_text_nodes(page)).lower()
    assert "someone who would know says so" in shown and "argument from" not in shown
    assert "argument from" in " ".join(svg_text_nodes(reveal_html(m))).lower()
