"""What each key of a row means, declared once: its heading, how much a table wants it, whether it is kept whole,
its alignment, its description in an export's metadata, and how `search` ranks a match in it.

Every key of every record kind (and of the records nested in them) has an entry; `tests/test_row_keys.py` fails
for a new kind's key that has none, so it never silently gets the defaults. Keys of computed shapes (a
comparison's region columns, a series' rows) not listed here get `DEFAULT`.
"""

from __future__ import annotations

# How `search` ranks a match in a field: what names a record, what it states, everything else.
NAMES, STATES, OTHER = 0, 1, 2


class Key:
    """One key's meaning. `priority`: which columns a table too wide keeps (the highest); `whole`: its values are
    kept on one line (ids, figures, years, URLs), where a long text wraps between words; `right`: right-aligned;
    `header`: its heading when not the key in words; `about`: its description in an export (None: described from
    the model); `searched`: the rank of a match in it for `search`, or None when it is no text to search."""

    __slots__ = ("about", "header", "priority", "right", "searched", "whole")

    def __init__(self, priority: int = 50, *, whole: bool = False, right: bool = False, header: str | None = None,
                 about: str | None = None, searched: int | None = OTHER) -> None:
        self.priority, self.whole, self.right, self.header = priority, whole, right, header
        self.about, self.searched = about, searched


DEFAULT = Key()

KEYS: dict[str, Key] = {
    # what a record is and what names it
    "id": Key(100, whole=True, searched=None,
              about="The record's id (the primary key; what `ecofacts show ID` takes)."),
    "name": Key(95, about="Its name.", searched=NAMES),
    "aliases": Key(20, about="Other names it is known by (JSON list).", searched=NAMES),
    "title": Key(90, about="The source's title.", searched=NAMES),
    "label": Key(85, about="What the figure says, in words.", searched=NAMES),
    "product": Key(93, searched=NAMES),
    "kind": Key(78, whole=True, about="Its kind."),
    "description": Key(20, about="What it is, in a sentence or two."),
    # references and their display names (a reference is searched as its own record)
    "subject": Key(whole=True), "subject_name": Key(95),
    "object": Key(), "object_name": Key(94),
    "region": Key(whole=True), "region_name": Key(62),
    "city": Key(whole=True), "city_name": Key(64),
    "parent": Key(whole=True), "parent_name": Key(50),
    "part_of": Key(whole=True), "part_of_name": Key(50),
    "near": Key(whole=True), "near_name": Key(48),
    "member": Key(whole=True, about="Empty in an export (set when a place's listing includes its members' figures)."),
    "member_name": Key(66),
    "producer": Key(), "producer_name": Key(84),
    "organisation": Key(), "organisation_name": Key(),
    "event": Key(), "event_name": Key(),
    "sources": Key(about="Ids of the sources it rests on (JSON list; see the sources table)."),
    "related": Key(about="Ids of related records (JSON list)."),
    "members": Key(), "partners": Key(), "input": Key(),
    # a statistic's figure
    "metric": Key(82, whole=True,
                  about="What is measured (one word per quantity, shared by comparable statistics)."),
    "topic": Key(52, whole=True, about="The topic the statistic is listed under."),
    "display": Key(96, header="figure", searched=STATES),
    "value": Key(90, whole=True, about="The figure as a number, in the row's unit (the lower bound of a range)."),
    "value_max": Key(78, whole=True, about="The upper bound of a range (3-5 times), else empty."),
    "unit": Key(54, whole=True, searched=None,
                about="The unit of value and value_max (EUR, jobs, percent, times, ...): it differs from row to row."),
    "qualifier": Key(40, whole=True, about="at_least, almost, about or up_to when the text qualifies the figure."),
    "year": Key(80, whole=True, searched=STATES,
                about="The year or period the figure is for, as written (2020, 2010-2020)."),
    "year_start": Key(whole=True, about="The first calendar year of `year`."),
    "year_end": Key(whole=True, about="The last calendar year of `year`."),
    "status": Key(75, whole=True, about="measured, forecast or target."),
    "text": Key(90, whole=True, about="The figure as the source writes it.", searched=STATES),
    # what a record states, and how we know it
    "claim": Key(88, searched=STATES),
    "quote": Key(15, about="The verbatim quote of the source that holds the figure.", searched=STATES),
    "says": Key(searched=STATES),
    "evidence": Key(15, searched=STATES,
                    about="For a figure a web page reports: what the page says (a paraphrase, not a quote)."),
    "statements": Key(),
    "source": Key(72, whole=True, about="Id of the source the figure is taken from."),
    "cited_source": Key(25, whole=True, about="Id of the source that source cites for the figure."),
    "attribution": Key(), "basis": Key(), "origins": Key(), "reported_elsewhere": Key(),
    "provenance": Key(74),
    "trust": Key(77, whole=True,
                 about="How far it bears weight, computed from the knowledge: corroborated (another publisher gives "
                       "the same figure), single, disputed (a conflicting figure or a recorded doubt), unverified "
                       "(its source names no origin), implied (a relation the text implies, not states)."),
    "note": Key(15, about="Notes on scope and reading."),
    # a source
    "language": Key(35, whole=True, searched=None, about="The language of the text (ISO 639-1)."),
    "publisher": Key(55, about="Who published it."),
    "date": Key(55, whole=True, searched=None,
                about="When it was published (YYYY, YYYY-MM or YYYY-MM-DD)."),
    "date_note": Key(about="How the date was worked out, or why there is none."),
    "url": Key(30, whole=True, searched=None, about="Where it is online."),
    "cites": Key(about="Ids of the sources it cites (JSON list)."),
    "defects": Key(about="Known defects of the text (JSON list)."),
    "statistics": Key(60, whole=True, right=True, about="How many statistics rest on it (as source or cited source)."),
    "records": Key(58, whole=True, right=True, about="How many named records cite it."),
    # places and organisations
    "actor_count": Key(60, whole=True, right=True, about="How many organisations are recorded there."),
    "actors": Key(45, about="Ids of the organisations recorded there (JSON list)."),
    "actors_by_kind": Key(about="How many organisations of each kind (JSON object)."), "hub": Key(),
    "focus": Key(40), "sectors": Key(25), "roles": Key(), "role": Key(80), "use": Key(81), "stage": Key(86, whole=True),
    "sites": Key(), "as_of": Key(whole=True), "latest_event": Key(45, about="Its most recent event."),
    "match": Key(68, whole=True, about="Empty in an export (set by `actors --city`)."),
    "events": Key(about="Dated events: founded, renamed, acquired, ... (JSON list of objects with their sources)."),
    "conflicts": Key(about="Points on which sources disagree (JSON list of objects with each side's sources)."),
    "about": Key(), "claims": Key(), "affiliation": Key(),
    # the rows of search and verify
    "matched": Key(56, whole=True), "excerpt": Key(85),
    "verdict": Key(99),  # verify: the verdict is what the table is for
    "statistic": Key(89),
    "reason": Key(91),  # verify: why the verdict, in words (before the id of the statistic it names)
}


def key(name: str) -> Key:
    """The meaning of a row key (`DEFAULT` for a key of a computed shape)."""
    return KEYS.get(name, DEFAULT)
