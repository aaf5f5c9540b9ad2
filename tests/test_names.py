"""The bodies a list names, as whole documents print them (ingest/stages/names.py): real lists from the
whole documents → the names read, with their kind. One row per case, the file it comes from named."""

import pytest

from graph.vocabulary import vocabulary
from ingest.stages.names import read_names

ROWS = [
    # 217-cd-ttg-d0c2ef (217/CĐ-TTg): "nhất là" singles some bodies out and the list goes on after it.
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên và lãnh đạo các Bộ, ngành có liên quan, nhất là các "
     "Bộ: Quốc phòng, Công an theo chức năng, nhiệm vụ, thẩm quyền tập trung chỉ đạo", None,
     [("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên", "local"),
      ("Lãnh đạo các bộ, ngành có liên quan", "class"), ("Bộ Quốc phòng", "body"), ("Bộ Công an", "body")]),
    # 217-cd-ttg-d0c2ef: a range of places belongs to the class; the duty starts after it.
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa chỉ đạo rà soát", None,
     [("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa", "local")]),
    # 0204-kh-ubnd-3a3fa6 (0204/KH-UBND of Cà Mau): "các cấp" after a comma qualifies the class before it.
    ("các ngành, các cấp thực hiện chống thất thu thuế", "Cà Mau", [("Các ngành, các cấp tỉnh Cà Mau", "class")]),
    # 627-tb-vpcp-079f4e (627/TB-VPCP): a ministry takes no province after it; the comma between them was left out.
    ("Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình, Hưng Yên, Đồng Nai đôn đốc chủ đầu tư", None,
     [("Bộ Xây dựng", "body"), ("Bộ Quốc phòng", "body"), ("Ủy ban nhân dân tỉnh Ninh Bình", "body"),
      ("Ủy ban nhân dân tỉnh Hưng Yên", "body"), ("Ủy ban nhân dân tỉnh Đồng Nai", "body")]),
    # 5363-ct-cs-77c25e (5363/CT-CS), 24-2025-tt-btp-1998eb (24/2025/TT-BTP): "tỉnh, thành phố" after a body or class is
    # both units of one entry, not a second class "Các thành phố".
    ("các Thuế tỉnh, thành phố khẩn trương báo cáo", None, [("Các thuế tỉnh, thành phố", "class")]),
    ("Giám đốc Sở Tư pháp các tỉnh, thành phố chịu trách nhiệm thi hành", None,
     [("Giám đốc Sở Tư pháp các tỉnh, thành phố", "body")]),
    # 217-cd-ttg-d0c2ef (217/CĐ-TTg): in a central text a sector named by its field is its ministry's; a province's
    # "ngành Thuế" (0204/KH-UBND, below) stays its own.
    ("Bộ Xây dựng, ngành Công Thương và các địa phương triển khai", None,
     [("Bộ Xây dựng", "body"), ("Bộ Công Thương", "body"), ("Các địa phương", "class")]),
    # 1627-qd-ubnd-d84a0d (1627/QĐ-UBND of Quảng Ngãi), 09-ct-ubnd-21003c (09/CT-UBND of Cần Thơ): a board that
    # manages zones names them all, "và" inside its name.
    ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi, Sở Tài chính thực hiện", "Quảng Ngãi",
     [("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi", "body"),
      ("Sở Tài chính tỉnh Quảng Ngãi", "body")]),
    ("Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chỉ đạo các đơn vị", "Cần Thơ",
     [("Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ", "body")]),
    # 96-cd-bxd-ba5f78 (96/CĐ-BXD): words after a class noun that a comma and another body follow qualify the
    # class; they are not its duty.
    ("các đơn vị quản lý đường bộ khu vực, các lực lượng chức năng của địa phương trong việc khắc phục sự cố", None,
     [("Các đơn vị quản lý đường bộ khu vực", "class"), ("Các lực lượng chức năng của địa phương", "class")]),
    # 96-cd-bxd-ba5f78 shape: the verb after a class ends the list when no body follows the comma.
    ("các đơn vị tổ chức trực ban, thực hiện nghiêm túc chế độ báo cáo", None, [("Các đơn vị", "class")]),
    # 982-kh-ubnd-42dd1c (982/KH-UBND of Nghệ An): "các xã, phường" acting are their People's Committees;
    # "mọi người dân" stays apart from the class before it.
    ("các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc tỉnh, các xã, phường, các doanh nghiệp và mọi người dân triển "
     "khai Đợt thi đua", "Nghệ An",
     [("Các sở, ban, ngành tỉnh Nghệ An", "class"), ("Ủy ban Mặt trận Tổ quốc tỉnh Nghệ An", "body"),
      ("Ủy ban nhân dân các xã, phường thuộc tỉnh Nghệ An", "local"),
      ("Các doanh nghiệp trên địa bàn tỉnh Nghệ An", "class")]),
    # 556-kh-ubnd-8fc192 (556/KH-UBND of Đồng Tháp): communes named after a colon are one People's Committees entry,
    # their count read as "các".
    ("Ủy ban nhân dân 04 xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông thành lập mới khu bảo vệ", "Đồng Tháp",
     [("Ủy ban nhân dân các xã Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông thuộc tỉnh Đồng Tháp", "local")]),
    # 213-2025-qd-ubnd-41b17b (213/2025/QĐ-UBND of Hải Phòng): a class joined by "và" to one class noun is a class of
    # its own; 2610-qd-ubnd-743564: nouns a qualifier after the last one shares are one class.
    ("lực lượng Kiểm lâm, chính quyền địa phương và chủ rừng tăng cường kiểm tra",
     "Hải Phòng", [("Lực lượng Kiểm lâm thành phố Hải Phòng", "body"),
                   ("Các chính quyền địa phương thành phố Hải Phòng", "class"),
                   ("Các chủ rừng trên địa bàn thành phố Hải Phòng", "class")]),
    ("các cơ quan, tổ chức và cá nhân có liên quan chịu trách nhiệm thi hành", "Cần Thơ",
     [("Các cơ quan, tổ chức và cá nhân có liên quan thành phố Cần Thơ", "class")]),
    # 010-ct-ubnd-77b242 (010/CT-UBND of Đắk Lắk): "quản lý" after a class noun says which bodies; a body named
    # with "ứng dụng" inside its name is one body.
    ("Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, UBND cấp xã và các Sở, ban, ngành quản lý quy hoạch "
     "theo chức năng, nhiệm vụ được giao có trách nhiệm phối hợp công bố", "Đắk Lắk",
     [("Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên", "body"),
      ("Ủy ban nhân dân cấp xã thuộc tỉnh Đắk Lắk", "local"),
      ("Các sở, ban, ngành quản lý quy hoạch tỉnh Đắk Lắk", "class")]),
    # 235-kh-ubnd-224669 (235/KH-UBND of Thanh Hóa): "và" inside a body's proper name joins no second body;
    # 157-kh-ubnd-0299fe: a class printed "trên địa bàn" takes the province after it, once.
    ("Chi cục Biển đảo và Thủy sản thực hiện các nội dung sau", "Thanh Hóa",
     [("Chi cục Biển đảo và Thủy sản tỉnh Thanh Hóa", "body")]),
    # ... but a registry body's name is whole: "và" after it joins nothing to it (217/CĐ-TTg's "lực lượng Quân đội").
    ("Bộ Công an và Quân đội phối hợp", None, [("Bộ Công an", "body")]),
    ("các Ngân hàng thương mại trên địa bàn chủ động phối hợp với Sở Y tế", "Cần Thơ",
     [("Các ngân hàng thương mại trên địa bàn thành phố Cần Thơ", "class")]),
    # 11554-vpcp-v-i-b690a6 (11554/VPCP-V.I): "hệ thống các cơ quan báo chí" is one class after the named bodies.
    ("Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam và hệ thống các cơ quan báo chí phối hợp "
     "với các Bộ, ngành", None,
     [("Đài Truyền hình Việt Nam", "body"), ("Đài Tiếng nói Việt Nam", "body"), ("Thông tấn xã Việt Nam", "body"),
      ("Hệ thống các cơ quan báo chí", "class")]),
    # 627-tb-vpcp-079f4e (627/TB-VPCP): "từng" stands for "các"; people among the bodies name no body.
    ("từng bộ, ngành, địa phương, từng cán bộ, công chức, người lao động, công nhân, các chủ đầu tư, nhà thầu thi công, "
     "các đơn vị tư vấn tích cực đổi mới tư duy", None,
     [("Các bộ, ngành, địa phương", "class"), ("Các chủ đầu tư, nhà thầu thi công", "class"),
      ("Các đơn vị tư vấn", "class")]),
    # 043_ct-15-ct-ubnd-2019 (15/CT-UBND of Thanh Hóa): "các Ban Quản lý dự án" is a class, so the list goes on after it.
    ("Chủ tịch UBND các huyện, thị xã, thành phố, Giám đốc các Ban Quản lý dự án chuyên ngành triển khai việc lập kế hoạch",
     "Thanh Hóa", [("Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh Thanh Hóa", "local"),
                   ("Giám đốc các ban Quản lý dự án chuyên ngành tỉnh Thanh Hóa", "class")]),
    # 006 execution clause (partial corpus): titles kept, one per kind of body; the catch-all is a class of its own.
    ("Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
     "thành phố trực thuộc Trung ương và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành", None,
     [("Các Bộ trưởng", "title"), ("Thủ trưởng cơ quan ngang Bộ", "class"),
      ("Thủ trưởng cơ quan thuộc Chính phủ", "class"),
      ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "local"),
      ("Các cơ quan, tổ chức, cá nhân có liên quan", "class")]),
    # 030 (partial corpus): "Chánh Văn phòng UBND tỉnh" and the heads qualified by the province.
    ("Chánh Văn phòng UBND tỉnh; Giám đốc Công an tỉnh; Thủ trưởng các Sở, Ban, ngành; Chủ tịch UBND các huyện, "
     "thành phố và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành", "Đắk Nông",
     [("Chánh Văn phòng Ủy ban nhân dân tỉnh Đắk Nông", "body"), ("Giám đốc Công an tỉnh Đắk Nông", "body"),
      ("Thủ trưởng các sở, ban, ngành tỉnh Đắk Nông", "class"),
      ("Chủ tịch Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Đắk Nông", "local"),
      ("Thủ trưởng các đơn vị có liên quan tỉnh Đắk Nông", "class")]),
    # 042 (partial corpus): a stray comma before "thuộc tỉnh"; state enterprises of the province.
    ("Thủ trưởng các sở, ban, ngành, thuộc tỉnh; Chủ tịch UBND các huyện, thành phố, thị xã; Giám đốc các doanh "
     "nghiệp Nhà nước thuộc tỉnh và các tổ chức, cá nhân có liên quan chịu trách nhiệm hành", "Thái Nguyên",
     [("Thủ trưởng các sở, ban, ngành thuộc tỉnh Thái Nguyên", "class"),
      ("Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã thuộc tỉnh Thái Nguyên", "local"),
      ("Giám đốc các doanh nghiệp Nhà nước thuộc tỉnh Thái Nguyên", "class"),
      ("Các tổ chức, cá nhân có liên quan tỉnh Thái Nguyên", "class")]),
    # 052 (partial corpus): members of a steering committee; "toàn thể Nhân dân" names no body.
    ("các thành viên Ban chỉ đạo phòng, chống dịch Covid-19 các cấp; Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh, "
     "Chủ tịch UBND các huyện, thị xã, thành phố; Chủ tịch UBND các xã, phường, thị trấn; người đứng đầu các cơ "
     "quan, đơn vị, doanh nghiệp và toàn thể Nhân dân thực hiện quyết liệt", None,
     [("Các thành viên Ban chỉ đạo phòng, chống dịch Covid-19 các cấp", "class"),
      ("Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh", "class"),
      ("Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố", "local"),
      ("Chủ tịch Ủy ban nhân dân các xã, phường, thị trấn", "local"),
      ("Người đứng đầu các cơ quan, đơn vị, doanh nghiệp", "class")]),
    # 037 (partial corpus): one "các" before the tiers makes one class.
    ("các Bộ, ngành, địa phương và cơ sở cần tập trung thực hiện", None, [("Các bộ, ngành, địa phương và cơ sở", "class")]),
    # 051 (partial corpus): "Giao Giám đốc: …" — the title shared by the bodies after its colon.
    ("Giám đốc: Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông, Đài Phát thanh - Truyền hình Hậu "
     "Giang phối hợp với", "Hậu Giang",
     [("Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Hậu Giang", "body"),
      ("Giám đốc Sở Thông tin và Truyền thông tỉnh Hậu Giang", "body"),
      ("Giám đốc Đài Phát thanh và Truyền hình Hậu Giang", "body")]),
    # 054 (partial corpus): "thị" is short for "thị xã".
    ("Ủy ban nhân dân các huyện, thị, thành phố vận động nhân dân", "An Giang",
     [("Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh An Giang", "local")]),
    # 051 (partial corpus): "UBND huyện, thị xã, thành phố" as printed, without "các".
    ("các sở, ban, ngành, đoàn thể tỉnh và UBND huyện, thị xã, thành phố tiếp tục tuyên truyền", "Hậu Giang",
     [("Các sở, ban, ngành, đoàn thể tỉnh Hậu Giang", "class"),
      ("Ủy ban nhân dân huyện, thị xã, thành phố thuộc tỉnh Hậu Giang", "local")]),
    # Hải Phòng seed: the city's departments and district committees; a Party board of the city and the press.
    ("các Sở, ban, ngành thành phố, Ủy ban nhân dân cấp huyện căn cứ chức năng, nhiệm vụ của đơn vị:", "Hải Phòng",
     [("Các sở, ban, ngành thành phố Hải Phòng", "class"),
      ("Ủy ban nhân dân cấp huyện thuộc thành phố Hải Phòng", "local")]),
    ("Ban Tuyên giáo và Dân vận Thành ủy, các cơ quan thông tấn, báo chí tiếp tục đẩy mạnh", "Hải Phòng",
     [("Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng", "body"),
      ("Các cơ quan thông tấn, báo chí thành phố Hải Phòng", "class")]),
    # Kon Tum seed: the subject of the operative sentence; "UBND tỉnh" stops before its verb.
    ("Các sở, ban ngành, đơn vị thuộc tỉnh, Ủy ban nhân dân các huyện, thành phố căn cứ chức năng", "Kon Tum",
     [("Các sở, ban ngành, đơn vị thuộc tỉnh Kon Tum", "class"),
      ("Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Kon Tum", "local")]),
    ("UBND tỉnh nhận được Công văn số 6544/BKHĐT-KHGDTNMT", "Kon Tum", [("Ủy ban nhân dân tỉnh Kon Tum", "body")]),
    # 046 (partial corpus): a named head with no province in the text is not qualified.
    ("Giám đốc Sở Kế hoạch và Đầu tư triển khai thực hiện.", None, [("Giám đốc Sở Kế hoạch và Đầu tư", "body")]),
    # 627-tb-vpcp-079f4e (627/TB-VPCP), 010-ct-ubnd-77b242: a class whose aside names bodies is those bodies.
    ("Nhà đầu tư (Tập đoàn Đèo Cả) rà soát, điều chỉnh lại kế hoạch", None, [("Tập đoàn Đèo Cả", "body")]),
    # 174-kh-ubnd-981e7a (174/KH-UBND of Thành phố Hồ Chí Minh): "của Mặt trận" is the Front's name printed short.
    ("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố và các tổ chức thành viên của Mặt trận "
     "tham gia phối hợp", "Hồ Chí Minh",
     [("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hồ Chí Minh", "body"),
      ("Hội Liên hiệp Phụ nữ Thành phố Hồ Chí Minh", "body"),
      ("Các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam thành phố Hồ Chí Minh", "class")]),
    # 627-tb-vpcp-079f4e (627/TB-VPCP): provinces after the colon are each their People's Committee.
    ("Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Đồng Nai quyết liệt chỉ đạo", None,
     [("Ủy ban nhân dân tỉnh Tuyên Quang", "body"), ("Ủy ban nhân dân tỉnh Đồng Nai", "body")]),
    # 627-tb-vpcp-079f4e (627/TB-VPCP): investors, contractors and line agencies are classes.
    ("các bộ, ngành, cơ quan chủ quản, nhất là các chủ đầu tư, nhà thầu thi công, các đơn vị tư vấn tích cực đổi mới",
     None, [("Các bộ, ngành, cơ quan chủ quản", "class"), ("Các chủ đầu tư, nhà thầu thi công", "class"),
            ("Các đơn vị tư vấn", "class")]),
]


@pytest.mark.parametrize("text, province, expected", ROWS)
def test_read_names(text, province, expected):
    locality = vocabulary().province(province) if province else None
    found = read_names(text, 0, len(text), locality)
    got = [(n.name, n.kind) for n in found.bodies] if found else []
    assert got == expected
