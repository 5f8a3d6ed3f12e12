"""Name folding and fuzzy suggestions: `Liège`, `liege`, `LIÈGE` and the decomposed `Lie\\u0300ge` are one name;
the stem of a word and the two halves of a compound."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_NON_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Case-, accent- and Unicode-form-blind key; punctuation and runs of space count as one space.

    Idempotent: fold(fold(x)) == fold(x).
    """
    if text.isascii():  # nothing to decompose: the common case, several times faster
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", stripped.casefold()).strip()


def stem(word: str) -> str:
    """A folded word without its plural ending: 'companies' -> 'company', 'exports' -> 'export'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def halves(word: str, known: Callable[[str], object]) -> tuple[str, str] | None:
    """The first cut of a compound into two words `known` knows, of three letters or more, perhaps joined by s or n
    (`pharmaexporte`, `Kreislaufwirtschaftsstrategie`, `Spitzenanteil`); None when there is none."""
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        for rest in (tail, tail[1:] if tail.startswith(("s", "n")) else ""):
            if len(rest) >= 3 and known(head) and known(rest):
                return head, rest
    return None


def closest(query: str, candidates: dict[str, str], limit: int = 3) -> list[str]:
    """Display values of `candidates` (folded key -> display) that are close to `query`, best first.

    Names that start with the query come first (a prefix is the surest sign of what was meant), then names a
    query of words holds as whole words (`ucb pharma`: UCB; not an id's parts, `wallonia-nuclear-medicine-jobz`),
    then names whose spelling is close.
    """
    import difflib  # only when a name matches nothing

    key = fold(query)
    if not key:
        return []
    found = [display for k, display in candidates.items() if k.startswith(key)]
    if "-" not in query:
        found += [display for k, display in candidates.items() if len(k) > 2 and f" {k} " in f" {key} "]
    close = difflib.get_close_matches(key, list(candidates), n=limit, cutoff=0.6)
    found += [candidates[k] for k in close]
    return list(dict.fromkeys(found))[:limit]
