"""The ``kabar`` command. Each subcommand lives in ``kabar.commands`` and is thin:
it calls the same library functions a Python user calls."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="kabar",
    help="Kabar: offline news intelligence for Indonesian news (kabar/1 records).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



@app.callback()
def _root() -> None:
    """Kabar: offline news intelligence for Indonesian news (kabar/1 records)."""


from .commands import extract  # noqa: E402  (commands register themselves on ``app``)

extract.register(app)
for _name in ("tag", "store", "events"):
    try:
        _module = __import__(f"kabar.commands.{_name}", fromlist=["register"])
    except ModuleNotFoundError as _exc:  # a command whose module has not landed yet
        if _exc.name != f"kabar.commands.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    app()
