"""Spans already taken by earlier finds, asked whether a new span is free in logarithmic time (a list of
every earlier span, checked one by one, made a text of many mentions or deadlines quadratic)."""

from __future__ import annotations

import bisect


class Taken:
    """A set of spans ``[a, b)``, kept as disjoint runs sorted by start (overlapping spans merge).

    A span is free when it overlaps none of the spans added, in the sense ``b <= x or a >= y`` for every
    ``[x, y)``: the same answer as checking each span added, since a non-empty span overlaps a union of
    overlapping spans exactly when it overlaps one of them.

    >>> t = Taken(); t.add(10, 20); t.add(15, 30); t.add(40, 50)
    >>> [t.free(a, b) for a, b in [(0, 10), (5, 11), (30, 40), (29, 31), (50, 60), (45, 46)]]
    [True, False, True, False, True, False]
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` overlaps none of the spans added."""
        k = bisect.bisect_left(self.starts, b) - 1  # the last run starting before b
        return k < 0 or self.ends[k] <= a

    def add(self, a: int, b: int) -> None:
        lo = bisect.bisect_right(self.ends, a)  # the first run ending after a
        hi = bisect.bisect_left(self.starts, b)  # past the last run starting before b
        if lo < hi:
            a, b = min(a, self.starts[lo]), max(b, self.ends[hi - 1])
        self.starts[lo:hi] = [a]
        self.ends[lo:hi] = [b]
