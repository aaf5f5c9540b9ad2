"""PDF → text: the text layer page by page (pymupdf, in the order the page was written, which keeps a
two-column header's columns whole); a page with no text layer but an image is a scan and goes to OCR
(``ingest.read.ocr``). Page numbers alone on a line are left for ``ingest.clean.layout`` to drop."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from .ocr import ocr_pdf_page  # imports no OCR library until a page needs it

PDF_MAGIC = b"%PDF-"
# A page with fewer characters than this in its text layer is read as a scan.
MIN_TEXT_CHARS = 20
MAX_PAGES = 2000
PAGE_SEPARATOR = "\n\f\n"  # ingest.clean.layout.PAGE_BREAK on its own line: running headers are found per page


def read_pdf(path: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text and what the reader has to say (pages read by OCR)."""
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)  # a damaged file's error is its ReadError, not lines on stderr
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise ReadError(path, f"damaged or truncated PDF ({exc})", "download it again or print it to PDF anew") from None
    with document:
        if document.needs_pass or document.is_encrypted:
            raise ReadError(path, "the PDF is password-protected", "give a copy without a password")
        if document.page_count > MAX_PAGES:
            raise ReadError(path, f"{document.page_count} pages, over the {MAX_PAGES}-page limit", "split the file")
        pages, scanned = [], []
        for number, page in enumerate(document, start=1):
            try:
                text = page.get_text("text")
            except RuntimeError as exc:
                raise ReadError(path, f"page {number} cannot be read ({exc})", "print the PDF anew") from None
            if len(text.strip()) < MIN_TEXT_CHARS and page.get_images():
                text = ocr_pdf_page(page, path)
                scanned.append(number)
            pages.append(text)
        repaired = document.is_repaired
    text = PAGE_SEPARATOR.join(pages)
    if repaired and not text.strip():
        raise ReadError(path, "damaged or truncated PDF: no text could be read from it",
                        "download it again or print it to PDF anew")
    notes = [f"pages read by OCR (no text layer): {', '.join(map(str, scanned))}"] if scanned else []
    if repaired:
        notes.append("the PDF was damaged and has been repaired: some text may be missing")
    return text, tuple(notes)


class PdfReader:
    format = "pdf"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(PDF_MAGIC)

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
        return read_pdf(str(path), data)
