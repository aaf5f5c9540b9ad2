"""Stable identifiers: ASCII slugs of Vietnamese names, and the uids of nodes that are not documents.

A document's uid is the record's ``document.id`` (``vn/nq-cp/2025/124``); everything else is derived
from it or from a canonical name, so the same input always gives the same uid in every store.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

# Anything that is not an ASCII letter or digit once the tone marks are gone: "Ủy ban … Quảng Ngãi" → "-".
NON_SLUG_RE = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 14)  # the same issuers, symbols and agency names are slugged again and again
def slug(text: str) -> str:
    """ASCII slug: "Ủy ban nhân dân tỉnh Quảng Ngãi" → "uy-ban-nhan-dan-tinh-quang-ngai".

    >>> slug("Sở Kế hoạch và Đầu tư tỉnh Đắk Lắk")
    'so-ke-hoach-va-dau-tu-tinh-dak-lak'
    """
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return NON_SLUG_RE.sub("-", text.lower()).strip("-")


def agency_uid(name: str) -> str:
    """The uid of an agency by its canonical name.

    >>> agency_uid("Sở Xây dựng tỉnh Kon Tum")
    'agency/so-xay-dung-tinh-kon-tum'
    """
    return "agency/" + slug(name)


def task_uid(document: str, span: tuple[int, int]) -> str:
    return f"{document}#task-{span[0]}-{span[1]}"


# A task's uid (task_uid): "vn/uy-ban-nhan-dan-tinh-vinh-long/kh-ubnd/2025/38#task-1348-1505".
TASK_UID_RE = re.compile(r"^(?P<document>.+)#task-\d+-\d+$")


def task_document(task: str) -> str | None:
    """The document a task was read from, by its uid (the inverse of :func:`task_uid`); None for another uid.

    >>> task_document("vn/uy-ban-nhan-dan-tinh-vinh-long/kh-ubnd/2025/38#task-1348-1505")
    'vn/uy-ban-nhan-dan-tinh-vinh-long/kh-ubnd/2025/38'
    """
    m = TASK_UID_RE.match(task)
    return m.group("document") if m else None


def target_uid(document: str, span: tuple[int, int]) -> str:
    return f"{document}#target-{span[0]}-{span[1]}"


def edge_key(kind: str, start: str, end: str, key: str = "") -> str:
    """A short stable id of an edge: the same edge gets the same id in every store."""
    return hashlib.sha1(f"{kind}\x1f{start}\x1f{end}\x1f{key}".encode()).hexdigest()[:16]
