"""Where extraction runs: a bounded process pool on this machine (``local``) or a Dask cluster (``dask``).

An executor takes the files still to extract as ``(input index, path)`` pairs and yields
``(index, (path, record, error))`` as they finish, in any order (the caller puts them back in input
order). A file that cannot be read comes back with its error and the rest go on. Only a bounded
number of files is queued at once, however large the input. Given a records folder, an executor
writes the records it extracts there as Parquet (:mod:`ingest.batch.records_parquet`): the local one from
this process, the Dask one on the workers, one part per partition of the input.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, Iterator, NamedTuple, Protocol, Sequence

from graph.errors import LineageError

from ..extract import extract_path
from ..record import to_json_bytes
from .records_parquet import PartWriter


class Outcome(NamedTuple):
    """One file's extraction: its record as UTF-8 JSON (:func:`~ingest.record.to_json_bytes`) with the
    file's sha256 and the record's warnings beside it, or the error that stopped it."""

    path: str
    record: bytes | None
    error: str | None
    sha256: str | None = None
    warnings: tuple[str, ...] = ()

    def decoded(self) -> dict[str, Any]:
        return json.loads(self.record)


Todo = Sequence[tuple[int, Path]]

IN_FLIGHT = 4  # batches queued per local worker process
BATCH = 16  # files per batch a local worker extracts (one round trip each: fewer, larger messages)
PARTITION = 64  # at most this many files per Dask task (and per Parquet part it writes)
PARTS_IN_FLIGHT = 2  # Dask partitions queued per worker thread
EXECUTORS = ("local", "dask")


class ExecutorError(LineageError):
    """The executor could not be started or reached."""


def extract_batch(paths: list[str]) -> list[Outcome]:
    """The outcomes of a batch of files, in order — module level so worker processes can run it."""
    return [extract_one(path) for path in paths]


def extract_one(path: Path | str) -> Outcome:
    """The :class:`Outcome` of one file — module level so worker processes can run it."""
    try:
        record = extract_path(Path(path)).to_dict()
    except (LineageError, OSError) as exc:
        return Outcome(str(path), None, str(exc))
    return Outcome(str(path), to_json_bytes(record), None, record["source"]["sha256"], tuple(record["warnings"]))


class Executor(Protocol):
    def extract(self, todo: Todo, records_out: Path | None = None) -> Iterator[tuple[int, Outcome]]: ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc_info: object) -> None: ...


class LocalExecutor:
    """``workers`` processes (one: in this process) taking batches of up to :data:`BATCH` files, at most
    :data:`IN_FLIGHT` batches per worker queued."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def extract(self, todo: Todo, records_out: Path | None = None) -> Iterator[tuple[int, Outcome]]:
        if records_out is None:
            yield from self._extract(todo)
            return
        with PartWriter(records_out, "local") as out:
            for n, outcome in self._extract(todo):
                if outcome.record is not None:
                    out.write(n, outcome.decoded(), outcome.record)
                yield n, outcome

    def _extract(self, todo: Todo) -> Iterator[tuple[int, Outcome]]:
        if self.workers <= 1 or len(todo) < 2:
            for n, path in todo:
                yield n, extract_one(path)
            return
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        size = max(1, min(BATCH, len(todo) // (self.workers * IN_FLIGHT)))
        batches = [todo[i:i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            pending: dict = {}
            for batch in batches:
                pending[pool.submit(extract_batch, [str(path) for _, path in batch])] = batch
                if len(pending) >= self.workers * IN_FLIGHT:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield from zip((n for n, _ in pending.pop(future)), future.result())
            for future in list(pending):
                yield from zip((n for n, _ in pending.pop(future)), future.result())


def extract_partition(items: list[tuple[int, str]], records_out: str | None, tag: str) -> list[tuple[int, Outcome]]:
    """One Dask task: extract ``items`` on a worker; with ``records_out``, write their records as part ``tag``."""
    outcomes = [(n, extract_one(path)) for n, path in items]
    if records_out is not None:
        with PartWriter(records_out, tag) as out:
            for n, outcome in outcomes:
                if outcome.record is not None:
                    out.write(n, outcome.decoded(), outcome.record)
    return outcomes


class DaskExecutor:
    """Partitions of the input as tasks on a Dask cluster: the one at ``scheduler`` (``tcp://host:8786``),
    or a local cluster of ``workers`` processes started when there is something to extract. At most
    :data:`PARTS_IN_FLIGHT` partitions per worker thread are queued at once. The files (and a records
    folder) must be at the same paths on every worker: a shared filesystem, or one machine."""

    def __init__(self, scheduler: str | None = None, workers: int = 0, partition: int = PARTITION,
                 processes: bool = True, timeout: str = "10s") -> None:
        self.scheduler, self.workers, self.partition, self.processes = scheduler, workers, partition, processes
        self.timeout = timeout  # for connecting to ``scheduler``
        self._client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def client(self) -> Any:
        """The ``distributed.Client``, connected (or its local cluster started) on first use."""
        if self._client is not None:
            return self._client
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ExecutorError(f"the dask executor needs dask.distributed ({exc}); "
                                'install it with `python3 -m pip install "dask[distributed]"`') from None
        if self.scheduler:
            try:
                self._client = Client(self.scheduler, timeout=self.timeout)
            except ValueError as exc:
                raise ExecutorError(f"--scheduler {self.scheduler}: {exc}; give the scheduler's address as "
                                    "tcp://host:8786") from None
            except (OSError, TimeoutError) as exc:
                raise ExecutorError(f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); start one with "
                                    "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out "
                                    "--scheduler to run a local cluster") from None
        else:
            self._cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                                         processes=self.processes, dashboard_address=":0")  # any free port
            self._client = Client(self._cluster)
        return self._client

    def extract(self, todo: Todo, records_out: Path | None = None) -> Iterator[tuple[int, Outcome]]:
        if not todo:
            return
        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        client = self.client()
        threads = max(1, sum(client.nthreads().values()))
        size = max(1, min(self.partition, math.ceil(len(todo) / (threads * PARTS_IN_FLIGHT))))
        parts = [[(n, str(path)) for n, path in todo[i:i + size]] for i in range(0, len(todo), size)]
        out = None if records_out is None else str(records_out)
        queue = iter(enumerate(parts))
        running = as_completed()
        items_of: dict = {}

        def submit() -> None:
            for index, items in queue:
                future = client.submit(extract_partition, items, out, f"{index:06d}", pure=False)
                items_of[future] = items
                running.add(future)
                return

        for _ in range(threads * PARTS_IN_FLIGHT):
            submit()
        try:
            for future in running:
                items = items_of.pop(future)
                try:
                    outcomes = future.result()
                except KilledWorker:  # the workers died on these files (memory, a crash): report them, go on
                    outcomes = [(n, Outcome(path, None, f"{path}: the Dask worker extracting it died (KilledWorker; "
                                                        "see the worker logs); extract it alone to see why"))
                                for n, path in items]
                future.release()
                submit()
                yield from outcomes
        finally:
            if items_of:
                client.cancel(list(items_of))


def make_executor(name: str = "local", workers: int = 1, scheduler: str | None = None) -> Executor:
    """``local`` (``workers`` processes) or ``dask`` (the cluster at ``scheduler``, or a local one of ``workers``)."""
    if name == "local":
        return LocalExecutor(workers)
    if name == "dask":
        return DaskExecutor(scheduler, workers)
    raise ExecutorError(f"unknown executor {name!r}; use one of {', '.join(EXECUTORS)}")
