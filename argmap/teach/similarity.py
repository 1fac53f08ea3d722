"""How alike two claims' texts are: by spelling (rapidfuzz) and by meaning (WordLlama, optional).

Spelling similarity is the mean of rapidfuzz's ``token_sort_ratio`` (the words, in any order)
and ``token_set_ratio`` (a shortened paraphrase still scores high) on lower-cased words without
punctuation: it forgives typos and word order, not new words. Meaning similarity is the cosine of
two sentence embeddings from WordLlama's ``l2_supercat`` model (MIT; its 16 MB of weights ship
inside the ``wordllama`` wheel): "letting them in" and "accepting them" come out alike though
they share no word. It is optional (``pip install 'argmap[grade]'``); without it, texts are
compared by spelling alone and :func:`text_method` says so.

The model is loaded from the package's own folder with downloads disabled, so it never reaches
for the network; a missing or broken model file means spelling alone, never a download.

>>> round(spelling("Cats need no walks.", "cats need NO walks"), 2)
1.0
>>> spelling("Cats need no walks.", "Taxes should rise.") < 0.5
True
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["content_words", "spelling", "spelling_matrix", "meaning_matrix", "text_matrix", "text_method",
           "meaning_available", "MEANING_MODEL"]

#: The WordLlama model used for meaning: its configuration name and embedding size.
MEANING_MODEL = ("l2_supercat", 256)

#: How much meaning counts against spelling when both are known (they add up to 1).
MEANING_SHARE = 0.6


# Words that carry little of a claim's content, for counting how much a claim says.
_FUNCTION_WORDS_TEXT = """
a an the and or but nor so yet if then than as of to in on at by for with from into onto over under
about up down out off is are was were be been being am it its it's this that these those there here
they them their theirs he him his she her hers we us our ours you your yours i me my mine one
do does did doing done have has had having will would shall should can could may might must
not no just also only even very too really quite some any all such more most much many
what which who whom whose when where why how because while though although
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry content: lower-cased, without punctuation and function
    words ("the", "is", "they", ...). Digits and text-speak count as words.

    >>> content_words("It's a mistake to turn them away!")
    ['mistake', 'turn', 'away']
    """
    import re

    return [w for w in re.findall(r"[\w']+", text.lower()) if w not in _FUNCTION_WORDS]


def spelling(a: str, b: str) -> float:
    """Spelling similarity of two texts, 0-1, ignoring case, punctuation and word order."""
    from rapidfuzz import fuzz, utils  # imported when grading, not when the CLI starts

    order_free = fuzz.token_sort_ratio(a, b, processor=utils.default_process)
    subset = fuzz.token_set_ratio(a, b, processor=utils.default_process)
    return float(order_free + subset) / 200


def spelling_matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Spelling similarity of every text of ``a`` with every text of ``b``: a len(a) x len(b) array.

    >>> spelling_matrix(["red apple", "blue sky"], ["a red apple"]).shape
    (2, 1)
    """
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    if not a or not b:
        return np.zeros((len(a), len(b)))
    order_free = process.cdist(a, b, scorer=fuzz.token_sort_ratio, processor=utils.default_process)
    subset = process.cdist(a, b, scorer=fuzz.token_set_ratio, processor=utils.default_process)
    return (np.asarray(order_free, dtype=float) + np.asarray(subset, dtype=float)) / 200  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def _meaning_model() -> Any | None:
    """WordLlama's packaged model, or None when the package or its files are not there."""
    try:
        root = logging.getLogger()
        handlers, level = list(root.handlers), root.level
        try:
            import wordllama
        finally:
            # wordllama calls logging.basicConfig() on import; the program's logging is not its to set.
            root.handlers[:] = handlers
            root.setLevel(level)
        folder = Path(wordllama.__file__).parent
        config, dim = MEANING_MODEL
        # cache_dir is the package folder itself: the weights and the tokenizer file both lie
        # there, and disable_download makes a missing file an error instead of a download.
        return wordllama.WordLlama.load(config, cache_dir=folder, dim=dim, disable_download=True)
    except (ImportError, OSError, ValueError):
        return None


def meaning_available() -> bool:
    """True when the meaning model can be loaded (the ``grade`` extra is installed)."""
    return _meaning_model() is not None


def meaning_matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray | None:
    """Meaning similarity (cosine of sentence embeddings, 0-1) of every text of ``a`` with every
    text of ``b``, or None without the meaning model.

    >>> m = meaning_matrix(["We should let them in."], ["Accept the refugees.", "Cats purr."])
    >>> m is None or bool(m[0, 0] > m[0, 1])
    True
    """
    import numpy as np

    model = _meaning_model()
    if model is None:
        return None
    if not a or not b:
        return np.zeros((len(a), len(b)))
    left = np.asarray(model.embed(list(a), norm=True), dtype=float)
    right = np.asarray(model.embed(list(b), norm=True), dtype=float)
    return np.clip(left @ right.T, 0.0, 1.0)  # type: ignore[no-any-return]


def text_matrix(a: Sequence[str], b: Sequence[str], *, meaning: bool = True) -> np.ndarray:
    """How alike the texts are, 0-1: meaning and spelling mixed (:data:`MEANING_SHARE`), or
    spelling alone when ``meaning`` is False or the model is not installed.

    >>> text_matrix(["Tea is good."], ["tea is good"], meaning=False).round(2).tolist()
    [[1.0]]
    """
    spelt = spelling_matrix(a, b)
    meant = meaning_matrix(a, b) if meaning else None
    if meant is None:
        return spelt
    return MEANING_SHARE * meant + (1 - MEANING_SHARE) * spelt


def text_method(meaning: bool = True) -> str:
    """What :func:`text_matrix` compares, in words, for reports.

    >>> text_method(meaning=False)
    'spelling only (rapidfuzz)'
    """
    if meaning and meaning_available():
        config, dim = MEANING_MODEL
        return f"meaning (WordLlama {config}-{dim}, offline) and spelling (rapidfuzz)"
    if meaning:
        return "spelling only (rapidfuzz; pip install 'argmap[grade]' to compare meaning too)"
    return "spelling only (rapidfuzz)"
