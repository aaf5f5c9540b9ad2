"""The app's words, in Vietnamese first and English on request, from ``ui/labels.toml`` (no Vietnamese in code).

``t("find.title")`` is the current language's text (``st.session_state["lang"]``, else ``?lang=``, else
Vietnamese). Values shown in tables go through :func:`shown`: days as dd/mm/yyyy, roles and relations in
words, "không có" for what is missing.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any, Iterable

import pandas as pd
import streamlit as st

from graph.errors import LineageError

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LANG_KEY = "lang"
# Columns holding a day (ISO "2025-07-25", "2025-07" or "2025"), shown dd/mm/yyyy.
DATE_COLUMNS = frozenset({"issue_date", "deadline", "date", "directive_date", "source_date"})
# Columns whose values are words of the app's own vocabulary, translated through labels.toml's [values.<column>].
WORD_COLUMNS = frozenset({"role", "relation", "type", "kind", "direction", "reason", "stub", "overdue",
                          "relayed", "comparator", "cites", "inferred"})


@cache
def _labels() -> dict[str, dict[str, Any]]:
    with resources.files(__package__).joinpath("labels.toml").open("rb") as handle:
        data = tomllib.load(handle)
    missing = set(LANGUAGES) - set(data)
    if missing:
        raise LineageError(f"ui/labels.toml: no [{', '.join(sorted(missing))}] table; add one per language")
    return data


def data(section: str) -> Any:
    """A language-neutral table of ``labels.toml`` (``[style]``: colours by document type, short names)."""
    return _labels()[section]


def lang() -> str:
    chosen = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY)
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def _lookup(language: str, key: str) -> Any:
    node: Any = _labels()[language]
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise LineageError(f"ui/labels.toml: no [{language}] key {key!r}; add it")
        node = node[part]
    return node


def t(key: str, **fmt: Any) -> str:
    """The text of ``key`` ("find.title") in the current language, with ``{fields}`` filled from ``fmt``."""
    text = _lookup(lang(), key)
    return text.format(**fmt) if fmt else text


def day(value: str | None) -> str:
    """An ISO day as people write it here: "2025-07-25" → "25/07/2025", "2025-07" → "07/2025", "2025" → "2025".

    >>> day("2025-07-25"), day("2025-07"), day("2025")
    ('25/07/2025', '07/2025', '2025')
    """
    if not value:
        return t("missing")
    return "/".join(reversed(str(value)[:10].split("-")))


def word(column: str, value: Any) -> str:
    """A value of the app's vocabulary in words: role "lead" → "chủ trì"; unknown values as they are."""
    if value is None:
        return t("missing")
    key = str(value).lower() if isinstance(value, bool) else str(value)
    return _lookup(lang(), "values").get(column, {}).get(key, str(value))


def shown(value: Any, column: str) -> Any:
    """One cell as shown: a day, a word, "không có" for nothing; numbers and text as they are."""
    if column in DATE_COLUMNS:
        return day(value)
    if column in WORD_COLUMNS:
        return word(column, value)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return t("missing")
    return value


def table(rows: Iterable[Any], columns: list[str]) -> pd.DataFrame:
    """Rows (query dataclasses or dicts) as a table of ``columns``, headed and filled in the current language.
    A column with a missing value is shown as text (its numbers printed as they read: "10", "12.5")."""
    dicts = [r if isinstance(r, dict) else r.__dict__ for r in rows]
    out = {}
    for c in columns:
        raw = [d.get(c) for d in dicts]
        if c not in DATE_COLUMNS | WORD_COLUMNS and any(v is None for v in raw) and \
                any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw):
            raw = [f"{v:g}" if isinstance(v, float) else v for v in raw]
        out[t(f"columns.{c}")] = [shown(v, c) for v in raw]
    return pd.DataFrame(out, columns=[t(f"columns.{c}") for c in columns])
