import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnering.costs.engine.apportion import Party, apportion, run
from partnering.costs.engine.money import SpecError, largest_remainder

from .helpers import ROOT, cli

pence = st.integers(min_value=0, max_value=10**10)
measures = st.decimals(min_value="0.01", max_value="100000", places=2)


def spec(total, basis, parties, **kw):
    return {"total": total, "basis": basis, "parties": parties, **kw}


def test_studies_schools_ict_80_20(tmp_path):
    rc, out, _ = cli("apportion", spec("3057000.00", "fixed",
                                        [{"id": "RCT", "share": "80"}, {"id": "MTCBC", "share": "20"}]), tmp_path)
    assert rc == 0
    assert out == {"total": "3057000.00", "allocations": {"RCT": "2445600.00", "MTCBC": "611400.00"}}
    assert list(out["allocations"]) == ["RCT", "MTCBC"]


def test_equal_remainder_goes_by_party_order():
    out = run(spec("100.00", "equal", [{"id": "A"}, {"id": "B"}, {"id": "C"}]))
    assert out["allocations"] == {"A": "33.34", "B": "33.33", "C": "33.33"}


def test_pro_rata_hand_worked():
    # headcounts 3, 5, 12 of 20: 10.00 -> 1.50, 2.50, 6.00
    out = run(spec("10.00", "pro_rata", [{"id": "A", "measure": "3"}, {"id": "B", "measure": "5"},
                                         {"id": "C", "measure": "12"}]))
    assert out["allocations"] == {"A": "1.50", "B": "2.50", "C": "6.00"}
    # 1.00 by 1:1:1:... largest remainders: 100/7 = 14.2857 each, 2p over -> first two
    out = run(spec("1.00", "pro_rata", [{"id": str(i), "measure": "2.5"} for i in range(7)]))
    assert list(out["allocations"].values()) == ["0.15", "0.15"] + ["0.14"] * 5


def test_largest_remainder_not_order_when_remainders_differ():
    # 0.10 split 1:2 -> 3.33p, 6.67p -> 3p, 7p (the larger remainder gets the penny)
    out = run(spec("0.10", "pro_rata", [{"id": "A", "measure": 1}, {"id": "B", "measure": 2}]))
    assert out["allocations"] == {"A": "0.03", "B": "0.07"}


def test_usage_zero_allowed():
    out = run(spec("90.00", "usage", [{"id": "A", "units": 0}, {"id": "B", "units": 1}, {"id": "C", "units": 2}]))
    assert out["allocations"] == {"A": "0.00", "B": "30.00", "C": "60.00"}


def test_hybrid_hand_worked():
    # 1000: 30% equal (300 -> 150/150), 70% pro rata 1:3 (700 -> 175/525)
    out = run(spec("1000.00", "hybrid", [{"id": "A", "measure": 1}, {"id": "B", "measure": 3}],
                   parts=[{"basis": "equal", "weight": "30"}, {"basis": "pro_rata", "weight": "70"}]))
    assert out["allocations"] == {"A": "325.00", "B": "675.00"}


def test_cap_redistributes_by_same_basis_repeatedly():
    # 100 by 1:2:3 -> 16.67, 33.33, 50; C capped at 40 -> 60 left by 1:2 -> 20, 40; B capped 35 -> A 25
    out = run(spec("100.00", "pro_rata", [{"id": "A", "measure": 1}, {"id": "B", "measure": 2, "cap": "35"},
                                          {"id": "C", "measure": 3, "cap": "40"}]))
    assert out["allocations"] == {"A": "25.00", "B": "35.00", "C": "40.00"}


def test_floor():
    out = run(spec("100.00", "pro_rata", [{"id": "A", "measure": 1, "floor": "30"}, {"id": "B", "measure": 9}]))
    assert out["allocations"] == {"A": "30.00", "B": "70.00"}


def test_hybrid_with_cap():
    out = run(spec("1000.00", "hybrid", [{"id": "A", "measure": 1}, {"id": "B", "measure": 3, "cap": "600"}],
                   parts=[{"basis": "equal", "weight": "30"}, {"basis": "pro_rata", "weight": "70"}]))
    assert out["allocations"] == {"A": "400.00", "B": "600.00"}


BAD = [
    (spec("100", "fixed", [{"id": "A", "share": "80"}, {"id": "B", "share": "10"}]), "share"),
    (spec("100", "fixed", [{"id": "A", "share": "80"}, {"id": "B"}]), "parties[1] (B): missing 'share'"),
    (spec("100", "pro_rata", [{"id": "A", "measure": "0"}]), "parties[0] (A).measure"),
    (spec("100", "pro_rata", [{"id": "A", "measure": "-1"}]), "parties[0] (A).measure"),
    (spec("100", "usage", [{"id": "A", "units": 0}]), "units"),
    (spec("100", "usage", [{"id": "A", "units": -1}]), "parties[0] (A).units"),
    (spec("100", "usage", [{"id": "A"}]), "parties[0] (A): missing 'units'"),
    (spec("100.001", "equal", [{"id": "A"}]), "total"),
    (spec("-1", "equal", [{"id": "A"}]), "total"),
    (spec("abc", "equal", [{"id": "A"}]), "total"),
    ({"basis": "equal", "parties": [{"id": "A"}]}, "total: missing"),
    (spec("1", "weird", [{"id": "A"}]), "basis"),
    (spec("1", "equal", []), "parties"),
    (spec("1", "equal", [{"id": "A"}, {"id": "A"}]), "parties[1].id"),
    (spec("1", "equal", [{"name": "A"}]), "parties[0].id"),
    (spec("1", "equal", [{"id": "A", "shares": 1}]), "parties[0] (A): unknown field 'shares'"),
    (spec("1", "equal", [{"id": "A"}], extra=1), "extra: unknown field"),
    (spec("100", "equal", [{"id": "A", "cap": "10"}, {"id": "B", "cap": "10"}]), "cap"),
    (spec("100", "equal", [{"id": "A", "floor": "60"}, {"id": "B", "floor": "50"}]), "floor"),
    (spec("100", "equal", [{"id": "A", "floor": "60", "cap": "50"}, {"id": "B"}]), "parties[0] (A): floor"),
    (spec("100", "equal", [{"id": "A", "cap": "1.005"}]), "parties[0] (A).cap"),
    (spec("100", "hybrid", [{"id": "A", "measure": 1}]), "parts"),
    (spec("100", "hybrid", [{"id": "A", "measure": 1}], parts=[{"basis": "equal", "weight": 50}]), "parts"),
    (spec("100", "hybrid", [{"id": "A", "measure": 1}], parts=[{"basis": "hybrid", "weight": 100}]), "parts[0].basis"),
    (spec("100", "hybrid", [{"id": "A"}], parts=[{"basis": "pro_rata", "weight": 100}]), "parties[0] (A): missing 'measure'"),
    (spec("100", "hybrid", [{"id": "A"}], parts=[{"basis": "equal"}]), "parts[0].weight"),
    (spec("100", "equal", [{"id": "A"}], parts=[]), "parts"),
    ([1, 2], "spec"),
]


@pytest.mark.parametrize("bad,message", BAD)
def test_bad_spec_raises_naming_the_field(bad, message):
    with pytest.raises(SpecError) as e:
        run(bad)
    assert message in str(e.value)


@pytest.mark.parametrize("bad,message", [BAD[1], BAD[7], BAD[17]])
def test_bad_spec_exits_2(bad, message, tmp_path):
    rc, _, err = cli("apportion", bad, tmp_path)
    assert rc == 2 and message in err


def test_not_json_and_missing_file_exit_2(tmp_path):
    rc, _, err = cli("apportion", "{nope", tmp_path)
    assert rc == 2 and "not valid JSON" in err
    proc = subprocess.run([sys.executable, "-m", "partnering.costs", "apportion", str(tmp_path / "none.json")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "cannot read" in proc.stderr


@settings(max_examples=200, deadline=None)
@given(pence, st.lists(measures, min_size=1, max_size=6), st.integers(0, 100), st.data())
def test_hybrid_properties(total, ms, w, data):
    parties = [Party(f"P{i}", measure=Fraction(m)) for i, m in enumerate(ms)]
    parts = [("equal", Fraction(w)), ("pro_rata", Fraction(100 - w))]
    a = apportion(total, "hybrid", parties, parts)
    assert sum(a) == total and all(x >= 0 for x in a) and a == apportion(total, "hybrid", parties, parts)
    # exact hybrid share within a penny per part of each party's allocation
    s = sum(Fraction(m) for m in ms)
    for p, x in zip(parties, a, strict=True):
        exact = Fraction(total) * (Fraction(w, 100) / len(ms) + Fraction(100 - w, 100) * p.measure / s)
        assert abs(x - exact) < 3
    # with a feasible cap on the first party
    cap = data.draw(st.integers(0, total))
    parties[0].cap = cap
    if len(parties) > 1:
        b = apportion(total, "hybrid", parties, parts)
        assert sum(b) == total and b[0] <= cap and all(x >= 0 for x in b)


# --- properties -------------------------------------------------------------



@st.composite
def cases(draw):
    n = draw(st.integers(1, 8))
    total = draw(pence)
    basis = draw(st.sampled_from(["equal", "pro_rata", "usage"]))
    parties = []
    for i in range(n):
        p = Party(f"P{i}", measure=Fraction(draw(measures)), units=Fraction(draw(st.integers(0, 50))))
        parties.append(p)
    if basis == "usage" and all(p.units == 0 for p in parties):
        parties[0].units = Fraction(1)
    # caps and floors drawn, then kept only if feasible
    for p in parties:
        if draw(st.booleans()):
            p.cap = draw(st.integers(0, total))
        if draw(st.booleans()):
            p.floor = draw(st.integers(0, max(0, total // n)))
            if p.cap is not None and p.floor > p.cap:
                p.floor = p.cap
    return total, basis, parties


@settings(max_examples=300, deadline=None)
@given(cases())
def test_split_sums_exactly_nonnegative_respects_limits_and_is_stable(case):
    total, basis, parties = case
    try:
        a = apportion(total, basis, parties)
    except SpecError as e:
        # only limits that cannot be met are refused
        assert "cap" in str(e) or "floor" in str(e)
        floors = sum(p.floor or 0 for p in parties)
        zero = [basis == "usage" and p.units == 0 for p in parties]
        if all(p.cap is not None or z for p, z in zip(parties, zero, strict=True)):
            reachable = sum((p.floor or 0) if z else p.cap for p, z in zip(parties, zero, strict=True))
        else:
            reachable = None
        assert floors > total or (reachable is not None and reachable < total)
        return
    assert sum(a) == total
    assert all(x >= 0 for x in a)
    for p, x in zip(parties, a, strict=True):
        assert p.cap is None or x <= p.cap
        assert p.floor is None or x >= p.floor
    assert apportion(total, basis, parties) == a


@given(pence, st.integers(1, 12), measures)
def test_equal_measures_equal_shares(total, n, m):
    for basis in ("equal", "pro_rata"):
        a = apportion(total, basis, [Party(str(i), measure=Fraction(m)) for i in range(n)])
        assert max(a) - min(a) <= 1 and sum(a) == total


@given(st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=10))
def test_largest_remainder_sums(targets):
    total = int(sum(targets)) + 1
    targets = targets + [total - sum(targets)]
    r = largest_remainder(total, targets)
    assert sum(r) == total and all(abs(x - t) < 1 for x, t in zip(r, targets, strict=True))


@given(pence, st.integers(0, 100))
def test_fixed_two_way(total, share):
    a = apportion(total, "fixed", [Party("A", share=Fraction(share)), Party("B", share=Fraction(100 - share))])
    assert sum(a) == total and abs(a[0] - Fraction(total * share, 100)) < 1
