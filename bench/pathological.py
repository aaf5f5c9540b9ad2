"""Pathological inputs through ``ingest.extract.extract_text``: seconds per MB at a few sizes, and how
the time grows from one size to the next (×4 in size: ~4 is linear, ~16 is quadratic).

    python3 -m bench.pathological                         # every input at 50 KB, 200 KB, 800 KB
    python3 -m bench.pathological --sizes 1000 5000 --only no-stop long-lines
    python3 -m bench.pathological --profile so 200        # cProfile of one input at one size (KB)
    python3 -m bench.pathological --tree /tmp/before      # the extractor of another tree (a git worktree)

Each input is a short letter (header, "Kính gửi", a first task, "Nơi nhận") whose body (or header) holds one
repeated unit up to the size asked for. Each extraction runs in a process of its own, stopped after
``--timeout`` seconds (shown as "> N s"), so one quadratic input cannot hold up the rest of the table; the
figures are CPU seconds of ``extract_text`` alone, per MB of UTF-8.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEAD = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 1234/UBND-KTTH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kon Tum, ngày 12 tháng 5 năm 2025
V/v triển khai Nghị quyết số 124/NQ-CP

Kính gửi:
- Các Sở, ban, ngành tỉnh;
- Ủy ban nhân dân các huyện, thành phố.

Thực hiện Nghị quyết số 124/NQ-CP ngày 08/5/2025 của Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:
1. Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu Ủy ban nhân dân tỉnh, hoàn thành trước ngày 30/6/2025.
"""

TAIL = """
2. Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, KTTH.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
"""

AGENCIES = ["Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Công an tỉnh",
            "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân huyện Đăk Hà",
            "Bộ Kế hoạch và Đầu tư", "Văn phòng Chính phủ", "Ban Quản lý Khu kinh tế tỉnh"]
# One ordinary paragraph, with its sentence ends.
PARAGRAPH = ("Các sở, ban, ngành tổ chức triển khai thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao; "
             "thường xuyên kiểm tra, đánh giá, báo cáo kết quả thực hiện. ")

# The repeated unit of each input ("{n}": a number counting up, so that each unit differs), put in the body
# or, for a name ending in "-head", right after the first line of the header.
INPUTS: dict[str, str] = {
    "so": "Số: ",  # the case: "Số: " 100,000 times in a 0.6 MB letter
    "so-head": "Số: ",
    "so-lines": "Số: 12/UBND\n",
    "can-cu": "Căn cứ ",
    "can-cu-lines": "Căn cứ Nghị quyết số 124/NQ-CP ngày 08/5/2025 của Chính phủ;\n",
    "digits-slashes": "12/",
    "codes": "124/NQ-CP ",
    "numbered-codes": "Quyết định số {n}/QĐ-UBND, ",
    "issuer-no-stop": "Nghị quyết số 124/NQ-CP của Chính phủ về việc triển khai ",
    "issuer-runs-on": "Nghị quyết số {n}/NQ-CP của Ủy ban nhân dân tỉnh Kon Tum ",
    "replaces": "thay thế Quyết định số {n}/QĐ-UBND ",
    "implements": "Thực hiện Đề án phát triển ứng dụng dữ liệu ",
    "kinh-gui": "Kính gửi: ",
    "kinh-gui-head": "Kính gửi: ",
    "kinh-gui-lines": "Kính gửi:\n- Sở Tài chính;\n",
    "send-by": "gửi Sở Tài chính trước ngày 30/6/2025 ",
    "truoc-ngay": "trước ngày ",
    "truoc-ngay-dated": "hoàn thành trước ngày 30/6/2025, ",
    "dashes": "- ",
    "dash-lines": "-\n",
    "agency-list": ", ".join(AGENCIES) + ", ",
    "agency-lines": "".join(f"- {a};\n" for a in AGENCIES),
    "assign-list": "Giao " + ", ".join(AGENCIES) + " chủ trì; ",
    "numbered-lines": "1.\n",
    "lettered-lines": "a) Sở Tài chính;\n",
    "articles": "Điều {n}. ",
    "percents": "phấn đấu tăng trưởng đạt {n}% ",
    "percent-lines": "- Tỷ lệ hộ dân được sử dụng nước sạch đạt {n}%;\n",
    "table-rows": "| {n} | Sở Tài chính | Quý III/2025 |\n",
    "footnotes": "Theo Kế hoạch của tỉnh1 thực hiện.\n            \n1 Ban hành tại Quyết định số {n}/QĐ-UBND.\n",
    "pages": "Các sở tổ chức thực hiện.\n{n}\n\f\nTrang {n}\n",
    "long-lines": PARAGRAPH,  # ordinary sentences, no line break
    "no-stop": "các sở ban ngành tổ chức thực hiện ",  # one line, no sentence end
}


def build(kind: str, size: int) -> str:
    """The input ``kind`` as a letter of about ``size`` bytes (UTF-8)."""
    unit, room = INPUTS[kind], size - len((HEAD + TAIL).encode())
    parts: list[str] = []
    while room > 0:
        part = unit.replace("{n}", str(len(parts) + 1))
        parts.append(part)
        room -= len(part.encode())
    filler = "".join(parts) or unit
    if kind.endswith("-head"):
        first, rest = HEAD.split("\n", 1)
        return first + "\n" + filler + "\n" + rest + TAIL
    return HEAD + filler + TAIL


# The child process: extract the text of the file named on the command line, print the CPU seconds it took.
WORKER = """
import sys, time
from ingest.extract import extract_text
text = open(sys.argv[1], encoding="utf-8").read()
start = time.process_time()
extract_text(text)
print(time.process_time() - start)
"""


def measure(kind: str, size: int, timeout: float, tree: Path = ROOT) -> float | None:
    """CPU seconds to extract ``kind`` at ``size`` bytes in a fresh process with the extractor of ``tree`` (CPU
    time, so that other work on the machine counts little); None past ``timeout`` seconds of wall time."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as handle:
        handle.write(build(kind, size))
        handle.flush()
        try:
            done = subprocess.run([sys.executable, "-c", WORKER, handle.name], capture_output=True, text=True,
                                  timeout=timeout, check=True, cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)})
        except subprocess.TimeoutExpired:
            return None
    return float(done.stdout.split()[-1])


def profile(kind: str, size: int, lines: int = 25) -> None:
    from ingest.extract import extract_text

    text = build(kind, size)
    prof = cProfile.Profile()
    prof.runcall(extract_text, text)
    pstats.Stats(prof).sort_stats("cumulative").print_stats(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0].replace("\n", " "))
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800], help="sizes in KB")
    parser.add_argument("--only", nargs="+", choices=sorted(INPUTS), help="these inputs only")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per extraction (default 120)")
    parser.add_argument("--profile", nargs=2, metavar=("KIND", "KB"), help="cProfile one input at one size")
    parser.add_argument("--tree", type=Path, default=ROOT,
                        help="the source tree whose extractor is timed (default this one; e.g. a git worktree of "
                             "an earlier commit)")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile[0], int(args.profile[1]) * 1000)
        return
    sizes = [s * 1000 for s in args.sizes]
    print("| input | " + " | ".join(f"{s // 1000} KB: s/MB" for s in sizes) + " | growth per ×size |")
    print("|---|" + "---|" * len(sizes) + "---|")
    for kind in args.only or INPUTS:
        cells, times = [], []
        for size in sizes:
            t = measure(kind, size, args.timeout, args.tree)
            times.append(t)
            cells.append(f"> {args.timeout:g} s" if t is None else f"{t / (size / 1e6):.2f}")
            if t is None:
                break
        cells += ["—"] * (len(sizes) - len(cells))
        growth = [f"{b / a:.1f}" if a and b and a > 0.05 else "·" for a, b in zip(times, times[1:])]
        print(f"| {kind} | " + " | ".join(cells) + f" | {' , '.join(growth) or '·'} |", flush=True)


if __name__ == "__main__":
    main()
