"""Where extraction runs: a bounded process pool on this machine (``local``) or a Dask cluster (``dask``).

An executor takes the files still to extract as ``(input index, path)`` pairs and yields
``(index, (path, record, error, …))`` as they finish, in any order (the caller puts them back in input
order). A file that cannot be read comes back with its error and the rest go on: whatever a reader or
the extractor raises becomes that file's error as plain text, so nothing but strings and bytes crosses
from a worker process. The local pool bounds each file in time and memory (``timeout``, ``memory_mb``):
a worker's address space is capped (RLIMIT_AS), an alarm stops a file that runs past its time, and a
worker stuck past it in a library's C code, or dead, is killed and replaced (pebble) while the file is
reported and its batch's other files run again. Only a bounded number of files is queued at once,
however large the input. Given a records folder, an executor
writes the records it extracts there as Parquet (:mod:`ingest.batch.records_parquet`): the local one from
this process, the Dask one on the workers, one part per partition of the input.
"""

from __future__ import annotations

import json
import math
import os
import resource
import signal
import time
from collections import deque
from pathlib import Path
from typing import Any, Iterator, NamedTuple, Protocol, Sequence

from graph.errors import LineageError

from ..extract import extract_path
from ..read import reason
from ..record import to_json_bytes
from .bounds import CRASHED, EXECUTORS, FAILED, MEMORY_MB, OK, OUT_OF_MEMORY, TIMED_OUT, TIMEOUT
from .records_parquet import PartWriter


# What became of a file (``Outcome.status``); all but OK come with an error message.


class Outcome(NamedTuple):
    """One file's extraction: its record as UTF-8 JSON (:func:`~ingest.record.to_json_bytes`) with the
    file's sha256 and the record's warnings beside it, or the error that stopped it — plain strings
    and bytes only, whatever went wrong, so an outcome always crosses to another process."""

    path: str
    record: bytes | None
    error: str | None
    sha256: str | None = None
    warnings: tuple[str, ...] = ()
    status: str = OK  # OK, FAILED, TIMED_OUT, OUT_OF_MEMORY or CRASHED

    def decoded(self) -> dict[str, Any]:
        return json.loads(self.record)


Todo = Sequence[tuple[int, Path]]

IN_FLIGHT = 4  # batches queued per local worker process
BATCH = 16  # files per batch a local worker extracts (one round trip each: fewer, larger messages)
PARTITION = 64  # at most this many files per Dask task (and per Parquet part it writes)
PARTS_IN_FLIGHT = 2  # Dask partitions queued per worker thread
RETIRED = 75  # the exit code of a worker that stopped after running out of memory (no file's fault)
GRACE = 10.0  # seconds past the time bound before a worker stuck in a library's C code is killed
TICK = 0.5  # seconds between checks for stuck workers


class ExecutorError(LineageError):
    """The executor could not be started or reached."""


def extract_one(path: Path | str) -> Outcome:
    """The :class:`Outcome` of one file, never an exception — module level so worker processes can run it."""
    try:
        record = extract_path(Path(path)).to_dict()
        data = to_json_bytes(record)
    except (LineageError, OSError) as exc:
        return Outcome(str(path), None, str(exc), status=FAILED)
    except MemoryError:
        return out_of_memory(str(path))
    except Exception as exc:  # a bug in the extractor: this file fails, the run goes on
        return Outcome(str(path), None, f"{path}: extraction failed ({reason(exc)}) — a bug in directive-lineage: "
                                        "please report it with this file", status=FAILED)
    return Outcome(str(path), data, None, record["source"]["sha256"], tuple(record["warnings"]))


def timed_out(path: str, seconds: float) -> Outcome:
    return Outcome(path, None, f"{path}: timed out after {seconds:g} s (the per-file time bound) — the file is "
                               "skipped; raise --timeout for a file that needs longer (a long scan)", status=TIMED_OUT)


def out_of_memory(path: str) -> Outcome:
    return Outcome(path, None, f"{path}: ran out of memory (the per-process memory bound) — the file is skipped; "
                               "raise --memory-mb if it is a real document", status=OUT_OF_MEMORY)


def crashed(path: str, why: str, memory_mb: int | None = None) -> Outcome:
    bound = f", or needs more than the memory bound of {memory_mb} MB (--memory-mb)" if memory_mb else ""
    return Outcome(path, None, f"{path}: the process reading it died ({why}) — the file is skipped; it is "
                               f"probably damaged{bound}: open it and save it again", status=CRASHED)


class FileTimedOut(BaseException):
    """Raised by a worker's alarm when a file runs past its time bound (not an Exception: no reader's
    ``except Exception`` swallows it)."""


_bounds: dict[str, Any] = {}  # in a worker process: the time bound and the start-time board


def _on_alarm(signum: int, frame: Any) -> None:
    raise FileTimedOut


def start_worker(timeout: float | None, memory_mb: int | None, started: Any) -> None:
    """A pool worker's set-up: its memory bound (RLIMIT_AS), the alarm, the board where it posts the start
    (a time) and the end (-1) of each file by input index, for the parent to see which file is stuck."""
    if memory_mb:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    signal.signal(signal.SIGALRM, _on_alarm)
    _bounds.update(timeout=timeout, started=started)


def extract_bounded(items: list[tuple[int, str]]) -> list[Outcome]:
    """The outcomes of a batch, each file within the worker's time bound — module level for the pool.
    After a file ran out of memory the worker stops: its C libraries may not have survived a failed
    allocation (seen: segfaults in the next files), so it returns the outcomes so far (the caller sends
    the rest again) and exits, with :data:`RETIRED`, when given its next batch."""
    if _bounds.get("retired"):
        os._exit(RETIRED)
    timeout, started = _bounds.get("timeout"), _bounds.get("started")
    outcomes = []
    for n, path in items:
        if started is not None:
            started[n] = time.time()
        try:
            try:
                if timeout:
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                outcome = extract_one(path)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except FileTimedOut:
            outcome = timed_out(path, timeout or 0)
        if started is not None:
            started[n] = -1.0
        outcomes.append(outcome)
        if outcome.status == OUT_OF_MEMORY:
            _bounds["retired"] = True
            break
    return outcomes


class Executor(Protocol):
    def extract(self, todo: Todo, records_out: Path | None = None) -> Iterator[tuple[int, Outcome]]: ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc_info: object) -> None: ...


class LocalExecutor:
    """``workers`` processes taking batches of up to :data:`BATCH` files, at most :data:`IN_FLIGHT` batches
    per worker queued. Each file is bounded to ``timeout`` seconds and each process to ``memory_mb`` of
    address space; without bounds, one worker runs in this process."""

    def __init__(self, workers: int = 1, timeout: float | None = None, memory_mb: int | None = None) -> None:
        self.workers = workers
        self.timeout = timeout or None
        self.memory_mb = memory_mb or None

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
        bounded = self.timeout is not None or self.memory_mb is not None
        if not todo:
            return
        if not bounded and (self.workers <= 1 or len(todo) < 2):
            for n, path in todo:
                yield n, extract_one(path)
            return
        yield from self._pool(todo)

    def _pool(self, todo: Todo) -> Iterator[tuple[int, Outcome]]:
        """Batches on a pebble pool; a batch whose worker is stuck past the time bound or died gives its
        file the outcome (timed out, crashed) and sends the batch's other files again."""
        from concurrent.futures import FIRST_COMPLETED, CancelledError, wait
        from multiprocessing import RawArray

        from pebble import ProcessExpired, ProcessPool

        workers = max(1, self.workers)
        size = max(1, min(BATCH, len(todo) // (workers * IN_FLIGHT)))
        queue = deque([(n, str(path)) for n, path in todo[i:i + size]] for i in range(0, len(todo), size))
        started = RawArray("d", max(n for n, _ in todo) + 1)  # per input index: 0 waiting, a time, -1 done
        pending: dict = {}
        with ProcessPool(max_workers=workers, initializer=start_worker,
                         initargs=(self.timeout, self.memory_mb, started)) as pool:
            try:
                while queue or pending:
                    while queue and len(pending) < workers * IN_FLIGHT:
                        items = queue.popleft()
                        pending[pool.schedule(extract_bounded, args=(items,))] = items
                    done, _ = wait(pending, timeout=TICK if self.timeout else None, return_when=FIRST_COMPLETED)
                    for future in done:
                        items = pending.pop(future)
                        try:
                            outcomes = future.result()
                        except CancelledError:
                            continue
                        except ProcessExpired as exc:  # the worker died (a crash in C code, the OOM killer)
                            if exc.exitcode == RETIRED:
                                queue.appendleft(items)
                            else:
                                yield from self._again(items, started, queue, lambda p: crashed(
                                    p, _death(exc), self.memory_mb))
                            continue
                        except Exception as exc:  # e.g. a result that could not come back
                            yield from self._again(items, started, queue, lambda p: Outcome(
                                p, None, f"{p}: extraction failed ({reason(exc)})", status=FAILED))
                            continue
                        yield from zip((n for n, _ in items), outcomes)
                        if len(outcomes) < len(items):  # the worker ran out of memory and stopped
                            queue.appendleft(items[len(outcomes):])
                    if self.timeout:
                        yield from self._stuck(pending, started, queue)
            finally:
                for future in pending:
                    future.cancel()

    def _stuck(self, pending: dict, started: Any, queue: deque) -> Iterator[tuple[int, Outcome]]:
        """Kill the workers stuck on a file past its bound: that file timed out, its batch goes again."""
        now = time.time()
        for future, items in list(pending.items()):
            if any(started[n] > 0 and now - started[n] > self.timeout + GRACE for n, _ in items):
                future.cancel()  # pebble stops the worker running it and starts another
                del pending[future]
                yield from self._again(items, started, queue, lambda p: timed_out(p, self.timeout))

    @staticmethod
    def _again(items: list, started: Any, queue: deque, outcome) -> Iterator[tuple[int, Outcome]]:
        """The file of ``items`` that had started and not finished gets ``outcome``; the others go back on
        the queue (a finished file's outcome was lost with its batch). With no such file, each file of the
        batch goes again alone, and a lone file gets ``outcome``."""
        culprit = next(((n, p) for n, p in items if started[n] > 0), None)
        if culprit is None and len(items) == 1:
            culprit = items[0]
        for m, _ in items:
            started[m] = 0.0
        if culprit is None:
            queue.extendleft([item] for item in reversed(items))
            return
        n, path = culprit
        started[n] = -1.0
        yield n, outcome(path)
        rest = [(m, p) for m, p in items if m != n]
        if rest:
            queue.appendleft(rest)


def _death(exc: Exception) -> str:
    code = getattr(exc, "exitcode", None)
    if isinstance(code, int) and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}" if code is not None else str(exc)


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


def make_executor(name: str = "local", workers: int = 1, scheduler: str | None = None,
                  timeout: float | None = None, memory_mb: int | None = None) -> Executor:
    """``local`` (``workers`` processes, each file bounded to ``timeout`` seconds and each process to
    ``memory_mb``) or ``dask`` (the cluster at ``scheduler``, or a local one of ``workers``)."""
    if name == "local":
        return LocalExecutor(workers, timeout, memory_mb)
    if name == "dask":
        return DaskExecutor(scheduler, workers)
    raise ExecutorError(f"unknown executor {name!r}; use one of {', '.join(EXECUTORS)}")
