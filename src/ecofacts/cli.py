"""The command line: parses options, calls one core function, hands the result to a renderer.

This is the only module that imports typer. Errors from the core arrive as `EcofactsError` and are turned into
`error: ...` on stderr and the contract's exit code in one place, `main()`.

No `from __future__ import annotations` here: typer reads the signature of the command that runs four times
per run, and would `eval` each string annotation every time (several ms of a start-up).
"""

import inspect
import itertools
import os
import sys
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from ecofacts import __version__, kinds, query
from ecofacts.errors import EcofactsError, OutputError, UsageError
from ecofacts.kinds.base import Hit, Kind
from ecofacts.knowledge import Knowledge
from ecofacts.render import Format, TableOrJson, Target, render, select, stream
from ecofacts.safe_text import decode_argument, silence, visible


class _Group(typer.core.TyperGroup):
    """Runs every invocation (the entry point's and CliRunner's alike) and turns every error into one line
    `error: ...` on stderr and the contract's exit code, in this one place. Its subcommands are `commands`'s,
    built when first asked for."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        _register_listings()
        self.commands = _LazyCommands(commands)

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands as `--help` lists them: places, organisations and people, then what is stated about them
        (the order of the registry), then the other lookups; commands of kinds added later come after."""
        order = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(super().list_commands(ctx), key=lambda name: order.get(name, len(order)))

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
            command = typer.main.get_command_from_info(
                self._infos[name], pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode)
            for param in command.params:
                _complete_unfiltered(param)
            self._built[name] = command
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
COMMAND_ORDER = ("regions", "cities", "clusters", "initiatives", "actors", "people", "stats", "claims", "relations",
                 "chain", "show", "search", "sources", "compare", "cite", "verify", "export", "check", "fmt", "add")
COMPARISON = "Comparison"
MAINTENANCE = "Knowledge-file maintenance"

app = typer.Typer(
    name="ecofacts",
    cls=_Group,
    help="Sourced facts about the Belgian biotech, biopharma and nuclear-medicine ecosystem.\n\n"
    "Every fact carries its source: quoted verbatim from a document, or reported from a public page (its URL and"
    " our paraphrase). Tables for people, --json for scripts.",
    epilog="Exit codes: 0 ok, 1 not found or check failed, 2 usage error, 3 bad knowledge file, 4 output could not"
    " be written, 130 interrupted."
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


# --- output options, defined once and shared by every command -----------------------------------------------

# The formats are listed in the help rather than as the option's metavar, which rich would cut mid-word at 80
# columns ("<table|json|jsonl|csv|t" / "sv|markdown>").
FormatOpt = Annotated[
    Format | None,
    typer.Option("--format", "-f", case_sensitive=False, metavar="FORMAT",
                 help="table (the default), json, jsonl, csv, tsv or markdown; all but table and markdown carry every "
                      "field.", autocompletion=lambda: [f.value for f in Format]),
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


def _target(bars: bool = False, bom: bool = False) -> Target:
    color = _use_color()
    return Target(ascii_only=not _stdout_holds_unicode(), width=_width(), color=color, bars=bars and color, bom=bom)


def _page(text: str) -> bool:
    """Send a long table through $PAGER (default `less -FRX`) when stdout is a terminal; True if it did.

    As git does, `LESS` defaults to `FRX` (one screen is just printed, colours pass, the screen is not
    cleared), and Ctrl-C is the pager's to handle: ecofacts waits for it to end rather than leaving it behind
    reading the terminal."""
    try:  # stdin or stdout closed, or not a terminal: no pager
        if not (state.pager and sys.stdout.isatty() and sys.stdin is not None and sys.stdin.isatty()):
            return False
    except (AttributeError, OSError, ValueError):
        return False
    if text.count("\n") < os.get_terminal_size(sys.stdout.fileno()).lines - 1:
        return False
    import shlex
    import signal
    import subprocess

    command = shlex.split(os.environ.get("PAGER") or "less -FRX")
    if not command:
        return False
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with subprocess.Popen(command, stdin=subprocess.PIPE, encoding=sys.stdout.encoding,
                              errors="backslashreplace", env={"LESS": "FRX", **os.environ}) as pager:
            assert pager.stdin is not None
            try:
                pager.stdin.write(text)
                pager.stdin.close()
            except BrokenPipeError:  # the user quit the pager early
                pass
            pager.wait()
    except (OSError, ValueError):
        return False
    finally:
        signal.signal(signal.SIGINT, previous)
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


def _for_stderr(text: str) -> str:
    """`text` (lines ending in newlines) as stderr gets it: in a terminal, a line wider than it is wrapped between
    words, so that the terminal does not cut a word or an id in two; elsewhere (a pipe, a file) as it is, a
    message a line."""
    try:
        width = os.get_terminal_size(sys.stderr.fileno()).columns if sys.stderr.isatty() else 0
    except (AttributeError, OSError, ValueError):
        width = 0
    if width < 20 or all(len(line) <= width for line in text.splitlines()):
        return text
    import textwrap

    return "".join(textwrap.fill(line, width, subsequent_indent="  ", break_long_words=False,
                                 break_on_hyphens=False) + "\n" for line in text.splitlines())


def _notice(message: str) -> None:
    try:  # a notice that cannot be written changes nothing of what was done (`add`'s record is in the file)
        sys.stderr.write(_for_stderr(visible(message) + "\n"))
    except OSError:
        silence(sys.stderr)


def _chosen(fmt: Format | TableOrJson | None, json_: bool) -> Format:
    """The one format two options ask for: `--json` alone, `--format F` alone, or both saying json."""
    if json_ and fmt is not None and fmt.value != Format.json:
        raise UsageError(f"--json and --format {fmt.value} disagree; give one of them")
    if json_:
        return Format.json
    return Format(fmt.value) if fmt is not None else Format.table


def _print(shape: str, fmt: Format, data: Any, target: Target | None = None, **options: Any) -> None:
    """Render `data` in `fmt` and write it: tables whole, through the pager when long, saying on stderr which
    columns they left out to fit; JSON rows as they are made (`render.stream`)."""
    target = target or _target()
    if fmt is Format.table:
        _emit(render(shape, fmt, data, target, **options), page=True)
    else:
        for chunk in stream(shape, fmt, data, target, **options):
            _emit(chunk)
    if target.dropped:
        from ecofacts.render.table import dropped_notice

        _notice(dropped_notice(list(dict.fromkeys(target.dropped)), target.width))


def _fields(fields: str | None, available: Sequence[str]) -> list[str] | None:
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


def _output(data: Iterable[dict[str, Any]], found: int, columns: Sequence[str], available: Sequence[str],
            fmt: Format | None, json_: bool, fields: str | None, empty: str, groups: list[str] | None = None,
            bom: bool = False) -> None:
    """A listing of `found` rows in the chosen format; an empty one is a notice on stderr (and `[]` for JSON)."""
    chosen_format = _chosen(fmt, json_)
    chosen = _fields(fields, available)
    if not found:
        _notice(empty)
        if chosen_format is Format.table:
            return
    # CSV and TSV are for programs, as JSON is: the fields of its rows (those of the first), unless --fields says
    # which; a table and Markdown are for people: the listing's columns
    default = list(columns)
    if chosen_format in (Format.csv, Format.tsv) and not chosen:
        rows = iter(data)
        first = next(rows, None)
        if first is not None:
            default, data = list(first), itertools.chain([first], rows)
    _print("rows", chosen_format, select(data, chosen), _target(bom=bom), columns=chosen or default, groups=groups)


def _list(kind: Kind, hits: list[Hit], fmt: Format | None, json_: bool, fields: str | None, bom: bool,
          empty: str | None = None, columns: Sequence[str] | None = None, groups: list[str] | None = None) -> None:
    """The rows of `kind` found by a listing, with its columns and the keys `--fields` may choose."""
    k = state.knowledge
    _output((kind.row(k, hit) for hit in hits), len(hits), columns or kind.columns, kind.keys, fmt, json_, fields,
            empty or f"no {kind.plural} recorded", groups, bom)


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


def _complete_unfiltered(param: Any) -> None:
    """Typer keeps only the candidates that start with what was typed, letter for letter, so that `li` would
    never offer `Liège`: ecofacts' completers match ignoring case and accents, so their candidates are passed
    on as they come (for bash, each escaped into one shell word)."""
    typer_complete = getattr(param, "_custom_shell_complete", None)
    if typer_complete is None or not typer_complete.__closure__:
        return
    # typer's wrapper holds the function given as `autocompletion=` (typer <0.29; a test completes through bash)
    cells = dict(zip(typer_complete.__code__.co_freevars, typer_complete.__closure__, strict=True))
    if "autocompletion" not in cells:
        return
    complete = cells["autocompletion"].cell_contents
    from typer._click.shell_completion import CompletionItem

    def shell_complete(ctx: Any, param: Any, incomplete: str) -> list[Any]:
        return [CompletionItem(_shell_word(value)) for value in complete(ctx, [], incomplete)]

    param._custom_shell_complete = shell_complete


def _shell_word(value: str) -> str:
    """A candidate as bash must insert it to make one word (`nuclear\\ medicine`, `Braine-l\\'Alleud`); zsh
    and fish quote candidates themselves."""
    if not os.environ.get("_ECOFACTS_COMPLETE", "").endswith("bash"):
        return value
    import re

    return re.sub(r"([^\w\-.,/:@+=%])", r"\\\1", value)


def _completer(*tables: str, stat_ids: bool = False) -> Any:
    """One candidate per record of `tables` (default: every named kind's, places first) whose id, name or alias
    starts with what was typed, ignoring case and accents: its name if that matches, else the alias or id that
    does. With `stat_ids`, the statistics' ids too."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from ecofacts.names import fold

        k = _completion_knowledge(ctx)
        if k is None:
            return []
        key = fold(incomplete)
        # Any named record: places first, and the others only when no place matches (`stats wal` completes to
        # Wallonia, not to the common start of Wallonia and of every "Walloon …" initiative)
        places = [t for t in ("regions", "cities") if t in kinds.NAMED]
        tiers: list[Sequence[str]] = [tables] if tables else [places, [t for t in kinds.NAMED if t not in places]]
        names: list[str] = []
        for tier in tiers:
            for table in tier:
                for rec in k.tables[table]:
                    spelled = (getattr(rec, "name", rec.id), *getattr(rec, "aliases", ()), rec.id)
                    found = next((name for name in spelled if fold(name).startswith(key)), None)
                    if found is not None and found not in names:
                        names.append(found)
            if names:
                break
        if stat_ids:
            names += [i for i in k.stats.distinct("id") if fold(i).startswith(key)]
        return names

    return complete


def _value_completer(attr: str, table: str) -> Any:
    """The values of a field that start with what was typed, ignoring case and accents."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from ecofacts.names import fold

        k = _completion_knowledge(ctx)
        if k is None:
            return []
        values: set[str] = set()
        for rec in k.tables[table]:
            value = getattr(rec, attr)
            values.update(value if isinstance(value, tuple) else (value,))
        key = fold(incomplete)
        return sorted(v for v in values if v and fold(v).startswith(key))

    return complete


SubjectArg = Annotated[str | None, typer.Argument(help="Region, city, organisation, initiative or person.",
                                                  autocompletion=_completer())]
RegionOpt = Annotated[str | None, typer.Option("--region", "-r", help="Only those in this region (or inside it).",
                                               autocompletion=_completer("regions"))]


# --- lookups ----------------------------------------------------------------------------------------------


def _help(summary: str, examples: Sequence[str]) -> str:
    return summary + "\n\nExamples:\n\n" + "\n\n".join(f"  {example}" for example in examples)


def _listing(kind: Kind) -> None:
    """Registers the listing command of a kind from its declaration: `ecofacts <table>` with the options of its
    `filters` (`--region`, `--kind`) and the shared output options."""
    KW = inspect.Parameter.KEYWORD_ONLY
    options = {
        "region": RegionOpt,
        "kind": Annotated[str | None, typer.Option(
            "--kind", "-k", help=f"Only {kind.plural} of this kind.",
            autocompletion=_value_completer("kind", kind.table))],
    }
    parameters = [inspect.Parameter(name, KW, default=None, annotation=options[name]) for name in kind.filters]
    parameters += [inspect.Parameter("fmt", KW, default=None, annotation=FormatOpt),
                   inspect.Parameter("json_", KW, default=False, annotation=JsonOpt),
                   inspect.Parameter("fields", KW, default=None, annotation=FieldsOpt),
                   inspect.Parameter("bom", KW, default=False, annotation=BomOpt)]

    def command(**values: Any) -> None:
        filters = {name: values[name] for name in kind.filters}
        _check_text(*filters.values())
        hits = query.find_records(state.knowledge, kind.table, **filters)
        empty = f"no {kind.plural} match" if any(v is not None for v in filters.values()) else None
        _list(kind, hits, values["fmt"], values["json_"], values["fields"], values["bom"], empty)

    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__name__ = kind.table
    command.__doc__ = _help(kind.summary, kind.examples)
    commands.command(name=kind.table, rich_help_panel=LOOKUPS)(command)


def _register_listings() -> None:
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
    _check_text(region)
    _list(kinds.BY_TABLE["cities"], query.find_cities(state.knowledge, region), fmt, json_, fields, bom,
          "no cities match" if region is not None else None)


@commands.command(rich_help_panel=LOOKUPS)
def actors(
    city: Annotated[str | None, typer.Option("--city", "-c", help="In this city (or a section of it).",
                                             autocompletion=_completer("cities"))] = None,
    region: RegionOpt = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="company, university, hospital, ...",
                                             autocompletion=_value_completer("kind", "actors"))] = None,
    sector: Annotated[str | None, typer.Option("--sector", "-s", help="e.g. 'nuclear medicine'.",
                                               autocompletion=_value_completer("sectors", "actors"))] = None,
    source: Annotated[str | None, typer.Option("--source", help="Supported by this source id.",
                                               autocompletion=_value_completer("id", "sources"))] = None,
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
    """
    _check_text(city, region, kind, sector, source)
    k = state.knowledge
    hits = query.find_actors(k, city=city, region=region, kind=kind, sector=sector, source=source,
                             nearby=nearby)
    actor = kinds.BY_TABLE["actors"]
    empty = "no organisations match"
    if city is not None:
        place = query.resolve(k, city, ("cities",))
        empty = f"no organisation recorded in {place.name}"
        if place.hub:
            empty += f"; the sources describe it as a hub for {place.hub}"
    _list(actor, hits, fmt, json_, fields, bom, empty, [*actor.columns, *(["match"] if city is not None else [])])


@commands.command(rich_help_panel=LOOKUPS)
def stats(
    subject: SubjectArg = None,
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
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """List statistics, each with its source; no SUBJECT lists all.

    Examples:

      ecofacts stats wallonia

      ecofacts stats --topic "nuclear medicine" --status measured

      ecofacts stats belgium --by-topic

      ecofacts stats wallonia --json | jq '.[] | {label: .label, value, source: .source.id}'
    """
    _check_text(subject, topic, status)
    hits = query.find_stats(state.knowledge, subject, topic=topic, year=year, status=status,
                            include_members=include_members)
    stat = kinds.BY_TABLE["stats"]
    columns = stat.columns[:2] + (["member_name"] if include_members else []) + stat.columns[2:]
    if by_topic:
        hits.sort(key=lambda h: h.record.topic)
    _list(stat, hits, fmt, json_, fields, bom, "no statistics match", columns,
          [h.record.topic for h in hits] if by_topic else None)


@commands.command(rich_help_panel=LOOKUPS)
def claims(
    subject: SubjectArg = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="e.g. 'clinical trials', 'R&D'.",
                                              autocompletion=_value_completer("topic", "claims"))] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="ranking, qualitative, comparison, call, plan.",
                                             autocompletion=_value_completer("kind", "claims"))] = None,
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """List what the documents state in words: rankings, comparisons, qualities, calls and plans.

    Each claim is in our words, with the document's verbatim quote (see 'ecofacts show ID').

    Examples:

      ecofacts claims belgium --topic "clinical trials"

      ecofacts claims --kind ranking

      ecofacts claims wallonia --json | jq -r '.[].quote'
    """
    _check_text(subject, topic, kind)
    hits = query.find_claims(state.knowledge, subject, topic=topic, kind=kind)
    _list(kinds.BY_TABLE["claims"], hits, fmt, json_, fields, bom,
          "no claims match" if (subject or topic or kind) else None)


@commands.command(rich_help_panel=LOOKUPS)
def chain(
    name: Annotated[str | None, typer.Argument(metavar="[ISOTOPE|ACTOR]",
                                               help="A product or isotope (Mo-99, Lu-177), an organisation or a city.",
                                               autocompletion=_value_completer("product", "chain"))] = None,
    stage: Annotated[str | None, typer.Option("--stage", help="raw material, irradiation, isotope production, ...",
                                              autocompletion=_value_completer("stage", "chain"))] = None,
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
    _check_text(name, stage)
    hits = query.find_chain(state.knowledge, name, stage)
    link = kinds.BY_TABLE["chain"]
    columns = [c for c in link.columns if c != "stage"]
    _list(link, hits, fmt, json_, fields, bom, "no chain links match" if name or stage else None, columns,
          [h.record.stage for h in hits])


@commands.command(rich_help_panel=COMPARISON)
def compare(
    names: Annotated[list[str], typer.Argument(help="Two or more regions.", metavar="REGION...",
                                               autocompletion=_completer("regions"))],
    year: Annotated[int | None, typer.Option("--year", "-y", min=1800, max=2200,
                                             help="Line up the figures of this year (default: the latest "
                                                  "year the regions share, metric by metric).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Only rows where every region has a figure of the same year and publisher.")] = False,
    per_capita: Annotated[bool, typer.Option(
        "--per-capita", help="Divide each count or amount by its region's recorded population.")] = False,
    metric: Annotated[str | None, typer.Option("--metric", "-m", help="Only this metric (its id).",
                                               autocompletion=_value_completer("metric", "stats"))] = None,
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

    _check_text(*names, metric)
    chosen = _chosen(fmt, json_)
    k = state.knowledge
    comp = find(k, names, year=year, strict=strict, per_capita=per_capita, metric=metric)
    _print("comparison", chosen, comparison_dict(k, comp), _target(bars=bars, bom=bom))


def _show(name: str, tables: Sequence[str], fmt: TableOrJson | Format | None, json_: bool) -> None:
    from ecofacts.show import show as compose

    chosen = _chosen(fmt, json_)
    if chosen not in (Format.table, Format.json):
        raise UsageError(f"one record prints as table or json, not {chosen.value}")
    k = state.knowledge
    rec = query.resolve(k, name, tables)
    others = query.also_named(k, name, rec)
    if others:
        _notice(f"note: '{name}' also names " + "; ".join(
            f"{o.name} (the {kinds.word(k.table_of[o.id])} {o.id})" for o in others)
            + f"; showing the {kinds.of(rec).word} {rec.id}")
    _print("record", chosen, compose(k, rec))


@commands.command(rich_help_panel=LOOKUPS)
def show(
    name: Annotated[str, typer.Argument(help="Name, alias or id of any record.",
                                        autocompletion=_completer(*kinds.NAMED, "sources", stat_ids=True))],
    context: Annotated[bool, typer.Option(
        "--context", help="For a quoted statistic or claim: the lines of its document around the quote.")] = False,
    fmt: DocumentFormatOpt = None, json_: JsonOpt = False,
) -> None:
    """Show one record in full, with related records and sources.

    Works for a region, city, cluster, organisation, initiative, statistic id or source id.

    Examples:

      ecofacts show Trasis

      ecofacts show wallonia-nuclear-medicine-jobs --json

      ecofacts show wallonia-nuclear-medicine-jobs --context
    """
    _check_text(name)
    if context:
        _context(name, fmt, json_)
        return
    _show(name, [*kinds.NAMED, *(t for t in kinds.TABLES if t not in kinds.NAMED)], fmt, json_)


@commands.command(rich_help_panel=LOOKUPS)
def search(
    text: Annotated[str, typer.Argument(help="Words to look for (case and accents ignored).")],
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """Find the records whose texts contain TEXT: names, labels, claims, quotes, descriptions, notes, ...

    Names rank first; case, accents and the way a number is written are ignored (3800, 3,800, 3.800).

    Examples:

      ecofacts search cyclotron

      ecofacts search "isotope" --json | jq -r '.[].id'
    """
    from ecofacts.query import echoed
    from ecofacts.search import COLUMNS, search_rows

    _check_text(text)
    rows = search_rows(state.knowledge, text)
    _output(rows, len(rows), COLUMNS, COLUMNS, fmt, json_, fields, f"nothing matches '{echoed(text)}'", bom=bom)


@commands.command(rich_help_panel=LOOKUPS)
def sources(
    source_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="One source in full (table or json).",
                                                    autocompletion=_value_completer("id", "sources"))] = None,
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """List the sources and what each supports; with ID, one source in full.

    Examples:

      ecofacts sources

      ecofacts sources biowin-nuclear-medicine-wallonia --json
    """
    _check_text(source_id)
    if source_id is not None:
        _show(source_id, ["sources"], fmt, json_)
        return
    _list(kinds.BY_TABLE["sources"], [Hit(s) for s in state.knowledge.whole["sources"]], fmt, json_, fields, bom)


# --- knowledge-file maintenance ---------------------------------------------------------------------------


@commands.command(rich_help_panel=MAINTENANCE)
def check(
    sources_dir: Annotated[Path | None, typer.Option(
        "--sources", metavar="DIR",
        help="Prove every quote verbatim against DIR/<source-id>.txt (default: the texts shipped with "
        "ecofacts, for the documents that have one).")] = None,
    fmt: DocumentFormatOpt = None, json_: JsonOpt = False,
) -> None:
    """Validate the knowledge file; exit 1 listing every problem.

    Problems and warnings go to stdout (one per line, or as JSON), the summary to stderr.

    Examples:

      ecofacts check

      ecofacts check --sources ../shared/sources

      ecofacts --data my-facts.toml check --json
    """
    from ecofacts.check import check_file
    from ecofacts.passage import sources_dir as shipped

    chosen = _chosen(fmt, json_)
    report = check_file(state.path, sources_dir, shipped())
    _print("report", chosen, report.as_dict())
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

    path = state.path if check_only else state.writable_path
    changed = format_file(path, check_only)
    if check_only and changed:
        _notice(f"{path}: not in canonical form (run 'ecofacts fmt')")
        raise typer.Exit(1)
    _notice(f"{path}: {'reformatted' if changed else 'already canonical'}")


_KIND_WORDS = ", ".join(k.aliases[0] if k.aliases else k.word for k in kinds.KINDS)


@commands.command(rich_help_panel=MAINTENANCE)
def add(
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"{_KIND_WORDS}.",
                                        autocompletion=lambda: [k.word for k in kinds.KINDS])],
    assignments: Annotated[list[str], typer.Argument(metavar="KEY=VALUE...",
                                                     help="Fields of the record; lists separated by commas.")],
    sources_dir: Annotated[Path | None, typer.Option(
        "--sources", metavar="DIR", help="Refuse a quote that is not in DIR/<source>.txt verbatim.")] = None,
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
    chosen = kinds.by_word(kind)
    if chosen is None:
        raise UsageError(f"unknown kind '{kind}'; choose from: {_KIND_WORDS}")
    record = parse_assignments(chosen, assignments)
    if sources_dir is not None and "quote" in record:
        from ecofacts.check import quote_problem

        problem = quote_problem(record, sources_dir)
        if problem:
            raise UsageError(problem)
    path = state.writable_path
    add_record(path, chosen.table, record)
    _notice(f"added {chosen.word} {record.get('id')!r} to {path}")


# --- citing, verifying and publishing ---------------------------------------------------------------------

PUBLISHING = "Citing, verifying and publishing"


def _version_of_knowledge() -> Any:
    """ecofacts' version and the short hash of the bytes the knowledge was loaded from (not the file read again),
    for what is cited or exported."""
    from ecofacts.cite import loaded_version

    return loaded_version(state.knowledge)


# The names of `ecofacts.citation_styles.Style`, as plain text: making the enum costs every run start-up time.
CITE_STYLES = ("apa", "bibtex", "csl-json", "ris", "markdown")


def _cite_style(value: str) -> str:
    """`--style`, any case, one of CITE_STYLES (refused while the command line is read, exit 2)."""
    if value.lower() not in CITE_STYLES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(CITE_STYLES)}")
    return value.lower()


@commands.command(rich_help_panel=PUBLISHING)
def cite(
    ids: Annotated[list[str], typer.Argument(metavar="ID...",
                                             help="Statistic or claim ids; several make a bibliography.",
                                             autocompletion=_completer("claims", stat_ids=True))],
    style: Annotated[str, typer.Option("--style", "-s", callback=_cite_style, show_default=True,
                                       help=f"{', '.join(CITE_STYLES[:-1])} or {CITE_STYLES[-1]}.",
                                       autocompletion=lambda: list(CITE_STYLES))] = "apa",
) -> None:
    """Cite statistics or claims with their source, the source it cites, the quote, scope, year and status.

    Each citation names the version of the knowledge it came from (ecofacts' version and a hash of the
    knowledge file). A reported figure gives its page's URL and evidence, never a quote.

    Examples:

      ecofacts cite belgium-nuclear-medicine-jobs

      ecofacts cite wallonia-nuclear-medicine-jobs belgium-nuclear-medicine-jobs --style bibtex > facts.bib
    """
    from ecofacts.citation_styles import Style
    from ecofacts.cite import citations
    from ecofacts.render.citation import render as render_citations

    _check_text(*ids)
    entries = citations(state.knowledge, ids, _version_of_knowledge())
    _emit(render_citations(entries, Style(style)))


def _context(name: str, fmt: TableOrJson | Format | None, json_: bool, around: int = 3) -> None:
    """`show ID --context`: the lines of the source text around a statistic's quote (table or json)."""
    from ecofacts.cite import find
    from ecofacts.passage import context

    chosen = _chosen(fmt, json_)
    if chosen not in (Format.table, Format.json):
        raise UsageError(f"a passage prints as table or json, not {chosen.value}")
    k = state.knowledge
    _print("passage", chosen, context(k, find(k, name), around))


@commands.command(rich_help_panel=PUBLISHING)
def export(
    path: Annotated[Path, typer.Argument(metavar="PATH.db", help="The SQLite database to write (replaced whole).")],
    force: Annotated[bool, typer.Option("--force", help="Replace PATH (and its metadata file) even when it is "
                                        "not an SQLite database (or metadata) an export wrote.")] = False,
) -> None:
    """Export the knowledge as an SQLite database for Datasette, with its metadata file beside it.

    One table per record kind, foreign keys between them, a full-text index per table, and PATH.metadata.json
    (title, source, licence, table and column descriptions). The database is written whole or not at all.

    Examples:

      ecofacts export facts.db && datasette facts.db -m facts.metadata.json
    """
    from ecofacts.export import export as write

    meta, counts = write(state.knowledge, path, _version_of_knowledge(), knowledge_path=state.path, force=force)
    _notice(f"wrote {path} ({', '.join(f'{n} {table}' for table, n in counts.items())}) and {meta}")


@commands.command(rich_help_panel=PUBLISHING)
def verify(
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="A draft, plain text or Markdown ('-': stdin).")],
    fmt: FormatOpt = None, json_: JsonOpt = False,
) -> None:
    """Check every figure of a draft against the knowledge; exit 1 if any contradicts it.

    Each figure (numbers with units, percentages, money, multiples; English, French or German notation) gets a
    verdict: supported, value-differs, year-differs, scope-differs (another subject's figure),
    status-differs (a forecast written as a fact) or unknown.

    Examples:

      ecofacts verify draft.md

      pandoc report.docx -t plain | ecofacts verify - --json | jq '.[] | select(.verdict != "supported")'
    """
    from ecofacts.inputs import read_draft
    from ecofacts.verify import COLUMNS, contradicts, table_rows
    from ecofacts.verify import verify as check_text

    _check_text(file)
    text = read_draft(file)
    findings = check_text(state.knowledge, text)
    chosen = _chosen(fmt, json_)
    rows = ([f.as_dict() for f in findings] if chosen in (Format.json, Format.jsonl) else table_rows(findings))
    if not findings:
        _notice("no figures found")
    if findings or chosen is not Format.table:
        _print("rows", chosen, rows, columns=COLUMNS)
    if contradicts(findings):
        raise typer.Exit(1)


def main() -> None:
    """Run the command line (the process entry point, `ecofacts.__main__`, calls this)."""
    app(prog_name="ecofacts")


def _fail(message: str, details: list[str]) -> None:
    text = _for_stderr(visible(f"error: {message}\n" + "".join(f"{line}\n" for line in details)))
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
