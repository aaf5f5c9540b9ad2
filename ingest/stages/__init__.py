"""The extraction stages, one module each, run in order by ``ingest/extract.py`` on the cleaned text's flat
views: the header (type, number, date, issuer, signer, addressees: ``header.py``), references to other
documents (``references.py``: mentions found and grouped) and how each relates (``relations.py``),
document ids (``identity.py``), agency names (``agencies.py``), the bodies a list names — titles, classes,
local governments, provinces, with registry names masked so that their commas and "và" stay theirs
(``names.py``), assignments (``assignments.py``: the outline walked, item by item, for who is to do
what, in which role, by when), deadlines (``deadlines.py``) and targets (``targets.py``: goal lists in the
outline, goals stated in tasks). Stages ask ``ingest/lexicon`` for words and patterns and
``ingest/clean`` for text; they never read files nor run batches.
"""
