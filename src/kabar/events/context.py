"""What surrounds an event: negation, who claims it, when it happened.

Kept apart from ``roles`` because these read other layers (quotes, times)
rather than word order around the trigger.
"""
from __future__ import annotations

from bisect import bisect_right

from .lexicon import Lexicon
from .roles import Sentence

NEGATION_REACH = 3  # "tidak akan terus melakukan": negator, then up to this many modals


def negated(sent: Sentence, t: int, lex: Lexicon) -> bool:
    """A negator shortly before the verb (modals and adverbs between allowed)."""
    for j in range(t - 1, max(-1, t - 1 - NEGATION_REACH), -1):
        low = sent.low[j]
        if low in lex.negation:
            return True
        if low not in lex.aux:
            return False
    return False


class Quotes:
    """Quote spans sorted by start, for "which quote holds this offset"."""

    def __init__(self, quotes: list[dict]):
        self.items = sorted((q for q in quotes if q.get("span")), key=lambda q: q["span"][0])
        self.starts = [q["span"][0] for q in self.items]

    def around(self, a: int, b: int) -> dict | None:
        i = bisect_right(self.starts, a) - 1
        for q in self.items[max(0, i - 3):i + 1][::-1]:  # quotes barely overlap: a few back is enough
            if q["span"][0] <= a and b <= q["span"][1]:
                return q
        return None


def nearest_time(times: list[dict], start: int, end: int, at: int, others: list[int] = ()) -> str | None:
    """The value of the time expression in the sentence closest to the trigger at ``at``,
    passing over one that another trigger stands nearer to ("memuji serangan Hamas pada
    7 Oktober": the date is the attack's, not the praise's)."""
    best, dist = None, None
    for t in times:
        a, b = t["span"]
        if a >= start and b <= end and t.get("value"):
            lo, hi = (at, a) if a > at else (b, at)
            if any(lo < o < hi for o in others):
                continue
            d = abs(a - at)
            if dist is None or d < dist:
                best, dist = t["value"], d
    return best
