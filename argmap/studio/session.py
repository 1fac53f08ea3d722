"""One studio session: the map being built, its version, undo and redo, and saving each change.

Every change (an edit, an undo, a redo, an import) goes through :class:`Session` under one lock:
it checks the version the page last saw (a page that is behind, say a second tab, is refused
with :class:`Stale` instead of undoing someone's work), makes the change on the map, saves the
file, and only then counts a new version. A change that fails (a bad edit, a file changed by
another program, a full disk) leaves the map, the history and the file as they were.

>>> s = Session(ArgumentMap(title="Lunch"))
>>> s.edit(0, "thesis", {"text": "We should eat out."}).label
'add the thesis'
>>> s.version, s.can_undo, len(s.map)
(1, True, 1)
>>> s.undo(1).label, len(s.map), s.redo_label
('add the thesis', 0, 'add the thesis')
>>> s.edit(0, "thesis", {"text": "Stale"})
Traceback (most recent call last):
argmap.studio.session.Stale: this map changed since the page last saw it (version 0; it is now at 2)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.studio.article import Article
from argmap.studio.edits import Edited, apply
from argmap.studio.storage import MapFile

__all__ = ["Session", "Stale", "Change", "HISTORY"]

#: How many changes undo can go back.
HISTORY = 200


class Stale(ArgmapError):
    """The page asked for a change to a version of the map that is no longer the current one."""

    def __init__(self, seen: int, current: int) -> None:
        self.seen = seen
        self.current = current
        super().__init__(f"this map changed since the page last saw it (version {seen}; it is now at {current})")


@dataclass(frozen=True)
class Change:
    """What a change did: its name (for the undo list and screen readers) and what to select."""

    label: str
    select: str | None
    version: int


@dataclass
class _Entry:
    """A map as it was before a change, and the change's name."""

    map: ArgumentMap
    label: str
    select: str | None


class Session:
    """The map, its file (None: kept in memory only), the article beside it, and the history."""

    def __init__(self, m: ArgumentMap, file: MapFile | None = None, article: Article | None = None) -> None:
        self.map = m
        self.file = file
        self.article = article
        self.version = 0
        self.lock = threading.RLock()
        self._undo: list[_Entry] = []
        self._redo: list[_Entry] = []

    # -- what the page shows -------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    # -- changes ---------------------------------------------------------------------------------
    def _check(self, seen: int) -> None:
        if not isinstance(seen, int) or isinstance(seen, bool) or seen != self.version:
            raise Stale(seen if isinstance(seen, int) else -1, self.version)

    def _commit(self, before: ArgumentMap, after: ArgumentMap) -> None:
        """Save ``after``; on failure put ``before`` back and let the error through."""
        self.map = after
        if self.file is not None:
            try:
                self.file.save(after)
            except BaseException:
                self.map = before
                raise
        self.version += 1

    def change(self, seen: int, make: Callable[[ArgumentMap], Edited]) -> Change:
        """Make a change on a copy of the map, save it, and remember the map before it."""
        with self.lock:
            self._check(seen)
            before = self.map
            after = before.copy()
            done = make(after)
            self._commit(before, after)
            self._undo.append(_Entry(before, done.label, done.select))
            del self._undo[:-HISTORY]
            self._redo.clear()
            return Change(done.label, done.select, self.version)

    def edit(self, seen: int, op: str, args: Mapping[str, Any]) -> Change:
        """Make edit ``op`` (see :mod:`argmap.studio.edits`) on the map at version ``seen``."""
        like = self.article.credit(self.map) if self.article is not None and "quote" in args else None
        return self.change(seen, lambda m: apply(m, op, args, like=like))

    def replace(self, seen: int, m: ArgumentMap, label: str) -> Change:
        """Put another map in place of this one (an import); undo brings the old one back."""
        return self.change(seen, lambda _old: _Replaced(m, label).edited(_old))

    def adopt(self, seen: int) -> Change:
        """Take the file as another program left it (after :class:`FileChanged`); undo goes back."""
        with self.lock:
            self._check(seen)
            if self.file is None:
                raise ArgmapError("this map has no file")
            before = self.map
            self.map = self.file.read()
            self.version += 1
            self._undo.append(_Entry(before, "load the file as changed on disk", None))
            self._redo.clear()
            thesis = self.map.thesis
            return Change("load the file as changed on disk", thesis.id if thesis else None, self.version)

    def _swap(self, seen: int, source: list[_Entry], target: list[_Entry]) -> Change:
        with self.lock:
            self._check(seen)
            if not source:
                raise ArgmapError("nothing to " + ("undo" if source is self._undo else "redo"))
            entry = source[-1]
            before = self.map
            self._commit(before, entry.map)
            source.pop()
            target.append(_Entry(before, entry.label, entry.select))
            return Change(entry.label, entry.select, self.version)

    def undo(self, seen: int) -> Change:
        """Go back one change."""
        return self._swap(seen, self._undo, self._redo)

    def redo(self, seen: int) -> Change:
        """Make again the change last undone."""
        return self._swap(seen, self._redo, self._undo)


@dataclass(frozen=True)
class _Replaced:
    """An import as an edit: the copy made for the change is dropped for the imported map."""

    new: ArgumentMap
    label: str

    def edited(self, m: ArgumentMap) -> Edited:
        m.graph = self.new.copy().graph
        thesis = m.thesis
        return Edited(self.label, thesis.id if thesis is not None else None)
