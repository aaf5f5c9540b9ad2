"""The document itself on its card: the text of its file with what the graph read from it marked — each link's
mention (by its span), each task and target (by its sentence) — as escaped HTML, so that nothing in the text
is read as Markdown or markup.

The spans of a record point into the *cleaned* text (``ingest.clean.normalise.clean``: the decoded file, BOM
dropped, line ends unified, NFC). The app may not import ``ingest``; :func:`cleaned` does the same three steps
for a plain-text file (``tests/test_document_text.py`` checks that both agree on the corpus). Other formats
(PDF, DOCX, HTML) are offered for download, not shown.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".md"})
# A separator between two words of a passage as the text may print it: spaces, line breaks, table bars.
GAP = r"[\s|]+"
MAX_BYTES = 5_000_000  # a text file larger than this is offered for download only


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str   # "link" | "task" | "target"
    note: str   # shown on hover: "thực hiện → 124/NQ-CP", "Sở Xây dựng tỉnh Kon Tum — chủ trì"


def cleaned(raw: str) -> str:
    """The cleaned text of a decoded file: BOM dropped, CR/LF unified, Unicode NFC."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def source_file(path: str | None, base: Path | None = None) -> Path | None:
    """The document's file as the store names it (relative paths from ``base``, default the working folder),
    if it is there."""
    if not path:
        return None
    candidate = Path(path)
    if not candidate.is_absolute() and base is not None:
        candidate = base / candidate
    return candidate if candidate.is_file() else None


def read_text(file: Path) -> str | None:
    """The cleaned text of a plain-text file (UTF-8), ``None`` for other formats or a file too large."""
    if file.suffix.lower() not in TEXT_SUFFIXES or file.stat().st_size > MAX_BYTES:
        return None
    try:
        return cleaned(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, OSError):
        return None


def find(text: str, passage: str | None, start: int = 0) -> tuple[int, int] | None:
    """Where ``passage`` (a sentence as stored, whitespace collapsed) is printed in ``text``, across line breaks.

    >>> find("Giao Sở Xây dựng\\nchủ trì, báo cáo", "Sở Xây dựng chủ trì")
    (5, 24)
    """
    words = (passage or "").split()
    if not words:
        return None
    m = re.compile(GAP.join(re.escape(w) for w in words)).search(text, start)
    return (m.start(), m.end()) if m else None


def marked_html(text: str, marks: list[Mark], colours: dict[str, str]) -> str:
    """``text`` escaped, in a pre-wrapped block, each mark a coloured ``<mark>`` with its note as title; marks
    that overlap an earlier one are dropped (the first wins)."""
    chosen: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if 0 <= m.start < m.end <= len(text) and (not chosen or m.start >= chosen[-1].end):
            chosen.append(m)
    out, at = [], 0
    for m in chosen:
        out.append(html.escape(text[at:m.start]))
        out.append(f'<mark title="{html.escape(m.note)}" style="background:{html.escape(colours.get(m.kind, "#ffe08a"))}">'
                   f"{html.escape(text[m.start:m.end])}</mark>")
        at = m.end
    out.append(html.escape(text[at:]))
    return ('<div style="white-space:pre-wrap;font-family:inherit;font-size:0.9em;line-height:1.5;'
            'max-height:36em;overflow-y:auto;border:1px solid #ddd;padding:0.8em">' + "".join(out) + "</div>")
