"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM; otherwise a legacy Vietnamese encoding
(:mod:`ingest.read.legacy`)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError


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
