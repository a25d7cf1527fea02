"""Readers: turn files, directories and streams into input objects.

An input object is the kabar input shape (``{"text": ...}`` or
``{"html": ...}`` plus metadata). Readers never raise for a bad article: they
yield an ``Item`` carrying the error, so a batch reports it and goes on.
"""
from .readers import INPUT_HELP, READERS, Item, InputError, read_inputs, register_reader, to_document

__all__ = ["INPUT_HELP", "READERS", "Item", "InputError", "read_inputs", "register_reader", "to_document"]
from . import feeds  # noqa: E402,F401  registers the .rss, .atom and .xml reader
from . import warc  # noqa: E402,F401  registers the .warc and .warc.gz reader
