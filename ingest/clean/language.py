"""Whether a text looks Vietnamese: a record warns when it does not (a wrong file, a wrongly decoded one).
"""

from __future__ import annotations

import re


# Letters only Vietnamese writes (with their tone marks): "ư", "ơ", "đ", "ạ", "ế" …
VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ"
                               "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                               "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")
# Letters are counted without testing each one: the ASCII letters by deleting the other ASCII bytes, the
# letters above ASCII as the characters above ASCII less the few that are no letters, and the Vietnamese
# letters as those less the few foreign ones. (The look-behinds test the character just matched, so that
# each pattern starts with a character class and a search skips the ASCII text at C speed.)
ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
# A character above ASCII that is no letter: "“", "–", "…", a no-break space.
WIDE_NON_LETTER_RE = re.compile(r"[^\x00-\x7f](?<![^\W\d_])")
# A letter above ASCII that Vietnamese does not write: "ñ", "ü", "ç".
FOREIGN_LETTER_RE = re.compile(r"[^\x00-\x7f](?<![" + "".join(sorted(VIETNAMESE_LETTERS)) + r"])(?<![\W\d_])")
# Below this share of Vietnamese letters among letters, a text of some length is not Vietnamese.
MIN_VIETNAMESE_SHARE = 0.03
MIN_LETTERS_TO_JUDGE = 200
JUDGED_CHARS = 1500  # the language is judged on the opening (about a thousand letters), not the whole text


def looks_vietnamese(text: str) -> bool:
    """Whether a text has the share of Vietnamese letters any Vietnamese prose has (about 20–30%).

    >>> looks_vietnamese("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; " * 5)
    True
    >>> looks_vietnamese("The Government shall submit the annual report to the National Assembly. " * 5)
    False
    """
    sample = text[:JUDGED_CHARS]
    ascii_part = sample.encode("ascii", "ignore")
    wide_letters = len(sample) - len(ascii_part) - len(WIDE_NON_LETTER_RE.findall(sample))
    letters = len(ascii_part.translate(None, ASCII_NON_LETTERS)) + wide_letters
    if letters < MIN_LETTERS_TO_JUDGE:
        return True
    return (wide_letters - len(FOREIGN_LETTER_RE.findall(sample))) / letters >= MIN_VIETNAMESE_SHARE
