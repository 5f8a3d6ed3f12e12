"""CSV and TSV with a header row, through the csv module (quoting, embedded newlines, tabs).

Every field reads back as it was meant (see `cells.delimited_cell`): a list is a JSON array
(`["biopharma", "medtech"]`, `[]` when empty), a nested record a JSON object, a referenced record its id. A field
holding the delimiter, a quote or a line break is quoted as RFC 4180 says, in TSV too, which is what duckdb's,
pandas' and Python's readers expect (`read_csv_auto('regions.tsv')` finds the five columns).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ecofacts.render.cells import delimited_cell
from ecofacts.safe_text import visible

BOM = "\ufeff"  # lets spreadsheet programs (Excel) recognise the text as UTF-8


def render(rows: list[dict[str, Any]], columns: list[str], delimiter: str, *, bom: bool = False) -> str:
    """The rows as CSV (`delimiter=","`) or TSV (`"\\t"`); `bom` starts the text with a UTF-8 byte-order mark."""
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([visible(c) for c in columns])  # a column may be a name from the data (compare)
    for row in rows:
        writer.writerow([delimited_cell(row.get(key)) for key in columns])
    return out.getvalue()
