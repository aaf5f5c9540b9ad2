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
    pattern = alternation(list(phrases), ignore_case=ignore_case)
    return re.compile(rf"{lead}(?:{pattern})(?!\w)", re.IGNORECASE if ignore_case else 0)


_END = ""  # the trie key marking "a phrase ends here"


def alternation(phrases: list[str], *, ignore_case: bool = False) -> str:
    r"""A regex matching any of ``phrases``, the longest first, spaces matching any whitespace.

    Built as a trie ("Sở Tài chính|Sở Tư pháp" → ``Sở\s+T(?:ài\s+chính|ư\s+pháp)``): at each
    character one branch at most can go on, so a long list costs what one phrase costs, where a flat
    alternation tries every phrase at every position. Give ``ignore_case`` when the pattern is compiled
    with ``re.IGNORECASE``, so that "Sở" and "sở" share a branch.

    >>> alternation(["Sở Tài chính", "Sở Tư pháp", "Sở"])
    'Sở(?:\\s+T(?:ài\\s+chính|ư\\s+pháp))?'
    >>> bool(re.fullmatch(alternation(["ủy ban", "Ủy ban nhân dân"], ignore_case=True), "ỦY BAN  NHÂN DÂN", re.I))
    True
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for token in _tokens(phrase):
            key = token.lower() if ignore_case else token
            node = node.setdefault(key, {})
        node[_END] = {}
    return _trie_pattern(trie)


def _tokens(phrase: str) -> list[str]:
    out: list[str] = []
    for n, word in enumerate(phrase.split()):
        if n:
            out.append(" ")
        out.extend(word)
    return out


def _trie_pattern(node: dict) -> str:
    branches = []
    for key in sorted(k for k in node if k != _END):
        token = r"\s+" if key == " " else re.escape(key)
        branches.append(token + _trie_pattern(node[key]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return f"(?:{body})?"  # greedy: the longer phrase first, the shorter when the rest fails
    return body
