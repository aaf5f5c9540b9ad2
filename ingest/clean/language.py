"""Whether a text looks Vietnamese: a record warns when it does not (a wrong file, a wrongly decoded one).
"""

from __future__ import annotations


# Letters only Vietnamese writes (with their tone marks): "ư", "ơ", "đ", "ạ", "ế" …
VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ"
                               "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                               "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")
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
    letters = sum(1 for c in sample if is_letter(c))
    if letters < MIN_LETTERS_TO_JUDGE:
        return True
    return sum(1 for c in sample if c in VIETNAMESE_LETTERS) / letters >= MIN_VIETNAMESE_SHARE


def is_letter(c: str) -> bool:
    r"""A letter as ``[^\W\d_]`` has it: "a", "ư", "ñ", not "3" or "_" (and, as the pattern, "²" or "½": numeric
    characters that are no decimal digit)."""
    return c.isalnum() and not c.isdecimal()
