"""One document through the pipeline: read (``ingest/read``) → clean (``ingest/clean``) → the stages
(``ingest/stages``) → :class:`Record`."""

from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import Path

from graph.vocabulary import vocabulary

from .clean.flat import Flat
from .clean.language import looks_vietnamese
from .clean.layout import layout
from .clean.normalise import clean
from .clean.sentences import sentence_at
from .lexicon.codes import Code
from .lexicon.dates import DAY, MONTH, YEAR
from .lexicon.vocab import duties
from .read import SourceText, read_source
from .record import Document, FootnoteRecord, Record, Reference, Source
from .stages.agencies import locality_of
from .clean.outline import outline as read_outline
from .stages.assignments import Context, addressee_names, find_assignments
from .stages.names import defined_bodies, national_body, short_names
from .stages.header import body_locality, issuer_from_body, read_header
from .stages.identity import cited_unnumbered_id, document_id, mention_subject
from .stages.references import Mention, best_date, find_mentions, group_mentions, issuer_from_symbol
from .stages.relations import STRENGTH, classify
from .stages.targets import outline_targets


def extract_path(path: str | Path) -> Record:
    """Read and extract one file (raises :class:`ReadError` when it cannot be read)."""
    return extract_source(read_source(path))


def extract_text(text: str, path: str = "<text>") -> Record:
    """Extract a record from text already in memory."""
    data = text.encode("utf-8")
    return extract_source(SourceText(path, hashlib.sha256(data).hexdigest(), "txt", text))


def _flat_range(flat: Flat, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    a = bisect.bisect_left(flat.index, span[0])
    b = bisect.bisect_left(flat.index, span[1])
    return (a, b) if b > a else None


def extract_source(src: SourceText) -> Record:
    text = clean(src.text)
    source = Source(src.path, src.sha256, src.format, src.offset_map)
    if not text.strip():
        return Record(source, Document(id=document_id(None, None, None, fallback=src.sha256)),
                      warnings=("file is empty: no text to read",))
    lay = layout(text)
    header = read_header(lay)
    warnings = list(src.notes) + list(header.warnings)
    if not looks_vietnamese(text):
        warnings.append("the text does not look Vietnamese: few Vietnamese letters or words; check the file")
    body = lay.body()

    issuer = header.issuer
    locality = header.locality
    if issuer is None:
        issuer = issuer_from_body(body, locality)
        if issuer:
            warnings.append(f"issuer read from the body text, not a header: {issuer}")
    locality = locality or locality_of(issuer) or (body_locality(body) if issuer else None)

    mentions = find_mentions(body, locality, 0)
    relations = classify(body, text, mentions, _flat_range(body, header.title_span), issuer, header.doc_type)
    flats: dict[int, Flat] = {0: body}
    for n, note in enumerate(lay.footnotes, start=1):
        flats[n] = lay.footnote_flat(note)
        found = find_mentions(flats[n], locality, n)
        mentions += found
        relations += ["cites"] * len(found)

    sentence_of = _sentence_finder(flats, text)
    code = header.code
    own_key = code.key if code is not None and code.number else None
    own_year = header.issue_date[:4] if header.issue_date else None
    references = []
    for group in group_mentions(mentions, relations):
        first = next((m for m in group.mentions if m.kind != "anaphora"), None)
        if first is None:
            continue
        ref = _reference(group.mentions, group.relations, first, locality, flats, sentence_of)
        if own_key and first.code is not None and first.code.key == own_key \
                and (ref.issue_date is None or ref.issue_date[:4] == own_year):
            continue
        references.append(ref)

    doc = Document(
        id=document_id(code, header.issue_date, issuer, header.subject, fallback=src.sha256, text=text),
        doc_type=header.doc_type,
        code=code.text if code else None,
        number=code.number if code else None,
        symbol=code.symbol if code else None,
        issue_date=header.issue_date,
        place=header.place,
        issuer=issuer,
        subject=header.subject,
        signer=header.signer,
        signer_title=header.signer_title,
        authority=header.authority,
    )
    if code is None or code.number is None:
        warnings.append("the document has no number: its id is built from issuer, date and subject")
    footnotes = tuple(FootnoteRecord(f.marker, f.text, f.span, f.anchor) for f in lay.footnotes)
    start = _operative_start(body, _flat_range(body, header.title_span), _flat_range(body, header.addressee_span))
    if issuer and (vocabulary().central_body(issuer) is not None or national_body(issuer)):
        locality = None  # "Hà Nội" on a Government resolution is where it was signed, not whose it is
    year = header.issue_date[:4] if header.issue_date else None
    tree = read_outline(text, lay.outline_ranges(), body.index[start] if start < len(body.index) else len(text))
    targets = outline_targets(tree, body, _target_scope(issuer, locality), locality, year,
                              lambda a, b: _flat_range(body, (a, b)) or (bisect.bisect_left(body.index, a),) * 2)
    periods = [t.period_span for t in targets if t.period_span]
    addressee_bodies = addressee_names(header.addressees, locality)
    shorts = tuple(short_names(body.text))  # "(sau đây gọi tắt là Ban Chỉ đạo)": found once, used twice
    context = Context(body, text, locality, year, issuer, tuple(periods), tuple(n for _, n in addressee_bodies),
                      defined_bodies(issuer, header.subject, shorts), shorts)
    assignments = find_assignments(tree, context)
    target_dicts = tuple({**t.to_dict(), "span": list(body.span(t.start, t.end)), "sentence": sentence_of(0, t.start, t.end)}
                         for t in targets)
    addressed = tuple({"printed": line, "agency": n.name, "agency_match": n.match, "confidence": n.confidence}
                      for line, n in addressee_bodies)
    evidence = {}
    if header.issuer_span and issuer == header.issuer:
        evidence["issuer"] = _evidence(text, header.issuer_span, header.issuer_printed)
    if header.addressee_span:
        evidence["addressees"] = _evidence(text, header.addressee_span)
    return Record(source, doc, tuple(references), header.addressees, tuple(assignments), target_dicts, footnotes,
                  addressed, evidence=evidence, warnings=tuple(warnings), outline=tree.to_dict(text)["children"]
                  if tree.children else [])


def _evidence(text: str, span: tuple[int, int], printed: str | None = None) -> dict:
    """A header fact's span in the cleaned text and what is printed there (``printed`` when the span also
    covers the other column of a two-column header), whitespace and table pipes collapsed."""
    return {"span": list(span), "sentence": " ".join((printed or text[span[0]:span[1]]).replace("|", " ").split())}


# How far after the title an addressee block may start and still be the header's (a V/v letter's title
# is its subject line, well above the "Kính gửi").
ADDRESSEE_REACH = 400

# The place-and-date line that closes the header: "An Giang, ngày 20 tháng 3 năm 2025",
# "Kon Tum, ngày      tháng 5 năm 2025" (a blank day).
HEADER_DATE_RE = re.compile(rf",\s*{DAY}\s+[\d\s]*{MONTH}\s+[\d\s]*{YEAR}\s+\d{{4}}")
HEADER_REACH = 800  # characters of the flat body the header date line is looked for in


def _operative_start(body: Flat, title: tuple[int, int] | None, addressees: tuple[int, int] | None) -> int:
    """Where the operative text begins: after the title, or — no title found — after the header's date
    line, so that the header ("ỦY BAN NHÂN DÂN TỈNH … Độc lập …") is never read as a sentence; after the
    addressee block ("Kính gửi: …", "THỦ TƯỚNG CHÍNH PHỦ điện: - …") when one follows."""
    if title:
        start = title[1]
    else:
        m = HEADER_DATE_RE.search(body.text, 0, HEADER_REACH)
        start = m.end() if m else 0
    if addressees and addressees[1] > start and addressees[0] - start < ADDRESSEE_REACH:
        return addressees[1]
    return start


def _target_scope(issuer: str | None, locality) -> str | None:
    """Whose targets a document sets when its sentence does not say: the province's, or the country's."""
    if locality is not None:
        return locality.full_name
    if issuer and vocabulary().central_body(issuer) is not None:
        return duties()["targets"]["national_scope"]  # "cả nước"
    return None


def _sentence_finder(flats: dict[int, Flat], source: str):
    """``sentence_of(segment, start, end)``: the sentence of the body (segment 0) or a footnote holding a mention."""
    def sentence_of(seg: int, start: int, end: int) -> str:
        return sentence_at(flats[seg], source, start, end)
    return sentence_of


def _reference(mentions: list[Mention], relations: list[str], first: Mention, locality, flats,
               sentence_of) -> Reference:
    relation = max(relations, key=lambda r: STRENGTH[r])
    decisive = relations.index(relation)
    typed = next((m for m in mentions if m.explicit_type and m.kind != "anaphora"), None)
    doc_type = (typed or first).doc_type
    if doc_type is None and first.code is not None and (t := first.code.doc_type()):
        doc_type = t.name
    issue_date = best_date([m for m in mentions if m.kind != "anaphora"])
    issuer = next((m.issuer for m in mentions if m.issuer), None)
    code: Code | None = first.code
    if issuer is None and code is not None:
        issuer = issuer_from_symbol(code, locality)
    spans = tuple(flats[m.segment].span(m.start, m.end) for m in mentions)
    code_text = code.text if code is not None else None
    deciding = mentions[decisive]
    sentence = sentence_of(deciding.segment, deciding.start, deciding.end)
    if first.kind == "blank" or (code is not None and code.number is None and not code_text):
        # "Công văn số /UBND-KTTH … của UBND tỉnh Kon Tum về việc …": a stub with the subject it gives, which
        # graph.build resolves to the held document by issuer, date and subject.
        subject = next((s for m in mentions if m.kind != "anaphora"
                        and (s := mention_subject(flats[m.segment].text, m.head_end))), None)
        ref_id = cited_unnumbered_id(code, issue_date, issuer, subject, sentence)
        return Reference(ref_id, doc_type, None, issue_date, issuer, relation, spans, first.title, sentence, decisive,
                         subject)
    title = None if code_text else first.title
    ref_id = document_id(code, issue_date, issuer, title=title, doc_type=doc_type)
    return Reference(ref_id, doc_type, code_text, issue_date, issuer, relation, spans, title, sentence, decisive)
