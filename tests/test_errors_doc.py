"""docs/errors.md lists every error message argmap has, each with an example and the fix.

The messages are read from the code itself: every error argmap raises with a message written
in the code (``raise ParseError(f"...")``, ``raise line.error("...")``, ``raise self.fail(...)``,
``raise ValueError(...)``: Python's own error types reach users too, a rules file's through a
``ParseError`` for one),
the problems ``validate()`` lists, and the command line's words for a failing file system. Each
must be matched by an example in the page's catalogue (``…`` in a message stands for the part
that varies), and each example must match a message of the code, so the page can neither miss a
new error nor keep one that is gone.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from argmap.cli import failures

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "errors.md"
#: Calls that make an error even where no ``raise`` is in sight (returned by a helper).
_ERRORS = {"ArgmapError", "ParseError", "RenderError", "SetupError", "ValidationError", "UsageError"}
#: A row of the catalogue: ``| ``example`` | fix |`` (double backticks: messages hold single ones).
_ROW = re.compile(r"^\|\s*``\s?(?P<example>.+?)\s?``\s*\|\s*(?P<fix>.*?)\s*\|\s*$", re.M)


def _text(node: ast.AST) -> str | None:
    """The text a message expression writes, with ``…`` for each part filled in at run time."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else "…" for v in node.values)
    if isinstance(node, ast.GeneratorExp | ast.ListComp):  # found.extend(f"..." for ...)
        return _text(node.elt)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        return None if left is None and right is None else (left or "…") + (right or "…")
    return None


def _name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _messages(call: ast.Call) -> list[str]:
    if not call.args:
        return []
    first = call.args[0]
    parts = first.elts if isinstance(first, (ast.List, ast.Tuple)) else [first]
    return [t for t in map(_text, parts) if t is not None]


def message_templates() -> dict[str, str]:
    """Every message in the code (whitespace collapsed, ``…`` for the parts that vary) -> where."""
    found: dict[str, str] = {}

    def keep(text: str, where: str) -> None:
        text = " ".join(text.split())
        if re.search(r"[A-Za-z]", text) and " " in text:  # a word alone is a format's name, not a message;
            # no words at all ("…: …", a message made elsewhere) would match any example
            found.setdefault(text, where)

    for path in sorted((ROOT / "argmap").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            calls: list[ast.Call] = []
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                calls.append(node.exc)  # Python's own error types too: their words reach users as well
            elif isinstance(node, ast.Call) and _name(node) in _ERRORS:
                calls.append(node)
            elif (isinstance(node, ast.Call) and rel.as_posix() == "argmap/validation.py"
                  and _name(node) in ("append", "extend")):
                calls.append(node)  # the problems validate() lists
            for call in calls:
                for text in _messages(call):
                    keep(text, f"{rel}:{call.lineno}")
    for why in failures._WHY.values():  # the command line's words for a failing file system
        keep("cannot write …: " + why, "argmap/cli/failures.py")
    keep("cannot write …: the folder … does not exist", "argmap/cli/failures.py")
    keep("cannot write …: a part of that path is a file, not a folder", "argmap/cli/failures.py")
    keep("cannot write …: it is a device or a socket, not a file", "argmap/formats/files.py")
    keep("internal error (…: …); this is a bug in argmap: please report it with the command and the file "
         "(run `argmap --debug ...` for the details)", "argmap/cli/failures.py")
    return found


def catalogue() -> list[tuple[str, str]]:
    """The page's (example, fix) rows."""
    text = PAGE.read_text(encoding="utf-8")
    return [(" ".join(m.group("example").split()), m.group("fix")) for m in _ROW.finditer(text)]


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(".*?".join(re.escape(part) for part in template.split("…")), re.S)


def _says(pattern: re.Pattern[str], example: str) -> bool:
    """The example is the message, alone or after the ``where: `` that a caller put in front."""
    tails = [example] + [example[i + 2:] for i in range(len(example)) if example.startswith(": ", i)]
    return any(pattern.fullmatch(tail) for tail in tails)


def test_every_message_has_an_example_and_a_fix() -> None:
    rows = catalogue()
    examples = [example for example, _ in rows]
    templates = message_templates()
    missing = [f"{where}: {t}" for t, where in templates.items()
               if not any(_says(_pattern(t), e) for e in examples)]
    assert not missing, "add an example and its fix to docs/errors.md for:\n" + "\n".join(missing)
    patterns = [_pattern(t) for t in templates]
    stale = [e for e in examples if not any(_says(p, e) for p in patterns)]
    assert not stale, "these examples match no message argmap has (any more):\n" + "\n".join(stale)
    assert all(fix and fix != "-" for _, fix in rows)


def test_the_extractor_finds_messages_of_every_kind() -> None:
    """The reader of the code must not go blind: samples of each way an error is made."""
    templates = message_templates()
    for sample in ("no such file", "unknown format …; known formats: …",  # raise ParseError / ArgmapError
                   "a heading needs a title",  # raise line.error(...)
                   "claim …: text is blank",  # validate()'s problems
                   "cannot write …: the disk is full",  # the command line's file-system words
                   "… is the input file …; writing it would destroy the input: name another file"):
        assert sample in templates, sample
    assert len(templates) > 200


def test_the_exit_statuses_read_the_same_everywhere() -> None:
    """--help, the README and this page say what the program does (argmap.cli.failures)."""
    from argmap.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = " ".join(readme[readme.index("Exit status:"):].split("\n\n")[0].split())
    page = PAGE.read_text(encoding="utf-8")
    epilog = " ".join((build_parser().epilog or "").split())
    for number, words in failures.MEANINGS.items():
        assert f"{number} {words}" in line, (number, words)
        assert f"{number} {words}" in epilog
        assert re.search(rf"^\| {number} \| {re.escape(words)}", page, re.M), (number, words)
    assert f"{max(failures.MEANINGS) + 1} " not in line  # no status the program does not have
