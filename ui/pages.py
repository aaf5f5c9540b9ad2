"""The app's pages. Each asks ``queries/`` and shows the answer; nothing here decides what the graph means."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import queries
from graph.errors import LineageError
from queries.raw import raw_cypher, raw_sparql

from .tree import DocNode, document_label, plain_markdown, propagation_dot, within

DIRECTIVE_LABEL = "Directive (code or uid)"
DEFAULT_DIRECTIVE = "124/NQ-CP"


def _still_current(store) -> bool:
    return store.is_current()


@st.cache_resource(validate=_still_current)
def source():
    """The store the environment names (``NEO4J_URI``, else ``LINEAGE_STORE`` read-only), opened once, and
    again when an ingest into the embedded store has completed since."""
    return queries.stores.store_from_env()


def ask(name: str, **params) -> list:
    try:
        return queries.run(name, source(), **params)
    except LineageError as exc:
        st.error(plain_markdown(exc))  # a message may quote a uid or a name: shown as typed
        return []


def frame(rows: list) -> pd.DataFrame:
    return pd.DataFrame([r.__dict__ if hasattr(r, "__dict__") else r for r in rows])


def directive_input(key: str) -> str:
    default = st.query_params.get("directive") or st.session_state.get("directive") or DEFAULT_DIRECTIVE
    value = st.text_input(DIRECTIVE_LABEL, value=default, key=key).strip()
    st.session_state["directive"] = value
    return value


# -- Find ---------------------------------------------------------------------------------------
def find_page() -> None:
    st.title("Find a document")
    with st.form("find"):
        text = st.text_input("Code or words of the subject", value="")
        cols = st.columns(4)
        doc_type = cols[0].text_input("Type (Nghị quyết, Kế hoạch…)", value="")
        issuer = cols[1].text_input("Issuer", value="")
        year_from = cols[2].text_input("From year", value="0000")
        year_to = cols[3].text_input("To year", value="9999")
        st.form_submit_button("Search")
    rows = ask("find", text=text or "*", doc_type=doc_type or "*", issuer=issuer or "*",
               year_from=year_from or "0000", year_to=year_to or "9999", limit=200)
    st.caption(f"{len(rows)} documents")
    st.dataframe(frame(rows), hide_index=True, width="stretch")
    if rows:
        choice = st.selectbox("Trace one", [r.document for r in rows],
                              format_func=lambda uid: next(document_label(r.doc_type, r.code, r.issuer)
                                                           for r in rows if r.document == uid))
        if st.button("Show its propagation"):
            st.session_state["directive"] = choice
            st.switch_page(PAGES["propagation"])


# -- Propagation --------------------------------------------------------------------------------
def propagation_page() -> None:
    st.title("Propagation")
    directive = directive_input("propagation_directive")
    c1, c2, c3 = st.columns(3)
    hops = c1.slider("Depth (hops from the directive)", 1, 5, 5)
    show_agencies = c2.checkbox("Show the agencies given tasks", value=True)
    with_cites = c3.checkbox("+ documents that only cite it", value=False)
    doc = ask("document", document=directive)
    if not doc:
        st.info("No such document in the store. Try Find.")
        return
    root = doc[0]
    root_node = DocNode(root.document, root.code, root.doc_type, root.issuer)
    tree = ask("tree", directive=root.document)
    edges = [(DocNode(r.source, r.source_code, r.source_type, r.source_issuer),
              DocNode(r.target, r.target_code, r.target_type, r.target_issuer)) for r in tree]
    members = sorted({a.uid for a, _ in edges})
    collapsed = set(st.multiselect("Collapse below", members))
    edges = within(edges, root.document, hops, collapsed)
    assignments: dict[str, list[tuple[str, str]]] = {}
    if show_agencies:
        for r in ask("propagation", directive=root.document):
            if r.agency:
                pairs = assignments.setdefault(r.document, [])
                if (r.agency, r.role) not in pairs:
                    pairs.append((r.agency, r.role))
    citing = []
    if with_cites:
        citing = [DocNode(r.other, r.other_label, None, None) for r in ask("links", document=root.document)
                  if r.direction == "in" and r.type in ("CITES", "BASED_ON")]
    selected = st.query_params.get("sel")
    st.caption(f"{len({a.uid for a, _ in edges})} documents implement "
               f"{plain_markdown(document_label(root.doc_type, root.code, root.issuer))} (click one for its card)")
    st.graphviz_chart(propagation_dot(root_node, edges, selected, assignments, citing), width="stretch")
    if selected:
        document_card(selected)


def document_card(uid: str) -> None:
    """One document, its links with the sentence each was read from, its tasks and targets. What a document
    says is shown as text (``st.text``, tables, escaped Markdown), never as Markdown: a sentence holding
    "![x](http://…)" must not make the browser fetch anything."""
    st.header("Document card")
    rows = ask("document", document=uid)
    if not rows:
        st.warning(f"{plain_markdown(uid)} is not in the store")
        return
    d = rows[0]
    st.subheader(plain_markdown(document_label(d.doc_type, d.code, d.issuer)))
    fields = {k: v for k, v in d.__dict__.items() if v is not None and k not in ("title", "outline")}
    fields_table = pd.DataFrame({"field": list(fields), "value": [str(v) for v in fields.values()]})
    st.dataframe(fields_table, hide_index=True, width="stretch")  # not st.table: its cells are read as Markdown
    if d.outline:
        with st.expander("Outline: the document's parts as printed"):
            st.code(d.outline, language=None)
    links = ask("links", document=uid)
    if links:
        st.markdown("**Where each link was read**")
        for r in links:
            arrow = "→" if r.direction == "out" else "←"
            st.text(f"{r.type} {arrow} {r.other_label or r.other}: {r.sentence or '(no sentence: from the registry)'}")
    tasks = ask("tasks", document=uid)
    st.markdown("**Tasks assigned**")
    st.dataframe(frame(tasks)[["agency", "role", "deadline", "deadline_text", "path", "task_text"]] if tasks else frame([]),
                 hide_index=True, width="stretch")
    targets = [t for t in ask("targets", directive=uid) if t.depth == 0]
    if targets:
        st.markdown("**Targets**")
        st.dataframe(frame(targets)[["indicator", "value", "unit", "comparator", "scope", "period", "sentence"]],
                     hide_index=True, width="stretch")


# -- Coverage -----------------------------------------------------------------------------------
def coverage_page() -> None:
    st.title("Coverage and lag")
    directive = directive_input("coverage_directive")
    try:
        rows = queries.coverage(source(), directive)
    except LineageError as exc:
        st.error(plain_markdown(exc))
        return
    relayed = [r for r in rows if r.relayed]
    st.metric("Relayed by", f"{len(relayed)} of {len(rows)} provinces and ministries")
    if relayed:
        lag = pd.DataFrame({"unit": [r.unit for r in relayed],
                            "days after the directive": [r.lag_days for r in relayed]}).set_index("unit")
        st.bar_chart(lag.sort_values("days after the directive"))
        st.dataframe(frame(relayed), hide_index=True, width="stretch")
        if any(r.lag_days is None for r in relayed):
            st.caption("No lag where a relay prints no day (a blank date).")
    st.markdown("**Not relayed (in this store)**")
    st.dataframe(frame([r for r in rows if not r.relayed])[["unit", "kind"]], hide_index=True,
                 width="stretch")


# -- Targets ------------------------------------------------------------------------------------
def targets_page() -> None:
    st.title("Targets across levels")
    directive = directive_input("targets_directive")
    rows = ask("targets", directive=directive)
    if not rows:
        st.info("No targets along this directive's lineage.")
        return
    indicators = sorted({r.indicator or "" for r in rows})
    chosen = st.multiselect("Indicators", indicators, default=[i for i in indicators if "tăng trưởng" in i] or indicators)
    shown = [r for r in rows if (r.indicator or "") in chosen]
    if shown:
        chart = pd.DataFrame({"who": [f"{r.scope} ({r.indicator})" for r in shown], "value": [r.value for r in shown]})
        st.bar_chart(chart.set_index("who"))
    st.dataframe(frame(shown or rows)[["issuer", "depth", "indicator", "value", "unit", "comparator", "scope", "period",
                                       "sentence"]], hide_index=True, width="stretch")


# -- Agency -------------------------------------------------------------------------------------
def agency_page() -> None:
    st.title("Agency")
    name = st.text_input("Agency (canonical name)", value=st.session_state.get("agency", "Ủy ban nhân dân tỉnh Kon Tum"))
    st.session_state["agency"] = name
    as_of = st.date_input("Deadlines judged on").isoformat()
    rows = ask("agency", agency=name)
    for relation in ("part of", "succeeds", "succeeded by"):
        found = [r for r in rows if r.relation == relation]
        if found:
            st.markdown(f"**{relation}**:")
            st.text("; ".join(f"{r.other_label} ({r.date})" if r.date else str(r.other_label) for r in found))
    st.markdown("**Documents**")
    docs = [r for r in rows if r.relation in ("issued", "addressed to it")]
    st.dataframe(frame(docs), hide_index=True, width="stretch")
    st.markdown("**Tasks assigned to it**")
    st.dataframe(frame(ask("workload", agency=name, as_of=as_of)), hide_index=True, width="stretch")


# -- Query console ------------------------------------------------------------------------------
def console_page() -> None:
    st.title("Query console")
    tab_named, tab_raw = st.tabs(["Named query", "Raw Cypher / SPARQL"])
    with tab_named:
        names = sorted(queries.catalogue())
        name = st.selectbox("Query", names, index=names.index("propagation"))
        q = queries.named(name)
        st.caption(q.description)
        params = {}
        for p in q.params:
            params[p.name] = st.text_input(f"{p.name} — {p.help}", value=p.default or "", key=f"{name}.{p.name}")
        if st.button("Run", key="run_named"):
            given = {k: v for k, v in params.items() if v != ""}
            _show(frame(ask(name, **given)))
    with tab_raw:
        language = st.radio("Language", ["SPARQL", "Cypher"], horizontal=True)
        text = st.text_area("Query (read-only)", value="SELECT ?d ?code WHERE { ?d eli:applies ?x ; eli:id_local ?code } "
                            "LIMIT 20" if language == "SPARQL" else "MATCH (d:Document) RETURN d.uid, d.code LIMIT 20")
        if st.button("Run", key="run_raw"):
            store = source()
            try:
                answer = raw_cypher(store, text) if language == "Cypher" else raw_sparql(store, text)  # each asks
                # the store whether it runs that language
            except LineageError as exc:
                st.error(plain_markdown(exc))  # a refusal may quote the query: shown as typed
                return
            if answer.cut:
                st.warning(f"Only the first {len(answer.rows)} rows are shown; the query has more (add a LIMIT or "
                           "narrow it).")
            _show(pd.DataFrame(answer.rows, columns=answer.columns))


def _show(table: pd.DataFrame) -> None:
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button("Download CSV", table.to_csv(index=False).encode("utf-8"), "answer.csv", "text/csv")


PAGES: dict = {}
