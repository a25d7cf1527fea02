"""CLI subcommands; each module has ``register(app)``."""
