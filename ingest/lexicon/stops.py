"""Where a sentence or a clause ends: the patterns the stages and the cleaner share, named once.

A pattern that means something else keeps its own name where it is used, with a comment saying how it differs
from these: ``targets.FIGURE_CLAUSE_END_RE`` (a ";" or ":" with no space after ends a figure's clause too),
``targets.STOP_BEFORE_CAPITAL_RE`` (a dash item may follow the stop), ``assignments.ITEM_CLAUSE_END_RE`` (a
colon ends a clause only before a list), ``assignments.SENTENCE_START_RE`` (what follows the stop),
``names.STOP_RE`` (no ";": a list of bodies runs across semicolons), ``relations.SENTENCE_END_RE`` (a
full stop ends a sentence only before what opens one), ``references.TOPIC_END_RE`` (a bracket ends a topic),
``header.ITEM_END_RE`` (a line's last mark), ``clean.sentences.STOP_END_RE`` ("!" and "?" too, in the flat
text) and ``reuse.index.CHUNK_END_RE`` (runs of marks, wherever they stand).
"""

from __future__ import annotations

import re


# A full stop that ends a sentence: one followed by whitespace or the end of the text — "… có hiệu lực kể từ ngày
# ký. Điều 3. …", "… thực hiện." — not the point inside "2.675" or "Nghị định 01/2025/NĐ-CP".
FULL_STOP = r"\.(?=\s|$)"
FULL_STOP_RE = re.compile(FULL_STOP)

# A mark that ends a sentence or one of its clauses, followed by whitespace or the end: "… năm 2022; Xét …",
# "… như sau: 1. …", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.".
STOP_MARK_RE = re.compile(r"[.;:](?=\s|$)")

# What may open a sentence after a full stop: a capital A-Z, "Đ", a digit, or any letter from "À" to "ỹ" —
# the range takes the lower-case accented letters too ("à", "ư"), as the records have always been read.
SENTENCE_OPENER = r"A-ZĐ\u00C0-\u1EF8\d"

# A full stop before the next sentence: "… theo quy định. Chủ tịch UBND tỉnh ban hành …", "… năm 2025. 2. …".
NEXT_SENTENCE = rf"\.(?=\s+[{SENTENCE_OPENER}])"
NEXT_SENTENCE_RE = re.compile(NEXT_SENTENCE)
