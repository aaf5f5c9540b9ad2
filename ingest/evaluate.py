"""Score extraction records against hand-made gold files and list every miss.

Gold files follow ``shared/corpus/gold``: one JSON per document with ``document``, ``references``,
``addressees``, ``assignments``, ``targets``. Pydantic validates them at this edge.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from rapidfuzz.distance import Indel

from graph.vocabulary import fold

from .errors import ReadError
from .lexicon.dates import TITLE_YEAR_RE

DOC_FIELDS = ("doc_type", "code", "issue_date", "issuer")
EXTRA_DOC_FIELDS = ("number", "symbol", "subject")


class GoldDocument(BaseModel):
    model_config = ConfigDict(extra="ignore")
    doc_type: str | None = None
    code: str | None = None
    number: str | None = None
    symbol: str | None = None
    issue_date: str | None = None
    issuer: str | None = None
    subject: str | None = None


class GoldReference(BaseModel):
    model_config = ConfigDict(extra="ignore")
    doc_type: str | None = None
    code: str | None = None
    title: str | None = None
    issue_date: str | None = None
    issuer: str | None = None
    relation: str


class GoldAssignment(BaseModel):
    model_config = ConfigDict(extra="ignore")
    agency: str
    role: str
    deadline: str | None = None


class GoldTarget(BaseModel):
    model_config = ConfigDict(extra="ignore")
    indicator: str | None = None
    value: float
    unit: str | None = None
    comparator: str | None = None
    scope: str | None = None
    period: str | None = None


class Gold(BaseModel):
    model_config = ConfigDict(extra="ignore")
    document: GoldDocument
    references: list[GoldReference] = []
    addressees: list[str] = []
    assignments: list[GoldAssignment] = []
    targets: list[GoldTarget] = []


def load_gold(path: Path) -> Gold:
    try:
        return Gold.model_validate_json(path.read_text(encoding="utf-8"))
    except ValidationError as exc:
        raise ReadError(str(path), f"not a valid gold file ({exc.error_count()} problems: {exc.errors()[0]['msg']})",
                        "fix the JSON to the shape of shared/corpus/gold/README.md") from None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.exact / self.total if self.total else 1.0


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return fold(value)
    return value


def _year(date: str | None) -> str | None:
    return date[:4] if date else None


def reference_key(ref: dict | GoldReference) -> tuple:
    """Code + year for coded references; type + name + year for laws and blank numbers."""
    get = ref.get if isinstance(ref, dict) else lambda k: getattr(ref, k)
    if get("code"):
        return ("code", re.sub(r"\s+", "", get("code")).casefold(), _year(get("issue_date")))
    title = TITLE_YEAR_RE.sub("", get("title") or "")
    return ("title", fold(get("doc_type") or ""), fold(title), _year(get("issue_date")))


@dataclass
class Report:
    documents: int = 0
    fields: dict[str, Score] = field(default_factory=dict)
    references: Score = field(default_factory=Score)
    relation: Score = field(default_factory=Score)
    reference_date: Score = field(default_factory=Score)
    reference_issuer: Score = field(default_factory=Score)
    addressees: Score = field(default_factory=Score)
    assignments: Score = field(default_factory=Score)
    assignment_deadlines: Score = field(default_factory=Score)
    targets: Score = field(default_factory=Score)
    target_scope: Score = field(default_factory=Score)
    target_period: Score = field(default_factory=Score)

    @property
    def document_accuracy(self) -> float:
        scores = [self.fields[f] for f in DOC_FIELDS]
        return sum(s.exact for s in scores) / max(1, sum(s.total for s in scores))

    def rows(self) -> list[tuple[str, Score, str]]:
        rows = [(f"document.{f}", self.fields[f], "exact") for f in (*DOC_FIELDS, *EXTRA_DOC_FIELDS)]
        rows += [("references (code+year)", self.references, "prf"),
                 ("reference relation (matched)", self.relation, "exact"),
                 ("reference issue_date (matched)", self.reference_date, "exact"),
                 ("reference issuer (matched)", self.reference_issuer, "exact"),
                 ("addressees", self.addressees, "prf"),
                 ("assignments (agency+role)", self.assignments, "prf"),
                 ("  with deadline", self.assignment_deadlines, "prf"),
                 ("targets (value+unit+comparator)", self.targets, "prf"),
                 ("target scope (matched)", self.target_scope, "exact"),
                 ("target period (matched)", self.target_period, "exact")]
        return rows


def _set_score(score: Score, name: str, predicted: Iterable[tuple], gold: Iterable[tuple], show: Callable) -> None:
    pred, want = list(dict.fromkeys(predicted)), list(dict.fromkeys(gold))
    for item in pred:
        if item in want:
            score.tp += 1
        else:
            score.fp += 1
            score.misses.append(f"{name}: extra {show(item)}")
    for item in want:
        if item not in pred:
            score.fn += 1
            score.misses.append(f"{name}: missing {show(item)}")


def score_record(report: Report, name: str, record: dict, gold: Gold) -> None:
    report.documents += 1
    doc = record["document"]
    for f in (*DOC_FIELDS, *EXTRA_DOC_FIELDS):
        score = report.fields.setdefault(f, Score())
        got, want = doc.get(f), getattr(gold.document, f)
        score.total += 1
        if _norm(got) == _norm(want):
            score.exact += 1
            if want is not None:
                score.tp += 1
        else:
            score.misses.append(f"{name}: document.{f} = {got!r}, gold {want!r}")
            if got is not None:
                score.fp += 1
            if want is not None:
                score.fn += 1

    pred = {reference_key(r): r for r in record["references"]}
    want = {reference_key(r): r for r in gold.references}
    _set_score(report.references, name, pred, want, lambda k: _show_key(k, pred.get(k) or want.get(k)))
    for key in pred.keys() & want.keys():
        p, g = pred[key], want[key]
        for score, got, expected, label in (
            (report.relation, p["relation"], g.relation, "relation"),
            (report.reference_date, p.get("issue_date"), g.issue_date, "issue_date"),
            (report.reference_issuer, p.get("issuer"), g.issuer, "issuer"),
        ):
            score.total += 1
            if _norm(got) == _norm(expected):
                score.exact += 1
            else:
                score.misses.append(f"{name}: {_show_key(key, p)} {label} = {got!r}, gold {expected!r}")

    _set_score(report.addressees, name, (fold(a) for a in record.get("addressees", [])),
               (fold(a) for a in gold.addressees), lambda k: f"addressee {k!r}")
    _set_score(report.assignments, name,
               ((fold(a["agency"]), a["role"]) for a in record.get("assignments", [])),
               ((fold(a.agency), a.role) for a in gold.assignments), lambda k: f"assignment {k}")
    _set_score(report.assignment_deadlines, name,
               ((fold(a["agency"]), a["role"], a.get("deadline")) for a in record.get("assignments", [])),
               ((fold(a.agency), a.role, a.deadline) for a in gold.assignments), lambda k: f"assignment deadline {k}")
    _target_score(report, name, record.get("targets", []), gold.targets)


def _target_key(value: float, unit: str | None, comparator: str | None) -> tuple:
    return (round(float(value), 4), unit, comparator)


def _target_score(report: Report, name: str, predicted: list[dict], gold: list[GoldTarget]) -> None:
    """Targets are a multiset: two "= 100%" goals in the gold need two in the record. Matched pairs
    (same key, then closest indicator) are checked for scope and period."""
    left = list(predicted)
    for g in gold:
        key = _target_key(g.value, g.unit, g.comparator)
        same = [p for p in left if _target_key(p["value"], p.get("unit"), p.get("comparator")) == key]
        if not same:
            report.targets.fn += 1
            report.targets.misses.append(f"{name}: missing target {key} {g.indicator!r}")
            continue
        best = max(same, key=lambda p: Indel.normalized_similarity(fold(p.get("indicator") or ""), fold(g.indicator or "")))
        left.remove(best)
        report.targets.tp += 1
        for score, got, want, label in ((report.target_scope, best.get("scope"), g.scope, "scope"),
                                        (report.target_period, best.get("period"), g.period, "period")):
            score.total += 1
            if _norm(got) == _norm(want):
                score.exact += 1
            else:
                score.misses.append(f"{name}: target {key} {label} = {got!r}, gold {want!r}")
    for p in left:
        report.targets.fp += 1
        report.targets.misses.append(
            f"{name}: extra target {_target_key(p['value'], p.get('unit'), p.get('comparator'))} {p.get('indicator')!r}")


def _show_key(key: tuple, ref: Any) -> str:
    if key[0] == "code":
        return f"reference {key[1].upper()} ({key[2]})"
    title = ref.get("title") if isinstance(ref, dict) else getattr(ref, "title", None)
    return f"reference {title!r} ({key[-1]})"


def evaluate(pairs: Iterable[tuple[str, dict, Gold]]) -> Report:
    report = Report()
    for name, record, gold in pairs:
        score_record(report, name, record, gold)
    return report
