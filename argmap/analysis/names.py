"""The names of the semantics and strength methods: light to import (no numpy), for the CLI."""

from __future__ import annotations

from typing import Literal

from argmap.text import STATUS_WORDS

__all__ = ["SEMANTICS", "GRADUAL", "ALIASES", "STATUS", "DungSemantics", "GradualMethod"]

#: The names (and ICCMA's abbreviations) of the semantics that label: ``evaluate`` gives an Evaluation.
DungSemantics = Literal["grounded", "complete", "preferred", "stable", "semi-stable", "ideal",
                        "gr", "co", "pr", "st", "sst", "semistable", "semi_stable", "id"]
#: The names of the gradual methods: ``evaluate`` gives Strengths.
GradualMethod = Literal["dfquad", "quadratic-energy", "df-quad", "df_quad", "qe", "quadratic_energy",
                        "quadraticenergy"]

#: Dung semantics, by name.
SEMANTICS: tuple[str, ...] = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal")
#: Gradual strength methods (computed by ``argmap.analysis.strength``).
GRADUAL: tuple[str, ...] = ("dfquad", "quadratic-energy")
#: Other accepted spellings, including ICCMA's abbreviations.
ALIASES: dict[str, str] = {
    "gr": "grounded", "co": "complete", "pr": "preferred", "st": "stable", "sst": "semi-stable",
    "semistable": "semi-stable", "semi_stable": "semi-stable", "id": "ideal",
    "df-quad": "dfquad", "df_quad": "dfquad", "qe": "quadratic-energy",
    "quadratic_energy": "quadratic-energy", "quadraticenergy": "quadratic-energy",
}
#: The word shown for each label (one table for every layer: :data:`argmap.text.STATUS_WORDS`).
STATUS: dict[str, str] = STATUS_WORDS
