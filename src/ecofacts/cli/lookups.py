"""The lookups panel: listings of every kind, `stats`, `claims`, `chain`, `show` and `sources` (`search` and `ask`:
`questions.py`).

A kind that declares a listing (`summary`, `filters`) gets its command from `register_listings`, made from its
declaration; the others are written out here.

No `from __future__ import annotations` in the cli package: typer reads the signature of the command that runs
four times per run, and would `eval` each string annotation every time (several ms of a start-up).
"""

import inspect
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from ecofacts import kinds, query
from ecofacts.cli import options, output
from ecofacts.cli.completion import completer, value_completer
from ecofacts.cli.options import (
    BomOpt,
    DocumentFormatOpt,
    FieldsOpt,
    FormatOpt,
    JsonOpt,
    PublishedBeforeOpt,
    RegionOpt,
    SubjectArg,
    state,
)
from ecofacts.cli.registry import LOOKUPS, commands, help_text
from ecofacts.kinds.base import Hit, Kind
from ecofacts.render import Format, TableOrJson


def _listing(kind: Kind) -> None:
    """Registers the listing command of a kind from its declaration: `ecofacts <table>` with the options of its
    `filters` (`--region`, `--kind`) and the shared output options."""
    KW = inspect.Parameter.KEYWORD_ONLY
    options = {
        "region": RegionOpt,
        "kind": Annotated[str | None, typer.Option(
            "--kind", "-k", help=f"Only {kind.plural} of this kind.",
            autocompletion=value_completer("kind", kind.table))],
    }
    parameters = [inspect.Parameter(name, KW, default=None, annotation=options[name]) for name in kind.filters]
    parameters += [inspect.Parameter("fmt", KW, default=None, annotation=FormatOpt),
                   inspect.Parameter("json_", KW, default=False, annotation=JsonOpt),
                   inspect.Parameter("fields", KW, default=None, annotation=FieldsOpt),
                   inspect.Parameter("bom", KW, default=False, annotation=BomOpt)]

    def command(**values: Any) -> None:
        filters = {name: values[name] for name in kind.filters}
        hits = query.find_records(state.knowledge, kind.table, **filters)
        empty = f"no {kind.plural} match" if any(v is not None for v in filters.values()) else None
        output.records(kind, hits, values["fmt"], values["json_"], values["fields"], values["bom"], empty)

    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__name__ = kind.table
    command.__doc__ = help_text(kind.summary, kind.examples)
    commands.command(name=kind.table, rich_help_panel=LOOKUPS)(command)


def register_listings() -> None:
    """A listing command for every kind that declares one (`summary`) and has none yet."""
    registered = {info.name for info in commands.registered_commands}
    for kind in kinds.KINDS:
        if kind.summary and kind.table not in registered:
            _listing(kind)


@commands.command(rich_help_panel=LOOKUPS)
def cities(region: RegionOpt = None, fmt: FormatOpt = None, json_: JsonOpt = False,
           fields: FieldsOpt = None, bom: BomOpt = False) -> None:
    """List cities with how many organisations of each kind are recorded there.

    Sections of a municipality (Gosselies in Charleroi) count for it.

    Examples:

      ecofacts cities

      ecofacts cities --region flanders --format csv
    """
    output.records(kinds.BY_TABLE["cities"], query.find_cities(state.knowledge, region), fmt, json_, fields, bom,
          "no cities match" if region is not None else None)


@commands.command(rich_help_panel=LOOKUPS)
def actors(
    city: Annotated[str | None, typer.Option("--city", "-c", help="In this city (or a section of it).",
                                             autocompletion=completer("cities"))] = None,
    region: RegionOpt = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="company, university, hospital, ...",
                                             autocompletion=value_completer("kind", "actors"))] = None,
    sector: Annotated[str | None, typer.Option("--sector", "-s", help="e.g. 'nuclear medicine'.",
                                               autocompletion=value_completer("sectors", "actors"))] = None,
    source: Annotated[str | None, typer.Option("--source", help="Supported by this source id.",
                                               autocompletion=value_completer("id", "sources"))] = None,
    role: Annotated[str | None, typer.Option(
        "--role", metavar="ROLE", help="What it does: cdmo, drug-developer, radiopharma-producer, ...; English, "
        "French, Dutch or German words too (sous-traitant, Lohnhersteller).",
        autocompletion=value_completer("roles", "actors"))] = None,
    nearby: Annotated[bool, typer.Option("--nearby/--no-nearby",
                                         help="With --city: include neighbouring municipalities.")] = True,
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """List organisations; every filter narrows the list, none lists all.

    Names ignore case and accents: Liège, liege, LIÈGE, Luik and Lüttich are one city.

    Examples:

      ecofacts actors --city Liège

      ecofacts actors --sector "nuclear medicine" --region wallonia

      ecofacts actors --kind hospital --json | jq -r '.[].name'

      ecofacts actors --role cdmo
    """
    k = state.knowledge
    hits = query.find_actors(k, city=city, region=region, kind=kind, sector=sector, source=source,
                             nearby=nearby, role=role)
    actor = kinds.BY_TABLE["actors"]
    empty = "no organisations match"
    if city is not None:
        place = query.resolve(k, city, ("cities",))
        empty = f"no organisation recorded in {place.name}"
        if place.hub:
            empty += f"; the sources describe it as a hub for {place.hub}"
    columns = [*actor.columns, *(["match"] if city is not None else [])]
    output.records(actor, hits, fmt, json_, fields, bom, empty, columns)


@commands.command(rich_help_panel=LOOKUPS)
def stats(
    subject: SubjectArg = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="e.g. 'nuclear medicine', 'R&D'.",
                                              autocompletion=value_completer("topic", "stats"))] = None,
    year: Annotated[int | None, options.year_option("Figures for this year (or a period containing it).")] = None,
    status: Annotated[str | None, typer.Option("--status", help="measured, forecast or target.",
                                               autocompletion=value_completer("status", "stats"))] = None,
    include_members: Annotated[bool, typer.Option(
        "--include-members", "-m",
        help="Add the figures of organisations and initiatives located in the region or city.")] = False,
    by_topic: Annotated[bool, typer.Option("--by-topic", help="Group the table by topic.")] = False,
    trust: options.TrustOpt = None,
    metric: Annotated[str | None, typer.Option("--metric", help="Only this metric (its id, or in words).",
                                               autocompletion=value_completer("metric", "stats"))] = None,
    latest: Annotated[bool, typer.Option(
        "--latest", help="Per subject and metric, only the latest measured figure (see 'series').")] = False,
    sort: Annotated[str | None, typer.Option(
        "--sort", metavar="year", help="year: oldest first, a period by its end, undated last.")] = None,
    published_before: PublishedBeforeOpt = None,
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """List statistics, each with its source and trust level; no SUBJECT lists all.

    With --latest, per subject and metric, the preferred measured figure of the most recent year that has one
    (undated figures, forecasts and targets never count; the preference rule is in 'series --help').

    Examples:

      ecofacts stats wallonia

      ecofacts stats --topic "nuclear medicine" --status measured

      ecofacts stats belgium --by-topic

      ecofacts stats wallonia --trust corroborated,single

      ecofacts stats flanders --latest --metric rd_intensity_gdp_percent

      ecofacts stats belgium --sort year --published-before 2020

      ecofacts stats wallonia --json | jq -c '.[] | {label: .label, value}'
    """
    if sort is not None:
        query.choice(sort, ("year",), "sort key")
    k = state.knowledge
    hits = query.find_stats(k, subject, topic=topic, year=year, status=status, include_members=include_members)
    empty = "no statistics match"
    if subject is not None:
        rec = query.resolve(k, subject)
        _name_notice(subject, rec)
        region = k.by_id.get(getattr(rec, "region", None) or "") if k.table_of[rec.id] == "cities" else None
        if not hits and region is not None and k.stats.count(subject=[region.id]):
            empty = (f"no statistics of the city {rec.name}; its region {region.name} has "
                     f"{k.stats.count(subject=[region.id])} (ecofacts stats {region.id})")
    if trust is not None:
        from ecofacts.trust import level, parse_levels

        levels = parse_levels(trust)
        hits = [h for h in hits if level(k, h.record) in levels]
    hits = _in_time(hits, metric, latest, sort is not None, published_before)
    stat = kinds.BY_TABLE["stats"]
    columns = stat.columns[:2] + (["member_name"] if include_members else []) + stat.columns[2:]
    if by_topic:
        hits.sort(key=lambda h: h.record.topic)
    output.records(stat, hits, fmt, json_, fields, bom, empty, columns,
          [h.record.topic for h in hits] if by_topic else None)


def _in_time(hits: list[Hit], metric: str | None, latest: bool, by_year: bool,
             published_before: str | None) -> list[Hit]:
    """`stats`' time options, on what the other filters found: one metric, what was published before a date
    (the others counted on stderr), the latest per subject and metric, oldest first."""
    if metric is None and not latest and not by_year and published_before is None:
        return hits
    from ecofacts import published, series

    k = state.knowledge
    if metric is not None:
        metric = series.metric_choice(metric, k.stats.distinct("metric"))
        hits = [h for h in hits if h.record.metric == metric]
    if published_before is not None:
        kept, withheld = published.published_by(k, [h.record for h in hits], published_before)
        if withheld:
            output.notice(f"--published-before {published_before}: {len(withheld)} statistic"
                          f"{'s' if len(withheld) != 1 else ''} left out, their source undated or not known to "
                          "be published by then: " + ", ".join(s.id for s in withheld[:10])
                          + (f" and {len(withheld) - 10} more" if len(withheld) > 10 else ""))
        keep = {id(s) for s in kept}
        hits = [h for h in hits if id(h.record) in keep]
    if latest:
        chosen = {id(s) for s in series.latest(k, [h.record for h in hits])}
        hits = [h for h in hits if id(h.record) in chosen]
    if by_year:
        order = {id(s): i for i, s in enumerate(series.by_year([h.record for h in hits]))}
        hits.sort(key=lambda h: order[id(h.record)])
    return hits


def _name_notice(name: str, rec: Any) -> None:
    """A notice when `name` names other records than the one shown (`Bruxelles`: the city and the region)."""
    k = state.knowledge
    others = query.also_named(k, name, rec)
    if others:
        output.notice(f"note: '{name}' also names " + "; ".join(
            f"{o.name} (the {kinds.word(k.table_of[o.id])} {o.id})" for o in others)
            + f"; showing the {kinds.of(rec).word} {rec.id}")


@commands.command(rich_help_panel=LOOKUPS)
def claims(
    subject: SubjectArg = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="e.g. 'clinical trials', 'R&D'.",
                                              autocompletion=value_completer("topic", "claims"))] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="ranking, qualitative, comparison, call, plan.",
                                             autocompletion=value_completer("kind", "claims"))] = None,
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """List what the documents state in words: rankings, comparisons, qualities, calls and plans.

    Each claim is in our words, with the document's verbatim quote (see 'ecofacts show ID').

    Examples:

      ecofacts claims belgium --topic "clinical trials"

      ecofacts claims --kind ranking

      ecofacts claims wallonia --json | jq -r '.[].quote'
    """
    hits = query.find_claims(state.knowledge, subject, topic=topic, kind=kind)
    output.records(kinds.BY_TABLE["claims"], hits, fmt, json_, fields, bom,
          "no claims match" if (subject or topic or kind) else None)


@commands.command(rich_help_panel=LOOKUPS)
def chain(
    name: Annotated[str | None, typer.Argument(metavar="[ISOTOPE|ACTOR]",
                                               help="A product or isotope (Mo-99, Lu-177), an organisation or a city.",
                                               autocompletion=value_completer("product", "chain"))] = None,
    stage: Annotated[str | None, typer.Option("--stage", help="raw material, irradiation, isotope production, ...",
                                              autocompletion=value_completer("stage", "chain"))] = None,
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """Draw the nuclear-medicine value chain, stage by stage from raw material to the patient.

    Each link says who makes what, where, from what and for what, with its source: a document's quote, or a
    page's figure reported in our words.

    Examples:

      ecofacts chain

      ecofacts chain Mo-99

      ecofacts chain IRE --json
    """
    hits = query.find_chain(state.knowledge, name, stage)
    output.records(kinds.BY_TABLE["chain"], hits, fmt, json_, fields, bom,
                   "no chain links match" if name or stage else None)


CONTEXT_LINES = 3  # the lines either side of a quote that `show --context` shows without --lines


def _show(name: str, tables: Sequence[str], fmt: TableOrJson | Format | None, json_: bool) -> None:
    from ecofacts.show import show as compose

    chosen = output.document_format(fmt, json_, "one record")
    k = state.knowledge
    rec = query.resolve(k, name, tables)
    _name_notice(name, rec)
    output.write("record", chosen, compose(k, rec))


@commands.command(rich_help_panel=LOOKUPS)
def show(
    name: Annotated[str, typer.Argument(help="Name, alias or id of any record.",
                                        autocompletion=completer(*kinds.NAMED, "sources", stat_ids=True))],
    context: Annotated[bool, typer.Option(
        "--context", help="For a quoted record (statistic, claim, relation, chain link; a person's statements): "
        "the lines of its document around the quote, and the footnote lines its markers point to.")] = False,
    lines: Annotated[int | None, typer.Option(
        "--lines", "-n", min=0, max=1000, metavar="N",
        help=f"With --context: N lines either side of the quote (default {CONTEXT_LINES}).")] = None,
    fmt: DocumentFormatOpt = None, json_: JsonOpt = False,
) -> None:
    """Show one record in full, with related records and sources.

    Works for a region, city, cluster, organisation, initiative, statistic id or source id. With --context,
    for any quoted record: a statistic, claim, relation or chain link by id, a person's statements by name.

    Examples:

      ecofacts show Trasis

      ecofacts show wallonia-nuclear-medicine-jobs --json

      ecofacts show wallonia-nuclear-medicine-jobs --context

      ecofacts show belgium-isotope-share-routine --context --lines 8
    """
    if lines is not None and not context:  # None, not the default, tells `--lines 3` from no --lines at all
        raise typer.BadParameter("--lines goes with --context", param_hint="--lines")
    if context:
        _context(name, fmt, json_, CONTEXT_LINES if lines is None else lines)
        return
    _show(name, [*kinds.NAMED, *(t for t in kinds.TABLES if t not in kinds.NAMED)], fmt, json_)


@commands.command(rich_help_panel=LOOKUPS)
def sources(
    source_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="One source in full (table or json).",
                                                    autocompletion=value_completer("id", "sources"))] = None,
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """List the sources and what each supports; with ID, one source in full.

    Examples:

      ecofacts sources

      ecofacts sources biowin-nuclear-medicine-wallonia --json
    """
    if source_id is not None:
        _show(source_id, ["sources"], fmt, json_)
        return
    hits = [Hit(s) for s in state.knowledge.whole["sources"]]
    output.records(kinds.BY_TABLE["sources"], hits, fmt, json_, fields, bom)


def _context(name: str, fmt: TableOrJson | Format | None, json_: bool, around: int = CONTEXT_LINES) -> None:
    """`show ID --context`: the lines of the source text around a quoted record's quote (table or json)."""
    from ecofacts.passage import context, quoted_record

    chosen = output.document_format(fmt, json_, "a passage")
    k = state.knowledge
    output.write("passage", chosen, context(k, quoted_record(k, name), around))
