"""Shared by the abstract-framework formats (``apx``, ``tgf``, ``iccma23``): what a writer accepts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework

__all__ = ["as_framework", "require_plain_ids", "refuse_blank"]


def as_framework(obj: Any) -> Framework:
    """A framework as is; a map becomes its derived framework (``Framework.from_map``).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.attack(m.claim("T", id="t"), m.claim("O", id="o"), id="a")
    >>> as_framework(m).ids
    ['t', 'o', 'a']
    """
    from argmap.analysis.framework import Framework  # numpy loads only when needed


    if isinstance(obj, Framework):
        return obj
    from argmap.model import ArgumentMap

    if isinstance(obj, ArgumentMap):
        return Framework.from_map(obj)
    raise ArgmapError(f"an abstract-framework format writes a Framework or an ArgumentMap, not {type(obj).__name__}")


def require_plain_ids(fw: Framework, forbidden: str, fmt: str) -> None:
    """Refuse ids the format could not read back (whitespace or its own punctuation in them)."""
    for arg in fw.ids:
        if any(ch.isspace() or ch in forbidden for ch in arg):
            raise ArgmapError(
                f"argument id {arg!r} cannot be written in {fmt}: ids there may not contain "
                f"whitespace or any of {forbidden!r}"
            )



def refuse_blank(text: str, path: str | None, fmt: str) -> None:
    """An empty file is refused, as by every reader (a framework of no arguments still has lines)."""
    from argmap.formats.located import refuse_blank as refuse

    refuse(text, path, f"an {fmt} framework")
