"""Reading a draft into figures (`ecofacts verify`): a *figure* is a number with what makes it one: a unit, a
currency, a scale word, a percent sign, a multiple ("3,800+", "€5.7 billion", "1.200", "44 Mio.", "3 800",
"65 %", "3-5 times", "doubled"), or a share, multiple or rank in words ("a third", "one in three", "1/3", "top 3"),
in English, French, Dutch or German notation. Dates, years standing alone, page numbers, list numbers, footnote
marks, ordinals and the digits of names ("COVID-19") are not figures and are masked before figures are read.
Every reading of an ambiguous notation is kept ("1.200" is 1,200 in German and 1.2 in English)."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ecofacts.names import fold
from ecofacts.verify_words import NUMBER_WORDS, PERIOD_WORDS

_MONTHS = ("january february march april may june july august september october november december "
           "januar februar marz märz mai juni juli oktober dezember "
           "janvier fevrier février mars avril mai juin juillet aout août septembre octobre novembre decembre "
           "décembre januari februari maart mei juni juli augustus oktober "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_MONTH = "(?:" + "|".join(sorted({re.escape(m) for m in _MONTHS.split()}, key=len, reverse=True)) + ")"
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*"
# What a German ordinal in digits ranks ("1. Halbjahr", "2. Quartal", "1. Januar", "3. Platz"): its full stop ends no
# sentence and its number is no figure
GERMAN_ORDINAL_NOUN = (r"(?-i:Halbjahr|Halbjahres|Jahreshälfte|Hälfte|Quartal|Quartals|Jahrhundert|Jahrhunderts|"
                       r"Platz|Rang|Stelle|Januar|Februar|März|Marz|April|Mai|Juni|Juli|August|September|Oktober|November|"
                       r"Dezember)\b")
# A person's age: "58-jährige", "43-jarige", "a 67-year-old", "âgée de 54 ans", "aged 67", "the founder, now 67,",
# and set off by commas or brackets after a person: "Le bourgmestre, 61 ans, a présidé", "(54 jaar)"; no figure,
# unless the line speaks of an average (`_AVERAGE`: "the average employee is 38 years old" is one)
_AGE = (r"\b\d{1,3}[-\s]?(?:jährige[nrms]?|jahrige[nrms]?|jarige|years?[-\s]old|jaar\s+oud|jahre\s+alt)\b"
        r"|\b(?:âgée?s?|agee?s?|aged|im\s+alter\s+von)\s+(?:de\s+)?\d{1,3}(?:\s+(?:ans|jahren|years))?\b"
        r"|(?<=,)\s*(?:now|today|aujourd'hui|inmiddels|heute|nu)\s+\d{1,2}(?=\s*,)"
        r"|(?<=[,(])\s*\d{1,3}\s+(?:ans|years|jaar|jahre)(?=\s*[,)])")
_AVERAGE = re.compile(r"\b(?:average|mean|median|moyen(?:ne)?s?|m[ée]dian(?:e)?s?|gemiddeld[e]?|mediaan|"
                      r"durchschnitt\w*|mittler\w*)\b", re.IGNORECASE)
# Spans that hold digits but no figure: replaced by spaces before figures are read.
_MASKS = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in (
    r"https?://\S+|www\.\S+|`[^`]*`",  # addresses, code
    r"(?:\+\d{1,3}[\s.-]?|(?<![\d.,])\b0)\d{1,3}(?:[\s./-]\d{2,3}){2,4}\b",  # telephone numbers
    r"\b(?:avenue|rue|boulevard|chaussée|chaussee|quai|place|square|\w*(?:straße|strasse|straat|laan|weg|plein|gasse|"
    r"dreef|kaai|markt|platz))"
    r"\b(?:\s+(?:(?-i:[A-ZÀ-Ö][\w'-]*)|de|la|le|du|des|l'|d'|van|der|den|het|von|am|an)){0,5}"
    r"\s+\d{1,4}[a-z]?(?:\s*,\s*\d{4}\b|(?=\s*(?:,|$)))",  # street addresses
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",  # numeric dates
    rf"\b\d{{1,2}}\.?\s*(?:[-–]|to|au|à|bis|tot)\s*(?=\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+{_MONTH}\b)",  # 4 to 6 May
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+{_MONTH}\b\.?",  # 21 September, 1er mars, 21. September
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*%)(?=\s*,|\s+\d{{4}}|\s*$)",  # September 21, 2021
    # (the "s" of a possessive is no "S." of a page: "Belgium's 3.43 per cent")
    r"\b(?:pp?|(?<!['’])(?-i:S)|p\.p|page|pages|seite|seiten|fig|figure|table|tableau|abb|tab|chapter|chapitre|kapitel|"
    r"section|art|article|artikel|no|nr|n°|vol|isbn|issn|iso|(?-i:EN)|annex|annexe|appendix|anhang|bijlage|hoofdstuk|"
    r"tabel|abschnitt|paragraaf|figuur|blz|pagina|footnote|note|voetnoot|fussnote|fußnote|fn|step|stap|stufe|étape|"
    r"slides?|folie|dia|diapositive|abs|absatz|alinéa|alinea)"
    # page, figure, article numbers; "slide 12 of 18", "page 3 sur 10"
    r"\.?\s?\d+(?::\d+)?(?:\s?[-–]\s?\d+)?(?:\s+(?:of|sur|van|von)\s+\d+)?\b|§§?\s?\d+\b",
    _AGE,
    # a half of a year, no share: "the first half of 2023", "de eerste helft", "die erste Hälfte", "la première moitié"
    r"\b(?:first|second|eerste|tweede|erste[nr]?|zweite[nr]?|première|premiere|seconde|deuxième|deuxieme)\s+"
    r"(?:half|helft|hälfte|halfte|halbjahr\w*|moitié|moitie)\b",
    r"^\s*(?:[-*+]\s+)?\(?\d+(?:\.\d+)*[.)]\s",  # numbered list items and headings
    r"^\s*\d{1,2}/(?=\s)",  # the number of a post in a thread: "1/ A thread on …"
    # a line's label and its number, before a colon, a dash or a comma: an enumerator ("Türchen 9:", "Segment 58 :",
    # "Aanwijzing 2:", "Verticaal 4 –", "Planche 2, case 3 –", "Hint 2 van 3:"), and a word's length in a crossword
    r"^\s*(?:[-*•]\s*)?(?-i:[A-ZÀ-Ý])[^\W\d_]*\s+\d{1,3}[a-z]?(?![.,]\d)"
    r"(?:\s+(?:van|of|de|sur|von)\s+\d{1,3})?(?=\s*(?:[:–—,]|-\s))"
    r"|\(\d{1,2}\s+(?:letters?|lettres?|buchstaben)\)",
    r"^\s*#+\s*\d+(?:\.\d+)*\.?\s",
    r"\[\^?\d+\]|\^\d+|(?<=\w)\*+\d*",  # footnote marks
    r"\b\d+(?:st|nd|rd|th|e|er|ère|ème|eme)\b",  # ordinals
    rf"\b\d{{1,2}}\.(?=\s+{GERMAN_ORDINAL_NOUN})",  # German ordinals: "1. Halbjahr", "3. Quartal", "1. Januar"
    r"\b[A-Za-z]+[-_]?\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]+\d+\w*\b",  # names with digits: COVID-19, H2, Q3
    r"(?<![€$£\d.,])\b\d{1,3}(?-i:(?![KM]\b)[A-Z])\b",  # a code, "formulaire 2B", 5G, 3D (not 5M, 50K: a scale)
    # a subtitle's time codes; a DOI; a map's scale ("1:50 000")
    r"\b\d{2}:\d{2}:\d{2}(?:[,.]\d{1,3})?\b|\bdoi:\s?\S+|\b1\s?:\s?\d{1,3}(?:[\s.,]\d{3})+\b",
    r"\b\d{1,2}:\d{1,2}\b|\bv\d+(?:\.\d+)+\b",  # times, scores (2:2), versions
    r"\b\d{1,2}[.h]\d{2}\s?(?:uur|u|uhr|h)\b",  # times with a point: 14.15 uur, 9.30 Uhr
    r"\b\d{1,2}\s?h\s?\d{2}\b",  # French times: 15 h 30, 15h30
    # hours of a day, alone or from one to another: "de 10 h à 17 h", "van 9 tot 12 uur", "bis 18 Uhr"
    r"\b\d{1,2}(?:\s?(?:h|uur|u|uhr))?\s?(?:[-–]|to|à|a|tot|bis|until)\s?\d{1,2}\s?(?:h|uur|u|uhr)\b"
    r"|\b\d{1,2}\s?(?:h|uur|uhr)\b(?!\s*[/%])",
    # an age from which: "à partir de 8 ans", "vanaf 8 jaar", "ab 8 Jahren", "from age 8"
    r"\b(?:à\s+partir\s+de|a\s+partir\s+de|dès|vanaf|ab)\s+\d{1,2}\s+(?:ans|jaar|jahren)\b|\bfrom\s+age\s+\d{1,2}\b",
    # a postcode and its town after an address: ", 1040 Brussels", ", 1300 Wavre"
    r"(?<=,\s)\d{4}\s+(?-i:[A-Z][\w-]+)(?=\s*(?:[.,;()]|$))",
    r"\b(?:iodine|iode|jodium|jod|technetium|technétium|molybdenum|molybdène|molybdeen|molybdän|lutetium|lutécium|"
    r"fluorine|fluor|gallium|yttrium|radium|actinium|xenon|xénon|cobalt|kobalt|strontium|caesium|cesium|césium|"
    r"cäsium|iridium|holmium|rhenium|rhénium|thallium|indium|samarium|erbium|germanium|copper|cuivre|kupfer)"
    r"\s\d{1,3}m?\b",  # an isotope: its element and mass number, "iode 131", "Jod 131"
    r"\b(?:version|versie|release|hall|halle|salle|zaal|room|raum|saal|local|lokaal|auditorium|aula|stand|gate|"
    r"terminal|platform|quai|spoor|gleis|floor|étage|etage|verdieping|stock|stockwerk|building|bâtiment|batiment|"
    r"gebouw|gebäude|gebaude|block|bloc|wing|aile|vleugel|flügel|flugel|vitrine|showcase|"
    # an exercise, a lecture, a week, a list on a ballot, a folder, a chart, an archive: "Exercise 3.2", "Aufgabe 9",
    # "Lecture 5 (week 11)", "Lijst 3", "grafiek 3", "Archive 4"
    r"exercises?|exercices?|oefening(?:en)?|aufgaben?|übung|ubung|questions?|vragen|vraag|fragen?|tasks?|taak|lectures?|"
    r"lessons?|leçons?|lecons?|lektion|vorlesung|hoorcollege|college|cours|module|weeks?|semaines?|woche|"
    r"list|liste|lijst|folder|dossier|ordner|werkpakket|arbeitspaket|work\s+package|archives?|archief|archiv|"
    r"charts?|graphs?|graphiques?|grafiek(?:en)?|grafik|diagramm|diagrams?|"
    # a quiz's round and question, a table's row and column, a talk's part, a class, a table at a dinner, a track, a
    # subtitle, a lab, a key, a bus line, an item of an agenda: "Round 5", "Zeile 4", "row 8", "Partie 3", "Klasse
    # 4b", "Tisch 14", "Track 2", "Untertitel 17", "labo 2.17", "sleutel 3", "ligne 48", "agendapunt 4.2"
    r"rounds?|ronde|manche|runde|rows?|rij|zeilen?|lignes?|lijn|linie|line|bus|tram|columns?|col|colonne|kolom|"
    r"spalte|parts?|partie|deel|teil|class|classe|klas|klasse|tische?|tafel|tracks?|subtitles?|untertitel|"
    r"ondertitel|sous-titre|labo|lab|labor|keys?|sleutel|clé|cle|schlüssel|schlussel|agendapunt|"
    r"tagesordnungspunkt|agenda\s+item|item|axe(?:\s+prioritaire)?|axis|mesure|maatregel|maßnahme|massnahme|palier|tier|rubrique|"
    r"rubriek|rubrik|case|box|photo|foto|bild|afbeelding|comité|comite|committee|ausschuss|"
    # a guide's stop, a phone's or device's key, a card game's row: "Station 7", "Taste 7", "press star 1", "Reihe 3"
    r"stations?|halte|haltestelle|arrêt|arret|stops?|tasten?|toets|touche|buttons?|knop|knopf|star|stern|ster|"
    r"reihe|"
    # an element's atomic number, a paper's PubMed id, a dangerous good's UN number, a library's shelf mark, a
    # sustainable development goal, a seat, a cycling junction: "Ordnungszahl 43", "PMID 31452104", "UN 2915",
    # "Dewey 338.4761", "ODD 3", "siège 12", "fietsknooppunt 63"
    r"ordnungszahl|atomic\s+number|numéro\s+atomique|numero\s+atomique|atoomnummer|pmid|pmcid|(?-i:UN)|dewey|"
    r"(?-i:ODD|SDG|SDGs)|sièges?|sieges?|seats?|sitzplatz|zetel|stoel|(?:fiets)?knooppunt)\s+"
    # (a number in thousands is a figure: "elke week 6.000 labojassen")
    r"(?![1-9]\d{0,2}(?:[.,\u00a0\u202f ]\d{3})+\b)\d+(?:\.\d+)*[a-z]?"
    r"(?:\s+(?:of|sur|van|von)\s+\d+)?\b",  # "photo 3 sur 7"
    # a clinical trial's phase, no count: "phase 1", "fase 1-3", "Phasen 2 und 3"
    r"\b(?:phases?|fasen?|phasen?)\s+\d(?:\s*(?:[-–/]|to|à|a|tot|bis|and|et|en|und)\s*\d)?\b",
    r"\b\d+\.\d{1,2}\.\d+\b",  # a version's three parts, 0.1.0 (a thousands group has three digits: 1.234.567)
    r"\b24/7\b|\bhalf[- ]time\b",  # around the clock; a match's half time (no half of anything)
    # a file's size, a screen's resolution, a lens, a time zone, a motorway, a scale's steps and their legend, a
    # EudraCT number, a journal's volume, issue and pages: "4 MB", "1920×1080", "24-70 mm", "UTC+1", "A 4",
    # "von 1 bis 5 (1 = gering)", "2021-004567-32", "64(3), 211-239"
    r"\b\d+(?:[.,]\d+)?\s?(?-i:KB|kB|MB|GB|TB)\b|\b\d{3,4}\s?[×x]\s?\d{3,4}\b|\b\d+(?:-\d+)?\s?mm\b"
    r"|\bUTC\s?[+-]\s?\d{1,2}\b|(?<![\w.])(?-i:[AENR])\s\d{1,3}\b"
    r"|\b(?:skala|scale|échelle|echelle|schaal)\s+(?:von|of|from|de|van)\s+\d+\s+(?:bis|to|à|a|tot)\s+\d+"
    r"|\b\d{1,2}\s?=\s?(?=[^\W\d_])|\b\d{4}-\d{6}-\d{2}\b|\b\d+\(\d+\),\s?\d+[-–]\d+\b",
    # the time a change took, in digits as in words (`_period`): "over the last 30 years", "in 10 Jahren", "en 10 ans",
    # "des 10 dernières années" ("over 30 years" alone is more than 30 years: a figure)
    rf"\b(?:{'|'.join(sorted(PERIOD_WORDS - {'over'}))})\s+(?:(?:the|de|den|het|les|des|la|le)\s+)?"
    rf"(?:(?:{'|'.join(sorted(PERIOD_WORDS))})\s+)?\d{{1,3}}\s+(?:years?|ans|années|annees|jaar|jaren|jahre|jahren)\b"
    r"|\b\d{1,3}\s+(?:dernières|dernieres|derniers)\s+(?:années|annees|ans)\b"
    r"|\b\d{1,3}\s+(?:years?|jaar)\s+(?:ago|geleden)\b|\bil\s+y\s+a\s+\d{1,3}\s+ans\b|\bvor\s+\d{1,3}\s+jahren\b",
    r"\b\d+/\d+/[\w/]+",  # a file reference, "Aktenzeichen 24/00123/A"
    r"\b(?:EU|UE|EU-?27|EU-?28|BE)\s*=\s*100\b",  # the base of an index, "(EU = 100)"
    r"\b(?:report|rapport|study|studie|étude|etude|article|artikel|book|livre|boek|buch|title|titre|titel|plan|"
    r"campaign|campagne|campagne|kampagne|programme|program|programma|programm|brochure|broschüre)\s*[:,]?\s*"
    r"(?:«[^»]*»|„[^“”]*[“”]|“[^”]*”|\"[^\"]*\"|'[^']*'|‘[^’]*’)",  # the title of a work, quoted
)]
_AGE_MASK = next(m for m in _MASKS if m.pattern == _AGE)

_FIGURE = re.compile(
    r"(?<![\w.,\u00a0\u202f/-])"
    # (a year, a dash and a figure are no range: "FuE-Intensität 2020 – 2,5 Prozent")
    r"(?!(?:19|20)\d\d\s*[-–—]\s*(?!(?:19|20)\d\d\b)\d)"
    r"(?P<times>(?:multipli\w*|multiplied)\s+(?:par|by)\s+)?"
    r"(?P<before>(?:€|\$|£|EUR|USD|CHF)\s?)?"
    r"(?P<n1>" + _NUMBER + r")"
    # a range, its first number's hyphen perhaps left hanging ("3- bis 5-fach")
    r"(?:\s?(?P<dash>[-–—](?:\s?(?:to|à|bis|tot))?|to|à|bis|tot)\s?(?:€|\$)?(?P<n2>" + _NUMBER + r"))?"
    r"(?P<plus>\+)?"
    r"(?:\s?(?P<scale>billions?|bn|millions?|mn|thousand|milliards?|mrd\.?|md|mio\.?|milliarden?|millionen|tsd\.?|"
    r"tausend|miljoen(?:en)?|miljard(?:en)?|duizend|mln\.?|mld\.?|M|k|K)(?![A-Za-zÀ-ÿ²³]))?"  # m²: no million
    r"(?:\s?(?P<of>d['’]\s?)?(?P<after>%|percent\b|per\s?cent\b|pour\s?cent\b|prozent\b|procent\b|pct\b\.?|€|EUR\b|euros?\b|"
    r"USD\b|dollars?\b|PPS\b|KKS\b|SPA\b|x\b|×|times\b|-?fold\b|fois\b|-?mal\b|keer\b|-?fach(?:e[nms]?)?\b))?",
    re.IGNORECASE,
)
_WORD_MULTIPLES = {"doubled": 2, "double": 2, "doubles": 2, "twice": 2, "doppelt": 2, "verdoppelt": 2,
                   "verdoppelte": 2, "doublé": 2, "doublée": 2, "verdubbeld": 2, "verdubbelde": 2, "verdubbelen": 2,
                   "tripled": 3, "triple": 3, "tripelt": 3, "dreifach": 3, "triplé": 3,
                   "triplée": 3, "quadrupled": 4, "quadruplé": 4}
_WORD_MULTIPLE = re.compile(r"(?<![\w-])(" + "|".join(_WORD_MULTIPLES) + r")(?![\w-])", re.IGNORECASE)
_SCALES = {"billion": 1e9, "billions": 1e9, "bn": 1e9, "milliard": 1e9, "milliards": 1e9, "mrd": 1e9,
           "mrd.": 1e9, "md": 1e9, "milliarden": 1e9, "million": 1e6, "millions": 1e6, "mn": 1e6, "mio": 1e6,
           "mio.": 1e6, "millionen": 1e6, "m": 1e6, "thousand": 1e3, "tsd": 1e3, "tsd.": 1e3, "k": 1e3,
           "milliarde": 1e9, "miljard": 1e9, "miljarden": 1e9, "mld": 1e9, "mld.": 1e9, "tausend": 1e3,
           "miljoen": 1e6, "miljoenen": 1e6, "mln": 1e6, "mln.": 1e6, "duizend": 1e3}
_PERCENT = {"%", "percent", "per cent", "pour cent", "prozent", "procent", "pct", "pct."}
_CURRENCY = {"€", "$", "£", "eur", "usd", "chf", "euro", "euros", "dollar", "dollars", "pps", "kks", "spa"}
_MULTIPLE = {"x", "×", "times", "fold", "fois", "mal", "keer", "fach", "fache", "fachen", "faches", "facher"}  # "-fold"
# Nouns after a four-digit number that make it a count, not a year ("2000 jobs").
_COUNT_NOUNS = {"jobs", "job", "people", "persons", "employees", "companies", "firms", "specialists", "workers",
                "emplois", "personnes", "entreprises", "salariés", "arbeitsplätze", "arbeitsplatze", "menschen",
                "unternehmen", "mitarbeiter", "beschäftigte", "fachkräfte", "m²", "m2", "patients", "trials"}
_GERMAN_COUNT_NOUNS = {"arbeitsplätze", "arbeitsplatze", "menschen", "unternehmen", "mitarbeiter", "beschäftigte",
                       "fachkräfte"}

# Units of time shorter than a year after a number: a duration (statistics in years are counts of years).
_DURATION_WORDS = {"seconds", "minutes", "hours", "days", "weeks", "months", "secondes", "heures", "jours", "semaines",
                   "mois", "seconden", "minuten", "uur", "uren", "dagen", "weken", "maanden", "sekunden", "stunden",
                   "tage", "tagen", "wochen", "monate", "monaten"}

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
    unit: str  # percent, money, multiple, count, rank, duration (days to months), or scaled (money or count)
    at_least: bool
    ulps: tuple[float, ...] = ()  # for each reading, the place of its last digit: "3.6" 0.1, "€74k" 1000

    def ulp(self, i: int) -> float:
        return self.ulps[i] if i < len(self.ulps) else 1.0


def language(text: str | Iterable[str]) -> str:
    """The language whose stop words `text` says most ("en" on a tie); `text` may come cut at line ends into
    pieces (a draft's parts)."""
    # no word runs over a line's end, nor does lowering a line look past it: the words of each distinct line or
    # piece are counted once, times how often it comes (a long draft repeats its lines)
    seen: Counter[str] = Counter()
    for piece, times in Counter(text.splitlines() if isinstance(text, str) else text).items():
        for word in re.findall(r"\w+", piece.lower()):
            seen[word] += times
    counts = {lang: sum(seen[w] for w in stop) for lang, stop in LANGUAGE_WORDS.items()}
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
        if mask is _AGE_MASK and _AVERAGE.search(line):
            continue
        line = mask.sub(lambda m: " " * len(m.group()), line)
    return line


def _unit(before: str | None, scale: str | None, after: str | None) -> str:
    after = (after or "").lower().replace(" ", "")
    if after in {p.replace(" ", "") for p in _PERCENT}:
        return "percent"
    if (before or "").strip().lower() in _CURRENCY or after in _CURRENCY:
        return "money"
    if after.removeprefix("-") in _MULTIPLE:  # "3-fold", "5-Fache"
        return "multiple"
    return "scaled" if scale else "count"


def figures(line: str, lang: str = "en") -> Iterator[Figure]:
    """The figures of one line of text, left to right."""
    masked = _masked(line)
    worded = list(_word_figures(line, masked, lang))
    yield from worded
    yield from _shared_units(_between(list(_number_figures(line, masked, lang, worded)), line, masked), masked)
    for m in _WORD_MULTIPLE.finditer(masked):
        yield Figure(line[m.start():m.end()], m.start(), (float(_WORD_MULTIPLES[m.group().lower()]),), None,
                     "multiple", False, (0.5,))


# What follows a number that has no unit nor noun of its own in an enumeration: "66.200, 39.800 und 28.300 KKS".
_LISTED = re.compile(r"\s*(?:[,;(]|(?:and|or|et|ou|en|of|und|oder)\b|[.!?]?\s*$)", re.IGNORECASE)
_SHARED = 60  # the most characters between two figures of one enumeration
# A measure said right before a bare number, whose figure it is ("an innovation index of 141.67, and … 12.5%"): it
# takes no unit from the figures around it
_OWN_MEASURE = re.compile(r"\b(?:index|indices|indice|indexcijfer|score|scores)\s+(?:of|de|du|van|von|d['’])?\s*$",
                          re.IGNORECASE)
_SENTENCE_LENGTH = 400  # the most characters before a figure in its sentence looked at for its unit
# The unit of PPS named in its sentence before a bare number: "Le PIB par habitant en standards de pouvoir d'achat
# atteignait 28 300 en Wallonie" (a number of PPS is mostly written without its unit)
_PPS_NAMED = re.compile(r"(?-i:\bPPS|\bKKS|\bSPA)\b|\bpurchasing[-\s]power[-\s]standards?\b|\bstandards?\s+de\s+"
                        r"pouvoir\s+d['’]\s?achat\b|\bkoopkrachtstandaard\w*|\bkaufkraftstandard\w*", re.IGNORECASE)
# ... or right after it ("von 32.400 in Kaufkraftstandards", "28 300 en SPA")
_PPS_AFTER = re.compile(r"\s*(?:in|en|an|aan)?\s*(?:" + _PPS_NAMED.pattern + ")", re.IGNORECASE)
# ... followed by no noun of its own: a place, a comparison, or the end of its clause (or of a table's cell)
# (or a verb's particle that ends the clause: "wies … von 66.200 auf, …")
_NO_NOUN = re.compile(r"\s*(?:[,;:)|]|[.!?]?\s*$|(?:in|en|dans|au|aux|im|op|for|pour|für|fur|voor|and|et|und|against|"
                      r"contre|tegenover|gegenüber|gegenuber)\b|(?:auf|an|aus|bei|vor|uit|aan|mee)\s*(?:[,;:.!?]|$))",
                      re.IGNORECASE)


# A range written with the words of "between ... and": "entre 50 et 80 %", "zwischen 3 und 5 Mio.", "tussen 10 en 20"
_BETWEEN = re.compile(r"\b(?:between|entre|zwischen|tussen)\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|et|und|en)\s+", re.IGNORECASE)


def _between(found: list[tuple[Figure, float, int]], line: str, masked: str) -> list[tuple[Figure, float, int]]:
    """`found` with a bare number after "between" and the figure after its "and" read as one range, in the unit and
    scale of the second ("entre 50 et 80 %": 50–80 %)."""
    if len(found) < 2:
        return found
    out: list[tuple[Figure, float, int]] = []
    skip = False
    for (first, scale, end), after in zip(found, [*found[1:], None], strict=True):
        if skip:
            skip = False
            continue
        if (after is not None and first.unit == "count" and first.value_max is None and not first.at_least
                and after[0].value_max is None and _BETWEEN.search(masked, 0, first.start)
                and _AND.fullmatch(masked, end, after[0].start)):
            second, factor, after_end = after
            out.append((second._replace(
                text=line[first.start:after_end], start=first.start, values=tuple(v * factor for v in first.values),
                value_max=second.values[0], ulps=tuple(u * factor for u in first.ulps)), factor, after_end))
            skip = True
            continue
        out.append((first, scale, end))
    return out


def _sentence_before(masked: str, start: int) -> str:
    """What the sentence of the figure at `start` says before it (at most `_SENTENCE_LENGTH` characters)."""
    return re.split(r"[.!?]\s", masked[max(0, start - _SENTENCE_LENGTH):start])[-1]


def _shared_units(found: list[tuple[Figure, float, int]], masked: str) -> Iterator[Figure]:
    """The figures of `found` (each with its scale factor and where it ends), a bare number of an enumeration
    taking the unit and scale of the figure of that enumeration that carries them, the next one, else the one before
    ("in Brussels 66,200, in Flanders 39,800 and in Wallonia 28,300 PPS": all three in PPS; "€5.7 billion, up from
    4.3": billions of euros)."""

    def carried(i: int) -> bool:
        return found[i][0].unit in ("percent", "money", "scaled")

    def together(a: int, b: int) -> bool:  # figures a < b of one enumeration: close, in one sentence
        gap = masked[found[a][2]:found[b][0].start]
        return len(gap) <= _SHARED and not re.search(r"[.!?]\s", gap)

    for i, (figure, _, end) in enumerate(found):
        bare = figure.unit == "count" and figure.value_max is None and not figure.at_least and figure.text.replace(
            ".", "").replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").isdigit()
        if bare and _LISTED.match(masked, end) and not _OWN_MEASURE.search(masked, max(0, figure.start - 30),
                                                                            figure.start):
            after = next((j for j in range(i + 1, len(found)) if found[j][0].unit != "count" or not together(
                j - 1, j)), None)
            after = after if after is not None and carried(after) and together(after - 1, after) else None
            before = i - 1 if i and carried(i - 1) and together(i - 1, i) else None
            source = after if after is not None else before
            if source is not None:
                model, factor = found[source][0], found[source][1]
                figure = figure._replace(unit=model.unit, values=tuple(v * factor for v in figure.values),
                                         ulps=tuple(u * factor for u in figure.ulps))
        # (in PPS named right after it, whatever follows: "27.200 Kaufkraftstandards je Kopf")
        if bare and figure.unit == "count" and (_PPS_AFTER.match(masked, end) or (_NO_NOUN.match(masked, end) and (
                _PPS_NAMED.search(_sentence_before(masked, figure.start))))):
            figure = figure._replace(unit="money")
        yield figure


def _number_figures(line: str, masked: str, lang: str, worded: list[Figure]) -> Iterator[tuple[Figure, float, int]]:
    """The figures written in digits, each with its scale factor and where it ends in `line`."""
    for m in _FIGURE.finditer(masked):
        if any(w.start <= m.start("n1") < w.start + len(w.text) for w in worded):
            continue  # the digits of "1/3" or "top 3", read as a whole
        n1, n2, scale = m["n1"], m["n2"], m["scale"]
        text = line[m.start():m.end()].strip()
        unit = "multiple" if m["times"] else _unit(m["before"], scale, m["after"])
        if unit == "count" and next(iter(fold(masked[m.end():m.end() + 12]).split()), "") in _DURATION_WORDS:
            unit = "duration"  # "60 jours", "18 Monate": how long something takes, which no statistic measures
        plain = not (m["before"] or scale or m["after"] or m["plus"] or m["times"])
        if m["times"]:
            text = line[m.start("n1"):m.end()].strip()
        if m["of"]:  # "5,7 milliards d'euros": the figure is "5,7 milliards", of euros
            text = line[m.start():m.start("of")].strip()
        # A year standing alone, or a period of years, is not a figure.
        if plain and re.fullmatch(r"\d{4}", n1) and 1800 <= int(n1) <= 2100 and (n2 is None or (
                re.fullmatch(r"\d{4}", n2) and 1800 <= int(n2) <= 2100)):
            following = masked[m.end():].split()
            noun = following[0].strip(".,;:") if following else ""
            # a German noun is written with a capital: "2022 beschäftigte die Branche" is a year and a verb
            if noun.lower() not in _COUNT_NOUNS or (noun.lower() in _GERMAN_COUNT_NOUNS and not noun[:1].isupper()):
                continue
        if n2 is not None and m["dash"] and plain and readings(n2, lang)[0] <= readings(n1, lang)[0]:
            continue  # "4-0", "3 à 1": a score or a reference, never a range (a range rises)
        if n2 is not None and m["dash"] and m["dash"].lower() in ("to", "à", "bis", "tot") and plain:
            n2 = None  # "from 3 to 5" is read number by number unless it carries a unit
        factor = _SCALES.get((scale or "").lower(), 1.0) if scale not in ("K",) else 1e3
        if scale == "M":
            factor = 1e6
        read = readings(n1, lang)
        if scale:  # with a scale word, the number as its language writes it: Dutch "266.342 miljard" is 266,342
            read = read[:1]  # billion, no wrong scale of 266.342 billion
        values = tuple(v * factor for v in read)
        ulps = tuple(_ulp(n1, v) * factor for v in read)
        value_max = readings(n2, lang)[0] * factor if n2 else None
        if m["dash"] and n2 is None and m["n2"] is not None:
            text = line[m.start():m.start("dash")].strip()
        start = m.start() + (len(line[m.start():]) - len(line[m.start():].lstrip()))
        yield Figure(text, start, values, value_max, unit, bool(m["plus"]), ulps), factor, start + len(text)


# Numbers in words (`NUMBER_WORDS`), for shares ("one in three"), multiples and ranks.
_WORD_NUMBER = {w: n for n, words in NUMBER_WORDS.items() for w in words.split()}
_ORDINALS = {
    1: "first premier première premiere erster erste ersten eerste", 2: "second deuxième deuxieme zweiter zweite "
    "zweiten tweede", 3: "third troisième troisieme dritter dritte dritten derde", 4: "fourth quatrième vierter "
    "vierte vierden vierde", 5: "fifth cinquième fünfter fünfte vijfde", 6: "sixth sixième sechster sechste zesde",
    7: "seventh septième siebter siebte zevende", 8: "eighth huitième achter achte achtste", 9: "ninth neuvième "
    "neunter neunte negende", 10: "tenth dixième zehnter zehnte tiende",
}
_ORDINAL = {w: n for n, words in _ORDINALS.items() for w in words.split()}
_ORD = "|".join(sorted(map(re.escape, _ORDINAL), key=len, reverse=True))
_FRACTION_WORDS = {"third": 3, "thirds": 3, "tiers": 3, "drittel": 3, "derde": 3, "quarter": 4, "quarters": 4,
                   "quart": 4, "quarts": 4, "viertel": 4, "kwart": 4, "fifth": 5, "fifths": 5, "cinquième": 5,
                   "fünftel": 5, "vijfde": 5}
_N = "|".join(sorted(map(re.escape, _WORD_NUMBER), key=len, reverse=True))
_N_MANY = "|".join(sorted((re.escape(w) for w, n in _WORD_NUMBER.items() if n > 1), key=len, reverse=True))
_ABOUT = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
          "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "tiental": 10, "twintigtal": 20,
          "dertigtal": 30, "veertigtal": 40, "vijftigtal": 50, "honderdtal": 100}
_ORDINAL_STEMS = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "funft": 5, "sechst": 6, "siebt": 7,
                  "acht": 8, "neunt": 9, "zehnt": 10}
# millions and billions written out (`_SCALES`' words, not their abbreviations: `mn`, `Mrd.`, `mln`)
_SCALE_WORDS = {w: f for w, f in _SCALES.items() if f >= 1e6 and len(w) > 4 and w.isalpha()}
_SCALE_WORD = "|".join(sorted(_SCALE_WORDS, key=len, reverse=True))
_PER_ONE = re.compile(r"\b(?:per|par|pro|auf|je|op|for|every|each|chaque|elke|ieder)\s+$", re.IGNORECASE)
_WORD_FIGURE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<num>a|{_N}|[1-9])[\s-]+(?P<frac>{'|'.join(sorted(map(re.escape, _FRACTION_WORDS), key=len, reverse=True))})"
    rf"|(?P<one>{_N}|1)\s+(?:in|out\s+of|sur|von|op)\s+(?:de\s+)?(?P<den>{_N}|[1-9]\d?)"
    # a share in words ("sieben Prozent", "six pour cent"), thousands in words ("nine thousand", "neuf mille")
    rf"|(?P<pn>{_N})\s+(?:per\s?cent|percent|pour\s?cent|procent|prozent)"
    rf"|(?P<thou>{_N})[\s-]?(?:thousand|mille|duizend|tausend)"
    # ... and millions and billions in words, of euros or not ("six millions d'euros", "zes miljoen euro")
    rf"|(?P<mil>{_N})\s+(?P<milscale>{_SCALE_WORD})(?P<milcur>\s+(?:d['’]\s?euros?|euros?|eur)(?![\w-]))?"
    rf"|(?P<half>half|halve|la\s+moitié|la\s+moitie|die\s+hälfte|die\s+halfte|de\s+helft)"
    rf"|(?P<m1>{_N})(?:\s*(?:-|to|à|a|bis|tot)\s*(?P<m2>{_N}))?\s+(?P<times>times|fois|mal|keer)"
    rf"|(?P<by>multipli\w*|vermenigvuldigd|multiplied)\s+(?:par|by|met)\s+(?P<b1>{_N})"
    rf"(?:\s*(?:-|to|à|a|tot)\s*(?P<b2>{_N}))?"
    # (and German "-mal": "fünfmal so hoch", "drei- bis fünfmal"; "einmal", once, is no multiple)
    rf"|(?P<f1>{_N})(?:-\s*(?:bis|und|oder|to|or|tot|of)\s+(?P<f2>{_N}))?(?:fache[nrs]?|fold|voudig|maal|(?P<mal>mal))"
    # a verb of a multiple: "verdreifacht", "verdrei- bis verfünffacht", "vervijfvoudigd" (not "vereinfacht")
    rf"|ver(?P<v1>{_N_MANY})(?:-\s*(?:bis|und|oder|tot|of|en)\s+ver(?P<v2>{_N_MANY}))?(?:facht|voudigd)(?:e[nrs]?)?"
    rf"|(?P<top>top)[\s-]+(?P<topn>{_N}|[1-9]\d?)"
    rf"|(?P<ranked>ranks?|ranked|rang|classée?|belegt|staat|steht)\s+(?:(?:the|at|as|au|den|op|de|der)\s+)?"
    rf"(?P<ord>{_ORD})"
    # the article, an ordinal and what it ranks: "the second largest", "le deuxième exportateur", "de derde grootste"
    rf"|(?P<ord3>{_ORD})-(?:largest|biggest|smallest)"  # "Europe's second-largest"
    rf"|(?:the|le|la|de|het|der|die|das)\s+(?P<ord2>{_ORD})"
    r"(?=\s+(?:largest|biggest|exporter|producer|grootste|exporteur|producent|plus\s+grande?|exportateur|"
    r"producteur|größte[rn]?|grösste[rn]?|Exporteur|Produzent|place|plaats|position|positie))"
    rf"|(?<![\d/.,])(?P<fn>[1-9])\s?/\s?(?P<fd>[1-9]\d?)(?![\d/.,])"
    # an ordinal in a German compound ("drittgrößte"), the Dutch "op een na grootste" (the second largest)
    rf"|(?P<ordc>{'|'.join(_ORDINAL_STEMS)})(?:größte|grösste|groesste|grosste)[nrs]?"
    rf"|op\s+(?P<opna>{_N})\s+na\s+(?:grootste|belangrijkste)"
    # a count in words: ten, and hundreds ("vierhonderd biotechbedrijven", "dix premiers groupes")
    rf"|(?P<hundreds>{_N})[\s-]?(?:hundred|honderd|hundert)|(?P<cents>{_N})[\s-]cents|(?P<ten>ten|dix|tien|zehn)"
    # a hundred years in words ("seit fast hundert Jahren", "près de cent ans")
    r"|(?P<hun>hundred|hundert|honderd|cent)(?=\s+(?:years?|ans|années|annees|jaar|jaren|jahre|jahren)\b)"
    # about so many, in words ("une trentaine d'hôpitaux"), and a century (of years)
    rf"|(?P<aine>{'|'.join(_ABOUT)})"
    r"|(?P<century>(?:a|one|un|een|ein|einem|eines)\s+(?:century|siècle|siecle|eeuw|jahrhundert))"
    rf")(?![\w-])", re.IGNORECASE)


# Counts from eleven to ninety-nine in words, by language: "twenty-six", "dix-huit", "zesentwintig",
# "sechsundzwanzig" (a word of another language is no count: English "seize" is no French sixteen)
_TEENS = {
    "en": {11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen",
           18: "eighteen", 19: "nineteen"},
    "fr": {11: "onze", 12: "douze", 13: "treize", 14: "quatorze", 15: "quinze", 16: "seize", 17: "dix-sept",
           18: "dix-huit", 19: "dix-neuf"},
    "nl": {11: "elf", 12: "twaalf", 13: "dertien", 14: "veertien", 15: "vijftien", 16: "zestien", 17: "zeventien",
           18: "achttien", 19: "negentien"},
    "de": {11: "elf", 12: "zwölf", 13: "dreizehn", 14: "vierzehn", 15: "fünfzehn", 16: "sechzehn", 17: "siebzehn",
           18: "achtzehn", 19: "neunzehn"},
}
_TENS = {
    "en": {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
           90: "ninety"},
    "fr": {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante", 70: "septante",
           80: "quatre-vingts?", 90: "nonante"},
    "nl": {20: "twintig", 30: "dertig", 40: "veertig", 50: "vijftig", 60: "zestig", 70: "zeventig", 80: "tachtig",
           90: "negentig"},
    "de": {20: "zwanzig", 30: "dreißig|dreissig", 40: "vierzig", 50: "fünfzig", 60: "sechzig", 70: "siebzig",
           80: "achtzig", 90: "neunzig"},
}
_UNITS = {
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9},
    "nl": {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
           "zeven": 7, "acht": 8, "negen": 9},
    "de": {"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9},
}


def _alternatives(words: dict[int, str]) -> str:
    return "|".join(f"(?P<w{n}>{w})" for n, w in sorted(words.items(), reverse=True))


@functools.cache
def _counts_in_words(lang: str) -> re.Pattern[str] | None:
    """A count from eleven to ninety-nine written in words of `lang`, with a percent sign or word after it."""
    if lang not in _TEENS:
        return None
    teens, tens = _alternatives(_TEENS[lang]), _alternatives(_TENS[lang])
    units = "|".join(sorted(_UNITS[lang], key=len, reverse=True))
    if lang in ("en", "fr"):  # twenty-six, vingt-six, vingt et un, soixante-dix-huit
        body = rf"(?:{tens})(?:(?:-et-|\s+et\s+|-|\s+)(?:(?P<dix>dix(?:-(?P<dixunit>{units}))?)|(?P<unit>{units})))?"
        body += rf"|{teens}"
    else:  # zesentwintig, tweeëntwintig, sechsundzwanzig
        body = rf"(?:(?P<unit>{units})(?:en|ën|und))?(?:{tens})|{teens}"
    percent = r"(?P<pct>\s*(?:%|per\s?cent|percent|pour\s?cent|procent|prozent)\b)?"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-]){percent}", re.IGNORECASE)


def _names_a_measure(after: str) -> bool:
    """Whether one of the two words after a count is a word of a unit, measure or kind of the vocabulary."""
    from ecofacts.vocabulary import load

    v = load()
    return any(v.named(word, section) for word in fold(after).split()[:2] for section in ("unit", "metric", "kind"))


def _count_in_words(m: re.Match[str], lang: str) -> float:
    """The value of a match of `_counts_in_words(lang)`."""
    groups = m.groupdict()
    value = sum(int(k[1:]) for k, v in groups.items() if k[0] == "w" and v)
    units = {k.lower(): n for k, n in _UNITS[lang].items()}
    if groups.get("dix"):  # soixante-dix-huit: sixty, ten and eight
        value += 10 + (units[groups["dixunit"].lower()] if groups.get("dixunit") else 0)
    if groups.get("unit"):
        value += units[groups["unit"].lower()]
    return float(value)


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _WORD_NUMBER.get(word, _WORD_NUMBER.get(fold(word), 1))


# A rank in digits: "ranks 7th", "the 7th place", "la 9e place", "op de 4de plaats" (the ordinal's digits are
# masked as no figure; read on the line itself).
_RANK = re.compile(
    r"\b(?:(?:ranks?|ranked|rang|classée?|occupe|occupies|belegt|staat|steht)\s+(?:(?:only|just|que|seulement|nur|"
    r"slechts|the|at|as|au|à|a|la|le|den|op|de|der|die|het)\s+)*(?P<r1>\d{1,2})(?P<e1>st|nd|rd|th|e|er|ère|ème|eme|de|"
    r"ste)|(?P<r2>\d{1,2})(?P<e2>st|nd|rd|th|e|er|ère|ème|eme|de|ste)(?=\s+(?:place|plaats|position|positie)\b))"
    r"(?![\w-])", re.IGNORECASE)


def _ranks(line: str) -> Iterator[Figure]:
    for m in _RANK.finditer(line):
        n, end = ("r1", "e1") if m["r1"] else ("r2", "e2")
        yield Figure(line[m.start(n):m.end(end)], m.start(n), (float(m[n]),), None, "rank", False, (0.5,))


# "over the past ten years", "en dix ans", "in den letzten zehn Jahren": the time a change took, not a figure of
# the knowledge ("seit zehn Jahren ununterbrochen", "tien jaar op rij" are)
_YEARS_AFTER = re.compile(r"\s+(?P<last>(?:dernières|dernieres|derniers)\s+)?(?:years?|ans|années|annees|jaar|jaren|"
                          r"jahre|jahren)\b(?P<ago>\s+(?:ago|geleden)\b)?", re.IGNORECASE)


def _period(before: str, after: str) -> bool:
    """... and how long ago ("ten years ago", "il y a dix ans", "vor zehn Jahren", "tien jaar geleden")."""
    years = _YEARS_AFTER.match(after)
    said = fold(before).split()[-3:]
    return bool(years and (years["last"] or years["ago"] or PERIOD_WORDS & set(said[-2:])
                           or said[-3:] == ["il", "y", "a"] or said[-1:] == ["vor"]))


def _word_figures(line: str, masked: str, lang: str = "en") -> Iterator[Figure]:
    """Shares, multiples and ranks written in words or as a fraction: "a third", "one in three", "1/3", "half",
    "three to five times", "top 3", "ranks tenth"; and ranks in digits ("ranks 7th", "la 9e place")."""
    yield from _ranks(line)
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
        elif m["mal"] and not m["f2"] and _count(m["f1"]) == 1:
            continue  # "einmal", "noch einmal": once, no multiple
        elif m["times"] or m["f1"] or m["v1"]:  # "three to five times"; das Drei- bis Fünffache; fünfmal
            low, high = (m["m1"], m["m2"]) if m["times"] else (m["f1"], m["f2"]) if m["f1"] else (m["v1"], m["v2"])
            yield Figure(text, start, (float(_count(low)),), float(_count(high)) if high else None, "multiple",
                         False, (0.5,))
        elif m["by"]:  # "multipliés par trois à cinq"
            yield Figure(text, start, (float(_count(m["b1"])),), float(_count(m["b2"])) if m["b2"] else None,
                         "multiple", False, (0.5,))
        elif m["aine"]:
            yield Figure(text, start, (float(_ABOUT[m["aine"].lower()]),), None, "count", False, (0.5,))
        elif m["century"]:
            yield Figure(text, start, (100.0,), None, "count", False, (0.5,))
        elif m["top"]:
            yield Figure(text, start, (float(_count(m["topn"])),), None, "rank", False, (0.5,))
        elif m["ord"] or m["ord2"] or m["ord3"]:  # "ranks tenth"; "the second largest", "second-largest"
            group = "ord" if m["ord"] else "ord2" if m["ord2"] else "ord3"
            text = line[m.start(group):m.end()]  # "second", "second-largest"
            yield Figure(text, m.start(group), (float(_ORDINAL[m[group].lower()]),), None, "rank", False, (0.5,))
        elif m["fn"]:
            yield Figure(text, start, (100 * int(m["fn"]) / int(m["fd"]),), None, "percent", False, (1.0,))
        elif m["ordc"] or m["opna"]:
            rank = _ORDINAL_STEMS[m["ordc"].lower()] if m["ordc"] else _count(m["opna"]) + 1
            yield Figure(text, start, (float(rank),), None, "rank", False, (0.5,))
        elif m["pn"]:
            yield Figure(text, start, (float(_count(m["pn"])),), None, "percent", False, (0.5,))
        elif m["thou"]:
            yield Figure(text, start, (1000.0 * _count(m["thou"]),), None, "count", False, (500.0,))
        elif m["mil"] and not _PER_ONE.search(line[:start]):  # "auf eine Million Einwohner": a unit, no figure
            factor = _SCALE_WORDS[m["milscale"].lower()]
            yield Figure(text, start, (factor * _count(m["mil"]),), None, "money" if m["milcur"] else "scaled", False,
                         (factor,))
        elif m["hundreds"] or m["cents"]:
            yield Figure(text, start, (100.0 * _count(m["hundreds"] or m["cents"]),), None, "count", False, (0.5,))
        elif m["hun"] and not _period(line[:m.start()], line[m.end():]):
            yield Figure(text, start, (100.0,), None, "count", False, (0.5,))
        elif m["ten"] and not _period(line[:m.start()], line[m.end():]) and not (
                lang == "nl" and m["ten"].lower() == "ten"):  # Dutch "ten" is "at, to": "ten belope van", "ten noorden"
            yield Figure(text, start, (10.0,), None, "count", False, (0.5,))
    worded = _counts_in_words(lang)
    for m in worded.finditer(masked) if worded else ():
        # a share, or a count of what the knowledge measures ("eighteen companies"), not of people at a meeting
        # ("Twelve of us", "Dreizehn Delegierte") nor the time a change took ("over the past twenty years")
        if (m["pct"] or _names_a_measure(line[m.end():])) and not _period(line[:m.start()], line[m.end():]):
            yield Figure(line[m.start():m.end()], m.start(), (_count_in_words(m, lang),), None,
                         "percent" if m["pct"] else "count", False, (0.5,))
