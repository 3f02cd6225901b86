"""The command line's contract: `python -m partnering.directory match PEOPLE.csv --need … --json`."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from partnering.directory.__main__ import main

HEADER = "person_id,council,skills,welsh_level,delivers_in_welsh,lat,lon,available_days\n"
PEOPLE = HEADER + (
    "p1,swansea,Equality and diversity;Welsh language,5,yes,51.62,-3.94,4\n"
    "p2,carmarthenshire,Equalities,4,yes,51.86,-4.31,10\n"
    "p3,swansea,Equalities,1,no,51.62,-3.94,10\n"
    "p4,gwynedd,Manual handling,5,yes,53.14,-4.27,5\n"
    "p5,bridgend,Equalities,0,no,51.62,-3.94,10\n"
)


def run(tmp_path, capsys, *args, text=PEOPLE):
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    code = main(["match", str(path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_matches_come_best_first_with_a_score_and_reasons(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "--need", "equalities training", "--json")
    assert code == 0
    matches = json.loads(out)["matches"]
    # p2, p3, p5: "Equalities" in full (50) + 10 days (10); p1: half of "Equality and diversity" (25) + 4 days (8).
    assert [(m["person_id"], m["score"]) for m in matches] == [("p2", 60), ("p3", 60), ("p5", 60), ("p1", 33)]
    assert all(m["reasons"] and all(isinstance(r, str) for r in m["reasons"]) for m in matches)


def test_welsh_leaves_out_people_who_cannot_deliver_in_welsh(tmp_path, capsys):
    _, out, _ = run(tmp_path, capsys, "--need", "equalities training", "--welsh", "--json")
    # p2 gains 8 for level 4, p1 10 for level 5; p3 and p5 do not deliver in Welsh.
    assert [(m["person_id"], m["score"]) for m in json.loads(out)["matches"]] == [("p2", 68), ("p1", 43)]


def test_council_puts_other_councils_ahead_of_equally_good_people_from_the_requesters_own(tmp_path, capsys):
    _, out, _ = run(tmp_path, capsys, "--need", "equalities training", "--council", "carmarthenshire", "--json")
    assert [m["person_id"] for m in json.loads(out)["matches"]] == ["p3", "p5", "p2", "p1"]
    _, out, _ = run(tmp_path, capsys, "--need", "equalities training", "--council", "swansea", "--json")
    assert [m["person_id"] for m in json.loads(out)["matches"]] == ["p2", "p5", "p3", "p1"]


def test_near_and_top(tmp_path, capsys):
    _, out, _ = run(tmp_path, capsys, "--need", "equalities", "--near", "51.62,-3.94", "--top", "2", "--json")
    matches = json.loads(out)["matches"]
    # p3 and p5 are at the door (+10); p2 is 37 km away (+6).
    assert [(m["person_id"], m["score"]) for m in matches] == [("p3", 70), ("p5", 70)]
    assert "0 km away (+10)" in matches[0]["reasons"]


def test_without_json_it_prints_a_line_a_person(tmp_path, capsys):
    _, out, _ = run(tmp_path, capsys, "--need", "manual handling")
    assert out.splitlines() == [" 60  p4  gwynedd: skill: Manual handling, 100% of it in the need (+50); 5 days a quarter available (+10)"]


@pytest.mark.parametrize(("text", "message"), [
    (HEADER + "p1,swansea,Equalities,6,yes,,,\n", "people.csv, row 2, column welsh_level: '6' is not a level from 0 to 5"),
    (HEADER + "p1,swansea,Equalities,3,yes,,,\np2,swansea,Equalities,2,maybe,,,\n",
     "people.csv, row 3, column delivers_in_welsh: 'maybe' is not yes or no"),
    (HEADER + "p1,swansea,Equalities,3,yes,north,-3.9,\n", "people.csv, row 2, column lat: 'north' is not a number"),
    (HEADER + "p1,swansea,Equalities,3,yes,51.6,-3.9,-2\n", "people.csv, row 2, column available_days: -2 is below 0"),
    (HEADER + "p1,swansea,Equalities,3,yes,51.6,,\n", "people.csv, row 2, column lon: empty, but lat is given"),
    (HEADER + "p1,swansea,Equalities,3,yes,,,\np1,neath,Equalities,3,yes,,,\n",
     "people.csv, row 3, column person_id: 'p1' is already on row 2"),
    (HEADER + ",swansea,Equalities,3,yes,,,\n", "people.csv, row 2, column person_id: empty"),
    ("person_id,council,skills\np1,swansea,Equalities\n",
     "people.csv, row 1: missing columns welsh_level, delivers_in_welsh, lat, lon, available_days"),
])
def test_a_bad_csv_exits_2_naming_the_file_row_and_column(tmp_path, capsys, text, message):
    code, out, err = run(tmp_path, capsys, "--need", "equalities", "--json", text=text)
    assert code == 2 and out == ""
    assert message in err


def test_a_missing_or_unreadable_file_exits_2(tmp_path, capsys):
    assert main(["match", str(tmp_path / "nope.csv"), "--need", "x", "--json"]) == 2
    assert "nope.csv: cannot read it" in capsys.readouterr().err
    latin = tmp_path / "latin.csv"
    latin.write_bytes(HEADER.encode() + "p1,Ynys Môn,Equalities,5,yes,,,\n".encode("cp1252"))
    assert main(["match", str(latin), "--need", "x", "--json"]) == 2
    assert "latin.csv: not UTF-8 text" in capsys.readouterr().err


def test_a_bad_near_exits_2(tmp_path, capsys):
    code, _, err = run(tmp_path, capsys, "--need", "equalities", "--near", "51.6", "--json")
    assert code == 2 and "--near: '51.6' is not LAT,LON" in err


def test_it_runs_as_a_module(tmp_path):
    path = Path(tmp_path) / "people.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "partnering.directory", "match", str(path), "--need", "equalities", "--welsh",
                           "--council", "swansea", "--json"], capture_output=True, text=True, cwd=Path(__file__).resolve().parents[3])
    assert done.returncode == 0, done.stderr
    assert [m["person_id"] for m in json.loads(done.stdout)["matches"]] == ["p2", "p1"]
