"""The maintenance panel: `check`, `fmt` and `add`, the commands that validate and write a knowledge file."""

from pathlib import Path
from typing import Annotated

import typer

from ecofacts import kinds
from ecofacts.cli import output
from ecofacts.cli.options import DocumentFormatOpt, JsonOpt, state
from ecofacts.cli.registry import MAINTENANCE, commands
from ecofacts.errors import UsageError


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

    chosen = output.chosen(fmt, json_)
    report = check_file(state.path, sources_dir, shipped())
    output.write("report", chosen, report.as_dict())
    output.notice(report.summary())
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
        output.notice(f"{path}: not in canonical form (run 'ecofacts fmt')")
        raise typer.Exit(1)
    output.notice(f"{path}: {'reformatted' if changed else 'already canonical'}")


_KIND_WORDS = ", ".join(k.aliases[0] if k.aliases else k.word for k in kinds.KINDS)


@commands.command(rich_help_panel=MAINTENANCE)
def add(
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"{_KIND_WORDS}.",
                                        autocompletion=lambda: [k.word for k in kinds.KINDS])],
    assignments: Annotated[list[str], typer.Argument(metavar="KEY=VALUE...",
                                                     help="Fields of the record; lists separated by commas.")],
    sources_dir: Annotated[Path | None, typer.Option(
        "--sources", metavar="DIR", help="Refuse a quote that is not in DIR/<source>.txt verbatim (default: "
        "the texts shipped with ecofacts).")] = None,
    new: Annotated[bool, typer.Option(
        "--new", help="Allow a topic, unit, metric or sector the file does not have yet.")] = False,
) -> None:
    """Add one validated record to the knowledge file, atomically.

    A statistic needs a source and a verbatim quote. The whole file is validated with the new record before
    anything is written.

    Examples:

      ecofacts add city id=namur name=Namur region=wallonia sources=doc-a \\
        description="Capital of Wallonia"

      ecofacts add stat id=x subject=wallonia metric=jobs topic=employment \\
        label="Jobs" value=3800 unit=jobs status=measured text=3800+ \\
        quote="3800+ direct and indirect jobs" \\
        source=biowin-nuclear-medicine-wallonia --sources ../shared/sources
    """
    from ecofacts.record_input import parse_assignments
    from ecofacts.writer import add_record

    chosen = kinds.by_word(kind)
    if chosen is None:
        raise UsageError(f"unknown kind '{kind}'; choose from: {_KIND_WORDS}")
    record = parse_assignments(chosen, assignments)
    if "quote" in record:
        from ecofacts.check import quote_problem
        from ecofacts.passage import sources_dir as shipped

        folder = sources_dir
        if folder is None and (shipped() / f"{record.get('source')}.txt").is_file():
            folder = shipped()  # the document's text ships with ecofacts: the quote is proved against it
        problem = quote_problem(record, folder) if folder is not None else None
        if problem:
            raise UsageError(problem)
    path = state.writable_path
    add_record(path, chosen.table, record, new=new)
    output.notice(f"added {chosen.word} {record.get('id')!r} to {path}")
