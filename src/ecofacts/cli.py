"""The command line: parses options, calls one core function, hands the result to a renderer.

This is the only module that imports typer. Errors from the core arrive as `EcofactsError` and are turned into
`error: ...` on stderr and the contract's exit code in one place, `main()`.

No `from __future__ import annotations` here: typer reads the signature of the command that runs four times
per run, and would `eval` each string annotation every time (several ms of a start-up).
"""

import os
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any

import typer

from ecofacts import __version__, query, rows
from ecofacts.errors import EcofactsError, OutputError, UsageError
from ecofacts.model import Actor, City, Cluster, Knowledge, Region, Source, Stat
from ecofacts.render import Format, render_rows
from ecofacts.safe_text import decode_argument, silence, visible


class _Group(typer.core.TyperGroup):
    """Runs every invocation (the entry point's and CliRunner's alike) and turns every error into one line
    `error: ...` on stderr and the contract's exit code, in this one place. Its subcommands are `commands`'s,
    built when first asked for."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _LazyCommands(commands)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False  # click hands us its errors, and returns the code of a typer.Exit
        try:
            code = super().main(*args, **kwargs)
        except EcofactsError as exc:
            _fail(exc.message, exc.details)
            code = exc.exit_code
        except (KeyboardInterrupt, typer.Abort):
            code = 130  # said by _exit, as is click's Exit(130) for a Ctrl-C inside a command
        except typer.TyperException as exc:  # click's usage errors: unknown option, bad value, missing argument
            ctx = getattr(exc, "ctx", None)
            hint = f" (try '{ctx.command_path} --help')" if ctx is not None else ""
            _fail(exc.format_message() + hint, [])
            code = getattr(exc, "exit_code", 2)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except SystemExit as exc:  # click's own answer to a broken pipe (`--help | head -c1`) is exit 1
            if isinstance(exc.__context__, BrokenPipeError):
                _quiet_broken_pipe()
            raise
        except OSError as exc:  # writing help or a usage message to a closed or full stream
            _fail(f"cannot write output: {exc.strerror or exc}", [])
            code = OutputError.exit_code
        _exit(code if isinstance(code, int) else 0)


class _LazyCommands(MutableMapping[str, Any]):
    """The click command of each command registered on a Typer, built by Typer when first looked up.

    Building one reads its function's signature; building all twelve on every run, as Typer does, would cost
    about 2.5 ms of a lookup that runs one. `--help` and completion list them all, and so build them all.
    """

    def __init__(self, registry: typer.Typer) -> None:
        self._infos = {info.name or typer.main.get_command_name(info.callback.__name__): info
                       for info in registry.registered_commands if info.callback is not None}
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            self._built[name] = typer.main.get_command_from_info(
                self._infos[name], pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:  # click's Group.add_command
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if self._infos.pop(name, None) is None and name not in self._built:
            raise KeyError(name)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._infos, *self._built]))

    def __len__(self) -> int:
        return len(set(self._infos) | set(self._built))


LOOKUPS = "Lookups"
COMPARISON = "Comparison"
MAINTENANCE = "Knowledge-file maintenance"

app = typer.Typer(
    name="ecofacts",
    cls=_Group,
    help="Sourced facts about the Belgian biotech, biopharma and nuclear-medicine ecosystem.\n\n"
    "Every statistic carries its source and a verbatim quote. Tables for people, --json for scripts.",
    epilog="Exit codes: 0 ok, 1 not found or check failed, 2 usage error, 3 bad knowledge file, 130 interrupted."
    " Read more: README.md (Use in scripts, knowledge-file format).",
    invoke_without_command=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# The subcommands, registered here and built one at a time by `_Group` (`app` itself has only the callback).
commands = typer.Typer()


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
    def knowledge(self) -> Knowledge:
        if self._knowledge is None:
            from ecofacts.loader import load

            self._knowledge = load(self.path, use_cache=self.cache)
        return self._knowledge


state = State()


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ecofacts {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option("--data", envvar="ECOFACTS_DATA", metavar="PATH",
                     help="Knowledge file to read instead of the shipped one."),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour or box drawing in tables.")] = False,
    no_pager: Annotated[bool, typer.Option(
        "--no-pager", help="Never page long tables through $PAGER (only done on a terminal).")] = False,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Parse the knowledge file, neither reading nor writing the parse cache in "
        "~/.cache/ecofacts (also env ECOFACTS_NO_CACHE=1).")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    state.data = data
    state.color = False if no_color else None
    state.pager = not no_pager
    state.cache = not no_cache
    if ctx.invoked_subcommand is None:
        sys.stdout.write(ctx.get_help() + "\n")


# --- output options, defined once and shared by every listing command -------------------------------------

FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", metavar="FORMAT", case_sensitive=False, show_default=True,
                 help="table, json, jsonl, csv, tsv or markdown.",
                 autocompletion=lambda: [f.value for f in Format]),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
FieldsOpt = Annotated[
    str | None,
    typer.Option("--fields", metavar="A,B,...", help="Only these keys/columns (an unknown one lists them all)."),
]


def _stdout_holds_unicode() -> bool:
    try:
        "Liège—█".encode(getattr(sys.stdout, "encoding", None) or "utf-8")  # a StringIO holds any text
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def _use_color() -> bool:
    if state.color is False or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _width() -> int | None:
    if sys.stdout.isatty():
        return os.get_terminal_size(sys.stdout.fileno()).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 20 else None


def _page(text: str) -> bool:
    """Send a long table through $PAGER (default `less -FRX`) when stdout is a terminal; True if it did."""
    try:  # stdin or stdout closed, or not a terminal: no pager
        if not (state.pager and sys.stdout.isatty() and sys.stdin is not None and sys.stdin.isatty()):
            return False
    except (AttributeError, OSError, ValueError):
        return False
    if text.count("\n") < os.get_terminal_size(sys.stdout.fileno()).lines - 1:
        return False
    import shlex
    import subprocess

    command = shlex.split(os.environ.get("PAGER") or "less -FRX")
    if not command:
        return False
    try:
        with subprocess.Popen(command, stdin=subprocess.PIPE, encoding=sys.stdout.encoding,
                              errors="backslashreplace") as pager:
            assert pager.stdin is not None
            try:
                pager.stdin.write(text)
                pager.stdin.close()
            except BrokenPipeError:  # the user quit the pager early
                pass
            pager.wait()
    except (OSError, ValueError):
        return False
    return True


def _emit(text: str, page: bool = False) -> None:
    if page and _page(text):
        return
    if not _stdout_holds_unicode() and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except OSError as exc:  # stdout closed (`>&-`) or full (`>/dev/full`): exit 4, saying so where we can
        silence(sys.stdout)  # what the buffer holds goes nowhere, rather than failing again at exit
        raise OutputError(f"cannot write output: {exc.strerror or exc}") from None


def _emit_json(doc: Any) -> None:
    """One JSON document (show, compare, check) on stdout."""
    from ecofacts.render import json_format

    _emit(json_format.render(doc, ascii_only=not _stdout_holds_unicode()))


def _notice(message: str) -> None:
    try:  # a notice that cannot be written changes nothing of what was done (`add`'s record is in the file)
        sys.stderr.write(visible(message) + "\n")
    except OSError:
        silence(sys.stderr)


def _format(fmt: Format, json_: bool) -> Format:
    return Format.json if json_ else fmt


def _fields(fields: str | None, available: list[str]) -> list[str] | None:
    if fields is None:
        return None
    chosen = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in available]
    if unknown or not chosen:
        raise UsageError(
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(repr(f) for f in unknown) or '(none given)'}"
            f"; available: {', '.join(available)}"
        )
    return chosen


def _output(
    data: list[dict[str, Any]],
    columns: list[str],
    available: list[str],
    fmt: Format,
    json_: bool,
    fields: str | None,
    empty: str,
    title: str | None = None,
    group_by: str | None = None,
) -> None:
    """Render a listing in the chosen format; an empty one is a notice on stderr (and `[]` for JSON)."""
    fmt = _format(fmt, json_)
    chosen = _fields(fields, available)
    if not data:
        _notice(empty)
        if fmt is Format.table:
            return
    _emit(render_rows(fmt, data, columns, fields=chosen, ascii_only=not _stdout_holds_unicode(),
                      width=_width(), color=_use_color(), title=title, group_by=group_by),
          page=fmt is Format.table)


def _check_text(*values: str | None) -> list[str | None]:
    """The arguments as typed: where the locale is not UTF-8 (`LC_ALL=C`) they arrive as surrogate escapes, and
    valid UTF-8 is decoded (the entry point has already done so for `sys.argv`); anything else is refused."""
    return [None if value is None else decode_argument(value) for value in values]


# --- shell completion: names from the knowledge file in use -----------------------------------------------


def _completion_knowledge(ctx: typer.Context) -> Knowledge | None:
    """The knowledge file the command line being completed names (`--data`), or None if it cannot be read."""
    from ecofacts.loader import load, resolve_path

    params = ctx.find_root().params
    try:
        return load(resolve_path(params.get("data")), use_cache=not params.get("no_cache"))
    except EcofactsError:
        return None


def _completer(*tables: str) -> Any:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from ecofacts.names import fold

        k = _completion_knowledge(ctx)
        if k is None:
            return []
        key = fold(incomplete)
        names = []
        for table in tables:
            for rec in k.tables[table]:
                for name in (rec.id, getattr(rec, "name", rec.id), *getattr(rec, "aliases", ())):
                    if fold(name).startswith(key) and name not in names:
                        names.append(name)
        return names

    return complete


def _value_completer(attr: str, table: str) -> Any:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        k = _completion_knowledge(ctx)
        if k is None:
            return []
        values: set[str] = set()
        for rec in k.tables[table]:
            value = getattr(rec, attr)
            values.update(value if isinstance(value, tuple) else (value,))
        return sorted(v for v in values if v and v.lower().startswith(incomplete.lower()))

    return complete


# --- lookups ----------------------------------------------------------------------------------------------

REGION_COLUMNS = ["id", "name", "kind", "parent_name", "aliases"]
CITY_COLUMNS = ["name", "region_name", "part_of_name", "near_name", "actor_count", "actors"]
CLUSTER_COLUMNS = ["name", "kind", "region_name", "city_name", "focus"]
ACTOR_COLUMNS = ["name", "kind", "city_name", "sectors", "latest_event"]
STAT_COLUMNS = ["subject_name", "label", "text", "year", "status", "source"]
SOURCE_COLUMNS = ["id", "kind", "title", "publisher", "date", "language", "statistics", "records"]


@commands.command(rich_help_panel=LOOKUPS)
def regions(fmt: FormatOpt = Format.table, json_: JsonOpt = False, fields: FieldsOpt = None) -> None:
    """List the regions: Belgium, Wallonia, Flanders, Brussels-Capital Region, Europe.

    Examples:

      ecofacts regions

      ecofacts regions --json | jq -r '.[].name'
    """
    k = state.knowledge
    _output([rows.named_row(k, r) for r in k.regions], REGION_COLUMNS, [*rows.row_keys(Region), "parent_name"],
            fmt, json_, fields, "no regions recorded")


@commands.command(rich_help_panel=LOOKUPS)
def cities(
    region: Annotated[str | None, typer.Option("--region", "-r", help="Only cities in this region.",
                                               autocompletion=_completer("regions"))] = None,
    fmt: FormatOpt = Format.table, json_: JsonOpt = False, fields: FieldsOpt = None,
) -> None:
    """List cities with how many organisations of each kind are recorded there.

    Sections of a municipality (Gosselies in Charleroi) count for it.

    Examples:

      ecofacts cities

      ecofacts cities --region flanders --format csv
    """
    _check_text(region)
    k = state.knowledge
    data = [rows.city_row(k, city, by_kind) for city, by_kind in query.find_cities(k, region)]
    keys = [*rows.row_keys(City), "actor_count", "actors", "actors_by_kind"]
    _output(data, CITY_COLUMNS, keys, fmt, json_, fields, "no cities match")


@commands.command(rich_help_panel=LOOKUPS)
def clusters(
    region: Annotated[str | None, typer.Option("--region", "-r", help="Only clusters of this region.",
                                               autocompletion=_completer("regions"))] = None,
    fmt: FormatOpt = Format.table, json_: JsonOpt = False, fields: FieldsOpt = None,
) -> None:
    """List clusters and networks with their region, focus and named members.

    Examples:

      ecofacts clusters

      ecofacts clusters --region wallonia --json
    """
    _check_text(region)
    k = state.knowledge
    data = [rows.named_row(k, c) for c in query.find_clusters(k, region)]
    _output(data, CLUSTER_COLUMNS, rows.row_keys(Cluster), fmt, json_, fields, "no clusters match")


@commands.command(rich_help_panel=LOOKUPS)
def actors(
    city: Annotated[str | None, typer.Option("--city", "-c", help="In this city (or a section of it).",
                                             autocompletion=_completer("cities"))] = None,
    region: Annotated[str | None, typer.Option("--region", "-r", help="In this region.",
                                               autocompletion=_completer("regions"))] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="company, university, hospital, ...",
                                             autocompletion=_value_completer("kind", "actors"))] = None,
    sector: Annotated[str | None, typer.Option("--sector", "-s", help="e.g. 'nuclear medicine'.",
                                               autocompletion=_value_completer("sectors", "actors"))] = None,
    source: Annotated[str | None, typer.Option("--source", help="Supported by this source id.",
                                               autocompletion=_value_completer("id", "sources"))] = None,
    nearby: Annotated[bool, typer.Option("--nearby/--no-nearby",
                                         help="With --city: include neighbouring municipalities.")] = True,
    fmt: FormatOpt = Format.table, json_: JsonOpt = False, fields: FieldsOpt = None,
) -> None:
    """List organisations; every filter narrows the list, none lists all.

    Names ignore case and accents: Liège, liege, LIÈGE, Luik and Lüttich are one city.

    Examples:

      ecofacts actors --city Liège

      ecofacts actors --sector "nuclear medicine" --region wallonia

      ecofacts actors --kind hospital --json | jq -r '.[].name'
    """
    _check_text(city, region, kind, sector, source)
    k = state.knowledge
    hits = query.find_actors(k, city=city, region=region, kind=kind, sector=sector, source=source,
                             nearby=nearby)
    data = rows.actor_rows(k, hits, with_match=city is not None)
    columns = ACTOR_COLUMNS + (["match"] if city is not None else [])
    empty = "no organisations match"
    if city is not None:
        place: City = query.resolve(k, city, ("cities",))
        empty = f"no organisation recorded in {place.name}"
        if place.hub:
            empty += f"; the sources describe it as a hub for {place.hub}"
    _output(data, columns, [*rows.row_keys(Actor), "latest_event", "match"], fmt, json_, fields, empty)


@commands.command(rich_help_panel=LOOKUPS)
def stats(
    subject: Annotated[str | None, typer.Argument(help="Region, city, organisation or initiative.",
                                                  autocompletion=_completer("regions", "cities", "clusters",
                                                                            "actors", "initiatives"))] = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="e.g. 'nuclear medicine', 'R&D'.",
                                              autocompletion=_value_completer("topic", "stats"))] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", min=1800, max=2200,
                                             help="Figures for this year (or a period containing it).")] = None,
    status: Annotated[str | None, typer.Option("--status", help="measured, forecast or target.",
                                               autocompletion=_value_completer("status", "stats"))] = None,
    include_members: Annotated[bool, typer.Option(
        "--include-members", "-m",
        help="Add the figures of organisations and initiatives located in the region or city.")] = False,
    by_topic: Annotated[bool, typer.Option("--by-topic", help="Group the table by topic.")] = False,
    fmt: FormatOpt = Format.table, json_: JsonOpt = False, fields: FieldsOpt = None,
) -> None:
    """List statistics, each with its source; no SUBJECT lists all.

    Examples:

      ecofacts stats wallonia

      ecofacts stats --topic "nuclear medicine" --status measured

      ecofacts stats belgium --by-topic

      ecofacts stats wallonia --json | jq '.[] | {label, value, source: .source.id}'
    """
    _check_text(subject, topic, status)
    k = state.knowledge
    hits = query.find_stats(k, subject, topic=topic, year=year, status=status, include_members=include_members)
    columns = STAT_COLUMNS[:1] + (["member_name"] if include_members else []) + STAT_COLUMNS[1:]
    if by_topic:
        hits.sort(key=lambda h: h.stat.topic)
    _output(rows.stat_rows(k, hits), columns, rows.row_keys(Stat), fmt, json_, fields,
            "no statistics match", group_by="topic" if by_topic else None)


@commands.command(rich_help_panel=COMPARISON)
def compare(
    names: Annotated[list[str], typer.Argument(help="Two or more regions.", metavar="REGION...",
                                               autocompletion=_completer("regions"))],
    fmt: FormatOpt = Format.table, json_: JsonOpt = False,
    bars: Annotated[bool, typer.Option("--bars/--no-bars", help="Proportional bars (terminal only).")] = True,
) -> None:
    """Put regions side by side, metric by metric, each figure footnoted to its source.

    Rows counted from the knowledge base itself (organisations, clusters, cities recorded) are labelled so.

    Examples:

      ecofacts compare belgium wallonia

      ecofacts compare wallonia flanders brussels --json
    """
    _check_text(*names)
    k = state.knowledge
    doc = rows.comparison_dict(k, query.compare(k, names))
    fmt = _format(fmt, json_)
    if fmt is Format.json:
        _emit_json(doc)
    elif fmt is Format.table:
        from ecofacts.render import table

        _emit(table.render_comparison(doc, width=_width(), color=_use_color(), bars=bars and _use_color()))
    else:
        flat = rows.comparison_rows(doc)
        _emit(render_rows(fmt, flat, list(flat[0]) if flat else ["metric"]))


@commands.command(rich_help_panel=LOOKUPS)
def show(
    name: Annotated[str, typer.Argument(help="Name, alias or id of any record.",
                                        autocompletion=_completer("regions", "cities", "clusters", "actors",
                                                                  "initiatives"))],
    fmt: FormatOpt = Format.table, json_: JsonOpt = False,
) -> None:
    """Show one record in full, with related records and sources.

    Works for a region, city, cluster, organisation, initiative, statistic id or source id.

    Examples:

      ecofacts show Trasis

      ecofacts show wallonia-nuclear-medicine-jobs --json
    """
    _check_text(name)
    k = state.knowledge
    rec = query.resolve(k, name, ("regions", "cities", "clusters", "actors", "initiatives", "stats", "sources"))
    doc = rows.show_dict(k, rec)
    fmt = _format(fmt, json_)
    if fmt is Format.table:
        from ecofacts.render import table

        _emit(table.render_record(doc, width=_width(), color=_use_color()))
    elif fmt is Format.json:
        _emit_json(doc)
    else:
        raise UsageError("show prints a table or JSON; use --format table or --json")


@commands.command(rich_help_panel=LOOKUPS)
def search(
    text: Annotated[str, typer.Argument(help="Words to look for (case and accents ignored).")],
    fmt: FormatOpt = Format.table, json_: JsonOpt = False, fields: FieldsOpt = None,
) -> None:
    """Find records whose names, descriptions, labels or quotes contain TEXT.

    Examples:

      ecofacts search cyclotron

      ecofacts search "isotope" --json | jq -r '.[].id'
    """
    _check_text(text)
    k = state.knowledge
    data = [
        {"kind": rows.KIND_WORD[table], "id": rec.id, "name": rec.name, "matched": attr,
         "excerpt": rows.excerpt(getattr(rec, attr), text)}
        for table, rec, attr in query.search(k, text)
    ]
    _output(data, ["kind", "id", "name", "matched", "excerpt"], ["kind", "id", "name", "matched", "excerpt"],
            fmt, json_, fields, f"nothing matches '{text}'")


@commands.command(rich_help_panel=LOOKUPS)
def sources(
    source_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="One source in full.",
                                                    autocompletion=_value_completer("id", "sources"))] = None,
    fmt: FormatOpt = Format.table, json_: JsonOpt = False, fields: FieldsOpt = None,
) -> None:
    """List the sources and what each supports; with ID, one source in full.

    Examples:

      ecofacts sources

      ecofacts sources biowin-nuclear-medicine-wallonia --json
    """
    _check_text(source_id)
    k = state.knowledge
    if source_id is not None:
        show(source_id, fmt=fmt, json_=json_)
        return
    data = [rows.source_row(k, s) for s in k.sources]
    _output(data, SOURCE_COLUMNS, [*rows.row_keys(Source), "statistics", "records"], fmt, json_, fields,
            "no sources recorded")


# --- knowledge-file maintenance ---------------------------------------------------------------------------


@commands.command(rich_help_panel=MAINTENANCE)
def check(
    sources_dir: Annotated[Path | None, typer.Option(
        "--sources", metavar="DIR",
        help="Also verify every quote verbatim against DIR/<source-id>.txt.")] = None,
    json_: JsonOpt = False,
) -> None:
    """Validate the knowledge file; exit 1 listing every problem.

    Examples:

      ecofacts check

      ecofacts check --sources ../shared/sources

      ecofacts --data my-facts.toml check
    """
    from ecofacts.check import check_file

    report = check_file(state.path, sources_dir)
    if json_:
        _emit_json(report.as_dict())
    else:
        _emit("".join(f"{line}\n" for line in report.lines()))
    _notice(report.summary())
    if report.problems:
        raise typer.Exit(1)


@commands.command(name="fmt", rich_help_panel=MAINTENANCE)
def fmt_command(
    check_only: Annotated[bool, typer.Option("--check", help="Only report; exit 1 if the file would change.")]
    = False,
) -> None:
    """Rewrite the knowledge file in its one canonical TOML form.

    The file is validated first and written atomically; a file with comments is refused (tomli-w cannot keep
    them), naming the first comment's line.

    Examples:

      ecofacts fmt --check

      ecofacts --data my-facts.toml fmt
    """
    from ecofacts.writer import format_file

    path = state.path
    changed = format_file(path, check_only)
    if check_only and changed:
        _notice(f"{path}: not in canonical form (run 'ecofacts fmt')")
        raise typer.Exit(1)
    _notice(f"{path}: {'reformatted' if changed else 'already canonical'}")


ADD_TABLES = {"source": "sources", "city": "cities", "actor": "actors", "stat": "stats", "region": "regions",
              "cluster": "clusters", "initiative": "initiatives"}


@commands.command(rich_help_panel=MAINTENANCE)
def add(
    kind: Annotated[str, typer.Argument(
        metavar="KIND", help="source, region, city, cluster, actor, initiative or stat.")],
    assignments: Annotated[list[str], typer.Argument(metavar="KEY=VALUE...",
                                                     help="Fields of the record; lists separated by commas.")],
    sources_dir: Annotated[Path | None, typer.Option(
        "--sources", metavar="DIR", help="For a stat: refuse it unless its quote is in DIR/<source>.txt.")] = None,
) -> None:
    """Add one validated record to the knowledge file, atomically.

    A statistic needs a source and a verbatim quote. The whole file is validated with the new record before
    anything is written.

    Examples:

      ecofacts add city id=namur name=Namur region=wallonia description="Capital of Wallonia" sources=doc-a

      ecofacts add stat id=x subject=wallonia metric=jobs topic=employment label="Jobs" value=3800 \\
        unit=jobs status=measured text=3800+ quote="3800+ direct and indirect jobs" \\
        source=biowin-nuclear-medicine-wallonia --sources ../shared/sources
    """
    from ecofacts.record_input import parse_assignments
    from ecofacts.writer import add_record

    _check_text(kind, *assignments)
    table = ADD_TABLES.get(kind.lower())
    if table is None:
        raise UsageError(f"unknown kind '{kind}'; choose from: {', '.join(ADD_TABLES)}")
    record = parse_assignments(table, assignments)
    if table == "stats" and sources_dir is not None:
        from ecofacts.check import quote_problem

        problem = quote_problem(record, sources_dir)
        if problem:
            raise UsageError(problem)
    add_record(state.path, table, record)
    _notice(f"added {kind.lower()} {record.get('id')!r} to {state.path}")


def main() -> None:
    """Run the command line (the process entry point, `ecofacts.__main__`, calls this)."""
    app(prog_name="ecofacts")


def _fail(message: str, details: list[str]) -> None:
    text = visible(f"error: {message}\n" + "".join(f"{line}\n" for line in details))
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except UnicodeEncodeError:
        try:
            sys.stderr.write(text.encode("ascii", "backslashreplace").decode("ascii"))
        except OSError:
            silence(sys.stderr)
    except OSError:  # stderr closed, full, or its reader gone: the exit code still tells
        silence(sys.stderr)


def _exit(code: int) -> None:
    if code == 130:
        _fail("interrupted", [])
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except OSError as exc:
        silence(sys.stdout)
        if code == 0:
            _fail(f"cannot write output: {exc.strerror or exc}", [])
            code = OutputError.exit_code
    raise SystemExit(code)


def _quiet_broken_pipe() -> None:
    """The reader went away (`| head -1`): stop quietly, as a filter should."""
    silence(sys.stdout)
    raise SystemExit(0)
