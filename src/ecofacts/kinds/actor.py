"""Organisations: companies, universities, research centres, hospitals, agencies, investors, science parks …"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecofacts.kinds import sections
from ecofacts.kinds.base import NAMED_BRIEF, SOURCES, Hit, Kind, Row, Section, named_row
from ecofacts.model import Conflict, Event, Record, Site, _f

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

ACTOR_KINDS = (
    "company", "university", "research-centre", "hospital", "agency", "federation", "investor",
    "science-park", "training-centre", "network", "foundation",
)
ACTOR_STATUSES = ("active", "closed", "acquired", "renamed", "bankrupt")

# What an organisation does in the ecosystem, as an investor asks it (docs/guide.md, "Organisation roles"); an
# organisation has every role its sources support. The words people use for each, in English, French, Dutch and
# German, are what `query.find_actors(role=...)` accepts besides the role itself.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "cdmo": ("contract manufacturer", "contract manufacturing", "contract development and manufacturing",
             "CMO", "sous-traitant", "façonnier", "fabricant à façon", "contractfabrikant", "loonfabrikant",
             "Auftragshersteller", "Lohnhersteller", "Auftragsfertiger"),
    "drug-developer": ("drug developer", "therapy developer", "développeur de médicaments",
                       "geneesmiddelenontwikkelaar", "Arzneimittelentwickler"),
    "manufacturer": ("pharmaceutical manufacturer", "pharma manufacturer", "fabricant pharmaceutique",
                     "farmaceutische fabrikant", "Pharmahersteller"),
    "radiopharma-producer": ("radiopharmaceutical producer", "radioisotope producer", "isotope producer",
                             "producteur de radiopharmaceutiques", "producteur d'isotopes",
                             "radiofarmaca-producent", "isotopenproducent", "Radiopharmaka-Hersteller",
                             "Isotopenhersteller"),
    "equipment-maker": ("equipment maker", "equipment manufacturer", "fabricant d'équipements", "équipementier",
                        "apparatenbouwer", "uitrustingsfabrikant", "Gerätehersteller", "Ausrüster"),
    "diagnostics-maker": ("diagnostics maker", "diagnostics company", "fabricant de diagnostics",
                          "diagnosticabedrijf", "Diagnostikahersteller"),
    "service-provider": ("service provider", "prestataire de services", "dienstverlener", "Dienstleister"),
    "investor": ("investment fund", "investisseur", "fonds d'investissement", "investeerder", "investeringsfonds",
                 "Investor", "Investmentfonds", "Investitionsfonds"),
    "research-centre": ("research center", "research institute", "centre de recherche", "onderzoekscentrum",
                        "Forschungszentrum"),
    "university": ("université", "universiteit", "Universität", "Hochschule"),
    "hospital": ("hôpital", "ziekenhuis", "Krankenhaus", "Klinikum"),
    "science-park": ("science park", "parc scientifique", "wetenschapspark", "Wissenschaftspark"),
    "training-centre": ("training center", "centre de formation", "opleidingscentrum", "Ausbildungszentrum",
                        "Schulungszentrum"),
    "agency": ("public agency", "agence", "agentschap", "Agentur", "Behörde"),
    "global-pharma": ("global pharma", "global pharma group", "big pharma", "groupe pharmaceutique mondial",
                      "multinationale pharmaceutique", "farmareus", "internationale farmagroep", "Pharmakonzern",
                      "globaler Pharmakonzern"),
}
ACTOR_ROLES = tuple(ROLE_WORDS)


class Actor(Record):
    id: str = _f("id")
    name: str = _f("str")
    kind: str = _f("str", choices=ACTOR_KINDS)
    region: str = _f("str", ref=("regions",))
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    city: str | None = _f("str", ref=("cities",), default=None)  # its seat, or its one site
    sites: tuple[Site, ...] = _f("sites", default=())  # where an organisation of several sites works, and how
    sectors: tuple[str, ...] = _f("strs", default=())
    roles: tuple[str, ...] = _f("strs", choices=ACTOR_ROLES, default=())  # ROLE_WORDS; each supported by a source
    as_of: int | None = _f("int", default=None)
    status: str | None = _f("str", choices=ACTOR_STATUSES, default=None)
    events: tuple[Event, ...] = _f("events", default=())
    conflicts: tuple[Conflict, ...] = _f("conflicts", default=())
    related: tuple[str, ...] = _f("strs", ref=("actors", "clusters", "initiatives"), default=())


def latest_event(events: tuple[Event, ...]) -> str | None:
    """The newest dated fact as a person reads it ('2021 renamed: Renamed aptaskil'); undated ones count last."""
    if not events:
        return None
    e = max(events, key=lambda e: (e.year is not None, e.year or 0))
    return f"{e.year if e.year is not None else 'undated'} {e.kind}: {e.text}"


def actor_row(k: Knowledge, hit: Hit) -> Row:
    """An organisation with its latest dated fact, and how it matched the city asked for (if one was)."""
    row = named_row(k, hit.record)
    row["latest_event"] = latest_event(hit.record.events)
    if hit.match is not None:
        row["match"] = hit.match
    return row


def _related(k: Knowledge, rec: Any) -> list[Any]:
    """The organisations it names as related, and those that name it."""
    return [k.by_id[r] for r in rec.related] + [a for a in k.whole["actors"]
                                                if rec.id in a.related and a.id not in rec.related]


KIND = Kind(
    Actor, "actors", "actor", plural="organisations",
    columns=["name", "kind", "city_name", "sectors", "latest_event"], extra=["latest_event", "match"],
    row=actor_row, brief=actor_row, located=True,
    sections=[
        sections.tied("clusters"),
        sections.tied("initiatives"),
        Section("related organisations", _related, NAMED_BRIEF),
        sections.statistics(),
        sections.chain(),
        sections.claims(),
        sections.relations(),
        SOURCES,
    ],
)
