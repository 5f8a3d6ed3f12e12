"""Statistics as a reader says them: "3,800+ jobs", "almost 10 %", "€5.7 billion", "3–5×".

Pure functions of a statistic's row (or a `compare` cell): `value`, `value_max`, `unit`, `qualifier`. The value
is shown exactly as stored, never rounded: a scale word (million, billion) is used only when it loses no digit,
and digits are grouped by thousands. The source's own wording stays in the row's `text`.
"""

from __future__ import annotations

import re
from typing import Any

# A qualifier's words before the figure; `at_least` is a "+" right after the number instead ("140+", "€53+ billion").
QUALIFIER_WORDS = {"almost": "almost ", "about": "about ", "up_to": "up to "}

# A share the source writes as a fraction ("1/3"): stored in percent points (33.33), shown as written, so that no
# display invents the precision of "33.33 %".
_FRACTION = re.compile(r"\s*([1-9][0-9]*)\s*/\s*([1-9][0-9]*)\s*")

# Units shown as a symbol glued to the number; every other unit is appended in words ("1,200 jobs").
_SUFFIX_SYMBOLS = {"percent": " %", "times": "×", "m2": " m²"}
_BARE = {"count", ""}  # a plain number
_SINGULAR = {"jobs": "job", "people": "person", "companies": "company", "specialists": "specialist",
             "years": "year", "employees": "employee", "trials_per_year": "trial per year"}
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_SCALE_DECIMALS = 3  # "€5.125 billion" at most; a figure that needs more digits is written out in full

# Metric ids as words: `rd_investment` -> "R&D investment".
_METRIC_WORDS = {"rd": "R&D", "eu": "EU", "us": "US", "sme": "SME", "atmp": "ATMP", "gdp": "GDP", "fte": "FTE",
                 "top10": "top 10", "vs": "vs", "m2": "m²", "eur": "(€)", "percent": "(%)", "pps": "PPS",
                 "epo": "EPO", "berd": "BERD", "def": "(own definition)"}


def group(number: int | float) -> str:
    """The number exactly as stored, digits grouped by thousands: 1200 -> '1,200', 33.33 -> '33.33', 5.0 -> '5'."""
    if isinstance(number, float):
        if number != number or number in (float("inf"), float("-inf")):
            return repr(number)
        if number.is_integer() and abs(number) < 1e16:
            return f"{int(number):,}"
        text = repr(number)
        if "e" in text:  # 1e+20, 1.5e-07: written out in full
            from decimal import Decimal

            text = format(Decimal(text), "f")
        sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
        whole, _, frac = digits.partition(".")
        return sign + f"{int(whole):,}" + ("." + frac if frac else "")
    return f"{number:,}"


def _scaled(numbers: list[int | float]) -> tuple[list[str], str]:
    """The figures with one shared scale word when every one of them keeps all its digits under it."""
    if all(isinstance(n, int) or (isinstance(n, float) and n.is_integer()) for n in numbers):
        ints = [int(n) for n in numbers]
        for size, word in _SCALES:  # the largest scale every figure reaches, if it keeps all their digits
            if all(abs(n) >= size for n in ints):
                if all(n % (size // 10**_SCALE_DECIMALS) == 0 for n in ints):
                    return [_decimal(n, size) for n in ints], " " + word
                break
    return [group(n) for n in numbers], ""


def _decimal(n: int, size: int) -> str:
    whole, rest = divmod(abs(n), size)
    frac = str(rest).rjust(len(str(size)) - 1, "0").rstrip("0")
    return ("-" if n < 0 else "") + f"{whole:,}" + ("." + frac if frac else "")


def display_value(stat: dict[str, Any], computed: str | None = None) -> str:
    """A statistic's value in English with its qualifier and unit.

    >>> display_value({"value": 3800, "unit": "jobs", "qualifier": "at_least"})
    '3,800+ jobs'
    >>> display_value({"value": 3, "value_max": 5, "unit": "times"})
    '3–5×'
    """
    value = stat.get("value")
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    high = stat.get("value_max")
    fraction = _FRACTION.fullmatch(str(stat.get("text") or "")) if stat.get("unit") == "percent" else None
    if fraction and computed is None and high is None:
        numerator, denominator = int(fraction[1]), int(fraction[2])
        if abs(value - 100 * numerator / denominator) < 0.01:
            return QUALIFIER_WORDS.get(str(stat.get("qualifier")), "") + f"{numerator}/{denominator}"
    numbers: list[int | float] = [value]
    if isinstance(high, int | float) and not isinstance(high, bool):
        numbers.append(high)
    figures, scale = _scaled(numbers)
    figure = "–".join(figures)  # an en dash between the ends of a range
    if computed is not None:  # a figure derived from the value (per inhabitant), already written out
        figure, scale = computed, ""
    qualifier = stat.get("qualifier")
    if qualifier == "at_least":
        figure += "+"
    unit = str(stat.get("unit") or "")
    if unit == "EUR" or unit.startswith("EUR "):
        text = "€" + figure + scale + unit[3:]
    elif unit in _SUFFIX_SYMBOLS:
        text = figure + scale + _SUFFIX_SYMBOLS[unit]
    elif unit.startswith("percent "):  # "percent of GDP" -> "2.5 % of GDP"
        text = figure + scale + " %" + unit[len("percent"):]
    elif unit in _BARE:
        text = figure + scale
    elif unit == "index":
        text = "index " + figure + scale
    elif unit == "rank":  # a place in a ranking: "top 3" (3rd or better), "no. 2"
        return ("top " if qualifier == "up_to" else "no. ") + figure
    else:
        words = _SINGULAR.get(unit, unit) if len(numbers) == 1 and value == 1 and not scale else unit
        text = figure + scale + " " + words.replace("_", " ")
    return QUALIFIER_WORDS.get(str(qualifier), "") + text


# What a figure's number is never parted from on a narrow screen: its scale word and its symbol ("€355 million",
# "3.4 %"); the unit's words after them ("of GDP", "jobs") may wrap.
_GLUED = {word for _, word in _SCALES} | {symbol.strip() for symbol in _SUFFIX_SYMBOLS.values()}


def figure_words(display: str) -> list[str]:
    """A `display_value` as the pieces a table may wrap between: 'almost €5.7 billion per year' -> 'almost',
    '€5.7 billion', 'per', 'year' (never '€5.7' / 'billion', which says another figure)."""
    pieces: list[str] = []
    for word in display.split():
        if pieces and word in _GLUED:
            pieces[-1] += " " + word
        else:
            pieces.append(word)
    return pieces


def metric_label(metric: str) -> str:
    """A metric id in words: 'european_biotech_rd_share' -> 'european biotech R&D share'."""
    return " ".join(_METRIC_WORDS.get(word, word) for word in metric.split("_"))


def is_projection(status: Any) -> bool:
    """Forecasts and targets: figures about what is expected, not what was measured."""
    return status in ("forecast", "target")


def cell_pieces(cell: dict[str, Any], row_year: Any = None) -> list[str]:
    """One `compare` cell as pieces never split across lines: the figure with its footnote ("€5.7 billion [4]"),
    its year where it differs from its row's, its status unless measured. With `--per-capita`, the figure
    divided by the population ("≈ €483.1 per inhabitant [4÷7]", computed, to four significant digits; JSON
    keeps every digit)."""
    share = cell.get("per_capita", False)
    if share is False:
        pieces = [f"{display_value(cell)} [{cell['footnote']}]"]
    elif share is None:
        pieces = [f"{display_value(cell)} [{cell['footnote']}]", "(no population recorded)"]
    else:
        low, high = (significant(v) for v in (share["value"], share["value_max"] or share["value"]))
        computed = low if share["value_max"] is None else f"{low}–{high}"
        shown = display_value({**cell, "value_max": None}, computed)
        per = "per inhabitant" if share.get("per", 1) == 1 else f"per {share['per']:,} inhabitants"
        pieces = [f"{shown} {per} [{cell['footnote']}÷{share['footnote']}]"]
        if share.get("population_year") is not None:  # the year of the population divided by, always shown
            pieces.append(f"(population of {share['population_year']})")
    if cell.get("year") is not None and cell["year"] != row_year:
        pieces.append(f"({cell['year']})")
    if cell.get("status") not in (None, "measured"):
        pieces.append(str(cell["status"]))
    return pieces


def significant(value: float, digits: int = 4) -> str:
    """A computed figure (never a recorded one) to `digits` significant digits, without an exponent."""
    if value == 0:
        return "0"
    from math import floor, log10

    decimals = max(digits - 1 - floor(log10(abs(value))), 0)
    return f"{value:,.{decimals}f}"


def figure(cell: dict[str, Any], row_year: Any = None) -> str:
    """One `compare` cell's figure as one line: '€5.7 billion [4] (2022)'."""
    return " ".join(cell_pieces(cell, row_year))


def row_label(row: dict[str, Any]) -> str:
    """A `compare` row in words, with the year its figures are lined up on: its statistics' label where they
    share one (ours, written for readers), else its metric in words."""
    if row["kind"] == "count":
        return count_label(row["metric"])
    labels = {cell["label"] for cells in row["values"].values() for cell in cells or () if cell.get("label")}
    words = labels.pop() if len(labels) == 1 else metric_label(row["metric"])
    return words + (f" ({row['year']})" if row.get("year") is not None else "")


def count_label(metric: str) -> str:
    """A `compare` row counted from the knowledge base itself, labelled so."""
    return f"{metric} (counted in this knowledge base)"
