"""Validation of a parsed knowledge file against the model's field declarations.

`validate` collects every problem at once, each prefixed with its path in the file (`stats[12].source`), and
only builds the `Knowledge` when there are none.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ecofacts import kinds
from ecofacts.knowledge import Knowledge
from ecofacts.model import NESTED, SCHEMA_VERSION
from ecofacts.names import fold

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YEAR = re.compile(r"^([0-9]{4})(?:-([0-9]{4}))?$")  # ASCII digits only: `\d` would take any script's

# Per class: (field name, type code, choices, referenced tables, required); required means it has no default.
_Spec = list[tuple[str, str, tuple[str, ...], tuple[str, ...], bool]]
_SPECS: dict[type[Any], tuple[_Spec, set[str]]] = {}


def _spec(cls: type[Any]) -> tuple[_Spec, set[str]]:
    """The field specs of a record class and the set of its keys, made once per class."""
    if cls not in _SPECS:
        spec = [(f.name, f.t, f.choices, kinds.ref_tables(f), f.required) for f in cls.FIELDS]
        _SPECS[cls] = spec, {name for name, *_ in spec}
    return _SPECS[cls]


def _type_problem(t: str, value: Any) -> str | None:
    """What is wrong with `value` for type code `t`, or None."""
    if t in ("str", "id"):
        if not isinstance(value, str):
            return f"expected a string, got {_describe(value)}"
        if not value or value.isspace():
            return "must not be empty"
        if t == "id" and not _ID.match(value):
            return f"id {value!r} must be lowercase letters, digits and single hyphens (like 'wallonia-jobs')"
        return None
    if t == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) else \
            f"expected a whole number, got {_describe(value)}"
    if t == "num":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"expected a number, got {_describe(value)}"
        return None if math.isfinite(value) else f"expected a finite number, got {value}"
    if t == "year":
        if isinstance(value, int) and not isinstance(value, bool):
            return None
        if isinstance(value, str) and (match := _YEAR.match(value)):
            if match[2] and match[2] < match[1]:
                return f"a period ends before it starts ({value!r}); write the earlier year first"
            return None
        return f"expected a year (2022) or a period ('2016-2021'), got {_describe(value)}"
    if t == "strs":
        if not isinstance(value, list) or not all(isinstance(v, str) and v and not v.isspace() for v in value):
            return f"expected a list of non-empty strings, got {_describe(value)}"
        return None
    # nested tables: events, conflicts, claims
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return f"expected a list of tables, got {_describe(value)}"
    return None


def _describe(value: Any) -> str:
    kind = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)
    return f"{kind} ({value!r})" if isinstance(value, bool | int | float | str) else kind


class _Validator:
    def __init__(self) -> None:
        self.problems: list[str] = []
        # (path of the record, key, index in a list or None, id, tables it may be in); paths are spelled out
        # only for the problems found, as this runs for every field of every record.
        self.refs: list[tuple[str, str, int | None, str, tuple[str, ...]]] = []

    def record(self, cls: type[Any], data: Any, path: str) -> Any:
        if not isinstance(data, dict):
            self.problems.append(f"{path}: expected a table, got {_describe(data)}")
            return None
        ok = True
        values: dict[str, Any] = {}
        spec, known = _spec(cls)
        for name, t, choices, ref, required in spec:
            if name not in data:
                if required:
                    self.problems.append(f"{path}: missing required key '{name}'")
                    ok = False
                continue
            value = data[name]
            # the common case first: a plain non-blank string
            fine = t == "str" and value.__class__ is str and value and not value.isspace()
            problem = None if fine else _type_problem(t, value)
            if problem is None and required and t == "strs" and not value:
                problem = "must not be empty (a required list names at least one)"
            if problem is None and choices:
                wrong = [v for v in value if v not in choices] if t == "strs" else \
                    ([] if value in choices else [value])
                if wrong:
                    problem = f"{wrong[0]!r} is not one of {', '.join(choices)}"
            if problem:
                self.problems.append(f"{path}.{name}: {problem}")
                ok = False
                continue
            if t in NESTED:
                items = [self.record(NESTED[t], v, f"{path}.{name}[{i}]") for i, v in enumerate(value)]
                if None in items:
                    ok = False
                value = tuple(items)
            elif t == "strs":
                value = tuple(value)
                if ref:
                    self.refs += [(path, name, i, r, ref) for i, r in enumerate(value)]
            elif ref:
                self.refs.append((path, name, None, value, ref))
            values[name] = value
        if not data.keys() <= known:
            self.problems += [f"{path}: unknown key '{name}'" for name in data if name not in known]
        low, high = values.get("value"), values.get("value_max")
        if isinstance(low, int | float) and isinstance(high, int | float) and high < low:
            self.problems.append(f"{path}.value_max: {high} is below value {low} (a range is low-high)")
            ok = False
        return cls(**values) if ok else None


def validate(data: dict[str, Any]) -> tuple[Knowledge | None, list[str]]:
    """Check a parsed knowledge file; return the Knowledge (None when invalid) and every problem found."""
    v = _Validator()
    version = data.get("schema", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        v.problems.append(f"schema: this ecofacts reads schema {SCHEMA_VERSION}, the file says {version!r}")
    for key in data:
        if key not in kinds.TABLES and key != "schema":
            v.problems.append(f"{key}: unknown table (expected one of {', '.join(kinds.TABLES)})")

    tables: dict[str, list[Any]] = {}
    table_of: dict[str, str] = {}
    folded_ids: dict[str, str] = {}
    for table in kinds.TABLES:
        raw = data.get(table, [])
        if not isinstance(raw, list):
            v.problems.append(f"{table}: expected an array of tables ([[{table}]]), got {_describe(raw)}")
            continue
        records = tables[table] = []
        for i, item in enumerate(raw):
            path = f"{table}[{i}]"
            raw_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(raw_id, str):  # ids equal but for case, accents or Unicode form are duplicates
                # a lowercase ASCII id folds to itself with hyphens as spaces: skip the Unicode work
                key = raw_id.replace("-", " ") if raw_id.isascii() and raw_id.islower() else fold(raw_id)
                if key in folded_ids:
                    v.problems.append(f"{path}.id: duplicate id {raw_id!r} (same as {folded_ids[key]})")
                    continue
                folded_ids[key] = f"{path}.id {raw_id!r}"
                table_of[raw_id] = table  # an invalid record's problems are its own: references to it resolve
            rec = v.record(kinds.BY_TABLE[table].cls, item, path)
            if rec is not None:
                records.append(rec)

    for path, key, index, ref, allowed in v.refs:
        if table_of.get(ref) not in allowed:
            words = [kinds.word(t) for t in allowed]
            word = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
            where = f"{path}.{key}" + (f"[{index}]" if index is not None else "")
            v.problems.append(f"{where}: no {word} {ref!r}")

    by_id = {rec.id: rec for records in tables.values() for rec in records}
    _cross_checks(tables, by_id, v.problems)
    if v.problems:
        return None, v.problems
    return Knowledge.build(tables), []


def _cross_checks(tables: dict[str, list[Any]], by_id: dict[str, Any], problems: list[str]) -> None:
    """Rules that span records: regions agree with cities, and what a source states says how we know it."""
    for table in kinds.LOCATED:
        for i, rec in enumerate(tables.get(table, [])):
            city = by_id.get(rec.city) if rec.city else None
            if city is not None and getattr(city, "region", rec.region) != rec.region:
                problems.append(f"{table}[{i}].region: {rec.region!r} but its city {city.id!r} is in "
                                f"{city.region!r}")
    for i, stat in enumerate(tables.get("stats", [])):
        if stat.attribution is not None and stat.cited_source is None:
            problems.append(f"stats[{i}].attribution: says how its cited_source is known, but it has none")
    for kind in kinds.KINDS:
        fields = {f.name for f in kind.cls.FIELDS}
        if {"source", "quote"} <= fields:
            for i, rec in enumerate(tables.get(kind.table, [])):
                _provenance_problems(rec, f"{kind.table}[{i}]", by_id, "evidence" in fields, problems)


def _provenance_problems(rec: Any, path: str, by_id: dict[str, Any], reportable: bool, problems: list[str]) -> None:
    """A record is quoted (a verbatim `quote` from a document whose text we hold) or, where its kind allows,
    reported (a web page with a URL, and our paraphrase as `evidence`); never both, and never from a study,
    which is only ever cited by a document (`cited_source`)."""
    source = by_id.get(rec.source)
    evidence = getattr(rec, "evidence", None)
    kind = getattr(source, "kind", None)
    if kind == "document":
        if rec.quote is None:
            problems.append(f"{path}.quote: missing: what comes from the document {rec.source!r} needs its "
                            "verbatim quote")
        if evidence is not None:
            problems.append(f"{path}.evidence: a quoted record has its quote; evidence is the paraphrase of a "
                            "reported one")
    elif kind == "web" and reportable:
        if rec.quote is not None:
            problems.append(f"{path}.quote: {rec.source!r} is a web page whose text we do not hold: a reported "
                            "record has no quote; give our paraphrase as evidence")
        if evidence is None:
            problems.append(f"{path}.evidence: missing: a reported record needs our paraphrase of the page")
        if source is not None and not source.url:
            problems.append(f"{path}.source: the web source {rec.source!r} has no url")
    elif kind is not None:
        what = "a document whose text holds the quote" + (", or a web page" if reportable else "")
        problems.append(f"{path}.source: {rec.source!r} is a {kind} source; this needs {what}")
    cited = by_id.get(getattr(rec, "cited_source", None) or "")
    if cited is not None and getattr(cited, "kind", None) != "study":
        problems.append(f"{path}.cited_source: {rec.cited_source!r} is not a study source")
