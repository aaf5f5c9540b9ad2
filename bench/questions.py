"""The analyst's questions (``queries/examples``) and the catalogue's lookups timed in SPARQL on Oxigraph and in
Cypher on Neo4j, on one generated cascade: the median time of each per store, the ratio SPARQL / Cypher, and
whether both gave the same rows. Prints a Markdown table and writes ``bench/results/questions-<N>.json``.

    python -m bench.questions 10000 [--work /tmp/q10k] [--repeat 5] [--only 13_deadlines_by_month,propagation]

The cascade is ``bench.generate``'s (documents under WORK/docs, made once and kept); its records are kept in
WORK/records.jsonl so a second run skips the extraction. The Oxigraph store is written with ``OxigraphStore``,
Neo4j loaded by ``neo4j-admin import`` with the page cache and heap ``bench.run`` gives it; both stores are made
afresh each run. Text reuse (``REUSES``) is not computed here: question 12 finds nothing on a cascade.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from graph.build import build
from graph.rdf_store import OxigraphStore
from ingest.batch.pipeline import Records, read_compact
from queries.catalogue import catalogue, examples
from queries.run import run_query

from .generate import write
from .run import _admin_import, neo4j_memory

AS_OF = "2025-09-01"  # the day deadlines are judged on: the cascade's deadlines run through 2025 and 2026
SAMPLE = 5  # directives / agencies / documents a question with a parameter is asked about
# The catalogue's lookups timed beside the examples (those the propagation view and the CLI ask most).
LOOKUPS = ("propagation", "relays", "ancestry", "targets", "tree", "tasks", "workload", "not_relayed")


def _records(n: int, work: Path) -> Records:
    folder, kept = work / "docs", work / "records.jsonl"
    if kept.is_file():
        return Records(tuple(line.encode() for line in kept.read_text(encoding="utf-8").splitlines()))
    if not folder.is_dir():
        write(n, work)
    records = read_compact(sorted(folder.glob("*.txt")), workers=os.cpu_count() or 1)
    kept.write_text("\n".join(t.decode() for t in records.texts) + "\n", encoding="utf-8")
    return records


def _params(graph) -> dict[str, list[dict[str, str]]]:
    """The parameters each question is asked with, sampled from the graph (seeded)."""
    rng = random.Random(7)
    directives = sorted(n.props["code"] for n in graph.nodes.values() if str(n.props.get("code", "")).endswith("/NQ-CP"))
    documents = sorted(u for u, n in graph.nodes.items() if n.label == "Document" and n.props.get("stub") is False
                       and n.props.get("code"))
    assigned = sorted({e.end for e in graph.edges if e.type == "ASSIGNED_TO"})
    names = [graph.nodes[a].props["name"] for a in rng.sample(assigned, min(SAMPLE, len(assigned)))]
    some_directives = rng.sample(directives, min(SAMPLE, len(directives)))
    some_documents = rng.sample(documents, min(SAMPLE, len(documents)))
    by_param = {"directive": [{"directive": d} for d in some_directives],
                "document": [{"document": d} for d in some_documents],
                "agency": [{"agency": a, "as_of": AS_OF} for a in names],
                "as_of": [{"as_of": AS_OF}], "below": [{"below": "90"}], "": [{}]}
    out = {}
    for name, q in {**examples(), **{k: catalogue()[k] for k in LOOKUPS}}.items():
        required = [p.name for p in q.params if p.default is None] or [p.name for p in q.params]
        key = next((k for k in ("directive", "document", "agency", "as_of", "below") if k in required), "")
        out[name] = by_param[key]
    return out


def _time(q, store, params: list[dict[str, str]], repeat: int) -> tuple[float, list]:
    """Median seconds of one ask (each parameter set asked ``repeat`` times after one warm-up) and the rows."""
    rows = [run_query(q, store, **p) for p in params]  # warm-up; the rows compared between the stores
    times = []
    for _ in range(repeat):
        for p in params:
            t = time.perf_counter()
            run_query(q, store, **p)
            times.append(time.perf_counter() - t)
    return statistics.median(times), rows


def bench(n: int, work: Path, repeat: int, only: tuple[str, ...] = ()) -> dict[str, Any]:
    from graph.neo4j_store import Neo4jStore
    from lineage import neo4j_server

    questions = {**examples(), **{k: catalogue()[k] for k in LOOKUPS}}
    if only:
        unknown = sorted(set(only) - set(questions))
        if unknown:
            raise SystemExit(f"--only: no question named {', '.join(unknown)}; there are: {', '.join(questions)}")
        questions = {k: q for k, q in questions.items() if k in only}
    work.mkdir(parents=True, exist_ok=True)
    graph = build(_records(n, work))
    nodes, edges = graph.counts().total()
    result: dict[str, Any] = {"documents": n, "nodes": nodes, "edges": edges, "repeat": repeat,
                              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                          "load_average": os.getloadavg()}}
    params = _params(graph)
    for folder in ("rdf", "neo4j", "csv"):
        shutil.rmtree(work / folder, ignore_errors=True)
    rdf = OxigraphStore(work / "rdf")
    rdf.write(graph)
    _admin_import(graph, work / "neo4j", nodes + edges)
    del graph
    memory = neo4j_memory(n)
    with neo4j_server.start(work / "neo4j", **memory) as server, Neo4jStore(server.uri) as neo:
        neo.ensure_constraints()
        result["questions"] = {}
        for name, q in questions.items():
            cypher_s, cypher_rows = _time(q, neo, params[name], repeat)
            sparql_s, sparql_rows = _time(q, rdf, params[name], repeat)
            result["questions"][name] = {
                "cypher_ms": round(cypher_s * 1000, 2), "sparql_ms": round(sparql_s * 1000, 2),
                "ratio": round(sparql_s / cypher_s, 2) if cypher_s else None,
                "rows": sum(map(len, cypher_rows)), "same_rows": cypher_rows == sparql_rows}
            print(name, result["questions"][name], flush=True)
    rdf.close()
    result["machine"]["load_average_after"] = os.getloadavg()
    return result


def table(result: dict[str, Any]) -> str:
    out = ["| question | rows | Cypher (Neo4j) | SPARQL (Oxigraph) | SPARQL / Cypher | same rows |",
           "|---|---|---|---|---|---|"]
    for name, r in result["questions"].items():
        out.append(f"| {name} | {r['rows']:,} | {r['cypher_ms']} ms | {r['sparql_ms']} ms | {r['ratio']}× | "
                   f"{'yes' if r['same_rows'] else '**no**'} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--work", type=Path, default=None, help="folder for the cascade and the stores")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    parser.add_argument("--only", default="", help="comma-separated names: time only these questions (the results "
                        "file is then questions-N-only.json)")
    args = parser.parse_args()
    only = tuple(name.strip() for name in args.only.split(",") if name.strip())
    result = bench(args.n, args.work or Path(f"/tmp/lineage-questions-{args.n}"), args.repeat, only)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"questions-{args.n}{'-only' if only else ''}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(table(result))


if __name__ == "__main__":
    main()
