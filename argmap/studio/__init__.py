"""argmap studio: a local web app where students build maps, with the picture and feedback as they go.

``argmap studio FILE --text ARTICLE.txt`` from the command line, or :func:`studio` from Python::

    import argmap
    s = argmap.studio(argmap.load("examples/conscription.json"))   # opens the browser
    ...
    s.map    # the map as the student left it
    s.stop()

The package: :mod:`.edits` (what a student can do to a map), :mod:`.session` (versions, undo,
saving), :mod:`.storage` (the file, written atomically; Argdown keeps its layout, with
:mod:`.layout`), :mod:`.article` (the text beside the map), :mod:`.feedback` (findings,
questions, evaluation in plain words), :mod:`.view` (the picture and the data the page gets),
:mod:`.guard` (who may talk to the server), :mod:`.server` (the Starlette app),
:mod:`.launch` (uvicorn, the browser), and ``assets/`` (the page, its scripts and styles).
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.studio.launch import Studio

__all__ = ["studio", "open_session"]


def open_session(file: str | Path | None = None, *, text: str | Path | None = None,
                 title: str | None = None) -> Any:
    """A :class:`~argmap.studio.session.Session` on ``file`` (read if it exists, else a new map
    saved there) and the article at ``text``; ``ArgmapError``/``ParseError`` name the bad file."""
    from argmap.model import ArgumentMap
    from argmap.studio.article import Article
    from argmap.studio.session import Session
    from argmap.studio.storage import MapFile

    stored = MapFile.open(file) if file is not None else None
    article = Article.read(text) if text is not None else None
    if stored is not None and stored.exists:
        m = stored.read()
    else:
        m = ArgumentMap(title=title or (Path(file).stem.replace("-", " ").replace("_", " ").capitalize()
                                        if file is not None else None))
    return Session(m, stored, article)


def studio(m: ArgumentMap | str | Path | None = None, *, file: str | Path | None = None,
           text: str | Path | None = None, host: str = "127.0.0.1", port: int = 0,
           open_browser: bool = True, block: bool | None = None) -> Studio:
    """Open the studio on a map, in the browser, and return the running :class:`Studio`.

    Args:
        m: a map (the studio edits a copy), or the path of a map file to open and save to, or
            None for a new map.
        file: where to save every change (argmap JSON, YAML or Argdown, by its suffix); with a
            map ``m`` the file is written at the first change. Default: the path ``m``, if any;
            else the map lives in memory only (``studio.map``; Export keeps a copy).
        text: an article (a text file) to show beside the map.
        host, port: where to serve (localhost, any free port by default).
        open_browser: open the studio in the web browser.
        block: wait until Ctrl+C before returning. Default: not in a notebook (where the studio
            runs beside the kernel), else yes.

    Returns:
        The :class:`Studio`: ``url``, ``map`` (the map as it now is), ``stop()``, ``wait()``.
    """
    from argmap.model import ArgumentMap
    from argmap.studio.launch import server_modules, start

    server_modules()
    if isinstance(m, ArgumentMap):
        session = open_session(None, text=text)
        session.map = m.copy()
        if file is not None:
            from argmap.studio.storage import MapFile
            session.file = MapFile.open(file)
    else:
        session = open_session(file if file is not None else m, text=text)
    running = start(session, host=host, port=port, open_browser=open_browser)
    if block is None:
        block = "ipykernel" not in sys.modules
    if block:
        print(f"argmap studio at {running.url} (Ctrl+C to stop)", file=sys.stderr)
        running.wait()
    return running


class _CallableModule(types.ModuleType):
    """``argmap.studio`` is both this package and the function :func:`studio`.

    Importing a submodule (``argmap.studio.server``) rebinds the name ``argmap.studio`` to the
    package, whatever ``argmap/__init__.py`` bound it to; calling the package calls the function,
    so ``argmap.studio(m)`` works either way.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Studio:
        return studio(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
