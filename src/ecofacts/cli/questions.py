"""The lookups panel's questions: `search` (every word of a text, ranked) and `ask` (a plain question in four
languages), both read through the vocabulary and the search index (docs/ask.md).

No `from __future__ import annotations` in the cli package (see `lookups.py`).
"""

from typing import Annotated, Any

import typer

from ecofacts.cli import output
from ecofacts.cli.options import BomOpt, FieldsOpt, FormatOpt, JsonOpt, state
from ecofacts.cli.registry import LOOKUPS, commands


@commands.command(rich_help_panel=LOOKUPS)
def search(
    words: Annotated[list[str], typer.Argument(
        metavar="WORDS...", help="Words to look for (case and accents ignored), quoted or not.", show_default=False)],
    fmt: FormatOpt = None, json_: JsonOpt = False, fields: FieldsOpt = None, bom: BomOpt = False,
) -> None:
    """Find the records whose texts hold every one of WORDS, in any order: names, labels, claims, quotes, ...

    Words in English, French, Dutch or German; case, accents, singular and plural, and the way a number is
    written are ignored (3800, 3,800, 3.800). Names and labels rank first (see docs/ask.md). A statistic shows
    its figure and year. When no record holds every word, the closest are shown, and a note says so.

    Examples:

      ecofacts search cyclotron

      ecofacts search BioWin members

      ecofacts search "isotope" --json | jq -r '.[].id'
    """
    from ecofacts.query import echoed
    from ecofacts.search import COLUMNS, search_rows

    text = " ".join(words)
    rows = search_rows(state.knowledge, text)
    if rows and rows[0]["partial"]:
        missing = sorted({word for row in rows for word in row["missing"]})
        output.notice(f"no record holds every word of '{echoed(text)}'; the closest matches lack "
                      + ", ".join(f"'{w}'" for w in missing))
    keys = [*COLUMNS, "subject", "value", "unit", "score", "partial", "missing"]
    output.rows(rows, len(rows), COLUMNS, keys, fmt, json_, fields, f"nothing matches '{echoed(text)}'", bom=bom)


@commands.command(rich_help_panel=LOOKUPS)
def ask(
    question: Annotated[list[str], typer.Argument(
        metavar="QUESTION...", help="A question in English, French, Dutch or German; '-' reads one a line from stdin.",
        show_default=False)],
    json_: Annotated[bool, typer.Option("--json", help="One JSON object: the question, how it was read and its "
                                        "answers (with '-', one a line).")] = False,
) -> None:
    """Answer a plain question from the knowledge: first how it was read, then the best answers.

    Places, a measure (jobs, exports, R&D …), a year and the kind of record wanted are read from the question, in
    any of the four languages, accents optional. When the knowledge holds no answer, one line says what is
    missing (exit 1). See docs/ask.md.

    Examples:

      ecofacts ask "PIB de la Wallonie"

      ecofacts ask "How many members did BioWin have in 2023?"

      ecofacts ask "werknemers Takeda Lessen" --json | jq '.answers[0].display'

      printf '%s\\n' "bbp Vlaanderen 2020" "inwoners Antwerpen" | ecofacts ask -
    """
    import json

    from ecofacts.ask import answer, check_question, described
    from ecofacts.errors import NotFoundError, UsageError
    from ecofacts.inputs import byte_lines

    k = state.knowledge
    terminal = state.terminal()
    if question == ["-"]:
        for raw in byte_lines(terminal.inp):
            # a line that is not UTF-8 is echoed in its error with U+FFFD for each bad byte: valid JSON, never the
            # bytes, nor what another encoding would read them as (Latin-1's `Liège`, which would be answered)
            line = raw.decode("utf-8", "replace")
            try:
                if line.encode("utf-8") != raw:  # only UTF-8 decodes and encodes back to the same bytes
                    raise UsageError("the question is not valid UTF-8")
                found = answer(k, line)
                obj = found.as_dict(k)
            except UsageError as exc:
                obj = {"question": line[:200], "error": exc.message}
            terminal.emit(json.dumps(obj, ensure_ascii=False) + "\n")
        return
    text = check_question(" ".join(question))
    found = answer(k, text)
    if json_:
        terminal.emit(json.dumps(found.as_dict(k), ensure_ascii=False, indent=2) + "\n")
    else:
        terminal.notice(f"read as: {described(found.reading, k)}")  # a message: a pipe gets the answers alone
        if found.hits:
            rows = [_ask_row(row) for row in found.rows(k)]
            columns = ["label", "display", "year", "status", "source", "id"]
            output.rows(rows, len(rows), columns, columns, None, False, None, "", choosable=False)
    if found.refusal is not None:
        raise NotFoundError(found.refusal)
    if not found.hits:  # pragma: no cover - answer() always gives a refusal with no hits
        raise UsageError("no answer")


def _ask_row(row: dict[str, Any]) -> dict[str, Any]:
    """An answer as the table shows it: what it is, its figure and year, status and source."""
    source = row.get("source")
    what = row.get("label") or row.get("name") or row.get("claim") or row.get("description") or row["id"]
    subject = row.get("subject_name")
    if row["kind"] == "statistic" and subject:
        what = f"{subject}: {what}"
    if row.get("member_name"):
        what = f"{what} (of {row['member_name']})"
    return {"label": what, "display": row.get("display"), "year": row.get("year"), "status": row.get("status"),
            "source": source.get("id") if isinstance(source, dict) else (row.get("sources") or [None])[0],
            "id": row["id"]}
