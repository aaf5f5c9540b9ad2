"""The extraction stages, one module each, run in order by ``ingest/extract.py`` on the cleaned text's flat
views: the header (type, number, date, issuer, signer, addressees: ``header.py``), references to other
documents (``references.py``: mentions found and grouped) and how each relates (``relations.py``),
document ids (``identity.py``), agency names (``agencies.py``) and lists of them (``agency_lists.py``),
assignments (``assignments.py``: sentences and list items, then who is to do what), deadlines
(``deadlines.py``) and targets (``targets.py``). Stages ask ``ingest/lexicon`` for words and patterns and
``ingest/clean`` for text; they never read files nor run batches.
"""
