"""`ecofacts check`: validate a knowledge file and, given the source texts, prove every quote verbatim."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecofacts import kinds
from ecofacts.knowledge import Knowledge
from ecofacts.loader import parse_file
from ecofacts.model import NESTED
from ecofacts.names import fold
from ecofacts.schema import validate
from ecofacts.trust import Figure, agree, counts

_EMPHASIS = re.compile(r"\*\*|__")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_SPACE = re.compile(r"\s+")


def fold_quote(text: str) -> str:
    """What may differ between a quote and its source: markdown emphasis, backslash escapes, white space."""
    text = unicodedata.normalize("NFC", text)
    text = _ESCAPE.sub(r"\1", _EMPHASIS.sub("", text))
    return _SPACE.sub(" ", text).strip()


@dataclass
class Report:
    path: Path
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    records: int = 0
    statistics: int = 0
    quotes_checked: int = 0
    # how many statistics, claims and relations are at each trust level (`ecofacts.trust`)
    trust: dict[str, dict[str, int]] = field(default_factory=dict)
    statistics_without_year: int = 0
    sources_without_date: int = 0

    def lines(self) -> list[str]:
        return [*self.problems, *(f"warning: {w}" for w in self.warnings)]

    def summary(self) -> str:
        if self.problems:
            n = len(self.problems)
            return f"check: {n} problem{'s' if n != 1 else ''} in {self.path}"
        verified = f"; {self.quotes_checked} quotes verified against their sources" if self.quotes_checked else ""
        warned = f"; {len(self.warnings)} warnings" if self.warnings else ""
        undated = (f"; {self.statistics_without_year} statistic{'s' if self.statistics_without_year != 1 else ''}"
                   f" without a year, {self.sources_without_date} source{'s' if self.sources_without_date != 1 else ''}"
                   " without a date") if self.statistics_without_year or self.sources_without_date else ""
        return (f"ok: {self.path}: {self.records} records, {self.statistics} statistics{verified}{warned}{undated}"
                f"{self._trust()}")

    def _trust(self) -> str:
        """"; trust of the statistics: 8 corroborated, 213 single, 13 disputed, 17 unverified"."""
        tally = self.trust.get("stats")
        if not tally:
            return ""
        return "; trust of the statistics: " + ", ".join(f"{n} {level}" for level, n in tally.items())

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "ok": not self.problems, "problems": self.problems,
                "warnings": self.warnings, "records": self.records, "statistics": self.statistics,
                "quotes_checked": self.quotes_checked, "trust": self.trust,
                "statistics_without_year": self.statistics_without_year,
                "sources_without_date": self.sources_without_date}


def check_file(path: Path, sources_dir: Path | None = None, shipped: Path | None = None) -> Report:
    """Every problem of the file at `path`; read and syntax errors are raised, as for any command.

    Quotes are proved against `sources_dir`/<id>.txt, where every document must have its text; without it,
    against the texts shipped in `shipped`, for the documents that have one there. A `sources_dir` that is no
    folder is a UsageError (a bad option value, exit 2), before the file is read: no problem of the file."""
    if sources_dir is not None and not sources_dir.is_dir():
        from ecofacts.errors import UsageError

        raise UsageError(f"--sources {sources_dir}: not a folder")
    text, data = parse_file(path)
    report = Report(path)
    if not text.strip():
        report.problems.append(f"{path}: the file is empty (no sources, regions or statistics)")
        return report
    knowledge, report.problems = validate(data)
    if knowledge is None:
        return report
    report.records = len(knowledge.by_id) + len(knowledge.stats)
    report.statistics = len(knowledge.stats)
    for i, stat in enumerate(knowledge.stats):
        report.problems += [f"stats[{i}] {stat.id}: {problem}" for problem in figure_problems(stat)]
    _check_disagreements(knowledge, report)
    report.trust = counts(knowledge)
    from ecofacts.vocabulary import problems as vocabulary_problems  # only check reads the whole vocabulary

    found, warned = vocabulary_problems(knowledge, kinds.TABLES)
    report.problems += found
    report.warnings += warned
    _check_look_alikes(knowledge, report)
    _check_dates(knowledge, report)
    _check_part_of_cycles(knowledge, report)
    if sources_dir is not None:
        _check_quotes(knowledge, sources_dir, report, required=True)
    elif shipped is not None and shipped.is_dir():
        _check_quotes(knowledge, shipped, report, required=False)
    return report


# Units of figures that may be below zero (changes, balances, rates, money); any other unit counts things
_SIGNED_UNIT_WORDS = ("percent", "%", "eur", "usd", "€", "$", "index", "change", "growth", "balance", "rate",
                      "difference", "points", "pps", "rank", "score")
_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)
_FRACTION = re.compile(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*")


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 0.01 * max(abs(a), abs(b)))


def figure_problems(stat: Any) -> list[str]:
    """What cannot be right in a statistic's figure: a negative count, a `value` (or `value_max`) that no number
    of its `text` reads as (at any scale: "€5.7 billion" is 5.7e9, "3,61%" 3.61, "1/3" 33.33 %). A text
    without a number ("a third") is left to the reader."""
    problems: list[str] = []
    value, high = getattr(stat, "value", None), getattr(stat, "value_max", None)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return problems
    unit = str(getattr(stat, "unit", "") or "").lower()
    if value < 0 and not any(word in unit for word in _SIGNED_UNIT_WORDS):
        problems.append(f"value {value:g} is negative, but '{stat.unit}' counts things")
    text = getattr(stat, "text", None)
    if text:
        readings = _numbers_of(str(text))
        targets = [float(value)] + ([float(high)] if isinstance(high, int | float) else [])
        if readings and not any(_close(r * scale, t) or _close(r, t * scale)
                                for r in readings for scale in _SCALES for t in targets):
            problems.append(f"value {value:g} is not what its text {text!r} says")
    return problems


def _numbers_of(text: str) -> list[float]:
    """Every value the numbers of `text` may stand for (as `verify` reads figures; a fraction also as a
    percentage)."""
    if (fraction := _FRACTION.fullmatch(text)) and int(fraction[2]):
        share = int(fraction[1]) / int(fraction[2])
        return [share, share * 100]
    from ecofacts.verify_reading import figures, language

    found = []
    for figure in figures(text, language(text)):
        found += [*figure.values, *([figure.value_max] if figure.value_max is not None else [])]
    return found


def quote_problem(stat: dict[str, Any], sources_dir: Path) -> str | None:
    """Why a new statistic's quote cannot be accepted against DIR/<source>.txt, or None."""
    from ecofacts.errors import UsageError
    from ecofacts.inputs import read_source_text

    source = str(stat.get("source"))
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", source):  # an id, never a path: checked before any read
        return f"source {source!r} is not an id (lowercase letters, digits and single hyphens)"
    file = sources_dir / f"{source}.txt"
    try:
        raw = read_source_text(file)
    except UsageError:
        raw = None
    if raw is None:
        return f"no readable source text at {file}"
    text = fold_quote(raw)
    quote = fold_quote(str(stat.get("quote", "")))
    if not quote or quote not in text:
        return f"the quote is not in {file} verbatim"
    if fold_quote(str(stat.get("text", ""))) not in quote:
        return "the figure's text does not stand in its quote"
    return None


def _quoted(k: Knowledge) -> Iterator[tuple[str, Any]]:
    """(label, item) for every record, or record nested in one (a person's statement), that carries a quote."""
    for kind in kinds.KINDS:
        nested = [f.name for f in kind.cls.FIELDS if f.t in NESTED]
        for rec in k.records(kind.table):
            if getattr(rec, "quote", None) is not None:
                yield f"{kind.word} {rec.id}", rec
            for name in nested:
                for i, item in enumerate(getattr(rec, name)):
                    if getattr(item, "quote", None) is not None:
                        yield f"{kind.word} {rec.id} {name}[{i}]", item


def _check_quotes(k: Knowledge, sources_dir: Path, report: Report, required: bool) -> None:
    from ecofacts.errors import UsageError
    from ecofacts.inputs import read_source_text

    texts: dict[str, str] = {}
    for src in k.whole["sources"]:
        if src.kind != "document":
            continue
        file = sources_dir / f"{src.id}.txt"
        if not required and not file.is_file():
            continue
        try:  # a FIFO, device or a text over the size limit is refused outright (exit 3), never read
            raw = read_source_text(file)
        except UsageError as exc:
            report.problems.append(f"source {src.id}: no readable text at {file} ({exc.message})")
            continue
        if raw is None:
            report.problems.append(f"source {src.id}: no readable text at {file} (FileNotFoundError)")
            continue
        texts[src.id] = fold_quote(raw)
    for label, item in _quoted(k):
        source_text = texts.get(item.source)
        if source_text is None:
            continue
        quote = fold_quote(item.quote)
        if quote not in source_text:
            report.problems.append(f"{label}: quote not found verbatim in {item.source}: "
                                   f"{_closest_miss(quote, source_text)}")
        elif hasattr(item, "text") and fold_quote(item.text) not in quote:
            report.problems.append(f"{label}: text {item.text!r} does not stand in its quote")
        else:
            report.quotes_checked += 1


def _check_part_of_cycles(k: Knowledge, report: Report) -> None:
    """A city that is, through `part_of`, part of itself (`charleroi` part of `gosselies` and the reverse). A
    `near` cycle is no problem: two places can each be near the other."""
    parent = {c.id: c.part_of for c in k.whole["cities"] if c.part_of}
    reported: set[str] = set()
    for start in parent:
        path = [start]
        at = parent.get(start)
        while at is not None and at not in path and at not in reported:
            path.append(at)
            at = parent.get(at)
        if at is not None and at in path:
            cycle = path[path.index(at):]
            reported |= set(cycle)
            report.problems.append(f"cities {' -> '.join([*cycle, at])}: each is part of the next (a cycle)")


def _closest_miss(quote: str, text: str) -> str:
    """The longest start of the quote that the source does hold, to show where they part."""
    lo, hi = 0, len(quote)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if quote[:mid] in text:
            lo = mid
        else:
            hi = mid - 1
    return f"matches up to {quote[:lo][-30:]!r}, then differs at {quote[lo:lo + 30]!r}"


def _check_dates(k: Knowledge, report: Report) -> None:
    """A statistic without a year and a source without a date: "latest" and "known by when" cannot place them.
    Counted, and warned once per kind with their ids (the year or date is recorded only where a source states
    it; never guessed)."""
    stats = [s.id for s in k.stats if s.year is None]
    sources = [s.id for s in k.whole["sources"] if not s.date]
    report.statistics_without_year, report.sources_without_date = len(stats), len(sources)
    if stats:
        report.warnings.append(f"{len(stats)} of {len(k.stats)} statistics have no year (record the year its source "
                               f"states, or say in its note that none is stated): {', '.join(stats)}")
    if sources:
        report.warnings.append(f"{len(sources)} of {len(k.whole['sources'])} sources have no date (record the "
                               f"publication date the page or document states): {', '.join(sources)}")


def _check_disagreements(k: Knowledge, report: Report) -> None:
    """Two statistics of one subject, metric, year and status whose figures differ beyond the rounding of the less
    precise (`trust.agree`: 3.6 and 3.61 agree, as the trust levels have it: corroborated)."""
    seen: dict[tuple[str, str, Any, str], Any] = {}
    for stat in k.stats:
        if stat.year is None:
            continue
        key = (stat.subject, stat.metric, stat.year, stat.status)  # a forecast does not contradict a measure
        other = seen.setdefault(key, stat)
        if other is not stat and not agree(*(Figure("", s.unit, s.value, s.value_max) for s in (stat, other))):
            report.warnings.append(
                f"stat {stat.id} and {other.id} share subject {stat.subject!r}, metric {stat.metric!r} and "
                f"year {stat.year} but disagree ({stat.text!r} = {stat.value} vs {other.text!r} = {other.value})"
            )


def skeleton(text: str) -> str:
    """What a name looks like (`lookalike.skeleton`, UTS #39)."""
    from ecofacts.lookalike import skeleton as of

    return of(text)


def _named(k: Knowledge, only: str | None = None) -> list[tuple[str, str, str]]:
    """(table, record id, name) for every name, id and alias of the named records (or of record `only`)."""
    return [(table, rec.id, name) for table in kinds.NAMED for rec in k.whole[table]
            if only is None or rec.id == only for name in dict.fromkeys((rec.id, rec.name, *rec.aliases))]


def look_alike_problems(k: Knowledge, only: str | None = None) -> tuple[list[str], list[str]]:
    """The problems and warnings of `check`'s look-alike rules (`lookalike`): for every named record, or only
    those that involve record `only` (what `add` refuses a new record by)."""
    from ecofacts.lookalike import grouped, name_problem, skeleton

    problems: list[str] = []
    warnings: list[str] = []
    words = {rec_id: kinds.word(table) for table, rec_id, _ in _named(k)}
    for _, rec_id, name in _named(k, only):
        problem = name_problem(name)
        if problem:
            problems.append(f"{words[rec_id]} {rec_id}: {problem}")
    wanted = None if only is None else {skeleton(name) for _, _, name in _named(k, only)}
    everyone = [(rec_id, name) for _, rec_id, name in _named(k)]
    for key, entries in grouped(everyone).items():
        if len(entries) < 2 or (wanted is not None and key not in wanted):
            continue
        names = {fold(name) for _, name in entries}
        listed = ", ".join(f"{name!r} ({i})" for i, name in entries)
        if len(names) > 1:
            problems.append(f"names that look alike but differ: {listed}")
        else:
            warnings.append(f"one name for several records: {listed}")
    return problems, warnings


def _check_look_alikes(k: Knowledge, report: Report) -> None:
    """Names and ids that only look alike (invisible characters, bidi controls, letters of another script) are
    problems; a name several records share is a warning (`show` picks one, and says so)."""
    problems, warnings = look_alike_problems(k)
    report.problems += problems
    report.warnings += warnings
