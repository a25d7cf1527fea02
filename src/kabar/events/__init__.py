"""Event extraction: PLOVER triggers (``lexicon``), roles from word order (``roles``),
negation/claimant/time (``context``), the per-document driver (``extract``)."""
