import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering.costs.engine.entitlements import run
from partnering.costs.engine.money import SpecError, to_pence

from .helpers import cli

SIX = ["Bolton", "Bury", "Oldham", "Rochdale", "Salford", "Wigan"]


def north_west():
    return {"pool_days": "14", "cap_days": "3", "councils": SIX,
            "drawdowns": [{"council": c, "days": d} for c, d in
                          zip(SIX, ["3", "3", "3", "2", "2", "1"], strict=True)] + [{"council": "Bolton", "days": "1"}],
            "one_to_one": [{"council": "Wigan", "days": "1"}],
            "groups": [{"id": "Workforce", "days": "4", "members": ["Bolton", "Bury", "Oldham"]},
                       {"id": "Procurement", "days": "3", "members": ["Bolton", "Rochdale"],
                        "weights": {"Bolton": "2", "Rochdale": "1"}},
                       {"id": "Digital", "days": "2", "members": ["Bury", "Oldham", "Salford"]}]}


def test_north_west_pooled_support(tmp_path):
    rc, out, _ = cli("entitlements", north_west(), tmp_path)
    assert rc == 0
    assert out["drawn"] == "14.00" and out["undrawn"] == "0.00"
    assert out["refused"] == [{"drawdown": 6, "council": "Bolton", "days": "1.00",
                               "reason": "over the cap of 3.00 days (already drawn 3.00)"}]
    # 4 days among three: 1.34, 1.33, 1.33; 3 days weighted 2:1; 2 days among three: 0.67, 0.67, 0.66
    assert out["groups"]["Workforce"]["shares"] == {"Bolton": "1.34", "Bury": "1.33", "Oldham": "1.33"}
    assert out["groups"]["Procurement"]["shares"] == {"Bolton": "2.00", "Rochdale": "1.00"}
    assert out["groups"]["Digital"]["shares"] == {"Bury": "0.67", "Oldham": "0.67", "Salford": "0.66"}
    assert out["councils"]["Bolton"] == {"entitlement": "3.00", "one_to_one": "0.00", "groups": "3.34",
                                         "used": "3.34", "balance": "-0.34"}
    assert out["councils"]["Wigan"] == {"entitlement": "1.00", "one_to_one": "1.00", "groups": "0.00",
                                        "used": "1.00", "balance": "0.00"}
    assert out["overused"] == ["Bolton"]
    assert list(out["councils"]) == SIX


def test_pool_exhausted_refused():
    out = run({"pool_days": "2", "councils": ["A", "B"],
               "drawdowns": [{"council": "A", "days": "2"}, {"council": "B", "days": "1"}]})
    assert out["refused"][0]["council"] == "B" and "pool" in out["refused"][0]["reason"]


@given(st.integers(0, 10000), st.lists(st.integers(0, 5), min_size=1, max_size=8))
def test_group_shares_sum_exactly(days, weights):
    if sum(weights) == 0:
        weights[0] = 1
    members = [f"C{i}" for i in range(len(weights))]
    out = run({"pool_days": "0", "councils": members,
               "groups": [{"id": "G", "days": f"{days // 100}.{days % 100:02d}", "members": members,
                           "weights": {m: w for m, w in zip(members, weights, strict=True)}}]})
    assert sum(to_pence(v, "s") for v in out["groups"]["G"]["shares"].values()) == days


BAD = [
    ({"councils": ["A"]}, "pool_days: missing"),
    ({"pool_days": "1"}, "councils"),
    ({"pool_days": "1", "councils": ["A", "A"]}, "councils[1]"),
    ({"pool_days": "1", "councils": ["A"], "drawdowns": [{"council": "B", "days": "1"}]}, "drawdowns[0].council"),
    ({"pool_days": "1", "councils": ["A"], "drawdowns": [{"council": "A"}]}, "drawdowns[0] (A).days"),
    ({"pool_days": "1", "councils": ["A"], "drawdowns": [{"council": "A", "days": "0"}]}, "drawdowns[0] (A).days"),
    ({"pool_days": "1", "councils": ["A"], "one_to_one": [{"council": "A", "days": "-1"}]}, "one_to_one[0] (A).days"),
    ({"pool_days": "1", "councils": ["A"], "groups": [{"days": "1", "members": ["A"]}]}, "groups[0].id"),
    ({"pool_days": "1", "councils": ["A"], "groups": [{"id": "G", "days": "1", "members": ["B"]}]},
     "groups[0] (G).members[0]"),
    ({"pool_days": "1", "councils": ["A", "B"], "groups": [{"id": "G", "days": "1", "members": ["A", "B"],
                                                            "weights": {"A": 1}}]}, "no weight for member B"),
    ({"pool_days": "1", "councils": ["A"], "groups": [{"id": "G", "members": ["A"]}]}, "groups[0] (G).days"),
    ({"pool_days": "1", "councils": ["A"], "pool": 1}, "pool: unknown field"),
]


@pytest.mark.parametrize("bad,message", BAD)
def test_bad_spec(bad, message):
    with pytest.raises(SpecError) as e:
        run(bad)
    assert message in str(e.value)


def test_bad_spec_exits_2(tmp_path):
    rc, _, err = cli("entitlements", BAD[3][0], tmp_path)
    assert rc == 2 and "drawdowns[0].council" in err
