"""``lineage serve``: a read-only SPARQL 1.1 Protocol endpoint over the embedded store, on 127.0.0.1.

A small Starlette app served by uvicorn. ``GET /sparql?query=…``, ``POST`` of a form (``query=…``) or of
``application/sparql-query``; the answer is written in the format the ``Accept`` header (or a ``format``
parameter: json, xml, csv, tsv, turtle, ntriples, rdfxml, jsonld) asks for, by pyoxigraph
(:mod:`graph.sparql_results`). Every query is checked as ``lineage sparql`` checks it (no update, no
``SERVICE``: :func:`queries.safety.check_sparql`) and runs on the store opened read-only in a child process
bounded in time and memory; at most ``limit`` rows are sent, and the header ``Lineage-Cut`` says when more
were left out. Updates are refused with 403. ``GET /sparql`` without a query shows a query form.

Only requests naming this machine as their host are answered (``127.0.0.1``, ``localhost``), so a web page
elsewhere cannot reach the endpoint through a DNS name pointed at 127.0.0.1; no other origin may read the
answers in a browser unless ``cors`` names it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from urllib.parse import parse_qs

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from graph.errors import LineageError
from graph.rdf_store import QUERY_MEMORY_MB, QUERY_PREFIXES
from graph.sparql_results import GRAPH_FORMATS, SOLUTION_FORMATS, serialize_read_only
from queries.safety import check_sparql

PORT = 7878  # Oxigraph's own server's port
LIMIT = 10_000
TIMEOUT = 30.0
CONCURRENT = 4  # queries running at once (each in its own process); more wait their turn
MAX_BODY = 1_000_000  # bytes of a POSTed query or form; the longest catalogue query is ~3 KB
HOSTS = ("127.0.0.1", "localhost")
FORM = Path(__file__).with_name("sparql_form.html")
CUT_HEADER = "Lineage-Cut"
FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
# The ``format`` parameter's names (as Fuseki and Virtuoso take them) for the media types.
FORMAT_NAMES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
    "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
    "ntriples": "application/n-triples", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
# Media types clients send for JSON that mean the SPARQL JSON results (SPARQLWrapper asks for both).
JSON_ALIASES = ("application/json",)


class Refused(Exception):
    """A request the protocol answers with an error status (400 bad request, 403 an update)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def make_app(store: Path, limit: int = LIMIT, timeout: float = TIMEOUT, memory_mb: int = QUERY_MEMORY_MB,
             cors: tuple[str, ...] = ()) -> Starlette:
    """The endpoint over the embedded store folder ``store`` (its ``rdf/``)."""
    rdf = Path(store) / "rdf"
    limiter = anyio.CapacityLimiter(CONCURRENT)

    async def sparql(request: Request) -> Response:
        try:
            text = await _query_text(request)
            if text is None:
                return HTMLResponse(FORM.read_text(encoding="utf-8"))
            checked = check_sparql(text, QUERY_PREFIXES)
        except Refused as refused:
            return PlainTextResponse(f"{refused}\n", status_code=refused.status)
        except LineageError as exc:  # a syntax error, or refused: an update, SERVICE
            return PlainTextResponse(f"{exc}\n", status_code=400)
        run = partial(serialize_read_only, rdf, checked, _accepted(request), limit=limit, timeout=timeout,
                      memory_mb=memory_mb)
        try:
            answer = await anyio.to_thread.run_sync(run, limiter=limiter)
        except LineageError as exc:  # ran too long, too much memory, the store refused it, no store
            return PlainTextResponse(f"{exc}\n", status_code=500)
        headers = {"Cache-Control": "no-store"}
        if answer.cut:
            headers[CUT_HEADER] = f"more than {limit} rows; only the first {limit} are sent"
        return Response(answer.body, media_type=answer.media_type, headers=headers)

    async def home(request: Request) -> Response:
        return RedirectResponse("/sparql")

    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(HOSTS))]
    if cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(cors), allow_methods=["GET", "POST"],
                                     allow_headers=["Content-Type", "Accept"], expose_headers=[CUT_HEADER]))
    return Starlette(routes=[Route("/", home), Route("/sparql", sparql, methods=["GET", "POST"])],
                     middleware=middleware)


async def _query_text(request: Request) -> str | None:
    """The query of a SPARQL 1.1 Protocol request (None: a GET without one), or :class:`Refused`."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                raise Refused(413, f"the request is longer than {MAX_BODY} bytes; send a shorter query")
        body = bytes(body)
        if kind == FORM_TYPE:
            params = {**params, **parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)}
        elif kind == QUERY_TYPE:
            if "query" in params:
                raise Refused(400, "give the query once: in the body or as ?query=, not both")
            params["query"] = [body.decode("utf-8", errors="replace")]
        elif kind == UPDATE_TYPE:
            raise Refused(403, "this endpoint is read-only: SPARQL updates are refused")
        else:
            raise Refused(400, f"POST a form ({FORM_TYPE}) or a query ({QUERY_TYPE}), not {kind or 'no content type'}")
    if "update" in params:
        raise Refused(403, "this endpoint is read-only: SPARQL updates are refused")
    if params.get("default-graph-uri") or params.get("named-graph-uri"):
        raise Refused(400, "default-graph-uri and named-graph-uri are not supported; use FROM or GRAPH in the query")
    queries = params.get("query")
    if not queries:
        if request.method == "POST":
            raise Refused(400, "no query: send query=…")
        return None
    if len(queries) > 1:
        raise Refused(400, "give exactly one query")
    return queries[0]


def _accepted(request: Request) -> list[str]:
    """The media types to answer in, best first: a ``format`` parameter, else the best of ``Accept`` for each form."""
    name = request.query_params.get("format") or request.query_params.get("output")
    if name:
        return [FORMAT_NAMES.get(name.lower(), name.lower())]
    header = request.headers.get("accept", "")
    # "text/csv; charset=utf-8" names the format text/csv: parameters other than q do not choose it
    accept = MIMEAccept([(value.split(";")[0].strip(), q) for value, q in parse_accept_header(header, MIMEAccept)])
    chosen = [accept.best_match(list(formats)) for formats in (SOLUTION_FORMATS, GRAPH_FORMATS)]
    if chosen[0] is None and any(accept.quality(alias) for alias in JSON_ALIASES):
        chosen[0] = FORMAT_NAMES["json"]
    return [media for media in chosen if media]


def serve(store: Path, port: int = PORT, **options) -> None:
    """Serve the endpoint on 127.0.0.1:``port`` until interrupted (options: see :func:`make_app`)."""
    import uvicorn

    uvicorn.run(make_app(store, **options), host="127.0.0.1", port=port, log_level="warning")
