"""Fetch and run a real Neo4j Community server (5.26 LTS, embedded kernel with Bolt) on this machine.

Neo4j's download host and Docker are out of reach here, so the server is assembled from Maven
Central: ``server/pom.xml`` names the one dependency, :func:`ensure_jars` copies its jars into a
cache once, and ``server/Launcher.java`` (run as a single source file) opens a database home and
listens for Bolt on 127.0.0.1.

- :func:`start` runs a server for as long as the caller holds the :class:`RunningServer` (tests).
- :func:`start_background`, :func:`status`, :func:`stop_background` keep one server per home alive
  across processes, recorded in ``<home>/server.json`` (the ``lineage neo4j`` commands).
- :func:`admin_import` bulk-loads neo4j-admin CSV files into a home before a server opens it.

What the server allows is kept small (``server/Launcher.java``): Bolt on 127.0.0.1 only, HTTP (the HTTP
API and Neo4j Browser, from ``server/browser-pom.xml``) on 127.0.0.1 only when asked for and only with auth on,
LOAD CSV without ``file:`` URLs (``dbms.security.allow_csv_import_from_file_urls=false``), no plugins
(so no procedures beyond the built-in ones; raw queries are further held to schema reads by
:mod:`queries.safety`). The password reaches the server on its standard input, read once at start:
never through its environment (which a query reaching ``/proc/self/environ`` could read) or its
arguments, and never written to ``server.json`` or the logs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


from graph.errors import LineageError

NEO4J_VERSION = "5.26.19"
BROWSER_VERSION = "5.24.0"  # org.neo4j.client:neo4j-browser, the newest on Maven Central

SERVER_FILES = Path(__file__).parent / "server"
POM = SERVER_FILES / "pom.xml"
BROWSER_POM = SERVER_FILES / "browser-pom.xml"
LAUNCHER = SERVER_FILES / "Launcher.java"

# Flags the embedded kernel needs on Java 17 (Netty and the page cache reach into java.nio).
JVM_FLAGS = (
    "-Xms256m",
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)

USER = "neo4j"
LOG_NAME = "neo4j.log"
RECORD_NAME = "server.json"
MARKER_NAME = ".complete"  # written into the lib folder after a successful copy
READY_PREFIX = "READY bolt://"
HTTP_PORT = 7474  # Neo4j's usual HTTP port: Neo4j Browser at http://127.0.0.1:7474/browser/
MAIN_FAILED = 'Exception in thread "main"'
JAVA_FRAME = re.compile(r"\s+(at |\.\.\. \d+ more)")  # "\tat org.neo4j...", "\t... 13 more"
ANSI_CODE = re.compile(r"\x1b\[[0-9;]*m")  # Maven colours its output even with -B
# Never handed to the server's process: the client side reads them (graph.neo4j_store.connect_from_env).
SECRET_VARIABLES = frozenset({"NEO4J_PASSWORD", "NEO4J_AUTH"})
MIN_PASSWORD_LENGTH = 8  # Neo4j's default dbms.security.auth_minimum_password_length
# Defaults for tests and small stores; a store of 100k documents wants ~2 GB of page cache to stay in memory.
PAGECACHE_MB = 256
HEAP_MB = 1024


class Neo4jServerError(LineageError):
    """The local Neo4j server could not be fetched, started, stopped or loaded."""


# --- jars -------------------------------------------------------------------------------------


def cache_dir() -> Path:
    """Folder holding the Neo4j jars: ``$LINEAGE_NEO4J_CACHE``, else ``<repo>/.neo4j``, else ``~/.cache``.

    The repository folder is used only when this module runs from a checkout (``pyproject.toml``
    next to the packages) that is writable; an installed package falls back to the user cache.
    """
    if env := os.environ.get("LINEAGE_NEO4J_CACHE"):
        return Path(env).expanduser()
    root = Path(__file__).resolve().parents[1]
    local = root / ".neo4j"
    if (root / "pyproject.toml").is_file() and os.access(local if local.exists() else root, os.W_OK):
        return local
    return Path.home() / ".cache" / "directive-lineage" / "neo4j"


def lib_dir() -> Path:
    """Folder the jars of :data:`NEO4J_VERSION` live in (it may not exist yet)."""
    return cache_dir() / f"lib-{NEO4J_VERSION}"


def browser_dir() -> Path:
    """Folder the Neo4j Browser jar of :data:`BROWSER_VERSION` lives in (it may not exist yet)."""
    return cache_dir() / f"browser-{BROWSER_VERSION}"


def ensure_jars() -> Path:
    """Return the folder with the server's jars, fetching them with Maven the first time (~120 MB).

    Maven copies into a temporary sibling folder that is renamed into place only when complete,
    so an interrupted fetch never leaves a half-filled lib folder behind.
    """
    return _fetch(POM, lib_dir(), f"-Dneo4j.version={NEO4J_VERSION}", NEO4J_VERSION)


def ensure_browser() -> Path:
    """Return the folder with the Neo4j Browser jar, fetching it with Maven the first time (~15 MB)."""
    return _fetch(BROWSER_POM, browser_dir(), f"-Dneo4j.browser.version={BROWSER_VERSION}", BROWSER_VERSION)


def _fetch(pom: Path, lib: Path, version_flag: str, version: str) -> Path:
    """The jars ``pom`` names, copied by Maven into ``lib`` once (see :func:`ensure_jars`)."""
    if (lib / MARKER_NAME).is_file():
        return lib
    mvn = shutil.which("mvn")
    command = [
        mvn or "mvn", "-B", "-q", "-f", str(pom),
        version_flag, "dependency:copy-dependencies", "-DincludeScope=runtime",
    ]
    if mvn is None:
        raise Neo4jServerError(
            f"Maven (mvn) is not on PATH; it fetches the Neo4j jars: {' '.join(command)}. "
            "Install Maven 3.8+ (e.g. apt-get install maven), or put the jars in "
            f"{lib} yourself and create {lib / MARKER_NAME}."
        )
    lib.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{lib.name}-", dir=lib.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the cache may be shared
    try:
        command.append(f"-DoutputDirectory={staging}")
        done = subprocess.run(command, cwd=staging, capture_output=True, text=True)
        jars = list(staging.glob("*.jar"))
        if done.returncode != 0 or not jars:
            raise Neo4jServerError(
                f"Fetching the Neo4j jars failed (exit {done.returncode}): {' '.join(command)}\n"
                f"{_tail(done.stdout + done.stderr)}\n"
                "Check that Maven Central is reachable (proxy settings in ~/.m2/settings.xml)."
            )
        (staging / MARKER_NAME).write_text(f"{version} {len(jars)} jars\n")
        try:
            staging.rename(lib)
        except OSError:  # a lib folder appeared meanwhile: keep it if complete, else replace it
            if not (lib / MARKER_NAME).is_file():
                shutil.rmtree(lib)
                staging.rename(lib)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return lib


# --- one server -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunningServer:
    """A Neo4j server started by :func:`start`; use as a context manager or call :meth:`stop`."""

    uri: str
    pid: int
    home: Path
    http: str | None = None  # http://127.0.0.1:PORT when the HTTP connector (and Neo4j Browser) is on
    _process: subprocess.Popen | None = field(default=None, repr=False, compare=False)

    @property
    def port(self) -> int:
        return int(self.uri.rsplit(":", 1)[1])

    def alive(self) -> bool:
        """Whether the server process is still running."""
        if self._process is not None:
            return self._process.poll() is None
        return _pid_alive(self.pid)

    def stop(self, timeout: float = 60) -> None:
        """Shut the server down cleanly (SIGTERM); kill it (SIGKILL) if it lingers past ``timeout``."""
        if not self.alive():
            return
        _signal_group(self.pid, signal.SIGTERM)
        if not _wait(lambda: not self.alive(), timeout):
            _signal_group(self.pid, signal.SIGKILL)
            _wait(lambda: not self.alive(), 10)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start(
    home: Path,
    port: int | None = None,
    password: str | None = None,
    timeout: float = 300,
    pagecache_mb: int = PAGECACHE_MB,
    heap_mb: int = HEAP_MB,
    http_port: int | None = None,
) -> RunningServer:
    """Start a server on database folder ``home`` and return once Bolt accepts a connection.

    ``port`` defaults to a free one. With ``password`` (8+ characters) auth is on for user
    ``neo4j``; without it auth is off. ``pagecache_mb`` (the store's pages held in memory) and ``heap_mb``
    (the JVM's heap: query and transaction state) size the server. With ``http_port`` (and a password: the
    HTTP API answers only who logs in) the HTTP connector listens on 127.0.0.1 too, with Neo4j Browser at
    ``/browser/`` (its jar fetched by :func:`ensure_browser`). The server runs in its own process
    group and logs to ``<home>/neo4j.log``. On failure the process is stopped and the error carries the log's tail.
    """
    if password and len(password) < MIN_PASSWORD_LENGTH:
        raise Neo4jServerError(f"The Neo4j password must have at least {MIN_PASSWORD_LENGTH} characters.")
    home = Path(home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    if port is None:
        port = free_port()
    elif not _port_free(port):
        raise Neo4jServerError(
            f"Port {port} on 127.0.0.1 is already in use (another Neo4j?). "
            "Stop that server or choose another port."
        )
    if password and ("\n" in password or "\r" in password):
        raise Neo4jServerError("The Neo4j password must be one line (no line breaks).")
    if http_port and not password:
        raise Neo4jServerError("The HTTP connector (Neo4j Browser) is opened only with auth on: give a password.")
    if http_port and (http_port == port or not _port_free(http_port)):
        raise Neo4jServerError(f"HTTP port {http_port} on 127.0.0.1 is already in use (another Neo4j?). "
                               "Stop that server or choose another port (--http-port).")
    java, lib = _java(), ensure_jars()
    classpath = f"{lib}/*" + (f"{os.pathsep}{ensure_browser()}/*" if http_port else "")
    env = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
    log = home / LOG_NAME
    command = [java, *JVM_FLAGS, f"-Xmx{heap_mb}m", "-cp", classpath, str(LAUNCHER), str(home), str(port),
               str(pagecache_mb), str(http_port or 0)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=out, stderr=subprocess.STDOUT,
            env=env, start_new_session=True,
        )
    try:
        with process.stdin:  # the launcher reads one line: the password, or an empty line for no auth
            process.stdin.write(((password or "") + "\n").encode())
    except BrokenPipeError:
        pass  # the launcher ended at once; waiting for READY below reports its log
    server = RunningServer(f"bolt://127.0.0.1:{port}", process.pid, home,
                           f"http://127.0.0.1:{http_port}" if http_port else None, process)
    try:
        _wait_until_ready(server, log, password, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: RunningServer, log: Path, password: str | None, timeout: float) -> None:
    """Wait for the launcher's READY line, then for a Bolt connection; raise with the log's tail."""
    deadline = time.monotonic() + timeout
    while READY_PREFIX not in (text := log.read_text(errors="replace")):
        if not server.alive() or MAIN_FAILED in text:  # the store's threads can outlive a failed main
            raise Neo4jServerError(f"Neo4j failed to start; its log {log} ends with:\n{_tail(log)}")
        if time.monotonic() > deadline:
            raise Neo4jServerError(f"Neo4j did not start in {timeout:.0f} s; {log} ends with:\n{_tail(log)}")
        time.sleep(0.2)
    problem = None
    while time.monotonic() < deadline and server.alive():
        problem = check_connectivity(server.uri, password)
        if problem is None:
            return
        time.sleep(0.5)
    raise Neo4jServerError(
        f"Neo4j printed READY but {server.uri} did not accept a Bolt connection ({problem}); "
        f"{log} ends with:\n{_tail(log)}"
    )


def check_connectivity(uri: str, password: str | None = None, user: str = USER) -> str | None:
    """Return ``None`` when a Bolt connection to ``uri`` succeeds, else the driver's error message."""
    from neo4j import GraphDatabase  # here, not at the top: `lineage --help` does not load the driver
    from neo4j.exceptions import DriverError, Neo4jError

    auth = (user, password) if password else None
    try:
        with GraphDatabase.driver(uri, auth=auth) as driver:
            driver.verify_connectivity()
    except (DriverError, Neo4jError, OSError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now.

    >>> 1024 <= free_port() <= 65535
    True
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- a server that outlives the caller (CLI) ----------------------------------------------------


def start_background(
    home: Path, port: int = 7687, password: str | None = None, timeout: float = 300,
    pagecache_mb: int = PAGECACHE_MB, heap_mb: int = HEAP_MB, http_port: int | None = None,
) -> dict:
    """Start a server on ``home`` that keeps running after this process exits (``http_port``: see :func:`start`).

    Writes and returns the record ``<home>/server.json`` (pid, uri, port, version, http; no password).
    Refuses when the server recorded there is still running.
    """
    home = Path(home).resolve()
    current = _recorded(home)
    if current is not None and current["alive"]:
        raise Neo4jServerError(
            f"A Neo4j server for {home} is already running (pid {current['pid']}, {current['uri']}). "
            "Stop it first (lineage neo4j stop)."
        )
    server = start(home, port=port, password=password, timeout=timeout, pagecache_mb=pagecache_mb, heap_mb=heap_mb,
                   http_port=http_port)
    record = {
        "pid": server.pid,
        "uri": server.uri,
        "port": server.port,
        "version": NEO4J_VERSION,
        "auth": bool(password),
        "http": server.http,
        "log": str(home / LOG_NAME),
    }
    (home / RECORD_NAME).write_text(json.dumps(record, indent=2) + "\n")
    return record


def status(home: Path, password: str | None = None) -> dict | None:
    """The record of ``home``'s background server plus ``alive`` and ``connected``; ``None`` if none.

    ``connected`` is whether Bolt accepted ``password`` (or no auth); ``error`` says why not.
    """
    record = _recorded(Path(home).resolve())
    if record is not None:
        record["error"] = check_connectivity(record["uri"], password) if record["alive"] else "not running"
        record["connected"] = record["error"] is None
    return record


def stop_background(home: Path, timeout: float = 60) -> dict | None:
    """Stop ``home``'s background server, remove ``server.json`` and return its record (``None`` if none)."""
    home = Path(home).resolve()
    record = _recorded(home)
    if record is None:
        return None
    if record["alive"]:
        server = RunningServer(record["uri"], record["pid"], home)
        server.stop(timeout)
        if server.alive():
            raise Neo4jServerError(f"Neo4j (pid {server.pid}) did not stop; kill it and remove {home / RECORD_NAME}.")
    (home / RECORD_NAME).unlink(missing_ok=True)
    return record


def _recorded(home: Path) -> dict | None:
    """``<home>/server.json`` plus ``alive`` (its pid still runs Launcher.java); ``None`` if absent."""
    path = home / RECORD_NAME
    if not path.is_file():
        return None
    record = json.loads(path.read_text())
    record["alive"] = _pid_alive(record["pid"]) and _is_launcher(record["pid"])
    return record


# --- bulk import ------------------------------------------------------------------------------


def admin_import(
    home: Path,
    nodes: Sequence[Path],
    relationships: Sequence[Path] = (),
    database: str = "neo4j",
    extra_args: Sequence[str] = (),
) -> str:
    """Replace ``database`` in ``home`` with CSV files in neo4j-admin header format; return the tool's output.

    Runs ``neo4j-admin database import full --overwrite-destination`` (``org.neo4j.cli.AdminTool``)
    with ``NEO4J_HOME=home`` so the store lands where :func:`start` opens it. Each entry of
    ``nodes``/``relationships`` is passed as one ``--nodes=``/``--relationships=`` value, so
    ``"Label=file.csv"`` and comma-joined header,data files work too. No server may be running
    on ``home``. The report goes to ``<home>/logs/import.report``.
    """
    home = Path(home).resolve()
    record = _recorded(home)
    if record is not None and record["alive"]:
        raise Neo4jServerError(f"Stop the Neo4j server on {home} (pid {record['pid']}) before importing into it.")
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").touch()  # defaults: server.directories.data = <home>/data, as the launcher
    (home / "logs").mkdir(exist_ok=True)
    java, lib = _java(), ensure_jars()
    command = [
        java, *JVM_FLAGS, f"-Xmx{HEAP_MB}m", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", "database", "import", "full",
        database,  # first: --nodes/--relationships take several values and would swallow it
        "--overwrite-destination=true", f"--report-file={home / 'logs' / 'import.report'}",
        *(f"--nodes={n}" for n in nodes), *(f"--relationships={r}" for r in relationships),
        *extra_args,
    ]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    done = subprocess.run(command, env=env, cwd=home, capture_output=True, text=True)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        raise Neo4jServerError(
            f"neo4j-admin import into {home} failed (exit {done.returncode}): {' '.join(command)}\n{_tail(output)}"
        )
    return output


# --- helpers ----------------------------------------------------------------------------------


def _java() -> str:
    """The ``java`` of ``$JAVA_HOME`` or PATH; it must be a JDK 17 (runs Launcher.java from source)."""
    if home := os.environ.get("JAVA_HOME"):
        candidate = Path(home) / "bin" / "java"
        if candidate.is_file():
            return str(candidate)
    if found := shutil.which("java"):
        return found
    raise Neo4jServerError("Java is not on PATH; Neo4j 5.26 needs a JDK 17 (e.g. apt-get install openjdk-17-jdk).")


def _tail(text_or_log: str | Path, lines: int = 30) -> str:
    """The last ``lines`` lines of a log or output, without Java stack frames and colour codes."""
    text = text_or_log.read_text(errors="replace") if isinstance(text_or_log, Path) else text_or_log
    text = ANSI_CODE.sub("", text)
    kept = [line for line in text.strip().splitlines() if not JAVA_FRAME.match(line)]
    return "\n".join(kept[-lines:])


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _pid_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie child of ours is reaped and counts as gone)."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_launcher(pid: int) -> bool:
    """Guard against a recycled pid: on Linux, check the process really runs Launcher.java."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    try:
        return LAUNCHER.name.encode() in cmdline.read_bytes()
    except FileNotFoundError:
        return not Path("/proc/self").exists()  # no /proc (macOS): trust the pid
    except OSError:
        return True


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


def _wait(done, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True
