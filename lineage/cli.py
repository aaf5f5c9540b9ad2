"""``lineage`` commands. Each command is a few lines over the library; errors become one-line
messages naming the file and what to do."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from lineage import neo4j_server
from graph.errors import LineageError
from ingest.batch.bounds import EXECUTORS, FAILED, MEMORY_MB, TIMEOUT
from queries.raw import MEMORY_MB as QUERY_MEMORY_MB
from queries.stores import DEFAULT_STORE, open_store

if TYPE_CHECKING:
    from ingest.batch.pipeline import IngestSummary

# Each command imports the libraries it uses in its body (the extractor, the Neo4j driver, Dask, text reuse), so
# that `lineage --help` and a query on the embedded store start fast; tests/test_cli.py checks what --help loads.

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Trace Vietnamese directives down the state.")


@contextmanager
def _reported(*errors: type[Exception]):
    """A project error (or one of ``errors``) becomes ``error: <message>`` on stderr and exit code 2."""
    try:
        yield
    except (LineageError, *errors) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _require_store(store: Path, neo4j: str | None) -> None:
    """Exit with what to do when the embedded store asked for has not been made yet."""
    if not neo4j and not (store / "rdf").exists():
        typer.echo(f"error: {store}: no store there; run `lineage ingest PATH --store {store}` first", err=True)
        raise typer.Exit(2)


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            out.append(path)
    return out


EXECUTOR_HELP = "local (a process pool here) or dask (a Dask cluster: --scheduler, else a local one)."
SCHEDULER_HELP = "Address of a running Dask scheduler (tcp://host:8786); implies --executor dask."
WORKERS_HELP = "Extraction processes, or local Dask workers (0: one per core)."


def _executor(executor: str, scheduler: str | None, workers: int, timeout: float | None = None,
              memory_mb: int | None = None):
    """The executor the options ask for; a bad name is a usage error that lists the choices."""
    from ingest.batch.executors import make_executor

    if executor not in EXECUTORS:
        raise typer.BadParameter(f"use one of {', '.join(EXECUTORS)}", param_hint="--executor")
    return make_executor("dask" if scheduler else executor, workers or os.cpu_count() or 1, scheduler,
                         timeout, memory_mb)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl (one record a line), json (an array), "
                                                          "or parquet (a records folder, --out).")] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="The records folder to write (--format parquet).")] = None,
    executor: Annotated[str, typer.Option(help=EXECUTOR_HELP + " With --format parquet.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help=SCHEDULER_HELP)] = None,
    workers: Annotated[int, typer.Option(help=WORKERS_HELP)] = 0,
) -> None:
    """Print one extraction record per document (the contract in docs/record.md), or write the
    records as Parquet."""
    from ingest import extract_path

    if format not in {"jsonl", "json", "parquet"}:
        raise typer.BadParameter("use jsonl, json or parquet", param_hint="--format")
    if format == "parquet":
        _extract_parquet(_files(paths), out, _executor(executor, scheduler, workers))
        return
    if out is not None or scheduler is not None or executor != "local":
        raise typer.BadParameter("--out, --executor and --scheduler go with --format parquet; jsonl and json "
                                 "print to stdout", param_hint="--format")
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


def _extract_parquet(files: list[Path], out: Path | None, executor) -> None:
    from ingest.batch.pipeline import IngestSummary, read_compact

    if out is None:
        raise typer.BadParameter("give the records folder to write: --out DIR", param_hint="--out")
    summary = IngestSummary()
    with _reported(), executor:
        records = read_compact(files, summary=summary, executor=executor, records_out=out)  # only counted
    for failure in summary.failures:
        typer.echo(f"error: {failure.error}", err=True)
    typer.echo(f"wrote {out}: {len(records)} records", err=True)
    if summary.failures:
        typer.echo(f"{len(summary.failures)} file(s) failed", err=True)
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
    from ingest import extract_path
    from ingest.evaluate import evaluate, load_gold

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


# The embedded store's folder (queries.stores.DEFAULT_STORE): rdf/ (Oxigraph), records/ (the record cache),
# neo4j/ (a local server's home).
STORE_HELP = "Folder of the embedded store (RDF on Oxigraph, and the record cache)."
NEO4J_HELP = "Write to / read from this Neo4j server instead (bolt://…; user and password from NEO4J_USER/NEO4J_PASSWORD)."
EXPORT_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "graphml": "graphml", "neo4j-csv": "neo4j-csv",
                  "neo4j-parquet": "neo4j-parquet"}


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    store: Annotated[Path, typer.Option(help=STORE_HELP)] = DEFAULT_STORE,
    neo4j: Annotated[str | None, typer.Option(help=NEO4J_HELP)] = None,
    cache: Annotated[bool, typer.Option(help="Reuse the records of unchanged files (by sha256).")] = True,
    show_warnings: Annotated[bool, typer.Option("--warnings", help="List every extraction warning.")] = False,
    workers: Annotated[int, typer.Option(help=WORKERS_HELP)] = 0,
    executor: Annotated[str, typer.Option(help=EXECUTOR_HELP)] = "local",
    scheduler: Annotated[str | None, typer.Option(help=SCHEDULER_HELP)] = None,
    records_out: Annotated[Path | None, typer.Option(help="Also write every record as Parquet to this folder.")] = None,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds one file may take to read and extract; past it the "
                                           "file is reported as timed out and the run goes on (0: no bound; "
                                           "the local executor).")] = TIMEOUT,
    memory_mb: Annotated[int, typer.Option(min=0, help="Memory (MB of address space) of each extraction process; a "
                                           "file needing more is reported and the run goes on (0: no bound; "
                                           "the local executor).")] = MEMORY_MB,
    reuse: Annotated[bool, typer.Option(help="Find the passages each document shares with those already read "
                                        "(REUSES edges; index in STORE/reuse).")] = True,
) -> None:
    """Extract documents, build the lineage graph and write it to the store (idempotent). A file that
    cannot be read, or runs past --timeout or --memory-mb, is reported and the rest are stored (exit 1)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ingest.batch.pipeline import RecordCache, ingest as run_ingest
    from ingest.reuse.index import ReuseIndex

    files = _files(paths)
    if not files:
        raise typer.BadParameter("no files found", param_hint="PATHS")
    console = Console(stderr=True)
    records = RecordCache(store / "records") if cache else None
    extraction = _executor(executor, scheduler, workers, timeout or None, memory_mb or None)
    with _reported(), extraction, open_store(store, neo4j) as target, \
            Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console,
                     transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))
        summary = run_ingest(files, target, records, on_file=lambda _: progress.advance(task),
                             executor=extraction, records_out=records_out,
                             reuse=ReuseIndex.open(store / "reuse") if reuse else None)
    _print_summary(Console(), summary, neo4j or str(store / "rdf"), show_warnings)
    if records_out is not None:
        Console().print(f"records: {records_out} (Parquet)", highlight=False)
    if summary.failures:
        raise typer.Exit(1)


def _print_summary(console: Console, s: IngestSummary, where: str, show_warnings: bool) -> None:
    how = Counter(f.status for f in s.failures if f.status != FAILED)
    console.print(f"{s.files} files: {s.extracted} extracted, {s.reused} reused from the cache, "
                  f"{len(s.failures)} failed" + (f" ({', '.join(f'{v} {k}' for k, v in sorted(how.items()))})"
                                                 if how else ""), highlight=False)
    console.print(f"{s.documents} documents, {s.stubs} stubs (cited, not held); {len(s.warnings)} warnings",
                  highlight=False)
    console.print(f"store: {where}", highlight=False)
    table = Table()
    table.add_column("edge type")
    table.add_column("this input", justify="right")
    table.add_column("in the store", justify="right")
    stored = s.store.edges if s.store else {}
    for kind in sorted(set(s.edges) | set(stored)):
        table.add_row(kind, str(s.edges.get(kind, 0)), str(stored.get(kind, 0)))
    console.print(table)
    if s.reuse is not None:
        console.print(f"text reuse: {s.reuse.indexed} documents indexed ({s.reuse.unchanged} unchanged), "
                      f"{s.reuse.aligned} pairs aligned, {s.reuse.reusing} pairs share passages", highlight=False)
    if s.store:
        nodes = ", ".join(f"{k} {v}" for k, v in s.store.nodes.items())
        console.print(f"store nodes: {nodes}; stubs {s.store.stubs}", highlight=False, soft_wrap=True)
    if show_warnings:
        for path, warning in s.warnings:
            console.print(f"  warning: {path}: {warning}" if path else f"  warning: {warning}", highlight=False)
    for r in s.replaced:
        console.print(f"[yellow]replaced:[/yellow] {r.warning()}", highlight=False, soft_wrap=True)
    for failure in s.failures:
        console.print(f"[red]{failure.status}:[/red] {failure.error}", highlight=False, soft_wrap=True)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="File to write (a folder for neo4j-csv and neo4j-parquet).")],
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="ttl | jsonld | graphml | neo4j-csv | neo4j-parquet")] = "ttl",
    store: Annotated[Path, typer.Option(help=STORE_HELP)] = DEFAULT_STORE,
    neo4j: Annotated[str | None, typer.Option(help=NEO4J_HELP)] = None,
    records: Annotated[Path | None, typer.Option(
        help="Build the graph from this Parquet records folder (--records-out) instead of reading a store.")] = None,
) -> None:
    """Write the stored graph (or the graph of Parquet records) as Turtle, JSON-LD, GraphML, or neo4j-admin
    import files (CSV or Parquet)."""
    from graph.build import build
    from graph.neo4j_csv import write_neo4j_csv
    from graph.neo4j_parquet import write_neo4j_parquet
    from graph.nx_store import write_graphml
    from graph.rdf_store import write_turtle
    from ingest.batch.pipeline import Records
    from ingest.batch.records_parquet import read_parquet_texts

    if format not in EXPORT_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    if records is None:
        _require_store(store, neo4j)
    with _reported(OSError):
        if records is not None:
            graph = build(Records(read_parquet_texts(records)))  # held as text, decoded one at a time
        else:
            with open_store(store, neo4j, read_only=True) as source:  # never waits for an ingest
                graph = source.read()
        if format == "graphml":
            write_graphml(graph, out)
        elif format in ("neo4j-csv", "neo4j-parquet"):
            files = (write_neo4j_csv if format == "neo4j-csv" else write_neo4j_parquet)(graph, out)
            typer.echo(f"load into an empty database with:\n  {files.command()}\nthen start the server and "
                       "run `lineage neo4j schema` (constraints and the indexes the queries need)", err=True)
        else:
            write_turtle(graph, out, EXPORT_FORMATS[format])
    counts = graph.counts()
    nodes, edges = counts.total()
    typer.echo(f"wrote {out}: {nodes} nodes, {edges} edges", err=True)


QUERY_FORMATS = ("table", "json", "csv")
CELL_WIDTH = 40  # a table cell wider than this is cut (json and csv keep everything)


def _print_rows(columns: list[str], rows: list[dict], format: str, title: str = "") -> None:
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif format == "csv":
        import csv as _csv
        out = _csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        out.writeheader()
        out.writerows(rows)
    else:
        table = Table(title=title or None)
        for col in columns:
            table.add_column(col, overflow="ellipsis", no_wrap=True, max_width=CELL_WIDTH, min_width=min(len(col), 10))
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        widths = [min(CELL_WIDTH, max([len(col)] + [len(str(r.get(col) or "")) for r in rows])) + 3 for col in columns]
        Console(width=max(Console().width, sum(widths) + 1)).print(table)
        typer.echo(f"{len(rows)} rows", err=True)


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"write parameters as key=value, not {pair!r}", param_hint="--param")
        out[key.strip()] = value
    return out


def _check_format(format: str) -> None:
    if format not in QUERY_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(QUERY_FORMATS)}", param_hint="--format")


@app.command("queries")
def list_queries() -> None:
    """List the named queries with their parameters."""
    import queries

    for name in queries.names():
        if name in queries.COMPOSED:
            description, params = queries.COMPOSED[name]
            typer.echo(f"{name}({', '.join(params)})\n    {description}")
            continue
        q = queries.named(name)
        params = ", ".join(p.name + ("" if p.default is None else f"={p.default}") for p in q.params)
        typer.echo(f"{name}({params})\n    {q.description}")


@app.command("query")
def query(
    name: Annotated[str, typer.Argument(help="A named query (see `lineage queries`).")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")] = None,
    store: Annotated[Path, typer.Option(help=STORE_HELP)] = DEFAULT_STORE,
    neo4j: Annotated[str | None, typer.Option(help=NEO4J_HELP)] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """Answer a named question (propagation, ancestry, coverage, targets, workload…) from the store."""
    import queries

    _check_format(format)
    params = _params(param or [])
    _require_store(store, neo4j)
    try:
        with _reported(), open_store(store, neo4j, read_only=True) as source:  # never waits for an ingest
            columns, rows = queries.answer(name, source, **params)
    except TypeError as exc:  # a composed question given a parameter it does not take
        typer.echo(f"error: {name}: {exc}", err=True)
        raise typer.Exit(2) from None
    _print_rows(columns, rows, format, title=name)


LIMIT_HELP = "At most this many rows (0 or more); a note on stderr says when there were more."


@app.command("cypher")
def cypher(
    text: Annotated[str, typer.Argument(help="A read-only Cypher query; use $name for parameters.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")] = None,
    neo4j: Annotated[str | None, typer.Option(help=NEO4J_HELP)] = None,
    timeout: Annotated[float, typer.Option(help="Seconds before the server stops the query.")] = 30.0,
    limit: Annotated[int, typer.Option(min=0, help=LIMIT_HELP)] = 1000,
    format: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """Run raw Cypher on Neo4j if the server plans it as a read of the graph; with a timeout and a row limit."""
    from graph.neo4j_store import connect_from_env
    from queries.raw import raw_cypher

    _check_format(format)
    with _reported(), connect_from_env(neo4j) as source:
        answer = raw_cypher(source, text, _params(param or []), timeout=timeout, limit=limit)
    _print_raw(answer, format, limit)


@app.command("sparql")
def sparql(
    text: Annotated[str, typer.Argument(help="A SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE (prefixes rdf: rdfs: xsd: "
                                              "owl: eli: org: prov: dcterms: lin: skos: are known); "
                                              "?in_name variables take --param name=value and must be in the SELECT.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")] = None,
    store: Annotated[Path, typer.Option(help=STORE_HELP)] = DEFAULT_STORE,
    timeout: Annotated[float, typer.Option(help="Seconds before the query is stopped.")] = 30.0,
    limit: Annotated[int, typer.Option(min=0, help=LIMIT_HELP)] = 1000,
    memory_mb: Annotated[int, typer.Option(min=1, help="MB the query may use before it is stopped.")] = QUERY_MEMORY_MB,
    format: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """Run raw SPARQL on the embedded store, opened read-only; no updates, no SERVICE; bounded in time, memory and
    rows."""
    from queries.raw import raw_sparql

    _check_format(format)
    with _reported():
        answer = raw_sparql(store / "rdf", text, _params(param or []), timeout=timeout, limit=limit,
                            memory_mb=memory_mb)
    _print_raw(answer, format, limit)


def _print_raw(answer, format: str, limit: int) -> None:
    """The rows, and on stderr a note when the limit cut them."""
    _print_rows(answer.columns, answer.rows, format)
    if answer.cut:
        typer.echo(f"note: the query has more than {limit} rows; only the first {limit} are shown "
                   "(raise --limit or narrow the query)", err=True)


@app.command("ui")
def ui(
    store: Annotated[Path, typer.Option(help=STORE_HELP)] = DEFAULT_STORE,
    neo4j: Annotated[str | None, typer.Option(help=NEO4J_HELP)] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8501,
) -> None:
    """Open the Streamlit app on http://127.0.0.1:PORT (no usage statistics, no calls out)."""
    import subprocess

    import ui

    _require_store(store, neo4j)
    env = {**os.environ, "LINEAGE_STORE": str(store.resolve())}
    if neo4j:
        env["NEO4J_URI"] = neo4j
    app_path = Path(ui.__file__).parent / "app.py"
    command = [sys.executable, "-m", "streamlit", "run", str(app_path), "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--client.toolbarMode", "minimal"]
    typer.echo(f"directive-lineage UI on http://127.0.0.1:{port} (Ctrl-C stops it)", err=True)
    raise typer.Exit(subprocess.call(command, env=env))


@app.command("serve")
def serve(
    store: Annotated[Path, typer.Option(help=STORE_HELP)] = DEFAULT_STORE,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Seconds before a query is stopped.")] = 30.0,
    limit: Annotated[int, typer.Option(min=0, help="At most this many rows (or triples) an answer; the header "
                                       "Lineage-Cut says when there were more.")] = 10_000,
    memory_mb: Annotated[int, typer.Option(min=1, help="MB a query may use before it is stopped.")] = QUERY_MEMORY_MB,
    cors: Annotated[list[str] | None, typer.Option(help="An origin whose web pages may read the answers "
                                                   "(e.g. https://yasgui.org), repeatable; none by default.")] = None,
) -> None:
    """Serve the embedded store as a read-only SPARQL 1.1 endpoint on http://127.0.0.1:PORT/sparql (GET or POST;
    JSON, XML, CSV, TSV, Turtle answers); no updates, no SERVICE; bounded in time, memory and rows."""
    from lineage.sparql_endpoint import serve as run

    _require_store(store, None)
    typer.echo(f"SPARQL endpoint on http://127.0.0.1:{port}/sparql over {store / 'rdf'} (read-only; Ctrl-C stops it)",
               err=True)
    run(store, port=port, limit=limit, timeout=timeout, memory_mb=memory_mb, cors=tuple(cors or ()))


neo4j_app = typer.Typer(no_args_is_help=True, help="Run a local Neo4j server (fetched from Maven Central on first use).")
app.add_typer(neo4j_app, name="neo4j")
HOME_HELP = "The server's folder (database, logs, server.json)."
DEFAULT_HOME = DEFAULT_STORE / "neo4j"


@neo4j_app.command("start")
def neo4j_start(
    home: Annotated[Path, typer.Option(help=HOME_HELP)] = DEFAULT_HOME,
    port: Annotated[int, typer.Option(help="Bolt port.")] = 7687,
    pagecache_mb: Annotated[int, typer.Option(
        help="Page cache (MB): the store's pages held in memory; ~2000 for 100k documents.")] = neo4j_server.PAGECACHE_MB,
    heap_mb: Annotated[int, typer.Option(help="JVM heap (MB).")] = neo4j_server.HEAP_MB,
    http_port: Annotated[int, typer.Option(min=0, help="HTTP port of the HTTP API and Neo4j Browser "
                                           "(http://127.0.0.1:PORT/browser/); 0: Bolt only.")] = neo4j_server.HTTP_PORT,
) -> None:
    """Start a local Neo4j in the background, with Neo4j Browser; auth on, password from NEO4J_PASSWORD."""
    password = os.environ.get("NEO4J_PASSWORD")
    if not password:
        typer.echo("error: set NEO4J_PASSWORD: the password the local server will require for user neo4j", err=True)
        raise typer.Exit(2)
    home.mkdir(parents=True, exist_ok=True)
    typer.echo("starting Neo4j (the first start fetches its jars from Maven Central)…", err=True)
    with _reported():
        record = neo4j_server.start_background(home, port=port, password=password, pagecache_mb=pagecache_mb,
                                                  heap_mb=heap_mb, http_port=http_port or None)
    typer.echo(f"Neo4j {record['version']} running at {record['uri']} (pid {record['pid']}); "
               f"use: export NEO4J_URI={record['uri']}")
    if record["http"]:
        typer.echo(f"Neo4j Browser: {record['http']}/browser/ (user neo4j, the password of NEO4J_PASSWORD)")


@neo4j_app.command("schema")
def neo4j_schema(neo4j: Annotated[str | None, typer.Option(help=NEO4J_HELP)] = None) -> None:
    """Create the uniqueness constraints and look-up indexes the queries need (after a neo4j-admin import,
    which loads data only); waits until the indexes are filled."""
    from graph.neo4j_store import connect_from_env

    with _reported(), connect_from_env(neo4j) as store:
        store.ensure_constraints()
    typer.echo("constraints and indexes in place", err=True)


@neo4j_app.command("stop")
def neo4j_stop(home: Annotated[Path, typer.Option(help=HOME_HELP)] = DEFAULT_HOME) -> None:
    """Stop the local Neo4j started from HOME."""
    with _reported():
        record = neo4j_server.stop_background(home)
    typer.echo(f"stopped Neo4j (pid {record['pid']})" if record else f"no server recorded in {home}")


@neo4j_app.command("status")
def neo4j_status(home: Annotated[Path, typer.Option(help=HOME_HELP)] = DEFAULT_HOME) -> None:
    """Say whether the local Neo4j of HOME runs and answers."""
    record = neo4j_server.status(home, os.environ.get("NEO4J_PASSWORD"))
    if record is None:
        typer.echo(f"no server recorded in {home}")
        raise typer.Exit(1)
    state = "running" if record["alive"] else "not running"
    answer = "answers" if record["connected"] else f"does not answer ({record['error']})"
    browser = f"; Neo4j Browser {record['http']}/browser/" if record.get("http") else ""
    typer.echo(f"Neo4j {record['version']} at {record['uri']} (pid {record['pid']}): {state}, {answer}{browser}")
    if not record["connected"]:
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":  # python3 -m lineage.cli …
    main()
