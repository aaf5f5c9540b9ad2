"""Text reuse at scale: a seeded cascade whose relays copy, edit and add paragraphs the way relays do, with the
truth of where each paragraph came from; the reuse stage (ingest/reuse: MinHash LSH candidates, rapidfuzz
alignment) run over it document by document, as ``lineage ingest`` runs it; passage precision and recall against
the truth, and the CPU seconds of candidate search and alignment per 1,000 documents as the store grows.

``python3 -m bench.reuse 10000 [100000 …] [--seed S]`` prints one table per size (and JSON with ``--json``).

The cascade: central directives of 12–30 paragraphs (the first 2% of the documents); provincial relays of
one of the five latest directives (4–8 of its paragraphs copied word for word, 1–3 edited — one word in six
replaced, or a clause dropped — and 3–8 of their own); department plans relaying one of the 50 latest provincial
letters the same way (so they hold the directive's paragraphs too, through the letter); every document opens
and closes with sentences every document of its level prints (boilerplate). As the cascade grows, the five
directives' paragraphs are held by ever more documents (thousands at 100k): harder than real relays, and what
the index's boilerplate rule (:data:`ingest.reuse.index.COMMON_DOCS`) is for.
Paragraphs are sentences of words drawn from the sample corpus's vocabulary (tests/data/corpus), so no two
paragraphs written apart share 20 words.

A passage found is right when the two spans hold a paragraph of the same origin (copied or edited from one
paragraph, at any remove); a paragraph of a relay that came from above is found when a passage covers half of
it against a document holding its origin.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from ingest.reuse.align import Words, align
from ingest.reuse.index import ReuseIndex, chunks, signatures, Entry

CORPUS = Path(__file__).parent.parent / "tests" / "data" / "corpus"
WORD_RE = re.compile(r"[^\W\d_]+")
CENTRAL_SHARE, PROVINCE_SHARE = 0.02, 0.3  # the rest are department plans
WINDOW = {0: 5, 1: 50}  # a relay relays one of the last WINDOW documents of the level above
BOILERPLATE = (  # what every document of a level prints, as the corpus prints it
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 "
    "năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ;",
    "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Ủy ban "
    "nhân dân tỉnh để được hướng dẫn, giải quyết theo quy định.",
)


@dataclass
class Doc:
    uid: str
    level: int
    date: str
    paragraphs: list[tuple[str, int]] = field(default_factory=list)  # (text, origin id; < 0: boilerplate)

    def text(self) -> tuple[str, list[tuple[int, int, int]]]:
        """The text and each paragraph's span and origin."""
        parts, spans, pos = [], [], 0
        for body, origin in self.paragraphs:
            parts.append(body)
            spans.append((pos, pos + len(body), origin))
            pos += len(body) + 2
        return "\n\n".join(parts), spans


def vocabulary() -> list[str]:
    words = set()
    for path in sorted(CORPUS.glob("*.txt")):
        words.update(w.lower() for w in WORD_RE.findall(path.read_text(encoding="utf-8")) if len(w) > 1)
    return sorted(words)


def paragraph(rng: random.Random, words: list[str]) -> str:
    sentences = []
    for _ in range(rng.randint(2, 3)):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(12, 20)))
        sentences.append(s[0].upper() + s[1:] + ".")
    return " ".join(sentences)


def edit(rng: random.Random, text: str, words: list[str]) -> str:
    """An edited copy: one word in six replaced, or a clause of the middle dropped."""
    parts = text.split()
    if rng.random() < 0.5:
        return " ".join(rng.choice(words) if n % 6 == 5 else w for n, w in enumerate(parts))
    cut = len(parts) // 2
    return " ".join(parts[:cut] + parts[cut + rng.randint(5, 8):])


def cascade(n: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    words = vocabulary()
    docs: list[Doc] = []
    origin = 0
    by_level: dict[int, list[int]] = {0: [], 1: []}
    for i in range(n):
        level = 0 if i < max(1, int(n * CENTRAL_SHARE)) or not by_level[0] else \
            (1 if rng.random() < PROVINCE_SHARE / (1 - CENTRAL_SHARE) or not by_level[1] else 2)
        doc = Doc(f"bench/{i}", level, f"2025-{1 + i * 11 // n:02d}-{1 + i % 28:02d}")
        doc.paragraphs.append((BOILERPLATE[0], -1) if level == 0 else (BOILERPLATE[1], -2))
        if level == 0:
            for _ in range(rng.randint(12, 30)):
                doc.paragraphs.append((paragraph(rng, words), origin))
                origin += 1
        else:
            # one of the latest of the level above (module docstring)
            source = docs[rng.choice(by_level[level - 1][-WINDOW[level - 1]:])]
            carried = [p for p in source.paragraphs if p[1] >= 0]
            rng.shuffle(carried)
            k_copy = min(len(carried), rng.randint(4, 8))
            k_edit = min(len(carried) - k_copy, rng.randint(1, 3))
            taken = [(body, o) for body, o in carried[:k_copy]]
            taken += [(edit(rng, body, words), o) for body, o in carried[k_copy:k_copy + k_edit]]
            for _ in range(rng.randint(3, 8)):
                taken.append((paragraph(rng, words), origin))
                origin += 1
            rng.shuffle(taken)
            doc.paragraphs += taken
        doc.paragraphs.append((BOILERPLATE[1], -2))
        docs.append(doc)
        if level < 2:
            by_level[level].append(i)
    return docs


def run(n: int, seed: int = 2025, progress: bool = False) -> dict:
    """Index and align ``n`` generated documents one by one; times are this process's CPU seconds (the machine's
    other work does not count)."""
    docs = cascade(n, seed)
    index = ReuseIndex()
    spans: dict[str, list[tuple[int, int, int]]] = {}
    raw: dict[str, str] = {}

    @lru_cache(maxsize=5000)  # the recent documents, which relays relay; older ones are read again
    def words_of(uid: str) -> Words:
        return Words.of(raw[uid])

    score = _Score(spans)
    sharing = 0
    candidate_s = align_s = 0.0
    aligned = 0
    per_thousand = []
    block = time.process_time()
    for k, doc in enumerate(docs, start=1):
        text, spans[doc.uid] = doc.text()
        raw[doc.uid] = text
        started = time.process_time()
        w = words_of(doc.uid)
        sigs = signatures(w, chunks(w, text))
        cands, common = index.candidates(doc.uid, sigs)
        index.add(doc.uid, Entry("", None, doc.date, doc.level, None, len(w), 0), sigs, common)
        candidate_s += time.process_time() - started
        started = time.process_time()
        aligned += len(cands)
        for other in cands:
            result = align(w, words_of(other))
            if result.passages:
                sharing += 1
                score.add(doc.uid, other, result)  # scored now: the alignments are not kept
        align_s += time.process_time() - started
        if k % 1000 == 0:
            now = time.process_time()
            per_thousand.append(round(now - block, 2))
            block = now
            if progress and k % 10000 == 0:
                print(f"  {k} documents: {per_thousand[-1]} CPU s for the last 1,000", flush=True)
    return {"documents": n, **score.result(docs), "candidate_seconds": round(candidate_s, 1),
            "align_seconds": round(align_s, 1), "seconds_per_1000": per_thousand,
            "pairs_sharing_per_document": round(sharing / n, 2),
            "pairs_aligned_per_document": round(aligned / n, 2)}


def _origins(spans: list[tuple[int, int, int]], a: int, b: int) -> set[int]:
    """Origins of the paragraphs at least half inside [a, b)."""
    return {o for s, e, o in spans if min(e, b) - max(s, a) >= (e - s) / 2}


@dataclass
class _Score:
    """Passages scored as they are found against the paragraphs' origins."""

    spans: dict[str, list[tuple[int, int, int]]]
    right: int = 0
    total: int = 0
    boiler: int = 0
    covered: set[tuple[str, int]] = field(default_factory=set)  # (document, origin) found

    def add(self, later: str, earlier: str, result) -> None:
        for p in result.passages:
            self.total += 1
            same = _origins(self.spans[later], *p.a_span) & _origins(self.spans[earlier], *p.b_span)
            if same:
                self.right += 1
                self.boiler += all(o < 0 for o in same)
                self.covered.update((later, o) for o in same if o >= 0)
                self.covered.update((earlier, o) for o in same if o >= 0)

    def result(self, docs: list[Doc]) -> dict:
        holders: dict[int, set[str]] = {}
        for doc in docs:
            for _, o in doc.paragraphs:
                if o >= 0:
                    holders.setdefault(o, set()).add(doc.uid)
        # every paragraph another document also holds (by origin) should be found in each document holding it
        wanted = {(uid, o) for o, uids in holders.items() if len(uids) > 1 for uid in uids}
        return {"passages": self.total, "boilerplate_passages": self.boiler,
                "precision": round(self.right / self.total, 4) if self.total else 0.0,
                "recall": round(len(self.covered & wanted) / len(wanted), 4) if wanted else 0.0,
                "shared_paragraphs": len(wanted)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    for n in args.sizes:
        result = run(n, args.seed, progress=not args.json)
        if args.json:
            print(json.dumps(result))
            continue
        per = result["seconds_per_1000"]
        print(f"{n} documents: {result['passages']} passages found ({result['boilerplate_passages']} of "
              f"boilerplate), {result['pairs_aligned_per_document']} pairs aligned per document, precision {result['precision']}, recall "
              f"{result['recall']} ({result['shared_paragraphs']} paragraph copies in the truth); candidate search "
              f"{result['candidate_seconds']} s, alignment {result['align_seconds']} s; seconds per 1,000 documents: "
              f"first {per[0] if per else '-'}, last {per[-1] if per else '-'} (all: {per})")


if __name__ == "__main__":
    main()
