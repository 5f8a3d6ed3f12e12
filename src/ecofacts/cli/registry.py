"""Where commands are registered: the Typer that every panel module adds its commands to, the help panels, and
the order in which `--help` lists the commands. `app.py` builds each command from here when it is first asked
for."""

from collections.abc import Sequence

import typer

# The subcommands, registered by the panel modules and built one at a time by `app._Group`.
commands = typer.Typer()

LOOKUPS = "Lookups"
COMPARISON = "Comparison"
PUBLISHING = "Citing, verifying and publishing"
MAINTENANCE = "Knowledge-file maintenance"

COMMAND_ORDER = ("regions", "cities", "clusters", "initiatives", "actors", "people", "stats", "claims", "relations",
                 "chain", "show", "search", "ask", "sources", "compare", "series", "cite", "verify", "export", "check",
                 "fmt", "add")


def help_text(summary: str, examples: Sequence[str]) -> str:
    """A command's help: its summary, then its examples, one command a paragraph."""
    return summary + "\n\nExamples:\n\n" + "\n\n".join(f"  {example}" for example in examples)
