"""The language knowledge the figures stage reads, compiled once.

Everything comes from ``lang/id/``: currencies (``figure_currencies.tsv``),
nouns that count people (``figure_people.tsv``), cue words that say what
happened to them (``figure_cues.tsv``), quantifiers that make a figure
approximate (``figure_quantifiers.tsv``), the active cues that make the
counted group the doer (``figure_agent_cues.txt``), the "secure" cues that
are no arrest of the forces sent (``figure_securing_cues.txt``,
``figure_security_nouns.txt``), nouns for a group counted before
(``figure_backref_nouns.txt``), words that open a breakdown of a count
(``figure_breakdown_words.txt``), and the words around a number
that make it no count (``figure_exclude_*.txt``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lang
from .numbers import amount_pattern, number_starters, scale_words


@dataclass
class Lexicon:
    candidate: re.Pattern
    after: re.Pattern
    quant: re.Pattern
    post_quant: re.Pattern
    cues: re.Pattern
    currencies: dict[str, str]
    quant_bounds: dict[str, str]
    cue_category: dict[str, str]
    people: dict[str, str]
    exclude_before: frozenset[str]
    exclude_after: frozenset[str]
    bare: frozenset[str]
    anaphora: frozenset[str]
    post_currency: re.Pattern
    linking: frozenset[str]     # words that may stand between a currency word and its amount
    starters: frozenset[str]    # number words that can begin an amount, lower-cased
    pre_forms: frozenset[str]   # currency forms written before the amount, lower-cased
    agent_cues: frozenset[str]  # active cues: after a count the group is the doer
    securing_cues: frozenset[str]  # "mengamankan": arrest of suspects, guarding by forces
    security_nouns: frozenset[str]  # the forces that guard
    backref_nouns: frozenset[str]  # "korban": a group counted before
    breakdown: re.Pattern       # "yakni": the parts of a count follow


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cur_rows = lang.table("figure_currencies.tsv", columns=3)
    pre = [form for form, _, pos in cur_rows if pos in ("pre", "both")]
    post = [form for form, _, pos in cur_rows if pos in ("post", "both")]
    people = {k.lower(): v for k, v in lang.table("figure_people.tsv", columns=2)}
    cues = {k.lower(): v for k, v in lang.table("figure_cues.tsv", columns=2)}
    quants = {k.lower(): v for k, v, _ in lang.table("figure_quantifiers.tsv", columns=3, unique_key=False)}
    pre_quants = [k for k, _, pos in lang.table("figure_quantifiers.tsv", columns=3, unique_key=False) if pos == "pre"]
    amount = amount_pattern()
    scales = lang.alternation(scale_words())
    candidate = re.compile(
        rf"(?<![\w.,/-])(?:(?P<cur>{lang.alternation(pre, boundary=False)})\s?)?"
        # after a currency, "US$ 52.38" has an English decimal point (two decimals at most)
        rf"(?P<neg>[-−](?=\d))?(?P<amt>(?(cur)\d+\.\d{{1,2}}(?![\d.,]|\s*{scales})|(?!))|{amount})"
        rf"(?:\s?(?:[-–—]|\s(?:hingga|sampai|s/d)\s)\s?(?P<amt2>{amount}))?"
        rf"(?!\w|/\d|[.,]\d)",
        re.I)
    after = re.compile(
        rf"\s*(?:(?P<pct>persen\b|%)|(?P<cur>{lang.alternation(post)})|"
        rf"(?P<word>{lang.alternation([w for w in people if ' ' in w] + [c for c in cues if ' ' in c])}"
        rf"|[\w][\w-]*))", re.I)
    quant = re.compile(rf"(?:^|\s)(?P<q>{lang.alternation(pre_quants, boundary=False)})\s*$", re.I)
    post_quants = [k for k, _, pos in lang.table("figure_quantifiers.tsv", columns=3, unique_key=False)
                   if pos == "post"]
    post_quant = re.compile(rf"\s+(?P<q>{lang.alternation(post_quants)})", re.I)
    return Lexicon(
        candidate=candidate, after=after, quant=quant, post_quant=post_quant,
        # not inside a URL slug ("dikabarkan-meninggal-dorce")
        cues=re.compile(rf"(?<![-/]){lang.alternation(cues)}(?![-/])", re.I),
        currencies={form.lower(): code for form, code, _ in cur_rows},
        quant_bounds=quants, cue_category=cues, people=people,
        exclude_before=frozenset(w.lower() for w in lang.lines("figure_exclude_before.txt")),
        exclude_after=frozenset(w.lower() for w in lang.lines("figure_exclude_after.txt")),
        bare=frozenset(lang.lines("figure_bare_followers.txt")),
        anaphora=frozenset(lang.lines("figure_anaphora.txt")),
        post_currency=re.compile(lang.alternation(post), re.I),
        linking=frozenset([""] + [q for q in quants]),
        starters=frozenset(number_starters()),
        pre_forms=frozenset(f.lower() for f in pre),
        agent_cues=_lower_set("figure_agent_cues.txt"),
        securing_cues=_lower_set("figure_securing_cues.txt"),
        security_nouns=_lower_set("figure_security_nouns.txt"),
        backref_nouns=_lower_set("figure_backref_nouns.txt"),
        breakdown=re.compile(lang.alternation(lang.lines("figure_breakdown_words.txt")), re.I),
    )


def _lower_set(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lang.lines(name))
