"""The vocabulary and the patterns the stages ask: the data files (``cues.toml``: header, agency-name and
reference cues; ``duties.toml``: agency lists, deadlines, target words; ``roles.toml`` and ``bodies.toml``:
assignments and the bodies they name; ``outline.toml``: a document's printed structure; ``page.toml``: the
page around it; ``dates.toml``: the words of dates; ``common.toml``: the small words many stages share;
``legacy.toml``: the legacy encodings' letter tables, syllables and common words), their loading and the
regexes built from them (``vocab.py``), the one scan of a text for the stages' trigger phrases (``scanner.py``),
where sentences and clauses end (``stops.py``), document codes (``codes.py``) and dates (``dates.py``).
"""
