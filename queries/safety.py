"""What a raw query may do, decided on what the engines make of it, never on its words.

- **Cypher**: Neo4j plans the query (``EXPLAIN``, in the read transaction the query then runs in;
  :func:`queries.raw.raw_cypher`) and :func:`check_cypher_plan` reads the plan: the server must call it
  read-only (query type ``r``), and no operator may read files or URLs (``LoadCSV``), describe or stop
  the server's work (``Show…``, ``Terminate…``) or call a procedure outside :data:`PROCEDURES` (schema
  reads). Comments, strings, backticks and line ends are the server's own business: it has parsed them.
- **SPARQL**: :func:`check_sparql` parses the query with rdflib into SPARQL algebra and walks all of it:
  only SELECT, ASK, CONSTRUCT and DESCRIBE, no update, no ``SERVICE`` at any depth. The text it returns
  (codepoint escapes expanded, line ends made ``\\n``) is the text the store runs, so both parsers read
  the same characters the same way.

The stores enforce it again: Neo4j runs raw Cypher in a read transaction on a server without file
URLs for LOAD CSV (``lineage/neo4j_server.py``); the RDF store is opened read-only in a child process
bounded in time and memory (``graph.rdf_store.select_read_only``).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from graph.errors import LineageError

READ_ONLY = "r"  # Neo4j's query type of a plan that only reads (others: "rw", "w", "s")
QUERY_TYPES = {"rw": "a read-write query", "w": "a write", "s": "a schema or administration command"}
# Procedures a raw query may call: the schema reads and the documents' full-text index (graph.neo4j_store.TEXT_INDEX:
# CALL db.index.fulltext.queryNodes('document_text', 'vuong* AND mac*')). Any other (db.createLabel,
# dbms.listConfig, …) is refused.
PROCEDURES = frozenset({"db.labels", "db.relationshipTypes", "db.propertyKeys", "db.index.fulltext.queryNodes"})
PROCEDURE_FAMILIES = ("db.schema.",)  # db.schema.visualization, db.schema.nodeTypeProperties, …
# Plan operators that reach outside the graph although Neo4j calls them reads, by the start of their name:
# LoadCSV (LOAD CSV FROM 'file:///proc/self/environ'), ShowSettings/ShowTransactions/ShowProcedures…
# (SHOW …), TerminateTransactions (TERMINATE TRANSACTIONS 'neo4j-transaction-1'), AdministrationCommand.
OUTSIDE_OPERATORS = {
    "LoadCSV": "LOAD CSV reads files or URLs outside the graph",
    "Show": "SHOW commands describe the server, not the graph",
    "Terminate": "TERMINATE stops other transactions",
    "Administration": "administration commands are not queries",
}
PROCEDURE_CALL = "ProcedureCall"
# The procedure an operator calls, as the plan names it: "db.labels() :: (label :: STRING)" → db.labels.
PLAN_PROCEDURE_RE = re.compile(r"(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\(")

SPARQL_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
SERVICE = "ServiceGraphPattern"  # rdflib's algebra node of SERVICE <…> { … } and SERVICE ?x { … }
# Line ends: "\r\n" (Windows) and a lone "\r", which ends a "# comment" for Oxigraph but not for rdflib.
LINE_END_RE = re.compile(r"\r\n?")
# An update operation's algebra name in words: "DeleteWhere" → "DELETE WHERE", "InsertData" → "INSERT DATA".
CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
UPDATE_NAMES = {"Modify": "DELETE/INSERT … WHERE"}  # the one update whose algebra name is not its keywords


def check_limit(limit: int) -> None:
    """Refuse a row limit below zero (``--limit -1`` once gave nothing in Cypher and one row in SPARQL).

    >>> check_limit(0)
    >>> check_limit(-1)
    Traceback (most recent call last):
    ...
    graph.errors.LineageError: the row limit must be 0 or more, not -1
    """
    if limit < 0:
        raise LineageError(f"the row limit must be 0 or more, not {limit}")


# --- Cypher -------------------------------------------------------------------------------------


def check_cypher_plan(query_type: str | None, plan: Mapping | None) -> None:
    """Refuse a query Neo4j plans as anything but a read of the graph (``summary.query_type``, ``summary.plan``).

    >>> check_cypher_plan("r", {"operatorType": "ProduceResults@neo4j", "children": [
    ...     {"operatorType": "ProcedureCall@neo4j", "args": {"Details": "db.labels() :: (label :: STRING)"}}]})
    >>> check_cypher_plan("r", {"operatorType": "ProcedureCall@neo4j", "args": {"Details": "dbms.listConfig() :: ()"}})
    Traceback (most recent call last):
    ...
    graph.errors.LineageError: refused: the query calls dbms.listConfig; raw Cypher here may call only the schema reads and the text index db.index.fulltext.queryNodes, db.labels, db.propertyKeys, db.relationshipTypes, db.schema.*
    """
    if plan is None:
        raise LineageError("refused: Neo4j gave no plan for the query, so it cannot be checked")
    operators = list(_operators(plan))
    for name, details in operators:
        for start, reason in OUTSIDE_OPERATORS.items():
            if name.startswith(start):
                raise LineageError(f"refused: {reason} ({name} in Neo4j's plan); "
                                   "raw Cypher here reads the graph only (MATCH … RETURN)")
        if name == PROCEDURE_CALL:
            procedure = PLAN_PROCEDURE_RE.match(details or "")
            if procedure is None or not _allowed(procedure["name"]):
                called = procedure["name"] if procedure else f"a procedure Neo4j describes as {details!r}"
                allowed = ", ".join(sorted(PROCEDURES) + [f"{f}*" for f in PROCEDURE_FAMILIES])
                raise LineageError(f"refused: the query calls {called}; raw Cypher here may call only the "
                                   f"schema reads and the text index {allowed}")
    if query_type != READ_ONLY:
        kind = QUERY_TYPES.get(query_type or "", f"query type {query_type!r}")
        named = ", ".join(dict.fromkeys(name for name, _ in operators))
        raise LineageError(f"refused: Neo4j plans this query as {kind} ({named}); "
                           "raw Cypher here is read-only (MATCH … RETURN)")


def _allowed(procedure: str) -> bool:
    return procedure in PROCEDURES or procedure.startswith(PROCEDURE_FAMILIES)


def _operators(plan: Mapping) -> Iterator[tuple[str, str | None]]:
    """Every operator of the plan tree: its name without the database ("LoadCSV@neo4j" → LoadCSV) and details."""
    yield plan.get("operatorType", "").split("@")[0], (plan.get("args") or {}).get("Details")
    for child in plan.get("children") or ():
        yield from _operators(child)


# --- SPARQL -------------------------------------------------------------------------------------


def check_sparql(text: str, prefixes: Mapping[str, str] | None = None) -> str:
    """Refuse SPARQL that is not a plain query of the store; return the text to run (see the module's note).

    ``prefixes`` are the ones the store predeclares (``rdf:``, ``eli:``, …), so queries need not declare them.

    >>> check_sparql("SELECT ?with WHERE { ?with ?p ?o }")
    'SELECT ?with WHERE { ?with ?p ?o }'
    >>> check_sparql('SELECT * WHERE { ?s ?p ?o # x\\rSERVICE <http://127.0.0.1:9/> { ?a ?b ?c }\\n }')
    Traceback (most recent call last):
    ...
    graph.errors.LineageError: refused: SERVICE would send the query to another server; raw SPARQL here reads this store only
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate

    try:
        text = expandUnicodeEscapes(text)  # SPARQL reads \uXXXX escapes before anything else
    except ValueError as exc:
        raise LineageError(f"SPARQL: {exc}") from None
    if expandUnicodeEscapes(text) != text:  # "\u005Cu0022" → "\u0022": the store would read it once more
        raise LineageError("SPARQL: a \\u escape spells another escape; write the character itself")
    text = LINE_END_RE.sub("\n", text)
    try:
        with _room_to_parse():
            parsed = parseQuery(text)
            query = translateQuery(parsed, initNs=dict(prefixes or {}))
    except RecursionError:
        raise LineageError(f"SPARQL: the query nests too deep to read (over {PARSE_RECURSION} levels of the "
                           "grammar); write its expressions flatter") from None
    except ParseBaseException as exc:
        try:
            update = parseUpdate(text)
        except ParseBaseException:
            raise LineageError(f"SPARQL syntax error: {exc}") from None
        operations = ", ".join(UPDATE_NAMES.get(op.name) or CAMEL_RE.sub(" ", op.name).upper()
                               for op in update.request)
        raise LineageError(f"refused: {operations} is a SPARQL update; raw SPARQL here is read-only "
                           "(SELECT, ASK, CONSTRUCT, DESCRIBE)") from None
    except Exception as exc:  # rdflib's translation raises what it meets (unknown prefix, bad aggregate, …)
        raise LineageError(f"SPARQL: {exc}") from None
    if query.algebra.name not in SPARQL_FORMS:
        raise LineageError(f"refused: {query.algebra.name}; raw SPARQL here is SELECT, ASK, CONSTRUCT or DESCRIBE")
    if SERVICE in _algebra_names(query.algebra):
        raise LineageError("refused: SERVICE would send the query to another server; raw SPARQL here reads this "
                           "store only")
    return text


# rdflib's SPARQL grammar (pyparsing) recurses a few dozen frames for each level of an expression: the catalogue's
# evidence.rq needs about 1,000, Python's default limit, so a query is read with this much room.
PARSE_RECURSION = 5_000
# The limit is the process's: one query is read at a time (the app's sessions are threads), so that one reader
# never puts back the limit while another still needs the room.
_PARSING = threading.Lock()


@contextmanager
def _room_to_parse() -> Iterator[None]:
    """Python's recursion limit raised to :data:`PARSE_RECURSION` while rdflib reads a query."""
    with _PARSING:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, PARSE_RECURSION))
        try:
            yield
        finally:
            sys.setrecursionlimit(old)


def _algebra_names(node: object) -> set[str]:
    """The names of every algebra node under ``node``: patterns, filters and their EXISTS, subqueries."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    names: set[str] = set()
    stack, seen = [node], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            names.add(item.name)
        if isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset, ParseResults)):
            stack.extend(item)
    return names
