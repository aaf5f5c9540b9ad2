"""Text reuse (ingest/reuse): the passages a later document shares with an earlier one, on real pairs read and
checked by hand; what small edits it tolerates; the LSH index finding the pair among others and kept beside the
store; the edges on ``lineage ingest`` (REUSES, inferred IMPLEMENTS, DERIVED_FROM) alike in every store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.build import build
from graph.model import DERIVED_FROM, REUSES
from graph.nx_store import NetworkxStore
from graph.rdf_store import OxigraphStore
from ingest import extract_path
from ingest.reuse.align import COPIED, MIN_WORDS, SEED, Words, align
from ingest.reuse.index import ReuseIndex, chunks, signatures
from ingest.reuse.link import later_of, link, read_text, skip_spans

DATA = Path(__file__).parent / "data" / "corpus"
HAI_PHONG_FILE = DATA / "hai-phong-cv-trien-khai-nq-124-nq-cp-2025.txt"
KON_TUM_FILE = DATA / "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt"
NQ_124_FILE = DATA / "001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt"
KON_TUM = "vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/d956d31f51ab"
HAI_PHONG = "vn/van-phong-uy-ban-nhan-dan-thanh-pho-hai-phong/unnumbered/2025/75f339db03e9"


def _read(path: Path) -> tuple[str, Words]:
    record = extract_path(path).to_dict()
    text = read_text(record)
    return text, Words.of(text, skip_spans(record))


# The Hải Phòng letter (later: its uid sorts after; both print 2025 only and both are a province's) against the
# Kon Tum letter, both relaying 124/NQ-CP: each passage found, read in both files and checked by hand —
# (kind, Hải Phòng span, Kon Tum span, words on the Hải Phòng side, how both begin).
SEED_PASSAGES = [
    # "Thực hiện Nghị quyết số 124/NQ-CP ngày 08/5/2025 …" / "… ngày 08 tháng 5 năm 2025 …": the date reworded
    ("copied", (260, 374), (257, 381), 26, "Thực hiện Nghị quyết số 124/NQ-CP", "Thực hiện Nghị quyết số 124/NQ-CP"),
    # "1. Yêu cầu các Sở, ban, ngành thành phố, Ủy ban nhân dân cấp huyện căn cứ chức năng, nhiệm vụ" against
    # "Các sở, ban ngành, đơn vị thuộc tỉnh, Ủy ban nhân dân các huyện, thành phố căn cứ chức năng, nhiệm vụ"
    ("changed", (428, 544), (509, 632), 26, "có ý kiến như sau", "có ý kiến như sau"),
    # the four Politburo resolutions 57, 59, 66, 68-NQ/TW, dates printed 22/12/2024 against "22 tháng 12 năm 2024"
    ("copied", (1051, 1448), (913, 1348), 92, "Nghị quyết của Bộ Chính trị gồm", "nghị quyết của Bộ Chính trị, gồm"),
    # "tinh gọn, sắp xếp tổ chức bộ máy, tổ chức lại đơn vị hành chính các cấp …", line breaks in other places
    ("copied", (1727, 1820), (2245, 2338), 22, "tinh gọn, sắp xếp tổ chức bộ máy", "tinh gọn, sắp xếp tổ chức bộ máy"),
    # "Đề cao hơn nữa vai trò, trách nhiệm của người đứng đầu …", word for word
    ("copied", (1944, 2133), (5188, 5377), 39, "Đề cao hơn nữa vai trò", "Đề cao hơn nữa vai trò"),
    # "… của cơ quan, đơn vị mình …" against "… của cơ quan, địa phương mình …": two words changed
    ("copied", (2229, 2328), (5873, 5975), 22, "giải ngân vốn đầu tư công năm", "giải ngân vốn đầu tư công năm"),
    # "Nâng cấp, phát triển Hệ thống thông tin giải quyết thủ tục hành chính" (Kon Tum adds "cấp tỉnh")
    ("copied", (2334, 2700), (4214, 4588), 76, "Nâng cấp, phát triển Hệ thống", "Nâng cấp, phát triển Hệ thống"),
    # "Tổ chức các đợt cao điểm tổng rà soát, kiểm tra việc chấp hành pháp luật về dược, an toàn thực phẩm …"
    ("copied", (2706, 3251), (9926, 10471), 116, "Tổ chức các đợt cao điểm", "Tổ chức các đợt cao điểm"),
    # the graduation exam: "chuẩn bị đầy đủ điều kiện về nhân lực, vật lực …" (Kon Tum capitalises the exam)
    ("copied", (3332, 3709), (10479, 10871), 84, "chuẩn bị đầy đủ điều kiện", "Chuẩn bị đầy đủ điều kiện"),
    # "tiếp tục đẩy mạnh truyền thông chính sách …" (Kon Tum adds "Ủy ban nhân dân tỉnh")
    ("copied", (3844, 4334), (9083, 9595), 100, "tiếp tục đẩy mạnh", "Tiếp tục đẩy mạnh"),
]


def test_the_seed_letters_share_these_passages():
    hp_text, hp = _read(HAI_PHONG_FILE)
    kt_text, kt = _read(KON_TUM_FILE)
    found = align(hp, kt)
    got = [(p.kind, p.a_span, p.b_span, p.words) for p in found.passages]
    assert got == [row[:4] for row in SEED_PASSAGES]
    for kind, a_span, b_span, _, a_begins, b_begins in SEED_PASSAGES:
        assert hp_text[a_span[0]:].startswith(a_begins) and kt_text[b_span[0]:].startswith(b_begins)
    # 577 of the Hải Phòng letter's 887 words (header and recipients left out) copied, 26 changed
    assert (found.words("copied"), found.words("changed"), found.a_words) == (577, 26, 887)
    assert (found.share("copied"), found.share("changed")) == (0.6505, 0.0293)


@pytest.mark.parametrize("letter", [HAI_PHONG_FILE, KON_TUM_FILE])
def test_the_seeds_copy_nothing_of_the_part_of_124_in_the_corpus(letter):
    """The corpus holds 124/NQ-CP's header, its "Căn cứ" lines and the start of section I.1 (its situation
    report, ~5% of it); neither letter repeats any of that (read: they relay the tasks of later sections)."""
    _, relay = _read(letter)
    _, nq = _read(NQ_124_FILE)
    assert align(relay, nq).passages == ()


# A passage of the Hải Phòng letter ("Tổ chức các đợt cao điểm …", 116 words) as another letter would print it.
CAO_DIEM = (2706, 3251)
EDITS = [
    # reflowed: other line breaks and spacing, the same words
    ("reflowed", lambda s: " ".join(s.split()).replace(", ", ",\n  "), "copied"),
    # footnote markers after two words ("dược[1]", "bệnh²") and a heading's capitals
    ("footnote markers", lambda s: s.replace("dược,", "dược[1],").replace("bệnh,", "bệnh²,").upper(), "copied"),
    # three words replaced or added ("tổng rà soát" → "rà soát toàn diện", "nghiêm" → "kịp thời")
    ("a few words", lambda s: s.replace("tổng rà soát", "rà soát toàn diện").replace("xử lý nghiêm", "xử lý kịp thời"),
     "copied"),
    # rewritten in part: one word in six replaced ("rà soát" → "rà mới", …), a seed gram left between each two
    ("rewritten", lambda s: " ".join("mới" if n % 6 == 5 else w for n, w in enumerate(s.split())), "changed"),
]


@pytest.mark.parametrize("name,edit,kind", EDITS, ids=[e[0] for e in EDITS])
def test_small_edits_are_tolerated(name, edit, kind):
    hp_text, hp = _read(HAI_PHONG_FILE)
    passage = hp_text[CAO_DIEM[0]:CAO_DIEM[1]]
    later = "Ủy ban nhân dân huyện yêu cầu như sau. " + edit(passage) + " Báo cáo kết quả trước ngày 30 tháng 6."
    original = Words.of(passage)
    (p,) = align(Words.of(later), original).passages
    # the whole paragraph, but for words past the last shared gram where the edit reaches the end
    assert p.kind == kind and p.b[0] == 0 and p.b[1] >= len(original) - SEED
    assert (p.similarity >= COPIED) == (kind == "copied")


def test_a_passage_under_twenty_words_is_not_reuse():
    hp_text, _ = _read(HAI_PHONG_FILE)
    words = hp_text[CAO_DIEM[0]:CAO_DIEM[1]].split()
    short, long = " ".join(words[:MIN_WORDS - 2]), " ".join(words[:MIN_WORDS + 2])
    assert align(Words.of(short), Words.of(hp_text)).passages == ()
    assert len(align(Words.of(long), Words.of(hp_text)).passages) == 1


def test_the_index_finds_the_relay_among_the_corpus_and_keeps_itself(tmp_path):
    """Every corpus document indexed; the Hải Phòng letter's candidates hold the Kon Tum letter; the index
    written beside the store and read back gives the same."""
    index = ReuseIndex(tmp_path / "reuse")
    from ingest.reuse.index import Entry
    hp_sigs = None
    for path in sorted(DATA.glob("*.txt")):
        record = extract_path(path).to_dict()
        text = read_text(record)
        words = Words.of(text, skip_spans(record))
        sigs = signatures(words, chunks(words, text))
        index.add(record["document"]["id"], Entry(record["source"]["sha256"], str(path), None, None, None,
                                                  len(words), 0), sigs)
        if path == HAI_PHONG_FILE:
            hp_sigs = sigs
    assert KON_TUM in index.candidates(HAI_PHONG, hp_sigs)[0]
    index.save()
    again = ReuseIndex.open(tmp_path / "reuse")
    assert again.candidates(HAI_PHONG, hp_sigs) == index.candidates(HAI_PHONG, hp_sigs)
    assert len(again.entries) == len(list(DATA.glob("*.txt")))


def test_direction_by_date_then_level():
    from ingest.reuse.index import Entry

    def entry(date, level):
        return Entry("x", None, date, level, None, 100, 1)

    # a relay dated after the resolution reuses it
    assert later_of(("relay", entry("2025-06-01", 1)), ("nq", entry("2025-05-08", 0)))[0][0] == "relay"
    # dates that agree as far as both are printed ("2025" against "2025-05-08"): the lower level is later
    assert later_of(("nq", entry("2025-05-08", 0)), ("letter", entry("2025", 1)))[0][0] == "letter"
    # neither decides: uid order, said so
    assert later_of(("a", entry("2025", 1)), ("b", entry("2025", 1)))[2] == "none"


@pytest.fixture(scope="module")
def corpus_with_reuse(corpus_records):
    index = ReuseIndex()
    graph, report = link(build(corpus_records), corpus_records, index)
    return graph, report, index


def test_the_seeds_reuse_edge_carries_its_passages(corpus_with_reuse):
    graph, report, _ = corpus_with_reuse
    (edge,) = [e for e in graph.edges if e.type == REUSES and {e.start, e.end} == {HAI_PHONG, KON_TUM}]
    assert (edge.start, edge.end) == (HAI_PHONG, KON_TUM)
    passages = json.loads(edge.props["passages"])
    assert [(p["kind"], tuple(p["a_span"]), tuple(p["b_span"])) for p in passages] == \
        [(k, a, b) for k, a, b, *_ in SEED_PASSAGES]
    assert (edge.props["copied_share"], edge.props["changed_share"], edge.props["own_share"]) == \
        (0.6505, 0.0293, 0.3202)
    assert edge.props["extractor"] == "reuse" and edge.props["source_path"].endswith(HAI_PHONG_FILE.name)
    # "1. Yêu cầu các Sở, ban, ngành thành phố …" is the Kon Tum letter's "Các sở, ban ngành, đơn vị thuộc tỉnh …"
    derived = [(e.start, e.end) for e in graph.edges if e.type == DERIVED_FROM and e.start.startswith(HAI_PHONG)]
    assert (f"{HAI_PHONG}#task-452-559", f"{KON_TUM}#task-529-738") in derived
    # every pair is aligned once, never all pairs: 40 documents, fewer candidate pairs than 40·39/2
    assert 0 < report.aligned < 40 * 39 // 2


def test_reuse_edges_are_alike_in_every_store(corpus_with_reuse, neo4j_uri, tmp_path):
    from conftest_neo4j import neo4j_auth
    from graph.neo4j_store import Neo4jStore

    graph, _, _ = corpus_with_reuse
    kinds = (REUSES, DERIVED_FROM)
    want = sorted(e.as_tuple() for e in graph.edges if e.type in kinds)
    neo = Neo4jStore(neo4j_uri, neo4j_auth())
    neo.delete_all()
    rdf, nx = OxigraphStore(tmp_path / "rdf"), NetworkxStore()
    try:
        for store in (neo, rdf, nx):
            store.write(graph)
            got = sorted(e.as_tuple() for e in store.read().edges if e.type in kinds)
            assert got == want, type(store).__name__
    finally:
        neo.close()
        rdf.close()


RELAYS = Path(__file__).parent / "data" / "reuse"  # four files of shared/corpus-full, named as there
# Relays in corpus-full found by the tool (`lineage ingest` of the 375 documents, REUSES edges from a province's
# decision to a ministry's), each read against its source: a province publishing the administrative procedures a
# ministry's decision set out, copying their text. (relay, source, passages as (kind, relay span, source span),
# copied share, changed share of the relay's words.)
RELAY_PASSAGES = [
    ("2859-qd-ubnd-421d08.txt", "4831-qd-bnnmt-ddecaf.txt", [  # Hồ Chí Minh City 2859/QĐ-UBND ← 4831/QĐ-BNNMT
        ("copied", (552, 917), (779, 1125)),       # "… kiểm soát thủ tục hành chính; Nghị định số 92/2017/NĐ-CP …"
        ("changed", (1019, 1178), (1175, 1316)),   # "Điều 1. Công bố kèm theo Quyết định này danh mục 01 thủ tục …"
        ("changed", (1825, 2094), (83493, 83730)),  # "Điều 3. … có hiệu lực …", the form's "Chánh Văn phòng …"
        ("copied", (2645, 2744), (3564, 3663)),    # "Công nhận kết quả thăm dò khoáng sản thuộc thẩm quyền …"
        ("copied", (2748, 3144), (4996, 5393)),    # "Thời hạn thẩm định, công nhận kết quả thăm dò khoáng sản …"
        ("copied", (3624, 3971), (6242, 6606)),    # the fee table "Đến 01 tỷ đồng: 10 triệu đồng …" (a table there)
        ("copied", (3986, 4860), (7267, 8145)),    # the procedure's legal basis "Luật Địa chất và Khoáng sản …"
        ("changed", (4991, 5241), (3249, 3520)),   # "… thuộc phạm vi chức năng quản lý nhà nước của Bộ …"
    ], 0.4537, 0.1429),
    ("2698-qd-ubnd-4b29ae.txt", "3361-qd-bct-569570.txt", [  # Gia Lai 2698/QĐ-UBND ← 3361/QĐ-BCT
        ("changed", (417, 703), (647, 931)),       # "Căn cứ Nghị định số 63/2010/NĐ-CP …" (one basis line dropped)
        ("copied", (1367, 1537), (1737, 1900)),    # "Điều 1. Công bố kèm theo Quyết định này … Xuất nhập khẩu"
        ("copied", (3348, 4166), (9317, 10146)),   # "Đối với trường hợp hồ sơ đề nghị cấp C/O … eCoSys …"
        ("copied", (4330, 4420), (3672, 3762)),    # "Hệ thống quản lý và cấp chứng nhận xuất xứ điện tử (eCoSys) …"
        ("changed", (4758, 4890), (7488, 7612)),   # "Thông tư số 05/2018/TT-BCT …", amended by another circular
        ("copied", (5135, 6416), (12073, 13387)),  # the ASEAN–Korea agreement's rules of origin, 286 words
        ("copied", (6561, 6664), (2600, 2698)),    # the list's title, capitals there
    ], 0.4136, 0.0716),
]


@pytest.mark.parametrize("relay,source,passages,copied,changed", RELAY_PASSAGES, ids=[r[0] for r in RELAY_PASSAGES])
def test_a_province_relaying_a_ministry_decision(relay, source, passages, copied, changed):
    _, later = _read(RELAYS / relay)
    _, earlier = _read(RELAYS / source)
    found = align(later, earlier)
    assert [(p.kind, p.a_span, p.b_span) for p in found.passages] == passages
    assert (found.share("copied"), found.share("changed")) == (copied, changed)


def _relay_records(tmp_path, cite: bool) -> list[dict]:
    """The records of 4831/QĐ-BNNMT and of Hồ Chí Minh City's 2859/QĐ-UBND relaying it — with its one mention of
    the ministry's decision ("- Quyết định 4831/QĐ-BNNMT ngày 17/11/2025 …"), or with that number changed so that
    no reference names it (the relay copies the decision without citing it)."""
    text = (RELAYS / "2859-qd-ubnd-421d08.txt").read_text(encoding="utf-8")
    if not cite:
        assert text.count("4831/QĐ-BNNMT") == 1
        text = text.replace("4831/QĐ-BNNMT", "4830/QĐ-BNNMT")
    relay = tmp_path / "2859-qd-ubnd.txt"
    relay.write_text(text, encoding="utf-8")
    return [extract_path(RELAYS / "4831-qd-bnnmt-ddecaf.txt").to_dict(), extract_path(relay).to_dict()]


RELAY, MINISTRY = "vn/uy-ban-nhan-dan-thanh-pho-ho-chi-minh/qd-ubnd/2025/2859", "vn/qd-bnnmt/2025/4831"


@pytest.mark.parametrize("cite", [True, False], ids=["cited", "not cited"])
def test_a_relay_that_does_not_cite_its_source_gets_an_inferred_implements(tmp_path, cite):
    records = _relay_records(tmp_path, cite)
    graph, _ = link(build(records), records, ReuseIndex())
    links = {(e.type, e.key, bool(e.props.get("inferred"))) for e in graph.edges
             if (e.start, e.end) == (RELAY, MINISTRY)}
    if cite:  # the relay names 4831/QĐ-BNNMT ("Căn cứ … Quyết định 4831/QĐ-BNNMT"): nothing is inferred
        assert ("REUSES", "", False) in links and not any(inferred for *_, inferred in links)
    else:
        (inferred,) = [e for e in graph.edges if e.type == "IMPLEMENTS" and e.start == RELAY]
        assert (inferred.end, inferred.key, inferred.props["inferred"]) == (MINISTRY, "inferred", True)
        # 37.8% of its words copied outside its "Căn cứ" lines: confidence 0.6 + 0.35 × (0.378 − 0.2) / 0.4
        assert inferred.props["copied_share"] == 0.3784 and inferred.props["confidence"] == 0.756
        assert len(json.loads(inferred.props["passages"])) == 8


def test_queries_leave_inferred_links_out_and_reuse_shows_them(tmp_path, neo4j_uri):
    """Both languages: propagation does not follow an inferred IMPLEMENTS; reuse and copied_share show it."""
    from conftest_neo4j import neo4j_auth
    from graph.neo4j_store import Neo4jStore
    from queries import run

    records = _relay_records(tmp_path, cite=False)
    graph, _ = link(build(records), records, ReuseIndex())
    neo = Neo4jStore(neo4j_uri, neo4j_auth())
    neo.delete_all()
    neo.write(graph)
    rdf = OxigraphStore(tmp_path / "rdf")
    rdf.write(graph)
    try:
        answers = {}
        for name, store in (("neo4j", neo), ("rdf", rdf)):
            assert run("propagation", store, directive="4831/QĐ-BNNMT") == []
            (row,) = run("copied_share", store, directive="4831/QĐ-BNNMT")
            assert (row.document, row.copied_share, row.cites, row.inferred) == (RELAY, 0.4537, False, True)
            (mine,) = run("reuse", store, document=RELAY)
            assert (mine.other, mine.direction, mine.inferred, mine.passages) == (MINISTRY, "reuses", True, 8)
            answers[name] = (run("reuse", store, document=MINISTRY), run("copied_share", store,
                                                                         directive="4831/QĐ-BNNMT"))
        assert answers["neo4j"] == answers["rdf"]
    finally:
        neo.close()
        rdf.close()


def _flat(output: str) -> str:
    return " ".join(output.split())  # rich wraps lines at the terminal's width


def test_ingest_computes_reuse_incrementally_and_again_changes_nothing(tmp_path):
    """`lineage ingest` of the Kon Tum letter, then of the Hải Phòng letter: the second run aligns the new letter
    with the one the store holds; a third run of both aligns nothing and changes no count."""
    from typer.testing import CliRunner

    from lineage.cli import app

    store = tmp_path / "store"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(KON_TUM_FILE), "--store", str(store)])
    assert first.exit_code == 0, first.output
    assert "text reuse: 1 documents indexed (0 unchanged), 0 pairs aligned, 0 pairs share passages" in _flat(first.output)
    second = runner.invoke(app, ["ingest", str(HAI_PHONG_FILE), "--store", str(store)])
    assert "text reuse: 1 documents indexed (0 unchanged), 1 pairs aligned, 1 pairs share passages" in _flat(second.output)
    with OxigraphStore(store / "rdf", read_only=True) as held:
        before = held.counts()
        edges = [e for e in held.read().edges if e.type == REUSES]
    assert [(e.start, e.end) for e in edges] == [(HAI_PHONG, KON_TUM)]
    third = runner.invoke(app, ["ingest", str(KON_TUM_FILE), str(HAI_PHONG_FILE), "--store", str(store)])
    assert "text reuse: 0 documents indexed (2 unchanged), 0 pairs aligned, 1 pairs share passages" in _flat(third.output)
    with OxigraphStore(store / "rdf", read_only=True) as held:
        assert held.counts() == before


def test_a_relay_read_before_its_source_gets_its_derived_tasks_when_the_source_comes(tmp_path):
    """The Hải Phòng letter (the later of the pair) ingested first, the Kon Tum letter in a later run: the
    Hải Phòng letter is built again from the record cache, so its tasks derive from Kon Tum's as when both
    come at once."""
    from typer.testing import CliRunner

    from lineage.cli import app

    def derived(store: Path) -> list[tuple]:
        with OxigraphStore(store / "rdf", read_only=True) as held:
            return sorted(e.as_tuple() for e in held.read().edges if e.type in (DERIVED_FROM, REUSES))

    runner = CliRunner()
    apart, together = tmp_path / "apart", tmp_path / "together"
    for args in ([str(HAI_PHONG_FILE)], [str(KON_TUM_FILE)]):
        assert runner.invoke(app, ["ingest", *args, "--store", str(apart)]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(HAI_PHONG_FILE), str(KON_TUM_FILE), "--store",
                               str(together)]).exit_code == 0
    assert any(t[0] == DERIVED_FROM for t in derived(together))
    assert derived(apart) == derived(together)


def test_the_generated_cascade_is_found_as_its_truth_says():
    """bench.reuse's cascade (copied, edited and own paragraphs, with the truth of each one's origin), small:
    nearly every passage found holds paragraphs of one origin on both sides, and nearly every paragraph that two
    documents hold is found (bench/README.md gives the figures at 10k and 100k documents)."""
    from bench.reuse import run

    result = run(200, seed=7)
    assert result["precision"] >= 0.99 and result["recall"] >= 0.95, result
    assert result["pairs_aligned_per_document"] <= 40  # at most CANDIDATES per document, never all pairs
