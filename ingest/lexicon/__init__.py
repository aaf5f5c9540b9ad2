"""The vocabulary and the patterns the stages ask: the data files (``cues.toml``: header and reference
cues; ``duties.toml``: assignments, agency classes and heads, deadlines, target words; ``legacy.toml``: the
legacy encodings' letter tables, syllables and common words), their loading and the regexes built from
them (``vocab.py``), document codes (``codes.py``) and dates (``dates.py``).
"""
