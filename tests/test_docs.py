"""Docs checked against the code: every command is in the README, every record field in docs/kabar1.md."""
from pathlib import Path

import pytest

from kabar.cli import app
from kabar.document import RECORD_FIELDS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", [c.name for c in app.registered_commands])
def test_docs_readme_mentions_every_command(command):
    assert f"kabar {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", RECORD_FIELDS)
def test_docs_every_record_field_documented(field):
    assert f"`{field}`" in (ROOT / "docs" / "kabar1.md").read_text(encoding="utf-8")
