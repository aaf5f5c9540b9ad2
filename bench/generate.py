"""A seeded synthetic cascade in the corpus's own forms, with its ground truth.

``python -m bench.generate N OUT [--seed S]`` writes N documents as .txt under OUT/docs and the true
lineage as OUT/truth.jsonl (one line per document: its code, issue date and what it implements).
The cascade: Government resolutions (numbered tasks, a national growth target) → provincial letters
and plans implementing them (local targets, department assignments with deadlines, a footnote) →
department plans implementing the provincial document → commune letters below; blank numbers and
cross-citations ("Căn cứ", "theo Công văn số …") as in real files.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from graph.vocabulary import vocabulary

# Shares of each level in a cascade (the rest are commune letters).
CENTRAL_SHARE = 0.01
PROVINCE_SHARE = 0.25
DEPARTMENT_SHARE = 0.45
DEPARTMENTS = ("Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Công Thương",
               "Sở Nông nghiệp và Môi trường", "Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch")
DEPARTMENT_SYMBOLS = {"Sở Tài chính": "STC", "Sở Xây dựng": "SXD", "Sở Nội vụ": "SNV", "Sở Y tế": "SYT",
                      "Sở Giáo dục và Đào tạo": "SGDĐT", "Sở Công Thương": "SCT",
                      "Sở Nông nghiệp và Môi trường": "SNNMT", "Sở Tư pháp": "STP",
                      "Sở Văn hóa, Thể thao và Du lịch": "SVHTTDL"}
TOPICS = ("chuyển đổi số", "cải cách hành chính", "giải ngân vốn đầu tư công", "phát triển kinh tế tư nhân",
          "phòng, chống thiên tai", "xây dựng nông thôn mới", "tinh gọn tổ chức bộ máy")
TASKS = ("rà soát, tổng hợp, đôn đốc đẩy nhanh tiến độ thực hiện các công trình, dự án trọng điểm",
         "tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai thực hiện",
         "hướng dẫn, kiểm tra việc thực hiện và báo cáo kết quả",
         "đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình")
SEP = "-" * 7


@dataclass
class Doc:
    code: str | None         # None: a blank number ("Số:   /UBND-KTTH")
    symbol: str
    number: int
    doc_type: str
    issue_date: date
    issuer_block: tuple[str, ...]
    place: str
    subject: str
    implements: list[int] = field(default_factory=list)  # indexes of documents it implements
    cites: list[int] = field(default_factory=list)
    province: str | None = None
    level: str = "central"


def _date(d: date) -> str:
    return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


def _ref(doc: Doc) -> str:
    code = doc.code or f"/{doc.symbol}"
    return f"{doc.doc_type} số {code} {_date(doc.issue_date)}"


def generate(n: int, seed: int = 2025) -> list[Doc]:
    rng = random.Random(seed)
    v = vocabulary()
    provinces = [p for p in v.provinces_on("2025-07-01")]
    docs: list[Doc] = []
    counters: dict[str, int] = {}

    def number(key: str) -> int:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    n_central = max(1, int(n * CENTRAL_SHARE))
    n_province = int(n * PROVINCE_SHARE)
    n_department = int(n * DEPARTMENT_SHARE)
    start = date(2025, 1, 6)
    for _ in range(n_central):
        k = number("NQ-CP")
        when = start + timedelta(days=rng.randrange(300))
        docs.append(Doc(f"{k}/NQ-CP", "NQ-CP", k, "Nghị quyết", when, ("CHÍNH PHỦ",), "Hà Nội",
                        f"Về {rng.choice(TOPICS)}"))
    centrals = list(range(len(docs)))
    for _ in range(n_province):
        parent = rng.choice(centrals)
        p = rng.choice(provinces)
        unit = p.full_name.upper()
        kind = rng.choice(("Công văn", "Kế hoạch"))
        symbol = "UBND-KTTH" if kind == "Công văn" else "KH-UBND"
        k = number(f"{p.name}/{symbol}")
        blank = rng.random() < 0.05
        when = docs[parent].issue_date + timedelta(days=rng.randint(3, 40))
        subject = f"Triển khai Nghị quyết số {docs[parent].code} {_date(docs[parent].issue_date)} của Chính phủ"
        docs.append(Doc(None if blank else f"{k}/{symbol}", symbol, k, kind, when, ("ỦY BAN NHÂN DÂN", unit),
                        p.name, subject, [parent], province=p.name, level="province"))
    provincials = list(range(len(centrals), len(docs)))
    for _ in range(n_department):
        parent = rng.choice(provincials)
        pdoc = docs[parent]
        p = v.province(pdoc.province)
        dept = rng.choice(DEPARTMENTS)
        symbol = f"KH-{DEPARTMENT_SYMBOLS[dept]}"
        k = number(f"{p.name}/{dept}")
        when = pdoc.issue_date + timedelta(days=rng.randint(2, 30))
        ref = pdoc.code or f"/{pdoc.symbol}"
        subject = f"Thực hiện {pdoc.doc_type} số {ref} {_date(pdoc.issue_date)} của Ủy ban nhân dân {p.full_name}"
        docs.append(Doc(f"{k}/{symbol}", symbol, k, "Kế hoạch", when,
                        (f"UBND {p.full_name.upper()}", dept.upper()), p.name, subject, [parent],
                        province=p.name, level="department"))
    departmentals = list(range(len(provincials) + len(centrals), len(docs)))
    while len(docs) < n:
        parent = rng.choice(departmentals or provincials)
        pdoc = docs[parent]
        p = v.province(pdoc.province)
        commune = f"xã {rng.choice(('Đăk Hà', 'Tân Lập', 'Hòa Bình', 'Phú Lộc', 'An Khê', 'Thanh Sơn'))}"
        k = number(f"{p.name}/{commune}")
        when = pdoc.issue_date + timedelta(days=rng.randint(2, 30))
        subject = f"Triển khai {pdoc.doc_type} số {pdoc.code} {_date(pdoc.issue_date)} của {pdoc.issuer_block[-1].title()}"
        docs.append(Doc(f"{k}/UBND", "UBND", k, "Công văn", when,
                        (f"UBND {p.full_name.upper()}", f"ỦY BAN NHÂN DÂN {commune.upper()}"), p.name, subject,
                        [parent], province=p.name, level="commune"))
    for i, d in enumerate(docs):  # cross-citations: an earlier document of the same province or the centre
        if i and rng.random() < 0.3:
            j = rng.randrange(i)
            if j not in d.implements and docs[j].code:
                d.cites.append(j)
    return docs


def render(docs: list[Doc], i: int, rng: random.Random) -> str:
    d = docs[i]
    out = list(d.issuer_block) + [SEP, "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                   "---------------", ""]
    out.append(f"Số: {d.code or '     /' + d.symbol}")
    out += ["", f"{d.place}, {_date(d.issue_date)}", ""]
    if d.doc_type == "Công văn":
        out += [f"V/v {d.subject[0].lower()}{d.subject[1:]}", "", "Kính gửi:", "- Các sở, ban, ngành;",
                "- Ủy ban nhân dân các xã, phường.", ""]
    else:
        out += [d.doc_type.upper(), d.subject, ""]
    if d.level == "central":
        out += ["CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
                "Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc "
                "của Chính phủ;", "QUYẾT NGHỊ:", "",
                f"1. Phấn đấu tốc độ tăng trưởng kinh tế năm {d.issue_date.year} đạt 8% trở lên.",
                f"2. Các bộ, ngành, địa phương tập trung {rng.choice(TASKS)}."]
    for j in d.cites:
        c = docs[j]
        out.append(f"Căn cứ {_ref(c)};" if rng.random() < 0.5 else
                   f"Thực hiện các nhiệm vụ theo {_ref(c)}, thời gian qua các cấp đã triển khai nhiều giải pháp.")
    for j in d.implements:
        out.append(f"Thực hiện {_ref(docs[j])}, {d.issuer_block[-1].title()} yêu cầu như sau:")
    if d.level == "province":
        dept, other = rng.sample(DEPARTMENTS, 2)
        deadline = d.issue_date + timedelta(days=rng.randint(20, 90))
        growth = rng.choice(("10", "12,5", "9,5", "8,5"))
        out += [f"1. Phấn đấu tăng trưởng GRDP năm {d.issue_date.year} của tỉnh đạt {growth}% trở lên.",
                f"2. Giao {dept} chủ trì, phối hợp với {other} {rng.choice(TASKS)}, báo cáo Ủy ban nhân dân tỉnh "
                f"trước {_date(deadline)}.", ""]
    elif d.level in ("department", "commune"):
        out += [f"1. Các phòng, đơn vị {rng.choice(TASKS)}.", ""]
    out += ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN" if d.level != "department" else
            "GIÁM ĐỐC", "CHỦ TỊCH" if d.level != "department" else "", "", "Nguyễn Văn An", ""]
    return "\n".join(out)


def write(n: int, out: Path, seed: int = 2025) -> tuple[Path, Path]:
    docs = generate(n, seed)
    rng = random.Random(seed + 1)
    folder = out / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    truth = out / "truth.jsonl"
    with truth.open("w", encoding="utf-8") as handle:
        for i, d in enumerate(docs):
            name = f"{i:07d}.txt"
            (folder / name).write_text(render(docs, i, rng), encoding="utf-8")
            handle.write(json.dumps({
                "file": name, "code": d.code, "year": d.issue_date.year, "level": d.level,
                "implements": [docs[j].code or f"/{docs[j].symbol}" for j in d.implements],
                "implements_year": [docs[j].issue_date.year for j in d.implements],
            }, ensure_ascii=False) + "\n")
    return folder, truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    folder, truth = write(args.n, args.out, args.seed)
    print(f"{args.n} documents in {folder}, truth in {truth}")


if __name__ == "__main__":
    main()
