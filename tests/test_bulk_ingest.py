"""A bulk ingest never aborts on one file (issue 19): whatever a reader raises becomes that file's error,
naming it and the reason, and the other files are stored; a file past the time or memory bound is
reported as such and the run goes on; what comes back from a worker process is plain data.

The first two tests run `lineage ingest` as a user does (a subprocess on a folder); the others drive the
local pool directly, where a hang in C code or a dying worker is simulated in the worker itself.
"""

from __future__ import annotations

import faulthandler
import io
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from bench import fuzz
from bench.fuzz import corrupt_member, make_docx, replace_member
from graph.rdf_store import OxigraphStore
from ingest.batch import executors
from ingest.batch.executors import CRASHED, FAILED, OK, OUT_OF_MEMORY, TIMED_OUT, LocalExecutor, Outcome, extract_one
from ingest.errors import ReadError
from ingest.read import read_source

CORPUS = Path(__file__).parent / "data" / "corpus"
LETTER = CORPUS / "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt"  # 16 KB, the seed letter
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# word/footnotes.xml cut inside a footnote's text: the file of the finding.
BROKEN_FOOTNOTES = (f'<?xml version="1.0"?><w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r>'
                    "<w:t>Ban h").encode()


def bad_footnotes_docx() -> bytes:
    """A real letter as .docx (bench.fuzz.make_docx: its footnotes in word/footnotes.xml), that file broken."""
    return replace_member(make_docx(LETTER.name), "word/footnotes.xml", BROKEN_FOOTNOTES)


def _lineage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lineage", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200"}, timeout=600)


def _stored_documents(store: Path) -> int:
    counts = OxigraphStore(store / "rdf", read_only=True).counts()
    return counts.nodes.get("Document", 0) - counts.stubs


def test_a_docx_with_broken_footnotes_among_40_good_files_fails_alone(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    bad = folder / "020_broken-footnotes.docx"
    bad.write_bytes(bad_footnotes_docx())
    store = tmp_path / "store"
    result = _lineage("ingest", str(folder), "--store", str(store))
    assert result.returncode == 1, result.stderr  # README: a file that cannot be read is reported, exit code 1
    assert "Traceback" not in result.stderr
    assert "41 files: 40 extracted, 0 reused from the cache, 1 failed" in result.stdout
    assert (f"failed: {bad}: damaged .docx: its footnotes (word/footnotes.xml) cannot be read (XMLSyntaxError: "
            in result.stdout)
    assert "open it in Word and save it again" in result.stdout
    assert _stored_documents(store) == 40


def test_a_file_past_the_time_bound_is_reported_as_timed_out_and_the_rest_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(CORPUS.glob("00*.txt"))[:3]:
        shutil.copy(path, folder)
    huge = folder / "005_huge.txt"
    huge.write_text(LETTER.read_text(encoding="utf-8") * 2500, encoding="utf-8")  # 40 MB: ~20 s of extraction
    store = tmp_path / "store"
    result = _lineage("ingest", str(folder), "--store", str(store), "--timeout", "2", "--workers", "2")
    assert result.returncode == 1, result.stderr
    assert "4 files: 3 extracted, 0 reused from the cache, 1 failed (1 timed out)" in result.stdout
    assert f"timed out: {huge}: timed out after 2 s (the per-file time bound)" in result.stdout
    assert _stored_documents(store) == 3


def _files(folder: Path, names: list[str]) -> list[tuple[int, Path]]:
    folder.mkdir()
    corpus = sorted(CORPUS.glob("*.txt"))
    todo = []
    for n, name in enumerate(names):
        path = folder / name
        shutil.copy(corpus[n], path)
        todo.append((n, path))
    return todo


def _misbehaving(hang: str, crash: str):
    """extract_one as run in the worker (forked from this process): a hang the alarm cannot reach (SIGALRM
    blocked, as in a library's C code) for ``hang``, a segfault for ``crash``."""
    real = executors.extract_one

    def extract(path):
        name = Path(path).name
        if name == hang:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(120)
        if name == crash:
            faulthandler.disable()  # pytest's, inherited: no dump of this deliberate crash
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(path)
    return extract


def test_a_worker_stuck_in_c_code_or_dying_is_replaced_and_its_batch_goes_on(tmp_path, monkeypatch):
    names = ["a.txt", "b-hangs.txt", "c.txt", "d-crashes.txt", "e.txt", "f.txt"]
    todo = _files(tmp_path / "in", names)
    monkeypatch.setattr(executors, "extract_one", _misbehaving("b-hangs.txt", "d-crashes.txt"))
    monkeypatch.setattr(executors, "GRACE", 1.0)
    monkeypatch.setattr(executors, "IN_FLIGHT", 1)  # one worker, one batch of all six files
    with LocalExecutor(workers=1, timeout=1.0) as pool:
        outcomes = dict(pool.extract(todo))
    assert sorted(outcomes) == list(range(len(names)))
    status = {Path(o.path).name: o.status for o in outcomes.values()}
    assert status == {"a.txt": OK, "b-hangs.txt": TIMED_OUT, "c.txt": OK, "d-crashes.txt": CRASHED,
                      "e.txt": OK, "f.txt": OK}
    assert "killed by SIGSEGV" in outcomes[3].error and outcomes[3].error.startswith(str(todo[3][1]))


def test_a_file_over_the_memory_bound_is_reported_and_the_worker_replaced(tmp_path):
    names = ["a.txt", "b-huge.txt", "c.txt"]
    todo = _files(tmp_path / "in", names)
    todo[1][1].write_text(LETTER.read_text(encoding="utf-8") * 2500, encoding="utf-8")  # 40 MB of text
    with open("/proc/self/status") as status:  # the workers start as copies of this process
        vm_mb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:")) // 1024
    with LocalExecutor(workers=1, memory_mb=vm_mb + 300) as pool:
        outcomes = dict(pool.extract(todo))
    assert [outcomes[n].status for n in range(3)] == [OK, OUT_OF_MEMORY, OK]
    assert "ran out of memory (the per-process memory bound)" in outcomes[1].error


def test_errors_cross_the_process_boundary_as_plain_data(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(bad_footnotes_docx())
    outcome = extract_one(bad)
    assert outcome.status == FAILED and outcome.record is None
    assert all(isinstance(v, (str, bytes, tuple, type(None))) for v in outcome)
    assert pickle.loads(pickle.dumps(outcome)) == outcome
    with pytest.raises(ReadError) as caught:
        read_source(bad)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (type(again), str(again), again.path) == (ReadError, str(caught.value), str(bad))
    with LocalExecutor(workers=2) as pool:  # through real worker processes
        (n, back), = pool.extract([(0, bad)])
    assert back == outcome


def _flip_in_member(data: bytes, member: str) -> bytes:
    """The .docx with one byte of ``member``'s compressed data flipped (a bad CRC, or a broken stream)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2
    return data[:start] + bytes([data[start] ^ 0xFF]) + data[start + 1:]


# A PDF whose page tree holds itself (pymupdf raises FzErrorFormat while reading the pages).
PAGE_TREE_CYCLE = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>"
                   b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF")
# An entity bomb (bench.fuzz.JUNK[4]): as word/document.xml it parses to a root with no body.
ENTITY_BOMB = fuzz.JUNK[4]

# Crafted files → the reason their error gives (the .docx ones made from the real letter as .docx).
BROKEN_FILES = [
    # the finding: word/footnotes.xml cut inside a footnote
    (lambda d: replace_member(d, "word/footnotes.xml", BROKEN_FOOTNOTES), "word/footnotes.xml"),
    # word/footnotes.xml not XML at all
    (lambda d: corrupt_member(d, "word/footnotes.xml", 0.0, b"\x00\xff\xfe"), "word/footnotes.xml"),
    # word/document.xml cut in half
    (lambda d: corrupt_member(d, "word/document.xml", 0.5, b""), "damaged .docx"),
    # a byte of word/document.xml's compressed stream flipped
    (lambda d: _flip_in_member(d, "word/document.xml"), "damaged .docx"),
    # a byte of word/footnotes.xml's compressed stream flipped
    (lambda d: _flip_in_member(d, "word/footnotes.xml"), "word/footnotes.xml"),
    # word/document.xml an entity bomb: python-docx finds no body (AttributeError, a crash before)
    (lambda d: replace_member(d, "word/document.xml", ENTITY_BOMB), "cannot be read as a Word .docx (AttributeError"),
    # a PDF whose page tree is a cycle (FzErrorFormat while iterating the pages, a crash before)
    (lambda d: PAGE_TREE_CYCLE, "cannot be read as a PDF (FzErrorFormat"),
]


@pytest.mark.parametrize("make, reason", BROKEN_FILES)
def test_a_broken_file_is_a_read_error_naming_the_file_and_reason(make, reason, tmp_path):
    path = tmp_path / "letter.docx"
    path.write_bytes(make(make_docx(LETTER.name)))
    with pytest.raises(ReadError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: ") and reason in str(caught.value)
