"""The scores of `verify` on a part of the draft corpus (tests/data/drafts/tuning or heldout, see their README).

    uv run python -m tests.verify_scoring tuning [--misses]

Each expected figure is a row `[line, text, verdict, statistic, class]` of the part's expected.json. A finding
answers it when it is on the same line and its text and the expected one overlap (one holds the other, spaces
aside); a figure no finding answers is *not read* and counts as wrong in every measure. Findings that answer no
expected figure are *extra* (a number read as a figure that is none): a contradiction among them counts against
the contradictions' precision.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ecofacts.loader import default_path, load
from ecofacts.verify import CONTRADICTIONS, Verifier, verify

DRAFTS = Path(__file__).parent / "data" / "drafts"
NOT_READ = "not read"


def _norm(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", "", text).lower()


def _overlap(a: str, b: str) -> int:
    a, b = _norm(a), _norm(b)
    return min(len(a), len(b)) if a and b and (a in b or b in a) else 0


def outcomes(part: str, k: Any = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every expected figure of `part` with the verdict found, and the extra findings."""
    k = k or load(default_path())
    verifier = Verifier(k)
    folder = DRAFTS / part
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    rows, extra = [], []
    for name, figures in expected.items():
        findings = verify(k, (folder / name).read_text(encoding="utf-8"), verifier)
        used: set[int] = set()
        for line, text, verdict, statistic, kind in figures:
            best = max(((_overlap(text, f.text), i) for i, f in enumerate(findings)
                        if f.line == line and i not in used), default=(0, -1))
            found = findings[best[1]] if best[0] else None
            if found is not None:
                used.add(best[1])
            rows.append({"file": name, "line": line, "text": text, "class": kind, "verdict": verdict,
                         "statistic": statistic, "found": found.verdict if found else NOT_READ,
                         "found_statistic": found.statistic if found else None,
                         "reason": found.reason if found else ""})
        extra += [{"file": name, **f.as_dict()} for i, f in enumerate(findings) if i not in used]
    return rows, extra


def score(rows: list[dict[str, Any]], extra: list[dict[str, Any]]) -> dict[str, Any]:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    wrong = [r for r in rows if r["verdict"] in CONTRADICTIONS]
    true = [r for r in rows if r["verdict"] == "supported"]
    flagged = [r for r in rows if r["found"] in CONTRADICTIONS]
    flagged_extra = [f for f in extra if f["verdict"] in CONTRADICTIONS]
    caught = [r for r in wrong if r["found"] in CONTRADICTIONS]
    by_class: dict[str, list[int]] = {}
    for r in rows:
        right = by_class.setdefault(r["class"], [0, 0])
        right[0] += r["found"] == r["verdict"]
        right[1] += 1
    return {
        "figures": len(rows),
        "not read": sum(r["found"] == NOT_READ for r in rows),
        "extra findings (numbers that are no figure of the corpus)": len(extra),
        "verdict accuracy": ratio(sum(r["found"] == r["verdict"] for r in rows), len(rows)),
        "verdict and statistic accuracy": ratio(sum(r["found"] == r["verdict"] and (
            r["statistic"] is None or r["found_statistic"] == r["statistic"]) for r in rows), len(rows)),
        "contradiction precision": ratio(sum(r["verdict"] in CONTRADICTIONS for r in flagged),
                                         len(flagged) + len(flagged_extra)),
        "contradiction recall": ratio(len(caught), len(wrong)),
        "wrong figures passed as supported": ratio(sum(r["found"] == "supported" for r in wrong), len(wrong)),
        "wrong figures passed as unknown or not read": ratio(
            sum(r["found"] in ("unknown", NOT_READ) for r in wrong), len(wrong)),
        "true figures flagged": ratio(sum(r["found"] in CONTRADICTIONS for r in true), len(true)),
        "true figures supported": ratio(sum(r["found"] == "supported" for r in true), len(true)),
        "by class (right verdict / figures)": {c: f"{a}/{b}" for c, (a, b) in sorted(by_class.items())},
        "found verdicts": dict(Counter(r["found"] for r in rows)),
    }


def main(argv: list[str]) -> None:
    part = argv[0] if argv else "tuning"
    rows, extra = outcomes(part)
    for name, value in score(rows, extra).items():
        print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")
    if "--misses" in argv:
        for r in rows:
            if r["found"] != r["verdict"] or (r["statistic"] and r["found_statistic"] != r["statistic"]):
                print(f"  miss {r['file']}:{r['line']} {r['text']!r} [{r['class']}] expected {r['verdict']} "
                      f"{r['statistic']}, found {r['found']} {r['found_statistic']} ({r['reason']})")
        for f in extra:
            print(f"  extra {f['file']}:{f['line']} {f['text']!r} {f['verdict']} {f['statistic']}")


if __name__ == "__main__":
    main(sys.argv[1:])
