"""Readers turn a file into text. One interface; the reader is chosen by content, then extension.

Only plain text is read in this version; other formats plug in as further :class:`Reader`s.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .errors import ReadError

MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class SourceText:
    path: str
    sha256: str
    format: str
    text: str


class Reader(Protocol):
    format: str

    def accepts(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path, data: bytes) -> str: ...


class TextReader:
    """UTF-8 (with or without BOM) and UTF-16 with BOM plain text."""

    format = "txt"

    def accepts(self, path: Path, head: bytes) -> bool:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return True
        return b"\x00" not in head

    def read(self, path: Path, data: bytes) -> str:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReadError(str(path), f"not valid UTF-8 text (byte {exc.start})",
                            "save the file as UTF-8 text and try again") from None


READERS: tuple[Reader, ...] = (TextReader(),)


def read_source(path: str | Path) -> SourceText:
    """Read ``path`` with the first reader that accepts it."""
    path = Path(path)
    if not path.is_file():
        raise ReadError(str(path), "no such file", "check the path")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(str(path), f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit",
                        "split the file or extract its text first")
    data = path.read_bytes()
    head = data[:SNIFF_BYTES]
    for reader in READERS:
        if reader.accepts(path, head):
            text = reader.read(path, data)
            return SourceText(str(path), hashlib.sha256(data).hexdigest(), reader.format, text)
    raise ReadError(str(path), "binary data, not a text document",
                    "give a UTF-8 .txt file (other formats are not supported yet)")
