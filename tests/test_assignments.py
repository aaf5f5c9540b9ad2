"""Who must do what, by when: real sentences under a real header → assignments, read as the contract's
whole-document conventions say (``docs/record.md``). One row per case, the file it comes from named."""

import pytest

from ingest import extract_text

# The header of the Kon Tum seed (kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025).
KON_TUM = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/UBND-KTTH Kon Tum, ngày 20 tháng 5 năm 2025\n"
           "V/v triển khai Nghị quyết số 124/NQ-CP\n\nKính gửi:\n- Các sở, ban ngành, đơn vị thuộc tỉnh;\n"
           "- Ủy ban nhân dân các huyện, thành phố.\n\n")
# The header of the Hải Phòng seed (hai-phong-cv-trien-khai-nq-124-nq-cp-2025), with the city's block.
HAI_PHONG = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
             "Số: 1/UBND-VP Hải Phòng, ngày 20 tháng 5 năm 2025\n\nKính gửi:\n- Các Sở, ban, ngành thành phố;\n"
             "- Ủy ban nhân dân cấp huyện.\n\nThực hiện Nghị quyết số 124/NQ-CP ngày 08/5/2025 của Chính phủ,\n"
             "Chủ tịch Ủy ban nhân dân thành phố có ý kiến như sau:\n")
# The header of 554/UBND-KT of An Giang (054).
AN_GIANG = ("UỶ BAN NHÂN DÂN TỈNH AN GIANG\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 554/UBND-KT\nV/v Treo cờ tổ quốc\n\nLong Xuyên, ngày 22 tháng 02 năm 2006\n\n"
            "Kính gửi: UBND huyện, thị, thành phố.\n\n")
# A plan whose title is not in capitals: the header must not be read as a sentence ("… Độc lập - Tự do …"
# once made the issuer block a "lead": "lập" starts a task).
AN_GIANG_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 1/KH-UBND\n\nAn Giang, ngày 20 tháng 3 năm 2025\n\n"
                 "KẾ HOẠCH\nTriển khai Nghị quyết số 10/NQ-CP ngày 25 tháng 2 năm 2025 của Chính phủ\n\n")
# The header of 157/KH-UBND of Cần Thơ (corpus-full 157-kh-ubnd-0299fe).
CAN_THO_PLAN = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 157/KH-UBND\nCần Thơ, ngày 20 tháng 11 năm 2025\n\n"
                "KẾ HOẠCH\nTỔ CHỨC ĐỢT THI ĐUA CAO ĐIỂM\n\n")
# The header of 2610/QĐ-UBND of Cần Thơ, which issues a regulation (corpus-full 2610-qd-ubnd-743564).
CAN_THO_DECISION = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 2610/QĐ-UBND\nCần Thơ, ngày 24 tháng 11 năm 2025\n\n"
                    "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ SỬ DỤNG HỆ THỐNG LẤY Ý KIẾN ĐIỆN TỬ\n\n")
# The header of 172/KH-UBND of Thành phố Hồ Chí Minh (corpus-full 172-kh-ubnd-d4a0d5).
HCM_PLAN = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 172/KH-UBND\n"
            "Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\nTRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM\n\n")
# The header of 217/CĐ-TTg, a Prime Minister's telegram (corpus-full 217-cd-ttg-d0c2ef).
TELEGRAM = ("THỦ TƯỚNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "---------------\nSố: 217/CĐ-TTg\nHà Nội, ngày 09 tháng 11 năm 2025\n\nCÔNG ĐIỆN\n"
            "VỀ VIỆC CHỦ ĐỘNG ỨNG PHÓ MƯA LŨ\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng các Bộ: Quốc phòng, Công an;\n"
            "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh, Quảng Trị.\n\n")
# The header of 36/2025/NQ-HĐND of Huế (corpus-full 36-2025-nq-hdnd-13be17).
HUE_RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                  "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 36/2025/NQ-HĐND\n"
                  "Thành phố Huế, ngày 18 tháng 11 năm 2025\n\nNGHỊ QUYẾT\nQUY ĐỊNH VỀ CHÍNH SÁCH HỌC PHÍ\n\n")
# The header of 24/NQ-CP (024): a Government resolution, Chính phủ the issuer.
GOVERNMENT = ("CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
              "Số: 24/NQ-CP\nHà Nội, ngày 07 tháng 02 năm 2025\n\nNGHỊ QUYẾT\nVỀ KẾ HOẠCH PHÁT TRIỂN\n\n")
# The header of 75/2025/NQ-HĐND of Hà Nội (corpus-full 75-2025-nq-hdnd-15a6c4).
HANOI_RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 75/2025/NQ-HĐND\nHà Nội, ngày 14 tháng 11 năm 2025\n\n"
                    "NGHỊ QUYẾT\nQUY ĐỊNH MỨC HỖ TRỢ\n\n")
NO_HEADER = ""  # no header: no province, agencies stay unqualified

ROWS = [
    # Hải Phòng seed, item 1: a lead-in asking the addressees to act together → one `all` per class.
    (HAI_PHONG, "1. Yêu cầu các Sở, ban, ngành thành phố, Ủy ban nhân dân cấp huyện căn cứ chức năng, nhiệm vụ của "
     "đơn vị:\n- Rà soát các nội dung tại Nghị quyết số 124/NQ-CP của Chính phủ.\n",
     [("Các sở, ban, ngành thành phố Hải Phòng", "all", None),
      ("Ủy ban nhân dân cấp huyện thuộc thành phố Hải Phòng", "all", None)]),
    # Hải Phòng seed, item 2: "Giao X chủ trì" → lead; the class after "phối hợp với" → support, qualified.
    (HAI_PHONG, "2. Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với các cơ quan liên quan\nchuẩn bị đầy đủ "
     "điều kiện phục vụ kỳ thi tốt nghiệp trung học phổ thông năm 2025.",
     [("Sở Giáo dục và Đào tạo thành phố Hải Phòng", "lead", None),
      ("Các cơ quan liên quan thành phố Hải Phòng", "support", None)]),
    # Hải Phòng seed, item 3: every partner after "phối hợp với" is support, a Party body too.
    (HAI_PHONG, "3. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Ban Tuyên\ngiáo và Dân vận "
     "Thành ủy, các cơ quan thông tấn, báo chí tiếp tục đẩy mạnh truyền thông chính sách.",
     [("Sở Văn hóa, Thể thao và Du lịch thành phố Hải Phòng", "lead", None),
      ("Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng", "support", None),
      ("Các cơ quan thông tấn, báo chí thành phố Hải Phòng", "support", None)]),
    # Kon Tum seed: a subject-first introducer carries its numbered items; item 4's date adds an entry;
    # item 10 sends to Sở Xây dựng, which leads with its own date; the closing names the addressees.
    (KON_TUM, "Ủy ban nhân dân tỉnh có ý kiến như sau:\nCác sở, ban ngành, đơn vị thuộc tỉnh, Ủy ban nhân "
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
    # 046: "Giao … chủ trì phối hợp với các đơn vị liên quan"; the next sentence's date is the task's, its
    # partners' too; the head asked by title in the last sentence is an entry of its own.
    (NO_HEADER, "Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến chỉ đạo:\nGiao Sở Kế hoạch và Đầu tư chủ trì phối "
     "hợp với các đơn vị liên quan tham gia ý kiến vào dự thảo Chỉ thị. Yêu cầu hoàn thiện gửi ý kiến tham gia về Bộ "
     "Kế hoạch và Đầu tư trước ngày 28/9/2018. Căn cứ nội dung này, Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Kế hoạch "
     "và Đầu tư triển khai thực hiện.",
     [("Sở Kế hoạch và Đầu tư", "lead", "2018-09-28"), ("Các đơn vị liên quan", "support", "2018-09-28"),
      ("Giám đốc Sở Kế hoạch và Đầu tư", "lead", None)]),
    # 037: a class printed under one "các" is one entry, its joins as printed.
    (NO_HEADER, "Để hoàn thành nhiệm vụ kế hoạch năm 2001, Thủ tướng Chính phủ yêu cầu các Bộ, ngành, địa phương "
     "và cơ sở cần tập trung thực hiện tốt các Nghị quyết của Quốc hội.",
     [("Các bộ, ngành, địa phương và cơ sở", "all", None)]),
    # 054: "yêu cầu:" then a subject-first sentence naming all the addressees ("UBND huyện, thị, thành phố").
    (AN_GIANG, "Nhân dịp Lễ hội, Ủy ban nhân dân tỉnh An Giang yêu cầu:\n\nỦy ban nhân dân các huyện, thị, thành phố "
     "vận động nhân dân treo cờ tổ quốc, bắt đầu từ ngày 22/02/2006.",
     [("Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh An Giang", "all", None)]),
    # 006: the execution clause gives one `all` per title or class, a title shared by two classes each's.
    (NO_HEADER, "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban\n"
     "nhân dân các tỉnh, thành phố trực thuộc Trung ương và các cơ quan, tổ chức, cá nhân có liên quan\nchịu trách "
     "nhiệm thi hành Nghị quyết này./.",
     [("Các Bộ trưởng", "all", None), ("Thủ trưởng cơ quan ngang Bộ", "all", None),
      ("Thủ trưởng cơ quan thuộc Chính phủ", "all", None),
      ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "all", None),
      ("Các cơ quan, tổ chức, cá nhân có liên quan", "all", None)]),
    # 042: an execution clause with a stray comma before "thuộc tỉnh" and classes of enterprises.
    ("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 2191/QĐ-UBND\nThái Nguyên, ngày 21 tháng 7 năm 2017\n\n",
     "Điều 3. Chánh Văn phòng UBND tỉnh; Thủ trưởng các sở,\nban, ngành, thuộc tỉnh; Chủ tịch UBND các huyện, thành "
     "phố, thị xã; Giám đốc\ncác doanh nghiệp Nhà nước thuộc tỉnh và các tổ chức, cá nhân có liên quan chịu\ntrách "
     "nhiệm hành Quyết định này./.",
     [("Chánh Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên", "all", None),
      ("Thủ trưởng các sở, ban, ngành thuộc tỉnh Thái Nguyên", "all", None),
      ("Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã thuộc tỉnh Thái Nguyên", "all", None),
      ("Giám đốc các doanh nghiệp Nhà nước thuộc tỉnh Thái Nguyên", "all", None),
      ("Các tổ chức, cá nhân có liên quan tỉnh Thái Nguyên", "all", None)]),
    # 024: a report of what the Government did is no assignment.
    (GOVERNMENT, "Năm 2024, Chính phủ, Thủ tướng Chính phủ đã chỉ đạo triển khai quyết liệt các nhiệm vụ. Chính phủ "
     "tập trung thực hiện 3 đột phá chiến lược.", []),
    # 010: once a paragraph reports ("Chính phủ đã hoàn thành …"), its later subjects report too.
    (NO_HEADER, "Ở trong nước, Chính phủ đã hoàn thành sắp xếp tổ chức bộ máy; đẩy mạnh thực hiện 03 đột phá. Các tỉnh, "
     "thành phố thực hiện sắp xếp bộ máy theo mô hình chính quyền địa phương 2 cấp, tạo không gian phát triển mới.",
     []),
    # Kon Tum seed: "Xét đề nghị của Sở Tài chính" is a request made *to* the issuer.
    (KON_TUM, "Xét đề nghị của Sở Tài chính tại Công văn số 2522/STC-TH ngày 22 tháng 5 năm 2025, Ủy ban nhân "
     "dân tỉnh có ý kiến như sau: thống nhất chủ trương.", []),
    # An item that opens with its agency and "chủ trì": lead, its partner support.
    (KON_TUM, "a) Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu phân bổ kinh phí.",
     [("Sở Tài chính tỉnh Kon Tum", "lead", None), ("Sở Nội vụ tỉnh Kon Tum", "support", None)]),
    # Header without a capitalised title: only the body's assignment; the date is the partner's too.
    (AN_GIANG_PLAN, "2. Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh ban hành "
     "kế hoạch, báo cáo Ủy ban nhân dân tỉnh trước ngày 31 tháng 5 năm 2025.",
     [("Sở Công Thương tỉnh An Giang", "lead", "2025-05-31"), ("Sở Tư pháp tỉnh An Giang", "support", "2025-05-31")]),
    # 157-kh-ubnd-0299fe (the contract's own example): an agency heading an item owns its sub-items.
    (CAN_THO_PLAN, "V. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\na) Chủ trì, phối hợp với Sở,\nban ngành liên quan triển "
     "khai, đôn đốc, kiểm tra việc thực hiện nội dung kế\nhoạch thi đua này đảm bảo thực chất, hiệu quả;\n\n"
     "b) Tham mưu Ủy ban nhân dân thành phố khen thưởng các tập thể, cá nhân.\n\n2. Sở Nội vụ\n\n"
     "Phối hợp Sở Y tế thẩm định hồ sơ khen thưởng.\n",
     [("Sở Y tế thành phố Cần Thơ", "lead", None),
      ("Các sở, ban ngành liên quan thành phố Cần Thơ", "support", None),
      ("Sở Nội vụ thành phố Cần Thơ", "support", None), ("Sở Y tế thành phố Cần Thơ", "support", None)]),
    # 2610-qd-ubnd-743564: articles "Trách nhiệm của …" of a regulation; a clause opening "phối hợp" is support.
    (CAN_THO_DECISION, "Điều\n14. Trách nhiệm của Sở Khoa học và Công nghệ\n\n1. Có trách nhiệm chủ trì,\nphối hợp "
     "các cơ quan, đơn vị có liên quan tham mưu cải tiến Hệ thống.\n\n2. Bảo đảm Hệ thống hoạt động thông suốt; "
     "phối hợp Công an thành phố giám sát, bảo đảm an toàn thông tin.\n\nĐiều\n15. Trách nhiệm của Công an thành "
     "phố\n\n1. Giám sát công tác bảo đảm\nan toàn thông tin mạng cho Hệ thống.\n",
     [("Sở Khoa học và Công nghệ thành phố Cần Thơ", "lead", None),
      ("Các cơ quan, đơn vị có liên quan thành phố Cần Thơ", "support", None),
      ("Công an thành phố Cần Thơ", "support", None), ("Công an thành phố Cần Thơ", "lead", None)]),
    # 172-kh-ubnd-d4a0d5: labelled fields under a task; "Năm 2025 và các năm tiếp theo" is open-ended.
    (HCM_PLAN, "II. NHIỆM VỤ\n\n2. Tập huấn, bồi dưỡng, hướng dẫn chuyên môn, nghiệp vụ cho cán bộ, công chức.\n\n"
     "- Cơ quan chủ trì: Sở Nội vụ, Sở\nGiáo dục và Đào tạo.\n\n- Cơ quan phối hợp: Bảo hiểm xã\nhội Thành phố.\n\n"
     "- Thời gian thực hiện: Năm 2025\nvà các năm tiếp theo.\n",
     [("Sở Nội vụ thành phố Hồ Chí Minh", "lead", None),
      ("Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh", "lead", None),
      ("Bảo hiểm xã hội Thành phố Hồ Chí Minh", "support", None)]),
    # 172-kh-ubnd-d4a0d5 (another item): a plain year in "Thời gian thực hiện" → 31 December of that year.
    (HCM_PLAN, "II. NHIỆM VỤ\n\n3. Xây dựng các văn bản quy phạm pháp luật quy định chi tiết.\n\n"
     "- Cơ quan chủ trì: Sở Nội vụ.\n\n- Cơ quan phối hợp: Sở Tư pháp.\n\n- Thời gian thực hiện: Năm 2026.\n",
     [("Sở Nội vụ thành phố Hồ Chí Minh", "lead", "2026-12-31"),
      ("Sở Tư pháp thành phố Hồ Chí Minh", "support", "2026-12-31")]),
    # 217-cd-ttg-d0c2ef: "Các Bộ: Quốc phòng, Công an" shares its noun; a duty that (after its frame)
    # opens "chủ động phối hợp" makes its bodies support.
    (TELEGRAM, "5. Các Bộ: Quốc phòng, Công an chủ động chỉ đạo các\nđơn vị đóng trên địa bàn rà soát kịch bản.\n\n"
     "6. Các Bộ: Giáo dục và Đào tạo, Y tế theo chức năng, nhiệm vụ, thẩm quyền chủ\nđộng phối hợp với địa phương "
     "triển khai công tác phòng, chống mưa lũ.\n",
     [("Bộ Quốc phòng", "lead", None), ("Bộ Công an", "lead", None),
      ("Bộ Giáo dục và Đào tạo", "support", None), ("Bộ Y tế", "support", None),
      ("Các địa phương", "support", None)]),
    # 36-2025-nq-hdnd-13be17: an HĐND resolution's "Tổ chức thực hiện" article; the heading is no class.
    (HUE_RESOLUTION, "Điều\n8. Tổ chức thực hiện\n\n1. Giao Ủy ban nhân dân thành phố triển khai thực hiện Nghị "
     "quyết.\n\n2. Giao Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân trong phạm vi, nhiệm vụ, quyền hạn "
     "giám sát việc triển khai thực hiện Nghị quyết.\n\nNghị quyết này đã được Hội đồng nhân dân thành phố Huế khóa "
     "VIII thông qua ngày 18 tháng 11 năm 2025./.",
     [("Ủy ban nhân dân thành phố Huế", "lead", None),
      ("Thường trực Hội đồng nhân dân thành phố Huế", "lead", None),
      ("Các ban Hội đồng nhân dân thành phố Huế", "lead", None)]),
    # 75-2025-nq-hdnd-15a6c4: the members named before their council are the council's ("các Tổ đại biểu
    # và đại biểu Hội đồng nhân dân Thành phố").
    (HANOI_RESOLUTION, "Điều 3. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân Thành phố tổ chức thực hiện Nghị quyết.\n"
     "2. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng\n"
     "nhân dân Thành phố giám sát việc thực hiện Nghị quyết.",
     [("Ủy ban nhân dân Thành phố Hà Nội", "lead", None),
      ("Thường trực Hội đồng nhân dân thành phố Hà Nội", "lead", None),
      ("Các ban của Hội đồng nhân dân thành phố Hà Nội", "lead", None),
      ("Các tổ đại biểu Hội đồng nhân dân Thành phố Hà Nội", "lead", None),
      ("Đại biểu Hội đồng nhân dân Thành phố Hà Nội", "lead", None)]),
    # 385-nq-cp-f5f77c: "Bộ trưởng các Bộ:" shared by the ministries on the next line.
    (GOVERNMENT, "Điều 5. Bộ trưởng các Bộ:\nXây dựng, Ngoại giao, Tư pháp, Công Thương và\nThủ trưởng các cơ quan, đơn "
     "vị liên quan chịu trách nhiệm thi hành Nghị quyết\nnày./.",
     [("Bộ trưởng Bộ Xây dựng", "all", None), ("Bộ trưởng Bộ Ngoại giao", "all", None),
      ("Bộ trưởng Bộ Tư pháp", "all", None), ("Bộ trưởng Bộ Công Thương", "all", None),
      ("Thủ trưởng các cơ quan, đơn vị liên quan", "all", None)]),
    # 375-nq-cp-9a0638: a title over two classes of the same noun is each's.
    (GOVERNMENT, "Điều 3. Bộ trưởng Bộ Tài chính và Bộ trưởng, Thủ trưởng cơ quan\nngang Bộ, cơ quan có liên quan chịu "
     "trách nhiệm thi hành Nghị quyết này./.",
     [("Bộ trưởng Bộ Tài chính", "all", None), ("Bộ trưởng", "all", None),
      ("Thủ trưởng cơ quan ngang Bộ", "all", None), ("Thủ trưởng cơ quan có liên quan", "all", None)]),
    # 648-tb-vpcp-eb7775: a topic before the colon, the duty after it; "Các Bộ, cơ quan:" shares "Bộ".
    (GOVERNMENT, "II. MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n1. Về hỗ trợ kinh phí thực hiện dự án Bệnh án điện\ntử tại các cơ sở y "
     "tế: Giao Bộ Tài chính chủ trì, phối hợp với Bộ Y tế nghiên cứu\ntổng hợp chung kiến nghị của các địa phương.\n"
     "8. Các Bộ, cơ quan: Tài chính, Xây dựng, Ngoại giao, Tập đoàn Điện lực Việt Nam theo chức năng, nhiệm vụ được "
     "giao khẩn\ntrương rà soát lại việc thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ.",
     [("Bộ Tài chính", "lead", None), ("Bộ Y tế", "support", None), ("Bộ Xây dựng", "lead", None),
      ("Bộ Ngoại giao", "lead", None), ("Tập đoàn Điện lực Việt Nam", "lead", None)]),
    # 157-kh-ubnd-0299fe: the closing boilerplate; the subject is the first list of bodies after the
    # opening's commas ("Trong quá trình …, nếu có khó khăn, vướng mắc, các cơ quan, …").
    (CAN_THO_PLAN, "Trong quá trình tổ chức, triển khai thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, "
     "địa phương báo cáo về Sở Y tế để xem xét, giải quyết theo thẩm quyền./.",
     [("Các cơ quan, đơn vị, địa phương thành phố Cần Thơ", "all", None)]),
    # 1627-qd-ubnd-d84a0d: "Trưởng" of "Ban Chỉ đạo"; a dash alone on its line; a body with its apposition;
    # a heading's bracketed list after "gồm"; "Trách nhiệm của" any owner; a time field dates the item above.
    ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 1627/QĐ-UBND\nQuảng Ngãi, ngày 10 tháng 11 năm 2025\n\n",
     "IV. NHIỆM VỤ CỤ THỂ\n\n1.1.\nTrưởng Ban Chỉ đạo\n\n-\nPhân công, chỉ đạo, giao trách nhiệm cho các thành viên.\n\n"
     "1.2.\nSở Tài chính - Cơ quan thường trực Ban Chỉ đạo\n\n- Tổng\nhợp kết quả kiểm kê, báo cáo Bộ Tài chính.\n\n"
     "Thời\ngian hoàn thành: Trước ngày 31/5/2026.\n\n1.3.\nCác cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây "
     "dựng, Công\nThương)\n\n- Phối\nhợp hướng dẫn các cơ quan, tổ chức thực hiện kiểm kê.\n\n1.5.\nTrách nhiệm của đối "
     "tượng thực hiện kiểm kê\n\n- Chuẩn bị các điều kiện cần thiết về hồ sơ.\n",
     [("Trưởng Ban Chỉ đạo tỉnh Quảng Ngãi", "lead", None), ("Sở Tài chính tỉnh Quảng Ngãi", "lead", "2026-05-31"),
      ("Sở Xây dựng tỉnh Quảng Ngãi", "support", None), ("Sở Công Thương tỉnh Quảng Ngãi", "support", None),
      ("Đối tượng thực hiện kiểm kê tỉnh Quảng Ngãi", "lead", None)]),
    # 213/2025/QĐ-UBND of Hải Phòng: a noun shared without a colon ("Lực lượng Kiểm lâm, Công an, Quân đội").
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 213/2025/QĐ-UBND\nHải Phòng, ngày 18 tháng 11 năm 2025\n\n",
     "b) Lực lượng Kiểm lâm, Công an, Quân đội thường xuyên kiểm tra, tuần tra canh gác 24/24 giờ.",
     [("Lực lượng Kiểm lâm thành phố Hải Phòng", "lead", None), ("Lực lượng Công an thành phố Hải Phòng", "lead", None),
      ("Lực lượng Quân đội thành phố Hải Phòng", "lead", None)]),
    # 96-cd-bxd-ba5f78: the telegram's own list says where a name ends ("Cục Kết cấu hạ tầng xây dựng", though
    # "xây dựng" is a verb elsewhere); "Các Sở Xây dựng nêu trên" are the addressed ones; "Các đơn vị" is all of them.
    ("BỘ XÂY DỰNG\n-------\nSố: 96/CĐ-BXD\nHà Nội, ngày 22 tháng 11 năm 2025\n\nCÔNG ĐIỆN\nVỀ VIỆC ỨNG PHÓ MƯA LŨ\n\n"
     "BỘ XÂY DỰNG điện:\n- Cục Kết cấu hạ tầng xây dựng;\n- Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk.\n\n",
     "4. Các Sở Xây dựng nêu trên\n- Chỉ đạo các đơn vị có liên quan kiểm tra, rà soát các vị trí có nguy cơ ngập úng.\n"
     "6. Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo, hướng dẫn các địa phương rà soát.\n"
     "8. Các đơn vị tổ chức trực ban và thực hiện nghiêm túc chế độ báo cáo.\n",
     [("Sở Xây dựng tỉnh Gia Lai", "lead", None), ("Sở Xây dựng tỉnh Đắk Lắk", "lead", None),
      ("Cục Kết cấu hạ tầng xây dựng", "lead", None), ("Các đơn vị", "all", None)]),
    # 012-ct-ubnd-238a3e (012/CT-UBND of Đắk Lắk): a heading whose first line is cut mid-word ("1. Thủ" /
    # "trưởng các sở, …; Chủ tịch UBND các xã, phường") owns its items; a request whose list runs over ";"
    # ("yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức …") asks both.
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n--------\nSố: 012/CT-UBND\nĐắk Lắk, ngày 26 tháng 11 năm 2025\n\nCHỈ THỊ\n"
     "VỀ VIỆC TĂNG CƯỜNG CẢI CÁCH THỦ TỤC HÀNH CHÍNH\n\n",
     "1. Thủ\ntrưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường\n\n"
     "a) Thực hiện nghiêm việc cải\ncách TTHC, nâng cao chất lượng, kiểm soát chặt chẽ bộ TTHC tại các ngành, lĩnh vực.\n\n"
     "Chủ tịch UBND tỉnh yêu cầu\nThủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức quán triệt,\n"
     "triển khai và chỉ đạo các cơ quan, đơn vị thuộc thẩm quyền quản lý thực hiện\nnghiêm túc Chỉ thị này.\n",
     [("Thủ trưởng các sở, ban, ngành tỉnh Đắk Lắk", "lead", None),
      ("Chủ tịch Ủy ban nhân dân các xã, phường thuộc tỉnh Đắk Lắk", "lead", None),
      ("Thủ trưởng các sở, ban, ngành tỉnh Đắk Lắk", "all", None),
      ("Chủ tịch Ủy ban nhân dân các xã, phường thuộc tỉnh Đắk Lắk", "all", None)]),
    # 0129-kh-ubnd-85b593 (0129/KH-UBND of Đắk Lắk): "căn cứ chức năng, nhiệm vụ …, khẩn trương phối hợp triển
    # khai thực hiện Kế hoạch này" is the generic duty, coordination with no one named: the class acts as all.
    # 010-ct-ubnd-77b242 (10/CT-UBND of Đắk Lắk): "có trách nhiệm phối hợp" after a frame makes the bodies support.
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n-------\nSố: 0129/KH-UBND\nĐắk Lắk, ngày 21 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP CHO NHÂN DÂN BỊ ẢNH HƯỞNG MƯA LŨ\n\n",
     "Các cơ quan, đơn vị, địa\nphương căn cứ chức năng, nhiệm vụ được giao, khẩn trương phối hợp triển khai thực\n"
     "hiện Kế hoạch này.\n\n"
     "2. Các Sở, ban, ngành, UBND cấp xã theo chức năng quản lý của\nmình, có trách nhiệm phối hợp cung cấp thông tin "
     "thuộc thẩm quyền quản lý theo\nđề nghị của nhà đầu tư.\n",
     [("Các cơ quan, đơn vị, địa phương tỉnh Đắk Lắk", "all", None), ("Các sở, ban, ngành tỉnh Đắk Lắk", "support", None),
      ("Ủy ban nhân dân cấp xã thuộc tỉnh Đắk Lắk", "support", None)]),
    # 2530-qd-ttg-893772 (2530/QĐ-TTg), Phụ lục II: a task table whose rows number again under each group
    # ("I", "1", "II", "1"); a dash list of partners is one cell, "Thực hiện mới" the next; "UBND các tỉnh/ thành
    # phố" is "Ủy ban nhân dân các tỉnh, thành phố"; "trong giai đoạn 2026 - 2027 và vận hành … thường xuyên" → 2027.
    ("THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 2530/QĐ-TTg\nHà Nội, ngày 19 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nPHÊ "
     "DUYỆT KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA VỀ KHẮC PHỤC Ô NHIỄM KHÔNG KHÍ\n\n",
     "PHỤ LỤC II\nDANH MỤC CÁC NHIỆM VỤ, DỰ ÁN ƯU TIÊN\n(Kèm theo Quyết định số 2530/QĐ-TTg ngày 19 tháng "
     "11 năm 2025 của Thủ tướng\nChính phủ)\n\nSTT\n\nTên dự án, nhiệm\nvụ\n\nNội dung chính\n\nCơ quan ch"
     "ủ trì\n\nCơ quan phối hợp\n\nTình trạng\n\nThời gian thực\nhiện\n\nNguồn lực thực\nhiện\n\nI\n\nNHÓM"
     " QUAN TRẮC, QUẢN\nLÝ DỮ LIỆU, DỰ BÁO VÀ ỨNG PHÓ Ô NHIỄM KHÔNG KHÍ\n\n1\n\nXây dựng, nâng cấp và vận "
     "hành Hệ thống Cảnh báo,\ndự báo, kiểm soát ô nhiễm môi trường không khí\n\n- Sản phẩm: Hệ thống cảnh"
     " báo, dự báo, kiểm soát\nô nhiễm môi trường không khí quốc gia được vận hành chính thức.\n\nBộ Nông "
     "nghiệp và Môi trường\n\n- Bộ Xây dựng;\n- Bộ Công thương;\n- UBND các tỉnh/ thành phố\n\nThực hiện m"
     "ới\n\nXây dựng, trong giai đoạn 2026 - 2027 và vận\nhành, nâng cấp thường xuyên, liên tục\n\nI, II, "
     "IV\n\nII\n\nHOÀN THIỆN CÁC CHÍNH\nSÁCH PHÁP LUẬT VỀ KIỂM SOÁT, QUẢN LÝ CHẤT LƯỢNG MÔI TRƯỜNG KHÔNG K"
     "HÍ\n\n1\n\nXây dựng lộ trình cung ứng nhiên liệu và kiểm\nsoát chất lượng nhiên liệu\n\n- Sản phẩm: "
     "Lộ trình cung ứng nhiên liệu được xây\ndựng và ban hành.\n\nBộ Công Thương\n\nCác bộ ngành và các đị"
     "a phương\n\nThực hiện mới\n\nNăm 2026\n\nI\n",
     [("Bộ Nông nghiệp và Môi trường", "lead", "2027-12-31"), ("Bộ Xây dựng", "support", "2027-12-31"),
      ("Bộ Công Thương", "support", "2027-12-31"), ("Ủy ban nhân dân các tỉnh, thành phố", "support", "2027-12-31"),
      ("Bộ Công Thương", "lead", "2026-12-31"), ("Các bộ ngành", "support", "2026-12-31"),
      ("Các địa phương", "support", "2026-12-31")]),
    # 230-cd-ttg-e71f29 (230/CĐ-TTg): a request to every title the telegram is sent to, printed shorter ("các đồng
    # chí Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, Chủ tịch UBND các tỉnh, thành phố"), is to all of them.
    ("THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 230/CĐ-TTg\nHà Nội, ngày 26 tháng 11 năm 2025\n\nCÔNG ĐIỆN\n"
     "VỀ VIỆC KHẨN TRƯƠNG HOÀN THÀNH CẬP NHẬT\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n\n- Bộ trưởng; Thủ trưởng cơ quan ngang Bộ, cơ quan\n"
     "thuộc Chính phủ;\n- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n",
     "Đề nghị các đồng chí Bộ trưởng, Thủ trưởng các cơ\nquan ngang Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chỉ "
     "đạo quyết liệt,\nsát sao, khẩn trương tháo gỡ vướng mắc cho các dự án.\n",
     [("Bộ trưởng", "all", None), ("Thủ trưởng các cơ quan ngang Bộ", "all", None),
      ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "all", None)]),
    # 157-kh-ubnd-0299fe: "Theo chức năng, nhiệm vụ của đơn vị" frames a duty that opens "phối hợp" (support);
    # a list never ends inside an aside ("Sở Nội vụ (Ban Thi đua - Khen thưởng)" is Sở Nội vụ).
    (CAN_THO_PLAN,
     "1. Sở Y tế\n\nc) Phối hợp Sở Nội vụ (Ban\nThi đua - Khen thưởng) tiến hành họp xét, đánh giá, xét thi đua, đề nghị\n"
     "khen thưởng cho tập thể, cá nhân.\n\n4. Sở Khoa học và Công nghệ\n\nTheo chức năng, nhiệm vụ của\nđơn vị phối hợp, "
     "hỗ trợ, chia sẻ kinh nghiệm trong công tác chi trả không dùng\ntiền mặt.\n",
     [("Sở Y tế thành phố Cần Thơ", "support", None), ("Sở Nội vụ thành phố Cần Thơ", "support", None),
      ("Sở Khoa học và Công nghệ thành phố Cần Thơ", "support", None)]),
    # 217-cd-ttg-d0c2ef: the telegram is sent to "Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"; an item
    # naming that office reads the name the list printed ("phòng thủ" is no verb here).
    (TELEGRAM.replace("Quảng Trị.\n", "Quảng Trị;\n- Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.\n"),
     "7. Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo\ndõi sát diễn biến tình hình, sẵn sàng điều phối, huy động "
     "lực lượng, phương\ntiện hỗ trợ địa phương triển khai ứng phó với mưa lũ.\n",
     [("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia", "lead", None)]),
    # 627-tb-vpcp-079f4e (627/TB-VPCP): a Deputy Prime Minister given a task by name; the name ends before its
    # deadline ("… Trần Hồng Hà trước ngày 15 tháng 11 năm 2025 trực tiếp kiểm tra …").
    ("VĂN PHÒNG CHÍNH PHỦ\n-------\nSố: 627/TB-VPCP\nHà Nội, ngày 18 tháng 11 năm 2025\n\nTHÔNG BÁO\n"
     "KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ TẠI PHIÊN HỌP BAN CHỈ ĐẠO\n\n",
     "c) Giao Phó Thủ tướng Chính phủ Trần Hồng Hà trước ngày 15 tháng 11 năm 2025 trực tiếp kiểm tra, đôn đốc "
     "tiến độ dự án.\n",
     [("Phó Thủ tướng Chính phủ Trần Hồng Hà", "lead", "2025-11-15")]),
    # 224-cd-ttg-6ca754 (224/CĐ-TTg): "ý kiến chỉ đạo của Thủ tướng", "Ban chỉ đạo", "ngành giao thông vận tải"
    # direct no one: the partner after "chủ động, phối hợp" is the item's own.
    ("THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 224/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\n\nCÔNG ĐIỆN\n"
     "VỀ VIỆC TỔ CHỨC KHÁNH THÀNH, KHỞI CÔNG CÁC CÔNG TRÌNH\n\n",
     "2. Bộ Xây dựng\n\nb) Khẩn trương thực hiện ý kiến chỉ đạo của Thủ tướng\nChính phủ, Trưởng Ban chỉ đạo Nhà nước "
     "các công trình, dự án quan trọng quốc\ngia, trọng điểm ngành giao thông vận tải (Thông báo số 627/TB-VPCP ngày\n"
     "18/11/2025), chủ động, phối hợp Bộ Nội vụ tham mưu Chính phủ, Thủ tướng Chính\nphủ xem xét khen thưởng xứng đáng.\n",
     [("Bộ Xây dựng", "lead", None), ("Bộ Nội vụ", "support", None)]),
    # 224-cd-ttg-6ca754: one class printed "các bộ, ngành địa phương liên quan" and "các bộ ngành, địa phương liên
    # quan" is one class, named by its fullest printed form in every entry.
    ("THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 224/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\n\nCÔNG ĐIỆN\n"
     "VỀ VIỆC TỔ CHỨC KHÁNH THÀNH, KHỞI CÔNG CÁC CÔNG TRÌNH\n\n",
     "1. Bộ Xây dựng chủ trì, phối hợp với Văn phòng Chính phủ, các bộ, ngành địa phương liên quan tổ chức lễ khánh "
     "thành.\n2. Đài truyền hình Việt Nam chủ trì đạo diễn, phối hợp với các bộ ngành, địa phương liên quan xây dựng "
     "kịch bản.\n3. Bộ Nội vụ chủ trì, phối hợp với các bộ, ngành, địa phương liên quan đề xuất khen thưởng.\n",
     [("Bộ Xây dựng", "lead", None), ("Văn phòng Chính phủ", "support", None),
      ("Các bộ, ngành, địa phương liên quan", "support", None), ("Đài truyền hình Việt Nam", "lead", None),
      ("Bộ Nội vụ", "lead", None)]),
    # 213/2025/QĐ-UBND of Hải Phòng: a class of bodies that are in the city, not the city's own, is qualified
    # "trên địa bàn" the city ("Các chủ rừng").
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 213/2025/QĐ-UBND\nHải Phòng, ngày 18 tháng 11 năm 2025\n\n",
     "Các chủ rừng phải thường xuyên kiểm tra\nlực lượng canh phòng và lực lượng khoán quản bảo vệ rừng, nhất là trồng rừng.",
     [("Các chủ rừng trên địa bàn thành phố Hải Phòng", "lead", None)]),
    # 2579-qd-ubnd-b7ef7a (2579/QĐ-UBND of Cần Thơ): in the execution clause a title goes on over the classes
    # after ";" that print none ("Thủ trưởng cơ quan Trung ương …; cơ quan chuyên môn …; ban ngành thành phố"),
    # and "trên địa bàn thành phố" is the city.
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n--------\nSố: 2579/QĐ-UBND\nCần Thơ, ngày 20 tháng 11 năm 2025\n\n"
     "QUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ XẾP LOẠI\n\n",
     "Điều 4.\nChánh Văn phòng Ủy ban nhân dân thành phố, Thủ trưởng\ncơ quan Trung ương trên địa bàn thành phố; cơ quan "
     "chuyên môn, đơn vị sự nghiệp\ncông lập thuộc Ủy ban nhân dân thành phố; ban ngành thành phố và Chủ tịch Ủy\nban nhân "
     "dân xã, phường chịu trách nhiệm thi hành Quyết định này./.\n",
     [("Chánh Văn phòng Ủy ban nhân dân thành phố Cần Thơ", "all", None),
      ("Thủ trưởng cơ quan Trung ương trên địa bàn thành phố Cần Thơ", "all", None),
      ("Thủ trưởng cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân thành phố Cần Thơ", "all", None),
      ("Thủ trưởng ban ngành thành phố Cần Thơ", "all", None),
      ("Chủ tịch Ủy ban nhân dân xã, phường thuộc thành phố Cần Thơ", "all", None)]),
    # 1627-qd-ubnd-d84a0d: a time field that runs until an event ("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê")
    # dates nothing; the next one ("Tháng 11 - 12/2025") dates its item.
    ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 1627/QĐ-UBND\nQuảng Ngãi, ngày 10 tháng 11 năm 2025\n\n",
     "1.2.\nSở Tài chính - Cơ quan thường trực Ban Chỉ đạo\n\n-\nTuyên truyền, phổ biến, quán triệt các cơ quan, tổ chức, "
     "đơn vị, doanh nghiệp\nthuộc phạm vi quản lý thực hiện nghiêm túc các quy định về quản lý, sử dụng tài\nsản công.\n\n"
     "Thời\ngian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.\n\n-\nTham mưu triển khai thực hiện kế hoạch "
     "kiểm kê.\n\nThời\ngian hoàn thành: Tháng 11 - 12/2025.\n",
     [("Sở Tài chính tỉnh Quảng Ngãi", "lead", None), ("Sở Tài chính tỉnh Quảng Ngãi", "lead", "2025-12-31")]),
    # 10988-bnv-cqdp-d86452 (10988/BNV-CQĐP): "trân trọng đề nghị" asks the bodies after it, the issuer only speaks;
    # "của Trung ương" goes on with its class.
    ("BỘ NỘI VỤ\n--------\nSố:10988/BNV-CQĐP\nV/v tuyên truyền chủ trương, chính sách của\nĐảng, Nhà nước.\n\n"
     "Hà Nội, ngày\n21 tháng 11 năm 2025\n\nKính gửi:\n\n- Ban Tuyên giáo và Dân vận Trung ương,\n"
     "- Bộ Văn hóa, Thể thao và Du lịch,\n- Báo Nhân dân.\n\n",
     "Bộ Nội vụ trân trọng đề nghị Ban Tuyên\ngiáo và Dân vận Trung ương, Bộ Văn hóa, Thể thao và Du lịch, các cơ quan báo\n"
     "chí của Trung ương chỉ đạo các cơ quan thông tấn, báo chí định hướng\nthông tin đúng.\n",
     [("Ban Tuyên giáo và Dân vận Trung ương", "all", None), ("Bộ Văn hóa, Thể thao và Du lịch", "all", None),
      ("Các cơ quan báo chí của Trung ương", "all", None)]),
    # 659-tb-vpcp-581e7c (659/TB-VPCP): the issuer named as a partner ("phối hợp với Văn phòng Chính phủ") is
    # support like any agency; 556/KH-UBND: "Ủy ban nhân dân 04 xã: Gia Thuận, …" is the communes', named.
    ("VĂN PHÒNG CHÍNH PHỦ\n-------\nSố: 659/TB-VPCP\nHà Nội, ngày 28 tháng 11 năm 2025\n\nTHÔNG BÁO\n"
     "KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ\n\n",
     "3. Bộ Tư pháp có trách nhiệm\nkiểm tra, đôn đốc các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ trong việc\n"
     "thực hiện các Nghị quyết và các nhiệm vụ nêu trên; chủ trì, phối hợp với Văn\nphòng Chính phủ khẩn trương nghiên "
     "cứu, đề xuất cấp có thẩm quyền ban hành tiêu\nchí đánh giá.\n",
     [("Bộ Tư pháp", "lead", None), ("Văn phòng Chính phủ", "support", None)]),
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố: 556/KH-UBND\nĐồng Tháp, ngày 24 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "PHÁT TRIỂN KINH TẾ BIỂN\n\n",
     "- Sở Nông nghiệp và Môi trường tiếp tục triển khai thực hiện Kế hoạch 310/KH-UBND; phối hợp với Ủy ban nhân dân\n"
     "04 xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông thành lập mới khu bảo vệ\nnguồn lợi thủy sản.\n",
     [("Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp", "lead", None),
      ("Ủy ban nhân dân các xã Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông thuộc tỉnh Đồng Tháp", "support", None)]),
    # 0129-kh-ubnd-85b593: a heading that lists its owners up to a colon, the last one no body the registry
    # knows ("… Cổng Thông tin điện tử tỉnh và hệ thống truyền thanh cơ sở:"), names that one as printed (the file
    # prints "tính" for "tỉnh", a typo left out here).
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n-------\nSố: 0129/KH-UBND\nĐắk Lắk, ngày 21 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP CHO NHÂN DÂN BỊ ẢNH HƯỞNG MƯA LŨ\n\n",
     "9.\nBáo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, Thể thao và Du lịch, Cổng\nThông tin điện tử tỉnh và hệ "
     "thống truyền thanh cơ sở:\n\n"
     "Theo chức năng, nhiệm vụ\ntăng cường thông tin, tuyên truyền về kế hoạch hỗ trợ, lịch phân bổ hàng hóa tại\n"
     "từng xã, phường.\n",
     [("Báo và Phát thanh - Truyền hình Đắk Lắk", "lead", None), ("Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk", "lead", None),
      ("Cổng Thông tin điện tử tỉnh Đắk Lắk", "lead", None), ("Hệ thống truyền thanh cơ sở tỉnh Đắk Lắk", "lead", None)]),
    # 2610-qd-ubnd-743564 and 2579-qd-ubnd-b7ef7a: a list followed by "được …"/"bị …" is what the sentence is about,
    # not who acts ("Hệ thống … được xây dựng nhằm …", "chủ tịch, phó chủ tịch … bị xử lý kỷ luật"); 377-nq-cp-c0ead8:
    # "yêu cầu hội nhập" asks no "hội".
    (CAN_THO_DECISION,
     "b) Hệ thống lấy ý kiến điện\ntử thành phố Cần Thơ được xây dựng nhằm phục vụ cho việc lấy ý kiến đối với nội\n"
     "dung, dự thảo văn bản cần xin ý kiến theo quy định.\n\nc) Ủy ban nhân dân xã, phường có\nmột trong các chức danh lãnh "
     "đạo: Bí thư, phó bí thư đảng ủy; chủ tịch, phó chủ\ntịch hội đồng nhân dân, ủy ban nhân dân bị xử lý kỷ luật có hình "
     "thức thì xếp\nloại như sau.\n\nd) Bảo đảm tính khả thi của các quy định, đáp ứng yêu cầu hội nhập của\nViệt Nam với "
     "các nước trong khu vực và trên thế giới.\n",
     []),
    # 0204-kh-ubnd-3a3fa6 (0204/KH-UBND of Cà Mau): "ngành" alone before its field names one sector, not a class
    # ("ngành Thuế phối hợp chặt chẽ với các ngành, các cấp …"); "các cấp" after a comma qualifies the class before it.
    ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n-------\nSố: 0204/KH-UBND\nCà Mau, ngày 19 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "THU NGÂN SÁCH NHÀ NƯỚC\n\n",
     "- Đẩy mạnh công tác quản lý nợ đọng thuế; đồng thời,\nngành Thuế phối hợp chặt chẽ với các ngành, các cấp thực hiện "
     "chống thất thu\nthuế theo Kế hoạch của Ủy ban nhân dân tỉnh.\n",
     [("Ngành Thuế tỉnh Cà Mau", "support", None), ("Các ngành, các cấp tỉnh Cà Mau", "support", None)]),
    # 0124-kh-ubnd-2b65bb (0124/KH-UBND of Đắk Lắk): "Tiêu chí thi đua" lists what will be judged, no duties; 982/KH-UBND
    # of Nghệ An: "các tổ chức chính trị-xã hội", printed with a tight hyphen, is the class "chính trị - xã hội".
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n-------\nSố: 0124/KH-UBND\nĐắk Lắk, ngày 20 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "TỔ CHỨC ĐỢT THI ĐUA\n\n",
     "2. Tiêu chí thi đua\n\na) Đối với các sở, ban, ngành,\nUBND các xã, phường\n\n- Hoàn thành vượt mức các chỉ\n"
     "tiêu phát triển kinh tế - xã hội năm 2025, bảo đảm ổn định chính trị.\n\n"
     "3. Tổ chức thực hiện\n\n- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức\nchính trị-xã hội phát huy mạnh mẽ, "
     "thành quả của các phong trào thi đua.\n",
     [("Ủy ban Mặt trận Tổ quốc tỉnh Đắk Lắk", "lead", None),
      ("Các tổ chức chính trị - xã hội tỉnh Đắk Lắk", "lead", None)]),
    # 217-cd-ttg-d0c2ef (217/CĐ-TTg): "nhất là" singles out bodies and the list goes on; the lead-in asks each of them.
    (TELEGRAM, "Thủ tướng Chính phủ yêu cầu lãnh đạo các Bộ, ngành có liên quan, nhất là các\nBộ: Quốc phòng, Công an "
     "theo chức năng, nhiệm vụ, thẩm quyền tập trung chỉ đạo khắc phục nhanh hậu quả, trong đó tập trung\nmột số nhiệm vụ "
     "cụ thể sau:\n\n1. Văn phòng Chính phủ theo dõi, đôn đốc thực hiện nghiêm túc Công điện.\n",
     [("Lãnh đạo các bộ, ngành có liên quan", "all", None), ("Bộ Quốc phòng", "all", None), ("Bộ Công an", "all", None),
      ("Văn phòng Chính phủ", "lead", None)]),
    # 217-cd-ttg-d0c2ef: a range of places ends the class, not its duty; "nêu trên" points back to it.
    (TELEGRAM, "Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các\ntỉnh, thành phố nêu trên tập trung chỉ đạo, "
     "trong đó tập trung một số nhiệm vụ cụ thể sau:\n\n1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ\nHà Tĩnh đến "
     "Khánh Hòa:\n\na) Tổ chức theo dõi chặt chẽ, cập nhật đầy đủ thông tin về tình hình mưa lũ.\n",
     [("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa", "all", None),
      ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa", "lead", None)]),
    # 75-2025-nq-hdnd-15a6c4 (75/2025/NQ-HĐND of Hà Nội): "phối hợp tổ chức tuyên truyền" is what they do together;
    # "tổ chức" there names no partner.
    (HANOI_RESOLUTION, "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành\nphố Hà Nội và các tổ chức chính trị - xã hội "
     "phối hợp tổ chức tuyên truyền và\ngiám sát việc thực hiện Nghị quyết.\n",
     [("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội", "support", None),
      ("Các tổ chức chính trị - xã hội thành phố Hà Nội", "support", None)]),
    # 982-kh-ubnd-42dd1c (982/KH-UBND of Nghệ An): a subject-first lead-in to several bodies framing the items is
    # `all`; "các xã, phường" acting are their People's Committees; "mọi người dân" besides them is no body.
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-------\nSố: 982/KH-UBND\nNghệ An, ngày 20 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "TỔ CHỨC ĐỢT THI ĐUA\n\n",
     "II. NỘI DUNG ĐỢT THI ĐUA\n\nĐể toàn dân đồng lòng, thi đua hành động, thực hiện\nthắng lợi các nhiệm vụ; các\n"
     "sở, ban, ngành, Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội,\ncác xã, phường (sau đây viết tắt "
     "là cơ quan, đơn\nvị) và mọi người dân triển khai Đợt thi đua, tập trung thi đua thực hiện các nội dung\n"
     "chủ yếu sau:\n\n1. Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội.\n",
     [("Các sở, ban, ngành tỉnh Nghệ An", "all", None), ("Ủy ban Mặt trận Tổ quốc tỉnh Nghệ An", "all", None),
      ("Các tổ chức chính trị - xã hội tỉnh Nghệ An", "all", None),
      ("Ủy ban nhân dân các xã, phường thuộc tỉnh Nghệ An", "all", None)]),
    # 556-kh-ubnd-8fc192 (556/KH-UBND of Đồng Tháp): a heading cut over two lines names the communes after its colon;
    # they own the item's dashes.
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n-------\nSố: 556/KH-UBND\nĐồng Tháp, ngày 20 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "KHAI THÁC BỀN VỮNG TÀI NGUYÊN BIỂN\n\n",
     "12. Ủy\nban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông\n\n- Xây dựng kế hoạch cụ thể\n"
     "hóa các nhiệm vụ và giải pháp để tổ chức triển khai thực hiện kế hoạch.\n",
     [("Ủy ban nhân dân các xã Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông thuộc tỉnh Đồng Tháp", "lead", None)]),
    # 17986-btc-ct-88395e (17986/BTC-CT): a request to the addressee printed shorter names the addressee.
    ("BỘ TÀI CHÍNH\n-------\nSố: 17986/BTC-CT\nV/v Phổ biến Cẩm nang nghiệp vụ thuế\n\nHà Nội, ngày 19 tháng 11\n"
     "năm 2025\n\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố\ntrực thuộc Trung ương\n",
     "Để phát huy hiệu quả của Cẩm nang, Bộ Tài\nchính đề nghị UBND các tỉnh, thành phố quan tâm chỉ đạo:\n"
     "1. Phổ biến rộng rãi nội dung Cẩm nang.\n",
     [("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "all", None)]),
    # 235-kh-ubnd-224669 (235/KH-UBND of Thanh Hóa): "X chỉ đạo Y thực hiện các nội dung sau:" — Y carries the items.
    ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\n-------\nSố: 235/KH-UBND\nThanh Hóa, ngày 20 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "QUAN TRẮC MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN\n\n",
     "IV. TỔ CHỨC\nTHỰC HIỆN\n\n1. Sở Nông nghiệp và Môi trường\nchỉ đạo Chi cục Biển đảo và Thủy sản thực hiện các nội "
     "dung sau:\n\n- Lập dự toán kinh phí báo cáo\nSở Nông nghiệp và Môi trường trình cấp có thẩm quyền phê duyệt.\n",
     [("Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa", "lead", None),
      ("Chi cục Biển đảo và Thủy sản tỉnh Thanh Hóa", "lead", None)]),
    # 627-tb-vpcp-079f4e (627/TB-VPCP): "Đối với X cần …" gives X the duty.
    (TELEGRAM, "Đối với các chủ đầu tư cần nhanh chóng dọn dẹp mặt bằng, khôi phục lại thi\ncông.\n",
     [("Các chủ đầu tư", "lead", None)]),
    # 2579-qd-ubnd-b7ef7a (2579/QĐ-UBND of Cần Thơ): a quota under a body's heading is no duty of it.
    (CAN_THO_DECISION, "1. Cơ quan Trung ương trên địa\nbàn thành phố: Xét tối đa 2 tập thể và 4 cá nhân.\n\n"
     "2. Sở Nội vụ: Tổng hợp kết quả tự chấm điểm.\n",
     [("Sở Nội vụ thành phố Cần Thơ", "lead", None)]),
    # 030-2025-qd-ubnd-0214f4 (030/2025/QĐ-UBND of Đắk Lắk): "có ý kiến" is a body's duty unless its sentence opens
    # what follows ("… có ý kiến như sau:", the speaker).
    (CAN_THO_DECISION, "2. Sở Xây dựng có ý kiến hướng dẫn chuyên môn về xây dựng khi được Cơ quan thuế của địa phương "
     "lấy ý kiến.\n", [("Sở Xây dựng thành phố Cần Thơ", "lead", None)]),
    (CAN_THO_PLAN, "Sở Tài chính có ý kiến như sau:\n1. Sở Y tế tổng hợp kết quả.\n",
     [("Sở Y tế thành phố Cần Thơ", "lead", None)]),
    # 2610-qd-ubnd-743564 (2610/QĐ-UBND of Cần Thơ): bodies with people after them keep their duty; a list opening
    # with people (1610/QĐ-TTPVHCC of Hà Nội) is the public's.
    (CAN_THO_DECISION, "1. Các cơ quan, đơn vị và người sử dụng có trách nhiệm bảo vệ các nội dung văn bản điện tử "
     "không bị nhiễm mã độc.\n\n2. Cá nhân, tổ chức nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia.\n",
     [("Các cơ quan, đơn vị thành phố Cần Thơ", "all", None)]),
    # 174-kh-ubnd-981e7a (174/KH-UBND of Thành phố Hồ Chí Minh): each "+" under "Cơ quan thực hiện:" is read on its own.
    (HCM_PLAN, "c) Hoạt động 3\n\n- Nội dung: Tuyên truyền.\n\n- Cơ quan thực hiện:\n\n+ Sở Văn hóa và Thể thao chủ\n"
     "trì, phối hợp với các đơn vị có liên quan.\n\n+ Sở Xây dựng đăng tải thông\nđiệp truyền thông Tháng hành động.\n",
     [("Sở Văn hóa và Thể thao thành phố Hồ Chí Minh", "lead", None),
      ("Các đơn vị có liên quan thành phố Hồ Chí Minh", "support", None),
      ("Sở Xây dựng thành phố Hồ Chí Minh", "lead", None)]),
    # 0130-kh-ubnd-6ef1e3 (0130/KH-UBND of Đắk Lắk): "tập trung" inside a name before a passive is no duty's verb;
    # 012-ct-ubnd-238a3e (012/CT-UBND): a bare title past an opening phrase is no subject.
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n-------\nSố: 0130/KH-UBND\nĐắk Lắk, ngày 20 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
     "PHÒNG CHỐNG DỊCH BỆNH SAU LŨ\n\n",
     "- Hệ thống cấp nước tập\ntrung bị hư hại hoặc nhiễm bẩn.\n\n- Phối hợp Văn phòng UBND tỉnh đánh giá chất lượng "
     "phục vụ; căn cứ kết quả đánh\ngiá, xem xét trách nhiệm của các cá nhân, người đứng đầu làm cơ sở đánh giá.\n",
     [("Văn phòng Ủy ban nhân dân tỉnh Đắk Lắk", "support", None)]),
    # 010-ct-ubnd-77b242 (010/CT-UBND of Đắk Lắk): a heading's class whose aside names the bodies gives them the items.
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n-------\nSố: 10/CT-UBND\nĐắk Lắk, ngày 20 tháng 11 năm 2025\n\nCHỈ THỊ\n"
     "VỀ ĐẦU TƯ\n\n",
     "I.\nTrách nhiệm phối hợp trong công tác thẩm định\n\n1.\nCác cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý "
     "các Khu\ncông nghiệp tỉnh):\n\na) Là đầu mối chủ trì, tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định.\n",
     [("Sở Tài chính tỉnh Đắk Lắk", "lead", None), ("Ban Quản lý các khu công nghiệp tỉnh Đắk Lắk", "lead", None)]),
    # 5155-sgddt-gdtxnndh-b8f96b (5155/SGDĐT-GDTXNNĐH of Thành phố Hồ Chí Minh): "Quy chế phối hợp các đơn vị" names a
    # document; the units named are no one's partners.
    (HCM_PLAN, "Xây dựng Quy chế phối hợp các đơn vị trong công tác giáo dục thường xuyên.\n", []),
    # 627-tb-vpcp-079f4e (627/TB-VPCP): the bodies a duty says to "làm việc với" take part in it; the aside names them.
    (TELEGRAM, "b) Ủy ban nhân dân tỉnh Hưng Yên khẩn trương làm việc\nvới các địa phương (Ninh Bình, Hải Phòng, Bắc Ninh) để "
     "thống\nnhất phương án khai thác vật liệu xây dựng.\n",
     [("Ủy ban nhân dân tỉnh Hưng Yên", "lead", None), ("Ủy ban nhân dân tỉnh Ninh Bình", "support", None),
      ("Ủy ban nhân dân thành phố Hải Phòng", "support", None), ("Ủy ban nhân dân tỉnh Bắc Ninh", "support", None)]),
    # 641-tb-vpcp-619da3 (641/TB-VPCP): a visit told in the past names no partner; "buổi làm việc với" is a meeting.
    (TELEGRAM, "Ngày 18 tháng 11 năm 2025, tại thành phố Đà Nẵng, Phó Thủ tướng Phạm Thị\nThanh Trà đã kiểm tra thực tế "
     "tại Trung tâm phục vụ hành chính công và làm việc với\nthành phố Đà Nẵng về tình hình sắp xếp tổ chức bộ máy.\n", []),
    (TELEGRAM, "Phó Thủ tướng Chính phủ Bùi Thanh Sơn đã chủ trì buổi làm việc với lãnh đạo tỉnh Phú Thọ.\n", []),
    # 1512-qd-ubnd-994b8e (1512/QĐ-UBND of Bắc Ninh): a tone mark in its old place ("Văn hoá") reads as the modern one.
    (CAN_THO_DECISION, "Điều 3. Chánh Văn phòng UBND thành phố, Giám đốc Sở Văn hoá, Thể thao và Du lịch chịu trách\n"
     "nhiệm thi hành Quyết định này.\n",
     [("Chánh Văn phòng Ủy ban nhân dân thành phố Cần Thơ", "all", None),
      ("Giám đốc Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ", "all", None)]),
    # 172-kh-ubnd-d4a0d5 (172/KH-UBND of Thành phố Hồ Chí Minh): "phối hợp với cơ quan chủ trì" names no new partner.
    (HCM_PLAN, "2. Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ được phân công, bảo đảm "
     "tiến độ\nvà nội dung công việc, các cơ quan phối hợp có trách nhiệm phối hợp với cơ quan chủ trì thực hiện các "
     "nhiệm\nvụ được giao theo Kế hoạch này.\n", []),
    # 224-cd-ttg-6ca754 (224/CĐ-TTg): "chỉ đạo chủ trì, phối hợp với …" directs no one; the partners are the minister's.
    (TELEGRAM, "6. Bộ trưởng Bộ Nội vụ chỉ đạo chủ trì, phối hợp với Bộ Xây dựng, Văn phòng Chính phủ khẩn trương hướng "
     "dẫn, rà soát, kịp thời khen thưởng.\n",
     [("Bộ trưởng Bộ Nội vụ", "lead", None), ("Bộ Xây dựng", "support", None), ("Văn phòng Chính phủ", "support", None)]),
    # 234-cd-ttg-4fff7b (234/CĐ-TTg): "trong đó trọng tâm là các tỉnh: …" remarks on members of the heading's class; the
    # items stay the class's.
    (TELEGRAM, "Thủ tướng Chính phủ yêu cầu:\n1. Chủ tịch Ủy ban nhân\ndân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong "
     "đó trọng tâm là các tỉnh:\nĐắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng:\na) Tổ chức xây dựng kế hoạch\ncụ thể, phát "
     "động và triển khai ngay Chiến dịch Quang Trung.\n",
     [("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng", "lead", None)]),
    # 230-cd-ttg-e71f29 (230/CĐ-TTg): a list of bodies cut by a semicolon goes on to its duty; "cơ quan thanh tra" is
    # a class of bodies, "thanh tra" no verb of theirs.
    (TELEGRAM, "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\nỦy ban nhân dân các tỉnh, thành phố trực thuộc "
     "trung ương và các cơ quan thanh\ntra căn cứ chức năng, nhiệm vụ được giao khẩn trương triển khai hiệu quả các\n"
     "nhiệm vụ nêu trên.\n",
     [("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "all", None),
      ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "all", None),
      ("Các cơ quan thanh tra", "all", None)]),
    # 471-qd-ubnd-22215e (471/QĐ-UBND of Bắc Ninh): "… căn cứ Quyết định thi hành" is an execution clause.
    (CAN_THO_DECISION, "Điều 3. Chánh Văn phòng UBND thành phố; Chủ tịch UBND các xã, phường và các tổ chức, cá nhân liên "
     "quan căn cứ Quyết định thi hành./.\n",
     [("Chánh Văn phòng Ủy ban nhân dân thành phố Cần Thơ", "all", None),
      ("Chủ tịch Ủy ban nhân dân các xã, phường thuộc thành phố Cần Thơ", "all", None),
      ("Các tổ chức, cá nhân liên quan thành phố Cần Thơ", "all", None)]),
    # 157-kh-ubnd-0299fe (157/KH-UBND of Cần Thơ): a short name the text defines ("gọi tắt là Hội đồng thi đua") is the
    # body in full wherever it is used.
    (CAN_THO_PLAN, "Căn cứ kết quả đánh giá, xếp hạng của Hội đồng Thi đua – Khen thưởng ngành Y tế thành phố (gọi\ntắt là "
     "Hội đồng thi đua).\n\na) Trên cơ sở kết quả kiểm tra, đánh giá, chấm điểm của Sở Y tế, Hội đồng thi\nđua họp xét "
     "đánh giá các xã, phường.\n",
     [("Hội đồng Thi đua – Khen thưởng ngành Y tế thành phố Cần Thơ", "lead", None)]),
    # 627-tb-vpcp-079f4e (627/TB-VPCP): "các thành viên của Ban Chỉ đạo" are the members of the one it defined.
    (TELEGRAM, "Thủ tướng chủ trì Phiên họp Ban Chỉ đạo Nhà nước các công trình, dự án quan trọng quốc gia, trọng\nđiểm "
     "ngành giao thông vận tải (sau đây gọi tắt là Ban Chỉ đạo).\n\na) Yêu cầu các bộ, ngành, địa phương, các thành "
     "viên của Ban Chỉ đạo phải tiếp tục nâng cao hơn nữa, quyết liệt hơn nữa.\n",
     [("Các bộ, ngành, địa phương", "all", None),
      ("Các thành viên của Ban Chỉ đạo Nhà nước các công trình, dự án quan trọng quốc gia, trọng điểm ngành giao thông "
       "vận tải", "all", None)]),
    # 09-ct-ubnd-21003c (09/CT-UBND of Cần Thơ): a class heading's closing "có trách nhiệm" is no part of its name.
    (CAN_THO_PLAN, "11. Các\nđơn vị cấp nước sạch trên địa bàn thành phố có trách nhiệm\n\na) Tiếp tục đầu tư, đẩy nhanh\n"
     "tiến độ xây dựng, mở rộng và nâng cấp mạng lưới cấp nước.\n",
     [("Các đơn vị cấp nước sạch trên địa bàn thành phố Cần Thơ", "lead", None)]),
    # 634-tb-vpcp-9191ac (634/TB-VPCP): a topic before a colon names no one ("Về đề nghị Chính phủ chỉ đạo …:"); the duty
    # after "…: giao X" is X's; "các Tập đoàn: A, B" are Tập đoàn A and Tập đoàn B.
    (TELEGRAM, "7. Về đề nghị Chính phủ chỉ đạo Bộ Tài chính xem\nxét, bố trí vốn Dự án đường ven biển: giao Bộ Tài chính "
     "chủ\ntrì phối hợp với Bộ Xây dựng xem xét, xử lý theo đúng quy định.\n\n8. Về hoạt động của mô hình chính quyền "
     "địa phương\n02 cấp: tăng số lượng cấp phó, bố trí đủ biên chế theo vị trí việc làm: giao Bộ Nội vụ chủ\ntrì, "
     "nghiên cứu, tổng hợp, báo cáo Chính phủ.\n\n9. Về triển khai hạ tầng phủ sóng: đề nghị các Tập\nđoàn: Bưu chính "
     "Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức\ntriển khai thực hiện theo quy định.\n",
     [("Bộ Tài chính", "lead", None), ("Bộ Xây dựng", "support", None), ("Bộ Nội vụ", "lead", None),
      ("Tập đoàn Bưu chính Viễn thông Việt Nam", "lead", None), ("Tập đoàn Công nghiệp - Viễn thông Quân đội", "lead", None)]),
    # 71-2025-qd-ubnd-76a796 (71/2025/QĐ-UBND of Hà Nội): bodies listed between semicolons with a specific duty lead it
    # ("xét, trình, đề nghị" opens a duty); "cơ quan, đơn vị đóng trên địa bàn" is a class of its own after its semicolon.
    (HANOI_RESOLUTION, "1. Ủy ban Mặt trận Tổ\nquốc Việt Nam thành phố Hà Nội; các sở, ban, ngành; Ủy ban nhân dân các xã,\n"
     "phường; đơn vị thuộc thành phố Hà Nội; cơ quan, đơn vị đóng trên địa bàn thành\nphố Hà Nội xét, trình, đề nghị Ủy "
     "ban nhân dân thành phố Hà Nội xét, tặng\nthưởng.\n",
     [("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội", "lead", None), ("Các sở, ban, ngành thành phố Hà Nội", "lead", None),
      ("Ủy ban nhân dân các xã, phường thuộc thành phố Hà Nội", "lead", None),
      ("Các đơn vị thuộc thành phố Hà Nội", "lead", None),
      ("Các cơ quan, đơn vị đóng trên địa bàn thành phố Hà Nội", "lead", None)]),
    # 230-cd-ttg-e71f29 (230/CĐ-TTg): a class printed without "các" is the subject when "khẩn trương", "có trách nhiệm"
    # follows it; a bare noun before a plain verb is not ("Tổ chức thực hiện").
    (TELEGRAM, "1. Cơ quan thanh tra khẩn trương hoàn thành việc\nthanh tra và ban hành kết luận trước ngày 26/11/2025.\n\n"
     "2. Tổ chức thực hiện các nhiệm vụ trên.\n", [("Các cơ quan thanh tra", "lead", "2025-11-26")]),
    # 103-2025-qd-ubnd-21abe0 (103/2025/QĐ-UBND of Phú Thọ): "Tổ chức, cá nhân có trách nhiệm tuân thủ …" is the public's.
    (CAN_THO_DECISION, "3. Tổ chức, cá nhân có trách nhiệm tuân thủ các quy định về hành lang bảo vệ đê điều.\n", []),
    # 96-cd-bxd-ba5f78 (96/CĐ-BXD): "phối hợp, hỗ trợ địa phương" names the partner after both verbs.
    (NO_HEADER, "Bộ Xây dựng yêu cầu các cơ quan, đơn vị:\n- Cục Đường bộ Việt Nam\n+ Khẩn trương thành lập các Tổ công tác đến hiện trường phối hợp, hỗ trợ địa "
     "phương khắc phục hậu quả do mưa lũ gây ra.\n",
     [("Các cơ quan, đơn vị", "all", None), ("Cục Đường bộ Việt Nam", "lead", None), ("Các địa phương", "support", None)]),
    # 636-tb-vpcp-2fd3bf (636/TB-VPCP): "theo chức năng nhiệm vụ được giao" frames a specific duty (study the province's
    # proposals): the class leads it; "căn cứ chức năng, nhiệm vụ … triển khai" stays the generic duty of all.
    (TELEGRAM, "Các Bộ, cơ quan liên quan theo chức năng nhiệm vụ\nđược giao nghiên cứu kỹ nội dung kiến nghị của tỉnh Phú "
     "Thọ để xem xét, xử lý.\n", [("Các bộ, cơ quan liên quan", "lead", None)]),
    # Kon Tum seed shape: a recurring report has no date.
    (KON_TUM, "Giao Sở Tài chính chủ trì theo dõi, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng tháng.",
     [("Sở Tài chính tỉnh Kon Tum", "lead", None)]),
]


@pytest.mark.parametrize("header, body, expected", ROWS)
def test_assignments(header, body, expected):
    record = extract_text(header + body).to_dict()
    got = [(a["agency"], a["role"], a["deadline"]) for a in record["assignments"]]
    assert got == expected


def test_assignment_points_at_its_sentence():
    text = KON_TUM + "2. Giao Sở Giáo dục và Đào tạo chủ trì chuẩn bị kỳ thi năm 2025."
    (a,) = extract_text(text).to_dict()["assignments"]
    assert text[a["span"][0]:a["span"][1]].startswith("Giao Sở Giáo dục và Đào tạo chủ trì")
    assert a["task"].startswith("Giao Sở Giáo dục và Đào tạo chủ trì chuẩn bị kỳ thi năm 2025")
    assert (a["agency_match"], a["confidence"]) == ("registry", 1.0)
    assert a["path"] == ["2. Giao Sở Giáo dục và Đào tạo chủ trì chuẩn bị kỳ thi năm 2025."]


def test_an_item_owner_is_on_the_path_of_its_sub_items():
    # 157-kh-ubnd-0299fe: "1. Sở Y tế" heads "a) Chủ trì, …" — the path shows both.
    text = CAN_THO_PLAN + "V. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\na) Chủ trì triển khai kế hoạch thi đua.\n"
    (a,) = extract_text(text).to_dict()["assignments"]
    assert a["path"] == ["V. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế", "a) Chủ trì triển khai kế hoạch thi đua."]


def test_recurring_deadline_is_kept_as_text():
    text = KON_TUM + "Giao Sở Tài chính chủ trì theo dõi, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng tháng."
    (a,) = extract_text(text).to_dict()["assignments"]
    assert (a["deadline"], a["deadline_text"], a["recurring"]) == (None, "định kỳ hằng tháng", "monthly")
