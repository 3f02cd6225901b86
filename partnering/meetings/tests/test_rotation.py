"""The host rotation: the set order, skips that keep their turn, fairness over a year, and its command line."""

import datetime
import json
import random
import subprocess
import sys
from collections import Counter

import pytest

from partnering.meetings.__main__ import main
from partnering.meetings.rotation import RotationError, next_host, plan, schedule

SIX = ["Ynys Môn", "Gwynedd", "Conwy", "Denbighshire", "Flintshire", "Wrexham"]


def test_with_nobody_skipped_the_hosts_follow_the_set_order_round_and_round():
    assert plan(SIX, 12).hosts == SIX + SIX


def test_a_council_that_cannot_host_swaps_with_the_next_and_keeps_its_turn():
    result = plan(SIX, 6, unavailable={2: {"Conwy"}})
    assert result.hosts == ["Ynys Môn", "Gwynedd", "Denbighshire", "Conwy", "Flintshire", "Wrexham"]
    assert result.turns[2].skipped == ("Conwy",)
    assert result.turns[3].owed is True and result.turns[4].owed is False


def test_a_year_of_monthly_meetings_with_skips_gives_each_of_six_councils_two_meetings():
    skips = {2: {"Conwy"}, 3: {"Conwy"}, 6: {"Wrexham", "Flintshire"}, 9: {"Ynys Môn"}}
    result = plan(SIX, 12, unavailable=skips)
    assert result.counts == {council: 2 for council in SIX}
    for index, councils in skips.items():
        assert result.hosts[index] not in councils
    # Conwy, skipped twice running, hosts at the first meeting it can.
    assert result.hosts[4] == "Conwy"


def test_the_rotation_continues_fairly_from_the_history_of_earlier_meetings():
    history = plan(SIX, 8, unavailable={1: {"Gwynedd"}}).hosts
    following = plan(SIX, 16, history=history).hosts
    assert Counter(history + following) == {council: 4 for council in SIX}


@pytest.mark.parametrize("seed", range(40))
def test_over_a_year_of_random_single_skips_no_council_hosts_more_than_one_meeting_more_than_another(seed):
    rng = random.Random(seed)
    skips = {}
    for index in range(10):  # the last two meetings of the year are open to everyone, so a late skip can be made up
        if rng.random() < 0.4:
            candidates = [c for c in SIX if c not in skips.get(index - 1, set())]  # nobody away twice running
            skips[index] = {rng.choice(candidates)}
    result = plan(SIX, 12, unavailable=skips)
    assert max(result.counts.values()) - min(result.counts.values()) <= 1
    for index, councils in skips.items():
        assert result.hosts[index] not in councils
    # every prefix stays within two of fair
    running = Counter()
    for host in result.hosts:
        running[host] += 1
        assert max(running.values()) - min(running[c] for c in SIX) <= 2


def test_a_council_far_behind_takes_one_owed_turn_and_then_rejoins_the_order():
    order = [*SIX, "Powys"]
    result = plan(order, 8, history=SIX + SIX)
    assert result.hosts == ["Powys", *SIX, "Powys"]


def test_a_meeting_nobody_can_host_has_no_host_and_names_who_was_passed_over():
    result = plan(["A", "B"], 2, unavailable={0: {"A", "B"}})
    assert result.hosts == [None, "A"]
    assert set(result.turns[0].skipped) == {"A", "B"}


def test_next_host_skips_a_council_that_cannot_host_the_next_meeting():
    assert next_host(SIX, history=SIX[:2], unavailable={"Conwy"}).host == "Denbighshire"


@pytest.mark.parametrize(("order", "kwargs", "message"), [
    ([], {}, "order: give at least one council"),
    (["A", "A"], {}, "order: A appears twice"),
    (["A"], {"unavailable": {5: {"A"}}}, "meeting 5"),
    (["A"], {"unavailable": [{"Z"}]}, "Z, which is not in the order"),
])
def test_bad_plans_are_refused_naming_what_was_wrong(order, kwargs, message):
    with pytest.raises(RotationError, match=message):
        plan(order, 2, **kwargs)


def test_monthly_dates_keep_the_day_or_take_the_last_of_a_shorter_month():
    assert schedule(datetime.date(2026, 1, 31), "month", 3) == [datetime.date(2026, 1, 31), datetime.date(2026, 2, 28),
                                                                 datetime.date(2026, 3, 31)]
    assert schedule(datetime.date(2026, 11, 5), "quarter", 2)[1] == datetime.date(2027, 2, 5)
    assert schedule(datetime.date(2026, 1, 1), "fortnight", 2)[1] == datetime.date(2026, 1, 15)


def test_the_command_line_prints_a_years_hosts_with_dates_and_skips_as_json(capsys):
    code = main(["rotation", "--order", ",".join(SIX), "--meetings", "12", "--start", "2026-01-15",
                 "--skip", "2026-03-15:Conwy", "--skip", "7:Ynys Môn,Gwynedd"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [row["host"] for row in out["hosts"][:4]] == ["Ynys Môn", "Gwynedd", "Denbighshire", "Conwy"]
    assert out["hosts"][2] == {"meeting": 3, "host": "Denbighshire", "skipped": ["Conwy"], "owed": False, "date": "2026-03-15"}
    assert out["hosts"][6]["host"] == "Conwy" and out["spread"] == 0
    assert out["counts"] == {c: 2 for c in SIX}


@pytest.mark.parametrize(("argv", "message"), [
    (["--order", "A,B", "--meetings", "3", "--skip", "4:A"], "--skip 4:A: meeting 4 is not between 1 and 3"),
    (["--order", "A,B", "--meetings", "3", "--skip", "2:C"], "--skip 2:C: C is not in --order"),
    (["--order", "A,B", "--meetings", "3", "--skip", "2"], "--skip: '2' should be MEETING:COUNCILS"),
    (["--order", "A,,B", "--meetings", "3"], "--order: 'A,,B' has an empty council name"),
    (["--order", "A,A", "--meetings", "3"], "order: A appears twice"),
    (["--order", "A,B", "--meetings", "3", "--history", "A,Z"], "--history: Z is not in --order"),
    (["--order", "A,B", "--meetings", "3", "--start", "15/01/2026"], "--start: '15/01/2026' is not a date"),
    (["--order", "A,B", "--meetings", "2", "--start", "2026-01-15", "--skip", "2026-01-16:A"], "no meeting falls on 2026-01-16"),
    (["--order", "A,B", "--meetings", "-1"], "--meetings: give 0 or more"),
    (["--order", "A,B", "--meetings", "two"], "argument --meetings: invalid int value"),
])
def test_bad_command_lines_exit_2_naming_the_argument(argv, message, capsys):
    with pytest.raises(SystemExit) if "invalid int" in message else _nothing():
        code = main(["rotation", *argv])
        assert code == 2
    assert message in capsys.readouterr().err


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_the_command_line_runs_as_a_module():
    completed = subprocess.run([sys.executable, "-m", "partnering.meetings", "rotation", "--order", "A,B,C", "--meetings", "3",
                                "--skip", "1:A"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    assert [row["host"] for row in json.loads(completed.stdout)["hosts"]] == ["B", "A", "C"]
