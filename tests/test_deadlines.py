"""Deadlines as printed → ISO dates (issue 4, item 2)."""

import pytest

from ingest.stages.deadlines import find_deadlines

ROWS = [
    # Kon Tum seed, item 4.
    ("hoàn thành trước ngày 30 tháng 6 năm 2025.", "2025", [("2025-06-30", None)]),
    # Kon Tum seed, item 10.
    ("gửi Sở Xây dựng để tổng hợp … báo cáo Bộ Xây dựng trước ngày 25 tháng 7 năm 2025", "2025",
     [("2025-07-25", None)]),
    # 046: numeric date.
    ("Yêu cầu hoàn thiện gửi ý kiến tham gia về Bộ Kế hoạch và Đầu tư trước ngày 28/9/2018.", "2018",
     [("2018-09-28", None)]),
    # A month → its last day (Hải Phòng seed).
    ("tích hợp, cung cấp 100% dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia trong tháng 6 năm 2025",
     "2025", [("2025-06-30", None)]),
    # Two months → the last one (Kon Tum seed, item 3).
    ("bảo đảm đúng tiến độ theo chỉ đạo của Trung ương (trong tháng 5 và tháng 6 năm 2025)", "2025",
     [("2025-06-30", None)]),
    # A quarter with no year takes the document's year.
    ("báo cáo kết quả thực hiện về Sở Tài chính trong quý III", "2025", [("2025-09-30", None)]),
    # The conventions' example: "quý I/2020".
    ("hoàn thành trong quý I/2020", "2019", [("2020-03-31", None)]),
    # "chậm nhất ngày 15/7" without a year.
    ("báo cáo Ủy ban nhân dân tỉnh chậm nhất ngày 15/7", "2025", [("2025-07-15", None)]),
    # Recurring duties keep no date.
    ("báo cáo định kỳ hằng tháng về Văn phòng Ủy ban nhân dân tỉnh", "2025", [(None, "monthly")]),
    ("gửi báo cáo trước ngày 20 hằng tháng", "2025", [(None, "monthly")]),
    # "trước tháng 7/2025" → the end of June.
    ("hoàn thành trước tháng 7/2025", "2025", [("2025-06-30", None)]),
    # A start date is no deadline (054).
    ("treo cờ tổ quốc … bắt đầu từ ngày 22/02/2006.", "2006", []),
    # A document date is no deadline.
    ("Thực hiện Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025 của Chính phủ", "2025", []),
]


@pytest.mark.parametrize("text, year, expected", ROWS)
def test_deadlines(text, year, expected):
    assert [(d.date, d.recurring) for d in find_deadlines(text, year=year)] == expected
