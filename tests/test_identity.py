"""Document identity as a user meets it: `lineage ingest` into a fresh store (Oxigraph, then Neo4j), then queries.

- Two different letters with no number and no subject, of one office in one year, stay two documents; the same
  text read from two files is one.
- A department letter that cites the unnumbered Kon Tum letter ("Công văn số /UBND-KTTH ngày … tháng 5 năm 2025
  của UBND tỉnh Kon Tum về việc …") reaches 124/NQ-CP through it, also when it is ingested in a later run.
- A file ingested again under a corrected number (140 → 141) replaces what it gave: one document, a warning.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import LineageError
from graph.model import LineageGraph
from graph.rdf_store import OxigraphStore
from ingest.extract import extract_path, extract_text
from ingest.stages.identity import document_id

HAI_PHONG = "hai-phong-cv-trien-khai-nq-124-nq-cp-2025.txt"
KON_TUM = "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt"
NQ_124 = "001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt"
SO_Y_TE = "so-y-te-kon-tum-cv-1450-trien-khai-cv-ubnd-ktth-2025.txt"  # tests/data/identity/README.md
QUANG_NGAI_140 = "008_kh-140-kh-ubnd-2025-quang-ngai-thuc-hien-nq-138-139-nq-cp.txt"
NQ_138 = "006_nq-138-nq-cp-2025-ke-hoach-hanh-dong-68-nq-tw.txt"

# Item 2 of the Hải Phòng letter, and what a second letter of the same office in 2025 assigns instead.
HAI_PHONG_ITEM_2 = "kỳ thi tốt nghiệp trung học phổ thông năm 2025"
OTHER_ITEM_2 = "kỳ thi tuyển sinh vào lớp 10 trung học phổ thông năm học 2025 - 2026"
# The subject of another letter of the Kon Tum People's Committee of May 2025, which is not held.
OTHER_SUBJECT = "tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2025"


def lineage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lineage", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200"})


class Backend:
    """Where `lineage ingest` writes: the embedded store (default) or Neo4j (``--neo4j``)."""

    def __init__(self, name: str, folder: Path, neo4j_uri: str | None = None) -> None:
        self.name, self.folder, self.uri = name, folder, neo4j_uri

    def args(self) -> list[str]:
        return ["--store", str(self.folder)] + (["--neo4j", self.uri] if self.uri else [])

    def ingest(self, *paths: Path) -> subprocess.CompletedProcess:
        result = lineage("ingest", *map(str, paths), *self.args())
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def query(self, name: str, **params: str) -> list[dict]:
        result = lineage("query", name, *[f"-p{k}={v}" for k, v in params.items()], "-f", "json", *self.args())
        assert result.returncode == 0, result.stdout + result.stderr
        return json.loads(result.stdout)

    def read(self) -> LineageGraph:
        if self.uri:
            from conftest_neo4j import neo4j_auth
            from graph.neo4j_store import Neo4jStore

            with Neo4jStore(self.uri, neo4j_auth()) as store:
                return store.read()
        with OxigraphStore(self.folder / "rdf") as store:
            return store.read()


@pytest.fixture(params=["oxigraph", "neo4j"])
def backend(request, tmp_path) -> Backend:
    if request.param == "oxigraph":
        return Backend("oxigraph", tmp_path / "store")
    from conftest_neo4j import neo4j_auth
    from graph.neo4j_store import Neo4jStore

    uri = request.getfixturevalue("neo4j_uri")
    with Neo4jStore(uri, neo4j_auth()) as store:
        store.delete_all()
    return Backend("neo4j", tmp_path / "store", uri)


def _held(graph: LineageGraph, issuer_words: str) -> list[str]:
    return sorted(uid for uid, n in graph.nodes.items() if n.label == "Document" and n.props.get("stub") is False
                  and issuer_words in (n.props.get("issuer") or ""))


def _task_texts(graph: LineageGraph, document: str) -> str:
    tasks = {e.end for e in graph.edges if e.type == "ASSIGNS" and e.start == document}
    return " ".join(graph.nodes[t].props.get("text") or "" for t in tasks)


# -- ids, as the extractor gives them ------------------------------------------------------------------

def _hai_phong(data_dir: Path) -> str:
    return (data_dir / "corpus" / HAI_PHONG).read_text(encoding="utf-8")


@pytest.mark.parametrize("change, same", [
    # The Hải Phòng seed letter (no number, no subject, blank day and month) read again: the same document.
    (lambda t: t, True),
    # Only the line breaks differ (a copy re-wrapped): the same text, the same document.
    (lambda t: t.replace(" \n", "\n"), True),
    # Another letter of the same office in 2025: item 2 assigns another exam (the finding of issue 19).
    (lambda t: t.replace(HAI_PHONG_ITEM_2, OTHER_ITEM_2), False),
    # The same letter with a subject line added under the blank number.
    (lambda t: t.replace("Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc\nV/v triển khai Nghị quyết số "
                         "124/NQ-CP của Chính phủ", 1), False),
])
def test_unnumbered_ids_differ_exactly_when_the_text_does(data_dir, change, same):
    seed = _hai_phong(data_dir)
    changed = change(seed)
    assert (changed == seed or " ".join(changed.split()) == " ".join(seed.split())) == same  # the row changes what it says
    a, b = extract_text(seed).document, extract_text(changed).document
    assert a.number is None and b.number is None
    assert a.id.startswith("vn/van-phong-uy-ban-nhan-dan-thanh-pho-hai-phong/unnumbered/2025/")
    assert (a.id == b.id) == same, (a.id, b.id)


def test_no_id_comes_from_empty_text(data_dir):
    # Before: the Hải Phòng letter's id ended with sha1("")[:10], "da39a3ee5e", as every letter with no subject.
    assert "da39a3ee5e" not in extract_path(data_dir / "corpus" / HAI_PHONG).document.id
    # A numbered document keeps its id.
    assert extract_path(data_dir / "corpus" / NQ_124).document.id == "vn/nq-cp/2025/124"
    # Nothing known and no digest of the file: no id at all rather than "vn/source/".
    with pytest.raises(LineageError):
        document_id(None, None, None)
    # An empty file is identified by its sha256 (the same for every empty file: the same, empty, text).
    assert extract_text("").document.id == "vn/source/e3b0c44298fc1c14"


def test_a_mention_of_an_unnumbered_letter_keeps_its_issuer_date_and_subject(data_dir):
    record = extract_path(data_dir / "identity" / SO_Y_TE)
    (ref,) = [r for r in record.references if r.code is None and r.issue_date]  # the body's (the V/v line's: no date)
    assert (ref.issuer, ref.issue_date, ref.relation) == ("Ủy ban nhân dân tỉnh Kon Tum", "2025-05", "implements")
    assert ref.subject == "triển khai Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025 của Chính phủ"
    assert ref.title == "Công văn số /UBND-KTTH"  # as printed: what the gold files name such a mention by
    assert ref.id.startswith("vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025-05/cited-")


# -- as a user runs it, on each store ----------------------------------------------------------------------

def test_two_unnumbered_hai_phong_letters_stay_two(data_dir, tmp_path, backend):
    docs = tmp_path / "docs"
    docs.mkdir()
    seed = _hai_phong(data_dir)
    (docs / "hai-phong-a.txt").write_text(seed, encoding="utf-8")
    other = seed.replace(HAI_PHONG_ITEM_2, OTHER_ITEM_2)
    assert other != seed
    (docs / "hai-phong-b.txt").write_text(other, encoding="utf-8")
    (docs / "hai-phong-a-copy.txt").write_text(seed, encoding="utf-8")  # the same text again: no third document
    backend.ingest(docs)
    graph = backend.read()
    letters = _held(graph, "Hải Phòng")
    assert len(letters) == 2, letters
    texts = [_task_texts(graph, uid) for uid in letters]
    assert sorted(HAI_PHONG_ITEM_2 in t for t in texts) == [False, True]  # each letter has only its own tasks
    assert sorted(OTHER_ITEM_2 in t for t in texts) == [False, True]
    assert [HAI_PHONG_ITEM_2 in t for t in texts] != [OTHER_ITEM_2 in t for t in texts]


@pytest.mark.parametrize("runs", [
    # The province's letter and 124/NQ-CP first, the department's letter in a later run (the store is asked).
    [[("corpus", NQ_124), ("corpus", KON_TUM)], [("identity", SO_Y_TE)]],
    # All in one run.
    [[("corpus", NQ_124), ("corpus", KON_TUM), ("identity", SO_Y_TE)]],
])
def test_the_department_letter_reaches_124_nq_cp_through_the_kon_tum_letter(data_dir, backend, runs):
    for run in runs:
        backend.ingest(*[data_dir / folder / name for folder, name in run])
    rows = backend.query("propagation", directive="124/NQ-CP")
    depth = {r["document"]: r["depth"] for r in rows}
    kon_tum = extract_path(data_dir / "corpus" / KON_TUM).document.id
    department = "vn/so-y-te-tinh-kon-tum/syt-khtc/2025/1450"
    assert depth == {kon_tum: 1, department: 2}
    graph = backend.read()
    (edge,) = [e for e in graph.edges if e.type == "IMPLEMENTS" and e.start == department]
    assert edge.end == kon_tum  # the held letter, no stub
    assert 0.5 < edge.props["confidence"] < 1  # issuer, the month against the year printed, the subject
    assert edge.props["cited_as"].startswith("vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025-05/cited-")
    assert not [uid for uid, n in graph.nodes.items() if "/cited-" in uid]  # no placeholder stub left


def test_a_mention_that_fits_no_held_letter_is_a_stub_with_issuer_and_subject(data_dir, backend, tmp_path):
    letter = tmp_path / "so-y-te.txt"  # the same department letter citing another letter of the province
    text = (data_dir / "identity" / SO_Y_TE).read_text(encoding="utf-8")
    cited = "về việc triển khai Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025 của Chính phủ"
    assert cited in text
    letter.write_text(text.replace(cited, f"về việc {OTHER_SUBJECT}"), encoding="utf-8")
    backend.ingest(data_dir / "corpus" / KON_TUM, letter)
    graph = backend.read()
    department = "vn/so-y-te-tinh-kon-tum/syt-khtc/2025/1450"
    ends = {e.end for e in graph.edges if e.type == "IMPLEMENTS" and e.start == department}
    dated = [graph.nodes[u] for u in ends if "/2025-05/" in u]
    assert len(dated) == 1 and dated[0].props["stub"] is True
    assert dated[0].props["issuer"] == "Ủy ban nhân dân tỉnh Kon Tum"
    assert dated[0].props["title"] == OTHER_SUBJECT


def test_a_corrected_number_ingested_again_leaves_one_document(data_dir, tmp_path, backend):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in (QUANG_NGAI_140, NQ_138):
        shutil.copy(data_dir / "corpus" / name, docs)
    backend.ingest(docs)
    plan = docs / QUANG_NGAI_140
    plan.write_text(plan.read_text(encoding="utf-8").replace("Số: 140/KH-UBND", "Số: 141/KH-UBND"), encoding="utf-8")
    again = backend.ingest(plan)
    old, new = "vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/140", "vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/141"
    assert f"replaced: {plan}: the file now gives {new} (it gave {old}" in " ".join(again.stdout.split())
    graph = backend.read()
    assert _held(graph, "Quảng Ngãi") == [new]
    assert old not in graph.nodes  # nothing else cites it
    assert not [e for e in graph.edges if old in (e.start, e.end) or e.start.startswith(old + "#")]
    fresh = Backend(backend.name, tmp_path / "fresh", backend.uri)
    if backend.uri is None:  # what one ingest of the corrected folder gives: the same nodes and edges
        fresh.ingest(docs)
        assert _shape(graph) == _shape(fresh.read())


def _shape(graph: LineageGraph) -> tuple:
    return (sorted(graph.nodes), sorted(e.ident for e in graph.edges))


def test_an_edited_unnumbered_letter_stays_the_one_its_department_carries_out(data_dir, tmp_path, backend):
    """Any edit of a letter with no number changes its id (a digest of its text is in it): the file's new
    document replaces the old one, and the department letter held from an earlier run, which carries the old
    one out, is linked again from its cached record (its file is not given again)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(data_dir / "corpus" / NQ_124, docs)
    shutil.copy(data_dir / "corpus" / KON_TUM, docs)
    shutil.copy(data_dir / "identity" / SO_Y_TE, docs)
    backend.ingest(docs)
    letter = docs / KON_TUM
    old = extract_path(letter).document.id
    # The Kon Tum letter corrected: item 5's reference to Plan 1268/KH-UBND taken out.
    cut = "Kế hoạch số 1268/KH-UBND \n\nngày 16 tháng 4 năm 2025 của Ủy ban nhân dân tỉnh về Kế hoạch thực hiện \n\n"
    letter.write_text(letter.read_text(encoding="utf-8").replace(cut, ""), encoding="utf-8")
    new = extract_path(letter).document.id
    assert new != old
    again = backend.ingest(letter)
    assert f"replaced: {letter}: the file now gives {new} (it gave {old}" in " ".join(again.stdout.split())
    depth = {r["document"]: r["depth"] for r in backend.query("propagation", directive="124/NQ-CP")}
    assert depth == {new: 1, "vn/so-y-te-tinh-kon-tum/syt-khtc/2025/1450": 2}
    assert old not in backend.read().nodes  # nothing cites the old version now


def test_the_networkx_store_replaces_a_corrected_file_too(data_dir, tmp_path):
    """The in-memory store (the app's and the algorithms') under the same pipeline: 140 → 141 leaves one plan,
    and 138/NQ-CP, which the plan carries out and is held, loses nothing."""
    from graph.nx_store import NetworkxStore
    from ingest.batch.pipeline import RecordCache, ingest

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in (QUANG_NGAI_140, NQ_138):
        shutil.copy(data_dir / "corpus" / name, docs)
    store, cache = NetworkxStore(), RecordCache(tmp_path / "records")
    ingest(sorted(docs.iterdir()), store, cache)
    before = store.read()
    plan = docs / QUANG_NGAI_140
    plan.write_text(plan.read_text(encoding="utf-8").replace("Số: 140/KH-UBND", "Số: 141/KH-UBND"), encoding="utf-8")
    summary = ingest([plan], store, cache)
    old, new = "vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/140", "vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/141"
    assert [(r.old, r.new) for r in summary.replaced] == [(old, new)]
    after = store.read()
    assert _held(after, "Quảng Ngãi") == [new] and old not in after.nodes
    nq_138 = "vn/nq-cp/2025/138"
    assert [e.ident for e in after.edges if e.start == nq_138] == [e.ident for e in before.edges if e.start == nq_138]
    assert {e.type for e in after.edges if e.start == new} == {e.type for e in before.edges if e.start == old}
