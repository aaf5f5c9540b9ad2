"""The ``neo4j_uri`` session fixture: a real Neo4j for tests that need one.

With ``NEO4J_URI`` set, tests use that server (credentials from ``NEO4J_USER``, default ``neo4j``,
and ``NEO4J_PASSWORD``; see :func:`neo4j_auth`). Otherwise a local Neo4j Community server is
started once per session in a temporary folder, without auth, and stopped at the end. A server
that cannot start fails the tests that need it; nothing is skipped.

Import the fixture into ``tests/conftest.py``: ``from conftest_neo4j import neo4j_uri``.
"""

import os

import pytest

from lineage import neo4j_server


def neo4j_auth() -> tuple[str, str] | None:
    """Credentials for the server ``neo4j_uri`` points at: from the environment for ``NEO4J_URI``, else none."""
    if os.environ.get("NEO4J_URI") and os.environ.get("NEO4J_PASSWORD"):
        return (os.environ.get("NEO4J_USER", "neo4j"), os.environ["NEO4J_PASSWORD"])
    return None


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory):
    """Bolt URI of a running Neo4j: ``$NEO4J_URI``, or a local server started for this session."""
    if uri := os.environ.get("NEO4J_URI"):
        auth = neo4j_auth()
        problem = neo4j_server.check_connectivity(uri, auth[1] if auth else None, auth[0] if auth else "neo4j")
        assert problem is None, f"NEO4J_URI={uri} is not reachable with NEO4J_USER/NEO4J_PASSWORD: {problem}"
        yield uri
        return
    with neo4j_server.start(tmp_path_factory.mktemp("neo4j")) as server:
        yield server.uri
