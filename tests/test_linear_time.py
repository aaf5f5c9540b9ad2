"""Pathological inputs extract in linear time (issue 19, "Linear time").

Each row is one input of ``bench/pathological.py`` (a short letter whose body, or header, repeats one unit)
at a size that took minutes, or more than two minutes, before the stages' quadratic loops were removed, and
takes a second or two now. It is extracted in a process of its own that is stopped after
:data:`TIMEOUT` seconds: a return to quadratic time fails the test, a slow machine does not. (Not a
timing: the figures per MB, before and after, are in bench/README.md.)
"""

from __future__ import annotations

import pytest

from bench.pathological import INPUTS, build, measure

TIMEOUT = 60.0  # seconds of wall time; every row took well over this before, and ~1-3 s of CPU now

CASES = [
    # (input, size in KB) — the figures are CPU seconds on the 2-core machine of bench/README.md
    ("so-lines", 800),        # "Số: 12/UBND" lines: 54 s before (a mention's taken-span check ran over every earlier one)
    ("can-cu-lines", 800),    # "Căn cứ Nghị quyết số …;" lines: 62 s before (each "Căn cứ" scope looped over every mention)
    ("codes", 400),           # "124/NQ-CP " 40,000 times: > 120 s before (taken spans; each mention searched back for ". ")
    ("kinh-gui", 400),        # "Kính gửi: " 40,000 times: > 120 s before (each "gửi" masked the rest of the clause)
    ("issuer-runs-on", 20),   # "… số N/NQ-CP của Ủy ban nhân dân tỉnh Kon Tum" with no stop: > 120 s at 10 KB before
    ("percents", 100),        # "phấn đấu tăng trưởng đạt N% ": > 120 s before (each figure re-read its whole sentence)
    ("truoc-ngay-dated", 800),  # "hoàn thành trước ngày 30/6/2025, ": 18 s before, 4 × as long at each doubling
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
