"""Portal HTML → the main text (trafilatura drops menus, banners, related links and footers)."""

from __future__ import annotations

from .errors import ReadError


def read_html(path: str, data: bytes) -> str:
    import trafilatura

    text = trafilatura.extract(data, include_tables=True, include_comments=False, favor_recall=True,
                               include_formatting=False, deduplicate=False)
    if not text or not text.strip():
        raise ReadError(path, "no main text found in the page", "save the document itself, or its text, instead")
    return text + "\n"
