"""The vocabulary: agency registry lookups, succession (the 2025 reorganisation), data integrity."""

import doctest

import pytest

import graph.vocabulary as vocab
from graph.vocabulary import (
    EVENT_KINDS,
    EVERY_DISTRICT,
    EVERY_PROVINCE,
    NATIONAL,
    PROVINCE,
    ChangeEvent,
    change_events,
    fold,
    successors,
    vocabulary,
)

# The 34 provincial units from 1 July 2025 (Nghị quyết 202/2025/QH15): 11 unchanged, 23 merged.
UNITS_AFTER_2025 = {
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng",
    "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình",
    "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh",
    "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
}


def test_module_doctests():
    result = doctest.testmod(vocab)
    assert result.attempted > 0 and result.failed == 0


# -- registry lookups ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("BKHĐT", "Bộ Kế hoạch và Đầu tư"),  # symbol-style abbreviation used in running text
    ("Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư"),  # ampersand form
    ("BTC", "Bộ Tài chính"),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"),
    ("BKHCN", "Bộ Khoa học và Công nghệ"),
    ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BTNMT", "Bộ Tài nguyên và Môi trường"),
    ("BGTVT", "Bộ Giao thông vận tải"),
    ("BCA", "Bộ Công an"),
    ("BQP", "Bộ Quốc phòng"),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("BCT", "Bộ Chính trị"),  # ambiguous with Bộ Công Thương: the Party body keeps the alias
    ("TTCP", "Thủ tướng Chính phủ"),  # not Thanh tra Chính phủ (whose symbol it also is)
    ("Bộ NN&MT", "Bộ Nông nghiệp và Môi trường"),  # post-March-2025 ministry
    ("Bộ Dân tộc và Tôn giáo", "Bộ Dân tộc và Tôn giáo"),
    ("Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam"),  # the Front, as 234/CĐ-TTg names it
    ("Ủy ban Trung ương MTTQ Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),  # its central committee
    ("TAND tối cao", "Tòa án nhân dân tối cao"),
    ("VKSND tối cao", "Viện kiểm sát nhân dân tối cao"),
    ("KIỂM TOÁN NHÀ NƯỚC", "Kiểm toán nhà nước"),  # capitals, as in a header
    ("Ban Bí thư Trung ương Đảng", "Ban Bí thư"),
    ("Văn phòng Trung ương Đảng", "Văn phòng Trung ương Đảng"),
    ("Ban Tuyên giáo và Dân vận Trung ương", "Ban Tuyên giáo và Dân vận Trung ương"),
    ("Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương"),
])
def test_central_body(text, expected):
    assert vocabulary().central_body(text).name == expected


@pytest.mark.parametrize("code, expected", [
    ("TTg", "Thủ tướng Chính phủ"),  # "56/CĐ-TTg"
    ("QH15", "Quốc hội"),  # "198/2025/QH15": the term number is dropped
    ("TTCP", "Thanh tra Chính phủ"),  # as a symbol part it is the inspectorate
    ("BCT", "Bộ Công Thương"),  # likewise the ministry
    ("VKSNDTC", "Viện kiểm sát nhân dân tối cao"),  # joint circulars "…/TTLT-BCA-…-VKSNDTC"
    ("BTCTW", "Ban Tổ chức Trung ương"),  # "…-HD/BTCTW"
    ("MTTW", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),  # "…/MTTW-BTT"
    ("SKHĐT", "Sở Kế hoạch và Đầu tư"),
    ("BDT", "Ban Dân tộc tỉnh"),  # "…/BDT-CSDT"
])
def test_body_by_symbol(code, expected):
    assert vocabulary().body_by_symbol(code).name == expected


@pytest.mark.parametrize("alias, province, expected", [
    ("Sở KH&ĐT", "Kon Tum", "Sở Kế hoạch và Đầu tư tỉnh Kon Tum"),
    ("Sở GD&ĐT", "Hải Phòng", "Sở Giáo dục và Đào tạo thành phố Hải Phòng"),
    ("Sở TT&TT", "Thanh Hoá", "Sở Thông tin và Truyền thông tỉnh Thanh Hóa"),  # old tone placement
    ("Sở VHTT&DL", "Nghệ An", "Sở Văn hóa, Thể thao và Du lịch tỉnh Nghệ An"),
    ("Sở LĐ-TB&XH", "Hà Giang", "Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang"),
    ("Sở NN&PTNT", "Long An", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Long An"),
    ("Sở TN&MT", "Bình Dương", "Sở Tài nguyên và Môi trường tỉnh Bình Dương"),
    ("Sở GTVT", "Đà Nẵng", "Sở Giao thông vận tải thành phố Đà Nẵng"),
    ("Sở QH-KT", "Hà Nội", "Sở Quy hoạch - Kiến trúc thành phố Hà Nội"),
    ("Ban Dân tộc", "Kon Tum", "Ban Dân tộc tỉnh Kon Tum"),  # a pattern body, not a Sở
    ("Văn phòng Đoàn ĐBQH và HĐND", "Kon Tum",
     "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Kon Tum"),
    ("Đài Phát thanh - Truyền hình", "Kon Tum", "Đài Phát thanh và Truyền hình Kon Tum"),  # no "tỉnh"
    ("Bộ CHQS tỉnh", "Gia Lai", "Bộ Chỉ huy Quân sự tỉnh Gia Lai"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Cần Thơ", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"),
    ("Mặt trận Tổ quốc Việt Nam tỉnh", "Đắk Lắk", "Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk"),  # 0124/KH-UBND
    ("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "Bắc Ninh",
     "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"),  # 81/2025/QĐ-UBND
    ("Ban Thường vụ Tỉnh ủy", "Hà Nội", "Ban Thường vụ Thành ủy Hà Nội"),  # {party} for a city
])
def test_qualified_local_names(alias, province, expected):
    v = vocabulary()
    assert v.local_body(alias).qualified(v.province(province)) == expected


def test_every_qualified_local_name_reads_back():
    v = vocabulary()
    for body in v.local:
        for province in v.provinces_on("2024-06-01"):
            name = body.qualified(province)
            assert successors(name, on="2024-06-01") == (name,), name


# -- succession ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    # corpus-full 1622-qd-ubnd-d91ef4.txt: "Giám đốc các Sở: Tài chính, …", expanded by the extractor
    ("Giám đốc Sở Tài chính tỉnh Quảng Ngãi", ("Giám đốc", "Sở Tài chính tỉnh Quảng Ngãi")),
    # corpus-full 1936-qd-ubnd-1249b0.txt: "Chánh Văn phòng UBND tỉnh" (a title that is not "Chánh Văn phòng": the
    # office's own name starts after "Chánh")
    ("Chánh Văn phòng UBND tỉnh Thái Nguyên", ("Chánh", "Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên")),
    # corpus-full 231-cd-ttg-422321.txt: "Bộ trưởng các Bộ: Quốc phòng, Công an …"
    ("Bộ trưởng Bộ Quốc phòng", ("Bộ trưởng", "Bộ Quốc phòng")),
    # tests/data/corpus 030_qd-468-qd-ubnd-2022-dak-nong-ke-hoach-de-an-06.txt: "Giám đốc Công an tỉnh"
    ("giám đốc Công an tỉnh Đắk Nông", ("giám đốc", "Công an tỉnh Đắk Nông")),
    # a longer title first: "Chánh án", not "Chánh" (the Supreme People's Court)
    ("Chánh án Tòa án nhân dân tối cao", ("Chánh án", "Tòa án nhân dân tối cao")),
    # corpus-full 2609-qd-ttg-87a623.txt: "Trưởng ban Ban Quản lý …" — the body is not in the registry
    ("Trưởng ban Ban Quản lý Khu kinh tế mở Chu Lai thành phố Đà Nẵng", None),
    # corpus-full 1948-qd-ubnd-c887f3.txt
    ("Giám đốc Trung tâm Phục vụ hành chính công tỉnh Cao Bằng", None),
    # names the registry knows as printed are no heads of another body
    ("Chủ tịch Ủy ban nhân dân tỉnh Kon Tum", None),  # the chairman, a registry body (CTUBND)
    ("Thủ tướng Chính phủ", None),                   # the Kon Tum seed
    ("Chủ tịch nước", None),
    ("Ủy ban nhân dân các xã", None),                 # no title
])
def test_head_of(name, expected):
    assert vocabulary().head_of(name) == expected


@pytest.mark.parametrize("name, on, expected", [
    # ministries, 1 March 2025
    ("Bộ Kế hoạch và Đầu tư", None, ("Bộ Tài chính",)),  # merged into Bộ Tài chính
    ("BKHĐT", None, ("Bộ Tài chính",)),  # by abbreviation
    ("Bộ Tài chính", None, ("Bộ Tài chính",)),  # the absorbing ministry carries itself on
    ("Bộ Thông tin và Truyền thông", None, ("Bộ Khoa học và Công nghệ",)),
    ("Bộ Tài nguyên và Môi trường", None, ("Bộ Nông nghiệp và Môi trường",)),
    ("Bộ Nông nghiệp và Phát triển nông thôn", None, ("Bộ Nông nghiệp và Môi trường",)),
    ("Bộ Giao thông vận tải", "2025-03-01", ("Bộ Xây dựng",)),  # in force on the event's own day
    ("Bộ Lao động - Thương binh và Xã hội", None, ("Bộ Nội vụ",)),
    ("Ủy ban Dân tộc", None, ("Bộ Dân tộc và Tôn giáo",)),
    ("Bộ Kế hoạch và Đầu tư", "2025-02-28", ("Bộ Kế hoạch và Đầu tư",)),  # the day before: unchanged
    ("Bộ Y tế", None, ("Bộ Y tế",)),  # no event: itself
    ("BYT", None, ("Bộ Y tế",)),  # … under its canonical name
    ("Ban Dân vận Trung ương", None, ("Ban Tuyên giáo và Dân vận Trung ương",)),  # Party, Feb 2025
    # provinces, 1 July 2025 (and Huế, 1 January 2025)
    ("Ủy ban nhân dân tỉnh Kon Tum", None, ("Ủy ban nhân dân tỉnh Quảng Ngãi",)),
    ("UBND tỉnh Kon Tum", "2025-06-30", ("Ủy ban nhân dân tỉnh Kon Tum",)),  # before the merger
    ("ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG", None, ("Ủy ban nhân dân thành phố Hồ Chí Minh",)),
    ("Kon Tum", None, ("tỉnh Quảng Ngãi",)),  # the unit itself
    ("tỉnh Bà Rịa - Vũng Tàu", None, ("thành phố Hồ Chí Minh",)),
    ("tỉnh Thừa Thiên Huế", None, ("thành phố Huế",)),  # became a centrally-run city
    ("tỉnh Thừa Thiên Huế", "2024-12-31", ("tỉnh Thừa Thiên Huế",)),
    ("Tỉnh ủy Vĩnh Phúc", None, ("Tỉnh ủy Phú Thọ",)),  # Party committees follow the province
    ("Công an tỉnh Quảng Nam", None, ("Công an thành phố Đà Nẵng",)),  # province → city
    ("Thanh tra tỉnh Nghệ An", None, ("Thanh tra tỉnh Nghệ An",)),  # unchanged province
    # departments in merged provinces: both changes, in date order
    ("Sở Xây dựng tỉnh Kon Tum", None, ("Sở Xây dựng tỉnh Quảng Ngãi",)),
    ("Sở Kế hoạch và Đầu tư tỉnh Kon Tum", "2025-12-31", ("Sở Tài chính tỉnh Quảng Ngãi",)),
    ("Sở Kế hoạch và Đầu tư tỉnh Kon Tum", "2025-04-01", ("Sở Tài chính tỉnh Kon Tum",)),  # between
    ("Sở KH&ĐT tỉnh Kon Tum", "2025-02-28", ("Sở Kế hoạch và Đầu tư tỉnh Kon Tum",)),  # before both
    ("Sở GTVT Bà Rịa - Vũng Tàu", None, ("Sở Xây dựng thành phố Hồ Chí Minh",)),  # no unit word
    ("Sở Thông tin và Truyền thông tỉnh Hà Giang", None, ("Sở Khoa học và Công nghệ tỉnh Tuyên Quang",)),
    ("Sở TN&MT thành phố Hà Nội", None, ("Sở Nông nghiệp và Môi trường thành phố Hà Nội",)),
    ("Sở LĐ-TB&XH tỉnh Bạc Liêu", None, ("Sở Nội vụ tỉnh Cà Mau",)),
    ("Ban Dân tộc tỉnh Kon Tum", None, ("Sở Dân tộc và Tôn giáo tỉnh Quảng Ngãi",)),
    ("Sở Kế hoạch và Đầu tư", None, ("Sở Tài chính",)),  # no province: the department kind
    # the district level, abolished 1 July 2025
    ("Ủy ban nhân dân huyện Đăk Hà", None, ()),
    ("UBND huyện Đăk Hà", "2025-06-30", ("Ủy ban nhân dân huyện Đăk Hà",)),  # still there
    ("UBND thành phố Kon Tum", None, ()),  # a district-level city, not the province
    ("Chủ tịch UBND thị xã Buôn Hồ", None, ()),
    ("Hội đồng nhân dân cấp huyện", None, ()),
    # names the registry cannot place come back as given
    ("Báo Nhân Dân", None, ("Báo Nhân Dân",)),
])
def test_successors(name, on, expected):
    assert successors(name, on) == expected


def test_successors_rejects_a_malformed_date():
    with pytest.raises(ValueError):
        successors("Bộ Tài chính", on="1/3/2025")


def test_change_event_checks_its_shape():
    with pytest.raises(ValueError):
        ChangeEvent("x", "2025-03-01", "merger", ("Bộ Tài chính",), (), "Nghị quyết 176/2025/QH15")
    with pytest.raises(ValueError):
        ChangeEvent("x", "2025-03-01", "fusion", ("Bộ Tài chính",), ("Bộ Tài chính",), "")


# -- data integrity -----------------------------------------------------------------------------

def test_every_merged_into_province_exists():
    v = vocabulary()
    names = {p.name for p in v.provinces}
    for p in v.provinces:
        if p.merged_into:
            assert p.merged_into in names and p.merged_on, p
            assert not v.province(p.merged_into).merged_into, f"{p.name}: merged into a merged unit"


def test_34_provincial_units_after_the_reorganisation():
    v = vocabulary()
    assert {p.name for p in v.provinces_on("2025-07-01")} == UNITS_AFTER_2025
    assert len(v.provinces_on("2025-07-01")) == 34
    assert len(v.provinces_on("2025-06-30")) == 63
    assert len(v.provinces_on("2024-12-31")) == 63  # with Thừa Thiên Huế instead of Huế
    assert sum(1 for p in v.provinces if p.merged_on == "2025-07-01") == 29  # 63 − 34


def test_every_event_name_is_a_registry_body():
    v = vocabulary()
    exact = {
        NATIONAL: lambda n: (b := v.central_body(n)) is not None and b.name == n,
        EVERY_PROVINCE: lambda n: (b := v.local_body(n)) is not None and b.name == n,
        EVERY_DISTRICT: lambda n: (b := v.district_body(n)) is not None and b.name == n,
        PROVINCE: lambda n: (p := v.province(n)) is not None and p.full_name == n,
    }
    for event in change_events():
        for name in (*event.predecessors, *event.successors):
            assert exact[event.scope](name), (event.id, name)
        assert event.kind in EVENT_KINDS and event.basis, event.id


def test_events_are_sorted_with_unique_ids():
    events = change_events()
    assert [e.id for e in events] == [e.id for e in sorted(events, key=lambda e: (e.date, e.id))]
    assert len({e.id for e in events}) == len(events)
    assert vocabulary().events == events


def test_province_events_are_derived_from_provinces_toml():
    province_events = [e for e in change_events() if e.scope == PROVINCE]
    assert len(province_events) == 24  # 23 merged units + Thừa Thiên Huế → Huế
    merged = {p for e in province_events for p in e.predecessors} - {s for e in province_events for s in e.successors}
    assert len(merged) == 30  # 29 absorbed on 1 July 2025 + tỉnh Thừa Thiên Huế
    assert {e.basis for e in province_events} == {"Nghị quyết 202/2025/QH15", "Nghị quyết 175/2024/QH15"}


def test_department_events_name_departments():
    v = vocabulary()
    for event in change_events():
        if event.scope == EVERY_PROVINCE:
            for name in event.successors:
                assert v.local_body(name).department, (event.id, name)


def test_every_post_2025_ministry_is_registered():
    v = vocabulary()
    ministries = {fold(b.name) for b in v.central if b.level == "ministry"}
    for name in [
        "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Tài chính",
        "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng", "Bộ Văn hóa, Thể thao và Du lịch",
        "Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo",
        "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
    ]:
        assert fold(name) in ministries or v.central_body(name).level == "central", name
