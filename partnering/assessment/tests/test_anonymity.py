"""The pure anonymity core and the command line: hand-worked cases, and hypothesis proving that no hidden
group's count or mean can be solved from what is shown."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnering.assessment.anonymity import Cell, breakdown, counts_shown, hidden_groups, mean_text
from partnering.assessment.benchmark import BadFile, Response, benchmark, from_counts, read_responses

ROOT = Path(__file__).resolve().parents[3]


def rows(*data):
    return [Response(str(r), g, q, Decimal(s)) for r, g, q, s in data]


def test_a_mean_is_rounded_half_up_to_two_decimals():
    assert mean_text(Decimal(28) / 11) == "2.55"
    assert mean_text(Decimal("2.125")) == "2.13"
    assert mean_text(Decimal(3)) == "3.00"
    assert mean_text(None) is None


def test_the_2015_workforce_planning_counts_give_eleven_respondents_and_a_mean_of_2_55():
    # 4×1 + 3×2 + 1×3 + 0×4 + 3×5 = 28, over 11
    cell = from_counts({1: 4, 2: 3, 3: 1, 4: 0, 5: 3})
    assert (cell.n, mean_text(cell.mean)) == (11, "2.55")


def test_groups_at_or_above_the_minimum_are_shown_with_their_means():
    data = [(f"a{i}", "A", "Q", s) for i, s in enumerate([1, 2, 3, 4, 5])] + [(f"b{i}", "B", "Q", 4) for i in range(6)]
    result = benchmark(rows(*data), min_group=5)
    assert result["overall"] == {"Q": {"n": 11, "mean": "3.55"}}  # (15 + 24) / 11 = 3.545…
    assert result["groups"] == {"A": {"Q": {"n": 5, "mean": "3.00"}}, "B": {"Q": {"n": 6, "mean": "4.00"}}}


def test_one_small_group_hides_the_next_smallest_so_it_cannot_be_taken_from_the_total():
    data = ([(f"a{i}", "A", "Q", 2) for i in range(3)] + [(f"b{i}", "B", "Q", 4) for i in range(7)]
            + [(f"c{i}", "C", "Q", 5) for i in range(6)])
    result = benchmark(rows(*data), min_group=5)
    assert result["groups"]["A"]["Q"] == {"suppressed": True}
    assert result["groups"]["C"]["Q"] == {"suppressed": True}  # 6 is the next smallest
    assert result["groups"]["B"]["Q"] == {"n": 7, "mean": "4.00"}
    assert result["overall"]["Q"]["n"] == 16


def test_ties_for_the_next_smallest_group_are_broken_by_name():
    assert hidden_groups({"A": 2, "Zed": 6, "Bee": 6, "C": 9}, 5) == ({"A", "Bee"}, False)


def test_two_hidden_groups_with_fewer_than_the_minimum_between_them_hide_a_third():
    # 1 + 1 hidden would pin both counts at one each.
    assert hidden_groups({"A": 1, "B": 1, "C": 8, "D": 9}, 5) == ({"A", "B", "C"}, False)


def test_a_lone_small_group_hides_the_total():
    assert hidden_groups({"A": 3}, 5) == ({"A"}, True)
    assert breakdown({"A": Cell(3, Decimal(9))}, 5).overall is None


def test_a_group_with_nobody_answering_counts_as_small():
    assert hidden_groups({"A": 0, "B": 7, "C": 9}, 5) == ({"A", "B"}, False)


def test_the_minimum_group_can_never_be_set_below_three():
    with pytest.raises(ValueError):
        hidden_groups({"A": 3}, 2)


def test_counts_per_group_follow_the_same_rule():
    assert counts_shown({"North": 3, "South": 8, "West": 12}, 5) == {"North": None, "South": None, "West": 12}


def test_a_respondent_in_two_groups_is_a_bad_file_naming_the_row_and_column():
    with pytest.raises(BadFile) as error:
        read_responses(["respondent,group,question,score", "1,A,Q,3", "1,B,R,4"], "r.csv")
    assert str(error.value).startswith("r.csv, row 3, column group:")


# --- The command line --------------------------------------------------------------------------------


def cli(tmp_path, text, *args):
    path = tmp_path / "responses.csv"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "partnering.assessment", "benchmark", str(path), *args, "--json"],
                          capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, (json.loads(proc.stdout) if proc.returncode == 0 else None), proc.stderr


def test_the_command_line_prints_overall_and_groups_sorted_by_name(tmp_path):
    lines = ["respondent,group,question,score"]
    lines += [f"w{i},West,Q1,{s}" for i, s in enumerate([5, 4, 4, 3, 5])]
    lines += [f"e{i},East,Q1,{s}" for i, s in enumerate([2, 3, 3])]
    lines += [f"n{i},North,Q1,4" for i in range(5)]
    code, result, _ = cli(tmp_path, "\n".join(lines) + "\n", "--min-group", "3")
    assert code == 0
    assert list(result["groups"]) == ["East", "North", "West"]
    assert result["overall"] == {"Q1": {"n": 13, "mean": "3.77"}}  # (21 + 8 + 20) / 13
    assert result["groups"]["East"] == {"Q1": {"n": 3, "mean": "2.67"}}


@pytest.mark.parametrize("text, where", [
    ("respondent,group,score\n1,A,3\n", "row 1, column question"),
    ("respondent,group,question,score\n1,A,Q,three\n", "row 2, column score"),
    ("respondent,group,question,score\n1,A,Q,3\n2,,Q,4\n", "row 3, column group"),
    ("respondent,group,question,score\n1,A,Q,3\n1,A,Q,4\n", "row 3, column question"),
])
def test_a_bad_file_exits_2_naming_the_file_row_and_column(tmp_path, text, where):
    code, _, stderr = cli(tmp_path, text)
    assert code == 2
    assert "responses.csv" in stderr and where in stderr


def test_a_minimum_below_three_exits_2(tmp_path):
    code, _, stderr = cli(tmp_path, "respondent,group,question,score\n1,A,Q,3\n", "--min-group", "2")
    assert code == 2 and "--min-group" in stderr


# --- Nothing hidden can be solved ------------------------------------------------------------------------

groups_st = st.dictionaries(st.sampled_from(["Aber", "Bryn", "Caer", "Dyfi", "Ewen", "Ffos"]),
                            st.lists(st.integers(1, 5), min_size=0, max_size=12), min_size=1, max_size=6)


def responses_from(spec):
    """One question per spec key, each group's scores; the same respondents keep their group across questions."""
    out = []
    for q, per_group in spec.items():
        for group, scores in per_group.items():
            out += [Response(f"{group}-{i}", group, q, Decimal(s)) for i, s in enumerate(scores)]
    return out


def witness(counts, sums, g):
    """Another split of the hidden groups' respondents and score sums, with the same totals (so the same page),
    in which group g has a different count and a different mean: None if there is none."""
    others = [h for h in counts if h != g]
    if not others:
        return None
    donor = next((h for h in others if counts[h] >= 1), None)
    new_counts, new_sums = dict(counts), dict(sums)
    if counts[g] >= 1:  # g gives one respondent, with a score of its mean + 1, to another hidden group
        moved = sums[g] / counts[g] + 1
        new_counts[g] -= 1
        new_counts[others[0]] += 1
        new_sums[g] -= moved
        new_sums[others[0]] += moved
    elif donor is not None:  # g had nobody: it receives one respondent from a hidden group that had some
        new_counts[g], new_counts[donor] = 1, counts[donor] - 1
        new_sums[g], new_sums[donor] = Decimal(1), sums[donor] - 1
    else:
        return None
    return new_counts, new_sums


@settings(max_examples=400, deadline=None)
@given(spec=st.dictionaries(st.sampled_from(["Q1", "Q2", "Q3"]), groups_st, min_size=1, max_size=3), min_group=st.integers(3, 6))
def test_no_hidden_groups_count_or_mean_can_be_solved_from_what_is_shown(spec, min_group):
    responses = responses_from(spec)
    result = benchmark(responses, min_group)
    truth = {}
    for r in responses:
        truth.setdefault((r.question, r.group), []).append(r.score)
    for question, overall in result["overall"].items():
        groups = {g: shown[question] for g, shown in result["groups"].items()}
        for g, cell in groups.items():
            assert cell.get("suppressed") or cell["n"] >= min_group, f"{g} is shown with fewer than {min_group}"
        hidden = sorted(g for g, cell in groups.items() if cell.get("suppressed"))
        if overall.get("suppressed"):
            assert hidden == sorted(groups), "the total is hidden while some group is shown"
            continue
        assert overall["n"] >= min_group or not overall["n"], "a small total is shown"
        if not hidden:
            continue
        # The attacker's residual: the total minus every group shown.
        residual_n = overall["n"] - sum(groups[g]["n"] for g in groups if g not in hidden)
        counts = {g: len(truth.get((question, g), [])) for g in hidden}
        sums = {g: sum(truth.get((question, g), []), Decimal(0)) for g in hidden}
        assert residual_n == sum(counts.values()) >= min_group, "the hidden groups together are fewer than the minimum"
        for g in hidden:
            found = witness(counts, sums, g)
            assert found is not None, f"{g} is the only group hidden: the total minus the others gives it"
            new_counts, new_sums = found
            assert sum(new_counts.values()) == residual_n and sum(new_sums.values()) == sum(sums.values())
            assert min(new_counts.values()) >= 0
            assert new_counts[g] != counts[g]
            old_mean = sums[g] / counts[g] if counts[g] else None
            new_mean = new_sums[g] / new_counts[g] if new_counts[g] else None
            assert new_mean != old_mean or (new_mean is None and old_mean is None)


def test_area_means_leave_out_unscored_criteria():
    from partnering.assessment.scoring import area_means

    scores = {"a": Decimal(2), "b": Decimal(5), "c": None, "d": Decimal(1)}
    assert area_means(scores, {"a": "Pay", "b": "Pay", "c": "People", "d": "People"}) == {"Pay": "3.50", "People": "1.00"}


def test_criteria_below_the_threshold_are_weak_and_changes_have_a_direction():
    from partnering.assessment.scoring import changes, weak_criteria

    assert weak_criteria({"a": Decimal(2), "b": Decimal(3), "c": None}, Decimal(3)) == ["a"]
    found = {c.criterion: c.direction for c in changes({"a": Decimal(2), "b": Decimal(3)}, {"a": Decimal(4), "b": Decimal(3), "c": 1})}
    assert found == {"a": "up", "b": "same", "c": "new"}
