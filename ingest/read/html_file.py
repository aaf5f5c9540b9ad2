"""Portal HTML → the main text (trafilatura drops menus, banners, related links and footers)."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ReadError

# The start of an HTML page, after any BOM and blanks: "<!DOCTYPE html>", "<html lang=…>", "<head>".
HTML_START_RE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                           re.IGNORECASE | re.DOTALL)


def read_html(path: str, data: bytes) -> str:
    import trafilatura

    text = trafilatura.extract(data, include_tables=True, include_comments=False, favor_recall=True,
                               include_formatting=False, deduplicate=False)
    if not text or not text.strip():
        raise ReadError(path, "no main text found in the page", "save the document itself, or its text, instead")
    return text + "\n"


class HtmlReader:
    format = "html"

    def accepts(self, path: Path, head: bytes) -> bool:
        return bool(HTML_START_RE.match(head)) or path.suffix.lower() in (".html", ".htm")

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
        return read_html(str(path), data), ()
