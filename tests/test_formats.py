"""Every format of the same document gives the same record as its .txt; bad files get clear errors.

Fixtures are built in the test run from corpus documents: a .docx with python-docx (the header as a
two-column table, a footnote), a PDF with a text layer (pymupdf, lines wrapped at the page width),
and a portal page around the text (menus, related links, footer).
"""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

import pymupdf
import pytest

from bench import fuzz
from graph.nx_store import NetworkxStore
from ingest import extract_path
from ingest.errors import ReadError
from ingest.extract import extract_source
from ingest.batch.pipeline import ingest
from ingest.read import read_source

CORPUS = Path(__file__).parent / "data" / "corpus"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FIELDS = ("doc_type", "code", "number", "symbol", "issue_date", "place", "issuer", "subject")
DOCUMENTS = [
    "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt",               # seed: Công văn, blank number
    "hai-phong-cv-trien-khai-nq-124-nq-cp-2025.txt",                       # seed: no header block
    "001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt",            # the Government's resolution
    "008_kh-140-kh-ubnd-2025-quang-ngai-thuc-hien-nq-138-139-nq-cp.txt",   # a plan implementing three
]


def lines_of(name: str) -> list[str]:
    return (CORPUS / name).read_text(encoding="utf-8").split("\n")


def make_docx(name: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in lines_of(name):
        document.add_paragraph(line)
    document.save(str(path))


def make_docx_with_header_table(path: Path) -> None:
    """The usual Word layout: issuer | motto in a borderless two-column table, then the body."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = "Số: 140/KH-UBND"
    table.cell(1, 1).text = "Quảng Ngãi, ngày 23 tháng 6 năm 2025"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Thực hiện Nghị quyết số 138/NQ-CP ngày 16/5/2025 của Chính phủ")
    document.add_paragraph("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;")
    document.save(str(path))


def make_pdf(name: str, path: Path) -> None:
    path.write_bytes(fuzz.make_pdf(name))  # the corpus text as a PDF, lines wrapped at the page width


def make_html(name: str, path: Path) -> None:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines_of(name))
    path.write_text(
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Văn bản</title></head><body>'
        '<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/van-ban">Văn bản</a></li></ul></nav>'
        f'<article><div class="content">{body}</div></article>'
        '<aside><h3>Văn bản liên quan</h3><a href="/x">Quyết định số 99/QĐ-UBND</a></aside>'
        "<footer>Bản quyền © Cổng thông tin điện tử tỉnh.</footer></body></html>", encoding="utf-8")


MAKERS = {"docx": make_docx, "pdf": make_pdf, "html": make_html}


def references(record: dict) -> set:
    return {(r["code"], r["relation"], r["issue_date"]) for r in record["references"]}


@pytest.mark.parametrize("fmt", sorted(MAKERS))
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_format_reads_like_the_txt(name, fmt, tmp_path):
    path = tmp_path / f"doc.{fmt}"
    MAKERS[fmt](name, path)
    expected = extract_path(CORPUS / name).to_dict()
    got = extract_source(read_source(path)).to_dict()
    assert got["source"]["format"] == fmt
    assert {f: got["document"][f] for f in FIELDS} == {f: expected["document"][f] for f in FIELDS}
    assert references(got) == references(expected)


def test_running_headers_and_page_numbers_are_dropped(tmp_path):
    # A gazette-style PDF: "CÔNG BÁO/Số 12/Ngày 10-5-2025" on top of every page, the page number below.
    name = DOCUMENTS[0]
    lines = [line for line in lines_of(name) if line.strip()]
    document = pymupdf.open()
    for number, start in enumerate(range(0, len(lines), 40), start=1):
        page = document.new_page()
        page.insert_font(fontname="dv", fontfile=FONT)
        page.insert_text((40, 30), f"CÔNG BÁO/Số {11 + number}/Ngày 10-5-2025", fontname="dv", fontsize=8)
        page.insert_textbox(pymupdf.Rect(40, 50, 560, 800), "\n".join(lines[start:start + 40]), fontname="dv",
                            fontsize=8)
        page.insert_text((300, 820), str(number), fontname="dv", fontsize=8)
    path = tmp_path / "gazette.pdf"
    document.save(str(path))
    got = extract_source(read_source(path)).to_dict()
    expected = extract_path(CORPUS / name).to_dict()
    assert {f: got["document"][f] for f in FIELDS} == {f: expected["document"][f] for f in FIELDS}
    assert references(got) == references(expected)
    evidence = " ".join(r["sentence"] or "" for r in got["references"]) + " ".join(a["task"] for a in got["assignments"])
    assert "CÔNG BÁO" not in evidence


def test_docx_header_table_reads_in_column_order(tmp_path):
    path = tmp_path / "kh.docx"
    make_docx_with_header_table(path)
    record = extract_source(read_source(path)).to_dict()
    assert record["document"]["code"] == "140/KH-UBND"
    assert record["document"]["issuer"] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert record["document"]["issue_date"] == "2025-06-23"
    assert ("138/NQ-CP", "implements", "2025-05-16") in references(record)


def test_format_is_chosen_by_content_not_extension(tmp_path):
    path = tmp_path / "downloaded.txt"  # a PDF saved under the wrong name
    make_pdf(DOCUMENTS[0], path)
    assert read_source(path).format == "pdf"


def test_nfd_text_is_normalised(tmp_path):
    import unicodedata

    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", (CORPUS / DOCUMENTS[0]).read_text(encoding="utf-8")), encoding="utf-8")
    got = extract_source(read_source(path)).to_dict()
    assert got["document"]["issuer"] == "Ủy ban nhân dân tỉnh Kon Tum"


def _pdf_bytes() -> bytes:
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((50, 50), "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", fontname="dv", fontfile=FONT)
    return document.tobytes()


def _protected_pdf() -> bytes:
    document = pymupdf.open(stream=_pdf_bytes(), filetype="pdf")
    return document.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw="user")


def _docx_bytes() -> bytes:
    import docx

    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;")
    document.save(out)
    return out.getvalue()


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            block = b"\0" * (1 << 20)
            for _ in range(300):  # 300 MB of zeros, about 300 KB packed
                member.write(block)
    return out.getvalue()


def _big(path: Path) -> None:
    with path.open("wb") as handle:  # a sparse 200 MB file
        handle.truncate(200 * 1024 * 1024)


# Bad input → the error (or warning) a user sees, one row per case.
BAD_INPUTS = [
    ("binary.txt", lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(64)), "binary data"),
    ("truncated.pdf", lambda p: p.write_bytes(_pdf_bytes()[:200]), "damaged or truncated PDF"),
    ("half.pdf", lambda p: p.write_bytes(_pdf_bytes()[: len(_pdf_bytes()) // 2]), "damaged or truncated PDF"),
    ("protected.pdf", lambda p: p.write_bytes(_protected_pdf()), "password-protected"),
    ("truncated.docx", lambda p: p.write_bytes(_docx_bytes()[:300]), "damaged or truncated .docx"),
    ("bomb.docx", lambda p: p.write_bytes(_zip_bomb()), "would unpack to 300 MB"),
    ("huge.txt", _big, "over the 50 MB limit"),
    ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)), "legacy Word .doc"),
    ("archive.docx", lambda p: p.write_bytes(_zip_with("notes.txt")), "without word/document.xml"),
]
# Files that read but deserve a warning in the record.
WARNED_INPUTS = [
    ("empty.txt", lambda p: p.write_bytes(b""), "file is empty"),
    ("english.txt", lambda p: p.write_text("The Government shall submit the annual report to the National "
                                           "Assembly before the end of the year. " * 5), "does not look Vietnamese"),
]


def _zip_with(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, "Căn cứ")
    return out.getvalue()


@pytest.mark.parametrize("name, make, message", BAD_INPUTS)
def test_bad_input_gets_a_clear_error(name, make, message, tmp_path):
    path = tmp_path / name
    make(path)
    with pytest.raises(ReadError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)


@pytest.mark.parametrize("name, make, message", WARNED_INPUTS)
def test_doubtful_input_gets_a_warning(name, make, message, tmp_path):
    path = tmp_path / name
    make(path)
    assert any(message in w for w in extract_path(path).to_dict()["warnings"])


def test_a_bulk_run_reports_each_bad_file_and_stores_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, make, _ in BAD_INPUTS:
        make(folder / name)
    make_pdf(DOCUMENTS[0], folder / "kon-tum.pdf")
    store = NetworkxStore()
    summary = ingest(sorted(folder.iterdir()), store)
    assert len(summary.failures) == len(BAD_INPUTS)
    assert {Path(f.path).name for f in summary.failures} == {name for name, _, _ in BAD_INPUTS}
    assert summary.documents == 1 and store.counts().nodes["Document"] > 1


@pytest.mark.parametrize("encoding", ["windows-1258", "vni", "tcvn3"])
@pytest.mark.parametrize("name", DOCUMENTS[:3])
def test_legacy_encoded_txt_reads_like_the_utf8(name, encoding, tmp_path):
    from test_legacy import ENCODE

    path = tmp_path / "old.txt"
    path.write_bytes(ENCODE[encoding]((CORPUS / name).read_text(encoding="utf-8")))
    got = extract_source(read_source(path)).to_dict()
    expected = extract_path(CORPUS / name).to_dict()
    assert f"not UTF-8: read as {encoding}" in got["warnings"]
    assert {f: got["document"][f] for f in FIELDS} == {f: expected["document"][f] for f in FIELDS}
    assert references(got) == references(expected)


@pytest.mark.parametrize("encoding", ["vni", "tcvn3"])
def test_legacy_mojibake_in_utf8_is_converted(encoding, tmp_path):
    from test_legacy import ENCODE

    name = DOCUMENTS[0]
    path = tmp_path / "pasted.txt"  # legacy bytes read as Windows-1252 and saved as UTF-8, as old pastes are
    path.write_text(ENCODE[encoding]((CORPUS / name).read_text(encoding="utf-8")).decode("cp1252"), encoding="utf-8")
    got = extract_source(read_source(path)).to_dict()
    expected = extract_path(CORPUS / name).to_dict()
    assert any(encoding in w for w in got["warnings"])
    assert {f: got["document"][f] for f in FIELDS} == {f: expected["document"][f] for f in FIELDS}


@pytest.mark.parametrize("encoding", ["vni", "tcvn3", "nfd"])
def test_spans_map_back_to_the_text_as_decoded(encoding, tmp_path):
    # Spans point into the cleaned text (NFC, converted); source.offset_map leads back to the file's own
    # text: the same words stand at the mapped places ("124/NQ-CP" is ASCII in every encoding).
    import unicodedata

    from ingest.clean.normalise import original_span
    from test_legacy import ENCODE

    text = (CORPUS / DOCUMENTS[0]).read_text(encoding="utf-8")
    path = tmp_path / "doc.txt"
    if encoding == "nfd":
        path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
        as_decoded = path.read_text(encoding="utf-8")
    else:
        path.write_bytes(ENCODE[encoding](text))
        as_decoded = path.read_bytes().decode("cp1252", errors="replace")
    record = extract_source(read_source(path)).to_dict()
    offsets = [tuple(p) for p in record["source"]["offset_map"]]
    assert offsets  # TCVN3 is one byte a letter: the map is (0, 0) alone; VNI and NFD shift at each toned word
    ref = next(r for r in record["references"] if r["code"] == "124/NQ-CP")
    for span in ref["spans"]:
        a, b = original_span(tuple(span), offsets)
        assert "124/NQ-CP" in as_decoded[a:b]
