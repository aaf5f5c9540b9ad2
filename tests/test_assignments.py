"""Who must do what, by when: real sentences in a minimal letter → assignments (issue 4, item 1)."""

import pytest

from ingest import extract_text

KON_TUM_HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/UBND-KTTH Kon Tum, ngày 20 tháng 5 năm 2025\n"
                  "V/v triển khai Nghị quyết số 124/NQ-CP\n\nKính gửi:\n- Các sở, ban ngành, đơn vị thuộc tỉnh;\n"
                  "- Ủy ban nhân dân các huyện, thành phố.\n\n")
# A plan whose title is not in capitals (no title found): the header must not be read as a sentence —
# "… Độc lập - Tự do …" once made the issuer block a "lead" ("lập" starts a task).
PLAN_HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 1/KH-UBND\n\nAn Giang, ngày 20 tháng 3 năm 2025\n\n"
               "KẾ HOẠCH\nTriển khai Nghị quyết số 10/NQ-CP ngày 25 tháng 2 năm 2025 của Chính phủ\n\n")
NO_PROVINCE = ""  # no header: agencies stay unqualified

ROWS = [
    # Hải Phòng seed, item 2: lead; "các cơ quan liên quan" is a catch-all.
    (KON_TUM_HEADER, "2. Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với các cơ quan liên quan\nchuẩn bị đầy đủ "
     "điều kiện phục vụ kỳ thi tốt nghiệp trung học phổ thông năm 2025.",
     [("Sở Giáo dục và Đào tạo tỉnh Kon Tum", "lead", None)]),
    # Hải Phòng seed, item 3: lead + support.
    (KON_TUM_HEADER, "3. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Ban Tuyên\ngiáo và Dân vận "
     "Tỉnh ủy, các cơ quan thông tấn, báo chí tiếp tục đẩy mạnh truyền thông chính sách.",
     [("Sở Văn hóa, Thể thao và Du lịch tỉnh Kon Tum", "lead", None),
      ("Ban Tuyên giáo và Dân vận Tỉnh ủy Kon Tum", "support", None),
      ("Các cơ quan thông tấn, báo chí", "support", None)]),
    # Kon Tum seed: a subject-first introducer carries its numbered items; item 4's date adds an entry;
    # item 10 sends to Sở Xây dựng, which leads with its own date.
    (KON_TUM_HEADER, "Ủy ban nhân dân tỉnh có ý kiến như sau:\nCác sở, ban ngành, đơn vị thuộc tỉnh, Ủy ban nhân "
     "dân các huyện, thành\nphố căn cứ chức năng, nhiệm vụ, tập trung thực hiện hiệu quả một số nội dung sau:\n"
     "1. Tập trung triển khai thực hiện nghiêm túc, hiệu quả các văn bản chỉ đạo.\n"
     "4. Chủ động rà soát, ban hành theo thẩm quyền các văn bản quy phạm pháp luật; hoàn thành trước ngày 30 "
     "tháng 6 năm 2025.\n"
     "10. Rà soát, tổng hợp các công trình, dự án quan trọng, gửi Sở Xây dựng để tổng hợp tham mưu Ủy ban nhân dân\n"
     "tỉnh báo cáo Bộ Xây dựng trước ngày 25 tháng 7 năm 2025.\n"
     "Ủy ban nhân dân tỉnh báo để các đơn vị, địa phương biết, thực hiện./.",
     [("Các sở, ban ngành, đơn vị thuộc tỉnh Kon Tum", "all", None),
      ("Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Kon Tum", "all", None),
      ("Các sở, ban ngành, đơn vị thuộc tỉnh Kon Tum", "all", "2025-06-30"),
      ("Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Kon Tum", "all", "2025-06-30"),
      ("Sở Xây dựng tỉnh Kon Tum", "lead", "2025-07-25")]),
    # 046: "Giao … chủ trì"; the next subjectless sentence gives the deadline; a single named body
    # under "yêu cầu" leads.
    (NO_PROVINCE, "Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến chỉ đạo:\nGiao Sở Kế hoạch và Đầu tư chủ trì phối "
     "hợp với các đơn vị liên quan tham gia ý kiến vào dự thảo Chỉ thị. Yêu cầu hoàn thiện gửi ý kiến tham gia về Bộ "
     "Kế hoạch và Đầu tư trước ngày 28/9/2018. Căn cứ nội dung này, Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Kế hoạch "
     "và Đầu tư triển khai thực hiện.",
     [("Sở Kế hoạch và Đầu tư", "lead", None), ("Sở Kế hoạch và Đầu tư", "lead", "2018-09-28")]),
    # 037: "yêu cầu" a list of tiers → role all for each.
    (NO_PROVINCE, "Để hoàn thành nhiệm vụ kế hoạch năm 2001, Thủ tướng Chính phủ yêu cầu các Bộ, ngành, địa phương "
     "và cơ sở cần tập trung thực hiện tốt các Nghị quyết của Quốc hội.",
     [("Các Bộ, ngành", "all", None), ("Các địa phương", "all", None), ("Các cơ sở", "all", None)]),
    # 054: "yêu cầu:" then a subject-first sentence; the body names the province, so it qualifies.
    (NO_PROVINCE, "Nhân dịp Lễ hội, Ủy ban nhân dân tỉnh An Giang yêu cầu:\nỦy ban nhân dân các huyện, thị, thành phố "
     "vận động nhân dân treo cờ tổ quốc, bắt đầu từ ngày 22/02/2006.",
     [("Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh An Giang", "all", None)]),
    # 006: the execution clause.
    (NO_PROVINCE, "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban\n"
     "nhân dân các tỉnh, thành phố trực thuộc Trung ương và các cơ quan, tổ chức, cá nhân có liên quan\nchịu trách "
     "nhiệm thi hành Nghị quyết này./.",
     [("Các bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "all", None),
      ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "all", None)]),
    # 024: a report on what the Government did is no assignment (not an item, no colon, no request).
    (NO_PROVINCE, "Năm 2024, Chính phủ, Thủ tướng Chính phủ đã chỉ đạo triển khai quyết liệt các nhiệm vụ. Chính phủ "
     "tập trung thực hiện 3 đột phá chiến lược.", []),
    # 010: narrative about provinces, no order.
    (NO_PROVINCE, "Chính phủ đã hoàn thành sắp xếp tổ chức bộ máy. Các tỉnh, thành phố thực hiện sắp xếp bộ máy theo "
     "mô hình chính quyền địa phương 2 cấp, tạo không gian phát triển mới.", []),
    # "Xét đề nghị của Sở Tài chính" is a request made *to* the issuer, not an assignment.
    (KON_TUM_HEADER, "Xét đề nghị của Sở Tài chính tại Công văn số 2522/STC-TH ngày 22 tháng 5 năm 2025, Ủy ban nhân "
     "dân tỉnh có ý kiến như sau: thống nhất chủ trương.", []),
    # An item that opens with its agencies and an obligation word.
    (KON_TUM_HEADER, "a) Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu phân bổ kinh phí.",
     [("Sở Tài chính tỉnh Kon Tum", "lead", None), ("Sở Nội vụ tỉnh Kon Tum", "support", None)]),
    # Header without a capitalised title: only the body's assignment.
    (PLAN_HEADER, "2. Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh ban hành "
     "kế hoạch, báo cáo Ủy ban nhân dân tỉnh trước ngày 31 tháng 5 năm 2025.",
     [("Sở Công Thương tỉnh An Giang", "lead", "2025-05-31"), ("Sở Tư pháp tỉnh An Giang", "support", "2025-05-31")]),
    # Recurring reporting keeps the phrase, no date.
    (KON_TUM_HEADER, "Giao Sở Tài chính chủ trì theo dõi, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng tháng.",
     [("Sở Tài chính tỉnh Kon Tum", "lead", None)]),
]


@pytest.mark.parametrize("header, body, expected", ROWS)
def test_assignments(header, body, expected):
    record = extract_text(header + body).to_dict()
    got = [(a["agency"], a["role"], a["deadline"]) for a in record["assignments"]]
    assert got == expected


def test_assignment_points_at_its_sentence():
    text = KON_TUM_HEADER + "2. Giao Sở Giáo dục và Đào tạo chủ trì chuẩn bị kỳ thi năm 2025."
    (a,) = extract_text(text).to_dict()["assignments"]
    assert text[a["span"][0]:a["span"][1]].startswith("Giao Sở Giáo dục và Đào tạo chủ trì")
    assert a["task"] == "Giao Sở Giáo dục và Đào tạo chủ trì chuẩn bị kỳ thi năm 2025"
    assert (a["agency_match"], a["confidence"]) == ("registry", 1.0)


def test_recurring_deadline_is_kept_as_text():
    text = KON_TUM_HEADER + "Giao Sở Tài chính chủ trì theo dõi, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng tháng."
    (a,) = extract_text(text).to_dict()["assignments"]
    assert (a["deadline"], a["deadline_text"], a["recurring"]) == (None, "định kỳ hằng tháng", "monthly")
