"""CSV and TSV with a header row, through the csv module (quoting, embedded newlines, tabs).

Every field reads back as it was meant (see `cells.delimited_cell`): a list is a JSON array
(`["biopharma", "medtech"]`, `[]` when empty), a nested record a JSON object, a referenced record its id. A field
holding the delimiter, a quote or a line break is quoted as RFC 4180 says, in TSV too, which is what duckdb's,
pandas' and Python's readers expect (`read_csv_auto('regions.tsv')` finds the five columns).

No cell can be a spreadsheet formula (CSV injection, as OWASP describes it): a text cell starting with `=`, `+`,
`-`, `@`, a tab or a carriage return is written with a leading `'`, which spreadsheets read as "text" and do not
show. Numbers are left as they are (`-5`, `1.5e-3`): only text is defused. A program reading the file back gets
that `'` too, on those cells only.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from ecofacts.render.cells import delimited_cell
from ecofacts.safe_text import visible

BOM = "\ufeff"  # lets spreadsheet programs (Excel) recognise the text as UTF-8
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def defused(text: str) -> str:
    """`text` as a cell no spreadsheet evaluates: `'` before a formula's first character (OWASP), unless the
    text is a plain number."""
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def render(rows: list[dict[str, Any]], columns: list[str], delimiter: str, *, bom: bool = False) -> str:
    """The rows as CSV (`delimiter=","`) or TSV (`"\\t"`); `bom` starts the text with a UTF-8 byte-order mark."""
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([defused(visible(c)) for c in columns])  # a column may be a name from the data (compare)
    for row in rows:
        writer.writerow([defused(delimited_cell(row.get(key))) for key in columns])
    return out.getvalue()
