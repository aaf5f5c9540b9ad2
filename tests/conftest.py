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


from conftest_neo4j import neo4j_uri  # noqa: E402,F401  (the session's real Neo4j server)
