"""Word .docx → text in reading order: paragraphs and tables as they stand in the body (a header table
row by row, each cell's lines in turn: the issuer block, then the motto), footnote markers glued to
their word as PDF exports print them, and the footnotes after a rule line at the end — the layout
``ingest.clean.layout`` reads from any source.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from ..errors import ReadError

ZIP_MAGIC = b"PK\x03\x04"  # a .docx is a zip archive
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A .docx may not unpack to more than this, nor compress better than this ratio (zip bombs).
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 200
# The rule line that opens the footnote area (``ingest.clean.layout.FOOTNOTE_RULE_RE``: ten spaces or more).
FOOTNOTE_RULE = " " * 20


def check_zip(path: str, data: bytes) -> zipfile.ZipFile:
    """The archive, after refusing what would unpack to too much (a zip bomb) or is not a Word file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(path, f"damaged or truncated .docx ({exc})", "open it in Word and save it again") from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNZIPPED or total / packed > MAX_RATIO:
        raise ReadError(path, f"the archive would unpack to {total // (1024 * 1024)} MB "
                        f"({total / packed:.0f}× its size): not a plain Word file",
                        "check where it came from; a real letter unpacks to a few MB")
    if "word/document.xml" not in archive.namelist():
        raise ReadError(path, "a zip archive without word/document.xml, not a .docx", "give the document itself")
    return archive


def _runs_text(element) -> str:
    out = []
    for node in element.iter():
        tag = node.tag
        if tag == W + "t":
            out.append(node.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "footnoteReference":
            out.append(node.get(W + "id", ""))
    return "".join(out)


def _block_lines(block) -> list[str]:
    if block.tag == W + "p":
        return [_runs_text(block)]
    if block.tag == W + "tbl":
        lines = []
        for row in block.iter(W + "tr"):
            for cell in row.iter(W + "tc"):
                lines += [_runs_text(p) for p in cell.iter(W + "p")]
        return lines
    return []


def read_docx(path: str, data: bytes) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    archive = check_zip(path, data)
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ReadError(path, f"damaged .docx ({exc})", "open it in Word and save it again") from None
    except Exception as exc:  # lxml raises its own XMLSyntaxError for a broken document.xml
        raise ReadError(path, f"damaged .docx ({type(exc).__name__}: {exc})", "open it in Word and save it again") from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        lines += _block_lines(block)
    notes = _footnotes(path, archive)
    if notes:
        lines += ["", FOOTNOTE_RULE] + [f"{n} {text}" for n, text in notes]
    return "\n".join(lines) + "\n"


def _footnotes(path: str, archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    from lxml import etree

    if "word/footnotes.xml" not in archive.namelist():
        return []
    # No entities expanded, nothing fetched, libxml2's size limits kept (python-docx parses document.xml so).
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(archive.read("word/footnotes.xml"), parser)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        # str(exc), never the exception: lxml's carries an error log that cannot cross to another process
        raise ReadError(path, f"damaged .docx: its footnotes (word/footnotes.xml) cannot be read "
                        f"({type(exc).__name__}: {exc})", "open it in Word and save it again") from None
    out = []
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(_runs_text(p) for p in note.iter(W + "p")).strip()
        if text:
            out.append((note.get(W + "id", ""), text))
    return out


class DocxReader:
    format = "docx"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(ZIP_MAGIC)

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
        return read_docx(str(path), data), ()
