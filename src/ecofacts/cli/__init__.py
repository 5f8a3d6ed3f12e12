"""The command line: parses options, calls one core function, hands the result to a renderer.

Only this package imports typer. One concern per module, imports running one way (each module imports only
those above it in this list):

- `terminal`: the standard streams: width, colour, pager, writing data, notices and errors (no typer);
- `registry`: the Typer the commands are registered on, the help panels and the commands' order;
- `completion`, `options`: shell completion; the global options' `state` and the options commands share;
- `output`: the chosen format and fields, and writing a listing or a document;
- `lookups`, `comparison`, `publishing`, `maintenance`: the commands, one module per help panel (the lookups'
  `search` and `ask` in `questions`);
- `app`: the program and its boundary: arguments checked once, every error one line and an exit code.

A new command goes into the module of its panel; `registry.COMMAND_ORDER` places it in `--help`.
"""

from ecofacts.cli.app import app, main
from ecofacts.cli.options import state
from ecofacts.cli.registry import commands

__all__ = ["app", "commands", "main", "state"]
