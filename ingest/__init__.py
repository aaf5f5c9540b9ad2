"""Reading Vietnamese administrative documents into extraction records.

``extract_path`` reads a file; ``extract_text`` works on text in memory; ``evaluate`` scores records
against gold files.
"""

from .extract import extract_path, extract_text

__all__ = ["extract_path", "extract_text"]
