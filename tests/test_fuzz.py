"""Fuzzing the readers and the extractor: whatever the bytes, only the project's own errors come out.

Inputs are random bytes behind each format's magic (PDF, ZIP/.docx, HTML, PNG, UTF-16) or none, corpus
text cut, spliced and sprinkled with noise, and real documents as .docx, PDF and HTML, mutated. A ``ReadError`` (a ``LineageError``) is the only
allowed failure of reading; extraction of any text that reads must not fail at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import fuzz
from graph.errors import LineageError
from ingest.extract import extract_source, extract_text
from ingest.read import read_source

CORPUS = Path(__file__).parent / "data" / "corpus"
SEED = (CORPUS / "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt").read_text(encoding="utf-8")
MAGICS = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html>", b"\x89PNG\r\n\x1a\n", b"\xff\xfe",
          b"\xd0\xcf\x11\xe0", "Căn cứ ".encode()]
NOISE = st.sampled_from(["\n", " ", "|", "Số:", "ngày", "/", "-", "–", "1", "2025", "Căn cứ", "Kính gửi:",
                         "Nghị quyết số", "trước ngày", "\u0301", "\u200b", "\ufeff", "[1]", "./.", "\f"])
# LINEAGE_FUZZ_EXAMPLES=5000 for a longer run (1,500 per test found nothing more than the default).
FUZZ = settings(max_examples=int(os.environ.get("LINEAGE_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(magic=st.sampled_from(MAGICS), body=st.binary(max_size=3000))
def test_any_bytes_read_or_fail_cleanly(tmp_path_factory, magic, body):
    path = tmp_path_factory.mktemp("fuzz") / "input"
    path.write_bytes(magic + body)
    try:
        source = read_source(path)
    except LineageError:
        return
    extract_source(source)


@FUZZ
@given(start=st.integers(0, len(SEED)), length=st.integers(0, 4000),
       inserts=st.lists(st.tuples(st.integers(0, 4000), NOISE), max_size=30))
def test_cut_and_noisy_corpus_text_extracts(start, length, inserts):
    text = SEED[start:start + length]
    for at, noise in inserts:
        at = min(at, len(text))
        text = text[:at] + noise + text[at:]
    record = extract_text(text).to_dict()
    for ref in record["references"]:
        for a, b in ref["spans"]:
            assert 0 <= a <= b <= len(text)


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=2000))
def test_any_text_extracts(text):
    extract_text(text)


# Real documents as .docx, PDF and HTML (bench/fuzz.py makes them from corpus files), mutated: bytes flipped,
# the file cut short, a zip member (word/footnotes.xml, word/document.xml …) cut and followed by broken XML.
# Whatever comes of it, reading gives text or a ReadError, and extracting the text never fails.
# LINEAGE_FUZZ_FILES=2000 for a longer run; `python3 -m bench.fuzz` runs longer still and prints figures.
FILES = settings(max_examples=int(os.environ.get("LINEAGE_FUZZ_FILES", "200")), deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SEED_INDEX = st.integers(0, len(fuzz.SEED_DOCUMENTS) - 1)
FLIPS = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=64)


def _read_and_extract(folder: Path, data: bytes) -> None:
    path = folder / "input"
    path.write_bytes(data)
    try:
        source = read_source(path)
    except LineageError as exc:
        assert str(exc).startswith(f"{path}: ")  # the error names the file
        return
    extract_source(source)


@FILES
@given(fmt=st.sampled_from(fuzz.FORMATS), index=SEED_INDEX, flips=st.one_of(st.just([]), FLIPS),
       keep=st.one_of(st.just(1.0), st.floats(0, 1)))
def test_mutated_docx_pdf_html_read_or_fail_cleanly(tmp_path_factory, fmt, index, flips, keep):
    data = fuzz.seeds()[fmt][index]
    _read_and_extract(tmp_path_factory.mktemp("fuzz"), fuzz.truncate(fuzz.flip(data, flips), keep))


@FILES
@given(index=SEED_INDEX, member=st.sampled_from(fuzz.DOCX_MEMBERS), keep=st.floats(0, 1),
       junk=st.one_of(st.sampled_from(fuzz.JUNK), st.binary(max_size=200)))
def test_docx_with_a_broken_member_reads_or_fails_cleanly(tmp_path_factory, index, member, keep, junk):
    data = fuzz.corrupt_member(fuzz.seeds()["docx"][index], member, keep, junk)
    _read_and_extract(tmp_path_factory.mktemp("fuzz"), data)
