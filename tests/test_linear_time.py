"""Pathological inputs extract in linear time (issue 19, "Linear time").

Each row is one input of ``bench/pathological.py`` (a short letter whose body, or header, repeats one unit)
at a size that took a minute or more before the stages' quadratic loops were removed (more than two for
most), and takes a second or two now. It is extracted in a process of its own that is stopped after
:data:`TIMEOUT` seconds: a return to quadratic time fails the test, a slow machine does not. (Not a
timing: the figures per MB, before and after, are in bench/README.md.)
"""

from __future__ import annotations

import pytest

from bench.pathological import INPUTS, build, measure

TIMEOUT = 60.0  # seconds of wall time; the rows took about this or far more before, and ~1-3 s of CPU now

CASES = [
    # (input, size in KB): what it repeats; CPU time before (bench/README.md, "Pathological inputs") and the loop
    ("so-lines", 800),          # "Số: 12/UBND" lines: > 120 s (each mention checked against every span taken before)
    ("can-cu-lines", 800),      # "Căn cứ Nghị quyết số …;" lines: 61 s (each "Căn cứ" scope passed over every mention)
    ("codes", 800),             # "124/NQ-CP ": > 120 s (taken spans; each mention searched back for ". " and on for its end)
    ("numbered-codes", 800),    # "Quyết định số N/QĐ-UBND, ": > 120 s (taken spans; short forms against every group)
    ("replaces", 800),          # "thay thế Quyết định số N/QĐ-UBND ": > 120 s (each mention read its whole sentence)
    ("kinh-gui", 400),          # "Kính gửi: ": 34 s at 200 KB, 4 × as long at each doubling (each "gửi" masked the rest)
    ("send-by", 800),           # "gửi Sở Tài chính trước ngày 30/6/2025 ": > 120 s (the same)
    ("issuer-runs-on", 20),     # "… số N/NQ-CP của Ủy ban nhân dân tỉnh Kon Tum" with no stop: > 120 s at 10 KB (every prefix tried)
    ("percents", 100),          # "phấn đấu tăng trưởng đạt N% ": 28 s at 50 KB, > 120 s at 200 KB (each figure re-read its sentence)
    ("truoc-ngay-dated", 3200),  # "hoàn thành trước ngày 30/6/2025, ": 100 s (each deadline checked against every earlier one)
    ("footnotes", 1600),        # a footnote every three lines: 31 s at 800 KB, 4 × as long at each doubling (each footnote
                                # walked every line break of the text and sorted all its dropped offsets)
]


@pytest.mark.parametrize(("kind", "kb"), CASES, ids=[k for k, _ in CASES])
def test_pathological_input_extracts_in_linear_time(kind, kb):
    seconds = measure(kind, kb * 1000, TIMEOUT)
    assert seconds is not None, f"{kind} at {kb} KB did not finish in {TIMEOUT:g} s: a quadratic loop is back"


def test_inputs_are_the_size_asked_for():
    # the figures are per MB of UTF-8: each input is the size asked for, to within one repeated unit
    for kind, kb in CASES:
        size = len(build(kind, kb * 1000).encode())
        assert kb * 1000 <= size <= kb * 1000 + len(INPUTS[kind].encode()) + 8, kind
