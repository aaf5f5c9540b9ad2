"""Readers turn a file into text. One interface; the reader is chosen by content (magic bytes), then
by extension: plain text (UTF-8, UTF-16 with BOM, Windows-1258, TCVN3, VNI), Word .docx, PDF (text
layer, OCR for scanned pages), portal HTML, and scanned images (OCR).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .errors import ReadError
from .text import offset_map
from .ocr import ImageReader  # scanned pages as images (imports no OCR library until it reads)

MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 8192
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy Word .doc, Excel .xls
# The start of an HTML page, after any BOM and blanks: "<!DOCTYPE html>", "<html lang=…>", "<head>".
HTML_START_RE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                           re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class SourceText:
    path: str
    sha256: str
    format: str
    text: str
    notes: tuple[str, ...] = ()  # what reading did that the record should say (OCR, a legacy encoding)
    # (position in ``text``, position in the text as first decoded) where the two start to differ by a new
    # amount: a legacy encoding converted or decomposed letters composed (``ingest.text.original_span``).
    offset_map: tuple[tuple[int, int], ...] = ()


class Reader(Protocol):
    format: str

    def accepts(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]: ...


class PdfReader:
    format = "pdf"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(PDF_MAGIC)

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
        from .pdf_reader import read_pdf

        return read_pdf(str(path), data)


class DocxReader:
    format = "docx"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(ZIP_MAGIC)

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
        from .docx_reader import read_docx

        return read_docx(str(path), data), ()


class HtmlReader:
    format = "html"

    def accepts(self, path: Path, head: bytes) -> bool:
        return bool(HTML_START_RE.match(head)) or path.suffix.lower() in (".html", ".htm")

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
        from .html_reader import read_html

        return read_html(str(path), data), ()


class TextReader:
    """Plain text: UTF-8 (with or without BOM), UTF-16 with BOM; otherwise a legacy Vietnamese encoding."""

    format = "txt"

    def accepts(self, path: Path, head: bytes) -> bool:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return True
        return b"\x00" not in head

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16"), ()
            except UnicodeDecodeError as exc:
                raise ReadError(str(path), f"broken UTF-16 text (byte {exc.start})",
                                "save the file again as UTF-8 or UTF-16 text") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return _legacy_bytes(path, data)
        converted, notes = _legacy_text(text)
        return converted, notes, text


def _legacy_bytes(path: Path, data: bytes) -> tuple[str, tuple[str, ...], str]:
    """Bytes that are not UTF-8: the legacy encoding that reads most like Vietnamese (Windows-1258 when none
    does), converted; and the text as that code page reads it, for the offset map."""
    from .legacy import as_read, decode_bytes

    text, encoding = decode_bytes(data)
    return text, (f"not UTF-8: read as {encoding}",), as_read(data, encoding)


def _legacy_text(text: str) -> tuple[str, tuple[str, ...]]:
    """UTF-8 text that is really TCVN3 or VNI (pasted from an old font) is converted."""
    from .legacy import convert, detect

    encoding = detect(text)
    if encoding is None:
        return text, ()
    return convert(text, encoding), (f"text in the {encoding} font encoding, converted to Unicode",)


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
            text, notes, *first = reader.read(path, data)
            original = first[0] if first else text
            text = unicodedata.normalize("NFC", text)
            offsets = offset_map(text, original) if text != original else ()
            return SourceText(str(path), hashlib.sha256(data).hexdigest(), reader.format, text, tuple(notes),
                              offsets)
    raise ReadError(str(path), "binary data, not a document this reader knows",
                    "give a .txt, .docx, .pdf, .html or an image of the document")
