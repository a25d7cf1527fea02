"""CRF features for Indonesian NER, shared by training and tagging.

Features of a word that do not depend on its neighbours are computed once per
word form and cached, so tagging a sentence is mostly list concatenation:
that keeps the NER step well above 30,000 tokens/s on one core.

Case gating: NERP is entirely lower case and real input is sometimes too.
When a sentence has no upper-case letter at all, the case-dependent features
(shape, title/upper flags, case-sensitive gazetteer hits) are replaced by a
single ``lc`` marker, so cased training text teaches the case features and
lower-case text teaches the model to lean on words and clusters.
"""
from __future__ import annotations

import re
from itertools import groupby, repeat

_DIGITS = re.compile(r"\d")
# str.translate beats re.sub for the ASCII digits; any other digit goes through the regex
_ZERO = str.maketrans("0123456789", "0000000000")
_SHAPE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)


def _zero(low: str) -> str:
    """Digits -> "0" (the word feature's normal form)."""
    out = low.translate(_ZERO)
    return out if out.isascii() else _DIGITS.sub("0", out)


class Featurizer:
    """Turns a token list into crfsuite feature lists; caches per word form.

    ``clusters`` maps a lower-cased word to a tuple of cluster ids (one per
    granularity); ``gazetteer`` maps a lower-cased first word to the
    (lower-cased token tuple, label) phrases starting with it, longest first.
    """

    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: dict[str, list[tuple[tuple[str, ...], str]]] | None = None,
                 conjoin: bool = False, conjoin_context: bool = False, conjoin_next: bool = False,
                 split_lower: bool = False):
        self.clusters = clusters or {}
        self.conjoin = conjoin
        self.conjoin_context = conjoin_context
        self.conjoin_next = conjoin_next
        # Word and bigram features of all-lower-case sentences under their own names,
        # so the lower-case corpus's conventions do not share weights with cased text.
        self.split_lower = split_lower
        self.gazetteer = gazetteer or {}
        self._own: dict[tuple[str, bool], list[str]] = {}
        self._ctx: dict[tuple[str, int, bool], list[str]] = {}

    def word_prefix(self, lc: bool) -> str:
        return "lw=" if lc and self.split_lower else "w="

    def bigram_prefix(self, lc: bool, side: str) -> str:
        return ("lbg" if lc and self.split_lower else "bg") + side + "="

    # -- per-word features -------------------------------------------------
    def own(self, word: str, lc: bool) -> list[str]:
        key = (word, lc)
        feats = self._own.get(key)
        if feats is None:
            feats = self._own[key] = self._own_features(word, lc)
        return feats

    def _own_features(self, word: str, lc: bool) -> list[str]:
        low = word.lower()
        norm = _zero(low)
        f = ["b", self.word_prefix(lc) + norm]
        n = len(low)
        for k in (1, 2, 3, 4):
            if n > k:
                f.append(f"p{k}=" + low[:k])
                f.append(f"s{k}=" + low[-k:])
        if n == 1:
            f.append("len1")
        elif n <= 3:
            f.append("len3")
        cl = self.clusters.get(low, ("?",))
        if not lc:
            shape = word.translate(_SHAPE)
            squeezed = "".join([k for k, _ in groupby(shape)])[:6]
            f.append("sh=" + squeezed)
            if self.conjoin and len(cl) > 1:
                # Case x word class: "Xx" in a place cluster means something
                # else than "Xx" in a verb cluster; a linear CRF cannot conjoin.
                f.append(f"shc={squeezed}|{cl[1]}")
            if n <= 5:
                f.append("shf=" + shape)
            if word[:1].isupper():
                f.append("title")
                if word.isupper() and n > 1:
                    f.append("upper")
        else:
            f.append("lc")
        if any(c.isdigit() for c in word):
            f.append("digit")
        if "-" in word:
            f.append("hyph")
        if not any(c.isalnum() for c in word):
            f.append("punct=" + word[:3])
        for i, c in enumerate(cl):
            f.append(f"c{i}=" + c)
        return f

    # -- neighbour features ------------------------------------------------
    def ctx(self, word: str, off: int, lc: bool) -> list[str]:
        key = (word, off, lc)
        feats = self._ctx.get(key)
        if feats is None:
            for o, f in self.ctx_all(word, lc).items():
                self._ctx[word, o, lc] = f
            feats = self._ctx[key]
        return feats

    def _ctx_features(self, word: str, off: int, lc: bool) -> list[str]:
        return self.ctx_all(word, lc)[off]

    def ctx_all(self, word: str, lc: bool) -> dict[int, list[str]]:
        """The word's features as each neighbour (-2, -1, +1, +2): one pass for all four."""
        low = word.lower()
        norm = _zero(low)
        cl = self.clusters.get(low)
        title = punct = False
        if not lc:
            title = word[:1].isupper()
            punct = not title and not any(c.isalnum() for c in word)
        s3 = low[-3:] if len(low) > 3 else None
        out = {}
        for off in (-2, -1, 1, 2):
            tag = f"{off:+d}"
            f = [tag + self.word_prefix(lc) + norm]
            if cl:
                f.extend([f"{tag}c{i}={c}" for i, c in enumerate(cl)])
            if title:
                f.append(tag + "title")
            elif punct:
                f.append(tag + "punct=" + word[:3])
            if s3 is not None and (off == 1 or off == -1):
                f.append(tag + "s3=" + s3)
            out[off] = f
        return out

    def _look(self, word: str, low: str, lc: bool) -> str:
        if lc:
            cl = self.clusters.get(low)
            return cl[-1] if cl else "k?"
        return "T" if word[:1].isupper() else ("p" if not word[:1].isalnum() else "x")

    # -- gazetteer phrases ---------------------------------------------------
    def phrase_labels(self, lows: list[str]) -> list[list[str]]:
        """Per token, gazetteer hits as "B=LABEL" / "I=LABEL" (case-insensitive phrases)."""
        hits: list[list[str]] = [[] for _ in lows]
        gaz = self.gazetteer
        for i, found in self.phrase_hits(lows, [i for i, low in enumerate(lows) if low in gaz]).items():
            hits[i] = found
        return hits

    def phrase_hits(self, lows, openers, ends=None) -> dict[int, list[str]]:
        """``phrase_labels`` for the tokens that have hits only, given the positions whose
        word opens some phrase (in order): most tokens have none. ``ends`` holds, per
        opener, where its sentence ends (default: the end of ``lows``), so a batch of
        sentences can be read as one run."""
        hits: dict[int, list[str]] = {}
        gaz = self.gazetteer
        if ends is None:
            ends = repeat(len(lows))
        for i, n in zip(openers, ends):
            for phrase, label in gaz[lows[i]]:
                k = len(phrase)
                if i + k <= n and (k == 1 or tuple(lows[i:i + k]) == phrase):
                    hits.setdefault(i, []).append("B=" + label)
                    for j in range(i + 1, i + k):
                        hits.setdefault(j, []).append("I=" + label)
        return hits

    # -- sentences -----------------------------------------------------------
    def sentence(self, words: list[str]) -> list[list[str]]:
        lc = not any(c.isupper() for w in words for c in w)
        n = len(words)
        lows = [w.lower() for w in words]
        gaz = self.phrase_labels(lows) if self.gazetteer else None
        out = []
        for i, word in enumerate(words):
            f = list(self.own(word, lc))
            if gaz:
                f.extend("g" + h for h in gaz[i])
                if i > 0:
                    f.extend("-1g" + h for h in gaz[i - 1])
                if i + 1 < n:
                    f.extend("+1g" + h for h in gaz[i + 1])
            if i == 0:
                f.append("BOS")
            if i == n - 1:
                f.append("EOS")
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < n:
                    f.extend(self.ctx(words[j], off, lc))
                else:
                    f.append(f"{off:+d}pad")
            if i > 0:
                f.append(self.bigram_prefix(lc, "-") + lows[i - 1] + "|" + lows[i])
                if self.conjoin_context:
                    # Cue word x what follows looks like: "di" + a capitalised
                    # (or, lower case, a usually-capitalised) word is a place.
                    f.append(f"cue={lows[i - 1]}|{self._look(word, lows[i], lc)}")
            if i + 1 < n:
                f.append(self.bigram_prefix(lc, "+") + lows[i] + "|" + lows[i + 1])
                if self.conjoin_next:
                    # The word x what follows looks like: "Kota" or "Menteri" before a
                    # capitalised word opens a name; before a lower-case one it does not.
                    f.append(f"nxt={lows[i]}|{self._look(words[i + 1], lows[i + 1], lc)}")
            out.append(f)
        return out
