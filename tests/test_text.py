"""Cleaning keeps spans honest: footnotes, glued markers, page numbers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.clean.flat import flatten
from ingest.clean.layout import layout
from ingest.clean.normalise import clean
from ingest.clean.sentences import EVIDENCE_CHARS, sentence_at

KON_TUM_EXCERPT = (
    "ngân sách nhà nước năm 20251, phấn đấu hoàn thành\n"
    "bảo \n\n"
    "                   \n"
    "1 Ban hành tại Quyết định số 43/QĐ-UBND ngày 20 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh. \n"
    " đảm đúng tiến độ\n"
)


def test_glued_footnote_marker_and_footnote_text():
    lay = layout(clean(KON_TUM_EXCERPT))
    (note,) = lay.footnotes
    assert note.marker == "1"
    assert note.text.startswith("Ban hành tại Quyết định số 43/QĐ-UBND")
    assert KON_TUM_EXCERPT[note.anchor[0]:note.anchor[1]] == "1"
    body = lay.body()
    assert "năm 2025, phấn đấu" in body.text
    assert "43/QĐ-UBND" not in body.text  # the footnote is its own segment
    start = body.text.index("phấn đấu")
    a, b = body.span(start, start + len("phấn đấu"))
    assert KON_TUM_EXCERPT[a:b] == "phấn đấu"


def test_nfd_input_is_normalised():
    # The Hải Phòng seed arrives partly decomposed; spans point into the NFC text.
    assert clean("Nghi\u0323 quyê\u0301t") == "Nghị quyết"


def test_page_number_line_is_dropped():
    text = "theo chỉ đạo của Chính phủ, Thủ tướng \n\n3 \n\nChính phủ, phấn đấu"
    assert "3" not in layout(clean(text)).body().text.split()


# The evidence sentence around a mention (what an edge's ``sentence`` holds): cleaned text as the
# corpus prints it → the mention → the sentence.
EVIDENCE = [
    # "Căn cứ" lines end with ";" and each is its own sentence, even wrapped mid-date (001).
    ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6\n"
     "năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ;\nTrên cơ sở thảo luận của các Thành viên Chính phủ",
     "39/2022/NĐ-CP",
     "Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ;"),
    # The V/v line after a date line with no stop starts a new sentence (Kon Tum seed).
    ("Kon Tum, ngày tháng năm 2025\nV/v triển khai Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025 của Chính phủ\n"
     "Kính gửi:", "124/NQ-CP",
     "V/v triển khai Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025 của Chính phủ Kính gửi:"),
    # A title in capitals wrapped over lines stays whole (002).
    ("NGHỊ QUYẾT\nBAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM\n"
     "2024 CỦA BỘ CHÍNH TRỊ\nCăn cứ Luật", "57-NQ/TW",
     "NGHỊ QUYẾT BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 "
     "NĂM 2024 CỦA BỘ CHÍNH TRỊ"),
    # A sentence ends at ". " and the next begins (Hải Phòng seed).
    ("Các sở, ngành khẩn trương triển khai. Thực hiện Nghị quyết số 124/NQ-CP ngày 08/5/2025 của Chính phủ, "
     "Chủ tịch Ủy ban nhân dân thành phố có ý kiến như sau:\n1. Các Sở", "124/NQ-CP",
     "Thực hiện Nghị quyết số 124/NQ-CP ngày 08/5/2025 của Chính phủ, Chủ tịch Ủy ban nhân dân thành phố có ý kiến "
     "như sau:"),
]


@pytest.mark.parametrize("source, mention, sentence", EVIDENCE)
def test_sentence_at(source, mention, sentence):
    flat = flatten(source, [(0, len(source))])
    start = flat.text.index(mention)
    assert sentence_at(flat, source, start, start + len(mention)) == sentence


def test_a_long_run_is_cut_around_the_mention():
    source = "Giao các sở " + "thực hiện nhiệm vụ, " * 80 + "theo Kế hoạch số 1268/KH-UBND, " + "và báo cáo, " * 40
    flat = flatten(source, [(0, len(source))])
    start = flat.text.index("1268/KH-UBND")
    found = sentence_at(flat, source, start, start + 12)
    assert "1268/KH-UBND" in found and found.startswith("…") and found.endswith("…")
    assert len(found) <= EVIDENCE_CHARS + 2


def _flatten_by_character(source, ranges, dropped=frozenset()):
    """The character-by-character definition ``flatten`` must agree with."""
    foldable = set(" \t\n\r\f\v\u00A0\u2009\u200B|")
    chars, index, pending = [], [], False
    for a, b in ranges:
        for i in range(a, b):
            if i in dropped:
                continue
            if source[i] in foldable:
                pending = bool(chars)
                continue
            if pending:
                chars.append(" ")
                index.append(i - 1)
                pending = False
            chars.append(source[i])
            index.append(i)
        pending = bool(chars)
    return "".join(chars), tuple(index)


@given(st.text(alphabet="Sở Tài\n|\t ab.", max_size=60), st.lists(st.integers(0, 60), max_size=8),
       st.lists(st.integers(0, 60), max_size=10))
def test_flatten_agrees_with_the_character_definition(source, cuts, dropped):
    bounds = sorted(min(c, len(source)) for c in cuts)
    ranges = list(zip(bounds[::2], bounds[1::2]))
    flat = flatten(source, ranges, frozenset(dropped))
    assert (flat.text, flat.index) == _flatten_by_character(source, ranges, frozenset(dropped))
