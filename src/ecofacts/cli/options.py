"""What the global options chose (`state`), and the options and arguments that several commands share, each
defined once."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ecofacts.cli.completion import completer
from ecofacts.cli.terminal import Terminal
from ecofacts.knowledge import Knowledge
from ecofacts.render import Format, TableOrJson


class State:
    """What the global options chose; the knowledge file is loaded on first use."""

    def __init__(self) -> None:
        self.data: str | None = None
        self.color: bool | None = None
        self.pager = True
        self.cache = True
        self._knowledge: Knowledge | None = None

    @property
    def path(self) -> Path:
        from ecofacts.loader import resolve_path

        return resolve_path(self.data)

    @property
    def writable_path(self) -> Path:
        """The file `add` and `fmt` rewrite: never the one inside an installed package."""
        from ecofacts.loader import writable_path

        return writable_path(self.data)

    @property
    def knowledge(self) -> Knowledge:
        if self._knowledge is None:
            from ecofacts.loader import load

            self._knowledge = load(self.path, use_cache=self.cache)
        return self._knowledge

    def terminal(self) -> Terminal:
        """The standard streams of this moment, with what `--no-color` and `--no-pager` chose."""
        return Terminal.current(color=self.color, pager=self.pager)


state = State()

# The formats are listed in the help rather than as the option's metavar, which rich would cut mid-word at 80
# columns ("<table|json|jsonl|csv|t" / "sv|markdown>").
FormatOpt = Annotated[
    Format | None,
    typer.Option("--format", "-f", case_sensitive=False, metavar="FORMAT",
                 help="table (the default: fitted to the terminal, one record a line in a pipe), json, jsonl, csv, "
                      "tsv or markdown; all but table and markdown carry every field. series and compare also draw "
                      "charts: vega-lite, svg or png.",
                 autocompletion=lambda: [f.value for f in Format]),
]
# `show` and `check` print one document: a table (or text) for people, JSON for scripts, nothing else.
DocumentFormatOpt = Annotated[
    TableOrJson | None,
    typer.Option("--format", "-f", case_sensitive=False, metavar="FORMAT", help="table (the default) or json.",
                 autocompletion=lambda: [f.value for f in TableOrJson]),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
FieldsOpt = Annotated[
    str | None,
    typer.Option("--fields", metavar="A,B,...", help="Only these keys/columns (an unknown one lists them all)."),
]
BomOpt = Annotated[bool, typer.Option("--bom", help="CSV/TSV: start with a UTF-8 byte-order mark (for Excel).")]

SubjectArg = Annotated[str | None, typer.Argument(help="Region, city, organisation, initiative or person.",
                                                  autocompletion=completer())]
RegionOpt = Annotated[str | None, typer.Option("--region", "-r", help="Only those in this region (or inside it).",
                                               autocompletion=completer("regions"))]
TrustOpt = Annotated[str | None, typer.Option(
    "--trust", metavar="LEVEL,...", help="Only figures at these trust levels: corroborated, single, disputed, "
    "unverified (see docs/trust.md).", autocompletion=lambda: ["corroborated", "single", "disputed", "unverified"])]


def _calendar_date(value: str | None) -> str | None:
    """`--published-before`, checked while the command line is read (exit 2), even where no figure is weighed
    (`published.cutoff`: a day of the calendar, as YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is not None:
        from ecofacts.published import cutoff

        cutoff(value)
    return value


PublishedBeforeOpt = Annotated[str | None, typer.Option(
    "--published-before", metavar="DATE", callback=_calendar_date,
    help="Only figures whose source was published before DATE (YYYY, YYYY-MM or YYYY-MM-DD); those of undated "
         "sources are left out and counted.")]

# The years `--year` takes: wider than a statistic's (schema.FIRST_YEAR to ten years ahead), for a year asked of
# the knowledge is no typo just because nothing answers it; a typo's 20244 or 20x is refused.
FIRST_YEAR, LAST_YEAR = 1800, 2200


def _year(text: str) -> int:
    """A year as `--year` takes it, refused while the command line is read (exit 2) with what a year is."""
    if not (text.isascii() and text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise typer.BadParameter(f"'{text}' is not a year ({FIRST_YEAR}-{LAST_YEAR})")
    return int(text)


def year_option(text: str) -> Any:
    """`--year`/`-y`, its help `text` saying what the command does with the year."""
    return typer.Option("--year", "-y", metavar="YEAR", parser=_year, help=text)
