"""Attribute ids of new word forms, template by template, for the decoder's row table.

The decoder learns a row per word form the first time it meets it: the sum of
the weights of the form's own features, and of its features as each of four
neighbours (``Featurizer._own_features`` and ``ctx_all``). Building ~40
feature strings per form and looking each up was most of the cost of a new
form, and news brings a dozen new forms an article. Here a whole batch of
forms is read one feature template at a time (one comprehension per
template), features whose strings never vary (title, digit, hyphen, the
length bins) are looked up once, cluster features through a table per
cluster level, and shape features through a cache per shape.

The result is a matrix of attribute ids per row kind, one column per
template in the featurizer's own order: the attribute's id, 0 for a feature
the model does not know, -1 where the form has no such feature. ``row_sums``
drops the -1s and sums each row with ``np.add.reduceat`` over the same
sequence the featurizer's list gives, so the sums are bit for bit those
(numpy sums eight or more terms pairwise: the count of terms must match too);
``tests/test_ner_decode.py`` holds the two to that.

Lower-case sentences (the ``lc`` case gate) are rare in news; their forms go
through the featurizer's lists, padded to the same layout.
"""
from __future__ import annotations

from itertools import groupby, repeat

import numpy as np

from .features import _SHAPE, Featurizer, _zero

OFFSETS = (-2, -1, 1, 2)


class WordFeatureIds:
    """``own(forms, lc)`` and ``ctx(forms, lc)``: attribute-id matrices for new word forms."""

    def __init__(self, featurizer: Featurizer, attrs: dict[str, int]):
        f, get = featurizer, attrs.get
        self.f, self.get = f, get
        self.conjoin = f.conjoin
        self._b, self._len1, self._len3 = get("b", 0), get("len1", 0), get("len3", 0)
        self._title, self._upper = get("title", 0), get("upper", 0)
        self._digit, self._hyph = get("digit", 0), get("hyph", 0)
        self._unknown_cluster = get("c0=?", 0)
        self._ctx_title = {off: get(f"{off:+d}title", 0) for off in OFFSETS}
        levels = max((len(c) for c in f.clusters.values()), default=0)
        values = [sorted({c[i] for c in f.clusters.values() if len(c) > i}) for i in range(levels)]
        # per cluster level, cluster id -> attribute id: own, then as each neighbour
        self._own_cl = [{c: get(f"c{i}={c}", 0) for c in vals} for i, vals in enumerate(values)]
        self._ctx_cl = {off: [{c: get(f"{off:+d}c{i}={c}", 0) for c in vals}
                              for i, vals in enumerate(values)] for off in OFFSETS}
        # word shape -> (its squeezed form, "sh=" id, "shf=" id): shapes repeat a lot
        self._shapes: dict[str, tuple[str, int, int]] = {}

    # -- own features ----------------------------------------------------------
    def own(self, forms: list[str], lc: bool) -> np.ndarray:
        """(forms, templates) attribute ids of each form's own features."""
        if lc:
            return _padded([self.f._own_features(w, True) for w in forms], self.get)
        f, get = self.f, self.get
        lows = [w.lower() for w in forms]
        lens = list(map(len, lows))
        wp = f.word_prefix(False)
        cols = [[self._b] * len(forms),
                list(map(get, [wp + _zero(low) for low in lows], repeat(0)))]
        for k in (1, 2, 3, 4):
            cols.append([get(f"p{k}=" + low[:k], 0) if n > k else -1 for low, n in zip(lows, lens)])
            cols.append([get(f"s{k}=" + low[-k:], 0) if n > k else -1 for low, n in zip(lows, lens)])
        len1, len3 = self._len1, self._len3
        cols.append([len1 if n == 1 else len3 if n <= 3 else -1 for n in lens])
        clusters = f.clusters
        cls = [clusters.get(low) for low in lows]
        shapes = [self._shape(w) for w in forms]
        cols.append([s[1] for s in shapes])
        if self.conjoin:
            cols.append([get(f"shc={s[0]}|{c[1]}", 0) if c is not None and len(c) > 1 else -1
                         for s, c in zip(shapes, cls)])
        cols.append([s[2] if n <= 5 else -1 for s, n in zip(shapes, lens)])
        title, upper = self._title, self._upper
        cols.append([title if w[:1].isupper() else -1 for w in forms])
        cols.append([upper if n > 1 and w[:1].isupper() and w.isupper() else -1
                     for w, n in zip(forms, lens)])
        # a form of letters only (most) has no digit, hyphen or punctuation feature
        alpha = [w.isalpha() for w in forms]
        digit, hyph = self._digit, self._hyph
        cols.append([-1 if a or not any(c.isdigit() for c in w) else digit for w, a in zip(forms, alpha)])
        cols.append([hyph if not a and "-" in w else -1 for w, a in zip(forms, alpha)])
        cols.append([-1 if a or any(c.isalnum() for c in w) else get("punct=" + w[:3], 0)
                     for w, a in zip(forms, alpha)])
        unknown = self._unknown_cluster
        for i, table in enumerate(self._own_cl):
            cols.append([table[c[i]] if c is not None and len(c) > i else (unknown if i == 0 and c is None else -1)
                         for c in cls])
        return np.array(cols, dtype=np.intp).T

    def _shape(self, word: str) -> tuple[str, int, int]:
        shape = word.translate(_SHAPE)
        got = self._shapes.get(shape)
        if got is None:
            squeezed = "".join([k for k, _ in groupby(shape)])[:6]
            got = self._shapes[shape] = (squeezed, self.get("sh=" + squeezed, 0),
                                         self.get("shf=" + shape, 0))
        return got

    # -- features as a neighbour ----------------------------------------------
    def ctx(self, forms: list[str], lc: bool) -> dict[int, np.ndarray]:
        """Per offset, (forms, templates) attribute ids of each form's features as that neighbour."""
        if lc:
            alls = [self.f.ctx_all(w, True) for w in forms]
            return {off: _padded([a[off] for a in alls], self.get) for off in OFFSETS}
        f, get = self.f, self.get
        lows = [w.lower() for w in forms]
        norms = [_zero(low) for low in lows]
        clusters = f.clusters
        cls = [clusters.get(low) for low in lows]
        titles = [w[:1].isupper() for w in forms]
        # punctuation: not a title and no letter or digit (a form of letters has some)
        puncts = [not t and not w.isalpha() and not any(c.isalnum() for c in w)
                  for w, t in zip(forms, titles)]
        s3s = [low[-3:] if len(low) > 3 else None for low in lows]
        wp = f.word_prefix(False)
        out = {}
        for off in OFFSETS:
            tag = f"{off:+d}"
            cols = [list(map(get, [tag + wp + n for n in norms], repeat(0)))]
            for i, table in enumerate(self._ctx_cl[off]):
                cols.append([table[c[i]] if c is not None and len(c) > i else -1 for c in cls])
            title = self._ctx_title[off]
            cols.append([title if t else get(tag + "punct=" + w[:3], 0) if p else -1
                         for w, t, p in zip(forms, titles, puncts)])
            if off in (-1, 1):
                cols.append([get(tag + "s3=" + s, 0) if s is not None else -1 for s in s3s])
            out[off] = np.array(cols, dtype=np.intp).T
        return out


def _padded(groups: list[list[str]], get) -> np.ndarray:
    """Feature lists as attribute ids, in their order, padded with -1 to one width."""
    width = max(map(len, groups), default=0)
    return np.array([list(map(get, g, repeat(0))) + [-1] * (width - len(g)) for g in groups],
                    dtype=np.intp).reshape(len(groups), width)


def row_sums(state: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Per row of ``ids``, the sum of the weight rows of its attributes (-1: none there).

    Each row is summed as the decoder sums a feature list: the zero row, then its
    features in order, in one ``np.add.reduceat``.
    """
    ids = np.hstack([np.zeros((len(ids), 1), dtype=np.intp), ids])
    present = ids >= 0
    counts = present.sum(axis=1)
    starts = np.cumsum(counts) - counts
    return np.add.reduceat(state[ids[present]], starts, axis=0)
