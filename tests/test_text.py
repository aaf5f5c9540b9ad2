"""Cleaning keeps spans honest: footnotes, glued markers, page numbers."""

from ingest.text import clean, layout

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
