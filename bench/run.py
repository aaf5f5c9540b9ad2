"""One benchmark run at N documents: extraction (one core: extraction alone; all cores: the pipeline, records
held as compact JSON), graph build, loads (Oxigraph, and Oxigraph written again with 1% of the files
changed; Neo4j by Bolt up to 200k documents, and by neo4j-admin CSV import, then the constraints and
indexes), query latency (Neo4j on the imported database), peak memory, and lineage quality against the
generator's truth. Prints a table and writes ``bench/results/<N>.json``.

    python -m bench.run 1000 [--neo4j] [--out bench/results]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterable

from graph.build import build
from graph.model import DOCUMENT
from graph.rdf_store import OxigraphStore
from ingest.extract import extract_path
from ingest.batch.pipeline import Records, read_compact
from ingest.record import to_json_bytes
from queries import coverage, run

from .generate import write

SAMPLE_QUERIES = 20  # directives / documents asked for in the latency figures
SERIAL_SAMPLE = 2000  # documents timed on one core
# Neo4j's memory for the run: a page cache that holds the store (~1 MB per 40 documents), a heap of 2 GB.
PAGECACHE_MB_PER_DOC, MAX_PAGECACHE_MB, BENCH_HEAP_MB = 1 / 40, 6144, 2048
# Every CHANGED_EVERY-th file gets one more task before the store is written again (a re-ingest after edits).
CHANGED_EVERY = 100
CHANGED_TASK = "\nGiao Sở Tài chính chủ trì rà soát, báo cáo trước ngày 30 tháng 6 năm 2026.\n"
# Above this many documents Neo4j is loaded by neo4j-admin import only (Bolt: ~15k items/s, 10 minutes at 1M).
BOLT_LIMIT = 200_000


def neo4j_memory(n: int) -> dict[str, int]:
    """``pagecache_mb`` and ``heap_mb`` for a Neo4j holding ``n`` documents."""
    from lineage.neo4j_server import PAGECACHE_MB

    return {"pagecache_mb": int(min(MAX_PAGECACHE_MB, max(PAGECACHE_MB, n * PAGECACHE_MB_PER_DOC))),
            "heap_mb": BENCH_HEAP_MB}


def _rss_mb() -> float:
    """Peak resident memory so far (this process and finished children), MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def _latency(fn: Callable[[str], Any], keys: list[str]) -> dict[str, float]:
    """p50 and p95 of ``fn`` over ``keys`` on a warm store: every key is asked once before the timed round
    (query plans compiled, the pages read in), as on a server that has been answering for a while."""
    for key in keys:
        fn(key)
    times = []
    for key in keys:
        _, t = _timed(lambda: fn(key))
        times.append(t * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2)}


NAMED = ("registry", "fuzzy")  # assignments to a named body (collective ones are not in the truth)


def _pr(expected: set, got: set) -> dict[str, float]:
    tp = len(expected & got)
    return {"precision": round(tp / len(got), 4) if got else 0.0,
            "recall": round(tp / len(expected), 4) if expected else 0.0, "n": len(expected)}


def quality(records: Iterable[dict], truth: Path) -> dict[str, Any]:
    """Precision and recall against the generator's truth: IMPLEMENTS links by (file, code, year); named
    assignments by (file, agency, role, deadline); targets by (file, value, unit, comparator, scope)."""
    links, assigned, targets = set(), set(), set()
    for line in truth.read_text(encoding="utf-8").splitlines():
        t = json.loads(line)
        for code, year in zip(t["implements"], t["implements_year"]):
            links.add((t["file"], None if code.startswith("/") else code, year))
        assigned |= {(t["file"], *a) for a in t.get("assignments", ())}
        targets |= {(t["file"], *x) for x in t.get("targets", ())}
    got_links, got_assigned, got_targets = set(), set(), set()
    for r in records:
        name = Path(r["source"]["path"]).name
        for ref in r["references"]:
            if ref["relation"] == "implements":
                got_links.add((name, ref["code"], int(ref["issue_date"][:4]) if ref["issue_date"] else None))
        got_assigned |= {(name, a["agency"], a["role"], a["deadline"]) for a in r["assignments"]
                         if a.get("agency_match") in NAMED}
        got_targets |= {(name, x["value"], x["unit"], x["comparator"], x["scope"]) for x in r["targets"]}
    out = _pr(links, got_links)
    out["links"] = out.pop("n")
    out["assignments"] = _pr(assigned, got_assigned)
    out["targets"] = _pr(targets, got_targets)
    return out


def bench(n: int, work: Path, neo4j: bool = False, workers: int | None = None) -> dict[str, Any]:
    workers = workers or os.cpu_count() or 1
    result: dict[str, Any] = {"documents": n, "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                                          "platform": platform.platform()}}
    (folder, truth), t = _timed(lambda: write(n, work))
    result["generate_s"] = round(t, 2)
    files = sorted(folder.glob("*.txt"))
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    sample = files[:SERIAL_SAMPLE]
    sample_mb = sum(f.stat().st_size for f in sample) / 1e6
    _, t1 = _timed(lambda: [extract_path(f) for f in sample])  # extraction alone, in this process
    records, tn = _timed(lambda: read_compact(files, workers=workers))  # the pipeline: processes, records held compact
    result["extract"] = {
        "mb": round(size_mb, 2),
        "one_core_mb_s": round(sample_mb / t1, 3), "one_core_docs_s": round(len(sample) / t1, 1),
        "all_cores_mb_s": round(size_mb / tn, 3), "all_cores_docs_s": round(len(files) / tn, 1),
        "workers": workers, "records_mb": round(sum(map(len, records.texts)) / 1e6, 1),
        "peak_rss_mb": round(_rss_mb(), 1)}
    result["quality"] = quality(records, truth)
    graph, tb = _timed(lambda: build(records))
    nodes, edges = graph.counts().total()
    result["build"] = {"s": round(tb, 2), "nodes": nodes, "edges": edges, "peak_rss_mb": round(_rss_mb(), 1)}
    rdf = OxigraphStore(work / "rdf")
    _, tl = _timed(lambda: rdf.write(graph))
    result["load_oxigraph"] = {"s": round(tl, 2), "items_s": round((nodes + edges) / tl), "peak_rss_mb": round(_rss_mb(), 1)}
    del graph  # one graph in memory at a time: the changed one is built next
    graph, result["rewrite_oxigraph"] = _rewrite(rdf, files, records)
    del records
    nodes, edges = graph.counts().total()  # what the stores load from here on
    rng = random.Random(7)
    directives = [u for u, node in graph.nodes.items() if node.props.get("code", "").endswith("/NQ-CP")]
    leaves = [u for u, node in graph.nodes.items() if node.label == DOCUMENT and node.props.get("stub") is False]
    keys_d = rng.sample(directives, min(SAMPLE_QUERIES, len(directives)))
    keys_l = rng.sample(leaves, min(SAMPLE_QUERIES, len(leaves)))
    stores: dict[str, Any] = {"oxigraph": rdf}
    servers = []
    if neo4j:
        from lineage import neo4j_server
        from graph.neo4j_store import Neo4jStore

        memory = result["neo4j_memory"] = neo4j_memory(n)
        if n <= BOLT_LIMIT:
            server = neo4j_server.start(work / "neo4j-bolt", **memory)
            servers.append(server)
            with Neo4jStore(server.uri) as neo:
                neo.ensure_constraints()
                _, tb = _timed(lambda: neo.write(graph))
            result["load_neo4j_bolt"] = {"s": round(tb, 2), "items_s": round((nodes + edges) / tb)}
            server.stop()
        result["load_neo4j_admin"] = _admin_import(graph, work / "neo4j", nodes + edges)
        del graph  # what follows reads the stores
        server = neo4j_server.start(work / "neo4j", **memory)
        servers.append(server)
        neo = stores["neo4j"] = Neo4jStore(server.uri)
        _, ts = _timed(neo.ensure_constraints)  # the import loads data only: constraints and indexes after
        result["load_neo4j_admin"]["schema_s"] = round(ts, 2)
    result["queries"] = {}
    for name, store in stores.items():
        result["queries"][name] = {
            "propagation": _latency(lambda k: run("propagation", store, directive=k), keys_d),
            "ancestry": _latency(lambda k: run("ancestry", store, document=k), keys_l),
            "coverage": _latency(lambda k: coverage(store, k), keys_d),
        }
    for store in stores.values():
        store.close()
    for server in servers:
        server.stop()
    result["peak_rss_mb"] = round(_rss_mb(), 1)
    return result


def _rewrite(rdf: OxigraphStore, files: list[Path], records: Records) -> tuple[Any, dict[str, Any]]:
    """Every :data:`CHANGED_EVERY`-th file given one more task and the store written again (only the changed
    documents are compared), then the same graph once more (nothing changes). Returns the changed graph."""
    texts = list(records.texts)  # in the order of ``files`` (none failed)
    changed = range(0, len(files), CHANGED_EVERY)
    for n in changed:
        path = files[n]
        path.write_text(path.read_text(encoding="utf-8") + CHANGED_TASK, encoding="utf-8")
        texts[n] = to_json_bytes(extract_path(path).to_dict())
    graph = build(Records(tuple(texts)))
    _, t_changed = _timed(lambda: rdf.write(graph))
    _, t_same = _timed(lambda: rdf.write(graph))
    return graph, {"changed_documents": len(changed), "changed_s": round(t_changed, 2),
                   "unchanged_s": round(t_same, 2)}


def _admin_import(graph, home: Path, items: int) -> dict[str, Any]:
    from lineage import neo4j_server
    from graph.neo4j_csv import write_neo4j_csv

    files, t_csv = _timed(lambda: write_neo4j_csv(graph, home.parent / "csv"))
    _, t_imp = _timed(lambda: neo4j_server.admin_import(home, list(files.nodes), list(files.relationships),
                                                        extra_args=files.options))
    return {"csv_s": round(t_csv, 2), "import_s": round(t_imp, 2), "items_s": round(items / t_imp)}


def table(result: dict[str, Any]) -> str:
    e, q = result["extract"], result["quality"]
    rows = [
        ("documents", f"{result['documents']:,} ({e['mb']} MB)"),
        ("extraction, one core", f"{e['one_core_mb_s']} MB/s, {e['one_core_docs_s']} docs/s"),
        (f"extraction, {e['workers']} processes", f"{e['all_cores_mb_s']} MB/s, {e['all_cores_docs_s']} docs/s"),
        ("lineage vs truth", f"precision {q['precision']}, recall {q['recall']} ({q['links']} links)"),
        ("assignments vs truth", f"precision {q['assignments']['precision']}, recall {q['assignments']['recall']} "
                                 f"({q['assignments']['n']})"),
        ("targets vs truth", f"precision {q['targets']['precision']}, recall {q['targets']['recall']} "
                             f"({q['targets']['n']})"),
        ("graph", f"{result['build']['nodes']:,} nodes, {result['build']['edges']:,} edges, build {result['build']['s']} s"),
        ("load Oxigraph", f"{result['load_oxigraph']['items_s']:,} nodes+edges/s"),
    ]
    if "rewrite_oxigraph" in result:
        w = result["rewrite_oxigraph"]
        rows.append(("Oxigraph written again", f"{w['changed_documents']:,} documents changed: {w['changed_s']} s; "
                                               f"unchanged: {w['unchanged_s']} s"))
    if "load_neo4j_bolt" in result:
        rows.append(("load Neo4j (Bolt)", f"{result['load_neo4j_bolt']['items_s']:,} nodes+edges/s"))
    if "load_neo4j_admin" in result:
        admin = result["load_neo4j_admin"]
        rows.append(("load Neo4j (neo4j-admin import)", f"{admin['items_s']:,} nodes+edges/s (CSV written in "
                                                         f"{admin['csv_s']} s; indexes after, {admin['schema_s']} s)"))
    for store, figures in result["queries"].items():
        for name, lat in figures.items():
            rows.append((f"{name} on {store}", f"p50 {lat['p50_ms']} ms, p95 {lat['p95_ms']} ms"))
    rows.append(("records held (compact JSON)", f"{e['records_mb']} MB"))
    rows.append(("peak RSS, this process", f"{e['peak_rss_mb']} MB extracting, {result['build']['peak_rss_mb']} MB "
                                           f"built, {result['load_oxigraph']['peak_rss_mb']} MB loading Oxigraph"))
    rows.append(("peak RSS, any process", f"{result['peak_rss_mb']} MB (the Neo4j server's included)"))
    width = max(len(a) for a, _ in rows)
    return "\n".join(f"{a.ljust(width)}  {b}" for a, b in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--neo4j", action="store_true", help="also load and query a local Neo4j")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lineage-bench-") as tmp:
        result = bench(args.n, Path(tmp), args.neo4j, args.workers)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.n}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(table(result))


if __name__ == "__main__":
    main()
