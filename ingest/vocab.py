"""The cue phrases of ``cues.toml``, loaded once."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def cues() -> dict:
    with resources.files(__package__).joinpath("cues.toml").open("rb") as handle:
        return tomllib.load(handle)


def alternation(phrases: list[str]) -> str:
    """A regex alternation of ``phrases``, longest first, spaces matching any whitespace."""
    parts = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
