"""A quote found in the text, before its speaker is resolved."""
from __future__ import annotations

from dataclasses import dataclass, field

from .speakers import Speaker


@dataclass
class Found:
    span: tuple[int, int]            # the quote's own text
    direct: bool
    kind: str = "statement"
    cue: str | None = None
    speaker: Speaker = field(default_factory=lambda: Speaker("none"))
    via: tuple[int, int] | None = None   # the medium's words
    region: tuple[int, int] | None = None  # quote plus attribution, for figures and overlap
    salient: bool = True             # False: a speaker named in passing ("sebab kata Prabowo ...")
    points_back: bool = False        # "Hal itu disampaikan X": X spoke the unattributed quotes before
    bahwa: bool = False              # a reported clause opened by "bahwa"
    emit: bool = True                # False: a claim that sources figures but is no quote
