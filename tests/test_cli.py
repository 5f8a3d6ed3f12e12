"""The CLI in-process through CliRunner: exact JSON, every format parsed back, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ecofacts.render import ROW_FORMATS, Format

from .conftest import TINY, invoke, shipped

T = ("--data", str(TINY))


def as_json(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_stats_for_a_region_as_json_is_exact():
    assert as_json(invoke(*T, "stats", "wallonia", "--json")) == [{
        "id": "wallonia-jobs",
        "subject": "wallonia",
        "subject_name": "Wallonia",
        "metric": "nuclear_medicine_jobs",
        "topic": "nuclear medicine",
        "label": "Direct and indirect nuclear-medicine jobs in Wallonia",
        "value": 3800,
        "value_max": None,
        "unit": "jobs",
        "qualifier": "at_least",
        "year": None,
        "year_start": None,
        "year_end": None,
        "status": "measured",
        "text": "3800+",
        "display": "3,800+ jobs",
        "quote": "3800+ direct and indirect jobs",
        "evidence": None,
        "source": {"id": "doc-a", "title": "Document A", "kind": "document", "publisher": "Test publisher",
                   "date": "2025", "language": "en", "url": None},
        "provenance": "quoted",
        "trust": "single",
        "cited_source": None,
        "attribution": None,
        "note": None,
        "related": ["belgium-jobs"],
        "member": None,
        "member_name": None,
    }]


def test_stats_without_subject_lists_all():
    assert [s["id"] for s in as_json(invoke(*T, "stats", "--json"))] == [
        "belgium-jobs", "wallonia-jobs", "atmp-pit-jobs"]


def test_stats_include_members_adds_located_initiatives():
    rows = as_json(invoke(*T, "stats", "Wallonie", "--include-members", "--json"))
    assert [(r["id"], r["member"]) for r in rows] == [("wallonia-jobs", None), ("atmp-pit-jobs", "atmp-pit")]


@pytest.mark.parametrize(("option", "expected"), [
    (("--year", "2028"), ["atmp-pit-jobs"]),
    (("--status", "forecast"), ["atmp-pit-jobs"]),
    (("--topic", "NUCLEAR MEDICINE"), ["belgium-jobs", "wallonia-jobs"]),
])
def test_stats_filters(option, expected):
    assert [r["id"] for r in as_json(invoke(*T, "stats", *option, "--json"))] == expected


def test_unknown_topic_is_a_usage_error_listing_topics():
    result = invoke(*T, "stats", "--topic", "astrology")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown topic 'astrology'; choose from: employment, nuclear medicine\n"
    assert result.stdout == ""


@pytest.mark.parametrize("city", ["Liège", "liege", "LIÈGE", "Lie\u0300ge", "Luik", "Lüttich"])
def test_every_spelling_of_liege_is_one_city(city):
    rows = as_json(invoke(*T, "actors", "--city", city, "--json"))
    assert [(r["id"], r["match"]) for r in rows] == [("trasis", "nearby")]


def test_nearby_municipalities_can_be_left_out_and_the_notice_says_what_sources_say():
    result = invoke(*T, "actors", "--city", "Liège", "--no-nearby")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ("no organisation recorded in Liège; the sources describe it as a hub for "
                             "R&D facilities and logistics\n")


def test_sections_belong_to_their_municipality():
    rows = as_json(invoke(*T, "actors", "--city", "charleroi", "--json"))
    assert [(r["id"], r["city_name"], r["match"]) for r in rows] == [("masthercell", "Gosselies", "section")]


def test_unknown_region_suggests_and_exits_1():
    result = invoke(*T, "stats", "walonia")
    assert result.exit_code == 1
    assert result.stderr == "error: no record 'walonia'; did you mean 'Wallonia'?\n"  # by its name
    assert result.stdout == ""
    result = invoke(*T, "compare", "belgium", "walonia")
    assert result.stderr == "error: no region 'walonia'; did you mean 'Wallonia'?\n"


def test_a_suggestion_names_a_record_by_its_name_only_where_that_name_is_its_alone():
    assert "did you mean 'Liège'" in invoke("actors", "--city", "Leige").stderr
    # "Brussels" names both the region (an alias) and the city: the city is suggested by its id
    assert invoke("actors", "--city", "brusels").stderr == "error: no city 'brusels'; did you mean 'brussels-city'?\n"
    assert "did you mean 'wallonia-nuclear-medicine-jobs'" in invoke("show", "wallonia-nuclear-medicine-jobz").stderr


def test_unknown_option_exits_2():
    result = invoke(*T, "stats", "--bogus")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_compare_lines_up_one_metric_and_counts():
    doc = as_json(invoke(*T, "compare", "belgium", "wallonia", "--json"))
    assert [r["id"] for r in doc["regions"]] == ["belgium", "wallonia"]
    jobs = doc["rows"][0]
    assert jobs["metric"] == "nuclear_medicine_jobs"
    assert [c["text"] for c in jobs["values"]["belgium"]] == ["5000"]
    assert [c["text"] for c in jobs["values"]["wallonia"]] == ["3800+"]
    counts = {r["metric"]: r["values"] for r in doc["rows"] if r["kind"] == "count"}
    assert counts["organisations recorded"] == {"belgium": 2, "wallonia": 2}
    assert [(f["source"]["id"], (f["cited_source"] or {}).get("id")) for f in doc["footnotes"]] == [
        ("doc-a", "study-x"), ("doc-a", None)]


def test_compare_table_shows_dash_where_a_region_has_no_figure():
    result = invoke(*T, "compare", "wallonia", "flanders")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    row = next(line for line in lines if line.startswith("Direct and indirect nuclear-medicine jobs"))
    assert row.split()[-2:] == ["[1]", "—"]
    assert "[1] Document A (Test publisher, 2025) [doc-a]" in result.stdout


def test_show_a_statistic_points_to_its_look_alike():
    doc = as_json(invoke(*T, "show", "wallonia-jobs", "--json"))
    assert doc["kind"] == "statistic"
    look_alikes = doc["related"]["look-alike and comparable statistics"]["rows"]
    assert [r["id"] for r in look_alikes] == ["belgium-jobs"]


def test_show_an_actor_with_events_and_city():
    doc = as_json(invoke(*T, "show", "MASTHERCELL", "--json"))
    assert doc["record"]["city_name"] == "Gosselies"
    assert doc["record"]["events"] == [
        {"year": 2020, "kind": "acquired", "text": "Acquired by Catalent", "sources": ["doc-a"]}]
    table = invoke(*T, "show", "masthercell")
    assert "2020 acquired: Acquired by Catalent [doc-a]" in table.stdout


def test_search_finds_quotes_and_descriptions():
    rows = as_json(invoke(*T, "search", "radiosynthesis", "--json"))
    assert [(r["kind"], r["id"], r["matched"]) for r in rows] == [("actor", "trasis", "description")]
    result = invoke(*T, "search", "unobtainium")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "nothing matches 'unobtainium'\n")


def test_search_takes_its_words_quoted_or_not():
    apart = invoke("search", "BioWin", "members", "--json")
    assert apart.exit_code == 0 and as_json(apart) == as_json(invoke("search", "BioWin members", "--json"))
    assert as_json(apart)[0]["id"] == "cluster-members-2024-wallonia-biowin"


def test_sources_lists_counts_and_one_source_in_full():
    rows = as_json(invoke(*T, "sources", "--json"))
    assert [(r["id"], r["statistics"], r["records"]) for r in rows] == [("doc-a", 3, 11), ("study-x", 1, 0)]
    doc = as_json(invoke(*T, "sources", "doc-a", "--json"))
    assert doc["record"]["defects"] == ["A number was lost."]


def test_regions_and_clusters():
    assert [r["id"] for r in as_json(invoke(*T, "regions", "--json"))] == ["belgium", "wallonia", "flanders"]
    assert [c["id"] for c in as_json(invoke(*T, "clusters", "--region", "belgium", "--json"))] == ["biowin"]
    assert as_json(invoke(*T, "clusters", "--region", "flanders", "--json")) == []


def test_cities_count_organisations_by_the_rule_of_actors_city():
    rows = {r["id"]: r for r in as_json(invoke(*T, "cities", "--json"))}
    assert rows["charleroi"]["actors_by_kind"] == {"company": 1}  # MaSTherCell, in its section Gosselies
    assert rows["liege"]["actors_by_kind"] == {"company": 1}  # Trasis, in its neighbour Ans
    for city, row in rows.items():
        assert row["actor_count"] == len(as_json(invoke(*T, "actors", "--city", city, "--json"))), city


# --- every format, parsed back by its real reader ----------------------------------------------------------


@pytest.mark.parametrize("command", [("stats",), ("actors",), ("regions",), ("clusters",), ("cities",),
                                     ("sources",), ("search", "jobs")])
@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_of_every_listing_parses_back(command, fmt):
    result = invoke(*T, *command, "--format", fmt.value)
    if fmt not in ROW_FORMATS:  # charts are for series and compare: a listing refuses them
        assert result.exit_code == 2 and result.stdout == "" and fmt.value in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    expected = as_json(invoke(*T, *command, "--json"))
    out = result.stdout
    if fmt is Format.json:
        assert json.loads(out) == expected
    elif fmt is Format.jsonl:
        assert [json.loads(line) for line in out.splitlines()] == expected
    elif fmt in (Format.csv, Format.tsv):
        parsed = list(csv.reader(io.StringIO(out), delimiter="," if fmt is Format.csv else "\t"))
        assert len(parsed) == len(expected) + 1
        assert "id" in parsed[0] or "name" in parsed[0] or "label" in parsed[0]
    elif fmt is Format.markdown:
        lines = out.splitlines()
        assert set(lines[1].replace("|", "").split()) == {"---"}
        assert len(lines) == len(expected) + 2
        assert all(line.startswith("| ") and line.endswith(" |") for line in [lines[0], *lines[2:]])
    elif fmt is Format.table:
        assert "\x1b" not in out
        for row in expected:
            first_word = str(row.get("name") or row.get("subject_name") or row["id"]).split()[0]
            assert first_word in out
    else:
        pytest.fail(f"no reader checks the format {fmt.value}: add one here")


def test_fields_choose_keys_and_columns():
    rows = as_json(invoke(*T, "stats", "--json", "--fields", "id,value"))
    assert rows == [{"id": "belgium-jobs", "value": 5000}, {"id": "wallonia-jobs", "value": 3800},
                    {"id": "atmp-pit-jobs", "value": 470}]
    result = invoke(*T, "stats", "--format", "csv", "--fields", "id,year")
    assert result.stdout == "id,year\nbelgium-jobs,\nwallonia-jobs,\natmp-pit-jobs,2028\n"


def test_unknown_field_is_a_usage_error_listing_the_available_ones():
    result = invoke(*T, "stats", "--json", "--fields", "id,colour")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown field 'colour'; available: id, subject, subject_name,")
    assert result.stdout == ""


def test_markup_in_data_is_printed_literally():
    result = invoke(*T, "show", "trasis")
    assert "[red]not markup[/red] :smile:" in result.stdout
    rows = as_json(invoke(*T, "actors", "--json"))
    assert rows[0]["description"].endswith("[red]not markup[/red] :smile:")


@pytest.mark.parametrize("env", [{"FORCE_COLOR": "1"}, {"NO_COLOR": "1"}, {"TERM": "dumb"}, {"PY_COLORS": "1"},
                                 {"COLUMNS": "20"}])
def test_json_is_identical_whatever_the_environment(env):
    plain = invoke(*T, "stats", "--json").stdout
    assert invoke(*T, "stats", "--json", env=env).stdout == plain
    assert "\x1b" not in plain


def test_json_is_utf8_not_escaped():
    result = invoke(*T, "actors", "--city", "charleroi", "--json")
    assert "Wallonia" in result.stdout
    out = invoke(*T, "show", "liege", "--json").stdout
    assert '"Liège"' in out and "\\u00e8" not in out


def test_empty_result_prints_empty_json_and_a_notice():
    result = invoke(*T, "actors", "--kind", "company", "--city", "flanders-nowhere")
    assert result.exit_code == 1  # unknown city
    result = invoke(*T, "actors", "--city", "liege", "--no-nearby", "--json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert result.stderr.startswith("no organisation recorded in Liège")


def test_bad_knowledge_file_is_exit_3(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[regions]]\nid = "x"\n')
    result = invoke("--data", str(bad), "regions")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"error: {bad}: invalid knowledge file (4 problems)"
    assert "regions[0]: missing required key 'name'" in result.stderr


def test_env_var_picks_the_knowledge_file():
    result = invoke("regions", "--json", env={"ECOFACTS_DATA": str(TINY)})
    assert [r["id"] for r in json.loads(result.stdout)] == ["belgium", "wallonia", "flanders"]


def test_version():
    from ecofacts import __version__

    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, f"ecofacts {__version__}\n")


def test_check_passes_on_tiny_with_its_source_text():
    result = invoke(*T, "check", "--sources", str(TINY.parent))
    assert result.exit_code == 0, result.stdout
    assert result.stderr == (f"ok: {TINY}: 16 records, 3 statistics; 3 quotes verified against their sources; "
                             "2 warnings; 2 statistics without a year, 1 source without a date; trust "
                             "of the statistics: 0 corroborated, 3 single, 0 disputed, 0 unverified\n")


def test_check_lists_every_problem_and_exits_1(tmp_path):
    bad = tmp_path / "facts.toml"
    bad.write_text(TINY.read_text().replace('quote = "3800+ direct', 'quote = "3900+ direct'))
    (tmp_path / "doc-a.txt").write_text((TINY.parent / "doc-a.txt").read_text())
    result = invoke("--data", str(bad), "check", "--sources", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.startswith("statistic wallonia-jobs: quote not found verbatim in doc-a")
    assert result.stderr == f"check: 1 problem in {bad}\n"


def test_check_reports_an_empty_file(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    result = invoke("--data", str(empty), "check")
    assert result.exit_code == 1
    assert "the file is empty" in result.stdout
    assert invoke("--data", str(empty), "stats", "--json").stdout == "[]\n"


def _with_a_second_figure(tmp_path, figure: str):
    """The tiny file with a second statistic of ATMP-PIT's planned jobs in 2028, of `figure` (the first: 470)."""
    text = TINY.read_text()
    extra = text[text.index("[[stats]]\nid = \"atmp-pit-jobs\""):].replace('"atmp-pit-jobs"', '"atmp-pit-jobs-2"')
    extra = extra.replace("value = 470", f"value = {figure}").replace('text = "470"', f'text = "{figure}"', 1)
    path = tmp_path / "facts.toml"
    path.write_text(text + "\n" + extra)
    return path


def test_check_warns_when_same_subject_metric_and_year_disagree(tmp_path):
    result = invoke("--data", str(_with_a_second_figure(tmp_path, "480")), "check")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "warning: stat atmp-pit-jobs-2 and atmp-pit-jobs share subject 'atmp-pit', metric "
        "'planned_direct_jobs' and year 2028 but disagree ('480' = 480 vs '470' = 470)")
    # then the statistics without a year and the sources without a date, one warning each
    assert [line.split(" have no ")[1].split(" ")[0] for line in result.stdout.splitlines()[1:]] == ["year", "date"]


def test_compare_puts_shared_metrics_first():
    doc = as_json(invoke(*T, "compare", "wallonia", "belgium", "--json"))
    assert doc["rows"][0]["metric"] == "nuclear_medicine_jobs"


def test_only_the_command_run_is_built(monkeypatch):
    import typer

    built = []
    build = typer.main.get_command_from_info

    def spy(info, **kwargs):
        built.append(info.callback.__name__)
        return build(info, **kwargs)

    monkeypatch.setattr(typer.main, "get_command_from_info", spy)
    as_json(invoke(*T, "stats", "wallonia", "--json"))
    assert built == ["stats"]
    built.clear()
    listing = invoke("--help").stdout
    from ecofacts.cli import commands

    assert sorted(built) == sorted(info.callback.__name__ for info in commands.registered_commands)
    assert all(name in listing for name in ("regions", "initiatives", "stats", "compare", "fmt", "add"))


def test_sources_with_the_name_of_another_kind_is_not_found_among_sources():
    result = invoke(*T, "sources", "trasis")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "error: no source 'trasis'; Trasis is an actor\n"
    result = invoke(*T, "sources", "doc-b")
    assert result.stderr == "error: no source 'doc-b'; did you mean 'doc-a'?\n"


def test_comparing_a_region_with_itself_is_a_usage_error():
    result = invoke(*T, "compare", "wallonia", "Wallonie")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: 'Wallonie' is Wallonia again; compare needs two different regions\n"


def test_a_refused_add_counts_its_problems_in_good_english(tiny):
    result = invoke("--data", str(tiny), "add", "city", "id=x", "name=X", "region=nowhere", "description=d",
                    "sources=doc-a")
    assert result.exit_code == 3
    # one problem: one line
    assert result.stderr == (f"error: {tiny}: refusing to write an invalid knowledge file (1 problem): "
                             "cities[4].region: no region 'nowhere'\n")


@pytest.mark.parametrize(("args", "message"), [
    (("actors", "--kind", "network"), "error: no organisations of kind 'network' are recorded; clusters of that kind "
                                      "are (ecofacts clusters)\n"),
    (("actors", "--kind", "Konferenz"), "error: no organisations of kind 'event' are recorded; initiatives of that "
                                        "kind are (ecofacts initiatives --kind event)\n"),
    (("initiatives", "--kind", "netwerk"), "error: no initiatives of kind 'network' are recorded; clusters of that "
                                           "kind are (ecofacts clusters)\n"),
])
def test_a_kind_of_another_listing_says_where_it_is_listed(args, message):
    # `actors --kind network` suggested 'investor'; networks and federations are clusters, events initiatives
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)


def test_initiatives_are_listed_and_filtered_by_region_and_kind():
    rows = as_json(invoke(*T, "initiatives", "--json"))
    assert [r["id"] for r in rows] == ["atmp-pit"]
    assert as_json(invoke(*T, "initiatives", "--region", "flanders", "--json")) == []
    assert [r["id"] for r in as_json(invoke(*T, "initiatives", "--kind", rows[0]["kind"].upper(), "--json"))] == [
        "atmp-pit"]
    result = invoke(*T, "initiatives", "--kind", "party")
    assert result.exit_code == 2 and result.stderr.startswith("error: unknown kind 'party'; choose from: ")
    table = invoke(*T, "initiatives")
    assert table.stdout.splitlines()[0].split() == ["name", "kind", "region", "city", "year"]
    chosen = invoke(*T, "initiatives", "--fields", "name,kind,region,city,year")
    assert chosen.stdout.splitlines()[0].split() == ["name", "kind", "region", "city", "year"]


def test_a_name_of_another_kind_says_which_kind_it_is():
    result = invoke(*T, "actors", "--city", "Wallonie")
    assert (result.exit_code, result.stderr) == (1, "error: no city 'Wallonie'; Wallonia is a region\n")
    result = invoke(*T, "compare", "wallonia", "liege")
    assert result.stderr == "error: no region 'liege'; Liège is a city\n"


def test_an_option_value_suggests_the_closest():
    result = invoke(*T, "stats", "--topic", "nuclear")
    assert result.exit_code == 2
    assert result.stderr == ("error: unknown topic 'nuclear'; did you mean 'nuclear medicine'? choose from: "
                             "employment, nuclear medicine\n")


def test_a_name_of_several_records_is_shown_with_a_notice_naming_the_others(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text(TINY.read_text().replace('aliases = ["Luik", "Lüttich"]', 'aliases = ["Luik", "Lüttich", "Ans"]'))
    result = invoke("--data", str(path), "show", "Luik", "--json")  # an alias of one, shown
    assert json.loads(result.stdout)["id"] == "liege" and result.stderr == ""
    result = invoke("--data", str(path), "show", "Ans", "--json")
    assert json.loads(result.stdout)["id"] == "liege"
    assert result.stderr == "note: 'Ans' also names Ans (the city ans); showing the city liege\n"
    # an id typed as it is written is that record, whoever else its words name (`brussels-city`)
    result = invoke("--data", str(path), "show", "ans", "--json")
    assert json.loads(result.stdout)["id"] == "ans"
    assert result.stderr == "note: 'ans' also names Liège (the city liege); showing the city ans\n"


@pytest.mark.parametrize("command", [("stats", "wallonia"), ("actors",), ("claims",), ("search", "cyclotron")])
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_carry_every_field_of_the_json_rows(command, fmt):
    import csv
    import io

    rows = json.loads(invoke(*command, "--json").stdout)
    out = invoke(*command, "--format", fmt).stdout
    read = list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert list(read[0]) == list(rows[0]) and len(read) == len(rows)
    assert [r["id"] for r in read] == [r["id"] for r in rows]
    narrowed = invoke(*command, "--format", fmt, "--fields", "id").stdout.splitlines()
    assert narrowed[0] == "id" and narrowed[1:] == [r["id"] for r in rows]


def test_search_holds_a_place_by_what_is_located_there():
    from ecofacts.search import ranked

    k = shipped()
    for text in ("cyclotron Liège", "Zyklotron Lüttich", "cyclotron Luik"):
        found, _ = ranked(k, text)
        assert found and found[0].rec.id == "uliege-crc" and not found[0].missing, text
    # a place alone is no match: a record must hold a word of the query in a text
    assert "uliege-crc" not in {f.rec.id for f in ranked(k, "Liège")[0] if not f.missing}


def test_search_reads_a_compound_as_its_two_words():
    rows = as_json(invoke("search", "Kreislaufwirtschaftsstrategie", "--json"))
    assert rows[0]["id"] == "circular-wallonia"  # circular economy + strategy
    assert as_json(invoke("search", "Kreislaufwirtschaft", "Strategie", "--json"))[0]["id"] == "circular-wallonia"


def test_global_options_may_come_after_the_command():
    plain = invoke("stats", "wallonia", "--json")
    after = invoke("stats", "wallonia", "--json", "--no-pager", "--no-color", "--no-cache")
    assert after.exit_code == 0 and after.stdout == plain.stdout and after.stderr == plain.stderr
    # --data after the command reads that file, as before it
    tiny = invoke("--data", str(TINY), "stats", "--json").stdout
    assert invoke("stats", "--json", "--data", str(TINY)).stdout == tiny != plain.stdout
    assert invoke("stats", "--json", f"--data={TINY}").stdout == tiny
    assert invoke("stats", "wallonia", "--version").stdout.startswith("ecofacts ")
    # after `--`, nothing is an option: the question is the text `--no-pager`
    assert "--no-pager" in json.loads(invoke("ask", "--json", "--", "--no-pager").stdout)["question"]


@pytest.mark.parametrize(("args", "place"), [
    (("stats", "France"), "France"), (("compare", "wallonia", "Pays-Bas"), "the Netherlands"),
    (("actors", "--city", "Paris"), "Paris"),
])
def test_a_place_beyond_the_knowledge_is_said_not_covered_not_mistaken(args, place):
    # it was "did you mean 'FANC' or 'Flanders'?": a hurried user may take Flanders
    result = invoke(*args)
    assert result.exit_code == 1 and f": {place} is not covered" in result.stderr
    assert "did you mean" not in result.stderr and result.stderr.count("\n") == 1


def test_a_slip_of_a_place_held_is_still_suggested():
    assert "did you mean 'Flanders'" in invoke("stats", "Flandres").stderr


def test_check_warns_of_no_disagreement_within_rounding(tmp_path):
    # 470 and 470.4 are one figure to the rounding of the less precise, as the trust levels have it (corroborated);
    # check warned that they disagree
    result = invoke("--data", str(_with_a_second_figure(tmp_path, "470.4")), "check")
    assert result.exit_code == 0 and "disagree" not in result.stdout


def test_a_name_the_question_holds_as_a_word_is_suggested_first():
    # `ucb pharma` suggested EyeD Pharma (close in spelling), not UCB, whose name is a word of it
    assert invoke("show", "ucb pharma").stderr == (
        "error: no record 'ucb pharma'; did you mean 'UCB' or 'EyeD Pharma'?\n")
