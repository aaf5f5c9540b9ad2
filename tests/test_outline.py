"""The outline of whole documents (``record["outline"]``): each layout a real plan, decision, regulation,
Công điện or HĐND resolution prints, read into the tree the assignment and target stages walk.

Each row names a whole document of ``tests/data/whole`` and a path of (kind, marker, heading start) that
must be in its outline, from the top: the path is the structure a reader sees."""

import pytest

from ingest import extract_path, extract_text

Step = tuple[str, str | None, str]  # kind, marker, the start of the heading

ROWS: list[tuple[str, list[Step]]] = [
    # A numbered plan: Roman sections, numbered agencies, lettered duties (157/KH-UBND of Cần Thơ).
    ("157-kh-ubnd-0299fe", [("roman", "V.", "TỔ CHỨC THỰC HIỆN"), ("number", "1.", "Sở Y tế"),
                            ("letter", "a)", "Chủ trì, phối hợp với Sở, ban ngành liên quan")]),
    # The same plan: an agency whose duty is a plain paragraph under its heading.
    ("157-kh-ubnd-0299fe", [("roman", "V.", "TỔ CHỨC THỰC HIỆN"), ("number", "2.", "Sở Nội vụ"),
                            ("paragraph", None, "Phối hợp Sở Y tế thẩm định")]),
    # A plan's numbered tasks with their "Cơ quan chủ trì" and "Thời gian thực hiện" fields as dashes
    # (172/KH-UBND of Thành phố Hồ Chí Minh).
    ("172-kh-ubnd-d4a0d5", [("roman", "II.", "NỘI DUNG"), ("number", "2.", "Tổ chức tập huấn"),
                            ("dash", "-", "Cơ quan chủ trì")]),
    # A decision and its attached regulation: the regulation after the signature is an attachment, its
    # chapters hold the articles "Trách nhiệm của …" (2610/QĐ-UBND of Cần Thơ).
    ("2610-qd-ubnd-743564", [("attachment", None, "QUY CHẾ"), ("chapter", "Chương V", "TỔ CHỨC THỰC HIỆN"),
                             ("article", "Điều 14.", "Trách nhiệm của Sở Khoa học và Công nghệ"),
                             ("number", "1.", "Có trách nhiệm chủ trì")]),
    # The decision's own articles before the signature, a wrapped first line read to its full stop.
    ("2610-qd-ubnd-743564", [("article", "Điều 2.", "Quyết định này có hiệu lực thi hành kể từ ngày ký")]),
    # An annex table: "Phụ lục I", its table, a row, the row's cells under their column headings
    # (2530/QĐ-TTg).
    ("2530-qd-ttg-893772", [("attachment", None, "PHỤ LỤC I"), ("table", None, "STT"), ("row", None, "1"),
                            ("cell", None, "Bộ Nông nghiệp và Môi trường")]),
    # Phụ lục II of the same decision: rows number again under each group ("II", then "1"); a dash list of
    # partners is one cell and "Thực hiện mới" the next, under "Tình trạng".
    ("2530-qd-ttg-893772", [("attachment", None, "PHỤ LỤC II"), ("table", None, "STT"), ("row", None, "1"),
                            ("cell", None, "Xây dựng lộ trình cung ứng nhiên liệu")]),
    ("2530-qd-ttg-893772", [("attachment", None, "PHỤ LỤC II"), ("table", None, "STT"), ("row", None, "1"),
                            ("cell", None, "Thực hiện mới")]),
    # A heading cut by a blank line, its rest over two lines: "3. Đề nghị Ủy ban Mặt trận … Hội Liên hiệp" /
    # "Phụ nữ Thành phố và các tổ" / "chức thành viên của Mặt trận", then its dashes (174/KH-UBND).
    ("174-kh-ubnd-981e7a", [("number", "3.", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp "
                                          "Phụ nữ Thành phố và các tổ chức thành viên"),
                            ("dash", "-", "Trong phạm vi chức năng")]),
    # A heading whose first line is cut mid-word ("1. Thủ" / "trưởng các sở, …"), its items under it
    # (012/CT-UBND of Đắk Lắk).
    ("012-ct-ubnd-238a3e", [("number", "1.", "Thủ trưởng các sở, ban, ngành tỉnh"), ("letter", "a)", "Thực hiện nghiêm")]),
    # A Công điện: the numbered orders after the lead-in (217/CĐ-TTg).
    ("217-cd-ttg-d0c2ef", [("lead-in", None, "Đây là đợt mưa lớn"), ("number", "5.", "Các Bộ")]),
    # An HĐND resolution: articles with numbered clauses, "Điều" and its number over two lines
    # (36/2025/NQ-HĐND of Huế).
    ("36-2025-nq-hdnd-13be17", [("article", "Điều 8.", "Tổ chức thực hiện"),
                                ("number", "1.", "Giao Ủy ban nhân dân thành phố")]),
    # The recipients under "Nơi nhận" are their own node, never items of the last article (217/CĐ-TTg).
    ("217-cd-ttg-d0c2ef", [("recipients", None, "Nơi nhận"), ("dash", "-", "Như trên")]),
]


def _has_path(nodes: list[dict], path: list[Step]) -> bool:
    """Whether ``path`` runs down from some node of ``nodes`` (a step may skip no level)."""
    if not path:
        return True
    kind, marker, heading = path[0]
    for node in nodes:
        if node["kind"] == kind and node.get("marker") == marker and node.get("heading", "").startswith(heading):
            if _has_path(node.get("children", []), path[1:]):
                return True
        if _has_path(node.get("children", []), path):
            return True
    return False


@pytest.fixture(scope="module")
def outlines(data_dir):
    return {p.stem: extract_path(p).to_dict()["outline"] for p in (data_dir / "whole").glob("*.txt")}


@pytest.mark.parametrize("stem, path", ROWS)
def test_outline_has_the_printed_structure(outlines, stem, path):
    assert _has_path(outlines[stem], path), path


def test_cells_know_their_columns(outlines):
    # 2530/QĐ-TTg, Phụ lục I: the header row names the columns; each cell carries its column.
    tables = []

    def walk(nodes):
        for n in nodes:
            if n["kind"] == "table":
                tables.append(n)
            walk(n.get("children", []))
    walk(outlines["2530-qd-ttg-893772"])
    first = tables[0]
    assert first["columns"][:3] == ["STT", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    row = next(r for r in first["children"] if r["heading"] == "1")
    cells = {c["column"]: c["heading"] for c in row["children"]}
    assert cells["Cơ quan chủ trì"] == "Bộ Nông nghiệp và Môi trường"
    assert cells["Cơ quan phối hợp"].startswith("- Bộ Khoa học và Công nghệ")


def test_spans_point_at_the_text():
    # 157/KH-UBND of Cần Thơ: every node's span starts where its marker is printed.
    text = ("V. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\na) Chủ trì, phối hợp với Sở,\nban ngành liên quan triển khai.\n\n"
            "2. Sở Nội vụ\n\nPhối hợp Sở Y tế thẩm định.\n")
    (section,) = [n for n in extract_text(text).to_dict()["outline"] if n["kind"] == "roman"]
    first, second = section["children"]
    assert text[first["span"][0]:].startswith("1. Sở Y tế")
    assert text[first["children"][0]["span"][0]:].startswith("a) Chủ trì")
    assert text[second["span"][0]:].startswith("2. Sở Nội vụ")


# A dash opening a line: an item, or the hyphen of a name or a range wrapped there. Each row is lines of a whole
# document of ../shared/corpus-full as printed → the blocks read (kind, start of the text).
WRAPS = [
    # A ministry's hyphenated name (the registry's "Bộ Lao động - Thương binh và Xã hội") wrapped at its hyphen
    # (2929/QĐ-UBND): one item, not two.
    ("- Thông tư liên tịch số\n01/2012/TTLT-BQP-BLĐTBXH- BTC ngày 05/01/2012 của Bộ Quốc phòng, Bộ Lao động\n"
     "- Thương binh và Xã hội hướng dẫn thực hiện Quyết định số 62/2011/QĐ-TTg của",
     [("dash", "- Thông tư liên tịch số")]),
    # A span of years wrapped at its dash (179/KH-UBND): "giai đoạn 2026" / "- 2030, …" goes on.
    ("- Hỗ trợ doanh nghiệp; Chương trình Make in Viet Nam cho giai đoạn 2026\n"
     "- 2030, tập trung vào các doanh nghiệp sản xuất thiết bị IoT theo từng ngành,",
     [("dash", "- Hỗ trợ doanh nghiệp")]),
    # A line filled to the text's width ending in a name, a capital after the dash (634/TB-VPCP): the state
    # group "Công nghiệp - Viễn thông Quân đội" goes on, the item is one.
    ("10. Các Bộ, cơ quan liên quan và các Tập đoàn: Công\n"
     "nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính viễn thông Việt Nam, Công nghiệp\n"
     "- Viễn thông Quân đội theo chức năng, nhiệm vụ và thẩm quyền, trao đổi, phối hợp\n"
     "chặt chẽ với Tỉnh để tập trung nghiên cứu, rà soát, khẩn trương xử lý các kiến",
     [("number", "10. Các Bộ")]),
    # The same after a list of acts (1936/QĐ-UBND): a document type after the dash opens the next item.
    ("- Nghị định số 31/2021/NĐ-CP ngày 26/3/2021 của\n"
     "Chính phủ Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư\n"
     "- Nghị định số 239/2025/NĐ-CP ngày 03/9/2025 của\n"
     "Chính phủ sửa đổi, bổ sung một số điều của nghị định số 31/2021/NĐ-CP ngày 26",
     [("dash", "- Nghị định số 31"), ("dash", "- Nghị định số 239")]),
    # A cell's dash items after a line that ends without a stop (138/2025/QĐ-UBND): still two items.
    ("- Xác định NVTC, gửi\nthông báo việc thực hiện NVTC cho người sử dụng đất, đơn vị có liên quan\n"
     "- Xác nhận hoàn thành việc nộp\nNVTC và gửi thông báo kết quả",
     [("dash", "- Xác định NVTC"), ("dash", "- Xác nhận hoàn thành")]),
]


@pytest.mark.parametrize("src, blocks", WRAPS)
def test_a_dash_wrapped_from_a_name_or_a_range_is_no_item(src, blocks):
    from ingest.clean.outline import read_blocks

    read = read_blocks(src, [(0, len(src))])
    assert [(b.kind, b.text(src)[:len(text)]) for b, (_, text) in zip(read, blocks)] == blocks
    assert len(read) == len(blocks)
