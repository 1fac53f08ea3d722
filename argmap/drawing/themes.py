"""Themes: fonts, colours and the non-colour cues (line style, arrowhead, word) of each relation.

Every theme keeps a word and a line style for each relation, so a map reads in greyscale and for
colour-blind readers (WCAG 1.4.1); colour only adds to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from argmap.errors import ArgmapError
from argmap.text import ROLE_WORDS

__all__ = ["Theme", "RelationStyle", "RoleStyle", "THEMES", "get_theme", "FONT_FALLBACK"]

#: The layout engine measures DejaVu Sans correctly; viewers without it fall back to fonts at
#: least as narrow, so text never overflows its box.
FONT = "DejaVu Sans"
FONT_FALLBACK = "DejaVu Sans,Verdana,Bitstream Vera Sans,Arial,Helvetica,sans-serif"


@dataclass(frozen=True)
class RelationStyle:
    """How one kind of step is drawn: its word, colour, line style and arrowhead."""

    word: str
    color: str
    fill: str
    style: str
    arrowhead: str
    meaning: str


@dataclass(frozen=True)
class RoleStyle:
    """How a claim box of one role is drawn: its heading word, border and fill."""

    heading: str
    border: str
    fill: str


@dataclass(frozen=True)
class Theme:
    """A complete look. ``relations`` is keyed by inference role, ``roles`` by claim role."""

    name: str
    fontname: str = FONT
    fontsize: float = 12.0
    small: float = 9.0
    title_size: float = 20.0
    wrap: int = 34
    penwidth: float = 1.6
    text_color: str = "#1a1a1a"
    muted: str = "#555555"
    background: str = "white"
    relations: dict[str, RelationStyle] = field(default_factory=dict)
    roles: dict[str, RoleStyle] = field(default_factory=dict)


def _roles(**colours: tuple[str, str]) -> dict[str, RoleStyle]:
    """Claim box styles by role from (border, fill) colours; the heading is the role in capitals."""
    return {role: RoleStyle(ROLE_WORDS[role].upper(), border, fill) for role, (border, fill) in colours.items()}


_DEFAULT_RELATIONS = {
    "reason": RelationStyle("because", "#2e7d32", "#e8f5e9", "solid", "normal",
                            "a reason: supports what it points to"),
    "objection": RelationStyle("but", "#c62828", "#ffebee", "dashed", "normal",
                               "an objection: speaks against what it points to"),
    "rebuttal": RelationStyle("however", "#e65100", "#fff3e0", "dotted", "normal",
                              "a rebuttal: answers an objection"),
    "undercut": RelationStyle("undercuts", "#6a1b9a", "#f3e5f5", "dashed", "tee",
                              "an undercut: the step does not follow"),
}
_DEFAULT_ROLES = _roles(
    thesis=("#0d47a1", "#e3f2fd"),
    reason=("#2e7d32", "#f1f8e9"),
    objection=("#c62828", "#fdecea"),
    rebuttal=("#e65100", "#fff3e0"),
    premise=("#455a64", "#fafafa"),
)

DEFAULT = Theme("default", relations=_DEFAULT_RELATIONS, roles=_DEFAULT_ROLES)

# Greyscale for printing: line style, arrowhead and word carry everything.
PRINT = replace(
    DEFAULT,
    name="print",
    relations={k: replace(v, color="#000000", fill="#ffffff") for k, v in _DEFAULT_RELATIONS.items()},
    roles=_roles(
        thesis=("#000000", "#e0e0e0"),
        reason=("#000000", "#ffffff"),
        objection=("#000000", "#f2f2f2"),
        rebuttal=("#000000", "#ffffff"),
        premise=("#000000", "#ffffff"),
    ),
)

# Okabe-Ito palette: bluish green, vermillion, orange, reddish purple, blue.
COLORBLIND = replace(
    DEFAULT,
    name="colorblind",
    relations={
        "reason": replace(_DEFAULT_RELATIONS["reason"], color="#009E73", fill="#e0f5ee"),
        "objection": replace(_DEFAULT_RELATIONS["objection"], color="#D55E00", fill="#fbe9df"),
        "rebuttal": replace(_DEFAULT_RELATIONS["rebuttal"], color="#E69F00", fill="#fdf3dc"),
        "undercut": replace(_DEFAULT_RELATIONS["undercut"], color="#CC79A7", fill="#f8ebf3"),
    },
    roles=_roles(
        thesis=("#0072B2", "#e0eef7"),
        reason=("#009E73", "#eef9f5"),
        objection=("#D55E00", "#fcefe6"),
        rebuttal=("#E69F00", "#fef7e6"),
        premise=("#555555", "#fafafa"),
    ),
)

PROJECTOR = replace(DEFAULT, name="projector", fontsize=18.0, small=13.0, title_size=28.0,
                    wrap=28, penwidth=2.6)

THEMES: dict[str, Theme] = {t.name: t for t in (DEFAULT, PRINT, COLORBLIND, PROJECTOR)}


def get_theme(theme: str | Theme) -> Theme:
    """A theme by name (or the theme itself); ``ArgmapError`` lists the names otherwise.

    >>> get_theme("print").relations["objection"].style
    'dashed'
    """
    if isinstance(theme, Theme):
        return theme
    try:
        return THEMES[theme]
    except KeyError:
        raise ArgmapError(f"unknown theme {theme!r}; themes: {', '.join(THEMES)}", param="theme") from None
