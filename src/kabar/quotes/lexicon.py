"""The language data of the quotes stage, read once and compiled into regexes.

Everything Indonesian lives in ``lang/id/speech_verbs.tsv`` and ``quote_*``
files; this module only turns them into patterns, cached for the process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang

# Every double quotation mark outlets use, straight and curly; single marks apart
# because an apostrophe (Ma'ruf) looks like one.
DOUBLE_MARKS = "\"“”„‟″«»"
SINGLE_MARKS = "‘’‚‛"
OPEN_HINT = "“„‟«‘‚‛"
CLOSE_HINT = "”»’"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict            # verb -> (kind, class)
    cues: dict             # post-quote cue -> kind
    pronouns: frozenset
    stop: frozenset        # lower-cased words that end a speaker phrase
    connectives: frozenset
    adverbs: frozenset
    predicates: frozenset
    blockers: frozenset
    negators: frozenset    # blockers that hold even before "bahwa"
    subordinators: frozenset
    not_verbs: frozenset
    title_cues: frozenset
    time_phrases: tuple
    abbrev: frozenset
    media_nouns: tuple
    concessives: frozenset
    main_clause_re: re.Pattern  # ", namun" after a concessive clause: where its content ends
    objects: tuple         # word tuples: "terima kasih" after a verb is a thing delivered
    # The word patterns carry no boundary assertions (they would stop the regex engine
    # from skipping ahead on the first letter); ``words()`` checks the boundaries.
    verb_re: re.Pattern    # any speech verb
    cue_re: re.Pattern     # a cue right after a closing mark: kata X / ujarnya / kata dia
    inline_kata_re: re.Pattern  # "kata X," inside a sentence (no quotation marks)
    tail_cue_re: re.Pattern     # ", kata X." ending a sentence of unmarked speech
    menurut_re: re.Pattern
    passive_re: re.Pattern
    via_res: tuple
    source_res: tuple
    # Where any of menurut_re, verb_re, passive_re, inline_kata_re can match: the first
    # words of all four in one trie, so one pass over the text finds where to try them.
    heads_re: re.Pattern


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _capitalisable(words) -> set:
    """Each word and its sentence-initial capitalised form."""
    return {f for w in words for f in (w, w[:1].upper() + w[1:])}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs = {row[0]: (row[1], row[2]) for row in lang.table("speech_verbs.tsv", columns=3)}
    cue_rows = lang.table("quote_cues.tsv", columns=3)
    cues = {row[0]: row[1] for row in cue_rows}
    cue_alt = _alt(cues)
    tail_alt = _alt(row[0] for row in cue_rows if row[2] == "yes")
    # Passive reports ("disebutkan bahwa", "diakuinya bahwa") have their own class.
    passive = [v for v, (_, cls) in verbs.items() if cls == "passive"]
    verb_alt = lang.trie(_capitalisable(v for v, (_, cls) in verbs.items() if cls != "passive"))
    return Lexicon(
        verbs=verbs,
        cues=cues,
        pronouns=frozenset(lang.lines("quote_pronouns.txt")),
        stop=frozenset(w.lower() for w in lang.lines("quote_stop.txt")),
        connectives=frozenset(lang.lines("quote_connectives.txt")),
        adverbs=frozenset(lang.lines("quote_adverbs.txt")),
        predicates=frozenset(lang.lines("quote_predicates.txt")),
        blockers=frozenset(lang.lines("quote_blockers.txt")),
        negators=frozenset(lang.lines("quote_negators.txt")),
        subordinators=frozenset(lang.lines("quote_subordinators.txt")),
        not_verbs=frozenset(lang.lines("quote_not_verbs.txt")),
        title_cues=frozenset(lang.lines("quote_title_cues.txt")),
        time_phrases=tuple(sorted(lang.lines("quote_time_phrases.txt"), key=len, reverse=True)),
        abbrev=frozenset(lang.lines("quote_abbrev.txt")),
        media_nouns=tuple(sorted(lang.lines("quote_media_nouns.txt"), key=len, reverse=True)),
        concessives=frozenset(lang.lines("quote_concessives.txt")),
        main_clause_re=re.compile(rf",\s*(?:{_alt(lang.lines('quote_main_clause.txt'))})\b", re.IGNORECASE),
        objects=tuple(tuple(x.lower().split()) for x in lang.lines("quote_objects.txt")),
        verb_re=re.compile(rf"(?:{verb_alt})"),
        cue_re=re.compile(rf"\s*,?\s*(?:demikian\s+)?(?P<cue>{cue_alt})(?P<nya>nya)?(?![\w-])", re.IGNORECASE),
        inline_kata_re=re.compile(r"(?P<cue>[Kk]ata)(?P<nya>nya)?"),
        tail_cue_re=re.compile(rf",\s*(?P<cue>{tail_alt})(?P<nya>nya)?(?![\w-])"),
        menurut_re=re.compile(r"[Mm]enurut(?P<nya>nya)?"),
        passive_re=re.compile(rf"(?P<verb>{lang.trie(_capitalisable(passive))})(?P<nya>nya)?"),
        via_res=(re.compile("|".join(f"(?:{r.pattern})" for r in lang.regexes("quote_via.txt"))),),
        source_res=lang.regexes("quote_sources.txt"),
        heads_re=re.compile(lang.trie(_capitalisable(verbs) | {"menurut", "Menurut", "kata", "Kata"})),
    )


def heads(text: str) -> list[int]:
    """Every offset where a word of ``heads_re`` starts (searched overlapping), for ``words``."""
    rx, out, pos = lexicon().heads_re, [], 0
    while (m := rx.search(text, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


def _at(rx: re.Pattern, text: str, starts: list[int], a: int, n: int):
    """``rx.finditer(text, a, n)`` for a pattern whose every match starts at one of ``starts``
    and is never empty: the leftmost match not overlapping the last one, tried only there."""
    last = a
    for p in starts:
        if p < last:
            continue
        if p >= n:
            break
        m = rx.match(text, p, n)
        if m is not None:
            last = m.end()
            yield m


def words(rx: re.Pattern, text: str, a: int = 0, b: int | None = None, starts: list[int] | None = None):
    """Matches of a word pattern that are whole words (no letter, digit, _ or - around).
    ``starts``: where every match of the pattern starts (see ``heads``), if known."""
    n = len(text) if b is None else b
    for m in (rx.finditer(text, a, n) if starts is None else _at(rx, text, starts, a, n)):
        i, j = m.start(), m.end()
        if i and (text[i - 1].isalnum() or text[i - 1] in "_-"):
            continue
        if j < len(text) and (text[j].isalnum() or text[j] in "_-"):
            continue
        yield m


def clitic(m: re.Match) -> bool:
    """A cue that carries its speaker as "-nya" ("ujarnya", "katanya"; not "tanya")."""
    if m.group("nya"):
        return True
    cue = m.group("cue").lower()
    return cue.endswith("nya") and cue[:-3] in lexicon().cues
