"""One agency's name → its canonical name in the registry (ingest/stages/agencies.py): abbreviations expanded,
typos matched, unknown bodies kept as printed."""

import pytest

from graph.vocabulary import vocabulary
from ingest.stages.agencies import resolve_agency


@pytest.mark.parametrize("text, province, name, match", [
    ("Sở KH&ĐT", "Kon Tum", "Sở Kế hoạch và Đầu tư tỉnh Kon Tum", "registry"),  # Kon Tum seed: an abbreviation
    ("UBND TP", "Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng", "registry"),  # Hải Phòng seed: UBND, TP expanded
    ("Sở Giáo dục và Đào tao", "Kon Tum", "Sở Giáo dục và Đào tạo tỉnh Kon Tum", "fuzzy"),  # a typo
    ("Hợp tác xã Nông nghiệp Tân Tiến", None, "Hợp tác xã Nông nghiệp Tân Tiến", "unknown"),  # kept, not dropped
    # 172-kh-ubnd-d4a0d5: a city named after a person keeps its unit after a body's name; others do not.
    ("Đài Phát thanh và Truyền hình Thành phố", "Hồ Chí Minh", "Đài Phát thanh và Truyền hình Thành phố Hồ Chí Minh",
     "registry"),
    ("Đài Phát thanh - Truyền hình", "Hậu Giang", "Đài Phát thanh và Truyền hình Hậu Giang", "registry"),  # 051
    ("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "Hồ Chí Minh",  # 174-kh-ubnd-981e7a: the unit printed once
     "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hồ Chí Minh", "registry"),
    # 010-ct-ubnd-77b242 (010/CT-UBND of Đắk Lắk, 2025): Phú Yên, merged into Đắk Lắk, is a place there, no province.
    ("Ban quản lý Khu Kinh tế Phú Yên", "Đắk Lắk", "Ban quản lý Khu Kinh tế Phú Yên", "registry"),
    ("Ban quản lý Khu Kinh tế Phú Yên", "Phú Yên", "Ban Quản lý Khu kinh tế tỉnh Phú Yên", "registry"),  # before it
])
def test_resolve_agency(text, province, name, match):
    got = resolve_agency(text, vocabulary().province(province) if province else None)
    assert (got.name, got.match) == (name, match)
    assert (got.confidence is None) == (match == "unknown")
