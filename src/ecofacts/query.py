"""Lookups over a `Knowledge`: name resolution and the filters behind every listing and `show` section. Pure:
no printing, no shaping (the kinds' row builders shape what these find)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ecofacts import kinds
from ecofacts.errors import NotFoundError, UsageError
from ecofacts.kinds.base import Hit
from ecofacts.model import STATUSES
from ecofacts.names import closest, fold

if TYPE_CHECKING:
    from ecofacts.kinds.city import City
    from ecofacts.kinds.region import Region
    from ecofacts.kinds.stat import Stat
    from ecofacts.knowledge import Knowledge



def echoed(text: str, limit: int = 60) -> str:
    """What a user typed, as an error or notice repeats it: the first `limit` characters."""
    return text if len(text) <= limit else text[:limit] + "…"

def resolve(k: Knowledge, query: str, tables: Iterable[str] | None = None) -> Any:
    """The record named `query` (id, name or alias, folded) among `tables` (default: the named ones), earlier
    tables winning ties.

    Records of kinds without names (sources, statistics, claims …) are found by id. Raises NotFoundError with
    the closest names of the kinds asked for, and says so when the name is a record of another kind.
    """
    tables = tuple(kinds.NAMED if tables is None else tables)
    key = fold(query)
    named = named_by(k, key)
    # Ids are lowercase letters, digits and single hyphens, so the one id that folds to `key` is this:
    as_id = key.replace(" ", "-")
    if query.strip() == as_id and as_id in named and k.table_of[as_id] in tables:
        return k.by_id[as_id]  # an id typed as such is that record (`brussels-city`, whose name Brussels is shared)
    for table in tables:
        for rec_id in named:
            if k.table_of[rec_id] == table:
                return k.by_id[rec_id]
        if table == "stats":
            if (stat := k.stat(as_id)) is not None:
                return stat
        elif table not in kinds.NAMED and k.table_of.get(as_id) == table:
            return k.by_id[as_id]
    word = kinds.word(tables[0]) if len(tables) == 1 else "record"
    if not query.strip():
        raise NotFoundError(f"no {word} named '' (the name is empty)")
    shown = echoed(query)
    elsewhere = [k.by_id[i] for i in named]
    if elsewhere:
        what = "; ".join(f"{rec.name} is {with_article(kinds.word(k.table_of[rec.id]))}" for rec in elsewhere)
        raise NotFoundError(f"no {word} '{shown}'; {what}")
    from ecofacts.vocabulary import load

    if abroad := sorted({e.key for e in load().named(key, "elsewhere")}):
        # a place beyond the knowledge (`stats France`) is no slip of one it holds (`Flanders`)
        raise NotFoundError(f"no {word} '{shown}': {abroad[0]} is not covered (the knowledge holds no record of it)")
    ids = [i for t in tables for i in (k.stats.distinct("id") if t == "stats" else (r.id for r in k.whole[t]))]
    candidates = {fold(rec_id): rec_id for rec_id in ids}
    for name_key, named in k.names.items():  # an id, then the first record of a name, keep their key
        for rec_id in named:
            if k.table_of[rec_id] in tables:
                candidates.setdefault(name_key, rec_id)
    # a named record is suggested by its name (`Liège`) where that name is its alone; else by its id
    hints = list(dict.fromkeys(_by_name(k, rec_id) for rec_id in closest(query, candidates)))
    hint = "; did you mean " + " or ".join(f"'{h}'" for h in hints) + "?" if hints else ""
    raise NotFoundError(f"no {word} '{shown}'{hint}")


def _by_name(k: Knowledge, rec_id: str) -> str:
    rec = k.by_id.get(rec_id) if k.table_of.get(rec_id) in kinds.NAMED else None
    return rec.name if rec is not None and k.names.get(fold(rec.name)) == [rec_id] else rec_id


def with_article(word: str) -> str:
    """`a region`, `an initiative`."""
    return ("an " if word[0] in "aeiou" else "a ") + word


def named_by(k: Knowledge, key: str) -> list[str]:
    """The ids of the records the folded name `key` names; a city's name in any language names its namesake
    region too (`Bruxelles`, `Brussel` and `Brüssel` name the city of Brussels and, as `Brussels` does, the
    Brussels-Capital Region), after what it names itself."""
    ids = list(k.names.get(key, ()))
    for rec_id in list(ids):
        region = namesake_region(k, k.by_id[rec_id]) if k.table_of.get(rec_id) == "cities" else None
        if region is not None and region.id not in ids:
            ids.append(region.id)
    return ids


def names_in(k: Knowledge, text: str) -> set[str]:
    """The ids of the records a text names (by a name, alias or id of one to three words)."""
    tokens = fold(text).split()
    found: set[str] = set()
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            phrase = " ".join(tokens[i:i + n])
            if len(phrase) > 1:
                found.update(k.names.get(phrase, ()))
    return found


def groupings(k: Knowledge) -> dict[str, frozenset[str]]:
    """Each grouping of regions ("Wallonia and Brussels (combined)") and the regions its name names: a text or a
    question speaks of the grouping where it names all of them."""
    found = {}
    for g in k.whole["regions"]:
        if g.kind == "grouping":
            parts = frozenset(i for i in names_in(k, g.name) if k.table_of.get(i) == "regions") - {g.id}
            if len(parts) > 1:
                found[g.id] = parts
    return found


def namesake_region(k: Knowledge, city: Any) -> Any:
    """The region a city shares a name with (the city of Brussels and the Brussels-Capital Region), or None."""
    region = k.by_id.get(city.region or "")
    if region is None or k.table_of.get(region.id) != "regions":
        return None
    names = {fold(n) for n in (region.name, *region.aliases)}
    return region if names & {fold(n) for n in (city.name, *city.aliases)} else None


def also_named(k: Knowledge, query: str, found: Any) -> list[Any]:
    """The other records `query` names (`Brussels`, and `Bruxelles` likewise, are a region and a city), for a
    notice."""
    return [k.by_id[i] for i in named_by(k, fold(query)) if i != found.id]


def choice(value: str, allowed: Iterable[str], what: str, section: str | None = None) -> str:
    """`value` if it is (folded) one of `allowed`, in its canonical spelling; else, with `section`, the one it
    names as a word of that section of the vocabulary in any of the four languages (`emplois`, `banen`,
    `Arbeitsplätze` are the topic `employment`); else a UsageError that suggests the closest (values and their
    words) and lists them (the first twenty, when there are more)."""
    allowed = sorted(set(allowed))
    for option in allowed:
        if fold(option) == fold(value):
            return option
    candidates = {fold(option): option for option in allowed}
    if section is not None:  # the vocabulary is read only when a value is not the canonical one
        from ecofacts import vocabulary

        if (named := vocabulary.option(section, value, allowed)) is not None:
            return named
        candidates = {**vocabulary.suggestions(section, allowed), **candidates}
    hints = list(dict.fromkeys(closest(value, candidates)))
    hint = "did you mean " + " or ".join(f"'{h}'" for h in hints) + "? " if hints else ""
    listed = ", ".join(allowed[:20]) + (f", … ({len(allowed)} in all)" if len(allowed) > 20 else "")
    raise UsageError(f"unknown {what} '{value}'; {hint}choose from: {listed}")


def region_ids(k: Knowledge, region: Region) -> set[str]:
    """The region and every region inside it (Belgium holds Wallonia, Flanders and Brussels)."""
    found = {region.id}
    grew = True
    while grew:
        inner = {r.id for r in k.whole["regions"] if r.parent in found} - found
        found |= inner
        grew = bool(inner)
    return found


ORGANISATIONS = ("actors", "clusters", "initiatives")


def organisations_in(k: Knowledge, place_id: str, tables: Iterable[str] = ORGANISATIONS) -> Iterator[tuple[str, Any]]:
    """(table, record) of the organisations of `tables` located in a place: in a city by their seat (an actor also by
    a site, as `find_actors` has it); in a region by what lies inside it."""
    if k.table_of[place_id] == "cities":
        for table in tables:
            if table == "actors":
                yield from (("actors", h.record) for h in find_actors(k, city=place_id))
            else:
                yield from ((table, rec) for rec in k.whole[table] if rec.city == place_id)
    else:
        inside = region_ids(k, k.by_id[place_id])
        for table in tables:
            yield from ((table, rec) for rec in k.whole[table] if rec.region in inside)


# How an actor belongs to the city asked for: seated in the city itself, in a section of it, in a neighbour of the
# hub, or with one of its sites in any of those.
IN_CITY, SECTION, NEARBY, SITE = "in", "section", "nearby", "site"


def city_matches(k: Knowledge, city: City, nearby: bool) -> dict[str, str]:
    """City ids that count as `city` (itself, its sections, and its neighbours when `nearby`), with how."""
    found = {city.id: IN_CITY}
    for other in k.whole["cities"]:
        if other.part_of == city.id:
            found[other.id] = SECTION
        elif nearby and other.near == city.id:
            found[other.id] = NEARBY
    return found


def find_actors(
    k: Knowledge,
    city: str | None = None,
    region: str | None = None,
    kind: str | None = None,
    sector: str | None = None,
    source: str | None = None,
    nearby: bool = True,
    role: str | None = None,
) -> list[Hit]:
    """Organisations matching every filter given; no filter lists all. With `city`, each hit says how it
    matched (`city_matches`). `role` is one of the roles (`kinds.actor.ROLE_WORDS`) or a word for it in English,
    French, Dutch or German ("contract manufacturer", "sous-traitant", "Lohnhersteller" are `cdmo`)."""
    matches = city_matches(k, resolve(k, city, ("cities",)), nearby) if city is not None else None
    regions = region_ids(k, resolve(k, region, ("regions",))) if region is not None else None
    actors = k.whole["actors"]
    if kind is not None:
        kind = kind_of(k, "actors", kind)
    if sector is not None:
        sector = choice(sector, (s for a in actors for s in a.sectors), "sector", section="sector")
    source_id = resolve(k, source, ("sources",)).id if source is not None else None
    if role is not None:
        role = actor_role(role)
    hits = []
    for actor in actors:
        how = None
        if matches is not None:
            how = matches.get(actor.city or "") or (SITE if any(s.city in matches for s in actor.sites) else None)
            if how is None:
                continue
        if regions is not None and actor.region not in regions:
            continue
        if kind is not None and actor.kind != kind:
            continue
        if sector is not None and sector not in actor.sectors:
            continue
        if source_id is not None and source_id not in actor.sources:
            continue
        if role is not None and role not in actor.roles:
            continue
        hits.append(Hit(actor, how))
    return hits


def actor_role(word: str) -> str:
    """The role (`cdmo`) that `word` names: the role itself or one of its words in any of the four languages
    (the vocabulary's section `role`), ignoring case and accents; else a UsageError that suggests the closest."""
    from ecofacts.kinds.actor import ACTOR_ROLES

    return choice(word, ACTOR_ROLES, "role", section="role")


def find_cities(k: Knowledge, region: str | None = None) -> list[Hit]:
    """Cities (of `region`, if given), each with its organisations counted by kind by the one rule of
    `actors --city`: seated there or in a section or a neighbour of it, or with a site in any of those."""
    inside = region_ids(k, resolve(k, region, ("regions",))) if region is not None else None
    found = []
    for city in k.whole["cities"]:
        if inside is not None and city.region not in inside:
            continue
        by_kind: dict[str, int] = {}
        for hit in find_actors(k, city=city.id):
            by_kind[hit.record.kind] = by_kind.get(hit.record.kind, 0) + 1
        found.append(Hit(city, by_kind=by_kind))
    return found


def find_records(k: Knowledge, table: str, region: str | None = None, kind: str | None = None) -> list[Hit]:
    """The records of `table` in `region` (or a region inside it) and of `kind`, for the listings built from
    the registry; no filter lists all."""
    records = k.whole[table]
    regions = region_ids(k, resolve(k, region, ("regions",))) if region is not None else None
    if kind is not None:
        kind = kind_of(k, table, kind)
    return [Hit(r) for r in records
            if (regions is None or r.region in regions) and (kind is None or r.kind == kind)]


def resolve_among(k: Knowledge, name: str, tables: Sequence[str], refusal: str) -> Any:
    """The record `name` names among `tables` (`resolve`). One of another kind is a UsageError, as an argument of
    the wrong kind: what it is, then `refusal` (`{id}`: its id; `cite wallonia`: "Wallonia is a region: cite takes
    …"); one that matches nothing, NotFoundError with suggestions among `tables`."""
    if k.table_of.get(name) in tables:
        return k.by_id[name]
    try:
        return resolve(k, name, tables)
    except NotFoundError as not_found:
        try:
            rec = resolve(k, name, [t for t in kinds.WHOLE if t not in tables])
        except NotFoundError:
            raise not_found from None
    table = k.table_of[rec.id]
    named = k.name_of(rec.id) if table in kinds.NAMED else rec.id
    raise UsageError(f"{named} is {with_article(kinds.word(table))}{refusal.format(id=rec.id)}")


def kind_of(k: Knowledge, table: str, value: str) -> str:
    """The kind `value` names among those of the records of `table` (`choice`, words of the four languages too).
    One that only records of another listing are of is not found here, and the error says where they are
    (`actors --kind network`: networks are listed with the clusters)."""
    try:
        return choice(value, (r.kind for r in k.whole[table]), "kind", section="kind")
    except UsageError:
        for other in (t for t in ORGANISATIONS if t != table):
            try:
                named = choice(value, (r.kind for r in k.whole[other]), "kind", section="kind")
            except UsageError:
                continue
            listing = f"ecofacts {other}" + (f" --kind {named}" if "kind" in kinds.BY_TABLE[other].filters else "")
            raise NotFoundError(f"no {kinds.BY_TABLE[table].plural} of kind '{named}' are recorded; "
                                f"{kinds.BY_TABLE[other].plural} of that kind are ({listing})") from None
        raise


def _is(k: Knowledge, record: Any, table: str) -> bool:
    return k.table_of.get(record.id) == table


def located_in(k: Knowledge, record: Any) -> set[str]:
    """Ids of the records of located kinds (clusters, actors, initiatives) in a region (or its sub-regions) or a
    city (or its sections)."""
    tables = [k.whole[t] for t in kinds.LOCATED]
    if _is(k, record, "regions"):
        regions = region_ids(k, record)
        return {r.id for records in tables for r in records if r.region in regions}
    if _is(k, record, "cities"):
        cities = city_matches(k, record, nearby=False)
        return {r.id for records in tables for r in records if r.city in cities}
    return set()


def located_in_place(k: Knowledge, table: str, region: Region) -> list[Any]:
    """The records of a located `table` in `region` or a region inside it."""
    inside = region_ids(k, region)
    return [r for r in k.whole[table] if r.region in inside]


def tied_to(k: Knowledge, rec: Any, table: str) -> list[Any]:
    """The clusters or initiatives tied to `rec`: located in it (a region, or a city itself), or naming it as a
    member or partner."""
    if _is(k, rec, "regions"):
        return located_in_place(k, table, rec)
    if _is(k, rec, "cities"):
        return [r for r in k.whole[table] if r.city == rec.id]
    return [r for r in k.whole[table] if rec.id in getattr(r, "members", ()) or rec.id in getattr(r, "partners", ())]


def find_stats(
    k: Knowledge,
    subject: str | None = None,
    topic: str | None = None,
    year: int | None = None,
    status: str | None = None,
    include_members: bool = False,
) -> list[Hit]:
    """Statistics about `subject` (all when None) matching the filters.

    With `include_members`, a region's or city's list adds the figures of the organisations and initiatives
    located there, each marked with the member it belongs to.
    """
    if topic is not None:
        topic = choice(topic, k.stats.distinct("topic"), "topic", section="topic")
    if status is not None:
        status = choice(status, STATUSES, "status")
    from ecofacts.trust import weigher

    if subject is None:
        every = list(k.stats)
        weigher(k).prime(every)  # their trust weighed from the list in hand, not read again
        hits = [Hit(s) for s in every]
    else:
        record = resolve(k, subject)
        found = k.stats.where(subject=[record.id])
        weigher(k).prime(found, [record.id])
        hits = [Hit(s) for s in found]
        hits += [Hit(s) for s in filed_under_region(k, record)]
        hits += [Hit(s, via=acquired) for acquired in acquisitions(k, record)
                 for s in k.stats.where(subject=[acquired])]
        if include_members:
            for member in sorted(located_in(k, record)):
                found = k.stats.where(subject=[member])
                weigher(k).prime(found, [member])
                hits += [Hit(s, via=member) for s in found]
    return [
        h for h in hits
        if (topic is None or h.record.topic == topic)
        and (year is None or h.record.year_matches(year))
        and (status is None or h.record.status == status)
    ]


_PARENTHESES = re.compile(r"\([^)]*\)")


def filed_under_region(k: Knowledge, record: Any) -> list[Stat]:
    """The statistics of a cluster or organisation filed under its region: those of the region whose label names
    it outside parentheses ('Members of BioWin' is BioWin's; '... (flanders.bio definition)' is the region's,
    counted as flanders.bio counts)."""
    table = k.table_of.get(record.id)
    if table not in ("clusters", "actors") or not getattr(record, "region", None):
        return []
    names = {fold(n) for n in (record.name, *record.aliases) if len(fold(n)) > 2}
    found = []
    stats = k.stats
    # through the search index when there is one: the statistics whose texts name it, not all of the region's
    pool = [s for s in stats.containing_any(names, field="label") if s.subject == record.region] \
        if hasattr(stats, "containing_any") else stats.where(subject=[record.region])
    for stat in pool:
        label = f" {fold(_PARENTHESES.sub(' ', stat.label))} "
        if any(f" {name} " in label for name in names):
            found.append(stat)
    return found


def acquisitions(k: Knowledge, record: Any) -> list[str]:
    """The ids of the organisations `record` acquired (its relations of kind 'acquired'), in file order; none
    for what is not an organisation (the relations are not read then)."""
    if k.table_of.get(record.id) != "actors":
        return []
    return [r.object for r in k.whole["relations"] if r.kind == "acquired" and r.subject == record.id]


def find_claims(k: Knowledge, subject: str | None = None, topic: str | None = None,
                kind: str | None = None) -> list[Hit]:
    """Claims about `subject` (all when None), of `topic` and `kind`."""
    claims = k.whole["claims"]
    subject_id = resolve(k, subject).id if subject is not None else None
    if topic is not None:
        topic = choice(topic, (c.topic for c in claims), "topic", section="topic")
    if kind is not None:
        kind = choice(kind, (c.kind for c in claims), "kind", section="kind")
    return [Hit(c) for c in claims if (subject_id is None or c.subject == subject_id)
            and (topic is None or c.topic == topic) and (kind is None or c.kind == kind)]


def _product_key(text: str) -> str:
    """'Mo-99', 'mo99' and 'MO 99' are one product."""
    return fold(text).replace(" ", "")


# Elements by name in English, French, Dutch and German (folded): `chain lutetium` finds Lu-177
ELEMENTS = {
    "lu": ("lutetium", "lutecium"), "ac": ("actinium",), "at": ("astatine", "astate", "astaat", "astat"),
    "tc": ("technetium",), "mo": ("molybdenum", "molybdene", "molybdeen", "molybdan"),
    "i": ("iodine", "iode", "jodium", "jod", "iod"), "ga": ("gallium",), "ge": ("germanium",),
    "f": ("fluorine", "fluor"), "y": ("yttrium",), "ra": ("radium",), "u": ("uranium", "uran"),
}
_ELEMENT_OF = {word: symbol for symbol, words in ELEMENTS.items() for word in words}


def _isotope_of(key: str, product: str) -> bool:
    """Whether `product` is an isotope of the element whose symbol is `key` ('lu' and 'Lu-177')."""
    import re

    return re.match(rf"{re.escape(key)}-?[0-9]", fold(product).replace(" ", "")) is not None


def find_chain(k: Knowledge, name: str | None = None, stage: str | None = None) -> list[Hit]:
    """The value-chain links, from production to patient: of a product or isotope (`Lu-177`, `lu177`), or of an
    organisation (as producer) or a city, when `name` is one; of one `stage`."""
    from ecofacts.kinds.chain import STAGES

    links = k.whole["chain"]
    if stage is not None:
        stage = choice(stage, STAGES, "stage")
        links = [c for c in links if c.stage == stage]
    if name is not None:
        key = _product_key(name)
        by_product = [c for c in links if key and key in _product_key(c.product)]
        element = _ELEMENT_OF.get(key)
        isotopes = [c for c in links if _isotope_of(element, c.product)] if element is not None else []
        by_product = isotopes or by_product
        if by_product:
            links = by_product
        else:
            try:
                rec = resolve(k, name, ("actors", "cities", "regions"))
            except NotFoundError:
                products = {_product_key(c.product): c.product for c in k.whole["chain"]}
                hints = closest(name, products) if key else []
                hint = "; did you mean " + " or ".join(f"'{h}'" for h in hints) + "?" if hints else ""
                raise NotFoundError(f"no product, organisation or city '{name}' in the value chain{hint}") from None
            if k.table_of.get(rec.id) == "regions":  # a region: the links located in it or in a region inside it
                inside = region_ids(k, rec)
                links = [c for c in links if _region_of(k, c) in inside]
            else:
                links = [c for c in links if rec.id in (c.producer, c.city)]
    return [Hit(c) for c in sorted(links, key=lambda c: STAGES.index(c.stage))]


def _region_of(k: Knowledge, link: Any) -> str | None:
    """The region of a chain link: its city's, else its producer's."""
    for ref in (link.city, link.producer):
        rec = k.by_id.get(ref) if ref else None
        if rec is not None and getattr(rec, "region", None):
            return str(rec.region)
    return None


# --- what `show` lists about a record: the kinds' `Section`s name these functions (a kind sits below `query`,
# which reads the kinds' registry, so it names them rather than importing them) -------------------------------


def organisations_of_city(k: Knowledge, city: City) -> list[Hit]:
    return find_actors(k, city=city.id)


def organisations_in_region(k: Knowledge, region: Region) -> list[Any]:
    return located_in_place(k, "actors", region)


def statistics_about(k: Knowledge, rec: Any, include_members: bool = False) -> list[Hit]:
    return find_stats(k, rec.id, include_members=include_members)
