"""How records are declared: `Record`, its fields (`_f`), and the records nested inside others.

Each record kind's class lives in its own module of `ecofacts.kinds`; it declares each field with `_f`: the
TOML type it is read from (`t`), the values it allows and, for references, the tables its ids must exist in
(`ref`). `schema.py` validates a parsed file against exactly these declarations, so adding a field to a class is
the whole change needed to load it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Self, dataclass_transform

SCHEMA_VERSION = 1

# In a field's `ref`: any table of named records (`kinds.NAMED`), as a statistic's subject may be.
ANY_NAMED = "named"

STATUSES = ("measured", "forecast", "target")
EVENT_KINDS = ("founded", "renamed", "acquired", "merged", "closed", "bankrupt", "moved", "opened", "sold")


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()  # the default of a field that has none


class Field:
    """One field of a record kind: its name, the TOML type code it is read from (`t`: str, id, int, num, year,
    strs, or the nested table events/conflicts/claims), the tables its ids must exist in (`ref`), the values it
    allows (`choices`) and its default (`REQUIRED` when it must be given)."""

    __slots__ = ("choices", "default", "name", "ref", "t")

    def __init__(self, t: str, ref: tuple[str, ...], choices: tuple[str, ...], default: Any) -> None:
        self.name = ""  # set by the class that declares it
        self.t, self.ref, self.choices, self.default = t, ref, choices, default

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.t!r}, ref={self.ref!r}, choices={self.choices!r}, default={self.default!r})"


def _f(t: str, *, ref: tuple[str, ...] = (), choices: tuple[str, ...] = (), default: Any = REQUIRED) -> Any:
    """Declares a field of type code `t` (see `Field`); required unless a default is given."""
    return Field(t, ref, choices, default)


_set = object.__setattr__


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(_f,))
class _RecordType(type):
    """Makes each `name: type = _f(...)` of a record class a slot, listed in order in `FIELDS`.

    A hand-made dataclass: `dataclasses` would write and compile five methods per class on every start-up
    (about 5 ms for this model); these records share one set of methods, defined once in `Record`.
    """

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> _RecordType:
        if any(getattr(base, "FIELDS", ()) for base in bases):
            raise TypeError(f"{name}: a record class cannot extend another one (its fields would be lost)")
        fields = []
        for key, value in list(namespace.items()):
            if isinstance(value, Field):
                value.name = key
                fields.append(value)
                del namespace[key]
        namespace["__slots__"] = tuple(f.name for f in fields)
        namespace["FIELDS"] = tuple(fields)
        return super().__new__(mcs, name, bases, namespace)


class Record(metaclass=_RecordType):
    """A frozen record of the knowledge file, built from keyword arguments only."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[Field, ...]] = ()

    def __init__(self, **values: Any) -> None:
        for f in self.FIELDS:
            value = values.pop(f.name, f.default)
            if value is REQUIRED:
                raise TypeError(f"{type(self).__name__}() missing field {f.name!r}")
            _set(self, f.name, value)
        if values:
            raise TypeError(f"{type(self).__name__}() got unknown field {next(iter(values))!r}")

    @classmethod
    def of_values(cls, values: Sequence[Any]) -> Self:
        """A record of its fields' values in field order, as the cache stores them, unchecked: for values read
        back from where this program wrote them and verified there (a hundred thousand rows a second faster)."""
        record = object.__new__(cls)
        for f, value in zip(cls.FIELDS, values, strict=True):
            _set(record, f.name, value)
        return record

    def _tuple(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in self.FIELDS)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._tuple() == other._tuple()

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in self.FIELDS)})"


def as_dict(rec: Record) -> dict[str, Any]:
    """A record as JSON's data model: every field, tuples as lists, nested records as dicts."""
    return {f.name: _plain(getattr(rec, f.name)) for f in rec.FIELDS}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Record):
        return as_dict(value)
    return value


def field_types(cls: type[Record]) -> dict[str, str]:
    """Field name -> type code, in declaration order."""
    return {f.name: f.t for f in cls.FIELDS}


class ConflictClaim(Record):
    """What one side of a conflict says, and who says it."""

    says: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))


class Conflict(Record):
    about: str = _f("str")
    claims: tuple[ConflictClaim, ...] = _f("sides")


class Event(Record):
    year: int | None = _f("int", default=None)  # None when the page reports the change without dating it
    kind: str = _f("str", choices=EVENT_KINDS)
    text: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))


class Site(Record):
    """One site of an organisation: the city, what happens there, and the pages that say so."""

    city: str = _f("str", ref=("cities",))
    role: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))


class Statement(Record):
    """What a person said or called for: in our words (`says`), and verbatim (`quote`) from a document."""

    says: str = _f("str")
    quote: str = _f("str")
    source: str = _f("str", ref=("sources",))
    topic: str | None = _f("str", default=None)


# Records nested in others, by the type code of the field that holds them.
NESTED: dict[str, type[Record]] = {"events": Event, "conflicts": Conflict, "sides": ConflictClaim, "sites": Site,
                                   "statements": Statement}
