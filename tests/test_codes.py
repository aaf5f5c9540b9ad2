"""Document codes: real codes from the corpus → parts; format(parse(code)) is the identity."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.lexicon.codes import find_codes, match_code, parse_code

CODES = [
    # (printed, number, year, symbol, party, doc type, issuer bodies)
    ("124/NQ-CP", "124", None, "NQ-CP", False, "Nghị quyết", ["Chính phủ"]),  # the seeds' resolution
    ("39/2022/NĐ-CP", "39", "2022", "NĐ-CP", False, "Nghị định", ["Chính phủ"]),  # code with a year
    ("57-NQ/TW", "57", None, "NQ/TW", True, "Nghị quyết", []),  # Party code keeps the hyphen
    ("371-KH/TU", "371", None, "KH/TU", True, "Kế hoạch", ["Tỉnh ủy"]),  # provincial Party plan
    ("198/2025/QH15", "198", "2025", "QH15", False, None, ["Quốc hội"]),  # National Assembly, term 15
    ("2522/STC-TH", "2522", None, "STC-TH", False, "Công văn", ["Sở Tài chính"]),  # letter: issuer-unit
    ("04/TTr-BKHCN-BTTTT", "04", None, "TTr-BKHCN-BTTTT", False, "Tờ trình",
     ["Bộ Khoa học và Công nghệ", "Bộ Thông tin và Truyền thông"]),  # joint submission
    ("16/2001/CT-TTG", "16", "2001", "CT-TTG", False, "Chỉ thị", ["Thủ tướng Chính phủ"]),  # all-caps heading
    ("847/UBND-VX1", "847", None, "UBND-VX1", False, "Công văn", ["Ủy ban nhân dân"]),  # unit with a digit
    ("14-TB/TGV", "14", None, "TB/TGV", True, "Thông báo", []),  # Party working group notice
]


@pytest.mark.parametrize("printed,number,year,symbol,party,doc_type,issuers", CODES)
def test_code_parts(printed, number, year, symbol, party, doc_type, issuers):
    code = parse_code(printed)
    assert (code.number, code.year, code.symbol, code.party) == (number, year, symbol, party)
    assert (code.doc_type().name if code.doc_type() else None) == doc_type
    assert [b.name for b in code.issuer_bodies()] == issuers
    assert code.text == printed


@pytest.mark.parametrize("printed,expected", [
    ("Số:          /UBND-KTTH", None),  # Kon Tum seed: blank number keeps only the symbol
    ("68- NQ/TW", "68-NQ/TW"),  # 006 title: Party code broken over a line
    ("66/ NQ-CP", "66/NQ-CP"),  # 045: stray space after the slash
])
def test_code_spacing_and_blanks(printed, expected):
    text = printed.replace("Số:", "").strip()
    code, _, _ = match_code(text, 0)
    assert code.text == expected


@pytest.mark.parametrize("sentence,codes", [
    # dates and ranges are not codes
    ("ngày 08/5/2025 của Chính phủ", []),
    ("giai đoạn 2017-2021 và Covid-19", []),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 về đột phá", ["57-NQ/TW"]),
    ("Quyết định số: 622/QĐ-TTg ngày 10/5/2017", ["622/QĐ-TTg"]),
])
def test_find_codes(sentence, codes):
    assert [c.text for c, _, _ in find_codes(sentence)] == codes


_part = st.from_regex(r"[A-ZĐ][A-Za-zĐđ]{0,5}", fullmatch=True)
_number = st.from_regex(r"[1-9][0-9]{0,4}", fullmatch=True)


@given(number=_number, year=st.one_of(st.none(), st.integers(1945, 2099).map(str)),
       parts=st.lists(_part, min_size=1, max_size=3), party=st.booleans())
def test_format_parse_roundtrip(number, year, parts, party):
    if party:
        printed = f"{number}-{parts[0]}/{'-'.join(parts[1:]) or 'TW'}"
    else:
        printed = f"{number}/{year + '/' if year else ''}{'-'.join(parts)}"
    code = parse_code(printed)
    assert code is not None and str(code) == printed
    assert str(parse_code(str(code))) == str(code)
