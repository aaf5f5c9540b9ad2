"""Records as Parquet: written in row groups as they stream in, read back exactly.

A records folder holds four tables, each a folder of part files (``part-<tag>.parquet``) that any
Parquet reader takes as one dataset (``pyarrow.dataset.dataset(folder / "documents")``, DuckDB,
Spark, pandas)::

    documents/    one row per record: seq, id, doc_type, code, number, symbol, issue_date, place,
                  issuer, subject, signer, signer_title, source_path, source_sha256, source_format,
                  warnings, and ``record``: the whole record as JSON, so nothing is lost
    references/   one row per reference: seq, document_id, ref_id, doc_type, code, title, issue_date,
                  issuer, relation, span_start, span_end, sentence
    assignments/  one row per assignment: seq, document_id, agency, role, task, deadline, span_start,
                  span_end, confidence
    targets/      one row per target: seq, document_id, indicator, value, value_max, unit, comparator,
                  scope, period, span_start, span_end, sentence

``seq`` is the file's place in the input: :func:`read_parquet_records` gives the records back in
input order whichever part holds them. Each writer (the parent process, or each Dask partition on its
worker) writes its own part; a part appears under its name only once complete (written under a dot
name, then renamed), so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa
import pyarrow.parquet as pq

from graph.errors import LineageError

ROW_GROUP = 512  # records buffered before a row group is written: bounded memory per writer
PART = "part-{}.parquet"

_str, _int, _float = pa.string(), pa.int64(), pa.float64()
SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("seq", _int), ("id", _str), ("doc_type", _str), ("code", _str), ("number", _str), ("symbol", _str),
        ("issue_date", _str), ("place", _str), ("issuer", _str), ("subject", _str), ("signer", _str),
        ("signer_title", _str), ("source_path", _str), ("source_sha256", _str), ("source_format", _str),
        ("warnings", pa.list_(_str)), ("record", _str),
    ]),
    "references": pa.schema([
        ("seq", _int), ("document_id", _str), ("ref_id", _str), ("doc_type", _str), ("code", _str),
        ("title", _str), ("issue_date", _str), ("issuer", _str), ("relation", _str), ("span_start", _int),
        ("span_end", _int), ("sentence", _str),
    ]),
    "assignments": pa.schema([
        ("seq", _int), ("document_id", _str), ("agency", _str), ("role", _str), ("task", _str),
        ("deadline", _str), ("span_start", _int), ("span_end", _int), ("confidence", _float),
    ]),
    "targets": pa.schema([
        ("seq", _int), ("document_id", _str), ("indicator", _str), ("value", _float), ("value_max", _float),
        ("unit", _str), ("comparator", _str), ("scope", _str), ("period", _str), ("span_start", _int),
        ("span_end", _int), ("sentence", _str),
    ]),
}
TABLES = tuple(SCHEMAS)


class RecordsFolderError(LineageError):
    """A records folder that cannot be read as Parquet records."""


def _text(value: Any) -> str | None:
    return None if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _number(kind: type) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        return kind(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return convert


_CONVERT = {_str: _text, _int: _number(int), _float: _number(float)}


def _span(item: dict[str, Any]) -> tuple[int | None, int | None]:
    span = item.get("span")
    return (span[0], span[1]) if isinstance(span, (list, tuple)) and len(span) == 2 else (None, None)


def rows(seq: int, record: dict[str, Any], text: bytes | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows one record gives each table (``text``: the record's JSON when already made)."""
    doc, source = record.get("document") or {}, record.get("source") or {}
    doc_id = doc.get("id")
    out: dict[str, list[dict[str, Any]]] = {"documents": [{
        "seq": seq, **{k: doc.get(k) for k in ("id", "doc_type", "code", "number", "symbol", "issue_date", "place",
                                                   "issuer", "subject", "signer", "signer_title")},
        "source_path": source.get("path"), "source_sha256": source.get("sha256"), "source_format": source.get("format"),
        "warnings": [_text(w) for w in record.get("warnings") or ()],
        "record": text.decode("utf-8") if text is not None else json.dumps(record, ensure_ascii=False),
    }]}
    out["references"] = [{
        "seq": seq, "document_id": doc_id, "ref_id": r.get("id"), "span_start": _span(r)[0], "span_end": _span(r)[1],
        **{k: r.get(k) for k in ("doc_type", "code", "title", "issue_date", "issuer", "relation", "sentence")},
    } for r in record.get("references") or ()]
    out["assignments"] = [{
        "seq": seq, "document_id": doc_id, "span_start": _span(a)[0], "span_end": _span(a)[1],
        **{k: a.get(k) for k in ("agency", "role", "task", "deadline", "confidence")},
    } for a in record.get("assignments") or ()]
    out["targets"] = [{
        "seq": seq, "document_id": doc_id, "span_start": _span(t)[0], "span_end": _span(t)[1],
        **{k: t.get(k) for k in ("indicator", "value", "value_max", "unit", "comparator", "scope", "period",
                                 "sentence")},
    } for t in record.get("targets") or ()]
    return out


def _table(name: str, batch: list[dict[str, Any]]) -> pa.Table:
    schema = SCHEMAS[name]
    columns = {}
    for column in schema:
        if pa.types.is_list(column.type):
            columns[column.name] = [row.get(column.name) for row in batch]
        else:
            convert = _CONVERT[column.type]
            columns[column.name] = [convert(row.get(column.name)) for row in batch]
    return pa.Table.from_pydict(columns, schema=schema)


def prepare(folder: str | Path) -> Path:
    """Make ``folder``'s table folders and remove the parts an earlier run left there (nothing else)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise RecordsFolderError(f"{folder}: not a folder; give a folder for the Parquet records")
    for name in TABLES:
        (folder / name).mkdir(parents=True, exist_ok=True)
        for old in (folder / name).glob(PART.format("*")):
            old.unlink()
    return folder


class PartWriter:
    """One part of every table, named ``tag``; rows go out a row group at a time. Use as a context manager:
    a part becomes visible under its name when closed, and not at all when nothing was written."""

    def __init__(self, folder: str | Path, tag: str, row_group: int = ROW_GROUP) -> None:
        self.folder, self.tag, self.row_group = Path(folder), tag, row_group
        self.written = 0
        self._buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self._pending = 0
        self._writers: dict[str, pq.ParquetWriter] = {}

    def _tmp(self, name: str) -> Path:
        return self.folder / name / f".{PART.format(self.tag)}.tmp"

    def write(self, seq: int, record: dict[str, Any], text: bytes | None = None) -> None:
        for name, table_rows in rows(seq, record, text).items():
            self._buffers[name] += table_rows
        self._pending += 1
        self.written += 1
        if self._pending >= self.row_group:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        for name in TABLES:
            if name not in self._writers:
                self._writers[name] = pq.ParquetWriter(self._tmp(name), SCHEMAS[name], compression="zstd")
            self._writers[name].write_table(_table(name, self._buffers[name]))
            self._buffers[name] = []
        self._pending = 0

    def close(self) -> None:
        self.flush()
        for name, writer in self._writers.items():
            writer.close()
            os.replace(self._tmp(name), self.folder / name / PART.format(self.tag))
        self._writers.clear()

    def abandon(self) -> None:
        for name, writer in self._writers.items():
            writer.close()
            self._tmp(name).unlink(missing_ok=True)
        self._writers.clear()

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, exc_type, *_: object) -> None:
        self.abandon() if exc_type is not None else self.close()


def read_parquet_records(folder: str | Path) -> list[dict[str, Any]]:
    """The records of a records folder, exactly as written, in input order (by ``seq``)."""
    return [json.loads(text) for text in read_parquet_texts(folder)]


def read_parquet_texts(folder: str | Path) -> tuple[bytes, ...]:
    """The records of a records folder as UTF-8 JSON, in input order: what :class:`ingest.batch.pipeline.Records`
    holds (a million records fit as text, not as dicts)."""
    parts = sorted(Path(folder, "documents").glob(PART.format("*")))
    if not parts:
        raise RecordsFolderError(
            f"{folder}: no records there (documents/{PART.format('*')}); write some with "
            f"`lineage ingest PATH --records-out {folder}` or `lineage extract PATH --format parquet --out {folder}`")
    found: list[tuple[int, bytes]] = []
    for part in parts:
        try:
            table = pq.read_table(part, columns=["seq", "record"])
        except (OSError, pa.ArrowException) as exc:
            raise RecordsFolderError(f"{part}: not a readable Parquet part ({exc}); write the records again") from None
        found += zip(table.column("seq").to_pylist(), table.column("record").cast(pa.binary()).to_pylist())
    found.sort(key=lambda pair: pair[0])
    return tuple(text for _, text in found)
