"""Readers turn a file into text. One interface; the reader is chosen by content (magic bytes), then
by extension: plain text (UTF-8, UTF-16 with BOM, Windows-1258, TCVN3, VNI), Word .docx, PDF (text
layer, OCR for scanned pages), portal HTML, and scanned images (OCR).

Each format's :class:`Reader` sits with the code that reads it: ``plain.py`` (with ``legacy.py`` for the
legacy encodings), ``docx_file.py``, ``pdf_file.py``, ``html_file.py``, ``ocr.py`` (images, scanned pages).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from graph.errors import LineageError

from ..errors import ReadError
from ..clean.normalise import offset_map
from .docx_file import DocxReader
from .html_file import HtmlReader
from .ocr import ImageReader  # scanned pages as images (imports no OCR library until it reads)
from .pdf_file import PdfReader
from .plain import TextReader

MAX_BYTES = 50 * 1024 * 1024
REASON_CHARS = 300  # a library's message is cut to this in a file's error (lxml's can run to pages)
FORMAT_NAMES = {"pdf": "a PDF", "docx": "a Word .docx", "image": "an image", "html": "an HTML page", "txt": "text"}
SNIFF_BYTES = 8192
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy Word .doc, Excel .xls


@dataclass(frozen=True)
class SourceText:
    path: str
    sha256: str
    format: str
    text: str
    notes: tuple[str, ...] = ()  # what reading did that the record should say (OCR, a legacy encoding)
    # (position in ``text``, position in the text as first decoded) where the two start to differ by a new
    # amount: a legacy encoding converted or decomposed letters composed (``ingest.clean.normalise.original_span``).
    offset_map: tuple[tuple[int, int], ...] = ()


class Reader(Protocol):
    format: str

    def accepts(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]: ...


READERS: tuple[Reader, ...] = (PdfReader(), DocxReader(), ImageReader(), HtmlReader(), TextReader())


def read_source(path: str | Path) -> SourceText:
    """Read ``path`` with the first reader that accepts its first bytes."""
    path = Path(path)
    if not path.is_file():
        raise ReadError(str(path), "no such file", "check the path")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(str(path), f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit",
                        "split the file or extract its text first")
    data = path.read_bytes()
    head = data[:SNIFF_BYTES]
    if head.startswith(OLE_MAGIC):
        raise ReadError(str(path), "a legacy Word .doc (or another Office binary file)",
                        "open it in Word or LibreOffice and save it as .docx")
    for reader in READERS:
        if reader.accepts(path, head):
            try:
                text, notes, *first = reader.read(path, data)
                original = first[0] if first else text
                text = unicodedata.normalize("NFC", text)
                offsets = offset_map(text, original) if text != original else ()
            except (LineageError, MemoryError):  # MemoryError: the process's memory bound (ingest.batch)
                raise
            except Exception as exc:  # lxml, pymupdf, python-docx, zipfile, trafilatura: whatever they raise
                raise ReadError(str(path), f"cannot be read as {FORMAT_NAMES.get(reader.format, reader.format)} "
                                f"({reason(exc)})", "the file may be damaged: open it in the program that made "
                                "it and save it again, or give its text as .txt") from None
            return SourceText(str(path), hashlib.sha256(data).hexdigest(), reader.format, text, tuple(notes),
                              offsets)
    raise ReadError(str(path), "binary data, not a document this reader knows",
                    "give a .txt, .docx, .pdf, .html or an image of the document")


def reason(exc: BaseException) -> str:
    """A library's exception as one line of plain text: its type and the start of its message."""
    message = " ".join(str(exc).split())
    if len(message) > REASON_CHARS:
        message = message[:REASON_CHARS] + "…"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
