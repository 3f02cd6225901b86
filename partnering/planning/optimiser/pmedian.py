"""Choose k venues out of the candidates so learners travel least: the p-median problem (or, with
objective "max", the p-centre problem), optionally with venue capacities.

The exact solver is HiGHS. On its own, a MIP over every learner-venue pair at 2,000 x 200 is too big
to finish quickly, so three classic steps shrink it first, none of which gives up optimality:

1. a good plan from greedy construction and Teitz-Bart interchange (the upper bound);
2. a Lagrangian relaxation of "every learner goes somewhere", improved by subgradient steps, which
   bounds the best plan from below and, for each venue, bounds every plan that opens it: a venue
   whose bound is no better than the plan in hand cannot be in a better plan and is dropped;
3. the MIP (strong formulation) over the venues left, with learners at the same place merged.

The answer carries a proven lower bound, so the gap (how far from optimal it could be) is reported,
and is 0 when HiGHS proves optimality. A time limit stops the search with the best plan found.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import numpy as np

from . import mip


class PlanningProblem(ValueError):
    """The problem cannot be solved as posed (no venues, too little capacity…); the message says why."""


@dataclass(frozen=True)
class Problem:
    distances: np.ndarray  # learners x venues, in km (or minutes)
    k: int
    weights: np.ndarray | None = None  # people at each learner's place (default 1)
    capacities: np.ndarray | None = None  # people each venue can take (NaN or inf: no limit)
    objective: str = "total"  # "total" (p-median) or "max" (p-centre)

    def __post_init__(self):
        distances = np.asarray(self.distances, dtype=float)
        if distances.ndim != 2:
            raise PlanningProblem("distances must be a table of learners by venues")
        object.__setattr__(self, "distances", distances)
        if self.k < 1:
            raise PlanningProblem("choose at least one venue (k >= 1)")
        if distances.shape[1] == 0:
            raise PlanningProblem("there are no candidate venues")
        if not np.isfinite(distances).all() or (distances < 0).any():
            raise PlanningProblem("distances must be finite and not negative")
        if self.objective not in ("total", "max"):
            raise PlanningProblem(f"objective must be 'total' or 'max', not {self.objective!r}")
        weights = np.ones(len(distances)) if self.weights is None else np.asarray(self.weights, dtype=float)
        if weights.shape != (len(distances),) or not np.isfinite(weights).all() or (weights <= 0).any():
            raise PlanningProblem("each learner's weight must be a number above 0")
        object.__setattr__(self, "weights", weights)
        if self.capacities is not None:
            capacities = np.asarray(self.capacities, dtype=float)
            if capacities.shape != (distances.shape[1],) or (capacities < 0).any():
                raise PlanningProblem("each venue's capacity must be 0 or more (or blank for no limit)")
            capacities = np.where(np.isnan(capacities), np.inf, capacities)
            object.__setattr__(self, "capacities", None if np.isinf(capacities).all() else capacities)

    @property
    def capacitated(self) -> bool:
        return self.capacities is not None

    @property
    def usable(self) -> np.ndarray:
        """Venues that can take anyone (a venue with capacity 0 cannot be chosen)."""
        if self.capacities is None:
            return np.arange(self.distances.shape[1])
        return np.flatnonzero(self.capacities > 0)


@dataclass
class Solution:
    venues: list[int]  # chosen venue indexes, ascending
    assignment: np.ndarray  # each learner's venue index
    objective: float  # total weighted distance, or the longest distance for "max"
    bound: float  # no plan can do better than this
    status: str  # "optimal" (within the relative gap asked for) or "time limit"
    method: str
    seconds: float = 0.0
    stats: dict = field(default_factory=dict)
    total: float = 0.0  # weighted travel of everyone, one way
    mean: float = 0.0  # per person (weights count people)
    longest: float = 0.0  # the longest journey anyone makes

    def measure(self, problem: Problem) -> Solution:
        if len(self.assignment):
            travelled = problem.distances[np.arange(len(self.assignment)), self.assignment]
            self.total = float(problem.weights @ travelled)
            self.mean = self.total / float(problem.weights.sum())
            self.longest = float(travelled.max())
        return self

    @property
    def gap(self) -> float:
        """How much better than this plan the best plan could be, as a fraction of this plan."""
        if self.objective <= 0:
            return 0.0
        return max(0.0, (self.objective - self.bound) / self.objective)


def evaluate(problem: Problem, venues) -> tuple[np.ndarray, float]:
    """Each learner to its nearest chosen venue (no capacities): assignment and objective."""
    venues = np.asarray(sorted(venues))
    block = problem.distances[:, venues]
    assignment = venues[np.argmin(block, axis=1)]
    nearest = block.min(axis=1)
    objective = float(nearest.max()) if problem.objective == "max" else float(problem.weights @ nearest)
    return assignment, objective


def solve(problem: Problem, *, time_limit: float = 10.0, relative_gap: float = 1e-6) -> Solution:
    """The best plan within the time limit, with a proven bound (see the module's notes)."""
    started = time.perf_counter()
    deadline = started + time_limit
    n, _ = problem.distances.shape
    usable = problem.usable
    if len(usable) == 0:
        raise PlanningProblem("no venue can take anyone: every capacity is 0")
    if problem.capacitated and problem.weights.sum() > np.sort(problem.capacities[usable])[::-1][: problem.k].sum():
        raise PlanningProblem(
            f"{problem.k} venue(s) cannot hold {problem.weights.sum():g} learners: the largest hold "
            f"{np.sort(problem.capacities[usable])[::-1][: problem.k].sum():g} together"
        )
    if n == 0:
        return Solution([], np.zeros(0, dtype=int), 0.0, 0.0, "optimal", "no learners")
    if problem.objective == "max":
        solution = _solve_max(problem, usable, deadline, relative_gap)
    elif problem.capacitated:
        solution = _solve_capacitated(problem, usable, deadline, relative_gap)
    else:
        solution = _solve_total(problem, usable, deadline, relative_gap)
    solution.seconds = time.perf_counter() - started
    return solution


# --- heuristic: greedy + Teitz-Bart interchange -------------------------------------------------------------


def heuristic(problem: Problem) -> list[int]:
    """Greedy construction, then swap a chosen venue for another while that lowers the total
    (Teitz and Bart's interchange, evaluating every swap at once). Ignores capacities."""
    usable = problem.usable
    costs, weights = problem.distances[:, usable], problem.weights
    k = min(problem.k, len(usable))
    if k == len(usable):
        return sorted(int(v) for v in usable)
    chosen = _interchange(costs, weights, _greedy(costs, weights, k))
    return sorted(int(usable[j]) for j in chosen)


def _interchange(costs: np.ndarray, weights: np.ndarray, chosen: list[int]) -> list[int]:
    chosen = list(chosen)
    while True:
        block = costs[:, chosen]
        order = np.argsort(block, axis=1, kind="stable")
        first = block[np.arange(len(block)), order[:, 0]]
        second = block[np.arange(len(block)), order[:, 1]] if len(chosen) > 1 else np.full(len(block), np.inf)
        current = float(weights @ first)
        # Adding venue j and dropping chosen venue r: each learner goes to j if nearer, else to its nearest
        # remaining venue (its second-nearest if r was its nearest).
        with_j = np.minimum(costs, first[:, None])
        totals = weights @ with_j  # total if j is added and nothing dropped
        without = np.minimum(costs, second[:, None]) - with_j  # extra for learners whose nearest is dropped
        extra = np.zeros((len(chosen), costs.shape[1]))
        np.add.at(extra, order[:, 0], weights[:, None] * without)
        swap = totals[None, :] + extra
        swap[:, chosen] = np.inf
        r, j = np.unravel_index(int(np.argmin(swap)), swap.shape)
        if swap[r, j] >= current - 1e-9 * max(current, 1.0):
            return chosen
        chosen[r] = int(j)


# --- total (p-median), no capacities ----------------------------------------------------------------------------


def _merge_places(costs: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Learners at the same place (identical rows) become one, with their weights summed."""
    unique, inverse = np.unique(costs, axis=0, return_inverse=True)
    merged = np.zeros(len(unique))
    np.add.at(merged, inverse.ravel(), weights)
    return unique, merged, inverse.ravel()


RESTARTS = 8


def _lagrangian(costs: np.ndarray, weights: np.ndarray, k: int, upper: float, incumbent: list[int], deadline: float,
                relative_gap: float, iterations: int = 3000):
    """Subgradient optimisation of the Lagrangian bound (relaxing "each learner goes to one venue").

    Returns the best bound; for each venue, a bound on every plan that opens it; for each learner and
    venue, a bound on every plan that sends that learner there; and the best plan seen with its cost."""
    n, m = costs.shape
    weighted = costs * weights[:, None]
    multipliers = weighted[:, incumbent].min(axis=1)  # each learner's cost in the plan in hand
    best_bound, best_multipliers, venue_bounds = -np.inf, multipliers, np.full(m, -np.inf)
    step, stalled = 2.0, 0
    relaxed_plans: dict[frozenset, float] = {}  # the relaxation's own choices: good starts for interchange
    for _ in range(iterations):
        reduced = np.minimum(weighted - multipliers[:, None], 0.0)
        rho = reduced.sum(axis=0)
        order = np.argpartition(rho, k - 1)[:k] if k < m else np.arange(m)
        kth = rho[order].max()
        bound = float(multipliers.sum() + rho[order].sum())
        # Forcing venue j open swaps it for the dearest venue in the relaxed plan.
        venue_bounds = np.maximum(venue_bounds, bound + np.maximum(rho - kth, 0.0))
        candidate_cost = float(weighted[:, order].min(axis=1).sum())
        relaxed_plans[frozenset(order.tolist())] = candidate_cost
        if candidate_cost < upper - 1e-9 * upper:
            upper, incumbent = candidate_cost, sorted(int(j) for j in order)
        if bound > best_bound + 1e-9 * abs(bound):
            best_bound, best_multipliers, stalled = bound, multipliers, 0
        else:
            stalled += 1
            if stalled >= 25:
                step, stalled = step / 2, 0
        if upper - best_bound <= relative_gap * upper or step < 1e-5 or time.perf_counter() > deadline:
            break
        covered = (weighted[:, order] < multipliers[:, None]).sum(axis=1)
        subgradient = 1.0 - covered
        norm = float(subgradient @ subgradient)
        if norm == 0:
            break
        multipliers = multipliers + step * (upper - bound) / norm * subgradient
    closed = upper - best_bound <= relative_gap * upper
    # Interchange from the relaxation's best few choices often finds a better plan than the first one did.
    for start in [] if closed else sorted(relaxed_plans, key=relaxed_plans.get)[:RESTARTS]:
        if time.perf_counter() > deadline:
            break
        improved = _interchange(costs, weights, sorted(start))
        cost = float(weights @ costs[:, improved].min(axis=1))
        if cost < upper - 1e-9 * upper:
            upper, incumbent = cost, sorted(improved)
    if closed:
        return best_bound, venue_bounds, None, incumbent, upper
    # Sending learner i to venue j as well adds that pair's reduced cost when it is positive.
    difference = weighted - best_multipliers[:, None]
    rho = np.minimum(difference, 0.0).sum(axis=0)
    order = np.argpartition(rho, k - 1)[:k] if k < m else np.arange(m)
    open_bounds = best_bound + np.maximum(rho - rho[order].max(), 0.0)
    pair_bounds = open_bounds[None, :] + np.maximum(difference, 0.0)
    return best_bound, venue_bounds, pair_bounds, incumbent, upper


def _pmedian_mip(weighted: np.ndarray, k: int, time_limit: float, relative_gap: float, start: tuple[list[int], np.ndarray] | None,
                 capacities: np.ndarray | None = None, weights: np.ndarray | None = None, allowed: np.ndarray | None = None):
    """The strong formulation: open y_j (k of them), assign x_ij <= y_j, each learner once; with
    capacities, sum_i w_i x_ij <= capacity_j y_j and x binary (each learner goes to one venue)."""
    n, m = weighted.shape
    allowed = np.ones((n, m), dtype=bool) if allowed is None else allowed
    learner, venue = np.nonzero(allowed)
    pairs = len(learner)
    x_cols = m + np.arange(pairs)
    cost = np.concatenate([np.zeros(m), weighted[learner, venue]])
    upper = np.ones(m + pairs)
    integer = np.concatenate([np.ones(m, dtype=bool), np.full(pairs, capacities is not None)])
    rows, cols, values, lower_b, upper_b = [], [], [], [], []
    # each learner goes to exactly one venue: rows 0..n-1
    rows.append(learner), cols.append(x_cols), values.append(np.ones(pairs))
    lower_b.append(np.ones(n)), upper_b.append(np.ones(n))
    # k venues open: row n
    rows.append(np.full(m, n)), cols.append(np.arange(m)), values.append(np.ones(m))
    lower_b.append([k]), upper_b.append([k])
    # x_ij - y_j <= 0: rows n+1 ..
    link = n + 1 + np.arange(pairs)
    rows += [link, link]
    cols += [x_cols, venue]
    values += [np.ones(pairs), -np.ones(pairs)]
    lower_b.append(np.full(pairs, -np.inf)), upper_b.append(np.zeros(pairs))
    if capacities is not None:
        # sum_i w_i x_ij - capacity_j y_j <= 0
        cap_rows = n + 1 + pairs + np.arange(m)
        finite = np.where(np.isinf(capacities), weights.sum(), capacities)
        rows += [cap_rows[venue], cap_rows]
        cols += [x_cols, np.arange(m)]
        values += [weights[learner], -finite]
        lower_b.append(np.full(m, -np.inf)), upper_b.append(np.zeros(m))
    initial = None
    if start is not None:  # a plan in hand (venues, each learner's venue) for HiGHS to improve on
        venues, assignment = start
        column = np.full((n, m), -1)
        column[learner, venue] = x_cols
        initial = np.zeros(m + pairs)
        initial[list(venues)] = 1
        initial[column[np.arange(n), assignment]] = 1
    result = mip.solve(
        cost, upper, integer, np.concatenate(rows), np.concatenate(cols), np.concatenate(values),
        np.concatenate([np.asarray(b, dtype=float) for b in lower_b]), np.concatenate([np.asarray(b, dtype=float) for b in upper_b]),
        time_limit=time_limit, relative_gap=relative_gap, start=initial,
    )
    chosen = None if result.values is None else sorted(int(j) for j in np.flatnonzero(result.values[:m] > 0.5))
    assignment = None
    if result.values is not None:
        x = result.values[m:] > 0.5
        assignment = np.full(n, -1)
        assignment[learner[x]] = venue[x]
    return result, chosen, assignment


def _solve_total(problem: Problem, usable: np.ndarray, deadline: float, relative_gap: float) -> Solution:
    k = min(problem.k, len(usable))
    costs, weights, inverse = _merge_places(problem.distances[:, usable], problem.weights)
    stats = {"places": len(costs), "venues": len(usable)}
    chosen = _interchange(costs, weights, _greedy(costs, weights, k)) if k < len(usable) else list(range(len(usable)))
    upper = float(weights @ costs[:, chosen].min(axis=1))
    if k == len(usable):
        return _finish(problem, usable[chosen], upper, "optimal", "every venue chosen", stats)
    bound, venue_bounds, pair_bounds, chosen, upper = _lagrangian(costs, weights, k, upper, chosen, deadline, relative_gap)
    keep = np.flatnonzero(venue_bounds < upper * (1 + 1e-9))  # a venue whose bound reaches the plan's cannot improve it
    keep = np.union1d(keep, chosen)
    stats.update(lagrangian_bound=bound, venues_after_fixing=len(keep))
    if upper - bound <= relative_gap * upper or len(keep) <= k:
        # Either the bound meets the plan, or every venue outside the plan is ruled out.
        return _finish(problem, usable[chosen], upper, "optimal", "interchange + Lagrangian bound", stats,
                       bound=upper if len(keep) <= k else bound)
    start = [int(np.searchsorted(keep, j)) for j in chosen]
    allowed = _allowed_pairs(pair_bounds[:, keep], upper, costs[:, keep], start)
    stats["pairs_after_fixing"] = int(allowed.sum())
    nearest = np.asarray(start)[np.argmin(costs[:, keep][:, start], axis=1)]
    result, picked, _ = _pmedian_mip(costs[:, keep] * weights[:, None], k, deadline - time.perf_counter(), relative_gap, (start, nearest),
                                     allowed=allowed)
    if picked is not None and result.objective < upper - 1e-9 * upper:
        chosen, upper = [int(keep[j]) for j in picked], result.objective
    proven = max(bound, min(result.bound, upper))
    status = "optimal" if result.status == "optimal" else "time limit"
    return _finish(problem, usable[chosen], upper, status, "HiGHS MIP after Lagrangian venue fixing", stats, bound=min(proven, upper))


def _allowed_pairs(pair_bounds: np.ndarray, upper: float, costs: np.ndarray, chosen) -> np.ndarray:
    """Learner-venue pairs a better plan could use: a pair whose bound reaches the plan in hand cannot.
    The plan's own pairs stay, so the MIP always has the plan in hand to start from."""
    allowed = pair_bounds < upper * (1 + 1e-9)
    allowed[np.arange(len(costs)), np.asarray(chosen)[np.argmin(costs[:, chosen], axis=1)]] = True
    return allowed


def _greedy(costs: np.ndarray, weights: np.ndarray, k: int) -> list[int]:
    """Add, k times, the venue that lowers the total most."""
    chosen: list[int] = []
    nearest = np.full(len(costs), np.inf)
    for _ in range(k):
        totals = weights @ np.minimum(costs, nearest[:, None])
        totals[chosen] = np.inf
        best = int(np.argmin(totals))
        chosen.append(best)
        nearest = np.minimum(nearest, costs[:, best])
    return chosen


def _finish(problem: Problem, venues, objective: float, status: str, method: str, stats: dict, *, bound: float | None = None,
            assignment: np.ndarray | None = None) -> Solution:
    venues = sorted(int(v) for v in venues)
    if assignment is None:
        assignment, objective = evaluate(problem, venues)
    return Solution(venues, assignment, objective, objective if bound is None else min(bound, objective), status, method,
                    stats=stats).measure(problem)


# --- total with capacities ------------------------------------------------------------------------------------------


def _solve_capacitated(problem: Problem, usable: np.ndarray, deadline: float, relative_gap: float) -> Solution:
    costs, weights, capacities = problem.distances[:, usable], problem.weights, problem.capacities[usable]
    k = min(problem.k, len(usable))
    weighted = costs * weights[:, None]
    keep, chosen, assignment, upper, bound = np.arange(len(usable)), None, None, np.inf, -np.inf
    if k < len(usable):
        # A first plan: the uncapacitated plan's venues, if they can hold everyone, with learners placed by the MIP.
        first = _interchange(costs, weights, _greedy(costs, weights, k))
        if capacities[first].sum() >= weights.sum():
            result, picked, placed = _pmedian_mip(weighted[:, first], len(first), max(deadline - time.perf_counter(), 0.4) / 4,
                                                  relative_gap, None, capacities[first], weights)
            if picked is not None:
                chosen, upper, assignment = [first[j] for j in picked], result.objective, np.asarray(first)[placed]
        if chosen is not None:
            # Lagrangian bounds without capacities are still bounds with them: venues that cannot beat the plan go.
            # (Capacities that bind leave this bound loose, so it gets a quarter of the time left, not all of it.)
            lagrangian_deadline = time.perf_counter() + (deadline - time.perf_counter()) / 4
            bound, venue_bounds, _, _, _ = _lagrangian(costs, weights, k, upper, chosen, lagrangian_deadline, relative_gap)
            keep = np.union1d(np.flatnonzero(venue_bounds < upper * (1 + 1e-9)), chosen)
    start = None if chosen is None else ([int(np.searchsorted(keep, j)) for j in chosen], np.searchsorted(keep, assignment))
    result, picked, placed = _pmedian_mip(weighted[:, keep], k, deadline - time.perf_counter(), relative_gap, start,
                                          capacities[keep], weights)
    if picked is not None and result.objective <= upper:
        chosen, upper, assignment = [int(keep[j]) for j in picked], result.objective, keep[placed]
    if chosen is None:
        raise PlanningProblem("no plan that fits the venues' capacities was found in the time allowed")
    status = "optimal" if result.status == "optimal" else "time limit"
    stats = {"venues": len(usable), "venues_after_fixing": len(keep)}
    return _finish(problem, usable[chosen], upper, status, "HiGHS MIP with capacities", stats,
                   bound=max(bound, min(result.bound, upper)), assignment=usable[assignment])


# --- worst journey (p-centre) -----------------------------------------------------------------------------------------


def _solve_max(problem: Problem, usable: np.ndarray, deadline: float, relative_gap: float) -> Solution:
    """Smallest longest journey: binary search over the distinct distances, each step a HiGHS MIP
    (can k venues put every learner within this distance, capacities allowing?); then, among plans with
    that longest journey, the least total travel. Out of time, the best plan found so far, with the
    shortest longest-journey not yet ruled out as its bound."""
    started = time.perf_counter()
    costs, weights = problem.distances[:, usable], problem.weights
    capacities = None if problem.capacities is None else problem.capacities[usable]
    k = min(problem.k, len(usable))
    n = len(costs)
    if capacities is None:
        venues = _interchange(costs, weights, _greedy(costs, weights, k)) if k < len(usable) else list(range(len(usable)))
        assignment = np.asarray(venues)[np.argmin(costs[:, venues], axis=1)]
    else:  # the least-travel plan that fits is a first plan that fits
        first = _solve_capacitated(Problem(costs, k, weights, capacities), np.arange(len(usable)),
                                   started + (deadline - started) / 4, relative_gap)
        venues, assignment = first.venues, first.assignment
    longest = float(costs[np.arange(n), assignment].max())
    lowest = float(costs.min(axis=1).max())  # someone must travel at least this far, whatever is chosen
    thresholds = np.unique(costs[(costs >= lowest) & (costs <= longest)])
    low, high = 0, len(thresholds) - 1  # a plan within thresholds[high] is in hand; below thresholds[low], none exists
    searches, search_deadline = 0, started + (deadline - started) * 0.8
    while low < high and time.perf_counter() < search_deadline:
        middle = (low + high) // 2
        share = (search_deadline - time.perf_counter()) / max(np.log2(high - low + 1), 1)
        outcome, found = _within(costs, weights, capacities, k, thresholds[middle], share)
        searches += 1
        if outcome == "feasible":
            venues, assignment = found
            high = int(np.searchsorted(thresholds, costs[np.arange(n), assignment].max()))
        elif outcome == "infeasible":
            low = middle + 1
        else:
            break  # out of time for this step: keep the best plan and the bound so far
    limit = float(thresholds[high])
    venues, assignment = _least_travel_within(costs, weights, capacities, k, limit, venues, assignment, deadline, relative_gap)
    stats = {"venues": len(usable), "feasibility_searches": searches}
    return _finish(problem, usable[venues], float(costs[np.arange(n), assignment].max()), "optimal" if low == high else "time limit",
                   "HiGHS feasibility search", stats, bound=float(thresholds[low]), assignment=usable[assignment])


def _within(costs, weights, capacities, k: int, limit: float, time_limit: float):
    """Can k venues serve everyone within `limit`? ("feasible", (venues, assignment)), ("infeasible", None)
    or ("unknown", None) when the time ran out first."""
    allowed = costs <= limit
    if capacities is None:
        # Fewest venues covering everyone: learners who can reach the same venues are one row.
        rows = np.unique(allowed, axis=0)
        learner, venue = np.nonzero(rows)
        m = costs.shape[1]
        result = mip.solve(np.ones(m), np.ones(m), np.ones(m, dtype=bool), learner, venue, np.ones(len(learner)),
                           np.ones(len(rows)), np.full(len(rows), np.inf), time_limit=time_limit, relative_gap=0.0)
        if result.status == "infeasible" or result.bound > k + 1e-6:
            return "infeasible", None
        if result.values is None or result.objective > k + 1e-6:
            return "unknown", None
        chosen = [int(j) for j in np.flatnonzero(result.values > 0.5)]
        nearest = costs[:, chosen].min(axis=1)
        while len(chosen) < k:  # more venues than needed never lengthen a journey: add the most useful
            totals = weights @ np.minimum(costs, nearest[:, None])
            totals[chosen] = np.inf
            chosen.append(int(np.argmin(totals)))
            nearest = np.minimum(nearest, costs[:, chosen[-1]])
        chosen = sorted(chosen)
        return "feasible", (chosen, np.asarray(chosen)[np.argmin(costs[:, chosen], axis=1)])
    result, chosen, assignment = _pmedian_mip(np.zeros_like(costs), k, time_limit, 0.0, None, capacities, weights, allowed)
    if result.status == "infeasible":
        return "infeasible", None
    if chosen is None:
        return "unknown", None
    return "feasible", (chosen, assignment)


def _least_travel_within(costs, weights, capacities, k, limit, venues, assignment, deadline, relative_gap):
    """Among plans whose longest journey is within `limit`, the least total travel (the plan in hand if
    nothing better is found in time)."""
    n = len(costs)
    in_hand = float(weights @ costs[np.arange(n), assignment])
    if capacities is None:
        # Journeys over the limit cost more than any whole plan within it, so the best plan uses none.
        penalised = np.where(costs <= limit, costs, costs.max() * weights.sum() / weights.min() + 1)
        better = _solve_total(Problem(penalised, k, weights), np.arange(costs.shape[1]), deadline, relative_gap)
        if better.longest <= limit and better.objective < in_hand:
            return better.venues, better.assignment
        return venues, assignment
    result, chosen, placed = _pmedian_mip(costs * weights[:, None], k, max(deadline - time.perf_counter(), 0.1), relative_gap,
                                          (list(venues), assignment), capacities, weights, costs <= limit)
    if chosen is not None and result.objective < in_hand:
        return chosen, placed
    return venues, assignment


# --- exhaustive enumeration, the reference for small instances ------------------------------------------------------


def enumerate_best(problem: Problem) -> Solution:
    """Try every set of k venues (and, with capacities, every assignment): exact, and only for small instances."""
    started = time.perf_counter()
    usable = problem.usable
    k = min(problem.k, len(usable))
    n = len(problem.distances)
    best = None
    for venues in itertools.combinations(usable.tolist(), k):
        if problem.capacities is None:
            assignment, objective = evaluate(problem, venues)
            candidates = [(objective, assignment)]
        else:
            candidates = []
            for choice in itertools.product(venues, repeat=n):
                load = np.zeros(problem.distances.shape[1])
                np.add.at(load, list(choice), problem.weights)
                if (load <= np.where(np.isinf(problem.capacities), np.inf, problem.capacities) + 1e-9).all():
                    travelled = problem.distances[np.arange(n), list(choice)]
                    objective = float(travelled.max()) if problem.objective == "max" else float(problem.weights @ travelled)
                    candidates.append((objective, np.array(choice)))
        for objective, assignment in candidates:
            if best is None or objective < best[0] - 1e-9:
                best = (objective, sorted(venues), assignment)
    if best is None:
        raise PlanningProblem("no set of venues can hold every learner")
    return Solution(best[1], best[2], best[0], best[0], "optimal", "enumeration", time.perf_counter() - started).measure(problem)
