"""CSV and TSV with a header row, through the csv module (quoting, embedded newlines, tabs)."""

from __future__ import annotations

import csv
import io
from typing import Any

from ecofacts.render.cells import cell


def render(rows: list[dict[str, Any]], columns: list[str], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(key)) for key in columns])
    return out.getvalue()
