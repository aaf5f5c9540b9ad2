"""`lineage ingest/extract --executor dask` and `lineage export --records` as a user runs them (real processes,
a real local Dask cluster, and a real scheduler reached by address)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import corpus_sample

from graph.nx_store import read_graphml
from graph.rdf_store import OxigraphStore
from ingest.batch.pipeline import read_records
from ingest.batch.records_parquet import read_parquet_records

SAMPLE = 9


def lineage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lineage", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "120"})


@pytest.fixture()
def docs(tmp_path):
    return corpus_sample(tmp_path / "docs", SAMPLE, "broken.txt")


def _good(folder):
    return sorted(p for p in folder.iterdir() if p.name != "broken.txt")


def test_ingest_on_a_local_dask_cluster_writes_the_store_and_parquet_records(docs, tmp_path):
    store, records = tmp_path / "store", tmp_path / "records"
    first = lineage("ingest", str(docs), "--executor", "dask", "--workers", "2", "--store", str(store),
                    "--records-out", str(records))
    assert first.returncode == 1, first.stderr  # the broken file, reported; the rest stored
    assert f"{SAMPLE + 1} files: {SAMPLE} extracted, 0 reused from the cache, 1 failed" in first.stdout
    assert "broken.txt: binary data" in first.stdout
    assert read_parquet_records(records) == read_records(_good(docs))
    with OxigraphStore(store / "rdf") as rdf:
        assert rdf.counts().nodes["Document"] > SAMPLE
    again = lineage("ingest", str(docs), "--executor", "dask", "--workers", "2", "--store", str(store))
    assert f"0 extracted, {SAMPLE} reused" in again.stdout


def test_export_from_parquet_records_gives_the_stored_graph(docs, tmp_path):
    good = tmp_path / "good"
    shutil.copytree(docs, good, ignore=shutil.ignore_patterns("broken.txt"))
    store, records = tmp_path / "store", tmp_path / "records"
    # Without text reuse: its edges come from the texts, which records do not hold.
    assert lineage("ingest", str(good), "--store", str(store), "--records-out", str(records),
                   "--no-reuse").returncode == 0
    from_store, from_records = tmp_path / "store.graphml", tmp_path / "records.graphml"
    assert lineage("export", str(from_store), "-f", "graphml", "--store", str(store)).returncode == 0
    result = lineage("export", str(from_records), "-f", "graphml", "--records", str(records), "--store",
                     str(tmp_path / "none"))
    assert result.returncode == 0, result.stderr
    assert read_graphml(from_records).canonical() == read_graphml(from_store).canonical()
    for fmt, suffix in (("neo4j-csv", "csv"), ("neo4j-parquet", "parquet")):
        result = lineage("export", str(tmp_path / fmt), "-f", fmt, "--records", str(records))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / fmt / f"nodes_Document.{suffix}").is_file()
        assert "neo4j-admin database import full" in result.stderr
    assert "--input-type=parquet" in result.stderr


def test_extract_parquet_through_a_scheduler_given_by_address(docs, tmp_path):
    from distributed import LocalCluster

    out = tmp_path / "records"
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                      dashboard_address=":0") as cluster:
        result = lineage("extract", str(docs), "--format", "parquet", "--out", str(out),
                         "--scheduler", cluster.scheduler_address)
    assert result.returncode == 1
    assert "broken.txt: binary data" in result.stderr and f"wrote {out}: {SAMPLE} records" in result.stderr
    assert read_parquet_records(out) == read_records(_good(docs))


def test_options_that_do_not_fit_say_what_to_do(docs, tmp_path):
    result = lineage("ingest", str(docs), "--executor", "spark", "--store", str(tmp_path / "s"))
    assert result.returncode == 2 and "use one of local, dask" in result.stderr
    result = lineage("extract", str(docs), "--format", "parquet")
    assert result.returncode == 2 and "--out DIR" in result.stderr
    result = lineage("extract", str(docs), "--executor", "dask")
    assert result.returncode == 2 and "go with --format parquet" in result.stderr
    result = lineage("export", str(tmp_path / "g.ttl"), "--records", str(tmp_path / "nothing"))
    assert result.returncode == 2 and "no records there" in result.stderr
