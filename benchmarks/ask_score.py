"""Scores `ecofacts ask` on a question set (issue 20 item 6): right first answer, right in the top three, wrong
answers, right refusals, per language, as `tests/data/questions/README.md` defines them.

    uv run python benchmarks/ask_score.py tests/data/questions/tuning.toml [--show]

Only aggregate figures are printed, unless --show is given, which prints each question with its first answers:
use --show on the tuning half only (never on the held-out half, whose questions must stay unread).
Also scores `search` with the whole question (`--search`): right first / top three of the answerable ones.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path
from typing import Any

from ecofacts.ask import answer
from ecofacts.loader import default_path, load
from ecofacts.search import search

LANGS = ("en", "fr", "nl", "de")


def score(path: Path, show: bool = False, with_search: bool = False) -> dict[str, dict[str, int]]:
    """Per language and 'all': questions, answerable, first, top3, wrong, refusals (right), unanswerable."""
    questions = tomllib.loads(path.read_text(encoding="utf-8"))["question"]
    k = load(default_path())
    figures: dict[str, dict[str, int]] = {}
    for q in questions:
        ids = [row_id for row_id, _ in _answers(k, q["question"])]
        right = set(q["answers"])
        f = figures.setdefault(q["lang"], dict.fromkeys(
            ("questions", "answerable", "first", "top3", "wrong", "unanswerable", "refusals",
             "search_first", "search_top3"), 0))
        f["questions"] += 1
        if right:
            f["answerable"] += 1
            f["first"] += bool(ids) and ids[0] in right
            f["top3"] += bool(right & set(ids[:3]))
            f["wrong"] += bool(ids) and ids[0] not in right
            if with_search:
                found = [rec.id for _, rec, _, _ in search(k, q["question"])] if q["question"].strip() else []
                f["search_first"] += bool(found) and found[0] in right
                f["search_top3"] += bool(right & set(found[:3]))
        else:
            f["unanswerable"] += 1
            f["refusals"] += not ids
            f["wrong"] += bool(ids)
        if show:
            mark = "ok " if (ids[:1] and ids[0] in right) or (not right and not ids) else "XX "
            print(mark, q["id"], q["question"], "->", ids[:3], "| want", q["answers"][:3], file=sys.stderr)
    total = {key: sum(f[key] for f in figures.values()) for key in next(iter(figures.values()))}
    figures["all"] = total
    return figures


def _answers(k: Any, question: str) -> list[tuple[str, float]]:
    a = answer(k, question)
    return [(rec.id, s) for _, rec, s, _ in a.hits]


def report(figures: dict[str, dict[str, int]], with_search: bool = False) -> str:
    lines = [f"{'':4} {'n':>3} {'first':>12} {'top3':>12} {'wrong':>12} {'refusals':>12}"
             + (f" {'search first':>14} {'search top3':>12}" if with_search else "")]
    for lang in (*LANGS, "all"):
        f = figures.get(lang)
        if f is None:
            continue

        def pct(n: int, d: int) -> str:
            return f"{n}/{d} {100 * n / d:3.0f}%" if d else "—"

        lines.append(f"{lang:4} {f['questions']:>3} {pct(f['first'], f['answerable']):>12} "
                     f"{pct(f['top3'], f['answerable']):>12} {pct(f['wrong'], f['questions']):>12} "
                     f"{pct(f['refusals'], f['unanswerable']):>12}"
                     + (f" {pct(f['search_first'], f['answerable']):>14} {pct(f['search_top3'], f['answerable']):>12}"
                        if with_search else ""))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--show", action="store_true", help="each question and its answers (tuning half only)")
    parser.add_argument("--search", action="store_true", help="score search with the whole question too")
    args = parser.parse_args()
    if args.show and "heldout" in args.questions.name:
        parser.error("--show prints the questions: not for the held-out half")
    print(report(score(args.questions, args.show, args.search), args.search))


if __name__ == "__main__":
    main()
