"""OCR: the Kon Tum seed typeset like the original letter, "scanned" to page images, read back by Tesseract.

The fixture is built in the test run: the seed's lines are set on A4 pages with PyMuPDF (DejaVu Serif,
the header's two columns side by side, footnotes under a rule, the signature block beside "Nơi nhận"),
each page is rendered to a 300 dpi PNG (the "scan"), and the PNGs are put into a PDF with no text
layer. The record read from the OCR text must equal the record of the .txt seed, field by field and
reference by reference; what OCR still gets wrong is listed, with its cause, in ``KNOWN_MISREADINGS``.
The seed's text is set as its export has it, footnote markers glued to the word ("năm 20251").
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from ingest import extract_path
from ingest.errors import ReadError
from ingest.extract import extract_text
from ingest.read.ocr import PAGE_SEPARATOR, ImageReader, ocr_image, ocr_pdf_page

SEED = Path(__file__).parent / "data" / "corpus" / "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core: Vietnamese glyphs
REGULAR, BOLD = DEJAVU / "DejaVuSerif.ttf", DEJAVU / "DejaVuSerif-Bold.ttf"

A4 = (595, 842)
LEFT, RIGHT, TOP, BOTTOM = 70, 40, 50, 50
MIDDLE = 250  # where the header's right column starts
# Body: the largest size at which the seed's longest line fits the text width, so no line is re-wrapped.
BODY_PT, NOTE_PT = 11.5, 10
LEADING = 1.4
# fonts-dejavu-core has no italic: the place-and-date line is slanted instead.
ITALIC = pymupdf.Matrix(1, 0, 0.2, 1, 0, 0)

# The issuer block and the motto of the original letter; the seed's text export lost both (its record
# reads the issuer from the closing formula instead). Sizes within Nghị định 30/2020/NĐ-CP's: capitals
# 12–13 pt, the motto's second line and the place-and-date line 13 pt.
ISSUER_BLOCK = ("ỦY BAN NHÂN DÂN", "TỈNH KON TUM")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass(frozen=True)
class SeedPage:
    """One page of the original, by the seed's line numbers (1-based, inclusive)."""

    body: tuple[int, int]
    notes: tuple[int, int] | None = None  # footnote lines under the rule
    number: int | None = None  # the page-number line
    signature: tuple[tuple[int, int], tuple[int, int]] | None = None  # ("Nơi nhận" lines, signer lines)


# Page 1 also carries the header, seed lines 1–8 ("Số: … Kon Tum, ngày …" and the V/v lines).
PAGES = (
    SeedPage(body=(9, 68), notes=(70, 70)),
    SeedPage(body=(71, 144), notes=(146, 150)),
    SeedPage(body=(156, 235), number=154),
    SeedPage(body=(236, 314)),
    SeedPage(body=(315, 315), signature=((318, 332), (334, 343))),
)

DOCUMENT_FIELDS = ("doc_type", "code", "number", "symbol", "issue_date", "place", "issuer", "subject")
SIGNATURE_FIELDS = ("signer", "signer_title", "authority")
# Fields the OCR record gets wrong, and why (tesseract-ocr-vie 1:4.1.0-2: the 531 KB "4.00alpha" LSTM
# model). Strict xfails: when one passes, remove it here.
# Fields OCR still gets wrong, with the cause (none now). The one there was: vie reads the bold "TỈNH KON TUM"
# of the issuer block as "TĨNH KON TUM" (U+1EC8 read as U+0128, at 93% confidence); the extractor now takes a
# province named with one misread mark (``ingest.stages.agencies._province_misread``), so the issuer comes out right.
KNOWN_MISREADINGS: dict[str, str] = {}


class Pen:
    def __init__(self, page: pymupdf.Page) -> None:
        self.page = page
        self.y = TOP

    def text(self, x: float, s: str, size: float, font: Path = REGULAR, morph=None) -> None:
        self.page.insert_text((x, self.y), s, fontsize=size, fontname=font.stem.replace("-", ""),
                              fontfile=str(font), morph=(pymupdf.Point(x, self.y), morph) if morph else None)

    def centred(self, s: str, x0: float, x1: float, size: float, font: Path = REGULAR, morph=None) -> None:
        width = pymupdf.Font(fontfile=str(font)).text_length(s, fontsize=size)
        self.text(x0 + (x1 - x0 - width) / 2, s, size, font, morph)

    def paragraph(self, s: str, size: float, x0: float = LEFT, x1: float = A4[0] - RIGHT) -> None:
        """``s`` from the left margin, wrapped at the right one."""
        font = pymupdf.Font(fontfile=str(REGULAR))
        while s:
            cut = len(s)
            while font.text_length(s[:cut], fontsize=size) > x1 - x0:
                cut = s.rindex(" ", 0, cut)
            self.text(x0, s[:cut], size)
            self.y += size * LEADING
            s = s[cut:].strip()


def _seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def _header(pen: Pen, line) -> None:
    """The two columns: issuer block | motto, rules, "Số: …" | "Kon Tum, ngày …", then the V/v lines."""
    left, right = (LEFT - 20, MIDDLE), (MIDDLE, A4[0] - RIGHT + 10)
    pen.y = TOP + 13
    pen.centred(ISSUER_BLOCK[0], *left, 13)
    pen.centred(MOTTO[0], *right, 12, BOLD)
    pen.y += 17
    pen.centred(ISSUER_BLOCK[1], *left, 13, BOLD)
    pen.centred(MOTTO[1], *right, 13, BOLD)
    pen.page.draw_line((LEFT + 45, pen.y + 9), (MIDDLE - 65, pen.y + 9), width=0.7)
    pen.page.draw_line((MIDDLE + 75, pen.y + 9), (A4[0] - RIGHT - 65, pen.y + 9), width=0.7)
    pen.y += 32
    number, place = line(1).split("Kon Tum")
    pen.centred(number.strip(), *left, 13)
    pen.centred("Kon Tum" + place.rstrip(), *right, 13, morph=ITALIC)
    pen.y += 18
    for n in range(2, 9):
        if line(n):
            pen.centred(line(n), *left, 11)
            pen.y += 14
    pen.y += 14


def _footnotes(pen: Pen, lines: list[str]) -> None:
    """Notes at the foot of the page under a short rule; a note's wrapped lines joined first."""
    notes: list[str] = []
    for s in lines:
        if s[:1].isdigit() and s[2:3].isupper():  # "2 Về Chương trình …", not "3 năm 2025 của …"
            notes.append(s)
        else:
            notes[-1] += " " + s
    pen.y = A4[1] - BOTTOM - 2 * len(notes) * NOTE_PT * LEADING  # room for two lines a note
    pen.page.draw_line((LEFT, pen.y - NOTE_PT - 4), (LEFT + 150, pen.y - NOTE_PT - 4), width=0.6)
    for note in notes:
        pen.paragraph(note, NOTE_PT)


def _signature(pen: Pen, lines: list[str], recipients: tuple[int, int], signer: tuple[int, int]) -> None:
    """"Nơi nhận" and its list on the left; authority, title and name centred on the right."""
    top = pen.y = pen.y + 14
    for n in range(recipients[0], recipients[1] + 1):
        if lines[n - 1].strip():
            first = n == recipients[0]
            pen.text(LEFT, lines[n - 1].rstrip(), 11 if first else 10, BOLD if first else REGULAR)
            pen.y += 14
    pen.y = top
    for n in range(signer[0], signer[1] + 1):
        if lines[n - 1].strip():
            pen.centred(lines[n - 1].strip(), 330, A4[0] - RIGHT, 12, BOLD)
        pen.y += 14


def typeset() -> pymupdf.Document:
    """The seed as the original letter looks: five A4 pages with a text layer."""
    for font in (REGULAR, BOLD):
        assert font.is_file(), f"{font} missing: apt-get install fonts-dejavu-core"
    lines = _seed_lines()

    def line(n: int) -> str:
        return lines[n - 1].strip()

    doc = pymupdf.open()
    for p, spec in enumerate(PAGES):
        pen = Pen(doc.new_page(width=A4[0], height=A4[1]))
        if p == 0:
            _header(pen, line)
        if spec.number:
            pen.centred(line(spec.number), LEFT, A4[0] - RIGHT, 12)
            pen.y += 26
        for n in range(spec.body[0], spec.body[1] + 1):
            if line(n):
                pen.paragraph(line(n), BODY_PT)
        if spec.notes:
            _footnotes(pen, [line(n) for n in range(spec.notes[0], spec.notes[1] + 1) if line(n)])
        if spec.signature:
            _signature(pen, lines, *spec.signature)
    return doc


def scan(doc: pymupdf.Document) -> tuple[list[bytes], bytes]:
    """Each page as a 300 dpi grey PNG, and a PDF of those images alone (no text layer)."""
    pngs = [page.get_pixmap(dpi=300, colorspace="gray").tobytes("png") for page in doc]
    scanned = pymupdf.open()
    for png, page in zip(pngs, doc):
        out = scanned.new_page(width=page.rect.width, height=page.rect.height)
        out.insert_image(out.rect, stream=png)
    return pngs, scanned.tobytes(garbage=3, deflate=True)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> tuple[list[bytes], Path]:
    pngs, pdf = scan(typeset())
    path = tmp_path_factory.mktemp("ocr") / "kon-tum-scanned.pdf"
    path.write_bytes(pdf)
    return pngs, path


@pytest.fixture(scope="module")
def ocr_text(scanned) -> str:
    """The scanned PDF read page by page with :func:`ocr_pdf_page`, pages joined as the PDF reader does."""
    _, path = scanned
    with pymupdf.open(path) as doc:
        return PAGE_SEPARATOR.join(ocr_pdf_page(page, str(path)) for page in doc)


@pytest.fixture(scope="module")
def ocr_record(ocr_text) -> dict:
    return extract_text(ocr_text).to_dict()


@pytest.fixture(scope="module")
def txt_record() -> dict:
    return extract_path(SEED).to_dict()


def _references(record: dict) -> set[tuple]:
    return {(r["id"], r["code"], r["relation"], r["issue_date"]) for r in record["references"]}


# -- the fixture is a scan --------------------------------------------------------------------------

def test_scanned_pdf_has_images_only(scanned):
    _, path = scanned
    with pymupdf.open(path) as doc:
        assert len(doc) == len(PAGES)
        for page in doc:
            assert page.get_text().strip() == ""
            assert len(page.get_images()) == 1


# -- OCR text → the same record as the .txt ---------------------------------------------------------

@pytest.mark.parametrize("field", [
    pytest.param(f, marks=pytest.mark.xfail(reason=KNOWN_MISREADINGS[f])) if f in KNOWN_MISREADINGS else f
    for f in DOCUMENT_FIELDS + SIGNATURE_FIELDS
])
def test_ocr_document_field_equals_txt(ocr_record, txt_record, field):
    assert ocr_record["document"][field] == txt_record["document"][field]


def test_ocr_references_equal_txt(ocr_record, txt_record):
    assert _references(ocr_record) == _references(txt_record)


def test_ocr_text_is_nfc_with_line_breaks(ocr_text):
    assert unicodedata.is_normalized("NFC", ocr_text)
    pages = ocr_text.split(PAGE_SEPARATOR)
    assert len(pages) == len(PAGES) and not any("\f" in page for page in pages)
    lines = pages[0].split("\n")
    assert "V/v triển khai Nghị" in lines and "quyết số 124/NQ-CP" in lines  # the header's V/v lines stay lines


def test_output_is_nfc_without_form_feeds(scanned, monkeypatch):
    """Whatever Tesseract prints (decomposed accents, its page-end form feed) comes out NFC."""
    import pytesseract

    printed = unicodedata.normalize("NFD", "Kính gửi:\n- Ủy ban nhân dân tỉnh Kon Tum;\n") + "\f"
    monkeypatch.setattr(pytesseract, "image_to_string", lambda *args, **kwargs: printed)
    assert ocr_image(scanned[0][4], "page-5.png") == "Kính gửi:\n- Ủy ban nhân dân tỉnh Kon Tum;"


def test_scanned_pdf_reads_like_the_txt(scanned, txt_record):
    """Through the readers: needs the PDF reader that OCRs pages without a text layer.

    The fields of :data:`KNOWN_MISREADINGS` are left to ``test_ocr_document_field_equals_txt``.
    """
    from ingest.read import read_source

    got = extract_text(read_source(scanned[1]).text).to_dict()
    fields = [f for f in DOCUMENT_FIELDS + SIGNATURE_FIELDS if f not in KNOWN_MISREADINGS]
    assert {f: got["document"][f] for f in fields} == {f: txt_record["document"][f] for f in fields}
    assert _references(got) == _references(txt_record)


# -- ImageReader ------------------------------------------------------------------------------------

HEADS = [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),  # PNG
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", True),  # JPEG
    (b"II*\x00\x08\x00\x00\x00", True),  # TIFF, little-endian
    (b"MM\x00*\x00\x00\x00\x08", True),  # TIFF, big-endian
    (b"%PDF-1.7\n", False),  # PDF: the PDF reader's
    ("Số: 124/NQ-CP".encode(), False),  # text
    (b"", False),  # empty file
]


@pytest.mark.parametrize("head,accepted", HEADS)
def test_image_reader_accepts_by_magic_bytes(head, accepted):
    assert ImageReader().accepts(Path("scan.bin"), head) is accepted


def test_image_reader_reads_a_png_page(scanned):
    text, notes = ImageReader().read(Path("page-5.png"), scanned[0][4])
    assert "Nơi nhận:" in text and "Lê Ngọc Tuấn" in text
    assert notes == ("read by OCR (an image)",)


def test_every_page_of_a_tiff_is_read(scanned):
    first, *rest = [Image.open(io.BytesIO(png)) for png in scanned[0][3:5]]
    buffer = io.BytesIO()
    first.save(buffer, format="TIFF", save_all=True, append_images=rest, compression="tiff_deflate")
    pages = ocr_image(buffer.getvalue(), "pages-4-5.tif").split(PAGE_SEPARATOR)
    assert len(pages) == 2
    assert pages[0].startswith("14. Quyết tâm hoàn thành") and pages[1].endswith("Lê Ngọc Tuấn")


def test_transparent_png_is_read_on_white():
    page = pymupdf.open().new_page(width=300, height=60)
    page.insert_text((20, 35), "Kính gửi: Ủy ban nhân dân", fontsize=13, fontname="DejaVuSerif", fontfile=str(REGULAR))
    ink = Image.open(io.BytesIO(page.get_pixmap(dpi=300, colorspace="gray").tobytes("png")))
    cut_out = Image.new("RGBA", ink.size, (0, 0, 0, 0))  # black text on transparent black
    cut_out.putalpha(ink.point(lambda v: 255 - v))
    buffer = io.BytesIO()
    cut_out.save(buffer, format="PNG")
    assert ocr_image(buffer.getvalue(), "cut-out.png") == "Kính gửi: Ủy ban nhân dân"


def test_damaged_image_is_a_read_error():
    with pytest.raises(ReadError, match="not a readable image"):
        ImageReader().read(Path("scan.png"), b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)


# -- errors with a hint -----------------------------------------------------------------------------

def test_missing_tesseract_is_a_read_error(scanned, monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(ReadError, match="Tesseract OCR is not installed.*apt-get install tesseract-ocr tesseract-ocr-vie"):
        ocr_image(scanned[0][4], "page-5.png")


def test_missing_vietnamese_model_is_a_read_error(scanned, monkeypatch, tmp_path):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # a tessdata folder without vie.traineddata
    with pytest.raises(ReadError, match=r"no Vietnamese model \(vie\).*apt-get install tesseract-ocr tesseract-ocr-vie"):
        ocr_image(scanned[0][4], "page-5.png")


def test_page_over_the_timeout_is_a_read_error(scanned):
    with pytest.raises(ReadError, match="OCR of the image took longer than 0.01 s"):
        ocr_image(scanned[0][0], "page-1.png", timeout=0.01)
