"""The words around a figure (`ecofacts verify`): a sentence's significant words, folded, stemmed and put in
English by a small French, Dutch and German vocabulary, so that they meet the words of the statistics' labels;
the words that say a sentence speaks of the future; the years it names; the adjectives that name a region."""

from __future__ import annotations

import re
from functools import lru_cache

from ecofacts.names import fold, stem


def _words(text: str) -> set[str]:
    return set(text.split())


# Numbers in words, in the four languages (and folded where an accent differs)
NUMBER_WORDS = {
    1: "one un une ein eine einer eins een één eén", 2: "two deux zwei twee", 3: "three trois drei drie",
    4: "four quatre vier", 5: "five cinq fünf funf vijf", 6: "six sechs zes", 7: "seven sept sieben zeven",
    8: "eight huit acht", 9: "nine neuf neun negen", 10: "ten dix zehn tien",
}

# the words before a number of years that make it the time a change took ("over the past ten years", "en dix ans",
# "in den letzten zehn Jahren"), not a figure; and those years' words, folded
PERIOD_WORDS = {"past", "last", "next", "coming", "over", "within", "during", "in", "en", "cours", "prochaines",
                "afgelopen", "laatste", "komende", "volgende", "binnen", "letzten", "vergangenen", "nachsten",
                "kommenden", "innerhalb"}
YEAR_WORDS = {"year", "years", "ans", "annees", "jaar", "jaren", "jahre", "jahren"}
# the first word of a statistical office named by its place (`Statistiek Vlaanderen`): who says a figure, not whose
# it is (`verify_places`, `ask_reading`)
STATISTICAL_OFFICES = ("Statistiek", "Statistics", "Statistik", "Statistique", "Statistiques")


STOP_WORDS = _words("""
the of in and a an for by to with its it is are was were has have had be been over more than from on at as that this
these those into per all some any about almost nearly around up least each which who what de des la le les et du en
un une au aux pour par sur avec dans est sont plus que qui ou der die das den dem des und von mit im in ein eine
einer eines zu zur zum für fur ist sind auf aus bei als über uber mehr rund etwa bis
s
""")  # (and the "s" of a possessive, "Belgium's", folded apart from its word)
# French and German words (folded) and their English stems, as the statistics' labels say them.
_SYNONYMS: dict[str, str | list[str]] = {
    "emploi": "job", "poste": "job", "arbeitsplatz": "job", "arbeitsplatze": "job", "stelle": "job",
    "employment": "job", "employ": "job", "employed": "job", "employee": "job", "worker": "job",
    "beschaftigte": "job", "beschaftigt": "job", "personne": "people", "person": "people", "mensch": "people",
    "entreprise": "company", "societe": "company", "unternehmen": "company", "firma": "company",
    "firmen": "company", "firm": "company", "biotechnology": "biotech", "biotechnologie": "biotech",
    "biotechnologique": "biotech", "biotechnologiques": "biotech", "biotechnologisch": "biotech",
    "biotechnologischen": "biotech", "biopharmaceutical": "biopharma", "biopharmaceutique": "biopharma",
    "biofarma": "biopharma", "biofarmaceutisch": "biopharma", "biofarmaceutische": "biopharma",
    "biopharmazeutisch": "biopharma", "biopharmazie": "biopharma",
    "medecine": "medicine", "nucleaire": "nuclear", "nuklear": "nuclear", "medizin": "medicine",
    "nuklearmedizin": ["nuclear", "medicine"], "nuklearmedizinischen": ["nuclear", "medicine"],
    "exportation": "export", "exporte": "export", "ausfuhr": "export", "exported": "export",
    "chiffre": "turnover", "umsatz": "turnover", "revenue": "turnover", "sales": "turnover",
    "recherche": ["research", "rd"], "forschung": ["research", "rd"], "research": ["research", "rd"],
    "developpement": "development", "entwicklung": "development",
    "rd": "rd", "fe": "rd",
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
    "recycleren": "recycling", "recycleerden": "recycling", "recycleerde": "recycling", "gerecycleerd": "recycling",
    "afval": "waste", "afvalstoffen": "waste", "besoin": "demand",
    "kosten": "cost", "kost": "cost", "cout": "cost",
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
    "pib": "gdp", "bip": "gdp", "bbp": "gdp", "oo": "rd", "intensite": "intensity",
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
    "investierte": "investment", "onderzoek": ["research", "rd"], "ontwikkeling": "development", "kks": "pps",
    "spa": "pps", "moyenne": "average", "gemiddelde": "average", "durchschnitt": "average",
    "durchschnitts": "average", "habitants": "inhabitant", "inwoners": "inhabitant", "etudiant": "student",
    "studenten": "student", "studierende": "student", "geneeskunde": "medicine",
    "arzneimittel": "medicine", "impfstoffe": "vaccine", "vaccin": "vaccine", "geneesmiddelen": "medicine",
    "medicament": "medicine", "recycle": "recycling", "specialisten": "specialist",
    "emploie": "job", "emploient": "job", "employait": "job", "employer": "job",
    "wuch": "growth", "gewachsen": "growth", "groeide": "growth", "stieg": "growth",
    "steeg": "growth", "gestegen": "growth", "reale": "real", "reel": "real", "reelle": "real", "reele": "real",
    "bruttowertschopfung": ["gross", "added", "value"], "woonden": "inhabitant", "wonen": "inhabitant",
    "woont": "inhabitant", "lebten": "inhabitant", "leben": "inhabitant", "vivaient": "inhabitant",
    "vivent": "inhabitant", "lived": "inhabitant", "live": "inhabitant",
    # the seventh round: Dutch demand, nuclear, worldwide; physicians of a medicine
    "vraag": "demand", "behoefte": "demand", "nucleair": "nuclear", "wereldwijd": "worldwide",
    "wereldwijde": "worldwide", "geneeskundige": "medicine", "geneeskundigen": "medicine", "therapie": "therapy",
}
# Words of a record's name that do not tell it from others ("partnership").
GENERIC_WORDS = _words("""
partnership partnerschaft partenariat initiative project projet projekt programme program strategy strategie event
cluster network reseau netzwerk group groupe gruppe company
""")
# Words a sentence speaks of the future with (folded).
FUTURE_WORDS = _words("""
will would expected expect expects forecast forecasts forecasted projected projection projections plan plans planned
planning target targets targeted aim aims goal goals could should might estimated anticipated prospective future
outlook devrait devraient prevu prevue prevus prevoit prevision previsions objectif objectifs vise visent pourrait
pourraient sera seront horizon soll sollen solle geplant geplante geplanten prognose prognostiziert erwartet
erwarten ziel ziele voraussichtlich wird werden kunftig kuenftig zukunftig zal zullen zou zouden verwacht verwachte
verwachting gepland geplande prognose voorspelling doel doelen doelstelling doelstellingen streefcijfer beoogd
beoogde toekomstig toekomstige
atteindra atteindront representera representeront creera creeront augmentera augmenteront depassera depasseront
comptera compteront generera genereront passera passeront elevera eleveront doublera doubleront triplera tripleront
""")
# The nouns of a goal, which say a figure is one unless the sentence says it was reached ("Flandern hat sein Ziel,
# 3 Prozent des BIP in Forschung zu stecken, erreicht").
GOAL_WORDS = _words("""
target targets goal goals objectif objectifs ziel ziele doel doelen doelstelling doelstellingen plan plans outlook
prognose prevision previsions verwachting
""")
# Words that say a figure holds now ("the market already stands at €80 billion"): a goal's or plan's noun before
# them does not make it a forecast
NOW_WORDS = _words("""
already currently today deja actuellement aujourd reeds momenteel vandaag bereits derzeit heute mittlerweile inzwischen
""")
REACHED_WORDS = _words("""
reached achieved attained met exceeded surpassed atteint atteinte atteints depasse realise bereikt gehaald behaald
overschreden erreicht ubertroffen uebertroffen delivered realised realized fulfilled tenu tenue waargemaakt eingelost
erfullt erfuellt meets
""")
# Inflation taken out of a figure, which makes it real, no figure of inflation: "rose 3.1% after inflation",
# "hors inflation", "na inflatie", "inflationsbereinigt"
NET_OF_INFLATION = re.compile(
    r"\b(?:after|adjusted\s+for|net\s+of|corrected\s+for|excluding|hors|corrig[ée]e?s?\s+de\s+l['’]\s?|na|"
    r"gecorrigeerd\s+voor|zonder|bereinigt\s+um\s+die|nach\s+abzug\s+der|ohne)\s*(?:inflation|inflatie)\b"
    r"|\binflation[-\s]adjusted\b|\binflationsbereinigt\w*|\bvoor\s+inflatie\s+gecorrigeerd",
    re.IGNORECASE)
BY_YEAR = re.compile(r"\b(?:by|until|bis|d'ici|d ici|jusqu'en|horizon|tegen)\s+(20\d\d)\b", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)")
_DATE_YEAR = re.compile(r"(?<![\d.,])\d{1,2}[./]\d{1,2}[./](1[89]\d\d|20\d\d)(?![\d.,]\d)")
# A year counted from the one named before: "en 2020 ; un an plus tard, ...", "two years later", "the following year"
_LATER = re.compile(
    r"\b(?:(?P<n>a|one|un|une|een|ein|einem|two|deux|twee|zwei|three|trois|drie|drei|\d{1,2})\s+(?:years?|ans?|années?|"
    r"annees?|jaar|jahre?n?)\s+(?:later|plus\s+tard|après|apres|später|spater|daarna|darauf|on)"
    r"|(?:the\s+(?:following|next)\s+year|the\s+year\s+after|l['’]année\s+suivante|l['’]annee\s+suivante|"
    r"het\s+jaar\s+(?:daarop|daarna|erna)|im\s+(?:folgenden|nächsten|nachsten)\s+jahr))\b", re.IGNORECASE)
# A year counted back from the one named, said right after a figure: "42.062 banen in 2021, tegenover 40.464 een
# jaar eerder", "a year earlier", "l'année précédente", "im Vorjahr"
_EARLIER = re.compile(
    r"\S+(?:\s+\S+){0,2}?\s+(?:(?P<n>a|one|un|une|een|ein|einem|two|deux|twee|zwei|\d)\s+(?:years?|ans?|années?|"
    r"annees?|jaar|jahre?n?)\s+(?:earlier|before|plus\s+tôt|plus\s+tot|auparavant|eerder|daarvoor|früher|fruher|"
    r"zuvor|davor)|the\s+(?:previous|prior)\s+year|the\s+year\s+before|l['’]année\s+(?:précédente|precedente|"
    r"d['’]avant)|l['’]annee\s+(?:precedente|d['’]avant)|het\s+jaar\s+(?:ervoor|daarvoor|voordien)|"
    r"(?:im|dem)\s+vorjahr)\b", re.IGNORECASE)
# ... and on from it: "40,464 people in 2020 and 42,062 a year later"
# (no word between ends a clause: "3; two years later, 5" is 5's year)
_LATER_AFTER = re.compile(r"\S*[^\s,;:.](?:\s+\S*[^\s,;:.]){0,2}?\s+(?:" + _LATER.pattern + ")", re.IGNORECASE)
_COUNTS = {"a": 1, "one": 1, "un": 1, "une": 1, "een": 1, "ein": 1, "einem": 1, "two": 2, "deux": 2, "twee": 2,
           "zwei": 2, "three": 3, "trois": 3, "drie": 3, "drei": 3}


# A work cited by its author and year: "(Lambrecht, 2023)", "(Smith et al., 2020)", or at the start of a sentence or
# after "according to" with the year in brackets and a verb after it ("Claes (2020) geeft …")
# (a date stamp is none: "278 Menschen (Stand 2020)", "(Stichtag 2021)" date the figure)
_AUTHOR = (r"(?!(?:Stand|Stichtag|Status|Situation|Peildatum)\b)(?-i:[A-Z][\w'’-]+)"
           r"(?:\s+et\s+al\.?|\s+(?:and|en|und|et|&)\s+(?-i:[A-Z][\w'’-]+))?")
_CITED = re.compile(rf"\({_AUTHOR},?\s+(1[89]\d\d|20\d\d)[a-z]?\)"
                    rf"|(?:^|\b(?:according\s+to|selon|volgens|laut|nach)\s+){_AUTHOR}\s+\((1[89]\d\d|20\d\d)[a-z]?\)"
                    rf"(?=\s+(?-i:[a-zà-ÿ]))", re.IGNORECASE)


def years_of(sentence: str, begin: int | None = None) -> set[int]:
    """The years `sentence` names, those of a figure at `begin` counted on from the years named before a "one year
    later" that stands between them and the figure ("4,96 milliards en 2020 ; un an plus tard, 5,1 milliards": 2021
    for the second figure), or back from them by "a year earlier" right after the figure ("42.062 in 2021,
    tegenover 40.464 een jaar eerder": 2020)."""
    found = [(m.start(), int(m.group())) for m in YEAR.finditer(sentence)]
    if "." in sentence or "/" in sentence:  # and a date's ("1.1.2024", "01/01/2024")
        found = sorted(found + [(m.start(1), int(m.group(1))) for m in _DATE_YEAR.finditer(sentence)])
    if "(" in sentence and len(found) > 1:
        # the year of a work cited ("Claes (2020) gives 1.6 % for 2016", "(Lambrecht, 2023)") dates the work, not
        # the figure, where the sentence names another year
        cited = {m.start(m.lastindex or 0) for m in _CITED.finditer(sentence)}
        found = [(at, year) for at, year in found if at not in cited] or found
    if begin is None:
        return {year for _, year in found}
    for pattern, sign in ((_EARLIER, -1), (_LATER_AFTER, 1)):
        # "…, tegenover 40.464 een jaar eerder", "… and 42,062 a year later": the year named, counted back or on
        if (counted := pattern.match(sentence, begin, begin + 60)) and found:
            n = counted["n"]
            step = 1 if n is None else int(n) if n.isdigit() else _COUNTS[n.lower()]
            return {year + sign * step for at, year in found if at < begin}
    laters = list(_LATER.finditer(sentence, 0, begin))
    if not laters:
        return {year for _, year in found}
    later = laters[-1]
    n = later["n"]
    step = 1 if n is None else int(n) if n.isdigit() else _COUNTS[n.lower()]
    return {year + step if at < later.start() else year for at, year in found}
# The inhabitants of a place ("Elke Brusselaar", "les Wallons", "die Flamen", "per Waal"): "8,9 % van de Belgen" is
# the Belgians' share, no share of Belgium (the French plurals are adjectives too: "les entreprises belges")
INHABITANTS = {"brusselaar": "brussels", "brusselaars": "brussels", "brusselers": "brussels", "vlaming": "flanders",
               "vlamingen": "flanders", "flemings": "flanders", "flamen": "flanders", "walen": "wallonia",
               "walloons": "wallonia", "wallonen": "wallonia", "belgen": "belgium", "belgians": "belgium",
               "belgier": "belgium", "waal": "wallonia", "wallone": "wallonia", "belg": "belgium",
               "wallons": "wallonia", "bruxellois": "brussels", "flamands": "flanders", "belges": "belgium"}
# Adjectives naming a region, folded: "Walloon" figures are Wallonia's; the inhabitants' words name it too.
DEMONYMS = {**INHABITANTS, "walloon": "wallonia", "wallonne": "wallonia", "wallon": "wallonia",
             "wallonnes": "wallonia", "wallonisch": "wallonia", "wallonische": "wallonia",
             "wallonischen": "wallonia", "wallonischer": "wallonia", "belgian": "belgium", "belge": "belgium",
             "belgisch": "belgium", "belgische": "belgium", "belgischen": "belgium",
             "belgischer": "belgium", "flemish": "flanders", "flamand": "flanders", "flamande": "flanders",
             "flamisch": "flanders", "flamische": "flanders", "flamischen": "flanders",
             "european": "europe", "europeen": "europe", "europeenne": "europe", "europaisch": "europe",
             "europaische": "europe", "europaischen": "europe",
             "bruxelloise": "brussels", "brusselse": "brussels", "waalse": "wallonia", "waals": "wallonia",
             "vlaamse": "flanders", "vlaams": "flanders", "europese": "europe", "brusseler": "brussels",
             # German genitives of the names: "das BIP Flanderns"
             "flanderns": "flanders", "walloniens": "wallonia", "belgiens": "belgium", "europas": "europe",
             "eu": "europe", "ue": "europe",  # the knowledge's Europe is the continent and the European Union (UE)
             # the inflected forms: French plurals, German endings
             "bruxelloises": "brussels", "flamandes": "flanders", "europeens": "europe", "europeennes": "europe",
             "flamisches": "flanders", "flamischer": "flanders", "wallonisches": "wallonia", "belgisches": "belgium",
             "europaischer": "europe", "europaisches": "europe", "wallonischem": "wallonia", "flamischem": "flanders",
             "belgischem": "belgium", "europaischem": "europe",
             # the federal state is Belgium: "the federal agency", "l'État fédéral", "de federale overheid"
             "federal": "belgium", "federale": "belgium", "federaux": "belgium", "federales": "belgium",
             "federaal": "belgium"}


_AMPERSAND = re.compile(r"\b([RFO])\s?&\s?([DEO])\b", re.IGNORECASE)


def tokens(text: str) -> set[str]:
    """The significant words of `text`, folded, stemmed and put in English where the vocabulary knows them (the
    synonyms above, then the vocabulary's lexicon, section `word`)."""
    found: set[str] = set()
    # R&D, F&E, O&O are one word: their letters alone are no R&D (the `d` of `d'euros`, the French `e`)
    for word in fold(_AMPERSAND.sub(lambda m: m[1] + m[2], text)).split():
        if word.isdigit() or word in STOP_WORDS:
            continue
        found.update(_english(stem(word)))
    return found - STOP_WORDS


_ENDINGS = ("en", "e", "n", "er", "es", "s")  # German and Dutch inflections: "gesenkten" is "gesenkt"
_TAIL = 5  # the shortest last word of a compound read ("Arbeitskosten": "kosten")
_HEAD = 7  # ... and the shortest first word ("Forschungsausgaben": "forschung")


@lru_cache(maxsize=8192)
def _english(word: str) -> tuple[str, ...]:
    """A stemmed word in English: by the synonyms, else the lexicon, else without a German or Dutch inflection, else
    by the last word of its compound ("Arbeitskosten": cost); else the word itself."""
    english = _lexicon()

    def known(w: str) -> str | list[str] | None:
        return _SYNONYMS.get(w) or english.get(w)

    def inflected(w: str) -> str | list[str] | None:  # the word, else without its inflection
        found = known(w)
        if found is None and len(w) > 5:
            found = next((m for end in _ENDINGS if w.endswith(end) and (m := known(w[:-len(end)]))), None)
        return found

    # ... else the last word of its compound, inflected too ("Gentherapien": therapy)
    mapped = inflected(word)
    if mapped is None:
        cut, mapped = next(((cut, m) for cut in range(3, len(word) - _TAIL + 1) if (m := inflected(word[cut:]))),
                           (0, None))
        # and its first word, a long one, perhaps joined by an s ("Forschungsausgaben": research, expenditure)
        head = word[:cut].removesuffix("s")
        if mapped is not None and len(head) >= _HEAD and (first := known(head) or known(word[:cut])):
            mapped = [*_listed(first), *_listed(mapped)]
    return tuple(map(stem, _listed(word if mapped is None else mapped)))


def _listed(mapped: str | list[str]) -> list[str]:
    return mapped if isinstance(mapped, list) else [mapped]


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """Each single word of the lexicon (stemmed) -> the English word it translates (the entry's key)."""
    from ecofacts import vocabulary

    return {stem(w): e.key for e, words in vocabulary.load().folded_words("word") for w in words if " " not in w}


_MEASURES = ("metric", "unrecorded")  # the sections of the vocabulary (`vocabulary.toml`) that name a measure
_COMPOUND_HEAD = 5  # the shortest word of the vocabulary read as the end of a Dutch or German compound
_COMPOUND_START = 7  # ... and as its start


def typed_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folded words of a text, and each as typed (lower case, accents kept) where the two line up."""
    words = tuple(fold(text).split())
    typed = tuple(w.lower() for w in re.findall(r"[^\W_]+", text))
    return words, typed if len(typed) == len(words) else words


@lru_cache(maxsize=4096)
def concepts(words: tuple[str, ...], typed: tuple[str, ...] = ()) -> frozenset[str]:
    """The measures (the vocabulary's metric families, as `metric:gdp`, and measures no statistic is of, as
    `unrecorded:inflation`) that the folded `words` name: a word or phrase of the vocabulary in any language
    ("onderzoek en ontwikkeling" is `metric:rd`), or a compound ending in one ("goederenuitvoer",
    "Warenausfuhren": exports). A word `typed` with an accent is read in the language that spells it so
    (`salariés`: employees, not salaries)."""
    from ecofacts import vocabulary

    v = vocabulary.load()
    found: set[str] = set()

    def add(phrase: str, as_typed: str = "") -> bool:
        if (named := v.by_word.get(phrase)) is None:  # most phrases and parts of words tried are none
            return False
        entries = [e for e in named if e.section in _MEASURES]
        if as_typed:
            entries = v.as_typed(entries, as_typed)
        found.update(f"{e.section}:{e.key}" for e in entries)
        isotopes = [e for e in named if e.section == "isotope"]
        # "Molybdän-99" is a medical isotope: what the isotope statistics are of; of Cu-64 the knowledge holds none
        found.update("metric:isotopes" if e.recorded else f"unrecorded:{e.key}" for e in isotopes)
        if isotopes:
            return True
        return bool(entries)

    for i, word in enumerate(words):
        for size in range(2, min(v.longest, len(words) - i) + 1) if word in v.phrase_starts else ():
            add(" ".join(words[i:i + size]))  # the phrases that start here
        # the word itself, else the end of a compound, else its start
        if not add(word, typed[i] if typed else "") and not add(stem(word)) and not any(
                add(word[cut:]) for cut in range(3, len(word) - _COMPOUND_HEAD + 1)):
            # "Innovationsleistung", "Biotechbranche", "Studienanträge": the long word it starts with (perhaps
            # joined by an s), of seven letters or more (with six, "Pharmaindustrie" would be read, but one tuning
            # part lost a figure to a six-letter start)
            any(add(head) or (head.endswith("s") and add(head[:-1]))
                for head in (word[:cut] for cut in range(len(word) - 3, _COMPOUND_START - 1, -1)))
    return frozenset(found)


_HALVES = ("first-half", "second-half")


@lru_cache(maxsize=1024)
def year_halves(text: str) -> frozenset[str]:
    """The halves of a year a text says (`first-half`, `second-half`: "in the second half of 2023", "au premier
    semestre", "im zweiten Halbjahr"), as the vocabulary's modifiers of those names spell them."""
    from ecofacts import vocabulary

    return frozenset(e.key for e in vocabulary.load().entries_in(fold(text).split())
                     if e.section == "modifier" and e.key in _HALVES)


def measures(metric: str) -> frozenset[str]:
    """The measures a statistic of `metric` is of (its metric families, as `concepts` names them)."""
    from ecofacts import vocabulary

    return frozenset(f"metric:{family}" for family in vocabulary.metric_families(metric))


@lru_cache(maxsize=1024)
def units_named(word: str) -> frozenset[str]:
    """The units of statistics (the vocabulary's unit entries: `applications`) a folded word names ("demandes",
    "Anmeldungen")."""
    from ecofacts import vocabulary

    by_word = vocabulary.load().by_word
    return frozenset(e.key for w in (word, stem(word)) for e in by_word.get(w, ()) if e.section == "unit")


@lru_cache(maxsize=1024)
def counted(noun: tuple[str, ...]) -> frozenset[str]:
    """The measures (as `concepts` names them) the noun of a count names, the folded words right after it ("1,500
    participants": attendance, `metric:events`); the families that only say what a measure is of (pharma) are left
    out: "300 biotech companies" is counted in companies."""
    from ecofacts import vocabulary

    qualifiers = {f"metric:{key}" for key in vocabulary.load().qualifiers()}
    return frozenset(c for c in concepts(noun) if c.startswith("metric:") and c not in qualifiers)
