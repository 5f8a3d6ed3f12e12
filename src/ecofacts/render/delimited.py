"""CSV and TSV with a header row, through the csv module (quoting, embedded newlines, tabs)."""

from __future__ import annotations

import csv
import io
from typing import Any

from ecofacts.render.cells import cell
from ecofacts.safe_text import visible


def render(rows: list[dict[str, Any]], columns: list[str], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([visible(c) for c in columns])  # a column may be a name from the data (compare)
    for row in rows:
        writer.writerow([cell(row.get(key)) for key in columns])
    return out.getvalue()
