"""The comparison panel: `compare`, regions side by side, and `series`, a subject's figures year by year."""

from typing import Annotated, Any

import typer

from ecofacts.cli import output
from ecofacts.cli.completion import completer, value_completer
from ecofacts.cli.options import BomOpt, FormatOpt, JsonOpt, PublishedBeforeOpt, TrustOpt, state, year_option
from ecofacts.cli.registry import COMPARISON, commands
from ecofacts.render import IMAGES, Format

_CHARTS = (Format.vega_lite, *IMAGES)
_CHART_LINES = 20  # more metrics than this make a chart too long to read or print: say so


def _with_version(doc: dict[str, Any], fmt: Format) -> dict[str, Any]:
    """A chart names the knowledge it was drawn from (ecofacts' version, the knowledge file's hash)."""
    if fmt not in _CHARTS:
        return doc
    from ecofacts.cite import version_of
    from ecofacts.loader import read_bytes

    version = version_of(read_bytes(state.path))
    return {**doc, "knowledge": {"ecofacts": version.ecofacts, "knowledge": version.knowledge}}


def _withheld_notice(doc: dict[str, Any]) -> None:
    withheld = doc.get("withheld")
    if withheld:
        ids = ", ".join(w["stat"] for w in withheld[:10]) + (f" and {len(withheld) - 10} more"
                                                              if len(withheld) > 10 else "")
        output.notice(f"--published-before {doc['published_before']}: {len(withheld)} figure"
                      f"{'s' if len(withheld) != 1 else ''} left out, their source undated or not known to be "
                      f"published by then: {ids}")


@commands.command(rich_help_panel=COMPARISON)
def compare(
    names: Annotated[list[str], typer.Argument(help="Two or more regions.", metavar="REGION...",
                                               autocompletion=completer("regions"))],
    year: Annotated[int | None, year_option("Line up the figures of this year (default: the latest year the "
                                            "regions share, metric by metric).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Only rows where every region has a figure of the same year and publisher.")] = False,
    per_capita: Annotated[bool, typer.Option(
        "--per-capita", help="Divide each count or amount by its region's recorded population.")] = False,
    metric: Annotated[str | None, typer.Option("--metric", "-m", help="Only this metric (its id, or in words).",
                                               autocompletion=value_completer("metric", "stats"))] = None,
    trust: TrustOpt = None,
    latest: Annotated[bool, typer.Option(
        "--latest", help="Each region's own latest measured figure, its year in its cell.")] = False,
    max_year_gap: Annotated[int | None, typer.Option(
        "--max-year-gap", min=0, metavar="N",
        help="Leave out cells more than N years older than the newest of their row, saying so.")] = None,
    published_before: PublishedBeforeOpt = None,
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

      ecofacts compare wallonia flanders --trust corroborated,single

      ecofacts compare belgium wallonia --json

      ecofacts compare wallonia flanders brussels --latest --max-year-gap 1

      ecofacts compare wallonia flanders -m "R&D intensity GDP" --format vega-lite
    """
    from ecofacts.comparison import compare as find
    from ecofacts.comparison import comparison_dict
    from ecofacts.trust import parse_levels

    chosen = output.chosen(fmt, json_)
    k = state.knowledge
    output.offered(chosen, "comparison", "compare")
    levels = parse_levels(trust) if trust is not None else None
    comp = find(k, names, year=year, strict=strict, per_capita=per_capita, metric=metric, trust=levels,
                latest=latest, max_year_gap=max_year_gap, published_before=published_before)
    if not comp.lines:  # say why nothing lines up, on stderr
        asked = [f"--year {year}" if year is not None else "", "--strict" if strict else "",
                 f"--metric {metric}" if metric else "", "--per-capita" if per_capita else "",
                 f"--trust {trust}" if trust else "", "--latest" if latest else "",
                 f"--max-year-gap {max_year_gap}" if max_year_gap is not None else "",
                 f"--published-before {published_before}" if published_before else ""]
        why = ("no metric has, for every region, a figure of one year from one publisher" if strict else
               "no statistic of these regions" + (f" for {year}" if year is not None else "")
               + (f" of metric {metric}" if metric else ""))
        given = ", ".join(a for a in asked if a)
        output.notice(f"no row to compare: {why}" + (f" ({given})" if given else ""))
    doc = comparison_dict(k, comp)
    output.write("comparison", chosen, _with_version(doc, chosen), state.terminal().target(bars=bars, bom=bom))
    _withheld_notice(doc)
    if chosen in _CHARTS and len(comp.lines) > _CHART_LINES:  # a chart of every metric is pages long
        output.notice(f"the chart draws {len(comp.lines)} metrics, one below the other; --metric draws one")


@commands.command(rich_help_panel=COMPARISON)
def series(
    names: Annotated[list[str], typer.Argument(help="One or more subjects: regions, organisations, ...",
                                               metavar="SUBJECT...", autocompletion=completer())],
    metric: Annotated[str | None, typer.Option("--metric", "-m", help="This metric (its id, or in words).",
                                               autocompletion=value_completer("metric", "stats"))] = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Every metric of this topic.",
                                              autocompletion=value_completer("topic", "stats"))] = None,
    change: Annotated[str | None, typer.Option(
        "--change", metavar="A..B",
        help="The change from year A to year B: absolute and compound annual rate, only between comparable "
             "figures (else why not).")] = None,
    published_before: PublishedBeforeOpt = None,
    fmt: FormatOpt = None, json_: JsonOpt = False, bom: BomOpt = False,
) -> None:
    """A subject's figures year by year, one preferred per year, each with its source.

    Every figure of a year is shown; the preferred one makes the line: a measured figure before a forecast or
    target, then the definition (label and unit) of the neighbouring years, then an office of official
    statistics (Statbel, Statistiek Vlaanderen, IWEPS, IBSA, Eurostat, the National Bank, the Institute for
    National Accounts, the OECD), then the newer source. A year without a measured figure is a gap, never
    filled in; forecasts and targets stay off the line; a change of publisher, definition or unit is marked as
    a break (a step there need not be a real change). Without --metric or --topic: every metric with figures of
    two years or more. JSON, CSV, TSV, Markdown: one row per figure.

    Examples:

      ecofacts series belgium --metric rd_intensity_gdp_percent

      ecofacts series wallonia flanders -m "R&D intensity GDP" --change 2016..2021

      ecofacts series belgium -m "R&D intensity GDP" --json | jq -c '.[].year'

      ecofacts series flanders -m "R&D intensity GDP" --format svg > rd.svg
    """
    from ecofacts.series import find_series, parse_change, series_dict

    chosen = output.chosen(fmt, json_)
    changes = parse_change(change) if change is not None else None
    output.offered(chosen, "changes" if changes is not None else "series",
                   "series --change" if changes is not None else "series")
    k = state.knowledge
    found = find_series(k, names, metric=metric, topic=topic, published_before=published_before)
    doc = series_dict(k, found, changes=changes, published_before=published_before)
    if not found.series:
        output.notice("no figures match")
    target = state.terminal().target(bom=bom)
    if changes is not None:
        output.write("changes", chosen, [s["change"] for s in doc["series"]], target)
    else:
        output.write("series", chosen, _with_version(doc, chosen), target)
    if chosen is not Format.table:
        _withheld_notice(doc)
        if doc["left_out"]:
            output.notice("metrics with figures of one year only, not shown (give --metric): "
                          + ", ".join(doc["left_out"]))
