"""`ecofacts verify FILE`: every figure of a draft checked against the knowledge.

A *figure* is a number with what makes it one: a unit, a currency, a scale word, a percent sign, a multiple
("3,800+", "€5.7 billion", "1.200", "44 Mio.", "3 800", "65 %", "3-5 times", "doubled"), in English, French
or German notation. Dates, years standing alone, page numbers, list numbers, footnote marks, ordinals and the
digits of names ("COVID-19") are not figures and are masked before figures are read.

Each figure is matched to the statistics by value (every reading of an ambiguous notation: "1.200" is 1,200 in
German and 1.2 in English) and by the words around it: the subjects its sentence names (names and aliases of the
knowledge, `k.names`, and the regions' adjectives; of several places, the one of the figure's own clause, see
`Verifier.scope_of`), the words of each statistic's label and metric (with a small French and German vocabulary),
the years and whether the sentence speaks of the future. Verdicts:

- `supported`: a statistic of that value, about what the sentence speaks of, for its year and status;
- `value-differs`: the statistic the sentence speaks of has another value;
- `year-differs`: same value and statistic, but the sentence dates it to another year;
- `scope-differs`: the value is another subject's (Belgium's figure written as Wallonia's);
- `status-differs`: a forecast or target written as a fact;
- `unknown`: nothing in the knowledge speaks of it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts.kinds.base import year_span
from ecofacts.names import fold

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

SUPPORTED, UNKNOWN = "supported", "unknown"
VALUE_DIFFERS, YEAR_DIFFERS, SCOPE_DIFFERS, STATUS_DIFFERS = (
    "value-differs", "year-differs", "scope-differs", "status-differs")
CONTRADICTIONS = (VALUE_DIFFERS, YEAR_DIFFERS, SCOPE_DIFFERS, STATUS_DIFFERS)
VERDICTS = (SUPPORTED, *CONTRADICTIONS, UNKNOWN)
COLUMNS = ["line", "text", "verdict", "statistic", "expected", "reason"]

# --- reading figures ------------------------------------------------------------------------------------------

_MONTHS = ("january february march april may june july august september october november december "
           "januar februar marz märz mai juni juli oktober dezember "
           "janvier fevrier février mars avril mai juin juillet aout août septembre octobre novembre decembre "
           "décembre januari februari maart mei juni juli augustus oktober "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_MONTH = "(?:" + "|".join(sorted({re.escape(m) for m in _MONTHS.split()}, key=len, reverse=True)) + ")"
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*"
# Spans that hold digits but no figure: replaced by spaces before figures are read.
_MASKS = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in (
    r"https?://\S+|www\.\S+|`[^`]*`",  # addresses, code
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",  # numeric dates
    rf"\b\d{{1,2}}\.?\s*(?:[-–]|to|au|à|bis|tot)\s*(?=\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+{_MONTH}\b)",  # 4 to 6 May
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+{_MONTH}\b\.?",  # 21 September, 1er mars, 21. September
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*%)(?=\s*,|\s+\d{{4}}|\s*$)",  # September 21, 2021
    r"\b(?:pp?|S|p\.p|page|pages|seite|seiten|fig|figure|table|tableau|abb|tab|chapter|chapitre|kapitel|section|"
    r"art|article|artikel|no|nr|n°|vol|isbn|issn|iso|en|annex|annexe|appendix|anhang|bijlage|hoofdstuk|tabel|"
    r"abschnitt|paragraaf|figuur|blz|pagina|footnote|note|voetnoot|fussnote|fußnote|step|stap|stufe|étape)"
    r"\.?\s?\d+(?:\s?[-–]\s?\d+)?\b",  # page, figure, article numbers
    r"^\s*(?:[-*+]\s+)?\(?\d+(?:\.\d+)*[.)]\s",  # numbered list items and headings
    r"^\s*#+\s*\d+(?:\.\d+)*\.?\s",
    r"\[\^?\d+\]|\^\d+|(?<=\w)\*+\d*",  # footnote marks
    r"\b\d+(?:st|nd|rd|th|e|er|ère|ème|eme)\b",  # ordinals
    r"\b[A-Za-z]+[-_]?\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]+\d+\w*\b",  # names with digits: COVID-19, H2, Q3, 5G
    r"\b\d{1,2}:\d{2}\b|\bv\d+(?:\.\d+)+\b",  # times, versions
)]

_FIGURE = re.compile(
    r"(?<![\w.,\u00a0\u202f/-])"
    r"(?P<times>(?:multipli\w*|multiplied)\s+(?:par|by)\s+)?"
    r"(?P<before>(?:€|\$|£|EUR|USD|CHF)\s?)?"
    r"(?P<n1>" + _NUMBER + r")"
    r"(?:\s?(?P<dash>[-–—]|to|à|bis|tot)\s?(?:€|\$)?(?P<n2>" + _NUMBER + r"))?"
    r"(?P<plus>\+)?"
    r"(?:\s?(?P<scale>billions?|bn|millions?|mn|thousand|milliards?|mrd\.?|md|mio\.?|milliarden?|millionen|tsd\.?|"
    r"tausend|miljoen(?:en)?|miljard(?:en)?|duizend|mln\.?|mld\.?|M|k|K)(?![A-Za-zÀ-ÿ]))?"
    r"(?:\s?(?P<of>d['’]\s?)?(?P<after>%|percent\b|per\s?cent\b|pour\s?cent\b|prozent\b|procent\b|€|EUR\b|euros?\b|"
    r"USD\b|dollars?\b|PPS\b|KKS\b|SPA\b|x\b|×|times\b|-?fold\b|fois\b|mal\b|keer\b))?",
    re.IGNORECASE,
)
_WORD_MULTIPLES = {"doubled": 2, "double": 2, "doubles": 2, "twice": 2, "doppelt": 2, "verdoppelt": 2,
                   "verdoppelte": 2, "doublé": 2, "doublée": 2, "verdubbeld": 2, "verdubbelde": 2, "verdubbelen": 2,
                   "tripled": 3, "triple": 3, "tripelt": 3, "verdreifacht": 3, "dreifach": 3, "triplé": 3,
                   "triplée": 3, "verdrievoudigd": 3, "quadrupled": 4, "quadruplé": 4, "vervierfacht": 4}
_WORD_MULTIPLE = re.compile(r"(?<![\w-])(" + "|".join(_WORD_MULTIPLES) + r")(?![\w-])", re.IGNORECASE)
_SCALES = {"billion": 1e9, "billions": 1e9, "bn": 1e9, "milliard": 1e9, "milliards": 1e9, "mrd": 1e9,
           "mrd.": 1e9, "md": 1e9, "milliarden": 1e9, "million": 1e6, "millions": 1e6, "mn": 1e6, "mio": 1e6,
           "mio.": 1e6, "millionen": 1e6, "m": 1e6, "thousand": 1e3, "tsd": 1e3, "tsd.": 1e3, "k": 1e3,
           "milliarde": 1e9, "miljard": 1e9, "miljarden": 1e9, "mld": 1e9, "mld.": 1e9, "tausend": 1e3,
           "miljoen": 1e6, "miljoenen": 1e6, "mln": 1e6, "mln.": 1e6, "duizend": 1e3}
_PERCENT = {"%", "percent", "per cent", "pour cent", "prozent", "procent"}
_CURRENCY = {"€", "$", "£", "eur", "usd", "chf", "euro", "euros", "dollar", "dollars", "pps", "kks", "spa"}
_MULTIPLE = {"x", "×", "times", "fold", "-fold", "fois", "mal", "keer"}
# Nouns after a four-digit number that make it a count, not a year ("2000 jobs").
_COUNT_NOUNS = {"jobs", "job", "people", "persons", "employees", "companies", "firms", "specialists", "workers",
                "emplois", "personnes", "entreprises", "salariés", "arbeitsplätze", "arbeitsplatze", "menschen",
                "unternehmen", "mitarbeiter", "beschäftigte", "fachkräfte", "m²", "m2", "patients", "trials"}

LANGUAGE_WORDS = {
    "en": {"the", "and", "of", "is", "are", "with", "has", "have", "which", "in"},
    "fr": {"le", "la", "les", "des", "et", "est", "sont", "avec", "qui", "dans", "une", "du"},
    "de": {"der", "die", "das", "und", "ist", "sind", "mit", "von", "für", "im", "ein", "eine"},
    "nl": {"de", "het", "een", "en", "van", "is", "zijn", "met", "voor", "op", "dat", "die", "telt", "werd"},
}


class Figure(NamedTuple):
    text: str
    start: int  # column in its line
    values: tuple[float, ...]  # every reading, the likeliest first
    value_max: float | None
    unit: str  # percent, money, multiple, count, rank, or scaled (money or count)
    at_least: bool
    ulps: tuple[float, ...] = ()  # for each reading, the place of its last digit: "3.6" 0.1, "€74k" 1000

    def ulp(self, i: int) -> float:
        return self.ulps[i] if i < len(self.ulps) else 1.0


def language(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in LANGUAGE_WORDS.items()}
    return max(counts, key=lambda lang: (counts[lang], lang == "en"))


def readings(raw: str, lang: str) -> list[float]:
    """Every value a written number may stand for, the likeliest in `lang` first."""
    compact = re.sub(r"[ \u00a0\u202f]", "", raw)
    if compact.isdigit():
        return [float(compact)]
    has_comma, has_point = "," in compact, "." in compact
    if has_comma and has_point:
        decimal = "," if compact.rfind(",") > compact.rfind(".") else "."
        other = "." if decimal == "," else ","
        return [float(compact.replace(other, "").replace(decimal, "."))]
    sep = "," if has_comma else "."
    groups = compact.split(sep)
    grouped = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    as_thousands = float(compact.replace(sep, "")) if grouped else None
    as_decimal = float(compact.replace(sep, ".")) if len(groups) == 2 else None
    thousands_first = (sep == "," and lang == "en") or (sep == "." and lang in ("de", "nl"))
    found = [as_thousands, as_decimal] if thousands_first else [as_decimal, as_thousands]
    return list(dict.fromkeys(v for v in found if v is not None))


def _ulp(raw: str, value: float) -> float:
    """The place of the last digit written: 1 for "3,800" read as 3800, 0.01 for "3,65" read as 3.65."""
    digits = re.sub(r"\D", "", raw)
    if not math.isfinite(value) or len(digits) > 18:  # a figure too long to be a float: close to nothing anyway
        return 1.0
    for decimals in range(len(digits) + 1):
        if digits and round(value * 10**decimals) == int(digits):
            return 10.0**-decimals
    return 1.0


def _masked(line: str) -> str:
    for mask in _MASKS:
        line = mask.sub(lambda m: " " * len(m.group()), line)
    return line


def _unit(before: str | None, scale: str | None, after: str | None) -> str:
    after = (after or "").lower().replace(" ", "")
    if after in {p.replace(" ", "") for p in _PERCENT}:
        return "percent"
    if (before or "").strip().lower() in _CURRENCY or after in _CURRENCY:
        return "money"
    if after in _MULTIPLE:
        return "multiple"
    return "scaled" if scale else "count"


def figures(line: str, lang: str = "en") -> Iterator[Figure]:
    """The figures of one line of text, left to right."""
    masked = _masked(line)
    worded = list(_word_figures(line, masked))
    yield from worded
    for m in _FIGURE.finditer(masked):
        if any(w.start <= m.start("n1") < w.start + len(w.text) for w in worded):
            continue  # the digits of "1/3" or "top 3", read as a whole
        n1, n2, scale = m["n1"], m["n2"], m["scale"]
        text = line[m.start():m.end()].strip()
        unit = "multiple" if m["times"] else _unit(m["before"], scale, m["after"])
        plain = not (m["before"] or scale or m["after"] or m["plus"] or m["times"])
        if m["times"]:
            text = line[m.start("n1"):m.end()].strip()
        if m["of"]:  # "5,7 milliards d'euros": the figure is "5,7 milliards", of euros
            text = line[m.start():m.start("of")].strip()
        # A year standing alone, or a period of years, is not a figure.
        if plain and re.fullmatch(r"\d{4}", n1) and 1800 <= int(n1) <= 2100 and (n2 is None or (
                re.fullmatch(r"\d{4}", n2) and 1800 <= int(n2) <= 2100)):
            following = masked[m.end():].split()
            if not following or following[0].lower().strip(".,;:") not in _COUNT_NOUNS:
                continue
        if n2 is not None and m["dash"] and m["dash"].lower() in ("to", "à", "bis", "tot") and plain:
            n2 = None  # "from 3 to 5" is read number by number unless it carries a unit
        factor = _SCALES.get((scale or "").lower(), 1.0) if scale not in ("K",) else 1e3
        if scale == "M":
            factor = 1e6
        read = readings(n1, lang)
        values = tuple(v * factor for v in read)
        ulps = tuple(_ulp(n1, v) * factor for v in read)
        value_max = readings(n2, lang)[0] * factor if n2 else None
        if m["dash"] and n2 is None and m["n2"] is not None:
            text = line[m.start():m.start("dash")].strip()
        yield Figure(text, m.start() + (len(line[m.start():]) - len(line[m.start():].lstrip())), values, value_max,
                     unit, bool(m["plus"]), ulps)
    for m in _WORD_MULTIPLE.finditer(masked):
        yield Figure(line[m.start():m.end()], m.start(), (float(_WORD_MULTIPLES[m.group().lower()]),), None,
                     "multiple", False, (0.5,))


# Numbers in words, in the four languages (folded), for shares ("one in three"), multiples and ranks.
_NUMBER_WORDS = {
    1: "one un une ein eine einer eins een één", 2: "two deux zwei twee", 3: "three trois drei drie",
    4: "four quatre vier", 5: "five cinq fünf funf vijf", 6: "six sechs zes", 7: "seven sept sieben zeven",
    8: "eight huit acht", 9: "nine neuf neun negen", 10: "ten dix zehn tien",
}
_WORD_NUMBER = {w: n for n, words in _NUMBER_WORDS.items() for w in words.split()}
_ORDINALS = {
    1: "first premier première premiere erster erste ersten eerste", 2: "second deuxième deuxieme zweiter zweite "
    "zweiten tweede", 3: "third troisième troisieme dritter dritte dritten derde", 4: "fourth quatrième vierter "
    "vierte vierden vierde", 5: "fifth cinquième fünfter fünfte vijfde", 6: "sixth sixième sechster sechste zesde",
    7: "seventh septième siebter siebte zevende", 8: "eighth huitième achter achte achtste", 9: "ninth neuvième "
    "neunter neunte negende", 10: "tenth dixième zehnter zehnte tiende",
}
_ORDINAL = {w: n for n, words in _ORDINALS.items() for w in words.split()}
_FRACTION_WORDS = {"third": 3, "thirds": 3, "tiers": 3, "drittel": 3, "derde": 3, "quarter": 4, "quarters": 4,
                   "quart": 4, "quarts": 4, "viertel": 4, "kwart": 4, "fifth": 5, "fifths": 5, "cinquième": 5,
                   "fünftel": 5, "vijfde": 5}
_N = "|".join(sorted(map(re.escape, _WORD_NUMBER), key=len, reverse=True))
_WORD_FIGURE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<num>a|{_N}|[1-9])[\s-]+(?P<frac>{'|'.join(sorted(map(re.escape, _FRACTION_WORDS), key=len, reverse=True))})"
    rf"|(?P<one>{_N}|1)\s+(?:in|out\s+of|sur|von|op)\s+(?:de\s+)?(?P<den>{_N}|[1-9]\d?)"
    rf"|(?P<half>half|halve|la\s+moitié|la\s+moitie|die\s+hälfte|die\s+halfte|de\s+helft)"
    rf"|(?P<m1>{_N})(?:\s*(?:-|to|à|a|bis|tot)\s*(?P<m2>{_N}))?\s+(?P<times>times|fois|mal|keer)"
    rf"|(?P<top>top)[\s-]+(?P<topn>{_N}|[1-9]\d?)"
    rf"|(?P<ranked>ranks?|ranked|rang|classée?|belegt|staat|steht)\s+(?:(?:the|at|as|au|den|op|de|der)\s+)?"
    rf"(?P<ord>{'|'.join(sorted(map(re.escape, _ORDINAL), key=len, reverse=True))})"
    rf"|(?<![\d/.,])(?P<fn>[1-9])\s?/\s?(?P<fd>[1-9]\d?)(?![\d/.,])"
    rf")(?![\w-])", re.IGNORECASE)


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _WORD_NUMBER.get(word, _WORD_NUMBER.get(fold(word), 1))


def _word_figures(line: str, masked: str) -> Iterator[Figure]:
    """Shares, multiples and ranks written in words or as a fraction: "a third", "one in three", "1/3", "half",
    "three to five times", "top 3", "ranks tenth"."""
    for m in _WORD_FIGURE.finditer(masked):
        text, start = line[m.start():m.end()], m.start()
        if m["frac"]:
            numerator = 1 if m["num"].lower() == "a" else _count(m["num"])
            share = 100 * numerator / _FRACTION_WORDS[m["frac"].lower()]
            yield Figure(text, start, (share,), None, "percent", False, (1.0,))
        elif m["one"]:
            if _count(m["one"]) == 1:
                yield Figure(text, start, (100 / _count(m["den"]),), None, "percent", False, (1.0,))
        elif m["half"]:
            yield Figure(text, start, (50.0,), None, "percent", False, (1.0,))
        elif m["times"]:
            high = float(_count(m["m2"])) if m["m2"] else None
            yield Figure(text, start, (float(_count(m["m1"])),), high, "multiple", False, (0.5,))
        elif m["top"]:
            yield Figure(text, start, (float(_count(m["topn"])),), None, "rank", False, (0.5,))
        elif m["ord"]:
            text = line[m.start("ord"):m.end()]
            yield Figure(text, m.start("ord"), (float(_ORDINAL[m["ord"].lower()]),), None, "rank", False, (0.5,))
        elif m["fn"]:
            yield Figure(text, start, (100 * int(m["fn"]) / int(m["fd"]),), None, "percent", False, (1.0,))


# --- the words around a figure --------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return set(text.split())


_STOP = _words("""
the of in and a an for by to with its it is are was were has have had be been over more than from on at as that this
these those into per all some any about almost nearly around up least each which who what de des la le les et du en
un une au aux pour par sur avec dans est sont plus que qui ou der die das den dem des und von mit im in ein eine
einer eines zu zur zum für fur ist sind auf aus bei als über uber mehr rund etwa bis
""")
# French and German words (folded) and their English stems, as the statistics' labels say them.
_SYNONYMS: dict[str, str | list[str]] = {
    "emploi": "job", "poste": "job", "arbeitsplatz": "job", "arbeitsplatze": "job", "stelle": "job",
    "employment": "job", "employ": "job", "employed": "job", "employee": "job", "worker": "job",
    "beschaftigte": "job", "beschaftigt": "job", "personne": "people", "person": "people", "mensch": "people",
    "entreprise": "company", "societe": "company", "unternehmen": "company", "firma": "company",
    "firmen": "company", "firm": "company", "biotechnology": "biotech", "biotechnologie": "biotech",
    "biotechnologique": "biotech", "biotechnologiques": "biotech", "biotechnologisch": "biotech",
    "biotechnologischen": "biotech", "biopharmaceutical": "biopharma", "biopharmaceutique": "biopharma",
    "medecine": "medicine", "nucleaire": "nuclear", "nuklear": "nuclear", "medizin": "medicine",
    "nuklearmedizin": ["nuclear", "medicine"], "nuklearmedizinischen": ["nuclear", "medicine"],
    "exportation": "export", "exporte": "export", "ausfuhr": "export", "exported": "export",
    "chiffre": "turnover", "umsatz": "turnover", "revenue": "turnover", "sales": "turnover",
    "recherche": "research", "forschung": "research", "developpement": "development", "entwicklung": "development",
    "r": "rd", "d": "rd", "rd": "rd", "f": "rd", "e": "rd", "fe": "rd",
    "investissement": "investment", "investition": "investment", "investitionen": "investment",
    "invested": "investment", "invest": "investment", "investi": "investment", "investiert": "investment",
    "depense": "expenditure", "ausgaben": "expenditure", "spending": "expenditure", "spend": "expenditure",
    "spent": "expenditure", "specialiste": "specialist", "spezialist": "specialist", "fachkraft": "specialist",
    "fachkrafte": "specialist", "isotope": "isotope", "isotop": "isotope", "production": "production",
    "produktion": "production", "produced": "production", "produce": "production",
    "croissance": "growth", "wachstum": "growth", "grow": "growth", "growing": "growth", "grew": "growth",
    "part": "share", "anteil": "share", "proportion": "share", "account": "share",
    "europe": "europe", "european": "europe", "europeen": "europe", "europeenne": "europe", "europa": "europe",
    "europaisch": "europe", "europaischen": "europe", "eu": "europe",
    "world": "worldwide", "mondial": "worldwide", "mondiale": "worldwide", "monde": "worldwide",
    "weltweit": "worldwide", "global": "worldwide", "welt": "worldwide",
    "acteur": "actor", "organisation": "actor", "organization": "actor", "akteur": "actor", "player": "actor",
    "partenaire": "partner", "partnership": "partner", "partenariat": "partner",
    "universite": "university", "universitat": "university", "universitaten": "university",
    "subvention": "subsidy", "zuschuss": "subsidy", "grant": "grant", "prime": "grant",
    "impot": "tax", "steuer": "tax", "taux": "rate", "satz": "rate",
    "valeur": "value", "wertschopfung": ["added", "value"], "ajoutee": "added",
    "marche": "market", "markt": "market", "dechet": "waste", "abfall": "waste", "abfalle": "waste",
    "recyclage": "recycling", "recycelt": "recycling", "recycled": "recycling", "recyclingquote": "recycling",
    "startup": "start", "start": "start", "up": "start", "investisseur": "investor", "investor": "investor",
    "investoren": "investor", "attendee": "attendance", "participant": "attendance", "teilnehmer": "attendance",
    "essai": "trial", "studie": "trial", "studien": "trial", "study": "trial", "clinical": "clinical",
    "klinische": "clinical", "clinique": "clinical", "surface": "area", "flache": "area", "floor": "area",
    "laboratoire": "lab", "labor": "lab", "laboratory": "lab", "history": "history", "histoire": "history",
    "geschichte": "history", "century": "history", "siecle": "history", "jahrhundert": "history",
    "evenement": "event", "veranstaltung": "event", "usa": "us", "etats": "us", "unis": "us",
    "produit": "product", "produkt": "product", "laborabfall": ["lab", "waste"], "laborabfalle": ["lab", "waste"],
    "investitionsvolumen": ["investment", "volume"], "pharmaexport": ["pharma", "export"],
    "pharmaexporte": ["pharma", "export"],
    "year": "year", "annee": "year", "jahr": "year", "jahre": "year", "jahren": "year", "an": "year",
    "ans": "year", "indirect": "indirect", "indirekt": "indirect", "indirekte": "indirect",
    "indirekten": "indirect", "direct": "direct", "direkt": "direct", "direkte": "direct", "direkten": "direct",
    "demande": "demand", "nachfrage": "demand", "train": "train", "trained": "train", "formation": "train",
    "forme": "train", "ausgebildet": "train", "pharmaceutical": "pharma", "pharmaceutique": "pharma",
    "pharmazeutisch": "pharma", "pharmazeutische": "pharma", "pharmazeutischen": "pharma",
    "annual": "annual", "annuel": "annual", "annuelle": "annual", "jahrlich": "annual", "jahrliche": "annual",
    # issue 21: GDP, intensity, per inhabitant, members, exports, patents, income, and Dutch
    "pib": "gdp", "bip": "gdp", "bbp": "gdp", "o": "rd", "oo": "rd", "intensite": "intensity",
    "intensiteit": "intensity", "intensitat": "intensity", "quote": "intensity", "habitant": "inhabitant",
    "inwoner": "inhabitant", "einwohner": "inhabitant", "capita": "inhabitant", "head": "inhabitant",
    "kopf": "inhabitant", "inhabitant": "inhabitant", "membre": "member", "lid": "member", "leden": "member",
    "mitglied": "member", "mitglieder": "member", "mitgliedsorganisationen": ["member", "actor"],
    "goederenexport": ["goods", "export"], "warenexporte": ["goods", "export"], "exporteerde": "export",
    "exportierte": "export", "ausfuhren": "export", "exporta": "export", "biens": "goods", "goederen": "goods",
    "waren": "goods", "aanvraag": "application", "aanvragen": "application",
    "octrooiaanvragen": ["patent", "application"], "octrooiaanvraag": ["patent", "application"],
    "anmeldung": "application", "anmeldungen": "application", "patentanmeldungen": ["patent", "application"],
    "brevet": "patent", "octrooi": "patent", "patente": "patent", "eob": "epo", "oeb": "epo",
    "patentamt": ["patent", "office"], "octrooibureau": ["patent", "office"], "baan": "job", "banen": "job",
    "werknemer": "job", "medewerker": "job", "tewerk": "job", "mensen": "people", "personen": "people",
    "bedrijf": "company", "bedrijven": "company", "biotechbedrijven": ["biotech", "company"],
    "omzet": "turnover", "toegevoegde": "added", "waarde": "value", "revenu": "income", "inkomen": "income",
    "einkommen": "income", "disponible": "disposable", "beschikbaar": "disposable", "verfugbare": "disposable",
    "isotopen": "isotope", "groei": "growth", "gegroeid": "growth", "aandeel": "share", "totale": "total",
    "besteedde": "expenditure", "besteedt": "expenditure", "uitgaven": "expenditure", "consacre": "expenditure",
    "consacrait": "expenditure", "devoted": "expenditure", "devote": "expenditure", "investeerde": "investment",
    "investierte": "investment", "onderzoek": "research", "ontwikkeling": "development", "kks": "pps",
    "spa": "pps", "moyenne": "average", "gemiddelde": "average", "durchschnitt": "average",
    "durchschnitts": "average", "habitants": "inhabitant", "inwoners": "inhabitant", "etudiant": "student",
    "studenten": "student", "studierende": "student", "geneeskunde": "medicine",
    "arzneimittel": "medicine", "impfstoffe": "vaccine", "vaccin": "vaccine", "geneesmiddelen": "medicine",
    "medicament": "medicine", "recycle": "recycling", "specialisten": "specialist",
    "emploie": "job", "emploient": "job", "employait": "job", "employer": "job",
}
# Words of a record's name that do not tell it from others ("partnership").
_GENERIC = _words("""
partnership partnerschaft partenariat initiative project projet projekt programme program strategy strategie event
cluster network reseau netzwerk group groupe gruppe company
""")
# Words a sentence speaks of the future with (folded).
_FUTURE = _words("""
will would expected expect expects forecast forecasts forecasted projected projection projections plan plans planned
planning target targets targeted aim aims goal goals could should might estimated anticipated prospective future
outlook devrait devraient prevu prevue prevus prevoit prevision previsions objectif objectifs vise visent pourrait
pourraient sera seront horizon soll sollen solle geplant geplante geplanten prognose prognostiziert erwartet
erwarten ziel ziele voraussichtlich wird werden kunftig kuenftig zukunftig
""")
_BY_YEAR = re.compile(r"\b(?:by|until|bis|d'ici|d ici|jusqu'en|horizon|tegen)\s+(20\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)")
# Adjectives naming a region, folded: "Walloon" figures are Wallonia's.
_DEMONYMS = {"walloon": "wallonia", "wallonne": "wallonia", "wallon": "wallonia", "wallons": "wallonia",
             "wallonnes": "wallonia", "wallonisch": "wallonia", "wallonische": "wallonia",
             "wallonischen": "wallonia", "wallonischer": "wallonia", "belgian": "belgium", "belge": "belgium",
             "belges": "belgium", "belgisch": "belgium", "belgische": "belgium", "belgischen": "belgium",
             "belgischer": "belgium", "flemish": "flanders", "flamand": "flanders", "flamande": "flanders",
             "flamands": "flanders", "flamisch": "flanders", "flamische": "flanders", "flamischen": "flanders",
             "european": "europe", "europeen": "europe", "europeenne": "europe", "europaisch": "europe",
             "europaische": "europe", "europaischen": "europe", "bruxellois": "brussels",
             "bruxelloise": "brussels", "brusselse": "brussels", "waalse": "wallonia", "waals": "wallonia",
             "vlaamse": "flanders", "vlaams": "flanders", "europese": "europe", "brusseler": "brussels"}


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> set[str]:
    """The significant words of `text`, folded, stemmed and put in English where the vocabulary knows them."""
    found: set[str] = set()
    for word in fold(text).split():
        if word.isdigit() or word in _STOP:
            continue
        word = _stem(word)
        mapped = _SYNONYMS.get(word, word)
        found.update(mapped if isinstance(mapped, list) else [mapped])
    return found - _STOP


# --- matching -------------------------------------------------------------------------------------------------


class Finding(NamedTuple):
    line: int
    column: int
    text: str
    verdict: str
    statistic: str | None
    expected: dict[str, Any] | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return self._asdict()


class _Stat(NamedTuple):
    rec: Any
    unit: str
    words: set[str]
    about: frozenset[str] = frozenset()  # its subject and the organisations its label names ("Members of BioWin")


def _unit_of(stat_unit: str) -> str:
    unit = stat_unit.lower()
    if unit in ("%",) or unit.startswith("percent"):  # of GDP, of the EU average, of a total, of companies
        return "percent"
    if unit.split(" ")[0] in ("eur", "usd", "gbp", "chf", "pps"):  # and per inhabitant
        return "money"
    if unit in ("times", "x"):
        return "multiple"
    if unit == "rank":
        return "rank"
    return "count"


def _compatible(figure_unit: str, stat_unit: str) -> bool:
    if figure_unit == "scaled":
        return stat_unit in ("money", "count")
    return figure_unit == stat_unit


def _stat_ulp(value: Any) -> float:
    """The place of a stored value's last digit: 1 for 3800, 0.01 for 3.65."""
    text = repr(float(value))
    if "e" in text or text.endswith(".0"):
        return 1.0
    return 10.0 ** -len(text.partition(".")[2])


def _close(a: float, b: float, ulp_a: float = 0.0, ulp_b: float = 0.0) -> bool:
    """The same figure, rounded: within half the last written digit of the less precise one ("3.6 %" is 3.61 %,
    "€74k" is €74,068), or within 0.2 % ("37,000" is 36,956, "581" is not 578); a figure too long to be a float
    (inf) is close to nothing."""
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return abs(a - b) <= max(1e-9, 0.5 * max(ulp_a, ulp_b) * 1.0001, 0.002 * max(abs(a), abs(b)))


def _value_matches(figure: Figure, rec: Any, factor: float = 1.0) -> bool:
    """Whether `figure` (times `factor`, to find a wrong scale) says the value of the statistic `rec`."""
    low, high = float(rec.value), rec.value_max
    # a figure more precise than the statistic matches it only when the source rounded it ("about 3.6 %")
    ulp_low = _stat_ulp(low) if getattr(rec, "qualifier", None) in ("about", "almost") else 0.0
    for i, raw in enumerate(figure.values):
        value, ulp = raw * factor, figure.ulp(i) * factor
        if figure.value_max is not None:
            if high is not None and _close(value, low, ulp, ulp_low) and _close(
                    figure.value_max * factor, float(high), ulp, ulp_low and _stat_ulp(high)):
                return True
        elif (_close(value, low, ulp, ulp_low) and (high is None or figure.at_least)) or (
                high is not None and _close(value, low, ulp, ulp_low)):
            return True
    return False


class _Mention(NamedTuple):
    start: int
    end: int
    ids: frozenset[str]


class _Clause(NamedTuple):
    start: int
    end: int
    contrast: bool  # "unlike Belgium": a place named there is what the sentence sets the figures against


# Where a clause starts: after a comma or semicolon, before a conjunction (the conjunction is the clause's).
_CONTRAST = ("unlike", "compared", "as opposed", "contrairement", "à la différence", "a la difference",
             "im gegensatz", "anders als")
_CLAUSE = re.compile(r"[,;]\s+|\s+(?=(?:and|but|while|whilst|whereas|including|of which|et|mais|tandis|alors que|"
                     r"dont|und|aber|sondern|während|wahrend|wohingegen|davon|darunter|"
                     + "|".join(_CONTRAST) + r")\b)", re.IGNORECASE)
# What may stand between a figure and the place it is of, when the place comes after it: "3,800 in Wallonia".
_ATTACHED = re.compile(r"\s*(?:(?:in|en|dans|au|aux|à|a|for|pour|für|fur|im|bei|at)\s+"
                       r"(?:(?:the|la|le|les|der|die|dem|den)\s+|l['’])?)?", re.IGNORECASE)


def _clauses(sentence: str, mentions: list[_Mention]) -> list[_Clause]:
    """The clauses of `sentence`, never cutting a place's name ("Wallonia and Brussels")."""
    cuts = [0] + [m.end() for m in _CLAUSE.finditer(sentence)
                  if not any(n.start < m.start() < n.end for n in mentions)] + [len(sentence)]
    return [_Clause(a, b, sentence[a:b].lower().startswith(_CONTRAST)) for a, b in pairwise(cuts) if b > a]


class Verifier:
    """The statistics of a knowledge, indexed for matching figures against them."""

    def __init__(self, k: Knowledge) -> None:
        self.k = k
        self.stats: list[_Stat] = []
        self.by_word: dict[str, list[int]] = {}
        self.by_subject: dict[str, list[int]] = {}
        subject_words: dict[str, set[str]] = {}
        seen: dict[tuple[str, str, str, str], set[str]] = {}  # statistics that share their words share one set
        # the words of places are the subject's, not what a statistic is about ("Share of Belgium's companies")
        place_words = set(_DEMONYMS).union(*(tokens(key) for key, ids in k.names.items()
                                            if any(k.table_of.get(i) in ("regions", "cities") for i in ids)))
        for stat in k.stats:
            if getattr(stat, "value", None) is None:
                continue
            subject = k.by_id.get(stat.subject)
            if stat.subject not in subject_words:
                names = [subject.name, *subject.aliases] if subject is not None else [stat.subject]
                subject_words[stat.subject] = set().union(
                    *(tokens(n) for n in names), (w for w, rid in _DEMONYMS.items() if rid == stat.subject))
            said = (stat.label, stat.metric, stat.subject, stat.unit)
            words = seen.get(said)
            if words is None:
                unit_words = re.sub(r"^(?:percent|eur|pps|count)\b", "", stat.unit.lower())
                words = seen[said] = (tokens(f"{stat.label} {stat.metric.replace('_', ' ')} {unit_words}")
                                     - subject_words[stat.subject] - place_words)
            i = len(self.stats)
            self.stats.append(_Stat(stat, _unit_of(stat.unit), words, frozenset({stat.subject})))
            for word in words:
                self.by_word.setdefault(word, []).append(i)
            self.by_subject.setdefault(stat.subject, []).append(i)
        self.names = [(key, ids) for key, ids in k.names.items() if len(key) > 2 or key.isupper()]
        self.long_names = []
        for key, ids in k.names.items():
            distinctive = set(key.split()) - _GENERIC - _STOP
            if len(distinctive) >= 2:
                self.long_names += [(distinctive, rec_id) for rec_id in ids]
        self.demonyms = {word: rid for word, rid in _DEMONYMS.items() if rid in k.by_id}
        # a statistic is also about the organisations its label names: "Members of BioWin" is BioWin's figure
        labelled: dict[str, frozenset[str]] = {}
        for i, s in enumerate(self.stats):
            if s.rec.label not in labelled:
                labelled[s.rec.label] = frozenset(
                    rid for rid in self.subjects(s.rec.label)
                    if k.table_of.get(rid) not in ("regions", "cities", None))
            if extra := labelled[s.rec.label]:
                self.stats[i] = s._replace(about=s.about | extra)
                for rid in extra:
                    self.by_subject.setdefault(rid, []).append(i)
        # the places (regions and cities) and the names that name them, by their first word
        self.places = {rid for rid, table in k.table_of.items() if table in ("regions", "cities")}
        self.place_names: dict[str, list[tuple[list[str], frozenset[str]]]] = {}
        for key, ids in self.names:
            if here := frozenset(ids) & self.places:
                self.place_names.setdefault(key.split()[0], []).append((key.split(), here))

    def subjects(self, text: str) -> set[str]:
        """The records `text` names: by name, alias or id, by the distinctive words of a longer name (the
        "BioWin-MEDVIA-Partnerschaft" is the BioWin-MEDVIA partnership), and regions by their adjectives."""
        folded = f" {fold(text)} "
        words = set(folded.split())
        proper = {fold(w) for w in re.findall(r"\w+", text) if w[:1].isupper()}
        found: set[str] = set()
        for key, ids in self.names:
            # a one-word name is a proper noun: "Ans" the town, not the French "ans" (years)
            if f" {key} " in folded and (" " in key or key in proper):
                found.update(ids)
        for distinctive, rec_id in self.long_names:
            if distinctive <= words:
                found.add(rec_id)
        found.update(self.demonyms[word] for word in words if word in self.demonyms)
        return set(self._regions_too(found))

    def _regions_too(self, ids: Iterable[str]) -> frozenset[str]:
        """`ids` and the region a city there names too: "Brussel", "Bruxelles" (the city) speak of the region."""
        ids = frozenset(ids)
        return ids | {rid.split("-")[0] for rid in ids
                      if self.k.table_of.get(rid) == "cities" and self.k.table_of.get(rid.split("-")[0]) == "regions"}

    def place_mentions(self, text: str) -> list[_Mention]:
        """Where `text` names a place, by name or adjective, left to right; a name inside a longer one
        ("Wallonia" in "Wallonia and Brussels") is left out."""
        words = [(piece, m.start(), m.end(), m.group()[:1].isupper())
                 for m in re.finditer(r"[^\W_]+", text) for piece in fold(m.group()).split()]
        found: list[_Mention] = []
        for i, (word, start, end, upper) in enumerate(words):
            for key, ids in self.place_names.get(word, ()):
                if [w[0] for w in words[i:i + len(key)]] == key and (len(key) > 1 or upper):
                    found.append(_Mention(start, words[i + len(key) - 1][2], self._regions_too(ids)))
            if (rid := self.demonyms.get(word)) in self.places:
                found.append(_Mention(start, end, frozenset({rid})))
        return sorted((m for m in found if not any(o != m and o.start <= m.start and m.end <= o.end for o in found)),
                      key=lambda m: m.start)

    def scope_of(self, sentence: str, named: set[str], begin: int, end: int) -> set[str]:
        """What the figure at `begin:end` of `sentence` (which names `named`) speaks of: when the sentence names
        several places, the one of its clause that is right after it ("3,800 in Wallonia") or, failing that, the
        nearest before it; when its clause names none, every place of the sentence but those only named after
        "unlike" and the like. The subjects that are not places count for every figure of the sentence."""
        places = named & self.places
        if len(places) < 2:
            return named
        mentions = self.place_mentions(sentence)
        clauses = _clauses(sentence, mentions)
        here = next((c for c in clauses if c.start <= begin < c.end), clauses[-1])
        own = [m for m in mentions if here.start <= m.start < here.end]
        after = [m for m in own if m.start >= end and _ATTACHED.fullmatch(sentence[end:m.start])]
        before = [m for m in own if m.end <= begin]
        if after or before:
            return (named - places) | (after[0] if after else before[-1]).ids

        def contrast(m: _Mention) -> bool:
            return next(c for c in clauses if c.start <= m.start < c.end).contrast

        contrasted = ({rid for m in mentions if contrast(m) for rid in m.ids}
                      - {rid for m in mentions if not contrast(m) for rid in m.ids})
        return (named - places) | ((places - contrasted) or places)

    def members(self, subjects: set[str]) -> set[str]:
        """`subjects` and the organisations and initiatives located in those of them that are places."""
        from ecofacts.query import located_in

        found = set(subjects)
        for subject in subjects:
            rec = self.k.by_id.get(subject)
            if rec is not None:
                found |= located_in(self.k, rec)
        return found

    def check(self, figure: Figure, sentence: str, line: int, named: set[str], around: set[str],
              recent: set[str] | None = None) -> Finding:
        """The verdict on one figure of `sentence`, which names the subjects `named`; `around` are the subjects
        its heading names, which count as named when it names none (but another subject's figure is then not
        said to contradict them: the sentence did not say whose it is); `recent`, those the sentences before it
        in its paragraph name: a figure of theirs is supported, but another's is not said to contradict them."""
        if not any(math.isfinite(v) for v in figure.values):
            return Finding(line, figure.start + 1, figure.text, UNKNOWN, None, None, "a number too long to read")
        scope = named or around
        # A figure of an organisation or initiative located in a place the sentence names is supported when the
        # words agree well; with no subject named, those of the heading and the sentences before count too.
        inherited = self.members(named) - named if named else self.members(around | (recent or set()))
        needed = 2 if named else 1
        words = tokens(sentence)
        years = {int(y) for y in _YEAR.findall(sentence)}
        future = bool(_FUTURE & set(fold(sentence).split())) or bool(_BY_YEAR.search(sentence))
        candidates: dict[int, int] = {}
        for word in words:
            for i in self.by_word.get(word, ()):
                candidates[i] = candidates.get(i, 0) + 1
        for subject in scope | inherited:
            for i in self.by_subject.get(subject, ()):
                candidates.setdefault(i, 0)
        scored = []
        for i, overlap in candidates.items():
            s = self.stats[i]
            if not _compatible(figure.unit, s.unit):
                continue
            coverage = overlap / max(1, len(s.words))
            scored.append((overlap + coverage, s))

        def dated(s: _Stat) -> bool:
            return s.rec.year is not None and any(s.rec.year_matches(y) for y in years)

        # best first: the words, then a statistic of the year the sentence names, measured, the latest
        scored.sort(key=lambda pair: (-pair[0], not dated(pair[1]), pair[1].rec.status != "measured",
                                      -(year_span(pair[1].rec.year)[1] or 0)))

        def finding(verdict: str, s: _Stat | None, reason: str) -> Finding:
            expected = None
            if s is not None and verdict != SUPPORTED:
                expected = {"text": s.rec.text, "source": s.rec.source, "subject": s.rec.subject,
                            "year": s.rec.year, "status": s.rec.status}
            return Finding(line, figure.start + 1, figure.text, verdict, s.rec.id if s else None, expected, reason)

        def shown(s: _Stat) -> str:
            from ecofacts.figures import display_value

            return display_value({"value": s.rec.value, "value_max": s.rec.value_max, "unit": s.rec.unit,
                                  "qualifier": s.rec.qualifier, "text": s.rec.text}) or s.rec.text

        def whose(ids: Iterable[str]) -> str:
            return ", ".join(sorted(self.k.name_of(x) or x for x in ids))

        def exact(s: _Stat) -> bool:
            return any(_close(v, float(s.rec.value)) for v in figure.values)

        def near(score: float, s: _Stat, least: float = 2) -> bool:
            """Enough words in common, or one and the sentence's year."""
            return score >= least or (score >= 1 and (dated(s) or (not years and s.rec.year is None)))

        same_value = sorted(((score, s) for score, s in scored if _value_matches(figure, s.rec)),
                            key=lambda pair: not exact(pair[1]))
        # of the subject the sentence speaks of, with at least one word in common (a Belgian figure is not any
        # Belgian statistic of that value)
        on_subject = [(score, s) for score, s in same_value
                      if (s.about & scope and (score > 0 or not s.words or s.rec.subject not in self.places))
                      or (s.rec.subject in inherited and score >= needed)]
        unscoped = [(score, s) for score, s in same_value if score >= 2] if not named else []
        if on_subject or unscoped:
            score, s = (on_subject or unscoped)[0]
            if s.rec.year is not None and years and not dated(s):
                return finding(YEAR_DIFFERS, s, f"the knowledge dates {shown(s)} to {s.rec.year}")
            if s.rec.status in ("forecast", "target") and not future:
                return finding(STATUS_DIFFERS, s, f"{shown(s)} is a {s.rec.status}, written as a fact")
            disputed = " (a disputed statistic)" if getattr(s.rec, "disputed", False) else ""
            return finding(SUPPORTED, s, ("" if on_subject else "its scope is not stated") + disputed)
        if same_value and named:
            score, s = same_value[0]
            if near(score, s):
                return finding(SCOPE_DIFFERS, s, f"{shown(s)} is the figure of {whose([s.rec.subject])}, "
                               f"not of {whose(scope)}")
        about = ([(score, s) for score, s in scored if s.about & scope] if scope
                 else [(score, s) for score, s in scored if score >= 3])
        # a wrong scale: the digits of a statistic the sentence speaks of, a thousand times off or more
        for score, s in about:
            if near(score, s, 1.5) and figure.unit in ("money", "scaled", "count") and any(
                    _value_matches(figure, s.rec, 1000.0**j) for j in (-3, -2, -1, 1, 2, 3)):
                return finding(VALUE_DIFFERS, s, f"a wrong scale: the knowledge says {shown(s)}")
        about = [(score, s) for score, s in about if near(score, s)]
        if about:
            # the figure matches none of the statistics the sentence speaks of; of those that fit it equally
            # well, the one of the sentence's year, else the latest, is the one to set against it
            best = [s for score, s in about if score == about[0][0]]
            s = best[0]
            others = sorted({shown(o) for o in best if o is not s and o.rec.text != s.rec.text})[:3]
            also = f" (and also {', '.join(others)})" if others else ""
            return finding(VALUE_DIFFERS, s, f"the knowledge says {shown(s)}{also}")
        return finding(UNKNOWN, None, self.why_unknown(figure, scope, words, years))

    def why_unknown(self, figure: Figure, scope: set[str], words: set[str], years: set[int]) -> str:
        """Why no statistic speaks of a figure: none of its subject, none in its unit, none on its words, none of
        its year."""
        if scope:
            of = [self.stats[i] for subject in scope for i in self.by_subject.get(subject, ())]
            names = ", ".join(sorted(self.k.name_of(x) or x for x in scope))
            if not of:
                return f"no statistic of {names}"
            fitting = [s for s in of if _compatible(figure.unit, s.unit)]
            if not fitting:
                return f"no statistic of {names} in that unit ({figure.unit})"
            on = [s for s in fitting if s.words & words]
            if not on:
                return f"no statistic of {names} on what the sentence says"
            if years and not any(s.rec.year is None or any(s.rec.year_matches(y) for y in years) for s in on):
                return f"no statistic of {names} on that for {', '.join(map(str, sorted(years)))}"
            return f"no statistic of {names} close enough to what the sentence says"
        return "the sentence names no subject, and no statistic's words fit it"


_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-ÖØ-Þ\"'“(*-])")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")


def _sentences(line: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE.finditer(line):
        yield start, line[start:m.start()]
        start = m.end()
    yield start, line[start:]


def verify(k: Knowledge, text: str, verifier: Verifier | None = None) -> list[Finding]:
    """A finding for every figure of `text` (plain text or Markdown), in reading order."""
    verifier = verifier or Verifier(k)
    lang = language(text)
    found: list[Finding] = []
    heading: set[str] = set()
    recent: set[str] = set()  # named by the sentences before, in this paragraph
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            recent = set()
            continue
        if (h := _HEADING.match(line)) is not None:
            heading = verifier.subjects(h.group(1))
            recent = set()
        # The figures and the sentences are both in order: one index walks the figures as the sentences go by,
        # so that a line of n sentences and m figures costs n + m, not n * m (a one-line 10 MB draft).
        line_figures = sorted(figures(line, lang), key=lambda f: f.start)
        at = 0
        for start, sentence in _sentences(line):
            named = verifier.subjects(sentence)
            end = start + len(sentence)
            while at < len(line_figures) and line_figures[at].start < start:
                at += 1  # between two sentences (in the space that separates them): in none
            while at < len(line_figures) and line_figures[at].start < end:
                figure = line_figures[at]
                begin = figure.start - start
                scope = verifier.scope_of(sentence, named, begin, begin + len(figure.text))
                found.append(verifier.check(figure, sentence, number, scope, heading, recent))
                at += 1
            recent |= named
    found.sort(key=lambda f: (f.line, f.column))
    return found


def summary(findings: Iterable[Finding]) -> str:
    """The findings counted, for stderr: "12 figures: 8 supported, 3 contradicted, 1 unchecked"."""
    verdicts = [f.verdict for f in findings]
    contradicted = sum(v in CONTRADICTIONS for v in verdicts)
    return (f"{len(verdicts)} figure{'s' * (len(verdicts) != 1)}: {verdicts.count(SUPPORTED)} supported, "
            f"{contradicted} contradicted, {verdicts.count(UNKNOWN)} unchecked")


def unchecked(findings: Iterable[Finding]) -> bool:
    return any(f.verdict == UNKNOWN for f in findings)


def contradicts(findings: Iterable[Finding]) -> bool:
    return any(f.verdict in CONTRADICTIONS for f in findings)


def table_rows(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """The findings flattened for a table: `expected` as "3800+ (source-id)"."""
    return [{**f.as_dict(), "expected": f"{f.expected['text']} ({f.expected['source']})" if f.expected else None}
            for f in findings]
