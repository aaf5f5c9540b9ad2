"""OCR for scanned pages and images: Tesseract's Vietnamese model, text in Unicode NFC, line breaks kept.

``ocr_image`` reads an image file (every page of a TIFF), ``ocr_pdf_page`` a PDF page without a text
layer (rendered at 300 dpi), and :class:`ImageReader` is the :class:`~ingest.read.Reader` for PNG,
JPEG and TIFF files.
pytesseract and Pillow are imported when a page is read, so importing this module needs neither.
"""

from __future__ import annotations

import io
import os
import unicodedata
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..clean.layout import PAGE_BREAK

LANG = "vie"
# Page segmentation mode 3 (automatic): Tesseract finds the page's blocks, so the two columns of the
# signature block ("Nơi nhận: …" | "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / name") come out one after the
# other; modes 4 and 6 read straight across both ("- Như trên (t/h); TM. UY BAN NHAN DAN") and the
# signer is lost. All three read the header's aligned rows alike, one row per line ("ỦY BAN NHÂN DÂN
# CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), a layout the header reader knows. On six renderings of the
# Kon Tum fixture (tests/test_ocr.py; body 11–11.5 pt, leading 1.25–1.4) mode 3 made 9–22 word
# errors in 2,536 words, mode 6 20–23, mode 4 as many as 6 and more.
PSM = 3
# Letters the vie model knows but Vietnamese never uses (tesseract-ocr/langdata#66). Without this the
# model reads the Đ of a 10 pt footnote twice, as Đ and as the look-alike eth: "43/QĐÐ-UBND".
BLACKLIST = "Ðð"
TESSERACT_CONFIG = f"--psm {PSM} -c tessedit_char_blacklist={BLACKLIST}"
DPI = 300
# Seconds per page; a clean A4 page at 300 dpi takes about 2 s.
PAGE_TIMEOUT = 60.0
# Tesseract's OpenMP threads, when the environment does not set them: on a 2-core machine the default
# made a page take 13–17 s instead of 1.9 s (one thread). Set in the process environment, which
# pytesseract hands to the tesseract process.
OMP_THREADS = "1"
INSTALL_HINT = "install Tesseract and its Vietnamese model: apt-get install tesseract-ocr tesseract-ocr-vie"
PIP_HINT = "install the project with its dependencies (pip install -e .), which bring pytesseract and Pillow"

# Between the pages of a multi-page TIFF, as between a PDF's pages (ingest.read.pdf_file).
PAGE_SEPARATOR = f"\n{PAGE_BREAK}\n"
# Magic bytes: PNG, JPEG, TIFF (little- and big-endian).
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def ocr_image(png_bytes: bytes, path: str, *, timeout: float = PAGE_TIMEOUT) -> str:
    """The text of a page image (PNG, JPEG, TIFF: any image Pillow opens), NFC, lines kept.

    Every frame of a multi-page TIFF is read, the pages separated like a PDF's (a form feed on its own
    line). Raises :class:`ReadError` when the bytes are not an image, Tesseract or its ``vie`` model is
    missing, or a page takes longer than ``timeout`` seconds.
    """
    _, ImageOps = _pillow(path)
    image = _open(png_bytes, path)
    frames = getattr(image, "n_frames", 1)
    pages = []
    for n in range(frames):
        image.seek(n)
        where = f"page {n + 1}" if frames > 1 else "the image"
        pages.append(_ocr(ImageOps.exif_transpose(image), path, where, timeout))
    return PAGE_SEPARATOR.join(pages)


def ocr_pdf_page(page: Any, path: str, *, timeout: float = PAGE_TIMEOUT) -> str:
    """The text of a PyMuPDF page with no text layer: rendered at :data:`DPI` in grey, then OCR'd."""
    pix = page.get_pixmap(dpi=DPI, colorspace="gray")
    return _ocr(_open(pix.tobytes("png"), path), path, f"page {page.number + 1}", timeout)


class ImageReader:
    """Scanned pages as PNG, JPEG or TIFF (every frame of a multi-page TIFF), read by OCR."""

    format = "image"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(IMAGE_MAGIC)

    def read(self, path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
        return ocr_image(data, str(path)), ("read by OCR (an image)",)


def _pillow(path: str) -> tuple[Any, Any]:
    try:
        from PIL import Image, ImageOps
    except ImportError:
        raise ReadError(path, "OCR needs the Python package Pillow, which is not installed", PIP_HINT) from None
    return Image, ImageOps


def _open(data: bytes, path: str) -> Any:
    Image, _ = _pillow(path)
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception as exc:  # Pillow raises many kinds for a damaged file
        raise ReadError(path, f"not a readable image ({exc})",
                        "check that the scan is a complete PNG, JPEG or TIFF file") from None
    return image


def _grey(image: Any) -> Any:
    """``image`` as 8-bit grey, transparency laid on white first (grey alone drops the alpha channel,
    and the transparent black pixels of a text cut-out would turn the page black)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        from PIL import Image

        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    return image.convert("L")


def _ocr(image: Any, path: str, where: str, timeout: float) -> str:
    try:
        import pytesseract
    except ImportError:
        raise ReadError(path, "OCR needs the Python package pytesseract, which is not installed", PIP_HINT) from None
    os.environ.setdefault("OMP_THREAD_LIMIT", OMP_THREADS)
    try:
        text = pytesseract.image_to_string(_grey(image), lang=LANG, config=TESSERACT_CONFIG, timeout=timeout)
    except pytesseract.TesseractNotFoundError:
        raise ReadError(path, "Tesseract OCR is not installed (no tesseract command)", INSTALL_HINT) from None
    except pytesseract.TesseractError as exc:
        if f"'{LANG}'" in str(exc.message) or "traineddata" in str(exc.message):
            raise ReadError(path, "Tesseract has no Vietnamese model (vie)", INSTALL_HINT) from None
        raise ReadError(path, f"Tesseract failed on {where}: {exc.message}",
                        "check that the scan opens in an image viewer") from None
    except RuntimeError as exc:
        if "timeout" not in str(exc):
            raise
        raise ReadError(path, f"OCR of {where} took longer than {timeout:g} s",
                        "give a smaller or cleaner scan (300 dpi, one page per image)") from None
    return unicodedata.normalize("NFC", text.replace("\f", "")).rstrip("\n")
