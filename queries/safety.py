"""Raw queries run read-only. These checks give a clear refusal before a query reaches a store; the stores
enforce it again (Neo4j read transactions in a READ session; the RDF store opened read-only in a
child process that is stopped at the timeout).
"""

from __future__ import annotations

import re

from graph.errors import LineageError

# Cypher string literals and comments, blanked before looking for clauses: 'a', "b", `c`, // …, /* … */.
CYPHER_NOISE_RE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)
# Clauses that write or reach outside the graph: "CREATE (n)", "DETACH DELETE n", "LOAD CSV FROM …",
# "CALL dbms.security.createUser(…)", "CALL { … } IN TRANSACTIONS", "FOREACH (x IN … | SET …)".
CYPHER_WRITE_RE = re.compile(
    r"\b(?P<clause>CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|ALTER|GRANT|DENY|REVOKE|FOREACH|LOAD\s+CSV"
    r"|IN\s+TRANSACTIONS|CALL\s+(?:dbms|db|apoc|gds|tx)\s*\.)",
    re.IGNORECASE,
)
# SPARQL strings, IRIs and comments, blanked likewise: "…", '…', <http://…>, # ….
SPARQL_NOISE_RE = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|<[^<>\s]*>|#[^\n]*")
# SPARQL Update operations and federation: "INSERT DATA { … }", "DELETE WHERE", "LOAD <…>", "SERVICE <…>".
SPARQL_WRITE_RE = re.compile(
    r"\b(?P<clause>INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH|SERVICE)\b", re.IGNORECASE)


def check_cypher(text: str) -> None:
    """Refuse Cypher that writes, administers, or reads files.

    >>> check_cypher("MATCH (d:Document {code: $code}) RETURN d.uid")
    >>> check_cypher("MATCH (n) DETACH DELETE n")
    Traceback (most recent call last):
    ...
    graph.errors.LineageError: refused: DETACH would change the database or reach outside it; raw Cypher here is read-only (MATCH … RETURN)
    """
    bare = CYPHER_NOISE_RE.sub(" ", text)
    if m := CYPHER_WRITE_RE.search(bare):
        clause = " ".join(m["clause"].split()).upper()
        raise LineageError(f"refused: {clause} would change the database or reach outside it; "
                           "raw Cypher here is read-only (MATCH … RETURN)")


def check_sparql(text: str) -> None:
    """Refuse SPARQL Update and federated queries.

    >>> check_sparql("SELECT ?d WHERE { ?d eli:applies ?x }")
    >>> check_sparql('INSERT DATA { <a> <b> "c" }')
    Traceback (most recent call last):
    ...
    graph.errors.LineageError: refused: INSERT is a SPARQL update or reaches another service; raw SPARQL here is read-only (SELECT, ASK, CONSTRUCT, DESCRIBE)
    """
    bare = SPARQL_NOISE_RE.sub(" ", text)
    if m := SPARQL_WRITE_RE.search(bare):
        raise LineageError(f"refused: {m['clause'].upper()} is a SPARQL update or reaches another service; "
                           "raw SPARQL here is read-only (SELECT, ASK, CONSTRUCT, DESCRIBE)")
