"""``lineage`` commands. Each command is a few lines over the library; errors become one-line
messages naming the file and what to do."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import LineageError
from ingest import extract_path
from ingest.evaluate import evaluate, load_gold

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Trace Vietnamese directives down the state.")


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            out.append(path)
    return out


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl (one record a line) or json (an array).")] = "jsonl",
) -> None:
    """Print one extraction record per document (the contract in shared/contract/record.md)."""
    if format not in {"jsonl", "json"}:
        raise typer.BadParameter("use jsonl or json", param_hint="--format")
    failed = 0
    records = []
    for path in _files(paths):
        try:
            record = extract_path(path).to_dict()
        except LineageError as exc:
            failed += 1
            typer.echo(f"error: {exc}", err=True)
            continue
        if format == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            records.append(record)
    if format == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if failed:
        typer.echo(f"{failed} file(s) failed", err=True)
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    paths: Annotated[list[Path], typer.Argument(help="DOCS_DIR... GOLD_DIR: document folders, then the gold folder.")],
    misses: Annotated[bool, typer.Option(help="List every miss.")] = True,
    min_document: Annotated[float, typer.Option(help="Fail below this document-field accuracy.")] = 0.0,
    min_reference_f1: Annotated[float, typer.Option(help="Fail below this reference F1.")] = 0.0,
    min_relation: Annotated[float, typer.Option(help="Fail below this relation accuracy.")] = 0.0,
    min_assignment_f1: Annotated[float, typer.Option(help="Fail below this assignment F1 (agency+role).")] = 0.0,
    min_target_f1: Annotated[float, typer.Option(help="Fail below this target F1 (value+unit+comparator).")] = 0.0,
) -> None:
    """Score records of DOCS_DIR against GOLD_DIR/*.json: precision, recall, F1 per field, and the misses."""
    if len(paths) < 2:
        raise typer.BadParameter("give at least one documents folder and the gold folder", param_hint="PATHS")
    *doc_dirs, gold_dir = paths
    golds = {p.stem: p for p in sorted(gold_dir.glob("*.json"))}
    pairs, unread = [], []
    for path in _files(doc_dirs):
        if path.stem not in golds:
            continue
        try:
            record = extract_path(path).to_dict()
            gold = load_gold(golds.pop(path.stem))
        except LineageError as exc:
            unread.append(str(exc))
            continue
        pairs.append((path.stem, record, gold))
    report = evaluate(pairs)
    console = Console()
    table = Table(title=f"{report.documents} documents scored against {gold_dir}")
    for col in ("field", "precision", "recall", "F1", "exact", "n"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name, score, kind in report.rows():
        if kind == "exact" and not name.startswith("document."):
            table.add_row(name, "", "", "", f"{score.accuracy:.3f}", str(score.total))
            continue
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      f"{score.accuracy:.3f}" if score.total else "", str(score.total or score.tp + score.fn))
    console.print(table)
    console.print(f"document fields (doc_type, code, issue_date, issuer), exact: {report.document_accuracy:.3f}")
    console.print(f"reference F1 (code+year): {report.references.f1:.3f}; relation accuracy: {report.relation.accuracy:.3f}")
    console.print(f"assignment F1 (agency+role): {report.assignments.f1:.3f}; target F1: {report.targets.f1:.3f}")
    for problem in unread:
        console.print(f"[red]unread:[/red] {problem}", highlight=False)
    for stem in golds:
        console.print(f"no document for gold file {stem}.json", highlight=False)
    if misses:
        for name, score, _ in report.rows():
            for miss in score.misses:
                console.print(f"  miss: {miss}", highlight=False, soft_wrap=True)
    below = [label for label, value, floor in (
        ("document fields", report.document_accuracy, min_document),
        ("reference F1", report.references.f1, min_reference_f1),
        ("relation accuracy", report.relation.accuracy, min_relation),
        ("assignment F1", report.assignments.f1, min_assignment_f1),
        ("target F1", report.targets.f1, min_target_f1),
    ) if value < floor]
    if below or unread:
        typer.echo(f"below threshold: {', '.join(below)}" if below else "some files could not be read", err=True)
        raise typer.Exit(1)


def main() -> None:
    app()
