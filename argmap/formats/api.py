"""The public entry points for formats: pick a format, read, write or draw, never half-write a file.

``load``/``loads`` read, ``dump``/``dumps`` write, ``render``/``render_bytes`` draw a picture (with
a theme and drawing options); all of them find the format in the one registry
(:mod:`argmap.formats.registry`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Unpack, overload

from argmap import limits as _limits
from argmap.errors import ArgmapError, ParseError
from argmap.formats import registry
from argmap.formats.files import read_text, write_atomic, write_files
from argmap.gc_pause import gc_paused
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework
    from argmap.drawing.options import DrawingKeywords
    from argmap.drawing.themes import Theme
    from argmap.formats.registry import Format

__all__ = ["load", "loads", "dump", "dumps", "render", "render_bytes", "FrameworkFormat", "MapFormat"]


#: The formats that read abstract frameworks, and those that read maps.
FrameworkFormat = Literal["apx", "tgf", "iccma23"]
MapFormat = Literal["json", "yaml", "argdown", "aif", "kialo", "sadface", "microtexts", "graphml"]


@overload
def loads(text: str, format: FrameworkFormat, *, path: str | None = None,
          limits: _limits.Limits | None = None) -> Framework: ...
@overload
def loads(text: str, format: MapFormat, *, path: str | None = None,
          limits: _limits.Limits | None = None) -> ArgumentMap: ...
@overload
def loads(text: str, format: str, *, path: str | None = None,
          limits: _limits.Limits | None = None) -> ArgumentMap | Framework: ...
def loads(text: str, format: str, *, path: str | None = None,
          limits: _limits.Limits | None = None) -> ArgumentMap | Framework:
    """Read a map (or, for ``apx``/``tgf``/``iccma23``, a framework) from text.

    ``limits`` replaces the limits in force while reading (see :mod:`argmap.limits`):

    >>> import argmap
    >>> from argmap.limits import Limits
    >>> argmap.loads("[A]: a", "argdown", limits=Limits(input_bytes=3))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.ParseError: the text is 6 characters long, past the limit of 3 (raise it with ...)
    >>> m = argmap.loads('{"format": "argmap", "version": 1, "claims": [{"id": "t", "text": "T"}]}', "json")
    >>> m.claims["t"].text
    'T'
    """
    fmt = registry.get(format)
    with _limits.using(limits):
        return _read(fmt, text, path)


@overload
def load(path: str | Path, format: FrameworkFormat, *, limits: _limits.Limits | None = None) -> Framework: ...
@overload
def load(path: str | Path, format: MapFormat | None = None, *,
         limits: _limits.Limits | None = None) -> ArgumentMap: ...
@overload
def load(path: str | Path, format: str, *, limits: _limits.Limits | None = None) -> ArgumentMap | Framework: ...
def load(path: str | Path, format: str | None = None, *,
         limits: _limits.Limits | None = None) -> ArgumentMap | Framework:
    """Read a file; the format comes from its name (and content, for ``.json``/``.txt``).

    Type checkers see a map when ``format`` names a map format or is left out, a framework when
    it names ``apx``, ``tgf`` or ``iccma23``. A framework file read by its name alone is still a
    :class:`~argmap.Framework` at run time: pass ``format=`` (or check with ``isinstance``) where
    a file may be either.

    ``limits`` replaces the limits in force while reading, for a file bigger or deeper than
    the defaults allow (``argmap.load(path, limits=Limits(input_bytes=2**30))``); see
    :mod:`argmap.limits`.
    """
    with _limits.using(limits):
        text = read_text(path)
        fmt = registry.get(format) if format else registry.for_path(path, reading=True, text=text)
        return _read(fmt, text, str(path))


@gc_paused()  # objects by the node, no cycles: the collector would walk the whole map again and again
def _read(fmt: Format, text: str, path: str | None) -> ArgumentMap | Framework:
    if fmt.reader is None:
        raise ArgmapError(f"format {fmt.name!r} can be written but not read", param="format")
    if len(text) > _limits.current().input_bytes:
        raise ParseError(_limits.message("input_bytes", "the text", len(text), unit="characters"), path=path)
    result: ArgumentMap | Framework = fmt.reader(text, path)
    return result


def dumps(m: Any, format: str) -> str:
    """Write a map to text in a text format.

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("T", id="t")
    >>> '"text": "T"' in argmap.dumps(m, "json")
    True
    """
    fmt = registry.get(format)
    if fmt.writer is None:
        raise ArgmapError(f"format {fmt.name!r} can be read but not written", param="format")
    if fmt.binary:
        raise ArgmapError(f"format {fmt.name!r} is binary; use argmap.dump(m, path) or argmap.render",
                          param="format")
    out = _write(fmt, m)
    assert isinstance(out, str)
    return out


def dump(m: Any, path: str | Path, format: str | None = None) -> None:
    """Write a map to a file; the format comes from the name unless given."""
    fmt = registry.get(format) if format else registry.for_path(path, reading=False)
    if fmt.writer is None:
        raise ArgmapError(f"format {fmt.name!r} can be read but not written", param="format")
    write_atomic(path, _write(fmt, m))


@gc_paused()  # objects by the node, no cycles: the collector would walk the whole map again and again
def _write(fmt: Format, m: Any) -> str | bytes:
    """The writer's output, refused when UTF-8 cannot encode it (a lone surrogate put in through
    the API: every reader refuses them)."""
    assert fmt.writer is not None
    if not isinstance(m, ArgumentMap) and not fmt.extras.get("frameworks"):
        raise ArgmapError(f"the {fmt.name} format writes argument maps, not a {type(m).__name__}"
                          + ("; Framework.to_map() draws one as a map" if hasattr(m, "to_map") else ""))
    try:
        out = fmt.writer(m)
        if isinstance(out, str):
            out.encode("utf-8")
    except UnicodeEncodeError as exc:
        text = exc.object if isinstance(exc.object, str) else ""
        near = text[max(0, exc.start - 20):exc.start + 20]
        raise ArgmapError(f"cannot write {fmt.name}: the map holds a lone surrogate (half of a character) "
                          f"in {near!r}; no file can hold one, so replace it") from None
    return out


def _picture(name: str) -> Format:
    """The picture format named ``name``; ``ArgmapError`` lists the picture formats otherwise."""
    try:
        fmt = registry.get(name)
    except ArgmapError:
        fmt = None
    if fmt is None or fmt.draw is None:
        names = ", ".join(f.name for f in registry.pictures())
        raise ArgmapError(f"cannot render to {name!r}; outputs: {names}", param="format") from None
    return fmt


def picture_format(path: str | Path) -> str:
    """The picture format a file name asks for (by its last suffix), as ``argmap.render`` reads it.

    >>> picture_format("map.HTM"), picture_format("notes.gv")
    ('html', 'dot')
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not suffix:
        raise ArgmapError(f"cannot tell the output format of {str(path)!r}; add a suffix such as .svg",
                          param="path")
    return next((f.name for f in registry.pictures() if suffix in f.suffixes), suffix.lstrip("."))


def render_bytes(m: ArgumentMap, format: str, theme: str | Theme = "default",
                 **options: Unpack[DrawingKeywords]) -> bytes:
    """The bytes of ``m`` drawn in ``format`` (``svg``, ``png``, ``pdf``, ``dot``, ``html``).

    The options are those of :func:`render`.

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.support(m.claim("T"), "R")
    >>> argmap.render_bytes(m, "svg").startswith(b"<?xml")
    True
    """
    from argmap.drawing.options import DrawingOptions  # only pictures need the drawing part
    from argmap.drawing.themes import get_theme

    get_theme(theme)  # fail on a bad theme before any work
    draw = _picture(format).draw
    assert draw is not None
    return draw(m, theme, DrawingOptions.of(**options))


def render(m: ArgumentMap, path: str | Path, format: str | None = None, theme: str | Theme = "default", *,
           pages: bool | int = False, **options: Unpack[DrawingKeywords]) -> Path:
    """Draw the map to a file and return its path; on any failure no file is left behind.

    The format comes from the suffix (``.svg``, ``.png``, ``.pdf``, ``.dot``, ``.html``) unless
    given. The drawing options (:class:`~argmap.drawing.options.DrawingOptions`): ``legend``
    adds the "How to read this map" box; ``badges`` a line of text to nodes by id;
    ``node_styles`` Graphviz attributes to nodes by id; ``evaluation`` (what ``argmap.evaluate``
    returns) marks each node's status in words and by its border; ``questions=True`` draws each
    step's open critical questions (see ``docs/html.md`` for what a page does with ``None``,
    ``False`` or a mapping); ``focus`` and ``depth`` draw the part of the map around one claim,
    what they hide folded into "+N more" stubs; ``layout`` is ``"auto"``, ``"dot"`` or ``"tree"``;
    ``progress(done, total, what)`` hears how a long drawing goes.

    ``pages=True`` (or a number of claims a page) writes a very large map as linked pages: the
    overview at ``path`` and a page per branch in the folder ``NAME-pages/`` beside it (SVG or
    HTML; see ``docs/big-maps.md``).

    >>> import argmap, tempfile, pathlib
    >>> m = argmap.ArgumentMap(title="Demo")
    >>> _ = m.support(m.claim("T"), "R")
    >>> out = argmap.render(m, pathlib.Path(tempfile.mkdtemp()) / "demo.svg")
    >>> out.suffix, "because" in out.read_text()
    ('.svg', True)
    """
    target = Path(path)
    kind = format or picture_format(target)
    if not pages:
        write_atomic(target, render_bytes(m, kind, theme, **options))
        return target
    from argmap.drawing.options import DrawingOptions
    from argmap.drawing.output import draw_pages
    from argmap.drawing.pages import PER_PAGE

    per_page = PER_PAGE if pages is True else int(pages)
    files = draw_pages(m, kind, theme, DrawingOptions.of(**options), name=target.name, per_page=per_page,
                       progress=options.get("progress"))
    # Every page is drawn before the first is written: a failure leaves no half set behind.
    for name in files:
        (target.parent / name).parent.mkdir(parents=True, exist_ok=True)
    write_files({target.parent / name: data for name, data in files.items()})
    return target
