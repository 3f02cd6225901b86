from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering.costs.grants import financial_year, statement
from partnering.costs.money import SpecError, to_pence

from .helpers import cli

FUNDERS = [{"id": "ESF", "awarded": "144933.00"}, {"id": "WLGA", "awarded": "69767.00"}]


def test_north_wales_underspend_returned_pro_rata_exact(tmp_path):
    spec = {"funders": FUNDERS,
            "spend": [{"date": "2013-04-30", "amount": "100000.00", "kind": "revenue"},
                      {"date": "2014-04-30", "amount": "79456.00", "kind": "capital"},
                      {"date": "2015-01-30", "amount": "500.00", "kind": "capital"}],
            "in_kind": [{"party": "Denbighshire", "date": "2013-05-31", "days": "4", "day_rate": "300.00"}],
            "end_date": "2014-12-31"}
    rc, out, _ = cli("grant", spec, tmp_path)
    assert rc == 0
    assert out["total_awarded"] == "214700.00"
    assert out["spent"] == "179456.00"
    assert out["underspend"] == "35244.00" and "overspend" not in out
    # 35244 x 144933/214700 = 23791.4236..., x 69767/214700 = 11452.5763...
    assert out["return"] == {"ESF": "23791.42", "WLGA": "11452.58"}
    # spend after the end date listed separately, never claimable
    assert out["spent_after_end"] == "500.00"
    assert out["spend_after_end"] == [{"date": "2015-01-30", "amount": "500.00", "kind": "capital"}]
    assert out["by_kind"] == {"revenue": {"spent": "100000.00", "spent_after_end": "0.00"},
                              "capital": {"spent": "79456.00", "spent_after_end": "500.00"}}
    assert out["in_kind"] == {"Denbighshire": "1200.00"} and out["in_kind_total"] == "1200.00"
    assert out["by_year"] == {
        "2013/14": {"spent": "100000.00", "revenue": "100000.00", "capital": "0.00",
                    "spent_after_end": "0.00", "in_kind": "1200.00"},
        "2014/15": {"spent": "79456.00", "revenue": "0.00", "capital": "79456.00",
                    "spent_after_end": "500.00", "in_kind": "0.00"}}


def test_amendments_change_awards_and_returns():
    spec = {"funders": [{"id": "A", "awarded": "1000.00"}, {"id": "B", "awarded": "1000.00"}],
            "amendments": [{"funder": "A", "date": "2013-09-01", "change": "-500.00", "reason": "cut"},
                           {"funder": "B", "date": "2013-10-01", "change": "200.00", "reason": "uplift"}],
            "spend": [{"date": "2013-05-01", "amount": "1000.00", "kind": "revenue"}]}
    out = statement(spec)
    assert out["awarded"] == {"A": "500.00", "B": "1200.00"}
    assert out["total_awarded"] == "1700.00" and out["underspend"] == "700.00"
    # 700 x 5/17 = 205.88.., 700 x 12/17 = 494.11..
    assert out["return"] == {"A": "205.88", "B": "494.12"}


def test_schools_ict_third_year_halved_and_restored():
    spec = {"funders": [{"id": "Y3", "awarded": "1019000.00"}],
            "amendments": [{"funder": "Y3", "date": "2015-04-01", "change": "-509500.00", "reason": "halved"},
                           {"funder": "Y3", "date": "2015-07-01", "change": "100000.00", "reason": "appeal"}]}
    assert statement(spec)["awarded"] == {"Y3": "609500.00"}


def test_overspend():
    spec = {"funders": [{"id": "A", "awarded": "100.00"}],
            "spend": [{"date": "2013-05-01", "amount": "150.00", "kind": "revenue"}]}
    out = statement(spec)
    assert out["overspend"] == "50.00" and "underspend" not in out and out["return"] == {"A": "0.00"}


def test_spend_on_end_date_is_claimable():
    spec = {"funders": [{"id": "A", "awarded": "100.00"}], "end_date": "2014-12-31",
            "spend": [{"date": "2014-12-31", "amount": "10.00", "kind": "revenue"}]}
    assert statement(spec)["spent"] == "10.00"


def test_financial_years():
    assert financial_year(date(2013, 4, 1)) == "2013/14"
    assert financial_year(date(2014, 3, 31)) == "2013/14"
    assert financial_year(date(1999, 12, 1)) == "1999/00"


def test_in_kind_value_and_rounding():
    spec = {"funders": [{"id": "A", "awarded": "0"}],
            "in_kind": [{"party": "X", "date": "2013-05-01", "days": "0.5", "day_rate": "300.01"},
                        {"party": "X", "date": "2013-06-01", "value": "10.00"}]}
    out = statement(spec)
    assert out["in_kind"] == {"X": "160.01"} and out["underspend"] == "0.00"


@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=6), st.integers(0, 10**9))
def test_returns_sum_exactly_to_underspend(awards, spent):
    spec = {"funders": [{"id": f"F{i}", "awarded": str(a / 100)} for i, a in enumerate(awards)],
            "spend": [{"date": "2013-05-01", "amount": f"{spent // 100}.{spent % 100:02d}", "kind": "capital"}]}
    out = statement(spec)
    returned = sum(to_pence(v, "r") for v in out["return"].values())
    if "underspend" in out:
        assert returned == to_pence(out["underspend"], "u")
    else:
        assert returned == 0


def ok(**kw):
    spec = {"funders": [{"id": "ESF", "awarded": "100.00"}]}
    spec.update(kw)
    return spec


BAD = [
    ({}, "funders: missing"),
    ({"funders": []}, "funders"),
    ({"funders": [{"awarded": "1"}]}, "funders[0].id"),
    ({"funders": [{"id": "ESF"}]}, "funders[0] (ESF).awarded: missing"),
    ({"funders": [{"id": "ESF", "awarded": "-1"}]}, "funders[0] (ESF).awarded"),
    ({"funders": [{"id": "ESF", "awarded": "1"}, {"id": "ESF", "awarded": "1"}]}, "funders[1].id"),
    (ok(amendments=[{"funder": "EU", "date": "2013-01-01", "change": "1", "reason": "x"}]), "amendments[0].funder"),
    (ok(amendments=[{"funder": "ESF", "date": "2013-01-01", "change": "1"}]), "amendments[0] (ESF).reason"),
    (ok(amendments=[{"funder": "ESF", "date": "2013-13-01", "change": "1", "reason": "x"}]), "amendments[0] (ESF).date"),
    (ok(amendments=[{"funder": "ESF", "date": "2013-01-01", "change": "-101", "reason": "x"}]), "amendments[0] (ESF).change"),
    (ok(spend=[{"date": "2013-01-01", "amount": "1"}]), "spend[0].kind"),
    (ok(spend=[{"date": "2013-01-01", "kind": "revenue"}]), "spend[0].amount"),
    (ok(spend=[{"amount": "1", "kind": "revenue"}]), "spend[0].date"),
    (ok(spend=[{"date": "2013-01-01", "amount": "1.001", "kind": "revenue"}]), "spend[0].amount"),
    (ok(in_kind=[{"date": "2013-01-01", "value": "1"}]), "in_kind[0].party"),
    (ok(in_kind=[{"party": "D", "date": "2013-01-01", "days": "1"}]), "in_kind[0] (D).day_rate"),
    (ok(in_kind=[{"party": "D", "date": "2013-01-01", "days": "-1", "day_rate": "1"}]), "in_kind[0] (D).days"),
    (ok(end_date="soon"), "end_date"),
    (ok(extra=1), "extra: unknown field"),
]


@pytest.mark.parametrize("bad,message", BAD)
def test_bad_spec(bad, message):
    with pytest.raises(SpecError) as e:
        statement(bad)
    assert message in str(e.value)


def test_bad_spec_exits_2(tmp_path):
    rc, _, err = cli("grant", BAD[7][0], tmp_path)
    assert rc == 2 and "amendments[0] (ESF).reason" in err
