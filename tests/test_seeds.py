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
