"""Quantified goals → targets; numbers that are not goals → nothing (issue 4, item 3)."""

import pytest

from graph.vocabulary import vocabulary
from ingest import extract_text
from ingest.stages.targets import find_targets

HP, KT = vocabulary().province("Hải Phòng"), vocabulary().province("Kon Tum")
DT = vocabulary().province("Đồng Tháp")

ROWS = [
    # Hải Phòng seed: the national 8% and the city's 12,5% in one clause.
    ("bảo đảm mục tiêu tăng trưởng năm 2025 của cả nước đạt 8% trở lên và thành phố đạt 12,5%.", HP,
     [("tăng trưởng", 8.0, "%", ">=", "cả nước", "2025"),
      ("tăng trưởng", 12.5, "%", ">=", "thành phố Hải Phòng", "2025")]),
    # Hải Phòng seed: disbursement; the year comes later in the sentence.
    ("phấn đấu đạt tỷ lệ giải ngân 100% kế hoạch được giao; chịu trách nhiệm toàn diện về kết quả giải ngân vốn "
     "đầu tư công năm 2025 của cơ quan, đơn vị mình.", HP,
     [("tỷ lệ giải ngân", 100.0, "%", ">=", "thành phố Hải Phòng", "2025")]),
    # Both seeds: an exact share with a month as its period.
    ("theo chỉ đạo của Chính phủ, Thủ tướng Chính phủ; tích hợp, cung cấp 100% dịch vụ công trực tuyến trên Cổng "
     "Dịch vụ công quốc gia trong tháng 6 năm 2025.", KT,
     [("dịch vụ công trực tuyến", 100.0, "%", "=", "tỉnh Kon Tum", "2025-06")]),
    # Kon Tum seed: GRDP "của tỉnh".
    ("phong trào thi đua xóa nhà tạm, nhà dột nát, các chương trình mục tiêu quốc gia trên địa bàn, góp phần đạt "
     "mục tiêu tăng trưởng GRDP của tỉnh đạt 10% trở lên; đồng thời", KT,
     [("tăng trưởng GRDP", 10.0, "%", ">=", "tỉnh Kon Tum", None)]),
    # Kon Tum seed, item 6: an exact share with no period.
    ("Rà soát, cắt giảm, đơn giản hóa 100% thủ tục hành chính nội bộ phù hợp với quy định mới của pháp luật.", KT,
     [("thủ tục hành chính nội bộ", 100.0, "%", "=", "tỉnh Kon Tum", None)]),
    # Kon Tum seed, item 9: two goals joined by "và".
    ("phấn đấu hoàn thành 100% mục tiêu, chỉ tiêu giao và giải ngân 100% kế hoạch vốn được giao.", KT,
     [("mục tiêu", 100.0, "%", ">=", "tỉnh Kon Tum", None),
      ("kế hoạch vốn", 100.0, "%", ">=", "tỉnh Kon Tum", None)]),
    # 040: a range keeps its lower bound as the goal.
    ("Để bảo đảm thực hiện mục tiêu tăng trưởng kinh tế năm 2025 đạt 8,3-8,5%, tạo nền tảng cho tăng trưởng giai "
     "đoạn 2026 - 2030 đạt hai con số", None,
     [("tăng trưởng kinh tế", 8.3, "%", ">=", "cả nước", "2025")]),
    # "không quá" → "<=".
    ("tỷ lệ hộ nghèo giảm bình quân không quá 1,5% mỗi năm", KT,
     [("tỷ lệ hộ nghèo giảm bình quân", 1.5, "%", "<=", "tỉnh Kon Tum", None)]),
    # "ít nhất" with a money unit and Vietnamese thousands.
    ("phấn đấu thu ngân sách nhà nước đạt ít nhất 5.000 tỷ đồng", KT,
     [("thu ngân sách nhà nước", 5000.0, "tỷ đồng", ">=", "tỉnh Kon Tum", None)]),
    # 045: a forecast and a share of a total are not goals.
    ("Theo đó, dự kiến trong năm 2025 sẽ bãi bỏ 488 thủ tục hành chính, đơn giản hóa 2.675 thủ tục hành chính "
     "(chiếm tỷ lệ 74,86% tổng số thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh)", None, []),
    # A result compared with last year is a statistic.
    ("GDP quý I tăng 8,2% so với cùng kỳ năm trước.", None, []),
    # Progress to date, compared with the same period later in the sentence (NQ 124's report form).
    ("Giải ngân vốn đầu tư công đến hết tháng 4 đạt 15,56% kế hoạch Thủ tướng Chính phủ giao, cao hơn cùng kỳ "
     "năm trước cả về tỷ lệ và số tuyệt đối.", None, []),
    # A share of what was received is a result, not a goal.
    ("Công tác cải cách thủ tục hành chính được đẩy mạnh; tỷ lệ hồ sơ trực tuyến toàn trình đạt 46,7% tổng số "
     "hồ sơ tiếp nhận.", None, []),
    # …but with a goal word the same share is a target.
    ("Phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt 80% tổng số hồ sơ tiếp nhận.", None,
     [("tỷ lệ hồ sơ trực tuyến toàn trình", 80.0, "%", ">=", "cả nước", None)]),
    # Document numbers and dates carry no unit.
    ("Thực hiện Nghị quyết số 124/NQ-CP ngày 08/5/2025 của Chính phủ, xây dựng mô hình chính quyền 02 cấp.", KT, []),
    # "04 Nghị quyết", "80 năm" are counts, not goals.
    ("triển khai thực hiện 04 Nghị quyết của Bộ Chính trị; chào mừng kỷ niệm 80 năm Cách mạng tháng Tám", KT, []),
    # 627/TB-VPCP: a status ("Hiện nay … khoảng 61%") and a phase ("giai đoạn 2 dự án") are no goals; the goal in
    # brackets is.
    ("a) Hiện nay tổng khối lượng hoàn thành của Dự án khoảng 61% trong khi thời gian còn lại của năm 2025 chỉ khoảng "
     "2 tháng, khối lượng còn lại rất lớn. Với vai trò, ý nghĩa đặc biệt quan trọng của Dự án, yêu cầu các bộ, ngành, "
     "cơ quan chủ quản, nhất là ACV cần khẩn trương có giải pháp phù hợp để đẩy nhanh tiến độ thi công (phấn đấu sản "
     "lượng mỗi tháng đạt tối thiểu 20%), kiểm soát chặt chẽ chất lượng. Chuẩn bị khởi công giai đoạn 2 dự án để báo "
     "cáo các cấp thẩm quyền.", None,
     [("sản lượng mỗi tháng", 20.0, "%", ">=", "cả nước", "2025")]),
    # 627/TB-VPCP: two units joined by "/" are one.
    ("e) Các bộ, ngành, địa phương khẩn trương đăng ký với Chính phủ (qua Bộ Xây dựng) các công trình khánh thành, "
     "khởi công dịp 19 tháng 12 năm 2025, trên tinh thần mỗi tổ chức phấn đấu có ít nhất 02 công trình/dự án đủ điều "
     "kiện khởi công hoặc khánh thành.", None,
     [("đủ điều kiện khởi công hoặc khánh thành", 2.0, "công trình/dự án", ">=", "cả nước", None)]),
    # 636/TB-VPCP: a figure in brackets restates the goal before it, and takes its comparator ("vượt" → ">").
    ("3. Tập trung lãnh đạo, chỉ đạo để hoàn thành cao nhất các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm "
     "2025, trong đó phấn đấu tăng trưởng kinh tế vượt mục tiêu Chính phủ giao (10%); tăng thu ngân sách nhà nước", None,
     [("tăng trưởng kinh tế", 10.0, "%", ">", "cả nước", "2025")]),
    # 36/2025/QĐ-CTUBND of Cần Thơ: a bound after "có" and a noun says which assets are meant.
    ("a) Giao tài sản bằng hiện vật (trừ trụ sở làm việc, cơ sở hoạt động sự nghiệp; xe ô tô các loại, tài sản công "
     "khác có nguyên giá từ 01 tỷ đồng trở lên/01 đơn vị tài sản) cho các cơ quan, tổ chức, đơn vị trên địa bàn thành "
     "phố.", None, []),
    # 1630/QĐ-UBND (corpus-full): "có từ 15% … trở lên" is a criterion.
    ("- Thôn vùng đồng bào dân tộc thiểu số là thôn có từ 15% người dân tộc thiểu số trở lên sinh sống ổn định thành "
     "cộng đồng.", None, []),
    # 179/KH-UBND of Đồng Nai (corpus-full): "có" and a noun, then "đạt trên": the noun is the indicator's, the figure
    # a goal; a share "chiếm tối thiểu" is a goal too.
    ("(3) Tỷ lệ dân số từ 15 tuổi trở lên có chữ ký số hoặc chữ ký điện tử cá nhân đạt trên 70%;", None,
     [("Tỷ lệ dân số từ 15 tuổi trở lên có chữ ký số hoặc chữ ký điện tử cá nhân", 70.0, "%", ">", "cả nước", None)]),
    ("(3) Tỷ lệ nhân lực lao động kinh tế số trong lực lượng lao động chiếm tối thiểu 20%,", None,
     [("Tỷ lệ nhân lực lao động kinh tế số trong lực lượng lao động chiếm", 20.0, "%", ">=", "cả nước", None)]),
    # 556/KH-UBND of Đồng Tháp: "Có 30% diện tích …" is the share a task must reach.
    ("Có 30% diện tích nuôi thủy sản chủ lực áp dụng các quy trình/mô hình sản xuất tiên tiến; các tiêu chuẩn sản xuất "
     "tốt, an toàn, bền vững vào trong quá trình sản xuất.", DT,
     [("diện tích nuôi thủy sản chủ lực áp dụng các quy trình/mô hình sản xuất tiên tiến", 30.0, "%", "=",
       "tỉnh Đồng Tháp", None)]),
    # 2639/QĐ-TTg (corpus-full): "có mục tiêu" here names an earmarked transfer, not a goal.
    ("Bổ sung có mục tiêu từ ngân sách trung ương cho 27 địa phương số tiền 2.615 tỷ đồng (hai nghìn sáu trăm mười lăm "
     "tỷ đồng) từ nguồn dự toán chi thường xuyên ngân sách trung ương năm 2024.", None, []),
    # 623/TB-VPCP (corpus-full): "chương trình mục tiêu quốc gia" is a name; "quyết tâm giải ngân 100%" is a goal.
    ("Đẩy mạnh giải ngân đầu tư công, đôn đốc đối với từng dự án trọng điểm, các chương trình mục tiêu quốc gia, quyết "
     "tâm giải ngân 100% kế hoạch vốn năm 2025 đã được Thủ tướng Chính phủ giao.", None,
     [("kế hoạch vốn năm 2025 đã", 100.0, "%", ">=", "cả nước", "2025")]),
    # 5485/CT-CS (corpus-full): a figure after "từ" with no link bounds a class of cases.
    ("Sau khi bù trừ nếu số thuế giá trị gia tăng đầu vào của dự án đầu tư chưa được khấu trừ hết từ 300 triệu đồng trở "
     "lên thì được hoàn thuế giá trị gia tăng.", None, []),
    # 2530/QĐ-TTg: a province named before the figure is whose goal it is, and the goal restated for it keeps its
    # indicator.
    ("h) Phấn đấu đến năm 2030, cả nước có 1.200 công trình xây dựng xanh. Trong đó, Hà Nội có tối thiểu 200 công "
     "trình, Thành phố Hồ Chí Minh có tối thiểu 500 công trình.", None,
     [("xây dựng xanh", 1200.0, "công trình", ">=", "cả nước", "2030"),
      ("xây dựng xanh", 200.0, "công trình", ">=", "thành phố Hà Nội", "2030"),
      ("xây dựng xanh", 500.0, "công trình", ">=", "thành phố Hồ Chí Minh", "2030")]),
    # 2530/QĐ-TTg: the place of an item goes on to its later figures.
    ("- Tại thành phố Hà Nội, nồng độ bụi PM2.5 trung bình năm vào năm 2030 đạt dưới 40 μg/m3 (giảm 20% so với mức "
     "trung bình năm 2024) tại các điểm đo. Tỷ lệ số ngày trong năm có chỉ số chất lượng môi trường không khí (VN_AQI) "
     "ở mức tốt và trung bình đạt tối thiểu 80%.", None,
     [("nồng độ bụi PM2.5 trung bình năm", 40.0, "μg/m3", "<", "thành phố Hà Nội", "2030"),
      ("Tỷ lệ số ngày trong năm có chỉ số chất lượng môi trường không khí (VN_AQI) ở mức tốt và trung bình", 80.0, "%",
       ">=", "thành phố Hà Nội", "2030")]),
    # 157/KH-UBND, Phụ lục: what has been done ("đã thực hiện đạt …") is a result.
    ("Đơn vị xã, phường đã thực hiện đạt tỷ lệ 100% người hưởng trợ cấp xã hội, hưu trí xã hội đã có tài khoản ngân "
     "hàng trước thời điểm thi đua.", None, []),
    # 556/KH-UBND of Đồng Tháp: a clause that opens with a year to come sets a goal.
    ("- Đến năm 2030, 100% các khu vực bảo vệ nguồn lợi thủy sản được xác định và quản lý hiệu quả.", DT,
     [("các khu vực bảo vệ nguồn lợi thủy sản", 100.0, "%", "=", "tỉnh Đồng Tháp", "2030")]),
]


@pytest.mark.parametrize("text, province, expected", ROWS)
def test_targets(text, province, expected):
    scope = province.full_name if province else "cả nước"
    got = find_targets(text, 0, len(text), scope, province)
    assert [(t.indicator, t.value, t.unit, t.comparator, t.scope, t.period) for t in got] == expected


# ---- whole documents: the outline decides which parts hold goals -------------------------------------------

# The header of 0204/KH-UBND of Cà Mau (corpus-full 0204-kh-ubnd-3a3fa6), a budget plan.
CA_MAU_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 0204/KH-UBND\nCà Mau, ngày 24 tháng 11 năm 2025\n\n"
               "KẾ HOẠCH\nTÀI CHÍNH - NGÂN SÁCH NHÀ NƯỚC 03 NĂM 2026 - 2028 TỈNH CÀ MAU\n\n")
# The header of 157/KH-UBND of Cần Thơ (corpus-full 157-kh-ubnd-0299fe), an emulation plan.
CAN_THO_PLAN = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 157/KH-UBND\nCần Thơ, ngày 20 tháng 11 năm 2025\n\n"
                "KẾ HOẠCH\nTỔ CHỨC ĐỢT THI ĐUA CAO ĐIỂM\n\n")

# The header of 2530/QĐ-TTg, a Prime Minister's decision approving a national plan (corpus-full 2530-qd-ttg-893772).
PM_DECISION = ("THỦ TƯỚNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
               "---------------\nSố: 2530/QĐ-TTg\nHà Nội, ngày 19 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nPHÊ DUYỆT KẾ HOẠCH "
               "HÀNH ĐỘNG QUỐC GIA VỀ KHẮC PHỤC Ô NHIỄM VÀ QUẢN LÝ CHẤT LƯỢNG MÔI TRƯỜNG KHÔNG KHÍ\nTHỦ TƯỚNG CHÍNH PHỦ\n"
               "QUYẾT ĐỊNH:\n")
# The header of 64/2025/NQ-HĐND of Hà Nội, a resolution that sets spending levels (corpus-full 64-2025-nq-hdnd-7f8cb4).
HANOI_RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 64/2025/NQ-HĐND\nHà Nội, ngày 27 tháng 11 năm 2025\n\n"
                    "NGHỊ QUYẾT\nQUY ĐỊNH MỘT SỐ NỘI DUNG, MỨC CHI TRONG LĨNH VỰC VĂN HÓA, NGHỆ THUẬT CỦA THÀNH PHỐ HÀ NỘI\n\n"
                    "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\nQUYẾT NGHỊ:\n\n")
# The header of 5155/SGDĐT-GDTXNNĐH of Thành phố Hồ Chí Minh, a letter sending a scoring grid (corpus-full
# 5155-sgddt-gdtxnndh-b8f96b).
HCM_LETTER = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 5155/SGDĐT-GDTXNNĐH\n"
              "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n\nV/v đánh giá, xếp loại trung tâm học tập cộng đồng\n\n"
              "Kính gửi: Ủy ban nhân dân phường, xã, đặc khu.\n\n")

# The header of 0129/KH-UBND of Đắk Lắk (corpus-full 0129-kh-ubnd-85b593), a relief plan.
DAK_LAK_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                "---------------\nSố: 0129/KH-UBND\nĐắk Lắk, ngày 21 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
                "V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP CHO NHÂN DÂN BỊ ẢNH HƯỞNG MƯA LŨ TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK\n\n")

# The header of 174/KH-UBND of Thành phố Hồ Chí Minh (corpus-full 174-kh-ubnd-981e7a), a gender-equality plan.
HCM_PLAN = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 174/KH-UBND\nThành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025\n\n"
            "KẾ HOẠCH\nTRIỂN KHAI CÁC NHIỆM VỤ TRỌNG TÂM CUỐI NĂM 2025 LĨNH VỰC BÌNH ĐẲNG GIỚI\n\n")

# The header of 73/2025/NQ-HĐND of Hà Nội, a resolution that sets incentives (corpus-full 73-2025-nq-hdnd-d9adbd).
HANOI_INCENTIVES = ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 73/2025/NQ-HĐND\nHà Nội, ngày 27 tháng 11 năm 2025\n\n"
                    "NGHỊ QUYẾT\nQUY ĐỊNH CƠ CHẾ, CHÍNH SÁCH, BIỆN PHÁP ƯU ĐÃI, HỖ TRỢ THU HÚT NGUỒN NHÂN LỰC CÔNG NGHỆ CAO\n\n"
                    "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\nQUYẾT NGHỊ:\n\n")

# The header of 627/TB-VPCP, a notice of the Prime Minister's conclusions (corpus-full 627-tb-vpcp-079f4e).
VPCP_NOTICE = ("VĂN PHÒNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
               "---------------\nSố: 627/TB-VPCP\nHà Nội, ngày 18 tháng 11 năm 2025\n\nTHÔNG BÁO\n\nKẾT LUẬN CỦA THỦ "
               "TƯỚNG CHÍNH PHỦ TẠI PHIÊN HỌP LẦN THỨ 21 BAN CHỈ ĐẠO NHÀ NƯỚC CÁC CÔNG TRÌNH, DỰ ÁN QUAN TRỌNG QUỐC GIA.\n\n")

WHOLE_ROWS = [
    # 627/TB-VPCP: a count restated in the items under it ("hoàn thành mục tiêu 3.000 km đường bộ cao tốc") is one goal.
    (VPCP_NOTICE,
     "III. NHIỆM VỤ TRỌNG TÂM\n\n1. Hoàn thành mục tiêu đưa vào khai thác trên 3.000 km đường bộ cao tốc và khoảng "
     "trên 1.700km đường bộ ven biển trong năm 2025\n\nb) Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ đạo kiểm "
     "tra, rà soát, bảo đảm thông xe kỹ thuật năm 2025 góp phần hoàn thành mục tiêu 3.000 km đường bộ cao tốc.\n\n"
     "c) Bộ Quốc phòng chỉ đạo các quân khu hỗ trợ xe máy, thiết bị, nhân lực nhằm đẩy nhanh tiến độ thi công các dự án "
     "cao tốc có kế hoạch hoàn thành năm 2025, đảm bảo hoàn thành mục tiêu đưa vào khai thác trên 3.000 km đường bộ "
     "cao tốc.\n",
     [(3000.0, "km", ">", "2025"), (1700.0, "km", ">", "2025")]),
    # 73/2025/NQ-HĐND: a chapter of articles is a regulation; its ceilings are norms ("hỗ trợ tối đa 100% chi phí").
    (HANOI_INCENTIVES,
     "Chương III\n\nƯU ĐÃI, HỖ TRỢ\n\nĐiều 11. Ưu đãi, hỗ trợ đối với tổ chức\n\n"
     "2. Được Thành phố hỗ trợ tối đa 100% chi phí tư vấn pháp lý liên quan đến hoạt động sở hữu trí tuệ.\n",
     []),
    # The goal of 153/KH-UBND (corpus-full) set in a chapter without articles, as schemes print them: still a goal.
    (HANOI_INCENTIVES,
     "Chương II\n\nMỤC TIÊU\n\n1. Mục tiêu cụ thể\n\n"
     "a) Phấn đấu đến năm 2030 đạt ít nhất 50% số xã, phường trên toàn thành phố không có ma túy.\n",
     [(50.0, "%", ">=", "2030")]),
    # 174/KH-UBND: a bound that says which sectors are meant is no goal ("có tỷ lệ nữ … thấp dưới 30%"); rates per a
    # power of ten are units; "từ 23 … xuống 18 …" starts at 23 and sets 18; "ở mức 107" is exact under "Phấn đấu".
    (HCM_PLAN,
     "II. MỤC TIÊU CỦA KẾ HOẠCH\n\n1. Phấn đấu đến cuối năm 2025 đạt các mục tiêu, chỉ tiêu sau:\n\n"
     "1.1. Mục tiêu 1. Lĩnh vực chính trị\n\n- Chỉ tiêu 1: Năm 2025 đạt 60% các cơ quan quản lý nhà nước, chính quyền "
     "địa phương các cấp có lãnh đạo chủ chốt là nữ. Đối với một số ngành, lĩnh vực đặc thù có tỷ lệ nữ cán bộ, công "
     "chức, viên chức, người lao động thấp dưới 30% có thể điều chỉnh mục tiêu phù hợp với thực tiễn cơ quan, đơn vị.\n\n"
     "1.4. Mục tiêu 4: Trong lĩnh vực y tế\n\n- Chỉ tiêu 1: Tỷ số giới tính khi sinh ở mức 107 trẻ sơ sinh trai/100 trẻ "
     "sơ sinh gái sinh ra sống vào năm 2025.\n\n- Chỉ tiêu 2: Tỷ lệ tử vong bà mẹ liên quan đến thai sản dưới 4/100.000 "
     "trẻ sinh ra còn sống vào năm 2025.\n\n- Chỉ tiêu 3: Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ "
     "nữ xuống 18 ca sinh/1.000 phụ nữ vào năm 2025.\n\n2. Tháng hành động\n\n",
     [(60.0, "%", ">=", "2025"), (107.0, "trẻ sơ sinh trai/100 trẻ sơ sinh gái sinh", "=", "2025"),
      (4.0, "/100.000 trẻ sinh ra còn sống", "<", "2025"), (18.0, "ca sinh/1.000 phụ nữ", "<=", "2025")]),
    # 0129/KH-UBND: a bare "MỤC TIÊU" heading opens a list of goals; a span of time after "trong" is a ceiling.
    (DAK_LAK_PLAN,
     "II. MỤC TIÊU\n\n1. Mục tiêu trước mắt\n\n- Hỗ trợ khẩn cấp lương thực, thực phẩm, nước uống cho toàn bộ hộ gia "
     "đình bị ngập lụt.\n\n- Đảm bảo người già neo đơn, trẻ em, phụ nữ mang thai, hộ nghèo, người khuyết tật tại khu "
     "vực bị ảnh hưởng được tiếp cận hỗ trợ trong 24 giờ đầu kể từ khi lực lượng đến được hiện trường.\n",
     [(24.0, "giờ", "<=", "2025")]),
    # 2530/QĐ-TTg: in a list of goals a change against a base year is a goal ("giảm 20% so với mức trung bình năm
    # 2024" is "=", "giảm tối thiểu 10% …" ">="); a vision ("Tầm nhìn đến năm 2045") is a list of goals too.
    (PM_DECISION,
     "Điều 1. Phê duyệt Kế hoạch với các nội dung chủ yếu sau:\n"
     "I. MỤC TIÊU\n2. Mục tiêu cụ thể giai đoạn 2026 - 2030\n"
     "a) Chất lượng môi trường không khí trên phạm vi toàn quốc từng bước được kiểm soát, cải thiện:\n"
     "- Tại thành phố Hà Nội, nồng độ bụi PM2.5 trung bình năm vào năm 2030 đạt dưới 40 μg/m3 (giảm 20% so với mức "
     "trung bình năm 2024) tại các điểm đo của các trạm quan trắc chất lượng môi trường không khí quốc gia.\n"
     "- Đối với các tỉnh xung quanh thành phố Hà Nội, nồng độ bụi PM2.5 trung bình năm vào năm 2030 giảm tối thiểu "
     "10% so với mức trung bình năm 2024.\n"
     "3. Tầm nhìn đến năm 2045\nSau năm 2030, nồng độ bụi mịn PM2.5 tại Hà Nội giảm trung bình 5 μg/m3 theo mỗi kỳ kế "
     "hoạch 5 năm, mục tiêu đến năm 2045, nồng độ bụi PM2.5 đạt mức quy chuẩn kỹ thuật quốc gia.\n",
     [(40.0, "μg/m3", "<", "2030"), (20.0, "%", "=", "2030"), (10.0, "%", ">=", "2030"), (5.0, "μg/m3", "=", "2045")]),
    # 2530/QĐ-TTg, Phụ lục I: the cells of a column of goals ("Chỉ tiêu đạt được") are goals, dated by the row's time
    # cell, and so is a line labelled "Sản phẩm:" in another cell; a count restated there ("mục tiêu 1.200 công trình
    # xanh") is the body's goal, counted once.
    (PM_DECISION,
     "Điều 1. Phê duyệt Kế hoạch với các nội dung chủ yếu sau:\n"
     "h) Phấn đấu đến năm 2030, cả nước có 1.200 công trình xây dựng xanh.\n"
     "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
     "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\n"
     "PHỤ LỤC I\nBẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP\n\n"
     "STT\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nNội dung nhiệm vụ\n\nChỉ tiêu đạt được\n\nThời hạn hoàn thành\n\n"
     "A.\n\nBỘ XÂY DỰNG\n\n1\n\nBộ Xây dựng\n\n- Bộ Nông nghiệp và Môi trường.\n\n"
     "- Xây dựng và ban hành Bộ tiêu chí công trình xây dựng xanh.\n"
     "- Sản phẩm: Hoàn thành lắp đặt và đưa vào vận hành 22 trạm quan trắc tự động quốc gia.\n\n"
     "- Phấn đấu đạt mục tiêu 1.200 công trình xanh được chứng nhận vào năm 2030.\n\nGiai đoạn 2026 - 2030\n\n"
     "B.\n\nUBND CÁC TỈNH/THÀNH PHỐ\n\n1\n\nUBND thành phố Hà Nội\n\n- Bộ Công Thương.\n\n"
     "Hoàn thành việc di dời các cơ sở không đáp ứng yêu cầu về bảo vệ môi trường.\n\n"
     "100% cơ sở trong danh mục đã được phê duyệt hoàn thành di dời.\n\nTrước năm 2030\n",
     [(1200.0, "công trình", ">=", "2030"), (22.0, "trạm", "=", "2026-2030"), (100.0, "%", "=", "2030")]),
    # 157/KH-UBND, Phụ lục: a table with a column of points is a scoring grid, its figures norms.
    (CAN_THO_PLAN,
     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nPHỤ LỤC\n\n"
     "STT\n\nCHỈ TIÊU THI ĐUA\n\nĐIỂM CHUẨN\n\nHƯỚNG DẪN CHẤM ĐIỂM\n\n"
     "1\n\nĐơn vị đạt tỷ lệ 100% người hưởng trợ cấp xã hội mở mới tài khoản ngân hàng.\n\n5\n\n"
     "Đơn vị đạt tỷ lệ 100% cộng 05 điểm, không đạt tỷ lệ 100% không cộng điểm.\n",
     []),
    # 64/2025/NQ-HĐND: a document that states what it governs ("Điều 1. Phạm vi điều chỉnh") is a regulation: its
    # figures are norms.
    (HANOI_RESOLUTION,
     "Điều 1. Phạm vi điều chỉnh\n\nNghị quyết này quy định một số nội dung, mức chi trong lĩnh vực văn hóa, nghệ "
     "thuật của Thành phố.\n\nĐiều 2. Tổ chức thực hiện\n\n1. Mức chi hỗ trợ các thành phần tham gia tổ chức cuộc thi "
     "cấp xã không quá 70% mức chi hỗ trợ cấp Thành phố.\n\n2. Ban Tổ chức (không quá 06 người).\n",
     []),
    # 5155/SGDĐT-GDTXNNĐH: an attached grid of criteria ("TIÊU CHÍ") sets norms.
    (HCM_LETTER,
     "Sở Giáo dục và Đào tạo gửi Bảng tiêu chí đánh giá, xếp loại trung tâm học tập cộng đồng.\n\n"
     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrương Hải Thanh\n\n"
     "TIÊU CHÍ\n\n4. Nội dung hoạt động (20 điểm)\n\n4.2. Tập huấn chuyên môn nghiệp vụ cho cán bộ quản lý.\n\n3\n\n"
     "Kế hoạch, kinh phí, giáo trình, tài liệu tổ chức tập huấn mỗi năm ít nhất 02 lần.\n",
     []),
    # 0204/KH-UBND: in a part that reports results only what is still striven for is a goal, dated by the
    # part's year; two like items of one part are two goals; a forecast of "chỉ tiêu" holds no goal.
    (CA_MAU_PLAN,
     "I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI VÀ DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2025\n"
     "1. Chi ngân sách địa phương\n"
     "- Chi đầu tư từ nguồn vốn xây dựng cơ bản tập trung phấn đấu đạt 100% kế hoạch.\n"
     "- Chi đầu tư từ nguồn thu tiền sử dụng đất 560 tỷ đồng/690 tỷ đồng, ước đạt 81,16% kế hoạch.\n"
     "- Chi đầu tư từ nguồn thu xổ số kiến thiết phấn đấu đạt 100% kế hoạch.\n"
     "II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM 2026 - 2028\n"
     "1. Dự báo các chỉ tiêu kinh tế - xã hội đến năm 2026\n"
     "- Tổng sản phẩm trong tỉnh (GRDP) tăng khoảng 10%.\n"
     "- Tổng vốn đầu tư xã hội đạt khoảng 270.000 tỷ đồng.\n",
     [(100.0, "%", ">=", "2025"), (100.0, "%", ">=", "2025")]),
    # 157/KH-UBND: items (1) and (5) of one list of "chỉ tiêu" are two goals, not a restatement; the share of
    # awards under "KHEN THƯỞNG" is a quota.
    (CAN_THO_PLAN,
     "III. NỘI DUNG THI ĐUA\n\n1. Nội dung thi đua\n\nNâng cao nhận thức của người hưởng trợ cấp xã hội, các nội dung "
     "này được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:\n\n"
     "(1) 100% số người hưởng trợ cấp xã hội, trợ cấp hưu trí xã hội chưa có tài khoản được tuyên truyền;\n\n"
     "(2) Ít nhất 85% người hưởng trợ cấp xã hội, hưu trí xã hội mở mới tài khoản ngân hàng;\n\n"
     "(5) 100% số người hưởng trợ cấp xã hội, trợ cấp hưu trí xã hội hàng tháng được rà soát, cập nhật dữ liệu.\n\n"
     "IV. KHEN THƯỞNG\n\n1. Cấp thành phố\n\n"
     "a) Chủ tịch Ủy ban nhân dân thành phố xem xét tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất "
     "sắc (tỷ lệ không quá 10% tập thể, 5% cá nhân đối tượng trực tiếp tham gia phong trào);\n",
     [(100.0, "%", "=", "2025"), (85.0, "%", ">=", "2025"), (100.0, "%", "=", "2025")]),
]


@pytest.mark.parametrize("header, body, expected", WHOLE_ROWS)
def test_whole_document_targets(header, body, expected):
    got = extract_text(header + body).to_dict()["targets"]
    assert [(t["value"], t["unit"], t["comparator"], t["period"]) for t in got] == expected
