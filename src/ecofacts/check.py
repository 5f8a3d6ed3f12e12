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

    def lines(self) -> list[str]:
        return [*self.problems, *(f"warning: {w}" for w in self.warnings)]

    def summary(self) -> str:
        if self.problems:
            n = len(self.problems)
            return f"check: {n} problem{'s' if n != 1 else ''} in {self.path}"
        verified = f"; {self.quotes_checked} quotes verified against their sources" if self.quotes_checked else ""
        warned = f"; {len(self.warnings)} warnings" if self.warnings else ""
        return f"ok: {self.path}: {self.records} records, {self.statistics} statistics{verified}{warned}"

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "ok": not self.problems, "problems": self.problems,
                "warnings": self.warnings, "records": self.records, "statistics": self.statistics,
                "quotes_checked": self.quotes_checked}


def check_file(path: Path, sources_dir: Path | None = None, shipped: Path | None = None) -> Report:
    """Every problem of the file at `path`; read and syntax errors are raised, as for any command.

    Quotes are proved against `sources_dir`/<id>.txt, where every document must have its text; without it,
    against the texts shipped in `shipped`, for the documents that have one there."""
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
    _check_disagreements(knowledge, report)
    from ecofacts.vocabulary import problems as vocabulary_problems  # only check reads the whole vocabulary

    found, warned = vocabulary_problems(knowledge, kinds.TABLES)
    report.problems += found
    report.warnings += warned
    _check_look_alikes(knowledge, report)
    if sources_dir is not None:
        _check_quotes(knowledge, sources_dir, report, required=True)
    elif shipped is not None and shipped.is_dir():
        _check_quotes(knowledge, shipped, report, required=False)
    return report


def quote_problem(stat: dict[str, Any], sources_dir: Path) -> str | None:
    """Why a new statistic's quote cannot be accepted against DIR/<source>.txt, or None."""
    file = sources_dir / f"{stat.get('source')}.txt"
    try:
        text = fold_quote(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return f"no readable source text at {file}"
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
        for rec in k.tables[kind.table]:
            if getattr(rec, "quote", None) is not None:
                yield f"{kind.word} {rec.id}", rec
            for name in nested:
                for i, item in enumerate(getattr(rec, name)):
                    if getattr(item, "quote", None) is not None:
                        yield f"{kind.word} {rec.id} {name}[{i}]", item


def _check_quotes(k: Knowledge, sources_dir: Path, report: Report, required: bool) -> None:
    if not sources_dir.is_dir():
        report.problems.append(f"--sources {sources_dir}: not a folder")
        return
    texts: dict[str, str] = {}
    for src in k.whole["sources"]:
        if src.kind != "document":
            continue
        file = sources_dir / f"{src.id}.txt"
        if not required and not file.is_file():
            continue
        try:
            texts[src.id] = fold_quote(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            report.problems.append(f"source {src.id}: no readable text at {file} ({exc.__class__.__name__})")
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


def _check_disagreements(k: Knowledge, report: Report) -> None:
    seen: dict[tuple[str, str, Any, str], Any] = {}
    for stat in k.stats:
        if stat.year is None:
            continue
        key = (stat.subject, stat.metric, stat.year, stat.status)  # a forecast does not contradict a measure
        other = seen.setdefault(key, stat)
        if other is not stat and (other.value, other.value_max) != (stat.value, stat.value_max):
            report.warnings.append(
                f"stat {stat.id} and {other.id} share subject {stat.subject!r}, metric {stat.metric!r} and "
                f"year {stat.year} but disagree ({stat.text!r} = {stat.value} vs {other.text!r} = {other.value})"
            )


# Letters of other scripts that look like Latin ones (a subset of Unicode's confusables, UTS #39): enough to tell
# a Cyrillic "Liеge" from "Liege".
_CONFUSABLE = str.maketrans("аеорсхуіјѕԁһӏԛԝаАВЕКМНОРСТХІЈЅαοριυνΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
                            "aeopcxyijsdhlqwaABEKMHOPCTXIJSaopiuvABEZHIKMNOPTYX")


def skeleton(text: str) -> str:
    """What a name looks like: compatibility forms folded, invisible and bidi characters dropped, letters of
    other scripts that look Latin read as Latin, case ignored (after UTS #39's skeleton)."""
    shown = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    return shown.translate(_CONFUSABLE).casefold()


def _scripts(text: str) -> set[str]:
    return {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()} - {"?"}


def _check_look_alikes(k: Knowledge, report: Report) -> None:
    """Names and ids that only look alike (invisible characters, bidi controls, letters of another script) are
    problems; a name several records share is a warning (`show` picks one, and says so)."""
    seen: dict[str, list[tuple[str, str]]] = {}
    for table in kinds.NAMED:
        for rec in k.whole[table]:
            for name in dict.fromkeys((rec.id, rec.name, *rec.aliases)):
                if any(unicodedata.category(c) == "Cf" for c in name):
                    report.problems.append(f"{kinds.word(table)} {rec.id}: name {name!r} holds invisible or "
                                           "bidi control characters")
                elif len(_scripts(name) & {"LATIN", "CYRILLIC", "GREEK"}) > 1:
                    report.problems.append(f"{kinds.word(table)} {rec.id}: name {name!r} mixes Latin letters "
                                           "with look-alikes of another script")
                entries = seen.setdefault(skeleton(name), [])
                if rec.id not in [i for i, _ in entries]:
                    entries.append((rec.id, name))
    for entries in seen.values():
        if len(entries) < 2:
            continue
        names = {fold(name) for _, name in entries}
        listed = ", ".join(f"{name!r} ({i})" for i, name in entries)
        if len(names) > 1:
            report.problems.append(f"names that look alike but differ: {listed}")
        else:
            report.warnings.append(f"one name for several records: {listed}")
