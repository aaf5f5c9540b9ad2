"""The vocabulary files of ``ingest/`` (cue phrases, agency-list words, target words), loaded once."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    """One TOML data file of this package: ``load("duties.toml")``."""
    with resources.files(__package__).joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def cues() -> dict:
    """The cue phrases of ``cues.toml`` (header and reference cues)."""
    return load("cues.toml")


def duties() -> dict:
    """The words of ``duties.toml`` (assignments, agency lists, deadlines, targets)."""
    return load("duties.toml")


def phrases_re(phrases, *, at_start: bool = False, ignore_case: bool = True) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words (``at_start``: only at the start of the string searched)."""
    lead = "^" if at_start else r"(?<!\w)"
    return re.compile(rf"{lead}(?:{alternation(list(phrases))})(?!\w)", re.IGNORECASE if ignore_case else 0)


def alternation(phrases: list[str]) -> str:
    """A regex alternation of ``phrases``, longest first, spaces matching any whitespace."""
    parts = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
