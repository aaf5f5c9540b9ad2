"""Extraction on a local process pool and on a real Dask cluster gives the same records in the same order,
reports the same failures, reuses the same cache; records round-trip through Parquet exactly."""

from __future__ import annotations

import socket
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from conftest import corpus_sample

from graph.errors import LineageError
from ingest.batch.executors import PARTS_IN_FLIGHT, DaskExecutor, ExecutorError, LocalExecutor, make_executor
from ingest.batch.pipeline import IngestSummary, RecordCache, _code_files, read_records
from ingest.batch.records_parquet import PartWriter, RecordsFolderError, prepare, read_parquet_records

SAMPLE = 8  # corpus files per test: enough for several partitions, quick to extract


@pytest.fixture(scope="module")
def dask_cluster():
    """One in-process Dask cluster of two workers for the module (a real scheduler, real tasks)."""
    with DaskExecutor(workers=2, processes=False) as executor:
        executor.client()
        yield executor


@pytest.fixture()
def docs(tmp_path):
    """A few corpus files and, in their midst, one that cannot be read."""
    return sorted(corpus_sample(tmp_path / "docs", SAMPLE, "005_broken.txt").iterdir())


def _good(files):
    return [p for p in files if p.name != "005_broken.txt"]


def _run(files, **kwargs):
    summary = IngestSummary()
    return read_records(files, summary=summary, **kwargs), summary


def test_dask_gives_the_local_records_in_input_order_and_the_same_failure(docs, dask_cluster):
    local, local_summary = _run(docs, workers=2)
    remote, remote_summary = _run(docs, executor=dask_cluster)
    assert remote == local
    assert [r["source"]["path"] for r in remote] == [str(p) for p in _good(docs)]
    assert remote_summary.failures == local_summary.failures
    assert len(remote_summary.failures) == 1 and "005_broken.txt: binary data" in remote_summary.failures[0].error
    assert (remote_summary.files, remote_summary.extracted) == (SAMPLE + 1, SAMPLE)


def test_local_batches_keep_input_order_and_report_a_failure_inside_a_batch(docs, monkeypatch):
    from ingest.batch import executors

    monkeypatch.setattr(executors, "IN_FLIGHT", 1)  # 9 files on 2 workers: batches of 4, the broken file in one
    serial, serial_summary = _run(docs, workers=1)
    batched, batched_summary = _run(docs, workers=2)
    assert batched == serial
    assert batched_summary.failures == serial_summary.failures and len(batched_summary.failures) == 1


def test_dask_reuses_the_cache_and_extracts_only_changed_files(docs, dask_cluster, tmp_path):
    cache = RecordCache(tmp_path / "cache")
    first, s1 = _run(docs, cache=cache, executor=dask_cluster)
    assert (s1.extracted, s1.reused) == (SAMPLE, 0)
    again, s2 = _run(docs, cache=cache, executor=dask_cluster)
    assert (s2.extracted, s2.reused, len(s2.failures)) == (0, SAMPLE, 1)
    assert again == first
    docs[0].write_text(docs[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _, s3 = _run(docs, cache=cache, executor=dask_cluster)
    assert (s3.extracted, s3.reused) == (1, SAMPLE - 1)


def test_all_cached_starts_no_cluster(docs, tmp_path):
    cache, docs = RecordCache(tmp_path / "cache"), _good(docs)
    _run(docs, cache=cache)
    with DaskExecutor(workers=2) as executor:
        _, summary = _run(docs, cache=cache, executor=executor)
        assert executor._client is None  # nothing to extract: no cluster was started
    assert summary.reused == SAMPLE


def test_workers_write_one_parquet_part_per_partition(docs, dask_cluster, tmp_path):
    out = tmp_path / "records"
    records, _ = _run(docs, executor=dask_cluster, records_out=out)
    parts = sorted(p.name for p in (out / "documents").iterdir())
    assert len(parts) > 1 and all(p.startswith("part-0") for p in parts)  # several partitions, written on workers
    assert read_parquet_records(out) == records


def test_local_run_writes_extracted_and_cached_records(docs, tmp_path):
    cache, out = RecordCache(tmp_path / "cache"), tmp_path / "records"
    first, _ = _run(_good(docs)[:4], cache=cache, workers=2)
    records, summary = _run(docs, cache=cache, workers=2, records_out=out)
    assert summary.reused == 4 and records[:4] == first
    assert {p.name for p in (out / "documents").iterdir()} == {"part-cached.parquet", "part-local.parquet"}
    assert read_parquet_records(out) == records
    smaller, _ = _run(docs[:2], cache=cache, records_out=out)  # a second run replaces the first run's parts
    assert read_parquet_records(out) == smaller


def test_parquet_round_trip_in_row_groups(corpus_records, tmp_path):
    out = prepare(tmp_path / "records")
    half = len(corpus_records) // 2
    with PartWriter(out, "b", row_group=4) as writer:  # written out of order, over two parts
        for seq in reversed(range(half, len(corpus_records))):
            writer.write(seq, corpus_records[seq])
    with PartWriter(out, "a", row_group=4) as writer:
        for seq in range(half):
            writer.write(seq, corpus_records[seq])
    assert read_parquet_records(out) == corpus_records
    assert pq.ParquetFile(out / "documents" / "part-a.parquet").metadata.num_row_groups == -(-half // 4)
    documents = ds.dataset(out / "documents").to_table().to_pylist()
    assert sorted(d["code"] or "" for d in documents) == sorted(r["document"]["code"] or "" for r in corpus_records)
    for table, field in (("references", "references"), ("assignments", "assignments"), ("targets", "targets")):
        assert ds.dataset(out / table).count_rows() == sum(len(r[field]) for r in corpus_records)
    targets = ds.dataset(out / "targets").to_table().to_pylist()
    assert any(t["value"] is not None and t["unit"] == "%" for t in targets)


def test_an_interrupted_part_leaves_nothing(corpus_records, tmp_path):
    out = prepare(tmp_path / "records")
    with pytest.raises(RuntimeError), PartWriter(out, "x", row_group=1) as writer:
        writer.write(0, corpus_records[0])
        raise RuntimeError("stopped")
    assert list((out / "documents").iterdir()) == []
    with pytest.raises(RecordsFolderError, match="--records-out"):
        read_parquet_records(out)


def test_executor_errors_say_what_to_do():
    with pytest.raises(ExecutorError, match="use one of local, dask"):
        make_executor("spark")
    assert isinstance(make_executor("local", 3), LocalExecutor)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with DaskExecutor(f"tcp://127.0.0.1:{port}", timeout="1s") as executor:
        with pytest.raises(LineageError, match="cannot reach the Dask scheduler.*dask scheduler"):
            executor.client()


def test_dask_queues_a_bounded_number_of_partitions(docs, dask_cluster, monkeypatch):
    client = dask_cluster.client()
    submitted = []
    submit = client.submit
    monkeypatch.setattr(client, "submit", lambda *a, **k: submitted.append(a[1]) or submit(*a, **k))
    executor = DaskExecutor(partition=1)
    executor._client = client  # the module's cluster, one file per partition
    outcomes = executor.extract(list(enumerate(docs)))
    next(outcomes)
    threads = sum(client.nthreads().values())
    assert len(submitted) <= threads * PARTS_IN_FLIGHT + 1 < len(docs)  # not the whole input at once
    assert len(list(outcomes)) == len(docs) - 1 and len(submitted) == len(docs)


def test_a_partition_whose_worker_died_is_reported_file_by_file(docs, dask_cluster, monkeypatch):
    import ingest.batch.executors as executors
    from distributed.scheduler import KilledWorker

    real = executors.extract_partition
    doomed = str(docs[0])

    def dies_on_the_first_file(items, records_out, tag):
        if any(path == doomed for _, path in items):
            raise KilledWorker("extract_partition", SimpleNamespace(address="tcp://127.0.0.1:1"), 3)
        return real(items, records_out, tag)

    monkeypatch.setattr(executors, "extract_partition", dies_on_the_first_file)
    records, summary = _run(docs, executor=dask_cluster)
    lost = [f for f in summary.failures if "the Dask worker extracting it died" in f.error]
    assert doomed in {f.path for f in lost} and all("extract it alone" in f.error for f in lost)
    assert len(records) == SAMPLE - len(lost) > 0  # the other partitions went on


def test_the_extractor_fingerprint_reads_every_module_of_every_sub_package():
    """A change to any extraction module (``ingest/stages/header.py`` as much as ``ingest/extract.py``) or
    vocabulary file invalidates the cached records."""
    root = Path(resources.files("ingest"))
    on_disk = sorted(str(p.relative_to(root)) for p in root.rglob("*")
                     if p.suffix in (".py", ".toml") and "__pycache__" not in p.parts)
    assert sorted(name for name, _ in _code_files(resources.files("ingest"))) == on_disk
    assert any("/" in name for name in on_disk)
