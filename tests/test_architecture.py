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


def test_the_readme_test_command_is_what_ci_runs():
    """The README's test command is `scripts/test`, and `.ci/run` runs that command (issue 22 item 7)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_section = readme.split("## Test\n", 1)[1].split("\n## ", 1)[0]
    assert "```bash\nscripts/test\n```" in test_section
    assert "exec scripts/test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    script = (ROOT / "scripts/test").read_text(encoding="utf-8")
    for package in ("openjdk-17-jdk-headless", "maven", "curl", "chromium", "fonts-dejavu-core", "libatomic1",
                    "tesseract-ocr-vie"):
        assert package in script and f"`{package}`" in test_section, package  # installed, and said what for


def test_the_record_contract_ships_with_the_code():
    """`docs/record.md` is in the repository, and every pointer to the contract names it (issue 22 item 7)."""
    contract = (ROOT / "docs/record.md").read_text(encoding="utf-8")
    assert '"assignments": [' in contract and "## Conventions for whole documents" in contract
    for path in ("README.md", "lineage/cli.py", "graph/build.py", "ingest/record.py"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert "docs/record.md" in text and "shared/contract" not in text, path


def test_the_readme_layout_has_a_line_for_every_folder():
    """Every folder of the repository holding a file (the test data aside) is a row of the README's Layout table,
    and every row is a folder (issue 17: the table matches the tree)."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    folders = {str(Path(f).parent) + "/" for f in files if str(Path(f).parent) != "."
               and not f.startswith("tests/data/")}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout\n", 1)[1].split("\n\nImport direction", 1)[0]
    rows = {line.split("`")[1] for line in layout.splitlines() if line.startswith("| `")}
    assert folders == rows, (sorted(folders - rows), sorted(rows - folders))
