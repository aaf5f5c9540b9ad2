"""Mentions in real corpus sentences → references (code, date, issuer) and their relation."""

import pytest

from ingest import extract_text


def refs(text: str) -> dict:
    return {(r["code"] or r["title"]): r for r in extract_text(text).to_dict()["references"]}


MENTIONS = [
    # (sentence, code or title, issue_date, issuer, relation)
    # Hải Phòng seed: opening "Thực hiện X, [speaker] có ý kiến" → implements
    ("Thực hiện Nghị quyết số 124/NQ-CP ngày 08/5/2025 của Chính phủ về Phiên họp Chính phủ thường kỳ tháng 4 năm 2025 "
     "(gửi kèm theo), Chủ tịch Ủy ban nhân dân thành phố có ý kiến như sau:",
     "124/NQ-CP", "2025-05-08", "Chính phủ", "implements"),
    # 001: "Căn cứ" + a decree with a year in its code → based_on
    ("Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ;",
     "39/2022/NĐ-CP", "2022-06-18", "Chính phủ", "based_on"),
    # 145-2025-qd-ubnd-937d64 (145/2025/QĐ-UBND): "Căn cứ các Nghị định của Chính phủ: số …; số …" — a colon before the
    # numbers does not end the basis line: each is based_on (the contract's own example).
    ("Căn cứ các Nghị định của\nChính phủ: số 78/2025/NĐ-CP ngày 01/4/2025 quy định chi tiết một số điều; số\n187/2025/NĐ-CP "
     "ngày 01/7/2025 sửa đổi, bổ sung một số điều;", "187/2025/NĐ-CP", "2025-07-01", "Chính phủ", "based_on"),
    # 0129-kh-ubnd-85b593 (0129/KH-UBND of Đắk Lắk): "…; Các Công điện: số 007/CĐ-UBND …" in the same "Căn cứ" line.
    ("Căn cứ Công điện số 223/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ về tập trung ứng phó lũ; Các Công điện: số "
     "007/CĐ-UBND ngày\n17/11/2025 của UBND tỉnh về khẩn trương ứng phó;", "007/CĐ-UBND", "2025-11-17",
     "Ủy ban nhân dân tỉnh", "based_on"),
    # 001: a law cited by name and date
    ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "Luật Tổ chức Chính phủ", "2025-02-18", "Quốc hội", "based_on"),
    # 015: a law with only a year, in an opening "Thực hiện"
    ("Thực hiện Luật Phổ biến, giáo dục pháp luật năm 2012; Luật Hòa giải ở cơ sở năm 2013. Ủy ban nhân dân tỉnh ban hành Kế hoạch:",
     "Luật Hòa giải ở cơ sở", "2013", "Quốc hội", "implements"),
    # Kon Tum: a Party resolution in a numbered task, listed under "của Bộ Chính trị, gồm:" → cites, issuer carried
    ("1. Tập trung triển khai các nghị quyết của Chính phủ, của Tỉnh ủy về triển khai nghị quyết của Bộ Chính trị, gồm: "
     "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 về đột phá phát triển khoa học; Nghị quyết số 59-NQ/TW ngày 24 tháng 01 năm 2025.",
     "59-NQ/TW", "2025-01-24", "Bộ Chính trị", "cites"),
    # Kon Tum: issuer named before the mention ("đề nghị của X tại …"), qualified by the locality
    ("Kon Tum, ngày 1 tháng 6 năm 2025\nXét đề nghị của Sở Tài chính tại Công văn số 2522/STC-TH ngày 22 tháng 5 năm 2025, "
     "Ủy ban nhân dân tỉnh có ý kiến như sau:", "2522/STC-TH", "2025-05-22", "Sở Tài chính tỉnh Kon Tum", "cites"),
    # 045: "Thực hiện X, các Bộ, cơ quan đã …" recounts → cites
    ("Thực hiện Nghị quyết số 66/ NQ-CP ngày 26 tháng 3 năm 2025 của Chính phủ về Chương trình cắt giảm thủ tục hành chính "
     "và các Công điện chỉ đạo của Thủ tướng Chính phủ, các Bộ, cơ quan đã thực hiện rà soát.",
     "66/NQ-CP", "2025-03-26", "Chính phủ", "cites"),
    # Kon Tum item 5: "5. Thực hiện hiệu quả … tại Kế hoạch" is a numbered task, not an opening → cites
    ("5. Thực hiện hiệu quả nhiệm vụ, giải pháp tại Kế hoạch số 1268/KH-UBND ngày 16 tháng 4 năm 2025 của Ủy ban nhân dân tỉnh.",
     "1268/KH-UBND", "2025-04-16", "Ủy ban nhân dân tỉnh", "cites"),
    # 027: "theo tinh thần …" → cites
    ("1. Tiếp tục đẩy mạnh hội nhập quốc tế theo tinh thần Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị về hội nhập quốc tế.",
     "22-NQ/TW", "2013-04-10", "Bộ Chính trị", "cites"),
    # Kon Tum item 7: a steering committee's name carries its topic after "về"
    ("thực hiện không duy trì Cổng Dịch vụ công cấp tỉnh theo Thông báo số 14-TB/TGV ngày 21 tháng 4 năm 2025 của Tổ giúp việc "
     "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số. Rà soát, công bố danh mục.",
     "14-TB/TGV", "2025-04-21",
     "Tổ giúp việc Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "cites"),
    # 017: short alias "(Chỉ thị 16/CT-TTg)" joins the full mention
    ("áp dụng giãn cách xã hội theo Chỉ thị số 16/CT-TTg ngày 31 tháng 3 năm 2020 của Thủ tướng Chính phủ (Chỉ thị 16/CT-TTg) trên tinh thần.",
     "16/CT-TTg", "2020-03-31", "Thủ tướng Chính phủ", "cites"),
]


@pytest.mark.parametrize("text,key,date,issuer,relation", MENTIONS)
def test_mention(text, key, date, issuer, relation):
    ref = refs(text)[key]
    assert (ref["issue_date"], ref["issuer"], ref["relation"]) == (date, issuer, relation)


def test_nested_mentions_are_citations():
    # 008: 68-NQ/TW and 198/2025/QH15 sit inside the descriptions of the implemented resolutions.
    text = ("Thực hiện Nghị quyết số 138/NQ-CP ngày 16/5/2025 của Chính phủ về Ban hành Kế hoạch hành động của Chính phủ "
            "thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân (sau đây viết tắt là "
            "Nghị quyết số 138/NQ-CP); Nghị quyết số 139/NQ-CP ngày 17/05/2025 của Chính phủ về Ban hành Kế hoạch của Chính phủ "
            "triển khai Nghị quyết số 198/2025/QH15 ngày 17/5/2025 của Quốc hội. Chủ tịch UBND tỉnh ban hành Kế hoạch như sau:")
    got = {k: r["relation"] for k, r in refs(text).items()}
    assert got == {"138/NQ-CP": "implements", "68-NQ/TW": "cites", "139/NQ-CP": "implements", "198/2025/QH15": "cites"}
    assert len(refs(text)["138/NQ-CP"]["spans"]) == 2  # the alias is a second mention


def test_title_frame_of_own_plan_implements():
    # 002: "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW" in a Government resolution
    text = ("CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 03/NQ-CP | Hà Nội, ngày 09 tháng 01 năm 2025 |\nNGHỊ QUYẾT\n"
            "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM\n"
            "2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n")
    assert refs(text)["57-NQ/TW"]["relation"] == "implements"


def test_title_deploying_another_bodys_plan_only_cites():
    # 014: "TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 27-NQ/TW" in a provincial plan
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1902/KH-UBND\nPhú Thọ, ngày 25 tháng 5 năm 2023\n"
            "KẾ HOẠCH\nTRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 27-NQ/TW NGÀY 09/12/2022\n"
            "Thực hiện Nghị quyết số 77/NQ-CP ngày 12/5/2023 của Chính phủ ban hành Chương trình hành động, UBND tỉnh Phú Thọ ban hành Kế hoạch:\n")
    got = refs(text)
    assert got["27-NQ/TW"]["relation"] == "cites"
    assert got["77/NQ-CP"]["relation"] == "implements"


@pytest.mark.parametrize("text,code,relation", [
    # own-voice amendment in an Điều: "Quyết định này … thay thế …" → replaces
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1234/QĐ-UBND ngày 05/3/2020 của Ủy ban nhân dân tỉnh.",
     "1234/QĐ-UBND", "replaces"),
    ("Điều 2. Bãi bỏ Quyết định số 25/2019/QĐ-UBND ngày 10/6/2019 kể từ ngày Quyết định này có hiệu lực.", "25/2019/QĐ-UBND", "repeals"),
    # 021: "Sửa đổi, bổ sung" describing another resolution is not this document amending it
    ("Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 Sửa đổi, bổ sung cập nhật Chương trình hành động của Chính phủ;",
     "71/NQ-CP", "implements"),
])
def test_amendments(text, code, relation):
    assert refs(text)[code]["relation"] == relation


def test_footnote_reference_and_anaphora():
    # Kon Tum footnote 1 and Hậu Giang "Công văn nêu trên"
    text = ("Kon Tum, ngày 1 tháng 6 năm 2025\nChương trình hành động năm 20251, phấn đấu\nbảo \n\n                   \n"
            "1 Ban hành tại Quyết định số 43/QĐ-UBND ngày 20 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh. \n đảm đúng tiến độ. "
            "Ủy ban nhân dân tỉnh nhận được Công văn số 847/UBND-VX1 ngày 22 tháng 3 năm 2011 của UBND tỉnh Quảng Ninh, "
            "đề nghị thực hiện theo yêu cầu tại Công văn nêu trên./.\n")
    got = refs(text)
    assert got["43/QĐ-UBND"]["issuer"] == "Ủy ban nhân dân tỉnh Kon Tum"
    assert got["847/UBND-VX1"]["issuer"] == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert len(got["847/UBND-VX1"]["spans"]) == 2


def test_spans_point_at_the_mention():
    text = "Căn cứ Nghị quyết số 35/NQ-CP ngày\n04/6/2019 của Chính phủ về giáo dục;"
    (a, b), = refs(text)["35/NQ-CP"]["spans"]
    assert text[a:b] == "Nghị quyết số 35/NQ-CP"


def test_same_code_different_years_are_two_documents():
    text = "Căn cứ Nghị quyết số 02/NQ-CP ngày 08/01/2025; Nghị quyết số 02/NQ-CP ngày 08/01/2026 của Chính phủ;"
    ids = {r["id"] for r in extract_text(text).to_dict()["references"]}
    assert ids == {"vn/nq-cp/2025/02", "vn/nq-cp/2026/02"}
