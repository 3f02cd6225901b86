
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnering.costs.engine.money import SpecError, fmt, to_pence
from partnering.costs.engine.shapley import run, shapley_exact, shapley_sampled

from .helpers import cli

THREE = {"councils": [{"id": "A", "alone": "100000.00"}, {"id": "B", "alone": "80000.00"},
                      {"id": "C", "alone": "60000.00"}],
         "coalitions": [{"members": ["A", "B"], "cost": "150000.00"},
                        {"members": ["A", "C"], "cost": "140000.00"},
                        {"members": ["B", "C"], "cost": "125000.00"},
                        {"members": ["A", "B", "C"], "cost": "190000.00"}]}


def test_hand_worked_three_councils(tmp_path):
    # savings game: v(AB)=30000, v(AC)=20000, v(BC)=15000, v(ABC)=50000
    # A: 30000/6 + 20000/6 + (50000-15000)/3 = 20000; B: 30000/6 + 15000/6 + 30000/3 = 17500; C: 12500
    rc, out, _ = cli("shapley", THREE, tmp_path)
    assert rc == 0
    assert out["method"] == "exact" and out["saving"] == "50000.00" and out["joint_cost"] == "190000.00"
    assert {c: r["saving"] for c, r in out["councils"].items()} == {"A": "20000.00", "B": "17500.00", "C": "12500.00"}
    assert out["councils"]["A"] == {"alone": "100000.00", "saving": "20000.00",
                                    "share_of_joint_cost": "80000.00", "better_off": True}


def test_agreed_rules():
    spec = {"councils": THREE["councils"], "joint_cost": "190000.00"}
    eq = run({**spec, "split": "equal"})
    assert [r["saving"] for r in eq["councils"].values()] == ["16666.67", "16666.67", "16666.66"]
    pr = run({**spec, "split": "proportional"})
    # 50000 x 100/240, 80/240, 60/240
    assert [r["saving"] for r in pr["councils"].values()] == ["20833.33", "16666.67", "12500.00"]


def test_grand_only_rule_is_equal_split():
    out = run({"councils": THREE["councils"], "joint_cost": "210000.00", "rule": "grand_only"})
    assert [r["saving"] for r in out["councils"].values()] == ["10000.00", "10000.00", "10000.00"]


def test_worse_off_is_shown():
    out = run({"councils": [{"id": "A", "alone": "100"}, {"id": "B", "alone": "100"}],
               "coalitions": [{"members": ["A", "B"], "cost": "250"}]})
    assert out["saving"] == "-50.00" and not out["councils"]["A"]["better_off"]
    assert out["councils"]["A"]["share_of_joint_cost"] == "125.00"


@st.composite
def games(draw):
    n = draw(st.integers(1, 5))
    vals = {0: 0}
    for mask in range(1, 1 << n):
        vals[mask] = draw(st.integers(-1000, 100000))
    return n, vals


@settings(max_examples=100, deadline=None)
@given(games())
def test_efficiency(game):
    n, vals = game
    assert sum(shapley_exact(n, vals.__getitem__)) == vals[(1 << n) - 1]


@settings(max_examples=100, deadline=None)
@given(games(), st.data())
def test_null_player(game, data):
    n, vals = game
    null = data.draw(st.integers(0, n - 1))
    bit = 1 << null
    for mask in range(1 << n):  # adding the null player never changes the value
        if mask & bit:
            vals[mask] = vals[mask & ~bit]
    assert shapley_exact(n, vals.__getitem__)[null] == 0


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 5), st.data())
def test_symmetry(n, data):
    # v depends only on how many of the others there are, and treats players 0 and 1 alike
    by_size = [0] + [data.draw(st.integers(-1000, 10**6)) for _ in range(n)]
    extra = data.draw(st.integers(0, 1000))

    def v(mask):
        return by_size[bin(mask).count("1")] + (extra if mask >> 2 & 1 else 0)
    phi = shapley_exact(n, v)
    assert phi[0] == phi[1]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 10**7), min_size=1, max_size=6), st.integers(0, 10**8))
def test_cli_shares_sum_exactly_to_joint_cost(alone, joint):
    spec = {"councils": [{"id": f"C{i}", "alone": fmt(a)} for i, a in enumerate(alone)],
            "joint_cost": fmt(joint), "rule": "proportional"}
    out = run(spec)
    assert sum(to_pence(r["share_of_joint_cost"], "s", allow_negative=True) for r in out["councils"].values()) == joint
    assert sum(to_pence(r["saving"], "s", allow_negative=True) for r in out["councils"].values()) == sum(alone) - joint


def test_sampled_is_repeatable_close_and_states_its_error():
    spec = {**THREE, "method": "sampled", "samples": 4000, "seed": 7}
    a, b = run(spec), run(spec)
    assert a == b and a["method"] == "sampled" and a["samples"] == 4000 and a["seed"] == 7
    exact = {"A": 20000, "B": 17500, "C": 12500}
    for c, row in a["councils"].items():
        se = float(row["standard_error"])
        assert 0 < se and abs(float(row["saving"]) - exact[c]) <= 4 * se + 0.01
    assert sum(to_pence(r["saving"], "s", allow_negative=True) for r in a["councils"].values()) == 5000000


def test_beyond_twelve_is_sampled():
    spec = {"councils": [{"id": f"C{i}", "alone": str(1000 * (i + 1))} for i in range(13)],
            "joint_cost": "70000", "rule": "proportional", "samples": 300}
    out = run(spec)
    assert out["method"] == "sampled" and out["seed"] == 0
    assert all("standard_error" in r for r in out["councils"].values())
    with pytest.raises(SpecError, match="method"):
        run({**spec, "method": "exact"})


def test_sampled_means_efficient_exactly():
    vals = {m: m * 37 % 1000 for m in range(16)}
    vals[0] = 0
    means, errors = shapley_sampled(4, vals.__getitem__, 50, 1)
    assert sum(means) == vals[15] and len(errors) == 4


C2 = [{"id": "A", "alone": "1"}, {"id": "B", "alone": "1"}]
BAD = [
    ({}, "councils"),
    ({"councils": [{"alone": "1"}]}, "councils[0].id"),
    ({"councils": [{"id": "A"}]}, "councils[0] (A).alone"),
    ({"councils": [{"id": "A", "alone": "-1"}]}, "councils[0] (A).alone"),
    ({"councils": C2 + [{"id": "A", "alone": "1"}]}, "councils[2].id"),
    ({"councils": C2}, "joint_cost: missing"),
    ({"councils": C2, "joint_cost": "1"}, "rule: missing"),
    ({"councils": C2, "joint_cost": "1", "rule": "magic"}, "rule"),
    ({"councils": C2, "joint_cost": "1", "split": "vote"}, "split"),
    ({"councils": C2, "coalitions": []}, "grand coalition"),
    ({"councils": C2, "coalitions": [{"members": ["A", "X"], "cost": "1"}]}, "coalitions[0].members[1]"),
    ({"councils": C2, "coalitions": [{"members": ["A"], "cost": "1"}]}, "coalitions[0].members"),
    ({"councils": C2, "coalitions": [{"members": ["A", "B"]}]}, "coalitions[0].cost"),
    ({"councils": C2 + [{"id": "C", "alone": "1"}],
      "coalitions": [{"members": ["A", "B", "C"], "cost": "1"}, {"members": ["A", "B"], "cost": "1"},
                     {"members": ["A", "C"], "cost": "1"}]}, "no cost for the coalition of B, C"),
    ({"councils": C2, "coalitions": [{"members": ["A", "B"], "cost": "1"}], "joint_cost": "1"}, "not both"),
    ({"councils": C2, "joint_cost": "1", "rule": "proportional", "method": "sampled", "samples": 1}, "samples"),
    ({"councils": C2, "joint_cost": "1", "rule": "proportional", "method": "guess"}, "method"),
    ({"councils": C2, "joint_cost": "1", "rule": "proportional", "budget": 1}, "budget: unknown field"),
]


@pytest.mark.parametrize("bad,message", BAD)
def test_bad_spec(bad, message):
    with pytest.raises(SpecError) as e:
        run(bad)
    assert message in str(e.value)


def test_bad_spec_exits_2(tmp_path):
    rc, _, err = cli("shapley", BAD[13][0], tmp_path)
    assert rc == 2 and "no cost for the coalition of B, C" in err
