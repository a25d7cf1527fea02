"""The event vocabulary, read once from ``lang/id/event_*``.

``event_triggers.tsv`` maps each trigger form to its PLOVER type, its voice
(where actor and target stand) and the prepositions its target may carry;
the word lists say which words end a subject, a phrase or a clause. All of
it is compiled into one frozen ``Lexicon`` the first time it is wanted.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .. import lang

VOICES = ("act", "pas", "nom", "nop", "mut")
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class Trigger:
    form: str
    type: str
    voice: str
    target_preps: frozenset  # "-" stands for a bare object
    target_required: bool
    after: re.Pattern | None
    before: re.Pattern | None
    after_forbids: bool = False  # "!" pattern: must not match at the trigger's end
    before_forbids: bool = False  # "!" pattern: the sentence must not contain it
    actor_types: frozenset | None = None   # None: any entity type
    target_types: frozenset | None = None


@dataclass(frozen=True)
class Lexicon:
    triggers: dict            # normalised form -> Trigger
    by_first: dict            # first word -> ((words, Trigger), ...) longest first
    first_re: re.Pattern      # any first word (a prefix trie) at a word start; see _first_re
    preps: dict               # preposition -> role (place, partner, agent, other)
    negation: frozenset
    aux: frozenset
    light_verbs: frozenset
    speech: frozenset
    coordinators: frozenset
    clause_stops: frozenset
    governor_stops: frozenset
    first_person: frozenset
    not_verbs: frozenset
    demonstratives: frozenset
    name_particles: frozenset
    pronouns: frozenset
    kin: frozenset
    agent_heads: frozenset
    background: frozenset
    media_names: tuple
    media_re: re.Pattern | None  # media_names as one pattern (None: they cannot be joined)
    inverted_speech: frozenset
    apposition: frozenset
    skip_prefixes: tuple


def _regex(cell: str, where: str) -> re.Pattern | None:
    if cell in ("", "-"):
        return None
    try:
        return re.compile(cell, re.IGNORECASE)
    except re.error as exc:
        raise lang.LanguageDataError(f"lang/id/event_triggers.tsv: bad pattern for {where!r}: {exc}") from None


def _trigger(row: tuple[str, ...]) -> Trigger:
    form, type_, voice, target, after, before, parties = (tuple(row) + ("-",) * 7)[:7]
    if type_ not in TYPES or voice not in VOICES:
        raise lang.LanguageDataError(f"lang/id/event_triggers.tsv: {form!r} has type {type_!r}, voice {voice!r}")
    required = target.startswith("!")
    preps = frozenset(p for p in target.lstrip("!").split(",") if p)
    forbids = after.startswith("!")
    actor_types = target_types = None
    if parties not in ("", "-"):
        a, _, t = parties.partition(">")
        actor_types, target_types = frozenset(a.split(",")), frozenset(t.split(","))
    return Trigger(form, type_, voice, preps, required, _regex(after.lstrip("!"), form),
                   _regex(before.lstrip("!"), form), forbids, before.startswith("!"), actor_types, target_types)


def _one_of(patterns) -> re.Pattern | None:
    """One pattern that finds what any of ``patterns`` finds: a search per mention, not one
    per pattern. A leading "(?i)" stays local to its own pattern; None when some other
    global flag or a clash of group names keeps them apart."""
    parts = []
    for p in patterns:
        body = p.pattern[4:] if p.pattern.startswith("(?i)") else p.pattern
        if body.startswith("(?") and body[2:3].isalpha() and body[2:3] not in "PRi":
            return None
        if p.flags & ~re.UNICODE & ~re.IGNORECASE:
            return None
        ignore = p.pattern.startswith("(?i)") or p.flags & re.IGNORECASE
        parts.append(f"(?i:{body})" if ignore else f"(?:{body})")
    try:
        return re.compile("|".join(parts) or "(?!)")
    except re.error:
        return None


def norm_form(s: str) -> str:
    return " ".join(s.lower().split())


def find_triggers(text: str, tokens: list[tuple[int, int]], lex: Lexicon):
    """(start, end, Trigger) for every trigger form in the token stream, in text order.

    One pass of a trie of every first word finds the candidates (a trie of literal words
    lets the regex engine skip ahead on first letters; one search per trigger word
    present cost a whole-text scan each). A first word is a run of word characters, so
    a whole-word hit is one at a word start followed by no word character, and at most
    one first word can be that at any offset.
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; keep offsets exact
        low = "".join(c.lower()[:1] or c for c in text)
    starts = None
    out = []
    for m in lex.first_re.finditer(low):
        s = m.start()
        if s and (low[s - 1].isalnum() or low[s - 1] == "_"):  # str.isalnum() or "_" is re's \w
            continue  # inside a word: "memberikan" holds no "beri"
        if starts is None:
            starts = [a for a, _ in tokens]
        i = bisect_left(starts, s)
        if i < len(tokens) and starts[i] == s:
            hit = _match_at(low, tokens, i, lex.by_first[m.group()])
            if hit:
                out.append(hit)
    return out  # finditer runs left to right: already in text order


def _match_at(low: str, tokens, i: int, cands):
    """The longest trigger form starting at token i, as (start, end, Trigger)."""
    for words, trig in cands:
        k = len(words)
        if k == 1:
            return tokens[i][0], tokens[i][1], trig
        if i + k <= len(tokens) and all(low[x:y] == w for (x, y), w in zip(tokens[i + 1:i + k], words[1:])):
            return tokens[i][0], tokens[i + k - 1][1], trig
    return None


def _first_re(first_words) -> re.Pattern:
    """The trie of first words, whole words only. With a leading \\b the regex engine tries
    the trie only at word starts, not at every letter a first word may begin with (the
    boundary test is cheaper than a failed trie: ~25% less time over the news corpus). For
    words of word characters alone, a match at a word start is one find_triggers would keep
    and a refused match inside a word hides no word start, so the kept matches are the same;
    otherwise the boundary is left to find_triggers."""
    trie = lang.trie(first_words)
    if all(re.fullmatch(r"\w+", w) for w in first_words):
        return re.compile(rf"\b(?:{trie})(?!\w)")
    return re.compile(rf"(?:{trie})(?!\w)")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    triggers = {norm_form(row[0]): _trigger(row) for row in lang.table("event_triggers.tsv")}
    by_first: dict[str, list] = {}
    for form in sorted(triggers, key=lambda f: -len(f.split())):
        words = tuple(form.split())
        # -nya is the clitic object/possessive (memintanya, dukungannya): the same event.
        for first in (words[0], words[0] + "nya") if len(words) == 1 else words[:1]:
            by_first.setdefault(first, []).append((words, triggers[form]))
    words = lambda name: frozenset(w.lower() for w in lang.lines(name))  # noqa: E731
    media_names = lang.regexes("event_media_names.txt")
    return Lexicon(
        triggers=triggers, by_first={k: tuple(v) for k, v in by_first.items()},
        first_re=_first_re(by_first),
        preps={k.lower(): v for k, v in lang.mapping("event_prepositions.tsv").items()},
        negation=words("event_negation.txt"), aux=words("event_aux.txt"),
        light_verbs=words("event_light_verbs.txt"), speech=words("event_speech_verbs.txt"),
        coordinators=words("event_coordinators.txt"), clause_stops=words("event_clause_stops.txt"),
        governor_stops=words("event_governor_stops.txt"), first_person=words("event_first_person.txt"),
        not_verbs=words("event_not_verbs.txt"), demonstratives=words("event_demonstratives.txt"),
        name_particles=words("event_name_particles.txt"), pronouns=words("event_pronouns.txt"),
        kin=words("event_kin_nouns.txt"), agent_heads=words("event_agent_heads.txt"),
        background=words("event_background_words.txt"), media_names=media_names,
        media_re=_one_of(media_names),
        inverted_speech=words("event_inverted_speech.txt"), apposition=words("event_apposition.txt"),
        skip_prefixes=tuple(w.lower() for w in lang.lines("event_skip_prefixes.txt")),
    )
