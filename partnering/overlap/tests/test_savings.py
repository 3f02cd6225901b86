import pytest

from partnering.overlap.savings import CO_DELIVERY, PROCUREMENT, SHARED_LICENCE, Assumptions, Line, opportunity


def test_hand_worked_joint_commissioning_saving():
    # 20 learners → 2 cohorts of 12; cohort prices £1,000, £900, £400 → median £900; 2 × £900 = £1,800 vs £2,300 today.
    lines = [Line("A", 10, 100_000, 1, "external", "Acme", accreditation="ILM"),
             Line("B", 6, 90_000, 1, "external", "Bravo", accreditation="ILM"),
             Line("C", 4, 40_000, 1, "external", "Acme", accreditation="ILM")]
    result = opportunity(lines, Assumptions(cohort_size=12))
    assert (result.learners, result.cohorts_needed, result.cost_per_cohort_pence) == (20, 2, 90_000)
    assert (result.spend_today_pence, result.joint_cost_pence, result.saving_pence) == (230_000, 180_000, 50_000)
    assert result.flags == [PROCUREMENT] and result.suppliers == ["Acme", "Bravo"]


def test_a_smaller_cohort_size_needs_more_cohorts_and_saves_less():
    lines = [Line("A", 10, 100_000, 1, "external"), Line("B", 6, 90_000, 1, "external"), Line("C", 4, 40_000, 1, "external")]
    result = opportunity(lines, Assumptions(cohort_size=5))
    assert result.cohorts_needed == 4 and result.joint_cost_pence == 360_000 and result.saving_pence == 0


def test_cost_per_cohort_comes_from_learners_when_sessions_are_missing():
    # £1,200 for 24 learners at 12 a cohort → 2 cohorts → £600 a cohort.
    result = opportunity([Line("A", 24, 120_000, None, "external"), Line("B", 12, 60_000, None, "external")])
    assert result.cost_per_cohort_pence == 60_000 and result.cohorts_needed == 3 and result.saving_pence == 0


def test_no_external_price_means_no_estimate():
    result = opportunity([Line("A", 10, 0, 1, "in-house"), Line("B", 8, 5_000, 1, "in-house")])
    assert result.cost_per_cohort_pence is None and result.saving_pence == 0
    assert result.flags == [CO_DELIVERY]


def test_elearning_bought_separately_is_a_shared_licence_candidate():
    result = opportunity([Line("A", 100, 50_000, None, "external", "Learning Pool", "e-learning"),
                          Line("B", 80, 40_000, None, "external", "Thinqi", "e-learning")])
    assert SHARED_LICENCE in result.flags and PROCUREMENT not in result.flags


def test_cohort_size_must_be_positive():
    with pytest.raises(ValueError):
        Assumptions(cohort_size=0)
