"""Tag with the CRF's weights in numpy: cached emission vectors, batched Viterbi.

crfsuite's tagger takes every token as a list of feature strings and looks
each one up again, so building and hashing ~60 strings per token was most of
the NER step. A linear-chain CRF's state score is a plain sum of weights, so
the sum over everything a word form contributes (its own features, and its
features as each neighbour) is computed once per form and kept as one row of
a growing table. A token's emission is then the sum of ten rows (own, four
neighbours, two word bigrams, the cue and next-look conjunctions, gazetteer hits) and
Viterbi runs over all sentences of a call at once.

The scores are crfsuite's: same features (``Featurizer``), same weights
(read from the model file), same max-product recurrence and first-index
tie-breaking; ``tests/test_ner_decode.py`` checks the tags agree.
"""
from __future__ import annotations

import threading
from itertools import chain, repeat
from pathlib import Path

import numpy as np

from .features import Featurizer
from .wordrows import WordFeatureIds, row_sums


class CrfWeights:
    """Labels, attribute -> weight row (row 0 is all zero) and the transition matrix."""

    def __init__(self, labels: list[str], attrs: dict[str, int], state: np.ndarray,
                 trans: np.ndarray):
        self.labels, self.attrs, self.state, self.trans = labels, attrs, state, trans

    @classmethod
    def from_model(cls, path: Path | str) -> "CrfWeights":
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        try:
            info = tagger.info()
            labels = tagger.labels()
        finally:
            tagger.close()
        col = {lab: k for k, lab in enumerate(labels)}
        attrs: dict[str, int] = {}
        for attr, _ in info.state_features:
            attrs.setdefault(attr, len(attrs) + 1)
        state = np.zeros((len(attrs) + 1, len(labels)))
        for (attr, lab), w in info.state_features.items():
            state[attrs[attr], col[lab]] = w
        trans = np.zeros((len(labels), len(labels)))
        for (a, b), w in info.transitions.items():
            trans[col[a], col[b]] = w
        return cls(labels, attrs, state, trans)


def _fit(table: np.ndarray, size: int) -> np.ndarray:
    """``table``, or a copy twice as long, so that ``size`` rows fit."""
    if size <= len(table):
        return table
    grown = np.zeros((max(size, 2 * len(table)),) + table.shape[1:], dtype=table.dtype)
    grown[:len(table)] = table
    return grown


class Decoder:
    """``tag(sentences)`` with the scores crfsuite would give, from cached rows."""

    OFFSETS = (-2, -1, 1, 2)

    def __init__(self, featurizer: Featurizer, weights: CrfWeights):
        self.f = featurizer
        self.w = weights
        self._lock = threading.Lock()
        # first words of the model's "bg+=a|b", "bg-=a|b" and "cue=a|look" features
        self._heads = {a.split("=", 1)[1].split("|", 1)[0] for a in weights.attrs
                       if a.startswith(("bg+=", "bg-=", "lbg+=", "lbg-=", "cue=", "nxt="))}
        self._feature_ids = WordFeatureIds(featurizer, weights.attrs)
        self.clear()

    # -- the row table -------------------------------------------------------
    def clear(self) -> None:
        """Forget cached word rows (the table shrinks back to the model's weights)."""
        w = self.w
        self._table = np.zeros((len(w.attrs) + 1 + 4096, len(w.labels)))
        self._table[:len(w.attrs) + 1] = w.state
        self._used = len(w.attrs) + 1
        # Word form -> id, one dict per case gate (a sentence's lc flag picks it);
        # the id's five table rows (own, as neighbour -2, -1, +1, +2) sit in
        # _word_rows[id]. Each id also has the id of its lower-cased form, and each
        # lower-cased form knows whether it can open a bigram/cue feature or a
        # gazetteer phrase, so a batch finds its pairs and gazetteer hits in numpy.
        self._ids: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self._forms: list[tuple[str, bool]] = []
        self._word_rows = np.zeros((4096, 5), dtype=np.intp)
        self._low_of = np.zeros(4096, dtype=np.intp)
        self._lows: dict[str, int] = {}
        self._low_forms: list[str] = []
        self._opens_pair = np.zeros(4096, dtype=bool)
        self._opens_phrase = np.zeros(4096, dtype=bool)
        # (previous token's low id << 32 | this word's id) -> pair id; pair id 0 is
        # "no bigram or cue feature".
        self._pairs: dict[int, int] = {}
        self._pair_rows = np.zeros((4096, 4), dtype=np.intp)
        self._gaz: dict[tuple, int] = {}
        # Where a neighbour is missing the featurizer writes "<off>pad"; the
        # first token also gets BOS and the last EOS, exactly where -1/+1 pad.
        self._pad = {off: self._row([f"{off:+d}pad"]) for off in self.OFFSETS}
        self._pad[-1] = self._row(["-1pad", "BOS"])
        self._pad[1] = self._row(["+1pad", "EOS"])

    @property
    def size(self) -> int:
        return len(self._forms) + len(self._pairs)

    def _row(self, feats: list[str]) -> int:
        return self._add_rows([feats])[0]

    def _add_rows(self, groups: list[list[str]]) -> list[int]:
        """Append one row per feature list (the sum of its weights); their indices."""
        get = self.w.attrs.get
        flat: list[int] = []
        starts: list[int] = []
        for feats in groups:
            starts.append(len(flat))
            flat.append(0)  # the zero row: unknown features add nothing, and no list is empty
            flat.extend(map(get, feats, repeat(0)))
        need = self._used + len(groups)
        if need > len(self._table):
            grown = np.zeros((max(need, 2 * len(self._table)), self._table.shape[1]))
            grown[:self._used] = self._table[:self._used]
            self._table = grown
        flat_rows = np.fromiter(flat, dtype=np.intp, count=len(flat))
        self._table[self._used:need] = np.add.reduceat(self.w.state[flat_rows], starts, axis=0)
        first, self._used = self._used, need
        return list(range(first, need))

    def _add_sums(self, ids: np.ndarray) -> np.ndarray:
        """Append one row per row of attribute ids (``row_sums``); their indices."""
        need = self._used + len(ids)
        self._table = _fit(self._table, need)
        self._table[self._used:need] = row_sums(self.w.state, ids)
        first, self._used = self._used, need
        return np.arange(first, need)

    def _learn_words(self, new: dict[tuple[str, bool], None]) -> None:
        """Ids and rows for word forms not seen before, template by template (``wordrows``)."""
        keys = [k for k in new if not k[1]] + [k for k in new if k[1]]
        rows = np.empty((len(keys), 5), dtype=np.intp)
        done = 0
        for lc in (False, True):
            forms = [w for w, c in keys if c is lc]
            if not forms:
                continue
            part = rows[done:done + len(forms)]
            part[:, 0] = self._add_sums(self._feature_ids.own(forms, lc))
            ctx = self._feature_ids.ctx(forms, lc)
            for col, off in enumerate(self.OFFSETS, 1):
                part[:, col] = self._add_sums(ctx[off])
            done += len(forms)
        first = len(self._forms)
        last = first + len(keys)
        self._word_rows = _fit(self._word_rows, last)
        self._word_rows[first:last] = rows
        self._forms.extend(keys)
        for lc in (False, True):
            self._ids[lc].update({w: k for k, (w, c) in enumerate(keys, first) if c is lc})
        # lower-cased forms: new ones get ids, and their pair/phrase flags, in bulk
        lows = self._lows
        low_words = [w.lower() for w, _ in keys]
        fresh = [low for low in dict.fromkeys(low_words) if low not in lows]
        if fresh:
            n = len(self._low_forms)
            lows.update(zip(fresh, range(n, n + len(fresh))))
            self._low_forms.extend(fresh)
            self._opens_pair = _fit(self._opens_pair, n + len(fresh))
            self._opens_phrase = _fit(self._opens_phrase, n + len(fresh))
            heads, gaz = self._heads, self.f.gazetteer
            # A bigram joins with "|", so a word holding one is always looked up.
            self._opens_pair[n:n + len(fresh)] = [low in heads or "|" in low for low in fresh]
            self._opens_phrase[n:n + len(fresh)] = [low in gaz for low in fresh]
        self._low_of = _fit(self._low_of, last)
        self._low_of[first:last] = [lows[low] for low in low_words]

    def _learn_pairs(self, keys: list[int]) -> None:
        """Rows (bg+ of the previous token, bg- of this token, cue of this token, nxt of
        the previous token) for each new ``key`` = previous low id << 32 | this word's id.

        Only keys whose previous word starts some bigram or cue feature come here:
        for any other word all four are zero, and not worth a cache entry.
        """
        get, f = self.w.attrs.get, self.f
        low_forms, forms = self._low_forms, self._forms
        wids = [key & 0xFFFFFFFF for key in keys]
        prevs = [low_forms[key >> 32] for key in keys]
        # template by template over all new pairs, as for new words
        lows = [low_forms[i] for i in self._low_of[wids].tolist()]
        cases = [forms[i][1] for i in wids]
        bigrams = list(map("|".join, zip(prevs, lows)))
        plus = (f.bigram_prefix(False, "+"), f.bigram_prefix(True, "+"))
        minus = (f.bigram_prefix(False, "-"), f.bigram_prefix(True, "-"))
        first = len(self._pairs) + 1
        last = first + len(keys)
        self._pair_rows = _fit(self._pair_rows, last)
        rows = self._pair_rows[first:last]
        rows[:, 0] = [get(plus[lc] + b, 0) for lc, b in zip(cases, bigrams)]
        rows[:, 1] = [get(minus[lc] + b, 0) for lc, b in zip(cases, bigrams)]
        if f.conjoin_context or f.conjoin_next:
            looks = [f._look(forms[i][0], low, lc) for i, low, lc in zip(wids, lows, cases)]
            for col, on, name in ((2, f.conjoin_context, "cue="), (3, f.conjoin_next, "nxt=")):
                rows[:, col] = ([get(name + p + "|" + look, 0) for p, look in zip(prevs, looks)]
                                if on else 0)
        else:
            rows[:, 2:] = 0
        self._pairs.update(zip(keys, range(first, last)))

    def _gazetteer(self, prev: tuple, cur: tuple, nxt: tuple) -> int:
        """The row of a token's gazetteer features: its own hits and its neighbours'."""
        key = (prev, cur, nxt)
        if key == ((), (), ()):
            return 0
        row = self._gaz.get(key)
        if row is None:
            row = self._gaz[key] = self._row(
                ["g" + h for h in cur] + ["-1g" + h for h in prev] + ["+1g" + h for h in nxt])
        return row

    def _gazetteer_rows(self, low: np.ndarray, at: np.ndarray, last: np.ndarray) -> np.ndarray:
        """Per token, its gazetteer row (0: no hit on it or beside it); for the whole call at
        once, with what ``Featurizer.phrase_hits`` finds in each sentence."""
        rows = np.zeros(len(low), dtype=np.intp)
        opens = np.flatnonzero(self._opens_phrase[low])
        if not len(opens):
            return rows
        # where each opener's sentence ends: no phrase runs past it
        ends = np.flatnonzero(last)
        end_of = ends[np.searchsorted(ends, opens)] + 1
        # every token's lower-cased form, by one C-level map: cheaper than reading the
        # few the matcher needs through a Python indexer
        lows = list(map(self._low_forms.__getitem__, low.tolist()))
        hits = self.f.phrase_hits(lows, opens.tolist(), end_of.tolist())
        if not hits:
            return rows
        first = (at == 0).tolist()
        is_last = last.tolist()
        near = sorted({j for i in hits for j in (i - 1, i, i + 1)
                       if (j == i) or (j == i - 1 and not first[i]) or (j == i + 1 and not is_last[i])})
        none = ()
        rows[near] = [self._gazetteer(tuple(hits.get(j - 1, none)) if not first[j] else none,
                                      tuple(hits.get(j, none)),
                                      tuple(hits.get(j + 1, none)) if not is_last[j] else none)
                      for j in near]
        return rows

    # -- tagging ---------------------------------------------------------------
    @staticmethod
    def lower_case(words: list[str]) -> bool:
        """The featurizer's case gate: no upper-case letter in the sentence."""
        return not any(c.isupper() for w in words for c in w)

    def rows(self, sentences: list[list[str]]) -> np.ndarray:
        """Per token of all sentences, the ten table rows whose sum is its state score.

        Columns: own, neighbour -2, -1, +1, +2, bigram with the previous word,
        bigram with the next, cue conjunction, gazetteer hits, next-look
        conjunction. Python does one dict hit per token (its word id) and one
        per token after a bigram-opening word (its pair id); everything else,
        shifting rows into neighbour columns included, is numpy over the call.
        """
        lcs = [self.lower_case(words) for words in sentences]
        ids: list[int] = []
        for words, lc in zip(sentences, lcs):
            ids.extend(map(self._ids[lc].get, words, repeat(-1)))
        lengths = np.array([len(s) for s in sentences], dtype=np.intp)
        t = len(ids)
        wid = np.fromiter(ids, dtype=np.intp, count=t)
        unseen = np.flatnonzero(wid < 0).tolist()
        if unseen:  # words never seen: learn them, then fill in their ids
            flat = list(chain.from_iterable(sentences))
            case = np.repeat(np.array(lcs, dtype=bool), lengths).tolist()
            new = {(flat[k], case[k]): None for k in unseen}
            self._learn_words(new)
            wid[unseen] = [self._ids[case[k]][flat[k]] for k in unseen]
        at = np.arange(t) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # position in sentence
        low = self._low_of[wid]

        # pair ids: token i's bigram/cue rows, keyed by the previous low form and this word
        pair_ids = np.zeros(t, dtype=np.intp)
        after = np.flatnonzero(at[1:] != 0) + 1  # tokens with a previous token
        after = after[self._opens_pair[low[after - 1]]]
        if len(after):
            keys = ((low[after - 1] << 32) | wid[after]).tolist()
            got = np.fromiter(map(self._pairs.get, keys, repeat(0)), dtype=np.intp, count=len(keys))
            missing = np.flatnonzero(got == 0).tolist()
            if missing:
                self._learn_pairs(list(dict.fromkeys([keys[k] for k in missing])))
                got[missing] = [self._pairs[keys[k]] for k in missing]
            pair_ids[after] = got
        p = self._pair_rows[pair_ids]

        w = self._word_rows[wid]
        # a token is last in its sentence when the next token starts one
        last = np.ones(t, dtype=bool)
        last[:-1] = at[1:] == 0
        # gazetteer rows: only tokens on or next to a phrase hit have one
        gaz_rows = self._gazetteer_rows(low, at, last) if self.f.gazetteer else 0
        out = np.zeros((t, 10), dtype=np.intp)
        out[:, 0] = w[:, 0]
        for col, off in ((1, -2), (2, -1), (3, 1), (4, 2)):
            src = np.arange(t) + off
            if off < 0:
                ok = at >= -off
            else:
                # +2 exists when neither this token nor the next one is last
                ok = ~last if off == 1 else ~last & ~np.roll(last, -1)
            out[:, col] = self._pad[off]
            out[ok, col] = w[src[ok], col]
        out[:, 5] = p[:, 1]
        nxt = np.flatnonzero(~last)
        out[nxt, 6] = p[nxt + 1, 0]
        out[nxt, 9] = p[nxt + 1, 3]
        out[:, 7] = p[:, 2]
        out[:, 8] = gaz_rows
        return out

    # Sentences decoded together at most: each call holds a row-id, score and
    # back-pointer array per token, so a whole CoNLL file is taken in parts.
    CHUNK = 1024

    def tag(self, sentences: list[list[str]], outside: frozenset[str] | None = None) -> list[list[str]]:
        """Viterbi tags per sentence, crfsuite's own; with ``outside`` (words never inside
        a name), valid BIO instead (``valid_bio``)."""
        # One call at a time: the web app analyses in worker threads, and two calls
        # growing the row table together could hand one row to two words.
        with self._lock:
            if len(sentences) > self.CHUNK:
                return [t for k in range(0, len(sentences), self.CHUNK)
                        for t in self._tag(sentences[k:k + self.CHUNK], outside)]
            return self._tag(sentences, outside)

    def _tag(self, sentences: list[list[str]], outside) -> list[list[str]]:
        lengths = [len(s) for s in sentences]
        if not any(lengths):
            return [[] for _ in sentences]
        ids = self.rows(sentences)  # may grow the table: index it afterwards
        # Column by column, the sum is the one ``self._table[ids].sum(axis=1)`` gives
        # (numpy adds along a middle axis in order) without its (tokens, 10, labels) temporary.
        table = self._table
        scores = table[ids[:, 0]]
        for c in range(1, ids.shape[1]):
            scores += table[ids[:, c]]
        flat = self._viterbi(scores, lengths)
        if outside is not None:
            mask = np.zeros(len(flat), dtype=bool)
            first = np.zeros(len(flat), dtype=bool)
            base = 0
            for s, n in zip(sentences, lengths):
                if n:
                    first[base] = True
                    if not outside.isdisjoint(s):  # brackets are rare: most sentences need no look
                        mask[base:base + n] = [w in outside for w in s]
                base += n
            flat = valid_bio(self.w.labels, flat, mask, first)
        labels = self.w.labels
        tags = list(map(labels.__getitem__, flat.tolist()))
        ends = np.cumsum(lengths).tolist()
        return [tags[b - n:b] for n, b in zip(lengths, ends)]

    def _viterbi(self, scores: np.ndarray, lengths: list[int]) -> np.ndarray:
        """Best label per token (in token order), each sentence's path its best;
        all sentences step together, longest first.

        Sorted by length, the sentences still running at step t are a prefix,
        so each step is a handful of numpy operations on the scores of the
        tokens at that step only. Everything is kept per token (a sentence's
        step t is its token ``start + t``): a (steps, sentences) grid would be
        four times the tokens of a news batch, most of it padding.
        """
        order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: -lengths[i])
        lens = np.array([lengths[i] for i in order])
        starts = np.cumsum([0] + lengths[:-1])[order]
        n_max = int(lens[0])
        # Each step's tokens, as slices of one index array: at step t the
        # sentences longer than t (a prefix of the sorted ones), token start + t.
        ks = len(lens) - np.cumsum(np.bincount(lens, minlength=n_max + 1))[:n_max]
        steps = np.repeat(np.arange(n_max), ks)
        firsts = np.concatenate([[0], np.cumsum(ks)])
        rank = np.arange(len(steps)) - firsts[steps]
        token = starts[rank] + steps
        bounds = firsts.tolist()
        trans = self.w.trans
        # The forward pass keeps only the best scores: with the previous label as the
        # outer axis, their max is six element-wise maxima, where an argmax over the
        # inner axis of (sentences, prev, cur) walked 7-element rows one at a time.
        # The backtrace then asks, for the one label chosen at each step, which
        # previous label gave it: the same sums, so the same first-index argmax.
        hist = np.empty_like(scores)
        trans_by_prev = trans[:, None, :]                                    # (prev, 1, cur)
        delta = hist[starts] = scores[starts]
        maximum = np.maximum.reduce
        for t in range(1, n_max):
            at = token[bounds[t]:bounds[t + 1]]
            delta = maximum(delta[:len(at)].T[:, :, None] + trans_by_prev, axis=0) + scores[at]
            hist[at] = delta
        path = np.empty(len(scores), dtype=np.intp)
        ends = starts + lens - 1
        path[ends] = hist[ends].argmax(axis=1)
        trans_to = np.ascontiguousarray(trans.T)                             # (cur, prev)
        for t in range(n_max - 1, 0, -1):
            at = token[bounds[t]:bounds[t + 1]]
            path[at - 1] = (hist[at - 1] + trans_to[path[at]]).argmax(axis=1)
        return path


def valid_bio(labels: list[str], tags: np.ndarray, outside: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Label ids made valid BIO, for a flat run of tokens (``first`` marks sentence starts).

    A token in ``outside`` (a bracket: "Susilo Bambang Yudhoyono ( SBY )" is two names,
    as the entities layer wants them) is never inside a name, and an I- that does not
    continue a span of its type starts one. Only brackets change a token's type, so
    one vectorised pass gives what a left-to-right repair would.
    """
    kinds = [lab[2:] for lab in labels]  # "" for O
    kind_ids = {k: n for n, k in enumerate(dict.fromkeys(kinds))}
    kind = np.array([kind_ids[k] for k in kinds], dtype=np.intp)
    inside = np.array([lab.startswith("I-") for lab in labels], dtype=bool)
    begin = np.array([labels.index("B-" + k) if "B-" + k in labels else n
                      for n, k in enumerate(kinds)], dtype=np.intp)
    o = labels.index("O")
    tags = np.where(outside & (kind[tags] != kind_ids[""]), o, tags)
    prev = np.empty_like(tags)
    prev[1:] = kind[tags[:-1]]
    prev[first] = kind_ids[""]
    return np.where(inside[tags] & (prev != kind[tags]), begin[tags], tags)
