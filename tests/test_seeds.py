"""The two documents the project was created from must come out right."""

from ingest import extract_path


def test_kon_tum_seed(data_dir):
    r = extract_path(data_dir / "corpus" / "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt").to_dict()
    doc = r["document"]
    assert (doc["doc_type"], doc["code"], doc["symbol"], doc["issue_date"], doc["issuer"]) == (
        "Công văn", None, "UBND-KTTH", "2025", "Ủy ban nhân dân tỉnh Kon Tum")
    assert (doc["signer"], doc["signer_title"]) == ("Lê Ngọc Tuấn", "Chủ tịch")
    relations = {x["code"] or x["title"]: x["relation"] for x in r["references"]}
    assert relations["124/NQ-CP"] == "implements"
    assert relations["43/QĐ-UBND"] == "cites"  # from footnote 1
    assert len(relations) == 14
    assert "number is blank" in r["warnings"]
    assert [f["marker"] for f in r["footnotes"]] == ["1", "2", "3"]


def test_hai_phong_seed(data_dir):
    r = extract_path(data_dir / "corpus" / "hai-phong-cv-trien-khai-nq-124-nq-cp-2025.txt").to_dict()
    doc = r["document"]
    assert (doc["doc_type"], doc["code"], doc["issue_date"], doc["issuer"]) == (
        "Công văn", None, "2025", "Văn phòng Ủy ban nhân dân thành phố Hải Phòng")
    assert {x["code"]: (x["relation"], x["issuer"]) for x in r["references"]} == {
        "124/NQ-CP": ("implements", "Chính phủ"),
        "57-NQ/TW": ("cites", "Bộ Chính trị"),
        "59-NQ/TW": ("cites", "Bộ Chính trị"),
        "66-NQ/TW": ("cites", "Bộ Chính trị"),
        "68-NQ/TW": ("cites", "Bộ Chính trị"),
    }
    assert r["addressees"] == ["Các Sở, ban, ngành thành phố", "Ủy ban nhân dân cấp huyện"]


def _key(row):
    return tuple("" if v is None else str(v) for v in row)


def _duties(r):
    assignments = sorted(((a["agency"], a["role"], a["deadline"]) for a in r["assignments"]), key=_key)
    targets = sorted(((t["indicator"], t["value"], t["unit"], t["comparator"], t["scope"], t["period"])
                      for t in r["targets"]), key=_key)
    return assignments, targets


def test_kon_tum_seed_duties(data_dir):
    """Every department named in the Kon Tum letter with its role and deadline; every target."""
    r = extract_path(data_dir / "corpus" / "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt").to_dict()
    assignments, targets = _duties(r)
    assert assignments == _sorted([
        ("Các sở, ban ngành, đơn vị thuộc tỉnh Kon Tum", "all", None),
        ("Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Kon Tum", "all", None),
        # item 3 "(trong tháng 5 và tháng 6 năm 2025)" and item 4 "hoàn thành trước ngày 30 tháng 6 năm 2025"
        ("Các sở, ban ngành, đơn vị thuộc tỉnh Kon Tum", "all", "2025-06-30"),
        ("Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Kon Tum", "all", "2025-06-30"),
        # item 10 "gửi Sở Xây dựng để tổng hợp … trước ngày 25 tháng 7 năm 2025"
        ("Sở Xây dựng tỉnh Kon Tum", "lead", "2025-07-25"),
    ])
    assert targets == _sorted([
        ("tăng trưởng GRDP", 10.0, "%", ">=", "tỉnh Kon Tum", "2025"),
        ("thủ tục hành chính nội bộ", 100.0, "%", "=", "tỉnh Kon Tum", None),
        ("dịch vụ công trực tuyến", 100.0, "%", "=", "tỉnh Kon Tum", "2025-06"),
        ("tỷ lệ giải ngân", 100.0, "%", ">=", "tỉnh Kon Tum", "2025"),
        ("mục tiêu", 100.0, "%", ">=", "tỉnh Kon Tum", None),
        ("kế hoạch vốn", 100.0, "%", ">=", "tỉnh Kon Tum", None),
    ])
    # The introducer's entry covers the numbered items it governs, each a span into the text.
    introducer = next(a for a in r["assignments"] if a["role"] == "all" and a["deadline"] is None)
    assert len(introducer["items"]) >= 18


def test_hai_phong_seed_duties(data_dir):
    """Every department named in the Hải Phòng letter with its role; 8%, 12,5%, 100%, 100% by June 2025."""
    r = extract_path(data_dir / "corpus" / "hai-phong-cv-trien-khai-nq-124-nq-cp-2025.txt").to_dict()
    assignments, targets = _duties(r)
    assert assignments == _sorted([
        ("Các sở, ban, ngành thành phố Hải Phòng", "all", None),
        ("Ủy ban nhân dân cấp huyện thuộc thành phố Hải Phòng", "all", None),
        ("Sở Giáo dục và Đào tạo thành phố Hải Phòng", "lead", None),
        ("Các cơ quan liên quan thành phố Hải Phòng", "support", None),
        ("Sở Văn hóa, Thể thao và Du lịch thành phố Hải Phòng", "lead", None),
        ("Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng", "support", None),
        ("Các cơ quan thông tấn, báo chí thành phố Hải Phòng", "support", None),
    ])
    assert targets == _sorted([
        ("tăng trưởng", 8.0, "%", ">=", "cả nước", "2025"),
        ("tăng trưởng", 12.5, "%", ">=", "thành phố Hải Phòng", "2025"),
        ("tỷ lệ giải ngân", 100.0, "%", ">=", "thành phố Hải Phòng", "2025"),
        ("dịch vụ công trực tuyến", 100.0, "%", "=", "thành phố Hải Phòng", "2025-06"),
    ])


def _sorted(rows):
    return sorted(rows, key=_key)
