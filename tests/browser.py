"""Browser-test helpers: serve the Streamlit app on localhost and drive Debian's Chromium with Playwright.

Not a test module. Playwright comes from PyPI without a browser; we point it at Debian's
``/usr/bin/chromium`` (``apt-get install chromium``) and never run ``playwright install``.
A missing browser is an error, not a skip: a skipped browser test would hide a broken UI.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "ui" / "app.py"
CHROMIUM = Path("/usr/bin/chromium")

# Headless, offline, no first-run or background traffic (measured in shared/notes/streamlit-offline.md).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 900}
HEALTH_DEADLINE_S = 120.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(log: Path, lines: int = 40) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


def _stop(process: subprocess.Popen) -> None:
    """Terminate the server's process group (streamlit may start children), then kill it if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


@contextmanager
def serve_ui(store_dir: Path, port: int | None = None, app: Path | None = None) -> Iterator[str]:
    """Run ``streamlit run app`` (default ``ui/app.py``) on 127.0.0.1 on ``store_dir``; yield its base URL.

    The app reads the embedded store named by ``LINEAGE_STORE``; ``NEO4J_URI`` and its credentials are
    removed from the server's environment, else the app would read that Neo4j instead. Waits until
    ``/_stcore/health`` answers "ok"; raises ``RuntimeError`` with the tail of the server's output
    when it exits or is not healthy within 120 s. The server runs in its own process group,
    terminated on exit.
    """
    app = app or APP
    port = port or free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env |= {"LINEAGE_STORE": str(store_dir), "PYTHONUNBUFFERED": "1"}
    with tempfile.TemporaryDirectory(prefix="streamlit-log-") as logs:
        log = Path(logs) / "server.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )
        try:
            deadline = time.monotonic() + HEALTH_DEADLINE_S
            while not _healthy(f"{base}/_stcore/health"):
                if process.poll() is not None:
                    code = process.returncode
                    raise RuntimeError(f"streamlit exited ({code}) before it was healthy:\n{_tail(log)}")
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"streamlit not healthy at {base} after {HEALTH_DEADLINE_S:.0f} s:\n{_tail(log)}"
                    )
                time.sleep(0.25)  # polling a server from plain Python, no page to wait on yet
            yield base
        finally:
            _stop(process)


@contextmanager
def chromium_page(tmp_path: Path):
    """Yield a Playwright page of headless Debian Chromium (temporary profile, 1400x900 viewport)."""
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"{CHROMIUM} not found: install Debian's browser with `apt-get install chromium` "
            "(never `playwright install`)"
        )
    from playwright.sync_api import sync_playwright

    profile = Path(tmp_path) / "chromium-profile"
    profile.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport=VIEWPORT,
        )
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()
