"""Reading Vietnamese administrative documents into extraction records.

``extract_path`` reads a file; ``extract_text`` works on text in memory; ``evaluate`` scores records
against gold files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .extract import extract_path, extract_text

__all__ = ["extract_path", "extract_text"]


def __getattr__(name: str):
    """``ingest.extract_path`` loads the extractor on first use (PEP 562), so that importing a light part of the
    package (``ingest.batch.bounds`` for the command line's defaults) does not build the lexicon."""
    if name in __all__:
        from . import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'ingest' has no attribute {name!r}")
