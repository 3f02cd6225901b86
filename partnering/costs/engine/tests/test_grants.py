from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering.costs.engine.grants import financial_year, statement
from partnering.costs.engine.money import SpecError, to_pence

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


# --- Profiles, re-profiling, claims and warnings ----------------------------------------------------

SCHOOLS_ICT = {
    "funders": [{"id": "RCT", "awarded": "2445600.00"}, {"id": "MTCBC", "awarded": "611400.00"}],
    "profile": [{"year": "2013/14", "amount": "1019000.00"}, {"year": "2014/15", "amount": "1019000.00"},
                {"year": "2015/16", "amount": "1019000.00"}],
    "amendments": [
        {"funder": "RCT", "date": "2015-02-01", "change": "-407600.00", "year": "2015/16", "reason": "third year halved"},
        {"funder": "MTCBC", "date": "2015-02-01", "change": "-101900.00", "year": "2015/16", "reason": "third year halved"},
        {"funder": "RCT", "date": "2015-05-01", "change": "80000.00", "year": "2015/16", "reason": "restored on appeal"},
        {"funder": "MTCBC", "date": "2015-05-01", "change": "20000.00", "year": "2015/16", "reason": "restored on appeal"},
    ],
}


def test_the_third_years_funding_halved_and_100000_restored_on_appeal_moves_the_award_and_that_years_profile():
    out = statement(SCHOOLS_ICT)
    # 3,057,000 - 509,500 + 100,000
    assert out["total_awarded"] == "2647500.00"
    assert out["awarded"] == {"RCT": "2118000.00", "MTCBC": "529500.00"}
    assert out["by_year"]["2015/16"]["profiled"] == "609500.00"
    assert out["by_year"]["2013/14"]["profiled"] == "1019000.00"
    assert out["total_profiled"] == "2647500.00"


def test_reprofiling_moves_planned_spend_between_years_and_keeps_the_total():
    spec = {**SCHOOLS_ICT, "reprofiles": [{"date": "2014-01-10", "from_year": "2013/14", "to_year": "2014/15",
                                           "amount": "19000.00", "reason": "installation slipped"}],
            "spend": [{"date": "2013-09-30", "amount": "900000.00", "kind": "capital"}]}
    out = statement(spec)
    assert out["by_year"]["2013/14"]["profiled"] == "1000000.00"
    assert out["by_year"]["2014/15"]["profiled"] == "1038000.00"
    assert out["by_year"]["2013/14"]["variance"] == "100000.00"
    assert out["total_profiled"] == "2647500.00"


@pytest.mark.parametrize("change, message", [
    ({"reprofiles": [{"date": "2014-01-10", "from_year": "2013/14", "to_year": "2013/14", "amount": "1.00", "reason": "x"}]},
     "reprofiles[0].to_year: the same year as from_year"),
    ({"reprofiles": [{"date": "2014-01-10", "from_year": "2013/14", "to_year": "2014/15", "amount": "1.00"}]},
     "reprofiles[0].reason: missing"),
    ({"reprofiles": [{"date": "2014-01-10", "from_year": "2013/14", "to_year": "2014/15", "amount": "2000000.00", "reason": "x"}]},
     "2013/14's planned spend goes below zero"),
    ({"profile": [{"year": "2013-14", "amount": "1.00"}]}, "profile[0].year: not a financial year like 2013/14"),
    ({"profile": [{"year": "2013/14", "amount": "1.00"}, {"year": "2013/14", "amount": "1.00"}]}, "profile[1].year: 2013/14 appears twice"),
    ({"claims": [{"funder": "EU", "date": "2014-01-10", "amount": "1.00"}]}, "claims[0].funder: 'EU' is not one of the funders"),
])
def test_a_bad_profile_reprofiling_or_claim_is_refused_naming_the_field(change, message):
    with pytest.raises(SpecError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[").replace("]", r"\]")):
        statement({**SCHOOLS_ICT, **change})


def test_claims_show_what_is_left_to_claim_and_who_was_claimed_beyond_their_award():
    out = statement({"funders": FUNDERS, "claims": [{"funder": "ESF", "date": "2013-07-15", "amount": "100000.00"},
                                                    {"funder": "WLGA", "date": "2013-07-15", "amount": "70000.00"}]})
    assert out["claimed"] == {"ESF": "100000.00", "WLGA": "70000.00"}
    assert out["claimed_total"] == "170000.00"
    assert out["still_to_claim"] == {"ESF": "44933.00", "WLGA": "0.00"}
    assert out["over_claimed"] == {"WLGA": "233.00"}


def test_without_a_profile_or_claims_the_statement_has_none_of_their_figures():
    out = statement({"funders": FUNDERS})
    assert "total_profiled" not in out and "claimed" not in out


def test_warnings_before_and_after_the_end_date():
    from partnering.costs.engine.grants import warnings

    spec = {"funders": FUNDERS, "end_date": "2014-12-31",
            "spend": [{"date": "2013-04-30", "amount": "179456.00", "kind": "revenue"},
                      {"date": "2015-01-05", "amount": "10.00", "kind": "revenue"}],
            "profile": [{"year": "2013/14", "amount": "200000.00"}, {"year": "2014/15", "amount": "14700.00"}]}
    out = statement(spec)
    early = [w["code"] for w in warnings(spec, out, date(2014, 6, 1))]
    assert early == ["spend_after_end", "under_profile"]  # the end is 213 days off: no "ends soon" yet
    soon = warnings(spec, out, date(2014, 11, 1))
    assert soon[0] == {"code": "ends_soon", "end_date": "2014-12-31", "days_left": "60", "amount": "35244.00"}
    after = warnings(spec, out, date(2015, 1, 10))
    assert after[0]["code"] == "ended_with_underspend" and after[0]["return"] == {"ESF": "23791.42", "WLGA": "11452.58"}
