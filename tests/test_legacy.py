"""Legacy encodings: corpus text through TCVN3, VNI and Windows-1258 and back, reference lines typed
by hand, and text that must not be taken for TCVN3 or VNI."""

import unicodedata
from pathlib import Path

import pytest

from ingest.read.legacy import TABLES, convert, decode_bytes, detect, is_syllable

CORPUS = Path(__file__).parent / "data" / "corpus"
KON_TUM = "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt"
TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng
ENCODINGS = ("windows-1258", "tcvn3", "vni")


def corpus(name: str) -> str:
    """A corpus file as the readers give it: Unicode NFC (the Hải Phòng seed is partly NFD on disk)."""
    return unicodedata.normalize("NFC", (CORPUS / name).read_text(encoding="utf-8"))


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: the code page has ă â ê ô ơ ư đ but the five tones only as combining marks,
    so each letter is split into its base with those modifiers and its tone mark ("ộ" → "ô" + dot)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        marks = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in marks if c not in TONE_MARKS))
        out.append(base + "".join(c for c in marks if c in TONE_MARKS))
    return "".join(out).encode("cp1258")


def to_legacy(text: str, encoding: str) -> bytes:
    """TCVN3 or VNI bytes from the tables; a TCVN3 capital with a tone has no byte, so it is written
    with the small letter's byte, as .VnTimeH documents have it."""
    table = TABLES[encoding].encode
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if encoding == "tcvn3" and ch not in table and ch.lower() in table:
            ch = ch.lower()
        out.append(table.get(ch, ch))
    return "".join(out).encode("cp1252")


ENCODE = {
    "windows-1258": to_cp1258,
    "tcvn3": lambda text: to_legacy(text, "tcvn3"),
    "vni": lambda text: to_legacy(text, "vni"),
}


def carried(text: str, encoding: str) -> str:
    """What ``encoding`` can carry of ``text``: TCVN3 loses the case of every capital with a tone
    ("Ủy" and "ủy" are the same bytes), so both sides of a TCVN3 comparison fold those to small
    letters; capitals without a tone (Ă Â Ê Ô Ơ Ư Đ) and every letter of the others are kept."""
    if encoding != "tcvn3":
        return text
    return "".join(c.lower() if c.isupper() and set(unicodedata.normalize("NFD", c)) & set(TONE_MARKS) else c
                   for c in text)


# (corpus file, a line of it). Each runs through every encoding and must come back unchanged.
SENTENCES = [
    ("001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt",  # legal basis: ă ứ ị ố ể
     "Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ;"),
    ("001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt",
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # the motto in capitals: Ộ Ò Ã Ủ Ĩ Ệ
    ("002_nq-03-nq-cp-2025-chuong-trinh-hanh-dong-57-nq-tw.txt",
     "Độc lập - Tự do - Hạnh phúc"),  # the motto's second line: Đ ộ ậ ự ạ ú
    ("008_kh-140-kh-ubnd-2025-quang-ngai-thuc-hien-nq-138-139-nq-cp.txt",
     "ỦY BAN NHÂN DÂN"),  # issuer heading: Ủ among capitals, Â
    ("008_kh-140-kh-ubnd-2025-quang-ngai-thuc-hien-nq-138-139-nq-cp.txt",
     "TỈNH QUẢNG NGÃI"),  # province heading: Ỉ Ả Ã
    ("016_kh-108-kh-ubnd-2017-yen-bai-chuong-trinh-pbgdpl-2017-2021.txt",
     "TRÊN ĐỊA BÀN TỈNH YÊN BÁI"),  # title line: Ê Đ Ị À Á
    (KON_TUM,
     "Kính gửi:"),  # addressee cue: í ử
    (KON_TUM,  # addressees: ơ, and Ủ at the head of a small word
     "Các sở, ban ngành, đơn vị thuộc tỉnh, Ủy ban nhân dân các huyện, thành"),
    (KON_TUM,
     "Thực hiện Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025 của"),  # the implemented document: ự ệ ị ế
    ("hai-phong-cv-trien-khai-nq-124-nq-cp-2025.txt",
     "2. Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với các cơ quan liên quan"),  # assignment: ở ụ ì ố ợ ớ
    ("006_nq-138-nq-cp-2025-ke-hoach-hanh-dong-68-nq-tw.txt",
     "Theo đề nghị của Bộ trưởng Bộ Tài chính;"),  # proposer: ề ưở
    ("005_nq-406-nq-cp-2025-phien-hop-cp-thuong-ky-thang-11.txt",  # Ở first, ươ ờ ậ ấ
     "Ở trong nước, chính trị, xã hội cơ bản ổn định, đời sống vật chất và tinh thần của Nhân dân tiếp tục được nâng lên."),
    ("013_nq-140-nq-cp-2025-chuong-trinh-hanh-dong-66-nq-tw.txt",
     "xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới;"),  # ỷ ứ ầ
]


@pytest.mark.parametrize("name,sentence", SENTENCES)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sentence_round_trips(encoding, name, sentence):
    assert sentence in corpus(name)
    text, found = decode_bytes(ENCODE[encoding](sentence))
    assert found == encoding
    assert carried(text, encoding) == carried(sentence, encoding)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_kon_tum_seed_round_trips(encoding):
    # The whole seed file; in TCVN3 the case of capitals with a tone is compared as TCVN3 carries it
    # (Ủ and ủ are one byte), every other character exactly.
    original = corpus(KON_TUM)
    text, found = decode_bytes(ENCODE[encoding](original))
    assert found == encoding
    assert carried(text, encoding) == carried(original, encoding)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_every_corpus_file_round_trips(name):
    original = corpus(name)
    for encoding in ENCODINGS:
        text, found = decode_bytes(ENCODE[encoding](original))
        assert (found, carried(text, encoding)) == (encoding, carried(original, encoding))


# "Kính gửi:" is left out: one changed word ("göûi") is too little to call text VNI or TCVN3.
@pytest.mark.parametrize("name,sentence", [row for row in SENTENCES if row[1] != "Kính gửi:"])
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_mojibake_is_detected_and_converted(encoding, name, sentence):
    # The same bytes read as Windows-1252: what a .txt saved from an old Word file shows.
    mojibake = ENCODE[encoding](sentence).decode("cp1252")
    assert detect(mojibake) == encoding
    assert carried(convert(mojibake, encoding), encoding) == carried(sentence, encoding)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_kon_tum_seed_mojibake_is_detected(encoding):
    mojibake = ENCODE[encoding](corpus(KON_TUM)).decode("cp1252")
    assert detect(mojibake) == encoding


# Typed by hand from the standards' letter charts, not produced by the tables: (legacy text as
# Windows-1252 shows it, encoding, Unicode).
REFERENCE = [
    # The motto with the old tone placement "hoà": ộ is é (0xE9), à is µ (0xB5), ĩ is Ü (0xDC).
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),  # Đ is § (0xA7), ự is ù (0xF9)
    ("ñy ban nh©n d©n tØnh", "tcvn3", "ủy ban nhân dân tỉnh"),  # â is © (0xA9), ỉ is Ø (0xD8)
    # The motto with the new tone placement "hòa": ộ is oä, ò is oø, ĩ is ó (a single character).
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni", "Độc lập - Tự do - Hạnh phúc"),  # Đ is Ñ, ư is ö
    ("UÛY BAN NHAÂN DAÂN", "vni", "ỦY BAN NHÂN DÂN"),  # capitals take capital modifiers
    ("Thöïc hieän Nghò quyeát soá", "vni", "Thực hiện Nghị quyết số"),  # ị is ò (a single character)
]


@pytest.mark.parametrize("legacy,encoding,unicode", REFERENCE)
def test_reference_lines(legacy, encoding, unicode):
    assert convert(legacy, encoding) == unicode
    assert decode_bytes(legacy.encode("cp1252")) == (unicode, encoding)
    assert to_legacy(unicode, encoding) == legacy.encode("cp1252")  # and the table writes the same


def test_windows_1258_reference_bytes():
    # Typed from the code page chart: ô is 0xF4, ê 0xEA, and the tones combine: dot below 0xF2,
    # grave 0xCC, tilde 0xDE (0xE3 is ă, not ã).
    data = b"C\xf4\xf2ng hoa\xcc xa\xde h\xf4\xf2i, Vi\xea\xf2t Nam"
    assert decode_bytes(data) == ("Cộng hoà xã hội, Việt Nam", "windows-1258")


def test_vni_capital_with_small_modifier():
    # A capital base with a small modifier, as hand-typed VNI text can have it: "Uûy" is still "Ủy".
    assert convert("Uûy ban nhaân daân", "vni") == "Ủy ban nhân dân"


# (corpus line, what TCVN3 gives back): capitals with a tone come back where the letters around
# them are capitals, and only there.
TCVN3_CAPITALS = [
    ("ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),  # Ủ before the capital Y
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # XÃ: from HÒA, HỘI
    ("KẾ HOẠCH", "KẾ HOẠCH"),  # KẾ: from HOẠCH
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",  # lost: Ủy and ủy are one set of bytes
     "Chủ tịch ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"),
    ("Ở trong nước, chính trị, xã hội cơ bản ổn định, đời sống vật chất",  # lost: Ở before small letters
     "ở trong nước, chính trị, xã hội cơ bản ổn định, đời sống vật chất"),
]


@pytest.mark.parametrize("line,expected", TCVN3_CAPITALS)
def test_tcvn3_capitals(line, expected):
    assert any(line in corpus(p.name) for p in CORPUS.glob("*.txt"))
    assert decode_bytes(to_legacy(line, "tcvn3")) == (expected, "tcvn3")


# Western European text: its Latin-1 letters are the very characters TCVN3 and VNI are seen as.
WESTERN = [
    "The committee shall review the draft resolution before the meeting.",  # English, no accents
    "© 2024 Société Générale — a naïve résumé of the café’s menu",  # English, French loanwords; © is TCVN3 â
    "Le café où l'on dîne est à côté de l'hôtel, près de la gare.",  # French: "où" would be VNI ó
    "L'élève a été reçu à l'école; il est déjà là, où est la bibliothèque?",  # French: é is TCVN3 ộ
    "Über die Brücke gehen wir schön langsam nach Hause.",  # German: ö would be VNI ư
    "Señor, ¿dónde está el baño de la estación?",  # Spanish: ñ would be VNI đ
]


@pytest.mark.parametrize("text", WESTERN + [SENTENCES[0][1]])  # and Vietnamese already in Unicode
def test_not_taken_for_legacy(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", WESTERN)
def test_western_bytes_stay_western(text):
    # Windows-1252 bytes of such text are not read as TCVN3 or VNI; Windows-1258 keeps its letters.
    assert decode_bytes(text.encode("cp1252")) == (text, "windows-1258")


def test_unicode_corpus_is_not_legacy():
    assert [p.name for p in CORPUS.glob("*.txt") if detect(corpus(p.name))] == []


def test_tables_have_every_letter():
    bases = "aăâeêioôơuưy"
    small = {unicodedata.normalize("NFC", b + t) for b in bases for t in ["", *TONE_MARKS]}
    small = small - set("aeiouy") | {"đ"}
    assert len(small) == 67
    assert set(TABLES["vni"].encode) == small | {c.upper() for c in small}
    assert set(TABLES["tcvn3"].encode) == small | set("ĂÂÊÔƠƯĐ")
    for table in TABLES.values():
        assert len(set(table.encode.values())) == len(table.encode)  # no two letters share a form
    assert all("\xa1" <= form <= "\xfe" for form in TABLES["tcvn3"].encode.values())


IS_SYLLABLE = [
    ("nghĩa", True),  # ngh + ia, ngã
    ("quyết", True),  # qu + yêt, sắc on a checked rhyme
    ("giữa", True),  # gi + ưa
    ("khuya", True),  # kh + uya
    ("cảc", False),  # hỏi on a rhyme ending in c
    ("héi", False),  # TCVN3 "hội" read as Windows-1252: no rhyme "ei"
    ("chñ", False),  # TCVN3 "chủ": ñ is no Vietnamese letter
    ("hoäi", False),  # VNI "hội": ä is no Vietnamese letter
    ("school", False),  # English: no rhyme "ool"
]


@pytest.mark.parametrize("word,expected", IS_SYLLABLE)
def test_is_syllable(word, expected):
    assert is_syllable(word) is expected


def test_unknown_encoding_is_an_error():
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert("abc", "viscii")
