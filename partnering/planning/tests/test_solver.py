import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnering.planning.optimiser import PlanningProblem, Problem, enumerate_best, evaluate, heuristic, solve


@st.composite
def small_problems(draw, capacitated=False, objective="total"):
    learners = draw(st.integers(1, 6 if capacitated else 12))
    venues = draw(st.integers(1, 6))
    # Whole kilometres make ties common, which is where a solver can slip.
    distances = np.array(draw(st.lists(st.lists(st.integers(0, 30), min_size=venues, max_size=venues),
                                       min_size=learners, max_size=learners)), dtype=float)
    weights = np.array(draw(st.lists(st.integers(1, 3), min_size=learners, max_size=learners)), dtype=float)
    k = draw(st.integers(1, venues + 1))
    capacities = None
    if capacitated:
        capacities = np.array(draw(st.lists(st.integers(0, 8), min_size=venues, max_size=venues)), dtype=float)
    return Problem(distances, k=k, weights=weights, capacities=capacities, objective=objective)


def feasible(problem):
    try:
        return enumerate_best(problem)
    except PlanningProblem:
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_the_solver_matches_enumeration_on_small_instances(problem):
    best = enumerate_best(problem)
    solution = solve(problem)
    assert solution.status == "optimal"
    assert solution.objective == pytest.approx(best.objective, abs=1e-6)
    assert solution.bound <= solution.objective + 1e-9 and solution.gap < 1e-6
    assert len(solution.venues) == min(problem.k, problem.distances.shape[1])
    travelled = problem.distances[np.arange(len(problem.distances)), solution.assignment]
    assert solution.total == pytest.approx(problem.weights @ travelled) == pytest.approx(solution.objective)
    assert solution.longest == travelled.max() and solution.mean == pytest.approx(solution.total / problem.weights.sum())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems(objective="max"))
def test_the_worst_journey_objective_matches_enumeration(problem):
    assert solve(problem).objective == pytest.approx(enumerate_best(problem).objective)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(small_problems(capacitated=True), st.sampled_from(["total", "max"]))
def test_capacities_are_respected_and_the_result_matches_enumeration(problem, objective):
    problem = Problem(problem.distances, problem.k, problem.weights, problem.capacities, objective)
    best = feasible(problem)
    if best is None:
        with pytest.raises(PlanningProblem):
            solve(problem)
        return
    solution = solve(problem)
    load = np.zeros(problem.distances.shape[1])
    np.add.at(load, solution.assignment, problem.weights)
    assert (load <= problem.capacities + 1e-9).all()
    assert set(solution.assignment) <= set(solution.venues)
    assert solution.objective == pytest.approx(best.objective, abs=1e-6)


def test_every_learner_goes_to_their_nearest_chosen_venue():
    distances = np.array([[1, 9, 5], [8, 1, 5], [9, 9, 1]], dtype=float)
    solution = solve(Problem(distances, k=2))
    assert solution.objective == 3 or solution.objective == pytest.approx(min(
        evaluate(Problem(distances, k=2), pair)[1] for pair in ([0, 1], [0, 2], [1, 2])))
    assert [solution.venues[0] in (0, 1, 2)] and list(solution.assignment) == [
        min(solution.venues, key=lambda v: distances[i, v]) for i in range(3)]


def test_k_at_least_the_number_of_venues_chooses_them_all():
    distances = np.random.default_rng(1).uniform(0, 50, (20, 3))
    solution = solve(Problem(distances, k=7))
    assert solution.venues == [0, 1, 2] and solution.status == "optimal"
    assert solution.objective == pytest.approx(distances.min(axis=1).sum())


def test_learners_all_at_one_place_need_only_the_nearest_venue():
    distances = np.tile([7.0, 3.0, 3.0, 9.0], (50, 1))
    solution = solve(Problem(distances, k=1))
    assert solution.venues == [1] and solution.objective == 150  # ties go to the first venue listed


def test_a_venue_with_no_capacity_is_never_chosen():
    distances = np.array([[0, 10], [0, 10]], dtype=float)
    solution = solve(Problem(distances, k=1, capacities=np.array([0, 5])))
    assert solution.venues == [1] and list(solution.assignment) == [1, 1]


def test_too_little_capacity_is_a_clear_error():
    with pytest.raises(PlanningProblem, match="cannot hold 6 learners"):
        solve(Problem(np.zeros((6, 3)), k=2, capacities=np.array([2, 2, 2])))


@pytest.mark.parametrize("kwargs, message", [
    ({"distances": np.zeros((2, 0)), "k": 1}, "no candidate venues"),
    ({"distances": np.zeros((2, 2)), "k": 0}, "at least one venue"),
    ({"distances": np.array([[1, -1]]), "k": 1}, "not negative"),
    ({"distances": np.zeros((1, 2)), "k": 1, "weights": np.array([0])}, "weight"),
    ({"distances": np.zeros((1, 2)), "k": 1, "objective": "mean"}, "objective"),
])
def test_malformed_problems_are_refused(kwargs, message):
    with pytest.raises(PlanningProblem, match=message):
        Problem(**kwargs)


def test_the_heuristic_is_never_better_than_the_proven_optimum():
    rng = np.random.default_rng(3)
    points, venues = rng.uniform(0, 100, (300, 2)), rng.uniform(0, 100, (40, 2))
    distances = np.linalg.norm(points[:, None] - venues[None], axis=2)
    problem = Problem(distances, k=4)
    solution = solve(problem)
    assert solution.status == "optimal" and solution.gap < 1e-6
    assert evaluate(problem, heuristic(problem))[1] >= solution.objective - 1e-6


def test_a_time_limit_returns_the_best_plan_with_its_gap():
    rng = np.random.default_rng(4)
    points, venues = rng.uniform(0, 100, (1500, 2)), rng.uniform(0, 100, (150, 2))
    problem = Problem(np.linalg.norm(points[:, None] - venues[None], axis=2), k=40)
    solution = solve(problem, time_limit=0.3)
    assert len(solution.venues) == 40 and 0 <= solution.gap
    assert solution.bound <= solution.objective


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_the_mip_alone_matches_enumeration(problem):
    from partnering.planning.optimiser.pmedian import _pmedian_mip

    k = min(problem.k, problem.distances.shape[1])
    result, chosen, _ = _pmedian_mip(problem.distances * problem.weights[:, None], k, 10.0, 1e-9, None)
    assert result.status == "optimal"
    assert evaluate(problem, chosen)[1] == pytest.approx(enumerate_best(problem).objective)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems(), st.booleans())
def test_lagrangian_bounds_never_exceed_a_plan_that_uses_the_venue_or_pair(problem, poor_start):
    # Fixing drops a venue (or learner-venue pair) whose bound reaches the plan in hand; that is only
    # safe if every plan using it costs at least its bound. Check that against the optimal plan.
    import time

    from partnering.planning.optimiser.pmedian import _greedy, _interchange, _lagrangian

    costs, weights, k = problem.distances, problem.weights, problem.k
    if k >= costs.shape[1]:
        return
    chosen = list(range(k)) if poor_start else _interchange(costs, weights, _greedy(costs, weights, k))
    upper = float(weights @ costs[:, chosen].min(axis=1))
    bound, venue_bounds, pair_bounds, _, upper = _lagrangian(costs, weights, k, upper, chosen, time.perf_counter() + 5, 1e-9)
    best = enumerate_best(problem)
    slack = 1e-6 * max(best.objective, 1)
    assert bound <= best.objective + slack and best.objective <= upper + slack
    assert (venue_bounds[best.venues] <= best.objective + slack).all()
    if pair_bounds is not None:
        assert (pair_bounds[np.arange(len(costs)), best.assignment] <= best.objective + slack).all()
