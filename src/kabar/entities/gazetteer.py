"""Gazetteers and word lists for the entities stage, read once from ``lang/id``.

A gazetteer name is stored as its token sequence, so a lookup is a dict hit
on the tokens of a run. Short or all-capital names ("AS", "PAN", "UI") must
match their case exactly, since the same letters are also ordinary words;
longer names match case-insensitively so a dateline's "JAKARTA" is found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lang

GAZETTEERS = ("entity_people.tsv", "orgs.tsv", "entity_aliases.tsv", "countries.tsv", "regions.tsv")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    return word.translate(APOSTROPHES).lower()


class _CommonWords(dict):
    """word -> whether it folds to a common word, filled as words are asked about: a hit
    is one dict lookup in C, with no Python call (is_common is asked a few hundred times
    per article, mostly about words asked before)."""

    def __init__(self, common: frozenset):
        super().__init__()
        self.common = common

    def __missing__(self, word: str) -> bool:
        if len(self) >= 1 << 16:
            self.clear()  # bounded, like fold's cache: a long run meets ever new words
        hit = self[word] = fold(word) in self.common
        return hit


def split_words(name: str) -> tuple[str, ...]:
    from ..stages.sentences import tokenize

    return tuple(name[a:b].translate(APOSTROPHES) for a, b in tokenize(name))


def _case_strict(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(name) <= 4 or (bool(letters) and all(c.isupper() for c in letters))


@dataclass
class Lexicon:
    exact: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    folded: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    max_len: int = 1
    titles: dict[tuple[str, ...], int] = field(default_factory=dict)
    title_len: int = 1
    org_heads: dict[tuple[str, ...], int] = field(default_factory=dict)
    loc_heads: dict[tuple[str, ...], int] = field(default_factory=dict)
    loc_tails: frozenset = frozenset()
    org_tails: frozenset = frozenset()
    connectors: frozenset = frozenset()
    admin: frozenset = frozenset()
    credits: frozenset = frozenset()
    events: frozenset = frozenset()
    name_titles: frozenset = frozenset()
    job_words: frozenset = frozenset()
    initials_cues: frozenset = frozenset()
    alias_cues: dict = field(default_factory=dict)
    directions: frozenset = frozenset()
    common: frozenset = frozenset()
    stop: dict[tuple[str, ...], int] = field(default_factory=dict)
    office: re.Pattern | None = None
    # Names with commas inside ("Badan Meteorologi, Klimatologi, dan Geofisika")
    # cross the punctuation that ends a run, so they are found in the text itself.
    comma_names: re.Pattern | None = None
    comma_keys: dict = field(default_factory=dict)
    # What follows the first comma of each such name: a pattern that opens with a literal
    # comma is found fast, while comma_names is tried at every position; most texts hold
    # none of these, and then need no comma_names scan.
    comma_hint: re.Pattern | None = None
    # First words of each table: most words start nothing, and one set test says so.
    first_exact: set = field(default_factory=set)
    first_folded: set = field(default_factory=set)
    first_title: set = field(default_factory=set)
    first_org: set = field(default_factory=set)
    first_loc: set = field(default_factory=set)
    first_stop: set = field(default_factory=set)
    # The lower-cased first words of all these but ``exact`` (whose first words are as written).
    starters: set = field(default_factory=set)
    # (words, their apostrophe-normalised forms, those lower-cased, the words lower-cased as
    # they are, their folds) of the document being read, set as one tuple: threads
    # analysing two documents never mix them. In most texts the last three are one list.
    prepared: tuple | None = None
    # What RunReader.read_word found for a one-word run, by the word and its flags.
    word_runs: dict = field(default_factory=dict)

    @property
    def words_ref(self) -> list | None:
        return self.prepared[0] if self.prepared else None

    def prepare(self, words: list[str], text: str | None = None, spans=None) -> tuple:
        """Fold the document's words once; lookups on this very list then index the folds.

        With ``text``, ``words`` are its slices at ``spans``. Returns the tuple it sets:
        read that, not ``self.prepared`` again, which another thread may have replaced."""
        self.prepared = prepared = self._prepared(words, text, spans)
        return prepared

    def _prepared(self, words: list[str], text: str | None, spans) -> tuple:
        if text is not None and "Σ" not in text:
            # Python lowers one letter by its context, the capital sigma: without it, each word
            # lowered alone is the lowered text's slice, and map() lowers them with no Python
            # step per word. Without an apostrophe to normalise, the words are their own
            # normal forms, and lowering them is folding them.
            if "’" not in text and "‘" not in text and "`" not in text:
                low = list(map(str.lower, words))
                return (words, words, low, low, low)
            norm = [w.translate(APOSTROPHES) for w in words]
            low = list(map(str.lower, norm))
            return (words, norm, low, list(map(str.lower, words)), low)
        if text is not None:
            # Folding the text once and slicing (the sigma then lowered as in the whole text).
            plain = "’" not in text and "‘" not in text and "`" not in text
            norm_text = text if plain else text.translate(APOSTROPHES)
            low_text = norm_text.lower()
            if len(low_text) == len(text):
                norm = words if plain else [norm_text[a:b] for a, b in spans]
                return (words, norm, [low_text[a:b] for a, b in spans],
                        list(map(str.lower, words)), list(map(fold, words)))
        norm = [w.translate(APOSTROPHES) for w in words]
        low = [w.lower() for w in norm]
        return (words, norm, low, list(map(str.lower, words)), low)

    def _folds(self, words):
        prepared = self.prepared
        if prepared is not None and words is prepared[0]:
            return prepared[1], prepared[2]
        norm = [w.translate(APOSTROPHES) for w in words]
        return norm, [w.lower() for w in norm]

    def _low(self, words) -> list[str]:
        prepared = self.prepared
        if prepared is not None and words is prepared[0]:
            return prepared[2]
        return [w.translate(APOSTROPHES).lower() for w in words]

    def lookup(self, words: list[str], i: int, j: int) -> tuple[int, str, str] | None:
        """Longest gazetteer name starting at words[i] and ending before j: (length, type, key)."""
        prepared = self.prepared  # _folds inlined: this is called for nearly every capitalised word
        norm, low = prepared[1:3] if prepared is not None and words is prepared[0] else self._folds(words)
        if norm[i] not in self.first_exact and low[i] not in self.first_folded:
            return None
        for n in range(min(self.max_len, j - i), 0, -1):
            hit = self.exact.get(tuple(norm[i:i + n])) or self.folded.get(tuple(low[i:i + n]))
            if hit:
                return n, hit[0], hit[1]
        return None

    def word(self, w: str) -> tuple[str, str] | None:
        """The gazetteer's (type, key) for one word on its own."""
        n = w.translate(APOSTROPHES)
        return self.exact.get((n,)) or self.folded.get((n.lower(),))

    # title_at, head_at and stop_at are called a few hundred times per article, nearly
    # always for a word that starts no phrase: each tests that first, with one call at most.
    @staticmethod
    def _longest(table: dict, width: int, low: list[str], i: int, j: int) -> int:
        for n in range(min(width, j - i), 0, -1):
            if tuple(low[i:i + n]) in table:
                return n
        return 0

    # (_low inlined in these three: they are called for nearly every capitalised word)
    def title_at(self, words, i, j) -> int:
        prepared = self.prepared
        low = prepared[2] if prepared is not None and words is prepared[0] else self._low(words)
        return self._longest(self.titles, self.title_len, low, i, j) if low[i] in self.first_title else 0

    def head_at(self, words, i, j) -> tuple[int, str]:
        """The longer of the organisation and place heads at words[i] ("Balai" vs "Balai Kota")."""
        prepared = self.prepared
        low = prepared[2] if prepared is not None and words is prepared[0] else self._low(words)
        w = low[i]
        n = self._longest(self.org_heads, 3, low, i, j) if w in self.first_org else 0
        m = self._longest(self.loc_heads, 3, low, i, j) if w in self.first_loc else 0
        if m > n:
            return m, "LOC"
        return (n, "ORG") if n else (0, "")

    def stop_at(self, words, i, j) -> int:
        prepared = self.prepared
        low = prepared[2] if prepared is not None and words is prepared[0] else self._low(words)
        return self._longest(self.stop, 3, low, i, j) if low[i] in self.first_stop else 0

    def is_common(self, word: str) -> bool:
        return fold(word) in self.common

    def is_office(self, word: str) -> bool:
        """An ordinary word naming an office after a title ("Dalam Negeri", "Perindustrian")."""
        w = fold(word)
        return w in self.common or bool(self.office and self.office.fullmatch(w))


def _phrases(name: str) -> dict[tuple[str, ...], int]:
    out = {}
    for entry in lang.lines(name):
        out[tuple(fold(w) for w in split_words(entry))] = 1
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    surface_key: dict[str, tuple[str, str]] = {}
    for fname in GAZETTEERS:
        for row in lang.table(fname):
            name, typ = row[0], row[1]
            aliases = [a for a in (row[2].split("|") if len(row) > 2 and row[2] else []) if a]
            names = [name, *aliases]
            # A later file naming an already known surface extends that entity
            # (regions' "Sumatera Barat" is the aliases file's "Sumbar").
            known = next((surface_key[fold(n)] for n in names if fold(n) in surface_key), None)
            typ, key = known or (typ, name)
            for n in names:
                surface_key.setdefault(fold(n), (typ, key))
                if "," in n:
                    lex.comma_keys[n.lower()] = (typ, key)
                words = split_words(n)
                if not words:
                    continue
                if _case_strict(n):
                    lex.exact.setdefault(words, (typ, key))
                else:
                    lex.folded.setdefault(tuple(w.lower() for w in words), (typ, key))
                lex.max_len = max(lex.max_len, len(words))
    lex.titles = _phrases("titles.txt")
    # "KH.", "Prof.", "Hj.": a one-word title also comes abbreviated with a period
    lex.titles.update({(k[0] + ".",): 1 for k in list(lex.titles) if len(k) == 1 and k[0].isalpha()})
    lex.title_len = max(map(len, lex.titles))
    lex.org_heads = _phrases("entity_org_heads.txt")
    lex.loc_heads = _phrases("entity_loc_heads.txt")
    lex.loc_tails = frozenset(fold(w) for w in lang.lines("entity_loc_tails.txt"))
    lex.directions = frozenset(fold(w) for w in lang.lines("entity_directions.txt"))
    lex.alias_cues = _phrases("entity_alias_cues.txt")
    lex.events = frozenset(fold(w) for w in lang.lines("entity_event_words.txt") if " " not in w)
    lex.name_titles = frozenset(fold(w) for w in lang.lines("entity_name_titles.txt"))
    lex.credits = frozenset(fold(w) for w in lang.lines("entity_credit_labels.txt"))
    lex.admin = frozenset(fold(w) for w in lang.lines("entity_admin_prefixes.txt"))
    lex.org_tails = frozenset(fold(w) for w in lang.lines("entity_org_tails.txt"))
    lex.connectors = frozenset(fold(w) for w in lang.lines("entity_connectors.txt"))
    lex.common = frozenset(fold(w) for name in ("entity_common_words.txt", "entity_not_names.txt")
                           for w in lang.lines(name))
    lex.stop = _phrases("entity_stop.txt")
    # An instance attribute in front of the method: the same answers, from a dict.
    lex.is_common = _CommonWords(lex.common).__getitem__
    lex.job_words = frozenset(fold(w) for w in lang.lines("entity_job_words.txt"))
    lex.initials_cues = frozenset(fold(w) for w in lang.lines("entity_initials_cues.txt"))
    if lex.comma_keys:
        lex.comma_names = re.compile(lang.alternation(lex.comma_keys), re.IGNORECASE)
        tails = {k[k.index(","):] for k in lex.comma_keys}
        lex.comma_hint = re.compile(lang.alternation(tails, boundary=False), re.IGNORECASE)
    lex.first_exact = {k[0] for k in lex.exact}
    lex.first_folded = {k[0] for k in lex.folded}
    lex.first_title = {k[0] for k in lex.titles}
    lex.first_org = {k[0] for k in lex.org_heads}
    lex.first_loc = {k[0] for k in lex.loc_heads}
    lex.first_stop = {k[0] for k in lex.stop}
    lex.starters = lex.first_folded | lex.first_title | lex.first_org | lex.first_loc | lex.first_stop
    lex.office = re.compile("|".join(f"(?:{p.pattern})" for p in lang.regexes("entity_office_words.txt")))
    return lex
