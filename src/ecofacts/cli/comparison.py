"""The comparison panel: `compare`, regions side by side."""

from typing import Annotated

import typer

from ecofacts.cli import output
from ecofacts.cli.completion import completer, value_completer
from ecofacts.cli.options import BomOpt, FormatOpt, JsonOpt, state
from ecofacts.cli.registry import COMPARISON, commands


@commands.command(rich_help_panel=COMPARISON)
def compare(
    names: Annotated[list[str], typer.Argument(help="Two or more regions.", metavar="REGION...",
                                               autocompletion=completer("regions"))],
    year: Annotated[int | None, typer.Option("--year", "-y", min=1800, max=2200,
                                             help="Line up the figures of this year (default: the latest "
                                                  "year the regions share, metric by metric).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Only rows where every region has a figure of the same year and publisher.")] = False,
    per_capita: Annotated[bool, typer.Option(
        "--per-capita", help="Divide each count or amount by its region's recorded population.")] = False,
    metric: Annotated[str | None, typer.Option("--metric", "-m", help="Only this metric (its id).",
                                               autocompletion=value_completer("metric", "stats"))] = None,
    fmt: FormatOpt = None, json_: JsonOpt = False,
    bars: Annotated[bool, typer.Option("--bars/--no-bars", help="Proportional bars (terminal only).")] = True,
    bom: BomOpt = False,
) -> None:
    """Put regions side by side, metric by metric, each figure footnoted to its source.

    Each metric lines up one year: the latest every region with a figure has (or --year); a cell of another
    year shows it. Notes say where publishers, years, definitions, statuses or qualifiers differ, where pages
    disagree and where one region lies inside another. Rows counted from the knowledge base itself
    (organisations, clusters, cities recorded) come last and are labelled so.

    Examples:

      ecofacts compare wallonia flanders brussels

      ecofacts compare wallonia flanders brussels --year 2021 --strict

      ecofacts compare wallonia flanders brussels --per-capita

      ecofacts compare belgium wallonia --json
    """
    from ecofacts.comparison import compare as find
    from ecofacts.comparison import comparison_dict

    chosen = output.chosen(fmt, json_)
    k = state.knowledge
    comp = find(k, names, year=year, strict=strict, per_capita=per_capita, metric=metric)
    output.write("comparison", chosen, comparison_dict(k, comp), state.terminal().target(bars=bars, bom=bom))
