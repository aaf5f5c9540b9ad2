"""Files → records → graph → a store: what ``lineage ingest`` runs.

Records of unchanged files are reused from a cache keyed by the file's sha256 and the extractor's own
fingerprint (a change to the extraction code or its vocabulary invalidates every cached record). A
file that cannot be read is reported and skipped; the rest go on. Writing is idempotent, so running
the same input twice changes nothing in the store.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from graph.build import Replaced, build, replaced
from graph.model import Counts, LineageGraph
from graph.store import Store

from .executors import FAILED, Executor, LocalExecutor
from ..reuse.index import ReuseIndex
from ..reuse.link import ReuseReport, link
from ..record import to_json_bytes
from .records_parquet import PartWriter, prepare

CACHE_SUFFIX = ".json"


@cache
def extractor_fingerprint() -> str:
    """A digest of the extraction code and vocabulary: cached records made by other code are not reused."""
    digest = hashlib.sha256()
    for package in ("ingest", "graph.vocabulary"):
        for name, entry in _code_files(resources.files(package)):
            digest.update(name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def _code_files(folder, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """The .py and .toml files under ``folder`` and its sub-packages, by path ("stages/header.py"), sorted."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _code_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith((".py", ".toml")):
            yield f"{prefix}{entry.name}", entry


class RecordCache:
    """Records on disk, one JSON file per (file sha256, extractor fingerprint)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, sha256: str) -> Path:
        return self.folder / extractor_fingerprint() / f"{sha256}{CACHE_SUFFIX}"

    def get(self, sha256: str) -> dict[str, Any] | None:
        path = self._path(sha256)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, sha256: str, record: bytes) -> None:
        """Keep ``record`` (UTF-8 JSON) as the record of the file whose content has ``sha256``."""
        path = self._path(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(record)
        os.replace(tmp, path)  # never a half-written record


@dataclass(frozen=True)
class Failure:
    """A file that gave no record: its path, the message (naming the file and what to do), and what
    happened — ``failed`` (it cannot be read), ``timed out``, ``out of memory`` or ``crashed``
    (:data:`ingest.batch.executors.FAILED` …)."""

    path: str
    error: str
    status: str = FAILED


@dataclass
class IngestSummary:
    files: int = 0
    extracted: int = 0
    reused: int = 0
    documents: int = 0
    stubs: int = 0
    edges: Counter = field(default_factory=Counter)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, warning)
    failures: list[Failure] = field(default_factory=list)
    replaced: list[Replaced] = field(default_factory=list)  # files that now give another document
    store: Counts | None = None  # what the store holds afterwards
    reuse: ReuseReport | None = None  # text reuse (ingest.reuse), when an index was given


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Records:
    """Records held as UTF-8 JSON (~2.4 KB a generated document against ~13 KB as dicts: a million fit in
    memory), decoded one at a time, afresh on each pass — :func:`graph.build.build` reads them twice."""

    texts: tuple[bytes, ...]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (json.loads(text) for text in self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def read_records(paths: Iterable[Path], cache: RecordCache | None = None, summary: IngestSummary | None = None,
                 on_file: Callable[[Path], None] | None = None, workers: int = 1, executor: Executor | None = None,
                 records_out: str | Path | None = None) -> list[dict[str, Any]]:
    """:func:`read_compact` as a list of dicts."""
    return list(read_compact(paths, cache, summary, on_file, workers, executor, records_out))


def read_compact(paths: Iterable[Path], cache: RecordCache | None = None, summary: IngestSummary | None = None,
                 on_file: Callable[[Path], None] | None = None, workers: int = 1, executor: Executor | None = None,
                 records_out: str | Path | None = None) -> Records:
    """The record of each file, from the cache when the file is unchanged; failures go to ``summary``.
    The files not in the cache are extracted by ``executor`` (default: ``workers`` local processes, at most
    :data:`~ingest.batch.executors.IN_FLIGHT` batches per worker queued at once); records come back in input order and
    go into the cache. With ``records_out`` every record (reused or extracted) is also written there as
    Parquet (:mod:`ingest.batch.records_parquet`), replacing the parts an earlier run left."""
    summary = summary if summary is not None else IngestSummary()
    executor = executor if executor is not None else LocalExecutor(workers)
    out = prepare(records_out) if records_out is not None else None
    paths = list(paths)
    found: dict[int, bytes] = {}
    warnings: dict[int, tuple[str, ...]] = {}
    todo: list[tuple[int, Path]] = []
    with PartWriter(out, "cached") if out is not None else nullcontext() as reused:
        for n, path in enumerate(paths):
            summary.files += 1
            try:
                record = cache.get(file_sha256(path)) if cache is not None else None
            except OSError as exc:
                summary.failures.append(Failure(str(path), f"{path}: {exc.strerror or exc}"))
                if on_file is not None:
                    on_file(path)
                continue
            if record is not None:
                record["source"]["path"] = str(path)
                summary.reused += 1
                found[n] = to_json_bytes(record)
                warnings[n] = tuple(record.get("warnings", ()))
                if reused is not None:
                    reused.write(n, record)
                if on_file is not None:
                    on_file(path)
            else:
                todo.append((n, path))
    for n, outcome in executor.extract(todo, out):
        if outcome.error is not None:
            summary.failures.append(Failure(outcome.path, outcome.error, outcome.status))
        else:
            summary.extracted += 1
            found[n], warnings[n] = outcome.record, outcome.warnings
            if cache is not None:
                cache.put(outcome.sha256, outcome.record)
        if on_file is not None:
            on_file(Path(outcome.path))
    order = sorted(found)
    for n in order:
        summary.warnings += [(str(paths[n]), w) for w in warnings[n]]
    return Records(tuple(found[n] for n in order))


def _citing_records(store: Store, cache: RecordCache | None, graph: LineageGraph,
                    summary: IngestSummary) -> tuple[bytes, ...]:
    """The cached records of the documents the store holds that cite a document ``summary.replaced`` retires
    (and are not in this input), to be built again with it: a mention of a letter with no number, resolved
    to its old version by issuer, date and subject, then finds the new one. One not in the cache is named
    in a warning (ingest it again to link it anew)."""
    out = []
    for row in store.citing([r.old for r in summary.replaced]):
        node = graph.nodes.get(row["uid"])
        if node is not None and node.props.get("stub") is False:
            continue  # read from this input
        record = cache.get(row["source_sha256"]) if cache is not None and row.get("source_sha256") else None
        if record is None or record["document"]["id"] != row["uid"]:
            summary.warnings.append((row.get("source_path") or "", f"{row['uid']} cites a document its file now "
                                     "replaces and its record is not in the cache: ingest it again to link it anew"))
            continue
        record["source"]["path"] = row.get("source_path")
        out.append(to_json_bytes(record))
    return tuple(out)


def _reusing_records(reuse: ReuseIndex, cache: RecordCache | None, summary: IngestSummary) -> tuple[bytes, ...]:
    """The cached records of the documents the store holds that reuse a document of this input (they were read
    before it), to be built again with it. One not in the cache keeps its REUSES edge, and is named in a warning:
    ingest it again to link its tasks to the new document's."""
    out = []
    for uid in sorted(summary.reuse.outside if summary.reuse else ()):
        entry = reuse.entries.get(uid)
        record = cache.get(entry.sha256) if cache is not None and entry is not None else None
        if record is None or record["document"]["id"] != uid:
            summary.warnings.append((entry.path if entry else "", f"{uid} reuses a document of this input and its "
                                     "record is not in the cache: ingest it again to link its tasks to that one's"))
            continue
        record["source"]["path"] = entry.path
        out.append(to_json_bytes(record))
    return tuple(out)


def ingest(paths: Iterable[Path], store: Store, cache: RecordCache | None = None,
           on_file: Callable[[Path], None] | None = None, workers: int = 1, executor: Executor | None = None,
           records_out: str | Path | None = None, reuse: ReuseIndex | None = None) -> IngestSummary:
    """Extract (or reuse), build one graph of all the records, write it to ``store`` (and the records,
    as Parquet, to ``records_out``). With ``reuse``, the passages each document shares with those ``reuse``
    indexes become REUSES (and inferred IMPLEMENTS, DERIVED_FROM) edges (:mod:`ingest.reuse`). A file is known by its path: one that now gives another document than
    the store holds from it (a corrected number) replaces that document (``summary.replaced``). References
    to documents with no number resolve against those the store holds too (:func:`graph.build.build`)."""
    summary = IngestSummary()
    paths = list(paths)
    records = read_compact(paths, cache, summary, on_file, workers, executor, records_out)
    known = store.held_documents(str(p) for p in paths)
    graph = build(records, known)
    summary.replaced = replaced(graph, known)
    if summary.replaced and (citing := _citing_records(store, cache, graph, summary)):
        records = Records(records.texts + citing)
        graph = build(records, known)
    if reuse is not None:
        for r in summary.replaced:
            reuse.remove(r.old)
        graph, summary.reuse = link(graph, records, reuse)
        if summary.reuse.outside and (later := _reusing_records(reuse, cache, summary)):
            records = Records(records.texts + later)  # they get their tasks' DERIVED_FROM edges with them
            graph, again = link(build(records, known), records, reuse)
            summary.reuse.reusing = again.reusing
        summary.warnings += summary.reuse.warnings
    store.write(graph, retire=[r.old for r in summary.replaced])
    if reuse is not None:
        reuse.save()  # after the store: an index ahead of its store would pass over documents the store lacks
    counts = graph.counts()
    summary.documents = counts.nodes.get("Document", 0) - counts.stubs
    summary.stubs = counts.stubs
    summary.edges = Counter(counts.edges)
    summary.warnings += [("", w) for w in graph.warnings]
    summary.store = store.counts()
    return summary
