"""Kabar: an offline news-intelligence engine for Indonesian news.

    >>> import kabar
    >>> doc = kabar.analyze(text, published="2023-11-17")
    >>> doc.to_dict()   # the kabar/1 record
"""
from .document import SCHEMA, Document, check_spans
from .pipeline import StageError, analyze

__all__ = ["analyze", "Document", "SCHEMA", "StageError", "check_spans"]
__version__ = "0.1.0"
