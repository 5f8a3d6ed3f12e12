"""Speed and memory of the installed `ecofacts`, as ratios to baselines measured in the same run.

    uv run python benchmarks/bench.py [--repeats N] [--stats 100000] [--startup-only | --verify-only] [--only WORDS]

Builds a knowledge file of 100,000 statistics in benchmarks/out/ (the shipped statistics replicated with new
ids, same subjects; tests/data/tiny.toml when the shipped file has fewer than 3), then runs each case
interleaved with its baseline, N times (start-up cases 5N times), and prints the ratio of the medians (peak
RSS: of the maxima) beside its target. Every process is a fresh one; the parse cache lives in a private folder
under benchmarks/out/ that each cold run empties first.

`verify` (issue 21: "within 3x the time of `stats --json`") reads a 10 MB draft made of the tuning drafts
(tests/data/drafts/tuning/*.md, never the held-out ones) repeated, against the shipped file; its baseline is
`stats --json` on the same file. A draft this large is read once per repeat, so that case runs
`--verify-repeats` times (default 3).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent  # the environment `uv run` uses: .venv/bin
PYTHON = str(BIN / "python")
QUESTION = "How many members did BioWin have in 2023?"
ECOFACTS = str(BIN / "ecofacts")


@dataclass
class Run:
    seconds: float
    max_rss_kib: int


def run(argv: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> Run:
    """One fresh process, stdout piped and read to the end; its wall time and peak RSS (os.wait4). An exit code
    not in `ok` ends the benchmark (verify exits 1 when a figure contradicts the knowledge)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err, env=env)
        assert proc.stdout is not None
        proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        if proc.returncode not in ok:
            err.seek(0)
            sys.exit(f"benchmark: {' '.join(argv)} failed ({proc.returncode}): {err.read().decode()[:2000]}")
    return Run(seconds, usage.ru_maxrss)


def source_file() -> Path:
    shipped = ROOT / "data" / "facts.toml"
    if len(tomllib.loads(shipped.read_text(encoding="utf-8")).get("stats", [])) >= 3:
        return shipped
    return ROOT / "tests" / "data" / "tiny.toml"


def build_big(source: Path, count: int) -> tuple[Path, str]:
    """`count` statistics: the source's, then copies of them with new ids (related ids follow their copy)."""
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    originals = data["stats"]
    stats = list(originals)
    copy = 0
    while len(stats) < count:
        copy += 1
        for stat in originals[: count - len(stats)]:
            stats.append({**stat, "id": f"{stat['id']}-copy-{copy}",
                          **({"related": [f"{r}-copy-{copy}" for r in stat["related"]]} if "related" in stat else {})})
    ids = {s["id"] for s in stats}
    for stat in stats[len(originals):]:  # the last copy may be partial: keep only related ids it holds
        if "related" in stat:
            stat["related"] = [r for r in stat["related"] if r in ids]
    data["stats"] = stats
    path = OUT / f"facts-{count}.toml"
    text = tomli_w.dumps(data)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    middle = stats[len(stats) // 2]["id"]
    return path, middle


def build_draft(megabytes: float) -> Path:
    """A draft of `megabytes` MB: the tuning drafts, in their four languages, repeated (whole lines)."""
    parts = sorted((ROOT / "tests" / "data" / "drafts" / "tuning").glob("*.md"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in parts) + "\n\n"
    size = int(megabytes * 1e6)
    whole = (text * (size // len(text.encode()) + 1)).encode()[:size].decode(errors="ignore")
    path = OUT / f"draft-{megabytes:g}mb.md"
    body = whole.rsplit("\n", 1)[0] + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != body:
        path.write_text(body, encoding="utf-8")
    return path


@dataclass
class Case:
    name: str
    target: float
    measure: Callable[[], tuple[Run, Run]]  # (case, baseline)
    repeats: int
    memory: bool = False
    memory_label: str = "100k: peak RSS of the first lookup / of the bare parse"
    memory_target: float = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", "-n", type=int, default=5, help="repeats of the 100k cases (default 5)")
    parser.add_argument("--stats", type=int, default=100_000, help="statistics in the big file")
    parser.add_argument("--startup-only", action="store_true", help="only the two start-up cases (seconds)")
    parser.add_argument("--verify-only", action="store_true", help="only verify on a 10 MB draft (minutes)")
    parser.add_argument("--verify-repeats", type=int, default=3, help="repeats of the verify case (default 3)")
    parser.add_argument("--draft-mb", type=float, default=10, help="size of verify's draft in MB (default 10)")
    parser.add_argument("--only", metavar="WORDS", help="only the cases whose name holds WORDS (e.g. 'ask')")
    args = parser.parse_args()

    OUT.mkdir(exist_ok=True)
    cache = OUT / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    # PYTHONDONTWRITEBYTECODE would make every run compile typer and ecofacts from source again: measure what
    # users get, with bytecode caches (written by the warm-up runs below).
    for key in ("ECOFACTS_DATA", "ECOFACTS_NO_CACHE", "FORCE_COLOR", "NO_COLOR", "PYTHONDONTWRITEBYTECODE"):
        env.pop(key, None)
    # the big file outgrows the default size limit (64 MiB) as the shipped file grows: allow it
    env["ECOFACTS_MAX_BYTES"] = str(1 << 30)

    small = source_file()
    small_stat = tomllib.loads(small.read_text(encoding="utf-8"))["stats"][0]["id"]
    print(f"small file: {small.relative_to(ROOT)}; {os.cpu_count()} cores; {sys.implementation.name} "
          f"{sys.version.split()[0]}", flush=True)
    big, big_stat = small, small_stat
    if not (args.startup_only or args.verify_only) and not (args.only and "100k" not in args.only):
        print(f"building {args.stats} statistics ...", flush=True)
        big, big_stat = build_big(small, args.stats)
        print(f"big file: {big.relative_to(ROOT)} ({big.stat().st_size / 1e6:.1f} MB)", flush=True)

    def eco(path: Path, *argv: str) -> list[str]:
        return [ECOFACTS, "--data", str(path), *argv]

    def cold() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    bare_python = [PYTHON, "-c", "pass"]
    bare_parse = [PYTHON, "-c", f"import tomllib\nwith open({str(big)!r}, 'rb') as f: tomllib.load(f)\nprint(1)"]

    def warm(argv: list[str]) -> Callable[[], None]:
        def before() -> None:
            run(argv, env)
        return before

    def interleaved(case: list[str], base: list[str], before: Callable[[], None] | None = None,
                    ok: tuple[int, ...] = (0,)) -> Callable[[], tuple[Run, Run]]:
        def measure() -> tuple[Run, Run]:
            if before:
                before()
            c = run(case, env, ok)
            return c, run(base, env)
        return measure

    # warm the caches the warm cases rely on (and check every command answers)
    for argv in (eco(small, "stats", "wallonia", "--json"), eco(small, "show", small_stat, "--json"),
                 eco(big, "show", big_stat, "--json")):
        run(argv, env)

    fast = 5 * args.repeats
    cases = [
        Case("start-up: stats wallonia --json / python -c pass", 6.5,
             interleaved(eco(small, "stats", "wallonia", "--json"), bare_python), fast),
        Case("start-up: stats wallonia (table, piped) / python -c pass", 9.5,
             interleaved(eco(small, "stats", "wallonia"), bare_python), fast),
        Case("100k: first lookup (no cache) / tomllib.load of the file", 1.5,
             interleaved(eco(big, "show", big_stat, "--json"), bare_parse, before=cold), args.repeats, memory=True),
        Case("100k: repeated show ID --json / same on the small file", 3.0,
             interleaved(eco(big, "show", big_stat, "--json"), eco(small, "show", small_stat, "--json")), fast),
    ]
    # Large outputs (warm parse cache): peak RSS against the bare parse of the same file; the CLI writes JSON rows
    # as it makes them (render.stream).
    exported = OUT / "bench-export.db"
    cases += [
        Case("100k: stats --json (warm cache) / tomllib.load of the file", 3.0,
             interleaved(eco(big, "stats", "--json"), bare_parse), args.repeats, memory=True,
             memory_label="100k: peak RSS of stats --json / of the bare parse"),
        Case("100k: export PATH.db (warm cache) / tomllib.load of the file", 1.5,
             interleaved(eco(big, "export", str(exported)), bare_parse), args.repeats, memory=True,
             memory_label="100k: peak RSS of export / of the bare parse"),
        # search reads every text: on the shipped file against a plain lookup, and on the big file against the
        # same search on the shipped one
        Case("search isotope --json / stats wallonia --json (shipped file)", 1.5,
             interleaved(eco(small, "search", "isotope", "--json"), eco(small, "stats", "wallonia", "--json")), fast),
        # a whole question, as users type it into search and ask (issue 20: both <= 1.5x a plain lookup)
        Case("search a whole question --json / stats wallonia --json (shipped file)", 1.5,
             interleaved(eco(small, "search", QUESTION, "--json"), eco(small, "stats", "wallonia", "--json")), fast),
        Case("ask a question --json / stats wallonia --json (shipped file)", 1.5,
             interleaved(eco(small, "ask", QUESTION, "--json"), eco(small, "stats", "wallonia", "--json")), fast),
        Case("ask a terse question --json / stats wallonia --json (shipped file)", 1.5,
             interleaved(eco(small, "ask", "Kernmedizin Arbeitsplätze Belgien", "--json"),
                         eco(small, "stats", "wallonia", "--json")), fast),
        Case("100k: ask a question --json (warm cache and index) / the same on the shipped file", 3.0,
             interleaved(eco(big, "ask", QUESTION, "--json"), eco(small, "ask", QUESTION, "--json"),
                         before=warm(eco(big, "ask", QUESTION, "--json"))), args.repeats),
        # the first search after a (re)parse makes the search index: `warm` sees it made, so every run reads it
        Case("100k: search cyclotron --json (warm cache and index) / the same on the shipped file", 3.0,
             interleaved(eco(big, "search", "cyclotron", "--json"), eco(small, "search", "cyclotron", "--json"),
                         before=warm(eco(big, "search", "cyclotron", "--json"))), args.repeats),
        # a time series reads one metric's figures by its index, however many the subjects have
        Case("100k: series belgium --metric rd_intensity_gdp_percent --json (warm cache) / the same on the shipped "
             "file", 3.0,
             interleaved(eco(big, "series", "belgium", "--metric", "rd_intensity_gdp_percent", "--json"),
                         eco(small, "series", "belgium", "--metric", "rd_intensity_gdp_percent", "--json"),
                         before=warm(eco(big, "series", "belgium", "--metric", "rd_intensity_gdp_percent",
                                         "--json"))), args.repeats),
    ]
    draft = build_draft(args.draft_mb)
    # verify reads every figure of the draft (exit 1: the tuning drafts hold wrong figures on purpose)
    verify_case = Case(f"{args.draft_mb:g} MB draft: verify (shipped file) / stats --json (shipped file)", 3.0,
                       interleaved(eco(small, "verify", str(draft)), eco(small, "stats", "--json"), ok=(0, 1)),
                       args.verify_repeats)
    if args.startup_only:
        cases = cases[:2]
    elif args.verify_only:
        cases = [verify_case]
    else:
        cases.append(verify_case)
    if args.only:
        cases = [c for c in cases if args.only in c.name]
    # Not a target: the floor any Typer CLI starts from, for reading the start-up ratios.
    hello = OUT / "typer_hello.py"
    hello.write_text("import json, sys, typer\napp = typer.Typer()\n\n@app.command()\n"
                     "def stats(subject: str, json_: bool = typer.Option(False, '--json')) -> None:\n"
                     "    sys.stdout.write(json.dumps([subject]))\n\napp()\n")
    floor = [interleaved([PYTHON, str(hello), "wallonia", "--json"], bare_python)() for _ in range(fast)]
    print(f"(reference) a Typer hello-world --json / python -c pass: "
          f"{statistics.median(c.seconds for c, _ in floor) / statistics.median(b.seconds for _, b in floor):.2f}x",
          flush=True)

    results = []
    for case in cases:
        runs = [case.measure() for _ in range(case.repeats)]
        time_ratio = statistics.median(c.seconds for c, _ in runs) / statistics.median(b.seconds for _, b in runs)
        line = (f"{case.name}: {time_ratio:.2f}x (target <= {case.target}x; "
                f"{statistics.median(c.seconds for c, _ in runs) * 1000:.0f} ms vs "
                f"{statistics.median(b.seconds for _, b in runs) * 1000:.0f} ms, n={case.repeats}) "
                f"{'PASS' if time_ratio <= case.target else 'FAIL'}")
        results.append(time_ratio <= case.target)
        print(line, flush=True)
        if case.memory:
            case_rss = max(c.max_rss_kib for c, _ in runs)
            base_rss = max(b.max_rss_kib for _, b in runs)
            ratio = case_rss / base_rss
            results.append(ratio <= case.memory_target)
            print(f"{case.memory_label}: {ratio:.2f}x (target <= {case.memory_target}x; "
                  f"{case_rss / 1024:.0f} MiB vs {base_rss / 1024:.0f} MiB) "
                  f"{'PASS' if ratio <= case.memory_target else 'FAIL'}", flush=True)
    if big != small:
        # Not a target: what the one search that makes the index costs, once per version of the knowledge file.
        for index in (cache / "ecofacts").glob("*.search"):
            index.unlink()
        first = run(eco(big, "search", "cyclotron", "--json"), env)
        print(f"(reference) 100k: the first search, which makes the index: {first.seconds:.1f} s, "
              f"{first.max_rss_kib / 1024:.0f} MiB", flush=True)
    print(f"{sum(results)}/{len(results)} targets met")


if __name__ == "__main__":
    main()
