"""What was known when: `--published-before DATE` keeps the figures whose source is known to have been published
before DATE, and says which it withholds and why (`stats`, `series`, `compare`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ecofacts import query
from ecofacts.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ecofacts.kinds.stat import Stat
    from ecofacts.knowledge import Knowledge


def source_date(k: Knowledge, stat: Stat) -> str:
    """The publication date of a figure's source, as recorded ('' when undated)."""
    src = k.by_id.get(stat.source)
    return (src.date or "") if src is not None else ""


_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _days(text: str) -> tuple[str, str] | None:
    """A date of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as its first and last possible day (ISO strings); None when it
    is no day of the calendar (a 13th month, 30 February, the year 0)."""
    import calendar
    from datetime import date

    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(part) if part else 0 for part in match.groups())
    try:
        first = date(year, month or 1, day or 1)
    except ValueError:
        return None
    last = first if day else date(year, month, calendar.monthrange(year, month)[1]) if month else date(year, 12, 31)
    return first.isoformat(), last.isoformat()


def cutoff(date: str) -> str:
    """`--published-before DATE`, checked: the first day of DATE (YYYY, YYYY-MM or YYYY-MM-DD, a day of the
    calendar)."""
    span = _days(date)
    if span is None:
        match = _DATE.fullmatch(date.strip())
        why = "no such day in the calendar" if match and 1 <= int(match[2] or 1) <= 12 else \
            "give a date as YYYY, YYYY-MM or YYYY-MM-DD"
        raise UsageError(f"--published-before '{query.echoed(date)}': {why}")
    return span[0]


def published_by(k: Knowledge, stats: Iterable[Stat], date: str) -> tuple[list[Stat], list[Stat]]:
    """(kept, withheld): kept, the figures whose source was published before `date` (its last possible day,
    for a source dated by month or year, before DATE's first day); withheld, those whose source has no date or
    a date not known to be before it. Never dropped silently: callers count and list the withheld."""
    first = cutoff(date)
    kept: list[Stat] = []
    withheld: list[Stat] = []
    for s in stats:
        span = _days(source_date(k, s))
        (kept if span is not None and span[1] < first else withheld).append(s)
    return kept, withheld


def withheld_reason(k: Knowledge, stat: Stat, date: str) -> str:
    when = source_date(k, stat)
    if not when:
        return "source undated"
    span = _days(when)
    if span is not None and span[0] < cutoff(date):
        return f"source dated {when}: not known to be before {date}"
    return f"source dated {when}"
