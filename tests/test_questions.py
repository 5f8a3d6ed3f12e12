"""Acceptance: forty questions an investor, journalist or policy analyst would put to ecofacts, drawn from the five
source documents (../shared/sources), each run as the command a user would type, with `--json`.

What each answer must hold is taken from the document, not from the tool: a figure as the document gives it
(`value`, and `text` as printed), a name, a phrase of the document. The dict that holds it must cite that document
(`source` or `sources`); `search` hits carry no source and are judged by their fields alone.
"""

from __future__ import annotations

import json
import shlex
import unicodedata

import pytest

from .conftest import invoke

NUC = "biowin-nuclear-medicine-wallonia"
CLU = "belgium-biotech-clusters"
RDC = "belgium-rd-clinical-biomanufacturing"
BIO = "biomanufacturing-future-belgium-2021"
DE = "wallonia-biotech-partnerships-de"

# (slug, source document, question, command, what the answer must hold: one dict per row that must be found).
# In a dict, a number must equal the row's field; a string must appear in it; "has": phrases the row must hold.
QUESTIONS = [
    # Nuclear medicine in Wallonia, Belgium (BioWin brochure)
    ("wallonia-nuclear-jobs", NUC, "How many nuclear-medicine jobs does Wallonia have?",
     "stats wallonia --topic 'nuclear medicine'", [{"value": 3800, "text": "3800+", "unit": "jobs"}]),
    ("belgium-nuclear-talent", NUC, "How many nuclear-medicine specialists and jobs does Belgium have?",
     "stats belgium --topic 'nuclear medicine'", [{"value": 350, "text": "350"}, {"value": 5000, "text": "5000"}]),
    ("world-isotope-share", NUC, "What share of the world's isotopes is produced in Belgium?",
     "stats belgium --topic 'nuclear medicine'",
     [{"value": 65, "text": "65%", "has": ["peak times"]}, {"text": "1/3", "has": ["routinely"]}]),
    ("wallonia-added-value", NUC, "What added value does Wallonia's nuclear-medicine sector generate?",
     "stats wallonia", [{"value": 355_000_000, "text": "355M", "has": ["euros in added value"]}]),
    ("nuclear-demand-growth", NUC, "How much will nuclear-medicine demand grow in the next ten years?",
     "stats --topic market", [{"value": 3, "value_max": 5, "text": "3-5", "subject": "world"}]),
    ("telix-manager-quote", NUC, "Who is the Telix site manager quoted, and what does he call Belgium?",
     "people", [{"name": "Sébastien Linard de Guertechin",
                 "role": "General Manager of Telix's Manufacturing Solutions in Seneffe",
                 "has": ["radiopharma valley"]}]),
    ("ire-isotopes", NUC, "Which isotopes does IRE produce?",
     "chain IRE", [{"has": ["Technetium-99 is produced at the IRE site from Molybdenum-99 made by SCK CEN"]}]),
    ("walloon-incentives", NUC, "What incentives does Wallonia offer businesses?",
     "stats wallonia --topic incentives",
     [{"value": 20, "text": "20%", "year_start": 2022, "year_end": 2027}, {"value": 11, "text": "11%"},
      {"value": 50, "value_max": 80, "text": "50-80%"}, {"value": 20, "value_max": 25, "text": "20-25%"}]),
    # Biotechnology companies and clusters in Belgium
    ("belgian-biotech-companies", CLU, "How many biotech companies operate in Belgium, and what share of Europe's?",
     "stats belgium --topic biotech", [{"value": 140, "has": ["over 140"]}, {"value": 7, "text": "7%"}]),
    ("european-turnover-rd-share", CLU, "What share of Europe's biotech turnover and R&D do Belgian companies have?",
     "stats belgium", [{"value": 16, "text": "16%", "has": ["turnover"]},
                       {"value": 10, "qualifier": "almost", "has": ["R&D expenditure"]}]),
    ("flemish-biotech-cities", CLU, "Where are most of Flanders' biotech companies and research institutes?",
     "cities --region flanders", [{"name": "Ghent"}, {"name": "Leuven"}, {"name": "Mechelen"}]),
    ("flemish-research-drivers", CLU, "What are the two main drivers of scientific research in Flanders?",
     "claims flanders", [{"has": ["Flanders Institute for Biotechnology (VIB)", "FlandersBio"]}]),
    ("walloon-biotech-centres", CLU, "What are Wallonia's main biotechnology centres?",
     "cities --region wallonia", [{"name": n} for n in ("Liège", "Charleroi", "Mons", "Ottignies", "Gembloux",
                                                       "Namur")]),
    ("walloon-support-partnership", CLU, "Which bodies form the Walloon partnership cited as stakeholders working "
     "together?", "relations --kind member-of",
     [{"subject_name": "DGTRE"}, {"subject_name": "AWEX"}, {"subject_name": "OFI"},
      {"has": ["main financial arm of the local authorities"]}]),
    ("biotech-association", CLU, "Which association do most Belgian biotech companies belong to?",
     "search association", [{"name": "Belgian Association for Bioindustries"}]),
    ("brussels-biotech-success", CLU, "What does Brussels owe the success of its emerging biotech sector to?",
     "claims brussels", [{"has": ["close collaboration between universities and industry",
                                  "support from the Regional authorities"]}]),
    # A centre of scientific and industrial (R&D, clinical trials, biomanufacturing)
    ("rd-investment-2022", RDC, "How much was invested in R&D in Belgium in 2022?",
     "stats belgium --year 2022", [{"value": 5_700_000_000, "text": "€5.7 billion", "year": 2022}]),
    ("innovation-scoreboard-rank", RDC, "How does the European Innovation Scoreboard rank Belgium?",
     "claims belgium --topic innovation", [{"has": ["innovation leader"]}]),
    ("rd-growth-vs-others", RDC, "How has Belgian R&D spending grown compared with other economies?",
     "claims belgium --topic R&D", [{"has": ["three decades", "faster than Japan, Europe, and even the US"]}]),
    ("trials-per-capita-rank", RDC, "How does Belgium rank in clinical trials per capita?",
     "claims belgium --topic 'clinical trials'",
     [{"has": ["European leader in clinical trials per capita"]}, {"has": ["EU top 3 of clinical trials per capita"]}]),
    ("trial-phases-above-average", RDC, "In which clinical-trial phases is Belgium above the European average?",
     "claims belgium --topic 'clinical trials'", [{"has": ["above the European average", "phase 1 and 4"]}]),
    ("mrna-vaccine-trials", RDC, "What role did Belgium play in the mRNA vaccine trials?",
     "claims belgium --topic 'clinical trials'",
     [{"has": ["key role in clinical trials testing the life-saving mRNA vaccine"]}]),
    ("frontier-technologies", RDC, "Which technologies is Belgium at the forefront of?",
     "claims belgium --topic biotech", [{"has": ["CAR-T", "mRNA", "nanobodies", "plasma derivatives"]}]),
    ("covid-made-in-belgium", RDC, "What did the COVID pandemic change for biomanufacturing in Belgium?",
     "claims belgium --topic biomanufacturing", [{"has": ["invented in Belgium", "made in Belgium"]}]),
    # Belgian biotech and biopharma: economic recovery (2021 press release)
    ("production-investment", BIO, "How much have companies invested in production facilities in ten years?",
     "stats belgium --topic investment", [{"value": 5_500_000_000, "text": "5.5 billion"}]),
    ("sector-employment-2020", BIO, "How many people did the biotech and biopharma sector employ in 2020?",
     "stats belgium --topic employment", [{"value": 35_000, "text": "35,000", "year": 2020},
                                          {"value": 10_000, "text": "10,000"}]),
    ("exports-and-rd-spending", BIO, "How large were the sector's exports and R&D spending?",
     "stats belgium --year 2020", [{"value": 53_000_000_000, "text": "€53 billion"},
                                   {"value": 5_000_000_000, "text": "€5 billion"}]),
    ("biomanufacturing-event", BIO, "Where and when was 'Biomanufacturing: the future starts in Belgium', and how "
     "many came?", "show 'Biomanufacturing: the future starts in Belgium'",
     [{"city_name": "Brussels", "has": ["21 September"]}, {"value": 200}]),
    ("druck-calls", BIO, "What did Frédéric Druck call for?",
     "people", [{"name": "Frédéric Druck", "role": "Secretary General",
                 "has": ["invented and made in Belgium", "partnerships between small organizations and large groups",
                         "risk capital"]}]),
    ("pot-talent-initiatives", BIO, "Which talent initiatives did Geoffrey Pot cite?",
     "people", [{"name": "Geoffrey Pot", "role": "President",
                 "has": ["ViTalent", "Cefochim", "EU Biotech School & Health Hub", "STEM"]}]),
    ("dermine-recovery-projects", BIO, "Which projects will the recovery plan fund, according to Thomas Dermine?",
     "relations --kind cited", [{"subject_name": "Thomas Dermine", "object_name": n}
                                for n in ("EU Biotech Campus", "Bio Base Europe Pilot Plant", "CESPE")]),
    ("event-companies", BIO, "Which companies were heard at the 2021 biomanufacturing event?",
     "relations --kind speaker-at",
     [{"description": f"{n} was one of the companies"}
      for n in ("Bio Base Europe Pilot Plant", "GSK", "Euronext", "Johnson & Johnson", "Sanofi", "Takeda",
                "Univercells")]),
    # 9 Biotech-Partnerschaften stärken die wallonische Wirtschaft (German article)
    ("biowin-medvia-partnership", DE, "When did BioWin and MEDVIA team up, and with what investment?",
     "show 'BioWin-MEDVIA partnership'",
     [{"year": 2024, "partners": "medvia"}, {"value": 44_000_000, "text": "€44 Mio."}]),
    ("biowin-medvia-results", DE, "What has the BioWin-MEDVIA partnership achieved and planned?",
     "stats 'BioWin-MEDVIA partnership'",
     [{"value": 75}, {"value": 60}, {"value": 1200, "text": "1.200", "year": 2026}]),
    ("atmp-pit-outlook", DE, "How many partners does ATMP-PIT have and how many jobs will it create?",
     "stats ATMP-PIT", [{"value": 26}, {"value": 470, "year": 2028, "status": "forecast"}]),
    ("atmp-market-2032", DE, "What will ATMPs be worth in Europe by 2032?",
     "stats europe", [{"value": 80_000_000_000, "text": "€80 Mrd.", "year": 2032}]),
    ("gsk-rixensart", DE, "What has GSK Vaccines in Rixensart invested, and how many does it train each year?",
     "stats GSK", [{"value": 100_000_000, "text": "€100 Mio.", "year": 2020}, {"value": 500}]),
    ("gosselies-cell-therapy-plant", DE, "Where is the cell-therapy plant in Gosselies and who are its partners?",
     "show MaSTherCell", [{"city_name": "Gosselies"}, {"subject_name": "Catalent", "year": 2020},
                          {"object_name": "Celyad"}, {"object_name": "Bone Therapeutics"},
                          {"value": 60_000, "text": "60.000 m²"}, {"value": 50, "text": "50+"}]),
    ("thermo-fisher-sites", DE, "Where does Thermo Fisher produce viral vectors after buying Novasep's division?",
     "relations --kind acquired", [{"subject_name": "Thermo Fisher", "year": 2021, "has": ["Seneffe", "Gosselies"]}]),
    ("wallonia-biotech-growth", DE, "How fast is Wallonia's biotech sector growing?",
     "stats wallonia", [{"value": 7, "text": "7 %"}, {"value": 2, "text": "doppelt"}]),
]


def fold(value) -> str:
    """Text compared as a reader would: no case, no accents, straight quotes, one kind of space."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " "))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def dicts(node):
    """Every object of a JSON answer, at any depth (rows, a record, its related rows, a person's statements)."""
    if isinstance(node, dict):
        yield node
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            yield from dicts(item)


def cites(row: dict, source: str) -> bool:
    named = row.get("source"), *(row.get("sources") or [])
    return source in {s.get("id") if isinstance(s, dict) else s for s in named}


def holds(row: dict, want: dict) -> bool:
    for key, expected in want.items():
        if key == "has":
            if not all(fold(phrase) in fold(row) for phrase in expected):
                return False
        elif isinstance(expected, str):
            if key not in row or fold(expected) not in fold(row[key]):
                return False
        elif row.get(key) != expected:
            return False
    return True


@pytest.mark.parametrize(("source", "question", "command", "wants"), [q[1:] for q in QUESTIONS],
                         ids=[q[0] for q in QUESTIONS])
def test_the_tool_answers_the_question_as_the_document_does(source, question, command, wants):
    args = shlex.split(command)
    result = invoke(*args, "--json")
    assert result.exit_code == 0, f"{question}\n$ ecofacts {command} --json\n{result.stderr}"
    answer = json.loads(result.stdout)
    # search hits name a record, not its source; elsewhere the object holding the answer must cite the document
    rows = answer if args[0] == "search" else [row for row in dicts(answer) if cites(row, source)]
    for want in wants:
        assert any(holds(row, want) for row in rows), f"{question}\n$ ecofacts {command} --json\nmissing: {want}"


def test_the_questions_cover_all_five_documents_evenly():
    per_source = {q[1]: 0 for q in QUESTIONS}
    for q in QUESTIONS:
        per_source[q[1]] += 1
    assert len(QUESTIONS) == 40 and len({q[0] for q in QUESTIONS}) == 40
    assert sorted(per_source) == sorted([NUC, CLU, RDC, BIO, DE]) and set(per_source.values()) == {8}
