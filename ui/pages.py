"""The app's pages. Each asks ``queries/`` and shows the answer; nothing here decides what the graph means.
Every word shown comes from ``ui/labels.toml`` through :func:`ui.labels.t` (Vietnamese first, English on
request)."""

from __future__ import annotations

import html
import json
import os
import weakref
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import streamlit as st

import queries
from graph.errors import LineageError
from graph.text_index import fold
from queries.raw import raw_cypher, raw_sparql
from queries.search import IMPLEMENTER, find_agency, search

from .labels import LANG_KEY, LANGUAGES as LANGUAGE_CHOICES, data, day, lang, t, table, word
from . import document_text, lineage_view, province_map
from .tree import DocNode, document_label, plain_markdown, propagation_dot, short, toward, within

CARD_KEY = "uid"        # ?uid=<document uid> on the card page
DIRECTIVE_KEY = "directive"
AGENCY_KEY = "agency"
ASKED_KEY = "agency_asked"  # the ?agency= last followed (a later visit keeps what was typed since)
DEFAULTS = data("defaults")  # the directive and agency a first visit opens on, the indicator the targets chart picks


def _still_current(store) -> bool:
    return store.is_current()


@st.cache_resource(validate=_still_current)
def source():
    """The store the environment names (``NEO4J_URI``, else ``LINEAGE_STORE`` read-only), opened once, and
    again when an ingest into the embedded store has completed since (the store's ``is_current``)."""
    return queries.stores.store_from_env()


@st.cache_resource(max_entries=512, show_spinner=False)
def _asked(generation: str, name: str, params: tuple) -> list:
    """The rows of a named query on a generation of the embedded store, kept: a generation never changes (a new
    ingest makes a new one, which :func:`source` opens), so the same question gets the same rows. The rows are
    frozen dataclasses, shared, never changed."""
    return queries.run(name, source(), **dict(params))


def ask(name: str, **params) -> list:
    store = source()
    generation = getattr(store, "generation", None)  # None: Neo4j, asked live
    try:
        if generation is not None:
            return _asked(generation, name, tuple(sorted(params.items())))
        return queries.run(name, store, **params)
    except LineageError as exc:
        st.error(plain_markdown(exc))  # a message may quote a uid or a name: shown as typed
        return []


def show(rows: list, columns: list[str], **kwargs):
    return st.dataframe(table(rows, columns), hide_index=True, width="stretch", **kwargs)


def directive_input(key: str) -> str:
    default = st.query_params.get(DIRECTIVE_KEY) or st.session_state.get(DIRECTIVE_KEY) or DEFAULTS["directive"]
    value = st.text_input(t("directive.label"), value=default, key=key, help=t("directive.help")).strip()
    st.session_state[DIRECTIVE_KEY] = value
    return value


def known_document(directive: str):
    """The document ``directive`` names, or ``None`` after saying that the store has no such document."""
    rows = ask("document", document=directive)
    if not rows:
        st.warning(t("directive.unknown", code=plain_markdown(directive)))
        return None
    return rows[0]


def page(name: str):
    """The ``st.Page`` called ``name`` (registered on first use: a page function run alone, as tests do)."""
    if name not in PAGES:
        register()
    return PAGES[name]


# -- Find ---------------------------------------------------------------------------------------
FIND_COLUMNS = ["label", "issue_date", "status", "why", "subject"]
LAST_SEARCH = "last_search"  # (the store, what was asked, the hits): a rerun for a ticked row asks nothing


def chosen(event, hits: list) -> str | None:
    """The uid of the row a click selected in the results table (``st.dataframe`` selection), if any."""
    selected = getattr(getattr(event, "selection", None), "rows", None) or []
    return hits[selected[0]].document if selected and selected[0] < len(hits) else None


def find_page() -> None:
    st.title(t("find.title"))
    with st.form("find"):
        text = st.text_input(t("find.text"), value=st.query_params.get("q", ""), help=t("find.text_help"))
        cols = st.columns(3)
        doc_type = cols[0].text_input(t("find.type"), value="", help=t("find.type_help"))
        year_from = cols[1].text_input(t("find.year_from"), value="0000")
        year_to = cols[2].text_input(t("find.year_to"), value="9999")
        submitted = st.form_submit_button(t("find.search"))
    asked = (text, doc_type.strip() or "*", year_from or "0000", year_to or "9999")
    try:
        store = source()
        last = st.session_state.get(LAST_SEARCH)
        if not submitted and last and last[0]() is store and last[1] == asked:  # a rerun (a row ticked, the
            hits = last[2]                                  # language switched) of the same store: the same answer
        else:
            hits = search(store, text, doc_type=asked[1], year_from=asked[2], year_to=asked[3])
            st.session_state[LAST_SEARCH] = (weakref.ref(store), asked, hits)  # a store reopened is another object
    except LineageError as exc:
        st.error(plain_markdown(exc))
        return
    if not hits:
        st.warning(t("find.nothing", text=plain_markdown(text)) if text.strip() else t("find.empty"))
        return
    held = sum(1 for h in hits if not h.stub)
    st.caption(t("find.count", held=held, stubs=len(hits) - held))
    rows = [{"label": document_label(h.doc_type, h.code, h.issuer), "issue_date": h.issue_date,
             "status": t("find.stub") if h.stub else t("find.held"),
             "why": t("find.implements", code=h.via) if h.reason == IMPLEMENTER else t("find.matches"),
             "subject": h.subject} for h in hits]
    event = show(rows, FIND_COLUMNS, on_select="rerun", selection_mode="single-row", key="find_results")
    st.caption(t("find.click"))
    if uid := chosen(event, hits):
        st.switch_page(page("card"), query_params={CARD_KEY: uid})


# -- Card ---------------------------------------------------------------------------------------
def card_page() -> None:
    uid = st.query_params.get(CARD_KEY) or st.session_state.get(CARD_KEY)
    if not uid:
        st.title(t("card.title"))
        st.info(t("card.none"))
        return
    st.session_state[CARD_KEY] = uid
    document_card(uid, heading=False)


def document_card(uid: str, heading: bool = True) -> None:
    """One document, its links with the sentence each was read from, its tasks and targets. What a document
    says is shown as text (``st.text``, tables, escaped Markdown), never as Markdown: a sentence holding
    "![x](http://…)" must not make the browser fetch anything."""
    if heading:
        st.header(t("card.title"))
    rows = ask("document", document=uid)
    if not rows:
        st.warning(t("card.unknown", uid=plain_markdown(uid)))
        return
    d = rows[0]
    (st.subheader if heading else st.title)(plain_markdown(document_label(d.doc_type, d.code, d.issuer)))
    if d.stub:
        st.info(t("card.stub"))
    fields = [f for f in ("doc_type", "code", "issue_date", "place", "issuer", "subject", "title", "signer",
                          "signer_title", "source_path", "document") if getattr(d, f) is not None]
    facts = pd.DataFrame({t("card.field"): [t(f"columns.{f}") for f in fields],
                          t("card.value"): [day(getattr(d, f)) if f == "issue_date" else str(getattr(d, f))
                                            for f in fields]})
    st.dataframe(facts, hide_index=True, width="stretch")  # not st.table: its cells are read as Markdown
    st.page_link(page("propagation"), label=t("card.propagation"), query_params={DIRECTIVE_KEY: d.document},
                 icon=":material/account_tree:")
    if d.outline:
        with st.expander(t("card.outline")):
            st.code(d.outline, language=None)
    links = ask("links", document=uid)
    if links:
        st.markdown(f"**{t('card.links')}**")
        for r in links:
            arrow = "→" if r.direction == "out" else "←"
            missing = t("card.no_sentence_reuse" if r.type in TEXT_REUSE_TYPES else "card.no_sentence")
            st.text(f"{word('type', r.type)} {arrow} {r.other_label or r.other}: {r.sentence or missing}")
    tasks = ask("tasks", document=uid)
    st.markdown(f"**{t('card.tasks')}**")
    show(tasks, ["agency", "role", "deadline", "deadline_text", "path", "task_text"])
    targets = [r for r in ask("targets", directive=uid) if r.depth == 0]
    if targets:
        st.markdown(f"**{t('card.targets')}**")
        show(targets, ["indicator", "value", "unit", "comparator", "scope", "period", "sentence"])
    source_text(d, links, tasks, targets)


# Links found by comparing two texts (ingest/reuse): their evidence is passages, not one sentence.
TEXT_REUSE_TYPES = frozenset({"REUSES", "DERIVED_FROM"})


def document_file(d) -> Path | None:
    """A held document's source file on this machine, its path read from where the app runs or beside the store."""
    for base in (Path.cwd(), *(Path(v).resolve().parent for v in [os.environ.get(queries.stores.STORE_ENV)] if v)):
        if file := document_text.source_file(d.source_path, base):
            return file
    return None


def source_text(d, links: list, tasks: list, targets: list) -> None:
    """The document's own text with what was read from it marked (links by their span, tasks and targets by
    their sentence), and its file to download; or why it cannot be shown."""
    st.markdown(f"**{t('card.text')}**")
    file = document_file(d)
    if file is None:
        st.caption(t("card.no_file", path=plain_markdown(d.source_path or t("missing"))))
        return
    st.download_button(t("card.download"), file.read_bytes(), file.name, key="source_file")
    text = document_text.read_text(file)
    if text is None:
        st.caption(t("card.not_text"))
        return
    marks = [document_text.Mark(r.span_start, r.span_end, "link",
                                f"{word('type', r.type)} → {r.other_label or r.other}")
             for r in links if r.direction == "out" and r.span_start is not None and r.span_end is not None]
    for kind, passage, note in [*(("task", r.task_text, f"{r.agency} — {word('role', r.role)}") for r in tasks),
                                *(("target", r.sentence, f"{r.indicator}: {r.value:g}") for r in targets)]:
        if where := document_text.find(text, passage):
            marks.append(document_text.Mark(*where, kind, note))
    st.caption(t("card.marks", links=sum(m.kind == "link" for m in marks), tasks=sum(m.kind == "task" for m in marks),
                 targets=sum(m.kind == "target" for m in marks)))
    st.html(document_text.marked_html(text, marks, data("style")["marks"]))


# -- Propagation --------------------------------------------------------------------------------
VIEWS = ("interactive", "static")
COLLAPSE_KEY = "collapse_below"
FOLD_PENDING = "fold_pending"  # the collapsed set a fold in the graph asked for, applied on the next run
FOLD_DONE = "fold_done"        # the timestamp of the last fold applied
GROUPINGS = ("none", "province", "level")


def propagation_page() -> None:
    st.title(t("propagation.title"))
    directive = directive_input("propagation_directive")
    c1, c2, c3, c4 = st.columns(4)
    asked = st.query_params.get("view")  # a click in the static picture reloads the page with ?view=static
    view = c1.radio(t("propagation.view"), VIEWS, format_func=lambda v: t(f"propagation.views.{v}"), horizontal=True,
                    index=VIEWS.index(asked) if asked in VIEWS else 0)
    hops = c2.slider(t("propagation.depth"), 1, 5, 5)
    show_agencies = c3.checkbox(t("propagation.agencies"), value=view == "static")
    with_cites = c4.checkbox(t("propagation.cites"), value=False, disabled=view != "static")
    root = known_document(directive)
    if root is None:
        return
    root_node = DocNode(root.document, root.code, root.doc_type, root.issuer)
    tree = ask("tree", directive=root.document)
    edges = [(DocNode(r.source, r.source_code, r.source_type, r.source_issuer),
              DocNode(r.target, r.target_code, r.target_type, r.target_issuer)) for r in tree]
    names = {a.uid: document_label(a.doc_type, a.code, a.issuer) for a, _ in edges}
    c1, c2, c3 = st.columns([2, 2, 1])
    if (pending := st.session_state.pop(FOLD_PENDING, None)) is not None:  # a fold asked for in the graph
        st.session_state[COLLAPSE_KEY] = [uid for uid in pending if uid in names]
    collapsed = set(c1.multiselect(t("propagation.collapse"), sorted(names, key=names.get),
                                   format_func=names.get, help=t("propagation.collapse_help"),
                                   placeholder=t("choose"), key=COLLAPSE_KEY))
    wanted = c2.text_input(t("propagation.search"), help=t("propagation.search_help")).strip()
    grouping = c3.selectbox(t("propagation.group"), GROUPINGS, format_func=lambda g: t(f"propagation.groups.{g}"),
                            disabled=view != "interactive")
    edges = within(edges, root.document, hops, collapsed)
    if wanted:
        matches = {uid for uid, name in names.items() if all(w in fold(name) for w in fold(wanted).split())}
        edges = toward(edges, root.document, matches)
        st.caption(t("propagation.found", n=len(matches)))
    assignments: dict[str, list[tuple[str, str]]] = {}
    if show_agencies:
        for r in ask("propagation", directive=root.document):
            if r.agency:
                pairs = assignments.setdefault(r.document, [])
                if (r.agency, r.role) not in pairs:
                    pairs.append((r.agency, r.role))
    st.caption(t("propagation.caption", n=len({a.uid for a, _ in edges}),
                 directive=plain_markdown(document_label(root.doc_type, root.code, root.issuer))))
    words = {role: word("role", role) for role in ("lead", "support", "all")}
    if view == "interactive":
        relays = ask("relays", directive=root.document) if grouping != "none" else []
        groups = {r.document: (r.province or short(r.issuer) or t("missing")) if grouping == "province"
                  else t("propagation.level", depth=r.depth) for r in relays}
        drawn = lineage_view.elements(root_node, edges, lineage_view.Words(
            document=data("style")["document"], agency=t("propagation.agency_category"),
            implements=word("type", "IMPLEMENTS"), roles=words, level=t("propagation.level", depth="")),
            assignments, groups)
        event = interactive_graph(drawn)
        legend(lineage_view.categories(drawn))
        if asked := lineage_view.fold_action(event, st.session_state.get(FOLD_DONE)):
            action, ids, when = asked
            st.session_state[FOLD_DONE] = when
            now = set(st.session_state.get(COLLAPSE_KEY) or ())
            st.session_state[FOLD_PENDING] = sorted(now | set(ids) if action == "collapse" else now - set(ids))
            st.rerun()
        if agency := lineage_view.clicked_agency(event):
            st.switch_page(page("agency"), query_params={AGENCY_KEY: agency})
        selected = lineage_view.clicked_document(event, [root.document, *names]) or st.query_params.get("sel")
        exports(root, tree, drawn)
    else:
        citing = []
        if with_cites:
            citing = [DocNode(r.other, r.other_label, None, None) for r in ask("links", document=root.document)
                      if r.direction == "in" and r.type in ("CITES", "BASED_ON")]
        selected = st.query_params.get("sel")
        keep = f"&{DIRECTIVE_KEY}={quote(root.document, safe='')}&view=static&{LANG_KEY}={lang()}"
        st.graphviz_chart(propagation_dot(root_node, edges, selected, assignments, citing,
                                          words | {"cites": word("type", "CITES")}, keep), width="stretch")
    if selected:
        document_card(selected)
    copied_shares(root)


def copied_shares(root) -> None:
    """How much of the directive each document that reuses it copies, changes or leaves (text reuse)."""
    rows = ask("copied_share", directive=root.document)
    if not rows:
        return
    with st.expander(t("propagation.copied", n=len(rows))):
        labels = {r.document: _label(r.document) for r in rows}
        shown_rows = [{"label": labels[r.document], "issue_date": r.issue_date, "copied_share": f"{r.copied_share:.0%}",
                       "changed_share": f"{r.changed_share:.0%}", "own_share": f"{r.own_share:.0%}",
                       "passages": r.passages, "cites": r.cites, "inferred": r.inferred} for r in rows]
        show(shown_rows, ["label", "issue_date", "copied_share", "changed_share", "own_share", "passages", "cites",
                          "inferred"])


def interactive_graph(drawn: dict):
    """The Cytoscape view (zoom with the wheel, pan by dragging, fullscreen and re-layout in its toolbar, a
    legend of node kinds); returns the last click."""
    from st_link_analysis import Event, NodeStyle, EdgeStyle, st_link_analysis

    styles = [NodeStyle(label, colour, caption="name") for label, colour in lineage_view.categories(drawn).items()]
    edge_styles = [EdgeStyle(label, caption="name", directed=True, labeled=None) for label in
                   sorted({e["data"]["label"] for e in drawn["edges"]})]
    # The component lays out and fits the view again only when the layout changes: naming what is drawn in it
    # (ignored by Cytoscape's preset layout) fits the view to agencies shown, a fold, a search.
    layout = {**lineage_view.PRESET_LAYOUT, "drawn": lineage_view.drawn_key(drawn)}
    return st_link_analysis(drawn, layout=layout, node_styles=styles, edge_styles=edge_styles, height=650,
                            key="lineage_graph", events=[Event(lineage_view.CLICKED, "click tap", "node")],
                            node_actions=["remove", "expand"])


def legend(colours: dict[str, str]) -> None:
    """What each colour of the graph stands for (document types, agencies, group boxes)."""
    names = {lineage_view.GROUP_CATEGORY: t("propagation.group_box")}
    chips = "".join(f'<span style="margin-right:1.2em;white-space:nowrap"><span style="display:inline-block;'
                    f'width:0.9em;height:0.9em;border-radius:50%;background:{html.escape(colour)};'
                    f'border:1px solid #999;vertical-align:middle;margin-right:0.3em"></span>'
                    f'{html.escape(names.get(label, label))}</span>' for label, colour in colours.items())
    st.html(f'<div style="font-size:0.85em">{t("propagation.legend")}: {chips}</div>')


def exports(root, tree: list, drawn: dict) -> None:
    """The view to take away: the implementing links as CSV (in the reader's language), the drawn subgraph as
    GraphML, and the picture of it as PNG and SVG (made when asked: a picture of 500 documents takes a second or
    two)."""
    rows = [{"source": document_label(r.source_type, r.source_code, r.source_issuer), "source_date": r.source_date,
             "target_code": document_label(r.target_type, r.target_code, r.target_issuer)} for r in tree]
    csv = table(rows, ["source", "source_date", "target_code"]).to_csv(index=False).encode("utf-8")
    name = (root.code or root.document).replace("/", "-")
    colours = lineage_view.categories(drawn)
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button(t("propagation.csv"), csv, f"{name}.csv", "text/csv", on_click="ignore")
    c2.download_button(t("propagation.graphml"), lambda: lineage_view.graphml(drawn).encode("utf-8"),
                       f"{name}.graphml", "application/graphml+xml", on_click="ignore")
    for column, fmt in ((c3, "png"), (c4, "svg")):
        column.download_button(t(f"propagation.{fmt}"), lambda fmt=fmt: lineage_view.picture(drawn, colours, fmt),
                               f"{name}.{fmt}", lineage_view.PICTURE_FORMATS[fmt], on_click="ignore")


# -- Coverage -----------------------------------------------------------------------------------
def coverage_page() -> None:
    st.title(t("coverage.title"))
    directive = directive_input("coverage_directive")
    root = known_document(directive)
    if root is None:
        return
    try:
        rows = queries.coverage(source(), root.document)
    except LineageError as exc:
        st.error(plain_markdown(exc))
        return
    relayed = [r for r in rows if r.relayed]
    st.metric(t("coverage.metric"), t("coverage.of", relayed=len(relayed), total=len(rows)))
    named = _relayers(relayed)
    titles = {"unit": t("columns.relayer"), "lag": t("columns.lag_days"), "document": t("columns.label"),
              "issue_date": t("columns.issue_date"), "days": t("coverage.days"), "relayed": t("coverage.relayed")}
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('coverage.map', n=sum(1 for r in rows if r.kind == 'province'))}**")
        dots = province_map.points(rows, {r["document"]: r["label"] for r in named})
        dots["issue_date"] = [day(d) if d else "" for d in dots["issue_date"]]
        st.vega_lite_chart(dots, province_map.map_spec(titles, province_map.outlines(dots, root.issue_date)),
                           width="stretch")
    with right:
        st.markdown(f"**{t('coverage.timeline')}**")
        steps = province_map.timeline(rows)
        if len(steps):
            st.vega_lite_chart(steps, province_map.timeline_spec(titles), width="stretch")
        else:
            st.caption(t("coverage.no_timeline"))
    if relayed:
        show(named, ["relayer", "kind", "label", "issue_date", "lag_days", "relays"])
        if any(r.lag_days is None for r in relayed):
            st.caption(t("coverage.no_lag"))
    st.markdown(f"**{t('coverage.not_relayed')}**")
    show(_relayers(r for r in rows if not r.relayed), ["relayer", "kind"])


def _relayers(rows) -> list[dict]:
    """Coverage rows with the first relay named as people name it ("Công văn (không số) — UBND tỉnh Kon Tum")
    and the unit as "relayer" ("unit" is a target's unit elsewhere)."""
    out = []
    for r in rows:
        doc = ask("document", document=r.document) if r.document else []
        label = document_label(doc[0].doc_type, doc[0].code, doc[0].issuer) if doc else None
        out.append({**r.__dict__, "relayer": r.unit, "label": label})
    return out


# -- Targets ------------------------------------------------------------------------------------
def target_marks(rows: list) -> pd.DataFrame:
    """One mark per target, never summed: who set it (issuer, level), what (indicator, comparator, value,
    unit, period). Two targets of one issuer stay two rows ("mark" tells them apart)."""
    out = []
    for i, r in enumerate(rows):
        out.append({"mark": i, "issuer": short(r.issuer) or t("missing"), "depth": r.depth, "indicator": r.indicator or "",
                    "value": r.value, "unit": r.unit or "", "comparator": word("comparator", r.comparator),
                    "scope": r.scope or t("missing"), "period": r.period or t("missing")})
    return pd.DataFrame(out)


def targets_chart(marks: pd.DataFrame) -> dict:
    """A Vega-Lite spec: a point per target (y: who, in order of level; x: value), coloured by indicator, its
    comparator and period in the tooltip; points of one row are side by side, never stacked."""
    fields = {c: t(f"columns.{c}") for c in ("issuer", "depth", "indicator", "value", "unit", "comparator",
                                             "scope", "period")}
    return {
        "mark": {"type": "point", "filled": True, "size": 120},
        "encoding": {
            "y": {"field": "issuer", "type": "nominal", "title": fields["issuer"],
                  "sort": {"field": "depth", "order": "ascending"}, "axis": {"labelLimit": 320}},
            "x": {"field": "value", "type": "quantitative", "title": fields["value"]},
            "color": {"field": "indicator", "type": "nominal", "title": fields["indicator"]},
            "yOffset": {"field": "mark", "type": "nominal", "legend": None},
            "tooltip": [{"field": c, "title": title} for c, title in fields.items()],
        },
    }


def targets_page() -> None:
    st.title(t("targets.title"))
    directive = directive_input("targets_directive")
    if known_document(directive) is None:
        return
    rows = ask("targets", directive=directive)
    if not rows:
        st.info(t("targets.none"))
        return
    indicators = sorted({r.indicator or "" for r in rows})
    preferred = [i for i in indicators if DEFAULTS["indicator"] in i] or indicators
    picked = st.multiselect(t("targets.indicators"), indicators, default=preferred, placeholder=t("choose"))
    shown = [r for r in rows if (r.indicator or "") in picked]
    if shown:
        marks = target_marks(shown)
        st.vega_lite_chart(marks, targets_chart(marks), width="stretch")
    show(shown or rows, ["issuer", "depth", "indicator", "value", "unit", "comparator", "scope", "period",
                         "sentence"])


# -- Agency -------------------------------------------------------------------------------------
def agency_page() -> None:
    st.title(t("agency.title"))
    asked = st.query_params.get(AGENCY_KEY)  # a link from a graph: ?agency=<name>
    if asked and asked != st.session_state.get(ASKED_KEY):
        st.session_state[AGENCY_KEY] = st.session_state[ASKED_KEY] = asked
    elif AGENCY_KEY not in st.session_state:  # the first visit; afterwards the box keeps what was typed
        st.session_state[AGENCY_KEY] = DEFAULTS["agency"]
    typed = st.text_input(t("agency.label"), key=AGENCY_KEY, help=t("agency.help")).strip()
    as_of = st.date_input(t("agency.as_of"), format="DD/MM/YYYY").isoformat()
    try:
        match = find_agency(source(), typed)
    except LineageError as exc:
        st.error(plain_markdown(exc))
        return
    name = match.name
    if name is None and match.candidates:
        name = st.selectbox(t("agency.several", n=len(match.candidates)), match.candidates)
    if name is None:
        st.warning(t("agency.nothing", typed=plain_markdown(typed)))
        return
    if name != typed:
        st.caption(t("agency.read_as", name=plain_markdown(name)))
    rows = ask("agency", agency=name)
    for relation in ("part of", "succeeds", "succeeded by"):
        found = [r for r in rows if r.relation == relation]
        if found:
            st.markdown(f"**{word('relation', relation)}**:")
            st.text("; ".join(f"{r.other_label} ({day(r.date)})" if r.date else str(r.other_label) for r in found))
    st.markdown(f"**{t('agency.documents')}**")
    show([r for r in rows if r.relation in ("issued", "addressed to it")], ["relation", "other_label", "date", "other"])
    st.markdown(f"**{t('agency.tasks')}**")
    show(ask("workload", agency=name, as_of=as_of), ["code", "role", "deadline", "overdue", "task_text", "document"])


# -- Query console ------------------------------------------------------------------------------
def console_page() -> None:
    st.title(t("console.title"))
    tab_named, tab_raw = st.tabs([t("console.named"), t("console.raw")])
    with tab_named:
        names = sorted(queries.catalogue())
        name = st.selectbox(t("console.query"), names, index=names.index("propagation"))
        q = queries.named(name)
        st.caption(q.description)
        params = {}
        for p in q.params:
            params[p.name] = st.text_input(f"{p.name} — {p.help}", value=p.default or "", key=f"{name}.{p.name}")
        if st.button(t("console.run"), key="run_named"):
            given = {k: v for k, v in params.items() if v != ""}
            _show(pd.DataFrame([r.__dict__ for r in ask(name, **given)]))
    with tab_raw:
        language = st.radio(t("console.language"), ["SPARQL", "Cypher"], horizontal=True)
        text = st.text_area(t("console.text"), value="SELECT ?d ?code WHERE { ?d eli:applies ?x ; eli:id_local ?code } "
                            "LIMIT 20" if language == "SPARQL" else "MATCH (d:Document) RETURN d.uid, d.code LIMIT 20")
        if st.button(t("console.run"), key="run_raw"):
            store = source()
            try:
                answer = raw_cypher(store, text) if language == "Cypher" else raw_sparql(store, text)  # each asks
                # the store whether it runs that language
            except LineageError as exc:
                st.error(plain_markdown(exc))  # a refusal may quote the query: shown as typed
                return
            if answer.cut:
                st.warning(t("console.cut", n=len(answer.rows)))
            _show(pd.DataFrame(answer.rows, columns=answer.columns))


def _show(answer: pd.DataFrame) -> None:
    st.dataframe(answer, hide_index=True, width="stretch")
    st.download_button(t("console.csv"), answer.to_csv(index=False).encode("utf-8"), "answer.csv", "text/csv")


# -- Text reuse ----------------------------------------------------------------------------------
REUSE_KEY = "reuse_document"


def reuse_page() -> None:
    """One document's text reuse (ingest/reuse): the documents it copies from and those copying it, the shares
    copied / changed / own, and the two texts side by side with the shared passages marked."""
    st.title(t("reuse.title"))
    typed = st.text_input(t("reuse.document"), value=st.query_params.get(CARD_KEY, ""), key=REUSE_KEY).strip()
    if not typed:
        st.info(t("reuse.none"))
        return
    rows = ask("reuse", document=typed)
    if not rows:
        st.info(t("reuse.nothing", document=plain_markdown(typed)))
        return
    held = {uid: next(iter(ask("document", document=uid)), None) for uid in {r.other for r in rows} | {rows[0].document}}
    labels = {uid: document_label(d.doc_type, d.code, d.issuer) if d else uid for uid, d in held.items()}
    pick = st.selectbox(t("reuse.pair"), range(len(rows)),
                        format_func=lambda i: f"{word('direction', rows[i].direction)} {labels[rows[i].other]} "
                                              f"({rows[i].copied_share:.0%})")
    r = rows[pick]
    later, earlier = (r.document, r.other) if r.direction == "reuses" else (r.other, r.document)
    st.caption(t("reuse.shares", copied=f"{r.copied_share:.0%}", changed=f"{r.changed_share:.0%}",
                 own=f"{r.own_share:.0%}", passages=r.passages))
    st.caption(t("reuse.legend"))
    passages = json.loads(r.evidence or "[]")
    left, right = st.columns(2)
    for column, uid, side, heading in ((left, later, "a_span", "reuse.later"), (right, earlier, "b_span", "reuse.earlier")):
        with column:
            st.markdown(f"**{plain_markdown(t(heading, label=labels[uid]))}**")
            _reused_text(held[uid], labels[uid], [(p[side], p["kind"], p["similarity"]) for p in passages])


def _label(uid: str) -> str:
    rows = ask("document", document=uid)
    return document_label(rows[0].doc_type, rows[0].code, rows[0].issuer) if rows else uid


def _reused_text(d, label: str, spans: list) -> None:
    """One side of the pair (``d`` its ``document`` row, None when not held): the text with its shared passages
    marked by kind."""
    file = document_file(d) if d else None
    text = document_text.read_text(file) if file else None
    if text is None:
        st.caption(t("reuse.no_text", label=plain_markdown(label)))
        return
    marks = [document_text.Mark(a, b, kind, t("reuse.passage", kind=word("direction", kind), similarity=f"{sim:.0%}"))
             for (a, b), kind, sim in spans if 0 <= a < b <= len(text)]
    st.html(document_text.marked_html(text, marks, data("style")["marks"]))


PAGES: dict = {}
# (name, function, icon) in the order of the sidebar; the first also answers at the root "/".
PAGE_LIST = (
    ("find", find_page, ":material/search:"),
    ("card", card_page, ":material/description:"),
    ("propagation", propagation_page, ":material/account_tree:"),
    ("coverage", coverage_page, ":material/map:"),
    ("targets", targets_page, ":material/target:"),
    ("agency", agency_page, ":material/apartment:"),
    ("reuse", reuse_page, ":material/content_copy:"),
    ("console", console_page, ":material/terminal:"),
)
HOME = "home"


def register() -> list:
    """Every page as ``st.Page`` in ``PAGES``, titled in the current language, and the list to navigate:
    each page at ``/<name>`` and the first also at "/" (so ``/find`` and ``/`` both open Find)."""
    PAGES.clear()
    for name, function, icon in PAGE_LIST:
        PAGES[name] = st.Page(function, title=t(f"pages.{name}"), url_path=name, icon=icon)
    first_name, first, icon = PAGE_LIST[0]
    PAGES[HOME] = st.Page(first, title=t(f"pages.{first_name}"), icon=icon, default=True)
    return [PAGES[HOME], *(PAGES[name] for name, _, _ in PAGE_LIST)]


def sidebar() -> None:
    """The language switch and a link to each page (the navigation itself is hidden: "/" and "/find" are one
    page under two addresses)."""
    with st.sidebar:
        st.radio(t("language"), LANGUAGE_CHOICES, key=LANG_KEY, horizontal=True, index=LANGUAGE_CHOICES.index(lang()),
                 format_func=lambda code: data("language_names")[code])
        for name, _, _ in PAGE_LIST:
            st.page_link(PAGES[name])
