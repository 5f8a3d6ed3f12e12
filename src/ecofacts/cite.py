"""`ecofacts cite`: a statistic (or any record resting on a `source`) as a citation a report can carry.

A citation is one JSON-ready dict (`citation`): what is stated (the figure, its scope, year and status), where it
comes from (the source, and the source that source cites), how we hold it (`provenance`: "quoted" with the
verbatim quote, or "reported" with the page's URL and an `evidence` paraphrase, never presented as a quote), and
which knowledge it came from (ecofacts' version and a short hash of the knowledge file's bytes). The styles
(APA, BibTeX, CSL-JSON, RIS, Markdown) are renderings of that dict, in `ecofacts.render.citation`.

Written for any record with `source` (and optional `cited_source`): statistics and claims (`CITABLE`). Fields a kind
may lack are read with `getattr(rec, name, None)`.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts import kinds, query
from ecofacts.trust import QUOTED, REPORTED, provenance

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

# The tables whose records can be cited, in the order an id is looked up in.
CITABLE = ("stats", "claims")
HASH_DIGITS = 12


class Version(NamedTuple):
    """What version of the knowledge a citation came from."""

    ecofacts: str
    knowledge: str  # the first HASH_DIGITS hex digits of the sha256 of the knowledge file's bytes


def knowledge_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:HASH_DIGITS]


def version_of(raw: bytes) -> Version:
    from ecofacts import __version__

    return Version(__version__, knowledge_hash(raw))


def loaded_version(k: Knowledge) -> Version:
    """The version of the knowledge `k` was loaded from: the hash of the bytes parsed (kept in the parse cache),
    never of the file read again, which may have been replaced since."""
    from ecofacts import __version__

    if not k.sha256:
        raise ValueError("knowledge not loaded from a file has no version")
    return Version(__version__, k.sha256[:HASH_DIGITS])


def find(k: Knowledge, record_id: str) -> Any:
    """The citable record `record_id`: a statistic or claim by id (`query.resolve_among`: a record of another kind
    is a UsageError naming its kind)."""
    return query.resolve_among(k, record_id, CITABLE,
                               ": cite takes a statistic or claim id (ecofacts show {id} lists those about it)")


def source_entry(k: Knowledge, source_id: str | None) -> dict[str, Any] | None:
    """A source as a citation names it: id, kind, title, publisher, date (and its note), url, language."""
    src = k.by_id.get(source_id) if source_id else None
    if src is None:
        return None
    return {"id": src.id, "kind": src.kind, "title": src.title, "title_supplied": title_supplied(src.title),
            "publisher": src.publisher, "date": src.date, "date_note": src.date_note, "url": src.url,
            "language": src.language}


_SUPPLIED = re.compile(r"\[[^\]]+\]")


def title_supplied(title: str | None) -> bool:
    """Whether a title holds words we supplied: in square brackets (APA's convention), a description where the
    page prints no title ("[Overview of biotechnology companies …]") or of what the page is ("[news listing] …")."""
    return bool(_SUPPLIED.search(title or ""))


def citation(k: Knowledge, rec: Any, version: Version) -> dict[str, Any]:
    """One record as a citation (see the module's docstring); keys are the same for every record."""
    kind = kinds.of(rec)
    source = source_entry(k, getattr(rec, "source", None))
    cited = source_entry(k, getattr(rec, "cited_source", None))
    how = provenance(k, rec.source)
    subject = getattr(rec, "subject", None)
    year = getattr(rec, "year", None)
    return {
        "id": rec.id,
        "kind": kind.word,
        "statement": getattr(rec, "label", None) or getattr(rec, "claim", None) or rec.id,
        # the figure as a reader says it ("1,200 jobs"); `printed` keeps the source's own form ("1.200"), which in
        # German or French notation an English reader could misread by a factor of 1000
        "figure": _display(rec),
        "printed": getattr(rec, "text", None),
        "value": getattr(rec, "value", None),
        "value_max": getattr(rec, "value_max", None),
        "unit": getattr(rec, "unit", None),
        "subject": subject,
        "subject_name": k.name_of(subject),
        "year": str(year) if year is not None else None,
        "status": getattr(rec, "status", None),
        "provenance": how,
        "quote": getattr(rec, "quote", None) if how == QUOTED else None,
        "evidence": getattr(rec, "evidence", None),
        "url": (source or {}).get("url") if how == REPORTED else None,
        "note": getattr(rec, "note", None),
        "source": source,
        "cited_source": cited,
        # "inferred" when the document does not tie the figure to its cited source itself (a lost footnote marker)
        "attribution": getattr(rec, "attribution", None) if cited is not None else None,
        # how far it bears weight (`ecofacts.trust`), and for a disputed statistic what disputes it
        **_trust(k, rec),
        "version": {"ecofacts": version.ecofacts, "knowledge": version.knowledge},
    }


def _trust(k: Knowledge, rec: Any) -> dict[str, Any]:
    from ecofacts.trust import DISPUTED, weigher

    w = weigher(k)
    found = w.level(rec)
    see = w.disputing(rec) if found == DISPUTED and hasattr(rec, "metric") else []
    return {"trust": found, "trust_see": see}


def _display(rec: Any) -> str | None:
    """A statistic's figure in English ("€44 million", "1/3"); a record without a value has none."""
    if getattr(rec, "value", None) is None:
        return getattr(rec, "text", None)
    from ecofacts.figures import display_value

    return display_value({key: getattr(rec, key, None) for key in ("value", "value_max", "unit", "qualifier", "text")})


def citations(k: Knowledge, ids: list[str], version: Version) -> list[dict[str, Any]]:
    """A bibliography: one citation per id, in the order given, each record once."""
    found: dict[str, Any] = {}
    for record_id in ids:
        rec = find(k, record_id)
        found.setdefault(rec.id, rec)
    return [citation(k, rec, version) for rec in found.values()]


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


class Date(NamedTuple):
    year: int | None
    month: int | None = None
    day: int | None = None


def parse_date(date: str | None) -> Date:
    """A source's date ("2025", "2024-03", "2024-11-05"); anything else is no date."""
    parts = (date or "").split("-")
    if not parts or not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        return Date(None)
    numbers = [int(p) for p in parts]
    if len(numbers) > 1 and not 1 <= numbers[1] <= 12:
        return Date(numbers[0])
    return Date(*numbers)
