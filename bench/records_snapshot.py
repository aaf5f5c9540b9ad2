"""Records of fixed document sets, written before and after a change and compared: proof that a change
(a move of modules, a rewritten pattern) left every record byte-identical.

``python -m bench.records_snapshot write OUT`` writes one JSON-lines file per set under OUT, each line a
record exactly as ``lineage extract --format jsonl`` prints it (``json.dumps(record.to_dict(),
ensure_ascii=False)``), or ``{"path": …, "error": …}`` for a file that cannot be read. The sets:

- ``seeds``: ``/work/shared/seeds/*.txt``
- ``corpus``: ``tests/data/corpus/*`` (a path relative to the repository root, which is the working
  directory: run it from the root of each tree compared, so the ``source.path`` strings agree)
- ``corpus-full``: ``/work/shared/corpus-full/docs/*``
- ``generated``: N documents (2,000 unless ``--generated N``) written by ``bench.generate`` with a fixed
  seed into a fixed folder (``--generated-dir``), so both runs read the same paths

``python -m bench.records_snapshot compare A B`` compares two snapshot folders set by set: it prints the
number of records of each set and ``identical``, or the first record that differs (its line, its path
and the first differing field) and exits with status 1.

Typical use::

    git stash; python -m bench.records_snapshot write /tmp/snap-before; git stash pop
    python -m bench.records_snapshot write /tmp/snap-after
    python -m bench.records_snapshot compare /tmp/snap-before /tmp/snap-after
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SHARED = Path("/work/shared")
GENERATED = 2000
SEED = 2025
GENERATED_DIR = Path("/tmp/records-snapshot/generated")


def _files(folder: Path, pattern: str = "*") -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith("."))


def sets(generated: int, seed: int, generated_dir: Path) -> dict[str, list[Path]]:
    """The document sets, by name, as the paths each snapshot reads (generating the synthetic set first)."""
    from bench.generate import write

    folder, _ = write(generated, generated_dir, seed)
    return {
        "seeds": _files(SHARED / "seeds", "*.txt"),
        "corpus": _files(Path("tests/data/corpus")),
        "corpus-full": _files(SHARED / "corpus-full" / "docs"),
        "generated": _files(folder)[:generated],
    }


def record_line(path: Path) -> str:
    """One file's record as ``lineage extract --format jsonl`` prints it (an error line when unreadable)."""
    from graph.errors import LineageError
    from ingest import extract_path

    try:
        record = extract_path(path).to_dict()
    except LineageError as exc:
        return json.dumps({"path": str(path), "error": str(exc)}, ensure_ascii=False)
    return json.dumps(record, ensure_ascii=False)


def write_snapshot(out: Path, generated: int, seed: int, generated_dir: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, paths in sets(generated, seed, generated_dir).items():
        if not paths:
            sys.exit(f"set {name!r}: no files found (run from the repository root)")
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for path in paths:
                handle.write(record_line(path) + "\n")
        print(f"{name}: {len(paths)} records")


def _first_difference(a, b, where: str = "") -> str:
    """The first field (a dotted path) at which two decoded records differ, with both values."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b or a[key] != b[key]:
                return _first_difference(a.get(key), b.get(key), f"{where}.{key}" if where else key)
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
        if len(a) != len(b):
            return f"{where}: {len(a)} items, then {len(b)} items"
    return f"{where or '(record)'}: {json.dumps(a, ensure_ascii=False)[:300]} → {json.dumps(b, ensure_ascii=False)[:300]}"


def compare(before: Path, after: Path) -> bool:
    """Print, set by set, the record count and ``identical`` or the first differing record."""
    same = True
    for name in sorted({p.name for p in before.glob("*.jsonl")} | {p.name for p in after.glob("*.jsonl")}):
        if not (before / name).is_file() or not (after / name).is_file():
            print(f"{name}: only in {before if (before / name).is_file() else after}")
            same = False
            continue
        old = (before / name).read_text(encoding="utf-8").splitlines()
        new = (after / name).read_text(encoding="utf-8").splitlines()
        for n, (x, y) in enumerate(zip(old, new), start=1):
            if x != y:
                a, b = json.loads(x), json.loads(y)
                path = (a.get("source") or {}).get("path") or a.get("path")
                print(f"{name}: record {n} ({path}) differs at {_first_difference(a, b)}")
                same = False
                break
        else:
            if len(old) != len(new):
                print(f"{name}: {len(old)} records, then {len(new)}")
                same = False
            else:
                print(f"{name}: {len(old)} records, identical")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0].replace("\n", " "),
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    commands = parser.add_subparsers(dest="command", required=True)
    write = commands.add_parser("write", help="write a snapshot folder (one .jsonl file per set)")
    write.add_argument("out", type=Path)
    write.add_argument("--generated", type=int, default=GENERATED, help="generated documents (default 2000)")
    write.add_argument("--seed", type=int, default=SEED, help="bench.generate's seed (default 2025)")
    write.add_argument("--generated-dir", type=Path, default=GENERATED_DIR,
                       help=f"where the generated documents are written (default {GENERATED_DIR})")
    check = commands.add_parser("compare", help="compare two snapshot folders; exit 1 when they differ")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write_snapshot(args.out, args.generated, args.seed, args.generated_dir)
    elif not compare(args.before, args.after):
        sys.exit(1)


if __name__ == "__main__":
    main()
