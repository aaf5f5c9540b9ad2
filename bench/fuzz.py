"""A longer bounded fuzz run of the readers and the extractor: .docx, PDF and HTML files made from corpus
documents, mutated (bytes flipped, the file cut short, a zip member such as ``word/footnotes.xml`` or
``word/document.xml`` replaced by broken XML), each read by ``ingest.read.read_source`` and extracted.
A clean ``ReadError`` (a ``LineageError``) is a fine outcome; anything else that escapes, or an input
that runs past the time bound, is a crash. Prints inputs tried, clean errors, crashes (and the inputs
that caused them, kept in ``--keep``), and the slowest inputs per MB.

    python3 -m bench.fuzz --seconds 600 --seed 1          # stops after 600 s or --inputs, whichever first

``tests/test_fuzz.py`` drives the same seeds and mutations with hypothesis, a few hundred inputs in CI.
"""

from __future__ import annotations

import argparse
import html
import io
import random
import signal
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

CORPUS = Path(__file__).parent.parent / "tests" / "data" / "corpus"
# Corpus documents the seeds are made from: a letter with footnotes, a resolution, a plan.
SEED_DOCUMENTS = (
    "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt",
    "001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt",
    "008_kh-140-kh-ubnd-2025-quang-ngai-thuc-hien-nq-138-139-nq-cp.txt",
)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# The members of a .docx whose corruption the readers must survive.
DOCX_MEMBERS = ("word/document.xml", "word/footnotes.xml", "[Content_Types].xml", "word/_rels/document.xml.rels",
                "word/styles.xml")
# Broken XML put where a member was: unclosed tags, a bad entity, an entity bomb, deep nesting, not XML.
JUNK = (
    b"",
    b"<w:p><w:r><w:t>",
    b"</w:body></w:document>",
    b"&bogus;<",
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><d>&d;&d;</d>',
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
    b"<a>" * 5000,
    b"\x00\xff\xfe" * 50,
    b"PK\x03\x04" + bytes(40),
)
FORMATS = ("docx", "pdf", "html")
# Seconds per MB is given for inputs of at least this many bytes (a 300-byte page's fixed costs are not a rate).
PER_MB_FLOOR = 32 * 1024


def _lines(name: str) -> list[str]:
    return (CORPUS / name).read_text(encoding="utf-8").split("\n")


def make_docx(name: str) -> bytes:
    """The document as Word writes it: a paragraph a line; the footnotes (a marker line after a rule line
of spaces) also in word/footnotes.xml."""
    import docx

    lines = _lines(name)
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    notes = [line for before, line in zip(lines, lines[1:])
             if len(before) >= 10 and not before.strip() and line[:1].isdigit()]
    if not notes:
        return out.getvalue()
    xml = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">',
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>']
    for n, note in enumerate(notes, start=1):
        marker, _, text = note.partition(" ")
        xml.append(f'<w:footnote w:id="{n}"><w:p><w:r><w:t xml:space="preserve">{html.escape(text)}</w:t>'
                   "</w:r></w:p></w:footnote>")
    xml.append("</w:footnotes>")
    return replace_member(out.getvalue(), "word/footnotes.xml", "".join(xml).encode())


def make_pdf(name: str) -> bytes:
    """The document as a PDF with a text layer, lines wrapped at the page width."""
    import pymupdf

    document = pymupdf.open()
    page, y = None, 0.0
    for line in _lines(name):
        if page is None or y > 780:
            page = document.new_page()
            page.insert_font(fontname="dv", fontfile=FONT)
            y = 40
        left = page.insert_textbox(pymupdf.Rect(40, y, 560, y + 400), line or " ", fontname="dv", fontsize=9)
        y += max(12, 400 - left) if left >= 0 else 12
    return document.tobytes()


def make_html(name: str) -> bytes:
    """The document inside a portal page (menus, related links, a footer)."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in _lines(name))
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head><body>'
            '<nav><ul><li><a href="/">1</a></li></ul></nav>'
            f'<article><div class="content">{body}</div></article><footer>2</footer></body></html>').encode()


MAKERS = {"docx": make_docx, "pdf": make_pdf, "html": make_html}


@cache
def seeds() -> dict[str, tuple[bytes, ...]]:
    """Each format's seed files, one per :data:`SEED_DOCUMENTS`."""
    return {fmt: tuple(make(name) for name in SEED_DOCUMENTS) for fmt, make in MAKERS.items()}


def replace_member(data: bytes, member: str, content: bytes) -> bytes:
    """The zip ``data`` with ``member`` holding ``content`` (added when it was not there)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != member:
                archive.writestr(info, source.read(info.filename))
        archive.writestr(member, content)
    return out.getvalue()


def flip(data: bytes, flips: list[tuple[float, int]]) -> bytes:
    """``data`` with the byte at each fraction of its length set to the given value."""
    out = bytearray(data)
    for at, value in flips:
        out[min(len(out) - 1, int(at * len(out)))] = value
    return bytes(out)


def truncate(data: bytes, keep: float) -> bytes:
    """The first ``keep`` fraction of ``data``."""
    return data[:int(keep * len(data))]


def corrupt_member(data: bytes, member: str, keep: float, junk: bytes) -> bytes:
    """A .docx whose ``member`` is cut to its first ``keep`` fraction, then ``junk`` (broken XML)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    original = source.read(member) if member in source.namelist() else b""
    return replace_member(data, member, original[:int(keep * len(original))] + junk)


def random_input(rng: random.Random) -> tuple[str, bytes]:
    """A description and the bytes of one mutated seed."""
    fmt = rng.choice(FORMATS)
    index = rng.randrange(len(SEED_DOCUMENTS))
    data = seeds()[fmt][index]
    kinds = ["flip", "truncate", "flip+truncate"] + (["member"] * 3 if fmt == "docx" else [])
    kind = rng.choice(kinds)
    if kind == "member":
        member, keep, junk = rng.choice(DOCX_MEMBERS), rng.random(), rng.choice(JUNK)
        return f"{fmt}#{index} {member} cut at {keep:.3f} + junk {JUNK.index(junk)}", \
            corrupt_member(data, member, keep, junk)
    flips = [(rng.random(), rng.randrange(256)) for _ in range(rng.choice((1, 2, 8, 64)))]
    keep = rng.random()
    if kind == "flip":
        return f"{fmt}#{index} {len(flips)} bytes flipped", flip(data, flips)
    if kind == "truncate":
        return f"{fmt}#{index} cut at {keep:.3f}", truncate(data, keep)
    return f"{fmt}#{index} {len(flips)} flipped, cut at {keep:.3f}", truncate(flip(data, flips), keep)


class TimedOut(BaseException):
    pass


def _alarm(signum, frame):
    raise TimedOut


def read_and_extract(path: Path) -> str:
    """``ok`` or ``error`` (a clean ReadError); raises anything else."""
    from graph.errors import LineageError
    from ingest.extract import extract_source
    from ingest.read import read_source

    try:
        source = read_source(path)
    except LineageError:
        return "error"
    extract_source(source)
    return "ok"


def run(seconds: float, inputs: int, seed: int, bound: float, keep: Path) -> dict:
    rng = random.Random(seed)
    signal.signal(signal.SIGALRM, _alarm)
    tried = errors = 0
    crashes: list[tuple[str, str]] = []
    timings: list[tuple[float, float, int, str]] = []  # (seconds per MB, seconds, bytes, what)
    keep.mkdir(parents=True, exist_ok=True)
    seeds()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input"
        while tried < inputs and time.perf_counter() - start < seconds:
            what, data = random_input(rng)
            path.write_bytes(data)
            tried += 1
            began = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, bound)
            try:
                try:
                    errors += read_and_extract(path) == "error"
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            except TimedOut:
                crashes.append((what, f"over {bound:g} s"))
                (keep / f"crash-{len(crashes)}").write_bytes(data)
            except Exception as exc:
                message = " ".join("".join(traceback.format_exception_only(exc)).split())
                crashes.append((what, f"{type(exc).__module__}.{type(exc).__name__}: {message}"))
                (keep / f"crash-{len(crashes)}").write_bytes(data)
            took = time.perf_counter() - began
            timings.append((took / max(len(data), 1) * 1e6, took, len(data), f"{what} ({len(data) / 1e3:.0f} KB)"))
    sized = sorted((t for t in timings if t[2] >= PER_MB_FLOOR), reverse=True)
    return {"seconds": time.perf_counter() - start, "tried": tried, "errors": errors, "crashes": crashes,
            "slowest": sized[:5], "slowest_absolute": max(timings, key=lambda t: t[1]) if timings else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=300, help="stop after this long")
    parser.add_argument("--inputs", type=int, default=100_000, help="stop after this many inputs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bound", type=float, default=30, help="seconds one input may take before it counts as a crash")
    parser.add_argument("--keep", type=Path, default=Path("/tmp/lineage-fuzz"), help="where crashing inputs are kept")
    args = parser.parse_args()
    report = run(args.seconds, args.inputs, args.seed, args.bound, args.keep)
    print(f"{report['tried']} inputs in {report['seconds']:.0f} s (seed {args.seed}): "
          f"{report['tried'] - report['errors'] - len(report['crashes'])} read and extracted, "
          f"{report['errors']} clean errors (ReadError), {len(report['crashes'])} crashes")
    kinds = Counter((what.split()[0] + (" " + what.split()[1] if what.split()[1].startswith("word/") else ""),
                     why.split(":")[0]) for what, why in report["crashes"])
    for (seed, error), count in kinds.most_common():
        print(f"  {count} crashes: {seed} ({error})")
    for what, why in report["crashes"][:20]:
        print(f"  crash: {what}: {why}")
    print(f"slowest per MB (inputs of {PER_MB_FLOOR // 1024} KB or more):")
    for per_mb, took, _, what in report["slowest"]:
        print(f"  {per_mb:.2f} s/MB ({took * 1e3:.0f} ms): {what}")
    if report["slowest_absolute"]:
        per_mb, took, _, what = report["slowest_absolute"]
        print(f"slowest input: {took * 1e3:.0f} ms ({per_mb:.2f} s/MB): {what}")


if __name__ == "__main__":
    main()
