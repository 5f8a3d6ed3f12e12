"""JSON and JSON Lines: UTF-8 text (`Liège`, not `Li\\u00e8ge`) unless the output cannot hold it."""

from __future__ import annotations

import json
from typing import Any


def render(data: Any, ascii_only: bool = False) -> str:
    return json.dumps(data, ensure_ascii=ascii_only, indent=2, allow_nan=False) + "\n"


def render_lines(rows: list[Any], ascii_only: bool = False) -> str:
    return "".join(json.dumps(row, ensure_ascii=ascii_only, allow_nan=False) + "\n" for row in rows)
