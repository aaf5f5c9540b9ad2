"""The extraction record (``docs/record.md``) as frozen dataclasses, and its JSON form."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    format: str
    offset_map: tuple[tuple[int, int], ...] = ()  # cleaned text → text as decoded (ingest.clean.normalise.original_span)


@dataclass(frozen=True)
class Document:
    id: str
    doc_type: str | None = None
    code: str | None = None
    number: str | None = None
    symbol: str | None = None
    issue_date: str | None = None
    place: str | None = None
    issuer: str | None = None
    subject: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    authority: str | None = None


@dataclass(frozen=True)
class Reference:
    id: str
    doc_type: str | None
    code: str | None
    issue_date: str | None
    issuer: str | None
    relation: str
    spans: tuple[tuple[int, int], ...]
    title: str | None = None
    sentence: str | None = None  # the sentence of the mention that decided the relation
    decisive: int = 0            # which of ``spans`` that mention is
    subject: str | None = None   # what a mention of a document with no number says it is about ("về việc …")


@dataclass(frozen=True)
class FootnoteRecord:
    marker: str
    text: str
    span: tuple[int, int]
    anchor: tuple[int, int] | None


@dataclass(frozen=True)
class Record:
    source: Source
    document: Document
    references: tuple[Reference, ...] = ()
    addressees: tuple[str, ...] = ()
    assignments: tuple[dict[str, Any], ...] = ()
    targets: tuple[dict[str, Any], ...] = ()
    footnotes: tuple[FootnoteRecord, ...] = ()
    addressee_agencies: tuple[dict[str, Any], ...] = ()  # the agencies each Kính gửi line names, canonical
    evidence: dict[str, Any] = field(default_factory=dict)  # where header facts were read: issuer, addressees
    warnings: tuple[str, ...] = field(default=())
    outline: list[dict[str, Any]] = field(default_factory=list)  # the parts as printed (ingest.clean.outline)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape (fields beyond the contract: ``id``, ``authority``, ``title``, ``footnotes``,
        ``addressee_agencies``, ``evidence``, a reference's or target's ``sentence``/``span``)."""
        d = self.document
        return {
            "source": {"path": self.source.path, "sha256": self.source.sha256, "format": self.source.format,
                       "offset_map": [list(p) for p in self.source.offset_map]},
            "document": {
                "id": d.id, "doc_type": d.doc_type, "code": d.code, "number": d.number, "symbol": d.symbol,
                "issue_date": d.issue_date, "place": d.place, "issuer": d.issuer, "subject": d.subject,
                "signer": d.signer, "signer_title": d.signer_title, "authority": d.authority,
            },
            "references": [_reference(r) for r in self.references],
            "addressees": list(self.addressees),
            "addressee_agencies": [dict(a) for a in self.addressee_agencies],
            "evidence": {k: dict(v) for k, v in self.evidence.items()},
            "assignments": [dict(a) for a in self.assignments],
            "targets": [dict(t) for t in self.targets],
            "footnotes": [
                {"marker": f.marker, "text": f.text, "span": list(f.span), "anchor": list(f.anchor) if f.anchor else None}
                for f in self.footnotes
            ],
            "outline": self.outline,
            "warnings": list(self.warnings),
        }


def _reference(r: Reference) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id, "doc_type": r.doc_type, "code": r.code}
    if r.code is None:
        out["title"] = r.title
    if r.subject is not None:
        out["subject"] = r.subject
    out.update({"issue_date": r.issue_date, "issuer": r.issuer, "relation": r.relation,
                "spans": [list(s) for s in r.spans]})
    if r.spans:
        out["span"] = list(r.spans[r.decisive])
    out["sentence"] = r.sentence
    return out


def to_json_bytes(record: dict[str, Any]) -> bytes:
    """A record dict as compact UTF-8 JSON: what crosses between processes and is held for a large run
    (about a quarter of the memory of the dict)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
