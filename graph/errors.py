"""The project's one root exception.

Every error the project raises on purpose derives from :class:`LineageError`; its message says
what went wrong and what to do about it.
"""


class LineageError(Exception):
    """Root of every error raised on purpose by directive-lineage."""
