"""Reuse into the graph: for the documents of an ingest, the passages they share with every document the index
holds (:mod:`.index` finds the candidates, :mod:`.align` the passages), as edges

* ``REUSES`` later document → earlier one (which is later: by date as far as both are printed, then by level —
  a department after its province, a province after the centre), with the shares of the later text copied,
  changed and its own, and the passages as evidence (``passages``: JSON, each with its span on both sides);
* ``IMPLEMENTS`` with ``inferred: true`` (key ``inferred``) when the later document reuses at least
  :data:`INFER_SHARE` of its words from a document of a higher level that it does not link to by any reference;
* ``DERIVED_FROM`` task → task when a task of the later document reuses a task of the earlier one.

Pairs already aligned stay in the index, so a document ingested again unchanged gets its edges back without
aligning anything.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping

from graph.model import ASSIGNS, DOCUMENT, DOCUMENT_EDGES, Edge, LineageGraph, Node
from graph.vocabulary import vocabulary

from ..clean.normalise import clean
from ..errors import ReadError
from ..read import read_source
from .align import Alignment, Words, align
from .index import Entry, ReuseIndex, chunks, signatures

REUSES, DERIVED_FROM, IMPLEMENTS = "REUSES", "DERIVED_FROM", DOCUMENT_EDGES["implements"]
EXTRACTOR = "reuse"
INFERRED_KEY = "inferred"
INFER_SHARE = 0.2      # least share of the later text copied (outside its "Căn cứ" lines) for an inferred IMPLEMENTS
INFER_SURE_SHARE = 0.6  # the share at which an inferred IMPLEMENTS is as sure as it gets (INFER_MAX)
INFER_MIN, INFER_MAX = 0.6, 0.95
TASK_MIN_WORDS = 12    # least words of a task aligned alike with one task of the earlier document
TASK_SHARE = 0.5       # … or this share of the later task's words
# Levels, highest first: the centre, a province's People's Committee (and its chairman and office), its
# departments, then districts and communes.
CENTRAL, PROVINCE, DEPARTMENT, BELOW = 0, 1, 2, 3
WORDS_HELD = 2000  # documents' words held in memory at once while aligning (the others read again when needed)
SKIPPED_PARTS = frozenset({"recipients"})  # outline parts left out of the comparison (the "Nơi nhận" block)


@dataclass
class ReuseReport:
    """What a linking run did: documents indexed anew, pairs aligned, pairs that share passages, the seconds
    of candidate search and alignment, and files whose text could not be read again."""

    indexed: int = 0
    unchanged: int = 0
    aligned: int = 0
    reusing: int = 0
    candidate_seconds: float = 0.0
    align_seconds: float = 0.0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    outside: set[str] = field(default_factory=set)  # later documents of pairs found, not among the records


def level_of(issuer: str | None) -> tuple[int | None, str | None]:
    """How high the issuer sits (:data:`CENTRAL` … :data:`BELOW`; ``None`` when the registry cannot place it)
    and its province.

    >>> level_of("Chính phủ"), level_of("UBND tỉnh Kon Tum"), level_of("Sở Xây dựng tỉnh Kon Tum")
    ((0, None), (1, 'Kon Tum'), (2, 'Kon Tum'))
    """
    if not issuer:
        return None, None
    v = vocabulary()
    placed = v.place_of(v.canonical_name(issuer) or issuer)
    if placed is None:
        return None, None
    if placed.kind == "central":
        return CENTRAL, None
    if placed.kind == "province":
        return PROVINCE, placed.province
    if placed.kind == "local":
        body = v.local_body(placed.body) if placed.body else None
        return (DEPARTMENT if body is not None and body.department else PROVINCE), placed.province
    return BELOW, placed.province


def later_of(a: tuple[str, Entry], b: tuple[str, Entry]) -> tuple[tuple[str, Entry], tuple[str, Entry], str]:
    """(later, earlier, decided by): by date as far as both are printed, then by level (the lower level
    relays the higher), else in uid order (``none``)."""
    (ua, ea), (ub, eb) = a, b
    da, db = ea.issue_date or "", eb.issue_date or ""
    n = min(len(da), len(db))
    if n and da[:n] != db[:n]:
        return (a, b, "date") if da[:n] > db[:n] else (b, a, "date")
    if ea.level is not None and eb.level is not None and ea.level != eb.level:
        return (a, b, "level") if ea.level > eb.level else (b, a, "level")
    return (a, b, "none") if ua > ub else (b, a, "none")


def skip_spans(record: Mapping[str, Any]) -> tuple[tuple[int, int], ...]:
    """The spans left out of the comparison: the header before the outline's first part (issuer, motto, number,
    date, title, addressees: alike in every letter of a kind) and the parts of :data:`SKIPPED_PARTS`."""
    parts = [n for n in record.get("outline") or () if n.get("span")]
    if not parts:
        return ()
    return ((0, parts[0]["span"][0]), *(tuple(n["span"]) for n in parts if n.get("kind") in SKIPPED_PARTS))


def basis_spans(record: Mapping[str, Any]) -> tuple[tuple[int, int], ...]:
    """The innermost outline parts holding a ``based_on`` mention: the "Căn cứ …" lines, which documents on
    one legal basis print alike whether or not one carries out the other."""
    starts = sorted(s[0] for ref in record.get("references", ()) if ref.get("relation") == "based_on"
                    for s in ref.get("spans", ()))
    out: list[tuple[int, int]] = []

    def walk(nodes: Iterable[Mapping[str, Any]]) -> None:
        for n in nodes:
            span = n.get("span")
            if not span or not any(span[0] <= at < span[1] for at in starts):
                continue
            children = [c for c in n.get("children") or () if c.get("span")
                        and any(c["span"][0] <= at < c["span"][1] for at in starts)]
            if children:
                walk(children)
            else:
                out.append((span[0], span[1]))

    walk(record.get("outline") or ())
    return tuple(out)


def read_text(record: Mapping[str, Any]) -> str:
    """The cleaned text of a record's file (spans of the record point into it)."""
    return clean(read_source(record["source"]["path"]).text)


def link(graph: LineageGraph, records: Iterable[Mapping[str, Any]], index: ReuseIndex,
         text_of: Callable[[Mapping[str, Any]], str] = read_text) -> tuple[LineageGraph, ReuseReport]:
    """``graph`` with the reuse edges of the documents of ``records`` (new or changed ones aligned with their
    candidates in ``index``, which takes them in; unchanged ones from the pairs it holds). A pair whose later
    document is not among the records gives its REUSES edge (from a stub, which leaves the held document as it
    is) but not its tasks' DERIVED_FROM edges: ``report.outside`` names those documents, to be built again with
    the records (:func:`ingest.batch.pipeline.ingest` does, from the record cache)."""
    report = ReuseReport()
    out_edges: dict[str, list[Edge]] = defaultdict(list)
    for e in graph.edges:
        out_edges[e.start].append(e)

    @lru_cache(maxsize=WORDS_HELD)
    def words_of(uid: str) -> Words | None:
        entry = index.entries[uid]
        text = index.text(entry.sha256)
        return None if text is None else Words.of(text, entry.skip)
    fresh: list[tuple[str, list]] = []
    mine: set[str] = set()
    for record in records:
        uid, sha = record["document"]["id"], record["source"].get("sha256")
        node = graph.nodes.get(uid)
        if node is None or node.props.get("stub") is not False or uid in mine:
            continue
        mine.add(uid)
        held = index.entries.get(uid)
        links, tasks = _links(out_edges[uid]), _tasks(graph, out_edges[uid])
        if held is not None and held.sha256 == sha and index.text(sha) is not None:
            held.links, held.tasks, held.path = links, tasks, record["source"].get("path")
            report.unchanged += 1
            continue
        text = index.text(sha) if sha else None
        if text is None:
            try:
                text = text_of(record)
            except (ReadError, OSError) as exc:
                report.warnings.append((record["source"].get("path") or uid, f"text reuse not computed: {exc}"))
                continue
            index.keep_text(sha, text)
        skip = skip_spans(record)
        started = time.perf_counter()
        w = Words.of(text, skip)
        sigs = signatures(w, chunks(w, text))
        index.remove(uid)  # an earlier version: its chunks and pairs
        found, common = index.candidates(uid, sigs)
        doc = record["document"]
        level, province = level_of(doc.get("issuer"))
        index.add(uid, Entry(sha, record["source"].get("path"), doc.get("issue_date"), level, doc.get("doc_type"),
                             len(w), 0, links, tasks, skip, basis_spans(record), province), sigs, common)
        report.candidate_seconds += time.perf_counter() - started
        fresh.append((uid, found))
        report.indexed += 1
    done: set[frozenset[str]] = set()
    for uid, found in fresh:
        started = time.perf_counter()
        for other in found:
            if frozenset((uid, other)) in done:
                continue
            done.add(frozenset((uid, other)))
            (later, el), (earlier, ee), by = later_of((uid, index.entries[uid]), (other, index.entries[other]))
            a, b = words_of(later), words_of(earlier)
            if a is None or b is None:
                continue
            report.aligned += 1
            result = align(a, b)
            if result.passages:
                index.keep_pair(later, earlier, _pair(result, by, a, b, el, ee))
        report.align_seconds += time.perf_counter() - started
    edges, nodes = [], dict(graph.nodes)
    for later, earlier in sorted({pair for uid in mine for pair in index.pairs_of(uid)}):
        report.reusing += 1
        edges += _edges(later, earlier, index.pairs[(later, earlier)], index, later in mine)
        if later not in mine:
            report.outside.add(later)
        for uid in (later, earlier):
            nodes.setdefault(uid, Node(uid, (DOCUMENT,), {"stub": True}))  # held by the store: left as it is
    return LineageGraph.of(nodes.values(), (*graph.edges, *edges), graph.warnings), report


def _links(edges: Iterable[Edge]) -> frozenset[str]:
    """The documents a document's references name (its edges to documents, an inferred one aside)."""
    kinds = set(DOCUMENT_EDGES.values())
    return frozenset(e.end for e in edges if e.type in kinds and e.key != INFERRED_KEY)


def _tasks(graph: LineageGraph, edges: Iterable[Edge]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for e in edges:
        if e.type == ASSIGNS and (task := graph.nodes.get(e.end)) is not None:
            out.append((task.uid, int(task.props["span_start"]), int(task.props["span_end"])))
    return tuple(sorted(out, key=lambda t: (t[1], t[2])))


def _pair(result: Alignment, by: str, a: Words, b: Words, later: Entry, earlier: Entry) -> dict[str, Any]:
    """What the index keeps of an aligned pair: shares, passages and the tasks derived."""
    copied, changed = result.share("copied"), result.share("changed")
    outside = sum(1 for p in result.passages if p.kind == "copied" for i, _ in p.pairs
                  if not any(s <= a.starts[i] < e for s, e in later.basis))
    return {"direction_by": by, "copied_outside_basis": round(outside / result.a_words, 4) if result.a_words else 0.0, "copied_share": copied, "changed_share": changed,
            "own_share": round(1 - copied - changed, 4), "copied_words": result.words("copied"),
            "changed_words": result.words("changed"), "words": result.a_words, "shared_words": result.shared,
            "similarity": result.similarity, "passages": [p.evidence() for p in result.passages],
            "derived": derived_tasks(result, a, b, later.tasks, earlier.tasks)}


def derived_tasks(result: Alignment, a: Words, b: Words, later: Iterable[tuple[str, int, int]],
                  earlier: Iterable[tuple[str, int, int]]) -> list[tuple[str, str, int]]:
    """(later task, earlier task, words aligned alike) for each task of the later text whose words are aligned
    with one task of the earlier text: at least :data:`TASK_MIN_WORDS` of them, or :data:`TASK_SHARE` of the
    later task's words. A task inside a larger one (a lettered duty under its department's heading) links to
    the innermost earlier task that holds the words."""
    into = {i: j for p in result.passages for i, j in p.pairs}
    earlier = sorted(earlier, key=lambda t: (t[2] - t[1], t[0]))  # innermost first
    out = []
    for uid, start, end in later:
        i0, i1 = a.index(start), a.index(end)
        counts: dict[str, int] = {}
        for i in range(i0, i1):
            if (j := into.get(i)) is None:
                continue
            at = b.starts[j]
            for other, s, e in earlier:
                if s <= at < e:
                    counts[other] = counts.get(other, 0) + 1
                    break
        for other, n in counts.items():
            if n >= TASK_MIN_WORDS or (i1 > i0 and n / (i1 - i0) >= TASK_SHARE and n >= 3):
                out.append((uid, other, n))
    return out


def infers(later: Entry | None, earlier: Entry | None, earlier_uid: str, pair: Mapping[str, Any]) -> bool:
    """Whether the later document carries out the earlier one though no reference of it says so: it copies
    near-verbatim at least :data:`INFER_SHARE` of its words (its "Căn cứ" lines aside) from a document of a
    higher level — the centre's, or its own province's — that none of its references names."""
    if later is None or earlier is None or earlier_uid in later.links:
        return False
    if later.level is None or earlier.level is None or earlier.level >= later.level:
        return False
    if earlier.level != CENTRAL and earlier.province != later.province:
        return False
    return pair.get("copied_outside_basis", 0.0) >= INFER_SHARE


def _edges(later: str, earlier: str, pair: Mapping[str, Any], index: ReuseIndex, later_in_input: bool) -> list[Edge]:
    entry = index.entries.get(later)
    prov = {"source_sha256": entry.sha256 if entry else None, "source_path": entry.path if entry else None,
            "extractor": EXTRACTOR}
    first = pair["passages"][0]["a_span"]
    evidence = {**prov, "span_start": first[0], "span_end": first[1],
                "passages": json.dumps(pair["passages"], ensure_ascii=False, separators=(",", ":")),
                "passage_count": len(pair["passages"])}
    shares = {k: pair[k] for k in ("copied_share", "changed_share", "own_share", "copied_words", "changed_words",
                                   "words", "shared_words", "direction_by")}
    out = [Edge(REUSES, later, earlier, props={**evidence, **shares, "confidence": pair["similarity"],
                                              "similarity": pair["similarity"]})]
    if infers(entry, index.entries.get(earlier), earlier, pair):
        copied = pair["copied_outside_basis"]
        sure = min(1.0, (copied - INFER_SHARE) / (INFER_SURE_SHARE - INFER_SHARE))
        out.append(Edge(IMPLEMENTS, later, earlier, INFERRED_KEY, props={
            **evidence, "inferred": True, "confidence": round(INFER_MIN + (INFER_MAX - INFER_MIN) * sure, 3),
            "copied_share": copied}))
    if later_in_input:  # a task's edges are written with its document (the later one, read in this input)
        for task, other, n in pair.get("derived", ()):
            out.append(Edge(DERIVED_FROM, task, other, props={**prov, "shared_words": n, "confidence": 1.0}))
    return out

