from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def corpus_records() -> list[dict]:
    """The records of the sample corpus (the two seeds and 38 documents), extracted once per session."""
    from ingest import extract_path

    return [extract_path(p).to_dict() for p in sorted((DATA / "corpus").glob("*.txt"))]


@pytest.fixture(scope="session")
def corpus_rdf(corpus_records, tmp_path_factory) -> Path:
    """The sample corpus's graph written once to an embedded store (its ``rdf`` folder), for tests that only read it."""
    from graph.build import build
    from graph.rdf_store import OxigraphStore

    path = tmp_path_factory.mktemp("corpus-store") / "rdf"
    with OxigraphStore(path) as writer:
        writer.write(build(corpus_records))
    return path


# Bytes no reader takes ("binary data"): the file a bulk run must report and go past.
UNREADABLE = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"


def corpus_sample(folder: Path, n: int, broken: str) -> Path:
    """``folder`` holding the first ``n`` corpus files and an unreadable one named ``broken``."""
    import shutil

    folder.mkdir()
    for path in sorted((DATA / "corpus").glob("*.txt"))[:n]:
        shutil.copy(path, folder)
    (folder / broken).write_bytes(UNREADABLE)
    return folder


from conftest_neo4j import neo4j_uri  # noqa: E402,F401  (the session's real Neo4j server)
