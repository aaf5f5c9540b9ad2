"""SPARQL results in the standard formats (JSON, XML, CSV, TSV; Turtle, N-Triples, RDF/XML, JSON-LD), cut at a
number of rows, from the store opened read-only in a bounded child process (:func:`graph.rdf_store.run_read_only`).

pyoxigraph writes every format. To cut the rows without holding them all, the answer is first written as TSV
(solutions) or N-Triples (triples), one row per line, into a writer that stops the query once it holds one
line more than the cap; the lines kept are read back and written in the format asked for. Nothing here
checks what the query may do: callers check it first (``queries.safety.check_sparql``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .rdf_store import QUERY_MEMORY_MB, QUERY_PREFIXES, run_read_only

# Result formats by media type: solutions and booleans (SELECT, ASK), and graphs (CONSTRUCT, DESCRIBE).
SOLUTION_FORMATS = {f.media_type.split(";")[0]: f for f in (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML,
                                              ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV)}
GRAPH_FORMATS = {f.media_type.split(";")[0]: f for f in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML,
                                           ox.RdfFormat.JSON_LD)}
SOLUTIONS, BOOLEAN, GRAPH = "solutions", "boolean", "graph"


@dataclass(frozen=True)
class Serialized:
    """A query's answer written in one format: its bytes, media type, form (solutions, boolean, graph), and
    whether rows past the cap were left out."""

    body: bytes
    media_type: str
    form: str
    cut: bool


class _Stop(Exception):
    """Raised by :class:`_Lines` inside pyoxigraph's writer to stop the query."""


class _Lines(io.RawIOBase):
    """A writer keeping the first ``keep`` lines; it stops the writing once it holds one line more."""

    def __init__(self, keep: int):
        super().__init__()
        self.data, self.keep = bytearray(), keep

    def writable(self) -> bool:
        return True

    def write(self, chunk) -> int:
        self.data += chunk
        if self.data.count(b"\n") > self.keep:
            raise _Stop
        return len(chunk)

    def lines(self) -> tuple[bytes, bool]:
        """The lines kept (each ending in a line end) and whether more came."""
        lines = bytes(self.data).split(b"\n")
        complete, rest = lines[:-1], lines[-1]
        cut = len(complete) > self.keep or (len(complete) == self.keep and rest != b"")
        return b"".join(line + b"\n" for line in complete[:self.keep]), cut


def serialize_read_only(path: str | Path, sparql: str, accept: list[str], limit: int = 10_000,
                        timeout: float = 30.0, memory_mb: int = QUERY_MEMORY_MB) -> Serialized:
    """Run ``sparql`` on the store at ``path`` (read-only, bounded in time and memory) and write its answer in the
    first media type of ``accept`` its form allows (else the form's first: JSON results, Turtle), at most
    ``limit`` rows or triples."""
    return Serialized(**run_read_only(path, lambda store: _serialize(store, sparql, accept, limit), timeout,
                                      memory_mb))


def _serialize(store: ox.Store, sparql: str, accept: list[str], limit: int) -> dict:
    result = store.query(sparql, prefixes=QUERY_PREFIXES)
    if isinstance(result, ox.QueryBoolean):
        format = _pick(accept, SOLUTION_FORMATS)
        return {"body": result.serialize(format=format), "media_type": format.media_type, "form": BOOLEAN,
                "cut": False}
    solutions = isinstance(result, ox.QuerySolutions)
    lines = _Lines(limit + 1 if solutions else limit)  # TSV has a header line
    try:
        result.serialize(lines, ox.QueryResultsFormat.TSV if solutions else ox.RdfFormat.N_TRIPLES)
    except _Stop:
        pass
    kept, cut = lines.lines()
    if solutions:
        format = _pick(accept, SOLUTION_FORMATS)
        body = ox.parse_query_results(kept, ox.QueryResultsFormat.TSV).serialize(format=format)
        return {"body": body, "media_type": format.media_type, "form": SOLUTIONS, "cut": cut}
    format = _pick(accept, GRAPH_FORMATS)
    triples = ox.parse(kept, ox.RdfFormat.N_TRIPLES)
    body = ox.serialize(triples, format=format, prefixes=QUERY_PREFIXES if format is not ox.RdfFormat.N_TRIPLES
                        else None)
    return {"body": body, "media_type": format.media_type, "form": GRAPH, "cut": cut}


def _pick(accept: list[str], formats: dict):
    """The first of ``accept`` (media types, best first) that ``formats`` has, else the first of ``formats``."""
    for media_type in accept:
        if media_type in formats:
            return formats[media_type]
    return next(iter(formats.values()))


def media_types() -> list[str]:
    """Every media type an answer may be written in."""
    return [*SOLUTION_FORMATS, *GRAPH_FORMATS]


