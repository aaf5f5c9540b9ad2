"""Records → one resolved :class:`LineageGraph`.

Input is the record contract's JSON shape (``docs/record.md``), so ``graph`` needs nothing
from ``ingest``. What the builder resolves:

* **Stubs.** A cited document we do not hold becomes a ``Document`` with ``stub=true`` under the id
  the reference computed; the same document ingested later has the same id and replaces the stub.
  A reference without a year (``…/undated/…``) joins the one document with its code we know, if
  exactly one.
* **Unnumbered documents.** A reference with no code ("Công văn số /UBND-KTTH ngày … tháng 5 năm 2025 của
  UBND tỉnh Kon Tum về việc …") is resolved to the one held document with no number of the same issuer
  whose date agrees as far as both are printed and whose subject matches (:class:`_Unnumbered`), with a
  confidence on the edge below 1 and the stub id it was cited as (``cited_as``). The held documents are
  those of the records and those ``known`` from the store, so a letter ingested in a later run than the
  one it cites resolves too. No match, or two equally good: a stub that keeps the issuer and subject.
* **Agencies** are nodes by canonical name; the registry (``graph.vocabulary``) adds ``PART_OF``
  (department → provincial People's Committee → Government) and ``SUCCEEDED_BY`` (the dated
  mergers of 2025) edges. Every province's People's Committee (the 63 before 1 July 2025 and the 34
  after) and every ministry is an agency of every graph, named by a document or not, with ``level:
  "province"`` or ``"ministry"`` and, when it came into being in the registry's time, ``valid_from``: so
  which provinces and ministries did *not* relay a directive is one query. A province's department (a
  registry body with ``department = true``) has ``level: "department"``; only those a document names, or the
  registry's successors of them, are nodes (the registry does not say which departments each province has).
* **Provenance.** Every edge read from a document carries ``source_sha256``, ``source_path``,
  ``extractor`` and ``confidence``, and the span and sentence where the record gives them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from rapidfuzz import fuzz

from .ids import agency_uid, target_uid, task_uid
from .model import (ADDRESSED_TO, AGENCY, ASSIGNED_TO, ASSIGNS, DOCUMENT, DOCUMENT_EDGES, ISSUED_BY, PART_OF,
                    SETS_TARGET, SUCCEEDED_BY, TARGET, TARGET_FOR, TASK, Edge, LineageGraph, Node)
from .vocabulary import fold, vocabulary

# Who answers for a target whose scope is the whole country.
NATIONAL_SCOPE = "cả nước"
GOVERNMENT = "Chính phủ"
PEOPLES_COMMITTEE = "Ủy ban nhân dân"  # the registry body a province's departments belong to
LOCAL_KIND = "local"  # Agency.kind of a province's bodies (graph.vocabulary's Placed.kind)
PROVINCE_LEVEL = "province"  # Agency.level of a province's People's Committee
DEPARTMENT_LEVEL = "department"  # Agency.level of a province's department (a registry body with department = true)
CENTRAL_KIND, MINISTRY_LEVEL = "central", "ministry"  # Agency.kind of central bodies; Agency.level of a ministry
# Registry bodies that sit under the provincial People's Committee besides the departments.
UNDER_COMMITTEE = ("Chủ tịch Ủy ban nhân dân", "Văn phòng Ủy ban nhân dân")
# Central levels whose bodies belong to the Government.
GOVERNMENT_LEVELS = ("ministry",)
UNDER_GOVERNMENT = ("Thủ tướng Chính phủ", "Văn phòng Chính phủ")
DOCUMENT_FIELDS = ("doc_type", "code", "number", "symbol", "issue_date", "place", "issuer", "subject", "signer",
                   "signer_title", "authority")
TARGET_FIELDS = ("indicator", "value", "value_max", "unit", "comparator", "scope", "period")
# How sure an issuer read from the body (no header) is, against one read from the header block.
BODY_ISSUER_CONFIDENCE = 0.8
BODY_ISSUER_WARNING = "issuer read from the body text"
UNKNOWN_AGENCY_CONFIDENCE = 0.5
COLLECTIVE = "collective"  # a record's agency_match, and the Agency.kind, of a class of bodies
# The agency_match of an assignment or addressee reached through an office-holder's title: "Giám đốc Sở Tài chính
# tỉnh Quảng Ngãi" → Sở Tài chính tỉnh Quảng Ngãi, "Thủ trưởng các sở, ban, ngành tỉnh Đắk Nông" → the class.
HEAD_MATCH = "head"


@dataclass
class _Builder:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple, Edge] = field(default_factory=dict)
    stub_props: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def node(self, uid: str, labels: tuple[str, ...], props: Mapping[str, Any]) -> None:
        old = self.nodes.get(uid)
        if old is None:
            self.nodes[uid] = Node(uid, labels, props)
        else:  # fill in what the earlier one lacked
            merged = {**props, **old.props}
            self.nodes[uid] = Node(uid, tuple(dict.fromkeys((*old.labels, *labels))), merged)

    def edge(self, edge: Edge) -> None:
        if edge.start == edge.end:
            return
        old = self.edges.get(edge.ident)
        if old is None or edge.props.get("confidence", 1.0) > old.props.get("confidence", 1.0):
            self.edges[edge.ident] = edge  # two mentions resolved to one document: the surer one stands


def build(records: Iterable[Mapping[str, Any]], known: Iterable[Mapping[str, Any]] = ()) -> LineageGraph:
    """The graph of ``records`` (dicts in the record contract's shape). The records are read twice (the held
    documents first, then the edges): a one-pass iterator is listed first; a collection that can be iterated
    again (a list, or records decoded one at a time from a compact form) is not copied. ``known``: the
    documents a store already holds (``uid``, ``number``, ``issuer``, ``issue_date``, ``subject``,
    ``doc_type``, ``source_path``: what the stores' ``held_documents`` give), which references to documents
    with no number may resolve to; one read again from its file in ``records`` counts as it is read now."""
    if iter(records) is records:
        records = list(records)
    b = _Builder()
    unnumbered = _Unnumbered()
    held, aliases = _held_documents(records, b, unnumbered)
    paths = {n.props.get("source_path") for n in b.nodes.values()}
    for row in known:
        if row.get("uid") not in held and row.get("source_path") not in paths:
            unnumbered.add(row["uid"], row)
    agencies: dict[str, str] = {}  # canonical name → kind

    for record in records:
        doc = record["document"]
        uid = doc["id"]
        prov = _provenance(record)
        for ref in record.get("references", ()):
            target, confidence, cited_as = aliases.get(ref["id"], ref["id"]), 1.0, None
            if target not in held and not ref.get("code") \
                    and (found := unnumbered.resolve(ref, uid, doc.get("issue_date"))) is not None:
                (target, confidence), cited_as = found, ref["id"]
                if target == uid:
                    continue  # the document names itself ("Kèm theo Quyết định số /QĐ-UBND …" in its annex)
            if target not in held:  # a stub of a mention with no number shows the subject it gives
                _stub(b, target, unnumbered.stub_fields(target) if cited_as
                      else {**ref, "title": ref.get("subject") or ref.get("title")})
            span = ref.get("span") or (ref["spans"][0] if ref.get("spans") else None)
            b.edge(Edge(DOCUMENT_EDGES[ref["relation"]], uid, target, props={
                **prov, **_span(span), "sentence": ref.get("sentence"), "extractor": "references",
                "confidence": confidence, "cited_as": cited_as, "mentions": len(ref.get("spans", ())) or None}))
        if issuer := doc.get("issuer"):
            name = _agency(issuer, agencies)
            from_body = any(BODY_ISSUER_WARNING in w for w in record.get("warnings", ()))
            where = record.get("evidence", {}).get("issuer", {})
            b.edge(Edge(ISSUED_BY, uid, agency_uid(name), props={
                **prov, **_span(where.get("span")), "sentence": where.get("sentence"), "extractor": "header",
                "printed": issuer, "confidence": BODY_ISSUER_CONFIDENCE if from_body else 1.0}))
        where = record.get("evidence", {}).get("addressees", {})
        for printed, name, match, confidence in _addressees(record):
            name, match = _assignee(name, agencies, match)
            b.edge(Edge(ADDRESSED_TO, uid, agency_uid(name), props={
                **prov, **_span(where.get("span")), "sentence": where.get("sentence"), "extractor": "header",
                "printed": printed, "confidence": confidence, "agency_match": match}))
        _assignments(b, uid, record, prov, agencies)
        _targets(b, uid, record, prov, agencies)

    for uid, props in b.stub_props.items():
        b.node(uid, _document_labels(props.get("doc_type")), {**props, "stub": True})
    for province in vocabulary().provinces:  # the registry's provinces and ministries, named by a document or not
        agencies.setdefault(_committee(province.name), LOCAL_KIND)
    for body in vocabulary().central:
        if body.level == MINISTRY_LEVEL:
            agencies.setdefault(body.name, CENTRAL_KIND)
    _agency_nodes(b, agencies)
    return LineageGraph.of(b.nodes.values(), b.edges.values(), b.warnings)


@dataclass(frozen=True)
class Replaced:
    """A file ingested again that now gives another document (its number corrected: 140 → 141): the store's
    ``old`` document, read from ``path`` with digest ``old_sha256``, is what the file gave and is retired."""

    path: str
    old: str
    new: str
    old_sha256: str | None
    new_sha256: str | None

    def warning(self) -> str:
        return (f"{self.path}: the file now gives {self.new} (it gave {self.old}, sha256 "
                f"{(self.old_sha256 or '?')[:12]} → {(self.new_sha256 or '?')[:12]}): {self.old} is replaced, its "
                "links, tasks and targets removed (a stub is left while another document cites it)")


def replaced(graph: LineageGraph, known: Iterable[Mapping[str, Any]]) -> list[Replaced]:
    """The documents of ``known`` (a store's ``held_documents``) whose file — the same ``source_path`` — gives
    another document in ``graph`` that the file did not give before; a document that another file of ``graph``
    still gives is kept."""
    by_path: dict[str, Node] = {}
    for node in graph.nodes.values():
        if node.label == DOCUMENT and node.props.get("stub") is False and node.props.get("source_path"):
            by_path.setdefault(node.props["source_path"], node)
    out = []
    for row in known:
        new = by_path.get(row.get("source_path"))
        held = graph.nodes.get(row["uid"])
        if new is not None and row["uid"] != new.uid and (held is None or held.props.get("stub") is True):
            out.append(Replaced(row["source_path"], row["uid"], new.uid, row.get("source_sha256"),
                                new.props.get("source_sha256")))
    return out


def _held_documents(records: Iterable[Mapping[str, Any]], b: _Builder,
                    unnumbered: "_Unnumbered") -> tuple[set[str], dict[str, str]]:
    """The documents held (as nodes in ``b``, those with no number also in ``unnumbered``) and the undated
    references' aliases, in one pass."""
    held: set[str] = set()
    codes = _CodeIndex()
    for record in records:
        doc, source = record["document"], record.get("source", {})
        codes.add(record)
        uid = doc["id"]
        if uid in held:
            b.warnings.append(f"{source.get('path')}: document {uid} was read from another file too; "
                              "the first copy's fields win where both have one")
        held.add(uid)
        if doc.get("number") is None:
            unnumbered.add(uid, doc)
        props = {k: doc.get(k) for k in DOCUMENT_FIELDS}
        if doc.get("code") is None and (subject := doc.get("subject")):
            props["title"] = subject
        props["outline"] = outline_text(record.get("outline") or ())
        b.node(uid, _document_labels(doc.get("doc_type")), {
            **props, "stub": False, "source_sha256": source.get("sha256"), "source_path": source.get("path"),
            "source_format": source.get("format"), "warnings": len(record.get("warnings", ())) or None})
    return held, codes.aliases()


@dataclass
class _CodeIndex:
    """The dated documents (held or cited) under each code, and the undated references to resolve."""

    by_code: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    undated: dict[str, str] = field(default_factory=dict)

    def add(self, record: Mapping[str, Any]) -> None:
        doc = record["document"]
        if doc.get("code") and doc.get("number"):
            self.by_code[doc["code"]].add(doc["id"])
        for ref in record.get("references", ()):
            if not ref.get("code"):
                continue
            if ref.get("issue_date"):
                self.by_code[ref["code"]].add(ref["id"])
            elif "/undated/" in ref["id"]:
                self.undated[ref["id"]] = ref["code"]

    def aliases(self) -> dict[str, str]:
        """Undated reference id → the one dated document (held or cited elsewhere) with the same code."""
        out = {}
        for uid, code in self.undated.items():
            known = self.by_code.get(code, set())
            if len(known) == 1:
                out[uid] = next(iter(known))
        return out


# How sure a resolution is by how much of the two dates agree: the day, the month, the year, or no date on one.
DATE_AGREEMENT = {10: 1.0, 7: 0.9, 4: 0.8}
NO_DATE = 0.7
# A mention that gives no subject: issuer and date alone, only when one document fits.
NO_SUBJECT = 0.6
# A mention whose subject is not the document's, of the only document of its issuer and type on that very day.
SUBJECT_DIFFERS = 0.5
# Least subject similarity (rapidfuzz token-set ratio of the folded subjects, 0–100) to count as a match.
SUBJECT_MATCH = 80
# Numbers in a subject, which must all be in the other's too: "124", "2025" in "triển khai Nghị quyết số
# 124/NQ-CP ngày 08 tháng 5 năm 2025" (one digit changed is another letter, whatever the ratio says).
SUBJECT_NUMBER_RE = re.compile(r"\d+")


@dataclass
class _Unnumbered:
    """The held documents with no number, by issuer, for resolving mentions of them."""

    by_issuer: dict[str, list[tuple[str, Mapping[str, Any]]]] = field(default_factory=lambda: defaultdict(list))
    fields: dict[str, Mapping[str, Any]] = field(default_factory=dict)

    def add(self, uid: str, doc: Mapping[str, Any]) -> None:
        if doc.get("issuer") and uid not in self.fields:
            self.fields[uid] = doc
            self.by_issuer[_issuer_key(doc["issuer"])].append((uid, doc))

    def stub_fields(self, uid: str) -> dict[str, Any]:
        """What a stub of a held document resolved to shows (the store keeps the document as it is)."""
        doc = self.fields[uid]
        return {"doc_type": doc.get("doc_type"), "issue_date": doc.get("issue_date"), "issuer": doc.get("issuer"),
                "title": doc.get("subject")}

    def resolve(self, ref: Mapping[str, Any], citing: str, citing_date: str | None) -> tuple[str, float] | None:
        """The document ``ref`` names and how sure that is: the best of the same issuer, of the same type when
        both are known, not issued after the citing document, whose date agrees as far as both are printed and
        whose subject matches. A mention with no subject, or one whose subject differs from the only document
        of that issuer, type and day, names it when no other fits (less sure). ``None`` when none fits or two
        fit equally. The citing document itself may be the answer: an annex's "Kèm theo Quyết định số
        /QĐ-UBND …" in a decision with no number names that decision."""
        if not ref.get("issuer"):
            return None
        strong, weak = [], []
        for uid, doc in self.by_issuer.get(_issuer_key(ref["issuer"]), ()):
            if ref.get("doc_type") and doc.get("doc_type") and ref["doc_type"] != doc["doc_type"]:
                continue
            if _later(doc.get("issue_date"), citing_date):
                continue
            dated = _date_agreement(ref.get("issue_date"), doc.get("issue_date"))
            if dated is None:
                continue
            alike = _subject_similarity(ref.get("subject"), doc.get("subject"))
            if ref.get("subject") and alike is not None:
                strong.append((round(dated * alike, 2), uid))
            elif alike is not None or dated == DATE_AGREEMENT[10]:
                weak.append((round(dated * (alike or SUBJECT_DIFFERS), 2), uid))
        if strong:
            strong.sort(reverse=True)
            return None if len(strong) > 1 and strong[1][0] == strong[0][0] else (strong[0][1], strong[0][0])
        if len(weak) == 1:
            return weak[0][1], weak[0][0]
        return None


def _later(date: str | None, than: str | None) -> bool:
    """Whether ``date`` is after ``than``, as far as both are printed."""
    if not date or not than:
        return False
    n = min(len(date), len(than))
    return date[:n] > than[:n]


def _issuer_key(issuer: str) -> str:
    return fold(vocabulary().canonical_name(issuer) or issuer)


def _date_agreement(cited: str | None, held: str | None) -> float | None:
    """How far two dates as printed ("2025-05", "2025") agree, ``None`` if they differ."""
    if not cited or not held:
        return NO_DATE
    n = min(len(cited), len(held))
    return DATE_AGREEMENT.get(n, DATE_AGREEMENT[4]) if cited[:n] == held[:n] else None


def _subject_similarity(cited: str | None, held: str | None) -> float | None:
    """How alike a mention's subject and a document's are (0–1), ``None`` if they are not alike."""
    if not cited:
        return NO_SUBJECT
    if not held:
        return None
    a, b = fold(cited), fold(held)
    if not set(SUBJECT_NUMBER_RE.findall(a)) <= set(SUBJECT_NUMBER_RE.findall(b)):
        return None
    score = fuzz.token_set_ratio(a, b)
    return score / 100 if score >= SUBJECT_MATCH else None


def _stub(b: _Builder, uid: str, ref: Mapping[str, Any]) -> None:
    props = b.stub_props.setdefault(uid, {})
    for key in ("doc_type", "code", "issue_date", "issuer", "title"):
        if props.get(key) is None and ref.get(key) is not None:
            props[key] = ref[key]


# The parts of a record's outline a document card lists (its sections, articles, numbered and lettered
# items, annexes and tables), and how much of each heading.
OUTLINE_KINDS = frozenset({"part", "chapter", "section", "article", "roman", "number", "decimal", "letter",
                           "letterdot", "paren", "attachment", "table"})
OUTLINE_HEADING_CHARS = 90


def outline_text(nodes: Iterable[Mapping[str, Any]], depth: int = 0) -> str | None:
    """A record's outline as indented lines, one per section, article, item, annex or table:

    >>> print(outline_text([{"kind": "roman", "marker": "V.", "heading": "TỔ CHỨC THỰC HIỆN", "children": [
    ...     {"kind": "number", "marker": "1.", "heading": "Sở Y tế", "children": [
    ...         {"kind": "dash", "marker": "-", "heading": "Chủ trì …"}]}]}]))
    V. TỔ CHỨC THỰC HIỆN
      1. Sở Y tế
    """
    lines = []
    for n in nodes:
        children = n.get("children") or ()
        if n.get("kind") in OUTLINE_KINDS:
            heading = " ".join((n.get("heading") or "").split())[:OUTLINE_HEADING_CHARS]
            if n.get("kind") == "table":
                heading = f"{heading} ({sum(1 for c in children if c.get('kind') == 'row')} rows)".strip()
            lines.append("  " * depth + " ".join(x for x in (n.get("marker"), heading) if x))
            if (below := outline_text(children, depth + 1)) is not None:
                lines.append(below)
        elif (below := outline_text(children, depth)) is not None:
            lines.append(below)
    return "\n".join(lines) if lines else None


def _document_labels(doc_type: str | None) -> tuple[str, ...]:
    kind = vocabulary().doc_type(doc_type) if doc_type else None
    return (DOCUMENT, kind.family) if kind is not None else (DOCUMENT,)


def _provenance(record: Mapping[str, Any]) -> dict[str, Any]:
    source = record.get("source", {})
    return {"source_sha256": source.get("sha256"), "source_path": source.get("path")}


def _span(span) -> dict[str, Any]:
    return {"span_start": span[0], "span_end": span[1]} if span else {}


def _agency(printed: str, agencies: dict[str, str], kind: str | None = None) -> str:
    """The canonical name of an agency as printed, remembered with its kind."""
    name = vocabulary().canonical_name(printed) or " ".join(printed.split())
    if name not in agencies or agencies[name] == "unknown":
        placed = vocabulary().place_of(name)
        agencies[name] = placed.kind if placed is not None else (kind or "unknown")
    return name


def _assignee(printed: str, agencies: dict[str, str], match: str | None) -> tuple[str, str | None]:
    """The canonical name of an assignment's or addressee's agency as the record gives it, remembered with its kind,
    and how it was matched: the record's ``agency_match``, or ``"head"`` when the name is an office-holder's title
    (the registry's ``heads``) before a body the registry can place ("Giám đốc Sở Tài chính tỉnh Quảng Ngãi" → Sở
    Tài chính tỉnh Quảng Ngãi) or before a class of bodies ("Thủ trưởng các sở, ban, ngành tỉnh Đắk Nông" → "Các
    sở, ban, ngành tỉnh Đắk Nông"). A name the registry knows as printed, or a title before a body it cannot
    place, is kept as it is."""
    v = vocabulary()
    kind = COLLECTIVE if match == COLLECTIVE else None
    if v.canonical_name(printed) is None:
        if (headed := v.head_of(printed)) is not None:
            return _agency(headed[1], agencies), HEAD_MATCH
        if kind == COLLECTIVE and (titled := v.titled(printed)):
            rest = titled[0][1]
            return _agency(rest[:1].upper() + rest[1:], agencies, kind), HEAD_MATCH
    return _agency(printed, agencies, kind), match


def _addressees(record: Mapping[str, Any]) -> list[tuple[str, str, str | None, float]]:
    """(line as printed, agency, agency_match, confidence) per addressee; a line the extractor could not read as
    agencies stands for itself."""
    resolved = record.get("addressee_agencies") or ()
    out = [(a["printed"], a["agency"], a.get("agency_match"), _confidence(a)) for a in resolved]
    done = {a["printed"] for a in resolved}
    out += [(p, p, None, UNKNOWN_AGENCY_CONFIDENCE) for p in record.get("addressees", ()) if p not in done]
    return out


def _assignments(b: _Builder, uid: str, record: Mapping[str, Any], prov: dict, agencies: dict[str, str]) -> None:
    by_span: dict[tuple[int, int], list[Mapping[str, Any]]] = defaultdict(list)
    for entry in record.get("assignments", ()):
        by_span[tuple(entry["span"])].append(entry)
    for span, entries in by_span.items():
        task = task_uid(uid, span)
        deadlines = {e.get("deadline") for e in entries}
        first = entries[0]
        b.node(task, (TASK,), {
            "text": first.get("task"), "document": uid, "span_start": span[0], "span_end": span[1],
            "path": " › ".join(" ".join(h.split()) for h in first.get("path") or ()) or None,
            "deadline": next(iter(deadlines)) if len(deadlines) == 1 else None,
            "recurring": True if any(e.get("recurring") for e in entries) else None})
        b.edge(Edge(ASSIGNS, uid, task, props={
            **prov, **_span(span), "sentence": first.get("task"), "extractor": "assignments",
            "confidence": min(_confidence(e) for e in entries)}))
        for e in entries:
            name, match = _assignee(e["agency"], agencies, e.get("agency_match"))
            b.edge(Edge(ASSIGNED_TO, task, agency_uid(name), key=f"{e['role']}|{e.get('deadline') or ''}", props={
                **prov, **_span(span), "sentence": e.get("task"), "extractor": "assignments",
                "confidence": _confidence(e), "role": e["role"], "deadline": e.get("deadline"),
                "deadline_text": e.get("deadline_text"), "agency_match": match, "printed": e["agency"]}))


def _confidence(entry: Mapping[str, Any]) -> float:
    """An entry's confidence; an unknown agency (kept as printed) has none and counts as half sure."""
    value = entry.get("confidence")
    return float(value) if value is not None else UNKNOWN_AGENCY_CONFIDENCE


def _targets(b: _Builder, uid: str, record: Mapping[str, Any], prov: dict, agencies: dict[str, str]) -> None:
    for t in record.get("targets", ()):
        span = tuple(t["span"])
        target = target_uid(uid, span)
        b.node(target, (TARGET,), {**{k: t.get(k) for k in TARGET_FIELDS}, "document": uid,
                                   "span_start": span[0], "span_end": span[1]})
        evidence = {**prov, **_span(span), "sentence": t.get("sentence"), "extractor": "targets", "confidence": 1.0}
        b.edge(Edge(SETS_TARGET, uid, target, props=evidence))
        if (who := _scope_agency(t.get("scope"))) is not None:
            b.edge(Edge(TARGET_FOR, target, agency_uid(_agency(who, agencies)), props={**evidence,
                                                                                        "scope": t.get("scope")}))


def _scope_agency(scope: str | None) -> str | None:
    """Who answers for a target of ``scope``: the Government for "cả nước", a province's People's Committee."""
    if not scope:
        return None
    if scope == NATIONAL_SCOPE:
        return GOVERNMENT
    placed = vocabulary().place_of(scope)
    if placed is not None and placed.kind == "province":
        return _committee(placed.province)
    return None


def _committee(province: str) -> str:
    v = vocabulary()
    return v.local_body(PEOPLES_COMMITTEE).qualified(v.province(province))


def _parent(name: str) -> str | None:
    """The body ``name`` belongs to: a department → its province's People's Committee → the Government."""
    v = vocabulary()
    placed = v.place_of(name)
    if placed is None:
        return None
    if placed.kind == "local" and placed.province:
        body = v.local_body(placed.body)
        if body.name == PEOPLES_COMMITTEE:
            return GOVERNMENT
        if body.department or body.name in UNDER_COMMITTEE:
            return _committee(placed.province)
        return None
    if placed.kind == "central":
        body = v.central_body(placed.body)
        if body.name != GOVERNMENT and (body.level in GOVERNMENT_LEVELS or body.name in UNDER_GOVERNMENT):
            return GOVERNMENT
    return None


def _agency_nodes(b: _Builder, agencies: dict[str, str]) -> None:
    """Agency nodes, with their parents and successors followed through the registry."""
    v = vocabulary()
    todo = list(agencies)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        placed = v.place_of(name)
        kind = agencies.get(name) or (placed.kind if placed else "unknown")
        props: dict[str, Any] = {"name": name, "kind": kind, "province": placed.province if placed else None}
        if kind == COLLECTIVE:
            props["province"] = _province_in(name)
        if _is_committee(placed):
            province = v.province(placed.province)
            props.update(level=PROVINCE_LEVEL, valid_from=province.since)
        elif placed is not None and placed.kind == CENTRAL_KIND and v.central_body(placed.body).level == MINISTRY_LEVEL:
            props["level"] = MINISTRY_LEVEL
        elif _is_department(placed):
            props["level"] = DEPARTMENT_LEVEL
        parent = _parent(name)
        if parent is None and kind == COLLECTIVE and props["province"]:
            parent = _committee(props["province"])  # a province's class of bodies belongs to its committee
        if parent is not None:
            b.edge(Edge(PART_OF, agency_uid(name), agency_uid(parent), props={"extractor": "registry"}))
            todo.append(parent)
        after = None
        while (change := v.next_change(name, after)) is not None:
            event, successors = change
            if successors == (name,):  # a change around it (a rename of its parent): look further
                after = event.date
                continue
            if not successors:
                props["abolished_on"] = event.date
            for successor in successors:
                b.edge(Edge(SUCCEEDED_BY, agency_uid(name), agency_uid(successor), props={
                    "extractor": "registry", "date": event.date, "event": event.id, "kind": event.kind,
                    "basis": event.basis}))
                todo.append(successor)
            break
        b.node(agency_uid(name), (AGENCY,), props)


def _is_committee(placed) -> bool:
    """Whether ``placed`` is a province's People's Committee ("Ủy ban nhân dân tỉnh Kon Tum")."""
    return (placed is not None and placed.kind == LOCAL_KIND and placed.province is not None
            and placed.body == PEOPLES_COMMITTEE)


def _is_department(placed) -> bool:
    """Whether ``placed`` is a province's department ("Sở Xây dựng tỉnh Kon Tum")."""
    if placed is None or placed.kind != LOCAL_KIND or placed.province is None or not placed.body:
        return False
    body = vocabulary().local_body(placed.body)
    return body is not None and body.department


def _province_in(name: str) -> str | None:
    """The province a collective name ends with ("Các sở, ban ngành … thuộc tỉnh Kon Tum" → "Kon Tum")."""
    v = vocabulary()
    words = name.split()
    for n in range(min(4, len(words)), 0, -1):
        placed = v.place_of(" ".join(words[-n - 1:])) if len(words) > n else None
        if placed is not None and placed.kind == "province":
            return placed.province
    return None
