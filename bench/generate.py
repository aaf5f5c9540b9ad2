"""A seeded synthetic cascade in the corpus's own forms, with its ground truth.

``python -m bench.generate N OUT [--seed S]`` writes N documents as .txt under OUT/docs and the truth as
OUT/truth.jsonl (one line per document: its code, issue date, what it implements, the named assignments
with their deadlines, and its targets). The cascade: Government resolutions (a situation report full of
statistics that are not targets, numbered tasks led by ministries with deadlines, the national 8% growth
target) → provincial letters and plans implementing them (a local growth target, department assignments
with deadlines, general tasks, sometimes a footnote below a rule) → department plans → commune letters;
blank numbers (5%) and cross-citations of earlier documents ("Căn cứ …", "Thực hiện … thời gian qua …") as
in real files. Provincial plans and decisions print their task sections as whole documents do: a
decision's articles and execution clause ("Giám đốc các Sở: Tài chính, Xây dựng; …"), the plan attached
after its signature, a "Mục tiêu cụ thể" list of goals, "TỔ CHỨC THỰC HIỆN" with a heading per department
over its lettered duties, and an annex table of tasks (chủ trì / phối hợp / thời gian). Titles are in
capitals as printed; sizes run from ~1 KB (commune letters) to ~8 KB.

A few documents carry the rarer forms the analyst's questions look for (whether a document does is drawn from a
random stream of its own, seeded like the rest): ~15% of the Government resolutions carry out a real Party resolution
(57-, 66- or 68-NQ/TW) as 138/NQ-CP does (title, "Căn cứ", "Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch
hành động …", the plan attached with a national target that provincial plans set higher); ~8% of the provincial
decisions are replaced a few days later by another ("Quyết định này có hiệu lực thi hành kể từ ngày ký và thay
thế Quyết định số …"), which plans issued after it still carry out; and provincial documents issued before
1 March 2025 also task Sở Kế hoạch và Đầu tư, which the registry merged into Sở Tài chính that day. The truth
holds the Party resolutions among the documents carried out, and the new targets and assignments.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from functools import cache
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
# Real Party resolutions a share of the Government's resolutions carry out, as 138/NQ-CP carries out 68-NQ/TW
# ("BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 68-NQ/TW NGÀY 04 THÁNG 5 NĂM 2025 CỦA BỘ
# CHÍNH TRỊ VỀ PHÁT TRIỂN KINH TẾ TƯ NHÂN"): code, day, body, subject. Only those issued before a resolution
# can be carried out by it.
PARTY = (("57-NQ/TW", date(2024, 12, 22), "Bộ Chính trị",
          "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
         ("66-NQ/TW", date(2025, 4, 30), "Bộ Chính trị",
          "đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới"),
         ("68-NQ/TW", date(2025, 5, 4), "Bộ Chính trị", "phát triển kinh tế tư nhân"))
PARTY_SHARE = 0.15  # of the Government's resolutions
# Of the provincial decisions with a number: replaced a few days later by a new decision of the same province
# ("Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số …"), while plans issued after it
# still carry out the old one.
REPLACED_SHARE = 0.08
REPLACED_AFTER = (3, 15)  # days between a decision and the one replacing it
# A department the registry has merged (succession.toml: into Sở Tài chính on 1 March 2025): provincial
# documents issued before the merger also task it, as 2018's letters do ("Giao Sở Kế hoạch và Đầu tư chủ trì …").
MERGED_DEPARTMENT = "Sở Kế hoạch và Đầu tư"
# A national target that provincial plans set higher ("Mục tiêu cụ thể" of the Government's action plans, the
# indicator worded as the provincial goal is, GOALS[0]).
NATIONAL_GOAL = ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt {v}% trở lên", "80", ">=")


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
    party: tuple | None = None  # the Party resolution (an item of PARTY) a Government resolution carries out
    replaces: int | None = None  # index of the decision this one replaces


def _date(d: date) -> str:
    return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


def _ref(doc: Doc) -> str:
    code = doc.code or f"/{doc.symbol}"
    return f"{doc.doc_type} số {code} {_date(doc.issue_date)}"


def _party_ref(party: tuple) -> str:
    """"Nghị quyết số 68-NQ/TW ngày 04 tháng 5 năm 2025 của Bộ Chính trị về phát triển kinh tế tư nhân"."""
    code, day, body, about = party
    return f"Nghị quyết số {code} {_date(day)} của {body} về {about}"


@cache
def merged_on(name: str = MERGED_DEPARTMENT) -> date:
    """The day the registry says ``name`` was merged into another body."""
    event, _ = vocabulary().next_change(name)
    return date.fromisoformat(event.date)


def departments(d: Doc) -> tuple[str, ...]:
    """The provincial departments a document of ``d``'s day can task: the merged one too before its merger."""
    return DEPARTMENTS + (MERGED_DEPARTMENT,) if d.issue_date < merged_on() else DEPARTMENTS


def generate(n: int, seed: int = 2025) -> list[Doc]:
    rng = random.Random(seed)
    forms = random.Random(f"{seed}/forms")  # the rarer forms drawn apart, so the main draws stay as they were
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
        subject, party = f"Về {rng.choice(TOPICS)}", None
        if forms.random() < PARTY_SHARE:
            party = forms.choice([p for p in PARTY if p[1] < when])
            subject = f"Ban hành Kế hoạch hành động của Chính phủ thực hiện {_party_ref(party)}"
        docs.append(Doc(f"{k}/NQ-CP", "NQ-CP", k, "Nghị quyết", when, ("CHÍNH PHỦ",), "Hà Nội", subject,
                        party=party))
    centrals = list(range(len(docs)))
    for _ in range(n_province):
        parent = rng.choice(centrals)
        p = rng.choice(provinces)
        unit = p.full_name.upper()
        kind = rng.choice(("Công văn", "Kế hoạch", "Quyết định"))
        symbol = {"Công văn": "UBND-KTTH", "Kế hoạch": "KH-UBND", "Quyết định": "QĐ-UBND"}[kind]
        k = number(f"{p.name}/{symbol}")
        blank = rng.random() < 0.05
        when = docs[parent].issue_date + timedelta(days=rng.randint(3, 40))
        subject = f"Triển khai Nghị quyết số {docs[parent].code} {_date(docs[parent].issue_date)} của Chính phủ"
        if kind == "Quyết định":
            subject = f"Ban hành Kế hoạch thực hiện Nghị quyết số {docs[parent].code} {_date(docs[parent].issue_date)} " \
                      "của Chính phủ"
        docs.append(Doc(None if blank else f"{k}/{symbol}", symbol, k, kind, when, ("ỦY BAN NHÂN DÂN", unit),
                        p.name, subject, [parent], province=p.name, level="province"))
        if kind == "Quyết định" and not blank and forms.random() < REPLACED_SHARE:
            old = docs[-1]
            k = number(f"{p.name}/{symbol}")
            docs.append(Doc(f"{k}/{symbol}", symbol, k, kind, when + timedelta(days=forms.randint(*REPLACED_AFTER)),
                            old.issuer_block, p.name, subject, [parent], province=p.name, level="province",
                            replaces=len(docs) - 1))
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
            if j not in d.implements and docs[j].code and docs[j].issue_date < d.issue_date:
                d.cites.append(j)
    return docs


MINISTRIES = ("Bộ Tài chính", "Bộ Xây dựng", "Bộ Công Thương", "Bộ Nội vụ", "Bộ Khoa học và Công nghệ",
              "Bộ Nông nghiệp và Môi trường", "Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Tư pháp")
# Narrative of the situation: statistics and forecasts, never targets.
SITUATION = (
    "Tổng sản phẩm trong nước quý I ước tăng {a},{b}% so với cùng kỳ năm trước, mức tăng cao nhất trong giai đoạn "
    "2020 - 2025.",
    "Thu ngân sách nhà nước {m} tháng đầu năm ước đạt {c},{b}% dự toán, tăng {a},{b}% so với cùng kỳ.",
    "Giải ngân vốn đầu tư công đến hết tháng {m} đạt {c},{a}% kế hoạch Thủ tướng Chính phủ giao, cao hơn cùng kỳ "
    "năm trước cả về tỷ lệ và số tuyệt đối.",
    "Kim ngạch xuất khẩu hàng hóa tăng {a},{b}%, cán cân thương mại tiếp tục xuất siêu; lạm phát được kiểm soát "
    "ở mức phù hợp.",
    "Tuy nhiên, nền kinh tế vẫn còn những hạn chế, khó khăn: sản xuất kinh doanh ở một số lĩnh vực còn gặp khó "
    "khăn, thị trường bất động sản phục hồi chậm, việc xử lý một số dự án tồn đọng kéo dài còn chậm.",
    "Công tác cải cách thủ tục hành chính, chuyển đổi số được đẩy mạnh; tỷ lệ hồ sơ trực tuyến toàn trình đạt "
    "{c},{a}% tổng số hồ sơ tiếp nhận.",
    "Các lĩnh vực văn hóa, xã hội được quan tâm; an sinh xã hội được bảo đảm; quốc phòng, an ninh được giữ vững; "
    "trật tự, an toàn xã hội được bảo đảm.",
)
# What provinces and departments are told to do (general tasks, no named agency).
GENERAL = (
    "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường căn cứ chức năng, nhiệm vụ được giao khẩn trương xây dựng "
    "kế hoạch cụ thể, xác định rõ nhiệm vụ, tiến độ và trách nhiệm của từng cơ quan, đơn vị.",
    "Tiếp tục quán triệt, thực hiện nghiêm các chỉ đạo của Trung ương, của Chính phủ, Thủ tướng Chính phủ; tập "
    "trung tháo gỡ khó khăn, vướng mắc cho sản xuất kinh doanh, thúc đẩy tăng trưởng gắn với giữ vững ổn định.",
    "Đẩy mạnh cải cách thủ tục hành chính, cắt giảm thời gian, chi phí tuân thủ cho người dân, doanh nghiệp; "
    "nâng cao chất lượng cung cấp dịch vụ công trực tuyến.",
    "Tăng cường kỷ luật, kỷ cương hành chính; kiên quyết xử lý tình trạng né tránh, đùn đẩy, sợ trách nhiệm "
    "trong thực thi công vụ.",
    "Chủ động theo dõi diễn biến thời tiết, triển khai các phương án phòng, chống thiên tai, bảo đảm an toàn "
    "tính mạng và tài sản của Nhân dân.",
)


@dataclass
class Rendered:
    text: str
    assignments: list[tuple[str, str, str | None]]  # (agency as the registry names it, role, deadline)
    targets: list[tuple[float, str, str, str]]        # (value, unit, comparator, scope)


def _deadline_phrase(rng: random.Random, d: date, central: bool) -> tuple[str, str]:
    """("trước ngày 31 tháng 5 năm 2025", "2025-05-31") or ("hoàn thành trong tháng 6 năm 2025", "2025-06-30")."""
    if central or rng.random() < 0.3:
        end = (date(d.year + (d.month == 12), d.month % 12 + 1, 1) - timedelta(days=1))
        return f"hoàn thành trong tháng {d.month} năm {d.year}", end.isoformat()
    return f"trước {_date(d)}", d.isoformat()


def _situation(rng: random.Random, k: int) -> list[str]:
    return [rng.choice(SITUATION).format(a=rng.randint(1, 9), b=rng.randint(1, 9), c=rng.randint(20, 60),
                                         m=rng.randint(2, 10)) for _ in range(k)]


def _numbered_tasks(rng: random.Random, d: Doc, out: list[str], assigned: list, numbers: range, share: float,
                    bodies: tuple[str, ...], days: tuple[int, int], central: bool, sentence, registry_name) -> None:
    """Numbered items: a ``share`` of them a lead and a supporting body with a deadline (in ``assigned``
    under the name the registry gives them), the rest general tasks."""
    for n in numbers:
        if rng.random() < share:
            lead, support = rng.sample(bodies, 2)
            when = d.issue_date + timedelta(days=rng.randint(*days))
            phrase, iso_day = _deadline_phrase(rng, when, central=central)
            out.append(f"{n}. " + sentence(lead, support, rng.choice(TASKS), phrase))
            assigned += [(registry_name(lead), "lead", iso_day), (registry_name(support), "support", iso_day)]
        else:
            out.append(f"{n}. {rng.choice(GENERAL)}")


# Goals in a plan's "Mục tiêu cụ thể" list: (text with {v}, value choices, comparator).
GOALS = (("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt {v}% trở lên", ("70", "80", "90"), ">="),
         ("Tỷ lệ giải ngân vốn đầu tư công đạt {v}% kế hoạch được giao", ("95", "100"), "="),
         ("{v}% cơ quan, đơn vị triển khai ứng dụng chữ ký số trong xử lý văn bản", ("100",), "="))


def _plan_sections(rng: random.Random, d: Doc, province, assigned: list, targets: list) -> list[str]:
    """A provincial plan's own sections as real plans print them: purposes, a "Mục tiêu cụ thể" list of
    goals, and "TỔ CHỨC THỰC HIỆN" with a heading per department over its lettered duties (a lead duty with
    a partner and a deadline, a duty that opens with "Phối hợp"), then the general duty of all."""
    year = d.issue_date.year
    out = ["I. MỤC ĐÍCH, YÊU CẦU", rng.choice(GENERAL), "", "II. MỤC TIÊU", "1. Mục tiêu chung", rng.choice(GENERAL),
           "2. Mục tiêu cụ thể"]
    growth = rng.choice(("10", "12,5", "9,5", "8,5"))
    out.append(f"- Tăng trưởng GRDP năm {year} đạt {growth}% trở lên.")
    targets.append((float(growth.replace(",", ".")), "%", ">=", province.full_name))
    for text, values, cmp in rng.sample(GOALS, 2):
        value = rng.choice(values)
        out.append(f"- {text.format(v=value)}.")
        targets.append((float(value), "%", cmp, province.full_name))
    out += ["", "III. TỔ CHỨC THỰC HIỆN"]
    pool = departments(d)
    for n, dept in enumerate(rng.sample(pool, rng.randint(2, 4)), 1):
        partner, other = rng.sample([x for x in pool if x != dept], 2)
        when = d.issue_date + timedelta(days=rng.randint(20, 120))
        phrase, iso_day = _deadline_phrase(rng, when, central=False)
        out += [f"{n}. {dept}", f"a) Chủ trì, phối hợp với {partner} {rng.choice(TASKS)}, {phrase}.",
                f"b) Phối hợp với {other} {rng.choice(TASKS)}."]
        name = f"{dept} {province.full_name}"
        assigned += [(name, "lead", iso_day), (f"{partner} {province.full_name}", "support", iso_day),
                     (name, "support", None), (f"{other} {province.full_name}", "support", None)]
    out += [f"{n + 1}. {GENERAL[0]}", ""]
    return out


def _annex(rng: random.Random, d: Doc, province, assigned: list) -> list[str]:
    """An annex table printed as text, a cell per paragraph: "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
    hợp | Thời gian hoàn thành"; a year is its 31 December, a quarter its last day."""
    year = d.issue_date.year
    out = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ TRỌNG TÂM", f"(Kèm theo {d.doc_type} số {d.code or '/' + d.symbol})", "",
           "STT", "", "Nhiệm vụ", "", "Cơ quan chủ trì", "", "Cơ quan phối hợp", "", "Thời gian hoàn thành", ""]
    for n in range(1, rng.randint(2, 5)):
        lead, support = rng.sample(departments(d), 2)
        if rng.random() < 0.5:
            when, iso_day = f"Năm {year}", f"{year}-12-31"
        else:
            q = rng.randint(1, 4)
            month = 3 * q
            end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
            when, iso_day = f"Quý {('I', 'II', 'III', 'IV')[q - 1]} năm {year}", end.isoformat()
        task = rng.choice(TASKS)
        out += [str(n), "", task[:1].upper() + task[1:], "", lead, "", support, "", when, ""]
        assigned += [(f"{lead} {province.full_name}", "lead", iso_day), (f"{support} {province.full_name}", "support", iso_day)]
    return out


def _ministry_tasks(rng: random.Random, d: Doc, out: list[str], assigned: list) -> None:
    """A Government resolution's numbered tasks led by ministries, then its execution clause."""
    _numbered_tasks(rng, d, out, assigned, range(2, rng.randint(8, 12)), 0.5, MINISTRIES, (30, 120), True,
                    lambda lead, support, task, when: f"{lead} chủ trì, phối hợp với {support} và các cơ quan "
                                                      f"liên quan {task}, {when}.",
                    lambda agency: agency)
    out += ["", "III. TỔ CHỨC THỰC HIỆN", "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân "
            "các tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm thi hành Nghị quyết này./.", ""]


def render(docs: list[Doc], i: int, rng: random.Random) -> Rendered:
    d = docs[i]
    assigned: list[tuple[str, str, str | None]] = []
    targets: list[tuple[float, str, str, str]] = []
    out = list(d.issuer_block) + [SEP, "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                   "---------------", ""]
    out.append(f"Số: {d.code or '     /' + d.symbol}")
    out += ["", f"{d.place}, {_date(d.issue_date)}", ""]
    if d.doc_type == "Công văn":
        out += [f"V/v {d.subject[0].lower()}{d.subject[1:]}", "", "Kính gửi:", "- Các sở, ban, ngành;",
                "- Ủy ban nhân dân các xã, phường.", ""]
    else:
        out += [d.doc_type.upper(), d.subject.upper(), ""]
    cites = [f"Căn cứ {_ref(docs[j])};" if rng.random() < 0.5 else
             f"Thực hiện các nhiệm vụ theo {_ref(docs[j])}, thời gian qua các cấp đã triển khai nhiều giải pháp."
             for j in d.cites]
    year = d.issue_date.year
    if d.level == "central" and d.party:
        return _action_plan(rng, d, out, cites)
    if d.level == "central":
        out += ["CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
                "Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc "
                "của Chính phủ;", *cites, f"Theo đề nghị của Bộ trưởng {rng.choice(MINISTRIES)};", "",
                "QUYẾT NGHỊ:", "", "I. ĐÁNH GIÁ TÌNH HÌNH", " ".join(_situation(rng, 5)), "",
                "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM",
                f"1. Phấn đấu tốc độ tăng trưởng kinh tế năm {year} đạt 8% trở lên."]
        targets.append((8.0, "%", ">=", "cả nước"))
        _ministry_tasks(rng, d, out, assigned)
    else:
        unit = v_province(d).unit
        speaker = f"Ủy ban nhân dân {unit}" if d.level == "province" else \
            (d.issuer_block[-1].capitalize() if d.level == "department" else "Ủy ban nhân dân xã")
        if d.doc_type == "Quyết định":  # a decision's preamble: the enacting head, its bases, "QUYẾT ĐỊNH:"
            out += [f"CHỦ TỊCH ỦY BAN NHÂN DÂN {v_province(d).full_name.upper()}", "",
                    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", *cites,
                    "Theo đề nghị của Giám đốc Sở Tài chính.", "", "QUYẾT ĐỊNH:", ""]
        else:
            out += cites
            for j in d.implements:
                parent = docs[j]
                if parent.party:  # "Thực hiện Nghị quyết số 138/NQ-CP … của Chính phủ về Ban hành Kế hoạch hành động …"
                    about = f"của Chính phủ về {parent.subject}"
                elif parent.subject.startswith("Về "):
                    about = f"về {parent.subject[3:]}"
                else:
                    about = "về việc triển khai các nhiệm vụ trọng tâm"
                out.append(f"Thực hiện {_ref(parent)} {about}, {speaker} yêu cầu như sau:")
    province = v_province(d)
    if d.level == "province" and d.doc_type == "Quyết định":
        parent = docs[d.implements[0]]
        heads = rng.sample(departments(d), 2)
        out += [f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện {_ref(parent)} của Chính phủ.",
                _in_force(docs, d, parent, province),
                f"Điều 3. Chánh Văn phòng Ủy ban nhân dân {province.unit}, Giám đốc các Sở: "
                f"{heads[0].removeprefix('Sở ')}, {heads[1].removeprefix('Sở ')}; Chủ tịch Ủy ban nhân dân các xã, "
                "phường và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.", ""]
        assigned += [(f"Giám đốc {h} {province.full_name}", "all", None) for h in heads]
        out += ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn An", ""]
        out += ["KẾ HOẠCH", f"THỰC HIỆN NGHỊ QUYẾT SỐ {parent.code} CỦA CHÍNH PHỦ",
                f"(Kèm theo Quyết định số {d.code or '/' + d.symbol} {_date(d.issue_date)} của Ủy ban nhân dân "
                f"{province.unit})", ""]
        out += _plan_sections(rng, d, province, assigned, targets)
        if rng.random() < 0.5:
            out += _annex(rng, d, province, assigned)
        return Rendered("\n".join(out), assigned, targets)
    if d.level == "province" and d.doc_type == "Kế hoạch":
        out += _plan_sections(rng, d, province, assigned, targets)
        annex = _annex(rng, d, province, assigned) if rng.random() < 0.5 else []
        out += ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn An",
                "", *annex]
        return Rendered("\n".join(out), assigned, targets)
    if d.level == "province":
        out.append("1. Đánh giá tình hình")
        out.append(" ".join(_situation(rng, 4)))
        out.append(" ".join(rng.sample(GENERAL, 2)))
        growth = rng.choice(("10", "12,5", "9,5", "8,5"))
        out.append(f"2. Phấn đấu tăng trưởng GRDP năm {year} của {province.unit} đạt {growth}% trở lên.")
        targets.append((float(growth.replace(",", ".")), "%", ">=", province.full_name))
        _numbered_tasks(rng, d, out, assigned, range(3, rng.randint(5, 9)), 0.6, departments(d), (20, 90), False,
                        lambda lead, support, task, when: f"Giao {lead} chủ trì, phối hợp với {support} {task}, "
                                                          f"báo cáo Ủy ban nhân dân {province.unit} {when}.",
                        lambda agency: f"{agency} {province.full_name}")
        if rng.random() < 0.2:  # a footnote below a rule, as in printed letters
            out[-1] = out[-1][:-1] + f" theo Chương trình hành động của tỉnh1."
            out += ["", "_______________", f"1 Ban hành tại Quyết định số {rng.randint(10, 999)}/QĐ-UBND "
                    f"{_date(d.issue_date - timedelta(days=rng.randint(30, 200)))} của Ủy ban nhân dân {province.unit}."]
        out.append("")
    elif d.level == "department":
        out += ["I. MỤC ĐÍCH, YÊU CẦU", rng.choice(GENERAL), rng.choice(GENERAL), "II. NHIỆM VỤ CỤ THỂ"]
        out += [f"{n}. Các phòng, đơn vị {rng.choice(TASKS)}." for n in range(1, rng.randint(3, 6))]
        out += ["III. TỔ CHỨC THỰC HIỆN", "Thủ trưởng các phòng, đơn vị thuộc Sở chịu trách nhiệm tổ chức thực hiện "
                "Kế hoạch này; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo Giám đốc Sở "
                "để xem xét, giải quyết./.", ""]
    elif d.level == "commune":
        out += [f"1. Các bộ phận chuyên môn {rng.choice(TASKS)}.", ""]
    signature = {"central": ["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "", "Phạm Minh Chính"],
                 "department": ["GIÁM ĐỐC", "", "Trần Văn Bình"]}.get(d.level, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "",
                                                                              "Nguyễn Văn An"])
    out += ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", *signature, ""]
    return Rendered("\n".join(out), assigned, targets)


def _in_force(docs: list[Doc], d: Doc, parent: Doc, province) -> str:
    """A decision's article on when it takes effect, and the decision it replaces if any (2610/QĐ-UBND's form:
    "Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 927/QĐ-UBND ngày … của …
    về việc …")."""
    if d.replaces is None:
        return "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký."
    return (f"Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế {_ref(docs[d.replaces])} của Ủy "
            f"ban nhân dân {province.full_name} về việc ban hành Kế hoạch thực hiện {_ref(parent)} của Chính phủ.")


def _action_plan(rng: random.Random, d: Doc, out: list[str], cites: list[str]) -> Rendered:
    """A Government resolution that carries out a Party resolution, as 138/NQ-CP prints it: the Party
    resolution among the bases, "Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch hành động của Chính phủ
    thực hiện …", the signature, then the action plan: its "Mục tiêu cụ thể" (a national target, NATIONAL_GOAL)
    and its numbered tasks led by ministries (the national growth target first)."""
    party, year = _party_ref(d.party), d.issue_date.year
    assigned: list[tuple[str, str, str | None]] = []
    text, value, cmp = NATIONAL_GOAL
    targets = [(float(value), "%", cmp, "cả nước"), (8.0, "%", ">=", "cả nước")]
    out += ["CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", f"Căn cứ {party};",
            "Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc "
            "của Chính phủ;", *cites, f"Theo đề nghị của Bộ trưởng {rng.choice(MINISTRIES)};",
            "Trên cơ sở kết quả biểu quyết của các Thành viên Chính phủ.", "", "QUYẾT NGHỊ:", "",
            f"Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch hành động của Chính phủ thực hiện {party}.",
            "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.",
            "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân "
            "các tỉnh, thành phố trực thuộc Trung ương và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm "
            "thi hành Nghị quyết này./.", "",
            "Nơi nhận:", "- Ban Bí thư Trung ương Đảng;", "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
            "- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;", "- Lưu: VT.", "", "TM. CHÍNH PHỦ", "THỦ TƯỚNG",
            "", "Phạm Minh Chính", "",
            "KẾ HOẠCH HÀNH ĐỘNG", f"CỦA CHÍNH PHỦ THỰC HIỆN {party.upper()}",
            f"(Kèm theo Nghị quyết số {d.code} {_date(d.issue_date)} của Chính phủ)", "",
            "I. MỤC TIÊU", "1. Mục tiêu chung", rng.choice(GENERAL), "2. Mục tiêu cụ thể", f"- {text.format(v=value)}.",
            "", "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", f"1. Phấn đấu tốc độ tăng trưởng kinh tế năm {year} đạt 8% trở lên."]
    _ministry_tasks(rng, d, out, assigned)
    return Rendered("\n".join(out), assigned, targets)


def v_province(d: Doc):
    return vocabulary().province(d.province) if d.province else None


def write(n: int, out: Path, seed: int = 2025) -> tuple[Path, Path]:
    docs = generate(n, seed)
    rng = random.Random(seed + 1)
    folder = out / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    truth = out / "truth.jsonl"
    with truth.open("w", encoding="utf-8") as handle:
        for i, d in enumerate(docs):
            name = f"{i:07d}.txt"
            rendered = render(docs, i, rng)
            (folder / name).write_text(rendered.text, encoding="utf-8")
            handle.write(json.dumps({
                "file": name, "code": d.code, "year": d.issue_date.year, "level": d.level,
                "implements": [docs[j].code or f"/{docs[j].symbol}" for j in d.implements] + ([d.party[0]] if d.party else []),
                "implements_year": [docs[j].issue_date.year for j in d.implements] + ([d.party[1].year] if d.party else []),
                "assignments": rendered.assignments, "targets": rendered.targets,
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
