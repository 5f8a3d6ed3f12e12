"""Names that only look alike (reliability row 30), by the Unicode rules of UTS #39: the rules `check` reports
and `add` refuses by, so that `add` never writes what `check` rejects.

- **Invisible characters**: format characters (Cf: zero-width space, bidi controls, tags), every
  Default_Ignorable_Code_Point (the combining grapheme joiner, variation selectors, the Hangul fillers, which are
  letters that render blank), the Braille blank, and any space other than U+0020 (a no-break space at a name's
  end). A name holding one is a problem.
- **Mixed scripts**: a name whose letters are Latin and of another script (Cyrillic `Т`, Cherokee `Ꭲ`, Armenian
  `օ`) is a problem.
- **Skeletons** (UTS #39 section 4): NFKC, invisible characters dropped, spaces collapsed, every character
  replaced by the representative of its class in Unicode's confusables table, case folded. Two names of
  different records with one skeleton are a problem when they differ, a warning when they are the same name.

The confusables table is the one of the `confusable-homoglyphs` package (a copy of Unicode's `confusables.txt`,
kept symmetric); it is read when first needed (`check` and `add` only), its single-character pairs joined into
classes whose representative is their smallest code point (`T` for `Ꭲ`, `Т`, `Τ`; `a` for `ɑ`).
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable

# Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt) that are not Cf, plus the Braille blank.
_IGNORABLE = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
              (0x2800, 0x2800), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
              (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF))
CONFUSABLES_SOURCE = "confusable-homoglyphs"


def invisible(ch: str) -> bool:
    """A character that shows nothing (or nothing of its own) where it stands."""
    if unicodedata.category(ch) == "Cf":
        return True
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _IGNORABLE)


def odd_space(ch: str) -> bool:
    return ch != " " and (ch.isspace() or unicodedata.category(ch) == "Zs")


@functools.cache
def _classes() -> dict[str, str]:
    """Each character of the confusables table -> the representative of its class (the smallest code point)."""
    from importlib import resources

    data = json.loads(resources.files(CONFUSABLES_SOURCE.replace("-", "_")).joinpath("confusables.json")
                      .read_text(encoding="utf-8"))
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for char, similar in data.items():
        if len(char) != 1:
            continue
        for entry in similar:
            other = entry.get("c", "") if isinstance(entry, dict) else ""
            if len(other) == 1:
                a, b = find(char), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {char: find(char) for char in parent}


def skeleton(text: str) -> str:
    """What a name looks like (UTS #39's skeleton, with case folded and spaces collapsed)."""
    shown = "".join(c for c in unicodedata.normalize("NFKC", text) if not invisible(c))
    shown = " ".join("".join(" " if odd_space(c) else c for c in shown).split())
    classes = _classes()
    return "".join(classes.get(c, c) for c in unicodedata.normalize("NFD", shown)).casefold()


def scripts(text: str) -> set[str]:
    """The scripts of a name's letters, by the first word of their Unicode names (after NFKC, so that
    fullwidth and mathematical letters count as Latin)."""
    found = set()
    for c in unicodedata.normalize("NFKC", text):
        if c.isalpha():
            word = unicodedata.name(c, "?").split()[0]
            if word != "?":
                found.add(word)
    return found


def name_problem(name: str) -> str | None:
    """Why one name is refused on its own, or None."""
    hidden = [c for c in name if invisible(c) or odd_space(c)]
    if hidden:
        return (f"name {name!r} holds invisible or bidi control characters "
                f"({', '.join(f'U+{ord(c):04X}' for c in hidden[:3])})")
    found = scripts(name)
    if "LATIN" in found and len(found) > 1:
        return (f"name {name!r} mixes Latin letters with look-alikes of another script "
                f"({', '.join(sorted(found - {'LATIN'}))})")
    return None


def grouped(names: Iterable[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """(record id, name) pairs by skeleton, each record once per skeleton."""
    seen: dict[str, list[tuple[str, str]]] = {}
    for rec_id, name in names:
        entries = seen.setdefault(skeleton(name), [])
        if rec_id not in [i for i, _ in entries]:
            entries.append((rec_id, name))
    return seen
