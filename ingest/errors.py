"""Errors raised while reading and extracting documents."""

from graph.errors import LineageError


class ReadError(LineageError):
    """A file could not be read as a document; the message names the file and what to do."""

    def __init__(self, path: str, problem: str, hint: str) -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        super().__init__(f"{path}: {problem} — {hint}")

    def __reduce__(self):  # rebuilt from its three strings in another process (the default would pass one)
        return (type(self), (self.path, self.problem, self.hint))
