"""Dates written every way the corpus writes them."""

import pytest

from ingest.lexicon.dates import dated_at, find_date, quarter_end

DATES = [
    ("ngày 08/5/2025", "2025-05-08"),  # seeds: numeric, no leading zero
    ("ngày 17/05/2025", "2025-05-17"),  # 008: leading zero
    ("ngày 08 tháng 5 năm 2025", "2025-05-08"),  # Kon Tum: in words
    ("ngày 18 tháng 02 năm 2025", "2025-02-18"),  # 001: zero-padded month in words
    ("ngày       tháng     năm 2025", "2025"),  # Hải Phòng seed: blank day and month
    ("ngày ….. tháng ….. năm 2025", "2025"),  # 013: dotted blanks
    ("ngày 06/01/", None),  # 033: date cut by the capture
    ("ngày 31/02/2025", None),  # impossible date is not a guess
]


@pytest.mark.parametrize("text,expected", DATES)
def test_dated(text, expected):
    assert dated_at(text, 0).iso == expected


def test_footnote_digit_is_not_part_of_the_year():
    # Kon Tum: "năm 20251" is 2025 + footnote 1; the flat view drops the marker (see test_text).
    assert find_date("ngày 20 tháng 01 năm 2025") .iso == "2025-01-20"


@pytest.mark.parametrize("quarter,year,expected", [("I", "2020", "2020-03-31"), ("III", "2025", "2025-09-30")])
def test_quarter_end(quarter, year, expected):
    assert quarter_end(quarter, year) == expected
