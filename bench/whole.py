"""Whole documents, the extractor of today against an earlier one, in one run: per kind of document, the
assignments and targets found per document and the extraction speed (MB/s, one worker).

    python3 -m bench.whole                                   # corpus-full, against BASELINE
    python3 -m bench.whole --docs DIR --baseline REV --out bench/results/whole.json

Each extractor runs in its own process (the earlier one from a ``git worktree`` of ``--baseline``), one
file after another, after a warm-up on the first ten files; the times are of ``extract_path`` alone.
The kinds are the documents' types by their symbols ("KH" → Kế hoạch) with the level the corpus's
MANIFEST gives (central, ministry, province, other), read from today's records so that both columns
group the same files.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT.parent / "shared" / "corpus-full" / "docs"
# The code before whole documents were read (issue 18): the last commit of the 4 December session.
BASELINE = "4e4792f"
WARM_UP = 10

WORKER = r"""
import json, sys, time
from pathlib import Path
from ingest import extract_path
files = [Path(p) for p in json.load(sys.stdin)]
for f in files[:%(warm)d]:
    extract_path(f)
out = {}
for f in files:
    t = time.perf_counter()
    try:
        r = extract_path(f).to_dict()
        error = None
    except Exception as e:  # a failure is a figure too
        r, error = {}, f"{type(e).__name__}: {e}"
    dt = time.perf_counter() - t
    doc = r.get("document") or {}
    out[f.name] = {"s": dt, "bytes": f.stat().st_size, "assignments": len(r.get("assignments", ())),
                   "targets": len(r.get("targets", ())), "code": doc.get("code"), "symbol": doc.get("symbol"),
                   "error": error}
json.dump(out, sys.stdout)
"""


def run_extractor(tree: Path, files: list[Path]) -> dict[str, dict]:
    """The per-file figures of the extractor in ``tree``, in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", WORKER % {"warm": WARM_UP}], input=json.dumps([str(f) for f in files]),
                          capture_output=True, text=True, env=env, cwd=tree, check=True)
    return json.loads(done.stdout)


def kind_of(figures: dict, level: str | None) -> str:
    """The document's type by its symbol (vocabulary: "KH" → Kế hoạch) and, for resolutions and decisions,
    who issues it: "Nghị quyết (province)" is an HĐND's, "Nghị quyết (central)" the Government's; a symbol
    that names no type ("UBND-VX") is a letter (Công văn)."""
    from graph.vocabulary import vocabulary

    v = vocabulary()
    parts = (figures.get("symbol") or "").split("-")
    kind = v.doc_type_by_abbr(parts[0]) if parts[0] else None
    name = kind.name if kind is not None else (v.doc_type("Công văn").name if len(parts) >= 2 else "(no symbol)")
    return f"{name} ({level})" if level else name


def levels(docs: Path) -> dict[str, str]:
    """The MANIFEST's level of each file (central, ministry, province, other), when the folder has one."""
    manifest = docs.parent / "MANIFEST.tsv"
    if not manifest.exists():
        return {}
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return {r[0]: r[1] for r in rows if len(r) > 1}


def compare(docs: Path, baseline: str) -> dict:
    files = sorted(p for p in docs.iterdir() if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), baseline], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            started = time.time()
            before = run_extractor(tree, files)
            now = run_extractor(ROOT, files)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False,
                           capture_output=True)
    groups: dict[str, list[str]] = defaultdict(list)
    level = levels(docs)
    for name, fig in now.items():
        groups[kind_of(fig, level.get(name))].append(name)
    rows = []
    for kind, names in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rows.append(_row(kind, names, before, now))
    rows.append(_row("all", list(now), before, now))
    return {"docs": str(docs), "baseline": baseline, "files": len(files), "seconds": round(time.time() - started, 1),
            "errors": {"baseline": sorted(n for n, f in before.items() if f["error"]),
                       "now": sorted(n for n, f in now.items() if f["error"])},
            "rows": rows}


def _row(kind: str, names: list[str], before: dict, now: dict) -> dict:
    n = len(names)
    size = sum(now[x]["bytes"] for x in names)
    out = {"kind": kind, "documents": n, "mb": round(size / 1e6, 2)}
    for label, figures in (("baseline", before), ("now", now)):
        secs = sum(figures[x]["s"] for x in names)
        out[label] = {"assignments_per_doc": round(sum(figures[x]["assignments"] for x in names) / n, 1),
                      "targets_per_doc": round(sum(figures[x]["targets"] for x in names) / n, 1),
                      "mb_s": round(size / 1e6 / secs, 2) if secs else None}
    return out


def table(result: dict) -> str:
    lines = ["| kind | docs | MB | assignments / doc, before → now | targets / doc, before → now | MB/s, before → now |",
             "|---|---|---|---|---|---|"]
    for r in result["rows"]:
        b, a = r["baseline"], r["now"]
        lines.append(f"| {r['kind']} | {r['documents']} | {r['mb']} | {b['assignments_per_doc']} → "
                     f"{a['assignments_per_doc']} | {b['targets_per_doc']} → {a['targets_per_doc']} | "
                     f"{b['mb_s']} → {a['mb_s']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DOCS, help="the whole documents (default: corpus-full)")
    parser.add_argument("--baseline", default=BASELINE, help="the git revision to compare with")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "whole.json")
    args = parser.parse_args(argv)
    result = compare(args.docs, args.baseline)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(result))
    print(f"errors: baseline {len(result['errors']['baseline'])}, now {len(result['errors']['now'])}; "
          f"{result['files']} files in {result['seconds']} s")


if __name__ == "__main__":
    main()
