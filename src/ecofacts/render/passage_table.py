"""`show ID --context` for people: the lines of the source text around a quote, numbered, the quote highlighted
in colour on a colour terminal and between `»` and `«` otherwise."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ecofacts.render.table import to_text

START, END = "»", "«"
HIGHLIGHT = "bold black on yellow"


def _line(line: dict[str, Any], first: int, last: int, color: bool) -> Text:
    text, match = line["text"], line["match"]
    if not match:
        return Text(text, style="dim" if color else "")
    a, b = match
    if color:
        shown = Text(text)
        shown.stylize(HIGHLIGHT, a, b)
        return shown
    opening = START if line["number"] == first else ""
    closing = END if line["number"] == last else ""
    return Text(f"{text[:a]}{opening}{text[a:b]}{closing}{text[b:]}")


def render(doc: dict[str, Any], *, width: int | None, color: bool) -> str:
    """One passage (and the footnote lines its markers point to), or a person's: one per statement."""
    if "passages" in doc:
        return "\n".join(render(one, width=width, color=color) for one in doc["passages"])
    found = doc["passage"]
    first, last = found["first_line"], found["last_line"]
    where = f"line {first}" if first == last else f"lines {first}-{last}"
    which = f" (statement {doc['statement']})" if doc.get("statement") else ""
    title = Text(f"{doc['id']}{which}: {doc['source']}.txt, {where}", style="bold" if color else "")
    table = Table(box=box.ROUNDED if color else None, header_style="bold" if color else "", show_edge=color,
                  pad_edge=False, expand=False)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("text", overflow="fold")
    for line in found["lines"]:
        table.add_row(Text(str(line["number"])), _line(line, first, last, color))
    parts: list[Any] = [title, table]
    if doc.get("footnotes"):
        notes = Table(box=box.ROUNDED if color else None, header_style="bold" if color else "", show_edge=color,
                      pad_edge=False, expand=False)
        notes.add_column("line", justify="right", no_wrap=True)
        notes.add_column("footnote", overflow="fold")
        for note in doc["footnotes"]:
            notes.add_row(Text(str(note["number"])), Text(note["text"]))
        parts.append(notes)
    if width is None:  # a pipe: each line of the text (and of a footnote) on one line
        width = max([len(title), *(len(str(line["number"])) + 2 + len(line["text"]) + 2
                                   for line in [*found["lines"], *doc.get("footnotes", [])])])
    return to_text(Group(*parts), width, color)
