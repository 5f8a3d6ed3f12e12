"""Option and argument values refused as usage errors (exit 2, one line on stderr, no traceback), and `ask -`'s
lines that are not UTF-8: what a newcomer found accepted, ignored or blamed on the knowledge file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ecofacts.cli import app, state

from .conftest import CLEAN_ENV, TINY, invoke, process_env, runner

T = ("--data", str(TINY))


def usage_error(result, message: str) -> None:
    """Exit 2, nothing on stdout, and `message` as the one line on stderr."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr == f"error: {message}\n"


# --- 1. `ask -`: a line that is not UTF-8 is an error object whatever the stream's encoding ------------------

LINES = b"Li\xe8ge\r\nPIB de la Wallonie\r\n"
NOT_UTF8 = {"question": "Li\ufffdge", "error": "the question is not valid UTF-8"}


def test_ask_dash_answers_a_line_that_is_not_utf8_with_an_error_object_and_the_others_still():
    state.__init__()
    result = runner.invoke(app, ["ask", "-"], input=LINES, env=CLEAN_ENV)
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0] == NOT_UTF8
    assert out[1]["question"] == "PIB de la Wallonie" and out[1]["answers"][0]["subject"] == "wallonia"


# The bytes are UTF-8's to judge, not the locale's: Latin-1 read `Li\xe8ge` as Liège and answered it, a strict
# UTF-8 stream (PYTHONIOENCODING=utf-8) failed with a traceback.
@pytest.mark.slow
@pytest.mark.parametrize("env", [{}, {"PYTHONIOENCODING": "latin-1"}, {"PYTHONIOENCODING": "utf-8"},
                                 {"LC_ALL": "C"}])
def test_ask_dash_in_a_real_process_refuses_a_line_that_is_not_utf8_whatever_the_encoding(env):
    done = subprocess.run([sys.executable, "-m", "ecofacts", "ask", "-"], input=LINES, capture_output=True,
                          env=process_env(**{"PYTHONIOENCODING": "", **env}), check=False, timeout=120)
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    text = done.stdout.decode(env.get("PYTHONIOENCODING", "utf-8"))  # the answers are in the stream's encoding
    out = [json.loads(line) for line in text.splitlines()]
    assert out[0] == NOT_UTF8
    assert out[1]["question"] == "PIB de la Wallonie" and out[1]["answers"][0]["subject"] == "wallonia"


# --- 2. --published-before: a day of the calendar -----------------------------------------------------------

@pytest.mark.parametrize("command", [("stats",), ("compare", "wallonia", "belgium"), ("series", "wallonia")])
@pytest.mark.parametrize("date", ["2020-02-30", "2021-02-29", "2020-04-31", "0000"])
def test_published_before_a_day_the_calendar_lacks_is_a_usage_error(command, date):
    usage_error(invoke(*T, *command, "--published-before", date),
                f"--published-before '{date}': no such day in the calendar")


def test_published_before_a_real_day_is_taken():
    assert invoke(*T, "stats", "--published-before", "2020-02-29").exit_code == 0


def test_the_calendar_is_the_core_s_rule_not_the_command_line_s():
    # a caller of the core (not the CLI) gets the same refusal, and the first day of a real date
    from ecofacts.errors import UsageError
    from ecofacts.published import cutoff

    with pytest.raises(UsageError, match="no such day in the calendar"):
        cutoff("2021-02-29")
    assert (cutoff("2020-02-29"), cutoff("2020-02"), cutoff("2020")) == ("2020-02-29", "2020-02-01", "2020-01-01")


# --- 3. check --sources: a value that is no folder is the option's fault, not the knowledge file's --------------

@pytest.mark.parametrize("where", ["/nonexistent", str(TINY)])
def test_check_sources_that_is_no_folder_is_a_usage_error(where):
    usage_error(invoke(*T, "check", "--sources", where), f"--sources {where}: not a folder")


# --- 4. show --lines goes with --context, whatever N --------------------------------------------------------

@pytest.mark.parametrize("lines", ["3", "5", "0"])
def test_show_lines_without_context_is_refused_whatever_n(lines):
    usage_error(invoke(*T, "show", "wallonia", "--lines", lines),
                "Invalid value for --lines: --lines goes with --context (try 'ecofacts show --help')")


def test_show_context_without_lines_shows_3_lines_either_side():
    passage = ("show", "wallonia-nuclear-medicine-jobs", "--context", "--json")
    default = invoke(*passage)
    assert default.exit_code == 0, default.stderr
    assert invoke(*passage, "--lines", "3").stdout == default.stdout != invoke(*passage, "--lines", "4").stdout


# --- 5. cite takes a statistic or claim id: another kind of record is a usage error ---------------------------

def test_cite_a_region_says_what_cite_takes_and_what_the_name_is():
    usage_error(invoke(*T, "cite", "wallonia"), "Wallonia is a region: cite takes a statistic or claim id "
                "(ecofacts show wallonia lists those about it)")


def test_cite_an_id_that_matches_nothing_is_still_not_found():
    result = invoke(*T, "cite", "no-such-figure")
    assert result.exit_code == 1 and result.stderr.startswith("error: no record 'no-such-figure'")


# --- 6. --year reads as a year ------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [("stats",), ("compare", "wallonia", "belgium")])
@pytest.mark.parametrize("year", ["20x", "3000", "-5", "２０２０"])
def test_year_that_is_no_year_says_so(command, year):
    usage_error(invoke(*T, *command, "--year", year),
                f"Invalid value for '--year' / '-y': '{year}' is not a year (1800-2200) "
                f"(try 'ecofacts {command[0]} --help')")


def test_year_help_names_a_year_not_an_int_range():
    text = invoke("stats", "--help").stdout
    assert "YEAR" in text and "int range" not in text.lower()


def test_stats_help_wraps_its_paragraph_whole():
    # the paragraph on --latest broke after its first line ("… that has one" / "(undated figures …"): a paragraph
    # starting with an option name is not joined by the help's formatter
    out = invoke("stats", "--help", env={"COLUMNS": "80"}).stdout
    lines = [line.strip() for line in out.splitlines()]
    start = next(i for i, line in enumerate(lines) if "--latest" in line and "per subject" in line)
    assert all(len(line) > 60 for line in lines[start:start + 2]), lines[start:start + 3]
