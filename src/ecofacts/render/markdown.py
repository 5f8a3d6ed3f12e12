"""A GitHub pipe table: `|` escaped, line breaks as <br>, so every value stays in its cell."""

from __future__ import annotations

from typing import Any

from ecofacts.render.cells import cell, header


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def render(rows: list[dict[str, Any]], columns: list[str]) -> str:
    lines = [
        "| " + " | ".join(_escape(header(c)) for c in columns) + " |",
        "|" + "|".join(" --- " for _ in columns) + "|",
    ]
    lines += ["| " + " | ".join(_escape(cell(row.get(c))) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"
