"""The web app and JSON API over a store: ``create_app(store, token=...)``."""
from .app import create_app

__all__ = ["create_app"]
