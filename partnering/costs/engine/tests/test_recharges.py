import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering.costs.engine.money import SpecError, to_pence
from partnering.costs.engine.recharges import run, settle

from .helpers import cli

FIXED_80_20 = {"from": "2013-04-01", "basis": "fixed", "parties": [{"id": "RCT", "share": "80"}, {"id": "MTCBC", "share": "20"}]}


def test_the_host_pays_and_invoices_its_partner_for_its_share(tmp_path):
    spec = {"councils": ["RCT", "MTCBC"], "bases": [FIXED_80_20],
            "costs": [{"date": "2013-06-30", "amount": "120000.00", "paid_by": "RCT"}]}
    rc, out, _ = cli("recharges", spec, tmp_path)
    assert rc == 0
    assert out["shares"] == {"RCT": "96000.00", "MTCBC": "24000.00"}
    assert out["paid"] == {"RCT": "120000.00", "MTCBC": "0.00"}
    assert out["balances"] == {"RCT": "-24000.00", "MTCBC": "24000.00"}
    assert out["recharges"] == [{"from": "MTCBC", "to": "RCT", "amount": "24000.00"}]


def test_a_change_of_basis_leaves_costs_before_it_on_the_old_basis():
    spec = {"councils": ["A", "B"],
            "bases": [{"from": "2014-04-01", "basis": "equal", "parties": [{"id": "A"}, {"id": "B"}]},
                      {"from": "2013-04-01", "basis": "fixed", "parties": [{"id": "A", "share": "75"}, {"id": "B", "share": "25"}]}],
            "costs": [{"date": "2014-03-31", "amount": "100.00", "paid_by": "A"},
                      {"date": "2014-04-01", "amount": "100.00", "paid_by": "A"}]}
    out = run(spec)
    assert [s["basis"] for s in out["segments"]] == ["fixed", "equal"]
    assert out["shares"] == {"A": "125.00", "B": "75.00"}


def test_the_period_takes_only_its_own_costs():
    spec = {"councils": ["A", "B"], "bases": [{"from": "2013-04-01", "basis": "equal", "parties": [{"id": "A"}, {"id": "B"}]}],
            "costs": [{"date": "2013-05-01", "amount": "10.00", "paid_by": "A"}, {"date": "2014-05-01", "amount": "30.00", "paid_by": "B"}],
            "period": {"from": "2014-04-01", "to": "2015-03-31"}}
    out = run(spec)
    assert out["total"] == "30.00" and out["paid"] == {"A": "0.00", "B": "30.00"}


def test_balances_below_the_tolerance_are_not_recharged():
    spec = {"councils": ["A", "B"], "bases": [{"from": "2013-04-01", "basis": "equal", "parties": [{"id": "A"}, {"id": "B"}]}],
            "costs": [{"date": "2013-05-01", "amount": "60.00", "paid_by": "A"}], "tolerance": "50.00"}
    out = run(spec)
    assert out["balances"] == {"A": "-30.00", "B": "30.00"}
    assert out["within_tolerance"] is True and out["recharges"] == []
    assert run({**spec, "tolerance": "30.00"})["recharges"] == [{"from": "B", "to": "A", "amount": "30.00"}]


@pytest.mark.parametrize("change, message", [
    ({"costs": [{"date": "2012-01-01", "amount": "1.00", "paid_by": "RCT"}]}, "costs[0].date: 2012-01-01 is before the first basis"),
    ({"costs": [{"date": "2013-05-01", "amount": "1.00", "paid_by": "Cardiff"}]}, "costs[0].paid_by: 'Cardiff' is not one of the councils"),
    ({"costs": [{"date": "2013-05-01", "amount": "1.001", "paid_by": "RCT"}]}, "costs[0].amount"),
    ({"bases": [{"from": "2013-04-01", "basis": "fixed", "parties": [{"id": "RCT", "share": "80"}, {"id": "MTCBC", "share": "30"}]}]},
     "bases[0] (from 2013-04-01)"),
    ({"bases": [{**FIXED_80_20, "parties": [{"id": "RCT", "share": "80"}, {"id": "Cardiff", "share": "20"}]}]},
     "Cardiff is not one of the councils"),
    ({"bases": [FIXED_80_20, FIXED_80_20]}, "two bases start on the same date"),
    ({"period": {"from": "2014-04-01", "to": "2014-03-31"}}, "period.to: before period.from"),
])
def test_a_bad_spec_is_refused_naming_the_field(change, message):
    spec = {"councils": ["RCT", "MTCBC"], "bases": [FIXED_80_20], **change}
    with pytest.raises(SpecError) as refusal:
        run(spec)
    assert message in str(refusal.value)


def test_a_bad_spec_exits_2_on_the_command_line(tmp_path):
    rc, _, err = cli("recharges", {"councils": []}, tmp_path)
    assert rc == 2 and "councils" in err


@given(st.lists(st.integers(min_value=-10**7, max_value=10**7), min_size=1, max_size=9))
def test_settling_brings_every_balance_to_zero_in_fewer_transfers_than_councils(values):
    values = values + [-sum(values)]
    balances = {f"C{i}": v for i, v in enumerate(values)}
    transfers = settle(balances)
    left = dict(balances)
    for payer, payee, amount in transfers:
        assert amount > 0 and balances[payer] > 0 and balances[payee] < 0
        left[payer] -= amount
        left[payee] += amount
    assert all(v == 0 for v in left.values())
    assert len(transfers) <= max(len([v for v in values if v]) - 1, 0)


@given(st.lists(st.integers(min_value=1, max_value=10**8), min_size=1, max_size=12), st.integers(min_value=2, max_value=6))
def test_shares_always_add_up_to_the_costs_and_balances_to_zero(amounts, n):
    councils = [f"C{i}" for i in range(n)]
    spec = {"councils": councils, "bases": [{"from": "2013-04-01", "basis": "equal", "parties": [{"id": c} for c in councils]}],
            "costs": [{"date": "2013-05-01", "amount": f"{a / 100:.2f}", "paid_by": councils[i % n]} for i, a in enumerate(amounts)]}
    out = run(spec)
    assert sum(to_pence(v, "s") for v in out["shares"].values()) == sum(amounts)
    assert sum(to_pence(v, "b", allow_negative=True) for v in out["balances"].values()) == 0
