"""Keep a hand-written file's layout where the student did not edit: a three-way merge of lines.

argmap writes Argdown in a layout of its own. A file a teacher wrote by hand has another: its
comments, its blank lines, its order. Rewriting the whole file after each edit would throw that
away. Instead, three texts are compared line by line:

- ``base``: argmap's writing of the map as it was when the file was last read or saved;
- ``ours``: the file as it is on disk (the hand-written layout);
- ``theirs``: argmap's writing of the map after the edit.

Where the edit changed nothing (``theirs`` equals ``base``) the file keeps its own lines; where
the edit changed something and the file had kept argmap's lines there, the edit's lines go in;
where both added lines at one place, both are kept; where both changed the same lines, the
edit's lines win, so the file says what the map says. The caller then
reads the result back and keeps it only when it gives the edited map (see
:func:`argmap.studio.storage.MapFile.save`); otherwise the file is written in argmap's layout.

>>> base = ["[T]: Tea.", "  + Warm.", ""]
>>> ours = ["// my notes", "[T]: Tea.", "  + Warm.", "", "// end"]
>>> theirs = ["[T]: Tea.", "  + Warm.", "  - Costly.", ""]
>>> merge3(base, ours, theirs)
['// my notes', '[T]: Tea.', '  + Warm.', '  - Costly.', '', '// end']
"""

from __future__ import annotations

from difflib import SequenceMatcher

__all__ = ["merge3"]


def _matches(a: list[str], b: list[str]) -> dict[int, int]:
    """Line ``i`` of ``a`` -> the line of ``b`` it lines up with (monotone: order is kept)."""
    found: dict[int, int] = {}
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            found[block.a + k] = block.b + k
    return found


def merge3(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """Merge the changes from ``base`` to ``theirs`` into ``ours`` (lines); ``theirs`` wins clashes.

    >>> merge3(["a", "b", "c"], ["a", "B", "c"], ["a", "b", "c", "d"])
    ['a', 'B', 'c', 'd']
    >>> merge3(["a", "b"], ["a", "x"], ["a", "y"])  # both changed "b": the edit wins
    ['a', 'y']
    """
    to_ours = _matches(base, ours)
    to_theirs = _matches(base, theirs)
    out: list[str] = []
    i = j = k = 0  # where we are in base, ours and theirs
    # Lines of base that both sides kept are fixed points; between two of them, each side may
    # have changed the stretch of lines, and only one change can be kept.
    anchors = [x for x in range(len(base)) if x in to_ours and x in to_theirs]
    for x in [*anchors, len(base)]:
        jo = to_ours[x] if x < len(base) else len(ours)
        kt = to_theirs[x] if x < len(base) else len(theirs)
        if jo < j or kt < k:
            continue  # not in order with the last anchor on one side: not a fixed point after all
        b_part, o_part, t_part = base[i:x], ours[j:jo], theirs[k:kt]
        if t_part == b_part:
            out.extend(o_part)
        elif o_part in (b_part, t_part):
            out.extend(t_part)
        elif not b_part:
            out.extend(o_part + t_part)  # both added lines here: keep the file's, then the edit's
        else:
            out.extend(t_part)  # both changed the same lines: the edit wins
        if x < len(base):
            out.append(ours[jo])
        i, j, k = x + 1, jo + 1, kt + 1
    return out
