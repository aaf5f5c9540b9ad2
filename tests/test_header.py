"""Headers as the corpus prints them → document fields."""

import pytest

from ingest import extract_text

HEADERS = [
    # 001: table pipes, type line, subject line in capitals
    ("CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 124/NQ-CP | Hà Nội, ngày 08 tháng 5 năm 2025 |\n"
     "NGHỊ QUYẾT\nPHIÊN HỌP CHÍNH PHỦ THƯỜNG KỲ THÁNG 4 NĂM 2025\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n",
     {"doc_type": "Nghị quyết", "code": "124/NQ-CP", "issue_date": "2025-05-08", "issuer": "Chính phủ",
      "place": "Hà Nội", "subject": "Phiên họp Chính phủ thường kỳ tháng 4 năm 2025"}),
    # 051: two-column header flattened onto one line per row, V/v line
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc\n\n\n"
     "Số: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4 năm 2011\n\nV/v tiếp tục phối hợp tuyên truyền\n\nKính gửi:\n\n- Giám đốc Sở Tư pháp;\n",
     {"doc_type": "Công văn", "code": "454/UBND-NCTH", "issue_date": "2011-04-06", "issuer": "Ủy ban nhân dân tỉnh Hậu Giang",
      "place": "Vị Thanh", "subject": "Tiếp tục phối hợp tuyên truyền"}),
    # Kon Tum seed: blank number and date, V/v split over lines, no issuer block
    (" Số:          /UBND-KTTH Kon Tum, ngày       tháng      năm 2025 \nV/v triển khai Nghị \n\nquyết số 124/NQ-CP \n\n"
     "ngày 08 tháng 5 năm \n2025 của Chính phủ \n\n \n\n \nKính gửi:  \n\n - Các sở, ban ngành, đơn vị thuộc tỉnh; \n",
     {"doc_type": "Công văn", "code": None, "number": None, "symbol": "UBND-KTTH", "issue_date": "2025", "issuer": None,
      "place": "Kon Tum", "subject": "Triển khai Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025 của Chính phủ"}),
    # 004: issuer block names only the kind of body; the province comes from the place line (old tone "Hoá")
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 130/KH-UBND | Thanh Hoá, ngày 27 tháng 6 năm 2025 |\nKẾ HOẠCH\n"
     "TRIỂN KHAI PHONG TRÀO THI ĐUA TRÊN ĐỊA BÀN TỈNH THANH HÓA\nThực hiện Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành:\n",
     {"doc_type": "Kế hoạch", "code": "130/KH-UBND", "issuer": "Ủy ban nhân dân tỉnh Thanh Hóa", "place": "Thanh Hoá"}),
    # 054: old tone placement in the issuer and the motto, asterisk separators
    ("UỶ BAN NHÂN DÂN TỈNH AN GIANG******\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc********\n\n"
     "Số: 554/UBND-KT\nV/v Treo cờ tổ quốc\n\nLong Xuyên, ngày 22 tháng 02 năm 2006\n\nKính gửi: UBND huyện, thị, thành phố.\n",
     {"doc_type": "Công văn", "code": "554/UBND-KT", "issue_date": "2006-02-22", "issuer": "Ủy ban nhân dân tỉnh An Giang"}),
    # 634-tb-vpcp-9191ac (634/TB-VPCP): a Party body closing the title line ("THƯỜNG TRỰC" / "TỈNH ỦY THANH HÓA") is
    # part of the subject, not an enacting authority.
    ("VĂN PHÒNG CHÍNH\nPHỦ\n-------\n\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\n"
     "Số: 634/TB-VPCP\n\nHà Nội, ngày 22\ntháng 11 năm 2025\n\nTHÔNG BÁO\n\nKẾT\nLUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH "
     "CHÍNH TẠI BUỔI LÀM VIỆC VỚI THƯỜNG TRỰC\nTỈNH ỦY THANH HÓA\n\nTừ ngày 08 đến ngày 09 tháng 11 năm 2025 tại Thanh\n"
     "Hóa, Thủ tướng Chính phủ đã đến thăm Trạm Y tế.\n",
     {"doc_type": "Thông báo", "code": "634/TB-VPCP", "issuer": "Văn phòng Chính phủ",
      "subject": "Kết luận của Thủ tướng Chính phủ phạm minh chính tại buổi làm việc với thường trực tỉnh ủy thanh hóa"}),
    # 037: the old one-line heading "TYPE CỦA ISSUER SỐ code NGÀY date SUBJECT", "VỀ VIỆC" dropped as from a V/v line
    ("CHỈ THỊ\nCỦA THỦ\nTƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG\nNGÀY 21 THÁNG 6 NĂM 2001 VỀ VIỆC XÂY DỰNG KẾ HOẠCH\n"
     "Thực hiện Nghị quyết của Quốc hội về nhiệm vụ, Chính phủ đã ban hành các cơ chế chính sách mới nhằm phát huy nội lực.\n",
     {"doc_type": "Chỉ thị", "code": "16/2001/CT-TTG", "number": "16", "symbol": "CT-TTG", "issue_date": "2001-06-21",
      "issuer": "Thủ tướng Chính phủ", "subject": "Xây dựng kế hoạch"}),
    # 030: authority line instead of a type line; symbol gives the type
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 468/QĐ-UBND | Đắk Nông, ngày 01 tháng 03 năm 2022 |\n"
     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n",
     {"doc_type": "Quyết định", "issuer": "Ủy ban nhân dân tỉnh Đắk Nông", "subject": None}),
    # 017: no header at all — nulls, and the issuer only because the body names the province
    ("Từ ngày 19 tháng 7 năm 2021, tỉnh Bà Rịa - Vũng Tàu áp dụng giãn cách xã hội. Với mục tiêu bảo đảm sức khỏe cho Nhân dân, "
     "Chủ tịch UBND tỉnh quyết định:\n",
     {"doc_type": None, "code": None, "issue_date": None, "issuer": "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"}),
    # Kon Tum seed scanned and OCR'd: Tesseract's vie model reads the bold "TỈNH" as "TĨNH"; one misread mark
    # in a province's unit still names that province (and "TỈNH HÀ TĨNH" stays Hà Tĩnh).
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTĨNH KON TUM Độc lập - Tự do - Hạnh phúc\n"
     "Số: /UBND-KTTH Kon Tum, ngày tháng năm 2025\nV/v triển khai Nghị quyết số 124/NQ-CP\nKính gửi:\n",
     {"issuer": "Ủy ban nhân dân tỉnh Kon Tum", "place": "Kon Tum"}),
    # 5363-ct-cs-77c25e (5363/CT-CS): a department under a ministry's line is the ministry's, not Hà Nội's where it signs.
    ("BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
     "Số: 5363/CT-CS\nV/v xây dựng, ban hành Bảng giá tính lệ phí\ntrước bạ ô tô, xe máy\n\nHà Nội, ngày 20\n"
     "tháng 11 năm 2025\n\nKính gửi: Các\nThuế tỉnh, thành phố.\n",
     {"doc_type": "Công văn", "code": "5363/CT-CS", "issuer": "Cục thuế", "place": "Hà Nội"}),
    # 36-2025-qd-ctubnd-bf2b8a (36/2025/QĐ-CTUBND of Cần Thơ): a block "CHỦ TỊCH ỦY BAN NHÂN DÂN …" — the body issues.
    ("CHỦ TỊCH ỦY BAN\nNHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n-------\n\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố:\n36/2025/QĐ-CTUBND\n\nCần Thơ, ngày 17\ntháng 11 năm 2025\n\n"
     "QUYẾT ĐỊNH\n\nPHÂN\nCẤP THẨM QUYỀN QUYẾT ĐỊNH MỘT SỐ NỘI DUNG LIÊN QUAN ĐẾN TÀI SẢN CÔNG\n\nCăn cứ Luật số 72/2025/QH15;\n",
     {"doc_type": "Quyết định", "code": "36/2025/QĐ-CTUBND", "issuer": "Ủy ban nhân dân thành phố Cần Thơ"}),
    # 046: "UBND tỉnh" with no province named → issuer null, never a guess
    ("UBND tỉnh nhận được Công văn số 6544/BKHĐT-KHGDTNMT ngày 18/9/2018 của Bộ Kế hoạch và Đầu tư. Sau khi xem xét, "
     "Chủ tịch UBND tỉnh có ý kiến chỉ đạo:\n",
     {"doc_type": None, "code": None, "issuer": None}),
]


@pytest.mark.parametrize("text,expected", HEADERS)
def test_header_fields(text, expected):
    doc = extract_text(text).to_dict()["document"]
    assert {k: doc[k] for k in expected} == expected


def test_no_header_warns():
    record = extract_text("Tình hình dịch bệnh trên thế giới và trong nước hiện nay vẫn có những diễn biến phức tạp.\n")
    assert any("no header" in w for w in record.warnings)
    assert record.document.code is None and record.document.issuer is None


SIGNATURES = [
    # Kon Tum: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Lê Ngọc Tuấn"
    ("Nơi nhận: \n- Lưu: VT, KTTH.VTH. \n\nTM. ỦY BAN NHÂN DÂN \nCHỦ TỊCH \n\n \n\nLê Ngọc Tuấn \n", "Lê Ngọc Tuấn", "Chủ tịch"),
    # 051: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    ("Nơi nhận:\n- Như trên;\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\n \n\nTrần Thành Lập\n", "Trần Thành Lập", "Phó Chủ tịch"),
    # 054: the title glued to the name
    ("Nơi nhận:\n- Lưu VP.\n\nTL. CHỦ TỊCH ỦY\nBAN NHÂN DÂN TỈNH\nCHÁNH VĂN PHÒNGThái Hữu Phép\n", "Thái Hữu Phép", "Chánh Văn phòng"),
]


@pytest.mark.parametrize("tail,signer,title", SIGNATURES)
def test_signature(tail, signer, title):
    doc = extract_text("Ủy ban nhân dân tỉnh báo để các đơn vị biết, thực hiện./.\n" + tail).document
    assert (doc.signer, doc.signer_title) == (signer, title)


def test_addressees_expanded_as_printed():
    text = "Kính gửi:\n\n- Giám đốc Sở Văn hóa, Thể thao và Du lịch;\n\n- Chủ tịch UBND huyện, thị xã, thành phố.\n\nỦy ban nhân dân tỉnh nhận được.\n"
    assert extract_text(text).addressees == ("Giám đốc Sở Văn hóa, Thể thao và Du lịch",
                                             "Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố")


def test_addressee_list_wrapped_after_a_comma():
    """231-cd-ttg-422321 (231/CĐ-TTg): an addressee item whose line ends with a comma goes on on the next line."""
    text = ("THỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng,\nQuảng Ngãi, Lâm Đồng;\n"
            "- Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng,\nCông Thương, Y tế;\n"
            "- Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.\nHồi 16h ngày 26/11/2025, vị trí tâm bão số 15 vào khoảng\n")
    assert extract_text(text).addressees == (
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng, Quảng Ngãi, Lâm Đồng",
        "Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công Thương, Y tế",
        "Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia")
