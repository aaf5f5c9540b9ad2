"""`lineage extract` and `lineage eval` as a user runs them."""

import json
import subprocess
import sys

from conftest import UNREADABLE, corpus_sample
from typer.testing import CliRunner

from lineage.cli import app

runner = CliRunner()


def test_extract_jsonl_one_record_per_file_in_order(data_dir):
    seeds = sorted((data_dir / "corpus").glob("*-nq-124-nq-cp-2025.txt"))
    result = runner.invoke(app, ["extract", *map(str, seeds)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(p) for p in seeds]
    assert json.loads(lines[0])["source"]["format"] == "txt"


def test_extract_json_array(data_dir):
    result = runner.invoke(app, ["extract", "--format", "json", str(data_dir / "corpus" / "001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt")])
    assert result.exit_code == 0
    (record,) = json.loads(result.stdout)
    assert record["document"]["code"] == "124/NQ-CP"


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path):
    empty = tmp_path / "a-empty.txt"
    empty.write_text("")
    binary = tmp_path / "b-binary.txt"
    binary.write_bytes(UNREADABLE)
    headless = tmp_path / "c-headless.txt"
    headless.write_text("Tình hình dịch bệnh vẫn diễn biến phức tạp, khó lường.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lineage", "extract", str(empty), str(binary), str(headless)],
                            capture_output=True, text=True)
    assert result.returncode == 1  # one file failed
    assert f"{binary}: binary data" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"] for r in records] == [str(empty), str(headless)]
    assert records[0]["warnings"] == ["file is empty: no text to read"]
    assert records[1]["document"]["code"] is None
    assert any("no header" in w for w in records[1]["warnings"])


def test_extract_good_files_exit_zero(tmp_path):
    doc = tmp_path / "x.txt"
    doc.write_text("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n", encoding="utf-8")
    assert runner.invoke(app, ["extract", str(doc)]).exit_code == 0


def test_eval_prints_table_and_misses(data_dir):
    result = runner.invoke(app, ["eval", str(data_dir / "corpus"), str(data_dir / "gold"), "--min-document", "0.97"])
    assert result.exit_code == 0, result.output
    assert "40 documents scored" in result.stdout
    assert "references (code+year)" in result.stdout
    assert "miss:" in result.stdout


def test_eval_fails_below_threshold(data_dir):
    result = runner.invoke(app, ["eval", str(data_dir / "corpus"), str(data_dir / "gold"), "--min-reference-f1", "1.01"])
    assert result.exit_code == 1


# What `lineage --help` and a named query on the embedded store may load: the command line imports each heavy
# library in the command that uses it (issue 22 item 6). Which modules are loaded, not how long it takes (no timed
# unit tests; the start-up times are in the README).
HEAVY = ("neo4j", "pandas", "scipy", "datasketch", "dask", "ingest.extract", "streamlit", "pymupdf", "docx")
LOADED = """
import sys
from lineage.cli import main
sys.argv = ["lineage", *{argv!r}]
try:
    main()
except SystemExit:
    pass
print(" ".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def _heavy_loaded(*argv: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", LOADED.format(argv=list(argv), heavy=HEAVY)],
                            capture_output=True, text=True, check=True)
    return result.stderr.strip().splitlines()[-1].split() if result.stderr.strip() else []


def test_help_loads_no_heavy_library():
    assert _heavy_loaded("--help") == []


def test_a_query_on_the_embedded_store_loads_neither_the_driver_nor_the_extractor(tmp_path, data_dir):
    store, files = tmp_path / "store", corpus_sample(tmp_path / "files", 3, "broken.bin")
    ingested = CliRunner().invoke(app, ["ingest", str(files), "--store", str(store), "--no-reuse"])
    assert ingested.exit_code == 1, ingested.output  # the three stored, the broken file reported
    assert _heavy_loaded("query", "find", "--store", str(store), "--format", "csv") == []
    # and the check can fail: extracting does load the extractor
    assert "ingest.extract" in _heavy_loaded("extract", str(files))
