"""Citations (`ecofacts.cite.citation` dicts) as text in one citation style: APA, BibTeX, CSL-JSON, RIS, Markdown.

In every style the *source* is the cited work (its publisher as author, its title, date and URL) and the
statistic is what is taken from it (statement, figure, scope, year, status), followed by the source it cites.
A reported figure carries its page's URL and the evidence as a paraphrase: it is never set as a quote.

BibTeX, CSL-JSON and RIS cite *works*: the figures of one source are one entry (keyed by the first figure's key;
in BibTeX the other figures' keys are its `ids`, so that any of them cites it), with a note per figure, so that a
bibliography lists the document once (not "2025a" and "2025b"). APA and
Markdown write one line per figure. A title with words in square brackets (words we supplied: the page prints no
title, or they say what the page is) is followed by `SUPPLIED_TITLE` in every style.

Every style's output is inert (reliability row 29): control characters (ESC, C1, bidi controls) are visible
escapes in the text styles and JSON escapes in CSL-JSON, and Markdown makes a link only of an `http(s)` URL,
percent-encoding what could end it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from ecofacts.citation_styles import Style
from ecofacts.cite import MONTHS, parse_date
from ecofacts.safe_text import visible
from ecofacts.trust import QUOTED

Citation = dict[str, Any]


def _figure(c: Citation) -> str:
    """"Statement: 1,200 jobs (printed “1.200”)": the source's own form only where it reads otherwise."""
    if not c.get("figure"):
        return str(c["statement"])
    printed = c.get("printed")
    shown = f" (printed \u201c{printed}\u201d)" if printed and _plain(printed) not in _plain(c["figure"]) else ""
    return f"{c['statement']}: {c['figure']}{shown}"


def _plain(text: str) -> str:
    """A figure compared as digits and words: no spaces or thousands commas, one kind of dash, no case."""
    return text.replace(" ", "").replace("\xa0", "").replace(",", "").replace("\u2013", "-").casefold()


def _citing(c: Citation, word: str) -> str:
    """"Citing", or "Citing (attribution inferred)" where the document does not itself tie the figure to the
    source it cites (the BioWin brochure lost the footnote marker of four figures)."""
    return f"{word} (attribution inferred)" if c.get("attribution") == "inferred" else word


def _scope(c: Citation) -> str:
    """"Belgium; year 2020; measured", and its trust level unless it is a single source's with nothing against it
    ("…; disputed: see rd-intensity-2021-flanders-trends")."""
    parts = [c.get("subject_name") or c.get("subject"),
             f"year {c['year']}" if c.get("year") else "no year stated", c.get("status"), _trust(c)]
    return "; ".join(p for p in parts if p)


def _trust(c: Citation) -> str | None:
    level = c.get("trust")
    if level in (None, "single"):
        return None
    see = c.get("trust_see") or []
    return f"{level}: see {', '.join(see)}" if see else str(level)


def _human_date(date: str | None) -> str | None:
    """"2024-03" -> "March 2024"."""
    year, month, day = parse_date(date)
    if year is None:
        return None
    if month is None:
        return str(year)
    return f"{day} {MONTHS[month - 1]} {year}" if day else f"{MONTHS[month - 1]} {year}"


def _version(c: Citation) -> str:
    v = c["version"]
    return f"ecofacts {v['ecofacts']}, knowledge {v['knowledge']}, {c['kind']} {c['id']}"


def _holding(c: Citation) -> str:
    """How the figure is held: the verbatim quote, or the page that reports it and a paraphrase."""
    if c["provenance"] == QUOTED:
        return f"Quote: \u201c{c['quote']}\u201d"
    parts = [f"Reported at {c['url']}" if c.get("url") else "Reported (no quote held)"]
    if c.get("evidence"):
        parts.append(f"evidence (paraphrase, not a quote): {c['evidence']}")
    return "; ".join(parts)


def _end(text: str) -> str:
    """`text` closed by one full stop: none added after a paraphrase, a title or a quotation that ends with its own,
    closing quotation marks after it or not ("year..", "…." and "leader’.”." never)."""
    return text if text.rstrip().rstrip("\u201d\u2019\"'\u00bb").endswith((".", "!", "?", "…")) else text + "."


SUPPLIED_TITLE = "Words in square brackets in the title are ecofacts' description, not printed by the source."


def _supplied(*sources: dict[str, Any] | None) -> bool:
    return any(src and src.get("title_supplied") for src in sources)


def works(entries: list[Citation]) -> list[tuple[list[str], list[Citation]]]:
    """The cited works, in the order first cited: the figures of one source are one work, keyed by its first
    figure's key (`bibtex_keys`), with the other figures' keys after it; a figure with no source is a work of its
    own."""
    found: list[tuple[list[str], list[Citation]]] = []
    by_source: dict[Any, tuple[list[str], list[Citation]]] = {}
    for key, c in zip(bibtex_keys(entries), entries, strict=True):
        source = (c.get("source") or {}).get("id")
        if source is not None and source in by_source:
            by_source[source][0].append(key)
            by_source[source][1].append(c)
            continue
        found.append(([key], [c]))
        if source is not None:
            by_source[source] = found[-1]
    return found


def _one_line(text: Any) -> str:
    return visible(" ".join(str(text).split()), keep_newlines=False)


# --- APA ------------------------------------------------------------------------------------------------------


def _apa_date(date: str | None) -> str:
    year, month, day = parse_date(date)
    if year is None:
        return "n.d."
    if month is None:
        return str(year)
    return f"{year}, {MONTHS[month - 1]}{f' {day}' if day else ''}"


def _apa_reference(src: dict[str, Any] | None) -> str:
    """Publisher. (Date). Title. URL — an organisation as author; with no publisher, the title leads."""
    if src is None:
        return "Unknown source."
    title = src["title"].rstrip(".")
    url = f" {src['url']}" if src.get("url") else ""
    if src.get("publisher"):
        return f"{src['publisher'].rstrip('.')}. ({_apa_date(src.get('date'))}). {_end(title)}{url}"
    return f"{_end(title)} ({_apa_date(src.get('date'))}).{url}"


def apa(entries: list[Citation]) -> str:
    blocks = []
    for c in entries:
        lines = [f"{_figure(c)} ({_scope(c)}).", _apa_reference(c["source"])]
        if c.get("cited_source"):
            lines[-1] += f" {_citing(c, 'Citing')}: {_apa_reference(c['cited_source'])}"
        if _supplied(c["source"], c.get("cited_source")):
            lines.append(SUPPLIED_TITLE)  # a line of its own: a reference ends with its URL, which no text may follow
        lines += [_end(_holding(c)), f"({_version(c)})"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# --- BibTeX ---------------------------------------------------------------------------------------------------

_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                   "$": r"\$", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_BIBTEX_SPECIAL = re.compile("[" + re.escape("".join(_BIBTEX_ESCAPES)) + "]")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9:_-]+")


# Ligatures TeX would make of plain text: `--` (en dash), `''` (closing quote), `` ` `` pairs, `!``, `?``.
_BIBTEX_LIGATURE = re.compile(r"-(?=-)|'(?=')|`")


def bibtex_escape(text: Any) -> str:
    """Text safe inside a braced BibTeX value: LaTeX's special characters escaped, braces always balanced, and no
    TeX ligature made of it (`--` stays two hyphens)."""
    escaped = _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES[m.group()], _one_line(text))
    return _BIBTEX_LIGATURE.sub(lambda m: "{`}" if m.group() == "`" else m.group() + "{}", escaped)


def _bibtex_url(url: str) -> str:
    """A URL as biblatex reads it, verbatim: only what would unbalance the value or end it (and control
    characters) is percent-encoded."""
    return "".join(f"%{ord(ch):02X}" if ch in "{}\\ " or not ch.isprintable() else ch for ch in url)


def bibtex_keys(entries: Iterable[Citation]) -> list[str]:
    """One key per entry, from its id, unique within the bibliography."""
    keys: list[str] = []
    for c in entries:
        base = _KEY_UNSAFE.sub("-", str(c["id"])).strip("-") or "ecofacts"
        key, n = base, 1
        while key in keys:
            n += 1
            key = f"{base}-{n}"
        keys.append(key)
    return keys


def _source_text(src: dict[str, Any] | None) -> str:
    """"Title (Publisher, March 2024)" for notes."""
    if src is None:
        return "unknown source"
    said = ", ".join(p for p in (src.get("publisher"), _human_date(src.get("date"))) if p)
    return f"{src['title']} ({said})" if said else str(src["title"])


def _figure_note(c: Citation) -> str:
    """One figure of a work, for a note: its statement and scope, and the source it cites."""
    note = f"{_figure(c)} ({_scope(c)})"
    if c.get("cited_source"):
        note += f"; {_citing(c, 'citing')} {_source_text(c['cited_source'])}"
    return note


def _work_note(work: list[Citation], notes: list[str]) -> str:
    """The notes of a work's figures, joined by " | ", and the supplied title's mark."""
    if _supplied(*(src for c in work for src in (c["source"], c.get("cited_source")))):
        notes = [*notes, SUPPLIED_TITLE]
    return " | ".join(notes)


def bibtex_fields(work: list[Citation]) -> dict[str, str]:
    """The fields of one entry (a work: one or more figures of one source), unescaped (what a parser must give
    back); each figure's note, quote, evidence, provenance and version joined by " | "."""
    c = work[0]
    src = c["source"] or {}
    year, month, _ = parse_date(src.get("date"))
    fields: dict[str, str] = {}
    if src.get("publisher"):
        fields["author"] = src["publisher"]
    fields["title"] = src.get("title") or c["statement"]
    if year is not None:
        fields["year"] = str(year)
    if month is not None:
        fields["month"] = str(month)
    if src.get("publisher"):
        fields["publisher"] = src["publisher"]
    if src.get("url"):
        fields["url"] = src["url"]
    fields["note"] = _work_note(work, [_figure_note(f) for f in work])
    if quotes := [f["quote"] for f in work if f.get("quote")]:
        fields["quote"] = " | ".join(quotes)
    if evidence := [f["evidence"] for f in work if f.get("evidence")]:
        fields["evidence"] = " | ".join(evidence)
    fields["provenance"] = " | ".join(f["provenance"] for f in work)
    fields["ecofacts"] = " | ".join(_version(f) for f in work)
    return {key: _one_line(value) for key, value in fields.items()}


def bibtex(entries: list[Citation]) -> str:
    blocks = []
    for (key, *others), work in works(entries):
        fields = bibtex_fields(work)
        values = {name: _bibtex_url(value) if name == "url" else bibtex_escape(value) for name, value in fields.items()}
        values["author"] = f"{{{values['author']}}}" if "author" in values else ""  # an organisation: one name
        # the other figures' keys cite the same work (biblatex's `ids`, which pandoc reads too)
        values = {"ids": ",".join(others), **values} if others else values
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in values.items() if value)
        blocks.append(f"@misc{{{key},\n{body}\n}}")
    return "\n\n".join(blocks) + "\n"


# --- CSL-JSON -------------------------------------------------------------------------------------------------

_CSL_TYPES = {"web": "webpage", "document": "report", "study": "report"}


def csl_item(work: list[Citation], key: str) -> dict[str, Any]:
    """One work (one or more figures of one source) as a CSL item: each figure's note (with the source it cites,
    if any) and version in its `note` and `source`, joined by " | "."""
    c = work[0]
    src = c["source"] or {}
    item: dict[str, Any] = {"id": key, "type": _CSL_TYPES.get(src.get("kind", ""), "document"),
                            "title": src.get("title") or c["statement"]}
    if src.get("publisher"):
        item["author"] = [{"literal": src["publisher"]}]
        item["publisher"] = src["publisher"]
    year, month, day = parse_date(src.get("date"))
    if year is not None:
        item["issued"] = {"date-parts": [[p for p in (year, month, day) if p is not None]]}
    if src.get("url"):
        item["URL"] = src["url"]
    if src.get("language"):
        item["language"] = src["language"]
    item["note"] = _work_note(work, [_csl_note(f) for f in work])
    item["source"] = " | ".join(_version(f) for f in work)
    item["version"] = c["version"]["knowledge"]
    return item


def _csl_note(c: Citation) -> str:
    note = [f"{_figure(c)} ({_scope(c)})."]
    if c.get("cited_source"):
        note.append(f"{_citing(c, 'Citing')} {_source_text(c['cited_source'])}.")
    note.append(_end(_holding(c)))
    return " ".join(_one_line(n) for n in note)


# What JSON leaves raw inside a string and a terminal would act on: DEL, C1 controls, bidi controls.
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def csl_json(entries: list[Citation]) -> str:
    """One CSL item per work (`works`, `csl_item`): pandoc and citeproc render one reference, not "2025a" and
    "2025b"."""
    items = [csl_item(work, keys[0]) for keys, work in works(entries)]
    text = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)  # the same JSON value, written as escapes


# --- RIS ------------------------------------------------------------------------------------------------------

_RIS_TYPES = {"web": "ELEC", "document": "RPRT", "study": "RPRT"}


def ris(entries: list[Citation]) -> str:
    records = []
    for (key, *_), work in works(entries):
        c = work[0]
        src = c["source"] or {}
        year, month, day = parse_date(src.get("date"))
        tags: list[tuple[str, Any]] = [("TY", _RIS_TYPES.get(src.get("kind", ""), "GEN")), ("ID", key)]
        if src.get("publisher"):
            tags.append(("AU", src["publisher"]))
        tags.append(("TI", src.get("title") or c["statement"]))
        if year is not None:
            tags.append(("PY", year))
            tags.append(("DA", f"{year}/{f'{month:02d}' if month else ''}/{f'{day:02d}' if day else ''}/"))
        if src.get("publisher"):
            tags.append(("PB", src["publisher"]))
        if src.get("url"):
            tags.append(("UR", src["url"]))
        if src.get("language"):
            tags.append(("LA", src["language"]))
        for f in work:  # each figure of the work: its statement, the source it cites, how it is held, version
            tags.append(("N1", f"{_figure(f)} ({_scope(f)})"))
            if f.get("cited_source"):
                tags.append(("N1", f"{_citing(f, 'Citing')} {_source_text(f['cited_source'])}"))
            tags.append(("N1", _holding(f)))
            tags.append(("N1", _version(f)))
        if _supplied(*(src for f in work for src in (f["source"], f.get("cited_source")))):
            tags.append(("N1", SUPPLIED_TITLE))
        lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags]
        records.append("\n".join([*lines, "ER  - "]))
    return "\n\n".join(records) + "\n"


# --- Markdown -------------------------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: Any) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


_WEB = re.compile(r"https?://[^\s]+", re.IGNORECASE)


def md_url(url: Any) -> str | None:
    """An `http(s)` URL as a Markdown link destination `<...>`: spaces, `<`, `>`, backslashes and control
    characters percent-encoded, so that it cannot end early or carry a second link; None for anything else
    (`javascript:`, a relative path, text), which is never made a link."""
    text = str(url or "").strip()
    if not _WEB.fullmatch(text):
        return None
    return "".join(f"%{ord(ch):02X}" if ch in "<>\\ " or not ch.isprintable() else ch for ch in text)


def _md_source(src: dict[str, Any] | None) -> str:
    if src is None:
        return "unknown source"
    said = ", ".join(_md(p) for p in (src.get("publisher"), _human_date(src.get("date"))) if p)
    title = f"*{_md(src['title'])}*"
    if src.get("url"):
        link = md_url(src["url"])
        title = f"[{title}](<{link}>)" if link else f"{title}, {_md(src['url'])}"
    return f"{title} ({said})" if said else title


def markdown(entries: list[Citation]) -> str:
    blocks = []
    for c in entries:
        line = f"**{_md(_figure(c))}** ({_md(_scope(c))}), from {_md_source(c['source'])}"
        if c.get("cited_source"):
            line += f", {_citing(c, 'citing')} {_md_source(c['cited_source'])}"
        if _supplied(c["source"], c.get("cited_source")):
            line += f" ({_md(SUPPLIED_TITLE.rstrip('.'))})"
        line += f". <sub>{_md(_version(c))}</sub>"
        if c["provenance"] == QUOTED:
            block = f"{line}\n\n> {_md(c['quote'])}"
        else:
            link = md_url(c.get("url"))
            where = (f"Reported at <{link}>" if link else f"Reported at {_md(c['url'])}" if c.get("url")
                     else "Reported (no quote held)")
            evidence = f"; evidence (paraphrase, not a quote): {_md(c['evidence'])}" if c.get("evidence") else ""
            block = f"{line}\n\n{_end(where + evidence)}"
        blocks.append(block)
    return "\n\n".join(blocks) + "\n"


STYLES: dict[Style, Callable[[list[Citation]], str]] = {
    Style.apa: apa, Style.bibtex: bibtex, Style.csl_json: csl_json, Style.ris: ris, Style.markdown: markdown,
}


def render(entries: list[Citation], style: Style) -> str:
    text = STYLES[style](entries)
    # Each field is made visible where it is written; this is the backstop for any text a style wrote raw.
    return text if style is Style.csl_json else visible(text)
