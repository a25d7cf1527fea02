"""Grouping mentions into entities: one entity per real-world referent per article.

Mentions are taken longest first, so a full name exists before its short
forms come to join it: a gazetteer key ("AS" and "Amerika Serikat"), the same
words, a name in parentheses after another ("Badan Pusat Statistik (BPS)"),
an acronym of an organisation's initials, or a surname / short form that is
part of exactly one longer name ("Qaani" -> "Esmail Qaani"; when two people
share it, the one named last before the mention wins).
"""
from __future__ import annotations

from functools import lru_cache

from .gazetteer import Lexicon, fold, lexicon
from .mentions import Mention
from .words import acronym

TYPE_WEIGHT_GAZ = 3


class Entity:
    __slots__ = ("mentions", "types", "key", "forms", "bare", "type", "n")

    def __init__(self, m: Mention, n: int = 0, form: tuple[str, ...] | None = None,
                 bare: tuple[str, ...] | None = None):
        self.mentions: list[Mention] = []
        self.types: dict[str, int] = {}  # votes per type, in the order first voted
        self.key = m.key
        self.forms: set[tuple[str, ...]] = set()
        self.bare: set[tuple[str, ...]] = set()
        self.type = "UNK"  # the most voted type, kept up to date by add()
        self.n = n  # place in the document's entity list (the first one found wins)
        self.add(m, form, bare)

    def add(self, m: Mention, form: tuple[str, ...] | None = None, bare: tuple[str, ...] | None = None):
        """Take m in; ``form`` and ``bare`` are its folded words (and those without an
        administrative head) when the caller has them already."""
        self.mentions.append(m)
        # A bare acronym says little about its type ("RMS" for a person reads as a body).
        bare_acronym = m.key is None and len(m.words) == 1 and acronym(m.words[0])
        if m.type != "UNK" and not (bare_acronym and self.types):
            types = self.types
            types[m.type] = types.get(m.type, 0) + (TYPE_WEIGHT_GAZ if m.key else 1)
            # a tie goes to the first type voted (most entities have only one)
            self.type = max(types, key=types.__getitem__) if len(types) > 1 else m.type
        if form is None:
            form = _form(m)
        self.forms.add(form)
        self.bare.add(bare if bare is not None else _strip_head(form))

    def longest(self) -> Mention:
        return max(self.mentions, key=lambda m: (len(m.words), m.end - m.start, -m.start))


def _form(m: Mention) -> tuple[str, ...]:
    return tuple(map(fold, m.words))


class _Entities(list):
    """The entities of one document so far, in the order found, indexed by gazetteer key,
    by form and by word: looking a mention up then costs a dict hit, not a pass over all of them."""

    def __init__(self):
        super().__init__()
        self.by_key: dict[str, Entity] = {}
        self.by_form: dict[tuple[str, ...], list[Entity]] = {}
        self.by_bare: dict[tuple[str, ...], list[Entity]] = {}
        # folded word -> the entities with it in some form: a short form can only be part
        # of a name holding its first word, so _find looks at those, not at every entity.
        self.by_word: dict[str, list[Entity]] = {}
        self.by_len: dict[int, list[str]] = {}  # by_word's words by length, for misspelt forms

    def new(self, m: Mention, form: tuple[str, ...], bare: tuple[str, ...]) -> Entity:
        ent = Entity(m, n=len(self), form=form, bare=bare)
        self.append(ent)
        if ent.key:
            self.by_key.setdefault(ent.key, ent)
        self._index(ent, form, bare)
        return ent

    def join(self, ent: Entity, m: Mention, form: tuple[str, ...], bare: tuple[str, ...]) -> None:
        ent.add(m, form, bare)
        self._index(ent, form, bare)

    def _index(self, ent: Entity, form: tuple[str, ...], bare: tuple[str, ...]) -> None:
        for table, value in ((self.by_form, form), (self.by_bare, bare)):
            holders = table.setdefault(value, [])
            if ent not in holders:
                holders.append(ent)
        for w in form:
            holders = self.by_word.get(w)
            if holders is None:
                self.by_word[w] = [ent]
                self.by_len.setdefault(len(w), []).append(w)
            elif ent not in holders:
                holders.append(ent)

    def containing(self, form: tuple[str, ...]) -> list[Entity]:
        """The entities with a longer form holding ``form``'s words in a row, in the order found."""
        holders = self.by_word.get(form[0])
        if not holders:
            return []
        # An entity gains words as mentions join it, so the list is in order of first use
        # of the word, not in the order the entities were found.
        return [e for e in sorted(holders, key=_order) if any(_contains(f, form) for f in e.forms)]

    def first_named(self, form, bare, keyed: bool) -> Entity | None:
        """The first entity with this form or bare form (one without a key, for a keyed mention)."""
        a, b = self.by_form.get(form), self.by_bare.get(bare)
        if not (a or b):
            return None  # the common case: a form not seen before
        found = [e for e in (*(a or ()), *(b or ())) if not keyed or not e.key]
        return min(found, key=lambda e: e.n) if found else None


def _order(e: Entity) -> int:
    return e.n


def _contains(longer: tuple, shorter: tuple) -> bool:
    n = len(shorter)
    return n < len(longer) and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one inserted or dropped letter ("Frangky", "Franky")."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return False  # a changed letter is as often another name ("Pranowo", "Prabowo")
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _initials(words: tuple[str, ...], lex: Lexicon) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and fold(w) not in lex.connectors)


def _strip_head(form: tuple[str, ...]) -> tuple[str, ...]:
    """"kota padang" -> "padang", "dprd kota surabaya" -> "dprd surabaya": an administrative
    prefix before a known place does not make another place, nor another body."""
    # Most forms hold no administrative word: one set test, no cache entry (the cache is
    # small, and a corpus's forms would keep pushing each other out of it).
    if lexicon().admin.isdisjoint(form):
        return form
    return _strip_admin(form)


@lru_cache(maxsize=4096)
def _strip_admin(form: tuple[str, ...]) -> tuple[str, ...]:
    lex = lexicon()
    words = list(form)
    keep = [w for k, w in enumerate(form)
            if not (w in lex.admin and k + 1 < len(form) and lex.lookup(words, k + 1, len(form)))]
    return tuple(keep) if keep else form


def parenthesised(mentions: list[Mention], words: list[str]) -> dict[int, int]:
    """Mention index -> index of the mention it stands in parentheses after."""
    by_last = {m.last: k for k, m in enumerate(mentions)}
    out = {}
    for k, m in enumerate(mentions):
        if m.first >= 2 and words[m.first - 1] == "(" and m.last < len(words) and words[m.last] == ")":
            host = by_last.get(m.first - 1)
            # "Jakarta (ANTARA)", "Polres Bandung Barat (Cimahi)": a known name in
            # parentheses is a second entity, not another name of the first.
            if host is not None and host != k and m.key is None:
                out[k] = host
    return out


def nicknames(mentions: list[Mention], words: list[str], lex: Lexicon) -> dict[int, int]:
    """Mention index -> the person it is another name of ("Rachmat alias Rafi")."""
    out = {}
    cue_len = max(map(len, lex.alias_cues), default=0)
    for k in range(1, len(mentions)):
        m, host = mentions[k], mentions[k - 1]
        if host.type != "PER" or m.type not in ("PER", "UNK") or m.key:
            continue
        gap = words[host.last:m.first]
        if len(gap) - gap.count(",") > cue_len:
            continue  # longer than any cue: not worth folding (most pairs are far apart)
        between = tuple(fold(w) for w in gap if w != ",")
        if between in lex.alias_cues:
            out[k] = k - 1
    return out


def group(mentions: list[Mention], words: list[str], lex: Lexicon) -> list[Entity]:
    mentions.sort(key=lambda m: m.start)
    # A mention's form is its words folded: they are words[m.first:m.last], whose folds
    # Lexicon.prepare made once for the document.
    prepared = lex.prepared  # one read: another thread may replace it
    folds = prepared[4] if prepared is not None and prepared[0] is words else list(map(fold, words))
    links = parenthesised(mentions, words)
    links.update(nicknames(mentions, words, lex))
    owner: dict[int, Entity] = {}
    entities = _Entities()

    def rank(k):
        m = mentions[k]
        # Bare acronyms after the names they may abbreviate; untyped mentions last,
        # since they may only join what typed ones built.
        late = m.key is None and len(m.words) == 1 and acronym(m.words[0])
        return m.type == "UNK" and k not in links, late and k not in links, -len(m.words), m.start

    def place(k):
        if k in owner:
            return
        m = mentions[k]
        ent = None
        if k in links:
            # The host first, so "Sarjan (SRJ)" and "Cak Awi" join their person
            # before a later bare "SRJ" or "Cak Awi" looks for an entity.
            place(links[k])
            ent = owner[links[k]]
            if m.key is None:
                m.type = ent.type
        form = tuple(folds[m.first:m.last])
        bare = _strip_head(form)
        ent = ent or _find(m, form, bare, entities, lex)
        if ent is None:
            ent = entities.new(m, form, bare)
        else:
            entities.join(ent, m, form, bare)
        owner[k] = ent

    for k in sorted(range(len(mentions)), key=rank):
        place(k)
    # ``place`` calls itself, so its closure refers to it: unbroken, that cycle keeps
    # every mention and entity of the article alive until the collector runs.
    place = None  # noqa: F841
    return [e for e in entities if e.type != "UNK"]


def _find(m: Mention, form: tuple[str, ...], bare: tuple[str, ...], entities: _Entities,
          lex: Lexicon) -> Entity | None:
    """The entity m names, if any; ``form`` is m's folded words, ``bare`` those without an admin head."""
    if m.key and m.key in entities.by_key:
        return entities.by_key[m.key]
    e = entities.first_named(form, bare, bool(m.key))
    if e is not None:
        return e
    if m.key:
        return None
    if len(m.words) == 1 and acronym(m.words[0]):
        for e in entities:
            if e.type == "ORG" and any(_initials(f, lex) == m.words[0] for f in
                                       (x.words for x in e.mentions) if len(f) > 1):
                return e
    # A lone surname is a person's even where the tagger typed it otherwise ("Cavani" as ORG).
    surname = len(m.words) == 1 and not acronym(m.words[0])
    containing = entities.containing(form)
    candidates = [e for e in containing if e.type == m.type or m.type == "UNK" or (surname and e.type == "PER")]
    if m.type == "PER" or (surname and any(e.type == "PER" for e in candidates)):
        candidates = [e for e in candidates if e.type == "PER"]
    if not candidates and surname:
        # "Madrid" after "Real Madrid": one containing name of another type is still this one.
        others = containing
        candidates = others if len(others) == 1 and others[0].type == "ORG" else []
    if not candidates and m.type in ("PER", "UNK") and len(m.words) == 1 and len(form[0]) >= 5:
        # A misspelt short form ("Frangky" for "Franky") still names the same person.
        # Each distinct word of the entities' forms one letter longer or shorter is tested once.
        w0, n0 = form[0], len(form[0])
        near = {e for n in (n0 - 1, n0 + 1) for w in entities.by_len.get(n, ()) if _one_edit(w0, w)
                for e in entities.by_word[w]}
        candidates = sorted((e for e in near if e.type == "PER"), key=_order)
    if not candidates:
        return None
    if len(candidates) > 1:
        before = [e for e in candidates if any(x.start < m.start for x in e.mentions)]
        candidates = before or candidates
        e = max(candidates, key=lambda e: max((x.start for x in e.mentions if x.start < m.start), default=-1))
        m.type = e.type
        return e
    e = candidates[0]
    m.type = e.type  # a short form takes the type its full name has
    return e
