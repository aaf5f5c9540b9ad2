"""Candidate pairs without comparing all pairs: each document's sentences (its chunks) as MinHash signatures of
their word 3-grams in a MinHash LSH index (``datasketch``), so that a new document finds the documents that
hold a sentence like one of its own in time that does not grow with the store. The index, the documents'
cleaned texts and the pairs already aligned are kept in a folder beside the store (``lineage-data/reuse``):
an ingest aligns only the documents that are new or changed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from datasketch import MinHash, MinHashLSH

from graph.errors import LineageError

from .align import Words

NUM_PERM = 64          # MinHash permutations per chunk
THRESHOLD = 0.5        # Jaccard of two chunks' 3-gram sets from which LSH makes them candidates
SHINGLE = 3            # words in a shingle
CHUNK_MIN = 10         # a sentence shorter than this joins the next
CHUNK_MAX = 40         # a longer sentence is cut at a comma past half of this, and at this many words
CANDIDATES = 40        # most earlier documents one document is aligned with (those sharing most chunks)
# A chunk this many documents already hold is boilerplate ("… chịu trách nhiệm thi hành Quyết định này"): it finds
# no candidates and is not indexed again, so no LSH bucket grows with the store and a look-up costs the same at
# any size (the cost of an ingest grows with the documents ingested, never with all pairs).
COMMON_DOCS = 25
# Where a sentence ends, for chunking: "… thực hiện./.", "…; ", "gồm: ". Line breaks do not end one (a letter
# printed from a PDF breaks lines mid-sentence). Not lexicon.stops.STOP_MARK_RE: a run of marks, with or without
# a space after, and "!" and "?" too (it is looked for in the gap between two words).
CHUNK_END_RE = re.compile(r"[.;:!?]+")
COMMA = ","
INDEX_FILE = "index.pickle"
TEXTS = "texts"
FORMAT = 2  # bumped when what the index file holds changes
MAX_CHUNKS = 1 << 14  # chunks of one document indexed at most (a key is number × MAX_CHUNKS + chunk: a small int)


def band_digest(band: bytes) -> bytes:
    """An LSH band's 8-byte digest, its key in the index (the band itself is 32 bytes: the index is ~60% smaller)."""
    return hashlib.blake2b(band, digest_size=8).digest()


@dataclass
class Entry:
    """What the index keeps of a document: its file's digest, its words' count, its chunks' number, and what
    the pairing needs without the store (its date, level, the documents it links to, its tasks' spans)."""

    sha256: str
    path: str | None
    issue_date: str | None
    level: int | None
    doc_type: str | None
    words: int
    chunks: int
    links: frozenset[str] = frozenset()
    tasks: tuple[tuple[str, int, int], ...] = ()
    skip: tuple[tuple[int, int], ...] = ()  # spans left out of the comparison (the recipients' block)
    basis: tuple[tuple[int, int], ...] = ()  # the "Căn cứ" paragraphs: alike in every document on one legal basis
    province: str | None = None  # the issuer's province, for a local issuer
    number: int = 0  # the document's number in the LSH keys (number × MAX_CHUNKS + chunk)


def chunks(words: Words, text: str) -> list[tuple[int, int]]:
    """Word ranges of ``words`` cut at sentence ends (and at commas, in sentences over :data:`CHUNK_MAX` words),
    pieces under :data:`CHUNK_MIN` words joined to the next.

    >>> text = "Một hai ba bốn năm sáu bảy tám chín mười mười một. Ngắn. Một hai ba bốn năm sáu bảy tám chín."
    >>> chunks(Words.of(text), text)
    [(0, 12), (12, 22)]
    """
    pieces, start = [], 0
    for i in range(1, len(words)):
        gap = text[words.ends[i - 1]:words.starts[i]]
        if CHUNK_END_RE.search(gap) or (i - start >= CHUNK_MAX) or (COMMA in gap and i - start > CHUNK_MAX // 2):
            pieces.append((start, i))
            start = i
    if start < len(words):
        pieces.append((start, len(words)))
    out: list[tuple[int, int]] = []
    for piece in pieces:
        if out and out[-1][1] - out[-1][0] < CHUNK_MIN:
            out[-1] = (out[-1][0], piece[1])
        else:
            out.append(piece)
    if len(out) > 1 and out[-1][1] - out[-1][0] < CHUNK_MIN:
        last = out.pop()
        out[-1] = (out[-1][0], last[1])
    return out


def signatures(words: Words, pieces: list[tuple[int, int]]) -> list[MinHash]:
    """The MinHash of each chunk's word 3-grams."""
    sets = []
    for a, b in pieces:
        ws = words.words[a:b]
        sets.append([" ".join(ws[i:i + SHINGLE]).encode() for i in range(max(1, len(ws) - SHINGLE + 1))])
    return MinHash.bulk(sets, num_perm=NUM_PERM) if sets else []


@dataclass
class ReuseIndex:
    """The LSH index of every document's chunks, what it knows of each document (:class:`Entry`), the pairs
    aligned (later uid, earlier uid) → their result, and the cleaned texts by sha256; ``folder`` None: in
    memory only (the benchmark)."""

    folder: Path | None = None
    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM,
                                                                 hashfunc=band_digest))
    entries: dict[str, Entry] = field(default_factory=dict)
    pairs: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    _texts: dict[str, str] = field(default_factory=dict)
    _numbers: dict[int, str] = field(default_factory=dict)  # LSH key number → uid
    _next: int = 1
    _pairs_of: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # uid → the pairs it is in

    @classmethod
    def open(cls, folder: str | Path) -> "ReuseIndex":
        folder = Path(folder)
        path = folder / INDEX_FILE
        if not path.is_file():
            return cls(folder)
        try:
            with path.open("rb") as handle:
                held = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            raise LineageError(f"{path}: cannot read the reuse index ({exc}); delete the folder {folder} and ingest "
                               "again to rebuild it") from exc
        if held.get("format") != FORMAT:
            return cls(folder)  # made by other code: rebuilt as documents are ingested
        index = cls(folder, held["lsh"], held["entries"], held["pairs"])
        index._numbers = {e.number: uid for uid, e in index.entries.items()}
        index._next = max(index._numbers, default=0) + 1
        for pair in index.pairs:
            for uid in pair:
                index._pairs_of.setdefault(uid, set()).add(pair)
        return index

    def save(self) -> None:
        """Write the index (atomically: a reader sees the old one or the new one)."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump({"format": FORMAT, "lsh": self.lsh, "entries": self.entries, "pairs": self.pairs}, handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / INDEX_FILE)

    # texts -------------------------------------------------------------------------------------------------
    def text(self, sha256: str) -> str | None:
        if sha256 in self._texts:
            return self._texts[sha256]
        if self.folder is None:
            return None
        try:
            return gzip.decompress((self.folder / TEXTS / f"{sha256}.txt.gz").read_bytes()).decode("utf-8")
        except OSError:
            return None

    def keep_text(self, sha256: str, text: str) -> None:
        if self.folder is None:
            self._texts[sha256] = text
            return
        path = self.folder / TEXTS / f"{sha256}.txt.gz"
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(gzip.compress(text.encode("utf-8"), compresslevel=6))
            os.replace(tmp, path)

    # documents ---------------------------------------------------------------------------------------------
    def remove(self, uid: str) -> None:
        """Forget a document: its chunks and every pair it is in."""
        entry = self.entries.pop(uid, None)
        if entry is not None:
            self._numbers.pop(entry.number, None)
            for n in range(min(entry.chunks, MAX_CHUNKS)):
                key = entry.number * MAX_CHUNKS + n
                if key in self.lsh:
                    self.lsh.remove(key)
        for pair in self._pairs_of.pop(uid, set()):
            self.pairs.pop(pair, None)
            other = pair[0] if pair[1] == uid else pair[1]
            self._pairs_of.get(other, set()).discard(pair)

    def keep_pair(self, later: str, earlier: str, result: dict[str, Any]) -> None:
        """Keep what aligning ``later`` with ``earlier`` gave."""
        self.pairs[(later, earlier)] = result
        for uid in (later, earlier):
            self._pairs_of.setdefault(uid, set()).add((later, earlier))

    def pairs_of(self, uid: str) -> set[tuple[str, str]]:
        """The pairs (later, earlier) ``uid`` is in."""
        return self._pairs_of.get(uid, set())

    def add(self, uid: str, entry: Entry, sigs: list[MinHash], common: Iterable[int] = ()) -> None:
        """Index a document's chunks but the ``common`` ones (one already held under ``uid`` is removed first)."""
        self.remove(uid)
        entry.chunks = len(sigs)
        entry.number, self._next = self._next, self._next + 1
        self.entries[uid] = entry
        self._numbers[entry.number] = uid
        common = set(common)
        with self.lsh.insertion_session() as session:
            for n, sig in enumerate(sigs[:MAX_CHUNKS]):
                if n not in common:
                    session.insert(entry.number * MAX_CHUNKS + n, sig, check_duplication=False)

    def candidates(self, uid: str, sigs: Iterable[MinHash]) -> tuple[list[str], set[int]]:
        """The other documents with a chunk like one of ``sigs``, those sharing most first, at most
        :data:`CANDIDATES`; and the chunks :data:`COMMON_DOCS` documents or more hold (boilerplate, left out)."""
        found: Counter[str] = Counter()
        common = set()
        for n, sig in enumerate(sigs):
            holders = {self._numbers[key // MAX_CHUNKS] for key in self.lsh.query(sig)} - {uid}
            if len(holders) >= COMMON_DOCS:
                common.add(n)
            else:
                found.update(holders)
        return [u for u, _ in sorted(found.items(), key=lambda x: (-x[1], x[0]))[:CANDIDATES]], common


