"""The results and benefits arithmetic against hand-worked cases, and its command line."""

import datetime
import json
import subprocess
import sys
from decimal import Decimal

import pytest

from partnering.programmes import results
from partnering.programmes.results import ResultsError

D = Decimal


def test_a_five_per_cent_cut_on_six_million_is_a_target_of_5_700_000_and_300000_is_the_same_target():
    # North Wales legal services: reduce net cost by at least 5% (£300,000) against the 2010/11 outturn of £6m.
    assert results.target_from_reduction(D("6000000"), percent=5) == D("5700000.00")
    assert results.target_from_reduction(D("6000000"), amount=D("300000")) == D("5700000")
    # With both given, the harder of the two: 5% of £7m is £350,000, more than £300,000.
    assert results.target_from_reduction(D("7000000"), percent=5, amount=300000) == D("6650000.00")


def test_a_lower_is_better_indicator_is_met_below_its_target_and_its_share_of_the_way_is_worked_out():
    p = results.progress(baseline=6000000, target=5700000, actual=5850000, ascending=False)
    assert p.change == D("-150000")
    assert p.change_percent == D("-2.50")
    assert p.share == D("0.500")  # half-way from £6m to £5.7m
    assert p.met is False
    assert results.progress(baseline=6000000, target=5700000, actual=5650000, ascending=False).met is True


def test_a_percentage_indicator_meets_95_at_96_and_not_at_94():
    assert results.progress(baseline=88, target=95, actual=96, measure="percentage").met is True
    assert results.progress(baseline=88, target=95, actual=94, measure="percentage").share == D("0.857")  # 6 of 7 points


def test_a_percentage_above_100_is_refused_naming_the_figure():
    with pytest.raises(ResultsError, match="actual: a percentage is between 0 and 100"):
        results.progress(baseline=88, target=95, actual=101, measure="percentage")


def test_a_qualitative_indicator_has_no_arithmetic():
    assert results.progress(baseline=None, target=None, actual=None, measure="qualitative") == results.Progress(None, None, None, None)


def test_a_figure_older_than_its_allowed_age_is_stale_and_an_undated_one_always_is():
    today = datetime.date(2026, 3, 31)
    assert results.stale(datetime.date(2026, 1, 1), today, 90) is False  # 89 days
    assert results.stale(datetime.date(2025, 12, 31), today, 90) is False  # 90 days: the limit itself
    assert results.stale(datetime.date(2025, 12, 30), today, 90) is True  # 91 days: past it
    assert results.stale(None, today, 90) is True


def test_cashable_savings_and_cost_avoidance_are_totalled_apart_and_only_the_labelled_total_mixes_them():
    totals = results.benefits([
        {"kind": "cashable", "planned": "300000", "realised": "120000.50"},
        {"kind": "cashable", "planned": "50000", "realised": None},
        {"kind": "avoidance", "planned": "200000", "realised": "80000"},
        {"kind": "non_cash", "description": "Resilience: cover across six councils"},
    ])
    assert totals.planned == {"cashable": D("350000"), "avoidance": D("200000")}
    assert totals.realised == {"cashable": D("120000.50"), "avoidance": D("80000")}
    assert totals.money_together_planned == D("550000")
    assert totals.non_cash == ["Resilience: cover across six councils"]
    assert "not all cash" in totals.as_dict()["money_together"]["label"]


def test_a_money_figure_on_a_non_cash_benefit_is_refused():
    with pytest.raises(ResultsError, match=r"benefits\[0\].planned: a non-cash benefit has no money figure"):
        results.benefits([{"kind": "non_cash", "planned": "10"}])


def test_risk_scores_and_the_boards_threshold():
    assert results.risk_score(4, 3) == 12
    assert results.above_threshold(4, 3, 12) is True
    assert results.above_threshold(3, 3, 12) is False
    with pytest.raises(ResultsError, match="impact: expected a whole number from 1 to 5"):
        results.risk_score(3, 6)


def test_milestone_states():
    today = datetime.date(2026, 3, 15)
    state = lambda **kw: results.milestone_state(today=today, **{"forecast": None, "actual": None, **kw})  # noqa: E731
    assert state(planned=datetime.date(2026, 3, 1), actual=datetime.date(2026, 2, 28)) == "done"
    assert state(planned=datetime.date(2026, 3, 1), actual=datetime.date(2026, 3, 2)) == "late_done"
    assert state(planned=datetime.date(2026, 3, 1)) == "missed"
    assert state(planned=datetime.date(2026, 6, 1), forecast=datetime.date(2026, 7, 1)) == "slipping"
    assert state(planned=datetime.date(2026, 4, 1)) == "due"
    assert state(planned=datetime.date(2026, 9, 1)) == "ahead"


def _cli(spec: str):
    return subprocess.run([sys.executable, "-m", "partnering.programmes", "results", "-"], input=spec, capture_output=True, text=True)


def test_the_command_line_prints_progress_and_benefits_as_json():
    spec = {"today": "2026-03-31", "max_age_days": 90,
            "indicators": [{"title": "Net cost", "baseline": 6000000, "target": 5700000, "actual": 5650000, "ascending": False,
                            "as_of": "2026-03-01"}],
            "benefits": [{"kind": "cashable", "planned": 100}, {"kind": "avoidance", "planned": 50}]}
    done = _cli(json.dumps(spec))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["indicators"][0] == {"title": "Net cost", "change": "-350000", "change_percent": "-5.83", "share": "1.167", "met": True,
                                    "stale": False}
    assert out["benefits"]["planned"] == {"cashable": "100.00", "avoidance": "50.00"}


def test_the_command_line_exits_2_naming_the_bad_field():
    done = _cli(json.dumps({"indicators": [{"baseline": "lots"}]}))
    assert done.returncode == 2
    assert "indicators[0].baseline: expected a number, got 'lots'" in done.stderr
