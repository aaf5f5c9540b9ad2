"""The document's text on its card (ui/document_text.py): the same cleaned text the spans point into, passages
found across line breaks, and marks that show the text as printed and nothing else."""

from __future__ import annotations

import pytest

from ingest.clean.normalise import clean
from ui.document_text import Mark, cleaned, find, marked_html


@pytest.mark.parametrize("name", ["kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt",
                                  "hai-phong-cv-trien-khai-nq-124-nq-cp-2025.txt",
                                  "008_kh-140-kh-ubnd-2025-quang-ngai-thuc-hien-nq-138-139-nq-cp.txt"])
def test_the_app_cleans_a_text_as_ingest_does(data_dir, name):
    raw = (data_dir / "corpus" / name).read_text(encoding="utf-8")
    assert cleaned("\ufeff" + raw.replace("\n", "\r\n")) == clean("\ufeff" + raw.replace("\n", "\r\n"))


# (text as printed, passage as stored, what is found) — passages are stored with their whitespace collapsed.
FOUND = [
    ("Giao Sở Xây dựng\nchủ trì, báo cáo", "Sở Xây dựng chủ trì", "Sở Xây dựng\nchủ trì"),   # a line break inside
    ("| tăng trưởng | 10% |", "tăng trưởng 10%", "tăng trưởng | 10%"),                     # a table row
    ("V/v triển khai Nghị \n\nquyết số 124/NQ-CP", "Nghị quyết số 124/NQ-CP", "Nghị \n\nquyết số 124/NQ-CP"),  # Kon Tum
    ("Không có ở đây", "Sở Tài chính", None),
]


@pytest.mark.parametrize("text, passage, found", FOUND)
def test_find_a_passage_as_printed(text, passage, found):
    where = find(text, passage)
    assert (text[where[0]:where[1]] if where else None) == found


def test_marks_show_the_text_and_nothing_else():
    text = 'Thực hiện ![x](http://127.0.0.1:9/x.png) <script>alert(1)</script> Nghị quyết số 124/NQ-CP.'
    start = text.index("Nghị")
    page = marked_html(text, [Mark(start, len(text) - 1, "link", 'thực hiện → "124"'),
                              Mark(start + 2, start + 8, "task", "overlaps: dropped")], {"link": "#cfe2f3"})
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<mark title="thực hiện → &quot;124&quot;" style="background:#cfe2f3">Nghị quyết số 124/NQ-CP</mark>' in page
    assert page.count("<mark") == 1
