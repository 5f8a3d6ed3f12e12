"""The publishing panel: `cite`, `verify` and `export`, what goes into reports and other programs."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ecofacts.cli import output
from ecofacts.cli.completion import completer
from ecofacts.cli.options import FormatOpt, JsonOpt, state
from ecofacts.cli.registry import PUBLISHING, commands
from ecofacts.render import Format


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
                                             autocompletion=completer("claims", stat_ids=True))],
    style: Annotated[str, typer.Option("--style", "-s", callback=_cite_style, show_default=True,
                                       help=f"{', '.join(CITE_STYLES[:-1])} or {CITE_STYLES[-1]}.",
                                       autocompletion=lambda: list(CITE_STYLES))] = "apa",
) -> None:
    """Cite statistics or claims with their source, the source it cites, the quote, scope, year and status.

    Each citation names the version of the knowledge it came from (ecofacts' version and a hash of the
    knowledge file). A reported figure gives its page's URL and evidence, never a quote. In bibtex, csl-json
    and ris the figures of one source are one work, keyed by the first figure's id, with a note per figure.
    Words in square brackets in a title are ours, not the source's, and each style says so.

    Examples:

      ecofacts cite belgium-nuclear-medicine-jobs

      ecofacts cite wallonia-nuclear-medicine-jobs --style bibtex > facts.bib
    """
    from ecofacts.citation_styles import Style
    from ecofacts.cite import citations
    from ecofacts.render.citation import render as render_citations

    entries = citations(state.knowledge, ids, _version_of_knowledge())
    terminal = state.terminal()
    text = render_citations(entries, Style(style))
    # prose wraps between words at a terminal's width; BibTeX, RIS and CSL-JSON are written as they are
    terminal.emit(terminal.for_stdout(text) if Style(style) in (Style.apa, Style.markdown) else text)


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
    from ecofacts.check import check_file
    from ecofacts.errors import KnowledgeFileError
    from ecofacts.export import export as write
    from ecofacts.passage import sources_dir as shipped

    report = check_file(state.path, None, shipped())  # never publish what `check` rejects
    if report.problems:
        more = f" (and {len(report.problems) - 1} more: run check)" if len(report.problems) > 1 else ""
        raise KnowledgeFileError(f"{state.path}: check fails, not exporting: {report.problems[0]}{more}")
    meta, counts = write(state.knowledge, path, _version_of_knowledge(), knowledge_path=state.path, force=force)
    output.notice(f"wrote {path} ({', '.join(f'{n} {table}' for table, n in counts.items())}) and {meta}")


@commands.command(rich_help_panel=PUBLISHING)
def verify(
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="A draft, plain text or Markdown ('-': stdin).")],
    fmt: FormatOpt = None, json_: JsonOpt = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit 1 on any figure the knowledge cannot check (unknown), too.")] = False,
) -> None:
    """Check every figure of a draft against the knowledge; exit 1 if any contradicts it (or, with --strict,
    cannot be checked). A summary on stderr counts supported, contradicted and unchecked figures.

    Each figure (numbers with units, percentages, money, multiples, fractions, ranks; English, French, Dutch or
    German notation) gets a
    verdict: supported, value-differs, year-differs, scope-differs (another subject's figure),
    status-differs (a forecast written as a fact) or unknown.

    Examples:

      ecofacts verify draft.md

      pandoc report.docx -t plain | ecofacts verify - --json | jq '.[] | select(.verdict != "supported")'
    """
    from ecofacts.inputs import read_draft
    from ecofacts.render.blocks import Blocks
    from ecofacts.verify import COLUMNS, contradicts, draft_parts, summary, unchecked, verify_parts

    parts = draft_parts(*read_draft(file))  # read and decoded before the knowledge: a bad draft fails first
    findings = verify_parts(state.knowledge, parts)
    chosen = output.chosen(fmt, json_)
    # the rows of each part of the draft, made once however often the part comes (the renderers fill in the lines)
    rows = Blocks("line", findings.rows(table=chosen not in (Format.json, Format.jsonl)))
    if not findings:
        output.notice("no figures found")
    if findings or chosen is not Format.table:
        output.write("rows", chosen, rows, choosable=False, columns=COLUMNS)
    if findings:
        output.notice(summary(findings))
    if contradicts(findings) or (strict and unchecked(findings)):
        raise typer.Exit(1)
