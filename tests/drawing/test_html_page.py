"""The map page's text, checked without a browser: safe embedding, CSP, folds, formats, notebooks."""

from __future__ import annotations

import base64
import enum
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.drawing.folds import fold_sets, fold_tree
from argmap.drawing.html import page_data
from argmap.drawing.output import notebook_html
from argmap.drawing.page import embed_json
from argmap.errors import ArgmapError
from argmap.outline import outline
from argmap.text import safe_url
from tests.drawing.html_maps import BAD_URLS, HOSTILE, PAYLOAD, debate_map, hostile_map

ROOT = Path(__file__).resolve().parents[2]


def page_of(m: argmap.ArgumentMap, **options: Any) -> str:
    """The map's page as ``argmap.render`` writes it."""
    return argmap.render_bytes(m, "html", **options).decode("utf-8")


class Tags(HTMLParser):
    """Every start tag with its attributes, as an HTML tokenizer sees them, plus script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)
        self._in = None


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile_page() -> str:
    m = hostile_map()
    nodes = list(m.graph.nodes)
    return page_of(m, evaluation={n: HOSTILE[1] for n in nodes}, questions={n: HOSTILE for n in nodes})


def test_hostile_text_stays_text(hostile_page: str) -> None:
    tags = parse(hostile_page)
    names = [tag for tag, _ in tags.tags]
    assert names.count("script") == 2 and names.count("style") == 2  # the page's, and one for no-script
    for forbidden in ("img", "iframe", "a", "foreignobject", "object", "embed", "base", "link", "form"):
        assert forbidden not in names
    for tag, attrs in tags.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("href", "src", "srcdoc", "style", "xlink:href"), (tag, name)
            assert "javascript:" not in (value or "").lower() or name in ("data-node", "aria-label"), (tag, name)
    # The data block is JSON that no text can end early, and it reads back exactly.
    data_text = tags.scripts[0]
    assert "<" not in data_text and ">" not in data_text and "&" not in data_text
    data = json.loads(data_text)
    m = hostile_map()
    assert [n["id"] for n in data["nodes"]] == list(m.graph.nodes)
    thesis = data["nodes"][0]
    assert m.thesis is not None and thesis["text"] == m.thesis.text
    assert thesis["label"] == HOSTILE[1] and thesis["tags"] == HOSTILE[:4]
    # Only http(s) and mailto URLs get an href; these are all dangerous, so none does.
    sources = [s for n in data["nodes"] for s in n.get("sources", [])]
    assert {s["url"] for s in sources if "url" in s} <= set(BAD_URLS)
    assert not any("href" in s for s in sources)


def test_csp_allows_exactly_the_inline_script_and_style(hostile_page: str) -> None:
    tags = parse(hostile_page)
    csp = next(attrs["content"] for tag, attrs in tags.tags
               if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == sha(tags.scripts[1])
    assert directives["style-src"] == " ".join(sha(style) for style in tags.styles)
    assert directives["connect-src"] == "'none'" and directives["img-src"] == "'none'"


def test_page_is_deterministic() -> None:
    assert page_of(debate_map()) == page_of(debate_map())
    assert debate_map()._repr_html_() == debate_map()._repr_html_()


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/x?y=1#z", "https://example.org/x?y=1#z"),
    ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
    ("  mailto:a@example.org  ", "mailto:a@example.org"),
    ("ftp://example.org/file", None),
    ("//example.org", None),
    ("https:example.org", None),
    ("https://", None),
    ("https://exa mple.org", None),
    ("mailto:", None),
    ("", None),
    (None, None),
    *[(bad, None) for bad in BAD_URLS],
])
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_embed_json_escapes_what_could_end_a_script() -> None:
    text = "</script><!-- & \u2028\u2029 <SCRIPT>"
    out = embed_json({"t": text})
    assert not re.search(r"[<>&\u2028\u2029]", out)
    assert json.loads(out)["t"] == text


def test_page_data_carries_evaluation_questions_and_folds() -> None:
    class Label(enum.Enum):
        IN = "in"

    m = debate_map()
    data = page_data(m, evaluation={"thesis": Label.IN, "cost": "out", "safety": 0.8125, "data": True,
                                    "grant": "contested"},
                     questions={"r1": ["Q1?", "Q2?"]})
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["thesis"]["evaluation"] == {"status": "accepted", "code": "in"}
    assert nodes["cost"]["evaluation"]["status"] == "rejected"
    assert nodes["safety"]["evaluation"] == {"strength": 0.812}
    assert nodes["data"]["evaluation"] == {"status": "accepted"}
    assert nodes["grant"]["evaluation"]["status"] == "contested"
    assert nodes["r1"]["questions"] == ["Q1?", "Q2?"] and nodes["r1"]["scheme"] == "argument from consequences"
    ids = [n["id"] for n in data["nodes"]]
    folds = fold_sets(m)
    for claim in m.claims:
        entry = nodes[claim.id]
        assert entry["folds"] == sum(1 for x in folds[claim.id] if m[x].kind == "claim")
        assert {ids[k] for k in entry["kids"]} == set(fold_tree(m)[claim.id])
    assert nodes["thesis"]["sources"][0]["href"] == "https://example.org/minutes"
    assert "href" not in nodes["thesis"]["sources"][1]


def test_options_are_checked() -> None:
    with pytest.raises(ArgmapError, match="evaluation="):
        page_of(debate_map(), evaluation=["in"])
    with pytest.raises(ArgmapError, match="questions="):
        page_of(debate_map(), questions="why?")


def test_outline_is_nested_lists_in_reading_order() -> None:
    m = debate_map()
    page = page_of(m)
    nav = page[page.index('<nav class="am-outline"'):page.index("</nav>")]
    numbers = re.findall(r'<span class="am-ol-number">([^<]*)</span>', nav)
    assert numbers == [item.number for item in outline(m)]
    assert nav.count("<ol>") == nav.count("</ol>") and "<ol><li" in nav
    depth = max(item.depth for item in outline(m))
    assert "<ol>" * 1 in nav and nav.count("<ol>") > depth


def _brute_fold(graph: nx.DiGraph, c: str) -> set[str]:
    """Ancestors of c from which no thesis can be reached once c is taken away."""
    rest = graph.copy()
    rest.remove_node(c)
    theses = [n for n in graph if graph.out_degree(n) == 0 and n != c]
    reaches_top = set(theses)
    for t in theses:
        reaches_top |= nx.ancestors(rest, t)
    return {a for a in nx.ancestors(graph, c) if a not in reaches_top}


@st.composite
def random_maps(draw: st.DrawFn) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    claims = [m.claim("c0", id="c0")]
    targets: list[str] = ["c0"]
    for k in range(draw(st.integers(1, 12))):
        target = draw(st.sampled_from(targets))
        reuse = draw(st.lists(st.sampled_from(claims), max_size=2, unique=True))
        reuse = [c for c in reuse if c.id != target and not nx.has_path(m.graph, target, c.id)]
        fresh = [m.claim(f"n{k}", id=f"n{k}")] if not reuse or draw(st.booleans()) else []
        step = m.infer(draw(st.sampled_from(["support", "attack"])), target, reuse + fresh, id=f"i{k}")
        claims.extend(fresh)
        targets.extend([c.id for c in fresh] + [step.id])
    return m


@settings(max_examples=80, deadline=None)
@given(random_maps())
def test_fold_is_what_reaches_a_thesis_only_through_the_claim(m: argmap.ArgumentMap) -> None:
    folds = fold_sets(m)
    for claim in m.claims:
        assert folds[claim.id] == _brute_fold(m.graph, claim.id)


def test_a_cycle_without_thesis_folds_nothing_outside_itself() -> None:
    m = argmap.ArgumentMap()
    a, b = m.claim("A", id="a"), m.claim("B", id="b")
    m.support(a, b, id="ab")
    m.support(b, a, id="ba")
    m.support(a, m.claim("C", id="c"), id="ca")
    folds = fold_sets(m)
    assert folds["a"] == {"ab", "ca", "c"} and folds["b"] == {"ba"}


def test_html_format_and_cli(tmp_path: Path) -> None:
    m = debate_map()
    assert argmap.dumps(m, "html").startswith("<!DOCTYPE html>")
    argmap.dump(m, tmp_path / "map.htm")
    assert "am-root" in (tmp_path / "map.htm").read_text(encoding="utf-8")
    argmap.dump(m, tmp_path / "map.json")
    done = subprocess.run([sys.executable, "-m", "argmap", "render", str(tmp_path / "map.json"),
                           "-o", str(tmp_path / "out.html")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.html").read_text(encoding="utf-8") == page_of(argmap.load(tmp_path / "map.json"))


def test_notebook_fragment_is_scoped() -> None:
    m = debate_map()
    fragment = m._repr_html_()
    scope = re.match(r'<div id="(argmap-[0-9a-f]{12})" class="am-root', fragment)
    assert scope is not None
    assert "<html" not in fragment and "<meta" not in fragment and "#am-root" not in fragment
    css = re.search(r"<style>(.*?)</style>", fragment, re.S)
    assert css is not None
    rules = re.sub(r"/\*.*?\*/", "", css.group(1), flags=re.S)
    rules = re.sub(r"@media[^{]*\{", "", rules)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", rules) for s in block.split(",")]
    assert selectors and all(s.startswith("#" + scope.group(1)) for s in selectors), selectors
    assert "@page" not in fragment  # a notebook's own printing is not ours to change
    # The script defines nothing global: one IIFE, and no `var` outside it.
    script = fragment[fragment.rindex("<script>") + 8: fragment.rindex("</script>")]
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S).strip()
    assert code.startswith("(function () {") and code.endswith("}());")
    assert notebook_html(debate_map()) == fragment
    other = argmap.ArgumentMap()
    other.claim("Another map", id="thesis")
    assert other._repr_html_()[:40] != fragment[:40]  # another map, another scope


def test_page_payload_never_appears_unescaped(hostile_page: str) -> None:
    # Outside the JSON block (\\u escapes) and the SVG/outline text (entities), the payload's
    # markup never appears literally.
    assert f"<script>{PAYLOAD}" not in hostile_page
    assert "<img" not in hostile_page and "<iframe" not in hostile_page and "<svg onload" not in hostile_page


def _notebook_maker() -> Any:
    spec = importlib.util.spec_from_file_location("make_notebook", ROOT / "examples" / "make_notebook.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_notebook_is_valid_and_current(tmp_path: Path) -> None:
    path = ROOT / "examples" / "notebook.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and notebook["nbformat_minor"] >= 5
    ids = [cell["id"] for cell in notebook["cells"]]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", i) for i in ids)
    for cell in notebook["cells"]:
        assert cell["cell_type"] in ("markdown", "code") and isinstance(cell["source"], list)
        if cell["cell_type"] == "code":
            assert {o["output_type"] for o in cell["outputs"]} <= {"execute_result", "display_data", "stream"}
    # Its code runs, and the stored outputs are what the code displays today
    # (regenerate with `python examples/make_notebook.py`).
    assert _notebook_maker().dumps(_notebook_maker().build(tmp_path)) == path.read_text(encoding="utf-8")
    assert (tmp_path / "school-start.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _data(page: str) -> dict[str, Any]:
    return json.loads(parse(page).scripts[0])  # type: ignore[no-any-return]


def test_open_critical_questions_come_from_the_catalogue() -> None:
    from argmap.analysis.questions import open_questions
    from argmap.gallery.conscription import build_map

    m = build_map()
    nodes = {n["id"]: n for n in _data(page_of(m))["nodes"]}
    expected = {entry.node: len(entry.open) for entry in open_questions(m)}
    assert expected and {k: len(nodes[k].get("questions", [])) for k in expected} == expected
    assert all("questions" not in n for n in _data(page_of(m, questions=False))["nodes"])
    given = _data(page_of(m, questions={"thesis": ["Who benefits?"]}))["nodes"]
    assert [n["id"] for n in given if "questions" in n] == ["thesis"]
    # questions=True (like `argmap render --questions`) also draws them as prompt boxes, which fold
    # with their step: each box is tied to it.
    with_boxes = page_of(m, questions=True)
    steps = set(re.findall(r'<g class="node prompt questions" data-linked="([^"]+)"', with_boxes))
    assert steps and steps <= set(expected)
