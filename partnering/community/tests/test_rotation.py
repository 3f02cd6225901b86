"""The chair's rotation and the wish list's ranking: pure cores, hand-worked cases and their command line."""

import datetime
import json
import subprocess
import sys

import pytest

from partnering.community.ranking import RankingError, borda
from partnering.community.rotation import RotationError, add_months, chair_on, counts, schedule, turn_number_on

D = datetime.date


def test_a_rotation_gives_everyone_a_turn_before_anyone_has_a_second():
    turns = schedule(["Conwy", "Denbighshire", "Flintshire", "Gwynedd", "Wrexham", "Ynys Môn"], starts_on=D(2025, 4, 1), months=2,
                     turns=6)
    assert [t.holder for t in turns] == ["Conwy", "Denbighshire", "Flintshire", "Gwynedd", "Wrexham", "Ynys Môn"]
    assert turns[1].starts_on == D(2025, 6, 1) and turns[0].ends_on == D(2025, 5, 31)


@pytest.mark.parametrize("people,months,turns", [(3, 1, 12), (5, 3, 8), (4, 12, 10), (7, 2, 25)])
def test_a_rotation_is_fair_over_any_schedule(people, months, turns):
    names = [f"P{i}" for i in range(people)]
    tally = counts(schedule(names, starts_on=D(2025, 1, 31), months=months, turns=turns))
    assert max(tally.values()) - min(tally.get(n, 0) for n in names) <= 1
    assert sum(tally.values()) == turns


def test_someone_who_cannot_take_a_turn_keeps_their_place_and_chairs_next():
    turns = schedule(["A", "B", "C"], starts_on=D(2025, 1, 1), months=1, turns=6, unavailable=[("B", 1)])
    assert [t.holder for t in turns] == ["A", "C", "B", "A", "C", "B"]
    assert counts(turns) == {"A": 2, "B": 2, "C": 2}


def test_a_turn_nobody_can_take_has_no_chair_and_the_order_carries_on():
    turns = schedule(["A", "B"], starts_on=D(2025, 1, 1), months=1, turns=3, unavailable=[("A", 1), ("B", 1)])
    assert [t.holder for t in turns] == ["A", None, "B"]


def test_the_chair_on_a_day_is_the_holder_of_the_turn_running_then():
    names = ["A", "B", "C"]
    assert chair_on(names, D(2024, 12, 31), starts_on=D(2025, 1, 1), months=3) is None
    assert chair_on(names, D(2025, 1, 1), starts_on=D(2025, 1, 1), months=3).holder == "A"
    assert chair_on(names, D(2025, 7, 15), starts_on=D(2025, 1, 1), months=3).holder == "C"
    assert chair_on(names, D(2025, 10, 1), starts_on=D(2025, 1, 1), months=3).holder == "A"


def test_months_are_added_with_short_months_clamped():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2025, 11, 30), 3) == D(2026, 2, 28)
    assert turn_number_on(D(2025, 2, 28), starts_on=D(2025, 1, 31), months=1) == 1
    assert turn_number_on(D(2025, 2, 27), starts_on=D(2025, 1, 31), months=1) == 0


def test_a_rotation_refuses_a_zero_length_turn_or_a_repeated_candidate():
    with pytest.raises(RotationError):
        schedule(["A"], starts_on=D(2025, 1, 1), months=0, turns=1)
    with pytest.raises(RotationError):
        schedule(["A", "A"], starts_on=D(2025, 1, 1), months=1, turns=1)


def test_borda_ranks_a_hand_worked_wish_list():
    items = ["impact", "digital", "ulr", "coaching"]
    ballots = {"a": ["digital", "impact", "ulr"], "b": ["impact", "digital"], "c": ["ulr", "impact", "digital"]}
    ranked = borda(items, ballots)
    # impact 3+4+3 = 10, digital 4+3+2 = 9, ulr 2+4 = 6, coaching 0
    assert [(r.item, r.points, r.voters) for r in ranked] == [("impact", 10, 3), ("digital", 9, 3), ("ulr", 6, 2), ("coaching", 0, 0)]


def test_borda_breaks_a_tie_by_first_places_then_by_the_order_proposed():
    ranked = borda(["x", "y", "z"], {"a": ["y", "x"], "b": ["x", "z"], "c": ["z", "y"]})
    # x: 2+3=5 (1 first), y: 3+2=5 (1 first), z: 2+3=5 (1 first): all tied, so the order proposed
    assert [r.item for r in ranked] == ["x", "y", "z"]
    ranked = borda(["x", "y"], {"a": ["y", "x"], "b": ["x"], "c": ["y"]})
    assert [r.item for r in ranked] == ["y", "x"]


def test_borda_refuses_a_ballot_naming_an_unknown_priority():
    with pytest.raises(RankingError, match="not on the list"):
        borda(["x"], {"a": ["nope"]})


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "partnering.community", *args], capture_output=True, text=True, timeout=60)


def test_the_command_line_prints_the_rotation_as_json():
    result = _cli("rotation", "Ann", "Bryn", "Ceri", "--start", "2025-04-01", "--months", "4", "--turns", "4", "--skip", "Bryn:1",
                  "--on", "2025-09-01")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [t["holder"] for t in data["turns"]] == ["Ann", "Ceri", "Bryn", "Ann"]
    assert data["chair"] == "Ceri" and data["counts"] == {"Ann": 2, "Ceri": 1, "Bryn": 1}


def test_the_command_line_exits_2_naming_the_row_and_column_of_a_bad_ballot(tmp_path):
    ballots = tmp_path / "ballots.csv"
    ballots.write_text("voter,priority,rank\na,digital,1\nb,impact,first\n")
    result = _cli("rank", str(ballots))
    assert result.returncode == 2
    assert "row 3, column rank" in result.stderr
    good = tmp_path / "good.csv"
    good.write_text("voter,priority,rank\na,digital,1\na,impact,2\nb,impact,1\n")
    result = _cli("rank", str(good))
    assert [r["item"] for r in json.loads(result.stdout)["ranking"]] == ["impact", "digital"]
    assert _cli("rotation", "A", "--start", "2025-13-01").returncode == 2
