"""People named in the documents: their role and organisation as the text gives them, the event they spoke
at, and what they said or called for (`statements`, each with its verbatim quote)."""

from __future__ import annotations

from ecofacts.kinds import sections
from ecofacts.kinds.base import SOURCES, Kind
from ecofacts.model import Record, Statement, _f


class Person(Record):
    id: str = _f("id")
    name: str = _f("str")
    role: str = _f("str")
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    organisation: str | None = _f("str", ref=("actors", "clusters", "initiatives"), default=None)
    affiliation: str | None = _f("str", default=None)  # the organisation as the text writes it (maybe cut off)
    event: str | None = _f("str", ref=("initiatives",), default=None)
    note: str | None = _f("str", default=None)
    statements: tuple[Statement, ...] = _f("statements", default=())


KIND = Kind(
    Person, "people", "person", plural="people",
    columns=["name", "role", "organisation_name", "affiliation", "event_name"],
    summary="List the people the documents name, with their role, organisation and event.",
    examples=["ecofacts people", "ecofacts show 'Thomas Dermine'", "ecofacts people --json | jq -r '.[].name'"],
    sections=[sections.claims(), sections.relations(), SOURCES],
)
