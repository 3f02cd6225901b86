"""Venue benchmark: choose k = 5 of 200 candidate venues for 2,000 learners, exactly, against the
greedy + Teitz-Bart interchange heuristic on the same instances in the same run, and against
exhaustive enumeration on instances small enough to enumerate.

    .venv/bin/python bench/venue_bench.py [--instances 5] [--learners 2000] [--venues 200] [-k 5] [--small 40]

Learners cluster round the head offices of the Welsh councils in shared/reference/councils.csv
(as staff do round their council's offices); venues are near those offices and across the region.
Distances use the default road model. Target: proven optimal (or within 0.1%) in under 10 s;
exactly the enumerated optimum on every small instance.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partnering.planning.optimiser import Point, Problem, RoadModel, enumerate_best, evaluate, heuristic, solve  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "reference" / "councils.csv"


def offices() -> np.ndarray:
    with REFERENCE.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["country"] == "Wales" and row["hq_lat"]]
    return np.array([[float(row["hq_lat"]), float(row["hq_lon"])] for row in rows])


def instance(rng: np.random.Generator, centres: np.ndarray, learners: int, venues: int) -> np.ndarray:
    sizes = rng.dirichlet(np.ones(len(centres)))  # councils differ in size
    home = rng.choice(len(centres), size=learners, p=sizes)
    people = centres[home] + rng.normal(0, 0.08, (learners, 2))
    near = centres[rng.integers(0, len(centres), venues // 2)] + rng.normal(0, 0.05, (venues // 2, 2))
    low, high = centres.min(axis=0), centres.max(axis=0)
    spread = rng.uniform(low, high, (venues - venues // 2, 2))
    sites = np.concatenate([near, spread])
    to_points = lambda rows: [Point(float(lat), float(lon)) for lat, lon in rows]  # noqa: E731
    return RoadModel().travel(to_points(people), to_points(sites)).km


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--instances", type=int, default=5)
    parser.add_argument("--learners", type=int, default=2000)
    parser.add_argument("--venues", type=int, default=200)
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--small", type=int, default=40, help="small instances checked against enumeration")
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()
    centres = offices()
    rng = np.random.default_rng(2026)

    large = []
    for _ in range(args.instances):
        distances = instance(rng, centres, args.learners, args.venues)
        problem = Problem(distances, k=args.k)
        started = time.perf_counter()
        plan = heuristic(problem)
        heuristic_s = time.perf_counter() - started
        heuristic_km = evaluate(problem, plan)[1]
        solution = solve(problem, time_limit=args.time_limit)
        large.append({
            "solver_s": round(solution.seconds, 3), "heuristic_s": round(heuristic_s, 3),
            "solver_km": round(solution.objective, 1), "heuristic_km": round(heuristic_km, 1),
            "gap": solution.gap, "status": solution.status, "method": solution.method,
            "venues_left_after_fixing": solution.stats.get("venues_after_fixing"),
        })

    small_checked = small_matched = 0
    enumeration_s, small_solver_s = [], []
    for _ in range(args.small):
        learners, venues = int(rng.integers(10, 60)), int(rng.integers(5, 15))
        k = int(rng.integers(1, min(5, venues) + 1))
        problem = Problem(instance(rng, centres, learners, venues), k=k)
        started = time.perf_counter()
        best = enumerate_best(problem)
        enumeration_s.append(time.perf_counter() - started)
        solution = solve(problem)
        small_solver_s.append(solution.seconds)
        small_checked += 1
        small_matched += abs(solution.objective - best.objective) <= 1e-6 * max(best.objective, 1) and solution.status == "optimal"

    result = {
        "instance": f"{args.learners} learners x {args.venues} venues, k = {args.k}",
        "instances": args.instances,
        "solver_s_median": round(statistics.median(r["solver_s"] for r in large), 3),
        "solver_s_max": max(r["solver_s"] for r in large),
        "heuristic_s_median": round(statistics.median(r["heuristic_s"] for r in large), 3),
        "solver_time_over_heuristic_time_median": round(statistics.median(r["solver_s"] / max(r["heuristic_s"], 1e-6) for r in large), 1),
        "proven_optimal": sum(r["status"] == "optimal" for r in large),
        "largest_gap": max(r["gap"] for r in large),
        "heuristic_excess_over_optimal_median": round(statistics.median(r["heuristic_km"] / r["solver_km"] - 1 for r in large), 5),
        "heuristic_excess_over_optimal_max": round(max(r["heuristic_km"] / r["solver_km"] - 1 for r in large), 5),
        "runs": large,
        "small_instances_matching_enumeration": f"{small_matched}/{small_checked}",
        "small_enumeration_s_total": round(sum(enumeration_s), 2),
        "small_solver_s_total": round(sum(small_solver_s), 2),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
