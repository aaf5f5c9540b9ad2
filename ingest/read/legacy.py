"""Legacy Vietnamese encodings (Windows-1258, TCVN3, VNI) read into Unicode NFC.

Two ways in:

* :func:`decode_bytes` for a file's bytes that are not UTF-8 or UTF-16: each legacy encoding
  decodes them, and the decoding whose words are most plausibly Vietnamese wins.
* :func:`detect` and :func:`convert` for text that was already read as Windows-1252 (or Latin-1)
  but was typed in a TCVN3 or VNI font: "ñy ban nh©n d©n" and "UÛy ban nhaân daân" are both
  "Ủy ban nhân dân".

The letter tables, the syllable inventory and the common words are in ``ingest/lexicon/legacy.toml``.

>>> convert("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
'Cộng hoà xã hội chủ nghĩa Việt Nam'
>>> detect("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
'vni'
"""

from __future__ import annotations

import itertools
import re
import string
import unicodedata
from dataclasses import dataclass

from ..lexicon import vocab

ENCODINGS = ("windows-1258", "tcvn3", "vni")  # decode_bytes tries them in this order; ties go first

# The five tone marks as Unicode combining characters (what NFD splits off a toned vowel).
TONE_MARKS = frozenset("\u0300\u0309\u0303\u0301\u0323")  # huyền, hỏi, ngã, sắc, nặng
CHECKED_TONES = frozenset("\u0301\u0323")  # the only tones of a syllable ending in c, ch, p, t
VOWELS = frozenset("aeiouy")  # the bases a tone mark may sit on, after NFD

# A word for scoring: the characters between ASCII white space, so that the bytes and each of their
# decodings split at the same places ("nh©n" stays one word; U+00A0 and U+0085, which Windows-1252
# and Latin-1 make of bytes 0xA0 and 0x85, do not split it).
WORD_RE = re.compile(r"\S+", re.ASCII)
# The same on bytes: a word holding a byte 0x80-0xFF, the only words the encodings read differently
# (b"nh\xa9n" in TCVN3).
LEGACY_WORD_RE = re.compile(rb"[^\s\x80-\xff]*[\x80-\xff]\S*")
# Punctuation around a word, dropped before it is judged: "gửi:" → "gửi", "“bộ" → "bộ".
EDGE_PUNCTUATION_RE = re.compile(
    "^[{0}]+|[{0}]+$".format(re.escape(string.punctuation + "“”‘’…–—•"))
)
# A run of letters, for TCVN3's missing capitals: "ñY" in "ñY BAN" (ỦY BAN in .VnTimeH).
LETTERS_RE = re.compile(r"[^\W\d_]+")

SAMPLE_WORDS = 4000  # legacy words scored per decision: enough for a verdict, bounded for 50 MB files
# A legacy reading counts only when at least this share of the words it reads are Vietnamese: over
# the corpus the right reading scores 0.97 or more and a wrong one 0.30 or less.
VIETNAMESE_SHARE = 0.8
# detect: a conversion must also change at least MIN_CHANGED words and make DETECT_GAIN more of
# them Vietnamese than before; "© 2024" (one word) and French "où" (ó in VNI) are not enough.
MIN_CHANGED = 2
DETECT_GAIN = 0.3


@dataclass(frozen=True)
class Table:
    """One legacy encoding's letters, each written as Windows-1252 characters.

    ``encode`` maps a Unicode letter to its legacy form ("ộ" → "é" in TCVN3, "oä" in VNI);
    ``decode`` maps every legacy form back, and ``forms_re`` finds them, longest first.
    """

    name: str
    encode: dict[str, str]
    decode: dict[str, str]
    forms_re: re.Pattern[str]


@dataclass(frozen=True)
class Plausibility:
    """How Vietnamese a text looks: counts over its words (runs between white space that hold a letter)."""

    words: int
    vietnamese: int  # words that are a valid syllable or a common word
    common: int  # words in the common-words list of legacy.toml

    @property
    def share(self) -> float:
        """The share of words that are Vietnamese."""
        return self.vietnamese / self.words if self.words else 0.0

    @property
    def score(self) -> float:
        """0 to 1: the mean of the Vietnamese share and the common-word share."""
        return (self.vietnamese + self.common) / (2 * self.words) if self.words else 0.0


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8 or UTF-16: ``(NFC text, encoding name)``.

    The encoding is one of :data:`ENCODINGS`: the one whose decoding of the words holding bytes
    0x80-0xFF scores highest under :func:`plausibility`. When no decoding makes
    :data:`VIETNAMESE_SHARE` of those words Vietnamese (French or German text in Windows-1252),
    the answer is Windows-1258, which reads most Western European letters as themselves.

    >>> decode_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("cp1252"))
    ('Cộng hoà xã hội chủ nghĩa Việt Nam', 'tcvn3')
    """
    sample = b" ".join(m.group() for m in itertools.islice(LEGACY_WORD_RE.finditer(data), SAMPLE_WORDS))
    readings = {name: plausibility(_decode(sample, name)) for name in ENCODINGS}
    best = max(ENCODINGS, key=lambda name: readings[name].score)
    if readings[best].share < VIETNAMESE_SHARE:
        best = "windows-1258"
    return _decode(data, best), best


def convert(text: str, encoding: str) -> str:
    """Repair ``text`` that was read as Windows-1252 or Latin-1 but is really ``encoding``.

    ``encoding`` is "tcvn3", "vni" or "windows-1258". Characters that are not a legacy letter
    are kept. TCVN3 has no capitals with a tone: they are put back where the word's other letters,
    or its neighbours, are capitals ("ñY" → "ỦY", see :func:`_tcvn3_capitals`); elsewhere the
    small letter stays ("ñy" → "ủy").

    >>> convert("UÛy ban nhaân daân", "vni")
    'Ủy ban nhân dân'
    """
    if encoding == "windows-1258":
        return unicodedata.normalize("NFC", text.translate(CP1252_AS_CP1258))
    if encoding not in TABLES:
        raise ValueError(f"unknown legacy encoding {encoding!r}: expected one of {', '.join(ENCODINGS)}")
    table = TABLES[encoding]
    out = table.forms_re.sub(lambda m: table.decode[m.group()], text)
    if encoding == "tcvn3":
        out = _tcvn3_capitals(out)
    return unicodedata.normalize("NFC", out)


def detect(text: str) -> str | None:
    """"tcvn3" or "vni" when ``text`` looks like that encoding read as Windows-1252, else None.

    Only words that the conversion changes are judged: at least :data:`MIN_CHANGED`, of which
    :data:`VIETNAMESE_SHARE` must be Vietnamese after it and :data:`DETECT_GAIN` more than before.
    Unicode Vietnamese, English and French text give None.

    >>> detect("ñy ban nh©n d©n tØnh"), detect("Ủy ban nhân dân tỉnh"), detect("Le café où l'on dîne")
    ('tcvn3', None, None)
    """
    if _unicode_vietnamese(text):
        return None
    words = list(itertools.islice(_legacy_words(text), SAMPLE_WORDS))
    found = []
    for name in ("tcvn3", "vni"):
        changed = [(w, c) for w in words if (c := convert(w, name)) != w]
        if len(changed) < MIN_CHANGED:
            continue
        before = plausibility(" ".join(w for w, _ in changed))
        after = plausibility(" ".join(c for _, c in changed))
        if after.share >= VIETNAMESE_SHARE and after.share - before.share >= DETECT_GAIN:
            found.append((after.score, name))
    return max(found)[1] if found else None


# Letters Unicode Vietnamese has and a Windows-1252 reading of legacy bytes never gives: ă đ ơ ư (and their
# capitals) and the tone-marked letters of U+1EA0–U+1EF9. Above this share of the non-ASCII letters the text
# is Unicode Vietnamese already, and the slower word test is skipped.
UNICODE_VIETNAMESE_SHARE = 0.3
# "ă", "Ư", "ủ" (U+1EE7) — the letters counted as plainly Unicode Vietnamese (all above U+00FF); "©", "ñ" —
# the Latin-1 letters (U+0080–U+00FF) they are weighed against.
WIDE_VIETNAMESE = "ăĂđĐơƠưƯ\u1ea0-\u1ef9"
# The other characters above U+00FF: "“", "–", "…" (a few in any text).
OTHER_WIDE_RE = re.compile(f"[^\x00-\xff{WIDE_VIETNAMESE}]")


def _unicode_vietnamese(text: str) -> bool:
    """Whether ``text`` is plainly Unicode Vietnamese ("Ủy ban nhân dân tỉnh" is; "ñy ban nh©n d©n" is not).

    Counted by encoding rather than letter by letter: Latin-1 keeps the characters up to U+00FF, ASCII those
    below U+0080; what is above U+00FF is Vietnamese but for the few :data:`OTHER_WIDE_RE` finds.
    """
    up_to_ff = len(text.encode("latin-1", "ignore"))
    wide = len(text) - up_to_ff - len(OTHER_WIDE_RE.findall(text))
    other = up_to_ff - len(text.encode("ascii", "ignore"))
    return wide > 0 and wide >= UNICODE_VIETNAMESE_SHARE * (wide + other)


def plausibility(text: str) -> Plausibility:
    """Count the words of ``text`` that are Vietnamese syllables or common words.

    >>> plausibility("Giao Sở Xây dựng chủ trì, phối hợp với các cơ quan")
    Plausibility(words=12, vietnamese=12, common=6)
    >>> plausibility("Céng hoµ x· héi").vietnamese
    1
    """
    words = vietnamese = common = 0
    for match in WORD_RE.finditer(text):
        word = EDGE_PUNCTUATION_RE.sub("", match.group()).lower()
        if not any(c.isalpha() for c in word):
            continue
        words += 1
        is_common = word in COMMON_WORDS
        common += is_common
        vietnamese += is_common or is_syllable(word)
    return Plausibility(words, vietnamese, common)


def is_syllable(word: str) -> bool:
    """Whether ``word`` can be one Vietnamese syllable: an initial, a rhyme and at most one tone.

    >>> is_syllable("nghĩa"), is_syllable("Việt"), is_syllable("héi"), is_syllable("cảc"), is_syllable("the")
    (True, True, False, False, True)
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) > 1 or any(c in TONE_MARKS and _base_before(decomposed, i) not in VOWELS
                             for i, c in enumerate(decomposed)):
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    for initial in INITIALS:
        rhyme = bare[len(initial):]
        if bare.startswith(initial) and rhyme in RHYMES:
            return not rhyme.endswith(CHECKED_FINALS) or bool(tones) and tones[0] in CHECKED_TONES
    return False


def _base_before(decomposed: str, index: int) -> str:
    """The base character that the combining mark at ``index`` sits on ("" at the start)."""
    for c in reversed(decomposed[:index]):
        if not unicodedata.combining(c):
            return c
    return ""


def _legacy_words(text: str):
    """The words of ``text`` holding a character some legacy table reads."""
    for match in WORD_RE.finditer(text):
        if not LEGACY_CHARACTERS.isdisjoint(match.group()):
            yield match.group()


def as_read(data: bytes, name: str) -> str:
    """``data`` as its code page reads it, before any conversion: Windows-1258 for "windows-1258",
    Windows-1252 for the font encodings (one character per byte, so offsets are byte offsets)."""
    return data.decode("latin-1").translate(LATIN1_AS_CP1258 if name == "windows-1258" else LATIN1_AS_CP1252)


def _decode(data: bytes, name: str) -> str:
    """``data`` decoded as encoding ``name``, NFC."""
    if name == "windows-1258":
        return unicodedata.normalize("NFC", as_read(data, name))
    return convert(as_read(data, name), name)


def _tcvn3_capitals(text: str) -> str:
    """Put back the capitals with a tone that TCVN3 wrote as small letters (.VnTimeH headings).

    A word whose other letters are capitals is all capitals ("ủY BAN" → "ỦY BAN"). A word that is
    all such small letters but for a first capital ("Xã", "Kế", "ở") is ambiguous: it becomes
    capitals when a neighbour on its line is an all-capital syllable ("CỘNG HÒA Xã HỘI" → "XÃ").
    Anything else keeps its small letter: "ủy ban", "Để UBND".
    """
    matches = list(LETTERS_RE.finditer(text))
    words = [_tcvn3_capitalised(m.group()) for m in matches]

    def capital_syllable(i: int, j: int) -> bool:
        if not 0 <= j < len(words):
            return False
        gap = text[matches[min(i, j)].end():matches[max(i, j)].start()]
        return "\n" not in gap and len(words[j]) > 1 and words[j].isupper() and is_syllable(words[j])

    for i, word in enumerate(words):
        if (_tcvn3_small_only(word) and not any(c.isupper() for c in word[1:])
                and (capital_syllable(i, i - 1) or capital_syllable(i, i + 1))):
            words[i] = word.upper()
    pieces, last = [], 0
    for match, word in zip(matches, words):
        pieces += [text[last:match.start()], word]
        last = match.end()
    return "".join(pieces) + text[last:]


def _tcvn3_capitalised(word: str) -> str:
    """"ủY" → "ỦY": small letters TCVN3 has no capital for, among capitals after the first letter."""
    return word.upper() if _tcvn3_small_only(word) and any(c.isupper() for c in word[1:]) else word


def _tcvn3_small_only(word: str) -> bool:
    """Whether every small letter of ``word`` is one TCVN3 has no capital for ("ủY", "Xã"; not "ủy")."""
    small = [c for c in word if c.islower()]
    return bool(small) and all(c in TCVN3_SMALL_ONLY for c in small)


def _byte_view(codec: str) -> dict[int, str]:
    """A ``str.translate`` table from Latin-1 characters to what ``codec`` makes of the same bytes."""
    view = {}
    for byte in range(0x80, 0x100):
        try:
            view[byte] = bytes([byte]).decode(codec)
        except UnicodeDecodeError:  # undefined in the code page: keep the Latin-1 control character
            pass
    return view


def _table(name: str, encode: dict[str, str]) -> Table:
    decode = {form: letter for letter, form in encode.items() if form != letter}
    if name == "vni":
        # Capital base, small modifier ("Uûy" for "Ủy"), as hand-typed VNI text has it: a capital.
        for letter, form in encode.items():
            if len(form) == 2 and letter.isupper():
                decode.setdefault(form[0] + form[1].lower(), letter)
    forms = sorted(decode, key=len, reverse=True)
    return Table(name, encode, decode, re.compile("|".join(map(re.escape, forms))))


_DATA = vocab.load("legacy.toml")
TABLES = {
    "tcvn3": _table("tcvn3", {letter: chr(byte) for letter, byte in _DATA["tcvn3"].items()}),
    "vni": _table("vni", dict(_DATA["vni"])),
}
# Small letters whose capital TCVN3 lacks (ủ: no byte for Ủ); Ă Â Ê Ô Ơ Ư Đ have one.
TCVN3_SMALL_ONLY = frozenset(
    c for c in TABLES["tcvn3"].encode if c.islower() and c.upper() not in TABLES["tcvn3"].encode
)
# Every character a legacy letter is written with, bar ASCII: "©" (TCVN3 â), "ä" (VNI, in "oä").
LEGACY_CHARACTERS = frozenset(
    c for table in TABLES.values() for form in table.decode for c in form if not c.isascii()
)
LATIN1_AS_CP1252 = _byte_view("cp1252")
LATIN1_AS_CP1258 = _byte_view("cp1258")
# Text read as Windows-1252 that is really Windows-1258: "Viêòt" (ê, then 0xF2: a dot below) → "Việt".
CP1252_AS_CP1258 = {
    ord(LATIN1_AS_CP1252.get(b, chr(b))): LATIN1_AS_CP1258.get(b, chr(b)) for b in range(0x80, 0x100)
}

INITIALS = tuple(sorted(_DATA["syllables"]["initials"], key=len, reverse=True)) + ("",)
RHYMES = frozenset(_DATA["syllables"]["rhymes"])
CHECKED_FINALS = tuple(_DATA["syllables"]["checked_finals"])
COMMON_WORDS = frozenset(w.lower() for phrase in _DATA["common"]["phrases"] for w in phrase.split())
