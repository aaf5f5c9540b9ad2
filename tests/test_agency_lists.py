"""Agency lists in real sentences → canonical groups (issue 4: agencies as data, qualified by locality)."""

import pytest

from graph.vocabulary import vocabulary
from ingest.stages.agency_lists import read_list
from ingest.stages.agencies import resolve_agency

ROWS = [
    # 006 execution clause: heads of ministries are one class; the catch-all names no one.
    ("Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
     "thành phố trực thuộc Trung ương và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành",
     None, ["Các bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    # 030: "Chánh Văn phòng UBND tỉnh" is the Office; heads dropped; qualified by the province.
    ("Chánh Văn phòng UBND tỉnh; Giám đốc Công an tỉnh; Thủ trưởng các Sở, Ban, ngành; Chủ tịch UBND các huyện, "
     "thành phố và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành", "Đắk Nông",
     ["Văn phòng Ủy ban nhân dân tỉnh Đắk Nông", "Công an tỉnh Đắk Nông", "Các Sở, Ban, ngành tỉnh Đắk Nông",
      "Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Đắk Nông"]),
    # 042: a stray comma before "thuộc tỉnh"; state enterprises of the province.
    ("Thủ trưởng các sở, ban, ngành, thuộc tỉnh; Chủ tịch UBND các huyện, thành phố, thị xã; Giám đốc các doanh "
     "nghiệp Nhà nước thuộc tỉnh và các tổ chức, cá nhân có liên quan chịu trách nhiệm hành", "Thái Nguyên",
     ["Các sở, ban, ngành thuộc tỉnh Thái Nguyên",
      "Ủy ban nhân dân các huyện, thành phố, thị xã thuộc tỉnh Thái Nguyên",
      "Các doanh nghiệp Nhà nước thuộc tỉnh Thái Nguyên"]),
    # 043: "Giám đốc các sở, Trưởng các ban, ngành" is one class; investors are not qualified.
    ("Giám đốc các sở, Trưởng các ban, ngành, đơn vị cấp tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố, Giám "
     "đốc các Ban Quản lý dự án chuyên ngành, khu vực, các chủ đầu tư, triển khai việc lập kế hoạch", "Thanh Hóa",
     ["Các sở, ban, ngành, đơn vị cấp tỉnh Thanh Hóa",
      "Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh Thanh Hóa",
      "Các Ban Quản lý dự án chuyên ngành, khu vực tỉnh Thanh Hóa", "Các chủ đầu tư"]),
    # 052: members of a steering committee → the committee; heads and "toàn thể Nhân dân" are catch-alls.
    ("các thành viên Ban chỉ đạo phòng, chống dịch Covid-19 các cấp; Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh, "
     "Chủ tịch UBND các huyện, thị xã, thành phố; Chủ tịch UBND các xã, phường, thị trấn; người đứng đầu các cơ "
     "quan, đơn vị, doanh nghiệp và toàn thể Nhân dân thực hiện quyết liệt", None,
     ["Ban chỉ đạo phòng, chống dịch Covid-19 các cấp", "Các sở, ban, ngành, đoàn thể tỉnh",
      "Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các xã, phường, thị trấn"]),
    # 037: three tiers in one list.
    ("các Bộ, ngành, địa phương và cơ sở cần tập trung thực hiện", None,
     ["Các Bộ, ngành", "Các địa phương", "Các cơ sở"]),
    # 051: "Giao Giám đốc: …" — the colon after a head; a station already named with its province.
    ("Giám đốc: Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông, Đài Phát thanh - Truyền hình Hậu "
     "Giang phối hợp với", "Hậu Giang",
     ["Sở Văn hóa, Thể thao và Du lịch tỉnh Hậu Giang", "Sở Thông tin và Truyền thông tỉnh Hậu Giang",
      "Đài Phát thanh và Truyền hình Hậu Giang"]),
    # 054: "thị" is short for "thị xã"; a list of unit kinds is plural.
    ("Ủy ban nhân dân các huyện, thị, thành phố vận động nhân dân", "An Giang",
     ["Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh An Giang"]),
    # 051: "UBND huyện, thị xã, thành phố" without "các".
    ("các sở, ban, ngành, đoàn thể tỉnh và UBND huyện, thị xã, thành phố tiếp tục tuyên truyền", "Hậu Giang",
     ["Các sở, ban, ngành, đoàn thể tỉnh Hậu Giang",
      "Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh Hậu Giang"]),
    # Hải Phòng seed: the city's departments and district committees.
    ("các Sở, ban, ngành thành phố, Ủy ban nhân dân cấp huyện căn cứ chức năng, nhiệm vụ của đơn vị:", "Hải Phòng",
     ["Các Sở, ban, ngành thành phố Hải Phòng", "Ủy ban nhân dân cấp huyện thuộc thành phố Hải Phòng"]),
    # Hải Phòng seed: a Party board of the city and the press.
    ("Ban Tuyên giáo và Dân vận Thành ủy, các cơ quan thông tấn, báo chí tiếp tục đẩy mạnh", "Hải Phòng",
     ["Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng", "Các cơ quan thông tấn, báo chí"]),
    # Kon Tum seed: the subject of the operative sentence.
    ("Các sở, ban ngành, đơn vị thuộc tỉnh, Ủy ban nhân dân các huyện, thành phố căn cứ chức năng", "Kon Tum",
     ["Các sở, ban ngành, đơn vị thuộc tỉnh Kon Tum", "Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Kon Tum"]),
    # 040: a capture cut mid-word ("Chính ph") is repaired by fuzzy matching against the classes.
    ("các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính ph\n[...]", None,
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    # 046: a named head; no province in the text → not qualified.
    ("Giám đốc Sở Kế hoạch và Đầu tư triển khai thực hiện.", None, ["Sở Kế hoạch và Đầu tư"]),
    # A catch-all alone gives no agency.
    ("các cơ quan liên quan chuẩn bị đầy đủ điều kiện", "Hải Phòng", []),
    # 046: the registry name stops before the verb ("UBND tỉnh nhận được …").
    ("UBND tỉnh nhận được Công văn số 6544/BKHĐT-KHGDTNMT", "Kon Tum", ["Ủy ban nhân dân tỉnh Kon Tum"]),
]


@pytest.mark.parametrize("text, province, expected", ROWS)
def test_agency_list(text, province, expected):
    locality = vocabulary().province(province) if province else None
    found = read_list(text, 0, locality)
    names = [g.name for g in found.named] if found else []
    assert names == expected


def test_addressee_phrase_is_marked():
    # Kon Tum seed sign-off: "các đơn vị, địa phương" means the Kính gửi list.
    found = read_list("các đơn vị, địa phương biết, thực hiện./.", 0, vocabulary().province("Kon Tum"))
    assert found.addressed and found.named == []


@pytest.mark.parametrize("text, province, name, match", [
    ("Sở KH&ĐT", "Kon Tum", "Sở Kế hoạch và Đầu tư tỉnh Kon Tum", "registry"),  # abbreviation
    ("UBND TP", "Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng", "registry"),  # UBND, TP expanded
    ("Sở Giáo dục và Đào tao", "Kon Tum", "Sở Giáo dục và Đào tạo tỉnh Kon Tum", "fuzzy"),  # a typo
    ("Hợp tác xã Nông nghiệp Tân Tiến", None, "Hợp tác xã Nông nghiệp Tân Tiến", "unknown"),  # kept, not dropped
])
def test_resolve_agency(text, province, name, match):
    got = resolve_agency(text, vocabulary().province(province) if province else None)
    assert (got.name, got.match) == (name, match)
    assert (got.confidence is None) == (match == "unknown")
