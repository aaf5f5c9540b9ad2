"""Passages two texts share: where a later document copies (near-verbatim) or changes (rewrites in part) a
passage of an earlier one, with the span on each side, the words they share and a similarity.

Texts are compared as words (``WORD_RE``: letters and digits, case folded), so line breaks, spacing,
punctuation and the case of a heading do not count. Candidate regions come from runs of shared word
:data:`SEED` -grams on one diagonal (gaps and small shifts allowed: an edit or a footnote marker breaks a
few grams, not the run); each region is then aligned word by word with rapidfuzz (``Indel`` on the word
sequences), which gives the words kept and the similarity. A passage is at least :data:`MIN_WORDS` words on
both sides; at :data:`COPIED` similarity or more it is *copied*, above :data:`CHANGED` *changed*.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Sequence

from rapidfuzz.distance import Indel

# A word: a run of letters or digits ("Nghị", "124", "NQ" in "124/NQ-CP"); punctuation and spaces between.
WORD_RE = re.compile(r"\w+")
SEED = 5          # words in a seed gram
MIN_WORDS = 20    # least words of a passage, on each side
MAX_GAP = 25      # most words between two seeds of one passage (an edited stretch)
MAX_SHIFT = 8     # most words one side may gain on the other between two seeds (words added or dropped)
COMMON = 6        # a gram found this often in one text is boilerplate, not a seed
COPIED = 0.9      # similarity from which a passage is copied (near-verbatim)
CHANGED = 0.6      # similarity above which a passage is changed (rewritten in part); below, not reuse


@dataclass(frozen=True)
class Words:
    """A text's words (case folded) and where each lies in the text."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, skip: Sequence[tuple[int, int]] = ()) -> "Words":
        """The words of ``text`` outside the ``skip`` spans (the recipients' block, say).

        >>> Words.of("Nghị quyết số 124/NQ-CP").words
        ('nghị', 'quyết', 'số', '124', 'nq', 'cp')
        """
        out, starts, ends = [], [], []
        for m in WORD_RE.finditer(text):
            if any(a <= m.start() < b for a, b in skip):
                continue
            out.append(m.group().casefold())
            starts.append(m.start())
            ends.append(m.end())
        return cls(tuple(out), tuple(starts), tuple(ends))

    def __len__(self) -> int:
        return len(self.words)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Characters of words ``i`` to ``j`` (exclusive)."""
        return self.starts[i], self.ends[j - 1]

    @cached_property
    def grams(self) -> dict[tuple[str, ...], list[int]]:
        """Where each :data:`SEED`-word gram starts (computed once: a document is aligned with many)."""
        grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
        words = self.words
        for i in range(len(words) - SEED + 1):
            grams[words[i:i + SEED]].append(i)
        return grams

    def index(self, offset: int) -> int:
        """The first word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)


@dataclass(frozen=True)
class Passage:
    """One passage shared: words ``a`` (start, end) of the later text and ``b`` of the earlier; ``a_span``,
    ``b_span`` their characters; ``shared`` words aligned alike; ``similarity`` 0–1 (rapidfuzz Indel on the
    words); ``kind`` copied | changed; ``pairs`` the word pairs aligned alike (a index, b index)."""

    a: tuple[int, int]
    b: tuple[int, int]
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    shared: int
    similarity: float
    kind: str
    pairs: tuple[tuple[int, int], ...] = ()

    @property
    def words(self) -> int:
        return self.a[1] - self.a[0]

    def evidence(self) -> dict:
        """What an edge keeps of it (JSON-ready)."""
        return {"a_span": list(self.a_span), "b_span": list(self.b_span), "words": self.words,
                "shared": self.shared, "similarity": self.similarity, "kind": self.kind}


@dataclass(frozen=True)
class Alignment:
    """The passages a later text ``a`` shares with an earlier ``b``, and what share of ``a`` they make."""

    passages: tuple[Passage, ...]
    a_words: int
    b_words: int

    def words(self, kind: str) -> int:
        return sum(p.words for p in self.passages if p.kind == kind)

    def share(self, kind: str) -> float:
        """The share of ``a``'s words in passages of ``kind`` (copied | changed); own = 1 − both."""
        return round(self.words(kind) / self.a_words, 4) if self.a_words else 0.0

    @property
    def shared(self) -> int:
        return sum(p.shared for p in self.passages)

    @property
    def similarity(self) -> float:
        """The passages' similarity weighted by their length."""
        total = sum(p.words for p in self.passages)
        return round(sum(p.similarity * p.words for p in self.passages) / total, 4) if total else 0.0


def _seeds(a: Words, b: Words) -> list[tuple[int, int]]:
    """(i, j): a gram at word i of ``a`` is at word j of ``b`` (grams common in either text left out)."""
    in_b = b.grams
    out = []
    for gram, places in a.grams.items():
        there = in_b.get(gram)
        if there and len(places) < COMMON and len(there) < COMMON:
            out += [(i, j) for i in places for j in there]
    out.sort()
    return out


def _chains(seeds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Seeds joined into runs along one diagonal: each next seed further on both sides, within
    :data:`MAX_GAP` words and :data:`MAX_SHIFT` of the diagonal; the nearest open run takes it."""
    done: list[list[tuple[int, int]]] = []
    open_: list[list[tuple[int, int]]] = []
    for i, j in seeds:
        still = []
        for run in open_:
            (done if i - run[-1][0] > MAX_GAP else still).append(run)
        open_ = still
        best, best_cost = None, None
        for run in open_:
            pi, pj = run[-1]
            di, dj = i - pi, j - pj
            if 0 < di <= MAX_GAP and 0 < dj <= MAX_GAP + MAX_SHIFT and abs(di - dj) <= MAX_SHIFT:
                cost = di + abs(di - dj)
                if best_cost is None or cost < best_cost:
                    best, best_cost = run, cost
        if best is not None:
            best.append((i, j))
        else:
            open_.append([(i, j)])
    return done + open_


def _passage(a: Words, b: Words, run: list[tuple[int, int]]) -> Passage | None:
    (i0, j0), (i1, j1) = run[0], run[-1]
    ia, ja = (i0, i1 + SEED), (j0, j1 + SEED)
    if min(ia[1] - ia[0], ja[1] - ja[0]) < MIN_WORDS:
        return None
    left, right = a.words[ia[0]:ia[1]], b.words[ja[0]:ja[1]]
    similarity = round(Indel.normalized_similarity(left, right), 4)
    if similarity <= CHANGED:
        return None
    pairs = []
    for op in Indel.opcodes(left, right):
        if op.tag == "equal":
            pairs += [(ia[0] + op.src_start + k, ja[0] + op.dest_start + k) for k in range(op.src_end - op.src_start)]
    return Passage(ia, ja, a.span(*ia), b.span(*ja), len(pairs), similarity,
                   "copied" if similarity >= COPIED else "changed", tuple(pairs))


def align(a: Words, b: Words) -> Alignment:
    """The passages later text ``a`` shares with earlier text ``b``: each at least :data:`MIN_WORDS` words,
    none overlapping another on either side (the longer kept).

    >>> one = Words.of("Đẩy mạnh giải ngân vốn đầu tư công " * 2 + "là nhiệm vụ chính trị trọng tâm của các cấp, "
    ...                "các ngành trong năm 2025; người đứng đầu chịu trách nhiệm toàn diện.")
    >>> two = Words.of("Yêu cầu: đẩy mạnh giải ngân vốn đầu tư công. Đẩy mạnh giải ngân vốn đầu tư công là nhiệm "
    ...                "vụ chính trị trọng tâm của các cấp, các ngành trong năm 2025; người đứng đầu chịu trách "
    ...                "nhiệm toàn diện. Báo cáo trước ngày 15.")
    >>> [(p.kind, p.words, p.shared) for p in align(two, one).passages]
    [('copied', 39, 39)]
    """
    found = [p for run in _chains(_seeds(a, b)) if (p := _passage(a, b, run)) is not None]
    found.sort(key=lambda p: (-p.words, p.a))
    kept: list[Passage] = []
    for p in found:
        if not any(_overlap(p.a, q.a) or _overlap(p.b, q.b) for q in kept):
            kept.append(p)
    kept.sort(key=lambda p: p.a)
    return Alignment(tuple(kept), len(a), len(b))


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def merged_share(alignments: Iterable[Alignment], words: int) -> dict[str, float]:
    """Over several earlier texts, the share of the later text's words copied, changed (and not copied) and
    its own: words covered by a copied passage of any count as copied."""
    copied: set[int] = set()
    changed: set[int] = set()
    for al in alignments:
        for p in al.passages:
            (copied if p.kind == "copied" else changed).update(range(*p.a))
    changed -= copied
    if not words:
        return {"copied": 0.0, "changed": 0.0, "own": 0.0}
    c, ch = len(copied) / words, len(changed) / words
    return {"copied": round(c, 4), "changed": round(ch, 4), "own": round(1 - c - ch, 4)}
