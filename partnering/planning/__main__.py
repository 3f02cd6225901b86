"""Choose where joint sessions run, from CSV files, without a database.

    python -m partnering.planning choose --learners L.csv --venues V.csv -k K [--capacity] [--objective total|max] [--json]

L has learner_id,lat,lon (optionally weight: people at that place); V has venue_id,lat,lon (optionally
capacity). Distances are road kilometres from the default road model (great-circle x 1.3), one way.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from .optimiser import PlanningProblem, Problem, RoadModel, solve
from .optimiser.files import CsvProblem, read_learners, read_venues


def choose(args) -> dict:
    learners, venues = read_learners(args.learners), read_venues(args.venues)
    model = RoadModel(args.road_factor, args.speed)
    km = model.travel([learner.point for learner in learners], [venue.point for venue in venues]).km
    weights = np.array([learner.weight for learner in learners])
    capacities = None
    if args.capacity:
        if all(venue.capacity is None for venue in venues):
            raise CsvProblem(f"{args.venues}: --capacity needs a capacity column with at least one value.")
        capacities = np.array([np.nan if venue.capacity is None else venue.capacity for venue in venues])
    solution = solve(Problem(km, k=args.k, weights=weights, capacities=capacities, objective=args.objective),
                     time_limit=args.time_limit)
    return {
        "venues": [venues[j].id for j in solution.venues],
        "total_km": round(solution.total, 3),
        "mean_km": round(solution.mean, 3),
        "max_km": round(solution.longest, 3),
        "assignments": {learner.id: venues[j].id for learner, j in zip(learners, solution.assignment, strict=True)},
        "gap": round(solution.gap, 6),
        "status": solution.status,
        "seconds": round(solution.seconds, 3),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.planning", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("choose", help="choose k venues for the learners")
    run.add_argument("--learners", type=Path, required=True)
    run.add_argument("--venues", type=Path, required=True)
    run.add_argument("-k", type=int, required=True, help="how many venues to choose")
    run.add_argument("--capacity", action="store_true", help="respect the venues' capacity column")
    run.add_argument("--objective", choices=("total", "max"), default="total",
                     help="minimise total travel (default) or the longest journey")
    run.add_argument("--time-limit", type=float, default=30.0, help="seconds (default 30); the gap says how close")
    run.add_argument("--road-factor", type=float, default=1.3)
    run.add_argument("--speed", type=float, default=50.0, help="average speed, km/h (default 50)")
    run.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    try:
        result = choose(args)
    except (CsvProblem, PlanningProblem, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result))
    else:
        print(f"Venues: {', '.join(result['venues'])}")
        print(f"Travel (one way, road km): total {result['total_km']:,.1f}, mean {result['mean_km']:,.1f}, "
              f"longest {result['max_km']:,.1f}")
        print(f"{result['status']}; gap {result['gap']:.4%}; {result['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
