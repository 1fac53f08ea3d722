"""The 52 hostile payloads in every field of a map, through every format argmap writes.

For each payload: every text writer runs; what it writes is UTF-8, XML outputs are well-formed,
and every format that reads back keeps the text it holds (exactly, or as the format documents it
changes text: Argdown joins lines and collapses spaces, Kialo strips each line). A payload no
file can hold (a lone surrogate) is refused by the writers with an ArgmapError.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, Source
from argmap.errors import ArgmapError
from argmap.formats import registry
from tests.fuzz.harness import ENGINE_FORMATS, after_load
from tests.fuzz.payloads import PAYLOADS

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
PICTURE_FREE = [f.name for f in registry.all_formats() if f.can_write and not f.binary and f.name not in ENGINE_FORMATS]


def payload_map(p: str) -> ArgumentMap:
    """A map with ``p`` in every text field the model has."""
    src = Source(author=p, title=p, outlet=p, url=p, date=p, quote=p, kind=p)
    m = ArgumentMap(title=p, note=p)
    m.meta[p] = p
    t = m.claim(p, id="t", label=p, tags=[p], sources=[src], note=p, data={p: [p, {p: p}]}, group=p, rating=0.5)
    r = m.support(t, m.claim("plain reason", id="r", tags=["x", p]), id="s", label=p, scheme=p, note=p,
                  sources=[src], data={p: p})
    o = m.attack(t, [m.claim(p + " one", id="o1"), m.claim("two " + p, id="o2")], id="a")
    m.attack(o, m.claim(p, id="rb"), id="ra")
    m.undercut(r, m.claim("the step fails: " + p, id="u"), id="uc")
    return m


def _norm_space(text: str) -> str:
    return " ".join(text.split())


#: How a format that reads back may change a claim's text, as its docs say (None: exactly kept).
TEXT_CHANGES: dict[str, Any] = {
    # one line per statement: each line break becomes a space, the ends are trimmed; NUL is U+FFFD
    "argdown": lambda t: t.replace("\r", " ").replace("\n", " ").replace("\x00", "\ufffd").strip(),
    # a line-based export: each line stripped; CR and CRLF are line ends
    "kialo": lambda t: "\n".join(line.strip() for line in re.split(r"\r\n|\r|\n", t)).strip(),
}


def claim_texts(m: Any) -> list[str]:
    return sorted(c.text for c in m.claims)


@pytest.mark.parametrize("fmt", PICTURE_FREE)
@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=lambda i: f"p{i:02d}")
def test_every_writer_keeps_every_payload(fmt: str, index: int) -> None:
    p = PAYLOADS[index]
    m = payload_map(p)
    try:
        out = argmap.dumps(m, fmt)
    except ArgmapError as exc:
        if _LONE_SURROGATE.search(p) and "surrogate" in str(exc):
            return  # no file can hold one: refused, with the reason
        pytest.fail(f"{fmt} refused a payload it should carry: {exc}")
    out.encode("utf-8")
    if out.lstrip().startswith(("<?xml", "<graphml", "<svg")):
        ET.fromstring(out.encode("utf-8"))  # well-formed
    info = registry.get(fmt)
    if not info.can_read:
        return
    back = argmap.loads(out, fmt)
    if not isinstance(back, ArgumentMap):
        return  # an abstract framework keeps no text
    assert not _LONE_SURROGATE.search(p), f"{fmt} wrote a lone surrogate its reader took back"
    back.validate()
    change = TEXT_CHANGES.get(fmt, lambda t: t)
    expected = sorted(change(c.text) for c in m.claims)
    got = claim_texts(back)
    if fmt in ("kialo",):  # one premise per statement, an undercut becomes a claim's Con: texts kept
        assert set(got) == set(expected)
    else:
        assert got == expected
    assert len(back.inferences) >= 1


LOSSLESS = ["json", "yaml", "graphml"]


@pytest.mark.parametrize("fmt", LOSSLESS)
@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=lambda i: f"p{i:02d}")
def test_lossless_formats_keep_every_field(fmt: str, index: int) -> None:
    p = PAYLOADS[index]
    if _LONE_SURROGATE.search(p):
        return
    m = payload_map(p)
    back = argmap.loads(argmap.dumps(m, fmt), fmt)
    assert isinstance(back, ArgumentMap)
    assert back.title == m.title and back.meta == m.meta
    for node in m.graph.nodes:
        want = {k: v for k, v in m.graph.nodes[node].items() if k not in ("line", "path")}
        have = {k: v for k, v in back.graph.nodes[node].items() if k not in ("line", "path")}
        assert have == want, node


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=lambda i: f"p{i:02d}")
def test_argdown_keeps_labels_tags_notes_sources(index: int) -> None:
    p = PAYLOADS[index]
    if _LONE_SURROGATE.search(p):
        return
    m = payload_map(p)
    back = argmap.loads(argmap.dumps(m, "argdown"), "argdown")
    original = m.claims["t"]
    t = back.claims["t"] if "t" in back else next(c for c in back.claims if c.note == original.note)
    change = TEXT_CHANGES["argdown"]
    assert t.text == change(p)
    assert t.label in (p, _norm_space(change(p)))  # a title is one line, its spaces collapsed
    assert t.sources == original.sources
    assert t.note == original.note
    assert t.data == original.data
    assert back.title == m.title


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=lambda i: f"p{i:02d}")
def test_after_any_payload_everything_runs(index: int) -> None:
    """check, evaluate, DOT and every writer take the payload map without a traceback."""
    p = PAYLOADS[index]
    after_load(payload_map(p), "the payload map") if not _LONE_SURROGATE.search(p) else None


def _argdown_cli() -> str | None:
    from tests.formats.argdown_support import argdown_cli

    return argdown_cli()


@pytest.mark.skipif(_argdown_cli() is None, reason="node or the Argdown 2.0 CLI is not installed")
def test_argdown_itself_reads_every_payload_map(tmp_path: Path) -> None:
    """Argdown 2.0 reads what argmap writes for every payload: no syntax error, and no payload
    reaches Argdown as syntax (an ``@include(...)`` in a text used to make it read that file)."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    names = []
    for index, p in enumerate(PAYLOADS):
        if _LONE_SURROGATE.search(p):
            continue
        text = argmap.dumps(payload_map(p), "argdown")
        assert "@include(" not in text
        (src / f"p{index:02d}.argdown").write_text(text, encoding="utf-8")
        names.append(f"p{index:02d}")
    cli = _argdown_cli()
    assert cli is not None
    done = subprocess.run([cli, "json", str(src / "*.argdown"), str(out)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600, check=False)
    assert "syntax error" not in done.stdout + done.stderr
    missing = [n for n in names if not (out / f"{n}.json").is_file()]
    assert not missing, f"Argdown rejected {missing}"
