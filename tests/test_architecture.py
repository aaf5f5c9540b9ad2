"""Import direction: ui → queries → graph ← ingest; graph imports none of the others."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_import_contracts_hold():
    exe = shutil.which("lint-imports")
    assert exe, "import-linter is part of the test extras: pip install -e '.[test]'"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
